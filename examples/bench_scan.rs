//! What scanner input costs the search: the index build with every person's exact keys
//! (ID number, phone, person code) beside the keys alone, and a whole ID number beside
//! name queries on the same index, in one run. Prints a markdown table.
//!
//!     cargo run --release --example bench_scan            # 100k and 1M people
//!     cargo run --release --example bench_scan -- 10000   # other sizes

use std::hint::black_box;
use std::time::{Duration, Instant};

use lunxun::demo::generate_register;
use lunxun::domain::Person;
use lunxun::domain::scan::PersonKeys;
use lunxun::search::SearchIndex;

const SEED: u64 = 2024;

/// Median time of `runs` calls of `f`.
fn median<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            black_box(f());
            start.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1000.0)
}

/// The work `ExactKeys::build` does: three numbers per person.
fn keys_alone(people: &[Person]) -> (Vec<u64>, Vec<u64>, Vec<u64>) {
    let mut columns = (Vec::new(), Vec::new(), Vec::new());
    for p in people {
        let k = PersonKeys::of(p);
        columns.0.push(k.id_number.unwrap_or(u64::MAX));
        columns.1.push(k.phone.unwrap_or(u64::MAX));
        columns.2.push(k.code.bits());
    }
    columns
}

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![100_000, 1_000_000]
    } else {
        sizes
    };
    println!(
        "| people | index build | exact keys alone | whole ID number | `zw` | `张伟` | 18 digits typed one by one |"
    );
    println!("|---|---|---|---|---|---|---|");
    for n in sizes {
        let people = generate_register(n, SEED);
        let build = median(3, || SearchIndex::build(&people));
        let keys = median(3, || keys_alone(&people));
        let index = SearchIndex::build(&people);
        let id = people
            .iter()
            .rev()
            .find_map(|p| p.id_number.clone())
            .expect("the register has ID numbers");
        assert_eq!(
            index.search(&id, 50).len(),
            1,
            "the ID number finds one person"
        );
        let exact = median(21, || index.search(&id, 50));
        let zw = median(21, || index.search("zw", 50));
        let name = median(21, || index.search("张伟", 50));
        let typed = median(5, || {
            (1..=id.len())
                .map(|k| index.search(&id[..k], 50).len())
                .sum::<usize>()
        });
        println!(
            "| {n} | {} | {} | {} | {} | {} | {} |",
            ms(build),
            ms(keys),
            ms(exact),
            ms(zw),
            ms(name),
            ms(typed)
        );
    }
}
