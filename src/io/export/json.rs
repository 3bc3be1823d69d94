//! A sheet as JSON, for scripts: its title, subtitle, column headers, rows and totals,
//! numbers kept numbers (a share as its fraction, `0.75`).

use serde_json::{Value, json};

use super::sheet::{Cell, Sheet};

pub fn to_json(sheet: &Sheet) -> Value {
    let rows = |rows: &[Vec<Cell>]| -> Vec<Vec<Value>> {
        rows.iter()
            .map(|r| r.iter().map(cell_json).collect())
            .collect()
    };
    json!({
        "title": sheet.title,
        "subtitle": sheet.subtitle,
        "columns": sheet.header,
        "rows": rows(&sheet.rows),
        "totals": rows(&sheet.totals),
    })
}

fn cell_json(cell: &Cell) -> Value {
    match cell {
        Cell::Text(t) => Value::from(t.as_str()),
        Cell::Int(n) => Value::from(*n),
        Cell::Number(x) | Cell::Percent(x) => Value::from(*x),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_keep_their_kind() {
        let sheet = Sheet {
            title: "T".into(),
            header: vec!["a".into(), "b".into(), "c".into()],
            rows: vec![vec![Cell::from("x"), Cell::Int(2), Cell::Percent(0.75)]],
            ..Sheet::default()
        };
        let out = to_json(&sheet);
        assert_eq!(out["columns"], json!(["a", "b", "c"]));
        assert_eq!(out["rows"], json!([["x", 2, 0.75]]));
        assert_eq!(out["totals"], json!([]));
    }
}
