//! Markdown renderings of the reports, in the user's language. The cohort report reads
//! as the skeleton of a 工作总结: facts filled in, the judgement sections left to write.

mod coverage;
mod teaching;

use std::fmt::Write;

use crate::text::Lang;

use super::cohort::CohortReport;
use super::text::{
    cell, counts, field_counts, field_label, focus_label, level_label, percent, session_label,
    table,
};
use super::year::YearReport;

pub fn cohort(r: &CohortReport, lang: Lang) -> String {
    let t = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let c = &r.cohort;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {} {}\n",
        cell(&c.name),
        t("工作总结（初稿）", "— summary report (draft)")
    );
    let _ = writeln!(
        out,
        "> {}{}\n",
        t("生成时间：", "Generated: "),
        r.generated_at
    );
    let _ = writeln!(out, "## {}\n", t("一、基本情况", "1. Overview"));
    let _ = writeln!(
        out,
        "{}\n",
        match lang {
            Lang::Zh => format!(
                "本期（{}）于 {} 至 {} 在{}举办，为期 {} 天，共 {} 个场次。参训学员 {} 人，完成培训（出勤不少于 {}% 的场次）{} 人。",
                c.code,
                c.start,
                c.end,
                if c.venue.is_empty() {
                    "（地点）"
                } else {
                    &c.venue
                },
                c.days,
                r.sessions.len(),
                r.enrolled,
                c.completion_percent,
                r.completed
            ),
            Lang::En => format!(
                "Cohort {} ran from {} to {} at {}: {} days, {} sessions. {} enrolled; {} completed (attended at least {}% of sessions).",
                c.code,
                c.start,
                c.end,
                if c.venue.is_empty() {
                    "(venue)"
                } else {
                    &c.venue
                },
                c.days,
                r.sessions.len(),
                r.enrolled,
                r.completed,
                c.completion_percent
            ),
        }
    );
    counts(
        &mut out,
        t("领域", "Field"),
        t("人数", "People"),
        &field_counts(&r.by_field, lang),
    );
    counts(
        &mut out,
        t("县市区", "County"),
        t("人数", "People"),
        &r.by_county,
    );
    let heading = t("二、教学内容与方式", "2. What was taught and how");
    teaching::section(&mut out, heading, &r.teaching, lang);
    let _ = writeln!(
        out,
        "## {}\n",
        t("三、出勤情况", "3. Attendance by session")
    );
    let header = [
        t("场次", "Session"),
        t("日期", "Date"),
        t("签到", "Present"),
        t("迟到", "Late"),
        t("请假", "Leave"),
        t("缺勤", "Absent"),
        t("未到", "Not yet"),
        t("出勤率", "Rate"),
    ];
    table(
        &mut out,
        &header,
        r.sessions.iter().map(|s| {
            vec![
                session_label(&s.session, lang),
                s.date.clone(),
                s.present.to_string(),
                s.late.to_string(),
                s.leave.to_string(),
                s.absent.to_string(),
                s.none.to_string(),
                percent(s.rate),
            ]
        }),
    );
    let _ = writeln!(
        out,
        "## {}\n",
        t("四、学员出勤明细", "4. Attendance by person")
    );
    let header = [
        t("姓名", "Name"),
        t("单位", "Unit"),
        t("县市区", "County"),
        t("出勤场次", "Attended"),
        t("完成", "Completed"),
    ];
    table(
        &mut out,
        &header,
        r.people.iter().map(|p| {
            let done = if p.completed {
                t("是", "yes")
            } else {
                t("否", "no")
            };
            vec![
                p.person.name.clone(),
                p.person.unit.clone(),
                p.person.county.clone(),
                format!("{}/{}", p.attended, p.sessions),
                done.to_string(),
            ]
        }),
    );
    for heading in [
        t("五、主要做法和成效", "5. What was done and achieved"),
        t("六、存在问题和下步打算", "6. Problems and next steps"),
    ] {
        let _ = writeln!(
            out,
            "## {heading}\n\n{}\n",
            t("（请补充）", "(to be written)")
        );
    }
    out
}

pub fn year(r: &YearReport, lang: Lang) -> String {
    let t = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {}{}\n",
        r.year,
        t(
            "年基层党组织书记轮训情况",
            " rotation training of grassroots Party secretaries"
        )
    );
    let _ = writeln!(
        out,
        "> {}{}\n",
        t("生成时间：", "Generated: "),
        r.generated_at
    );
    let _ = writeln!(out, "## {}\n", t("一、举办班次", "1. Cohorts held"));
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
    table(
        &mut out,
        &header,
        r.cohorts.iter().map(|c| {
            vec![
                c.code.clone(),
                c.name.clone(),
                level_label(c.level, lang),
                focus_label(c.field, lang),
                c.start.clone(),
                c.days.to_string(),
                c.enrolled.to_string(),
                c.completed.to_string(),
            ]
        }),
    );
    coverage::level_field(&mut out, &r.cohorts_by_level_and_field, lang);
    let _ = writeln!(out, "## {}\n", t("二、完成培训人数", "2. People trained"));
    let _ = writeln!(out, "{}{}\n", t("合计：", "Total: "), r.trained);
    counts(
        &mut out,
        t("领域", "Field"),
        t("人数", "People"),
        &field_counts(&r.trained_by_field, lang),
    );
    counts(
        &mut out,
        t("县市区", "County"),
        t("人数", "People"),
        &r.trained_by_county,
    );
    let heading = t("三、内容模块覆盖情况", "3. Content modules covered");
    coverage::matrix(&mut out, heading, &r.coverage_matrix, lang);
    let _ = writeln!(
        out,
        "## {} {}%\n",
        t(
            "四、市级集中培训比例（村党组织书记），要求不低于",
            "4. Village secretaries at city-level training, required at least"
        ),
        r.quota_percent
    );
    let header = [
        t("县市区", "County"),
        t("村党组织书记", "Village secretaries"),
        t("完成市级培训", "Completed city-level"),
        t("比例", "Ratio"),
        t("达标", "Meets"),
    ];
    table(
        &mut out,
        &header,
        r.quota.iter().map(|q| {
            let ratio = q.ratio.map_or_else(|| "—".to_string(), percent);
            let meets = match (q.ratio, q.meets) {
                (None, _) => t("无村书记", "no village secretaries"),
                (_, true) => t("是", "yes"),
                (_, false) => t("否", "no"),
            };
            vec![
                q.county.clone(),
                q.village_secretaries.to_string(),
                q.city_level_completed.to_string(),
                ratio,
                meets.to_string(),
            ]
        }),
    );
    let _ = writeln!(
        out,
        "## {}（{}）\n",
        t("五、尚未参加轮训人员", "5. Not yet trained"),
        r.untrained.len()
    );
    let header = [
        t("县市区", "County"),
        t("领域", "Field"),
        t("姓名", "Name"),
        t("单位", "Unit"),
    ];
    table(
        &mut out,
        &header,
        r.untrained.iter().map(|p| {
            vec![
                p.county.clone(),
                field_label(p.field.unwrap_or("unknown"), lang),
                p.name.clone(),
                p.unit.clone(),
            ]
        }),
    );
    out
}
