//! SMPP over TLS against the test SMSC behind a TLS acceptor with a certificate made at test time.

mod common;

use std::sync::Arc;
use std::time::Duration;

use common::TestSmsc;
use smsup_smpp::{BindMode, Client, ConfigError, Event, ReceiptState, SmppConfig, Submitted};
use tokio::sync::mpsc;
use tokio::time::timeout;
use tokio_rustls::rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use tokio_rustls::rustls::server::WebPkiClientVerifier;
use tokio_rustls::rustls::{RootCertStore, ServerConfig};
use tokio_rustls::TlsAcceptor;

/// A self-signed certificate for `smsc.test` and 127.0.0.1: the acceptor, and the certificate as PEM.
fn self_signed() -> (TlsAcceptor, String) {
    let rcgen::CertifiedKey { cert, key_pair } =
        rcgen::generate_simple_self_signed(vec!["smsc.test".to_string(), "127.0.0.1".to_string()])
            .unwrap();
    let der = CertificateDer::from(cert.der().to_vec());
    let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key_pair.serialize_der()));
    let provider = Arc::new(tokio_rustls::rustls::crypto::ring::default_provider());
    let config = ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(vec![der], key)
        .unwrap();
    (TlsAcceptor::from(Arc::new(config)), cert.pem())
}

/// An SMSC certificate (self-signed, as in [`self_signed`]) and a private CA that signs client
/// certificates: the acceptor asks every client for a certificate from that CA. Returns the acceptor,
/// the server certificate as PEM, and a client certificate and key (PEM) signed by the CA.
fn requiring_client_certificates() -> (TlsAcceptor, String, String, String) {
    let rcgen::CertifiedKey { cert, key_pair } =
        rcgen::generate_simple_self_signed(vec!["smsc.test".to_string()]).unwrap();
    let mut ca_params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
    ca_params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
    let ca_key = rcgen::KeyPair::generate().unwrap();
    let ca = ca_params.self_signed(&ca_key).unwrap();
    let mut client_params = rcgen::CertificateParams::new(vec!["smsup-esme".to_string()]).unwrap();
    client_params.extended_key_usages = vec![rcgen::ExtendedKeyUsagePurpose::ClientAuth];
    let client_key = rcgen::KeyPair::generate().unwrap();
    let client = client_params.signed_by(&client_key, &ca, &ca_key).unwrap();

    let provider = Arc::new(tokio_rustls::rustls::crypto::ring::default_provider());
    let mut roots = RootCertStore::empty();
    roots.add(CertificateDer::from(ca.der().to_vec())).unwrap();
    let verifier = WebPkiClientVerifier::builder_with_provider(Arc::new(roots), provider.clone())
        .build()
        .unwrap();
    let config = ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_client_cert_verifier(verifier)
        .with_single_cert(
            vec![CertificateDer::from(cert.der().to_vec())],
            PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key_pair.serialize_der())),
        )
        .unwrap();
    (
        TlsAcceptor::from(Arc::new(config)),
        cert.pem(),
        client.pem(),
        client_key.serialize_pem(),
    )
}

/// Writes `pem` to a fresh file in the temp directory.
fn pem_file(pem: &str, tag: &str) -> std::path::PathBuf {
    let path = std::env::temp_dir().join(format!(
        "smsup-smpp-tls-{}-{tag}-{:?}.pem",
        std::process::id(),
        std::thread::current().id()
    ));
    std::fs::write(&path, pem).unwrap();
    path
}

fn config(port: u16) -> SmppConfig {
    SmppConfig {
        port,
        password: "secret".into(),
        segments_per_second: 10_000,
        response_timeout: Duration::from_secs(2),
        reconnect_min: Duration::from_millis(100),
        reconnect_max: Duration::from_millis(200),
        tls: true,
        ..SmppConfig::default()
    }
}

async fn next_event(ev: &mut mpsc::Receiver<Event>) -> Event {
    timeout(Duration::from_secs(5), ev.recv())
        .await
        .expect("timed out waiting for an event")
        .expect("event stream ended")
}

/// Starts a client, waits for its transceiver bind and submits `text`; the client, its events and
/// the accepted submit.
async fn bound_and_submitted(
    cfg: SmppConfig,
    text: &str,
) -> (Client, mpsc::Receiver<Event>, Submitted) {
    let (client, mut ev) = Client::start(cfg).unwrap();
    match next_event(&mut ev).await {
        Event::Bound { bind, .. } => assert_eq!(bind, "transceiver"),
        other => panic!("expected a bind over TLS, got {other:?}"),
    }
    let sent = submitted(&client, text).await;
    (client, ev, sent)
}

/// Submits `text` and waits (at most 5 s) until the SMSC accepted it.
async fn submitted(client: &Client, text: &str) -> Submitted {
    let sent = timeout(Duration::from_secs(5), client.submit("+60123456789", text))
        .await
        .expect("submit timed out")
        .expect("submit accepted");
    assert_eq!(sent.message_ids.len(), 1);
    sent
}

/// The next receipt's id and state.
async fn next_receipt(ev: &mut mpsc::Receiver<Event>) -> (String, ReceiptState) {
    loop {
        if let Event::Receipt {
            message_id, state, ..
        } = next_event(ev).await
        {
            return (message_id, state);
        }
    }
}

#[tokio::test]
async fn bind_submit_and_receipt_over_tls_with_a_private_ca_file() {
    let (acceptor, pem) = self_signed();
    let smsc = TestSmsc::start_tls(acceptor).await;
    smsc.b
        .receipts_after
        .store(true, std::sync::atomic::Ordering::SeqCst);
    let ca = pem_file(&pem, "trusted");
    let mut cfg = config(smsc.port);
    cfg.tls_ca_file = Some(ca.clone());
    // Connect to 127.0.0.1 but check the certificate's DNS name.
    cfg.tls_server_name = Some("smsc.test".into());
    let (client, mut ev, sent) = bound_and_submitted(cfg, "Salam over TLS").await;
    let (id, state) = next_receipt(&mut ev).await;
    assert_eq!(id, sent.message_ids[0]);
    assert_eq!(state, ReceiptState::Delivered);
    assert_eq!(smsc.stored_texts(), vec!["Salam over TLS".to_string()]);
    client.shutdown().await;
    assert_eq!(
        smsc.state.lock().unwrap().unbinds,
        1,
        "unbind sent over TLS"
    );
    let _ = std::fs::remove_file(ca);
}

#[tokio::test]
async fn a_client_that_does_not_trust_the_certificate_never_binds() {
    let (acceptor, _pem) = self_signed();
    let smsc = TestSmsc::start_tls(acceptor).await;
    // Only the webpki roots: the self-signed certificate is refused.
    let (client, mut ev) = Client::start(config(smsc.port)).unwrap();
    match next_event(&mut ev).await {
        Event::Disconnected { reason, .. } => {
            assert!(reason.contains("TLS handshake"), "reason: {reason}");
            assert!(
                reason.to_lowercase().contains("certificate"),
                "reason: {reason}"
            );
        }
        other => panic!("expected a refused connection, got {other:?}"),
    }
    // It keeps refusing on every reconnect, and the SMSC never sees a bind.
    match next_event(&mut ev).await {
        Event::Disconnected { .. } => {}
        other => panic!("expected another refused connection, got {other:?}"),
    }
    // The server side saw the handshakes fail (it may record the last one a moment later).
    timeout(Duration::from_secs(2), async {
        while smsc.state.lock().unwrap().tls_failures < 1 {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    })
    .await
    .expect("the SMSC saw a failed TLS handshake");
    let st = smsc.state.lock().unwrap();
    assert!(
        st.binds.is_empty(),
        "a bind reached the SMSC: {:?}",
        st.binds
    );
    assert_eq!(st.conns, 0, "no SMPP session was opened");
    drop(st);
    drop(client);
}

#[tokio::test]
async fn a_wrong_server_name_is_refused() {
    let (acceptor, pem) = self_signed();
    let smsc = TestSmsc::start_tls(acceptor).await;
    let ca = pem_file(&pem, "wrongname");
    let mut cfg = config(smsc.port);
    cfg.tls_ca_file = Some(ca.clone());
    cfg.tls_server_name = Some("other.test".into());
    let (_client, mut ev) = Client::start(cfg).unwrap();
    match next_event(&mut ev).await {
        Event::Disconnected { reason, .. } => assert!(reason.contains("TLS"), "reason: {reason}"),
        other => panic!("expected a refused connection, got {other:?}"),
    }
    assert!(smsc.state.lock().unwrap().binds.is_empty());
    let _ = std::fs::remove_file(ca);
}

#[tokio::test]
async fn separate_transmitter_and_receiver_binds_over_tls() {
    let (acceptor, pem) = self_signed();
    let smsc = TestSmsc::start_tls(acceptor).await;
    let ca = pem_file(&pem, "txrx");
    let mut cfg = config(smsc.port);
    cfg.tls_ca_file = Some(ca.clone());
    cfg.tls_server_name = Some("smsc.test".into());
    cfg.bind_mode = BindMode::TransmitterAndReceiver;
    let (client, mut ev) = Client::start(cfg).unwrap();
    let mut bound = Vec::new();
    while bound.len() < 2 {
        if let Event::Bound { bind, .. } = next_event(&mut ev).await {
            bound.push(bind);
        }
    }
    bound.sort();
    assert_eq!(bound, vec!["receiver", "transmitter"]);
    let sent = submitted(&client, "two binds, TLS").await;
    // The receipt comes in on the receiver bind, over its own TLS connection.
    smsc.inject(smsc.receipt(&sent.message_ids[0], "DELIVRD"));
    let (id, state) = next_receipt(&mut ev).await;
    assert_eq!(
        (id.as_str(), state),
        (sent.message_ids[0].as_str(), ReceiptState::Delivered)
    );
    let mut binds = smsc.state.lock().unwrap().binds.clone();
    binds.sort();
    assert_eq!(
        binds,
        vec![0x01, 0x02],
        "bind_receiver and bind_transmitter"
    );
    client.shutdown().await;
    assert_eq!(smsc.state.lock().unwrap().unbinds, 2);
    let _ = std::fs::remove_file(ca);
}

#[tokio::test]
async fn a_client_certificate_is_presented_when_the_smsc_asks_for_one() {
    let (acceptor, server_pem, cert_pem, key_pem) = requiring_client_certificates();
    let smsc = TestSmsc::start_tls(acceptor).await;
    let ca = pem_file(&server_pem, "mtls-ca");
    let cert = pem_file(&cert_pem, "mtls-cert");
    let key = pem_file(&key_pem, "mtls-key");
    let base = SmppConfig {
        tls_ca_file: Some(ca.clone()),
        tls_server_name: Some("smsc.test".into()),
        ..config(smsc.port)
    };

    // Without a certificate the SMSC ends the handshake: no bind ever reaches it.
    let (without, mut ev) = Client::start(base.clone()).unwrap();
    match next_event(&mut ev).await {
        Event::Disconnected { .. } => {}
        other => panic!("expected a refused connection, got {other:?}"),
    }
    without.shutdown().await;
    assert!(smsc.state.lock().unwrap().binds.is_empty());

    let with_cert = SmppConfig {
        tls_client_cert: Some(cert.clone()),
        tls_client_key: Some(key.clone()),
        ..base.clone()
    };
    let (client, _ev, _) = bound_and_submitted(with_cert, "mutual TLS").await;
    assert_eq!(smsc.stored_texts(), vec!["mutual TLS".to_string()]);
    client.shutdown().await;

    // A certificate without its key is a configuration error, found at start.
    let half = SmppConfig {
        tls_client_cert: Some(cert.clone()),
        ..base
    };
    assert!(matches!(half.validate(), Err(ConfigError::Tls(m)) if m.contains("together")));
    for f in [ca, cert, key] {
        let _ = std::fs::remove_file(f);
    }
}

#[test]
fn unusable_tls_settings_are_refused_at_start() {
    let mut cfg = config(2775);
    cfg.tls_ca_file = Some("/nonexistent/smsup-ca.pem".into());
    assert!(matches!(cfg.validate(), Err(ConfigError::Tls(_))));
    let empty = pem_file("not a certificate\n", "empty");
    cfg.tls_ca_file = Some(empty.clone());
    assert!(matches!(cfg.validate(), Err(ConfigError::Tls(m)) if m.contains("no certificate")));
    cfg.tls_ca_file = None;
    cfg.tls_server_name = Some("bad name!".into());
    assert!(matches!(cfg.validate(), Err(ConfigError::Tls(_))));
    cfg.tls_server_name = None;
    assert_eq!(cfg.validate(), Ok(()));
    let _ = std::fs::remove_file(empty);
}
