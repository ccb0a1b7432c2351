//! Phone numbers: parsing to E.164 with a default region, and masking for logs.

use std::fmt;
use std::str::FromStr;

/// Why a typed number could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PhoneError {
    /// Not a phone number at all.
    #[error("not a phone number")]
    Unparseable,
    /// Parsed, but not a valid number for its country.
    #[error("not a valid phone number")]
    Invalid,
    /// The configured default region is not a known country code.
    #[error("unknown region {0}")]
    UnknownRegion(String),
}

/// A valid phone number in E.164 form (`+60123456789`). `Display` masks the middle digits for logs;
/// use [`Phone::e164`] where the full number is needed.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Phone(String);

impl Phone {
    /// Parse a number as a person would type it (`012-345 6789`, `+60 12-345 6789`, any script's digits),
    /// with `region` (ISO 3166 alpha-2, e.g. `MY`) for numbers without a country code.
    pub fn parse(input: &str, region: &str) -> Result<Phone, PhoneError> {
        let digits = smsup_lang::ascii_digits(input);
        let region_id = phonenumber::country::Id::from_str(&region.to_ascii_uppercase())
            .map_err(|_| PhoneError::UnknownRegion(region.to_string()))?;
        let trimmed = digits.trim();
        // Numbers written with an international 00 prefix.
        let candidate = match trimmed.strip_prefix("00") {
            Some(rest) if !trimmed.starts_with("000") => format!("+{rest}"),
            _ => trimmed.to_string(),
        };
        let number =
            phonenumber::parse(Some(region_id), &candidate).map_err(|_| PhoneError::Unparseable)?;
        if !phonenumber::is_valid(&number) {
            return Err(PhoneError::Invalid);
        }
        Ok(Phone(
            number.format().mode(phonenumber::Mode::E164).to_string(),
        ))
    }

    /// Accept a number already in E.164 form from a trusted store (no validation beyond the shape).
    pub fn from_e164_unchecked(e164: String) -> Phone {
        Phone(e164)
    }

    /// The country (ISO 3166 alpha-2) the number belongs to, if libphonenumber knows it.
    pub fn region(&self) -> Option<String> {
        let number = phonenumber::parse(None, &self.0).ok()?;
        let id = number.country().id()?;
        Some(format!("{id:?}"))
    }

    /// The full E.164 form. Never log this at info level.
    pub fn e164(&self) -> &str {
        &self.0
    }
}

/// Mask a number for logs: country code and a few digits stay, the middle is starred (`+6012*****89`).
/// The one mask of SMS Up ([`smsup_sms::mask_number`]).
pub fn mask(number: &str) -> String {
    smsup_sms::mask_number(number)
}

impl fmt::Display for Phone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&mask(&self.0))
    }
}

impl fmt::Debug for Phone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Phone({})", mask(&self.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn malaysian_local_numbers_become_e164() {
        assert_eq!(
            Phone::parse("012-345 6789", "MY").unwrap().e164(),
            "+60123456789"
        );
        assert_eq!(
            Phone::parse("011-1234 5678", "MY").unwrap().e164(),
            "+601112345678"
        );
        assert_eq!(
            Phone::parse("+60 12 345 6789", "MY").unwrap().e164(),
            "+60123456789"
        );
        assert_eq!(
            Phone::parse("0060123456789", "MY").unwrap().e164(),
            "+60123456789"
        );
    }

    #[test]
    fn foreign_numbers_and_other_scripts() {
        assert_eq!(
            Phone::parse("+98 912 345 6789", "MY").unwrap().e164(),
            "+989123456789"
        );
        assert_eq!(
            Phone::parse("۰۱۲-۳۴۵ ۶۷۸۹", "MY").unwrap().e164(),
            "+60123456789"
        );
    }

    #[test]
    fn invalid_numbers_are_refused() {
        assert!(Phone::parse("hello", "MY").is_err());
        assert!(Phone::parse("123", "MY").is_err());
        assert!(Phone::parse("", "MY").is_err());
        assert!(Phone::parse("+60 1", "MY").is_err());
    }

    #[test]
    fn display_masks_the_number() {
        let p = Phone::parse("+60123456789", "MY").unwrap();
        assert_eq!(p.to_string(), "+6012*****89");
        assert!(!format!("{p:?}").contains("3456"));
    }
}
