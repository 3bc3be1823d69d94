//! One row → a person ready to match against the register, or the reason it is refused.
//! Normalising and the register's rules are `Person::normalise` and `Person::validate`;
//! this adds what only an imported file needs: line numbers, raw length caps, spaced-out
//! names (`张　伟`), numbers that Excel ate, and the field implied by the position.

use crate::domain::person::{self, MAX_NAME, MAX_TEXT, PersonError};
use crate::domain::{Field, Gender, Person, PersonId, mask};

use crate::io::tabular::RawRow;

use super::column::Column;
use super::error::{RowError, RowProblem};
use super::headers::{HeaderMap, Slot};

/// A person read from one row; `person.id` is empty until matched against the register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub line: usize,
    pub person: Person,
}

/// Reads one data row.
pub fn draft(row: &RawRow, map: &HeaderMap) -> Result<Draft, RowError> {
    let fail = |problem| RowError {
        line: row.line,
        problem,
    };
    let mut person = Person::named(PersonId(String::new()), "");
    let mut field_text = String::new();
    let mut extras: Vec<String> = Vec::new();
    for (index, cell) in row.cells.iter().enumerate() {
        let slot = match map.slot(index) {
            Some(slot) => slot.clone(),
            None => Slot::Extra(format!("第{}列", index + 1)),
        };
        let column = match &slot {
            Slot::Serial => continue,
            Slot::Field(c) => *c,
            Slot::Extra(_) => Column::Notes,
        };
        check_length(cell, column).map_err(fail)?;
        let text = one_line(cell, column).map_err(fail)?;
        if text.is_empty() {
            continue;
        }
        match slot {
            Slot::Field(Column::Field) => field_text = text,
            Slot::Field(Column::Notes) => extras.insert(0, text),
            Slot::Field(c) => set(&mut person, c, text).map_err(fail)?,
            Slot::Extra(header) => extras.push(format!("{header}：{text}")),
            Slot::Serial => {}
        }
    }
    person.notes = extras.join("；");
    person.field = field_of(&field_text, &person).map_err(fail)?;
    if let Some(id) = &person.id_number {
        let number =
            map_column(map, Column::IdNumber).is_some_and(|i| row.number_cells.contains(&i));
        check_id(id, number).map_err(fail)?;
    }
    let person = person.normalise();
    person
        .validate()
        .map_err(|e| fail(problem_of(e, &person)))?;
    Ok(Draft {
        line: row.line,
        person,
    })
}

fn map_column(map: &HeaderMap, column: Column) -> Option<usize> {
    map.slots.iter().position(|s| *s == Slot::Field(column))
}

/// Refuses huge cells before any work on them (and before they reach a message).
fn check_length(cell: &str, column: Column) -> Result<(), RowProblem> {
    let limit = if column == Column::Name {
        MAX_NAME
    } else {
        MAX_TEXT
    };
    // Spaces padding a name out (`张　　伟`) do not count against it.
    let slack = if column == Column::Name { MAX_NAME } else { 0 };
    if cell.len() > 4 * (limit + slack) && cell.chars().count() > limit + slack {
        return Err(RowProblem::TooLong { column, limit });
    }
    Ok(())
}

/// Line breaks inside an Excel cell (Alt+Enter) become spaces; other control characters
/// are refused. Names keep their line breaks so validation refuses them.
fn one_line(cell: &str, column: Column) -> Result<String, RowProblem> {
    let trimmed = cell.trim();
    if column == Column::Name {
        return Ok(trimmed.to_string());
    }
    let text: String = trimmed
        .replace("\r\n", "\n")
        .chars()
        .map(|c| {
            if matches!(c, '\n' | '\r' | '\t') {
                ' '
            } else {
                c
            }
        })
        .collect();
    if text.chars().any(char::is_control) {
        return Err(RowProblem::ControlChars(column));
    }
    Ok(text)
}

fn set(person: &mut Person, column: Column, text: String) -> Result<(), RowProblem> {
    match column {
        Column::Name => person.name = unpad_name(&text),
        Column::Gender => {
            let gender = Gender::parse(&text).ok_or_else(|| RowProblem::BadGender {
                value: shown(&text),
            })?;
            person.gender = Some(gender);
        }
        Column::Unit => person.unit = text,
        Column::County => person.county = text,
        Column::Township => person.township = text,
        Column::Position => person.position = text,
        Column::Phone => person.phone = Some(text),
        Column::IdNumber => person.id_number = Some(text),
        Column::Field | Column::Notes => {}
    }
    Ok(())
}

/// `张　伟` → `张伟`: rosters pad two-character names to line up with three. Names in
/// other scripts keep their spaces.
fn unpad_name(name: &str) -> String {
    let is_han = |c: char| ('\u{3400}'..='\u{9FFF}').contains(&c) || c == '·';
    let is_pad = |c: &char| matches!(c, ' ' | '\u{3000}' | '\u{a0}');
    if name.chars().filter(|c| !is_pad(c)).all(is_han) {
        name.chars().filter(|c| !is_pad(c)).collect()
    } else {
        name.to_string()
    }
}

/// The field column, else what the position or unit implies, else none.
fn field_of(text: &str, person: &Person) -> Result<Option<Field>, RowProblem> {
    let key: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && !"()（）".contains(*c))
        .collect();
    if let Some(field) = Field::parse(&key).or_else(|| field_alias(&key)) {
        return Ok(Some(field));
    }
    // 村（社区） and the like say "village or community": the position decides.
    if !key.is_empty() && !matches!(key.as_str(), "村社区" | "社区村" | "村居") {
        return Err(RowProblem::BadField { value: shown(text) });
    }
    Ok(implied_field(&person.position).or_else(|| unit_field(&person.unit)))
}

fn field_alias(key: &str) -> Option<Field> {
    Some(match key {
        "农村" | "行政村" => Field::Village,
        "城市社区" | "居委会" => Field::Community,
        "乡镇机关" => Field::Township,
        "国企" => Field::Soe,
        "非公" | "非公经济组织" | "非公有制企业" => Field::Private,
        "事业" => Field::Institution,
        _ => return None,
    })
}

/// 村党组织书记 → village, 社区党委书记 → community, 街道党工委书记 → street, …
pub fn implied_field(position: &str) -> Option<Field> {
    let has = |w: &str| position.contains(w);
    let village = has("村");
    let community = has("社区") || has("居委");
    match (village, community) {
        (true, false) => return Some(Field::Village),
        (false, true) => return Some(Field::Community),
        (true, true) => return None,
        (false, false) => {}
    }
    const WORDS: &[(&str, Field)] = &[
        ("街道", Field::Street),
        ("乡党委", Field::Township),
        ("镇党委", Field::Township),
        ("乡镇", Field::Township),
        ("机关", Field::Agency),
        ("事业单位", Field::Institution),
        ("学校", Field::Institution),
        ("医院", Field::Institution),
        ("国有企业", Field::Soe),
        ("国企", Field::Soe),
        ("非公", Field::Private),
        ("社会组织", Field::SocialOrg),
    ];
    WORDS.iter().find(|(w, _)| has(w)).map(|(_, f)| *f)
}

/// A unit named `…村` or `…社区` says the field when the position does not.
fn unit_field(unit: &str) -> Option<Field> {
    if unit.ends_with('村') {
        Some(Field::Village)
    } else if unit.ends_with("社区") {
        Some(Field::Community)
    } else {
        None
    }
}

/// Tells apart the ways an ID number can be wrong (the value shown is masked).
fn check_id(raw: &str, was_number: bool) -> Result<(), RowProblem> {
    let id = person::normalise_id_number(raw);
    if id.is_empty() || person::valid_id_number(&id) {
        return Ok(());
    }
    let masked = mask::id_number(&id);
    let chars: Vec<char> = id.chars().collect();
    let len = chars.len();
    Err(if was_number {
        RowProblem::IdAsNumber { masked }
    } else if len != 18 {
        RowProblem::IdLength { masked, len }
    } else if !chars[..17].iter().all(char::is_ascii_digit)
        || !(chars[17].is_ascii_digit() || chars[17] == 'X')
    {
        RowProblem::IdChars { masked }
    } else {
        RowProblem::IdCheckDigit { masked }
    })
}

fn problem_of(error: PersonError, person: &Person) -> RowProblem {
    match error {
        PersonError::EmptyName => RowProblem::EmptyName,
        PersonError::ControlCharacters => RowProblem::NameControl,
        PersonError::TooLong(label, limit) => RowProblem::TooLong {
            column: column_of_label(label),
            limit,
        },
        PersonError::BadPhone => RowProblem::BadPhone {
            masked: mask::phone(person.phone.as_deref().unwrap_or_default()),
        },
        PersonError::BadIdNumber => RowProblem::IdCheckDigit {
            masked: mask::id_number(person.id_number.as_deref().unwrap_or_default()),
        },
    }
}

fn column_of_label(label: &str) -> Column {
    match label {
        "name" => Column::Name,
        "unit" => Column::Unit,
        "county" => Column::County,
        "township" => Column::Township,
        "position" => Column::Position,
        _ => Column::Notes,
    }
}

/// A user's value quoted in a message: at most 20 characters, no control characters.
fn shown(text: &str) -> String {
    let mut out: String = text.chars().filter(|c| !c.is_control()).take(20).collect();
    if text.chars().count() > 20 {
        out.push('…');
    }
    out
}
