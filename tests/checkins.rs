//! Safety check-ins through the simulator: every member gets the question with how to answer in
//! their language; 1 and 2 (any script's digits) are counted; a 2 reaches the owner and admins as a
//! help request they answer with REPLY, never with the member's number; RESULTS counts.

mod common;

use common::{count, db, import_members_beside, label_after, phone, spawn_app, tempdir};

#[tokio::test]
async fn a_check_in_asks_everyone_in_their_language_and_counts_the_answers() {
    let dir = tempdir();
    let app = spawn_app(dir.path(), &[]).await;
    let c = app.client();
    let (owner, ayesha, bob, carol, dan) = (phone(1), phone(2), phone(3), phone(4), phone(5));
    c.ask(&owner, "CREATE safety").await;
    c.ask(&owner, "NAME Amina").await;
    for (who, alias) in [
        (&ayesha, "Ayesha"),
        (&bob, "Bob"),
        (&carol, "Carol"),
        (&dan, "Dan"),
    ] {
        c.ask(who, "JOIN safety").await;
        c.ask(who, &format!("NAME {alias}")).await;
    }
    c.ask(&bob, "LANG ms").await;
    c.ask(&owner, "ADMIN safety Ayesha").await;
    import_members_beside(dir.path(), "safety", 20).await;
    let pool = db(dir.path()).await;

    // Only the owner and admins ask.
    let refused = c.ask(&carol, "CHECK safety Are you safe?").await;
    assert_eq!(
        refused,
        "Only the owner and admins of safety can send a check-in."
    );
    let sent = c
        .ask(
            &owner,
            "CHECK safety Are you safe after the raid at Chow Kit?",
        )
        .await;
    let code = label_after(&sent, "Check-in ");
    assert_eq!(
        sent,
        format!(
            "Check-in {code} sent to 24 members of safety. Answers for 24 hours: RESULTS {code}"
        )
    );
    common::wait_drained(&pool, 20).await;
    let english = c.texts(&carol).await.last().cloned().unwrap_or_default();
    assert_eq!(
        english,
        "[safety] Amina: Are you safe after the raid at Chow Kit?\nReply 1 if you are safe, 2 if you need help."
    );
    let malay = c.texts(&bob).await.last().cloned().unwrap_or_default();
    assert!(
        malay.ends_with("\nBalas 1 jika anda selamat, 2 jika anda perlukan bantuan."),
        "{malay}"
    );

    // 1: safe. 2 in Burmese digits, with words: a help request to the owner and the admin.
    let safe = c.ask(&carol, "1").await;
    assert_eq!(safe, "Thank you: you are counted as safe in safety.");
    let bob_safe = c.ask(&bob, "1.").await;
    assert_eq!(bob_safe, "Terima kasih: anda dikira selamat dalam safety.");
    let owner_n = c.texts(&owner).await.len();
    let ayesha_n = c.texts(&ayesha).await.len();
    let help = c.ask(&dan, "၂ police are at my door").await;
    assert_eq!(
        help,
        "Your message went to the organisers of safety. Their answer will come to this number."
    );
    let to_owner = c.wait_texts(&owner, owner_n + 1).await[owner_n].clone();
    let to_admin = c.wait_texts(&ayesha, ayesha_n + 1).await[ayesha_n].clone();
    assert_eq!(to_owner, to_admin);
    assert!(to_owner.starts_with("Help request H"), "{to_owner}");
    assert!(
        to_owner.ends_with(&format!(
            ": Dan answered 2 (needs help) to check-in {code}. police are at my door"
        )),
        "{to_owner}"
    );
    assert!(!to_owner.contains(&dan[4..]), "{to_owner}");
    let help_code = label_after(&to_owner, "REPLY ");
    let replied = c
        .ask(
            &ayesha,
            &format!("REPLY {help_code} We are calling the lawyer now"),
        )
        .await;
    assert!(replied.contains(&help_code), "{replied}");
    let answer = c
        .wait_texts(&dan, 1)
        .await
        .last()
        .cloned()
        .unwrap_or_default();
    assert_eq!(answer, "[safety] Ayesha: We are calling the lawyer now");

    // Bob changes his answer: the latest counts. Someone who never got it is not counted, and
    // their 1 is what it always was.
    let bob_help = c.ask(&bob, "2").await;
    assert!(bob_help.contains("safety"), "{bob_help}");
    let stranger = c.ask(&phone(99), "1").await;
    assert!(!stranger.contains("safe"), "{stranger}");
    common::wait_drained(&pool, 20).await;

    let results = c.ask(&owner, &format!("RESULTS {code}")).await;
    assert_eq!(
        results,
        format!("{code}: 1 safe, 2 need help, 21 no answer.")
    );
    let by_admin = c
        .ask(&ayesha, &format!("results {}", code.to_lowercase()))
        .await;
    assert_eq!(by_admin, results);
    let nosy = c.ask(&carol, &format!("RESULTS {code}")).await;
    assert_eq!(nosy, format!("There is no check-in {code} in your lists."));
    assert_eq!(
        count(&pool, "SELECT COUNT(*) FROM checkin_answers").await,
        3
    );
    // The questions went in the bulk lane; the call for help reached the admins in the alert lane.
    let lanes: Vec<i64> = sqlx::query_scalar(
        "SELECT DISTINCT o.priority FROM outbox o JOIN checkin_messages cm ON cm.message_id = o.message_id",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(lanes, vec![2]);
    let help_lanes: Vec<i64> = sqlx::query_scalar(
        "SELECT DISTINCT o.priority FROM outbox o JOIN messages g ON g.id = o.message_id
         WHERE g.body LIKE 'Help request H%'",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(help_lanes, vec![0]);
    // Nobody's number is in what the admins got, nor stored with the answers.
    for who in [&owner, &ayesha] {
        for text in c.texts(who).await {
            for member in [&bob, &carol, &dan] {
                assert!(!text.contains(&member[3..]), "{text}");
            }
        }
    }
}
