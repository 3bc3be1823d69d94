//! Table-driven tests of the search engine: what a query finds and in which order.

use lunxun::domain::{Person, PersonId};
use lunxun::search::{Hit, MatchTier, SearchIndex, Searcher, surname_len};

/// A roster entry: name, unit, township, county, position.
type Row = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

fn person(i: usize, row: &Row) -> Person {
    let mut p = Person::named(PersonId(format!("p{i:03}")), row.0);
    p.unit = row.1.into();
    p.township = row.2.into();
    p.county = row.3.into();
    p.position = row.4.into();
    p
}

fn roster(rows: &[Row]) -> Vec<Person> {
    rows.iter().enumerate().map(|(i, r)| person(i, r)).collect()
}

fn named(names: &[&'static str]) -> Vec<Person> {
    let rows: Vec<Row> = names.iter().map(|n| (*n, "", "", "", "")).collect();
    roster(&rows)
}

/// Hits as `name@unit` (or just the name when the unit is empty), best first.
fn labels(people: &[Person], hits: &[Hit]) -> Vec<String> {
    hits.iter()
        .map(|h| {
            let p = &people[h.index];
            if p.unit.is_empty() {
                p.name.clone()
            } else {
                format!("{}@{}", p.name, p.unit)
            }
        })
        .collect()
}

/// What is tested, the roster's names, the query, and the hits expected in order.
type Case = (
    &'static str,
    &'static [&'static str],
    &'static str,
    &'static [&'static str],
);

fn check(cases: &[Case]) {
    for &(what, names, query, expect) in cases {
        let people = named(names);
        let ix = SearchIndex::build(&people);
        let got = labels(&people, &ix.search(query, 50));
        assert_eq!(got, expect, "{what}: query {query:?}");
    }
}

#[test]
fn polyphonic_surnames_use_their_surname_reading() {
    check(&[
        ("曾 zeng", &["曾伟", "李四"], "zengwei", &["曾伟"]),
        ("曾 zeng initials", &["曾伟"], "zw", &["曾伟"]),
        (
            "曾 ceng ranks below a preferred reading",
            &["曾伟", "陈伟"],
            "c",
            &["陈伟", "曾伟"],
        ),
        ("单 shan", &["单丹", "丹单"], "shandan", &["单丹"]),
        ("单 shan initials", &["杜丹", "单丹"], "sd", &["单丹"]),
        ("解 xie", &["解放", "谢方"], "xiefang", &["解放", "谢方"]),
        (
            "解 jie ranks below 杰",
            &["解放", "杰芳"],
            "jiefang",
            &["杰芳", "解放"],
        ),
        ("区 ou", &["区华", "欧华"], "ouhua", &["区华", "欧华"]),
        (
            "区 qu ranks below 曲",
            &["区华", "曲华"],
            "quhua",
            &["曲华", "区华"],
        ),
        ("仇 qiu", &["仇明"], "qm", &["仇明"]),
        ("查 zha", &["查良", "扎良"], "zhaliang", &["查良", "扎良"]),
        ("朴 piao", &["朴成"], "piaocheng", &["朴成"]),
        ("盖 ge", &["盖聂"], "gn", &["盖聂"]),
        ("乐 yue", &["乐嘉"], "yuejia", &["乐嘉"]),
        ("覃 qin", &["覃丽"], "qinli", &["覃丽"]),
        ("翟 zhai", &["翟军"], "zhaijun", &["翟军"]),
        ("缪 miao", &["缪红"], "mh", &["缪红"]),
        ("尉迟 yuchi", &["尉迟恭", "魏池"], "yuchigong", &["尉迟恭"]),
        ("尉迟 initials", &["尉迟恭", "魏池"], "ycg", &["尉迟恭"]),
        (
            "尉迟 weichi ranks below 魏池",
            &["尉迟恭", "魏池刚"],
            "wcg",
            &["魏池刚", "尉迟恭"],
        ),
        ("万俟 moqi", &["万俟卨", "万琪"], "moqixie", &["万俟卨"]),
        ("万俟 initials", &["万俟卨", "莫奇"], "mqx", &["万俟卨"]),
        ("长孙 zhangsun", &["长孙无忌"], "zswj", &["长孙无忌"]),
        ("欧阳 as one surname", &["欧阳修"], "ouyangxiu", &["欧阳修"]),
    ]);
}

#[test]
fn polyphonic_given_names_match_any_reading() {
    check(&[
        ("长 zhang", &["李长乐"], "lizhangle", &["李长乐"]),
        ("长 chang, 乐 yue", &["李长乐"], "lichangyue", &["李长乐"]),
        (
            "initials of other readings",
            &["李长乐"],
            "lcy",
            &["李长乐"],
        ),
        ("行 hang", &["王行"], "wanghang", &["王行"]),
        ("重 chong", &["周重"], "zhouchong", &["周重"]),
        ("朝 zhao", &["朝阳", "王朝"], "wangzhao", &["王朝"]),
        ("吕 lv and lu", &["吕芳"], "lufang", &["吕芳"]),
    ]);
}

#[test]
fn initials_and_full_pinyin() {
    check(&[
        (
            "exact initials before their prefix",
            &["张伟明", "张伟", "周文"],
            "zw",
            &["张伟", "周文", "张伟明"],
        ),
        (
            "full pinyin",
            &["张伟明", "张伟", "周文", "章维"],
            "zhangwei",
            &["张伟", "章维", "张伟明"],
        ),
        (
            "pinyin prefix",
            &["张伟", "赵伟", "张三"],
            "zhan",
            &["张伟", "张三"],
        ),
        (
            "mixed initials and syllables",
            &["张伟", "赵伟"],
            "zhw",
            &["张伟", "赵伟"],
        ),
        (
            "syllables start where pinyin does",
            &["张伟", "杭州"],
            "hang",
            &["杭州"],
        ),
        (
            "fuzzy skips characters",
            &["张大伟", "张伟大"],
            "zw",
            &["张伟大", "张大伟"],
        ),
    ]);
}

/// Pinyin input methods take `zh`, `ch` and `sh` as one initial and let full syllables
/// and initials mix: each of these spells the whole name (tier `Full`), while a query
/// that leaves characters over or stops inside a syllable is a `Prefix`.
#[test]
fn zh_ch_sh_initials_and_mixed_spellings_spell_the_whole_name() {
    use MatchTier::{Full, Prefix};
    let cases: &[(&str, &str, MatchTier)] = &[
        ("zhw", "张伟", Full),
        ("zhw", "周惠文", Full),
        ("chj", "陈杰", Full),
        ("shxm", "沈小明", Full),
        ("sxm", "孙小明", Full),
        ("zhangw", "张伟", Full),
        ("zwei", "张伟", Full),
        ("zhwei", "张伟", Full),
        ("zhangwm", "张伟明", Full),
        ("chjming", "陈杰明", Full),
        ("lzh", "李志", Full),
        ("lizh", "李志", Full),
        ("zhw", "张伟明", Prefix),
        ("zhan", "张伟", Prefix),
        ("zhangwe", "张伟", Prefix),
    ];
    for &(query, name, tier) in cases {
        let people = named(&[name]);
        let hits = SearchIndex::build(&people).search(query, 5);
        assert_eq!(hits.len(), 1, "{query:?} finds {name}");
        assert_eq!(hits[0].tier, tier, "{query:?} for {name}");
    }
    check(&[
        (
            "zh-w and z-h-w alike, then longer names",
            &["张伟明", "周惠文", "祖伟", "张伟"],
            "zhw",
            &["张伟", "周惠文", "张伟明"],
        ),
        (
            "ch-j before a prefix",
            &["陈杰明", "曹华军", "陈杰"],
            "chj",
            &["陈杰", "曹华军", "陈杰明"],
        ),
    ]);
}

/// On a generated 100k register (the benchmark's seed), `query` lists every person
/// named `name` among the names it spells whole, before any longer or partial match;
/// names it spells whole with more characters (周惠文 for `zhw`) share their tier.
fn spelt_whole_first(people: &[Person], ix: &SearchIndex, query: &str, name: &str) {
    let hits = ix.search(query, people.len());
    let chars = |h: &Hit| people[h.index].name.chars().count();
    let named: Vec<usize> = (0..hits.len())
        .filter(|&i| people[hits[i].index].name == name)
        .collect();
    let expected = people.iter().filter(|p| p.name == name).count();
    assert!(expected > 0, "the register has {name}");
    assert_eq!(named.len(), expected, "{query:?} lists every {name}");
    let last = named[named.len() - 1];
    let score = hits[named[0]].score;
    for h in &hits[..=last] {
        let who = &people[h.index].name;
        assert_eq!(h.tier, MatchTier::Full, "{query:?}: {who} before {name}");
        assert_eq!(h.score, score, "{query:?}: {who} scored like {name}");
        assert_eq!(
            chars(h),
            name.chars().count(),
            "{query:?}: {who} before {name}"
        );
    }
    assert!(
        named[0] < 50,
        "{query:?}: the first page shows {name} (first at {})",
        named[0]
    );
    let full = hits.iter().filter(|h| h.tier == MatchTier::Full).count();
    eprintln!(
        "{query}: {} hits, {full} spelt whole, {name} x{expected} at {}..={last}",
        hits.len(),
        named[0]
    );
}

#[test]
fn zh_ch_sh_queries_find_the_name_first_in_a_100k_register() {
    let people = lunxun::demo::generate_register(100_000, 2024);
    let ix = SearchIndex::build(&people);
    for (query, name) in [
        ("zhw", "张伟"),
        ("chj", "陈杰"),
        ("zhangw", "张伟"),
        ("zwei", "张伟"),
        ("zhwei", "张伟"),
    ] {
        spelt_whole_first(&people, &ix, query, name);
    }
    let hits = ix.search("zhw", people.len());
    let three = hits
        .iter()
        .find(|h| people[h.index].name.chars().count() == 3)
        .expect("a three-character name read z-h-w");
    assert_eq!(three.tier, MatchTier::Full, "{}", people[three.index].name);
    assert_eq!(three.score, hits[0].score, "{}", people[three.index].name);
}

#[test]
fn hanzi_match_from_the_first_character() {
    check(&[
        (
            "one Hanzi finds every 张",
            &["张三", "李四", "张伟", "王张", "章子"],
            "张",
            &["张三", "张伟", "王张"],
        ),
        (
            "given name alone",
            &["张伟", "李伟", "王芳"],
            "伟",
            &["张伟", "李伟"],
        ),
        (
            "Hanzi and pinyin mixed",
            &["张伟", "张三", "王伟"],
            "张w",
            &["张伟"],
        ),
    ]);
}

#[test]
fn exact_name_beats_everything() {
    check(&[
        (
            "exact before prefix and fuzzy",
            &["王小二", "王二小", "王二"],
            "王二",
            &["王二", "王二小", "王小二"],
        ),
        (
            "exact before initials of others",
            &["赵伟", "zw"],
            "zw",
            &["zw", "赵伟"],
        ),
    ]);
    let people = roster(&[
        ("张伟明", "张伟村", "", "", ""),
        ("张伟", "", "", "", ""),
        ("伟张", "", "", "", ""),
    ]);
    let ix = SearchIndex::build(&people);
    let hits = ix.search("张伟", 10);
    assert_eq!(hits[0].index, 1);
    assert_eq!(hits[0].tier, MatchTier::Exact);
    assert!(hits[1..].iter().all(|h| h.score < hits[0].score));
}

#[test]
fn people_with_the_same_name_are_all_listed() {
    let people = roster(&[
        (
            "张伟",
            "荣家湾镇新开村",
            "荣家湾镇",
            "岳阳县",
            "村党组织书记",
        ),
        ("李四", "", "", "", ""),
        ("张伟", "月田镇张谷村", "月田镇", "岳阳县", "村党组织书记"),
        ("张伟明", "", "", "", ""),
        ("张伟", "梅溪乡梅溪村", "梅溪乡", "华容县", "村党组织书记"),
    ]);
    let ix = SearchIndex::build(&people);
    let got = labels(&people, &ix.search("张伟", 10));
    assert_eq!(
        got,
        [
            "张伟@荣家湾镇新开村",
            "张伟@月田镇张谷村",
            "张伟@梅溪乡梅溪村",
            "张伟明"
        ]
    );
}

#[test]
fn all_terms_must_match_each_on_any_field() {
    let people = roster(&[
        (
            "李雅婷",
            "荣家湾镇新开村",
            "荣家湾镇",
            "岳阳县",
            "村党组织书记",
        ),
        ("李雅婷", "月田镇张谷村", "月田镇", "岳阳县", "村党组织书记"),
        (
            "刘玉涛",
            "荣家湾镇新开村",
            "荣家湾镇",
            "岳阳县",
            "村党组织书记",
        ),
        (
            "王芳",
            "荣家湾镇新开村",
            "荣家湾镇",
            "岳阳县",
            "村党组织书记",
        ),
    ]);
    let ix = SearchIndex::build(&people);
    let cases: &[(&str, &[&str])] = &[
        (
            "lyt 新开",
            &["李雅婷@荣家湾镇新开村", "刘玉涛@荣家湾镇新开村"],
        ),
        (
            "新开 lyt",
            &["李雅婷@荣家湾镇新开村", "刘玉涛@荣家湾镇新开村"],
        ),
        ("李雅婷 张谷", &["李雅婷@月田镇张谷村"]),
        ("lyt 新开 王", &[]),
        ("wf 岳阳县 书记", &["王芳@荣家湾镇新开村"]),
    ];
    for (query, expect) in cases {
        assert_eq!(
            labels(&people, &ix.search(query, 10)),
            *expect,
            "query {query:?}"
        );
    }
}

#[test]
fn unit_township_county_and_position_match_as_substrings() {
    let people = roster(&[
        ("甲", "荣家湾镇新开村", "荣家湾镇", "岳阳县", "村党组织书记"),
        (
            "乙",
            "洞庭街道湖滨社区",
            "洞庭街道",
            "岳阳楼区",
            "社区党组织书记",
        ),
        ("丙", "华容县人民医院", "", "华容县", "党支部书记"),
    ]);
    let ix = SearchIndex::build(&people);
    let cases: &[(&str, &[&str])] = &[
        ("新开", &["甲@荣家湾镇新开村"]),
        ("荣家湾", &["甲@荣家湾镇新开村"]),
        ("岳阳", &["甲@荣家湾镇新开村", "乙@洞庭街道湖滨社区"]),
        ("华容县", &["丙@华容县人民医院"]),
        ("社区党组织", &["乙@洞庭街道湖滨社区"]),
        (
            "书记",
            &[
                "甲@荣家湾镇新开村",
                "乙@洞庭街道湖滨社区",
                "丙@华容县人民医院",
            ],
        ),
        ("新村", &[]),
    ];
    for (query, expect) in cases {
        let hits = ix.search(query, 10);
        assert_eq!(labels(&people, &hits), *expect, "query {query:?}");
        assert!(
            hits.iter()
                .all(|h| h.tier == MatchTier::Field && h.name_highlight.is_empty())
        );
    }
}

#[test]
fn name_matches_rank_above_field_matches() {
    let people = roster(&[
        ("李四", "张谷村", "", "", ""),
        ("王张", "", "", "", ""),
        ("张三", "", "", "", ""),
    ]);
    let ix = SearchIndex::build(&people);
    assert_eq!(
        labels(&people, &ix.search("张", 10)),
        ["张三", "王张", "李四@张谷村"]
    );
}

#[test]
fn queries_are_case_and_width_insensitive() {
    let people = named(&["张伟", "周文", "张伟明", "Anna"]);
    let ix = SearchIndex::build(&people);
    let lower = ix.search("zw", 10);
    for query in ["ZW", "Zw", "ｚｗ", "ＺＷ", " zw "] {
        assert_eq!(ix.search(query, 10), lower, "query {query:?}");
    }
    assert_eq!(ix.search("ZhangWei", 10), ix.search("zhangwei", 10));
    assert_eq!(ix.search("zhāngwěi", 10), ix.search("zhangwei", 10));
    assert_eq!(labels(&people, &ix.search("aNNA", 10)), ["Anna"]);
    assert_eq!(ix.search("aNNA", 10)[0].tier, MatchTier::Exact);
}

#[test]
fn empty_queries_find_nobody() {
    let people = named(&["张伟"]);
    let ix = SearchIndex::build(&people);
    for query in ["", " ", "\u{3000}", "\t\n"] {
        assert!(ix.search(query, 10).is_empty(), "query {query:?}");
    }
    assert!(ix.search("张", 0).is_empty());
}

#[test]
fn ties_go_to_the_shorter_name_then_roster_order() {
    check(&[
        (
            "prefix tie",
            &["张伟明", "张伟", "张强", "张伟"],
            "张",
            &["张伟", "张强", "张伟", "张伟明"],
        ),
        (
            "initials tie",
            &["王芳", "吴风", "王小芳", "魏峰"],
            "wf",
            &["王芳", "吴风", "魏峰", "王小芳"],
        ),
    ]);
}

#[test]
fn highlights_mark_the_matched_characters() {
    let people = named(&["张大伟", "欧阳修"]);
    let ix = SearchIndex::build(&people);
    let cases: &[(&str, &[usize])] = &[
        ("张大伟", &[0, 1, 2]),
        ("zw", &[0, 2]),
        ("伟", &[2]),
        ("oyx", &[0, 1, 2]),
        ("xiu", &[2]),
    ];
    for (query, expect) in cases {
        assert_eq!(
            ix.search(query, 1)[0].name_highlight,
            *expect,
            "query {query:?}"
        );
    }
}

#[test]
fn compound_surnames_are_two_characters() {
    assert_eq!(surname_len("欧阳修"), 2);
    assert_eq!(surname_len("万俟卨"), 2);
    assert_eq!(surname_len("尉迟恭"), 2);
    assert_eq!(surname_len("诸葛亮"), 2);
    assert_eq!(surname_len("曾国藩"), 1);
}

#[test]
fn exact_names_lead_on_a_generated_register() {
    let people = lunxun::demo::generate_register(3000, 11);
    let ix = SearchIndex::build(&people);
    for p in people.iter().step_by(97) {
        let hits = ix.search(&p.name, 3000);
        let same = people.iter().filter(|q| q.name == p.name).count();
        assert!(same >= 1);
        assert!(
            hits[..same].iter().all(|h| people[h.index].name == p.name),
            "{}",
            p.name
        );
        assert!(
            hits[same..].iter().all(|h| people[h.index].name != p.name),
            "{}",
            p.name
        );
    }
}

#[test]
fn typing_narrows_to_the_same_results_as_searching_afresh() {
    let people = lunxun::demo::generate_register(3000, 5);
    let ix = SearchIndex::build(&people);
    let mut searcher = Searcher::new(&ix);
    for typed in [
        "zhangwei",
        "张伟",
        "lyt 新开",
        "w f 书",
        "zhwei",
        "chj 新",
        "zwei",
    ] {
        let chars: Vec<char> = typed.chars().collect();
        for end in 1..=chars.len() {
            let query: String = chars[..end].iter().collect();
            assert_eq!(
                searcher.search(&query, 20),
                ix.search(&query, 20),
                "query {query:?}"
            );
        }
    }
}

#[test]
fn surname_reading_scores_above_the_common_reading() {
    let people = named(&["曾伟"]);
    let ix = SearchIndex::build(&people);
    let zeng = &ix.search("zengwei", 5)[0];
    let ceng = &ix.search("cengwei", 5)[0];
    assert_eq!((zeng.tier, ceng.tier), (MatchTier::Full, MatchTier::Full));
    assert!(zeng.score > ceng.score, "{} vs {}", zeng.score, ceng.score);
}
