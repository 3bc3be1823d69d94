//! Clap definitions of the teaching log (`teach`), the module catalogue (`module`), the
//! training bases (`base`) and `export coverage`.

use std::path::PathBuf;

use clap::{ArgGroup, Args, Subcommand, ValueEnum};

use super::args::EncodingArg;

#[derive(Debug, Subcommand)]
pub enum TeachCommand {
    /// Log a teaching activity; prints its id alone on the last line. It is planned if
    /// its session has not started yet (or with --planned), else held
    Add(TeachAddArgs),
    /// Change an activity (recorded as an edit; the earlier version stays in the history)
    Edit(TeachEditArgs),
    /// Take an activity out of the log (recorded; it stays in the history)
    Delete(TeachDeleteArgs),
    /// Mark a planned activity as held
    Held(TeachIdArgs),
    /// List a cohort's activities
    List(TeachListArgs),
    /// Every recorded change of a cohort's activities (or of one), oldest first
    History(TeachHistoryArgs),
}

#[derive(Debug, Args)]
pub struct TeachAddArgs {
    #[arg(long, value_name = "CODE")]
    pub cohort: String,
    /// DAY:SLOT, e.g. 2:pm
    #[arg(long)]
    pub session: String,
    /// lecture, sharing, case, visit, discussion or elective (or 专题辅导, 经验介绍,
    /// 案例分析, 现场观摩, 讨论交流, 菜单选学)
    #[arg(long)]
    pub method: String,
    #[arg(long)]
    pub title: String,
    /// 授课人
    #[arg(long, default_value = "")]
    pub lecturer: String,
    /// The lecturer's role, e.g. 县委书记, 组织部长, 专家, 优秀村党组织书记
    #[arg(long, default_value = "")]
    pub role: String,
    /// Content modules covered: numbers or names, e.g. 1,3 or 讲话精神、党章党纪
    #[arg(long)]
    pub modules: String,
    /// Hours, e.g. 2 or 1.5 or 1:30
    #[arg(long)]
    pub hours: Option<String>,
    /// The training base visited (its name, see `lunxun base list`)
    #[arg(long, value_name = "NAME")]
    pub base: Option<String>,
    #[arg(long, default_value = "")]
    pub notes: String,
    /// Enter it as planned even if its session has started
    #[arg(long)]
    pub planned: bool,
    /// Who is making this entry (kept with the record)
    #[arg(long, value_name = "NAME")]
    pub by: Option<String>,
}

#[derive(Debug, Args)]
pub struct TeachEditArgs {
    #[arg(long, value_name = "CODE")]
    pub cohort: String,
    #[arg(long)]
    pub id: u32,
    /// DAY:SLOT
    #[arg(long)]
    pub session: Option<String>,
    #[arg(long)]
    pub method: Option<String>,
    #[arg(long)]
    pub title: Option<String>,
    #[arg(long)]
    pub lecturer: Option<String>,
    #[arg(long)]
    pub role: Option<String>,
    #[arg(long)]
    pub modules: Option<String>,
    /// Hours; an empty value clears them
    #[arg(long)]
    pub hours: Option<String>,
    /// Training base name; an empty value clears it
    #[arg(long, value_name = "NAME")]
    pub base: Option<String>,
    #[arg(long)]
    pub notes: Option<String>,
    #[arg(long, value_name = "NAME")]
    pub by: Option<String>,
}

#[derive(Debug, Args)]
pub struct TeachDeleteArgs {
    #[arg(long, value_name = "CODE")]
    pub cohort: String,
    #[arg(long)]
    pub id: u32,
    #[arg(long)]
    pub reason: Option<String>,
    #[arg(long, value_name = "NAME")]
    pub by: Option<String>,
}

#[derive(Debug, Args)]
pub struct TeachIdArgs {
    #[arg(long, value_name = "CODE")]
    pub cohort: String,
    #[arg(long)]
    pub id: u32,
    #[arg(long, value_name = "NAME")]
    pub by: Option<String>,
}

#[derive(Debug, Args)]
pub struct TeachListArgs {
    #[arg(long, value_name = "CODE")]
    pub cohort: String,
    /// Include deleted activities
    #[arg(long)]
    pub deleted: bool,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct TeachHistoryArgs {
    #[arg(long, value_name = "CODE")]
    pub cohort: String,
    /// Only this activity
    #[arg(long)]
    pub id: Option<u32>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum ModuleCommand {
    /// Add a content module; prints its number alone on the last line
    Add(ModuleNameArgs),
    /// Rename a module (cohorts already run keep the name they used)
    Rename(ModuleRenameArgs),
    /// Stop offering a module to new cohorts
    Retire {
        /// Number or name
        module: String,
    },
    /// List the catalogue, or the one a cohort runs with
    List {
        #[arg(long, value_name = "CODE")]
        cohort: Option<String>,
        /// Include retired modules
        #[arg(long)]
        all: bool,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Args)]
pub struct ModuleNameArgs {
    /// Short name in Chinese, e.g. 乡村振兴
    #[arg(long)]
    pub name: Option<String>,
    /// Short name in English
    #[arg(long)]
    pub name_en: Option<String>,
    /// Full wording in Chinese
    #[arg(long)]
    pub text: Option<String>,
    /// Full wording in English
    #[arg(long)]
    pub text_en: Option<String>,
}

#[derive(Debug, Args)]
pub struct ModuleRenameArgs {
    /// Number or current name
    pub module: String,
    #[command(flatten)]
    pub names: ModuleNameArgs,
}

#[derive(Debug, Subcommand)]
pub enum BaseCommand {
    /// Add a demonstration training base; prints its name alone on the last line
    Add(BaseAddArgs),
    /// Change a base's details (the five haves, accreditation, …)
    Edit(BaseEditArgs),
    /// List the bases and whether each meets the "five haves" standard
    List {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Args)]
pub struct BaseAddArgs {
    #[arg(long)]
    pub name: String,
    /// village, community, cooperative or enterprise (or 村, 社区, 合作社, 企业)
    #[arg(long)]
    pub kind: String,
    /// 县市区
    #[arg(long, default_value = "")]
    pub county: String,
    /// Which of the five haves it has: venue, guide, material, site, film (or all)
    #[arg(long, default_value = "")]
    pub haves: String,
    /// Date of accreditation (授牌), YYYY-MM-DD
    #[arg(long, value_name = "DATE")]
    pub accredited: Option<String>,
    /// Who accredited it: city or county
    #[arg(long)]
    pub level: Option<String>,
    #[arg(long, default_value = "")]
    pub notes: String,
}

#[derive(Debug, Args)]
pub struct BaseEditArgs {
    /// The base's current name
    #[arg(long)]
    pub name: String,
    #[arg(long, value_name = "NAME")]
    pub new_name: Option<String>,
    #[arg(long)]
    pub kind: Option<String>,
    #[arg(long)]
    pub county: Option<String>,
    /// The whole list of haves it has now, e.g. venue,guide,film (empty: none)
    #[arg(long)]
    pub haves: Option<String>,
    /// Date of accreditation, YYYY-MM-DD; an empty value withdraws it
    #[arg(long, value_name = "DATE")]
    pub accredited: Option<String>,
    #[arg(long)]
    pub level: Option<String>,
    #[arg(long)]
    pub notes: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CoverageFormat {
    Json,
    /// Markdown tables
    #[value(alias = "markdown")]
    Md,
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("which").required(true).args(["cohort", "all"])))]
pub struct ExportCoverageArgs {
    /// One cohort: modules × sessions, methods, warnings
    #[arg(long, value_name = "CODE")]
    pub cohort: Option<String>,
    /// Every cohort: cohorts × modules
    #[arg(long)]
    pub all: bool,
    #[arg(long, value_enum, default_value = "json")]
    pub format: CoverageFormat,
    /// Write to this file (atomically, private to the user) instead of stdout
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Columns are found by their usual names: 日期 (2015-03-16, 3月16日) or \
第几天 (2, 第2天), 时段 (上午/下午/晚上), 方式 (专题辅导, 经验介绍, 案例分析, 现场观摩, 讨论交流, \
菜单选学), 题目, 授课人, 职务, 模块 (1,3 or 模块一、模块三), 基地 (an existing base's name), 学时, \
备注. Title rows above the header are skipped; an empty date or slot is taken from the row above \
(merged cells). Rows already in the log (same session, method and title) are left as they are. \
Any invalid row imports nothing (exit code 2), and every error is listed with its line."
)]
pub struct ImportTimetableArgs {
    /// The timetable: .csv or .txt (comma or tab separated), .xlsx or .xls
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// The cohort whose plan it is
    #[arg(long, value_name = "CODE")]
    pub cohort: String,
    /// Show what would happen and write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Text encoding of a CSV/TXT file
    #[arg(long, value_enum, default_value = "auto")]
    pub encoding: EncodingArg,
    /// Workbook sheet to read (default: the first sheet with data)
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// Who is importing (kept with each activity)
    #[arg(long, value_name = "NAME")]
    pub by: Option<String>,
}
