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
        .upsert_member(sender, Some(sms.channel.as_str()), sms.via.as_deref(), now)
        .await?;
    // Burmese typed in Zawgyi is read in Unicode (keywords, list names, posts); a long enough text
    // tells which font the member's phone uses.
    let font = tx.member_font(sender_id).await?;
    let reading = engine::from_zawgyi(&sms.text, font);
    let mut text = reading.text;
    let mut parsed = engine.parse_from(&text, sender);
    // An opt-out never depends on the font guess: when the text as typed opts out, it does.
    if text != sms.text && !matches!(parsed.command, Command::Stop) {
        let raw = engine.parse_from(&sms.text, sender);
        if matches!(raw.command, Command::Stop) {
            (text, parsed) = (sms.text.clone(), raw);
        }
    }
    // No number typed in a command is kept in clear (a post is the member's own words).
    let body = match &parsed.command {
        Command::Post { .. } => text.clone(),
        _ => engine::mask_numbers(&text),
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
    let mut needs = engine::needs(&parsed.command);
    needs.owned |= engine::may_opt_out(&parsed.command, &text);
    let facts = tx
        .load_facts(who, &needs, &parsed, &engine.rules, inbound_id, now)
        .await?;
    let mut decision = engine.decide(&text, &parsed, &facts);
    // The font seen is remembered, unless the member just chose one.
    let chosen = decision.effects.iter().find_map(|e| match e {
        engine::Effect::SetFont(f) => Some(*f),
        _ => None,
    });
    if let (None, Some(seen)) = (chosen, reading.remember) {
        if font != Some(seen) {
            decision.effects.push(engine::Effect::SetFont(seen));
        }
    }
    // The answer is in the font the message was written in, else the member's.
    let sender_font = chosen.or(reading.written_in).or(font);
    // A text that was not posted after all (a list that does not exist, a typo of a command, a
    // refusal) is not the member's words to anyone: numbers typed in it are not kept either.
    let posted = decision
        .effects
        .iter()
        .any(|e| matches!(e, engine::Effect::Post { .. }));
    if !posted && matches!(parsed.command, Command::Post { .. }) {
        let masked = engine::mask_numbers(&text);
        if masked != body {
            tx.set_inbound_body(inbound_id, &masked).await?;
        }
    }
    // An alert's sender hears at once that it went: their answer is queued in the alert lane
    // before the alert's own messages.
    let (first, rest): (Vec<_>, Vec<_>) = decision
        .replies
        .iter()
        .partition(|r| decision.answer_first && r.to == To::Sender);
    for reply in first {
        let zawgyi = (sender_font == Some(engine::Font::Zawgyi))
            .then(|| engine::to_zawgyi(&reply.text))
            .flatten();
        let text = zawgyi.as_deref().unwrap_or(&reply.text);
        let channel = Some(sms.channel.as_str());
        tx.enqueue(sender_id, text, channel, Priority::Alert, true, now)
            .await?;
    }
    // Effects first: OptOut cancels what is queued for the sender, and the STOP confirmation
    // queued after it must survive.
    for effect in &decision.effects {
        tx.apply(effect, sender_id, inbound_id, now).await?;
    }
    for reply in rest {
        let (recipient, channel, to_sender, font) = match &reply.to {
            // A reply leaves through the channel its SMS came in on.
            To::Sender => (sender_id, Some(sms.channel.as_str()), true, sender_font),
            To::Member(id) => (*id, None, false, tx.member_font(*id).await?),
            To::Phone(phone) => {
                let id = tx.upsert_member(phone, None, None, now).await?;
                (id, None, false, tx.member_font(id).await?)
            }
        };
        // Burmese reaches a phone that shows Zawgyi in Zawgyi.
        let zawgyi = (font == Some(engine::Font::Zawgyi))
            .then(|| engine::to_zawgyi(&reply.text))
            .flatten();
        let reply_text = zawgyi.as_deref().unwrap_or(&reply.text);
        // Someone who opted out gets nothing from anyone else's command (a notice that they were
        // removed or made admin included); the sender's own answer is the engine's to decide.
        // A notice that an alert waits for an OK, or of a call for help, goes before everything.
        let lane = if decision.notices_first && !to_sender {
            Priority::Alert
        } else {
            Priority::Reply
        };
        tx.enqueue(recipient, reply_text, channel, lane, to_sender, now)
            .await?;
    }
    tx.commit().await?;
    if decision
        .effects
        .iter()
        .any(|e| matches!(e, engine::Effect::Forget { .. }))
    {
        // No earlier copy of what was erased stays in the write-ahead log.
        store.erase_traces().await?;
    }
    Ok(InboundOutcome::Stored(inbound_id))
}
