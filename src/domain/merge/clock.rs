//! Desks whose clocks differ, seen in the events (pure). Two signs:
//! - a session where two desks each recorded at least [`MIN_ARRIVALS`] arrivals (present
//!   or late, at the desk, not from paper): people arrive in one stream and are checked
//!   in at whichever desk is free, so the desks' median arrival times should agree; a
//!   gap of more than [`SKEW_MINUTES`] names the pair;
//! - an undo recorded by one desk more than [`SKEW_MINUTES`] before (by the clocks) the
//!   event of another desk it undoes: an undo is always written after its target.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, FixedOffset};
use serde::Serialize;

use crate::domain::attendance::{AttendanceEvent, EventKind};
use crate::domain::session::Session;

use super::conflicts::is_arrival;

/// Gaps above this many minutes are named.
pub const SKEW_MINUTES: i64 = 5;
/// Arrivals each desk must have recorded in a session for their medians to be compared.
pub const MIN_ARRIVALS: usize = 5;

/// Two desks whose clocks seem to differ by `minutes` (`ahead` ahead of `behind`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClockSkew {
    pub ahead: String,
    pub behind: String,
    pub minutes: i64,
}

/// The pairs of desks whose clocks differ by more than [`SKEW_MINUTES`] in `events`
/// (one or more cohorts), each pair once with its largest gap.
pub fn skews(events: &[AttendanceEvent]) -> Vec<ClockSkew> {
    let mut gaps: BTreeMap<(String, String), i64> = BTreeMap::new();
    let mut note = |ahead: &str, behind: &str, seconds: i64| {
        let minutes = seconds / 60;
        if minutes > SKEW_MINUTES {
            let gap = gaps
                .entry((ahead.to_string(), behind.to_string()))
                .or_insert(0);
            *gap = (*gap).max(minutes);
        }
    };
    for medians in session_medians(events).values() {
        for (a, at_a) in medians {
            for (b, at_b) in medians {
                note(a, b, (*at_a - *at_b).num_seconds());
            }
        }
    }
    let by_id: HashMap<&str, &AttendanceEvent> =
        events.iter().map(|e| (e.id.as_str(), e)).collect();
    for undo in events {
        if let EventKind::Undo { target } = &undo.kind
            && let Some(target) = by_id.get(target.as_str())
            && target.desk != undo.desk
        {
            note(
                &target.desk,
                &undo.desk,
                (target.at - undo.at).num_seconds(),
            );
        }
    }
    gaps.into_iter()
        .map(|((ahead, behind), minutes)| ClockSkew {
            ahead,
            behind,
            minutes,
        })
        .collect()
}

type Medians = Vec<(String, DateTime<FixedOffset>)>;
/// Arrival times by desk.
type ByDesk<'a> = BTreeMap<&'a str, Vec<DateTime<FixedOffset>>>;

/// For each session, the median arrival time of each desk with enough arrivals.
fn session_medians(events: &[AttendanceEvent]) -> BTreeMap<(String, Session), Medians> {
    let mut arrivals: BTreeMap<(String, Session), ByDesk<'_>> = BTreeMap::new();
    for event in events
        .iter()
        .filter(|e| is_arrival(e) && e.source.is_desk())
    {
        arrivals
            .entry((event.cohort.clone(), event.session))
            .or_default()
            .entry(&event.desk)
            .or_default()
            .push(event.at);
    }
    arrivals
        .into_iter()
        .map(|(session, desks)| {
            let medians = desks
                .into_iter()
                .filter(|(_, times)| times.len() >= MIN_ARRIVALS)
                .map(|(desk, mut times)| {
                    times.sort();
                    (desk.to_string(), times[times.len() / 2])
                })
                .collect();
            (session, medians)
        })
        .collect()
}
