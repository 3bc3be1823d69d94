//! The desk as an organiser uses it, timed in a pseudo-terminal: the first screen, the
//! search widened to the whole register, a check-in by initials; and a desk that has made
//! thousands of check-ins answering keys, beside the same keys on a fresh desk.

use std::path::Path;
use std::time::{Duration, Instant};

use lunxun::domain::Person;
use lunxun::text::{Desk as T, Lang};
use lunxun::tr;

use super::Options;
use super::desk::{Desk, keys, search_input};
use super::folder::{self, NOW};
use super::measure::{Lunxun, Spread, fail, ms};
use super::report::{Row, Table, Target, load_now, load_span};
use super::roster::Rosters;

const ZH: Lang = Lang::Zh;

/// How long one wait may take at `n` people before the harness gives up.
fn patience(n: usize) -> Duration {
    Duration::from_secs((60 + n / 2000) as u64)
}

/// The session header's count of arrivals, up to the text after it.
fn arrived(count: usize, enrolled: usize) -> String {
    let full = tr!(
        ZH,
        T::Counts,
        arrived = count,
        enrolled = enrolled,
        late = '\0',
        leave = '\0'
    );
    full.split('\0').next().unwrap_or_default().to_string()
}

fn scope_labels() -> [String; 2] {
    [tr!(ZH, T::ScopeRoster), tr!(ZH, T::ScopeRegister)]
}

/// What the search box holds, when the check-in screen is drawn.
fn typed(screen: &str) -> Option<String> {
    let [roster, register] = scope_labels();
    search_input(screen, &[&roster, &register])
}

/// The desk's texts the harness waits for, from the product's own catalogue.
struct Texts {
    roster: String,
    register: String,
    nobody: String,
    one: String,
    empty_box: String,
    no_match: String,
}

impl Texts {
    fn new(enrolled: usize) -> Texts {
        let [roster, register] = scope_labels();
        Texts {
            roster,
            register,
            nobody: arrived(0, enrolled),
            one: arrived(1, enrolled),
            empty_box: tr!(ZH, T::TypeToSearch),
            no_match: tr!(ZH, T::NoMatches),
        }
    }
}

/// Per run: start the desk, see its first screen; type 张伟 and widen to the register;
/// back to the roster, check a person in by initials; undo it; quit.
pub fn first_screens(
    lunxun: &Lunxun,
    options: &Options,
    n: usize,
    dir: &Path,
    rosters: &Rosters,
    table: &mut Table,
) {
    let enrolled = rosters.desk.len();
    let texts = Texts::new(enrolled);
    eprintln!("desk: {} runs on a roster of {enrolled}", options.runs);
    let load = load_now();
    let mut rows: [Vec<f64>; 5] = Default::default();
    let mut rss = Vec::new();
    for run in 0..options.runs {
        let (mut desk, spawned) = Desk::spawn(lunxun, dir, NOW, patience(n));
        let initials = lunxun::search::initials(&rosters.desk[run % enrolled].name);
        let times = one_session(&mut desk, spawned, &texts, &initials);
        let sent = desk.send(keys::CTRL_Q);
        let (exited, at) = desk.wait_exit();
        if exited.code != 0 {
            fail(&format!(
                "the desk exited with {} after Ctrl-Q",
                exited.code
            ));
        }
        for (row, time) in rows
            .iter_mut()
            .zip(times.into_iter().chain([ms(at - sent)]))
        {
            row.push(time);
        }
        rss.extend(exited.peak_rss.map(|b| b as f64 / 1e6));
        eprintln!(
            "  desk run {}: first screen {:.0} ms",
            run + 1,
            rows[0][run]
        );
    }
    push_session_rows(n, enrolled, rows, rss, load, table);
}

/// One desk session up to quitting: ms to the first screen, to the widened hits, to the
/// roster hits for `initials`, and from Enter to the check-in counted (then undone).
fn one_session(desk: &mut Desk, spawned: Instant, texts: &Texts, initials: &str) -> [f64; 4] {
    let shown = desk.wait("the check-in screen", |s| {
        s.contains(&texts.roster) && s.contains(&texts.nobody)
    });
    desk.send("张伟".as_bytes());
    desk.wait("张伟 typed", |s| typed(s).as_deref() == Some("张伟"));
    let widen = desk.send(keys::CTRL_R);
    let widened = desk.wait("register hits", |s| {
        s.contains(&texts.register)
            && typed(s).as_deref() == Some("张伟")
            && !s.contains(&texts.no_match)
    });
    desk.send(keys::CTRL_R);
    desk.wait("the roster again", |s| s.contains(&texts.roster));
    desk.send(keys::CTRL_U);
    desk.wait("an empty search box", |s| s.contains(&texts.empty_box));
    let typing = desk.send(initials.as_bytes());
    let hits = desk.wait("initials typed", |s| {
        typed(s).as_deref() == Some(initials) && !s.contains(&texts.no_match)
    });
    let enter = desk.send(keys::ENTER);
    let checked = desk.wait("one arrival counted", |s| s.contains(&texts.one));
    desk.send(keys::CTRL_Z);
    desk.wait("the check-in undone", |s| s.contains(&texts.nobody));
    [
        ms(shown - spawned),
        ms(widened - widen),
        ms(hits - typing),
        ms(checked - enter),
    ]
}

fn push_session_rows(
    n: usize,
    enrolled: usize,
    rows: [Vec<f64>; 5],
    rss: Vec<f64>,
    load: Option<f64>,
    table: &mut Table,
) {
    let load = load_span(load, load_now());
    let target = |ms: f64| match n {
        100_000 => Target::Within { ms, mb: None },
        _ => Target::None,
    };
    let labels = [
        (
            format!("desk: start → first screen (roster of {enrolled})"),
            target(300.0),
        ),
        (
            "desk: `Ctrl-R` widening to the whole register → first hits".to_string(),
            target(300.0),
        ),
        (
            "desk: initials typed (pasted) → roster hits".to_string(),
            Target::None,
        ),
        (
            "desk: `Enter` → check-in counted on screen".to_string(),
            Target::None,
        ),
        (
            "desk: `Ctrl-Q` → process exited (peak RSS: whole session)".to_string(),
            Target::None,
        ),
    ];
    for (i, ((what, target), samples)) in labels.into_iter().zip(rows).enumerate() {
        table.push(Row {
            people: n,
            what,
            time: Some(Spread::of(&samples)),
            quantiles: None,
            rss_mb: (i == 4 && !rss.is_empty()).then(|| Spread::of(&rss)),
            target,
            verdict: String::new(),
            load: load.clone(),
        });
    }
}

/// A desk on the history cohort: keys timed fresh, then check-ins of `check_ins` people
/// by full name + Enter, then the same keys timed again, in the same process.
pub fn history(
    lunxun: &Lunxun,
    options: &Options,
    n: usize,
    dir: &Path,
    rosters: &Rosters,
    table: &mut Table,
) {
    // The desk opens on the newest open cohort: close the desk's own.
    let code = folder::desk_code(lunxun, dir);
    lunxun.run(Some(dir), &["cohort", "close", "--cohort", &code], NOW);
    let people: &[Person] = &rosters.history;
    let check_ins = options.check_ins.min(people.len());
    eprintln!(
        "history: {check_ins} check-ins on a roster of {}, {} keys before and after",
        people.len(),
        options.keys
    );
    let load = load_now();
    let (mut desk, _) = Desk::spawn(lunxun, dir, NOW, patience(n));
    let nobody = arrived(0, people.len());
    desk.wait("the history cohort's check-in screen", |s| {
        s.contains(&nobody)
    });
    let fresh = time_keys(&mut desk, options.keys);
    let each = check_in_by_name(&mut desk, people, check_ins);
    let after = time_keys(&mut desk, options.keys);
    let sent = desk.send(keys::CTRL_Q);
    let (exited, at) = desk.wait_exit();
    if exited.code != 0 {
        fail(&format!(
            "the desk exited with {} after Ctrl-Q",
            exited.code
        ));
    }
    let history = History {
        fresh,
        each,
        after,
        quit: ms(at - sent),
        rss: exited.peak_rss,
    };
    push_history_rows(n, options.keys, history, load_span(load, load_now()), table);
}

/// The first `count` of `people` checked in by full name + Enter, each waited for until
/// the session's count goes up: ms from sent to counted.
fn check_in_by_name(desk: &mut Desk, people: &[Person], count: usize) -> Vec<f64> {
    let mut each = Vec::with_capacity(count);
    for (i, person) in people.iter().take(count).enumerate() {
        let expected = arrived(i + 1, people.len());
        let mut line = person.name.clone().into_bytes();
        line.extend_from_slice(keys::ENTER);
        let sent = desk.send(&line);
        let seen = desk.wait(&format!("{expected} after typing {}", person.name), |s| {
            s.contains(&expected)
        });
        each.push(ms(seen - sent));
        if (i + 1) % 500 == 0 {
            eprintln!("  {} check-ins, last {:.1} ms", i + 1, each[i]);
        }
    }
    each
}

/// What the history desk measured.
struct History {
    fresh: Vec<f64>,
    each: Vec<f64>,
    after: Vec<f64>,
    quit: f64,
    rss: Option<u64>,
}

fn push_history_rows(n: usize, keys: usize, h: History, load: String, table: &mut Table) {
    let key_row = |what: String, samples: &[f64], target| Row {
        people: n,
        what,
        time: Some(Spread::of(samples)),
        quantiles: Some((
            Spread::quantile(samples, 0.5),
            Spread::quantile(samples, 0.99),
        )),
        rss_mb: None,
        target,
        verdict: String::new(),
        load: load.clone(),
    };
    let check_ins = h.each.len();
    let first = &h.each[..check_ins.min(100)];
    let last = &h.each[check_ins.saturating_sub(100)..];
    let target = if n == 100_000 {
        Target::P99 { ms: 50.0 }
    } else {
        Target::None
    };
    let rows = [
        (
            format!("floor: desk key → screen, fresh desk ({keys} keys)"),
            &h.fresh[..],
            Target::Floor,
        ),
        (
            "desk: name + `Enter` → counted, check-ins 1–100".into(),
            first,
            Target::None,
        ),
        (
            format!("desk: name + `Enter` → counted, last 100 of {check_ins}"),
            last,
            Target::None,
        ),
        (
            format!("desk: key → screen after {check_ins} check-ins ({keys} keys)"),
            &h.after,
            target,
        ),
    ];
    for (what, samples, target) in rows {
        table.push(key_row(what, samples, target));
    }
    let mut quit_row = key_row(
        format!("desk: `Ctrl-Q` → exited after {check_ins} check-ins"),
        &[h.quit],
        Target::None,
    );
    quit_row.quantiles = None;
    quit_row.rss_mb = h.rss.map(|b| Spread::of(&[b as f64 / 1e6]));
    table.push(quit_row);
}

/// Types `zhangwei` a key at a time, then Ctrl-U, round and round: each key's time from
/// sent to the search box showing it.
fn time_keys(desk: &mut Desk, count: usize) -> Vec<f64> {
    const WORD: &str = "zhangwei";
    let mut samples = Vec::with_capacity(count);
    let mut held = String::new();
    for k in 0..count {
        let (bytes, expect): (Vec<u8>, String) = if held.len() == WORD.len() {
            (keys::CTRL_U.to_vec(), String::new())
        } else {
            let c = WORD.as_bytes()[held.len()];
            (vec![c], format!("{held}{}", c as char))
        };
        let sent = desk.send(&bytes);
        let seen = desk.wait(
            &format!("key {k}: the search box holding '{expect}'"),
            |s| typed(s).as_deref() == Some(expect.as_str()),
        );
        samples.push(ms(seen - sent));
        held = expect;
    }
    if !held.is_empty() {
        desk.send(keys::CTRL_U);
        desk.wait("the search box cleared", |s| {
            typed(s).as_deref() == Some("")
        });
    }
    samples
}
