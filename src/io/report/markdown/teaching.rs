//! The cohort report's 教学内容与方式: a summary sentence, then methods, module
//! coverage, bases visited and the teaching log as tables.

use std::fmt::Write;

use crate::text::Lang;

use super::super::teaching::{BaseLine, TeachingSection};
use super::super::text::{
    base_kind_label, have_label, hours_text, level_label, list, method_label, module_label,
    session_label, status_label, table, yes_no,
};

pub fn section(out: &mut String, heading: &str, s: &TeachingSection, lang: Lang) {
    let t = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let _ = writeln!(out, "## {heading}\n");
    let _ = writeln!(out, "{}\n", summary(s, lang));
    let _ = writeln!(out, "### {}\n", t("（一）教学方式", "Teaching methods"));
    table(
        out,
        &[
            t("方式", "Method"),
            t("次数", "Count"),
            t("学时", "Hours"),
            t("计划未举办", "Planned"),
        ],
        s.methods.iter().map(|m| {
            vec![
                method_label(m.method, lang),
                m.count.to_string(),
                hours_text(m.hours),
                m.planned.to_string(),
            ]
        }),
    );
    let _ = writeln!(out, "### {}\n", t("（二）内容模块覆盖", "Content modules"));
    table(
        out,
        &[
            t("内容模块", "Module"),
            t("覆盖", "Covered"),
            t("场次", "Sessions"),
            t("次数", "Activities"),
            t("学时", "Hours"),
        ],
        s.modules.iter().map(|m| {
            vec![
                module_label(&m.module, lang),
                yes_no(m.covered, lang).to_string(),
                list(m.sessions.iter().map(|c| session_label(c, lang)), lang),
                m.activities.to_string(),
                hours_text(m.hours),
            ]
        }),
    );
    let _ = writeln!(
        out,
        "### {}\n",
        t("（三）现场教学基地", "Training bases visited")
    );
    if s.bases.is_empty() {
        let _ = writeln!(out, "{}\n", t("本期未安排现场观摩。", "No site visits."));
    } else {
        bases(out, &s.bases, lang);
    }
    let _ = writeln!(out, "### {}\n", t("（四）教学活动", "Teaching log"));
    log(out, s, lang);
}

/// One paragraph a person can keep or rewrite.
fn summary(s: &TeachingSection, lang: Lang) -> String {
    let methods = s.methods.iter().filter(|m| m.count > 0);
    let methods = list(methods.map(|m| method_label(m.method, lang)), lang);
    let covered = s.modules.len() - s.uncovered.len();
    let uncovered = list(s.uncovered.iter().map(|m| module_label(m, lang)), lang);
    let accredited = s.bases.iter().filter(|b| b.accredited).count();
    let mut text = match (s.activities, lang) {
        (0, Lang::Zh) => "本期尚未记录已举办的教学活动".to_string(),
        (0, Lang::En) => "No teaching activity is recorded as held".to_string(),
        (n, Lang::Zh) => format!(
            "本期共举办教学活动 {n} 次，计 {} 学时，采用{methods}等方式",
            hours_text(s.hours)
        ),
        (n, Lang::En) => format!(
            "{n} teaching activities were held ({} hours in all; methods: {methods})",
            hours_text(s.hours)
        ),
    };
    text += &match (s.uncovered.is_empty(), lang) {
        (true, Lang::Zh) => format!("；{} 个内容模块全部覆盖。", s.modules.len()),
        (true, Lang::En) => format!("; all {} content modules were covered.", s.modules.len()),
        (false, Lang::Zh) => format!(
            "；{} 个内容模块中覆盖 {covered} 个，尚未覆盖：{uncovered}。",
            s.modules.len()
        ),
        (false, Lang::En) => format!(
            "; {covered} of {} content modules were covered, not covered: {uncovered}.",
            s.modules.len()
        ),
    };
    if !s.bases.is_empty() {
        text += &match lang {
            Lang::Zh => format!(
                "现场观摩培训基地 {} 个，其中已授牌 {accredited} 个。",
                s.bases.len()
            ),
            Lang::En => format!(
                " Training bases visited: {}, accredited: {accredited}.",
                s.bases.len()
            ),
        };
    }
    if s.planned > 0 {
        text += &match lang {
            Lang::Zh => format!("另有 {} 项计划中的教学活动尚未标记举办。", s.planned),
            Lang::En => format!(" Planned activities not marked held: {}.", s.planned),
        };
    }
    text
}

fn bases(out: &mut String, list_of: &[BaseLine], lang: Lang) {
    let t = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    table(
        out,
        &[
            t("基地", "Base"),
            t("类型", "Kind"),
            t("县市区", "County"),
            t("授牌", "Accredited"),
            t("五有", "Five haves"),
            t("观摩场次", "Visited"),
        ],
        list_of.iter().map(|b| {
            vec![
                b.name.clone(),
                base_kind_label(b.kind, lang),
                b.county.clone(),
                accreditation(b, lang),
                five_haves(b, lang),
                list(b.sessions.iter().map(|c| session_label(c, lang)), lang),
            ]
        }),
    );
}

/// `是（市级，2015-03-01）`, or `否` (with the date when it came after the visit).
fn accreditation(b: &BaseLine, lang: Lang) -> String {
    let word = yes_no(b.accredited, lang);
    match (&b.accredited_by, &b.accredited_on) {
        (Some(level), Some(date)) => match lang {
            Lang::Zh => format!("{word}（{}，{date}）", level_label(level, lang)),
            Lang::En => format!("{word} ({level}, {date})"),
        },
        _ => word.to_string(),
    }
}

fn five_haves(b: &BaseLine, lang: Lang) -> String {
    match (b.registered, b.meets_standard) {
        (false, _) => "—".to_string(),
        (true, true) => lang.pick("达标", "all five").to_string(),
        (true, false) => {
            let missing = list(b.missing.iter().map(|h| have_label(h, lang)), lang);
            format!("{}{missing}", lang.pick("缺", "lacks "))
        }
    }
}

fn log(out: &mut String, s: &TeachingSection, lang: Lang) {
    let t = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    if s.log.is_empty() {
        let _ = writeln!(out, "{}\n", t("尚无教学记录。", "Nothing logged yet."));
        return;
    }
    table(
        out,
        &[
            t("场次", "Session"),
            t("方式", "Method"),
            t("题目", "Title"),
            t("授课人", "Lecturer"),
            t("内容模块", "Modules"),
            t("学时", "Hours"),
            t("状态", "Status"),
        ],
        s.log.iter().map(|a| {
            let lecturer = match (a.lecturer.is_empty(), a.role.is_empty(), lang) {
                (_, true, _) => a.lecturer.clone(),
                (true, false, _) => a.role.clone(),
                (false, false, Lang::Zh) => format!("{}（{}）", a.lecturer, a.role),
                (false, false, Lang::En) => format!("{} ({})", a.lecturer, a.role),
            };
            let modules = a.modules.iter().map(u16::to_string);
            // The base's name, unless the title already says it (观摩新开村).
            let title = match (&a.base, lang) {
                (Some(base), _) if a.title.contains(base.as_str()) => a.title.clone(),
                (None, _) => a.title.clone(),
                (Some(base), Lang::Zh) => format!("{}（{base}）", a.title),
                (Some(base), Lang::En) => format!("{} ({base})", a.title),
            };
            vec![
                session_label(&a.session, lang),
                method_label(a.method, lang),
                title,
                lecturer,
                list(modules, lang),
                a.hours.map_or_else(|| "—".to_string(), hours_text),
                status_label(a.status, lang),
            ]
        }),
    );
}
