//! The one way SMS Up shows a phone number in logs: country code and a few digits, the middle
//! starred (`+6012*****89`).

/// Mask a number for logs: the first five characters (`+` and the country code, with a digit or
/// two) and the last two stay, the rest is starred (`+60123456789` → `+6012*****89`). A number of
/// six characters or fewer is starred whole.
pub fn mask_number(number: &str) -> String {
    let chars: Vec<char> = number.chars().collect();
    if chars.len() <= 6 {
        return "*".repeat(chars.len());
    }
    let head = 5.min(chars.len() - 4);
    let tail = 2;
    let mut out: String = chars[..head].iter().collect();
    out.push_str(&"*".repeat(chars.len() - head - tail));
    out.extend(&chars[chars.len() - tail..]);
    out
}

#[cfg(test)]
mod tests {
    use super::mask_number;

    #[test]
    fn the_middle_is_starred() {
        assert_eq!(mask_number("+60123456789"), "+6012*****89");
        assert_eq!(mask_number("+447911000002"), "+4479******02");
        assert_eq!(mask_number("+6012"), "*****");
        assert_eq!(mask_number("1234567"), "123**67");
    }
}
