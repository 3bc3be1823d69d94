//! 基地: demonstration training bases, their "five haves" and accreditation; add one.

use crate::domain::Level;
use crate::domain::base::{BaseKind, Have, TrainingBase};
use crate::ops;
use crate::ops::base::NewBase;
use crate::text::{Desk as T, Lang};
use crate::tr;
use crate::tui::state::Action;
use crate::tui::state::{App, FormKind, Overlay};
use crate::tui::widgets::form::{Form, FormField, TypedForm};
use crate::tui::widgets::list::ListCursor;

#[derive(Debug, Clone, Default)]
pub struct BasesState {
    pub bases: Vec<TrainingBase>,
    pub cursor: ListCursor,
}

impl App {
    pub(crate) fn refresh_bases(&mut self) {
        match self.store.bases() {
            Err(e) => self.fail(&e),
            Ok(bases) => {
                self.bases.cursor.clamp(bases.len());
                self.bases.bases = bases;
            }
        }
    }

    pub(crate) fn on_bases(&mut self, action: Action) {
        let len = self.bases.bases.len();
        match action {
            Action::Up => self.bases.cursor.prev(),
            Action::Down => self.bases.cursor.next(len),
            Action::New => self.open_base_form(),
            _ => {}
        }
    }

    fn open_base_form(&mut self) {
        let title = self.t(T::BaseFormTitle).to_string();
        let form = BaseForm::default().form(title, &self.lang);
        self.overlay = Some(Overlay::Form(FormKind::Base, form));
    }

    /// Saves the base form; a refusal keeps the form open with its message.
    pub(crate) fn submit_base_form(&mut self, form: &Form) -> Result<(), String> {
        let input = BaseForm::read(form).into_input();
        let base =
            ops::base::add(&self.store, self.now(), &input).map_err(|e| e.message(self.lang))?;
        self.done(tr!(self.lang, T::BaseAdded, name = base.name));
        self.refresh_bases();
        Ok(())
    }
}

/// The new-base form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BaseForm {
    pub name: String,
    /// village, community, cooperative or enterprise.
    pub kind: String,
    pub county: String,
    pub haves: Vec<Have>,
    /// YYYY-MM-DD, empty when not accredited.
    pub accredited: String,
    /// city or county; counts only with a date.
    pub level: String,
    pub notes: String,
}

impl BaseForm {
    fn into_input(self) -> NewBase {
        let codes: Vec<&str> = self.haves.iter().map(|h| h.code()).collect();
        let accredited = Some(self.accredited).filter(|d| !d.is_empty());
        NewBase {
            name: self.name,
            kind: self.kind,
            county: self.county,
            haves: codes.join(","),
            level: accredited.as_ref().map(|_| self.level),
            accredited,
            notes: self.notes,
        }
    }
}

impl TypedForm for BaseForm {
    type Options = Lang;

    fn fields(&self, lang: &Lang) -> Vec<FormField> {
        let lang = *lang;
        let kinds = BaseKind::ALL
            .iter()
            .map(|k| (k.code().to_string(), k.label(lang).to_string()))
            .collect();
        let haves = Have::ALL
            .iter()
            .zip(1..)
            .map(|(h, n)| (n, h.label(lang).to_string()))
            .collect();
        let on: Vec<String> = Have::ALL
            .iter()
            .zip(1u16..)
            .filter(|(h, _)| self.haves.contains(h))
            .map(|(_, n)| n.to_string())
            .collect();
        let on: Vec<&str> = on.iter().map(String::as_str).collect();
        let levels = [Level::City, Level::County]
            .map(|l| (l.code().to_string(), l.label(lang).to_string()))
            .to_vec();
        vec![
            FormField::text(T::ItemName, &self.name),
            FormField::choice(T::FieldKind, kinds).preset(&[self.kind.as_str()]),
            FormField::text(T::FieldCounty, &self.county),
            FormField::toggles(T::FieldHaves, haves).preset(&on),
            FormField::text(T::FieldAccredited, &self.accredited),
            FormField::choice(T::FieldAccreditLevel, levels).preset(&[self.level.as_str()]),
            FormField::text(T::FieldNotes, &self.notes),
        ]
    }

    fn read(form: &Form) -> BaseForm {
        let haves = form
            .toggled(T::FieldHaves)
            .into_iter()
            .filter_map(|n| Have::ALL.get(usize::from(n).wrapping_sub(1)).copied())
            .collect();
        BaseForm {
            name: form.text(T::ItemName),
            kind: form.text(T::FieldKind),
            county: form.text(T::FieldCounty),
            haves,
            accredited: form.text(T::FieldAccredited),
            level: form.text(T::FieldAccreditLevel),
            notes: form.text(T::FieldNotes),
        }
    }
}
