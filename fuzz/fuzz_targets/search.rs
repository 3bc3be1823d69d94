//! The search on arbitrary text against a generated register: hits must point at people
//! and highlight characters of their names.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use lunxun::domain::Person;
use lunxun::search::SearchIndex;

fn register() -> &'static (Vec<Person>, SearchIndex) {
    static REGISTER: OnceLock<(Vec<Person>, SearchIndex)> = OnceLock::new();
    REGISTER.get_or_init(|| {
        let people = lunxun::demo::generate_register(300, 7);
        let index = SearchIndex::build(&people);
        (people, index)
    })
}

fuzz_target!(|query: &str| {
    let (people, index) = register();
    for hit in index.search(query, 20) {
        let name_len = people[hit.index].name.chars().count();
        assert!(hit.name_highlight.iter().all(|&i| i < name_len));
    }
});
