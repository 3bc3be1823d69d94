//! Whole-process figures (issue 12): what a user waits for, measured by running the given
//! binary as a user does, each beside floors measured in the same run (a bare process
//! start, `lunxun --version`; and the same binary's `cohort list` on the same folder).
//!
//! ```sh
//! cargo build --release && cargo run --release --example whole_process            # 100k
//! cargo run --release --example whole_process -- --sizes 100000,1000000           # and 1M
//! cargo run --release --example whole_process -- --bin /path/to/lunxun --runs 10 \
//!     --keep /tmp/lunxun-whole --only desk                                         # reuse
//! ```
//!
//! Per size: a GBK CSV of `n` generated people is imported into fresh folders (`import`);
//! then, on copies of the imported folder, short commands run interleaved (`cli`): one
//! copy's journal still holds the import, the other's was restarted by `lunxun backup`;
//! then the desk runs in a pseudo-terminal (`desk`: first screen, widening, a check-in)
//! and makes 3,000 check-ins by name, with keys timed before and after (`history`).
//! Any command that fails stops the harness (exit 2) with its output; a one-piece import
//! the binary refuses is recorded as refused, the file imported in parts instead, and the
//! harness exits 1 after printing the table.

// Off Unix the desk phases are left out, and with them the helpers only they use.
#![cfg_attr(not(unix), allow(dead_code))]

mod cli;
#[cfg(unix)]
mod desk;
#[cfg(unix)]
mod desk_runs;
mod folder;
mod gbk_csv;
mod measure;
mod report;
mod roster;

use std::path::PathBuf;

use measure::{Lunxun, fail};
use report::Table;

/// What the harness was asked to do.
pub struct Options {
    pub bin: PathBuf,
    pub sizes: Vec<usize>,
    pub runs: usize,
    pub import_runs: Option<usize>,
    pub keep: Option<PathBuf>,
    pub only: Vec<String>,
    pub parts: usize,
    pub check_ins: usize,
    pub keys: usize,
    pub seed: u64,
}

impl Options {
    fn parse() -> Options {
        let mut o = Options {
            bin: PathBuf::from("target/release/lunxun"),
            sizes: vec![100_000],
            runs: 10,
            import_runs: None,
            keep: None,
            only: vec![
                "import".into(),
                "cli".into(),
                "desk".into(),
                "history".into(),
            ],
            parts: 4,
            check_ins: 3000,
            keys: 200,
            seed: 2024,
        };
        let mut args = std::env::args().skip(1);
        while let Some(flag) = args.next() {
            let mut value = || {
                args.next()
                    .unwrap_or_else(|| fail(&format!("{flag} needs a value")))
            };
            let number = |v: String| -> usize {
                v.replace('_', "")
                    .parse()
                    .unwrap_or_else(|_| fail(&format!("not a number: {v}")))
            };
            match flag.as_str() {
                "--bin" => o.bin = PathBuf::from(value()),
                "--sizes" => o.sizes = value().split(',').map(|s| number(s.into())).collect(),
                "--runs" => o.runs = number(value()).max(1),
                "--import-runs" => o.import_runs = Some(number(value()).max(1)),
                "--keep" => o.keep = Some(PathBuf::from(value())),
                "--only" => o.only = value().split(',').map(str::to_string).collect(),
                "--parts" => o.parts = number(value()).max(2),
                "--check-ins" => o.check_ins = number(value()),
                "--keys" => o.keys = number(value()).max(1),
                "--seed" => o.seed = number(value()) as u64,
                "--bench" => {} // cargo bench's own flag, if run that way
                "-h" | "--help" => {
                    println!("{}", HELP);
                    std::process::exit(0);
                }
                other => fail(&format!("unknown argument {other}\n{HELP}")),
            }
        }
        o
    }

    pub fn wants(&self, phase: &str) -> bool {
        self.only.iter().any(|p| p == phase)
    }

    /// Import runs at `n` people: `--import-runs`, else `--runs` up to 100k and 3 above.
    pub fn import_runs(&self, n: usize) -> usize {
        self.import_runs.unwrap_or(if n <= 100_000 {
            self.runs
        } else {
            self.runs.min(3)
        })
    }
}

const HELP: &str = "whole_process [--bin PATH] [--sizes 100000,1000000] [--runs 10] \
[--import-runs K] [--keep DIR] [--only import,cli,desk,history] [--parts 4] \
[--check-ins 3000] [--keys 200] [--seed 2024]";

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("--launch") {
        measure::launch(&args[2..]);
    }
    let options = Options::parse();
    let bin = std::fs::canonicalize(&options.bin).unwrap_or_else(|e| {
        fail(&format!(
            "no binary at {} ({e}); build it with `cargo build --release` or pass --bin",
            options.bin.display()
        ))
    });
    let temp = tempfile::Builder::new()
        .prefix("lunxun-whole-")
        .tempdir()
        .expect("a temporary folder");
    let work = options
        .keep
        .clone()
        .unwrap_or_else(|| temp.path().to_path_buf());
    std::fs::create_dir_all(&work).expect("the work folder");
    let lunxun = Lunxun {
        bin: bin.clone(),
        lang: "zh_CN.UTF-8".into(),
        scratch: work.clone(),
    };
    let version = lunxun.run(None, &["--version"], folder::NOW).stdout;
    eprintln!(
        "whole_process: {} ({}) in {}; load {:?}",
        bin.display(),
        version.trim(),
        work.display(),
        measure::load_average()
    );
    let mut table = Table {
        rows: Vec::new(),
        refusals: Vec::new(),
    };
    for &n in &options.sizes {
        measure_size(&lunxun, &options, &work.join(n.to_string()), n, &mut table);
    }
    println!(
        "\nBinary: `{}` ({}); {} CPUs; runs: {}.\n",
        bin.display(),
        version.trim(),
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        options.runs
    );
    table.print();
    if !table.refusals.is_empty() {
        std::process::exit(1);
    }
}

fn measure_size(
    lunxun: &Lunxun,
    options: &Options,
    dir: &std::path::Path,
    n: usize,
    table: &mut Table,
) {
    std::fs::create_dir_all(dir).expect("the size's folder");
    eprintln!("\n== {n} people ==");
    let rosters = roster::prepare(dir, n, options.seed, 200, options.check_ins + 200);
    let pristine = dir.join("imported");
    if options.wants("import") {
        folder::import_phase(lunxun, options, dir, n, &rosters, table);
    }
    if !pristine.join("sled").exists() {
        fail(&format!(
            "no imported folder at {}: run the import phase (--only import) first",
            pristine.display()
        ));
    }
    let full = dir.join("journal-full");
    let clean = dir.join("journal-clean");
    if options.wants("cli") || options.wants("desk") || options.wants("history") {
        folder::copy_fresh(&pristine, &full);
        folder::copy_fresh(&pristine, &clean);
        lunxun.run(Some(&clean), &["backup"], folder::NOW);
    }
    if options.wants("cli") {
        cli::phase(lunxun, options, n, &full, &clean, table);
    }
    // Each desk start and clean exit writes a backup of the whole register (~0.5 GB at
    // 1M people, ten kept): removed after each phase, as nothing reads them.
    #[cfg(unix)]
    if options.wants("desk") {
        desk_runs::first_screens(lunxun, options, n, &clean, &rosters, table);
        let _ = std::fs::remove_dir_all(clean.join("backups"));
    }
    #[cfg(unix)]
    if options.wants("history") {
        desk_runs::history(lunxun, options, n, &full, &rosters, table);
        let _ = std::fs::remove_dir_all(full.join("backups"));
    }
    #[cfg(not(unix))]
    if options.wants("desk") || options.wants("history") {
        eprintln!("the desk phases drive a Unix pseudo-terminal: skipped on this platform");
    }
    if options.keep.is_none() {
        let _ = std::fs::remove_dir_all(&full);
        let _ = std::fs::remove_dir_all(&clean);
    }
}
