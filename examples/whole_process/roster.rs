//! The rosters the harness imports: GBK CSV files as a county's Excel saves them (a title
//! row, the usual Chinese headers, CRLF), of people from the project's own generator.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use lunxun::demo::generate_register;
use lunxun::domain::Person;

use super::gbk_csv::gbk_roster;
use super::measure::fail;

/// The register's people and the rosters cut from it.
pub struct Rosters {
    /// All `n` people, one file (and `parts` files, for a binary that refuses one).
    pub register: PathBuf,
    /// The desk's cohort: people whose names no one else on it has, so typing a name
    /// finds that one person.
    pub desk: Vec<Person>,
    pub desk_file: PathBuf,
    /// The cohort the desk makes its thousands of check-ins on, names unique as well.
    pub history: Vec<Person>,
    pub history_file: PathBuf,
}

/// Writes (or finds, when `dir` already holds them) the rosters for `n` people.
pub fn prepare(dir: &Path, n: usize, seed: u64, desk: usize, history: usize) -> Rosters {
    let register = dir.join(format!("花名册-{n}.csv"));
    let desk_file = dir.join("本班-desk.csv");
    let history_file = dir.join("本班-history.csv");
    let people = distinct_people(n, seed);
    let mut seen = HashSet::new();
    let unique: Vec<Person> = people
        .iter()
        .filter(|p| seen.insert(p.name.clone()))
        .take(desk + history)
        .cloned()
        .collect();
    if unique.len() < desk + history {
        fail(&format!(
            "{n} people have only {} distinct names; {desk} + {history} are needed",
            unique.len()
        ));
    }
    let (desk_people, history_people) = unique.split_at(desk);
    if !register.exists() {
        write_gbk(&register, &people);
    }
    write_gbk(&desk_file, desk_people);
    write_gbk(&history_file, history_people);
    Rosters {
        register,
        desk: desk_people.to_vec(),
        desk_file,
        history: history_people.to_vec(),
        history_file,
    }
}

/// The register split into `parts` files of consecutive rows, each with the header.
pub fn split(register: &Path, n: usize, seed: u64, parts: usize) -> Vec<PathBuf> {
    let people = distinct_people(n, seed);
    let size = n.div_ceil(parts);
    people
        .chunks(size)
        .enumerate()
        .map(|(i, chunk)| {
            let stem = register.file_stem().unwrap().to_string_lossy();
            let path = register.with_file_name(format!("{stem}-{}of{parts}.csv", i + 1));
            if !path.exists() {
                write_gbk(&path, chunk);
            }
            path
        })
        .collect()
}

/// `n` generated people, each a different person to the importer: the generator may
/// give two people one ID number or one phone, or the same name in the same unit
/// (about 1 in 2,000 at 100k), which the importer takes for one person written twice
/// and refuses when their other details differ; the later of such a pair is left out
/// and another person taken.
fn distinct_people(n: usize, seed: u64) -> Vec<Person> {
    let mut ids = HashSet::new();
    let mut phones = HashSet::new();
    let mut names_in_units = HashSet::new();
    let people: Vec<Person> = generate_register(n + n / 100 + 100, seed)
        .into_iter()
        .filter(|p| {
            let id_new = p.id_number.as_ref().is_none_or(|id| ids.insert(id.clone()));
            let phone_new = p.phone.as_ref().is_none_or(|ph| phones.insert(ph.clone()));
            let name_new = names_in_units.insert((p.name.clone(), p.unit.clone()));
            id_new && phone_new && name_new
        })
        .take(n)
        .collect();
    if people.len() < n {
        fail(&format!(
            "the generator gave fewer than {n} distinct people"
        ));
    }
    people
}

fn write_gbk(path: &Path, people: &[Person]) {
    let bytes = gbk_roster(people)
        .unwrap_or_else(|| fail("a generated name or unit has a character GBK cannot encode"));
    // Written whole, then renamed: a file left by a stopped run is never taken as done.
    let partial = path.with_extension("partial");
    std::fs::write(&partial, &bytes)
        .and_then(|()| std::fs::rename(&partial, path))
        .unwrap_or_else(|e| fail(&format!("cannot write {}: {e}", path.display())));
}
