//! Just enough of Rust's syntax to see what a source file imports: a tokenizer that
//! skips comments, strings and character literals, and a reader of `use` trees, `mod`
//! declarations (with `#[path]`), item names and `crate::`/`super::`/`self::` paths.

/// A token of Rust source, as far as imports care.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tok {
    Ident(String),
    /// A string literal's text (escapes left as written), for `#[path = "…"]`.
    Str(String),
    /// `::`
    PathSep,
    Punct(char),
    /// A number or character literal.
    Lit,
}

fn ident(tok: Option<&Tok>) -> Option<&str> {
    match tok {
        Some(Tok::Ident(s)) => Some(s),
        _ => None,
    }
}

/// The tokens of `text`, without comments, whitespace or lifetimes.
pub fn tokenize(text: &str) -> Vec<Tok> {
    let chars: Vec<char> = text.chars().collect();
    let mut toks = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c.is_whitespace() {
            i += 1;
        } else if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            i = skip_block_comment(&chars, i);
        } else if let Some((end, text)) = string_literal(&chars, i) {
            toks.push(Tok::Str(text));
            i = end;
        } else if c == '\'' {
            i = quote(&chars, i, &mut toks);
        } else if c == 'r' && next == Some('#') {
            // A raw identifier (raw strings were taken above).
            let (end, name) = word(&chars, i + 2);
            toks.push(Tok::Ident(name));
            i = end;
        } else if c.is_alphabetic() || c == '_' {
            let (end, name) = word(&chars, i);
            toks.push(Tok::Ident(name));
            i = end;
        } else if c.is_ascii_digit() {
            let (end, _) = word(&chars, i);
            toks.push(Tok::Lit);
            i = end;
        } else if c == ':' && next == Some(':') {
            toks.push(Tok::PathSep);
            i += 2;
        } else {
            toks.push(Tok::Punct(c));
            i += 1;
        }
    }
    toks
}

fn word(chars: &[char], from: usize) -> (usize, String) {
    let mut end = from;
    while end < chars.len() && (chars[end].is_alphanumeric() || chars[end] == '_') {
        end += 1;
    }
    (end, chars[from..end].iter().collect())
}

fn skip_block_comment(chars: &[char], from: usize) -> usize {
    let mut depth = 0;
    let mut i = from;
    while i < chars.len() {
        if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
            depth += 1;
            i += 2;
        } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
            depth -= 1;
            i += 2;
            if depth == 0 {
                return i;
            }
        } else {
            i += 1;
        }
    }
    i
}

/// A string literal starting at `from` (`"…"`, `b"…"`, `c"…"`, `r#"…"#`, `br"…"`):
/// where it ends and its text.
fn string_literal(chars: &[char], from: usize) -> Option<(usize, String)> {
    let mut i = from;
    if matches!(chars[i], 'b' | 'c') {
        i += 1;
    }
    let raw = chars.get(i) == Some(&'r');
    if raw {
        i += 1;
    }
    let mut hashes = 0;
    while raw && chars.get(i) == Some(&'#') {
        hashes += 1;
        i += 1;
    }
    if chars.get(i) != Some(&'"') {
        return None;
    }
    if from > 0 && (chars[from - 1].is_alphanumeric() || chars[from - 1] == '_') {
        return None; // the end of an identifier such as `attr"`: cannot happen, but be safe
    }
    let start = i + 1;
    let mut j = start;
    while j < chars.len() {
        if !raw && chars[j] == '\\' {
            j += 2;
            continue;
        }
        if chars[j] == '"' && (0..hashes).all(|k| chars.get(j + 1 + k) == Some(&'#')) {
            return Some((j + 1 + hashes, chars[start..j].iter().collect()));
        }
        j += 1;
    }
    Some((chars.len(), chars[start..].iter().collect()))
}

/// A character literal (`'a'`, `'\n'`, `'\u{1F600}'`) or a lifetime (`'a`) at `from`.
fn quote(chars: &[char], from: usize, toks: &mut Vec<Tok>) -> usize {
    if chars.get(from + 1) == Some(&'\\') {
        let mut j = from + 2;
        while j < chars.len() && chars[j] != '\'' {
            j += 1;
        }
        toks.push(Tok::Lit);
        return j + 1;
    }
    if chars.get(from + 2) == Some(&'\'') {
        toks.push(Tok::Lit);
        return from + 3;
    }
    // A lifetime or label: its name is not a path.
    word(chars, from + 1).0
}

/// One path a `use` declaration brings in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsePath {
    /// As written, `self` at the end of a group (`a::{self}`) dropped.
    pub segments: Vec<String>,
    /// `a::*`
    pub glob: bool,
    /// The name it is known by in the importing module (`as` or the last segment).
    pub name: Option<String>,
}

/// The `use` tree starting at `toks[*i]` (just after `use`), up to its `;`.
pub fn use_tree(toks: &[Tok], i: &mut usize) -> Vec<UsePath> {
    let mut out = Vec::new();
    if toks.get(*i) == Some(&Tok::PathSep) {
        *i += 1; // `use ::std::…`: another crate
        tree(toks, i, &mut vec!["::".into()], &mut out);
    } else {
        tree(toks, i, &mut Vec::new(), &mut out);
    }
    while *i < toks.len() && toks[*i] != Tok::Punct(';') {
        *i += 1;
    }
    out
}

fn tree(toks: &[Tok], i: &mut usize, prefix: &mut Vec<String>, out: &mut Vec<UsePath>) {
    let depth = prefix.len();
    loop {
        match toks.get(*i) {
            Some(Tok::Ident(s)) => {
                prefix.push(s.clone());
                *i += 1;
                if toks.get(*i) == Some(&Tok::PathSep) {
                    *i += 1;
                    continue;
                }
                let mut name = prefix.last().cloned();
                if ident(toks.get(*i)) == Some("as") {
                    name = ident(toks.get(*i + 1)).map(str::to_string);
                    *i += 2;
                }
                let mut segments = prefix.clone();
                if segments.len() > 1 && segments.last().map(String::as_str) == Some("self") {
                    segments.pop();
                    if name.as_deref() == Some("self") {
                        name = segments.last().cloned();
                    }
                }
                out.push(UsePath {
                    segments,
                    glob: false,
                    name,
                });
            }
            Some(Tok::Punct('*')) => {
                *i += 1;
                out.push(UsePath {
                    segments: prefix.clone(),
                    glob: true,
                    name: None,
                });
            }
            Some(Tok::Punct('{')) => {
                *i += 1;
                while !matches!(toks.get(*i), None | Some(Tok::Punct('}'))) {
                    tree(toks, i, prefix, out);
                    if toks.get(*i) == Some(&Tok::Punct(',')) {
                        *i += 1;
                    }
                }
                *i += 1;
            }
            _ => {}
        }
        break;
    }
    prefix.truncate(depth);
}

/// The path of identifiers joined by `::` starting at `toks[i]`, and where it ends.
pub fn path_at(toks: &[Tok], i: usize) -> (Vec<String>, usize) {
    let mut segments = Vec::new();
    let mut j = i;
    while let Some(name) = ident(toks.get(j)) {
        segments.push(name.to_string());
        if toks.get(j + 1) == Some(&Tok::PathSep) && ident(toks.get(j + 2)).is_some() {
            j += 2;
        } else {
            j += 1;
            break;
        }
    }
    (segments, j)
}

/// Keywords that begin an item whose name follows.
const ITEM_KEYWORDS: [&str; 9] = [
    "fn",
    "struct",
    "enum",
    "trait",
    "type",
    "const",
    "static",
    "union",
    "macro_rules",
];

/// What one module's source says, its inline modules (`mod tests { … }`) kept apart.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Scanned {
    /// Each `use` with the inline module it is in (empty: the file's own module).
    pub uses: Vec<(Vec<String>, UsePath)>,
    /// Each path in code beginning with a name followed by `::` (`crate::a::B`,
    /// `super::x::f`, `rank::score`), with the inline module it is in.
    pub paths: Vec<(Vec<String>, Vec<String>)>,
    /// `mod name;` declarations: the inline module they are in, the name, the `#[path]`.
    pub mods: Vec<(Vec<String>, String, Option<String>)>,
    /// Inline modules (`mod name { … }`), as paths below the file's module.
    pub inline: Vec<Vec<String>>,
    /// Modules declared under `#[cfg(test)]`, inline or not, as paths below the file's
    /// module.
    pub test_only: Vec<Vec<String>>,
    /// Names of items defined (functions, types, constants, macros).
    pub items: Vec<String>,
}

/// Reads `text`, the source of one file.
pub fn scan(text: &str) -> Scanned {
    let toks = tokenize(text);
    let mut out = Scanned::default();
    // The inline modules we are in, each with the brace depth it opened at.
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth = 0usize;
    let mut path_attr: Option<String> = None;
    let mut cfg_test = false;
    let mut i = 0;
    while i < toks.len() {
        let here: Vec<String> = inline.iter().map(|(n, _)| n.clone()).collect();
        match &toks[i] {
            Tok::Punct('{') => {
                depth += 1;
                cfg_test = false;
            }
            Tok::Punct(';') => cfg_test = false,
            Tok::Punct('}') => {
                depth = depth.saturating_sub(1);
                if inline.last().is_some_and(|(_, d)| *d == depth) {
                    inline.pop();
                }
            }
            Tok::Punct('#') => {
                if let Some(p) = path_attribute(&toks, i) {
                    path_attr = Some(p);
                }
                cfg_test |= is_cfg_test(&toks, i);
            }
            Tok::Ident(w) if w == "use" && toks.get(i.wrapping_sub(1)) != Some(&Tok::PathSep) => {
                i += 1;
                for u in use_tree(&toks, &mut i) {
                    out.uses.push((here.clone(), u));
                }
                continue;
            }
            Tok::Ident(w) if w == "mod" => {
                if let Some(name) = ident(toks.get(i + 1)) {
                    if cfg_test {
                        let mut m = here.clone();
                        m.push(name.into());
                        out.test_only.push(m);
                    }
                    match toks.get(i + 2) {
                        Some(Tok::Punct(';')) => {
                            out.mods.push((here.clone(), name.into(), path_attr.take()));
                        }
                        Some(Tok::Punct('{')) => {
                            let mut inner = here.clone();
                            inner.push(name.into());
                            out.inline.push(inner);
                            inline.push((name.into(), depth));
                            path_attr = None;
                        }
                        _ => {}
                    }
                }
            }
            Tok::Ident(w) if ITEM_KEYWORDS.contains(&w.as_str()) => {
                let at = if w == "macro_rules" { i + 2 } else { i + 1 };
                if let Some(name) = ident(toks.get(at)) {
                    out.items.push(name.into());
                }
            }
            Tok::Ident(_) if toks.get(i.wrapping_sub(1)) != Some(&Tok::PathSep) => {
                let (segments, end) = path_at(&toks, i);
                if segments.len() > 1 {
                    out.paths.push((here, segments));
                    i = end;
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
    out
}

/// Whether the attribute at `toks[i]` is `#[cfg(test)]`.
fn is_cfg_test(toks: &[Tok], i: usize) -> bool {
    matches!(
        &toks[i + 1..(i + 7).min(toks.len())],
        [
            Tok::Punct('['),
            Tok::Ident(cfg),
            Tok::Punct('('),
            Tok::Ident(test),
            Tok::Punct(')'),
            Tok::Punct(']'),
        ] if cfg == "cfg" && test == "test"
    )
}

/// The value of `#[path = "…"]` starting at the `#` at `toks[i]`.
fn path_attribute(toks: &[Tok], i: usize) -> Option<String> {
    match &toks[i + 1..(i + 6).min(toks.len())] {
        [
            Tok::Punct('['),
            Tok::Ident(p),
            Tok::Punct('='),
            Tok::Str(s),
            Tok::Punct(']'),
        ] if p == "path" => Some(s.clone()),
        _ => None,
    }
}
