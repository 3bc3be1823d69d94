//! The register's fields a roster column can fill: the fields `person edit` changes
//! ([`PersonField`], with their names as a person reads them).

pub use crate::domain::register::PersonField as Column;
