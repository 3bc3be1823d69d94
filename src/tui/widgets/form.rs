//! A small form in a centred box: labelled text fields and choice fields, one focused,
//! with the validation message shown inside the form (nothing is saved until it passes).
//!
//! Typed forms: each form is a struct (the operation's input, or one beside it) that
//! implements [`TypedForm`]: it lays out its fields once and reads its values back by
//! their labels (each label appears once in a form), never by position.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};

use super::input::TextInput;
use crate::text::Desk as T;
use crate::text::Lang;
use crate::tui::theme;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldValue {
    Text(TextInput),
    /// Text never drawn: one `*` per character typed (a passphrase).
    Secret(TextInput),
    /// Options as (code, label) with the selected index.
    Choice(Vec<(String, String)>, usize),
    /// Numbered options switched on and off with their digit: (number, label, on).
    Toggles(Vec<(u16, String, bool)>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormField {
    pub label: T,
    pub value: FieldValue,
}

impl FormField {
    pub fn text(label: T, initial: &str) -> FormField {
        FormField {
            label,
            value: FieldValue::Text(TextInput::with(initial)),
        }
    }

    /// An empty text field drawn masked (a passphrase).
    pub fn secret(label: T) -> FormField {
        FormField {
            label,
            value: FieldValue::Secret(TextInput::default()),
        }
    }

    pub fn choice(label: T, options: Vec<(String, String)>) -> FormField {
        FormField {
            label,
            value: FieldValue::Choice(options, 0),
        }
    }

    pub fn toggles(label: T, options: Vec<(u16, String)>) -> FormField {
        let options = options.into_iter().map(|(n, l)| (n, l, false)).collect();
        FormField {
            label,
            value: FieldValue::Toggles(options),
        }
    }

    /// Selects the choice with this code, or switches these numbers on.
    pub fn preset(mut self, codes: &[&str]) -> FormField {
        match &mut self.value {
            FieldValue::Choice(options, i) => {
                *i = options
                    .iter()
                    .position(|o| codes.contains(&o.0.as_str()))
                    .unwrap_or(0);
            }
            FieldValue::Toggles(options) => {
                for o in options.iter_mut() {
                    o.2 = codes.contains(&o.0.to_string().as_str());
                }
            }
            FieldValue::Text(_) | FieldValue::Secret(_) => {}
        }
        self
    }

    /// Lines the field takes: option rows wrap onto a second line.
    pub fn height(&self) -> u16 {
        match &self.value {
            FieldValue::Text(_) | FieldValue::Secret(_) => 1,
            FieldValue::Choice(options, _) if options.len() <= 3 => 1,
            _ => 2,
        }
    }

    /// The numbers switched on, for a toggles field.
    pub fn toggled(&self) -> Vec<u16> {
        match &self.value {
            FieldValue::Toggles(options) => options.iter().filter(|o| o.2).map(|o| o.0).collect(),
            _ => Vec::new(),
        }
    }

    /// The text typed, or the selected choice's code.
    pub fn get(&self) -> &str {
        match &self.value {
            FieldValue::Text(input) => input.value().trim(),
            // A passphrase is taken as typed, spaces included.
            FieldValue::Secret(input) => input.value(),
            FieldValue::Choice(options, i) => options.get(*i).map_or("", |o| o.0.as_str()),
            FieldValue::Toggles(_) => "",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    pub title: String,
    pub fields: Vec<FormField>,
    pub focus: usize,
    pub error: Option<String>,
}

impl Form {
    pub fn new(title: String, fields: Vec<FormField>) -> Form {
        Form {
            title,
            fields,
            focus: 0,
            error: None,
        }
    }

    /// The field with this label.
    pub fn labelled(&self, label: T) -> Option<&FormField> {
        self.fields.iter().find(|f| f.label == label)
    }

    /// The text typed (trimmed) or the choice made in the field with this label.
    pub fn text(&self, label: T) -> String {
        self.labelled(label).map_or("", FormField::get).to_string()
    }

    /// The numbers switched on in the toggles field with this label.
    pub fn toggled(&self, label: T) -> Vec<u16> {
        self.labelled(label)
            .map(FormField::toggled)
            .unwrap_or_default()
    }

    pub fn next_field(&mut self) {
        self.focus = (self.focus + 1) % self.fields.len().max(1);
    }

    pub fn prev_field(&mut self) {
        let n = self.fields.len().max(1);
        self.focus = (self.focus + n - 1) % n;
    }

    /// Typed text; on a toggles field a digit switches its option.
    pub fn type_char(&mut self, c: char) {
        match self.focused_value() {
            Some(FieldValue::Text(input) | FieldValue::Secret(input)) => input.push(c),
            Some(FieldValue::Toggles(options)) => {
                let digit = c.to_digit(10).and_then(|d| u16::try_from(d).ok());
                if let Some(o) = options.iter_mut().find(|o| Some(o.0) == digit) {
                    o.2 = !o.2;
                }
            }
            _ => {}
        }
    }

    pub fn backspace(&mut self) {
        if let Some(FieldValue::Text(input) | FieldValue::Secret(input)) = self.focused_value() {
            input.pop();
        }
    }

    pub fn clear_field(&mut self) {
        if let Some(FieldValue::Text(input) | FieldValue::Secret(input)) = self.focused_value() {
            input.clear();
        }
    }

    /// Left/Right on a choice field.
    pub fn cycle(&mut self, forward: bool) {
        if let Some(FieldValue::Choice(options, i)) = self.focused_value() {
            let n = options.len().max(1);
            *i = if forward {
                (*i + 1) % n
            } else {
                (*i + n - 1) % n
            };
        }
    }

    fn focused_value(&mut self) -> Option<&mut FieldValue> {
        self.fields.get_mut(self.focus).map(|f| &mut f.value)
    }

    /// Height the form needs: its fields, the error, borders.
    pub fn height(&self) -> u16 {
        self.fields.iter().map(FormField::height).sum::<u16>() + 4
    }
}

/// A form as a typed struct: its fields laid out once, its values read back by label.
pub trait TypedForm: Sized {
    /// What the form's choices are drawn from (the language of their labels, the
    /// bases or modules on offer, ...).
    type Options;
    /// The form's fields, in the order shown, holding this struct's values.
    fn fields(&self, options: &Self::Options) -> Vec<FormField>;
    /// The values as typed.
    fn read(form: &Form) -> Self;

    /// The form, titled, holding this struct's values.
    fn form(&self, title: String, options: &Self::Options) -> Form {
        Form::new(title, self.fields(options))
    }
}

/// Draws a form over the screen and returns where the text cursor belongs.
pub struct FormView<'a> {
    pub form: &'a Form,
    pub lang: Lang,
}

impl FormView<'_> {
    pub fn render(self, area: Rect, buf: &mut Buffer) -> Option<Position> {
        let width = area.width.saturating_sub(4).min(70);
        let rect = area.centered(
            Constraint::Length(width),
            Constraint::Length(self.form.height()),
        );
        Clear.render(rect, buf);
        let block = Block::bordered().title(Span::styled(
            format!(" {} ", self.form.title),
            theme::title(),
        ));
        let inner = block.inner(rect);
        block.render(rect, buf);
        let labels = self.form.fields.iter().map(|f| f.label.get(self.lang));
        let label_width = (super::widest(labels) as u16 + 2).min(inner.width / 2);
        let mut cursor = None;
        let heights = self
            .form
            .fields
            .iter()
            .map(|f| Constraint::Length(f.height()));
        let rows = Layout::vertical(heights.chain([Constraint::Length(1), Constraint::Length(1)]))
            .split(inner);
        for (i, field) in self.form.fields.iter().enumerate() {
            let [label_area, value_area] = rows[i].layout(&Layout::horizontal([
                Constraint::Length(label_width),
                Constraint::Fill(1),
            ]));
            let focused = i == self.form.focus;
            let label_style = if focused { theme::key() } else { theme::dim() };
            Line::styled(field.label.get(self.lang), label_style).render(label_area, buf);
            match &field.value {
                FieldValue::Text(input) | FieldValue::Secret(input) => {
                    let secret = matches!(field.value, FieldValue::Secret(_));
                    let (shown, width) = match secret {
                        true => {
                            let stars = "*".repeat(input.value().chars().count());
                            let width = u16::try_from(stars.len()).unwrap_or(u16::MAX);
                            (Span::raw(stars), width)
                        }
                        false => (input.span(), input.width()),
                    };
                    Line::from(shown).render(value_area, buf);
                    if focused {
                        let x = value_area
                            .x
                            .saturating_add(width)
                            .min(value_area.right().saturating_sub(1));
                        cursor = Some(Position::new(x, value_area.y));
                    }
                }
                FieldValue::Choice(options, selected) => {
                    let spans: Vec<Span> = options
                        .iter()
                        .enumerate()
                        .map(|(j, (_, label))| {
                            let style = if j == *selected {
                                theme::selected()
                            } else {
                                theme::dim()
                            };
                            Span::styled(format!(" {label} "), style)
                        })
                        .collect();
                    Paragraph::new(Line::from(spans))
                        .wrap(Wrap { trim: true })
                        .render(value_area, buf);
                }
                FieldValue::Toggles(options) => {
                    let spans: Vec<Span> = options
                        .iter()
                        .map(|(n, label, on)| {
                            let (mark, style) = if *on {
                                ("■", theme::selected())
                            } else {
                                ("□", theme::dim())
                            };
                            Span::styled(format!("{mark}{n} {label} "), style)
                        })
                        .collect();
                    Paragraph::new(Line::from(spans))
                        .wrap(Wrap { trim: true })
                        .render(value_area, buf);
                }
            }
        }
        if let Some(error) = &self.form.error {
            let area = rows[self.form.fields.len() + 1];
            Paragraph::new(Span::styled(error.as_str(), theme::error()))
                .wrap(Wrap { trim: true })
                .render(area, buf);
        }
        cursor
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A form of two texts and a set of toggles, read back by label.
    #[derive(Debug, Default, PartialEq)]
    struct Note {
        title: String,
        hours: String,
        modules: Vec<u16>,
    }

    impl TypedForm for Note {
        type Options = bool;

        /// `true` lays the fields out in the other order: reading must not care.
        fn fields(&self, reversed: &bool) -> Vec<FormField> {
            let modules: Vec<String> = self.modules.iter().map(u16::to_string).collect();
            let on: Vec<&str> = modules.iter().map(String::as_str).collect();
            let options = vec![(1, "一".into()), (2, "二".into()), (3, "三".into())];
            let mut fields = vec![
                FormField::text(T::FieldTitle, &self.title),
                FormField::text(T::FieldHours, &self.hours),
                FormField::toggles(T::FieldModules, options).preset(&on),
            ];
            if *reversed {
                fields.reverse();
            }
            fields
        }

        fn read(form: &Form) -> Note {
            Note {
                title: form.text(T::FieldTitle),
                hours: form.text(T::FieldHours),
                modules: form.toggled(T::FieldModules),
            }
        }
    }

    #[test]
    fn a_typed_form_reads_back_what_it_laid_out_in_any_order() {
        let note = Note {
            title: "学习党章".into(),
            hours: "1.5".into(),
            modules: vec![1, 3],
        };
        for reversed in [false, true] {
            let mut form = note.form("记录".into(), &reversed);
            assert_eq!(Note::read(&form), note);
            form.focus = form
                .fields
                .iter()
                .position(|f| f.label == T::FieldModules)
                .unwrap();
            form.type_char('2');
            form.focus = form
                .fields
                .iter()
                .position(|f| f.label == T::FieldHours)
                .unwrap();
            form.type_char('0');
            let read = Note::read(&form);
            assert_eq!((read.hours.as_str(), read.modules), ("1.50", vec![1, 2, 3]));
        }
    }
}
