//! Why an operation wrote nothing: bad input or a rule that refuses (the command line
//! exits 2), a closed cohort or session, or the store failed (exit 1).

use std::fmt::Display;

use crate::domain::Closed;
use crate::domain::module::ModuleError;
use crate::domain::teaching::TeachingError;
use crate::store::StoreError;
use crate::text::{Arg, Entry, Lang, fill};

/// A refusal in the catalogue's words: an entry and its named arguments, filled in the
/// language of whoever shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    texts: (&'static str, &'static str),
    /// (name, Chinese value, English value).
    args: Vec<(&'static str, String, String)>,
}

impl Refusal {
    pub fn of(entry: impl Entry) -> Refusal {
        Refusal {
            texts: entry.pair(),
            args: Vec::new(),
        }
    }

    /// Fills `{key}` with `value` in both languages.
    pub fn with(mut self, key: &'static str, value: impl Display) -> Refusal {
        let value = value.to_string();
        self.args.push((key, value.clone(), value));
        self
    }

    /// Fills `{key}` with a value that is itself worded per language.
    pub fn with_each(mut self, key: &'static str, zh: String, en: String) -> Refusal {
        self.args.push((key, zh, en));
        self
    }

    pub fn message(&self, lang: Lang) -> String {
        let template = match lang {
            Lang::Zh => self.texts.0,
            Lang::En => self.texts.1,
        };
        let args: Vec<Arg<'_>> = self
            .args
            .iter()
            .map(|(key, zh, en)| match lang {
                Lang::Zh => Arg(key, zh as &dyn Display),
                Lang::En => Arg(key, en as &dyn Display),
            })
            .collect();
        fill(template, &args)
    }
}

/// Why nothing was written.
#[derive(Debug)]
pub enum OpError {
    /// Bad input: nothing written.
    Refused(Refusal),
    /// The cohort or the session is closed: nothing written.
    Closed(Closed),
    /// The teaching log's rules refuse the change: nothing written.
    Teaching(TeachingError),
    /// The modules named are not in the cohort's catalogue: nothing written.
    Module(ModuleError),
    /// The store failed; what was committed before stays.
    Store(StoreError),
}

pub type OpResult<T> = Result<T, OpError>;

impl From<StoreError> for OpError {
    fn from(e: StoreError) -> OpError {
        OpError::Store(e)
    }
}

impl From<Refusal> for OpError {
    fn from(r: Refusal) -> OpError {
        OpError::Refused(r)
    }
}

impl OpError {
    /// The refusal or failure in the catalogue's words. Closed cohorts and sessions are
    /// worded by each front-end, which knows how its user reopens them.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            OpError::Refused(r) => r.message(lang),
            OpError::Closed(Closed::Cohort) => {
                crate::tr!(lang, crate::text::Cohorts::CohortIsClosed)
            }
            OpError::Closed(Closed::Session(s)) => {
                crate::tr!(lang, crate::text::Cohorts::SessionIsClosed, session = s)
            }
            OpError::Teaching(e) => lang.pick(&e.zh(), &e.to_string()).to_string(),
            OpError::Module(e) => lang.pick(&e.zh(), &e.to_string()).to_string(),
            OpError::Store(e) => e.message(lang),
        }
    }
}
