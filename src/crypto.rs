//! Phone numbers at rest: XChaCha20-Poly1305 encryption with a key id, and an HMAC-SHA256 blind index
//! for lookups. Both keys are derived from one 32-byte master key.

use std::path::Path;

use chacha20poly1305::aead::{Aead, KeyInit};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::{Digest, Sha256};

type HmacSha256 = Hmac<Sha256>;

/// Errors of key handling and decryption.
#[derive(Debug, thiserror::Error)]
pub enum CryptoError {
    /// The key is not 64 hex digits.
    #[error("the key must be 64 hexadecimal digits (32 bytes)")]
    BadKey,
    /// The key file could not be read or written.
    #[error("key file {path}: {source}")]
    KeyFile {
        /// The file.
        path: String,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A stored value was encrypted under another key.
    #[error("stored value was encrypted with key id {0:02x}, not the configured key")]
    WrongKey(u8),
    /// A stored value is corrupt or was tampered with.
    #[error("stored value cannot be decrypted")]
    Corrupt,
}

/// The keys that protect phone numbers at rest.
#[derive(Clone)]
pub struct Crypto {
    key_id: u8,
    cipher: XChaCha20Poly1305,
    index_key: [u8; 32],
}

impl std::fmt::Debug for Crypto {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Crypto(key id {:02x})", self.key_id)
    }
}

fn derive(master: &[u8; 32], label: &[u8]) -> [u8; 32] {
    let mut mac = <HmacSha256 as Mac>::new_from_slice(master).expect("HMAC takes any key length");
    mac.update(label);
    mac.finalize().into_bytes().into()
}

/// How the master key was obtained, for the startup message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeySource {
    /// From the configuration or environment.
    Configured,
    /// Read from an existing key file.
    File(String),
    /// A new key file was created.
    Created(String),
}

impl Crypto {
    /// Build from a 32-byte master key.
    pub fn new(master: [u8; 32]) -> Crypto {
        let key_id = Sha256::digest(master)[0];
        let enc_key = derive(&master, b"smsup phone encryption v1");
        Crypto {
            key_id,
            cipher: XChaCha20Poly1305::new(&enc_key.into()),
            index_key: derive(&master, b"smsup phone blind index v1"),
        }
    }

    /// Build from 64 hex digits.
    pub fn from_hex(hex_key: &str) -> Result<Crypto, CryptoError> {
        let bytes = hex::decode(hex_key.trim()).map_err(|_| CryptoError::BadKey)?;
        let master: [u8; 32] = bytes.try_into().map_err(|_| CryptoError::BadKey)?;
        Ok(Crypto::new(master))
    }

    /// Use the configured key, or the key file at `path`, creating it (mode 0600) on first run.
    pub fn load_or_create(
        configured: Option<&str>,
        path: &Path,
    ) -> Result<(Crypto, KeySource), CryptoError> {
        if let Some(k) = configured {
            return Ok((Crypto::from_hex(k)?, KeySource::Configured));
        }
        let shown = path.display().to_string();
        let io = |source| CryptoError::KeyFile {
            path: shown.clone(),
            source,
        };
        match std::fs::read_to_string(path) {
            Ok(text) => Ok((Crypto::from_hex(&text)?, KeySource::File(shown.clone()))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let mut master = [0u8; 32];
                rand::rngs::OsRng.fill_bytes(&mut master);
                let mut options = std::fs::OpenOptions::new();
                options.write(true).create_new(true);
                #[cfg(unix)]
                {
                    use std::os::unix::fs::OpenOptionsExt;
                    options.mode(0o600);
                }
                use std::io::Write;
                let mut file = options.open(path).map_err(io)?;
                file.write_all(format!("{}\n", hex::encode(master)).as_bytes())
                    .map_err(io)?;
                file.sync_all().map_err(io)?;
                Ok((Crypto::new(master), KeySource::Created(shown.clone())))
            }
            Err(e) => Err(io(e)),
        }
    }

    /// The blind index of a number: equal numbers give equal indexes; the number cannot be recovered.
    pub fn index(&self, e164: &str) -> Vec<u8> {
        let mut mac = <HmacSha256 as Mac>::new_from_slice(&self.index_key)
            .expect("HMAC takes any key length");
        mac.update(e164.as_bytes());
        mac.finalize().into_bytes().to_vec()
    }

    /// Encrypt: key id (1 byte) || nonce (24 bytes) || ciphertext with tag.
    pub fn encrypt(&self, plaintext: &str) -> Vec<u8> {
        let mut nonce = [0u8; 24];
        rand::rngs::OsRng.fill_bytes(&mut nonce);
        let sealed = self
            .cipher
            .encrypt(XNonce::from_slice(&nonce), plaintext.as_bytes())
            .expect("XChaCha20-Poly1305 encryption of a short buffer cannot fail");
        let mut out = Vec::with_capacity(1 + 24 + sealed.len());
        out.push(self.key_id);
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&sealed);
        out
    }

    /// Decrypt what [`Crypto::encrypt`] produced.
    pub fn decrypt(&self, stored: &[u8]) -> Result<String, CryptoError> {
        if stored.len() < 1 + 24 + 16 {
            return Err(CryptoError::Corrupt);
        }
        if stored[0] != self.key_id {
            return Err(CryptoError::WrongKey(stored[0]));
        }
        let plain = self
            .cipher
            .decrypt(XNonce::from_slice(&stored[1..25]), &stored[25..])
            .map_err(|_| CryptoError::Corrupt)?;
        String::from_utf8(plain).map_err(|_| CryptoError::Corrupt)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_index() {
        let c = Crypto::new([7u8; 32]);
        let sealed = c.encrypt("+60123456789");
        assert!(!sealed.windows(5).any(|w| w == b"12345"));
        assert_eq!(c.decrypt(&sealed).unwrap(), "+60123456789");
        assert_eq!(c.index("+60123456789"), c.index("+60123456789"));
        assert_ne!(c.index("+60123456789"), c.index("+60123456788"));
        assert_ne!(c.encrypt("+60123456789"), sealed, "nonces differ");
    }

    #[test]
    fn wrong_key_and_tampering_are_detected() {
        let a = Crypto::new([1u8; 32]);
        let b = Crypto::new([2u8; 32]);
        let mut sealed = a.encrypt("+60123456789");
        assert!(b.decrypt(&sealed).is_err());
        let last = sealed.len() - 1;
        sealed[last] ^= 1;
        assert!(matches!(a.decrypt(&sealed), Err(CryptoError::Corrupt)));
    }

    #[test]
    fn key_file_is_created_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("smsup.key");
        let (c1, s1) = Crypto::load_or_create(None, &path).unwrap();
        assert!(matches!(s1, KeySource::Created(_)));
        let (c2, s2) = Crypto::load_or_create(None, &path).unwrap();
        assert!(matches!(s2, KeySource::File(_)));
        assert_eq!(c1.index("+1"), c2.index("+1"));
    }
}
