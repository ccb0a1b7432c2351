//! The set-up every application benchmark shares: a store with one list of N members and the post
//! that fans out to all of them.

use std::sync::Arc;
use std::time::{Duration, Instant};

use smsup::channels::InboundSms;
use smsup::engine::Engine;
use smsup::phone::Phone;
use smsup::store::{ImportMode, ImportRow, Store};

/// The text posted to the list.
pub const POST: &str =
    "bench Security alert: police checks at Pudu station, avoid the area tonight.";

/// How long the set-up took.
pub struct Setup {
    /// Importing the N members.
    pub import: Duration,
    /// Storing the post and its N outbox rows.
    pub enqueue: Duration,
}

/// Creates list `bench` owned by +447911000000 through `gateway`, imports `n` members
/// (+447911000000 + 1,000,000 + i) and posts [`POST`] to it.
pub async fn list_with_post(
    store: &Arc<dyn Store>,
    engine: &Engine,
    gateway: &'static str,
    n: usize,
) -> Setup {
    let owner = Phone::parse("+447911000000", "MY").expect("phone");
    let inbound = |id: &str, text: &str| InboundSms {
        channel: gateway.into(),
        provider_id: id.into(),
        from: owner.e164().into(),
        text: text.into(),
        via: None,
    };
    smsup::service::inbound::handle(&**store, &inbound("create", "CREATE bench"), &owner, engine)
        .await
        .expect("create");
    let rows: Vec<ImportRow> = (0..n)
        .map(|i| ImportRow {
            phone: Phone::parse(&format!("+44791{:07}", 1_000_000 + i), "MY").expect("phone"),
            alias: None,
            language: None,
        })
        .collect();
    let t = Instant::now();
    smsup::service::members::import(
        &**store,
        "bench",
        &rows,
        ImportMode::ConsentedSilent,
        engine,
    )
    .await
    .expect("import");
    let import = t.elapsed();
    let t = Instant::now();
    smsup::service::inbound::handle(&**store, &inbound("post", POST), &owner, engine)
        .await
        .expect("post");
    Setup {
        import,
        enqueue: t.elapsed(),
    }
}
