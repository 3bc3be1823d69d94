//! `lunxun person add`.

use clap::{Args, Subcommand};

use crate::domain::{Person, PersonId};
use crate::ops::person as ops;
use crate::text::Commands;
use crate::tr;

use super::cohort::parse_field;
use super::{CliError, CliResult, Ctx, find_cohort, op_error};

// Parsed once per run: the size of the largest variant does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Subcommand)]
pub enum PersonCommand {
    /// Add a person; prints the new id alone on the last line
    Add(PersonAddArgs),
    /// A person's training record (培训档案): cohorts, 学时, standing, hours from elsewhere, the year's total
    Show(super::people_show::PersonShowArgs),
    /// List the register (phone and ID number masked), filtered
    List(super::people_list::PersonListArgs),
    /// Change a person's details; each change is kept in their history
    Edit(super::people_edit::PersonEditArgs),
    /// Every change recorded for a person: who, when, at which desk, old → new
    History(super::people_edit::PersonHistoryArgs),
    /// Record that a person is no longer a secretary from a date (换届, 调离), or undo it
    Retire(super::people_retire::PersonRetireArgs),
    /// Record two records as one person (同一人), e.g. a near-match a merge listed; undone by `change undo`
    Merge(super::people_merge::PersonMergeArgs),
    /// Hours (学时) earned elsewhere: a province class, an online course
    #[command(subcommand)]
    Hours(super::people_hours::HoursCommand),
}

#[derive(Debug, Args)]
pub struct PersonAddArgs {
    #[arg(long)]
    pub name: String,
    /// 男/女 or male/female
    #[arg(long)]
    pub gender: Option<String>,
    /// 单位, e.g. 荣家湾镇新开村
    #[arg(long, default_value = "")]
    pub unit: String,
    /// 县市区
    #[arg(long, default_value = "")]
    pub county: String,
    /// 乡镇/街道
    #[arg(long, default_value = "")]
    pub township: String,
    /// 职务, e.g. 村党组织书记
    #[arg(long, default_value = "")]
    pub position: String,
    /// 领域: village, community, township, street, agency, institution, soe, private, social_org
    #[arg(long)]
    pub field: Option<String>,
    #[arg(long)]
    pub phone: Option<String>,
    /// National ID number (checked against its check digit; always shown masked)
    #[arg(long)]
    pub id_number: Option<String>,
    #[arg(long, default_value = "")]
    pub notes: String,
    /// Also enrol the person in this cohort
    #[arg(long, value_name = "CODE")]
    pub cohort: Option<String>,
}

pub fn run(command: PersonCommand, ctx: &Ctx) -> CliResult {
    match command {
        PersonCommand::Add(args) => add(args, ctx),
        PersonCommand::Show(args) => super::people_show::run(args, ctx),
        PersonCommand::List(args) => super::people_list::run(args, ctx),
        PersonCommand::Edit(args) => super::people_edit::edit(args, ctx),
        PersonCommand::History(args) => super::people_edit::history(args, ctx),
        PersonCommand::Retire(args) => super::people_retire::run(args, ctx),
        PersonCommand::Merge(args) => super::people_merge::run(args, ctx),
        PersonCommand::Hours(cmd) => super::people_hours::run(cmd, ctx),
    }
}

fn add(args: PersonAddArgs, ctx: &Ctx) -> CliResult {
    let cohort = match &args.cohort {
        Some(code) => Some(find_cohort(ctx, code)?),
        None => None,
    };
    let code = cohort.as_ref().map(|c| c.code.as_str());
    // A closed cohort refuses as a whole (`Closed::Cohort`): no session to reopen.
    let person = ops::add(&ctx.store, ctx.clock.now(), person_from(&args, ctx)?, code)
        .map_err(|e| op_error(ctx, e))?;
    let name = &person.name;
    let line = match code {
        None => tr!(ctx.lang, Commands::PeopleAdded, name = name),
        Some(code) => tr!(
            ctx.lang,
            Commands::PeopleAddedAndEnrolled,
            name = name,
            cohort = code
        ),
    };
    Ok(format!("{line}\n{}\n", person.id))
}

/// The person as typed; their details are checked by [`ops::add`].
fn person_from(args: &PersonAddArgs, ctx: &Ctx) -> Result<Person, CliError> {
    let refused = |r: crate::ops::Refusal| CliError::Input(r.message(ctx.lang));
    let mut person = Person::named(PersonId(ulid::Ulid::generate().to_string()), &args.name);
    person.gender = ops::parse_gender(args.gender.as_deref()).map_err(refused)?;
    person.unit = args.unit.clone();
    person.county = args.county.clone();
    person.township = args.township.clone();
    person.position = args.position.clone();
    person.field = parse_field(args.field.as_deref(), ctx)?;
    person.phone = args.phone.clone();
    person.id_number = args.id_number.clone();
    person.notes = args.notes.clone();
    Ok(person)
}
