//! Short commands, interleaved run by run so a change of load on the shared machine
//! falls on every command alike: the bare start, `cohort list` on a folder whose journal
//! holds the import and on one whose journal a backup restarted, and `search`.

use std::path::Path;

use super::Options;
use super::folder::NOW;
use super::measure::{Lunxun, Spread, ms};
use super::report::{Row, Table, Target, load_now, load_span};

/// One command measured in every run.
struct Probe {
    what: String,
    dir: Option<&'static str>,
    args: Vec<&'static str>,
    target: Target,
    walls: Vec<f64>,
    rss: Vec<f64>,
}

pub fn phase(
    lunxun: &Lunxun,
    options: &Options,
    n: usize,
    full: &Path,
    clean: &Path,
    table: &mut Table,
) {
    let search = |ms_100k: f64, ms_1m: f64| match n {
        100_000 => Target::Within {
            ms: ms_100k,
            mb: None,
        },
        1_000_000 => Target::Within {
            ms: ms_1m,
            mb: None,
        },
        _ => Target::None,
    };
    let list = if n == 100_000 {
        Target::Within { ms: 30.0, mb: None }
    } else {
        Target::Floor
    };
    let probe = |what: &str, dir, args: &[&'static str], target| Probe {
        what: what.into(),
        dir,
        args: args.to_vec(),
        target,
        walls: Vec::new(),
        rss: Vec::new(),
    };
    let mut probes = vec![
        probe(
            "floor: bare start, `lunxun --version`",
            None,
            &["--version"],
            Target::Floor,
        ),
        probe(
            "`cohort list`, empty journal (after `backup`)",
            Some("clean"),
            &["cohort", "list"],
            list,
        ),
        probe(
            "`cohort list`, journal holding the import",
            Some("full"),
            &["cohort", "list"],
            Target::NearClean,
        ),
        probe(
            "`search 张伟`, journal holding the import",
            Some("full"),
            &["search", "张伟"],
            search(250.0, 2000.0),
        ),
        probe(
            "`search zw`, journal holding the import",
            Some("full"),
            &["search", "zw"],
            search(250.0, 2000.0),
        ),
        probe(
            "`search 张伟`, empty journal",
            Some("clean"),
            &["search", "张伟"],
            search(250.0, 2000.0),
        ),
    ];
    eprintln!(
        "cli: {} commands × {} runs, interleaved",
        probes.len(),
        options.runs
    );
    let load = load_now();
    // One untimed round first: the page cache then holds both folders, as it does for
    // a user's second command.
    for round in 0..=options.runs {
        for p in &mut probes {
            let dir = p.dir.map(|d| if d == "full" { full } else { clean });
            let done = lunxun.run(dir, &p.args, NOW);
            if round > 0 {
                p.walls.push(ms(done.wall));
                p.rss.extend(done.peak_rss.map(|b| b as f64 / 1e6));
            }
        }
    }
    let load = load_span(load, load_now());
    for p in probes {
        table.push(Row {
            people: n,
            what: p.what,
            time: Some(Spread::of(&p.walls)),
            quantiles: None,
            rss_mb: (!p.rss.is_empty()).then(|| Spread::of(&p.rss)),
            target: p.target,
            verdict: String::new(),
            load: load.clone(),
        });
    }
}
