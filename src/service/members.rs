//! Importing an organisation's members into a list: the rules of who is invited, added, told, or
//! left alone, written once over the store's import port.

use std::collections::{HashMap, HashSet};

use crate::domain::{label, Priority};
use crate::engine::{self, Engine};
use crate::store::{now_ms, ImportMode, ImportReport, ImportRow, Store, StoreError};

/// Rows handled per group of statements.
const CHUNK: usize = 400;

/// Import `rows` into the list `list_name`, in one transaction.
///
/// The rules: a number banned from the list and an opted-out number are left alone; so is one that answered `NO <list>`, and (when
/// inviting) one invited within `reinvite_days`; an active member stays as they are. Everyone else
/// is invited (`Invite`) or added (`Consented`, `ConsentedSilent`) with a random label of their own
/// in the list. An alias or language given in the file is set only where the member has none, and an
/// alias that looks like one already in the list is not given. The invitation (or the notice that they
/// were added) is written in the member's language, else the file's, else their number's country's.
pub async fn import(
    store: &dyn Store,
    list_name: &str,
    rows: &[ImportRow],
    mode: ImportMode,
    engine: &Engine,
) -> Result<ImportReport, StoreError> {
    let now = now_ms();
    let mut report = ImportReport::default();
    let mut tx = store.begin_import(list_name).await?;
    let name = tx.list_name().to_string();
    let reinvite_window = i64::from(engine.rules.reinvite_days) * 86_400_000;
    let (new_state, template) = match mode {
        ImportMode::Invite => ("invited", Some("invite")),
        ImportMode::Consented => ("active", Some("added-by-org")),
        ImportMode::ConsentedSilent => ("active", None),
    };
    // One stored text per language.
    let mut texts: HashMap<smsup_lang::Lang, i64> = HashMap::new();
    let mut seen: HashSet<&str> = HashSet::new();
    let mut labels = tx.labels().await?;
    let mut alias_keys = tx.alias_keys().await?;
    for chunk in rows.chunks(CHUNK) {
        let batch: Vec<&ImportRow> = chunk
            .iter()
            .filter(|row| seen.insert(row.phone.e164()))
            .collect();
        if batch.is_empty() {
            continue;
        }
        let phones: Vec<_> = batch.iter().map(|r| &r.phone).collect();
        let members = tx.upsert_members(&phones, now).await?;
        let ids: Vec<i64> = members.iter().flatten().map(|m| m.id).collect();
        let states = tx.memberships(&ids).await?;
        let mut aliases = Vec::new();
        let mut languages = Vec::new();
        let mut joining = Vec::new();
        let mut told: HashMap<smsup_lang::Lang, Vec<i64>> = HashMap::new();
        for (row, member) in batch.iter().zip(&members) {
            let Some(m) = member else {
                continue;
            };
            // A banned number is never told anything, nor counted as joining.
            if m.banned {
                report.banned += 1;
                continue;
            }
            if m.opted_out {
                report.opted_out += 1;
                continue;
            }
            match states.get(&m.id) {
                Some(s) if s.state == "active" => {
                    report.already += 1;
                    continue;
                }
                // Whoever answered NO to this list is never invited or added again by a file.
                Some(s) if s.state == "declined" => {
                    report.declined += 1;
                    continue;
                }
                // Invited within the re-invitation window: not invited again.
                Some(s)
                    if s.state == "invited"
                        && mode == ImportMode::Invite
                        && s.invited_at.is_none_or(|at| at > now - reinvite_window) =>
                {
                    report.already += 1;
                    continue;
                }
                _ => {}
            }
            // Only now, for someone who joins or is invited: the file's alias and language.
            if let (false, Some(alias)) = (m.has_alias, &row.alias) {
                // An alias that looks like another member's in the list is not given (the
                // member is imported without one and can choose one with NAME).
                let key = engine::alias_key(alias);
                if alias_keys.insert(key.clone()) {
                    aliases.push((m.id, alias.clone(), key));
                } else {
                    report.aliases_refused += 1;
                }
            }
            if let (false, Some(lang)) = (m.has_language, row.language) {
                languages.push((m.id, lang));
            }
            let mut label = label::random(label::length(0));
            let mut attempt = 0;
            while !labels.insert(label.clone()) {
                attempt += 1;
                label = label::random(label::length(attempt));
            }
            joining.push((m.id, label));
            if new_state == "active" {
                report.added += 1;
            } else {
                report.invited += 1;
            }
            if template.is_some() {
                let lang = engine.language_for(m.language.or(row.language), None, &row.phone);
                told.entry(lang).or_default().push(m.id);
            }
        }
        tx.set_aliases(&aliases).await?;
        tx.set_languages(&languages).await?;
        tx.add_memberships(&joining, new_state, now).await?;
        if let Some(template) = template {
            for (lang, recipients) in told {
                let message_id = match texts.get(&lang) {
                    Some(id) => *id,
                    None => {
                        let text = engine.encode_text(&engine::render_one_sms(
                            lang,
                            template,
                            &[("list", smsup_lang::Arg::Str(name.clone()))],
                        ));
                        let id = tx.message(&text, now).await?;
                        texts.insert(lang, id);
                        id
                    }
                };
                report.messages += recipients.len() as u64;
                tx.enqueue_many(message_id, &recipients, Priority::Bulk, now)
                    .await?;
            }
        }
    }
    tx.commit().await?;
    Ok(report)
}
