//! Writes a GBK CSV roster of N generated people, as a county's Excel saves it (a title
//! row, the usual Chinese headers, CRLF), for measuring `lunxun import`:
//! `cargo run --release --example roster_csv -- 100000 roster.csv`, then
//! `/usr/bin/time -v target/release/lunxun --db DIR import roster.csv`.

/// The file `whole_process` writes its rosters with.
#[path = "whole_process/gbk_csv.rs"]
mod gbk_csv;

use lunxun::demo::generate_register;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(count), Some(path)) = (args.get(1).and_then(|n| n.parse().ok()), args.get(2)) else {
        eprintln!("usage: roster_csv N FILE");
        std::process::exit(2);
    };
    let bytes = gbk_csv::gbk_roster(&generate_register(count, 1))
        .expect("a generated name has a character GBK cannot encode");
    std::fs::write(path, &bytes).unwrap();
}
