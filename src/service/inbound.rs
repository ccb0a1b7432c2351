//! One inbound SMS, in one transaction: the sender is found or added, the SMS recorded once per
//! (channel, provider id), parsed, the facts it needs loaded, decided by the engine, its effects
//! applied and every reply queued.

use crate::domain::{InboundOutcome, InboundSms, Priority};
use crate::engine::{self, Command, Engine, To};
use crate::phone::Phone;
use crate::store::{now_ms, InboundRecord, Store, StoreError};

/// Handle an inbound SMS from `sender` (parsed from `sms.from`) with `engine`'s rules; returns only
/// when the outcome is durable.
pub async fn handle(
    store: &dyn Store,
    sms: &InboundSms,
    sender: &Phone,
    engine: &Engine,
) -> Result<InboundOutcome, StoreError> {
    let now = now_ms();
    let mut tx = store.begin_inbound().await?;
    let sender_id = tx
        .upsert_member(sender, Some(sms.channel.as_str()), now)
        .await?;
    let parsed = engine.parse_from(&sms.text, sender);
    // No number typed in a command is kept in clear (a post is the member's own words).
    let body = match &parsed.command {
        Command::Post { .. } => sms.text.clone(),
        _ => engine::mask_numbers(&sms.text),
    };
    let record = InboundRecord {
        channel: &sms.channel,
        provider_id: &sms.provider_id,
        member_id: sender_id,
        body: &body,
        command: parsed.command.kind(),
    };
    let Some(inbound_id) = tx.record_inbound(&record, now).await? else {
        // Seen before: a retry or a replay changes nothing (dropping the transaction undoes the
        // member's upsert too).
        return Ok(InboundOutcome::Duplicate);
    };
    let who = tx.sender(sender_id, sender).await?;
    let needs = engine::needs(&parsed.command);
    let facts = tx
        .load_facts(who, &needs, &parsed, &engine.rules, inbound_id, now)
        .await?;
    let decision = engine.decide(&sms.text, &parsed, &facts);
    // A text that was not posted after all (a list that does not exist, a typo of a command, a
    // refusal) is not the member's words to anyone: numbers typed in it are not kept either.
    let posted = decision
        .effects
        .iter()
        .any(|e| matches!(e, engine::Effect::Post { .. }));
    if !posted && matches!(parsed.command, Command::Post { .. }) {
        let masked = engine::mask_numbers(&sms.text);
        if masked != body {
            tx.set_inbound_body(inbound_id, &masked).await?;
        }
    }
    // Effects first: OptOut cancels what is queued for the sender, and the STOP confirmation
    // queued after it must survive.
    for effect in &decision.effects {
        tx.apply(effect, sender_id, inbound_id, now).await?;
    }
    for reply in &decision.replies {
        let (recipient, channel, to_sender) = match &reply.to {
            // A reply leaves through the channel its SMS came in on.
            To::Sender => (sender_id, Some(sms.channel.as_str()), true),
            To::Member(id) => (*id, None, false),
            To::Phone(phone) => (tx.upsert_member(phone, None, now).await?, None, false),
        };
        // Someone who opted out gets nothing from anyone else's command (a notice that they were
        // removed or made admin included); the sender's own answer is the engine's to decide.
        tx.enqueue(
            recipient,
            &reply.text,
            channel,
            Priority::Reply,
            to_sender,
            now,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(InboundOutcome::Stored(inbound_id))
}
