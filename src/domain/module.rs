//! 内容模块: the content modules a cohort should cover. The five of the 2015 notice are
//! built in; organisers can add, rename and retire modules. A module is known by its
//! number, which never changes; a cohort keeps a copy of the catalogue it was run with
//! (see [`Catalogue::extend_with`]), so renaming a module later does not rewrite history.

use serde::{Deserialize, Serialize};

use crate::text::{Lang, Rules};
use crate::tr;

/// One content module: a number, a short name and its full wording, in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Module {
    /// A label local to this data folder; renumbered when a merge brings in another
    /// module with the same number.
    pub number: u16,
    /// The module's global id: `builtin-N` for the notice's five (the same everywhere),
    /// a ULID for an organiser's own. Empty only before schema 3.
    #[serde(default)]
    pub uid: String,
    pub name_zh: String,
    pub name_en: String,
    #[serde(default)]
    pub text_zh: String,
    #[serde(default)]
    pub text_en: String,
    /// Retired modules stay in the catalogue (and in every cohort that used them) but
    /// are no longer offered to new cohorts.
    #[serde(default)]
    pub retired: bool,
}

impl Module {
    fn new(number: u16, names: [&str; 4]) -> Module {
        let [name_zh, name_en, text_zh, text_en] = names.map(str::to_string);
        Module {
            number,
            uid: format!("builtin-{number}"),
            name_zh,
            name_en,
            text_zh,
            text_en,
            retired: false,
        }
    }

    /// Its short name in `lang` (data the organisers keep in both languages).
    pub fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.name_zh,
            Lang::En => &self.name_en,
        }
    }

    /// Its full wording in `lang`.
    pub fn text(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.text_zh,
            Lang::En => &self.text_en,
        }
    }

    /// Whether `text` names this module: its number (`3`, `模块3`, `第三`, `三`),
    /// its short name in either language (any case), or its full Chinese wording.
    pub fn is_named(&self, text: &str) -> bool {
        let t = text.trim();
        number_in(t) == Some(self.number)
            || t == self.name_zh
            || t.eq_ignore_ascii_case(&self.name_en)
            || (!self.text_zh.is_empty() && t == self.text_zh)
    }
}

/// Reads `3`, `模块3`, `模块三`, `第三`, `三`, `(三)`, `（三）`.
fn number_in(text: &str) -> Option<u16> {
    let t = text
        .trim_start_matches("模块")
        .trim_start_matches('第')
        .trim_matches(|c| matches!(c, '(' | ')' | '（' | '）'));
    if let Ok(n) = t.parse::<u16>() {
        return Some(n);
    }
    const DIGITS: [char; 10] = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
    let mut chars = t.chars();
    let (first, rest) = (chars.next()?, chars.as_str());
    let position = DIGITS.iter().position(|d| *d == first)?;
    rest.is_empty()
        .then(|| u16::try_from(position + 1).ok())
        .flatten()
}

/// Why a catalogue change or a list of modules is not accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModuleError {
    Unknown(String),
    Retired(u16),
    NoneGiven,
    EmptyName,
    NameTaken { name: String, number: u16 },
}

impl ModuleError {
    /// What a person is told, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ModuleError::Unknown(t) => tr!(lang, Rules::ModuleUnknown, module = t),
            ModuleError::Retired(n) => tr!(lang, Rules::ModuleRetired, number = n),
            ModuleError::NoneGiven => tr!(lang, Rules::ModuleNoneGiven),
            ModuleError::EmptyName => tr!(lang, Rules::ModuleEmptyName),
            ModuleError::NameTaken { name, number } => {
                tr!(lang, Rules::ModuleNameTaken, name = name, number = number)
            }
        }
    }
}

/// English, for logs; what a user sees comes from [`ModuleError::message`].
impl std::fmt::Display for ModuleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for ModuleError {}

/// New names for a module; `None` keeps what is there.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ModuleNames {
    pub name_zh: Option<String>,
    pub name_en: Option<String>,
    pub text_zh: Option<String>,
    pub text_en: Option<String>,
}

/// The module catalogue, ordered by number.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Catalogue {
    pub modules: Vec<Module>,
}

impl Catalogue {
    /// The five modules of the notice (岳阳市委组织部, March 2015).
    pub fn builtin() -> Catalogue {
        let modules = vec![
            Module::new(
                1,
                [
                    "讲话精神",
                    "Speeches and policies",
                    "习近平总书记系列重要讲话精神和党的十八大以来党和国家重大方针政策",
                    "General Secretary Xi Jinping's important speeches and the major policies of the Party and the state since the 18th Party Congress",
                ],
            ),
            Module::new(
                2,
                [
                    "党章党纪",
                    "Constitution and discipline",
                    "党章、党的基本知识和党内有关纪律规定",
                    "The Party constitution, basic Party knowledge and the Party's rules of discipline",
                ],
            ),
            Module::new(
                3,
                [
                    "依法治理",
                    "Lawful governance",
                    "基层依法治理和民主协商的基本要求、基本规章、基本程序",
                    "Lawful grassroots governance and democratic consultation: requirements, rules and procedures",
                ],
            ),
            Module::new(
                4,
                [
                    "职责方法",
                    "Duties and methods",
                    "基层党组织基本职责和工作方法",
                    "The basic duties and working methods of grassroots Party organisations",
                ],
            ),
            Module::new(
                5,
                [
                    "治理创新",
                    "Governance innovation",
                    "中央和省委、市委关于推进基层社会治理创新的精神和政策",
                    "Central, provincial and city policy on innovation in grassroots social governance",
                ],
            ),
        ];
        Catalogue { modules }
    }

    pub fn get(&self, number: u16) -> Option<&Module> {
        self.modules.iter().find(|m| m.number == number)
    }

    /// The modules still offered.
    pub fn active(&self) -> impl Iterator<Item = &Module> {
        self.modules.iter().filter(|m| !m.retired)
    }

    /// What a cohort starting now is run with: the active modules.
    pub fn snapshot(&self) -> Catalogue {
        Catalogue {
            modules: self.active().cloned().collect(),
        }
    }

    /// The module `text` names (number or name), retired or not.
    pub fn find(&self, text: &str) -> Option<&Module> {
        let by_number = number_in(text.trim()).and_then(|n| self.get(n));
        by_number.or_else(|| self.modules.iter().find(|m| m.is_named(text)))
    }

    /// Adds a module with the next free number and the global id `uid` (a new ULID),
    /// and returns that number.
    pub fn add(&mut self, names: ModuleNames, uid: String) -> Result<u16, ModuleError> {
        let name_zh = clean(names.name_zh).ok_or(ModuleError::EmptyName)?;
        let name_en = clean(names.name_en).unwrap_or_else(|| name_zh.clone());
        self.check_free(&name_zh, None)?;
        self.check_free(&name_en, None)?;
        let number = self.modules.iter().map(|m| m.number).max().unwrap_or(0) + 1;
        let text_zh = clean(names.text_zh).unwrap_or_default();
        let text_en = clean(names.text_en).unwrap_or_default();
        let names = [&*name_zh, &*name_en, &*text_zh, &*text_en];
        self.modules.push(Module {
            uid,
            ..Module::new(number, names)
        });
        Ok(number)
    }

    /// Gives module `number` new names; the number stays, cohorts keep the old names.
    pub fn rename(&mut self, number: u16, names: ModuleNames) -> Result<(), ModuleError> {
        let current = self
            .get(number)
            .ok_or_else(|| ModuleError::Unknown(number.to_string()))?;
        if current.retired {
            return Err(ModuleError::Retired(number));
        }
        let name_zh = clean(names.name_zh).unwrap_or_else(|| current.name_zh.clone());
        let name_en = clean(names.name_en).unwrap_or_else(|| current.name_en.clone());
        self.check_free(&name_zh, Some(number))?;
        self.check_free(&name_en, Some(number))?;
        let text_zh = clean(names.text_zh);
        let text_en = clean(names.text_en);
        let module = self
            .modules
            .iter_mut()
            .find(|m| m.number == number)
            .expect("found above");
        module.name_zh = name_zh;
        module.name_en = name_en;
        module.text_zh = text_zh.unwrap_or(std::mem::take(&mut module.text_zh));
        module.text_en = text_en.unwrap_or(std::mem::take(&mut module.text_en));
        Ok(())
    }

    /// Stops offering module `number` to new cohorts.
    pub fn retire(&mut self, number: u16) -> Result<(), ModuleError> {
        let module = self
            .modules
            .iter_mut()
            .find(|m| m.number == number)
            .ok_or_else(|| ModuleError::Unknown(number.to_string()))?;
        if module.retired {
            return Err(ModuleError::Retired(number));
        }
        module.retired = true;
        Ok(())
    }

    fn check_free(&self, name: &str, except: Option<u16>) -> Result<(), ModuleError> {
        let taken = self.active().find(|m| {
            Some(m.number) != except && (m.name_zh == name || m.name_en.eq_ignore_ascii_case(name))
        });
        match taken {
            Some(m) => Err(ModuleError::NameTaken {
                name: name.to_string(),
                number: m.number,
            }),
            None => Ok(()),
        }
    }

    /// Reads a list of modules (`1,3`, `1，3`, `讲话精神、党章党纪`) for a cohort that
    /// runs with `self`: a module the cohort does not have yet may come from `current`
    /// (the organisers' catalogue) if it is active there; it then joins `self`.
    /// Returns the numbers, sorted and without repeats, and whether `self` grew; on an
    /// error `self` is left as it was.
    pub fn extend_with(
        &mut self,
        current: &Catalogue,
        text: &str,
    ) -> Result<(Vec<u16>, bool), ModuleError> {
        let mut next = self.clone();
        let mut numbers = Vec::new();
        let mut grew = false;
        for part in text.split([',', '，', '、', ';', '；']) {
            let part = part.trim();
            if part.is_empty() {
                continue;
            }
            let number = match next.find(part) {
                Some(m) => m.number,
                None => {
                    let m = current
                        .find(part)
                        .ok_or_else(|| ModuleError::Unknown(part.to_string()))?;
                    if m.retired {
                        return Err(ModuleError::Retired(m.number));
                    }
                    next.modules.push(m.clone());
                    next.modules.sort_by_key(|m| m.number);
                    grew = true;
                    m.number
                }
            };
            numbers.push(number);
        }
        numbers.sort_unstable();
        numbers.dedup();
        if numbers.is_empty() {
            return Err(ModuleError::NoneGiven);
        }
        *self = next;
        Ok((numbers, grew))
    }
}

fn clean(text: Option<String>) -> Option<String> {
    text.map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty() && !t.chars().any(char::is_control))
}

#[cfg(test)]
#[path = "module_tests.rs"]
mod tests;
