//! Certificates (`lunxun export certificates`): the 结业证书 page, the 学时证明 page, the
//! register of certificates handed out, and what the command says. Part of the one
//! catalogue ([`crate::text`]).

catalogue! {
    /// 结业证书, 学时证明 and the 结业证书发放登记表.
    pub enum Certificates {
    // The certificate page
    CertificateTab => "结业证书", "certificates";
    CertificateTitle => "结　业　证　书", "Certificate of Completion";
    CertificateBody => "　　{name}同志（{unit}）于{start}至{end}参加{cohort}，完成{hours}学时学习，学习内容包括{modules}，经考核准予结业。", "{name} ({unit}) attended {cohort} from {start} to {end}, completed {hours} class hours of study covering {modules}, and has passed the assessment. This certifies completion of the course.";
    CertificateBodyNoModules => "　　{name}同志（{unit}）于{start}至{end}参加{cohort}，完成{hours}学时学习，经考核准予结业。", "{name} ({unit}) attended {cohort} from {start} to {end}, completed {hours} class hours of study, and has passed the assessment. This certifies completion of the course.";
    CertificateSerial => "证书编号：{serial}", "Certificate no. {serial}";
    CertificateDate => "{year}年{month}月{day}日", "{day}.{month}.{year}";
    CertificateIssuerBlank => "（{level}发证单位）", "({level} issuing organisation)";
    CertificateNonePrinted => "{cohort}：本次没有要打印的结业证书。", "{cohort}: no certificates to print this time.";
    // The statement of hours
    CertificateStatementTab => "学时证明", "statements of hours";
    CertificateStatementTitle => "学　时　证　明", "Statement of Class Hours";
    CertificateStatementBody => "　　{name}同志（{unit}）于{start}至{end}参加{cohort}（共{total}学时），获得{hours}学时。{outcome}", "{name} ({unit}) attended {cohort} from {start} to {end} ({total} class hours in all) and was credited {hours} class hours. {outcome}";
    CertificateOutcomeNotCompleted => "未结业：{reason}。", "Not completed: {reason}.";
    CertificateOutcomeWithdrawn => "因{reason}退训。", "Withdrawn: {reason}.";
    CertificateOutcomeReplaced => "因{reason}调换，由他人替补。", "Replaced by another participant: {reason}.";
    CertificateStatementSerial => "证明编号：{serial}", "Statement no. {serial}";
    CertificateNoStatements => "{cohort}：本次没有要打印的学时证明。", "{cohort}: no statements of hours to print this time.";
    // The register of certificates handed out
    CertificateRegisterTab => "结业证书发放登记表", "certificate register";
    CertificateRegisterTitle => "{cohort} 结业证书发放登记表", "{cohort}: register of certificates handed out";
    CertificateRegisterSubtitle => "{start} 至 {end} · {issuer} · 共 {count} 份", "{start} to {end} · {issuer} · {count} certificates";
    CertificateColSerial => "证书编号", "certificate no.";
    CertificateColHours => "学时", "class hours";
    CertificateColReceiver => "领取人签名", "received by (signature)";
    CertificateColReceived => "领取日期", "date received";
    // What the command says
    CertificateWritten => "已导出到 {path}：结业证书 {certificates} 份（新发 {new}，补印 {reprinted}），学时证明 {statements} 份（新出具 {new_statements}，补印 {reprinted_statements}）\n", "written to {path}: {certificates} certificates ({new} new, {reprinted} reprinted), {statements} statements of hours ({new_statements} new, {reprinted_statements} reprinted)\n";
    CertificateHeldBack => "另有 {count} 份此前已发放，这次未打印；要补印请加 --reprint（编号不变，记为补印）\n", "{count} issued before were not printed again; add --reprint to reprint them (same numbers, recorded as reprints)\n";
    CertificateNoLongerCompleting => "注意：{names} 此前已发结业证书，但按现在的记录不再结业（其证书编号不会再用）\n", "note: {names} were given a certificate before but by the records now do not complete (their numbers are not used again)\n";
    CertificateInProgress => "{count} 人尚未有结业结论（班次仍在进行），未出具证书或证明\n", "{count} people are still in progress (the cohort is open): no certificate or statement for them\n";
    CertificateAllIssued => "{cohort} 的结业证书和学时证明都已发放过（{count} 份），没有新的可出具；要补印请加 --reprint（编号不变，记为补印）", "Every certificate and statement of {cohort} has been issued already ({count}) and there is nothing new; add --reprint to print them again (same numbers, recorded as reprints)";
    CertificateNothingToIssue => "{cohort} 现在没有可出具的结业证书或学时证明：没有人结业，也没有参加过学习而未结业的学员（尚无结论 {pending} 人）", "{cohort} has nothing to issue now: no one has completed it, and no one who attended has finished without completing ({pending} still in progress)";
    CertificateWriteFailed => "无法写入 {path}：{error}；没有记为已发放", "could not write {path}: {error}; nothing was recorded as issued";
    CertificatePlaceFailed => "已记为发放，但无法把文件放到 {path}：{error}；请换个位置，加 --reprint 再导出（编号不变）", "recorded as issued, but the file could not be put at {path}: {error}; export again to another place with --reprint (the numbers stay the same)";
    }
}
