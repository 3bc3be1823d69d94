//! Certificate serials: `<desk id>-<cohort code>-<NNN>` for 结业证书 and
//! `<desk id>-<cohort code>-H<NNN>` for 学时证明, numbered per cohort in the order first
//! issued. The desk id differs per data folder, so serials stay unique when the records
//! of several laptops are merged; a number once given is never given again, and a
//! person keeps the serial of their first issue for every reprint.

use std::collections::HashMap;

use crate::domain::PersonId;
use crate::domain::register::{CertificateKind, Issued};

/// The serials of one cohort: those issued before, and the next number of each series
/// written by this desk.
pub struct Serials<'a> {
    issued: Vec<&'a Issued>,
    desk: &'a str,
    cohort: &'a str,
    next: HashMap<CertificateKind, u32>,
}

impl<'a> Serials<'a> {
    pub fn new(desk: &'a str, cohort: &'a str, issued: &'a [Issued]) -> Serials<'a> {
        let issued: Vec<&Issued> = issued.iter().filter(|i| i.cohort == cohort).collect();
        let mut serials = Serials {
            issued,
            desk,
            cohort,
            next: HashMap::new(),
        };
        for kind in [CertificateKind::Completion, CertificateKind::HoursStatement] {
            let prefix = serials.prefix(kind);
            let highest = serials
                .issued
                .iter()
                .filter(|i| i.kind == kind)
                .filter_map(|i| i.serial.strip_prefix(prefix.as_str()))
                .filter(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
                .filter_map(|n| n.parse::<u32>().ok())
                .max()
                .unwrap_or(0);
            serials.next.insert(kind, highest + 1);
        }
        serials
    }

    /// `desk-8K2M3Q-2015-01-` for certificates, `…-H` for statements.
    fn prefix(&self, kind: CertificateKind) -> String {
        let series = match kind {
            CertificateKind::Completion => "",
            CertificateKind::HoursStatement => "H",
        };
        format!("{}-{}-{series}", self.desk, self.cohort)
    }

    /// The person's serial for this paper and whether it was issued before: the first
    /// one issued (from whichever desk), else the next number of this desk's series.
    pub fn serial(&mut self, person: &PersonId, kind: CertificateKind) -> (String, bool) {
        let before = self
            .issued
            .iter()
            .find(|i| &i.person == person && i.kind == kind);
        if let Some(issued) = before {
            return (issued.serial.clone(), true);
        }
        let next = self.next.entry(kind).or_insert(1);
        let number = *next;
        *next += 1;
        (format!("{}{number:03}", self.prefix(kind)), false)
    }
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use super::*;

    fn issued(person: &str, kind: CertificateKind, serial: &str) -> Issued {
        Issued {
            cohort: "2015-01".into(),
            person: PersonId(person.into()),
            kind,
            serial: serial.into(),
            reprint: false,
            at: DateTime::parse_from_rfc3339("2015-03-20T09:00:00+08:00").unwrap(),
        }
    }

    fn p(id: &str) -> PersonId {
        PersonId(id.into())
    }

    const C: CertificateKind = CertificateKind::Completion;
    const H: CertificateKind = CertificateKind::HoursStatement;

    #[test]
    fn each_series_counts_from_one_in_the_order_asked() {
        let mut serials = Serials::new("desk-A", "2015-01", &[]);
        assert_eq!(
            serials.serial(&p("a"), C),
            ("desk-A-2015-01-001".into(), false)
        );
        assert_eq!(
            serials.serial(&p("b"), H),
            ("desk-A-2015-01-H001".into(), false)
        );
        assert_eq!(
            serials.serial(&p("c"), C),
            ("desk-A-2015-01-002".into(), false)
        );
    }

    #[test]
    fn an_issued_paper_keeps_its_serial_and_numbers_go_on_above_the_highest() {
        let before = [
            issued("a", C, "desk-A-2015-01-001"),
            issued("b", C, "desk-A-2015-01-007"),
            issued("c", H, "desk-A-2015-01-H002"),
            // Another desk's numbers and another cohort's do not move this desk's.
            issued("d", C, "desk-B-2015-01-040"),
            Issued {
                cohort: "2015-02".into(),
                ..issued("e", C, "desk-A-2015-02-050")
            },
        ];
        let mut serials = Serials::new("desk-A", "2015-01", &before);
        assert_eq!(
            serials.serial(&p("b"), C),
            ("desk-A-2015-01-007".into(), true)
        );
        assert_eq!(
            serials.serial(&p("d"), C),
            ("desk-B-2015-01-040".into(), true)
        );
        assert_eq!(
            serials.serial(&p("c"), C),
            ("desk-A-2015-01-008".into(), false)
        );
        assert_eq!(
            serials.serial(&p("c"), H),
            ("desk-A-2015-01-H002".into(), true)
        );
        assert_eq!(
            serials.serial(&p("a"), H),
            ("desk-A-2015-01-H003".into(), false)
        );
        assert_eq!(
            serials.serial(&p("e"), C),
            ("desk-A-2015-01-009".into(), false)
        );
    }
}
