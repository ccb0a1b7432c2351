//! `X-Twilio-Signature`: computing and checking Twilio's webhook signatures.
//!
//! Twilio signs the exact URL it called (scheme, host, port if any, path, query string) followed by
//! every POSTed form field, sorted by name, each written as name + value with no separators. The
//! HMAC key is the account's Auth Token and the hash SHA-1, unless a Webhook Rule assigns a
//! SharedKey: then Twilio adds `X-Twilio-Webhooks-Signature-Settings: key=…,algorithm=HMAC_SHA256`
//! (or `HMAC_SHA1`) and signs the same string with the SharedKey secret and that algorithm.
//! The signature is the base64 of the MAC.
//!
//! Repeated fields are handled as Twilio's helper libraries do: the distinct values of a name are
//! sorted and each is appended as name + value. Names and values are sorted by UTF-16 code units,
//! as JavaScript's `Array.prototype.sort` does. Like the helper libraries, validation also accepts
//! the URL with the default port added or with the port removed.

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use hmac::{Hmac, Mac};

use crate::config::{Secret, TwilioConfig};

/// Name of the header carrying the signature.
pub const SIGNATURE_HEADER: &str = "X-Twilio-Signature";
/// Name of the header Twilio adds when a SharedKey (not the Auth Token) signed the request.
pub const SIGNATURE_SETTINGS_HEADER: &str = "X-Twilio-Webhooks-Signature-Settings";

/// The MAC algorithm of a signature.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Algorithm {
    /// HMAC-SHA1 (the Auth Token default).
    HmacSha1,
    /// HMAC-SHA256 (available with SharedKeys).
    HmacSha256,
}

impl Algorithm {
    /// Parses Twilio's algorithm name (`HMAC_SHA1`, `HMAC_SHA256`, case-insensitive).
    pub fn from_name(name: &str) -> Option<Algorithm> {
        if name.eq_ignore_ascii_case("HMAC_SHA1") {
            Some(Algorithm::HmacSha1)
        } else if name.eq_ignore_ascii_case("HMAC_SHA256") {
            Some(Algorithm::HmacSha256)
        } else {
            None
        }
    }

    /// Twilio's name for the algorithm.
    pub fn name(self) -> &'static str {
        match self {
            Algorithm::HmacSha1 => "HMAC_SHA1",
            Algorithm::HmacSha256 => "HMAC_SHA256",
        }
    }
}

/// Why a webhook's signature was not accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignatureError {
    /// No `X-Twilio-Signature` header.
    #[error("missing X-Twilio-Signature header")]
    Missing,
    /// The header is not valid base64 of a MAC of the expected length.
    #[error("malformed X-Twilio-Signature header")]
    Malformed,
    /// The signature does not match the URL and parameters.
    #[error("signature does not match")]
    Mismatch,
    /// The settings header names an algorithm this code does not know.
    #[error("unsupported signature algorithm {0:?}")]
    UnsupportedAlgorithm(String),
    /// The request was signed with a SharedKey but no SharedKey secret is configured
    /// (`twilio.webhook_shared_keys`): a configuration error on our side.
    #[error("request signed with a Twilio SharedKey but twilio.webhook_shared_keys is not set")]
    NoSharedKeyConfigured,
}

impl SignatureError {
    /// True when the fault is our configuration (answer 500), not the request (answer 403).
    pub fn is_configuration_error(&self) -> bool {
        matches!(self, SignatureError::NoSharedKeyConfigured)
    }
}

/// The parsed `X-Twilio-Webhooks-Signature-Settings` header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignatureSettings {
    /// The SharedKey id named in `key=`, if any.
    pub key: Option<String>,
    /// The algorithm named in `algorithm=` (HMAC-SHA1 when absent).
    pub algorithm: Algorithm,
}

impl SignatureSettings {
    /// Parses `key=<id>,algorithm=<name>`; a missing `algorithm=` means HMAC-SHA1, as in Twilio's
    /// helper library. An unknown algorithm is an error.
    pub fn parse(header: &str) -> Result<SignatureSettings, SignatureError> {
        let mut key = None;
        let mut algorithm = Algorithm::HmacSha1;
        for part in header.split(',') {
            let Some((name, value)) = part.split_once('=') else {
                continue;
            };
            let value = value.trim();
            match name.trim() {
                "algorithm" if !value.is_empty() => {
                    algorithm = Algorithm::from_name(value)
                        .ok_or_else(|| SignatureError::UnsupportedAlgorithm(value.to_string()))?;
                }
                "key" if !value.is_empty() => key = Some(value.to_string()),
                _ => {}
            }
        }
        Ok(SignatureSettings { key, algorithm })
    }
}

/// Decodes an `application/x-www-form-urlencoded` body into (name, value) pairs in order, keeping
/// repeated names and empty values (`+` is a space; bad UTF-8 becomes U+FFFD, as in browsers).
pub fn parse_form(body: &[u8]) -> Vec<(String, String)> {
    form_urlencoded::parse(body)
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

fn utf16_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    a.encode_utf16().cmp(b.encode_utf16())
}

/// The exact string Twilio signs: `url` followed by name + value of every parameter, names sorted,
/// the distinct values of a repeated name sorted.
pub fn signing_payload(url: &str, params: &[(String, String)]) -> String {
    let mut sorted: Vec<(&str, &str)> = params
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    sorted.sort_by(|a, b| utf16_cmp(a.0, b.0).then_with(|| utf16_cmp(a.1, b.1)));
    sorted.dedup();
    let mut out = String::with_capacity(
        url.len() + sorted.iter().map(|(k, v)| k.len() + v.len()).sum::<usize>(),
    );
    out.push_str(url);
    for (k, v) in sorted {
        out.push_str(k);
        out.push_str(v);
    }
    out
}

fn mac_bytes(secret: &[u8], algorithm: Algorithm, data: &[u8]) -> Vec<u8> {
    // HMAC accepts keys of any length, so `new_from_slice` cannot fail; fall back to an empty MAC
    // rather than panic if it ever did.
    match algorithm {
        Algorithm::HmacSha1 => Hmac::<sha1::Sha1>::new_from_slice(secret)
            .map(|mut m| {
                m.update(data);
                m.finalize().into_bytes().to_vec()
            })
            .unwrap_or_default(),
        Algorithm::HmacSha256 => Hmac::<sha2::Sha256>::new_from_slice(secret)
            .map(|mut m| {
                m.update(data);
                m.finalize().into_bytes().to_vec()
            })
            .unwrap_or_default(),
    }
}

fn mac_verify(secret: &[u8], algorithm: Algorithm, data: &[u8], expected: &[u8]) -> bool {
    // `verify_slice` compares in constant time.
    match algorithm {
        Algorithm::HmacSha1 => Hmac::<sha1::Sha1>::new_from_slice(secret)
            .map(|mut m| {
                m.update(data);
                m.verify_slice(expected).is_ok()
            })
            .unwrap_or(false),
        Algorithm::HmacSha256 => Hmac::<sha2::Sha256>::new_from_slice(secret)
            .map(|mut m| {
                m.update(data);
                m.verify_slice(expected).is_ok()
            })
            .unwrap_or(false),
    }
}

/// Computes the `X-Twilio-Signature` value for `url` and `params` with `secret` (the Auth Token or
/// a SharedKey secret).
pub fn sign(secret: &str, algorithm: Algorithm, url: &str, params: &[(String, String)]) -> String {
    BASE64.encode(mac_bytes(
        secret.as_bytes(),
        algorithm,
        signing_payload(url, params).as_bytes(),
    ))
}

/// Splits `scheme://authority` from the rest and the authority into (userinfo@, host, :port).
fn split_url(url: &str) -> Option<(&str, &str, &str, &str, &str)> {
    let scheme_end = url.find("://")? + 3;
    let scheme = &url[..scheme_end];
    let after = &url[scheme_end..];
    let auth_end = after.find(['/', '?', '#']).unwrap_or(after.len());
    let authority = &after[..auth_end];
    let rest = &after[auth_end..];
    let (userinfo, host_port) = match authority.rfind('@') {
        Some(i) => (&authority[..=i], &authority[i + 1..]),
        None => ("", authority),
    };
    // A ':' starts the port only after an IPv6 literal's closing bracket.
    let search_from = host_port.rfind(']').map(|i| i + 1).unwrap_or(0);
    let (host, port) = match host_port[search_from..].find(':') {
        Some(i) => host_port.split_at(search_from + i),
        None => (host_port, ""),
    };
    Some((scheme, userinfo, host, port, rest))
}

/// The URL variants Twilio's helper libraries accept for one configured URL: as given, without
/// its port, and with the scheme's default port.
pub fn url_variants(url: &str) -> Vec<String> {
    let mut out = vec![url.to_string()];
    if let Some((scheme, userinfo, host, port, rest)) = split_url(url) {
        let without = format!("{scheme}{userinfo}{host}{rest}");
        let with = if port.is_empty() {
            let default = if scheme.eq_ignore_ascii_case("https://") {
                ":443"
            } else {
                ":80"
            };
            format!("{scheme}{userinfo}{host}{default}{rest}")
        } else {
            url.to_string()
        };
        for v in [without, with] {
            if !out.contains(&v) {
                out.push(v);
            }
        }
    }
    out
}

/// Checks webhook signatures with the Auth Token and any configured SharedKey secrets.
#[derive(Debug, Clone)]
pub struct WebhookValidator {
    auth_token: Secret,
    shared_keys: Vec<Secret>,
}

impl WebhookValidator {
    /// A validator for an Auth Token and zero or more SharedKey secrets.
    pub fn new(auth_token: Secret, shared_keys: Vec<Secret>) -> Self {
        WebhookValidator {
            auth_token,
            shared_keys,
        }
    }

    /// A validator using the configured Auth Token and `webhook_shared_keys`.
    pub fn from_config(config: &TwilioConfig) -> Self {
        Self::new(
            config.auth_token.clone(),
            config.webhook_shared_keys.clone(),
        )
    }

    /// Checks a request: `url` is the public URL Twilio called (with query string), `params` the
    /// decoded form body, `signature` and `settings` the `X-Twilio-Signature` and
    /// `X-Twilio-Webhooks-Signature-Settings` header values. Returns the algorithm that matched.
    pub fn validate(
        &self,
        url: &str,
        params: &[(String, String)],
        signature: Option<&str>,
        settings: Option<&str>,
    ) -> Result<Algorithm, SignatureError> {
        let signature = signature.map(str::trim).filter(|s| !s.is_empty());
        let signature = signature.ok_or(SignatureError::Missing)?;
        let (secrets, algorithm): (Vec<&Secret>, Algorithm) =
            match settings.map(str::trim).filter(|s| !s.is_empty()) {
                None => (vec![&self.auth_token], Algorithm::HmacSha1),
                Some(header) => {
                    let parsed = SignatureSettings::parse(header)?;
                    if self.shared_keys.is_empty() {
                        return Err(SignatureError::NoSharedKeyConfigured);
                    }
                    (self.shared_keys.iter().collect(), parsed.algorithm)
                }
            };
        let expected = BASE64
            .decode(signature)
            .map_err(|_| SignatureError::Malformed)?;
        let mac_len = match algorithm {
            Algorithm::HmacSha1 => 20,
            Algorithm::HmacSha256 => 32,
        };
        if expected.len() != mac_len {
            return Err(SignatureError::Malformed);
        }
        let mut ok = false;
        for candidate in url_variants(url) {
            let payload = signing_payload(&candidate, params);
            for secret in &secrets {
                // Evaluate every candidate (no early exit) so timing does not reveal which matched.
                ok |= mac_verify(
                    secret.expose().as_bytes(),
                    algorithm,
                    payload.as_bytes(),
                    &expected,
                );
            }
        }
        if ok {
            Ok(algorithm)
        } else {
            Err(SignatureError::Mismatch)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn payload_sorts_names_and_concatenates_without_separators() {
        let s = signing_payload(
            "https://example.org/twilio/sms?row=7",
            &p(&[("To", "+2"), ("Body", "hi there"), ("From", "+1")]),
        );
        assert_eq!(
            s,
            "https://example.org/twilio/sms?row=7Bodyhi thereFrom+1To+2"
        );
    }

    #[test]
    fn repeated_names_use_distinct_sorted_values() {
        let s = signing_payload("u", &p(&[("a", "2"), ("b", "x"), ("a", "1"), ("a", "2")]));
        assert_eq!(s, "ua1a2bx");
    }

    #[test]
    fn settings_header_parsing() {
        let s =
            SignatureSettings::parse("key=webhooks_sharedkey_01,algorithm=HMAC_SHA256").unwrap();
        assert_eq!(s.algorithm, Algorithm::HmacSha256);
        assert_eq!(s.key.as_deref(), Some("webhooks_sharedkey_01"));
        assert_eq!(
            SignatureSettings::parse("key=k").unwrap().algorithm,
            Algorithm::HmacSha1
        );
        assert_eq!(
            SignatureSettings::parse("algorithm=HMAC_MD5"),
            Err(SignatureError::UnsupportedAlgorithm("HMAC_MD5".into()))
        );
    }

    #[test]
    fn url_variants_add_and_remove_default_port() {
        assert_eq!(
            url_variants("https://a.example/x?y=1"),
            vec![
                "https://a.example/x?y=1".to_string(),
                "https://a.example:443/x?y=1".to_string()
            ]
        );
        assert_eq!(
            url_variants("http://[::1]:8080/x"),
            vec![
                "http://[::1]:8080/x".to_string(),
                "http://[::1]/x".to_string()
            ]
        );
    }

    #[test]
    fn validator_accepts_own_signature_and_rejects_changes() {
        let v = WebhookValidator::new(Secret::new("tok"), vec![]);
        let url = "https://example.org/twilio/sms";
        let params = p(&[("Body", "JOIN x"), ("From", "+60123")]);
        let sig = sign("tok", Algorithm::HmacSha1, url, &params);
        assert_eq!(
            v.validate(url, &params, Some(&sig), None),
            Ok(Algorithm::HmacSha1)
        );
        let mut changed = params.clone();
        changed[0].1.push('!');
        assert_eq!(
            v.validate(url, &changed, Some(&sig), None),
            Err(SignatureError::Mismatch)
        );
        assert_eq!(
            v.validate(url, &params, None, None),
            Err(SignatureError::Missing)
        );
        assert_eq!(
            v.validate(url, &params, Some("not base64!"), None),
            Err(SignatureError::Malformed)
        );
        // A SharedKey-signed request without a configured SharedKey is our configuration error.
        let e = v
            .validate(
                url,
                &params,
                Some(&sig),
                Some("key=k,algorithm=HMAC_SHA256"),
            )
            .unwrap_err();
        assert!(e.is_configuration_error());
    }
}
