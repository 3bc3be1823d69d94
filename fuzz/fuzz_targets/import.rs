//! The importer on arbitrary bytes: the first byte picks the file type, the rest is the
//! file. Any answer is fine; a panic is a bug.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lunxun::domain::PersonId;
use lunxun::io::roster::{ImportOptions, plan, read};

const EXTENSIONS: [&str; 5] = ["csv", "txt", "xlsx", "xls", "ods"];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let extension = EXTENSIONS[usize::from(pick) % EXTENSIONS.len()];
    if let Ok(file) = read(bytes, extension, &ImportOptions::default(), |_| {}) {
        let mut next = 0;
        let _ = plan(file.drafts, Vec::new(), None, || {
            next += 1;
            PersonId(format!("p{next}"))
        });
    }
});
