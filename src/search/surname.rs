//! Surname readings. Many surnames are read differently from the same character in
//! ordinary words (曾 is zēng as a surname, céng in 曾经), and compound surnames
//! (欧阳, 尉迟) decide where the given name starts. The index prefers these readings
//! for the leading characters of a name; the dictionary's other readings still match,
//! ranked lower.

/// Single-character surnames whose surname reading is not the dictionary's first one.
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

/// How many leading characters of `name` are the surname: 2 for a known compound
/// surname, otherwise 1 (0 for an empty name).
pub fn surname_len(name: &str) -> usize {
    let name = name.trim_start();
    if COMPOUND.iter().any(|(s, _)| name.starts_with(s)) {
        2
    } else {
        usize::from(!name.is_empty())
    }
}

/// The preferred reading of each surname character, in order (empty when the first
/// character has no special surname reading).
pub(crate) fn surname_readings(name: &str) -> Vec<&'static str> {
    let name = name.trim_start();
    if let Some((_, readings)) = COMPOUND.iter().find(|(s, _)| name.starts_with(s)) {
        return readings.to_vec();
    }
    let first = name.chars().next();
    SINGLE
        .iter()
        .find(|(c, _)| Some(*c) == first)
        .map(|(_, r)| vec![*r])
        .unwrap_or_default()
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
        assert_eq!(surname_readings("曾国藩"), ["zeng"]);
        assert_eq!(surname_readings("万俟卨"), ["mo", "qi"]);
        assert_eq!(surname_readings("长孙无忌"), ["zhang", "sun"]);
        assert!(surname_readings("李四").is_empty());
        // 国 in 曾国藩 is a given-name character: no surname reading for it.
        assert_eq!(surname_readings("曾国藩").len(), 1);
    }
}
