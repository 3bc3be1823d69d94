//! The certificates workbook read back: its page setup from the sheets' XML, its text
//! through calamine.

use std::io::{Cursor, Read};

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use chrono::NaiveDate;

use super::certificates::{Certificate, CertificateBook, Outcome, Statement, workbook};
use super::certificates_page::PAGE_ROWS;
use crate::text::Lang;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2015, 3, d).unwrap()
}

fn book(completers: usize, statements: usize) -> CertificateBook {
    let names = ["李雅婷", "欧阳娜", "张伟", "王秀英", "刘洋"];
    CertificateBook {
        cohort: "第1期村党组织书记轮训班".into(),
        start: day(16),
        end: day(19),
        total_hours: "24".into(),
        modules: vec!["党的理论".into(), "党性教育".into(), "基层治理".into()],
        issuer: "中共岳阳县委组织部".into(),
        dated: day(19),
        certificates: (0..completers)
            .map(|n| Certificate {
                serial: format!("desk-AB12CD-2015-01-{:03}", n + 1),
                name: names[n % names.len()].into(),
                unit: "荣家湾镇新开村".into(),
                hours: "24".into(),
            })
            .collect(),
        statements: (0..statements)
            .map(|n| Statement {
                serial: format!("desk-AB12CD-2015-01-H{:03}", n + 1),
                name: format!("赵{n}"),
                unit: "新墙镇清水村".into(),
                hours: "9".into(),
                outcome: if n % 2 == 0 {
                    Outcome::NotCompleted {
                        reason: "请假和缺勤 6 学时，超过 1/7（3.4 学时）".into(),
                    }
                } else {
                    Outcome::Withdrawn {
                        reason: "病假".into(),
                    }
                },
            })
            .collect(),
    }
}

fn bytes(book: &CertificateBook, lang: Lang) -> Vec<u8> {
    let created = day(20).and_hms_opt(0, 0, 0).unwrap();
    workbook(book, lang, created).unwrap()
}

/// The XML of the `n`th worksheet (1-based).
fn sheet_xml(bytes: &[u8], n: usize) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    zip.by_name(&format!("xl/worksheets/sheet{n}.xml"))
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    xml
}

/// The `count` of `<rowBreaks>`, 0 when there are none.
fn row_breaks(xml: &str) -> usize {
    let Some(at) = xml.find("<rowBreaks count=\"") else {
        return 0;
    };
    let rest = &xml[at + "<rowBreaks count=\"".len()..];
    rest[..rest.find('"').unwrap()].parse().unwrap()
}

fn cells(bytes: &[u8], tab: &str) -> Vec<String> {
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.to_vec())).unwrap();
    let range = book.worksheet_range(tab).unwrap();
    range
        .rows()
        .flat_map(|r| r.iter())
        .filter_map(|c| match c {
            Data::String(s) => Some(s.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn one_page_per_completer_with_a_break_between_each_fit_to_a4() {
    let book = book(5, 3);
    let bytes = bytes(&book, Lang::Zh);
    let xml = sheet_xml(&bytes, 1);
    assert_eq!(row_breaks(&xml), 4, "{xml}");
    for n in 1..5 {
        let at = PAGE_ROWS * n;
        assert!(xml.contains(&format!("<brk id=\"{at}\"")), "break at {at}");
    }
    assert!(xml.contains("fitToPage=\"1\""), "{xml}");
    assert!(xml.contains("paperSize=\"9\""), "{xml}");
    assert!(xml.contains("fitToHeight=\"0\""), "{xml}");
    assert!(xml.contains("orientation=\"portrait\""), "{xml}");
    let statements = sheet_xml(&bytes, 3);
    assert_eq!(row_breaks(&statements), 2);
    assert!(statements.contains("fitToPage=\"1\""));
}

#[test]
fn every_page_names_its_person_and_serial() {
    let book = book(5, 3);
    let bytes = bytes(&book, Lang::Zh);
    let text = cells(&bytes, "结业证书").join("\n");
    for c in &book.certificates {
        assert!(
            text.contains(&format!("{}同志（{}）", c.name, c.unit)),
            "{text}"
        );
        assert!(text.contains(&format!("证书编号：{}", c.serial)), "{text}");
    }
    assert_eq!(text.matches("结　业　证　书").count(), 5);
    assert!(
        text.contains("学习内容包括党的理论、党性教育、基层治理"),
        "{text}"
    );
    assert!(text.contains("2015年3月16日至2015年3月19日"), "{text}");
    let statements = cells(&bytes, "学时证明").join("\n");
    assert!(statements.contains("（共24学时），获得9学时。未结业：请假和缺勤"));
    assert!(statements.contains("因病假退训。"), "{statements}");
    let register = cells(&bytes, "结业证书发放登记表");
    assert!(register.contains(&"领取人签名".to_string()), "{register:?}");
    for c in &book.certificates {
        assert!(register.contains(&c.serial), "{register:?}");
    }
}

#[test]
fn no_completers_gives_a_line_saying_so_and_no_breaks() {
    let bytes = bytes(&book(0, 1), Lang::En);
    let xml = sheet_xml(&bytes, 1);
    assert_eq!(row_breaks(&xml), 0);
    let text = cells(&bytes, "certificates").join("\n");
    assert!(text.contains("no certificates to print"), "{text}");
    assert_eq!(row_breaks(&sheet_xml(&bytes, 3)), 0);
}

#[test]
fn a_cohort_without_held_teaching_leaves_the_modules_out() {
    let mut book = book(1, 0);
    book.modules.clear();
    let text = cells(&bytes(&book, Lang::Zh), "结业证书").join("\n");
    assert!(text.contains("完成24学时学习，经考核准予结业。"), "{text}");
    assert!(!text.contains("学习内容包括"));
}
