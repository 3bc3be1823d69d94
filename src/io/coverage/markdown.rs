//! Coverage as Markdown tables, for a report or a printed page.

use crate::domain::Cohort;
use crate::domain::coverage::{Cell, CohortCoverage, CohortsMatrix};
use crate::domain::teaching::hours;
use crate::text::Lang;

use super::{module_label, warning_message};

/// Keeps a cell's text inside its column.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace(['\n', '\r'], " ")
}

fn row(cells: &[String]) -> String {
    format!("| {} |\n", cells.join(" | "))
}

fn rule(columns: usize) -> String {
    row(&vec!["---".to_string(); columns])
}

/// `✓` held (with a count when more than one), `○` planned only, empty otherwise.
fn mark(c: &Cell) -> String {
    match (c.held, c.planned) {
        (0, 0) => String::new(),
        (0, _) => "○".to_string(),
        (1, _) => "✓".to_string(),
        (n, _) => format!("✓{n}"),
    }
}

pub fn cohort(cohort: &Cohort, coverage: &CohortCoverage, lang: Lang) -> String {
    let title = lang.pick("教学覆盖情况", "Teaching coverage");
    let mut out = format!("# {title} · {} {}\n\n", cohort.code, cell(&cohort.name));
    out.push_str(&modules_table(coverage, lang));
    out.push_str(&methods_table(coverage, lang));
    out.push_str(&format!("\n## {}\n\n", lang.pick("提示", "Warnings")));
    if coverage.warnings.is_empty() {
        out.push_str(lang.pick("无。\n", "None.\n"));
    }
    for w in &coverage.warnings {
        out.push_str(&format!(
            "- {}\n",
            warning_message(w, cohort, coverage, lang)
        ));
    }
    out
}

fn modules_table(coverage: &CohortCoverage, lang: Lang) -> String {
    let t = |zh: &'static str, en: &'static str| lang.pick(zh, en).to_string();
    let mut out = format!("## {}\n\n", t("内容模块 × 场次", "Modules × sessions"));
    let mut header = vec![t("模块", "Module")];
    header.extend(coverage.sessions.iter().map(|s| s.code()));
    header.push(t("覆盖", "Covered"));
    out.push_str(&row(&header));
    out.push_str(&rule(header.len()));
    for m in &coverage.modules {
        let mut cells = vec![cell(&module_label(&m.module, lang))];
        cells.extend(m.cells.iter().map(mark));
        cells.push(if m.covered {
            "✓".into()
        } else {
            "✗".into()
        });
        out.push_str(&row(&cells));
    }
    out.push_str(&t("\n✓ 已举办 · ○ 已计划\n\n", "\n✓ held · ○ planned\n\n"));
    out
}

fn methods_table(coverage: &CohortCoverage, lang: Lang) -> String {
    let t = |zh: &'static str, en: &'static str| lang.pick(zh, en).to_string();
    let mut out = format!("## {}\n\n", t("教学方式", "Teaching methods"));
    let header = [
        t("方式", "Method"),
        t("次数", "Count"),
        t("学时", "Hours"),
        t("计划", "Planned"),
    ];
    out.push_str(&row(&header));
    out.push_str(&rule(header.len()));
    for u in &coverage.methods {
        out.push_str(&row(&[
            lang.pick(u.method.zh(), u.method.en()).to_string(),
            u.count.to_string(),
            hours(u.minutes).to_string(),
            u.planned.to_string(),
        ]));
    }
    out
}

pub fn matrix(matrix: &CohortsMatrix, lang: Lang) -> String {
    let t = |zh: &'static str, en: &'static str| lang.pick(zh, en).to_string();
    let mut out = format!(
        "# {}\n\n",
        t("各班次内容模块覆盖情况", "Modules covered by each cohort")
    );
    let mut header = vec![t("班次", "Cohort")];
    header.extend(matrix.modules.iter().map(|m| cell(&module_label(m, lang))));
    header.push(t("未覆盖", "Not covered"));
    out.push_str(&row(&header));
    out.push_str(&rule(header.len()));
    for r in &matrix.rows {
        let mut cells = vec![cell(&format!("{} {}", r.code, r.name))];
        cells.extend(r.cells.iter().map(|c| match c {
            None => "—".to_string(),
            Some(0) => "✗".to_string(),
            Some(n) => format!("✓{n}"),
        }));
        let missing: Vec<String> = r.missing.iter().map(u16::to_string).collect();
        cells.push(missing.join(", "));
        out.push_str(&row(&cells));
    }
    out.push_str(&t(
        "\n✓n 已举办 n 次 · ✗ 未覆盖 · — 该班次无此模块\n",
        "\n✓n held n times · ✗ not covered · — not in the cohort's catalogue\n",
    ));
    out
}
