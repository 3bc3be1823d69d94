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

/// One query against one roster and the hits expected, in order.
struct Case {
    what: &'static str,
    names: &'static [&'static str],
    query: &'static str,
    expect: &'static [&'static str],
}

fn check(cases: &[Case]) {
    for case in cases {
        let people = named(case.names);
        let ix = SearchIndex::build(&people);
        let got = labels(&people, &ix.search(case.query, 50));
        assert_eq!(got, case.expect, "{}: query {:?}", case.what, case.query);
    }
}

#[test]
fn polyphonic_surnames_use_their_surname_reading() {
    check(&[
        Case {
            what: "曾 zeng",
            names: &["曾伟", "李四"],
            query: "zengwei",
            expect: &["曾伟"],
        },
        Case {
            what: "曾 zeng initials",
            names: &["曾伟"],
            query: "zw",
            expect: &["曾伟"],
        },
        Case {
            what: "曾 ceng ranks below a preferred reading",
            names: &["曾伟", "陈伟"],
            query: "c",
            expect: &["陈伟", "曾伟"],
        },
        Case {
            what: "单 shan",
            names: &["单丹", "丹单"],
            query: "shandan",
            expect: &["单丹"],
        },
        Case {
            what: "单 shan initials",
            names: &["杜丹", "单丹"],
            query: "sd",
            expect: &["单丹"],
        },
        Case {
            what: "解 xie",
            names: &["解放", "谢方"],
            query: "xiefang",
            expect: &["解放", "谢方"],
        },
        Case {
            what: "解 jie ranks below 杰",
            names: &["解放", "杰芳"],
            query: "jiefang",
            expect: &["杰芳", "解放"],
        },
        Case {
            what: "区 ou",
            names: &["区华", "欧华"],
            query: "ouhua",
            expect: &["区华", "欧华"],
        },
        Case {
            what: "区 qu ranks below 曲",
            names: &["区华", "曲华"],
            query: "quhua",
            expect: &["曲华", "区华"],
        },
        Case {
            what: "仇 qiu",
            names: &["仇明"],
            query: "qm",
            expect: &["仇明"],
        },
        Case {
            what: "查 zha",
            names: &["查良", "扎良"],
            query: "zhaliang",
            expect: &["查良", "扎良"],
        },
        Case {
            what: "朴 piao",
            names: &["朴成"],
            query: "piaocheng",
            expect: &["朴成"],
        },
        Case {
            what: "盖 ge",
            names: &["盖聂"],
            query: "gn",
            expect: &["盖聂"],
        },
        Case {
            what: "乐 yue",
            names: &["乐嘉"],
            query: "yuejia",
            expect: &["乐嘉"],
        },
        Case {
            what: "覃 qin",
            names: &["覃丽"],
            query: "qinli",
            expect: &["覃丽"],
        },
        Case {
            what: "翟 zhai",
            names: &["翟军"],
            query: "zhaijun",
            expect: &["翟军"],
        },
        Case {
            what: "缪 miao",
            names: &["缪红"],
            query: "mh",
            expect: &["缪红"],
        },
        Case {
            what: "尉迟 yuchi",
            names: &["尉迟恭", "魏池"],
            query: "yuchigong",
            expect: &["尉迟恭"],
        },
        Case {
            what: "尉迟 initials",
            names: &["尉迟恭", "魏池"],
            query: "ycg",
            expect: &["尉迟恭"],
        },
        Case {
            what: "尉迟 weichi ranks below 魏池",
            names: &["尉迟恭", "魏池刚"],
            query: "wcg",
            expect: &["魏池刚", "尉迟恭"],
        },
        Case {
            what: "万俟 moqi",
            names: &["万俟卨", "万琪"],
            query: "moqixie",
            expect: &["万俟卨"],
        },
        Case {
            what: "万俟 initials",
            names: &["万俟卨", "莫奇"],
            query: "mqx",
            expect: &["万俟卨"],
        },
        Case {
            what: "长孙 zhangsun",
            names: &["长孙无忌"],
            query: "zswj",
            expect: &["长孙无忌"],
        },
        Case {
            what: "欧阳 as one surname",
            names: &["欧阳修"],
            query: "ouyangxiu",
            expect: &["欧阳修"],
        },
    ]);
}

#[test]
fn polyphonic_given_names_match_any_reading() {
    check(&[
        Case {
            what: "长 zhang",
            names: &["李长乐"],
            query: "lizhangle",
            expect: &["李长乐"],
        },
        Case {
            what: "长 chang, 乐 yue",
            names: &["李长乐"],
            query: "lichangyue",
            expect: &["李长乐"],
        },
        Case {
            what: "initials of other readings",
            names: &["李长乐"],
            query: "lcy",
            expect: &["李长乐"],
        },
        Case {
            what: "行 hang",
            names: &["王行"],
            query: "wanghang",
            expect: &["王行"],
        },
        Case {
            what: "重 chong",
            names: &["周重"],
            query: "zhouchong",
            expect: &["周重"],
        },
        Case {
            what: "朝 zhao",
            names: &["朝阳", "王朝"],
            query: "wangzhao",
            expect: &["王朝"],
        },
        Case {
            what: "吕 lv and lu",
            names: &["吕芳"],
            query: "lufang",
            expect: &["吕芳"],
        },
    ]);
}

#[test]
fn initials_and_full_pinyin() {
    check(&[
        Case {
            what: "exact initials before their prefix",
            names: &["张伟明", "张伟", "周文"],
            query: "zw",
            expect: &["张伟", "周文", "张伟明"],
        },
        Case {
            what: "full pinyin",
            names: &["张伟明", "张伟", "周文", "章维"],
            query: "zhangwei",
            expect: &["张伟", "章维", "张伟明"],
        },
        Case {
            what: "pinyin prefix",
            names: &["张伟", "赵伟", "张三"],
            query: "zhan",
            expect: &["张伟", "张三"],
        },
        Case {
            what: "mixed initials and syllables",
            names: &["张伟", "赵伟"],
            query: "zhw",
            expect: &["张伟", "赵伟"],
        },
        Case {
            what: "syllables start where pinyin does",
            names: &["张伟", "杭州"],
            query: "hang",
            expect: &["杭州"],
        },
        Case {
            what: "fuzzy skips characters",
            names: &["张大伟", "张伟大"],
            query: "zw",
            expect: &["张伟大", "张大伟"],
        },
    ]);
}

#[test]
fn hanzi_match_from_the_first_character() {
    check(&[
        Case {
            what: "one Hanzi finds every 张",
            names: &["张三", "李四", "张伟", "王张", "章子"],
            query: "张",
            expect: &["张三", "张伟", "王张"],
        },
        Case {
            what: "given name alone",
            names: &["张伟", "李伟", "王芳"],
            query: "伟",
            expect: &["张伟", "李伟"],
        },
        Case {
            what: "Hanzi and pinyin mixed",
            names: &["张伟", "张三", "王伟"],
            query: "张w",
            expect: &["张伟"],
        },
    ]);
}

#[test]
fn exact_name_beats_everything() {
    check(&[
        Case {
            what: "exact before prefix and fuzzy",
            names: &["王小二", "王二小", "王二"],
            query: "王二",
            expect: &["王二", "王二小", "王小二"],
        },
        Case {
            what: "exact before initials of others",
            names: &["赵伟", "zw"],
            query: "zw",
            expect: &["zw", "赵伟"],
        },
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
        Case {
            what: "prefix tie",
            names: &["张伟明", "张伟", "张强", "张伟"],
            query: "张",
            expect: &["张伟", "张强", "张伟", "张伟明"],
        },
        Case {
            what: "initials tie",
            names: &["王芳", "吴风", "王小芳", "魏峰"],
            query: "wf",
            expect: &["王芳", "吴风", "魏峰", "王小芳"],
        },
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
    for typed in ["zhangwei", "张伟", "lyt 新开", "w f 书"] {
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
