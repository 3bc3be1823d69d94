//! The bundle screen's three forms (typed forms, see `widgets/form.rs`): export (scope,
//! file, an optional passphrase typed twice), merge (file, passphrase if encrypted) and
//! this desk's name; and the export's default file name.

use std::path::PathBuf;

use crate::domain::bundle::Scope;
use crate::text::Desk as T;
use crate::text::{DeskBundle as B, Lang};
use crate::tui::desk::Desk;
use crate::tui::widgets::form::{Form, FormField, TypedForm};

const SCOPE_COHORT: &str = "cohort";
const SCOPE_YEAR: &str = "year";
const SCOPE_ALL: &str = "all";

/// The export form's values.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct ExportForm {
    /// `cohort`, `year` or `all`.
    pub scope: String,
    pub path: String,
    pub passphrase: String,
    pub again: String,
}

impl ExportForm {
    /// This cohort when the desk has one open, else the year; `path` as offered.
    pub fn new(has_cohort: bool, path: String) -> ExportForm {
        let scope = if has_cohort { SCOPE_COHORT } else { SCOPE_YEAR };
        ExportForm {
            scope: scope.into(),
            path,
            ..ExportForm::default()
        }
    }

    /// A file to write, and the passphrase typed the same twice.
    pub fn check(&self, lang: Lang) -> Result<(), String> {
        if self.path.trim().is_empty() {
            return Err(crate::tr!(lang, B::PackNoPath));
        }
        if self.passphrase != self.again {
            return Err(crate::tr!(lang, B::PackPassphraseMismatch));
        }
        Ok(())
    }

    pub fn passphrase(&self) -> Option<&str> {
        Some(self.passphrase.as_str()).filter(|p| !p.is_empty())
    }

    /// The scope chosen: the desk's cohort, the year of `year`, or everything.
    pub fn scope(&self, desk: Option<&Desk>, year: i32) -> Scope {
        match (self.scope.as_str(), desk) {
            (SCOPE_COHORT, Some(desk)) => Scope::Cohort {
                code: desk.cohort.code.clone(),
            },
            (SCOPE_ALL, _) => Scope::All,
            _ => Scope::Year { year },
        }
    }
}

impl TypedForm for ExportForm {
    /// The language, the open cohort's code (if any) and the year.
    type Options = (Lang, Option<String>, i32);

    fn fields(&self, (lang, cohort, year): &Self::Options) -> Vec<FormField> {
        let mut scopes = Vec::new();
        if let Some(code) = cohort {
            let label = scope_label(*lang, &Scope::Cohort { code: code.clone() });
            scopes.push((SCOPE_COHORT.to_string(), label));
        }
        let scope = Scope::Year { year: *year };
        scopes.push((SCOPE_YEAR.to_string(), scope_label(*lang, &scope)));
        scopes.push((SCOPE_ALL.to_string(), scope_label(*lang, &Scope::All)));
        vec![
            FormField::choice(T::FieldBundleScope, scopes).preset(&[&self.scope]),
            FormField::text(T::FieldBundleFile, &self.path),
            FormField::secret(T::FieldPassphrase),
            FormField::secret(T::FieldPassphraseAgain),
        ]
    }

    fn read(form: &Form) -> ExportForm {
        ExportForm {
            scope: form.text(T::FieldBundleScope),
            path: form.text(T::FieldBundleFile),
            passphrase: form.text(T::FieldPassphrase),
            again: form.text(T::FieldPassphraseAgain),
        }
    }
}

/// The merge form's values.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct MergeForm {
    pub path: String,
    pub passphrase: String,
}

impl MergeForm {
    /// Where the passphrase field is, for the focus when it is asked for.
    pub const PASSPHRASE_FIELD: usize = 1;

    pub fn with_path(path: String) -> MergeForm {
        MergeForm {
            path,
            passphrase: String::new(),
        }
    }

    pub fn check(&self, lang: Lang) -> Result<(), String> {
        match self.path.trim().is_empty() {
            true => Err(crate::tr!(lang, B::PackNoPath)),
            false => Ok(()),
        }
    }

    pub fn passphrase(&self) -> Option<&str> {
        Some(self.passphrase.as_str()).filter(|p| !p.is_empty())
    }
}

impl TypedForm for MergeForm {
    type Options = ();

    fn fields(&self, _: &()) -> Vec<FormField> {
        vec![
            FormField::text(T::FieldBundleFile, &self.path),
            FormField::secret(T::FieldBundlePassphrase),
        ]
    }

    fn read(form: &Form) -> MergeForm {
        MergeForm {
            path: form.text(T::FieldBundleFile),
            passphrase: form.text(T::FieldBundlePassphrase),
        }
    }
}

/// The desk name form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct NameForm {
    pub name: String,
}

impl TypedForm for NameForm {
    type Options = ();

    fn fields(&self, _: &()) -> Vec<FormField> {
        vec![FormField::text(T::FieldDeskName, &self.name)]
    }

    fn read(form: &Form) -> NameForm {
        NameForm {
            name: form.text(T::FieldDeskName),
        }
    }
}

/// The user's home folder (where a first bundle is offered to go), from the environment (`HOME`, or `USERPROFILE` on Windows).
pub(crate) fn home() -> Option<PathBuf> {
    let var = if cfg!(windows) { "USERPROFILE" } else { "HOME" };
    std::env::var_os(var)
        .filter(|h| !h.is_empty())
        .map(PathBuf::from)
}

/// The scope's words, for the export form's choice.
pub(crate) fn scope_label(lang: Lang, scope: &Scope) -> String {
    match scope {
        Scope::Cohort { code } => crate::tr!(lang, B::PackScopeCohort, code = code),
        Scope::Year { year } => crate::tr!(lang, B::PackScopeYear, year = year),
        Scope::All => crate::tr!(lang, B::PackScopeAll),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_passphrase_must_be_typed_the_same_twice() {
        let mut form = ExportForm::new(true, "a.lxb".into());
        assert_eq!(form.check(Lang::En), Ok(()));
        assert_eq!(form.passphrase(), None);
        form.passphrase = "门前 三棵树".into();
        assert!(form.check(Lang::En).is_err());
        form.again = form.passphrase.clone();
        assert_eq!(form.check(Lang::En), Ok(()));
        assert_eq!(form.passphrase(), Some("门前 三棵树"));
        form.path = " ".into();
        assert!(form.check(Lang::Zh).is_err());
    }
}
