//! The cohort report's 教学内容与方式: a summary sentence, then methods, module
//! coverage, bases visited and the teaching log as tables.

use std::fmt::Write;

use crate::io::report::labels::{hours_text, list, method_label};
use crate::io::report::tables::teaching::TeachingTables;
use crate::io::report::teaching::TeachingSection;
use crate::text::{Lang, Report};
use crate::tr;

pub fn section(out: &mut String, s: &TeachingSection, tables: &TeachingTables, lang: Lang) {
    let sub = |out: &mut String, part: Report| {
        let _ = writeln!(out, "### {}\n", tr!(lang, part));
    };
    let _ = writeln!(out, "## {}\n", tr!(lang, Report::RptHeadTeaching));
    let _ = writeln!(out, "{}\n", summary(s, lang));
    sub(out, Report::RptHeadMethods);
    out.push_str(&tables.methods.markdown());
    sub(out, Report::RptHeadModules);
    out.push_str(&tables.modules.markdown());
    sub(out, Report::RptHeadBases);
    match s.bases.is_empty() {
        true => {
            let _ = writeln!(out, "{}\n", tr!(lang, Report::RptNoSiteVisits));
        }
        false => out.push_str(&tables.bases.markdown()),
    }
    sub(out, Report::RptHeadLog);
    match s.log.is_empty() {
        true => {
            let _ = writeln!(out, "{}\n", tr!(lang, Report::RptNothingLogged));
        }
        false => out.push_str(&tables.log.markdown()),
    }
}

/// One paragraph a person can keep or rewrite.
fn summary(s: &TeachingSection, lang: Lang) -> String {
    let methods = s.methods.iter().filter(|m| m.count > 0);
    let methods = list(methods.map(|m| method_label(m.method, lang)), lang);
    let modules = s.modules.len();
    let covered = modules - s.uncovered.len();
    let uncovered = list(s.uncovered.iter().map(|m| m.label(lang)), lang);
    let accredited = s.bases.iter().filter(|b| b.accredited).count();
    let mut text = match s.activities {
        0 => tr!(lang, Report::RptNothingHeld),
        n => tr!(
            lang,
            Report::RptHeld,
            count = n,
            hours = hours_text(s.hours),
            methods = methods
        ),
    };
    text += &match s.uncovered.is_empty() {
        true => tr!(lang, Report::RptAllCovered, modules = modules),
        false => tr!(
            lang,
            Report::RptSomeCovered,
            modules = modules,
            covered = covered,
            uncovered = uncovered
        ),
    };
    if !s.bases.is_empty() {
        let bases = s.bases.len();
        text += &tr!(
            lang,
            Report::RptBasesVisited,
            bases = bases,
            accredited = accredited
        );
    }
    if s.planned > 0 {
        text += &tr!(lang, Report::RptPlannedLeft, planned = s.planned);
    }
    text
}
