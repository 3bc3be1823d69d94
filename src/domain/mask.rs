//! Masking of personal data for screens, exports and messages.

/// `430602199001011234` → `430602********1234`; shorter values keep at most their last 4.
pub fn id_number(id: &str) -> String {
    let chars: Vec<char> = id.chars().collect();
    if chars.len() >= 15 {
        let head: String = chars[..6].iter().collect();
        let tail: String = chars[chars.len() - 4..].iter().collect();
        format!("{head}{}{tail}", "*".repeat(chars.len() - 10))
    } else {
        keep_last(&chars, 4)
    }
}

/// `13812341234` → `138****1234`.
pub fn phone(phone: &str) -> String {
    let chars: Vec<char> = phone.chars().collect();
    if chars.len() >= 11 {
        let head: String = chars[..3].iter().collect();
        let tail: String = chars[chars.len() - 4..].iter().collect();
        format!("{head}{}{tail}", "*".repeat(chars.len() - 7))
    } else {
        keep_last(&chars, 4)
    }
}

/// The last four digits of a phone, as shown in search results.
pub fn phone_tail(phone: &str) -> String {
    let chars: Vec<char> = phone.chars().collect();
    chars[chars.len().saturating_sub(4)..].iter().collect()
}

fn keep_last(chars: &[char], keep: usize) -> String {
    let hidden = chars.len().saturating_sub(keep);
    let shown: String = chars[hidden..].iter().collect();
    format!("{}{shown}", "*".repeat(hidden))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_numbers_keep_region_and_last_four() {
        assert_eq!(id_number("430602199001011234"), "430602********1234");
        assert_eq!(id_number("43060219900101123X"), "430602********123X");
        assert_eq!(id_number("1234"), "1234");
        assert_eq!(id_number("123456"), "**3456");
    }

    #[test]
    fn phones_keep_prefix_and_last_four() {
        assert_eq!(phone("13812341234"), "138****1234");
        assert_eq!(phone("7301234"), "***1234");
        assert_eq!(phone_tail("13812345678"), "5678");
        assert_eq!(phone_tail("12"), "12");
    }
}
