//! 领域: the field a grassroots Party organisation works in.

use serde::{Deserialize, Serialize};

use crate::text::{Lang, Names};

/// The nine fields named in the notice. Village and community are the focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Village,
    Community,
    Township,
    Street,
    Agency,
    Institution,
    Soe,
    Private,
    SocialOrg,
}

impl Field {
    pub const ALL: [Field; 9] = [
        Field::Village,
        Field::Community,
        Field::Township,
        Field::Street,
        Field::Agency,
        Field::Institution,
        Field::Soe,
        Field::Private,
        Field::SocialOrg,
    ];

    /// The code used on the command line and in JSON.
    pub fn code(self) -> &'static str {
        match self {
            Field::Village => "village",
            Field::Community => "community",
            Field::Township => "township",
            Field::Street => "street",
            Field::Agency => "agency",
            Field::Institution => "institution",
            Field::Soe => "soe",
            Field::Private => "private",
            Field::SocialOrg => "social_org",
        }
    }

    /// Its name in `lang`, as shown to a person.
    pub fn label(self, lang: Lang) -> &'static str {
        let entry = match self {
            Field::Village => Names::LabelFieldVillage,
            Field::Community => Names::LabelFieldCommunity,
            Field::Township => Names::LabelFieldTownship,
            Field::Street => Names::LabelFieldStreet,
            Field::Agency => Names::LabelFieldAgency,
            Field::Institution => Names::LabelFieldInstitution,
            Field::Soe => Names::LabelFieldSoe,
            Field::Private => Names::LabelFieldPrivate,
            Field::SocialOrg => Names::LabelFieldSocialOrg,
        };
        entry.get(lang)
    }

    /// Accepts the code, the Chinese name, or a few common English words.
    pub fn parse(text: &str) -> Option<Field> {
        let t = text.trim();
        let lower = t.to_ascii_lowercase();
        Field::ALL.into_iter().find(|f| {
            f.code() == lower
                || f.label(Lang::Zh) == t
                || match f {
                    Field::Soe => lower == "state_owned" || lower == "state-owned",
                    Field::SocialOrg => lower == "social-org" || lower == "social",
                    Field::Private => lower == "non_public" || t == "非公企业",
                    _ => false,
                }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_parses_from_its_code_and_chinese_name() {
        for f in Field::ALL {
            assert_eq!(Field::parse(f.code()), Some(f));
            assert_eq!(Field::parse(f.label(Lang::Zh)), Some(f));
        }
        assert_eq!(Field::parse("VILLAGE"), Some(Field::Village));
        assert_eq!(Field::parse("farm"), None);
    }
}
