//! The crate's module tree read from `mod` declarations (from `lib.rs` down, `mod.rs`
//! and file modules, `#[path]`), and every import resolved to the module it reaches,
//! following `use` re-exports (`super::Query` reaches `search::query`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use super::source::{Scanned, UsePath, scan};

/// A module's path below the crate root (`["search", "query"]`); the root is empty.
pub type ModPath = Vec<String>;

pub struct Crate {
    /// Each file module: its source file and what it says.
    pub files: BTreeMap<ModPath, (PathBuf, Scanned)>,
    /// Every module, inline ones (`tests`) included.
    pub modules: BTreeSet<ModPath>,
    /// Modules compiled only for tests (`#[cfg(test)] mod tests;`), whose imports do
    /// not count: a test may reach anywhere for its data.
    pub test_only: BTreeSet<ModPath>,
}

/// One import: the file it is in, the module it is written in, the path as written and
/// the module it reaches.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Import {
    pub file: PathBuf,
    pub from: ModPath,
    pub written: String,
    pub to: ModPath,
}

impl Crate {
    /// The crate whose root is `root` (`src/lib.rs`).
    pub fn read(root: &Path) -> Crate {
        let mut krate = Crate {
            files: BTreeMap::new(),
            modules: BTreeSet::new(),
            test_only: BTreeSet::new(),
        };
        krate.add_file(root, Vec::new(), root.parent().unwrap().to_path_buf());
        krate
    }

    /// The crate made of `(module path, source)` pairs, for testing the reader.
    pub fn from_sources(sources: &[(&str, &str)]) -> Crate {
        let mut krate = Crate {
            files: BTreeMap::new(),
            modules: BTreeSet::new(),
            test_only: BTreeSet::new(),
        };
        for (path, text) in sources {
            let module: ModPath = path
                .split("::")
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect();
            let scanned = scan(text);
            krate.add_inline(&module, &scanned);
            krate
                .files
                .insert(module, (PathBuf::from(format!("{path}.rs")), scanned));
        }
        krate
    }

    /// Reads `file`, the module `module` whose child modules live in `dir`.
    fn add_file(&mut self, file: &Path, module: ModPath, dir: PathBuf) {
        let text = std::fs::read_to_string(file)
            .unwrap_or_else(|e| panic!("{} cannot be read: {e}", file.display()));
        let scanned = scan(&text);
        self.add_inline(&module, &scanned);
        for (inline, name, path_attr) in &scanned.mods {
            let mut child = module.clone();
            child.extend(inline.iter().cloned());
            child.push(name.clone());
            let mut child_dir = dir.clone();
            child_dir.extend(inline);
            let (child_file, grandchildren) = match path_attr {
                Some(p) => {
                    let f = file.parent().unwrap().join(p);
                    let d = f.with_extension("");
                    (f, d)
                }
                None => {
                    let flat = child_dir.join(format!("{name}.rs"));
                    if flat.exists() {
                        (flat, child_dir.join(name))
                    } else {
                        (child_dir.join(name).join("mod.rs"), child_dir.join(name))
                    }
                }
            };
            self.add_file(&child_file, child, grandchildren);
        }
        self.files.insert(module, (file.to_path_buf(), scanned));
    }

    fn add_inline(&mut self, module: &ModPath, scanned: &Scanned) {
        self.modules.insert(module.clone());
        for (inline, name, _) in &scanned.mods {
            let mut child = module.clone();
            child.extend(inline.iter().cloned());
            child.push(name.clone());
            self.modules.insert(child);
        }
        for inline in &scanned.inline {
            let mut m = module.clone();
            m.extend(inline.iter().cloned());
            self.modules.insert(m);
        }
        for test in &scanned.test_only {
            let mut m = module.clone();
            m.extend(test.iter().cloned());
            self.test_only.insert(m);
        }
    }

    fn is_child(&self, parent: &[String], name: &str) -> bool {
        let mut child = parent.to_vec();
        child.push(name.to_string());
        self.modules.contains(&child)
    }

    /// Where `segments`, written in module `at`, points: a path below the crate root,
    /// or `None` for another crate (`std::…`, `ratatui::…`) or a local name.
    fn absolute(&self, at: &[String], segments: &[String]) -> Option<ModPath> {
        let mut base: ModPath = at.to_vec();
        let mut rest = segments;
        match rest.first().map(String::as_str) {
            Some("crate") => {
                base.clear();
                rest = &rest[1..];
            }
            Some("self") => rest = &rest[1..],
            Some("super") => {
                while rest.first().map(String::as_str) == Some("super") {
                    base.pop()?;
                    rest = &rest[1..];
                }
            }
            Some(first) if self.is_child(at, first) => {}
            Some(first) => {
                // A name brought in by a `use` of this module (`use super::rank;` then
                // `rank::score`), else another crate.
                let used = self.use_named(at, first)?;
                let mut whole = used;
                whole.extend(rest[1..].iter().cloned());
                return Some(whole);
            }
            None => return None,
        }
        base.extend(rest.iter().cloned());
        Some(base)
    }

    /// The absolute path that the name `name` stands for in module `at` through one of
    /// its `use` declarations.
    fn use_named(&self, at: &[String], name: &str) -> Option<ModPath> {
        let (file_module, inline) = self.file_of(at)?;
        let (_, scanned) = &self.files[&file_module];
        scanned
            .uses
            .iter()
            .filter(|(m, u)| *m == inline && !u.glob && u.name.as_deref() == Some(name))
            .find_map(|(_, u)| {
                if u.segments.first().map(String::as_str) == Some(name) {
                    None // `use name::…` itself: not a local name
                } else {
                    self.absolute(at, &u.segments)
                }
            })
    }

    /// The file module holding module `at` and the inline modules below it.
    fn file_of(&self, at: &[String]) -> Option<(ModPath, Vec<String>)> {
        (0..=at.len())
            .rev()
            .find(|n| self.files.contains_key(&at[..*n]))
            .map(|n| (at[..n].to_vec(), at[n..].to_vec()))
    }

    /// The module a crate path reaches: its longest prefix that is a module, after
    /// following the `use` declarations that name its next segment (re-exports and
    /// the private imports a child sees through `super::`).
    pub fn module_of(&self, path: &[String]) -> ModPath {
        let mut path = path.to_vec();
        for _ in 0..16 {
            let n = (0..=path.len())
                .rev()
                .find(|n| self.modules.contains(&path[..*n]))
                .unwrap_or(0);
            let (module, rest) = path.split_at(n);
            let Some(next) = rest.first() else {
                return module.to_vec();
            };
            match self.through_use(module, next) {
                Some(mut target) if !target.starts_with(module) || target.len() > n + 1 => {
                    target.extend(rest[1..].iter().cloned());
                    path = target;
                }
                _ => return module.to_vec(),
            }
        }
        path
    }

    /// Where the name `name` of module `module` comes from, when a `use` in it
    /// brought it in (by name or through a glob whose module defines it).
    fn through_use(&self, module: &[String], name: &str) -> Option<ModPath> {
        if let Some(target) = self.use_named(module, name) {
            return Some(target);
        }
        let (file_module, inline) = self.file_of(module)?;
        let (_, scanned) = &self.files[&file_module];
        for (_, u) in scanned.uses.iter().filter(|(m, u)| *m == inline && u.glob) {
            let Some(source) = self.absolute(module, &u.segments) else {
                continue;
            };
            if source == module {
                continue;
            }
            let defines = self.is_child(&source, name)
                || self
                    .files
                    .get(&source)
                    .is_some_and(|(_, s)| s.items.iter().any(|i| i == name));
            if defines {
                let mut target = source;
                target.push(name.to_string());
                return Some(target);
            }
        }
        None
    }

    /// Whether `module` is compiled only for tests.
    pub fn is_test_only(&self, module: &[String]) -> bool {
        (0..=module.len()).any(|n| self.test_only.contains(&module[..n]))
    }

    /// Every import of the crate outside test-only modules: `use` declarations and
    /// paths in code.
    pub fn imports(&self) -> Vec<Import> {
        let mut out = Vec::new();
        for (module, (file, scanned)) in &self.files {
            let uses = scanned
                .uses
                .iter()
                .map(|(m, u)| (m, use_text(u), &u.segments));
            let paths = scanned.paths.iter().map(|(m, p)| (m, p.join("::"), p));
            for (inline, written, segments) in uses.chain(paths) {
                let mut from = module.clone();
                from.extend(inline.iter().cloned());
                if self.is_test_only(&from) {
                    continue;
                }
                let Some(absolute) = self.absolute(&from, segments) else {
                    continue;
                };
                out.push(Import {
                    file: file.clone(),
                    from,
                    written,
                    to: self.module_of(&absolute),
                });
            }
        }
        out.sort();
        out.dedup();
        out
    }
}

fn use_text(u: &UsePath) -> String {
    let mut text = format!("use {}", u.segments.join("::"));
    if u.glob {
        text.push_str("::*");
    }
    text
}

/// `["cli", "args"]` as `cli/args`, the root as `crate`.
pub fn show(module: &[String]) -> String {
    if module.is_empty() {
        "crate".into()
    } else {
        module.join("/")
    }
}

/// For an import from `from` to `to`: the two children of their deepest common
/// module that hold them, when they are in different ones (an import between
/// siblings or their descendants).
pub fn siblings(from: &[String], to: &[String]) -> Option<(ModPath, ModPath)> {
    let common = from.iter().zip(to).take_while(|(a, b)| a == b).count();
    if common < from.len() && common < to.len() {
        Some((from[..=common].to_vec(), to[..=common].to_vec()))
    } else {
        None
    }
}
