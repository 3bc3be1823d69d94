//! A [`MergeReport`] in words: the one-line summary the desk shows, and the full report
//! the command prints.

use crate::domain::merge::{ClockSkew, CohortEdits, DoubleArrival, Renumbering};
use crate::domain::register::MatchRule;
use crate::text::{Lang, Merge};
use crate::tr;

use super::report::{CameIn, MergeReport};

impl MergeReport {
    /// "已合并 2号台 的数据：签到 23 条，冲突 1 处" / "merged from 2号台: 23 check-ins, 1 conflict".
    pub fn summary(&self, lang: Lang) -> String {
        let desk = self.from.label();
        if self.came_in.total() == 0 && self.joined.is_empty() {
            return tr!(lang, Merge::MergeNothingNew, desk = desk);
        }
        let mut parts = Vec::new();
        let counted = |n: usize, one: Merge, many: Merge| {
            let entry = if n == 1 { one } else { many };
            tr!(lang, entry, count = n)
        };
        if self.came_in.check_ins > 0 {
            let n = self.came_in.check_ins;
            parts.push(counted(n, Merge::MergeCheckIn, Merge::MergeCheckIns));
        } else {
            parts.push(tr!(lang, Merge::MergeRecords, count = self.came_in.total()));
        }
        if self.conflicts() > 0 {
            let n = self.conflicts();
            parts.push(counted(n, Merge::MergeConflict, Merge::MergeConflicts));
        }
        let what = parts.join(Merge::MergeListSeparator.get(lang));
        let entry = if self.dry_run {
            Merge::MergeSummaryDry
        } else {
            Merge::MergeSummary
        };
        tr!(lang, entry, desk = desk, what = what)
    }

    /// The full report, line by line.
    pub fn lines(&self, lang: Lang) -> Vec<String> {
        let desk = self.from.label();
        let mut lines = vec![match self.dry_run {
            true => tr!(lang, Merge::MergeHeadingDry, desk = desk),
            false => tr!(lang, Merge::MergeHeading, desk = desk),
        }];
        if let Some(path) = &self.backup {
            lines.push(tr!(lang, Merge::MergeBackup, path = path.display()));
        }
        lines.push(came_in(&self.came_in, lang));
        lines.extend(self.renumbered.iter().map(|r| renumbering(r, lang)));
        for j in &self.joined {
            lines.push(tr!(
                lang,
                Merge::MergeJoined,
                name = j.name,
                joined = j.joined,
                kept = j.kept,
                rule = rule(j.rule, lang)
            ));
        }
        for n in &self.near {
            let command = format!("lunxun person merge {} {}", n.known, n.incoming);
            lines.push(tr!(
                lang,
                Merge::MergeNear,
                name = n.name,
                known = n.known,
                incoming = n.incoming,
                reason = near_reason(n.reason, lang),
                command = command
            ));
        }
        lines.extend(self.double_arrivals.iter().map(|d| self.double(d, lang)));
        lines.extend(self.cohorts_edited.iter().map(|c| edited(c, lang)));
        lines.extend(self.clocks.iter().map(|c| self.clock(c, lang)));
        lines
    }

    fn double(&self, d: &DoubleArrival, lang: Lang) -> String {
        let sep = Merge::MergeListSeparator.get(lang);
        let others: Vec<String> = d
            .others
            .iter()
            .map(|(desk, at)| format!("{} {}", self.desk_label(desk), at.format("%H:%M")))
            .collect();
        tr!(
            lang,
            Merge::MergeDoubleArrival,
            name = self.name_of(&d.person),
            cohort = d.cohort,
            session = d.session.label(lang),
            desk = self.desk_label(&d.standing_desk),
            at = d.standing_at.format("%H:%M"),
            others = others.join(sep)
        )
    }

    fn clock(&self, c: &ClockSkew, lang: Lang) -> String {
        tr!(
            lang,
            Merge::MergeClock,
            ahead = self.desk_label(&c.ahead),
            behind = self.desk_label(&c.behind),
            minutes = c.minutes
        )
    }
}

fn came_in(came: &CameIn, lang: Lang) -> String {
    let kinds = [
        (came.check_ins, Merge::MergeKindCheckIns),
        (came.leaves, Merge::MergeKindLeaves),
        (came.sign_outs, Merge::MergeKindSignOuts),
        (came.undos, Merge::MergeKindUndos),
        (came.activities, Merge::MergeKindActivities),
        (came.activity_events, Merge::MergeKindActivityEvents),
        (came.changes, Merge::MergeKindChanges),
        (came.enrolments, Merge::MergeKindEnrolments),
        (came.enrolments_undone, Merge::MergeKindEnrolmentsUndone),
        (came.people, Merge::MergeKindPeople),
        (came.people_updated, Merge::MergeKindPeopleUpdated),
        (came.cohorts, Merge::MergeKindCohorts),
        (came.cohorts_updated, Merge::MergeKindCohortsUpdated),
        (came.modules, Merge::MergeKindModules),
        (came.cohort_catalogues, Merge::MergeKindCatalogues),
        (came.bases, Merge::MergeKindBases),
        (came.desks, Merge::MergeKindDesks),
    ];
    let parts: Vec<String> = kinds
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, kind)| format!("{} {n}", kind.get(lang)))
        .collect();
    if parts.is_empty() {
        return tr!(lang, Merge::MergeNothing);
    }
    let what = parts.join(Merge::MergeListSeparator.get(lang));
    tr!(lang, Merge::MergeCameIn, what = what)
}

fn renumbering(r: &Renumbering, lang: Lang) -> String {
    match r {
        Renumbering::Cohort { from, to, .. } => {
            tr!(lang, Merge::MergeRenumberCohort, from = from, to = to)
        }
        Renumbering::Activity { cohort, from, to } => tr!(
            lang,
            Merge::MergeRenumberActivity,
            cohort = cohort,
            from = from,
            to = to
        ),
        Renumbering::Module { name, from, to, .. } => tr!(
            lang,
            Merge::MergeRenumberModule,
            name = name,
            from = from,
            to = to
        ),
    }
}

fn rule(rule: MatchRule, lang: Lang) -> &'static str {
    match rule {
        MatchRule::IdNumber => Merge::MergeRuleIdNumber,
        MatchRule::Phone => Merge::MergeRulePhone,
        MatchRule::NameUnit => Merge::MergeRuleNameUnit,
        MatchRule::Manual => Merge::MergeRuleManual,
    }
    .get(lang)
}

fn near_reason(code: &str, lang: Lang) -> &'static str {
    match code {
        "different_id_numbers" => Merge::MergeNearDifferentIds,
        "one_id_number" => Merge::MergeNearOneId,
        _ => Merge::MergeNearDifferentPhones,
    }
    .get(lang)
}

fn edited(c: &CohortEdits, lang: Lang) -> String {
    let which = match c.incoming_stands {
        true => Merge::MergeWhichIncoming,
        false => Merge::MergeWhichHere,
    };
    let fields: Vec<String> = c
        .differences
        .iter()
        .map(|d| {
            tr!(
                lang,
                Merge::MergeDifference,
                field = field_label(d.field, lang),
                here = d.here,
                incoming = d.incoming
            )
        })
        .collect();
    tr!(
        lang,
        Merge::MergeCohortEdited,
        code = c.code,
        which = which.get(lang),
        fields = fields.join(Merge::MergeListSeparator.get(lang))
    )
}

/// A cohort setting's name (as [`crate::domain::merge::differences`] codes it) in `lang`.
fn field_label(code: &str, lang: Lang) -> &'static str {
    match code {
        "name" => Merge::MergeFieldName,
        "level" => Merge::MergeFieldLevel,
        "field" => Merge::MergeFieldFocus,
        "start" => Merge::MergeFieldStart,
        "days" => Merge::MergeFieldDays,
        "slots" => Merge::MergeFieldSlots,
        "venue" => Merge::MergeFieldVenue,
        "open" => Merge::MergeFieldOpen,
        "grace_minutes" => Merge::MergeFieldGrace,
        "completion_percent" => Merge::MergeFieldCompletion,
        _ => Merge::MergeFieldCredit,
    }
    .get(lang)
}
