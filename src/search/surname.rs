//! Surname readings. Many surnames are read differently from the same character in
//! ordinary words (曾 is zēng as a surname, céng in 曾经), and compound surnames
//! (欧阳, 尉迟) decide where the given name starts. The index prefers these readings
//! for the leading characters of a name; the dictionary's other readings still match,
//! ranked lower.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::hash::FxBuild;

/// Single-character surnames read differently as surnames (曾 zeng, not ceng), plus a
/// few pinned where the dictionary's first reading happens to be right today (沈 shen).
const SINGLE: &[(char, &str)] = &[
    ('曾', "zeng"),
    ('单', "shan"),
    ('解', "xie"),
    ('仇', "qiu"),
    ('区', "ou"),
    ('查', "zha"),
    ('朴', "piao"),
    ('盖', "ge"),
    ('乐', "yue"),
    ('覃', "qin"),
    ('翟', "zhai"),
    ('缪', "miao"),
    ('秘', "bi"),
    ('繁', "po"),
    ('召', "shao"),
    ('员', "yun"),
    ('种', "chong"),
    ('阚', "kan"),
    ('冼', "xian"),
    ('句', "gou"),
    ('折', "she"),
    ('柏', "bai"),
    ('薄', "bo"),
    ('宿', "su"),
    ('祭', "zhai"),
    ('车', "che"),
    ('贲', "ben"),
    ('沈', "shen"),
    ('隗', "wei"),
    ('郇', "xun"),
    ('尉', "wei"),
    ('长', "chang"),
    ('重', "chong"),
    ('朝', "chao"),
    ('能', "nai"),
    ('藏', "zang"),
    ('眭', "sui"),
    ('任', "ren"),
    ('褚', "chu"),
    ('石', "shi"),
    ('华', "hua"),
    ('万', "wan"),
    ('于', "yu"),
];

/// Compound surnames with the reading of each of their two characters.
const COMPOUND: &[(&str, [&str; 2])] = &[
    ("欧阳", ["ou", "yang"]),
    ("司马", ["si", "ma"]),
    ("上官", ["shang", "guan"]),
    ("诸葛", ["zhu", "ge"]),
    ("皇甫", ["huang", "fu"]),
    ("尉迟", ["yu", "chi"]),
    ("万俟", ["mo", "qi"]),
    ("东方", ["dong", "fang"]),
    ("夏侯", ["xia", "hou"]),
    ("令狐", ["ling", "hu"]),
    ("公孙", ["gong", "sun"]),
    ("慕容", ["mu", "rong"]),
    ("长孙", ["zhang", "sun"]),
    ("宇文", ["yu", "wen"]),
    ("司徒", ["si", "tu"]),
    ("澹台", ["tan", "tai"]),
    ("公冶", ["gong", "ye"]),
    ("太史", ["tai", "shi"]),
    ("端木", ["duan", "mu"]),
    ("申屠", ["shen", "tu"]),
    ("轩辕", ["xuan", "yuan"]),
    ("独孤", ["du", "gu"]),
    ("南宫", ["nan", "gong"]),
    ("钟离", ["zhong", "li"]),
    ("闻人", ["wen", "ren"]),
    ("司空", ["si", "kong"]),
    ("呼延", ["hu", "yan"]),
    ("西门", ["xi", "men"]),
    ("百里", ["bai", "li"]),
    ("单于", ["chan", "yu"]),
    ("乐正", ["yue", "zheng"]),
    ("拓跋", ["tuo", "ba"]),
    ("赫连", ["he", "lian"]),
    ("完颜", ["wan", "yan"]),
    ("公羊", ["gong", "yang"]),
    ("濮阳", ["pu", "yang"]),
    ("淳于", ["chun", "yu"]),
    ("仲孙", ["zhong", "sun"]),
    ("羊舌", ["yang", "she"]),
    ("第五", ["di", "wu"]),
];

/// Lookup tables built once: first two characters to compound entry, first character
/// to single entry (a linear scan per name cost a noticeable share of index builds).
struct Tables {
    compound: HashMap<(char, char), usize, FxBuild>,
    single: HashMap<char, usize, FxBuild>,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let compound = COMPOUND
            .iter()
            .enumerate()
            .map(|(i, (s, _))| {
                let mut c = s.chars();
                ((c.next().unwrap_or(' '), c.next().unwrap_or(' ')), i)
            })
            .collect();
        let single = SINGLE
            .iter()
            .enumerate()
            .map(|(i, (c, _))| (*c, i))
            .collect();
        Tables { compound, single }
    })
}

/// Index into COMPOUND of the compound surname `name` starts with.
fn compound(name: &str) -> Option<usize> {
    let mut chars = name.trim_start().chars();
    let pair = (chars.next()?, chars.next()?);
    tables().compound.get(&pair).copied()
}

/// How many leading characters of `name` are the surname: 2 for a known compound
/// surname, otherwise 1 (0 for an empty name).
pub fn surname_len(name: &str) -> usize {
    match compound(name) {
        Some(_) => 2,
        None => usize::from(!name.trim().is_empty()),
    }
}

/// A surname reading with a small id unique to its table entry (0 is never used), so
/// the index can key glyphs by `(char, id)` without comparing strings.
pub(crate) type SurnameReading = (u16, &'static str);

/// The preferred reading of each surname character, in order (none when the first
/// character has no special surname reading).
pub(crate) fn surname_readings(name: &str) -> [Option<SurnameReading>; 2] {
    if let Some(i) = compound(name) {
        let [a, b] = COMPOUND[i].1;
        let id = 1000 + 2 * i as u16;
        return [Some((id, a)), Some((id + 1, b))];
    }
    let first = name.trim_start().chars().next();
    let single = first.and_then(|c| tables().single.get(&c).copied());
    [single.map(|i| (1 + i as u16, SINGLE[i].1)), None]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compound_surnames_are_two_characters() {
        assert_eq!(surname_len("欧阳修"), 2);
        assert_eq!(surname_len("尉迟恭"), 2);
        assert_eq!(surname_len("张伟"), 1);
        assert_eq!(surname_len(""), 0);
    }

    #[test]
    fn surname_readings_follow_the_surname() {
        let texts = |name| surname_readings(name).map(|r| r.map(|(_, t)| t));
        // 国 in 曾国藩 is a given-name character: no surname reading for it.
        assert_eq!(texts("曾国藩"), [Some("zeng"), None]);
        assert_eq!(texts("万俟卨"), [Some("mo"), Some("qi")]);
        assert_eq!(texts("长孙无忌"), [Some("zhang"), Some("sun")]);
        assert_eq!(texts("李四"), [None, None]);
        let ids = |name| surname_readings(name).map(|r| r.map(|(id, _)| id));
        assert_ne!(ids("万俟卨")[0], ids("万俟卨")[1]);
        assert_ne!(ids("万俟卨")[0], ids("曾国藩")[0]);
    }
}
