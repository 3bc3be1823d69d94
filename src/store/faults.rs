//! Fault injection, for tests only: makes the Nth commit fail at the write or at the
//! flush, once or from then on, so tests can prove that a failed write is reported,
//! never acknowledged, and can be retried. Inactive unless a plan is injected.

use std::sync::atomic::{AtomicU64, Ordering};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FaultPoint {
    /// Before the transaction: nothing is written.
    Write,
    /// After the transaction, before flush and fsync: written but not made durable.
    Flush,
    /// After sled's flush and fsync: half the journal entry is written, then it fails.
    Journal,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FaultPlan {
    pub point: FaultPoint,
    /// 1-based number of the commit that fails first.
    pub nth: u64,
    /// Every commit from the nth on fails, not just the nth.
    pub permanent: bool,
}

impl FaultPlan {
    /// `write:3`, `flush:2`, `journal:4`, `write:1:always`.
    pub fn parse(text: &str) -> Option<FaultPlan> {
        let mut parts = text.split(':');
        let point = match parts.next()? {
            "write" => FaultPoint::Write,
            "flush" => FaultPoint::Flush,
            "journal" => FaultPoint::Journal,
            _ => return None,
        };
        let nth = parts.next()?.parse().ok().filter(|n| *n > 0)?;
        let permanent = match parts.next() {
            None => false,
            Some("always") => true,
            Some(_) => return None,
        };
        Some(FaultPlan {
            point,
            nth,
            permanent,
        })
    }
}

#[derive(Debug, Default)]
pub(super) struct Faults {
    plan: Option<FaultPlan>,
    commits: AtomicU64,
}

impl Faults {
    pub(super) fn set(&mut self, plan: FaultPlan) {
        self.plan = Some(plan);
        self.commits = AtomicU64::new(0);
    }

    /// Counts a commit; returns its number.
    pub(super) fn begin(&self) -> u64 {
        self.commits.fetch_add(1, Ordering::SeqCst) + 1
    }

    /// Fails if the plan says commit `n` fails at `point`.
    pub(super) fn check(&self, n: u64, point: FaultPoint) -> std::io::Result<()> {
        match self.plan {
            Some(p) if p.point == point && (n == p.nth || (p.permanent && n > p.nth)) => Err(
                std::io::Error::other(format!("injected {point:?} fault at commit {n}")),
            ),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plans_parse_and_fire_once_or_always() {
        assert_eq!(
            FaultPlan::parse("write:3"),
            Some(FaultPlan {
                point: FaultPoint::Write,
                nth: 3,
                permanent: false
            })
        );
        assert_eq!(
            FaultPlan::parse("flush:1:always").map(|p| p.permanent),
            Some(true)
        );
        assert_eq!(FaultPlan::parse("write:0"), None);
        assert_eq!(FaultPlan::parse("disk:1"), None);
        let mut once = Faults::default();
        once.set(FaultPlan::parse("write:2").unwrap());
        let fired: Vec<bool> = (0..4)
            .map(|_| once.check(once.begin(), FaultPoint::Write).is_err())
            .collect();
        assert_eq!(fired, [false, true, false, false]);
        let mut always = Faults::default();
        always.set(FaultPlan::parse("flush:2:always").unwrap());
        let fired: Vec<bool> = (0..4)
            .map(|_| always.check(always.begin(), FaultPoint::Flush).is_err())
            .collect();
        assert_eq!(fired, [false, true, true, true]);
    }
}
