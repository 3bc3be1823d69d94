//! What the timetable importer says: its errors, the timetable's column names and the
//! summary of an import. Part of the one catalogue ([`crate::text`]).

catalogue! {
    /// Importing a timetable (课程表): errors, column names, the summary.
    pub enum Timetable {
    TtNoHeader => "前 {searched} 行中没有表头行：课程表需要一行列名，如 日期、时段、方式、题目、授课人、模块。", "no header row in the first {searched} rows: a timetable needs a row naming its columns, e.g. 日期, 时段, 方式, 题目, 授课人, 模块";
    TtMissingColumns => "第 {line} 行的表头缺少这些列：{columns}{or_day}。", "the header on line {line} has no column for: {columns}{or_day}";
    TtOrDayColumn => "（日期列也可以用“第几天”列代替）", "; a date column may be a day column (第几天) instead";
    // What a column holds, as columns are named to the user
    TtColDate => "日期", "date";
    TtColDay => "第几天", "day";
    TtColSlot => "时段", "slot";
    TtColMethod => "方式", "method";
    TtColTitle => "题目", "title";
    TtColLecturer => "授课人", "lecturer";
    TtColRole => "职务", "role";
    TtColModules => "模块", "modules";
    TtColBase => "基地", "base";
    TtColHours => "学时", "hours";
    TtColNotes => "备注", "notes";
    TtColSerial => "序号", "serial";
    // Why one row is not imported
    TtNoDay => "没有日期或第几天，上方也没有可沿用的行", "no date or day (日期 / 第几天), and no row above to take it from";
    TtBadDate => "日期“{value}”无效；请写 2015-03-16、2015/3/16 或 3月16日", "date '{value}' is not a date: write 2015-03-16, 2015/3/16 or 3月16日";
    TtDateOutside => "日期 {date} 不在本班次的培训日期内（{first} 至 {last}）", "date {date} is not a day of the cohort ({first} to {last})";
    TtBadDay => "第几天“{value}”无效；请写 2、第2天 或 第二天", "day '{value}' is not a day number: write 2, 第2天 or 第二天";
    TtDayOutside => "第 {day} 天不在本班次内（共 {days} 天）", "day {day} is not a day of the cohort (it has {days} days)";
    TtDateDayDisagree => "日期 {date} 是本班次第 {day_of_date} 天，但第几天一列写的是 {day}", "date {date} is day {day_of_date} of the cohort, but the day column says {day}";
    TtNoSlot => "没有时段（上午、下午或晚上）", "no session slot (时段: 上午, 下午 or 晚上)";
    TtBadSlot => "时段“{value}”无效；请写 上午、下午 或 晚上", "slot '{value}' is not a session slot: write 上午, 下午, 晚上 (am, pm, eve)";
    TtSlotNotInCohort => "本班次没有{slot}的场次（时段为：{slots}）", "the cohort has no {slot} session (its slots: {slots})";
    TtNoMethod => "没有教学方式；不是教学活动的行（报到、午餐等）请从文件中删除", "no method (方式); a row that is not a teaching activity (报到, 午餐) should be deleted from the file";
    TtBadMethod => "教学方式“{value}”无效；可选 专题辅导、经验介绍、案例分析、现场观摩、讨论交流、菜单选学", "method '{value}' is unknown: use 专题辅导, 经验介绍, 案例分析, 现场观摩, 讨论交流, 菜单选学 (lecture, sharing, case, visit, discussion, elective)";
    TtNoTitle => "没有题目", "no title (题目)";
    TtNoModules => "没有内容模块，如 1,3 或 模块一、模块三", "no content module (模块), e.g. 1,3 or 模块一、模块三";
    TtUnknownModule => "没有内容模块“{value}”；用 lunxun module list 查看模块编号和名称", "module '{value}' is unknown; `lunxun module list` shows the numbers and names";
    TtUnknownBase => "没有名为“{value}”的培训基地；用 lunxun base list 查看，或用 lunxun base add 添加", "no training base named '{value}'; `lunxun base list` shows them, `lunxun base add` adds one";
    TtBadHours => "学时“{value}”无效；请写小时数，如 2、1.5 或 1:30（不超过 24）", "hours '{value}' is not a number of hours such as 2, 1.5 or 1:30 (at most 24)";
    TtRepeats => "与第 {first_line} 行的场次、方式和题目相同；请保留其中一行", "the same session, method and title as line {first_line}; keep one of the two rows";
    // The summary
    TtColumnsNotRead => "未读取的列：{columns}", "columns not read: {columns}";
    TtRows => "活动行：{count}", "rows: {count}";
    TtCreated => "已创建（计划）：{count}", "created (planned): {count}";
    TtToCreate => "待创建（计划）：{count}", "to create (planned): {count}";
    TtAlreadyLogged => "  第 {line} 行：已记录为教学活动 {activity}（不同之处：{columns}），保留已记录的内容", "  line {line}: already logged as activity {activity} (differs: {columns}); kept as logged";
    }
}
