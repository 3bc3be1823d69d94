//! One cell of a timetable → a value, as organisers write them: dates (`2015-03-16`,
//! `2015/3/16`, `3月16日（星期一）`, an Excel date), days (`第2天`, `2`, `第二天`), slots
//! (`上午`, `pm`, `08:30-11:30`), methods (`专题辅导`, `lecture`, `专题讲座`) and hours
//! (`2`, `1.5`, `2学时`).

use chrono::{Datelike, Duration, NaiveDate};

use crate::domain::teaching::{GivenHours, Method};
use crate::domain::{Cohort, SlotKind};

/// A date as written; a year-less `3月16日` takes the year that puts it in the cohort.
/// `was_number`: the workbook cell held a number (an Excel date without date format).
pub fn parse_date(text: &str, was_number: bool, cohort: &Cohort) -> Option<NaiveDate> {
    if was_number && let Some(date) = excel_serial(text) {
        return Some(date);
    }
    let text = strip_weekday(text);
    let (year, (month, day)) = match text.split_once('年') {
        Some((year, rest)) => (Some(year.trim().parse::<i32>().ok()?), month_day(rest)?),
        None => {
            let parts: Vec<&str> = text.split(['-', '/', '.']).map(str::trim).collect();
            match parts.as_slice() {
                [y, m, d] if y.len() == 4 => {
                    (Some(y.parse().ok()?), (m.parse().ok()?, d.parse().ok()?))
                }
                [m, d] => (None, (m.parse().ok()?, d.parse().ok()?)),
                _ => (None, month_day(&text)?),
            }
        }
    };
    match year {
        Some(y) => NaiveDate::from_ymd_opt(y, month, day),
        None => [cohort.start.year(), cohort.end_date().year()]
            .into_iter()
            .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
            .find(|d| *d >= cohort.start && *d <= cohort.end_date())
            .or_else(|| NaiveDate::from_ymd_opt(cohort.start.year(), month, day)),
    }
}

/// `3月16日` / `3月16号` → (3, 16).
fn month_day(text: &str) -> Option<(u32, u32)> {
    let (month, rest) = text.split_once('月')?;
    let day = rest.trim().trim_end_matches(['日', '号']);
    Some((month.trim().parse().ok()?, day.trim().parse().ok()?))
}

/// Drops a weekday after the date: `3月16日（星期一）`, `2015-03-16 周一`, and a time
/// after an Excel date (`2015-03-16 08:30`).
fn strip_weekday(text: &str) -> String {
    let text = text.trim();
    let end = text
        .find(|c: char| c.is_whitespace() || "(（星周".contains(c))
        .unwrap_or(text.len());
    text[..end].to_string()
}

/// Days since 1899-12-30, as Excel stores dates (only plausible ones: 1955 to 2118).
fn excel_serial(text: &str) -> Option<NaiveDate> {
    let serial: f64 = text.trim().parse().ok()?;
    if !(20_000.0..80_000.0).contains(&serial) {
        return None;
    }
    let base = NaiveDate::from_ymd_opt(1899, 12, 30)?;
    base.checked_add_signed(Duration::days(serial.trunc() as i64))
}

/// `2`, `第2天`, `第二天`, `第十二天`, `Day 2`, `D2`.
pub fn parse_day(text: &str) -> Option<u16> {
    let lower = text.trim().to_ascii_lowercase();
    let t = lower
        .trim_start_matches("day")
        .trim_start_matches('d')
        .trim_start_matches('第')
        .trim_end_matches('天')
        .trim();
    let day = match t.parse::<u16>() {
        Ok(n) => n,
        Err(_) => chinese_number(t)?,
    };
    (day > 0).then_some(day)
}

/// 一 … 九十九.
fn chinese_number(text: &str) -> Option<u16> {
    const DIGITS: [char; 9] = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];
    let digit = |s: &str| -> Option<u16> {
        let mut chars = s.chars();
        let c = chars.next()?;
        if chars.next().is_some() {
            return None;
        }
        let i = DIGITS.iter().position(|d| *d == c)?;
        u16::try_from(i + 1).ok()
    };
    match text.split_once('十') {
        None => digit(text),
        Some((tens, units)) => {
            let tens = if tens.is_empty() { 1 } else { digit(tens)? };
            let units = if units.is_empty() { 0 } else { digit(units)? };
            Some(tens * 10 + units)
        }
    }
}

/// `上午`, `下午（14:30）`, `晚上`, `am`, `afternoon`, or a start time `08:30-11:30`
/// (before noon: morning; before 18:00: afternoon; later: evening).
pub fn parse_slot(text: &str) -> Option<SlotKind> {
    let t = text.trim();
    for kind in SlotKind::ALL {
        if t.starts_with(kind.label(crate::text::Lang::Zh)) {
            return Some(kind);
        }
    }
    let word: String = t.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
    if !word.is_empty() {
        return SlotKind::parse(&word);
    }
    let hour: u32 = t
        .chars()
        .take_while(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .ok()?;
    let rest = &t[t.find(|c: char| !c.is_ascii_digit())?..];
    if !rest.starts_with([':', '：']) {
        return None;
    }
    match hour {
        0..12 => Some(SlotKind::Am),
        12..18 => Some(SlotKind::Pm),
        18..24 => Some(SlotKind::Eve),
        _ => None,
    }
}

/// The method's code or name, or a common name for it on timetables.
pub fn parse_method(text: &str) -> Option<Method> {
    let t = text.trim();
    Method::parse(t).or(match t {
        "专题讲座" | "讲座" | "专题报告" | "辅导报告" | "辅导" | "授课" => {
            Some(Method::Lecture)
        }
        "经验交流" | "典型发言" | "交流发言" => Some(Method::Sharing),
        "案例教学" | "案例" | "案例研讨" => Some(Method::Case),
        "现场教学" | "现场观摩教学" | "观摩" | "参观" | "参观学习" => {
            Some(Method::Visit)
        }
        "分组讨论" | "讨论" | "座谈" | "座谈交流" | "交流研讨" => {
            Some(Method::Discussion)
        }
        "选学" | "自主选学" => Some(Method::Elective),
        _ => None,
    })
}

/// Hours in 学时 (`2学时`, `2课时`) or clock time (`2`, `1.5`, `1:30`, `2小时`, `2h`).
pub fn parse_hours_cell(text: &str) -> Option<GivenHours> {
    GivenHours::parse(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::cohort::tests::cohort;

    fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn dates_are_read_as_organisers_write_them() {
        let c = cohort(); // 2015-03-16, four days
        for text in [
            "2015-03-17",
            "2015/3/17",
            "2015.3.17",
            "2015年3月17日",
            "3月17日",
            "3月17号",
            "3月17日（星期二）",
            "2015-03-17 周二",
            "3/17",
        ] {
            assert_eq!(parse_date(text, false, &c), date(2015, 3, 17), "{text}");
        }
        assert_eq!(parse_date("42080", true, &c), date(2015, 3, 17));
        assert_eq!(parse_date("42080", false, &c), None);
        assert_eq!(parse_date("下周二", false, &c), None);
        assert_eq!(parse_date("2015-02-30", false, &c), None);
    }

    #[test]
    fn days_slots_methods_and_hours() {
        for (text, day) in [
            ("2", 2),
            ("第2天", 2),
            ("第二天", 2),
            ("第十二天", 12),
            ("Day 3", 3),
        ] {
            assert_eq!(parse_day(text), Some(day), "{text}");
        }
        assert_eq!(parse_day("0"), None);
        assert_eq!(parse_day("明天"), None);
        for (text, slot) in [
            ("上午", SlotKind::Am),
            ("下午（14:30）", SlotKind::Pm),
            ("晚上", SlotKind::Eve),
            ("PM", SlotKind::Pm),
            ("evening", SlotKind::Eve),
            ("08:30-11:30", SlotKind::Am),
            ("14：30", SlotKind::Pm),
        ] {
            assert_eq!(parse_slot(text), Some(slot), "{text}");
        }
        assert_eq!(parse_slot("全天"), None);
        assert_eq!(parse_slot("noon"), None);
        assert_eq!(parse_method("专题讲座"), Some(Method::Lecture));
        assert_eq!(parse_method("site visit"), Some(Method::Visit));
        assert_eq!(parse_method("唱歌"), None);
        assert_eq!(parse_hours_cell("2学时"), Some(GivenHours::Class(2)));
        assert_eq!(parse_hours_cell("2课时"), Some(GivenHours::Class(2)));
        assert_eq!(parse_hours_cell("2小时"), Some(GivenHours::Clock(120)));
        assert_eq!(parse_hours_cell("1.5"), Some(GivenHours::Clock(90)));
        assert_eq!(parse_hours_cell("两小时"), None);
        assert_eq!(parse_hours_cell("30"), None);
    }
}
