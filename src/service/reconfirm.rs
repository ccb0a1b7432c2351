//! Re-confirmation (`members.reconfirm_days`, off by default): refugees change numbers often, and a
//! lost or recycled number must not keep receiving a community's posts. A member who has not
//! written for that long and whose messages stopped being delivered is asked once whether they are
//! still there; without an answer within `members.reconfirm_wait_days` they are paused (they get no
//! posts; nothing is deleted). Any SMS from them ends the question and the pause.

use crate::engine::Engine;
use crate::store::{Store, StoreError};

/// Members asked per run (each question is one SMS).
const BATCH: u32 = 500;

/// What one run did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reconfirmed {
    /// Members asked now.
    pub asked: u64,
    /// Members paused now (asked earlier, no answer).
    pub paused: u64,
}

/// One run at `now` (ms since epoch): pause who did not answer, then ask who went silent.
pub async fn run(
    store: &dyn Store,
    engine: &Engine,
    silent_days: u32,
    wait_days: u32,
    now: i64,
) -> Result<Reconfirmed, StoreError> {
    let day = 86_400_000i64;
    let paused = store
        .pause_unanswered(now - i64::from(wait_days) * day)
        .await?;
    let mut asked = 0;
    for c in store
        .reconfirm_candidates(now - i64::from(silent_days) * day, BATCH)
        .await?
    {
        let lang = engine.language_for(c.language, None, &c.phone);
        let text = engine.render_for(
            lang,
            "reconfirm",
            &[("days", smsup_lang::Arg::Num(i64::from(wait_days)))],
        );
        store.ask_reconfirm(c.id, &text, now).await?;
        asked += 1;
    }
    Ok(Reconfirmed { asked, paused })
}
