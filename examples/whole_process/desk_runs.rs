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
    let [roster_label, register_label] = scope_labels();
    let nobody = arrived(0, enrolled);
    let one = arrived(1, enrolled);
    let empty_box = tr!(ZH, T::TypeToSearch);
    let no_match = tr!(ZH, T::NoMatches);
    eprintln!("desk: {} runs on a roster of {enrolled}", options.runs);
    let load = load_now();
    let mut rows: [Vec<f64>; 5] = Default::default();
    let mut rss = Vec::new();
    for run in 0..options.runs {
        let (mut desk, spawned) = Desk::spawn(lunxun, dir, NOW, patience(n));
        let shown = desk.wait("the check-in screen", |s| {
            s.contains(&roster_label) && s.contains(&nobody)
        });
        rows[0].push(ms(shown - spawned));
        desk.send("张伟".as_bytes());
        desk.wait("张伟 typed", |s| typed(s).as_deref() == Some("张伟"));
        let sent = desk.send(keys::CTRL_R);
        let widened = desk.wait("register hits", |s| {
            s.contains(&register_label)
                && typed(s).as_deref() == Some("张伟")
                && !s.contains(&no_match)
        });
        rows[1].push(ms(widened - sent));
        desk.send(keys::CTRL_R);
        desk.wait("the roster again", |s| s.contains(&roster_label));
        desk.send(keys::CTRL_U);
        desk.wait("an empty search box", |s| s.contains(&empty_box));
        let initials = lunxun::search::initials(&rosters.desk[run % enrolled].name);
        let typed_at = desk.send(initials.as_bytes());
        desk.wait("initials typed", |s| {
            typed(s).as_deref() == Some(initials.as_str()) && !s.contains(&no_match)
        });
        let hits_at = Instant::now();
        let sent = desk.send(keys::ENTER);
        let checked = desk.wait("one arrival counted", |s| s.contains(&one));
        rows[2].push(ms(hits_at - typed_at));
        rows[3].push(ms(checked - sent));
        desk.send(keys::CTRL_Z);
        desk.wait("the check-in undone", |s| s.contains(&nobody));
        let sent = desk.send(keys::CTRL_Q);
        let (exited, at) = desk.wait_exit();
        if exited.code != 0 {
            fail(&format!(
                "the desk exited with {} after Ctrl-Q",
                exited.code
            ));
        }
        rows[4].push(ms(at - sent));
        rss.extend(exited.peak_rss.map(|b| b as f64 / 1e6));
        eprintln!(
            "  desk run {}: first screen {:.0} ms",
            run + 1,
            rows[0][run]
        );
    }
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
    let enrolled = people.len();
    let check_ins = options.check_ins.min(enrolled);
    eprintln!(
        "history: {check_ins} check-ins on a roster of {enrolled}, {} keys before and after",
        options.keys
    );
    let load = load_now();
    let (mut desk, _) = Desk::spawn(lunxun, dir, NOW, patience(n));
    let nobody = arrived(0, enrolled);
    desk.wait("the history cohort's check-in screen", |s| {
        s.contains(&nobody)
    });
    let fresh = time_keys(&mut desk, options.keys);
    let mut each = Vec::with_capacity(check_ins);
    for (i, person) in people.iter().take(check_ins).enumerate() {
        let expected = arrived(i + 1, enrolled);
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
    let after = time_keys(&mut desk, options.keys);
    let sent = desk.send(keys::CTRL_Q);
    let (exited, at) = desk.wait_exit();
    if exited.code != 0 {
        fail(&format!(
            "the desk exited with {} after Ctrl-Q",
            exited.code
        ));
    }
    let quit = ms(at - sent);
    let load = load_span(load, load_now());
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
    let keys = options.keys;
    table.push(key_row(
        format!("floor: desk key → screen, fresh desk ({keys} keys)"),
        &fresh,
        Target::Floor,
    ));
    let first = &each[..each.len().min(100)];
    let last = &each[each.len().saturating_sub(100)..];
    table.push(key_row(
        "desk: name + `Enter` → counted, check-ins 1–100".into(),
        first,
        Target::None,
    ));
    table.push(key_row(
        format!("desk: name + `Enter` → counted, last 100 of {check_ins}"),
        last,
        Target::None,
    ));
    let target = if n == 100_000 {
        Target::P99 { ms: 50.0 }
    } else {
        Target::None
    };
    table.push(key_row(
        format!("desk: key → screen after {check_ins} check-ins ({keys} keys)"),
        &after,
        target,
    ));
    let mut quit_row = key_row(
        format!("desk: `Ctrl-Q` → exited after {check_ins} check-ins"),
        &[quit],
        Target::None,
    );
    quit_row.quantiles = None;
    quit_row.rss_mb = exited.peak_rss.map(|b| Spread::of(&[b as f64 / 1e6]));
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
