//! SMPP over TLS: the rustls client configuration built from [`SmppConfig`].

use std::sync::Arc;

use rustls_pki_types::pem::PemObject;
use rustls_pki_types::{CertificateDer, PrivateKeyDer, ServerName};
use tokio_rustls::rustls::{ClientConfig, RootCertStore};
use tokio_rustls::TlsConnector;

use crate::config::{ConfigError, SmppConfig};

/// The connector and the server name to present, for a configuration with `tls = true`.
pub(crate) fn connector(
    config: &SmppConfig,
) -> Result<(TlsConnector, ServerName<'static>), ConfigError> {
    let mut roots = RootCertStore::empty();
    roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
    if let Some(path) = &config.tls_ca_file {
        let shown = path.display();
        let mut added = 0usize;
        let certs = CertificateDer::pem_file_iter(path)
            .map_err(|e| ConfigError::Tls(format!("reading {shown}: {e}")))?;
        for cert in certs {
            let cert = cert.map_err(|e| ConfigError::Tls(format!("reading {shown}: {e}")))?;
            roots
                .add(cert)
                .map_err(|e| ConfigError::Tls(format!("certificate in {shown}: {e}")))?;
            added += 1;
        }
        if added == 0 {
            return Err(ConfigError::Tls(format!("no certificate in {shown}")));
        }
    }
    let provider = Arc::new(tokio_rustls::rustls::crypto::ring::default_provider());
    let builder = ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| ConfigError::Tls(e.to_string()))?
        .with_root_certificates(roots);
    let tls = match (&config.tls_client_cert, &config.tls_client_key) {
        (None, None) => builder.with_no_client_auth(),
        (Some(cert), Some(key)) => {
            let chain = CertificateDer::pem_file_iter(cert)
                .and_then(|certs| certs.collect::<Result<Vec<_>, _>>())
                .map_err(|e| ConfigError::Tls(format!("reading {}: {e}", cert.display())))?;
            if chain.is_empty() {
                return Err(ConfigError::Tls(format!(
                    "no certificate in {}",
                    cert.display()
                )));
            }
            let key = PrivateKeyDer::from_pem_file(key)
                .map_err(|e| ConfigError::Tls(format!("reading {}: {e}", key.display())))?;
            builder
                .with_client_auth_cert(chain, key)
                .map_err(|e| ConfigError::Tls(format!("client certificate: {e}")))?
        }
        _ => {
            return Err(ConfigError::Tls(
                "tls_client_cert and tls_client_key go together".into(),
            ))
        }
    };
    let name = config
        .tls_server_name
        .clone()
        .unwrap_or_else(|| config.host.clone());
    let name = ServerName::try_from(name.clone())
        .map_err(|_| ConfigError::Tls(format!("invalid server name {name:?}")))?;
    Ok((TlsConnector::from(Arc::new(tls)), name))
}
