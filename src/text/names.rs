//! The names of the domain's values (fields, slots, methods, statuses, levels, ...) as
//! shown to a person, in both languages. Part of the one catalogue ([`crate::text`]);
//! each value's `label(lang)` reads it. Codes for scripts and files stay in the domain
//! (`code()`); where a value has no English name of its own, its code is its English name.

catalogue! {
    /// Names of domain values.
    pub enum Names {
    LabelFieldVillage => "村", "village";
    LabelFieldCommunity => "社区", "community";
    LabelFieldTownship => "乡镇", "township";
    LabelFieldStreet => "街道", "street";
    LabelFieldAgency => "机关", "agency";
    LabelFieldInstitution => "事业单位", "institution";
    LabelFieldSoe => "国有企业", "soe";
    LabelFieldPrivate => "非公有制经济组织", "private";
    LabelFieldSocialOrg => "社会组织", "social_org";
    LabelSession => "第{day}天{slot}", "day {day} {slot}";
    LabelSlotKindAm => "上午", "morning";
    LabelSlotKindPm => "下午", "afternoon";
    LabelSlotKindEve => "晚上", "evening";
    LabelMethodLecture => "专题辅导", "thematic lecture";
    LabelMethodSharing => "经验介绍", "experience sharing";
    LabelMethodCase => "案例分析", "case study";
    LabelMethodVisit => "现场观摩", "site visit";
    LabelMethodDiscussion => "讨论交流", "discussion";
    LabelMethodElective => "菜单选学", "menu elective";
    LabelCheckInStatusPresent => "签到", "present";
    LabelCheckInStatusLate => "迟到", "late";
    LabelCheckInStatusLeave => "请假", "leave";
    LabelBaseKindVillage => "村", "village";
    LabelBaseKindCommunity => "社区", "community";
    LabelBaseKindCooperative => "合作社", "cooperative";
    LabelBaseKindEnterprise => "企业", "enterprise";
    LabelHaveVenue => "场所", "venue";
    LabelHaveGuide => "讲解员", "guide";
    LabelHaveMaterial => "典型材料", "material";
    LabelHaveSite => "参观现场", "site";
    LabelHaveFilm => "专题片", "film";
    LabelLevelProvince => "省级", "province";
    LabelLevelCity => "市级", "city";
    LabelLevelCounty => "县级", "county";
    LabelGenderMale => "男", "male";
    LabelGenderFemale => "女", "female";
    LabelActivityStatusPlanned => "计划", "planned";
    LabelActivityStatusHeld => "已举办", "held";
    LabelActivityStatusChanged => "有变更", "changed";
    }
}
