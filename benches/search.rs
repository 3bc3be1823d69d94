//! Search benchmark: the index against a naive scan (SkimMatcherV2 over every person's
//! name, full pinyin and initials, keeping the top 50), per register size and query
//! kind, in one run. Prints a markdown table.
//!
//!     cargo bench --bench search                      # 1k, 10k, 100k, 1M
//!     cargo bench --bench search -- --sizes 1000,100000
//!
//! Without `--bench` (as `cargo test --benches` runs it) it only does a quick smoke run.

use std::hint::black_box;
use std::time::{Duration, Instant};

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use lunxun::demo::generate_register;
use lunxun::domain::Person;
use lunxun::search::{SearchIndex, Searcher};
use pinyin::ToPinyin;

/// (kind, query, whether the naive baseline can answer it).
const QUERIES: &[(&str, &str, bool)] = &[
    ("2-Hanzi name", "张伟", true),
    ("1 Hanzi", "张", true),
    ("initials", "zw", true),
    ("full pinyin", "zhangwei", true),
    ("zh as one initial", "zhw", true),
    ("syllable + initial", "zhangw", true),
    ("unit word", "新开", true),
    ("multi-term", "lyt 新开", false),
];
/// Typed one keystroke at a time through a `Searcher`; timed per keystroke.
const TYPED: &str = "zhangwei";
const LIMIT: usize = 50;
const SEED: u64 = 2024;

struct Config {
    sizes: Vec<usize>,
    runs: usize,
    smoke: bool,
}

fn config() -> Config {
    let args: Vec<String> = std::env::args().collect();
    let smoke = !args.iter().any(|a| a == "--bench");
    let sizes = match args.iter().position(|a| a == "--sizes") {
        Some(i) => args[i + 1]
            .split(',')
            .map(|s| s.trim().parse().expect("--sizes takes numbers"))
            .collect(),
        None if smoke => vec![1_000],
        None => vec![1_000, 10_000, 100_000, 1_000_000],
    };
    let runs = if smoke { 3 } else { 50 };
    Config { sizes, runs, smoke }
}

/// The baseline: precomputed name, full pinyin and initials, scored one by one.
struct Naive {
    rows: Vec<[String; 3]>,
    matcher: SkimMatcherV2,
}

impl Naive {
    fn build(people: &[Person]) -> Naive {
        let rows = people
            .iter()
            .map(|p| {
                let (mut full, mut initials) = (String::new(), String::new());
                for (c, py) in p.name.chars().zip(p.name.as_str().to_pinyin()) {
                    match py {
                        Some(py) => {
                            full.push_str(py.plain());
                            initials.push_str(py.first_letter());
                        }
                        None => {
                            full.push(c);
                            initials.push(c);
                        }
                    }
                }
                [p.name.clone(), full, initials]
            })
            .collect();
        Naive {
            rows,
            matcher: SkimMatcherV2::default(),
        }
    }

    fn search(&self, query: &str) -> Vec<(i64, usize)> {
        let mut scored: Vec<(i64, usize)> = self
            .rows
            .iter()
            .enumerate()
            .filter_map(|(i, row)| {
                let best = row
                    .iter()
                    .filter_map(|s| self.matcher.fuzzy_match(s, query))
                    .max();
                best.map(|s| (-s, i))
            })
            .collect();
        if scored.len() > LIMIT {
            scored.select_nth_unstable(LIMIT - 1);
            scored.truncate(LIMIT);
        }
        scored.sort_unstable();
        scored
    }
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort_unstable();
    times[times.len() / 2]
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    median(
        (0..runs.max(1))
            .map(|_| {
                let start = Instant::now();
                black_box(f());
                start.elapsed()
            })
            .collect(),
    )
}

fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1e3)
}

/// Resident memory of this process, from /proc (Linux only; 0 elsewhere).
fn rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb: f64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0.0);
    kb / 1024.0
}

/// Checks that everybody named exactly `name` comes before every other hit.
fn check_exact(people: &[Person], ix: &SearchIndex, name: &str) -> String {
    let same = people.iter().filter(|p| p.name == name).count();
    let hits = ix.search(name, same + LIMIT);
    let first_ok = hits[..same.min(hits.len())]
        .iter()
        .all(|h| people[h.index].name == name);
    let rest_ok = hits
        .get(same..)
        .unwrap_or(&[])
        .iter()
        .all(|h| people[h.index].name != name);
    assert!(
        hits.len() >= same && first_ok && rest_ok,
        "exact-name order broken for {name}"
    );
    format!("all {same} people named {name} rank first: ok")
}

fn bench_size(size: usize, cfg: &Config) {
    let people = generate_register(size, SEED);
    let rss_before = rss_mb();
    let ix = SearchIndex::build(&people);
    let rss_index = rss_mb() - rss_before;
    let builds = if size >= 1_000_000 { 3 } else { 5 };
    let build = time(if cfg.smoke { 1 } else { builds }, || {
        SearchIndex::build(&people)
    });
    let naive = Naive::build(&people);
    let naive_runs = match size {
        _ if cfg.smoke => 1,
        s if s >= 1_000_000 => 5,
        s if s >= 100_000 => 11,
        _ => 50,
    };
    for &(kind, query, has_naive) in QUERIES {
        let ours = time(cfg.runs, || ix.search(query, LIMIT));
        let hits = ix.search(query, LIMIT).len();
        let (base, ratio) = if has_naive {
            let base = time(naive_runs, || naive.search(query));
            let ratio = base.as_secs_f64() / ours.as_secs_f64();
            (ms(base), format!("{ratio:.0}×"))
        } else {
            ("—".into(), "—".into())
        };
        println!(
            "| {size} | {kind} | `{query}` | {} | {base} | {ratio} | {hits} |",
            ms(ours)
        );
    }
    let typed = time_typing(&ix, cfg.runs);
    println!(
        "| {size} | typing, per key | `{TYPED}` | {} | — | — | {LIMIT} |",
        ms(typed)
    );
    println!(
        "| {size} | index build | | {} | | | RSS +{rss_index:.0} MB, total {:.0} MB |",
        ms(build),
        rss_mb()
    );
    eprintln!("{size}: {}", check_exact(&people, &ix, "张伟"));
}

/// Median time per keystroke when `TYPED` is typed into a `Searcher`.
fn time_typing(ix: &SearchIndex, runs: usize) -> Duration {
    let chars: Vec<char> = TYPED.chars().collect();
    let mut times = Vec::new();
    for _ in 0..runs.div_ceil(chars.len()).max(1) {
        let mut searcher = Searcher::new(ix);
        for end in 1..=chars.len() {
            let query: String = chars[..end].iter().collect();
            let start = Instant::now();
            black_box(searcher.search(&query, LIMIT));
            times.push(start.elapsed());
        }
    }
    median(times)
}

fn main() {
    let cfg = config();
    println!("| people | query kind | query | ours (median) | naive (median) | speed-up | hits |");
    println!("|---:|---|---|---:|---:|---:|---:|");
    for &size in &cfg.sizes {
        bench_size(size, &cfg);
    }
}
