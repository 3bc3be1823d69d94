//! The register's fields a roster column can fill, and their names as a person reads them.

use crate::text::Lang;

/// The register's fields a column can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    Name,
    Gender,
    Unit,
    County,
    Township,
    Position,
    Field,
    Phone,
    IdNumber,
    Notes,
}

impl Column {
    pub fn en(self) -> &'static str {
        match self {
            Column::Name => "name",
            Column::Gender => "gender",
            Column::Unit => "unit",
            Column::County => "county",
            Column::Township => "township",
            Column::Position => "position",
            Column::Field => "field",
            Column::Phone => "phone",
            Column::IdNumber => "ID number",
            Column::Notes => "notes",
        }
    }

    pub fn zh(self) -> &'static str {
        match self {
            Column::Name => "姓名",
            Column::Gender => "性别",
            Column::Unit => "单位",
            Column::County => "县市区",
            Column::Township => "乡镇",
            Column::Position => "职务",
            Column::Field => "领域",
            Column::Phone => "电话",
            Column::IdNumber => "身份证号",
            Column::Notes => "备注",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        lang.pick(self.zh(), self.en())
    }
}
