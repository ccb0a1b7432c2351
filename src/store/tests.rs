//! Store behaviour every backend must have: written against the trait, run on SQLite.

use std::sync::Arc;

use super::*;
use crate::crypto::Crypto;
use crate::domain::{DeliveryState, InboundOutcome, InboundSms, StatusUpdate};
use crate::engine::{Engine, Rules};

async fn store() -> (tempfile::TempDir, Arc<dyn Store>) {
    let dir = tempfile::tempdir().unwrap();
    let s = SqliteStore::open(&dir.path().join("t.db"), Crypto::new([3; 32]), "sim")
        .await
        .unwrap();
    (dir, Arc::new(s))
}

fn phone(i: u32) -> Phone {
    Phone::parse(&format!("+447911{i:06}"), "MY").unwrap()
}

async fn sms(store: &Arc<dyn Store>, from: u32, text: &str) -> InboundOutcome {
    let engine = Engine::new(Rules::default());
    let p = phone(from);
    let msg = InboundSms {
        channel: "sim".into(),
        provider_id: format!("{from}-{text}-{}", rand::random::<u64>()),
        from: p.e164().to_string(),
        text: text.to_string(),
        via: None,
    };
    crate::service::inbound::handle(&**store, &msg, &p, &engine)
        .await
        .unwrap()
}

/// Record claimed rows as delivered at once.
async fn deliver(store: &Arc<dyn Store>, rows: &[Claimed]) {
    let done: Vec<Completion> = rows
        .iter()
        .map(|r| Completion::Sent {
            id: r.id,
            provider_ids: vec![],
            delivered: true,
        })
        .collect();
    store.complete("sim", &done).await.unwrap();
}

async fn deliver_all(store: &Arc<dyn Store>) {
    loop {
        let rows = store.claim("sim".into(), 1000, 60_000).await.unwrap();
        if rows.is_empty() {
            return;
        }
        deliver(store, &rows).await;
    }
}

#[tokio::test]
async fn a_retried_provider_id_is_handled_once() {
    let (_d, store) = store().await;
    let engine = Engine::new(Rules::default());
    let p = phone(1);
    let msg = InboundSms {
        channel: "twilio".into(),
        provider_id: "SM1".into(),
        from: p.e164().into(),
        text: "CREATE once".into(),
        via: None,
    };
    assert!(matches!(
        crate::service::inbound::handle(&*store, &msg, &p, &engine)
            .await
            .unwrap(),
        InboundOutcome::Stored(_)
    ));
    assert_eq!(
        crate::service::inbound::handle(&*store, &msg, &p, &engine)
            .await
            .unwrap(),
        InboundOutcome::Duplicate
    );
    assert_eq!(store.outbox_for(&p).await.unwrap().len(), 1);
}

#[tokio::test]
async fn one_recipient_at_a_time_in_queue_order_replies_first() {
    let (_d, store) = store().await;
    sms(&store, 1, "CREATE order").await;
    sms(&store, 2, "JOIN order").await;
    sms(&store, 3, "JOIN order").await;
    deliver_all(&store).await;
    // Two posts to member 2 and 3, then a reply to member 2.
    sms(&store, 1, "order first").await;
    sms(&store, 1, "order second").await;
    sms(&store, 2, "HELP").await;
    let first = store.claim("sim".into(), 100, 60_000).await.unwrap();
    // Replies first (member 1's confirmations), and never two rows of one recipient and one lane
    // at once.
    let mut seen = std::collections::HashSet::new();
    for r in &first {
        assert!(
            seen.insert((r.recipient_id, r.body.starts_with('['))),
            "two rows of one recipient and lane in flight"
        );
    }
    let texts: Vec<&str> = first.iter().map(|r| r.body.as_str()).collect();
    assert_eq!(texts[0], "Sent to 2 members.", "{texts:?}");
    // Member 2's reply lane overtakes the bulk lane; within the bulk lane "first" comes before
    // "second".
    let mut got: Vec<String> = Vec::new();
    let mut rows = first;
    while !rows.is_empty() {
        for r in &rows {
            if r.to == phone(2).e164() {
                got.push(r.body.clone());
            }
        }
        deliver(&store, &rows).await;
        rows = store.claim("sim".into(), 100, 60_000).await.unwrap();
    }
    assert_eq!(got.len(), 3, "{got:?}");
    assert!(got[0].contains("CREATE"), "the reply leaves first: {got:?}");
    assert!(
        got[1].ends_with("first") && got[2].ends_with("second"),
        "{got:?}"
    );
}

#[tokio::test]
async fn a_reply_overtakes_a_bulk_post_waiting_for_the_same_phone() {
    let (_d, store) = store().await;
    sms(&store, 1, "CREATE lanes").await;
    sms(&store, 2, "JOIN lanes").await;
    deliver_all(&store).await;
    // The post's row to member 2 is in flight (slow carrier); member 2 asks for HELP.
    sms(&store, 1, "lanes a long bulk post").await;
    let bulk = store.claim("sim".into(), 100, 60_000).await.unwrap();
    assert!(bulk
        .iter()
        .any(|r| r.to == phone(2).e164() && r.body.starts_with("[lanes]")));
    sms(&store, 1, "lanes another bulk post").await;
    sms(&store, 2, "HELP").await;
    let next = store.claim("sim".into(), 100, 60_000).await.unwrap();
    let to_2: Vec<&str> = next
        .iter()
        .filter(|r| r.to == phone(2).e164())
        .map(|r| r.body.as_str())
        .collect();
    // The HELP answer goes now; the second post waits for the first (same lane, in order).
    assert_eq!(to_2.len(), 1, "{to_2:?}");
    assert!(to_2[0].contains("CREATE"), "{to_2:?}");
}

#[tokio::test]
async fn retries_wait_and_leases_expire() {
    let (_d, store) = store().await;
    sms(&store, 1, "HELP").await;
    let rows = store.claim("sim".into(), 10, 60_000).await.unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].attempts, 1);
    store
        .complete(
            "sim",
            &[Completion::Retry {
                id: rows[0].id,
                at: now_ms() + 60_000,
                code: Some("20429".into()),
                message: "busy".into(),
                via: None,
            }],
        )
        .await
        .unwrap();
    assert!(
        store
            .claim("sim".into(), 10, 60_000)
            .await
            .unwrap()
            .is_empty(),
        "not due yet"
    );
    assert!(store.next_due("sim".into()).await.unwrap().unwrap() > now_ms() + 50_000);

    // A lease that expired (a stuck worker) returns the row to the queue.
    sms(&store, 2, "HELP").await;
    let rows = store.claim("sim".into(), 10, -1).await.unwrap();
    assert_eq!(rows.len(), 1);
    assert!(store
        .claim("sim".into(), 10, 60_000)
        .await
        .unwrap()
        .is_empty());
    assert_eq!(store.requeue_expired(false).await.unwrap(), 1);
    let again = store.claim("sim".into(), 10, 60_000).await.unwrap();
    assert_eq!(again.len(), 1);
    assert_eq!(again[0].attempts, 2);
}

#[tokio::test]
async fn statuses_never_leave_a_final_state_and_long_messages_need_every_part() {
    let (_d, store) = store().await;
    sms(&store, 1, "HELP").await;
    sms(&store, 2, "HELP").await;
    let rows = store.claim("sim".into(), 10, 60_000).await.unwrap();
    let (a, b) = (rows[0].id, rows[1].id);
    store
        .complete(
            "twilio",
            &[
                Completion::Sent {
                    id: a,
                    provider_ids: vec!["A".into()],
                    delivered: false,
                },
                Completion::Sent {
                    id: b,
                    provider_ids: vec!["B1".into(), "B2".into()],
                    delivered: false,
                },
            ],
        )
        .await
        .unwrap();
    let up = |id: &str, state| StatusUpdate {
        channel: "twilio".into(),
        provider_id: id.into(),
        state,
        error_code: None,
        parts: None,
    };
    let out = store
        .apply_status(&[
            up("A", DeliveryState::Delivered),
            up("A", DeliveryState::Sent),
            up("A", DeliveryState::Failed),
            up("B1", DeliveryState::Delivered),
            up("nope", DeliveryState::Delivered),
        ])
        .await
        .unwrap();
    assert_eq!((out.matched, out.unknown), (4, 1));
    let state = |p: u32| {
        let store = store.clone();
        async move { store.outbox_for(&phone(p)).await.unwrap()[0].status.clone() }
    };
    assert_eq!(
        state(1).await,
        "delivered",
        "a late 'sent' or 'failed' changes nothing"
    );
    assert_eq!(state(2).await, "sent", "one part of two is not delivery");
    store
        .apply_status(&[up("B2", DeliveryState::Delivered)])
        .await
        .unwrap();
    assert_eq!(state(2).await, "delivered");
}

#[tokio::test]
async fn a_receipt_before_the_send_is_recorded_is_kept() {
    let (_d, store) = store().await;
    sms(&store, 1, "HELP").await;
    let rows = store.claim("sim".into(), 10, 60_000).await.unwrap();
    let out = store
        .apply_status(&[StatusUpdate {
            channel: "smpp".into(),
            provider_id: "77".into(),
            state: DeliveryState::Delivered,
            error_code: None,
            parts: None,
        }])
        .await
        .unwrap();
    assert_eq!(out.unknown, 1);
    store
        .complete(
            "smpp",
            &[Completion::Sent {
                id: rows[0].id,
                provider_ids: vec!["77".into()],
                delivered: false,
            }],
        )
        .await
        .unwrap();
    assert_eq!(
        store.outbox_for(&phone(1)).await.unwrap()[0].status,
        "delivered"
    );
}

/// Webhooks race: the "delivered" of a message may come before its "sent", and both before its
/// send is recorded. The kept "delivered" is not undone by the later "sent".
#[tokio::test]
async fn a_late_sent_does_not_undo_a_kept_delivered() {
    let (_d, store) = store().await;
    sms(&store, 1, "HELP").await;
    let rows = store.claim("sim".into(), 10, 60_000).await.unwrap();
    let up = |state| StatusUpdate {
        channel: "android".into(),
        provider_id: "smsup-1".into(),
        state,
        error_code: None,
        parts: None,
    };
    for state in [DeliveryState::Delivered, DeliveryState::Sent] {
        let out = store.apply_status(&[up(state)]).await.unwrap();
        assert_eq!(out.unknown, 1);
    }
    store
        .complete(
            "android",
            &[Completion::Sent {
                id: rows[0].id,
                provider_ids: vec!["smsup-1".into()],
                delivered: false,
            }],
        )
        .await
        .unwrap();
    assert_eq!(
        store.outbox_for(&phone(1)).await.unwrap()[0].status,
        "delivered"
    );
}

/// Phones of a pool: what answers someone waits for the phone they wrote to while it is up, and
/// is any phone's when it is not (or is no longer configured).
#[tokio::test]
async fn answers_wait_for_the_phone_written_to_while_it_is_up() {
    let (_d, store) = store().await;
    let engine = Engine::new(Rules::default());
    let wrote = |from: u32, via: &str| {
        let p = phone(from);
        let msg = InboundSms {
            channel: "kl".into(),
            provider_id: format!("{from}-{via}"),
            from: p.e164().to_string(),
            text: "HELP".into(),
            via: Some(via.into()),
        };
        (p, msg)
    };
    for (from, via) in [(1, "kl1"), (2, "kl2"), (3, "gone")] {
        let (p, msg) = wrote(from, via);
        crate::service::inbound::handle(&*store, &msg, &p, &engine)
            .await
            .unwrap();
    }
    let up = |names: &[&str]| names.iter().map(|n| n.to_string()).collect::<Vec<_>>();
    let (kl1_up, kl2_up) = (up(&["kl1"]), up(&["kl2"]));
    let as_kl2 = Claimant {
        queue: "kl",
        phone: Some(("kl2", &kl1_up)),
    };
    // kl2 (kl1 up): its own answer and the one for a phone no longer there, not kl1's.
    let rows = store.claim(as_kl2, 10, 60_000).await.unwrap();
    let mut to: Vec<String> = rows.iter().map(|r| r.to.clone()).collect();
    to.sort();
    assert_eq!(
        to,
        vec![phone(2).e164().to_string(), phone(3).e164().to_string()]
    );
    assert!(store.claim(as_kl2, 10, 60_000).await.unwrap().is_empty());
    assert!(
        store.next_due(as_kl2).await.unwrap().is_none(),
        "nothing kl2 may take is due (no busy polling)"
    );
    // The queue as a whole still sees kl1's row.
    assert!(store.next_due("kl".into()).await.unwrap().is_some());
    // kl1 stops answering: kl2 takes its answer.
    let alone = Claimant {
        queue: "kl",
        phone: Some(("kl2", &[])),
    };
    let rows = store.claim(alone, 10, 60_000).await.unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].to, phone(1).e164());
    let as_kl1 = Claimant {
        queue: "kl",
        phone: Some(("kl1", &kl2_up)),
    };
    assert!(store.claim(as_kl1, 10, 60_000).await.unwrap().is_empty());

    // The phone's own part count replaces the estimate, also when it comes before the send is
    // recorded.
    store
        .complete(
            "kl",
            &[Completion::Sent {
                id: rows[0].id,
                provider_ids: vec!["smsup-a".into()],
                delivered: false,
            }],
        )
        .await
        .unwrap();
    let sent = |id: &str, parts| StatusUpdate {
        channel: "kl".into(),
        provider_id: id.into(),
        state: DeliveryState::Sent,
        error_code: None,
        parts: Some(parts),
    };
    store.apply_status(&[sent("smsup-a", 3)]).await.unwrap();
    assert_eq!(store.outbox_for(&phone(1)).await.unwrap()[0].segments, 3);
    let late = store.claim("sim".into(), 10, 60_000).await.unwrap();
    assert!(late.is_empty(), "the pool's rows are not the simulator's");
    let (p, mut msg) = wrote(4, "kl1");
    msg.provider_id = "x4".into();
    crate::service::inbound::handle(&*store, &msg, &p, &engine)
        .await
        .unwrap();
    let mine = store.claim(as_kl1, 10, 60_000).await.unwrap();
    assert_eq!(mine.len(), 1);
    let out = store.apply_status(&[sent("smsup-b", 2)]).await.unwrap();
    assert_eq!(out.unknown, 1, "kept for when the send is recorded");
    store
        .complete(
            "kl",
            &[Completion::Sent {
                id: mine[0].id,
                provider_ids: vec!["smsup-b".into()],
                delivered: false,
            }],
        )
        .await
        .unwrap();
    assert_eq!(store.outbox_for(&phone(4)).await.unwrap()[0].segments, 2);
}

#[tokio::test]
async fn opting_out_cancels_what_is_queued_and_failures_mark_members() {
    let (_d, store) = store().await;
    sms(&store, 1, "CREATE news").await;
    sms(&store, 2, "JOIN news").await;
    deliver_all(&store).await;
    sms(&store, 1, "news one").await;
    store.set_opted_out(&phone(2), true).await.unwrap();
    let rows = store.outbox_for(&phone(2)).await.unwrap();
    assert_eq!(rows.last().unwrap().status, "cancelled");
    store.set_opted_out(&phone(2), false).await.unwrap();

    // A provider's "opted out" answer opts the member out everywhere.
    sms(&store, 1, "news two").await;
    let rows = store.claim("sim".into(), 10, 60_000).await.unwrap();
    let to_two = rows.iter().find(|r| r.to == phone(2).e164()).unwrap();
    store
        .complete(
            "sim",
            &[Completion::Failed {
                id: to_two.id,
                recipient_id: to_two.recipient_id,
                reason: FailReason::OptedOut,
                code: Some("21610".into()),
                message: "unsubscribed".into(),
            }],
        )
        .await
        .unwrap();
    deliver_all(&store).await;
    let outcome = sms(&store, 1, "news three").await;
    assert!(matches!(outcome, InboundOutcome::Stored(_)));
    deliver_all(&store).await;
    let texts: Vec<String> = store
        .outbox_for(&phone(2))
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.text)
        .collect();
    assert!(!texts.iter().any(|t| t.ends_with("three")), "{texts:?}");
    let mine = store.outbox_for(&phone(1)).await.unwrap();
    assert_eq!(mine.last().unwrap().text, "Sent to 0 members.");
}

#[tokio::test]
async fn import_adds_each_number_once_keeps_chosen_names_and_leaves_opted_out_alone() {
    let (_d, store) = store().await;
    let engine = Engine::new(Rules::default());
    sms(&store, 1, "CREATE org").await;
    sms(&store, 2, "NAME Chosen").await;
    sms(&store, 3, "STOP").await;
    sms(&store, 4, "JOIN org").await;
    let row = |i: u32, alias: Option<&str>| ImportRow {
        phone: phone(i),
        alias: alias.map(str::to_string),
        language: Some(smsup_lang::Lang::Fa),
    };
    let rows = vec![
        row(2, Some("OrgName")),
        row(3, Some("Opted")),
        row(4, None),
        row(5, Some("New")),
        row(5, Some("Again")),
    ];
    let report =
        crate::service::members::import(&*store, "ORG", &rows, ImportMode::Consented, &engine)
            .await
            .unwrap();
    assert_eq!(
        report,
        ImportReport {
            invited: 0,
            added: 2,
            already: 1,
            opted_out: 1,
            aliases_refused: 0,
            declined: 0,
            banned: 0,
            messages: 2
        }
    );
    let out = store.export_members("org", true).await.unwrap();
    let by_phone = |p: u32| {
        out.iter()
            .find(|r| r.phone.as_deref() == Some(phone(p).e164()))
    };
    assert_eq!(
        by_phone(2).unwrap().alias,
        "Chosen",
        "a member's own name wins"
    );
    assert_eq!(by_phone(5).unwrap().alias, "New");
    assert_eq!(by_phone(5).unwrap().language, "fa");
    assert!(by_phone(3).is_none(), "the opted-out number was not added");
    assert_eq!(out.len(), 4, "owner, 2, 4 and 5: {out:?}");
    // The "you were added" SMS is in the member's language.
    let told = store.outbox_for(&phone(5)).await.unwrap();
    assert_eq!(told.len(), 1);
    assert_eq!(
        smsup_lang::detect(&told[0].text),
        Some(smsup_lang::Lang::Fa),
        "{}",
        told[0].text
    );
}

/// The fan-out a post reaches now: how many rows its post made.
async fn fanned_out(store: &Arc<dyn Store>, from: u32, text: &str) -> usize {
    sms(store, from, text).await;
    let mut n = 0;
    loop {
        let rows = store.claim("sim".into(), 1000, 60_000).await.unwrap();
        if rows.is_empty() {
            return n;
        }
        n += rows
            .iter()
            .filter(|r| r.body.ends_with(text.split_once(' ').unwrap().1))
            .count();
        deliver(store, &rows).await;
    }
}

#[tokio::test]
async fn a_silent_number_whose_messages_fail_is_asked_once_then_paused_until_it_writes() {
    let (_d, store) = store().await;
    let engine = Engine::new(Rules::default());
    sms(&store, 1, "CREATE recon").await;
    sms(&store, 2, "JOIN recon").await;
    sms(&store, 3, "JOIN recon").await;
    deliver_all(&store).await;
    // A post: member 2's copy fails for good, member 3's is delivered.
    sms(&store, 1, "recon first news").await;
    let rows = store.claim("sim".into(), 1000, 60_000).await.unwrap();
    let mut done = Vec::new();
    for r in &rows {
        let member2 = r.to == phone(2).e164();
        done.push(if member2 {
            Completion::Failed {
                id: r.id,
                recipient_id: r.recipient_id,
                reason: FailReason::Exhausted,
                code: None,
                message: "no answer".into(),
            }
        } else {
            Completion::Sent {
                id: r.id,
                provider_ids: vec![],
                delivered: true,
            }
        });
    }
    store.complete("sim", &done).await.unwrap();

    // Not silent for 30 days yet: nobody is asked.
    let r = crate::service::reconfirm::run(&*store, &engine, 30, 7, now_ms())
        .await
        .unwrap();
    assert_eq!(
        r,
        crate::service::reconfirm::Reconfirmed {
            asked: 0,
            paused: 0
        }
    );
    // Silent "for 0 days" (the time a test can wait): member 2 (nothing delivered lately) is
    // asked, member 3 (delivered) is not.
    tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    let r = crate::service::reconfirm::run(&*store, &engine, 0, 7, now_ms())
        .await
        .unwrap();
    assert_eq!(
        r,
        crate::service::reconfirm::Reconfirmed {
            asked: 1,
            paused: 0
        }
    );
    let asked = store.outbox_for(&phone(2)).await.unwrap();
    assert!(
        asked.last().unwrap().text.contains("still there"),
        "{asked:?}"
    );
    // Asked once only; not paused before the week is out.
    let again = crate::service::reconfirm::run(&*store, &engine, 0, 7, now_ms())
        .await
        .unwrap();
    assert_eq!(
        again,
        crate::service::reconfirm::Reconfirmed {
            asked: 0,
            paused: 0
        }
    );
    deliver_all(&store).await;

    // No answer within the wait: paused, and posts leave them out; nothing is deleted.
    tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    let r = crate::service::reconfirm::run(&*store, &engine, 0, 0, now_ms())
        .await
        .unwrap();
    assert_eq!(r.paused, 1);
    assert_eq!(fanned_out(&store, 1, "recon second news").await, 1);
    // An SMS from them (YES) ends the pause.
    sms(&store, 2, "YES").await;
    deliver_all(&store).await;
    let n = fanned_out(&store, 1, "recon third news").await;
    assert_eq!(n, 2, "{:?}", store.outbox_for(&phone(2)).await.unwrap());
}

#[tokio::test]
async fn a_ban_cancels_the_lists_posts_still_queued_for_the_banned_member_and_nothing_else() {
    let (_d, store) = store().await;
    sms(&store, 1, "CREATE news").await;
    sms(&store, 1, "CREATE other").await;
    sms(&store, 2, "JOIN news").await;
    sms(&store, 2, "JOIN other").await;
    sms(&store, 2, "NAME Bob").await;
    deliver_all(&store).await;
    sms(&store, 1, "news the meeting is at 8").await;
    sms(&store, 1, "other the clinic is open").await;
    sms(&store, 1, "BAN news Bob").await;
    let rows = store.outbox_for(&phone(2)).await.unwrap();
    let state_of = |end: &str| {
        rows.iter()
            .find(|r| r.text.ends_with(end))
            .map(|r| r.status.clone())
            .unwrap_or_else(|| panic!("no text ending {end:?}: {rows:?}"))
    };
    assert_eq!(state_of("at 8"), "cancelled");
    assert_eq!(state_of("is open"), "queued");
    assert_eq!(state_of("removed from news."), "queued");
}
