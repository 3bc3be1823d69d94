//! The summary of an import, in the user's language: where the rows came from, how the
//! columns were read, and the counts (new, updated, unchanged, enrolled, duplicates,
//! errors). Shared by the command line and the desk.

use crate::text::Lang;

use crate::io::tabular::source;

use super::plan::ImportPlan;
use super::{ReadFile, Slot};

/// How many duplicate pairs are listed by line before `…`.
const DUPLICATES_LISTED: usize = 10;

/// One line per fact; `cohort` is the code the file is enrolled in, if any.
pub fn summary(
    lang: Lang,
    file_name: &str,
    read: &ReadFile,
    plan: &ImportPlan,
    cohort: Option<&str>,
    errors: usize,
) -> String {
    let mut out = source_lines(lang, file_name, read);
    out += &column_lines(lang, read);
    let count = |zh: &str, en: &str, n: usize| format!("{}{n}\n", lang.pick(zh, en));
    out += &count("数据行：", "rows: ", read.rows);
    out += &count("新增人员：", "new people: ", plan.new_people.len());
    out += &count("更新：", "updated: ", plan.updated.len());
    out += &count("无变化：", "unchanged: ", plan.unchanged);
    let (enrolled, already) = (plan.enrol.len(), plan.already_enrolled);
    out += &match (cohort, lang) {
        (Some(c), Lang::Zh) => format!("编入班次 {c}：{enrolled}（已在班：{already}）\n"),
        (Some(c), Lang::En) => {
            format!("enrolled in {c}: {enrolled} (already enrolled: {already})\n")
        }
        (None, _) => lang
            .pick(
                "未指定 --cohort：只导入花名册\n",
                "no --cohort: register only\n",
            )
            .to_string(),
    };
    let duplicates = &plan.duplicates;
    out += &count(
        "文件内重复：",
        "duplicates within the file: ",
        duplicates.len(),
    );
    for (line, first) in duplicates.iter().take(DUPLICATES_LISTED) {
        out += &match lang {
            Lang::Zh => format!("  第 {line} 行同第 {first} 行\n"),
            Lang::En => format!("  line {line} repeats line {first}\n"),
        };
    }
    if duplicates.len() > DUPLICATES_LISTED {
        out += "  …\n";
    }
    out + &count("错误：", "errors: ", errors)
}

fn source_lines(lang: Lang, name: &str, read: &ReadFile) -> String {
    let (line, titles) = (read.header.line, read.header.title_rows);
    let mut out = source::read_lines(lang, name, &read.source, line, titles);
    if !read.repeated_headers.is_empty() {
        let lines: Vec<String> = read.repeated_headers.iter().map(usize::to_string).collect();
        let lines = lines.join(", ");
        out += &match lang {
            Lang::Zh => format!("跳过重复的表头行：{lines}\n"),
            Lang::En => format!("repeated header rows skipped: lines {lines}\n"),
        };
    }
    out
}

/// `columns: 姓名→name, 工作单位→unit, …` and the columns kept in notes.
fn column_lines(lang: Lang, read: &ReadFile) -> String {
    let h = &read.header;
    let mapped: Vec<String> = h
        .slots
        .iter()
        .zip(&h.headers)
        .filter_map(|(slot, header)| match slot {
            Slot::Field(c) if header == c.label(lang) => Some(header.clone()),
            Slot::Field(c) => Some(format!("{header}→{}", c.label(lang))),
            _ => None,
        })
        .collect();
    let mut out = format!("{}{}\n", lang.pick("列：", "columns: "), mapped.join(", "));
    let extras = h.extras();
    if !extras.is_empty() {
        let label = lang.pick(
            "未识别的列（保存在备注中）：",
            "unknown columns (kept in notes): ",
        );
        out += &format!("{label}{}\n", extras.join(", "));
    }
    out
}
