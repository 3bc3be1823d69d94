//! 基地: demonstration training bases, their "five haves" and accreditation; add one.

use chrono::NaiveDate;

use crate::domain::Level;
use crate::domain::base::{Accreditation, BaseKind, FiveHaves, Have, TrainingBase};
use crate::store::{Batch, Store};
use crate::text::Desk as T;
use crate::tui::state::Action;
use crate::tui::state::{App, FormKind, Overlay};
use crate::tui::widgets::form::{Form, FormField};
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
        let lang = self.lang;
        let kinds = BaseKind::ALL
            .iter()
            .map(|k| {
                (
                    k.code().to_string(),
                    lang.pick(k.zh(), k.code()).to_string(),
                )
            })
            .collect();
        let haves = Have::ALL
            .iter()
            .enumerate()
            .map(|(i, h)| (i as u16 + 1, lang.pick(h.zh(), h.code()).to_string()))
            .collect();
        let levels = [Level::City, Level::County]
            .map(|l| {
                (
                    l.code().to_string(),
                    lang.pick(l.zh(), l.code()).to_string(),
                )
            })
            .to_vec();
        let fields = vec![
            FormField::text(T::ItemName, ""),
            FormField::choice(T::FieldKind, kinds),
            FormField::text(T::FieldCounty, ""),
            FormField::toggles(T::FieldHaves, haves),
            FormField::text(T::FieldAccredited, ""),
            FormField::choice(T::FieldAccreditLevel, levels),
            FormField::text(T::FieldNotes, ""),
        ];
        let form = Form::new(self.t(T::BaseFormTitle).to_string(), fields);
        self.overlay = Some(Overlay::Form(FormKind::Base, form));
    }

    /// Saves the base form; a problem keeps the form open with the message.
    pub(crate) fn submit_base_form(&mut self, form: &Form) -> Result<(), String> {
        let base = self.base_from(form)?;
        let taken = self
            .store
            .base_named(&base.name)
            .map_err(|e| e.message(self.lang))?;
        if taken.is_some() {
            return Err(self.t(T::BaseNameTaken).to_string());
        }
        let mut batch = Batch::default();
        Store::stage_base(&mut batch, &base);
        self.store.commit(batch).map_err(|e| e.message(self.lang))?;
        self.done(T::BaseAdded.fill(self.lang, &[&base.name]));
        self.refresh_bases();
        Ok(())
    }

    fn base_from(&self, form: &Form) -> Result<TrainingBase, String> {
        let chosen: Vec<Have> = form
            .field(3)
            .map(FormField::toggled)
            .unwrap_or_default()
            .into_iter()
            .filter_map(|n| Have::ALL.get(usize::from(n).wrapping_sub(1)).copied())
            .collect();
        let accreditation = match form.value(4) {
            "" => None,
            text => Some(Accreditation {
                date: NaiveDate::parse_from_str(text, "%Y-%m-%d")
                    .map_err(|_| self.t(T::BadDate).to_string())?,
                level: Level::parse(form.value(5)).unwrap_or(Level::County),
            }),
        };
        let base = TrainingBase {
            id: ulid::Ulid::generate().to_string(),
            name: form.value(0).to_string(),
            kind: BaseKind::parse(form.value(1)).unwrap_or(BaseKind::Village),
            county: form.value(2).to_string(),
            haves: FiveHaves::from_list(&chosen),
            accreditation,
            notes: form.value(6).to_string(),
            created_at: self.now(),
            updated_at: None,
        };
        base.validate()
            .map_err(|e| self.lang.pick(&e.zh(), &e.to_string()).to_string())?;
        Ok(base)
    }
}
