//! 报告: the numbers the level above asks for, computed from records. Pure: callers
//! pass in what the store holds and the time of the report.

pub mod attendance;
pub mod once;
pub mod visits;
pub mod year;

pub use attendance::{CohortAttendance, Mark, PersonRecord, SessionTally, cohort_attendance};
pub use once::{CountedOnce, one_record_each};
pub use visits::{BaseVisit, bases_visited};
pub use year::{
    CohortCompletion, QuotaLine, YearFacts, as_of, hours_by, quota, serving, trained_counts,
    untrained,
};

/// The default share of a county's village secretaries that must complete a city-level
/// cohort each year (the notice: at least 15%).
pub const DEFAULT_QUOTA_PERCENT: f64 = 15.0;
