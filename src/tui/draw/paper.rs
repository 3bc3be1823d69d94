//! 补录: the roster in the printed sheet's order, each row's mark being entered, and the
//! rows already recorded (dimmed, their mark standing).

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::widgets::{Block, Row, Table, Widget};

use crate::ops::paper::PaperMark;
use crate::text::{Desk as T, Export, Paper};
use crate::tui::state::App;
use crate::tui::state::paper::PaperRow;
use crate::tui::theme;
use crate::tui::widgets::sanitize;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let (Some(sheet), Some(desk)) = (app.paper.as_ref(), app.desk.as_ref()) else {
        return;
    };
    let title = crate::tr!(
        app.lang,
        Paper::PaperDeskTitle,
        cohort = sanitize(&desk.cohort.name),
        session = app.session_label(sheet.session)
    );
    let block = super::titled(title);
    let inner = Block::inner(&block, area);
    block.render(area, buf);
    let columns = [
        Export::ExpColNo,
        Export::ExpColName,
        Export::ExpColUnit,
        Export::ExpColCounty,
    ];
    let mut header: Vec<String> = columns.iter().map(|e| crate::tr!(app.lang, *e)).collect();
    header.push(app.t(T::ColState).to_string());
    let header = Row::new(header).style(theme::dim());
    let height = usize::from(inner.height.saturating_sub(1));
    let rows = sheet.cursor.visible(&sheet.rows, height).map(|(i, row)| {
        let r = Row::new(cells(app, i, row));
        if sheet.cursor.is(i) {
            r.style(theme::selected())
        } else if row.recorded.is_some() {
            r.style(theme::dim())
        } else {
            r
        }
    });
    let widths = [
        Constraint::Length(4),
        Constraint::Length(10),
        Constraint::Fill(1),
        Constraint::Length(10),
        Constraint::Length(22),
    ];
    Widget::render(Table::new(rows, widths).header(header), inner, buf);
}

fn cells(app: &App, i: usize, row: &PaperRow) -> [String; 5] {
    let mark = match row.mark {
        PaperMark::Absent if row.recorded.is_none() => "—".to_string(),
        mark => mark.label(app.lang),
    };
    let mark = match row.recorded {
        Some(_) => format!("{mark}{}", crate::tr!(app.lang, Paper::PaperDeskRecorded)),
        None => mark,
    };
    [
        (i + 1).to_string(),
        sanitize(&row.name).into_owned(),
        sanitize(&row.unit).into_owned(),
        sanitize(&row.county).into_owned(),
        mark,
    ]
}
