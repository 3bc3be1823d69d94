//! A filled-in sign-in sheet read back ([`crate::io::export::signin_read`]) → the marks
//! [`super::paper::enter_sheet`] writes: the sheet must be this cohort's and this
//! session's, every row a person on the roster, every mark readable. Any problem is a
//! `line N:` error and nothing is entered (all or nothing).
//!
//! Marks: √ (also ✓ ✔ v 到, or the person's signature) present; 迟 (迟到, late), with the
//! time written after it when there is one (`迟 09:05`); 假 (请假, leave); empty absent.
//! A row is matched by its printed number when the name there agrees (the roster is
//! printed in [`sheet_order`]), else by name, then unit, then county.

use chrono::NaiveTime;

use crate::domain::person_code::PersonCode;
use crate::domain::{Cohort, Person, PersonId, Session};
use crate::io::export::signin_read::{ReadSheet, SheetRow, sheet_order};
use crate::text::{Export, Lang, Paper};
use crate::tr;

use super::Refusal;
use super::paper::PaperMark;

/// A problem on one line of the sheet.
#[derive(Debug, Clone)]
pub struct LineError {
    pub line: usize,
    pub problem: Refusal,
}

impl LineError {
    /// `第 5 行：…` / `line 5: …`
    pub fn message(&self, lang: Lang) -> String {
        let problem = self.problem.message(lang);
        tr!(lang, Paper::PaperLine, line = self.line, problem = problem)
    }
}

/// One row read: the line, the person and their mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetMark {
    pub line: usize,
    pub person: PersonId,
    pub mark: PaperMark,
}

/// The sheet's marks, or every line that is wrong.
pub fn marks(
    cohort: &Cohort,
    session: Session,
    roster: &[Person],
    sheet: &ReadSheet,
) -> Result<Vec<SheetMark>, Vec<LineError>> {
    let mut errors: Vec<LineError> = check_heading(cohort, session, sheet).into_iter().collect();
    let ordered = sheet_order(roster);
    let mut marks: Vec<SheetMark> = Vec::new();
    for row in &sheet.rows {
        let found = who(&ordered, row).and_then(|p| Ok((p, mark(&row.mark, &p.name)?)));
        match found {
            Err(problem) => errors.push(LineError {
                line: row.line,
                problem,
            }),
            Ok((person, _)) if marks.iter().any(|m| m.person == person.id) => {
                errors.push(LineError {
                    line: row.line,
                    problem: Refusal::of(Paper::PaperTwice).with("name", &person.name),
                });
            }
            Ok((person, mark)) => marks.push(SheetMark {
                line: row.line,
                person: person.id.clone(),
                mark,
            }),
        }
    }
    if errors.is_empty() {
        Ok(marks)
    } else {
        Err(errors)
    }
}

/// The title names this cohort and the subtitle this session (date and slot), in
/// either language.
fn check_heading(cohort: &Cohort, session: Session, sheet: &ReadSheet) -> Option<LineError> {
    let (line, title) = sheet
        .title
        .clone()
        .unwrap_or((sheet.header_line, String::new()));
    let titles = [Lang::Zh, Lang::En].map(|l| tr!(l, Export::ExpSigninTitle, cohort = cohort.name));
    if !titles.contains(&title) {
        let problem = Refusal::of(Paper::PaperWrongCohort)
            .with("title", title)
            .with("cohort", &cohort.code);
        return Some(LineError { line, problem });
    }
    let (line, subtitle) = sheet.subtitle.clone().unwrap_or((line, String::new()));
    let date = cohort.date_of(session.day).to_string();
    let slot = [Lang::Zh, Lang::En].map(|l| session.slot.label(l));
    let day = [
        format!("（第 {} 天）", session.day),
        format!(" (day {}) ", session.day),
    ];
    let right = subtitle.starts_with(&date)
        && slot.iter().any(|s| subtitle.contains(s))
        && day.iter().any(|d| subtitle.contains(d.as_str()));
    if right {
        return None;
    }
    let problem = Refusal::of(Paper::PaperWrongSession)
        .with("subtitle", subtitle)
        .with_worded("session", move |l| format!("{date} {}", session.label(l)));
    Some(LineError { line, problem })
}

/// The person a row names: the one printed at its number when the name agrees, else
/// the one of that name (narrowed by unit, then county).
fn who<'a>(ordered: &[&'a Person], row: &SheetRow) -> Result<&'a Person, Refusal> {
    // The person code printed on the sheet names one person, whatever the other columns.
    let code = row.code.as_deref().and_then(PersonCode::parse);
    if let Some(code) = code {
        let mut coded = ordered.iter().filter(|p| PersonCode::of(&p.id) == code);
        if let (Some(person), None) = (coded.next(), coded.next()) {
            return Ok(person);
        }
    }
    let printed = row.number.and_then(|n| ordered.get(n.checked_sub(1)?));
    let agrees = |p: &Person| p.name == row.name && (row.unit.is_empty() || p.unit == row.unit);
    if let Some(person) = printed.filter(|p| agrees(p)) {
        return Ok(person);
    }
    let mut candidates: Vec<&Person> = ordered
        .iter()
        .copied()
        .filter(|p| p.name == row.name)
        .collect();
    for (field, of) in [
        (&row.unit, unit_of as fn(&Person) -> &str),
        (&row.county, county_of),
    ] {
        if candidates.len() > 1 && !field.is_empty() {
            candidates.retain(|p| of(p) == field.as_str());
        }
    }
    let unknown = |entry| {
        Refusal::of(entry)
            .with("name", &row.name)
            .with("unit", &row.unit)
    };
    match candidates.as_slice() {
        [one] => Ok(one),
        [] => Err(unknown(Paper::PaperUnknownPerson)),
        _ => Err(unknown(Paper::PaperAmbiguous)),
    }
}

fn unit_of(p: &Person) -> &str {
    &p.unit
}

fn county_of(p: &Person) -> &str {
    &p.county
}

/// The mark written in the signature column (see the module's list).
pub fn mark(text: &str, name: &str) -> Result<PaperMark, Refusal> {
    let text = text.trim();
    let lower = text.to_lowercase();
    let bad = || Refusal::of(Paper::PaperBadMark).with("mark", text);
    match lower.as_str() {
        "" => return Ok(PaperMark::Absent),
        "√" | "✓" | "✔" | "v" | "到" | "present" => return Ok(PaperMark::Present),
        "假" | "请假" | "leave" => return Ok(PaperMark::Leave),
        _ if !name.is_empty() && text == name => return Ok(PaperMark::Present),
        _ => {}
    }
    let rest = ["迟到", "迟", "late"]
        .iter()
        .find_map(|word| lower.strip_prefix(word))
        .ok_or_else(bad)?;
    let rest = rest.trim().replace('：', ":");
    if rest.is_empty() {
        return Ok(PaperMark::Late(None));
    }
    NaiveTime::parse_from_str(&rest, "%H:%M")
        .map(|t| PaperMark::Late(Some(t)))
        .map_err(|_| bad())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(id: &str, name: &str) -> Person {
        Person::named(PersonId(id.into()), name)
    }

    fn row(name: &str, number: Option<usize>, code: Option<String>) -> SheetRow {
        SheetRow {
            line: 3,
            number,
            name: name.into(),
            unit: String::new(),
            county: String::new(),
            mark: "√".into(),
            code,
        }
    }

    /// Two 张伟 with nothing else told apart: the printed code says which.
    #[test]
    fn the_person_code_names_the_person() {
        let (a, b) = (person("01A", "张伟"), person("01B", "张伟"));
        let ordered = [&a, &b];
        let code = PersonCode::of(&b.id).to_string();
        assert_eq!(
            who(&ordered, &row("张伟", None, Some(code))).unwrap().id,
            b.id
        );
        assert!(
            who(&ordered, &row("张伟", None, None)).is_err(),
            "ambiguous without it"
        );
        assert!(who(&ordered, &row("张伟", None, Some("ZZZZZZZZ".into()))).is_err());
    }

    #[test]
    fn marks_read_as_the_sheet_says() {
        let ok = |t: &str| mark(t, "张伟").unwrap();
        assert_eq!(ok(""), PaperMark::Absent);
        assert_eq!(ok(" √ "), PaperMark::Present);
        assert_eq!(ok("V"), PaperMark::Present);
        assert_eq!(ok("张伟"), PaperMark::Present);
        assert_eq!(ok("迟"), PaperMark::Late(None));
        assert_eq!(ok("迟到"), PaperMark::Late(None));
        let nine = NaiveTime::from_hms_opt(9, 5, 0);
        assert_eq!(ok("迟 09:05"), PaperMark::Late(nine));
        assert_eq!(ok("迟9：05"), PaperMark::Late(nine));
        assert_eq!(ok("Late 9:05"), PaperMark::Late(nine));
        assert_eq!(ok("假"), PaperMark::Leave);
        assert_eq!(ok("请假"), PaperMark::Leave);
        for bad in ["x", "迟 25:99", "李四", "?"] {
            let message = mark(bad, "张伟").unwrap_err().message(Lang::En);
            assert!(message.contains("unreadable mark"), "{bad}: {message}");
        }
    }
}
