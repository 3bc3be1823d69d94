//! The lookup's training record (培训档案), under the hits: the person's other
//! cohorts, one line each, and this year's 学时 against the annual target. Read by the
//! state when the selection moves to someone else; drawn here as it is.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::domain::Person;
use crate::domain::credit::record::{CohortLine, tenths, tenths_text};
use crate::text::Desk as T;
use crate::tui::desk::Desk;
use crate::tui::state::App;
use crate::tui::state::credit::standing_text;
use crate::tui::theme;
use crate::tui::widgets::sanitize;

/// The rows the record needs at `width` (its border included), 0 when there is none.
pub fn height(lines: &[Line], width: u16) -> u16 {
    if lines.is_empty() {
        return 0;
    }
    let inner = usize::from(width.saturating_sub(2).max(1));
    let rows: usize = lines.iter().map(|l| l.width().div_ceil(inner).max(1)).sum();
    u16::try_from(rows + 2).unwrap_or(u16::MAX)
}

pub fn render(app: &App, lines: Vec<Line>, area: Rect, buf: &mut Buffer) {
    if area.height == 0 {
        return;
    }
    let block = super::titled(app.t(T::DeskRecordTitle));
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(block)
        .render(area, buf);
}

/// The record's lines for `person`; none while it is not theirs (not read yet).
pub fn lines<'a>(app: &App, desk: &Desk, person: &Person) -> Vec<Line<'a>> {
    let Some(shown) = app
        .person_record
        .as_ref()
        .filter(|r| r.training.person == person.id)
    else {
        return Vec::new();
    };
    let mut lines = Vec::new();
    let others: Vec<Line> = shown
        .training
        .cohorts
        .iter()
        .filter(|c| c.code != desk.cohort.code)
        .map(|c| cohort_line(app, c))
        .collect();
    if others.is_empty() {
        lines.push(Line::styled(app.t(T::DeskNoOtherCohorts), theme::dim()));
    }
    lines.extend(others);
    let year = &shown.year;
    let total = crate::tr!(
        app.lang,
        T::DeskYearTotal,
        year = year.year,
        hours = tenths_text(year.hours.total()),
        target = year.target
    );
    let style = if year.met() {
        theme::ok()
    } else {
        theme::warn()
    };
    lines.push(Line::styled(total, style));
    lines
}

/// `2014年第1期 · 2014-05-12 · 学时 20 / 24 · 结业`.
fn cohort_line<'a>(app: &App, line: &CohortLine) -> Line<'a> {
    Line::raw(crate::tr!(
        app.lang,
        T::DeskRecordLine,
        cohort = sanitize(&line.name),
        start = line.start,
        credited = tenths_text(line.credited_tenths()),
        total = tenths_text(tenths(line.total_minutes, line.hour_minutes)),
        standing = standing_text(app.lang, &line.rules, &line.standing)
    ))
}
