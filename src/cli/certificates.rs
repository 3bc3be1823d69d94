//! `lunxun export certificates --cohort C -o 结业证书.xlsx [--reprint]`: the workbook is
//! written and each paper's printing recorded by [`ops::certificates::export`]; this
//! prints what the file holds and what was left out.

use std::path::PathBuf;

use clap::Args;

use crate::ops::certificates::{self as ops, CertificateError, CertificateRequest};
use crate::text::{Certificates, list_of};
use crate::tr;

use super::{CliError, Ctx, Printed, find_cohort, op_error};

#[derive(Debug, Args)]
pub struct CertificatesArgs {
    /// Cohort code, e.g. 2015-01
    #[arg(long, value_name = "CODE")]
    pub cohort: String,
    /// The Excel workbook to write, e.g. 结业证书.xlsx
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
    /// Print again what was issued before (same numbers, recorded as reprints)
    #[arg(long)]
    pub reprint: bool,
}

pub fn export(args: CertificatesArgs, ctx: &Ctx) -> Result<Printed, CliError> {
    let cohort = find_cohort(ctx, &args.cohort)?;
    let request = CertificateRequest {
        cohort: &cohort,
        output: &args.output,
        reprint: args.reprint,
        at: ctx.clock.now(),
        lang: ctx.lang,
    };
    let written = match ops::export(&ctx.store, &request) {
        Ok(written) => written,
        Err(CertificateError::Op(e)) => return Err(op_error(ctx, e)),
        Err(e) => return Err(CliError::Io(e.message(ctx.lang))),
    };
    let lang = ctx.lang;
    let mut out = tr!(
        lang,
        Certificates::CertificateWritten,
        path = args.output.display(),
        certificates = written.certificates.total(),
        new = written.certificates.new,
        reprinted = written.certificates.reprinted,
        statements = written.statements.total(),
        new_statements = written.statements.new,
        reprinted_statements = written.statements.reprinted
    );
    if written.held_back > 0 {
        out += &tr!(
            lang,
            Certificates::CertificateHeldBack,
            count = written.held_back
        );
    }
    if !written.no_longer_completing.is_empty() {
        out += &tr!(
            lang,
            Certificates::CertificateNoLongerCompleting,
            names = list_of(lang, &written.no_longer_completing)
        );
    }
    if written.in_progress > 0 {
        out += &tr!(
            lang,
            Certificates::CertificateInProgress,
            count = written.in_progress
        );
    }
    Ok(Printed::Text(out))
}
