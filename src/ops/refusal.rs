//! Why an operation wrote nothing: bad input or a rule that refuses (the command line
//! exits 2), a closed cohort or session, or the store failed (exit 1).

use std::fmt::Display;

use crate::domain::Closed;
use crate::domain::cohort::CohortError;
use crate::domain::module::ModuleError;
use crate::domain::person::PersonError;
use crate::domain::teaching::TeachingError;
use crate::store::StoreError;
use crate::text::{Arg, Entry, Lang, fill};

/// An entry's two texts (Chinese, English), kept so that a refusal can be worded later
/// in whichever language shows it.
#[derive(Debug, Clone, Copy)]
struct Texts(&'static str, &'static str);

impl Texts {
    fn of<E: Entry>(entry: E) -> Texts {
        let (zh, en) = entry.pair();
        Texts(zh, en)
    }

    fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.0,
            Lang::En => self.1,
        }
    }
}

/// An argument: a value, or a list joined by a separator worded per language.
#[derive(Debug, Clone)]
enum Value {
    Plain(String),
    Joined(Vec<String>, Texts),
    /// Worded in each language (Chinese, English): a session's name, say.
    Worded(String, String),
}

/// A refusal in the catalogue's words: an entry and its named arguments, filled in the
/// language of whoever shows it.
#[derive(Debug, Clone)]
pub struct Refusal {
    entry: Texts,
    args: Vec<(&'static str, Value)>,
}

impl Refusal {
    pub fn of<E: Entry>(entry: E) -> Refusal {
        Refusal {
            entry: Texts::of(entry),
            args: Vec::new(),
        }
    }

    /// Fills `{key}` with `value`.
    pub fn with(mut self, key: &'static str, value: impl Display) -> Refusal {
        self.args.push((key, Value::Plain(value.to_string())));
        self
    }

    /// Fills `{key}` with what `word` says in the language the refusal is shown in.
    pub fn with_worded(mut self, key: &'static str, word: impl Fn(Lang) -> String) -> Refusal {
        let value = Value::Worded(word(Lang::Zh), word(Lang::En));
        self.args.push((key, value));
        self
    }

    /// Fills `{key}` with `items` joined by the separator `sep` (an entry: 、 or ", ").
    pub fn with_list<E: Entry>(mut self, key: &'static str, items: Vec<String>, sep: E) -> Refusal {
        self.args.push((key, Value::Joined(items, Texts::of(sep))));
        self
    }

    pub fn message(&self, lang: Lang) -> String {
        let values: Vec<String> = self
            .args
            .iter()
            .map(|(_, value)| match value {
                Value::Plain(text) => text.clone(),
                Value::Joined(items, sep) => items.join(sep.get(lang)),
                Value::Worded(zh, en) => match lang {
                    Lang::Zh => zh.clone(),
                    Lang::En => en.clone(),
                },
            })
            .collect();
        let args: Vec<Arg<'_>> = self
            .args
            .iter()
            .zip(&values)
            .map(|((key, _), value)| Arg(key, value as &dyn Display))
            .collect();
        fill(self.entry.get(lang), &args)
    }
}

/// Why nothing was written.
#[derive(Debug)]
pub enum OpError {
    /// Bad input: nothing written.
    Refused(Refusal),
    /// The cohort or the session is closed: nothing written.
    Closed(Closed),
    /// The cohort's details break its rules: nothing written.
    Cohort(CohortError),
    /// The teaching log's rules refuse the change: nothing written.
    Teaching(TeachingError),
    /// The modules named are not in the cohort's catalogue: nothing written.
    Module(ModuleError),
    /// A person's details do not make a person record: nothing written.
    Person(PersonError),
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
    /// The refusal or failure in the catalogue's words. For a closed session each
    /// front-end adds how its user reopens it.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            OpError::Refused(r) => r.message(lang),
            OpError::Closed(closed) => closed.message(lang),
            OpError::Cohort(e) => e.message(lang),
            OpError::Teaching(e) => e.message(lang),
            OpError::Module(e) => e.message(lang),
            OpError::Person(e) => e.message(lang),
            OpError::Store(e) => e.message(lang),
        }
    }
}
