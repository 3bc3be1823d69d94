//! The module catalogue (one record per module, by number) and the copy of it each
//! cohort runs with (by cohort code).

use crate::domain::module::{Catalogue, Module, ModuleError};

use super::codec::{decode, encode};
use super::{Batch, Store, StoreResult, TreeName};

/// Module numbers, and the cohort's catalogue when it must be saved with them.
pub type ResolvedModules = (Vec<u16>, Option<Catalogue>);

impl Store {
    /// The organisers' catalogue: the five built-in modules until it is first changed.
    pub fn catalogue(&self) -> StoreResult<Catalogue> {
        let mut modules: Vec<Module> = Vec::new();
        for entry in self.tree(TreeName::Modules).iter() {
            let (_, bytes) = entry?;
            modules.push(decode("modules", &bytes)?);
        }
        if modules.is_empty() {
            return Ok(Catalogue::builtin());
        }
        modules.sort_by_key(|m| m.number);
        Ok(Catalogue { modules })
    }

    pub fn stage_catalogue(batch: &mut Batch, catalogue: &Catalogue) {
        for module in &catalogue.modules {
            let key = module.number.to_be_bytes().to_vec();
            batch.put(TreeName::Modules, key, encode(module));
        }
    }

    /// Applies `change` to the catalogue and saves it, unless `change` refuses.
    pub fn change_catalogue<T>(
        &self,
        change: impl FnOnce(&mut Catalogue) -> Result<T, ModuleError>,
    ) -> StoreResult<Result<T, ModuleError>> {
        let mut catalogue = self.catalogue()?;
        let answer = match change(&mut catalogue) {
            Ok(answer) => answer,
            Err(refusal) => return Ok(Err(refusal)),
        };
        let mut batch = Batch::default();
        Store::stage_catalogue(&mut batch, &catalogue);
        self.commit(batch)?;
        Ok(Ok(answer))
    }

    /// The cohort's own copy of the catalogue, once it has one (from its first activity).
    pub fn cohort_catalogue(&self, code: &str) -> StoreResult<Option<Catalogue>> {
        match self.tree(TreeName::CohortModules).get(code)? {
            Some(bytes) => Ok(Some(decode("cohort_modules", &bytes)?)),
            None => Ok(None),
        }
    }

    /// The catalogue a cohort runs with: its own copy, or (before its first activity)
    /// the modules offered today.
    pub fn catalogue_for(&self, code: &str) -> StoreResult<Catalogue> {
        match self.cohort_catalogue(code)? {
            Some(catalogue) => Ok(catalogue),
            None => Ok(self.catalogue()?.snapshot()),
        }
    }

    pub fn stage_cohort_catalogue(batch: &mut Batch, code: &str, catalogue: &Catalogue) {
        batch.put(TreeName::CohortModules, code, encode(catalogue));
    }

    /// Reads a list of modules for an activity of cohort `code` (see
    /// [`Catalogue::extend_with`]). Returns the numbers and, when the cohort's copy of
    /// the catalogue is new or has grown, the copy to save with the activity.
    pub fn resolve_modules(
        &self,
        code: &str,
        text: &str,
    ) -> StoreResult<Result<ResolvedModules, ModuleError>> {
        let current = self.catalogue()?;
        let own = self.cohort_catalogue(code)?;
        let first_use = own.is_none();
        let mut catalogue = own.unwrap_or_else(|| current.snapshot());
        Ok(catalogue
            .extend_with(&current, text)
            .map(|(numbers, grew)| (numbers, (grew || first_use).then_some(catalogue))))
    }
}
