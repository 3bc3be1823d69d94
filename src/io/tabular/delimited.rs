//! What separates the cells of a text file: a comma or a tab (decided by
//! [`super::sniff`]; the rows are read by [`super::stream`]).

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delimiter {
    Comma,
    Tab,
}

impl Delimiter {
    pub fn byte(self) -> u8 {
        match self {
            Delimiter::Comma => b',',
            Delimiter::Tab => b'\t',
        }
    }
}
