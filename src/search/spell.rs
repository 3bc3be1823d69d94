//! A name's preferred spelling, as the desk clerk would type it: initials (`lyt`) and
//! full pinyin (`liyating`), with surname readings (曾 → `z`, 单 → `s`).

use super::readings::readings_of;
use super::surname::surname_readings;

/// `李雅婷` → `lyt`; `曾强` → `zq`.
pub fn initials(name: &str) -> String {
    preferred(name)
        .iter()
        .filter_map(|r| r.chars().next())
        .collect()
}

/// `李雅婷` → `liyating`; `尉迟明` → `yuchiming`.
pub fn full_pinyin(name: &str) -> String {
    preferred(name).concat()
}

fn preferred(name: &str) -> Vec<String> {
    let name = name.trim();
    let surname = surname_readings(name);
    name.chars()
        .filter(|c| !c.is_whitespace())
        .enumerate()
        .map(|(i, c)| {
            let special = surname.get(i).copied().flatten().map(|(_, r)| r);
            readings_of(c, special)
                .into_iter()
                .next()
                .unwrap_or_default()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_use_surname_readings() {
        assert_eq!(initials("李雅婷"), "lyt");
        assert_eq!(full_pinyin("李雅婷"), "liyating");
        assert_eq!(initials("曾强"), "zq");
        assert_eq!(full_pinyin("单丽"), "shanli");
        assert_eq!(full_pinyin("尉迟明"), "yuchiming");
        assert_eq!(initials("万俟娜"), "mqn");
    }
}
