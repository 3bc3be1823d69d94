//! The register's fields a roster column can fill, and their names as a person reads them.

use crate::text::{Lang, Roster};

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
    /// The column's name as the user reads it (the summary, row errors).
    pub fn label(self, lang: Lang) -> &'static str {
        self.entry().get(lang)
    }

    fn entry(self) -> Roster {
        match self {
            Column::Name => Roster::RosterName,
            Column::Gender => Roster::RosterGender,
            Column::Unit => Roster::RosterUnit,
            Column::County => Roster::RosterCounty,
            Column::Township => Roster::RosterTownship,
            Column::Position => Roster::RosterPosition,
            Column::Field => Roster::RosterField,
            Column::Phone => Roster::RosterPhone,
            Column::IdNumber => Roster::RosterIdNumber,
            Column::Notes => Roster::RosterNotes,
        }
    }
}
