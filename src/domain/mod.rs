//! Pure types and rules of rotation training (see DOMAIN.md's glossary).
//! No IO and no UI: everything here is plain data and functions over it.

pub mod aliases;
pub mod attendance;
pub mod base;
pub mod bundle;
pub mod closing;
pub mod cohort;
pub mod coverage;
pub mod credit;
pub mod field;
pub mod mask;
pub mod matching;
pub mod merge;
pub mod method;
pub mod module;
pub mod person;
pub mod register;
pub mod report;
pub mod rules;
pub mod session;
pub mod sign_out;
pub mod teaching;

pub use attendance::{AttendanceEvent, AttendanceStatus, CheckInStatus, EventKind, Refusal};
pub use base::{BaseKind, FiveHaves, Have, TrainingBase};
pub use closing::{Closed, SessionChange};
pub use cohort::{Cohort, Enrolment, Level};
pub use field::Field;
pub use module::{Catalogue, Module};
pub use person::{Gender, Person, PersonId};
pub use session::{Session, SlotDef, SlotKind};
pub use teaching::{ActivityDetails, ActivityEvent, ActivityStatus, Method, TeachingActivity};

#[cfg(test)]
mod messages_tests;
