//! Carrier content rules: what a country's networks block, checked before a post fans out.
//!
//! Malaysia (MCMC directive, fully enforced since 1 September 2024): the networks block SMS that
//! contain a link, a phone number (a "callback number") or a request for personal information, and
//! such a message may still be reported as sent. A post that would be blocked is not relayed at all;
//! its sender is told why ([`Blocked`]), so that nobody believes a warning went out when it did not.
//!
//! The check is a pure function of the text. It reads the text the way a filter would after the
//! tricks a sender might use: invisible characters are dropped, full-width and other compatibility
//! forms are folded (NFKC), digits of every script are read as digits, `[.]` and `(dot)` are dots.

use unicode_normalization::UnicodeNormalization;

/// Why a text would be blocked by the networks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Blocked {
    /// A link: a scheme, `www.`, or a domain name (`bit.ly/x`, `example.com`).
    Link,
    /// A phone number in any common format.
    PhoneNumber,
    /// A request for an identity card or passport number, a PIN, a password or a one-time code.
    PersonalInfo,
}

/// The rule sets SMS Up knows, by country.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleSet {
    /// Malaysia.
    My,
}

impl RuleSet {
    /// The rule set of a country (ISO 3166 alpha-2), if SMS Up has one.
    pub fn for_country(code: &str) -> Option<RuleSet> {
        code.eq_ignore_ascii_case("MY").then_some(RuleSet::My)
    }
}

/// The content rules a deployment applies.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CarrierRules {
    /// The rule set; None: nothing is checked.
    pub rules: Option<RuleSet>,
    /// Domains registered with the carriers, whose links pass (`example.org` also allows
    /// `www.example.org`).
    pub allowed_domains: Vec<String>,
}

impl CarrierRules {
    /// Why `text` would be blocked, or None when it would pass.
    pub fn check(&self, text: &str) -> Option<Blocked> {
        let RuleSet::My = self.rules?;
        let folded = fold(text);
        if has_link(&folded, &self.allowed_domains) {
            return Some(Blocked::Link);
        }
        if has_phone_number(&folded) {
            return Some(Blocked::PhoneNumber);
        }
        if asks_personal_info(text, &folded) {
            return Some(Blocked::PersonalInfo);
        }
        None
    }
}

/// The text as a filter reads it: NFKC, invisible characters dropped, digits of any script as
/// ASCII, lower case, `[.]` / `(.)` / `(dot)` / `[dot]` as `.`.
fn fold(text: &str) -> String {
    // Marks drawn over digits (a keycap `0⃣`, a combining accent) do not hide them.
    let nfkc: String = text
        .nfkc()
        .filter(|c| !smsup_lang::is_invisible(*c) && !smsup_lang::is_mark(*c))
        .collect();
    // Digits of every script count; those of scripts the reader does not know stand as a digit
    // that starts no prefix.
    let mut s: String = smsup_lang::ascii_digits(&nfkc)
        .chars()
        .map(|c| {
            if c.is_numeric() && !c.is_ascii_digit() {
                '5'
            } else {
                c
            }
        })
        .collect::<String>()
        .to_lowercase();
    for dot in ["[.]", "(.)", "(dot)", "[dot]", "{.}"] {
        s = s.replace(dot, ".");
    }
    // The ideographic full stop and other dots a phone keyboard offers.
    s.replace(['。', '｡', '·', '•'], ".")
        .chars()
        .map(latin_look_alike)
        .collect()
}

/// Cyrillic and Greek letters that look like Latin ones (`example.соm`, `pаssword`), as Latin.
fn latin_look_alike(c: char) -> char {
    match c {
        'а' | 'α' => 'a',
        'е' | 'ε' => 'e',
        'о' | 'ο' => 'o',
        'р' | 'ρ' => 'p',
        'с' | 'ϲ' => 'c',
        'у' => 'y',
        'х' | 'χ' => 'x',
        'і' | 'ι' => 'i',
        'ј' => 'j',
        'ѕ' => 's',
        'ԁ' => 'd',
        'ԛ' => 'q',
        'ԝ' => 'w',
        'ν' => 'v',
        'κ' | 'к' => 'k',
        'τ' | 'т' => 't',
        'м' => 'm',
        'н' => 'h',
        'ѵ' => 'v',
        _ => c,
    }
}

/// Top-level domains: a word, a dot and one of these is a domain. Some are words too (`my`, `shop`,
/// `top`): a missing space after a full stop (`tomorrow.my friend`) is then refused with the
/// reason, which the sender can fix; a link that reaches the networks reaches nobody, silently.
const TLDS: &[&str] = &[
    "com", "net", "org", "info", "biz", "xyz", "gov", "edu", "asia", "io", "ly", "gl", "gd", "cc",
    "tk", "ml", "ga", "cf", "ws", "dev", "icu", "co", "uk", "sg", "id", "ph", "th", "mm", "pk",
    "ir", "af", "bd", "lk", "ae", "sa", "qa", "tv", "cn", "ru", "au", "my", "to", "gg", "top",
    "app", "shop", "online", "link", "click", "win", "bond", "bank", "museum", "xn--p1ai", "vn",
    "in", "me", "us", "site", "store", "live", "vip", "buzz", "club", "tech", "website",
];

/// Top-level domains that are also the commonest words after a missing space (`It is late.so go`):
/// a domain only with `www.`, a scheme, a path, or a second-level label such as `gov.my`.
const WORD_TLDS: &[&str] = &[
    "is", "it", "be", "at", "do", "no", "so", "life", "fun", "space", "news", "page",
];

/// Second-level labels of country domains (`gov.my`, `com.my`).
const SLDS: &[&str] = &["com", "gov", "org", "net", "edu", "co", "ac"];

/// Link shorteners and chat links, blocked whatever follows them.
const SHORTENERS: &[&str] = &[
    "bit.ly",
    "wa.me",
    "t.me",
    "t.co",
    "goo.gl",
    "tinyurl.com",
    "s.id",
    "rb.gy",
    "cutt.ly",
    "is.gd",
    "shorturl.at",
    "ow.ly",
    "tiny.cc",
    "linktr.ee",
];

fn is_host_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '.' || c == '_'
}

fn domain_allowed(host: &str, allowed: &[String]) -> bool {
    let host = host.trim_start_matches("www.");
    allowed.iter().any(|a| {
        let a = a.trim().trim_start_matches("www.").to_ascii_lowercase();
        !a.is_empty() && (host == a || host.ends_with(&format!(".{a}")))
    })
}

/// A link in folded text, on a domain that is not allowed.
fn has_link(s: &str, allowed: &[String]) -> bool {
    // A scheme (`https://`, `hxxp://`): whatever follows is a host.
    for (at, _) in s.match_indices("://") {
        let host: String = s[at + 3..]
            .chars()
            .take_while(|c| is_host_char(*c))
            .collect();
        if !domain_allowed(host.trim_matches('.'), allowed) {
            return true;
        }
    }
    let mut rest = s;
    while let Some(start) = rest.find(is_host_char) {
        let tail = &rest[start..];
        let end = tail.find(|c: char| !is_host_char(c)).unwrap_or(tail.len());
        let token = tail[..end].trim_matches('.');
        let followed_by_path = tail[end..].starts_with('/');
        rest = &tail[end..];
        // An IP address (`192.168.1.1`), a punycode name.
        let parts: Vec<&str> = token.split('.').collect();
        let ip = parts.len() == 4
            && parts
                .iter()
                .all(|p| (1..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()));
        if ip || token.contains("xn--") {
            return true;
        }
        let labels: Vec<&str> = token.split('.').collect();
        if labels.len() < 2 || labels.iter().any(|l| l.is_empty()) {
            continue;
        }
        let tld = labels[labels.len() - 1];
        let second = labels[labels.len() - 2];
        let letters = second.chars().any(char::is_alphabetic);
        let is_domain = labels[0] == "www"
            || SHORTENERS
                .iter()
                .any(|d| token == *d || token.ends_with(&format!(".{d}")))
            || (letters && TLDS.contains(&tld))
            || (letters
                && WORD_TLDS.contains(&tld)
                && (followed_by_path || (labels.len() >= 3 && SLDS.contains(&second))));
        if is_domain && !domain_allowed(token, allowed) {
            return true;
        }
    }
    false
}

/// Characters allowed between the digit groups of one phone number.
fn is_separator(c: char) -> bool {
    // Anything but a letter or a digit: spaces and line breaks, punctuation, symbols, emoji.
    !c.is_alphanumeric()
}

/// A phone number in folded text (digits are ASCII there).
fn has_phone_number(s: &str) -> bool {
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let plus =
            i > 0 && chars[i - 1] == '+' || i > 1 && chars[i - 1] == '(' && chars[i - 2] == '+';
        // The groups of digits, each with the separators after it.
        let mut groups: Vec<(String, String)> = Vec::new();
        let mut j = i;
        loop {
            let g_start = j;
            while j < chars.len() && chars[j].is_ascii_digit() {
                j += 1;
            }
            let group: String = chars[g_start..j].iter().collect();
            let s_start = j;
            // At most two separator characters (`) `, ` - `): more ends the number.
            while j < chars.len() && is_separator(chars[j]) && j - s_start < 3 {
                j += 1;
            }
            let sep: String = chars[s_start..j].iter().collect();
            let ends = j >= chars.len() || !chars[j].is_ascii_digit() || sep.is_empty();
            groups.push((group, sep));
            if ends {
                break;
            }
        }
        if is_phone(&groups, plus) {
            return true;
        }
        i = j.max(i + 1);
        // Skip the rest of this run of digits and letters.
        while i < chars.len() && chars[i].is_alphanumeric() {
            i += 1;
        }
    }
    false
}

/// True when the groups of a run of digits read as a phone number, not a date, a time, an amount
/// or a list of small numbers.
fn is_phone(groups: &[(String, String)], plus: bool) -> bool {
    let mut rest = groups;
    // A date at the start (`01.05.2024`, `2024-05-01`, `1-5-24`) is not part of a number.
    if let [(a, sa), (b, sb), (c, _), ..] = groups {
        let sep_same = sa.trim() == sb.trim() && matches!(sa.trim(), "." | "-" | "/");
        let day_first = a.len() <= 2 && b.len() <= 2 && (c.len() == 2 || c.len() == 4);
        let year_first = a.len() == 4 && b.len() <= 2 && c.len() <= 2;
        if sep_same && (day_first || year_first) {
            rest = &groups[3..];
        }
    }
    // A time (`10.30`) is two digits, a separator, two digits: it does not reach any length below.
    let digits: String = rest.iter().map(|(g, _)| g.as_str()).collect();
    let n = digits.len();
    if n == 0 {
        return false;
    }
    let spaced = rest
        .iter()
        .take(rest.len().saturating_sub(1))
        .any(|(_, sep)| sep.contains(char::is_whitespace));
    if plus && std::ptr::eq(rest, groups) {
        return n >= 8;
    }
    let sizes: Vec<usize> = rest.iter().map(|(g, _)| g.len()).collect();
    // Decimals and times in a row (`0.5 1.0 1.5`, `08.30 09.30`, `0800 1200 1600`) are no number.
    let decimal = rest.iter().any(|(_, sep)| sep.contains(['.', ',', ':']));
    if sizes.len() >= 3
        && ((decimal && sizes.iter().all(|l| *l <= 2)) || sizes.iter().all(|l| *l == 4))
    {
        return false;
    }
    // A Malaysian mobile number without its 0 (`12-345 6789`, `123456789`).
    let mobile_without_0 = digits.starts_with('1')
        && (9..=10).contains(&n)
        && sizes.first().is_some_and(|l| *l <= 3 || sizes.len() == 1)
        && sizes.last().is_some_and(|l| *l >= 4);
    mobile_without_0
        || (digits.starts_with('0') && n >= 9)
        || (digits.starts_with("60") && (11..=12).contains(&n))
        || (["1300", "1800", "1700"]
            .iter()
            .any(|p| digits.starts_with(p))
            && n == 10)
        || (n >= 10 && !spaced)
}

/// Words that ask for what the networks treat as personal information (English and Malay, the
/// languages of the filters), matched on whole words of the folded text; `PIN`, `TAC` and `OTP`
/// in capitals only, as they are written when they mean a code.
fn asks_personal_info(original: &str, s: &str) -> bool {
    const PHRASES: &[&str] = &[
        "ic number",
        "ic no",
        "no ic",
        "no. ic",
        "nombor ic",
        "nomor ic",
        "no kp",
        "kad pengenalan",
        "mykad number",
        "nombor mykad",
        "passport number",
        "passport no",
        "nombor pasport",
        "no pasport",
        "no. pasport",
        "nombor passport",
        "pin number",
        "pin code",
        "nombor pin",
        "kod pin",
        "password",
        "passcode",
        "kata laluan",
        "kata kunci",
        "one-time password",
        "account number",
        "nombor akaun",
        "no akaun",
        "card number",
        "nombor kad",
        "cvv",
        "security code",
        "kod keselamatan",
        "kod pengesahan",
        "verification code",
    ];
    let words: Vec<&str> = s
        .split(|c: char| !(c.is_alphanumeric() || c == '.' || c == '-'))
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_end_matches('.'))
        .collect();
    let joined = format!(" {} ", words.join(" "));
    if PHRASES
        .iter()
        .any(|p| joined.contains(&format!(" {p} ")) || joined.contains(&format!(" {p}s ")))
    {
        return true;
    }
    const PIN_PHRASES: &[&str] = &[
        "your pin",
        "ur pin",
        "atm pin",
        "bank pin",
        "card pin",
        "e-wallet pin",
        "ewallet pin",
        "pin anda",
        "pin kad",
        "card no",
        "acc no",
        "account no",
        "a/c no",
        "pass word",
        "p@ssword",
        "passwd",
        "pwd",
    ];
    if PIN_PHRASES
        .iter()
        .any(|p| joined.contains(&format!(" {p} ")) || s.contains(p) && p.contains(['/', '@']))
    {
        return true;
    }
    // Codes and card words that are no everyday word in any case; PIN and TAC only in capitals
    // (`pin the notice`, `tac` are words).
    words.iter().any(|w| {
        matches!(
            *w,
            "otp" | "0tp" | "o.t.p" | "nric" | "mykad" | "iban" | "cvv"
        )
    }) || original
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| matches!(w, "PIN" | "TAC" | "OTP" | "CVV"))
}

#[cfg(test)]
mod tests;
