//! The machinery of the catalogue: the `catalogue!` macro that declares a section,
//! the [`Entry`] trait every section implements, and named-argument filling.

use std::fmt::Display;

use super::Lang;

/// One entry of a section: its two texts, its name and its section's entries (for the
/// tests, and for refusals that keep an entry to word later).
pub trait Entry: Copy + std::fmt::Debug + 'static {
    /// (Chinese, English).
    fn pair(self) -> (&'static str, &'static str);
    fn name(self) -> &'static str;
    fn all() -> &'static [Self];

    /// The text in `lang`, placeholders unfilled.
    fn get(self, lang: Lang) -> &'static str {
        let (zh, en) = self.pair();
        match lang {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// A named argument: `Arg("count", &12)` fills `{count}`.
pub struct Arg<'a>(pub &'static str, pub &'a dyn Display);

/// `template` with each `{name}` replaced by the argument of that name. `{{` and `}}` are
/// literal braces. A placeholder without an argument is left as it is (and fails the
/// tests that show the message), never silently dropped.
pub fn fill(template: &str, args: &[Arg<'_>]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find(['{', '}']) {
        out.push_str(&rest[..open]);
        let tail = &rest[open..];
        if tail.starts_with("{{") || tail.starts_with("}}") {
            out.push_str(&tail[..1]);
            rest = &tail[2..];
            continue;
        }
        match (tail.starts_with('{'), tail.find('}')) {
            (true, Some(close)) => {
                let key = &tail[1..close];
                match args.iter().find(|a| a.0 == key) {
                    Some(arg) => out.push_str(&arg.1.to_string()),
                    None => out.push_str(&tail[..=close]),
                }
                rest = &tail[close + 1..];
            }
            _ => {
                out.push_str(&tail[..1]);
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Declares one section of the catalogue: an enum whose variants are its entries.
macro_rules! catalogue {
    (
        $(#[$meta:meta])*
        pub enum $section:ident {
            $($id:ident => $zh:literal, $en:literal;)*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $section { $($id),* }

        impl $section {
            /// The text in `lang`, placeholders unfilled.
            pub fn get(self, lang: $crate::text::Lang) -> &'static str {
                $crate::text::Entry::get(self, lang)
            }
        }

        impl $crate::text::Entry for $section {
            fn pair(self) -> (&'static str, &'static str) {
                match self { $($section::$id => ($zh, $en)),* }
            }
            fn name(self) -> &'static str {
                match self { $($section::$id => stringify!($id)),* }
            }
            fn all() -> &'static [Self] {
                &[$($section::$id),*]
            }
        }
    };
}
