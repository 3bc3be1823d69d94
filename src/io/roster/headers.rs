//! Finding the header row (title rows above it are skipped) and mapping the county's own
//! column names (姓名, 工作单位, 县(市、区), 身份证号码, …) to the register's fields.

use crate::io::tabular::{RawRow, normalise_header};

use super::column::Column;
use super::error::ImportError;

/// What one column of the file becomes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Slot {
    Field(Column),
    /// 序号 and the like: ignored.
    Serial,
    /// Not a register field: kept in notes as `header：value`.
    Extra(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderMap {
    /// Line of the header row, and its index among the table's rows.
    pub line: usize,
    pub index: usize,
    /// Rows above the header (title rows), skipped.
    pub title_rows: usize,
    /// The header texts as written, one per column.
    pub headers: Vec<String>,
    pub slots: Vec<Slot>,
}

impl HeaderMap {
    pub fn slot(&self, column: usize) -> Option<&Slot> {
        self.slots.get(column)
    }

    pub fn has(&self, column: Column) -> bool {
        self.slots.contains(&Slot::Field(column))
    }

    /// Headers of columns kept in notes (named ones only).
    pub fn extras(&self) -> Vec<&str> {
        self.slots
            .iter()
            .zip(&self.headers)
            .filter(|(s, h)| matches!(s, Slot::Extra(_)) && !h.trim().is_empty())
            .map(|(_, h)| h.trim())
            .collect()
    }
}

/// How far down a header row is looked for.
pub const HEADER_SEARCH_ROWS: usize = 20;

/// The first row (of the first 20) with a name column is the header.
pub fn find_header(rows: &[RawRow]) -> Result<HeaderMap, ImportError> {
    let index = rows
        .iter()
        .take(HEADER_SEARCH_ROWS)
        .position(|row| {
            row.cells
                .iter()
                .any(|c| classify(c) == Some(Slot::Field(Column::Name)))
        })
        .ok_or(ImportError::NoHeader {
            searched: HEADER_SEARCH_ROWS,
        })?;
    let row = &rows[index];
    let headers: Vec<String> = row.cells.iter().map(|c| c.trim().to_string()).collect();
    let mut slots: Vec<Slot> = Vec::with_capacity(headers.len());
    for (i, header) in headers.iter().enumerate() {
        let slot = match classify(header) {
            // A second phone or unit column (办公电话 after 手机) goes to notes.
            Some(Slot::Field(c)) if slots.contains(&Slot::Field(c)) => Slot::Extra(header.clone()),
            Some(slot) => slot,
            None if header.is_empty() => Slot::Extra(format!("第{}列", i + 1)),
            None => Slot::Extra(header.clone()),
        };
        slots.push(slot);
    }
    Ok(HeaderMap {
        line: row.line,
        index,
        title_rows: index,
        headers,
        slots,
    })
}

/// Maps a header text to a slot: exact names first, then telling words.
pub fn classify(header: &str) -> Option<Slot> {
    let key = normalise_header(header);
    if key.is_empty() {
        return None;
    }
    if let Some(slot) = exact(&key) {
        return Some(slot);
    }
    contains(&key)
}

fn exact(key: &str) -> Option<Slot> {
    let column = match key {
        "序号" | "序" | "编号" | "人员编号" | "no" | "number" | "serial" | "sn" | "personid" =>
        {
            return Some(Slot::Serial);
        }
        "姓名" | "名字" | "学员姓名" | "name" | "fullname" => Column::Name,
        "性别" | "gender" | "sex" => Column::Gender,
        "单位" | "工作单位" | "所在单位" | "单位名称" | "unit" | "organisation"
        | "organization" | "workunit" | "employer" => Column::Unit,
        "县市区" | "县市" | "县区" | "区县" | "县" | "county" | "district" => {
            Column::County
        }
        "乡镇" | "乡镇街道" | "街道" | "镇" | "township" | "town" => Column::Township,
        "职务" | "现任职务" | "职位" | "position" | "title" | "post" | "job" => {
            Column::Position
        }
        "领域" | "类别" | "类型" | "所属领域" | "field" | "category" | "type" => {
            Column::Field
        }
        "联系电话" | "手机" | "电话" | "手机号" | "手机号码" | "电话号码" | "联系方式"
        | "phone" | "mobile" | "tel" | "telephone" | "phonenumber" => Column::Phone,
        "身份证号" | "身份证号码" | "公民身份号码" | "身份证" | "idnumber" | "idno" | "id"
        | "idcard" => Column::IdNumber,
        "备注" | "notes" | "note" | "remarks" | "remark" => Column::Notes,
        _ => return None,
    };
    Some(Slot::Field(column))
}

/// Telling words in longer headers (`联系电话（手机）`, `所在村（社区）`, `所属县市区`).
/// Long texts are titles or notes, not headers.
fn contains(key: &str) -> Option<Slot> {
    if key.chars().count() > 10 {
        return None;
    }
    const WORDS: &[(&str, Column)] = &[
        ("身份证", Column::IdNumber),
        ("身份号码", Column::IdNumber),
        ("姓名", Column::Name),
        ("性别", Column::Gender),
        ("电话", Column::Phone),
        ("手机", Column::Phone),
        ("乡镇", Column::Township),
        ("街道", Column::Township),
        ("县", Column::County),
        ("单位", Column::Unit),
        ("村", Column::Unit),
        ("社区", Column::Unit),
        ("职务", Column::Position),
        ("职位", Column::Position),
        ("领域", Column::Field),
        ("类别", Column::Field),
        ("备注", Column::Notes),
    ];
    if key.contains("序号") {
        return Some(Slot::Serial);
    }
    WORDS
        .iter()
        .find(|(word, _)| key.contains(word))
        .map(|(_, column)| Slot::Field(*column))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(line: usize, cells: &[&str]) -> RawRow {
        RawRow {
            line,
            cells: cells.iter().map(|c| c.to_string()).collect(),
            number_cells: vec![],
        }
    }

    #[test]
    fn county_headers_map_to_fields() {
        let cases = [
            ("姓  名", Some(Slot::Field(Column::Name))),
            ("县(市、区)", Some(Slot::Field(Column::County))),
            ("县（市、区）", Some(Slot::Field(Column::County))),
            ("乡镇（街道）", Some(Slot::Field(Column::Township))),
            ("公民身份号码", Some(Slot::Field(Column::IdNumber))),
            ("联系电话（手机）", Some(Slot::Field(Column::Phone))),
            ("所在村（社区）", Some(Slot::Field(Column::Unit))),
            ("工作单位", Some(Slot::Field(Column::Unit))),
            ("ID Number", Some(Slot::Field(Column::IdNumber))),
            ("Phone", Some(Slot::Field(Column::Phone))),
            ("序号", Some(Slot::Serial)),
            ("民族", None),
            ("XX县第一期轮训班花名册", None),
        ];
        for (header, want) in cases {
            assert_eq!(classify(header), want, "{header}");
        }
    }

    #[test]
    fn title_rows_are_skipped_and_unknown_columns_kept() {
        let rows = [
            row(1, &["岳阳县第一期轮训班花名册"]),
            row(2, &["序号", "姓名", "手机", "民族", "办公电话", ""]),
        ];
        let map = find_header(&rows).unwrap();
        assert_eq!((map.line, map.index, map.title_rows), (2, 1, 1));
        assert_eq!(map.slots[0], Slot::Serial);
        assert_eq!(map.slots[2], Slot::Field(Column::Phone));
        assert_eq!(map.slots[4], Slot::Extra("办公电话".into()));
        assert_eq!(map.extras(), vec!["民族", "办公电话"]);
    }

    #[test]
    fn no_name_column_is_an_error() {
        let rows = [row(1, &["单位", "电话"])];
        assert!(matches!(
            find_header(&rows),
            Err(ImportError::NoHeader { .. })
        ));
    }
}
