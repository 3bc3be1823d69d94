//! The user's language: Chinese when LANG/LC_ALL starts with `zh` (on Windows, which sets
//! neither, when the user's display language is Chinese), else English.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    /// `--lang` wins; else LC_ALL, LC_MESSAGES, LANG in the order POSIX gives them; else,
    /// on Windows, the user's display language.
    pub fn detect(flag: Option<&str>) -> Lang {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|k| std::env::var(k).ok())
            .find(|v| !v.is_empty());
        Lang::choose(flag, locale.as_deref(), ui_language())
    }

    /// [`Lang::detect`]'s decision from what it read: `--lang`, the first locale variable
    /// set, and the Windows display language (a LANGID; Chinese is primary language 0x04,
    /// whatever the region).
    pub fn choose(flag: Option<&str>, locale: Option<&str>, ui_language: Option<u16>) -> Lang {
        if let Some(lang) = flag.and_then(Lang::parse) {
            return lang;
        }
        let chinese = match locale {
            Some(v) => v.to_ascii_lowercase().starts_with("zh"),
            None => ui_language.is_some_and(|id| id & 0x3ff == 0x04),
        };
        if chinese { Lang::Zh } else { Lang::En }
    }

    pub fn parse(text: &str) -> Option<Lang> {
        match text.to_ascii_lowercase().as_str() {
            "zh" | "cn" | "chinese" | "中文" => Some(Lang::Zh),
            "en" | "english" => Some(Lang::En),
            _ => None,
        }
    }
}

/// The user's display language on Windows (Windows sets no LANG).
#[cfg(windows)]
fn ui_language() -> Option<u16> {
    // SAFETY: GetUserDefaultUILanguage takes no arguments and only reads a setting.
    Some(unsafe { windows_sys::Win32::Globalization::GetUserDefaultUILanguage() })
}

/// Elsewhere the locale variables are the user's setting.
#[cfg(not(windows))]
fn ui_language() -> Option<u16> {
    None
}

#[cfg(test)]
mod tests {
    use super::Lang;

    /// zh-CN 0x0804, zh-TW 0x0404, en-US 0x0409, de-DE 0x0407.
    #[test]
    fn windows_display_language_decides_only_when_no_locale_variable_is_set() {
        assert_eq!(Lang::choose(None, None, Some(0x0804)), Lang::Zh);
        assert_eq!(Lang::choose(None, None, Some(0x0404)), Lang::Zh);
        assert_eq!(Lang::choose(None, None, Some(0x0409)), Lang::En);
        assert_eq!(Lang::choose(None, None, Some(0x0407)), Lang::En);
        assert_eq!(Lang::choose(None, None, None), Lang::En);
        assert_eq!(Lang::choose(None, Some("C.UTF-8"), Some(0x0804)), Lang::En);
        assert_eq!(
            Lang::choose(None, Some("zh_CN.UTF-8"), Some(0x0409)),
            Lang::Zh
        );
        assert_eq!(Lang::choose(Some("en"), None, Some(0x0804)), Lang::En);
        assert_eq!(Lang::choose(Some("zh"), Some("C"), None), Lang::Zh);
    }
}
