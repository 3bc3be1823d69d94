//! The lookup screen: search on the left, the selected person's details and their
//! status in every session of the cohort on the right. Phone and ID are masked.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, Paragraph, Widget, Wrap};

use ratatui::style::Style;

use crate::domain::credit::{PersonCredit, Standing};
use crate::domain::person_code::PersonCode;
use crate::domain::{Person, Session, mask};
use crate::text::Desk as T;
use crate::text::Scanner;
use crate::tui::desk::Desk;
use crate::tui::state::App;
use crate::tui::state::checkin::status_text;
use crate::tui::state::credit::standing_text;
use crate::tui::theme;
use crate::tui::widgets::{pad_to, sanitize, widest};

use super::checkin::{highlighted_name, no_hits_text, search_box};
use super::lookup_record;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) -> Option<Position> {
    let desk = super::open_desk(app, area, buf)?;
    let [left, right] = area.layout(&Layout::horizontal([
        Constraint::Percentage(45),
        Constraint::Fill(1),
    ]));
    let person = app.lookup.selected_person(desk);
    let record = person.map_or_else(Vec::new, |p| lookup_record::lines(app, desk, p));
    // The record under the hits, up to half the column.
    let record_height = lookup_record::height(&record, left.width).min(left.height / 2);
    let [search, list, record_area] = left.layout(&Layout::vertical([
        Constraint::Length(3),
        Constraint::Fill(1),
        Constraint::Length(record_height),
    ]));
    let cursor = search_box(app, &app.lookup, search, buf);
    hit_list(app, desk, list, buf);
    lookup_record::render(app, record, record_area, buf);
    detail(app, desk, person, right, buf);
    Some(cursor)
}

fn hit_list(app: &App, desk: &Desk, area: Rect, buf: &mut Buffer) {
    let search = &app.lookup;
    if search.hits.is_empty() {
        let text = no_hits_text(app, search);
        Paragraph::new(Span::styled(text, theme::dim()))
            .wrap(Wrap { trim: true })
            .render(area, buf);
        return;
    }
    let people = &desk.people(search.scope).people;
    let height = usize::from(area.height);
    let shown = || search.cursor.visible(&search.hits, height);
    // The units line up: every name is padded to the widest shown, in screen cells.
    let names: Vec<String> = shown()
        .map(|(_, hit)| sanitize(&people[hit.index].name).into_owned())
        .collect();
    let column = widest(names.iter().map(String::as_str));
    let items: Vec<ListItem> = shown()
        .map(|(i, hit)| {
            let person = &people[hit.index];
            let mut line = highlighted_name(person, &hit.name_highlight);
            let padding = pad_to("", column.saturating_sub(line.width()));
            line.push_span(Span::styled(
                format!("{padding}  {}", sanitize(&person.unit)),
                theme::dim(),
            ));
            let item = ListItem::new(line);
            if search.cursor.is(i) {
                item.style(theme::selected())
            } else {
                item
            }
        })
        .collect();
    Widget::render(List::new(items), area, buf);
}

fn detail(app: &App, desk: &Desk, person: Option<&Person>, area: Rect, buf: &mut Buffer) {
    let block = super::titled(app.t(T::DetailTitle));
    let inner = block.inner(area);
    block.render(area, buf);
    let Some(person) = person else { return };
    let mut lines = fields(app, person);
    lines.push(Line::raw(""));
    lines.push(Line::styled(app.t(T::AttendanceTitle), theme::title()));
    lines.extend(attendance(app, desk, person));
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(inner, buf);
}

fn fields<'a>(app: &App, p: &'a Person) -> Vec<Line<'a>> {
    let labelled = |label: &str, value: String| {
        Line::from(vec![
            Span::styled(format!("{label}："), theme::dim()),
            Span::raw(value),
        ])
    };
    let field = |label: T, value: String| labelled(app.t(label), value);
    let code = crate::tr!(app.lang, Scanner::ScanFieldCode);
    vec![
        field(T::FieldName, sanitize(&p.name).into_owned()),
        field(
            T::FieldGender,
            p.gender
                .map(|g| g.label(app.lang).to_string())
                .unwrap_or_default(),
        ),
        field(T::FieldUnit, sanitize(&p.unit).into_owned()),
        field(T::FieldTownship, sanitize(&p.township).into_owned()),
        field(T::FieldCounty, sanitize(&p.county).into_owned()),
        field(T::FieldPosition, sanitize(&p.position).into_owned()),
        field(
            T::FieldField,
            p.field
                .map(|f| f.label(app.lang).to_string())
                .unwrap_or_default(),
        ),
        field(
            T::FieldPhone,
            p.phone.as_deref().map(mask::phone).unwrap_or_default(),
        ),
        field(
            T::FieldIdNumber,
            p.id_number
                .as_deref()
                .map(mask::id_number)
                .unwrap_or_default(),
        ),
        labelled(&code, PersonCode::of(&p.id).to_string()),
        field(T::FieldNotes, sanitize(&p.notes).into_owned()),
    ]
}

fn attendance<'a>(app: &App, desk: &Desk, person: &Person) -> Vec<Line<'a>> {
    if !desk.enrolled.contains(&person.id) {
        return vec![Line::styled(app.t(T::NotEnrolled), theme::dim())];
    }
    let credit = desk.credit.person(&person.id);
    let mut lines: Vec<Line> = credit.map(|c| standing(app, desk, c)).into_iter().collect();
    lines.extend(
        desk.cohort
            .sessions()
            .into_iter()
            .map(|session| session_line(app, desk, person, credit, session)),
    );
    lines
}

/// `学时 6 / 24 · 可缺 3 学时` while the cohort runs, else the standing with its reason.
fn standing<'a>(app: &App, desk: &Desk, person: &PersonCredit) -> Line<'a> {
    let all = &desk.credit;
    let hours = crate::tr!(
        app.lang,
        T::DeskHoursOf,
        credited = all.hours_text(person.credited_minutes),
        total = all.hours_text(all.total_minutes)
    );
    let (text, style) = match person.can_miss_minutes {
        Some(minutes) => {
            let can_miss = all.hours_text(minutes);
            let text = crate::tr!(app.lang, T::DeskCanMiss, hours = can_miss);
            (text, Style::default())
        }
        None => (
            standing_text(app.lang, &all.rules, &person.standing),
            standing_style(&person.standing),
        ),
    };
    let mut spans = vec![
        Span::styled(hours, theme::title()),
        Span::raw(" · "),
        Span::styled(text, style),
    ];
    if person.at_risk {
        spans.push(Span::raw(" · "));
        spans.push(Span::styled(app.t(T::DeskAtRiskMark), theme::warn()));
    }
    Line::from(spans)
}

fn standing_style(standing: &Standing) -> Style {
    match standing {
        Standing::Completed => theme::ok(),
        Standing::NotCompleted(_) => theme::error(),
        Standing::Withdrawn { .. } => theme::warn(),
        Standing::InProgress => Style::default(),
    }
}

/// `第1天上午  迟到 09:05 · 2 学时`: the hours once the session counts for them.
fn session_line<'a>(
    app: &App,
    desk: &Desk,
    person: &Person,
    credit: Option<&PersonCredit>,
    session: Session,
) -> Line<'a> {
    let status = desk.status(&person.id, session);
    let closed = desk.cohort.is_closed(session);
    let word = match status {
        None if closed => app.t(T::StatusAbsent),
        s => app.t(status_text(s.map(|s| s.status))),
    };
    let at = status
        .map(|s| s.at.format(" %H:%M").to_string())
        .unwrap_or_default();
    let hours = credit
        .and_then(|c| c.sessions.iter().find(|s| s.session == session))
        .filter(|s| status.is_some() || closed || s.credited_minutes > 0)
        .map(|s| {
            let hours = desk.credit.hours_text(s.credited_minutes);
            format!(
                " · {}",
                crate::tr!(app.lang, T::DeskSessionHours, hours = hours)
            )
        })
        .unwrap_or_default();
    Line::raw(format!("{}  {word}{at}{hours}", app.session_label(session)))
}
