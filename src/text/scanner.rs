//! 扫码与读卡: what the desk and the commands say about ID numbers, phones and person
//! codes typed or scanned into a search, and the person code's own label. Part of the
//! one catalogue ([`crate::text`]).

catalogue! {
    /// Scanner and card input, person codes.
    pub enum Scanner {
    // The desk's search box, when a whole ID number or phone number finds no one.
    ScanNoIdNumberOnRoster => "本班名单中没有这个身份证号的人（Ctrl-R 在全库中查找）", "no one on the roster has this ID number (Ctrl-R looks in the whole register)";
    ScanNoIdNumberInRegister => "全库中没有这个身份证号的人", "no one in the register has this ID number";
    ScanNoPhoneOnRoster => "本班名单中没有这个手机号的人（Ctrl-R 在全库中查找）", "no one on the roster has this phone number (Ctrl-R looks in the whole register)";
    ScanNoPhoneInRegister => "全库中没有这个手机号的人", "no one in the register has this phone number";
    // Enter on a number or code that several people have, before one of them was chosen.
    ScanPickOne => "{count} 人有这个号码或编码：请用 ↑↓ 选中其中一人，再按 Enter", "{count} people have this number or code: pick one with ↑↓, then Enter";
    // A command's --person given a number or code that several people have.
    ScanCliSeveral => "{count} 人有“{query}”这个身份证号、手机号或编码；请改用编号（lunxun search 加此号码可列出他们）", "{count} people have '{query}' as ID number, phone or code; pass an id instead (lunxun search with that number lists them)";
    // The person code, wherever a person's details are shown, and the sign-in sheet's last column.
    ScanFieldCode => "人员编码", "Person code";
    ScanCodeLine => "人员编码：{code}（签到时输入或扫描即可选中）", "Person code: {code} (type or scan it at the desk to pick this person)";
    }
}
