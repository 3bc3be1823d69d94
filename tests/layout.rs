//! The layout shows the architecture (see the README's layout): no two sibling modules
//! import each other, `src/domain` imports nothing of the crate but the text catalogue,
//! and drawing never reaches for the store. Read from the source files themselves, so
//! a new import that breaks a rule fails here, naming the files.

#[path = "layout/modules.rs"]
mod modules;
#[path = "layout/source.rs"]
mod source;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use modules::{Crate, Import, ModPath, show, siblings};

fn the_crate() -> Crate {
    Crate::read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs"))
}

/// For each import between sibling modules (or their descendants), the pair of
/// siblings and one import that shows it.
fn sibling_edges(imports: &[Import]) -> BTreeMap<(ModPath, ModPath), &Import> {
    let mut edges = BTreeMap::new();
    for import in imports {
        if let Some(pair) = siblings(&import.from, &import.to) {
            edges.entry(pair).or_insert(import);
        }
    }
    edges
}

fn evidence(import: &Import) -> String {
    let file = import.file.strip_prefix(env!("CARGO_MANIFEST_DIR"));
    let file = file.unwrap_or(&import.file);
    format!("{}: {}", file.display(), import.written)
}

/// Each pair of sibling modules that import each other, with an import each way.
fn two_way_pairs(imports: &[Import]) -> Vec<String> {
    let edges = sibling_edges(imports);
    let mut found = Vec::new();
    for ((a, b), there) in &edges {
        if a < b
            && let Some(back) = edges.get(&(b.clone(), a.clone()))
        {
            found.push(format!(
                "{} <-> {}  ({}; {})",
                show(a),
                show(b),
                evidence(there),
                evidence(back)
            ));
        }
    }
    found
}

/// Groups of three or more sibling modules that import each other round a cycle
/// (strongly connected), beyond the pairs.
fn longer_cycles(imports: &[Import]) -> Vec<String> {
    let edges: BTreeSet<(ModPath, ModPath)> = sibling_edges(imports).into_keys().collect();
    let nodes: BTreeSet<&ModPath> = edges.iter().flat_map(|(a, b)| [a, b]).collect();
    let reach = |from: &ModPath| {
        let mut seen: BTreeSet<&ModPath> = BTreeSet::new();
        let mut todo = vec![from];
        while let Some(m) = todo.pop() {
            for (_, b) in edges.iter().filter(|(a, _)| a == m) {
                if seen.insert(b) {
                    todo.push(b);
                }
            }
        }
        seen
    };
    let reached: BTreeMap<&ModPath, BTreeSet<&ModPath>> =
        nodes.iter().map(|n| (*n, reach(n))).collect();
    let mut groups = BTreeSet::new();
    for n in &nodes {
        let group: Vec<String> = nodes
            .iter()
            .filter(|m| reached[*n].contains(**m) && reached[**m].contains(*n))
            .map(|m| show(m))
            .collect();
        if group.len() >= 3 {
            groups.insert(group.join(", "));
        }
    }
    groups.into_iter().collect()
}

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The reader reaches every source file from `lib.rs` (so the rules below cannot pass
/// by missing one); `main.rs` is the binary's own root.
#[test]
fn every_source_file_is_a_module_the_reader_finds() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut on_disk = Vec::new();
    rust_files(&src, &mut on_disk);
    let read: BTreeSet<_> = the_crate().files.into_values().map(|(f, _)| f).collect();
    let missed: Vec<String> = on_disk
        .iter()
        .filter(|f| !read.contains(*f) && **f != src.join("main.rs"))
        .map(|f| f.display().to_string())
        .collect();
    assert!(missed.is_empty(), "not reached from src/lib.rs: {missed:?}");
    assert!(read.len() > 100, "only {} files read", read.len());
}

#[test]
fn no_two_sibling_modules_import_each_other() {
    let pairs = two_way_pairs(&the_crate().imports());
    assert!(
        pairs.is_empty(),
        "sibling modules that import each other (a dependency should point one way; \
         move what both need into one of them or into a third):\n{}",
        pairs.join("\n")
    );
}

#[test]
fn no_sibling_modules_import_each_other_round_a_longer_cycle() {
    let groups = longer_cycles(&the_crate().imports());
    assert!(
        groups.is_empty(),
        "sibling modules that reach each other through their imports:\n{}",
        groups.join("\n")
    );
}

#[test]
fn the_domain_imports_only_itself_and_the_text_catalogue() {
    let imports = the_crate().imports();
    let outside: Vec<String> = imports
        .iter()
        .filter(|i| i.from.first().map(String::as_str) == Some("domain"))
        .filter(|i| !matches!(i.to.first().map(String::as_str), Some("domain" | "text")))
        .filter(|i| !i.to.is_empty())
        .map(|i| format!("{} -> {}  ({})", show(&i.from), show(&i.to), evidence(i)))
        .collect();
    assert!(
        outside.is_empty(),
        "src/domain is pure rules: it may import only itself and crate::text:\n{}",
        outside.join("\n")
    );
}

/// The functions in `toks` whose body names the store (an identifier `store`, any case).
fn functions_naming_the_store(toks: &[source::Tok]) -> BTreeSet<String> {
    use source::Tok;
    let mut found = BTreeSet::new();
    let mut i = 0;
    while i + 1 < toks.len() {
        let (Tok::Ident(kw), Tok::Ident(name)) = (&toks[i], &toks[i + 1]) else {
            i += 1;
            continue;
        };
        if kw != "fn" {
            i += 1;
            continue;
        }
        // The body: from the first `{` after the signature to its match (none for a
        // declaration ending in `;`).
        let Some(open) = toks[i..]
            .iter()
            .position(|t| matches!(t, Tok::Punct('{' | ';')))
            .map(|p| i + p)
            .filter(|&p| toks[p] == Tok::Punct('{'))
        else {
            i += 2;
            continue;
        };
        let mut depth = 0;
        let mut end = open;
        for (at, tok) in toks.iter().enumerate().skip(open) {
            match tok {
                Tok::Punct('{') => depth += 1,
                Tok::Punct('}') => depth -= 1,
                _ => {}
            }
            if depth == 0 {
                end = at;
                break;
            }
        }
        let names_store = toks[i..end]
            .iter()
            .any(|t| matches!(t, Tok::Ident(w) if w.eq_ignore_ascii_case("store")));
        if names_store {
            found.insert(name.clone());
        }
        // Nested functions are seen on their own when the scan reaches them.
        i += 2;
    }
    found
}

/// Drawing names neither the store nor a method of the desk that reads or writes it
/// (one that names the store in its body), so it cannot reach the store through `App`.
#[test]
fn drawing_never_names_the_store() {
    let krate = the_crate();
    let tui = ["tui".to_string()];
    let draw = ["tui".to_string(), "draw".to_string()];
    let mut named = Vec::new();
    for import in krate.imports() {
        if import.from.starts_with(&draw) && import.to.first().map(String::as_str) == Some("store")
        {
            named.push(evidence(&import));
        }
    }
    let tokens = |file: &Path| source::tokenize(&std::fs::read_to_string(file).unwrap());
    let reaching: BTreeSet<String> = krate
        .files
        .iter()
        .filter(|(module, _)| module.starts_with(&tui) && !module.starts_with(&draw))
        .flat_map(|(_, (file, _))| functions_naming_the_store(&tokens(file)))
        .collect();
    assert!(
        reaching.contains("refresh_dashboard") || reaching.contains("compute_dashboard"),
        "the scan finds no desk function that reads the store: {reaching:?}"
    );
    for (module, (file, _)) in &krate.files {
        if !module.starts_with(&draw) {
            continue;
        }
        let toks = tokens(file);
        for (i, tok) in toks.iter().enumerate() {
            let source::Tok::Ident(name) = tok else {
                continue;
            };
            let method_call = i > 0 && toks[i - 1] == source::Tok::Punct('.');
            if name.eq_ignore_ascii_case("store") || (method_call && reaching.contains(name)) {
                named.push(format!("{}: {name}", file.display()));
            }
        }
    }
    named.sort();
    named.dedup();
    assert!(
        named.is_empty(),
        "src/tui/draw draws screen state only; it names the store in:\n{}",
        named.join("\n")
    );
}

/// The reader itself, on small sources, so the tests above fail for the right reasons.
mod reader {
    use super::modules::{Crate, siblings};
    use super::source::{Tok, UsePath, scan, tokenize};
    use super::{longer_cycles, two_way_pairs};

    fn uses(text: &str) -> Vec<String> {
        scan(text)
            .uses
            .into_iter()
            .map(|(inline, u)| {
                let mut s = u.segments.join("::");
                if u.glob {
                    s.push_str("::*");
                }
                if !inline.is_empty() {
                    s = format!("[{}] {s}", inline.join("::"));
                }
                s
            })
            .collect()
    }

    #[test]
    fn comments_strings_and_char_literals_hide_what_looks_like_paths() {
        let text = r###"
            // use crate::a::b;
            /* use crate::c; /* nested */ use crate::d; */
            /// [`crate::e::F`]
            let s = "crate::g::h";
            let r = r#"use crate::i; "quoted""#;
            let c = '"'; let q = '\''; let l: &'static str = "";
            fn f<'a>(x: &'a str) {}
            use crate::real;
        "###;
        assert_eq!(uses(text), ["crate::real"]);
        let paths: Vec<String> = scan(text).paths.iter().map(|(_, p)| p.join("::")).collect();
        assert!(paths.is_empty(), "{paths:?}");
        assert!(tokenize("'a'").contains(&Tok::Lit));
    }

    #[test]
    fn use_groups_nest_span_lines_and_keep_self_and_renames() {
        let text = "pub use super::{\n    a,\n    b::{c, d::E as F},\n    g::{self, *},\n};\n\
                    pub(crate) use crate::x::y;\nuse self::z::W;";
        assert_eq!(
            uses(text),
            [
                "super::a",
                "super::b::c",
                "super::b::d::E",
                "super::g",
                "super::g::*",
                "crate::x::y",
                "self::z::W"
            ]
        );
        let renamed = &scan(text).uses[2].1;
        assert_eq!(
            renamed,
            &UsePath {
                segments: vec!["super".into(), "b".into(), "d".into(), "E".into()],
                glob: false,
                name: Some("F".into()),
            }
        );
    }

    #[test]
    fn inline_modules_and_path_attributes_are_seen() {
        let text = "#[path = \"t_tests.rs\"]\nmod tests;\nmod inner { use super::x; mod deep; }\n\
                    fn f() { super::y::g(); }";
        let s = scan(text);
        assert_eq!(
            s.mods,
            [
                (vec![], "tests".to_string(), Some("t_tests.rs".to_string())),
                (vec!["inner".to_string()], "deep".to_string(), None)
            ]
        );
        assert_eq!(uses(text), ["[inner] super::x"]);
        assert_eq!(s.paths[0].1, ["super", "y", "g"]);
        assert!(s.paths[0].0.is_empty(), "the function is outside `inner`");
    }

    fn sample() -> Crate {
        Crate::from_sources(&[
            ("", "mod a; mod b;"),
            ("a", "mod one; mod two; mod three; use two::Two;"),
            (
                "a::one",
                "use super::Two;\n#[cfg(test)]\nmod tests { use super::*; use crate::b::h; }",
            ),
            ("a::two", "pub struct Two; fn f() { crate::a::three::g(); }"),
            ("a::three", "use super::{one as first};\nfn g() {}"),
            ("b", "use crate::a::*;\nfn h() { one::x(); }"),
        ])
    }

    #[test]
    fn imports_reach_modules_through_super_crate_reexports_and_renames() {
        let krate = sample();
        let edges: Vec<String> = krate
            .imports()
            .iter()
            .filter_map(|i| siblings(&i.from, &i.to))
            .map(|(a, b)| format!("{}>{}", a.join("/"), b.join("/")))
            .collect();
        for expected in ["a/one>a/two", "a/two>a/three", "a/three>a/one", "b>a"] {
            assert!(
                edges.contains(&expected.to_string()),
                "{expected} in {edges:?}"
            );
        }
        assert!(
            !edges.contains(&"a>b".to_string()),
            "a test module's imports do not count: {edges:?}"
        );
    }

    #[test]
    fn a_two_way_import_is_named_with_both_files_and_a_longer_cycle_as_a_group() {
        let krate = sample();
        assert!(two_way_pairs(&krate.imports()).is_empty());
        assert_eq!(longer_cycles(&krate.imports()), ["a/one, a/three, a/two"]);
        let pair = Crate::from_sources(&[
            ("", "mod m;"),
            ("m", "mod p; mod q;"),
            ("m::p", "use super::q::Q;"),
            ("m::q", "fn f() { super::p::g(); }"),
        ]);
        assert_eq!(
            two_way_pairs(&pair.imports()),
            ["m/p <-> m/q  (m::p.rs: use super::q::Q; m::q.rs: super::p::g)"]
        );
    }
}
