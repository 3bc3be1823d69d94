catalogue! {
    /// Demonstration training bases and their "five haves", on the command line and at
    /// the desk.
    pub enum Bases {
        BaseUnknown => "没有名为“{name}”的培训基地；用 lunxun base list 查看。", "no training base named '{name}'; `lunxun base list` shows them";
        BaseNameEmpty => "培训基地需要名称。", "a training base needs a name";
        BaseAccreditProvince => "培训基地由市级或县级授牌。", "bases are accredited by the city or a county, not by the province";
        BaseNameInUse => "已有名为“{name}”的培训基地；请换一个名称。", "there is already a training base named '{name}'; choose another name";
        BaseBadKind => "基地类型“{text}”无效；可选 村、社区、合作社、企业。", "unknown kind '{text}': use village, community, cooperative or enterprise";
        BaseBadHave => "“{text}”不是“五有”之一；可选 场所、讲解员、典型材料、参观现场、专题片（venue, guide, material, site, film）。", "'{text}' is not one of the five haves: use venue, guide, material, site, film (or all)";
        BaseLevelWithoutDate => "--level 需要与 --accredited 授牌日期一起使用。", "--level goes with --accredited DATE (the date of accreditation)";
        BaseDateWithoutLevel => "授牌需要层级：--level city 或 --level county。", "accreditation needs its level: --level city or --level county";
        BaseBadAccreditDate => "授牌日期“{text}”无效；请写作 YYYY-MM-DD。", "bad accreditation date '{text}': use YYYY-MM-DD";
        BaseBadAccreditLevel => "授牌层级“{text}”无效；可选 city（市级）或 county（县级）。", "bad accreditation level '{text}': use city or county";
        BaseMeetsStandard => "达到“五有”标准", "meets the five-haves standard";
        BaseBelowStandard => "未达标（缺：{missing}）", "below standard (lacks {missing})";
        BaseNotAccredited => "未授牌", "not accredited";
        BaseAccreditedBy => "{level}授牌 {date}", "accredited by the {level} {date}";
        CliBaseAdded => "已添加培训基地 {summary}", "added training base {summary}";
        CliBaseUpdated => "已更新培训基地 {summary}", "updated training base {summary}";
        CliBaseUnchanged => "= 没有变化，未记录", "= nothing changed; nothing recorded";
        CliNoBases => "还没有培训基地；用 lunxun base add 添加。", "no training bases yet; add one with `lunxun base add`";
    }
}
