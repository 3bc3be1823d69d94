//! Writes a GBK CSV roster of N generated people, as a county's Excel saves it (a title
//! row, the usual Chinese headers, CRLF), for measuring `lunxun import`:
//! `cargo run --release --example roster_csv -- 100000 roster.csv`, then
//! `/usr/bin/time -v target/release/lunxun --db DIR import roster.csv`.

use lunxun::demo::generate_register;
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

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(count), Some(path)) = (args.get(1).and_then(|n| n.parse().ok()), args.get(2)) else {
        eprintln!("usage: roster_csv N FILE");
        std::process::exit(2);
    };
    let mut out = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let mut title = vec!["岳阳市村（社区）党组织书记轮训花名册".to_string()];
    title.resize(HEADER.len(), String::new());
    out.write_record(&title).unwrap();
    out.write_record(HEADER).unwrap();
    for (i, p) in generate_register(count, 1).iter().enumerate() {
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
    let text = String::from_utf8(out.into_inner().unwrap()).unwrap();
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(&text);
    assert!(
        !unmappable,
        "a generated name has a character GBK cannot encode"
    );
    std::fs::write(path, &bytes).unwrap();
}
