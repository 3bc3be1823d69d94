//! The cohort report's tabs: overview, enrolment by field and by county, attendance by
//! session and by person, then methods, modules, bases and the teaching log.

use crate::domain::Session;
use crate::io::export::{Cell, Sheet};
use crate::text::Lang;

use super::super::cohort::CohortReport;
use super::super::teaching::TeachingSection;
use super::super::text::{
    base_kind_label, field_label, have_label, level_label, list, method_label, module_label,
    session_label, status_label, yes_no,
};
use super::{count, counts, section, size, text};

pub fn cohort_sheets(r: &CohortReport, lang: Lang) -> Vec<Sheet> {
    let t = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let title = |part: &str| format!("{} · {part}", r.cohort.name);
    let mut sheets = vec![
        overview(r, lang),
        counts(
            [t("参训领域", "By field"), t("领域", "Field")],
            title(t("参训学员领域分布", "Enrolment by field")),
            &r.by_field,
            |key| field_label(key, lang),
            lang,
        ),
        counts(
            [t("参训县市区", "By county"), t("县市区", "County")],
            title(t("参训学员县市区分布", "Enrolment by county")),
            &r.by_county,
            str::to_string,
            lang,
        ),
        sessions(r, lang),
        people(r, lang),
    ];
    sheets.extend(teaching(&r.teaching, &title, lang));
    sheets
}

fn overview(r: &CohortReport, lang: Lang) -> Sheet {
    let t = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let c = &r.cohort;
    let rows = vec![
        (t("班次代码", "Code"), text(&c.code)),
        (t("班次名称", "Name"), text(&c.name)),
        (t("层级", "Level"), text(level_label(c.level, lang))),
        (t("开始日期", "Start"), text(&c.start)),
        (t("结束日期", "End"), text(&c.end)),
        (t("天数", "Days"), count(c.days)),
        (t("地点", "Venue"), text(&c.venue)),
        (t("场次", "Sessions"), size(r.sessions.len())),
        (t("参训人数", "Enrolled"), size(r.enrolled)),
        (t("完成人数", "Completed"), size(r.completed)),
        (
            t("完成标准（出勤场次 %）", "Completion (% of sessions)"),
            count(c.completion_percent),
        ),
        (
            t("教学活动（已举办）", "Activities held"),
            size(r.teaching.activities),
        ),
        (t("学时", "Hours"), Cell::Number(r.teaching.hours)),
        (t("生成时间", "Generated"), text(&r.generated_at)),
    ];
    section(
        t("基本情况", "Overview"),
        format!("{} · {}", c.name, t("基本情况", "Overview")),
        &[t("项目", "Item"), t("内容", "Value")],
        rows.into_iter().map(|(k, v)| vec![text(k), v]).collect(),
    )
}

/// A session code's slot word: `上午` / `morning`.
fn slot_label(code: &str, lang: Lang) -> String {
    Session::parse(code).map_or_else(String::new, |s| {
        lang.pick(s.slot.zh(), s.slot.en()).to_string()
    })
}

fn sessions(r: &CohortReport, lang: Lang) -> Sheet {
    let t = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let header = [
        t("场次", "Session"),
        t("日期", "Date"),
        t("时段", "Slot"),
        t("已结束", "Closed"),
        t("签到", "Present"),
        t("迟到", "Late"),
        t("请假", "Leave"),
        t("缺勤", "Absent"),
        t("未到", "Not yet"),
        t("出勤率", "Rate"),
    ];
    let rows = r
        .sessions
        .iter()
        .map(|s| {
            vec![
                text(&s.session),
                text(&s.date),
                text(slot_label(&s.session, lang)),
                text(yes_no(s.closed, lang)),
                size(s.present),
                size(s.late),
                size(s.leave),
                size(s.absent),
                size(s.none),
                Cell::Percent(s.rate),
            ]
        })
        .collect();
    let title = format!("{} · {}", r.cohort.name, t("出勤情况", "Attendance"));
    section(t("场次出勤", "Sessions"), title, &header, rows)
}

/// A mark code as the word on the desk: `签到`, `迟到`, …
fn mark_label(code: &str, lang: Lang) -> String {
    let word = match code {
        "present" => lang.pick("签到", "present"),
        "late" => lang.pick("迟到", "late"),
        "leave" => lang.pick("请假", "leave"),
        "absent" => lang.pick("缺勤", "absent"),
        "none" => lang.pick("未到", "not yet"),
        other => other,
    };
    word.to_string()
}

fn people(r: &CohortReport, lang: Lang) -> Sheet {
    let t = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let codes: Vec<&str> = r.sessions.iter().map(|s| s.session.as_str()).collect();
    let mut header = vec![
        t("姓名", "Name"),
        t("单位", "Unit"),
        t("县市区", "County"),
        t("乡镇", "Township"),
        t("领域", "Field"),
        t("电话", "Phone"),
        t("身份证号", "ID number"),
    ];
    header.extend(&codes);
    header.extend([
        t("出勤场次", "Attended"),
        t("完成", "Completed"),
        t("编号", "Person id"),
    ]);
    let rows = r
        .people
        .iter()
        .map(|p| {
            let l = &p.person;
            let mut row = vec![
                text(&l.name),
                text(&l.unit),
                text(&l.county),
                text(&l.township),
                text(field_label(l.field.unwrap_or("unknown"), lang)),
                text(l.phone.clone().unwrap_or_default()),
                text(l.id_number.clone().unwrap_or_default()),
            ];
            row.extend(p.marks.iter().map(|m| text(mark_label(m, lang))));
            row.extend([
                size(p.attended),
                text(yes_no(p.completed, lang)),
                text(&l.person_id),
            ]);
            row
        })
        .collect();
    let title = format!(
        "{} · {}",
        r.cohort.name,
        t("学员出勤明细", "Attendance by person")
    );
    section(t("学员出勤", "People"), title, &header, rows)
}

fn teaching(s: &TeachingSection, title: &dyn Fn(&str) -> String, lang: Lang) -> Vec<Sheet> {
    let t = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let methods = s
        .methods
        .iter()
        .map(|m| {
            vec![
                text(method_label(m.method, lang)),
                count(m.count),
                Cell::Number(m.hours),
                count(m.planned),
            ]
        })
        .collect();
    let modules = s
        .modules
        .iter()
        .map(|m| {
            let sessions = m.sessions.iter().map(|c| session_label(c, lang));
            vec![
                count(m.module.number),
                text(module_label(&m.module, lang)),
                text(yes_no(m.covered, lang)),
                text(list(sessions, lang)),
                count(m.activities),
                Cell::Number(m.hours),
            ]
        })
        .collect();
    vec![
        section(
            t("教学方式", "Methods"),
            title(t("教学方式", "Teaching methods")),
            &[
                t("方式", "Method"),
                t("次数", "Count"),
                t("学时", "Hours"),
                t("计划未举办", "Planned"),
            ],
            methods,
        ),
        section(
            t("内容模块", "Modules"),
            title(t("内容模块覆盖", "Content modules")),
            &[
                t("编号", "Number"),
                t("内容模块", "Module"),
                t("覆盖", "Covered"),
                t("场次", "Sessions"),
                t("次数", "Activities"),
                t("学时", "Hours"),
            ],
            modules,
        ),
        bases(s, title, lang),
        log(s, title, lang),
    ]
}

fn bases(s: &TeachingSection, title: &dyn Fn(&str) -> String, lang: Lang) -> Sheet {
    let t = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let header = [
        t("基地", "Base"),
        t("类型", "Kind"),
        t("县市区", "County"),
        t("已登记", "Registered"),
        t("授牌", "Accredited"),
        t("授牌层级", "Accredited by"),
        t("授牌日期", "Accredited on"),
        t("五有达标", "Five haves"),
        t("缺少", "Lacks"),
        t("观摩次数", "Visits"),
        t("观摩场次", "Sessions"),
    ];
    let rows = s
        .bases
        .iter()
        .map(|b| {
            let level = b.accredited_by.map(|l| level_label(l, lang));
            let missing = b.missing.iter().map(|h| have_label(h, lang));
            let sessions = b.sessions.iter().map(|c| session_label(c, lang));
            vec![
                text(&b.name),
                text(base_kind_label(b.kind, lang)),
                text(&b.county),
                text(yes_no(b.registered, lang)),
                text(yes_no(b.accredited, lang)),
                text(level.unwrap_or_default()),
                text(b.accredited_on.clone().unwrap_or_default()),
                text(yes_no(b.meets_standard, lang)),
                text(missing.collect::<Vec<_>>().join(lang.pick("、", ", "))),
                size(b.visits),
                text(list(sessions, lang)),
            ]
        })
        .collect();
    let name = title(t("现场教学基地", "Training bases visited"));
    section(t("培训基地", "Bases"), name, &header, rows)
}

fn log(s: &TeachingSection, title: &dyn Fn(&str) -> String, lang: Lang) -> Sheet {
    let t = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let header = [
        t("编号", "Id"),
        t("场次", "Session"),
        t("方式", "Method"),
        t("题目", "Title"),
        t("授课人", "Lecturer"),
        t("职务", "Role"),
        t("内容模块", "Modules"),
        t("学时", "Hours"),
        t("培训基地", "Base"),
        t("状态", "Status"),
    ];
    let rows = s
        .log
        .iter()
        .map(|a| {
            let modules: Vec<String> = a.modules.iter().map(u16::to_string).collect();
            vec![
                count(a.id),
                text(&a.session),
                text(method_label(a.method, lang)),
                text(&a.title),
                text(&a.lecturer),
                text(&a.role),
                text(modules.join(",")),
                a.hours.map_or_else(Cell::blank, Cell::Number),
                text(a.base.clone().unwrap_or_default()),
                text(status_label(a.status, lang)),
            ]
        })
        .collect();
    let name = title(t("教学活动", "Teaching log"));
    section(t("教学活动", "Activities"), name, &header, rows)
}
