//! 培训基地: demonstration training bases (党员干部示范培训实践基地) used for site
//! visits. A base meets the standard when it has all of the "five haves" (五有);
//! an accredited base has been given a plaque (授牌) by the city or the county.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::text::{Lang, Names, Rules};
use crate::tr;

use super::cohort::Level;

/// What kind of place a base is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BaseKind {
    Village,
    Community,
    /// 农村经济合作组织
    Cooperative,
    /// 龙头企业
    Enterprise,
}

impl BaseKind {
    pub const ALL: [BaseKind; 4] = [
        BaseKind::Village,
        BaseKind::Community,
        BaseKind::Cooperative,
        BaseKind::Enterprise,
    ];

    pub fn code(self) -> &'static str {
        match self {
            BaseKind::Village => "village",
            BaseKind::Community => "community",
            BaseKind::Cooperative => "cooperative",
            BaseKind::Enterprise => "enterprise",
        }
    }

    /// Its name in `lang`, as shown to a person.
    pub fn label(self, lang: Lang) -> &'static str {
        let entry = match self {
            BaseKind::Village => Names::LabelBaseKindVillage,
            BaseKind::Community => Names::LabelBaseKindCommunity,
            BaseKind::Cooperative => Names::LabelBaseKindCooperative,
            BaseKind::Enterprise => Names::LabelBaseKindEnterprise,
        };
        entry.get(lang)
    }

    pub fn parse(text: &str) -> Option<BaseKind> {
        let t = text.trim();
        let lower = t.to_ascii_lowercase();
        BaseKind::ALL.into_iter().find(|k| {
            k.code() == lower
                || k.label(Lang::Zh) == t
                || match k {
                    BaseKind::Cooperative => ["农村经济合作组织", "合作组织"].contains(&t),
                    BaseKind::Enterprise => ["龙头企业", "company"].contains(&&*lower),
                    _ => false,
                }
        })
    }
}

/// One of the "five haves" (五有).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Have {
    /// 有满足培训需要的场所
    Venue,
    /// 有熟悉情况的讲解员
    Guide,
    /// 有生动具体的典型材料
    Material,
    /// 有可供参观学习的现场
    Site,
    /// 有特色明显的专题片
    Film,
}

impl Have {
    pub const ALL: [Have; 5] = [
        Have::Venue,
        Have::Guide,
        Have::Material,
        Have::Site,
        Have::Film,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Have::Venue => "venue",
            Have::Guide => "guide",
            Have::Material => "material",
            Have::Site => "site",
            Have::Film => "film",
        }
    }

    /// Its name in `lang`, as shown to a person.
    pub fn label(self, lang: Lang) -> &'static str {
        let entry = match self {
            Have::Venue => Names::LabelHaveVenue,
            Have::Guide => Names::LabelHaveGuide,
            Have::Material => Names::LabelHaveMaterial,
            Have::Site => Names::LabelHaveSite,
            Have::Film => Names::LabelHaveFilm,
        };
        entry.get(lang)
    }

    pub fn parse(text: &str) -> Option<Have> {
        let t = text.trim();
        let lower = t.to_ascii_lowercase();
        Have::ALL
            .into_iter()
            .find(|h| h.code() == lower || h.label(Lang::Zh) == t)
    }
}

/// The five-haves checklist of a base.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FiveHaves {
    pub venue: bool,
    pub guide: bool,
    pub material: bool,
    pub site: bool,
    pub film: bool,
}

impl FiveHaves {
    pub fn from_list(haves: &[Have]) -> FiveHaves {
        let mut five = FiveHaves::default();
        for have in haves {
            *five.slot(*have) = true;
        }
        five
    }

    /// Reads `venue,guide,film` or `场所、讲解员`; `all` or `五有` for all five.
    pub fn parse(text: &str) -> Result<FiveHaves, String> {
        let t = text.trim();
        if t.eq_ignore_ascii_case("all") || t == "五有" {
            return Ok(FiveHaves::from_list(&Have::ALL));
        }
        let mut list = Vec::new();
        for part in t.split([',', '，', '、']).map(str::trim) {
            if part.is_empty() || part.eq_ignore_ascii_case("none") {
                continue;
            }
            list.push(Have::parse(part).ok_or_else(|| part.to_string())?);
        }
        Ok(FiveHaves::from_list(&list))
    }

    pub fn has(&self, have: Have) -> bool {
        match have {
            Have::Venue => self.venue,
            Have::Guide => self.guide,
            Have::Material => self.material,
            Have::Site => self.site,
            Have::Film => self.film,
        }
    }

    fn slot(&mut self, have: Have) -> &mut bool {
        match have {
            Have::Venue => &mut self.venue,
            Have::Guide => &mut self.guide,
            Have::Material => &mut self.material,
            Have::Site => &mut self.site,
            Have::Film => &mut self.film,
        }
    }

    pub fn present(&self) -> Vec<Have> {
        Have::ALL.into_iter().filter(|h| self.has(*h)).collect()
    }

    pub fn missing(&self) -> Vec<Have> {
        Have::ALL.into_iter().filter(|h| !self.has(*h)).collect()
    }

    pub fn complete(&self) -> bool {
        self.missing().is_empty()
    }
}

/// 授牌: when and by which level a base was accredited.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Accreditation {
    pub date: NaiveDate,
    pub level: Level,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrainingBase {
    /// ULID; activities link to a base by id, so a base can be renamed.
    pub id: String,
    pub name: String,
    pub kind: BaseKind,
    #[serde(default)]
    pub county: String,
    #[serde(default)]
    pub haves: FiveHaves,
    #[serde(default)]
    pub accreditation: Option<Accreditation>,
    #[serde(default)]
    pub notes: String,
    pub created_at: DateTime<FixedOffset>,
    #[serde(default)]
    pub updated_at: Option<DateTime<FixedOffset>>,
}

/// Why a base cannot be saved as given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BaseError {
    EmptyName,
    /// Accredited by the province (its code): only the city or a county accredit bases.
    BadLevel(&'static str),
}

impl BaseError {
    /// What a person is told, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            BaseError::EmptyName => tr!(lang, Rules::BaseEmptyName),
            BaseError::BadLevel(_) => tr!(lang, Rules::BaseBadLevel),
        }
    }
}

/// English, for logs; what a user sees comes from [`BaseError::message`].
impl std::fmt::Display for BaseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for BaseError {}

impl TrainingBase {
    /// Meets the "five haves" standard (达到“五有”标准).
    pub fn meets_standard(&self) -> bool {
        self.haves.complete()
    }

    /// Accredited on or before `date`.
    pub fn accredited_on(&self, date: NaiveDate) -> bool {
        self.accreditation.is_some_and(|a| a.date <= date)
    }

    pub fn validate(&self) -> Result<(), BaseError> {
        if self.name.trim().is_empty() || self.name.chars().any(char::is_control) {
            return Err(BaseError::EmptyName);
        }
        match self.accreditation.map(|a| a.level) {
            Some(Level::Province) => Err(BaseError::BadLevel("province")),
            _ => Ok(()),
        }
    }

    /// Names are compared without surrounding space and without case.
    pub fn is_named(&self, name: &str) -> bool {
        self.name.trim().to_lowercase() == name.trim().to_lowercase()
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn base(id: &str, haves: &[Have], accredited: Option<&str>) -> TrainingBase {
        TrainingBase {
            id: id.into(),
            name: format!("基地{id}"),
            kind: BaseKind::Village,
            county: "岳阳县".into(),
            haves: FiveHaves::from_list(haves),
            accreditation: accredited.map(|d| Accreditation {
                date: d.parse().unwrap(),
                level: Level::City,
            }),
            notes: String::new(),
            created_at: DateTime::parse_from_rfc3339("2015-03-01T08:00:00+08:00").unwrap(),
            updated_at: None,
        }
    }

    #[test]
    fn a_base_lacking_any_of_the_five_haves_does_not_meet_the_standard() {
        let full = base("a", &Have::ALL, None);
        assert!(full.meets_standard());
        let no_film = base(
            "b",
            &[Have::Venue, Have::Guide, Have::Material, Have::Site],
            None,
        );
        assert!(!no_film.meets_standard());
        assert_eq!(no_film.haves.missing(), [Have::Film]);
    }

    #[test]
    fn the_checklist_parses_codes_and_chinese() {
        let five = FiveHaves::parse("venue, 讲解员、film").unwrap();
        assert_eq!(five.present(), [Have::Venue, Have::Guide, Have::Film]);
        assert!(FiveHaves::parse("五有").unwrap().complete());
        assert_eq!(FiveHaves::parse("venue,pool"), Err("pool".to_string()));
        assert_eq!(FiveHaves::parse("").unwrap(), FiveHaves::default());
    }

    #[test]
    fn accreditation_counts_from_its_date() {
        let b = base("a", &Have::ALL, Some("2015-03-10"));
        assert!(b.accredited_on("2015-03-10".parse().unwrap()));
        assert!(!b.accredited_on("2015-03-09".parse().unwrap()));
        assert!(!base("c", &Have::ALL, None).accredited_on("2016-01-01".parse().unwrap()));
    }

    #[test]
    fn kinds_parse_in_both_languages_and_province_does_not_accredit() {
        assert_eq!(BaseKind::parse("合作社"), Some(BaseKind::Cooperative));
        assert_eq!(BaseKind::parse("龙头企业"), Some(BaseKind::Enterprise));
        assert_eq!(BaseKind::parse("Village"), Some(BaseKind::Village));
        assert_eq!(BaseKind::parse("farm"), None);
        let mut b = base("a", &[], Some("2015-03-10"));
        b.accreditation.as_mut().unwrap().level = Level::Province;
        assert_eq!(b.validate(), Err(BaseError::BadLevel("province")));
    }
}
