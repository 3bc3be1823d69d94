//! A generated register of secretaries across Yueyang's counties, deterministic per seed.

use crate::domain::person;
use crate::domain::{Field, Gender, Person, PersonId};

use super::names;
use super::places::{self, Place};
use super::rng::Rng;

/// Fields with rough shares: village and community secretaries are the majority.
const FIELDS: &[(Field, u32)] = &[
    (Field::Village, 60),
    (Field::Community, 15),
    (Field::Township, 5),
    (Field::Street, 3),
    (Field::Agency, 6),
    (Field::Institution, 4),
    (Field::Soe, 3),
    (Field::Private, 2),
    (Field::SocialOrg, 2),
];

/// `count` people in a stable order; the same seed gives the same register, ids included.
pub fn generate_register(count: usize, seed: u64) -> Vec<Person> {
    let mut rng = Rng::new(seed);
    (0..count).map(|i| generate_person(&mut rng, i)).collect()
}

fn generate_person(rng: &mut Rng, index: usize) -> Person {
    let name = names::generate(rng);
    let place = places::pick_place(rng);
    let field = *rng.weighted(FIELDS);
    let (unit, position) = unit_and_position(rng, &place, field);
    let mut person = Person::named(person_id(rng, index), name);
    person.gender = Some(if names::looks_female(&person.name) {
        Gender::Female
    } else {
        Gender::Male
    });
    person.county = place.county.to_string();
    person.township = place.township.to_string();
    person.unit = unit;
    person.position = position.to_string();
    person.field = Some(field);
    person.phone = Some(phone(rng));
    if rng.chance(70) {
        person.id_number = Some(id_number(rng, place.region, person.gender));
    }
    person
}

/// A ULID-shaped id made from the generator, so a seed always yields the same ids.
fn person_id(rng: &mut Rng, index: usize) -> PersonId {
    let millis = 1_420_070_400_000u64 + index as u64; // 2015-01-01, one ms apart
    let random = (u128::from(rng.next_u64()) << 16) ^ u128::from(rng.next_u64());
    let ulid = ulid::Ulid::from_parts(millis, random);
    PersonId(ulid.to_string())
}

fn unit_and_position(rng: &mut Rng, place: &Place, field: Field) -> (String, &'static str) {
    let township = place.township;
    match field {
        Field::Village => (places::village_unit(rng, township, false), "村党组织书记"),
        Field::Community => (places::village_unit(rng, township, true), "社区党组织书记"),
        Field::Township => (format!("{township}党委"), "乡镇党委书记"),
        Field::Street => (format!("{township}党工委"), "街道党工委书记"),
        Field::Agency => (
            format!("{}{}", place.county, rng.pick(AGENCIES)),
            "机关党支部书记",
        ),
        Field::Institution => (
            format!("{}{}", place.county, rng.pick(INSTITUTIONS)),
            "党支部书记",
        ),
        Field::Soe => (format!("{}{}", place.county, rng.pick(SOES)), "党委书记"),
        Field::Private => (format!("{township}{}", rng.pick(PRIVATE)), "党支部书记"),
        Field::SocialOrg => (
            format!("{}{}", place.county, rng.pick(SOCIAL)),
            "党支部书记",
        ),
    }
}

const AGENCIES: &[&str] = &[
    "农业农村局",
    "民政局",
    "教育局",
    "财政局",
    "水利局",
    "司法局",
];
const INSTITUTIONS: &[&str] = &[
    "人民医院",
    "第一中学",
    "农业技术推广中心",
    "疾病预防控制中心",
];
const SOES: &[&str] = &["城市建设投资公司", "自来水公司", "粮食储备库", "电力公司"];
const PRIVATE: &[&str] = &[
    "茶业有限公司",
    "水产养殖合作社",
    "建材有限公司",
    "食品有限公司",
];
const SOCIAL: &[&str] = &["个体劳动者协会", "志愿者协会", "律师协会", "慈善总会"];

fn phone(rng: &mut Rng) -> String {
    const PREFIXES: &[&str] = &[
        "138", "139", "135", "136", "137", "150", "151", "152", "158", "159", "186", "187", "189",
        "199", "177",
    ];
    format!("{}{:08}", rng.pick(PREFIXES), rng.below(100_000_000))
}

/// A valid GB 11643 number: region, birth date, sequence (odd for men) and check digit.
fn id_number(rng: &mut Rng, region: &str, gender: Option<Gender>) -> String {
    let year = 1955 + rng.below(36);
    let month = 1 + rng.below(12);
    let day = 1 + rng.below(28);
    let mut seq = rng.below(500) * 2;
    if gender == Some(Gender::Male) {
        seq += 1;
    }
    let body = format!("{region}{year:04}{month:02}{day:02}{seq:03}");
    with_check(body)
}

/// Gives a person renamed after generation the gender their name suggests, and an ID
/// number that agrees with it (the sequence's parity and the check digit).
pub fn fit_gender_to_name(person: &mut Person) {
    let gender = if names::looks_female(&person.name) {
        Gender::Female
    } else {
        Gender::Male
    };
    person.gender = Some(gender);
    if let Some(number) = person
        .id_number
        .as_mut()
        .filter(|n| n.len() == 18 && n.is_ascii())
    {
        let last = number.as_bytes()[16] - b'0';
        let odd = gender == Gender::Male;
        let digit = if (last % 2 == 1) == odd {
            last
        } else {
            last ^ 1
        };
        let body = format!("{}{digit}", &number[..16]);
        *number = with_check(body);
    }
}

/// An ID number's 17 digits followed by their GB 11643 check character.
fn with_check(body: String) -> String {
    match person::id_number_check(&body) {
        Some(check) => format!("{body}{check}"),
        None => body,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_renamed_person_gets_the_gender_of_the_name_and_a_matching_id_number() {
        for mut person in generate_register(200, 3) {
            person.name = "李雅婷".into();
            fit_gender_to_name(&mut person);
            assert_eq!(person.gender, Some(Gender::Female));
            assert_eq!(person.validate(), Ok(()), "{person:?}");
            if let Some(number) = &person.id_number {
                assert_eq!((number.as_bytes()[16] - b'0') % 2, 0, "{number}");
                assert!(person::valid_id_number(number), "{number}");
            }
        }
    }

    #[test]
    fn the_same_seed_gives_the_same_register() {
        assert_eq!(generate_register(50, 7), generate_register(50, 7));
        assert_ne!(generate_register(50, 7), generate_register(50, 8));
    }

    #[test]
    fn generated_people_pass_validation() {
        for person in generate_register(2000, 1) {
            assert_eq!(person.validate(), Ok(()), "{person:?}");
        }
    }

    #[test]
    fn a_register_of_2000_has_duplicate_names_and_unique_ids() {
        let people = generate_register(2000, 1);
        let mut names: Vec<_> = people.iter().map(|p| p.name.as_str()).collect();
        names.sort();
        let distinct = names.windows(2).filter(|w| w[0] != w[1]).count() + 1;
        assert!(distinct < names.len(), "expected some duplicate names");
        let mut ids: Vec<_> = people.iter().map(|p| p.id.clone()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), 2000);
    }
}
