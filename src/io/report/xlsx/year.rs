//! The year report's tabs: cohorts held (and by level and field), people trained by
//! field and by county, the cohorts × modules matrix, the quota and the untrained.

use crate::io::export::{Cell, Sheet};
use crate::text::Lang;

use super::super::text::{field_label, focus_label, level_label, list};
use super::super::year::YearReport;
use super::{count, counts, section, size, text};

pub fn year_sheets(r: &YearReport, lang: Lang) -> Vec<Sheet> {
    let t = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let title = |part: &str| match lang {
        Lang::Zh => format!("{}年 · {part}", r.year),
        Lang::En => format!("{} · {part}", r.year),
    };
    let mut by_field = counts(
        [
            t("培训人数（领域）", "Trained by field"),
            t("领域", "Field"),
        ],
        title(t("完成培训人数（按领域）", "People trained by field")),
        &r.trained_by_field,
        |key| field_label(key, lang),
        lang,
    );
    by_field.totals = vec![vec![text(t("合计", "Total")), size(r.trained)]];
    vec![
        cohorts(r, &title, lang),
        level_field(r, &title, lang),
        by_field,
        counts(
            [
                t("培训人数（县市区）", "Trained by county"),
                t("县市区", "County"),
            ],
            title(t("完成培训人数（按县市区）", "People trained by county")),
            &r.trained_by_county,
            str::to_string,
            lang,
        ),
        matrix(r, &title, lang),
        quota(r, &title, lang),
        untrained(r, &title, lang),
    ]
}

type Title<'a> = dyn Fn(&str) -> String + 'a;

fn cohorts(r: &YearReport, title: &Title<'_>, lang: Lang) -> Sheet {
    let t = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let header = [
        t("代码", "Code"),
        t("班次", "Cohort"),
        t("层级", "Level"),
        t("领域", "Field"),
        t("开始", "Start"),
        t("天数", "Days"),
        t("参训", "Enrolled"),
        t("完成", "Completed"),
    ];
    let rows = r
        .cohorts
        .iter()
        .map(|c| {
            vec![
                text(&c.code),
                text(&c.name),
                text(level_label(c.level, lang)),
                text(focus_label(c.field, lang)),
                text(&c.start),
                count(c.days),
                size(c.enrolled),
                size(c.completed),
            ]
        })
        .collect();
    let name = title(t("举办班次", "Cohorts held"));
    section(t("举办班次", "Cohorts"), name, &header, rows)
}

fn level_field(r: &YearReport, title: &Title<'_>, lang: Lang) -> Sheet {
    let t = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let rows = r
        .cohorts_by_level_and_field
        .iter()
        .map(|c| {
            vec![
                text(level_label(c.level, lang)),
                text(focus_label(c.field, lang)),
                size(c.cohorts),
            ]
        })
        .collect();
    section(
        t("层级与领域", "Level and field"),
        title(t("班次（按层级和领域）", "Cohorts by level and field")),
        &[
            t("层级", "Level"),
            t("领域", "Field"),
            t("班次数", "Cohorts"),
        ],
        rows,
    )
}

fn matrix(r: &YearReport, title: &Title<'_>, lang: Lang) -> Sheet {
    let t = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let m = &r.coverage_matrix;
    let columns: Vec<String> = m
        .modules
        .iter()
        .map(|c| format!("{} {}", c.number, lang.pick(&c.name, &c.name_en)))
        .collect();
    let mut header = vec![t("代码", "Code"), t("班次", "Cohort")];
    header.extend(columns.iter().map(String::as_str));
    header.push(t("未覆盖", "Not covered"));
    let rows = m
        .cohorts
        .iter()
        .map(|c| {
            let mut row = vec![text(&c.code), text(&c.name)];
            row.extend(c.cells.iter().map(|n| match n {
                Some(n) => count(*n),
                None => text("—"),
            }));
            row.push(text(list(c.missing.iter().map(u16::to_string), lang)));
            row
        })
        .collect();
    let name = title(t(
        "内容模块覆盖（已举办教学活动次数）",
        "Content modules covered (held activities)",
    ));
    section(t("模块覆盖", "Modules covered"), name, &header, rows)
}

fn quota(r: &YearReport, title: &Title<'_>, lang: Lang) -> Sheet {
    let t = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let header = [
        t("县市区", "County"),
        t("村党组织书记", "Village secretaries"),
        t("完成市级培训", "Completed city-level"),
        t("比例", "Ratio"),
        t("达标", "Meets"),
    ];
    let rows = r
        .quota
        .iter()
        .map(|q| {
            let meets = match (q.ratio, q.meets) {
                (None, _) => t("无村书记", "no village secretaries"),
                (_, true) => t("是", "yes"),
                (_, false) => t("否", "no"),
            };
            vec![
                text(&q.county),
                size(q.village_secretaries),
                size(q.city_level_completed),
                q.ratio.map_or_else(|| text("—"), Cell::Percent),
                text(meets),
            ]
        })
        .collect();
    let name = match lang {
        Lang::Zh => title(&format!(
            "市级集中培训比例（村党组织书记，要求不低于 {}%）",
            r.quota_percent
        )),
        Lang::En => title(&format!(
            "Village secretaries at city-level training (at least {}%)",
            r.quota_percent
        )),
    };
    section(t("市级培训比例", "Quota"), name, &header, rows)
}

fn untrained(r: &YearReport, title: &Title<'_>, lang: Lang) -> Sheet {
    let t = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let header = [
        t("县市区", "County"),
        t("领域", "Field"),
        t("姓名", "Name"),
        t("单位", "Unit"),
        t("乡镇", "Township"),
        t("电话", "Phone"),
        t("身份证号", "ID number"),
        t("编号", "Person id"),
    ];
    let rows = r
        .untrained
        .iter()
        .map(|p| {
            vec![
                text(&p.county),
                text(field_label(p.field.unwrap_or("unknown"), lang)),
                text(&p.name),
                text(&p.unit),
                text(&p.township),
                text(p.phone.clone().unwrap_or_default()),
                text(p.id_number.clone().unwrap_or_default()),
                text(&p.person_id),
            ]
        })
        .collect();
    let name = title(t("尚未参加轮训人员", "Not yet trained"));
    section(t("未参训人员", "Untrained"), name, &header, rows)
}
