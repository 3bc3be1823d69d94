//! `lunxun person show` as text: the person (phone and ID number masked), their
//! cohorts, hours from elsewhere and the year's total against the target.

use std::fmt::Write;

use crate::domain::credit::record::{CohortLine, TrainingRecord, YearTotal, tenths_text};
use crate::domain::credit::{Standing, hours_text};
use crate::domain::{Person, PersonId, mask};
use crate::text::{Lang, PeopleMerge, Record};
use crate::tr;

/// What a record shows, gathered once for the text and the JSON.
pub(super) struct Shown<'a> {
    pub person: &'a Person,
    pub record: &'a TrainingRecord,
    pub total: YearTotal,
    pub names: Names,
    /// The person's other records (同一人): id, name and how each was joined.
    pub also: Vec<Also>,
}

/// Another record of the same person.
pub(super) struct Also {
    pub id: PersonId,
    pub name: String,
    pub rule: crate::domain::register::MatchRule,
}

/// The names of the people a record mentions (substitutes and those they replaced).
pub(super) struct Names(pub Vec<(PersonId, String)>);

impl Names {
    pub fn of_id(&self, id: &PersonId) -> String {
        self.0
            .iter()
            .find(|(known, _)| known == id)
            .map_or_else(|| id.to_string(), |(_, name)| name.clone())
    }
}

/// The standing's word, with the failed rule or the withdrawal's reason.
pub(super) fn standing_text(line: &CohortLine, names: &Names, lang: Lang) -> String {
    let label = line.standing.label(lang);
    match reason(line, names, lang) {
        Some(reason) => tr!(
            lang,
            Record::RecordStandingWhy,
            standing = label,
            reason = reason
        ),
        None => label,
    }
}

fn reason(line: &CohortLine, names: &Names, lang: Lang) -> Option<String> {
    match &line.standing {
        Standing::NotCompleted(shortfall) => Some(shortfall.message(lang, &line.rules)),
        Standing::Withdrawn {
            reason,
            replaced_by: Some(by),
        } => Some(tr!(
            lang,
            Record::RecordReplacedBy,
            reason = reason,
            name = names.of_id(by)
        )),
        Standing::Withdrawn { reason, .. } => Some(reason.clone()),
        Standing::Completed | Standing::InProgress => None,
    }
}

pub(super) fn render(shown: &Shown<'_>, lang: Lang) -> String {
    let mut out = String::new();
    person(&mut out, shown, lang);
    let cohorts = &shown.record.cohorts;
    let head = tr!(lang, Record::RecordHeadCohorts, count = cohorts.len());
    let _ = writeln!(out, "\n{head}");
    if cohorts.is_empty() {
        let _ = writeln!(out, "  {}", tr!(lang, Record::RecordNoCohorts));
    }
    for line in cohorts {
        cohort(&mut out, line, &shown.names, lang);
    }
    outside(&mut out, shown, lang);
    let _ = writeln!(out, "\n{}", year(&shown.total, lang));
    out
}

fn person(out: &mut String, shown: &Shown<'_>, lang: Lang) {
    let p = shown.person;
    let none = || tr!(lang, Record::RecordNone);
    let or_none = |v: &str| if v.is_empty() { none() } else { v.to_string() };
    let _ = writeln!(out, "{}", tr!(lang, Record::RecordTitle, name = p.name));
    let unit = tr!(
        lang,
        Record::RecordUnitLine,
        unit = or_none(&p.unit),
        county = or_none(&p.county),
        township = or_none(&p.township),
        position = or_none(&p.position)
    );
    let ids = tr!(
        lang,
        Record::RecordIdLine,
        id = p.id,
        phone = p.phone.as_deref().map_or_else(none, mask::phone),
        id_number = p.id_number.as_deref().map_or_else(none, mask::id_number)
    );
    let _ = writeln!(out, "  {unit}\n  {ids}");
    for also in &shown.also {
        let rule = crate::ops::person_merge::rule_label(also.rule).get(lang);
        let line = tr!(
            lang,
            PeopleMerge::PeopleMergeAlsoRecorded,
            id = also.id,
            name = also.name,
            rule = rule
        );
        let _ = writeln!(out, "  {line}");
    }
    if let Some(r) = &shown.record.retired {
        let retired = tr!(
            lang,
            Record::RecordRetired,
            from = r.from,
            reason = r.reason
        );
        let _ = writeln!(out, "  {retired}");
    }
}

fn cohort(out: &mut String, line: &CohortLine, names: &Names, lang: Lang) {
    let head = tr!(
        lang,
        Record::RecordCohortLine,
        code = line.code,
        level = line.level.label(lang),
        name = line.name,
        start = line.start,
        end = line.end
    );
    let credit = tr!(
        lang,
        Record::RecordCohortCredit,
        attended = line.sessions_attended,
        sessions = line.sessions_total,
        credited = hours_text(line.credited_minutes, line.hour_minutes),
        total = hours_text(line.total_minutes, line.hour_minutes),
        standing = standing_text(line, names, lang)
    );
    let _ = writeln!(out, "  {head}\n    {credit}");
    if let Some(replaced) = &line.substitute_for {
        let name = names.of_id(replaced);
        let _ = writeln!(
            out,
            "    {}",
            tr!(lang, Record::RecordSubstituteFor, name = name)
        );
    }
    for m in &line.make_ups {
        let session = m.session.label(lang);
        let made_up = tr!(
            lang,
            Record::RecordMakeUp,
            session = session,
            reason = m.reason
        );
        let _ = writeln!(out, "    {made_up}");
    }
}

fn outside(out: &mut String, shown: &Shown<'_>, lang: Lang) {
    let outside = &shown.record.outside;
    let head = tr!(lang, Record::RecordHeadOutside, count = outside.len());
    let _ = writeln!(out, "\n{head}");
    if outside.is_empty() {
        let _ = writeln!(out, "  {}", tr!(lang, Record::RecordNone));
    }
    for o in outside {
        let level = o.level.map_or_else(
            || tr!(lang, Record::HoursColElsewhere),
            |l| l.label(lang).to_string(),
        );
        let line = tr!(
            lang,
            Record::RecordOutsideLine,
            hours = tenths_text(o.tenths),
            source = o.source,
            date = o.date,
            level = level
        );
        let _ = writeln!(out, "  {line}");
    }
}

fn year(total: &YearTotal, lang: Lang) -> String {
    let h = &total.hours;
    let line = tr!(
        lang,
        Record::RecordYearLine,
        year = total.year,
        total = tenths_text(h.total()),
        target = total.target,
        province = tenths_text(h.province),
        city = tenths_text(h.city),
        county = tenths_text(h.county),
        elsewhere = tenths_text(h.elsewhere)
    );
    let verdict = if total.met() {
        tr!(lang, Record::RecordTargetMet)
    } else {
        let short = tenths_text(total.short_tenths());
        tr!(lang, Record::RecordTargetShort, hours = short)
    };
    tr!(
        lang,
        Record::RecordYearVerdict,
        line = line,
        verdict = verdict
    )
}
