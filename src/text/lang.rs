//! The user's language: Chinese when LANG/LC_ALL starts with `zh`, else English. Windows
//! sets none of these: there it is the user's display language, unless one is set.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    /// `--lang` wins; else LC_ALL, LC_MESSAGES, LANG in the order POSIX gives them; else
    /// (none set: Windows) the system's language.
    pub fn detect(flag: Option<&str>) -> Lang {
        if let Some(lang) = flag.and_then(Lang::parse) {
            return lang;
        }
        let env = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|k| std::env::var(k).ok())
            .find(|v| !v.is_empty());
        match env {
            Some(v) if v.to_ascii_lowercase().starts_with("zh") => Lang::Zh,
            Some(_) => Lang::En,
            None => Lang::system(),
        }
    }

    pub fn parse(text: &str) -> Option<Lang> {
        match text.to_ascii_lowercase().as_str() {
            "zh" | "cn" | "chinese" | "中文" => Some(Lang::Zh),
            "en" | "english" => Some(Lang::En),
            _ => None,
        }
    }

    /// The user's display language, as set in Windows' settings.
    #[cfg(windows)]
    fn system() -> Lang {
        #[link(name = "kernel32")]
        unsafe extern "system" {
            /// A LANGID; it cannot fail.
            safe fn GetUserDefaultUILanguage() -> u16;
        }
        Lang::from_langid(GetUserDefaultUILanguage())
    }

    #[cfg(not(windows))]
    fn system() -> Lang {
        Lang::En
    }

    /// A Windows LANGID: Chinese (primary language 0x04, any region) or English.
    #[cfg(any(windows, test))]
    fn from_langid(langid: u16) -> Lang {
        const LANG_CHINESE: u16 = 0x04;
        if langid & 0x3ff == LANG_CHINESE {
            Lang::Zh
        } else {
            Lang::En
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Lang;

    #[test]
    fn a_windows_language_id_is_chinese_for_every_chinese_region() {
        for (langid, lang) in [
            (0x0804, Lang::Zh), // zh-CN
            (0x0404, Lang::Zh), // zh-TW
            (0x0c04, Lang::Zh), // zh-HK
            (0x0409, Lang::En), // en-US
            (0x0411, Lang::En), // ja-JP
            (0x0000, Lang::En), // neutral
        ] {
            assert_eq!(Lang::from_langid(langid), lang, "{langid:#06x}");
        }
    }
}
