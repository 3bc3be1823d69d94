//! The check-in screen: session header, search box, hits with the matched characters
//! highlighted and each person's status in this session.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table, Widget};

use crate::domain::scan::ExactKind;
use crate::domain::{Person, mask};
use crate::text::Desk as T;
use crate::text::Scanner;
use crate::tui::desk::{Desk, SearchScope};
use crate::tui::state::App;
use crate::tui::state::checkin::{SearchBox, status_text};
use crate::tui::theme;
use crate::tui::widgets::{sanitize, widest};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) -> Option<Position> {
    let desk = super::open_desk(app, area, buf)?;
    let [header, search, results] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(3),
        Constraint::Fill(1),
    ]));
    session_header(app, desk, header, buf);
    let cursor = search_box(app, &app.checkin, search, buf);
    hits_table(app, desk, &app.checkin, results, buf);
    Some(cursor)
}

/// The session and its counts, and at the right the people at risk; the date is left
/// out when they would not fit side by side.
fn session_header(app: &App, desk: &Desk, area: Rect, buf: &mut Buffer) {
    let risk = at_risk(app, desk);
    let width = risk.as_ref().map_or(0, |r| r.width() as u16);
    let mut line = Line::from(header_spans(app, desk, true));
    if line.width() + usize::from(width) > usize::from(area.width) {
        line = Line::from(header_spans(app, desk, false));
    }
    let [left, right] = area.layout(&Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(width),
    ]));
    line.render(left, buf);
    if let Some(risk) = risk {
        Line::from(risk).render(right, buf);
    }
}

fn header_spans(app: &App, desk: &Desk, with_date: bool) -> Vec<Span<'static>> {
    let cohort = &desk.cohort;
    let session = desk.session;
    let counts = desk.counts(session);
    let day = crate::tr!(
        app.lang,
        T::DayOfDays,
        day = session.day,
        days = cohort.days
    );
    let date = if with_date {
        format!("{} ", cohort.date_of(session.day))
    } else {
        String::new()
    };
    let slot = session.slot.label(app.lang);
    let start = cohort
        .starts_at(session)
        .map(|t| t.format("%H:%M").to_string())
        .unwrap_or_default();
    let numbers = crate::tr!(
        app.lang,
        T::Counts,
        arrived = counts.arrived(),
        enrolled = counts.enrolled,
        late = counts.late,
        leave = counts.leave,
    );
    let mut spans = vec![
        Span::styled(format!(" {day} · {date}{slot} {start}"), theme::title()),
        Span::raw(format!(" · {numbers}")),
    ];
    if cohort.is_closed(session) {
        spans.push(Span::styled(
            format!(" · {}", app.t(T::Closed)),
            theme::warn(),
        ));
    }
    if !cohort.open {
        spans.push(Span::styled(
            format!(" · {}", app.t(T::CohortClosedNote)),
            theme::warn(),
        ));
    }
    spans
}

/// `风险 3 人`: how many people would fail to complete if they missed one more
/// session; nothing when nobody is at risk.
fn at_risk(app: &App, desk: &Desk) -> Option<Span<'static>> {
    let count = desk.credit.at_risk();
    if count == 0 {
        return None;
    }
    let text = crate::tr!(app.lang, T::DeskAtRisk, count = count);
    Some(Span::styled(format!(" {text} "), theme::warn()))
}

/// The bordered search box; returns where the cursor goes.
pub fn search_box(app: &App, search: &SearchBox, area: Rect, buf: &mut Buffer) -> Position {
    let scope = match search.scope {
        SearchScope::Roster => T::ScopeRoster,
        SearchScope::Register => T::ScopeRegister,
    };
    let block = Block::bordered()
        .title(Span::styled(
            format!(" {} ", app.t(T::SearchPrompt).trim_end()),
            theme::title(),
        ))
        .title_top(Line::styled(format!(" {} ", app.t(scope)), theme::dim()).right_aligned());
    let inner = block.inner(area);
    block.render(area, buf);
    Line::from(search.input.span()).render(inner, buf);
    let x = inner
        .x
        .saturating_add(search.input.width())
        .min(inner.right().saturating_sub(1));
    Position::new(x, inner.y)
}

/// The name with the characters the query matched highlighted.
pub fn highlighted_name<'a>(person: &'a Person, marks: &[usize]) -> Line<'a> {
    let name = sanitize(&person.name);
    let spans: Vec<Span> = name
        .chars()
        .enumerate()
        .map(|(i, c)| {
            let style = if marks.contains(&i) {
                theme::highlight()
            } else {
                Default::default()
            };
            Span::styled(c.to_string(), style)
        })
        .collect();
    Line::from(spans)
}

/// What a search box with no hits says: type to search; no one matches; or, for a
/// whole ID number or phone number, that no one here has it.
pub fn no_hits_text(app: &App, search: &SearchBox) -> String {
    if search.input.is_empty() {
        return app.t(T::TypeToSearch).to_string();
    }
    let roster = search.scope == SearchScope::Roster;
    let text = match (search.exact, roster) {
        (Some(ExactKind::IdNumber), true) => Scanner::ScanNoIdNumberOnRoster,
        (Some(ExactKind::IdNumber), false) => Scanner::ScanNoIdNumberInRegister,
        (Some(ExactKind::Phone), true) => Scanner::ScanNoPhoneOnRoster,
        (Some(ExactKind::Phone), false) => Scanner::ScanNoPhoneInRegister,
        _ => return app.t(T::NoMatches).to_string(),
    };
    crate::tr!(app.lang, text)
}

fn hits_table(app: &App, desk: &Desk, search: &SearchBox, area: Rect, buf: &mut Buffer) {
    if search.input.is_empty() || search.hits.is_empty() {
        let text = no_hits_text(app, search);
        Paragraph::new(Span::styled(format!(" {text}"), theme::dim())).render(area, buf);
        return;
    }
    let people = &desk.people(search.scope).people;
    let height = usize::from(area.height.saturating_sub(1));
    let rows = search.cursor.visible(&search.hits, height).map(|(i, hit)| {
        let person = &people[hit.index];
        let row = result_row(app, desk, person, &hit.name_highlight);
        if search.cursor.is(i) {
            row.style(theme::selected())
        } else {
            row
        }
    });
    let header = Row::new(
        [
            T::ColName,
            T::ColUnit,
            T::ColPlace,
            T::ColPosition,
            T::ColPhone,
            T::ColStatus,
        ]
        .map(|t| app.t(t)),
    )
    .style(theme::dim());
    let widths = [
        Constraint::Length(10),
        Constraint::Fill(2),
        Constraint::Fill(1),
        Constraint::Fill(1),
        Constraint::Length(5),
        Constraint::Length(status_width(app)),
    ];
    Widget::render(
        Table::new(rows, widths).header(header).column_spacing(1),
        area,
        buf,
    );
}

/// Wide enough for the longest status word in the current language.
fn status_width(app: &App) -> u16 {
    let words = [
        T::ColStatus,
        T::StatusNone,
        T::StatusPresent,
        T::StatusLate,
        T::StatusLeave,
        T::StatusAbsent,
        T::OffRoster,
    ];
    u16::try_from(widest(words.map(|t| app.t(t)))).unwrap_or(8)
}

fn result_row<'a>(app: &App, desk: &Desk, person: &'a Person, marks: &[usize]) -> Row<'a> {
    let enrolled = desk.enrolled.contains(&person.id);
    let status = desk.status(&person.id, desk.session).map(|s| s.status);
    let status_word = match (enrolled, status) {
        (false, _) => app.t(T::OffRoster),
        (true, None) if desk.cohort.is_closed(desk.session) => app.t(T::StatusAbsent),
        (true, s) => app.t(status_text(s)),
    };
    let place = format!(
        "{} {}",
        sanitize(&person.township),
        sanitize(&person.county)
    );
    Row::new([
        Cell::from(highlighted_name(person, marks)),
        Cell::from(sanitize(&person.unit).into_owned()),
        Cell::from(place.trim().to_string()),
        Cell::from(sanitize(&person.position).into_owned()),
        Cell::from(
            person
                .phone
                .as_deref()
                .map(mask::phone_tail)
                .unwrap_or_default(),
        ),
        Cell::from(status_word),
    ])
}
