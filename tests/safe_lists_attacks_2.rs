//! Adversarial pass over private messages (TO/BLOCK/DM), DELETE, MODERATE and the hardened bans,
//! private lists and help line. Each test plays an attack through the simulator and asserts what a
//! safe product does: a failing test is a finding.

mod common;

use std::time::Duration;

use common::{count, db, digits_after, label_after, phone, spawn_app, tempdir, Client};

async fn pause(ms: u64) {
    tokio::time::sleep(Duration::from_millis(ms)).await;
}

/// The texts `to` received that contain `what`.
async fn texts_with(c: &Client, to: &str, what: &str) -> usize {
    c.texts(to)
        .await
        .iter()
        .filter(|t| t.contains(what))
        .count()
}

/// The texts `to` received (delivered, not cancelled) that contain `what`.
async fn delivered_with(c: &Client, to: &str, what: &str) -> usize {
    c.outbox(to)
        .await
        .iter()
        .filter(|m| m["status"] == "delivered")
        .filter(|m| m["text"].as_str().unwrap_or_default().contains(what))
        .count()
}

/// `housing` owned by Olga (phone 1) with Amina (2) and Bob (3).
async fn housing(c: &Client) -> (String, String, String) {
    let (owner, amina, bob) = (phone(1), phone(2), phone(3));
    c.ask(&owner, "NAME Olga").await;
    c.ask(&owner, "CREATE housing").await;
    for (p, name) in [(&amina, "Amina"), (&bob, "Bob")] {
        assert!(c.ask(p, "JOIN housing").await.contains("joined"));
        c.ask(p, &format!("NAME {name}")).await;
    }
    (owner, amina, bob)
}

/// A TO from `from` in `list` to `who`; returns (reply, the text `to` received if any).
async fn private(
    c: &Client,
    from: &str,
    list: &str,
    who: &str,
    to: &str,
    text: &str,
) -> (String, Option<String>) {
    let before = c.texts(to).await.len();
    let reply = c.ask(from, &format!("TO {list} {who} {text}")).await;
    pause(300).await;
    let after = c.texts(to).await;
    (reply, after.get(before).cloned())
}

/// Wait until FORGET has erased the phone's outbox and its farewell went out.
async fn forgotten(c: &Client, who: &str) {
    for _ in 0..200 {
        let t = c.texts(who).await;
        if t.len() == 1 && t[0].contains("erased") {
            return;
        }
        pause(50).await;
    }
    panic!("FORGET did not finish: {:?}", c.texts(who).await);
}

/// A long run of digits in a text (a phone number shown back).
fn has_number(text: &str) -> bool {
    let mut run = 0;
    for ch in text.chars() {
        if ch.is_ascii_digit() {
            run += 1;
            if run >= 6 {
                return true;
            }
        } else if ch != ' ' && ch != '-' {
            run = 0;
        }
    }
    false
}

/// Amina blocks Bob from a private message he sent her in `list`.
async fn amina_blocks_bob(c: &Client, amina: &str, bob: &str, list: &str) {
    let (_, got) = private(c, bob, list, "Amina", amina, "hello").await;
    let got = got.expect("the first message arrives");
    let label = label_after(&got, "Bob ");
    let blocked = c.ask(amina, &format!("BLOCK {label}")).await;
    assert!(blocked.contains("can no longer send you"), "{blocked}");
}

// ---------------------------------------------------------------------------------------------
// 1. Private messages
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn to_an_opted_out_member_sends_nothing_and_answers_like_to_anyone() {
    let dir = tempdir();
    let app = spawn_app(dir.path(), &[]).await;
    let c = app.client();
    let (_owner, amina, bob) = housing(&c).await;
    let carol = phone(4);
    c.ask(&carol, "JOIN housing").await;
    c.ask(&carol, "NAME Carol").await;
    // Lower case and a sloppy keyword work for a careless user.
    let (to_carol, got) = private(&c, &bob, "HOUSING", "carol", &carol, "hi").await;
    assert!(got.is_some(), "a plain TO arrives: {to_carol}");
    c.ask(&amina, "STOP").await;
    let before = c.texts(&amina).await.len();
    let (to_amina, _) = private(&c, &bob, "housing", "Amina", &amina, "hi").await;
    assert_eq!(
        c.texts(&amina).await.len(),
        before,
        "an opted-out member got a TO"
    );
    assert_eq!(
        to_amina.replace("Amina", "X"),
        to_carol.replace("Carol", "X"),
        "the answer tells that Amina opted out"
    );
}

#[tokio::test]
async fn a_block_holds_in_every_shared_list_and_under_a_new_name() {
    let dir = tempdir();
    let app = spawn_app(dir.path(), &[]).await;
    let c = app.client();
    let (owner, amina, bob) = housing(&c).await;
    c.ask(&owner, "CREATE food").await;
    c.ask(&amina, "JOIN food").await;
    c.ask(&bob, "JOIN food").await;
    amina_blocks_bob(&c, &amina, &bob, "housing").await;
    let before = c.texts(&amina).await.len();
    // The same list, another shared list, by alias and by label, under a new name, fullwidth
    // letters in the alias, a Cyrillic look-alike.
    let (r1, _) = private(&c, &bob, "food", "Amina", &amina, "it is me").await;
    assert!(r1.contains("was sent"), "{r1}");
    c.ask(&bob, "NAME Robert").await;
    private(&c, &bob, "housing", "Amina", &amina, "new name").await;
    private(&c, &bob, "housing", "Ａmina", &amina, "fullwidth").await;
    private(&c, &bob, "food", "Аmina", &amina, "cyrillic").await;
    common::assert_nothing_new(&c, &amina, before).await;
}

#[tokio::test]
async fn a_blocked_sender_stays_blocked_after_forget_and_start() {
    let dir = tempdir();
    let app = spawn_app(dir.path(), &[]).await;
    let c = app.client();
    let (_owner, amina, bob) = housing(&c).await;
    amina_blocks_bob(&c, &amina, &bob, "housing").await;
    let ask = c.ask(&bob, "FORGET").await;
    let code = digits_after(&ask, "FORGET ");
    // The confirmation erases the phone's outbox: wait for the farewell alone.
    c.sms(&bob, &format!("FORGET {code}")).await;
    forgotten(&c, &bob).await;
    c.ask(&bob, "START").await;
    assert!(c.ask(&bob, "JOIN housing").await.contains("joined"));
    let before = c.texts(&amina).await.len();
    let (reply, _) = private(&c, &bob, "housing", "Amina", &amina, "remember me").await;
    assert!(reply.contains("was sent"), "{reply}");
    common::assert_nothing_new(&c, &amina, before).await;
}

#[tokio::test]
async fn an_outsider_cannot_probe_a_private_lists_members_with_block() {
    let dir = tempdir();
    let app = spawn_app(dir.path(), &[]).await;
    let c = app.client();
    let (owner, hassan, eve) = (phone(1), phone(2), phone(9));
    c.ask(&owner, "CREATE safety PRIVATE").await;
    c.ask(&hassan, "NAME Hassan").await;
    c.ask(&hassan, "JOIN safety").await;
    let notice = c.wait_texts(&owner, 2).await[1].clone();
    let label = label_after(&notice, "APPROVE ");
    c.ask(&owner, &format!("APPROVE {label}")).await;
    // Eve is in no list with Hassan: BLOCK safety <name> must answer the same for a member and
    // for nobody, and show no label.
    let member = c.ask(&eve, "BLOCK safety Hassan").await;
    let nobody = c.ask(&eve, "BLOCK safety Zahra").await;
    assert_eq!(
        member.replace("Hassan", "X"),
        nobody.replace("Zahra", "X"),
        "an outsider learns Hassan is in the private list"
    );
    let pool = db(dir.path()).await;
    assert_eq!(count(&pool, "SELECT COUNT(*) FROM blocks").await, 0);
}

#[tokio::test]
async fn a_to_naming_a_phone_number_shows_no_number_and_tells_nothing() {
    let dir = tempdir();
    let app = spawn_app(dir.path(), &[]).await;
    let c = app.client();
    let (_owner, amina, bob) = housing(&c).await;
    let member = c.ask(&bob, &format!("TO housing {amina} hi")).await;
    let stranger = c.ask(&bob, &format!("TO housing {} hi", phone(77))).await;
    let local = c.ask(&bob, "TO housing 07911000002 hi").await;
    for r in [&member, &stranger, &local] {
        assert!(!has_number(r), "a number is shown back: {r}");
    }
    assert_eq!(
        member.replace(&amina, "N"),
        stranger.replace(&phone(77), "N"),
        "TO tells a member's number from a stranger's"
    );
    pause(300).await;
    assert_eq!(texts_with(&c, &amina, "(private)").await, 0);
    let block = c.ask(&bob, &format!("BLOCK housing {amina}")).await;
    assert!(!has_number(&block), "{block}");
}

#[tokio::test]
async fn a_to_with_a_phone_number_in_any_form_is_not_relayed() {
    let dir = tempdir();
    let app = spawn_app(dir.path(), &[]).await;
    let c = app.client();
    let (_owner, amina, bob) = housing(&c).await;
    let before = c.texts(&amina).await.len();
    for text in [
        "call me on 012-345 6789",
        "call +60 12 345 6789",
        "call ０１２３４５６７８９",
        "call ٠١٢٣٤٥٦٧٨٩",
        "call 0 1 2 3 4 5 6 7 8 9",
        "call 012.345.6789",
        "call 0\u{200B}1\u{200B}2\u{200B}3\u{200B}4\u{200B}5\u{200B}6\u{200B}7\u{200B}8\u{200B}9",
        "wa.me/60123456789",
    ] {
        let reply = c.ask(&bob, &format!("TO housing Amina {text}")).await;
        assert!(!reply.contains("was sent"), "{text:?} was relayed: {reply}");
    }
    common::assert_nothing_new(&c, &amina, before).await;
}

#[tokio::test]
async fn private_messages_are_limited_per_hour_blocked_or_not() {
    let dir = tempdir();
    let app = spawn_app(dir.path(), &[]).await;
    let c = app.client();
    let (owner, amina, bob) = housing(&c).await;
    amina_blocks_bob(&c, &amina, &bob, "housing").await; // Bob's first TO
    let mut answers = Vec::new();
    for i in 0..10 {
        let who = if i % 2 == 0 { "Amina" } else { "Olga" };
        answers.push(c.ask(&bob, &format!("TO housing {who} msg {i}")).await);
    }
    // TO #1 was the one Amina blocked on; #2..#10 pass; #11 is refused.
    assert!(answers[8].contains("was sent"), "{answers:?}");
    assert!(
        answers[9].contains("private messages this hour"),
        "{answers:?}"
    );
    let olga_got = texts_with(&c, &owner, "(private)").await;
    assert!(olga_got <= 5, "{olga_got}");
}

#[tokio::test]
async fn dm_off_stops_private_messages_and_answers_to_them() {
    let dir = tempdir();
    let app = spawn_app(dir.path(), &[]).await;
    let c = app.client();
    let (owner, amina, bob) = housing(&c).await;
    let (_, got) = private(&c, &bob, "housing", "Amina", &amina, "hello").await;
    let label = label_after(&got.unwrap(), "Bob ");
    // Only the owner turns it.
    assert!(c
        .ask(&amina, "DM housing OFF")
        .await
        .contains("Only the owner"));
    assert!(c
        .ask(&owner, "dm HOUSING off")
        .await
        .contains("can no longer write"));
    let before_b = c.texts(&bob).await.len();
    let reply = c.ask(&amina, &format!("TO housing {label} answer")).await;
    assert!(reply.contains("turned off"), "{reply}");
    let reply = c.ask(&bob, "TO housing Amina again").await;
    assert!(reply.contains("turned off"), "{reply}");
    pause(300).await;
    assert_eq!(c.texts(&bob).await.len(), before_b + 1);
    assert_eq!(texts_with(&c, &amina, "(private)").await, 1);
}

#[tokio::test]
async fn a_look_alike_name_in_a_to_shows_only_the_label() {
    let dir = tempdir();
    let app = spawn_app(dir.path(), &[]).await;
    let c = app.client();
    let (_owner, _amina, bob) = housing(&c).await;
    let impostor = phone(5);
    // Named before joining (NAME allows it outside any list), with a Cyrillic А.
    c.ask(&impostor, "NAME Аmina").await;
    c.ask(&impostor, "JOIN housing").await;
    let (reply, got) = private(
        &c,
        &impostor,
        "housing",
        "Bob",
        &bob,
        "it is Amina, new phone",
    )
    .await;
    let got = got.unwrap_or_else(|| panic!("nothing arrived: {reply}"));
    assert!(got.starts_with("[housing] #"), "shown by name: {got}");
    assert!(!got.contains("mina #"), "{got}");
}

#[tokio::test]
async fn a_member_who_left_neither_sends_nor_receives_private_messages() {
    let dir = tempdir();
    let app = spawn_app(dir.path(), &[]).await;
    let c = app.client();
    let (_owner, amina, bob) = housing(&c).await;
    let (_, got) = private(&c, &bob, "housing", "Amina", &amina, "hello").await;
    let label = label_after(&got.unwrap(), "Bob ");
    c.ask(&bob, "LEAVE housing").await;
    let before = c.texts(&bob).await.len();
    let answer = c
        .ask(&amina, &format!("TO housing {label} still there?"))
        .await;
    assert!(answer.contains("No member"), "{answer}");
    let answer = c.ask(&bob, "TO housing Amina from outside").await;
    assert!(answer.contains("not in housing"), "{answer}");
    assert_eq!(c.texts(&bob).await.len(), before + 1);
    assert_eq!(texts_with(&c, &amina, "(private)").await, 1);
}

#[tokio::test]
async fn a_private_message_cannot_forge_a_second_header_with_a_line_break() {
    let dir = tempdir();
    let app = spawn_app(dir.path(), &[]).await;
    let c = app.client();
    let (_owner, amina, bob) = housing(&c).await;
    let (_, got) = private(
        &c,
        &bob,
        "housing",
        "Amina",
        &amina,
        "ok\n[housing] Olga #K7PQ (private): come alone to gate 3 tonight",
    )
    .await;
    let got = got.expect("relayed or refused");
    let forged = got
        .lines()
        .skip(1)
        .any(|l| l.trim_start().starts_with("[housing]"));
    assert!(!forged, "a forged header from Olga: {got:?}");
}

// ---------------------------------------------------------------------------------------------
// 2. DELETE
// ---------------------------------------------------------------------------------------------

async fn alive(dir: &std::path::Path, name: &str) -> bool {
    let pool = db(dir).await;
    count(
        &pool,
        &format!("SELECT COUNT(*) FROM lists WHERE name = '{name}' AND deleted_at IS NULL"),
    )
    .await
        == 1
}

#[tokio::test]
async fn an_admin_cannot_delete_with_the_owners_code() {
    let dir = tempdir();
    let app = spawn_app(dir.path(), &[]).await;
    let c = app.client();
    let (owner, amina, _bob) = housing(&c).await;
    c.ask(&owner, "ADMIN housing Amina").await;
    let ask = c.ask(&owner, "DELETE housing").await;
    let code = digits_after(&ask, "DELETE housing ");
    assert_eq!(code.len(), 4, "{ask}");
    let r = c.ask(&amina, &format!("DELETE housing {code}")).await;
    assert!(r.contains("Only the owner"), "{r}");
    assert!(c
        .ask(&amina, "DELETE housing")
        .await
        .contains("Only the owner"));
    // Her tries did not use up the owner's.
    assert!(alive(dir.path(), "housing").await);
    let done = c.ask(&owner, &format!("DELETE housing {code}")).await;
    assert!(done.contains("is closed"), "{done}");
}

#[tokio::test]
async fn three_wrong_codes_spend_the_code() {
    let dir = tempdir();
    let app = spawn_app(dir.path(), &[]).await;
    let c = app.client();
    let (owner, _amina, _bob) = housing(&c).await;
    let ask = c.ask(&owner, "DELETE housing").await;
    let code = digits_after(&ask, "DELETE housing ");
    let wrong = if code == "0000" { "1111" } else { "0000" };
    for _ in 0..3 {
        assert!(c
            .ask(&owner, &format!("DELETE housing {wrong}"))
            .await
            .contains("wrong"));
    }
    let r = c.ask(&owner, &format!("DELETE housing {code}")).await;
    assert!(r.contains("wrong"), "{r}");
    assert!(alive(dir.path(), "housing").await);
}

#[tokio::test]
async fn a_code_of_another_list_or_an_old_code_does_not_delete() {
    let dir = tempdir();
    let app = spawn_app(dir.path(), &[]).await;
    let c = app.client();
    let (owner, _amina, _bob) = housing(&c).await;
    c.ask(&owner, "CREATE food").await;
    let ask = c.ask(&owner, "DELETE housing").await;
    let code = digits_after(&ask, "DELETE housing ");
    let r = c.ask(&owner, &format!("DELETE food {code}")).await;
    assert!(r.contains("wrong"), "{r}");
    // A code asked for again replaces the first one.
    let ask2 = c.ask(&owner, "DELETE housing").await;
    let code2 = digits_after(&ask2, "DELETE housing ");
    if code2 != code {
        let r = c.ask(&owner, &format!("DELETE housing {code}")).await;
        assert!(r.contains("wrong"), "{r}");
    }
    // Older than 10 minutes.
    let pool = db(dir.path()).await;
    sqlx::query("UPDATE lists SET delete_asked_at = delete_asked_at - 660000")
        .execute(&pool)
        .await
        .unwrap();
    let r = c.ask(&owner, &format!("DELETE housing {code2}")).await;
    assert!(r.contains("wrong"), "{r}");
    assert!(alive(dir.path(), "housing").await);
    assert!(alive(dir.path(), "food").await);
}

#[tokio::test]
async fn a_deleted_lists_name_cannot_be_taken_with_look_alikes() {
    let dir = tempdir();
    let app = spawn_app(dir.path(), &[]).await;
    let c = app.client();
    let (owner, _amina, bob) = housing(&c).await;
    let ask = c.ask(&owner, "DELETE housing").await;
    let code = digits_after(&ask, "DELETE housing ");
    // Fullwidth digits in the code, as some phones type them.
    let wide: String = code
        .chars()
        .map(|d| char::from_u32(0xFF10 + d.to_digit(10).unwrap()).unwrap())
        .collect();
    let done = c.ask(&owner, &format!("delete housing {wide}")).await;
    assert!(done.contains("is closed"), "{done}");
    let squatter = phone(8);
    for name in [
        "housing",
        "HOUSING",
        "hоusing",        // Cyrillic о
        "ｈｏｕｓｉｎｇ", // fullwidth
        "housíng",
        "hous\u{200B}ing",
        "hous\u{00AD}ing",
        "ho\u{0301}using",
    ] {
        let r = c.ask(&squatter, &format!("CREATE {name}")).await;
        assert!(!r.contains("created"), "{name:?}: {r}");
    }
    // The old owner cannot quietly take it back either; a former member gets nothing from it.
    assert!(!c.ask(&owner, "CREATE housing").await.contains("created"));
    let pool = db(dir.path()).await;
    assert_eq!(
        count(&pool, "SELECT COUNT(*) FROM lists WHERE deleted_at IS NULL").await,
        0
    );
    let r = c.ask(&bob, "housing is anyone here").await;
    assert!(!r.contains("Sent to"), "{r}");
    assert!(c.ask(&bob, "LISTS").await.contains("no list"));
}

#[tokio::test]
async fn delete_cancels_queued_posts_and_tells_every_member() {
    let dir = tempdir();
    let app = spawn_app(dir.path(), &[("SMSUP_SIM_SEGMENTS_PER_SECOND", "20")]).await;
    let c = app.client();
    let owner = phone(1);
    c.ask(&owner, "CREATE housing").await;
    common::import_members_beside(dir.path(), "housing", 80).await;
    let ask = c.ask(&owner, "DELETE housing").await;
    let code = digits_after(&ask, "DELETE housing ");
    c.ask(&owner, "housing Meeting moved to the back door")
        .await;
    let done = c.ask(&owner, &format!("DELETE housing {code}")).await;
    assert!(done.contains("is closed"), "{done}");
    let pool = db(dir.path()).await;
    let post = "(SELECT message_id FROM posts ORDER BY id LIMIT 1)";
    let delivered_then = count(
        &pool,
        &format!("SELECT COUNT(*) FROM outbox WHERE message_id = {post} AND state IN ('delivered','sending')"),
    )
    .await;
    common::wait_drained(&pool, 30).await;
    let delivered_after = count(
        &pool,
        &format!("SELECT COUNT(*) FROM outbox WHERE message_id = {post} AND state = 'delivered'"),
    )
    .await;
    assert!(
        delivered_after <= delivered_then,
        "{delivered_then} -> {delivered_after}"
    );
    assert!(
        delivered_then < 80,
        "the post was out before DELETE: test too slow to tell"
    );
    assert_eq!(
        texts_with(&c, &phone(1000 + 79), "was closed by its owner").await,
        1
    );
    assert_eq!(count(&pool, "SELECT COUNT(*) FROM memberships").await, 0);
}

#[tokio::test]
async fn after_delete_nothing_of_the_list_can_be_used() {
    let dir = tempdir();
    let app = spawn_app(dir.path(), &[]).await;
    let c = app.client();
    let (owner, amina, bob) = housing(&c).await;
    let invitee = phone(6);
    c.ask(&owner, &format!("ADD housing {invitee}")).await;
    c.ask(&owner, "MODERATE housing ON").await;
    let before = c.texts(&owner).await.len();
    c.ask(&bob, "housing held before the end").await;
    let held = c.wait_texts(&owner, before + 1).await[before].clone();
    let code = label_after(&held, "Post ");
    let stranger = phone(7);
    let before = c.texts(&owner).await.len();
    c.ask(&stranger, "housing please help").await;
    let help = c.wait_texts(&owner, before + 1).await[before].clone();
    let hcode = label_after(&help, "Help request ");
    let ask = c.ask(&owner, "DELETE housing").await;
    let dcode = digits_after(&ask, "DELETE housing ");
    c.ask(&owner, &format!("DELETE housing {dcode}")).await;
    let before_a = c.texts(&amina).await.len();
    assert!(c
        .ask(&owner, &format!("APPROVE {code}"))
        .await
        .contains("no post"));
    let r = c.ask(&owner, &format!("REPLY {hcode} we can help")).await;
    assert!(r.contains("no open help"), "{r}");
    let r = c.ask(&invitee, "YES").await;
    assert!(!r.contains("joined"), "{r}");
    let r = c.ask(&bob, "TO housing Amina hi").await;
    assert!(!r.contains("was sent"), "{r}");
    pause(300).await;
    assert_eq!(c.texts(&amina).await.len(), before_a);
    assert_eq!(texts_with(&c, &stranger, "[housing]").await, 0);
}

// ---------------------------------------------------------------------------------------------
// 3. MODERATE
// ---------------------------------------------------------------------------------------------

/// housing moderated, with Bob's post held: returns (owner, amina, bob, code "P1").
async fn held_post(c: &Client) -> (String, String, String, String) {
    let (owner, amina, bob) = housing(c).await;
    assert!(c.ask(&owner, "MODERATE housing ON").await.contains("wait"));
    let before = c.texts(&owner).await.len();
    let r = c.ask(&bob, "housing Free rice at the mosque").await;
    assert!(r.contains("waits for an admin"), "{r}");
    let notice = c.wait_texts(&owner, before + 1).await[before].clone();
    assert!(notice.contains("waits (APPROVE"), "{notice}");
    let code = label_after(&notice, "Post ");
    (owner, amina, bob, code)
}

async fn rice_count(c: &Client, to: &str) -> usize {
    c.texts(to)
        .await
        .iter()
        .filter(|t| t.starts_with("[housing] Bob: Free rice"))
        .count()
}

#[tokio::test]
async fn nobody_but_an_admin_of_the_list_answers_a_held_post() {
    let dir = tempdir();
    let app = spawn_app(dir.path(), &[]).await;
    let c = app.client();
    let (owner, amina, bob, code) = held_post(&c).await;
    // Amina (a plain member) and Mallory (owner of another list) guess codes in every spelling.
    let mallory = phone(9);
    c.ask(&mallory, "CREATE other").await;
    c.ask(&mallory, "JOIN housing").await;
    let n: u32 = code[1..].parse().unwrap();
    for who in [&amina, &mallory] {
        for guess in [
            code.clone(),
            code.to_lowercase(),
            format!("P{}", n + 1),
            format!("P{n} P{n}"),
            format!("housing {code}"),
            format!("other {code}"),
        ] {
            let r = c.ask(who, &format!("APPROVE {guess}")).await;
            assert!(!r.contains("was sent"), "{guess}: {r}");
            c.ask(who, &format!("REJECT {guess}")).await;
        }
    }
    pause(300).await;
    assert_eq!(rice_count(&c, &amina).await, 0);
    // The post still waits for the owner: APPROVE in lower case sends it once.
    c.sms(&owner, &format!("approve {}", code.to_lowercase()))
        .await;
    pause(500).await;
    assert_eq!(texts_with(&c, &owner, "was sent to housing").await, 1);
    assert_eq!(rice_count(&c, &amina).await, 1);
    assert_eq!(texts_with(&c, &bob, "approved and sent").await, 1);
}

#[tokio::test]
async fn a_held_post_goes_out_once_whatever_the_answers() {
    let dir = tempdir();
    let app = spawn_app(dir.path(), &[]).await;
    let c = app.client();
    let (owner, amina, _bob, code) = held_post(&c).await;
    c.ask(&owner, "ADMIN housing Amina").await;
    let carol = phone(4);
    c.ask(&carol, "JOIN housing").await;
    // Both admins at once, then again, then a REJECT after.
    let approve = format!("APPROVE {code}");
    tokio::join!(c.sms(&owner, &approve), c.sms(&amina, &approve));
    pause(500).await;
    c.ask(&owner, &format!("APPROVE {code}")).await;
    let r = c.ask(&amina, &format!("REJECT {code}")).await;
    assert!(r.contains("no post"), "{r}");
    pause(300).await;
    let got = c
        .texts(&carol)
        .await
        .iter()
        .filter(|t| t.contains("Free rice"))
        .count();
    assert_eq!(got, 1);
}

#[tokio::test]
async fn a_held_post_of_a_member_who_left_is_not_sent() {
    let dir = tempdir();
    let app = spawn_app(dir.path(), &[]).await;
    let c = app.client();
    let (owner, amina, bob, code) = held_post(&c).await;
    c.ask(&bob, "LEAVE housing").await;
    let before_bob = c.texts(&bob).await.len();
    let r = c.ask(&owner, &format!("APPROVE {code}")).await;
    pause(300).await;
    assert_eq!(
        rice_count(&c, &amina).await,
        0,
        "posted for one who left: {r}"
    );
    common::assert_nothing_new(&c, &bob, before_bob).await;
}

#[tokio::test]
async fn a_held_post_of_a_removed_member_is_not_sent() {
    let dir = tempdir();
    let app = spawn_app(dir.path(), &[]).await;
    let c = app.client();
    let (owner, amina, bob, code) = held_post(&c).await;
    c.ask(&owner, "ADMIN housing Amina").await;
    c.ask(&owner, "REMOVE housing Bob").await;
    // Another admin, who did not see the removal, approves what waits.
    c.sms(&amina, &format!("APPROVE {code}")).await;
    pause(500).await;
    assert_eq!(
        rice_count(&c, &owner).await,
        0,
        "posted for a removed member"
    );
    assert_eq!(
        texts_with(&c, &bob, "approved and sent").await,
        0,
        "{:?}",
        c.texts(&bob).await
    );
}

#[tokio::test]
async fn a_held_post_of_a_member_who_opted_out_is_not_sent() {
    let dir = tempdir();
    let app = spawn_app(dir.path(), &[]).await;
    let c = app.client();
    let (owner, amina, bob, code) = held_post(&c).await;
    c.ask(&bob, "STOP").await;
    let r = c.ask(&owner, &format!("APPROVE {code}")).await;
    pause(300).await;
    assert_eq!(rice_count(&c, &amina).await, 0, "posted after STOP: {r}");
}

#[tokio::test]
async fn a_held_post_of_a_member_who_moved_tells_the_old_number_nothing() {
    let dir = tempdir();
    let app = spawn_app(dir.path(), &[]).await;
    let c = app.client();
    let (owner, amina, bob, code) = held_post(&c).await;
    let new_bob = phone(30);
    c.ask(&bob, &format!("MOVE {new_bob}")).await;
    let mcode = digits_after(&c.wait_texts(&new_bob, 1).await[0], "MOVE ");
    assert!(c
        .ask(&new_bob, &format!("MOVE {mcode}"))
        .await
        .starts_with("Done"));
    let old_before = c.texts(&bob).await.len();
    c.ask(&owner, &format!("APPROVE {code}")).await;
    pause(400).await;
    assert_eq!(rice_count(&c, &amina).await, 1);
    // The old SIM (perhaps someone else's now) hears nothing of housing; the new phone does not
    // get its own post as if from another member.
    assert_eq!(
        c.texts(&bob).await.len(),
        old_before,
        "old number told: {:?}",
        &c.texts(&bob).await[old_before..]
    );
    assert_eq!(
        rice_count(&c, &new_bob).await,
        0,
        "{:?}",
        c.texts(&new_bob).await
    );
}

#[tokio::test]
async fn a_held_post_expires_after_a_day() {
    let dir = tempdir();
    let app = spawn_app(dir.path(), &[]).await;
    let c = app.client();
    let (owner, amina, _bob, code) = held_post(&c).await;
    let pool = db(dir.path()).await;
    sqlx::query("UPDATE held_posts SET created_at = created_at - 90000000")
        .execute(&pool)
        .await
        .unwrap();
    let r = c.ask(&owner, &format!("APPROVE {code}")).await;
    assert!(r.contains("no post"), "{r}");
    pause(300).await;
    assert_eq!(rice_count(&c, &amina).await, 0);
}

#[tokio::test]
async fn moderation_is_the_owners_and_is_not_bypassed() {
    let dir = tempdir();
    let app = spawn_app(dir.path(), &[]).await;
    let c = app.client();
    let (owner, amina, bob, _code) = held_post(&c).await;
    c.ask(&owner, "ADMIN housing Amina").await;
    assert!(c
        .ask(&amina, "MODERATE housing OFF")
        .await
        .contains("Only the owner"));
    assert!(c
        .ask(&bob, "MODERATE housing OFF")
        .await
        .contains("Only the owner"));
    let carol = phone(4);
    c.ask(&carol, "JOIN housing").await;
    // Bob leaves and writes as an outsider: the admins get a help request, members nothing.
    c.ask(&bob, "LEAVE housing").await;
    let r = c.ask(&bob, "housing Free rice at the mosque").await;
    assert!(r.contains("organisers"), "{r}");
    // A post with a number is refused before any admin is asked.
    c.ask(&carol, "NAME Carol").await;
    pause(300).await;
    let before = c.texts(&owner).await.len();
    let r = c.ask(&carol, "housing call me 012-345 6789").await;
    assert!(r.contains("phone number"), "{r}");
    pause(300).await;
    assert_eq!(c.texts(&owner).await.len(), before);
    assert_eq!(
        c.texts(&carol)
            .await
            .iter()
            .filter(|t| t.contains("Free rice"))
            .count(),
        0
    );
}

// ---------------------------------------------------------------------------------------------
// 4. Bans, private lists, help line
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn a_banned_member_who_moves_to_a_new_number_stays_banned() {
    let dir = tempdir();
    let app = spawn_app(dir.path(), &[]).await;
    let c = app.client();
    let (owner, _amina, bob) = housing(&c).await;
    c.ask(&owner, "CREATE food").await;
    c.ask(&bob, "JOIN food").await;
    assert!(c
        .ask(&owner, "BAN housing Bob")
        .await
        .contains("cannot come back"));
    // Bob moves (keeping food and his name) and joins housing again from the new SIM.
    let new_bob = phone(31);
    c.ask(&bob, &format!("MOVE {new_bob}")).await;
    let code = digits_after(&c.wait_texts(&new_bob, 1).await[0], "MOVE ");
    assert!(c
        .ask(&new_bob, &format!("MOVE {code}"))
        .await
        .starts_with("Done"));
    c.ask(&new_bob, "JOIN housing").await;
    let lists = c.ask(&new_bob, "LISTS").await;
    assert!(
        !lists.contains("housing"),
        "the ban was left on the old number: {lists}"
    );
}

#[tokio::test]
async fn a_banned_number_stays_banned_after_forget_and_start() {
    let dir = tempdir();
    let app = spawn_app(dir.path(), &[]).await;
    let c = app.client();
    let (owner, _amina, bob) = housing(&c).await;
    c.ask(&owner, "BAN housing Bob").await;
    let ask = c.ask(&bob, "FORGET").await;
    let code = digits_after(&ask, "FORGET ");
    // The confirmation erases the phone's outbox: wait for the farewell alone.
    c.sms(&bob, &format!("FORGET {code}")).await;
    forgotten(&c, &bob).await;
    c.ask(&bob, "START").await;
    c.ask(&bob, "JOIN housing").await;
    assert!(!c.ask(&bob, "LISTS").await.contains("housing"));
    let before = c.texts(&owner).await.len();
    c.ask(&bob, "housing let me back").await;
    common::assert_nothing_new(&c, &owner, before).await;
}

#[tokio::test]
async fn a_help_reply_after_the_requester_moved_does_not_go_to_the_old_sim() {
    let dir = tempdir();
    let app = spawn_app(dir.path(), &[]).await;
    let c = app.client();
    let owner = phone(1);
    c.ask(&owner, "CREATE housing").await;
    let asker = phone(2);
    c.ask(&asker, "housing my landlord threatens me").await;
    let notice = c.wait_texts(&owner, 2).await[1].clone();
    let hcode = label_after(&notice, "Help request ");
    let new_asker = phone(32);
    c.ask(&asker, &format!("MOVE {new_asker}")).await;
    let code = digits_after(&c.wait_texts(&new_asker, 1).await[0], "MOVE ");
    assert!(c
        .ask(&new_asker, &format!("MOVE {code}"))
        .await
        .starts_with("Done"));
    let old_before = c.texts(&asker).await.len();
    c.ask(&owner, &format!("REPLY {hcode} we will call the police"))
        .await;
    pause(400).await;
    assert_eq!(
        c.texts(&asker).await.len(),
        old_before,
        "the old SIM got the answer: {:?}",
        &c.texts(&asker).await[old_before..]
    );
}

#[tokio::test]
async fn a_private_lists_request_cannot_be_approved_by_another_lists_admin() {
    let dir = tempdir();
    let app = spawn_app(dir.path(), &[]).await;
    let c = app.client();
    let (owner, asker, mallory) = (phone(1), phone(2), phone(9));
    c.ask(&owner, "CREATE safety PRIVATE").await;
    c.ask(&mallory, "CREATE other PRIVATE").await;
    c.ask(&asker, "JOIN safety").await;
    let notice = c.wait_texts(&owner, 2).await[1].clone();
    let label = label_after(&notice, "APPROVE ");
    for text in [
        format!("APPROVE {label}"),
        format!("APPROVE safety {label}"),
        format!("APPROVE other {label}"),
    ] {
        let r = c.ask(&mallory, &text).await;
        assert!(!r.contains("joined"), "{text}: {r}");
    }
    let pool = db(dir.path()).await;
    assert_eq!(common::active_memberships(&pool).await, 2);
}

#[tokio::test]
async fn a_to_never_reaches_someone_only_invited() {
    let dir = tempdir();
    let app = spawn_app(dir.path(), &[]).await;
    let c = app.client();
    let (owner, _amina, bob) = housing(&c).await;
    let zed = phone(12);
    c.ask(&zed, "NAME Zed").await;
    c.ask(&owner, &format!("ADD housing {zed}")).await;
    let before = c.texts(&zed).await.len();
    let r = c.ask(&bob, "TO housing Zed hello stranger").await;
    pause(300).await;
    assert_eq!(
        c.texts(&zed).await.len(),
        before,
        "an invitee who never joined got a TO: {r}"
    );
}

/// Five TOs from Bob to Amina queued behind a slow carrier, then `then` from `who`: how many of
/// them Amina got in the end.
async fn queued_private_then(then: &str, by_owner: bool) -> usize {
    let dir = tempdir();
    let app = spawn_app(dir.path(), &[("SMSUP_SIM_SEGMENTS_PER_SECOND", "2")]).await;
    let c = app.client();
    let (owner, amina, bob) = housing(&c).await;
    let pool = db(dir.path()).await;
    common::wait_drained(&pool, 30).await;
    let label = if by_owner {
        String::new()
    } else {
        let (_, got) = private(&c, &bob, "housing", "Amina", &amina, "first").await;
        common::wait_drained(&pool, 30).await;
        let got = match got {
            Some(g) => g,
            None => c.wait_texts(&amina, 1).await.last().unwrap().clone(),
        };
        label_after(&got, "Bob ")
    };
    let before = delivered_with(&c, &amina, "(private)").await;
    for i in 0..5 {
        c.sms(&bob, &format!("TO housing Amina flood {i}")).await;
    }
    pause(200).await;
    let queued = count(
        &pool,
        "SELECT COUNT(*) FROM outbox o JOIN messages g ON g.id = o.message_id
         WHERE o.state = 'queued' AND g.body LIKE '%(private)%'",
    )
    .await;
    assert!(queued >= 2, "too few still queued to tell: {queued}");
    if by_owner {
        c.sms(&owner, then).await;
    } else {
        c.sms(&amina, &then.replace("LABEL", &label)).await;
    }
    common::wait_drained(&pool, 60).await;
    delivered_with(&c, &amina, "(private)").await - before
}

#[tokio::test]
async fn dm_off_stops_private_messages_still_queued() {
    let got = queued_private_then("DM housing OFF", true).await;
    assert!(
        got < 5,
        "all {got} queued private messages went out after DM OFF"
    );
}

#[tokio::test]
async fn a_block_stops_private_messages_still_queued() {
    let got = queued_private_then("BLOCK LABEL", false).await;
    assert!(
        got < 5,
        "all {got} queued private messages went out after BLOCK"
    );
}
