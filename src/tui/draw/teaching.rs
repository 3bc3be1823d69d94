//! The teaching log of the desk's session.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Span;
use ratatui::widgets::{Paragraph, Row, Table, Widget, Wrap};

use crate::domain::teaching::{TeachingActivity, hours};
use crate::text::Desk as T;
use crate::text::Teaching as Tg;
use crate::tr;
use crate::tui::state::App;
use crate::tui::theme;
use crate::tui::widgets::sanitize;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(desk) = super::open_desk(app, area, buf) else {
        return;
    };
    let title = crate::tr!(
        app.lang,
        T::TeachingTitle,
        session = app.session_label(desk.session)
    );
    let block = super::titled(&title);
    let t = &app.teaching;
    if t.activities.is_empty() {
        let text = Span::styled(app.t(T::NoActivities), theme::dim());
        Paragraph::new(text)
            .wrap(Wrap { trim: true })
            .block(block)
            .render(area, buf);
        return;
    }
    let header = Row::new(
        [
            T::ColCode,
            T::ColState,
            T::FieldMethod,
            T::FieldTitle,
            T::FieldLecturer,
            T::FieldModules,
            T::FieldHours,
            T::FieldBase,
        ]
        .map(|x| super::column_title(app, x)),
    )
    .style(theme::dim());
    let rows = t.activities.iter().enumerate().map(|(i, a)| {
        let row = activity_row(app, a);
        if t.cursor.is(i) {
            row.style(theme::selected())
        } else {
            row
        }
    });
    let widths = [
        Constraint::Length(4),
        Constraint::Length(7),
        Constraint::Length(9),
        Constraint::Fill(2),
        Constraint::Fill(1),
        Constraint::Length(9),
        Constraint::Length(5),
        Constraint::Fill(1),
    ];
    Widget::render(
        Table::new(rows, widths).header(header).block(block),
        area,
        buf,
    );
}

fn activity_row<'a>(app: &App, a: &'a TeachingActivity) -> Row<'a> {
    let d = &a.details;
    let status = a.status.label(app.lang).to_string();
    let lecturer = match (d.lecturer.is_empty(), d.role.is_empty()) {
        (false, false) => format!("{}（{}）", sanitize(&d.lecturer), sanitize(&d.role)),
        _ => format!("{}{}", sanitize(&d.lecturer), sanitize(&d.role)),
    };
    let modules: Vec<String> = d.modules.iter().map(u16::to_string).collect();
    let base = d
        .base
        .as_ref()
        .and_then(|id| app.teaching.bases.iter().find(|b| &b.id == id))
        .map(|b| sanitize(&b.name).into_owned())
        .unwrap_or_default();
    Row::new([
        format!("#{}", a.id),
        status,
        d.method.label(app.lang).to_string(),
        sanitize(&d.title).into_owned(),
        lecturer,
        modules.join(","),
        match (d.class_hours, d.minutes) {
            (Some(n), _) => tr!(app.lang, Tg::DescribeClassHours, hours = n),
            (None, Some(m)) => format!("{:.1}", hours(m)),
            (None, None) => String::new(),
        },
        base,
    ])
}
