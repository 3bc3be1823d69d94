//! 人员: one secretary in the register (花名册).

use serde::{Deserialize, Serialize};

use crate::text::{Lang, Names, Rules};
use crate::tr;

use super::field::Field;

/// A person's stable id: a ULID string, sortable by creation time.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PersonId(pub String);

impl PersonId {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for PersonId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    Male,
    Female,
}

impl Gender {
    pub fn parse(text: &str) -> Option<Gender> {
        match text.trim().to_ascii_lowercase().as_str() {
            "男" | "m" | "male" => Some(Gender::Male),
            "女" | "f" | "female" => Some(Gender::Female),
            _ => None,
        }
    }

    /// Its name in `lang`, as shown to a person.
    pub fn label(self, lang: Lang) -> &'static str {
        let entry = match self {
            Gender::Male => Names::LabelGenderMale,
            Gender::Female => Names::LabelGenderFemale,
        };
        entry.get(lang)
    }
}

/// Someone in the register. Empty strings mean "not known".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub id: PersonId,
    pub name: String,
    #[serde(default)]
    pub gender: Option<Gender>,
    /// 单位, e.g. 荣家湾镇新开村.
    #[serde(default)]
    pub unit: String,
    /// 县市区, e.g. 岳阳县.
    #[serde(default)]
    pub county: String,
    /// 乡镇/街道.
    #[serde(default)]
    pub township: String,
    /// 职务, e.g. 村党组织书记.
    #[serde(default)]
    pub position: String,
    #[serde(default)]
    pub field: Option<Field>,
    #[serde(default)]
    pub phone: Option<String>,
    /// 公民身份号码. Personal data: masked wherever it is shown.
    #[serde(default)]
    pub id_number: Option<String>,
    #[serde(default)]
    pub notes: String,
}

impl Person {
    /// A person with a name and nothing else known.
    pub fn named(id: PersonId, name: impl Into<String>) -> Person {
        Person {
            id,
            name: name.into(),
            gender: None,
            unit: String::new(),
            county: String::new(),
            township: String::new(),
            position: String::new(),
            field: None,
            phone: None,
            id_number: None,
            notes: String::new(),
        }
    }

    /// Where the person works, for telling people with the same name apart.
    pub fn place(&self) -> String {
        [self.county.as_str(), self.township.as_str()]
            .iter()
            .filter(|s| !s.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Why a person record cannot be saved.
/// Its message never holds the phone or the ID number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PersonError {
    EmptyName,
    ControlCharacters,
    /// The field ("name", "unit", ...) and its longest length in characters.
    TooLong(&'static str, usize),
    BadPhone,
    BadIdNumber,
}

impl PersonError {
    /// What a person is told, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            PersonError::EmptyName => tr!(lang, Rules::PersonEmptyName),
            PersonError::ControlCharacters => tr!(lang, Rules::PersonControlCharacters),
            PersonError::TooLong(field, limit) => {
                let field = field_label(field).map_or(field.to_string(), |e| tr!(lang, e));
                tr!(lang, Rules::PersonTooLong, field = field, limit = limit)
            }
            PersonError::BadPhone => tr!(lang, Rules::PersonBadPhone),
            PersonError::BadIdNumber => tr!(lang, Rules::PersonBadIdNumber),
        }
    }
}

fn field_label(field: &str) -> Option<Rules> {
    Some(match field {
        "name" => Rules::PersonLabelName,
        "unit" => Rules::PersonLabelUnit,
        "county" => Rules::PersonLabelCounty,
        "township" => Rules::PersonLabelTownship,
        "position" => Rules::PersonLabelPosition,
        "notes" => Rules::PersonLabelNotes,
        _ => return None,
    })
}

/// English, for logs; what a user sees comes from [`PersonError::message`].
impl std::fmt::Display for PersonError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for PersonError {}

/// Longest accepted name, in characters.
pub const MAX_NAME: usize = 32;
/// Longest accepted unit, county, township, position or notes, in characters.
pub const MAX_TEXT: usize = 200;

impl Person {
    /// Checks the rules every stored person obeys; trims nothing (callers normalise first).
    pub fn validate(&self) -> Result<(), PersonError> {
        if self.name.trim().is_empty() {
            return Err(PersonError::EmptyName);
        }
        if self.name.chars().any(char::is_control) {
            return Err(PersonError::ControlCharacters);
        }
        if self.name.chars().count() > MAX_NAME {
            return Err(PersonError::TooLong("name", MAX_NAME));
        }
        let texts = [
            ("unit", &self.unit),
            ("county", &self.county),
            ("township", &self.township),
            ("position", &self.position),
            ("notes", &self.notes),
        ];
        for (label, text) in texts {
            if text.chars().count() > MAX_TEXT {
                return Err(PersonError::TooLong(label, MAX_TEXT));
            }
        }
        if let Some(phone) = &self.phone
            && !valid_phone(phone)
        {
            return Err(PersonError::BadPhone);
        }
        if let Some(id) = &self.id_number
            && !valid_id_number(id)
        {
            return Err(PersonError::BadIdNumber);
        }
        Ok(())
    }
}

/// 7–15 digits, optionally with a leading `+`; spaces and dashes are not allowed here
/// (callers strip them when normalising input).
pub fn valid_phone(phone: &str) -> bool {
    let digits = phone.strip_prefix('+').unwrap_or(phone);
    (7..=15).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit())
}

/// GB 11643-1999: 17 digits and a check character (0–9 or X) from the weighted sum mod 11.
pub fn valid_id_number(id: &str) -> bool {
    let check = id.get(..17).and_then(id_number_check);
    id.len() == 18 && check.is_some_and(|c| id.as_bytes()[17] == c as u8)
}

/// The GB 11643-1999 check character of an ID number's first 17 digits (`None` if
/// `body` is not 17 ASCII digits): makes valid numbers for the demo and for tests.
pub fn id_number_check(body: &str) -> Option<char> {
    const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const CHECK: &[u8; 11] = b"10X98765432";
    let bytes = body.as_bytes();
    if bytes.len() != 17 || !bytes.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let sum: u32 = bytes
        .iter()
        .zip(WEIGHTS)
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    Some(char::from(CHECK[(sum % 11) as usize]))
}

/// Normalises an ID number as typed: full-width digits to ASCII, lower-case x to X.
pub fn normalise_id_number(id: &str) -> String {
    id.trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            'x' | 'ｘ' | 'Ｘ' => 'X',
            other => other,
        })
        .collect()
}

/// NFC and trimmed: how every text field is stored, so equal names compare equal.
pub fn normalise_text(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    text.trim().nfc().collect()
}

/// Drops the spaces and dashes people type inside phone numbers.
pub fn normalise_phone(phone: &str) -> String {
    phone
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '＋' => '+',
            other => other,
        })
        .collect()
}

impl Person {
    /// Normalises every field as typed or imported (NFC, trimmed, phone and ID cleaned).
    pub fn normalise(mut self) -> Person {
        self.name = normalise_text(&self.name);
        self.unit = normalise_text(&self.unit);
        self.county = normalise_text(&self.county);
        self.township = normalise_text(&self.township);
        self.position = normalise_text(&self.position);
        self.notes = normalise_text(&self.notes);
        self.phone = self
            .phone
            .map(|p| normalise_phone(&p))
            .filter(|p| !p.is_empty());
        self.id_number = self
            .id_number
            .map(|i| normalise_id_number(&i))
            .filter(|i| !i.is_empty());
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_number_check_digit_follows_gb11643() {
        assert!(valid_id_number("11010519491231002X"));
        assert!(valid_id_number("440524188001010014"));
        assert!(!valid_id_number("110105194912310021"));
        assert!(!valid_id_number("11010519491231002"));
        assert_eq!(id_number_check("1101051949123100"), None);
        assert_eq!(id_number_check("1101051949123100X"), None);
    }

    /// One body for each weighted sum mod 11, so every place of the check table is tried.
    #[test]
    fn every_check_character_is_the_standards() {
        let bodies = [
            ("11010519491231001", '1'),
            ("11010519491231007", '0'),
            ("11010519491231002", 'X'),
            ("11010519491231008", '9'),
            ("11010519491231003", '8'),
            ("11010519491231009", '7'),
            ("11010519491231004", '6'),
            ("11010519491231018", '5'),
            ("11010519491231005", '4'),
            ("11010519491231000", '3'),
            ("11010519491231006", '2'),
        ];
        for (body, check) in bodies {
            assert_eq!(id_number_check(body), Some(check), "{body}");
            assert!(valid_id_number(&format!("{body}{check}")), "{body}");
        }
    }

    #[test]
    fn id_numbers_are_normalised_from_full_width_and_lower_case() {
        assert_eq!(
            normalise_id_number(" １１010519491231002x "),
            "11010519491231002X"
        );
    }

    #[test]
    fn phones_are_digits_only() {
        assert!(valid_phone("13812345678"));
        assert!(valid_phone("+8613812345678"));
        assert!(!valid_phone("138-1234-5678"));
        assert!(!valid_phone("123"));
    }

    #[test]
    fn validation_names_the_problem() {
        let mut p = Person::named(PersonId("x".into()), "张伟");
        assert_eq!(p.validate(), Ok(()));
        p.name = "张\u{1b}[31m伟".into();
        assert_eq!(p.validate(), Err(PersonError::ControlCharacters));
        p.name = " ".into();
        assert_eq!(p.validate(), Err(PersonError::EmptyName));
    }
}
