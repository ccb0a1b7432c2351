//! Several phones run community lists through the simulator, against the real binary.

mod common;

use common::{phone, spawn_app, tempdir, Server};
use serde_json::json;

#[tokio::test]
async fn a_community_list_by_sms_alone() {
    let dir = tempdir();
    let server = spawn_app(dir.path(), &[]).await;
    let c = server.client();
    let (owner, bob, carol, dave) = (phone(1), phone(2), phone(3), phone(4));

    assert!(c
        .ask(&owner, "CREATE housing")
        .await
        .contains("JOIN housing"));
    assert!(c.ask(&owner, "NAME Amina").await.contains("Amina"));
    assert!(c
        .ask(&bob, "join HOUSING")
        .await
        .contains("You joined housing"));
    assert!(c.ask(&carol, "Join housing.").await.contains("You joined"));
    assert!(c.ask(&carol, "NAME مریم").await.contains("مریم"));

    // One SMS to the list reaches every member but the sender, as [list] alias: text.
    let confirmation = c.ask(&owner, "housing Room free in Chow Kit, RM300").await;
    assert_eq!(
        confirmation,
        "Sent to 2 members.",
        "{:?}",
        c.outbox(&owner).await
    );
    let bob_texts = c.wait_texts(&bob, 2).await;
    assert_eq!(
        bob_texts[1],
        "[housing] Amina: Room free in Chow Kit, RM300"
    );
    let carol_texts = c.wait_texts(&carol, 3).await;
    assert_eq!(
        carol_texts[2],
        "[housing] Amina: Room free in Chow Kit, RM300"
    );

    // A member without an alias is shown by a stable label; Farsi and emoji untouched.
    // Its confirmation comes in Malay: "terima kasih" tells the language.
    let reply = c.ask(&bob, "housing سلام 👋 terima kasih").await;
    assert_eq!(reply, "Dihantar kepada 2 ahli.");
    let owner_texts = c.wait_texts(&owner, 4).await;
    let label_post = &owner_texts[3];
    assert!(label_post.starts_with("[housing] #"), "{label_post}");
    assert!(
        label_post.ends_with(": سلام 👋 terima kasih"),
        "{label_post}"
    );
    let again = c.ask(&bob, "housing second").await;
    assert_eq!(again, "Sent to 2 members.");
    let owner_texts = c.wait_texts(&owner, 5).await;
    let label = label_post.split(':').next().unwrap();
    assert!(owner_texts[4].starts_with(label), "the label is stable");

    // A UCS-2 post is counted as such.
    let rows = c.outbox(&owner).await;
    assert_eq!(rows[3]["encoding"], "UCS-2");
    assert_eq!(rows[3]["segments"], 1);

    // Non-members reach the list's organisers (its help line), never its members; unknown lists
    // get a reply; nothing is relayed.
    let bob_before = c.outbox(&bob).await.len();
    assert!(c
        .ask(&dave, "housing hello")
        .await
        .contains("organisers of housing"));
    assert!(c.ask(&dave, "nowhere hello").await.contains("HELP"));
    assert!(c
        .ask(&dave, "JOIN nowhere")
        .await
        .contains("no list called nowhere"));
    assert_eq!(
        c.outbox(&bob).await.len(),
        bob_before,
        "bob got nothing new"
    );

    // LISTS and INFO.
    assert_eq!(c.ask(&bob, "LISTS").await, "Your lists: housing");
    assert_eq!(
        c.ask(&bob, "INFO housing").await,
        "housing: 3 members, open. You: member."
    );

    // LEAVE: no more posts.
    assert!(c
        .ask(&carol, "LEAVE housing")
        .await
        .contains("You left housing"));
    assert_eq!(
        c.ask(&owner, "housing after carol left").await,
        "Sent to 1 member."
    );
    let carol_count = c.outbox(&carol).await.len();
    c.wait_texts(&bob, bob_before + 3).await;
    assert_eq!(c.outbox(&carol).await.len(), carol_count);
}

#[tokio::test]
async fn announce_lists_invitations_and_moderation() {
    let dir = tempdir();
    let server = spawn_app(dir.path(), &[]).await;
    let c = server.client();
    let (owner, bob, carol) = (phone(11), phone(12), phone(13));

    assert!(c
        .ask(&owner, "CREATE alerts ANNOUNCE")
        .await
        .contains("only you and admins"));
    // ADD invites; nobody is added without their consent.
    let spaced = format!("{} {} {}", &carol[..3], &carol[3..7], &carol[7..]);
    assert!(c
        .ask(&owner, &format!("ADD alerts {spaced}"))
        .await
        .contains("Invitation to alerts sent"));
    let invite = c.wait_texts(&carol, 1).await;
    assert!(invite[0].contains("JOIN alerts"), "{invite:?}");
    assert!(
        !invite[0].contains(&owner[3..]),
        "the inviter's number never shows"
    );
    assert_eq!(
        c.ask(&owner, "INFO alerts").await,
        "alerts: 1 member, announce-only. You: owner."
    );
    assert!(c.ask(&carol, "JOIN alerts").await.contains("You joined"));
    assert!(c
        .ask(&owner, "ADD alerts 12345")
        .await
        .contains("not a valid phone number"));

    assert!(c.ask(&bob, "JOIN alerts").await.contains("You joined"));
    assert!(c.ask(&bob, "NAME Bob").await.contains("Bob"));
    // Plain members cannot post to an announce list.
    assert!(c.ask(&bob, "alerts raid now").await.contains("Only admins"));
    assert_eq!(c.outbox(&carol).await.len(), 2);
    // The owner makes Bob an admin; Bob is told and may now post.
    assert!(c
        .ask(&owner, "ADMIN alerts Bob")
        .await
        .contains("Bob is now an admin"));
    assert!(c.wait_texts(&bob, 4).await[3].contains("admin of alerts"));
    assert_eq!(
        c.ask(&bob, "alerts Police checks at Pudu").await,
        "Sent to 2 members."
    );
    assert_eq!(
        c.wait_texts(&carol, 3).await[2],
        "[alerts] Bob: Police checks at Pudu"
    );

    // Members cannot remove; admins can, and the removed member is told.
    assert!(c
        .ask(&carol, "REMOVE alerts Bob")
        .await
        .contains("Only the owner or admins"));
    assert!(c.ask(&carol, "NAME Carol").await.contains("Carol"));
    assert!(c
        .ask(&bob, "REMOVE alerts carol")
        .await
        .contains("Carol was removed"));
    let carol_texts = c.wait_texts(&carol, 6).await;
    assert!(
        carol_texts[5].contains("removed from alerts"),
        "{carol_texts:?}"
    );
    assert_eq!(c.ask(&owner, "alerts bye").await, "Sent to 1 member.");
    assert!(c
        .ask(&bob, "REMOVE alerts nobody")
        .await
        .contains("No member nobody"));
}

#[tokio::test]
async fn stop_means_nothing_at_all_until_start() {
    let dir = tempdir();
    let server = spawn_app(dir.path(), &[]).await;
    let c = server.client();
    let (owner, bob) = (phone(21), phone(22));
    c.ask(&owner, "CREATE news").await;
    c.ask(&bob, "JOIN news").await;
    assert!(c.ask(&bob, "STOP").await.contains("START"));
    // Nothing after the confirmation: posts, replies, a second STOP.
    assert_eq!(c.ask(&owner, "news hello").await, "Sent to 0 members.");
    c.sms(&bob, "STOP").await;
    c.sms(&bob, "news hi").await;
    c.sms(&bob, "JOIN news").await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(
        c.outbox(&bob).await.len(),
        2,
        "only JOIN's reply and one STOP confirmation"
    );
    // HELP is the one command answered while opted out: it says how to come back.
    assert!(c.ask(&bob, "HELP").await.contains("START"));
    // START: back, still a member.
    assert!(c.ask(&bob, "START").await.contains("Welcome back"));
    assert_eq!(c.ask(&owner, "news again").await, "Sent to 1 member.");
    let texts = c.wait_texts(&bob, 5).await;
    assert!(
        texts[4].starts_with("[news] #") && texts[4].ends_with(": again"),
        "{texts:?}"
    );
}

#[tokio::test]
async fn bad_requests_change_nothing() {
    let dir = tempdir();
    // Metrics are process-wide: this test needs a process of its own.
    let server = Server::start(dir.path(), &[]);
    let c = server.client();
    for body in [
        json!({ "from": "not a number", "text": "CREATE x1" }),
        json!({ "text": "CREATE x2" }),
        json!({ "from": "+60123456789" }),
        json!("CREATE x3"),
    ] {
        let (status, reply) = c.send_raw(body.clone()).await;
        assert_eq!(status, 400, "{body}");
        assert!(reply["error"].is_string(), "{reply}");
    }
    let r = c
        .http
        .post(format!("{}/sim/inbound", c.url))
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 400);
    // Not declared as JSON: refused before it is read (a cross-site form cannot post).
    let r = c
        .http
        .post(format!("{}/sim/inbound", c.url))
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 415);
    let (status, _) = c.get_text("/sim/outbox?to=nonsense").await;
    assert_eq!(status, 400);
    // Nothing was stored: the metrics count no inbound message.
    let (_, metrics) = c.get_text("/metrics").await;
    assert!(metrics.contains("smsup_inbound_stored 0"), "{metrics}");
    // The same id twice is handled once.
    let (s1, _) = c
        .send_raw(json!({ "from": phone(1), "text": "CREATE once", "id": "abc" }))
        .await;
    let (s2, b2) = c
        .send_raw(json!({ "from": phone(1), "text": "CREATE once", "id": "abc" }))
        .await;
    assert_eq!((s1, s2), (202, 202));
    assert_eq!(b2["duplicate"], true);
    assert_eq!(c.wait_texts(&phone(1), 1).await.len(), 1);
}

#[tokio::test]
async fn health_metrics_and_simulator_page() {
    let dir = tempdir();
    // Metrics are process-wide: this test needs a process of its own.
    let server = Server::start(dir.path(), &[]);
    let c = server.client();
    let (status, body) = c.get_text("/healthz").await;
    assert_eq!((status, body.trim()), (200, "ok\nchannel sim: up"));
    c.ask(&phone(1), "HELP").await;
    let (status, metrics) = c.get_text("/metrics").await;
    assert_eq!(status, 200);
    for needle in [
        "smsup_inbound_total{gateway=\"sim\"} 1",
        "smsup_outbox_messages{state=\"delivered\"} 1",
        "smsup_queue_depth 0",
        "smsup_send_seconds_bucket",
    ] {
        assert!(metrics.contains(needle), "{needle} missing from\n{metrics}");
    }
    let (status, page) = c.get_text("/sim").await;
    assert_eq!(status, 200);
    assert!(page.contains("/sim/inbound") && page.contains("/sim/outbox"));
}
