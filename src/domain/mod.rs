//! Pure types and rules of rotation training (see DOMAIN.md's glossary).
//! No IO and no UI: everything here is plain data and functions over it.

pub mod attendance;
pub mod cohort;
pub mod field;
pub mod mask;
pub mod person;
pub mod report;
pub mod session;

pub use attendance::{AttendanceEvent, AttendanceStatus, CheckInStatus, EventKind, Refusal};
pub use cohort::{Cohort, Enrolment, Level};
pub use field::Field;
pub use person::{Gender, Person, PersonId};
pub use session::{Session, SlotDef, SlotKind};
