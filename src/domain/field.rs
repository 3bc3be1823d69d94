//! 领域: the field a grassroots Party organisation works in.

use serde::{Deserialize, Serialize};

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

    pub fn zh(self) -> &'static str {
        match self {
            Field::Village => "村",
            Field::Community => "社区",
            Field::Township => "乡镇",
            Field::Street => "街道",
            Field::Agency => "机关",
            Field::Institution => "事业单位",
            Field::Soe => "国有企业",
            Field::Private => "非公有制经济组织",
            Field::SocialOrg => "社会组织",
        }
    }

    /// Accepts the code, the Chinese name, or a few common English words.
    pub fn parse(text: &str) -> Option<Field> {
        let t = text.trim();
        let lower = t.to_ascii_lowercase();
        Field::ALL.into_iter().find(|f| {
            f.code() == lower
                || f.zh() == t
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
            assert_eq!(Field::parse(f.zh()), Some(f));
        }
        assert_eq!(Field::parse("VILLAGE"), Some(Field::Village));
        assert_eq!(Field::parse("farm"), None);
    }
}
