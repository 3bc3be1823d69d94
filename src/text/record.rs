//! 培训档案 and 学时登记表: `lunxun person show` (one person's training record) and
//! `lunxun report hours` (every person's year total by level, the below-target list).
//! Part of the one catalogue ([`crate::text`]).

catalogue! {
    /// A person's training record and the year's hours register.
    pub enum Record {
    // lunxun person show
    RecordTitle => "培训档案：{name}", "Training record: {name}";
    RecordUnitLine => "单位：{unit}　县市区：{county}　乡镇：{township}　职务：{position}", "Unit: {unit}  County: {county}  Township: {township}  Position: {position}";
    RecordIdLine => "编号：{id}　电话：{phone}　身份证号：{id_number}", "Id: {id}  Phone: {phone}  ID number: {id_number}";
    RecordRetired => "自 {from} 起不再任职（{reason}）", "No longer in post from {from} ({reason})";
    RecordNone => "无", "none";
    RecordHeadCohorts => "参训班次（{count}）", "Cohorts ({count})";
    RecordNoCohorts => "（没有参训记录）", "(no cohorts)";
    RecordCohortLine => "{code}　{level}　{name}　{start} 至 {end}", "{code}  {level}  {name}  {start} to {end}";
    RecordCohortCredit => "到课 {attended}/{sessions} 场次 · 学时 {credited}/{total} · {standing}", "attended {attended}/{sessions} sessions · {credited} of {total} hours · {standing}";
    RecordStandingWhy => "{standing}（{reason}）", "{standing} ({reason})";
    RecordReplacedBy => "{reason}，由 {name} 接替", "{reason}; replaced by {name}";
    RecordSubstituteFor => "调换：接替 {name}", "substitute for {name}";
    RecordMakeUp => "补课 {session}：{reason}", "make-up {session}: {reason}";
    RecordHeadOutside => "其他学时（{count}）", "Hours from elsewhere ({count})";
    RecordOutsideLine => "{hours} 学时 · {source} · {date} · {level}", "{hours} hours · {source} · {date} · {level}";
    RecordYearLine => "{year} 年度学时：{total} / {target}（省级 {province} · 市级 {city} · 县级 {county} · 其他 {elsewhere}）", "{year} hours: {total} of {target} (province {province} · city {city} · county {county} · elsewhere {elsewhere})";
    RecordYearVerdict => "{line}　{verdict}", "{line}  {verdict}";
    RecordTargetMet => "达标", "target met";
    RecordTargetShort => "还差 {hours} 学时", "{hours} hours short";
    RecordNoMatch => "没有与“{query}”匹配的人员", "no one matches '{query}'";
    RecordSeveral => "“{query}”匹配到 {count} 人，请用编号查看：lunxun person show <编号>", "'{query}' matches {count} people; pass an id: lunxun person show <id>";
    // lunxun report hours
    HoursTitle => "{year} 年度学时登记表", "{year} training hours register";
    HoursTitleCounty => "{county} {year} 年度学时登记表", "{county} {year} training hours register";
    HoursSummary => "在册 {people} 人，年度目标 {target} 学时：达标 {met} 人，未达标 {below} 人。", "{people} on the register, annual target {target} hours: {met} met it, {below} below.";
    HoursCountNote => "学时按班次开班年份计入；其他学时按登记日期计入，登记了层级的计入该层级。已不再任职的人员不列入。", "A cohort's hours count in the year it started; hours from elsewhere by their date, under their level when one was recorded. People no longer in post are left out.";
    HoursHeadAll => "一、每人学时", "1. Hours by person";
    HoursHeadBelow => "二、未达标名单（{count} 人）", "2. Below the target ({count})";
    HoursNoneBelow => "全部达标。", "Everyone met the target.";
    HoursNoPeople => "没有在册人员。", "No one on the register.";
    HoursTabAll => "学时登记表", "Hours register";
    HoursTabBelow => "未达标名单", "Below target";
    HoursColName => "姓名", "Name";
    HoursColUnit => "单位", "Unit";
    HoursColCounty => "县市区", "County";
    HoursColTownship => "乡镇", "Township";
    HoursColPosition => "职务", "Position";
    HoursColProvince => "省级", "Province";
    HoursColCity => "市级", "City";
    HoursColCountyLevel => "县级", "County level";
    HoursColElsewhere => "其他", "Elsewhere";
    HoursColTotal => "合计学时", "Total hours";
    HoursColShort => "还差学时", "Hours short";
    HoursColMet => "达标", "Met";
    HoursColId => "编号", "Id";
    HoursTotalRow => "合计", "Total";
    HoursTargetRange => "--target 应在 1 到 1000 之间", "--target must be between 1 and 1000";
    }
}
