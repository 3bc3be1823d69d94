//! Reading and matching rows, tested on text made here: the property that importing a
//! file twice is importing it once, its shrunk counterexamples from development, and
//! the per-row rules (padded names, implied fields, Excel's numbers, line breaks).

use proptest::prelude::*;

use crate::domain::person::id_number_check;
use crate::domain::{Field, Person, PersonId};

use super::{Column, ImportOptions, ImportPlan, RowProblem, plan, read};

fn valid_id(seed: u32) -> String {
    let body = format!("43060219{:09}", 800_101_000 + seed);
    let check = id_number_check(&body).expect("17 digits");
    format!("{body}{check}")
}

/// People as counties list them: two 张伟 in one community, one 张伟 elsewhere.
/// Columns: name, unit, phone, ID seed (0: none), position.
const PEOPLE: [(&str, &str, &str, u32, &str); 6] = [
    ("李雅婷", "新开村", "13812345678", 1, "村党组织书记"),
    ("张伟", "梅溪社区", "13900001111", 0, "社区党组织书记"),
    ("张伟", "新开村", "", 2, "村党组织书记"),
    ("王五", "", "", 0, ""),
    ("欧阳娜", "清水村", "13700002222", 3, ""),
    ("张伟", "梅溪社区", "13600003333", 4, "社区党委副书记"),
];
/// The same people as an older file had them: other phones, units and positions.
const EARLIER: [(&str, &str, &str, u32, &str); 6] = [
    ("李雅婷", "新开村", "13500005555", 1, ""),
    ("张伟", "梅溪村", "13900001111", 0, "村党组织书记"),
    ("张伟", "新开村", "", 2, ""),
    ("王五", "清水村", "13400004444", 0, ""),
    ("欧阳娜", "清水村", "", 3, "村党组织书记"),
    ("张伟", "梅溪社区", "13600003333", 0, ""),
];

/// A row about one of `people`, each detail left out now and then.
fn row_strategy(
    people: &'static [(&'static str, &'static str, &'static str, u32, &'static str)],
) -> impl Strategy<Value = String> {
    (0..people.len(), prop::array::uniform4(0..4u8)).prop_map(move |(k, keep)| {
        let (name, unit, phone, id, position) = people[k];
        let pick = |i: usize, value: String| if keep[i] > 0 { value } else { String::new() };
        let id = if id == 0 { String::new() } else { valid_id(id) };
        let unit = pick(0, unit.to_string());
        let (phone, id, position) = (pick(1, phone.into()), pick(2, id), pick(3, position.into()));
        format!("{name},{unit},{phone},{id},{position}")
    })
}

/// Imports `text` into `register` as the command does by default: all or nothing.
/// Returns the plan and whether it was applied (no row had an error).
fn import_rows(register: &mut Vec<Person>, text: &str) -> (ImportPlan, bool) {
    let read = read(text.as_bytes(), "csv", &ImportOptions::default(), |_| {}).unwrap();
    let mut next = register.len();
    let clean = read.errors.is_empty();
    let plan = plan(read.drafts, register.clone(), None, || {
        next += 1;
        PersonId(format!("p{next:04}"))
    });
    let clean = clean && plan.errors.is_empty();
    if clean {
        for person in &plan.updated {
            let slot = register.iter().position(|p| p.id == person.id).unwrap();
            register[slot] = person.clone();
        }
        register.extend(plan.new_people.iter().cloned());
    }
    (plan, clean)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Once a file has been imported, importing it again writes nothing: every row finds
    /// the person it made or updated, and finds them unchanged.
    #[test]
    fn importing_a_file_twice_equals_importing_it_once(
        before in prop::collection::vec(row_strategy(&EARLIER), 0..8),
        rows in prop::collection::vec(row_strategy(&PEOPLE), 0..16),
    ) {
        let header = "姓名,单位,电话,身份证号,职务\n";
        let mut register = Vec::new();
        import_rows(&mut register, &format!("{header}{}\n", before.join("\n")));
        let file = format!("{header}{}\n", rows.join("\n"));
        let (_, applied) = import_rows(&mut register, &file);
        let once = register.clone();
        let (again, _) = import_rows(&mut register, &file);
        if applied {
            prop_assert!(again.is_empty(), "the second import would write: {:?}", again);
        }
        prop_assert_eq!(register, once);
    }
}

#[test]
fn a_row_without_a_unit_finds_the_person_by_name() {
    let file = "姓名,单位,电话,身份证号,职务\n张伟,,13900001111,,\n张伟,,,,\n张伟,梅溪社区,13900001111,,\n";
    let mut register = Vec::new();
    let (first, applied) = import_rows(&mut register, file);
    assert!(applied && first.new_people.len() == 1 && first.duplicates.len() == 2);
    assert!(import_rows(&mut register, file).0.is_empty());
}

#[test]
fn a_row_fitting_two_people_is_refused_not_guessed() {
    let before = format!(
        "姓名,单位,电话,身份证号,职务\n王五,新开村,,{},\n王五,新开村,,{},\n",
        valid_id(1),
        valid_id(2)
    );
    let mut register = Vec::new();
    import_rows(&mut register, &before);
    assert_eq!(register.len(), 2, "two 王五 told apart by ID number");
    let (plan, applied) = import_rows(&mut register, "姓名,单位\n王五,新开村\n");
    assert!(!applied);
    assert_eq!(plan.errors[0].problem, RowProblem::Ambiguous { count: 2 });
}

/// The people of a one-row file with these columns.
fn one(header: &str, row: &str) -> Result<Person, RowProblem> {
    let text = format!("{header}\n{row}\n");
    let mut read = read(text.as_bytes(), "csv", &ImportOptions::default(), |_| {}).unwrap();
    match read.errors.pop() {
        Some(error) => Err(error.problem),
        None => Ok(read.drafts.remove(0).person),
    }
}

#[test]
fn names_lose_padding_and_keep_other_scripts_spaces() {
    assert_eq!(one("姓名", "张　 伟").unwrap().name, "张伟");
    assert_eq!(one("姓名", "买买提·艾力").unwrap().name, "买买提·艾力");
    assert_eq!(one("name", "Li Yating").unwrap().name, "Li Yating");
    assert_eq!(
        one("姓名", "\"张\n伟\"").unwrap_err(),
        RowProblem::NameControl
    );
}

#[test]
fn the_field_comes_from_its_column_else_the_position_else_the_unit() {
    let field = |header: &str, row: &str| one(header, row).unwrap().field;
    assert_eq!(field("姓名,领域", "李雅婷,社区"), Some(Field::Community));
    assert_eq!(field("姓名,类别", "李雅婷,国企"), Some(Field::Soe));
    assert_eq!(
        field("姓名,职务", "李雅婷,村党组织书记"),
        Some(Field::Village)
    );
    assert_eq!(
        field("姓名,职务", "李雅婷,街道党工委书记"),
        Some(Field::Street)
    );
    assert_eq!(
        field("姓名,领域,职务", "李雅婷,村（社区）,社区党委书记"),
        Some(Field::Community)
    );
    assert_eq!(
        field("姓名,单位", "李雅婷,荣家湾镇新开村"),
        Some(Field::Village)
    );
    assert_eq!(field("姓名,职务", "李雅婷,村（社区）党组织书记"), None);
}

#[test]
fn line_breaks_in_cells_become_spaces_and_other_controls_are_refused() {
    assert_eq!(
        one("姓名,单位", "李雅婷,\"荣家湾镇\r\n新开村\"")
            .unwrap()
            .unit,
        "荣家湾镇 新开村"
    );
    let escape = one("姓名,单位", "李雅婷,新开\u{1b}村").unwrap_err();
    assert_eq!(escape, RowProblem::ControlChars(Column::Unit));
}

#[test]
fn numbered_empty_rows_and_footers_in_the_serial_column_are_not_people() {
    let text = "序号,姓名,单位\n1,李雅婷,新开村\n2,,\n3,,\n合计：1人,,\n";
    let read = read(text.as_bytes(), "csv", &ImportOptions::default(), |_| {}).unwrap();
    assert_eq!((read.rows, read.drafts.len(), read.errors.len()), (1, 1, 0));
}
