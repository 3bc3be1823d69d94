//! What the roster importer says: its errors, the register's column names and the
//! summary of an import. Part of the one catalogue ([`crate::text`]).

catalogue! {
    /// Importing a roster (花名册): errors, column names, the summary.
    pub enum Roster {
    RosterNoHeader => "前 {searched} 行中没有含“姓名”列的表头行；请在人员上方加一行表头。", "no header row with a name column (姓名 or name) in the first {searched} rows; add one above the people";
    // The register's fields, as columns are named to the user
    RosterName => "姓名", "name";
    RosterGender => "性别", "gender";
    RosterUnit => "单位", "unit";
    RosterCounty => "县市区", "county";
    RosterTownship => "乡镇", "township";
    RosterPosition => "职务", "position";
    RosterField => "领域", "field";
    RosterPhone => "电话", "phone";
    RosterIdNumber => "身份证号", "ID number";
    RosterNotes => "备注", "notes";
    // Why one row is not imported
    RowEmptyName => "姓名为空", "the name is empty";
    RowNameControl => "姓名含有控制字符", "the name contains control characters";
    RowBadPhone => "电话 {masked} 格式不正确（7 到 15 位数字，每格一个号码）", "phone {masked} is not a phone number (7 to 15 digits, one number per cell)";
    RowIdLength => "身份证号码 {masked} 有 {len} 位，应为 18 位", "ID number {masked} has {len} characters; it must have 18";
    RowIdChars => "身份证号码 {masked} 只能由数字和末位 X 组成", "ID number {masked} may only contain digits and a final X";
    RowIdCheckDigit => "身份证号码 {masked} 校验码不正确（GB 11643），请与身份证核对", "ID number {masked} has a wrong check digit (GB 11643); check it against the ID card";
    RowIdAsNumber => "身份证号码 {masked} 以数字格式保存，Excel 已丢失末几位；请把该列设为文本格式后重新录入", "ID number {masked} was stored as a number, so Excel dropped its last digits; format the column as text and type it again";
    RowBadGender => "性别“{value}”无效，应为 男 或 女", "gender '{value}' is not 男/女 (male/female)";
    RowBadField => "领域“{value}”无效，应为 村、社区、乡镇、街道、机关、事业单位、国有企业、非公有制经济组织、社会组织 之一", "field '{value}' is not one of 村, 社区, 乡镇, 街道, 机关, 事业单位, 国有企业, 非公有制经济组织, 社会组织";
    RowAmbiguous => "与已有的 {count} 人相符（姓名和单位相同，或电话相同），无法确定是谁；请补上身份证号码", "fits {count} people already known (same name and unit, or phone); add the ID number to tell them apart";
    RowConflictingDuplicate => "与第 {first_line} 行是同一人，但{column}不同；请保留其中一行", "the same person as line {first_line}, but with a different {column}; keep one of the two rows";
    // The summary
    RosterRepeatedHeaders => "跳过重复的表头行：{lines}", "repeated header rows skipped: lines {lines}";
    RosterUnknownColumns => "未识别的列（保存在备注中）：{columns}", "unknown columns (kept in notes): {columns}";
    RosterRows => "数据行：{count}", "rows: {count}";
    RosterNewPeople => "新增人员：{count}", "new people: {count}";
    RosterUpdated => "更新：{count}", "updated: {count}";
    RosterEnrolled => "编入班次 {cohort}：{enrolled}（已在班：{already}）", "enrolled in {cohort}: {enrolled} (already enrolled: {already})";
    RosterRegisterOnly => "不编入班次：只导入花名册", "no cohort to enrol in: register only";
    RosterDuplicates => "文件内重复：{count}", "duplicates within the file: {count}";
    RosterDuplicateOf => "  第 {line} 行同第 {first} 行", "  line {line} repeats line {first}";
    }
}
