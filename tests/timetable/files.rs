//! The timetable the tests import, made here: a four-day cohort's plan as a GBK CSV
//! saved by Excel (title row, CRLF, merged cells left empty) and as an .xlsx with Excel
//! dates and merged date and slot cells.

use std::path::{Path, PathBuf};

#[rustfmt::skip]
pub const HEADER: [&str; 12] = [
    "序号", "日期", "星期", "时段", "方式", "题目", "授课人", "职务", "模块", "基地", "学时", "备注",
];

/// The plan of a four-day cohort as a timetable lists it: the date only on a day's first
/// row and the slot only where it changes (merged cells). Date column: `M月D日`.
#[rustfmt::skip]
pub fn plan() -> Vec<[&'static str; 12]> {
    vec![
        ["1", "3月16日", "星期一", "上午", "专题辅导", "学习总书记系列重要讲话精神", "王强", "县委书记", "1", "", "3", ""],
        ["2", "", "", "", "讨论交流", "交流学习体会", "", "", "1、4", "", "1", ""],
        ["3", "", "", "下午", "专题辅导", "党章和党内纪律规定", "李明", "县纪委书记", "模块二", "", "3", ""],
        ["4", "3月17日", "星期二", "上午", "案例分析", "“四议两公开”案例", "赵红", "党校教授", "三", "", "3", ""],
        ["5", "", "", "下午", "现场观摩", "观摩新开村", "张华", "优秀村党组织书记", "3,4", "新开村", "3", "乘大巴"],
        ["6", "3月18日", "星期三", "上午", "经验介绍", "社区治理经验", "刘芳", "优秀社区党组织书记", "五", "", "2", ""],
        ["7", "", "", "", "讨论交流", "分组讨论", "", "", "4,5", "", "1", ""],
        ["8", "", "", "下午", "菜单选学", "菜单选学", "", "", "一、二、三、四、五", "", "3", ""],
        ["9", "3月19日", "星期四", "上午", "专题辅导", "基层党组织基本职责和工作方法", "陈刚", "组织部长", "模块四", "", "3", ""],
        ["10", "", "", "下午", "讨论交流", "结业座谈", "", "", "1,4", "", "2", "结业式"],
    ]
}

pub const TITLE: &str = "2015年第1期村（社区）党组织书记轮训班课程表";

/// The plan as Chinese-language Excel saves CSV: GBK, CRLF, the title row as a row of
/// commas. `date` rewrites the date column (e.g. into a 第几天 column).
pub fn csv_text(header: &[&str], date: impl Fn(&str) -> String) -> String {
    let mut lines = vec![format!("{TITLE},,,,,,,,,,,"), header.join(",")];
    for row in plan() {
        let cells: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(i, c)| match i {
                1 => date(c),
                _ if c.contains(',') => format!("\"{c}\""),
                _ => c.to_string(),
            })
            .collect();
        lines.push(cells.join(","));
    }
    lines.join("\r\n") + "\r\n"
}

pub fn gbk(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(text);
    assert!(!unmappable);
    bytes.into_owned()
}

pub fn file(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// The plan as an .xlsx: a merged title, dates as Excel dates, and the date and slot
/// cells merged over the rows they cover.
pub fn timetable_xlsx() -> Vec<u8> {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("课程表").unwrap();
    let plain = Format::new();
    let date_format = Format::new().set_num_format("yyyy-mm-dd");
    sheet.merge_range(0, 0, 0, 11, TITLE, &plain).unwrap();
    for (c, h) in HEADER.iter().enumerate() {
        sheet.write_string(1, c as u16, *h).unwrap();
    }
    let rows = plan();
    for (r, row) in rows.iter().enumerate() {
        let at = r as u32 + 2;
        for (c, cell) in row.iter().enumerate() {
            if cell.is_empty() {
                continue;
            }
            let span = rows[r + 1..]
                .iter()
                .take_while(|next| next[c].is_empty())
                .count();
            let merged = (c == 1 || c == 3) && span > 0;
            if merged {
                sheet
                    .merge_range(at, c as u16, at + span as u32, c as u16, "", &plain)
                    .unwrap();
            }
            if c == 1 {
                let day: u8 = cell
                    .trim_start_matches("3月")
                    .trim_end_matches('日')
                    .parse()
                    .unwrap();
                let date = ExcelDateTime::from_ymd(2015, 3, day).unwrap();
                sheet
                    .write_datetime_with_format(at, 1, &date, &date_format)
                    .unwrap();
            } else if matches!(c, 0 | 10) {
                sheet
                    .write_number(at, c as u16, cell.parse::<f64>().unwrap())
                    .unwrap();
            } else {
                sheet.write_string(at, c as u16, *cell).unwrap();
            }
        }
    }
    book.save_to_buffer().unwrap()
}
