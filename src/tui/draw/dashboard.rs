//! The dashboard: attendance by session (bars), arrivals in the current session over
//! time (bars per 10 minutes), and the year's quota per county (gauges, with the 学时
//! credited in each county; by field on the first line).

use std::collections::BTreeMap;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Clear, LineGauge, Paragraph, Widget, Wrap};

use crate::text::Desk as T;
use crate::tui::desk::Desk;
use crate::tui::state::App;
use crate::tui::theme;
use crate::tui::widgets::{pad_to, sanitize, widest};

use super::titled;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let [top, bottom] = area.layout(&Layout::vertical([
        Constraint::Percentage(45),
        Constraint::Fill(1),
    ]));
    if let Some(desk) = &app.desk {
        let [left, middle, right] = top.layout(&Layout::horizontal([
            Constraint::Percentage(45),
            Constraint::Fill(1),
            Constraint::Length(24),
        ]));
        sessions_chart(app, desk, left, buf);
        arrivals_chart(app, desk, middle, buf);
        modules(app, right, buf);
    }
    quota(app, bottom, buf);
    if app.dashboard.showing {
        untrained(app, bottom, buf);
    }
}

fn sessions_chart(app: &App, desk: &Desk, area: Rect, buf: &mut Buffer) {
    let bars: Vec<Bar> = desk
        .cohort
        .sessions()
        .into_iter()
        .map(|s| {
            let label = super::session_short(app, s);
            let style = if s == desk.session {
                theme::highlight()
            } else {
                Style::new()
            };
            Bar::with_label(label, desk.counts(s).arrived() as u64).style(style)
        })
        .collect();
    let width = (area.width.saturating_sub(2) / bars.len().max(1) as u16)
        .clamp(1, 6)
        .saturating_sub(1)
        .max(1);
    BarChart::default()
        .block(titled(app.t(T::AttendanceBySession)))
        .data(BarGroup::default().bars(&bars))
        .bar_width(width)
        .bar_gap(1)
        .max(desk.enrolled.len().max(1) as u64)
        .render(area, buf);
}

/// Check-ins standing in the current session, counted per 10 minutes.
fn arrivals_chart(app: &App, desk: &Desk, area: Rect, buf: &mut Buffer) {
    let label = app.session_label(desk.session);
    let block = titled(crate::tr!(app.lang, T::ArrivalsToday, session = label));
    let mut buckets: BTreeMap<String, u64> = BTreeMap::new();
    for ((_, session), status) in &desk.statuses {
        if *session == desk.session && status.status.attended() {
            let t = status.at.naive_local().time();
            let key = format!("{}", t.format("%H:%M"))
                .chars()
                .take(4)
                .collect::<String>()
                + "0";
            *buckets.entry(key).or_insert(0) += 1;
        }
    }
    if buckets.is_empty() {
        Paragraph::new(Span::styled(app.t(T::NoArrivals), theme::dim()))
            .block(block)
            .render(area, buf);
        return;
    }
    let bars: Vec<Bar> = buckets
        .into_iter()
        .map(|(k, n)| Bar::with_label(k, n))
        .collect();
    BarChart::default()
        .block(block)
        .data(BarGroup::default().bars(&bars))
        .bar_width(5)
        .bar_gap(1)
        .render(area, buf);
}

/// The open cohort's modules, ● covered by a held activity, · not yet.
fn modules(app: &App, area: Rect, buf: &mut Buffer) {
    let lines: Vec<Line> = app
        .dashboard
        .modules
        .iter()
        .map(|(label, covered)| {
            let (mark, style) = if *covered {
                ("●", theme::ok())
            } else {
                ("·", theme::warn())
            };
            Line::from(vec![
                Span::styled(format!("{mark} "), style),
                Span::raw(label.clone()),
            ])
        })
        .collect();
    Paragraph::new(lines)
        .block(titled(app.t(T::ModulesTitle)))
        .render(area, buf);
}

fn quota(app: &App, area: Rect, buf: &mut Buffer) {
    let d = &app.dashboard;
    let title = crate::tr!(
        app.lang,
        T::QuotaTitle,
        year = d.year,
        percent = crate::domain::report::DEFAULT_QUOTA_PERCENT
    );
    let block = titled(title);
    let mut inner = block.inner(area);
    block.render(area, buf);
    if !d.hours_by_field.is_empty() && inner.height > 1 {
        Line::styled(field_hours(app), theme::dim()).render(inner, buf);
        inner.y += 1;
        inner.height -= 1;
    }
    if d.quota.is_empty() {
        Paragraph::new(app.t(T::NoRegister))
            .wrap(Wrap { trim: true })
            .render(inner, buf);
        return;
    }
    let height = usize::from(inner.height);
    for (row, (i, line)) in d.cursor.visible(&d.quota, height).enumerate() {
        let area = Rect {
            y: inner.y + row as u16,
            height: 1,
            ..inner
        };
        let [name, gauge] = area.layout(&Layout::horizontal([
            Constraint::Length(20),
            Constraint::Fill(1),
        ]));
        let style = if d.cursor.is(i) {
            theme::selected()
        } else {
            Style::new()
        };
        Line::styled(sanitize(&line.county).into_owned(), style).render(name, buf);
        let mut label = match line.ratio {
            None => crate::tr!(app.lang, crate::text::Report::RptNoVillageSecretaries),
            Some(r) => format!(
                "{:.1}%  {}/{}",
                r * 100.0,
                line.city_level_completed,
                line.village_secretaries
            ),
        };
        let hours = d.county_hours(&line.county);
        if hours > 0.0 {
            let hours = crate::tr!(
                app.lang,
                crate::text::Report::RptDeskCountyHours,
                hours = hours
            );
            label = format!("{label}  {hours}");
        }
        let filled = if line.meets {
            theme::ok()
        } else {
            theme::warn()
        };
        LineGauge::default()
            .ratio(line.ratio.unwrap_or(0.0).clamp(0.0, 1.0))
            .label(label)
            .filled_style(filled)
            .render(gauge, buf);
    }
}

/// `学时：村 12 · 社区 3`: the year's 学时 credited by field.
fn field_hours(app: &App) -> String {
    let list: Vec<String> = app
        .dashboard
        .hours_by_field
        .iter()
        .map(|h| {
            let field = crate::domain::Field::parse(&h.key);
            let name = field.map_or_else(
                || crate::tr!(app.lang, crate::text::Report::RptFieldUnknown),
                |f| f.label(app.lang).to_string(),
            );
            format!("{name} {}", h.hours)
        })
        .collect();
    let list = sanitize(&list.join(" · ")).into_owned();
    crate::tr!(app.lang, crate::text::Report::RptDeskHours, list = list)
}

fn untrained(app: &App, area: Rect, buf: &mut Buffer) {
    let d = &app.dashboard;
    let people = d.county_untrained();
    let county = d.cursor.pick(&d.quota).map_or("", |q| q.county.as_str());
    let title = crate::tr!(
        app.lang,
        T::UntrainedTitle,
        county = county,
        count = people.len()
    );
    let rect = area;
    Clear.render(rect, buf);
    let shown = &people[..people.len().min(usize::from(rect.height.saturating_sub(2)))];
    let names: Vec<_> = shown.iter().map(|p| sanitize(&p.name)).collect();
    let units: Vec<_> = shown.iter().map(|p| sanitize(&p.unit)).collect();
    // Name, unit and field in columns as wide as their widest entry, in screen cells.
    let (name_width, unit_width) = (
        widest(names.iter().map(|n| n.as_ref())),
        widest(units.iter().map(|u| u.as_ref())),
    );
    let lines: Vec<Line> = shown
        .iter()
        .zip(names.iter().zip(&units))
        .map(|(p, (name, unit))| {
            let field = p.field.and_then(crate::domain::Field::parse);
            let field = field.map_or("", |f| f.label(app.lang));
            Line::raw(format!(
                "{}  {}  {field}",
                pad_to(name, name_width),
                pad_to(unit, unit_width)
            ))
        })
        .collect();
    Paragraph::new(lines).block(titled(title)).render(rect, buf);
}
