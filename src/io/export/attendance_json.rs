//! `export attendance --format json`: every enrolled person's status in every session,
//! with their sign-out (签退) and early leave (早退).

use serde::Serialize;

use crate::domain::{AttendanceEvent, Cohort, Person};

use super::attendance::Marks;

#[derive(Debug, Serialize)]
pub struct AttendanceExport {
    pub cohort: CohortOut,
    pub attendees: Vec<AttendeeOut>,
}

#[derive(Debug, Serialize)]
pub struct CohortOut {
    pub code: String,
    pub name: String,
    pub start: String,
    pub days: u16,
    pub sessions: Vec<SessionOut>,
}

#[derive(Debug, Serialize)]
pub struct SessionOut {
    pub day: u16,
    pub date: String,
    pub slot: &'static str,
    pub starts_at: String,
    /// The slot's end: signing out more than the early-leave minutes before it is 早退.
    pub ends_at: String,
}

#[derive(Debug, Serialize)]
pub struct AttendeeOut {
    pub person_id: String,
    pub name: String,
    pub unit: String,
    pub county: String,
    pub attendance: Vec<MarkOut>,
    /// Standing and 学时 credited (filled by `attendance_standing::add_to_json`).
    #[serde(flatten)]
    pub credit: Option<StandingOut>,
}

#[derive(Debug, Serialize)]
pub struct MarkOut {
    pub day: u16,
    pub slot: &'static str,
    /// present, late, leave, absent (a closed session without a check-in) or none.
    pub status: &'static str,
    /// When the standing event was recorded (RFC 3339), or null.
    pub at: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Where the standing status came from: desk, or paper (补录); null without one.
    pub source: Option<&'static str>,
    /// For a status entered from paper: when it was typed in (RFC 3339).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entered_at: Option<String>,
    /// When the standing sign-out (签退) was recorded (RFC 3339), or null.
    pub signed_out: Option<String>,
    /// Left early (早退): signed out more than the cohort's early-leave minutes before the
    /// session's end.
    pub early_leave: bool,
    /// How many minutes before the end, when it was early leave.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub early_minutes: Option<u32>,
    /// Why they left early.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sign_out_reason: Option<String>,
}

pub fn build(cohort: &Cohort, roster: &[Person], events: &[AttendanceEvent]) -> AttendanceExport {
    let marks = Marks::new(events);
    let sessions = cohort.sessions();
    let attendees = roster
        .iter()
        .map(|person| AttendeeOut {
            person_id: person.id.to_string(),
            name: person.name.clone(),
            unit: person.unit.clone(),
            county: person.county.clone(),
            attendance: sessions
                .iter()
                .map(|session| {
                    let (mark, status) = marks.get(cohort, &person.id, *session);
                    let departure = marks.departure(cohort, &person.id, *session);
                    let source = status.map(|s| marks.source(s));
                    MarkOut {
                        source: source.map(|(s, _)| s.code()),
                        entered_at: source.and_then(|(_, e)| e).map(|e| e.to_rfc3339()),
                        day: session.day,
                        slot: session.slot.code(),
                        status: mark.code(),
                        at: status.map(|s| s.at.to_rfc3339()),
                        reason: status.and_then(|s| s.reason.clone()),
                        signed_out: departure.map(|d| d.status.at.to_rfc3339()),
                        early_leave: departure.is_some_and(|d| d.early.is_some()),
                        early_minutes: departure.and_then(|d| d.early),
                        sign_out_reason: departure.and_then(|d| d.status.reason.clone()),
                    }
                })
                .collect(),
            credit: None,
        })
        .collect();
    AttendanceExport {
        cohort: cohort_out(cohort),
        attendees,
    }
}

fn cohort_out(cohort: &Cohort) -> CohortOut {
    let sessions = cohort
        .sessions()
        .into_iter()
        .map(|s| SessionOut {
            day: s.day,
            date: cohort.date_of(s.day).to_string(),
            slot: s.slot.code(),
            starts_at: cohort
                .starts_at(s)
                .map(|t| t.format("%Y-%m-%dT%H:%M").to_string())
                .unwrap_or_default(),
            ends_at: cohort
                .ends_at(s)
                .map(|t| t.format("%Y-%m-%dT%H:%M").to_string())
                .unwrap_or_default(),
        })
        .collect();
    CohortOut {
        code: cohort.code.clone(),
        name: cohort.name.clone(),
        start: cohort.start.to_string(),
        days: cohort.days,
        sessions,
    }
}

/// A person's standing and 学时 in the JSON export.
#[derive(Debug, Clone, Serialize)]
pub struct StandingOut {
    /// `completed`, `not_completed`, `in_progress`, `withdrawn` or `substituted`.
    pub standing: &'static str,
    /// The standing in the export's language.
    pub standing_label: String,
    pub credited_minutes: u32,
    pub credited_hours: f64,
}
