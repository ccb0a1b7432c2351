//! HTTPS: an optional second listener (`tls_listen`, `tls_cert`, `tls_key`), because the regular
//! Android gateway app posts webhooks to `https://` addresses only, and `smsup tls lan-cert`, a
//! small local certificate authority and a certificate for a LAN address signed by it, whose CA a
//! volunteer installs on the phone.

use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use hyper_util::rt::TokioIo;
use hyper_util::service::TowerToHyperService;
use rustls_pki_types::pem::PemObject;
use rustls_pki_types::{CertificateDer, PrivateKeyDer};
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio_rustls::rustls;
use tokio_rustls::TlsAcceptor;

/// The certificate or key could not be read or made.
#[derive(Debug, thiserror::Error)]
pub enum TlsError {
    /// A PEM file is missing, unreadable or holds nothing usable.
    #[error("{path}: {message}")]
    File {
        /// The file.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// rustls refused the certificate and key.
    #[error("the certificate and key do not go together: {0}")]
    Rustls(#[from] rustls::Error),
    /// The certificate could not be made.
    #[error("making the certificate failed: {0}")]
    Generate(#[from] rcgen::Error),
}

fn file_error(path: &Path, message: impl std::fmt::Display) -> TlsError {
    TlsError::File {
        path: path.display().to_string(),
        message: message.to_string(),
    }
}

/// The server side of TLS from a certificate chain and a key, both PEM.
pub fn server_config(cert: &Path, key: &Path) -> Result<Arc<rustls::ServerConfig>, TlsError> {
    let chain: Vec<CertificateDer<'static>> = CertificateDer::pem_file_iter(cert)
        .map_err(|e| file_error(cert, e))?
        .collect::<Result<_, _>>()
        .map_err(|e| file_error(cert, e))?;
    if chain.is_empty() {
        return Err(file_error(cert, "no certificate in it"));
    }
    let key = PrivateKeyDer::from_pem_file(key).map_err(|e| file_error(key, e))?;
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()?
        .with_no_client_auth()
        .with_single_cert(chain, key)?;
    Ok(Arc::new(config))
}

/// Serves `router` over TLS on `listener` until `stop` turns true. A connection whose handshake
/// fails (a scanner, a phone that does not trust the CA) is dropped and logged at debug level.
pub async fn serve(
    listener: TcpListener,
    config: Arc<rustls::ServerConfig>,
    router: axum::Router,
    mut stop: watch::Receiver<bool>,
) {
    let acceptor = TlsAcceptor::from(config);
    loop {
        let (tcp, _) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(c) => c,
                Err(e) => {
                    tracing::warn!(error = %e, "HTTPS accept failed");
                    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
                    continue;
                }
            },
            _ = stop.changed() => break,
        };
        let acceptor = acceptor.clone();
        let service = TowerToHyperService::new(router.clone());
        tokio::spawn(async move {
            let tls = match tokio::time::timeout(
                std::time::Duration::from_secs(10),
                acceptor.accept(tcp),
            )
            .await
            {
                Ok(Ok(tls)) => tls,
                Ok(Err(e)) => {
                    tracing::debug!(error = %e, "TLS handshake failed");
                    return;
                }
                Err(_) => return,
            };
            let conn = hyper::server::conn::http1::Builder::new()
                .serve_connection(TokioIo::new(tls), service);
            if let Err(e) = conn.await {
                tracing::debug!(error = %e, "HTTPS connection ended with an error");
            }
        });
    }
}

/// What `smsup tls lan-cert` wrote.
#[derive(Debug, Clone)]
pub struct LanCert {
    /// The CA's certificate, to install on the phone (`smsup-ca.pem`).
    pub ca: PathBuf,
    /// The certificate for the address, signed by the CA (`smsup-cert.pem`): `tls_cert`.
    pub cert: PathBuf,
    /// Its private key (`smsup-key.pem`, readable by its owner only): `tls_key`.
    pub key: PathBuf,
}

/// A small local CA and a certificate for `ip` signed by it, written into `dir`. The CA's own key
/// is not kept: nothing else can ever be signed with it.
pub fn lan_cert(ip: IpAddr, dir: &Path) -> Result<LanCert, TlsError> {
    use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, KeyPair, SanType};
    let ca_key = KeyPair::generate()?;
    let mut ca = CertificateParams::new(Vec::<String>::new())?;
    ca.is_ca = IsCa::Ca(BasicConstraints::Constrained(0));
    ca.distinguished_name
        .push(DnType::CommonName, format!("SMS Up local CA for {ip}"));
    ca.not_after = rcgen::date_time_ymd(2036, 1, 1);
    let ca_cert = ca.self_signed(&ca_key)?;
    let key = KeyPair::generate()?;
    let mut leaf = CertificateParams::new(Vec::<String>::new())?;
    leaf.subject_alt_names = vec![SanType::IpAddress(ip)];
    leaf.distinguished_name
        .push(DnType::CommonName, format!("SMS Up at {ip}"));
    leaf.not_after = rcgen::date_time_ymd(2035, 12, 31);
    let cert = leaf.signed_by(&key, &ca_cert, &ca_key)?;
    let out = LanCert {
        ca: dir.join("smsup-ca.pem"),
        cert: dir.join("smsup-cert.pem"),
        key: dir.join("smsup-key.pem"),
    };
    std::fs::write(&out.ca, ca_cert.pem()).map_err(|e| file_error(&out.ca, e))?;
    // The chain: the certificate, then the CA (a phone that has the CA checks it either way).
    std::fs::write(&out.cert, format!("{}{}", cert.pem(), ca_cert.pem()))
        .map_err(|e| file_error(&out.cert, e))?;
    write_private(&out.key, &key.serialize_pem())?;
    Ok(out)
}

/// Writes `text` to `path`, readable and writable by its owner only.
fn write_private(path: &Path, text: &str) -> Result<(), TlsError> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut f = options.open(path).map_err(|e| file_error(path, e))?;
    f.write_all(text.as_bytes())
        .map_err(|e| file_error(path, e))
}
