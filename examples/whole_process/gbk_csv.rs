//! A roster file as a county's Excel saves it: GBK CSV with a title row, the usual
//! Chinese headers and CRLF line ends. Shared by `whole_process` (its rosters) and the
//! `roster_csv` example (one roster on demand).

use lunxun::domain::Person;
use lunxun::text::Lang;

const HEADER: [&str; 10] = [
    "序号",
    "姓名",
    "性别",
    "工作单位",
    "县(市、区)",
    "乡镇（街道）",
    "职务",
    "领域",
    "联系电话",
    "身份证号码",
];

/// The people as a GBK roster file's bytes, or `None` when a name or unit has a
/// character GBK cannot encode.
pub fn gbk_roster(people: &[Person]) -> Option<Vec<u8>> {
    let text = csv_text(people);
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(&text);
    (!unmappable).then(|| bytes.into_owned())
}

fn csv_text(people: &[Person]) -> String {
    let mut out = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::with_capacity(people.len() * 100));
    let title = "岳阳市村（社区）党组织书记轮训花名册";
    let mut first = vec![title.to_string()];
    first.resize(HEADER.len(), String::new());
    out.write_record(&first).unwrap();
    out.write_record(HEADER).unwrap();
    for (i, p) in people.iter().enumerate() {
        let serial = (i + 1).to_string();
        let gender = p.gender.map(|g| g.label(Lang::Zh)).unwrap_or_default();
        let field = p.field.map(|f| f.label(Lang::Zh)).unwrap_or_default();
        let row = [
            serial.as_str(),
            &p.name,
            gender,
            &p.unit,
            &p.county,
            &p.township,
            &p.position,
            field,
            p.phone.as_deref().unwrap_or_default(),
            p.id_number.as_deref().unwrap_or_default(),
        ];
        out.write_record(row).unwrap();
    }
    String::from_utf8(out.into_inner().unwrap()).unwrap()
}
