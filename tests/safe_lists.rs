//! Safe lists through the simulator: private lists joined by approval, bans that hold whatever the
//! banned number tries, the help line for people outside a list, owners passing lists on, and the
//! audit log. No text anyone receives ever shows another person's number.

mod common;

use common::{count, db, label_after, phone, run_cli, spawn_app, tempdir, Client};

/// The next text `to` receives after the `before` it had.
async fn next_text(c: &Client, to: &str, before: usize) -> String {
    c.wait_texts(to, before + 1).await[before].clone()
}

/// Every text every phone of the test received: none shows another phone's number, in any format.
async fn assert_no_number_leaked(c: &Client, phones: &[String]) {
    for to in phones {
        for text in c.texts(to).await {
            let digits: String = text.chars().filter(char::is_ascii_digit).collect();
            for other in phones {
                // The last 8 digits of a number: in +44..., 07911... or with spaces, all show them.
                let tail = &other[other.len() - 8..];
                assert!(
                    !digits.contains(tail),
                    "{to} received a text with {other}'s number: {text}"
                );
            }
        }
    }
}

#[tokio::test]
async fn a_private_list_is_joined_only_with_an_admins_approval() {
    let dir = tempdir();
    let app = spawn_app(dir.path(), &[]).await;
    let c = app.client();
    let (owner, outsider, other) = (phone(1), phone(2), phone(3));

    let created = c.ask(&owner, "CREATE safety PRIVATE").await;
    assert!(created.contains("Private list safety"), "{created}");
    assert!(c.ask(&owner, "NAME Amina").await.contains("Amina"));

    // To someone outside it, INFO says only that it is private.
    let info = c.ask(&outsider, "INFO safety").await;
    assert!(info.contains("private list"), "{info}");
    assert!(!info.contains("member"), "{info}");

    // JOIN asks; the owner is asked, by label.
    let asked = c.ask(&outsider, "JOIN safety").await;
    assert!(asked.contains("request to join safety"), "{asked}");
    let notice = c.wait_texts(&owner, 3).await[2].clone();
    assert!(notice.contains("asks to join safety"), "{notice}");
    let label = label_after(&notice, "APPROVE ");
    assert!(label.starts_with('#'), "{notice}");

    // Asking again does not bother the owner again; the outsider is not a member and gets no posts.
    c.ask(&outsider, "JOIN safety").await;
    assert_eq!(
        c.ask(&owner, "safety Checkpoint at the bridge").await,
        "Sent to 0 members."
    );
    let pool = db(dir.path()).await;
    assert_eq!(common::active_memberships(&pool).await, 1);
    let outsider_texts = c.texts(&outsider).await;
    assert!(
        outsider_texts.iter().all(|t| !t.contains("Checkpoint")),
        "{outsider_texts:?}"
    );
    common::assert_nothing_new(&c, &owner, 4).await;

    // APPROVE with the label alone: they are in, and told.
    let approved = c
        .ask(&owner, &format!("APPROVE {}", label.to_lowercase()))
        .await;
    assert!(approved.contains("joined safety"), "{approved}");
    let told = c.wait_texts(&outsider, 4).await[3].clone();
    assert!(told.contains("You joined safety"), "{told}");
    assert_eq!(c.ask(&owner, "safety Clear now").await, "Sent to 1 member.");
    assert_eq!(
        c.wait_texts(&outsider, 5).await[4],
        "[safety] Amina: Clear now"
    );

    // DENY: told no, not a member, and the request is gone (APPROVE finds nothing).
    let before = c.texts(&owner).await.len();
    c.ask(&other, "JOIN safety").await;
    let notice = next_text(&c, &owner, before).await;
    let label = label_after(&notice, "APPROVE ");
    let denied = c.ask(&owner, &format!("DENY safety {label}")).await;
    assert!(denied.contains("will not join safety"), "{denied}");
    let told = c.wait_texts(&other, 2).await[1].clone();
    assert!(told.contains("not accepted"), "{told}");
    let again = c.ask(&owner, &format!("APPROVE {label}")).await;
    assert!(again.contains("No open request"), "{again}");
    assert_eq!(common::active_memberships(&pool).await, 2);

    // A plain member cannot approve anyone.
    let before = c.texts(&owner).await.len();
    let third = phone(5);
    c.ask(&third, "JOIN safety").await;
    let notice = next_text(&c, &owner, before).await;
    let label = label_after(&notice, "APPROVE ");
    let refused = c.ask(&outsider, &format!("APPROVE safety {label}")).await;
    assert!(refused.contains("Only the owner or admins"), "{refused}");

    // An invitation by an admin is an approval: the invitee joins with JOIN.
    let invitee = phone(4);
    c.ask(&owner, &format!("ADD safety {invitee}")).await;
    c.wait_texts(&invitee, 1).await;
    assert!(c
        .ask(&invitee, "JOIN safety")
        .await
        .contains("You joined safety"));

    assert_no_number_leaked(&c, &[owner, outsider, other, third, invitee]).await;
}

#[tokio::test]
async fn a_banned_number_cannot_come_back_by_any_command() {
    let dir = tempdir();
    let app = spawn_app(dir.path(), &[]).await;
    let c = app.client();
    let (owner, bob, carol) = (phone(1), phone(2), phone(3));
    c.ask(&owner, "CREATE housing").await;
    c.ask(&bob, "JOIN housing").await;
    c.ask(&bob, "NAME Bob").await;
    c.ask(&carol, "JOIN housing").await;

    let banned = c.ask(&owner, "BAN housing Bob").await;
    assert!(banned.contains("cannot come back"), "{banned}");
    let label = label_after(&banned, "UNBAN housing ");
    let told = c.wait_texts(&bob, 3).await[2].clone();
    assert!(told.contains("removed from housing"), "{told}");
    let owner_before = c.texts(&owner).await.len();

    // JOIN: an answer like any request's, and nothing happens.
    let join = c.ask(&bob, "JOIN housing").await;
    assert!(join.contains("request to join housing"), "{join}");
    // The help line: the usual answer, and the admins get nothing.
    let help = c.ask(&bob, "housing please let me back").await;
    assert!(help.contains("organisers of housing"), "{help}");
    // An invitation of the banned number: the same answer as always, and no invitation.
    let invite = c.ask(&owner, &format!("ADD housing {bob}")).await;
    assert!(invite.contains("Invitation to housing sent"), "{invite}");
    // YES and START do not bring it back either.
    c.ask(&bob, "YES").await;
    c.ask(&bob, "housing hello everyone").await;
    let pool = db(dir.path()).await;
    assert_eq!(
        count(
            &pool,
            "SELECT COUNT(*) FROM memberships ms JOIN lists l ON l.id = ms.list_id
             WHERE l.name = 'housing' AND ms.state IN ('active', 'invited', 'requested')"
        )
        .await,
        2,
        "only the owner and carol"
    );
    assert_eq!(
        c.texts(&owner).await.len(),
        owner_before + 1,
        "the owner got only the invitation's answer: {:?}",
        c.texts(&owner).await
    );
    assert!(c
        .texts(&carol)
        .await
        .iter()
        .all(|t| !t.contains("hello everyone") && !t.contains("let me back")));

    // Another admin cannot ban the owner; a member cannot ban anyone.
    assert!(c
        .ask(&carol, "BAN housing #ZZZZ")
        .await
        .contains("Only the owner or admins"));

    // UNBAN lifts it: JOIN works again.
    let unbanned = c.ask(&owner, &format!("UNBAN housing {label}")).await;
    assert!(unbanned.contains("may join housing again"), "{unbanned}");
    assert!(c
        .ask(&bob, "JOIN housing")
        .await
        .contains("You joined housing"));

    // The audit log has both, with labels and never a number.
    let (ok, out, err) = run_cli(
        &[
            "audit",
            "--list",
            "housing",
            "--db",
            dir.path().join("smsup.db").to_str().unwrap(),
        ],
        &[],
    );
    assert!(ok, "{out}{err}");
    assert!(out.contains(" ban ") && out.contains(" unban "), "{out}");
    assert!(out.contains(&label), "{out}");
    assert!(!out.contains(&bob[bob.len() - 8..]), "{out}");
}

#[tokio::test]
async fn the_help_line_reaches_a_community_from_outside_without_any_number() {
    let dir = tempdir();
    let app = spawn_app(dir.path(), &[]).await;
    let c = app.client();
    let (owner, admin, member, stranger) = (phone(1), phone(2), phone(3), phone(4));
    c.ask(&owner, "CREATE housing").await;
    c.ask(&owner, "NAME Amina").await;
    c.ask(&admin, "JOIN housing").await;
    c.ask(&admin, "NAME Hassan").await;
    c.ask(&owner, "ADMIN housing Hassan").await;
    c.ask(&member, "JOIN housing").await;
    let owner_n = c.texts(&owner).await.len();
    let admin_n = c.texts(&admin).await.len();
    let member_n = c.texts(&member).await.len();

    // A stranger writes to the list: the owner and the admin get it with a code, members do not.
    let sent = c
        .ask(&stranger, "housing I need a room for my family")
        .await;
    assert!(sent.contains("organisers of housing"), "{sent}");
    let to_owner = c.wait_texts(&owner, owner_n + 1).await[owner_n].clone();
    let to_admin = c.wait_texts(&admin, admin_n + 1).await[admin_n].clone();
    assert!(to_owner.starts_with("Help request H"), "{to_owner}");
    assert!(
        to_owner.ends_with(": I need a room for my family"),
        "{to_owner}"
    );
    assert_eq!(to_owner, to_admin);
    let code = label_after(&to_owner, "REPLY ");
    assert_eq!(c.texts(&member).await.len(), member_n);

    // REPLY reaches the stranger as the list and the admin's alias.
    let replied = c
        .ask(&admin, &format!("REPLY {code} Come to the centre at 3pm"))
        .await;
    assert!(replied.contains(&code), "{replied}");
    let answer = c.wait_texts(&stranger, 2).await[1].clone();
    assert_eq!(answer, "[housing] Hassan: Come to the centre at 3pm");

    // The stranger answers by writing to the list again: the same code.
    c.ask(&stranger, "housing thank you, we will come").await;
    let again = c.wait_texts(&owner, owner_n + 2).await[owner_n + 1].clone();
    assert!(again.contains(&format!("Help request {code} ")), "{again}");
    assert!(again.ends_with(": thank you, we will come"), "{again}");

    // A code of another list's request tells nothing to whom is not its admin.
    let nosy = c.ask(&member, &format!("REPLY {code} who are you?")).await;
    assert!(nosy.contains("no open help request"), "{nosy}");
    let nosy = c.ask(&member, &format!("SHARE {code}")).await;
    assert!(nosy.contains("no open help request"), "{nosy}");

    // SHARE posts the request to every member, with no sender.
    let shared = c.ask(&owner, &format!("SHARE {code}")).await;
    assert!(shared.contains("posted to everyone in housing"), "{shared}");
    let post = c.wait_texts(&member, member_n + 3).await[member_n + 2].clone();
    assert_eq!(post, "[housing] help request: I need a room for my family");

    // A number in the request is held (the networks would drop it), and nothing is relayed.
    let owner_n = c.wait_texts(&owner, owner_n + 3).await.len();
    let held = c.ask(&stranger, "housing call me on 012-345 6789").await;
    assert!(held.contains("phone number"), "{held}");
    assert_eq!(c.texts(&owner).await.len(), owner_n);

    // At most 5 messages an hour from one stranger to one list (TEST_LIMITS may differ: read it).
    for i in 0..6 {
        c.sms(&stranger, &format!("housing message {i}")).await;
    }
    let pool = db(dir.path()).await;
    common::wait_drained(&pool, 20).await;
    let relayed = c
        .texts(&owner)
        .await
        .iter()
        .filter(|t| t.contains("message "))
        .count();
    assert_eq!(relayed, 5 - 2, "two messages of the hour were used already");

    // OUTSIDE OFF: strangers get today's refusal.
    assert!(c
        .ask(&owner, "OUTSIDE housing OFF")
        .await
        .contains("can no longer write"));
    let refused = c.ask(&phone(5), "housing hello?").await;
    assert!(refused.contains("You are not in housing"), "{refused}");
    assert!(c
        .ask(&admin, "OUTSIDE housing ON")
        .await
        .contains("Only the owner"));

    assert_no_number_leaked(&c, &[owner, admin, member, stranger, phone(5)]).await;
}

#[tokio::test]
async fn a_list_always_has_an_owner() {
    let dir = tempdir();
    let app = spawn_app(dir.path(), &[]).await;
    let c = app.client();
    let (owner, early, admin, late) = (phone(1), phone(2), phone(3), phone(4));
    c.ask(&owner, "CREATE housing").await;
    c.ask(&early, "JOIN housing").await;
    c.ask(&early, "NAME Early").await;
    c.ask(&admin, "JOIN housing").await;
    c.ask(&admin, "NAME Hassan").await;
    c.ask(&late, "JOIN housing").await;
    c.ask(&owner, "ADMIN housing Hassan").await;

    // The owner opts out: the longest-serving admin owns the list now, and is told.
    c.ask(&owner, "STOP").await;
    let told = c.wait_texts(&admin, 4).await[3].clone();
    assert!(told.contains("You now own housing"), "{told}");
    assert!(c.ask(&admin, "INFO housing").await.contains("You: owner"));

    // The new owner passes it on; they become an admin; the owner cannot leave.
    let passed = c.ask(&admin, "OWNER housing Early").await;
    assert!(passed.contains("Early now owns housing"), "{passed}");
    assert!(c.ask(&early, "INFO housing").await.contains("You: owner"));
    assert!(c.ask(&admin, "INFO housing").await.contains("You: admin"));
    assert!(c
        .ask(&early, "LEAVE housing")
        .await
        .contains("cannot leave"));
    assert!(c
        .ask(&late, "OWNER housing Hassan")
        .await
        .contains("Only the owner"));

    // The last one standing: an owner with nobody to pass on to opts out, the list keeps them.
    c.ask(&early, "STOP").await;
    c.ask(&late, "LEAVE housing").await;
    c.ask(&admin, "STOP").await;
    let pool = db(dir.path()).await;
    assert_eq!(
        count(
            &pool,
            "SELECT COUNT(*) FROM lists l JOIN memberships ms ON ms.list_id = l.id
             AND ms.member_id = l.owner_id AND ms.role = 'owner'"
        )
        .await,
        1,
        "the owner recorded in the list is its owner member"
    );
}

#[tokio::test]
async fn members_write_privately_by_label_and_can_block_without_any_number_shown() {
    let dir = tempdir();
    let app = spawn_app(
        dir.path(),
        &[("SMSUP_LIMITS_PRIVATE_PER_SENDER_PER_HOUR", "4")],
    )
    .await;
    let c = app.client();
    let (owner, amina, bob, outsider) = (phone(1), phone(2), phone(3), phone(4));
    c.ask(&owner, "CREATE housing").await;
    c.ask(&amina, "JOIN housing").await;
    c.ask(&amina, "NAME Amina").await;
    c.ask(&bob, "JOIN housing").await;
    c.ask(&bob, "NAME Bob").await;

    // Amina offers a room in a post; Bob answers her privately, by her name.
    c.ask(&amina, "housing Room free near Chow Kit").await;
    let before = c.texts(&amina).await.len();
    let sent = c
        .ask(&bob, "TO housing Amina Is the room still free?")
        .await;
    assert!(sent.contains("private message to Amina"), "{sent}");
    let got = c.wait_texts(&amina, before + 1).await[before].clone();
    assert!(
        got.starts_with("[housing] Bob #") && got.ends_with("(private): Is the room still free?"),
        "{got}"
    );
    // She answers by the label the message showed.
    let label = label_after(&got, "Bob ");
    let before = c.texts(&bob).await.len();
    c.ask(&amina, &format!("TO housing {label} Yes, come at 6"))
        .await;
    let back = c.wait_texts(&bob, before + 1).await[before].clone();
    assert!(back.starts_with("[housing] Amina #"), "{back}");
    assert!(back.ends_with("(private): Yes, come at 6"), "{back}");

    // Someone outside the list cannot write privately to its members.
    let refused = c.ask(&outsider, "TO housing Amina hello").await;
    assert!(refused.contains("not in housing"), "{refused}");

    // Amina blocks Bob: his messages go nowhere, and he is told what he always is.
    let blocked = c.ask(&amina, &format!("BLOCK {label}")).await;
    assert!(
        blocked.contains("can no longer send you private messages"),
        "{blocked}"
    );
    let before = c.texts(&amina).await.len();
    let again = c.ask(&bob, "TO housing Amina answer me").await;
    assert_eq!(again, sent);
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(c.texts(&amina).await.len(), before);
    // Unblocked: they reach her again.
    c.ask(&amina, &format!("BLOCK {label} OFF")).await;
    c.ask(&bob, "TO housing Amina thanks").await;
    c.wait_texts(&amina, before + 2).await;

    // The hour's limit (4 here, a setting), then the owner turns private messages off.
    c.ask(&bob, "TO housing Amina see you").await;
    let limited = c.ask(&bob, "TO housing Amina one more").await;
    assert!(limited.contains("4 private messages"), "{limited}");
    assert!(c
        .ask(&owner, "DM housing OFF")
        .await
        .contains("no longer write to each other"));
    let off = c.ask(&amina, &format!("TO housing {label} hello")).await;
    assert!(off.contains("turned off"), "{off}");

    assert_no_number_leaked(&c, &[owner, amina, bob, outsider]).await;
}

#[tokio::test]
async fn the_owner_closes_a_list_with_a_code_members_are_told_and_the_name_stays_taken() {
    let dir = tempdir();
    let app = spawn_app(dir.path(), &[]).await;
    let c = app.client();
    let (owner, amina, siti, stranger) = (phone(1), phone(2), phone(3), phone(4));
    c.ask(&owner, "CREATE housing").await;
    c.ask(&amina, "JOIN housing").await;
    c.ask(&siti, "LANG ms").await;
    c.ask(&siti, "SERTAI housing").await;

    // Only the owner; a code first; a wrong code changes nothing.
    assert!(c
        .ask(&amina, "DELETE housing")
        .await
        .contains("Only the owner"));
    let asked = c.ask(&owner, "DELETE housing").await;
    let code = common::digits_after(&asked, "DELETE housing ");
    assert_eq!(code.len(), 4, "{asked}");
    let wrong = if code == "0000" { "1111" } else { "0000" };
    let refused = c.ask(&owner, &format!("DELETE housing {wrong}")).await;
    assert!(refused.contains("wrong or has expired"), "{refused}");
    assert_eq!(
        c.ask(&owner, "housing still here").await,
        "Sent to 2 members."
    );

    let done = c.ask(&owner, &format!("DELETE housing {code}")).await;
    assert!(done.contains("housing is closed"), "{done}");
    let to_amina = c.wait_texts(&amina, 4).await[3].clone();
    assert_eq!(
        to_amina,
        "housing was closed by its owner. You will get nothing more from it."
    );
    let to_siti = c.wait_texts(&siti, 4).await[3].clone();
    assert!(to_siti.contains("ditutup oleh pemiliknya"), "{to_siti}");

    // The list is gone for everyone; its name cannot be taken at once.
    assert!(c
        .ask(&amina, "housing hello?")
        .await
        .starts_with("Not understood"));
    assert!(c.ask(&stranger, "JOIN housing").await.contains("no list"));
    let taken = c.ask(&stranger, "CREATE housing").await;
    assert!(taken.contains("is taken"), "{taken}");
    assert_eq!(
        c.ask(&owner, "LISTS").await,
        c.ask(&stranger, "LISTS").await
    );
    let pool = db(dir.path()).await;
    assert_eq!(
        count(&pool, "SELECT COUNT(*) FROM memberships").await,
        0,
        "no memberships are left"
    );

    // Thirty days on, the name is free again (a new list, with none of the old members).
    sqlx::query("UPDATE lists SET deleted_at = deleted_at - 31 * 86400000")
        .execute(&pool)
        .await
        .unwrap();
    let created = c.ask(&stranger, "CREATE housing").await;
    assert!(created.contains("List housing created"), "{created}");
    assert_eq!(c.ask(&stranger, "housing hi").await, "Sent to 0 members.");
    assert_no_number_leaked(&c, &[owner, amina, siti, stranger]).await;
}

#[tokio::test]
async fn a_moderated_lists_posts_go_out_only_once_an_admin_approves_them() {
    let dir = tempdir();
    let app = spawn_app(dir.path(), &[]).await;
    let c = app.client();
    let (owner, admin, bob, carol) = (phone(1), phone(2), phone(3), phone(4));
    c.ask(&owner, "CREATE kampung").await;
    c.ask(&admin, "JOIN kampung").await;
    c.ask(&admin, "NAME Siti").await;
    c.ask(&owner, "ADMIN kampung Siti").await;
    c.ask(&bob, "JOIN kampung").await;
    c.ask(&bob, "NAME Bob").await;
    c.ask(&carol, "JOIN kampung").await;
    let refused = c.ask(&admin, "MODERATE kampung ON").await;
    assert!(refused.contains("Only the owner"), "{refused}");
    let on = c.ask(&owner, "MODERATE kampung ON").await;
    assert!(on.contains("wait for an admin"), "{on}");

    // Bob's post is held: the owner and the admin get it with a code; Carol gets nothing yet.
    let owner_before = c.texts(&owner).await.len();
    let held = c.ask(&bob, "kampung Police at the market now").await;
    assert!(held.contains("waits for an admin"), "{held}");
    let notice = c.wait_texts(&owner, owner_before + 1).await[owner_before].clone();
    assert!(
        notice.ends_with("): [kampung] Bob: Police at the market now"),
        "{notice}"
    );
    let code = label_after(&notice, "APPROVE ");
    let carol_before = c.texts(&carol).await.len();
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    assert_eq!(c.texts(&carol).await.len(), carol_before);

    // The admin approves it: Carol, the owner and the admin get it, once, even if both approve.
    // (The admin gets the post too, as a member: the answer is one of the two.)
    let admin_before = c.texts(&admin).await.len();
    c.sms(&admin, &format!("APPROVE {code}")).await;
    let got = c.wait_texts(&admin, admin_before + 2).await;
    assert!(
        got[admin_before..]
            .iter()
            .any(|t| t.contains("was sent to kampung")),
        "{got:?}"
    );
    c.ask(&owner, &format!("APPROVE {code}")).await;
    let to_carol = c.wait_texts(&carol, carol_before + 1).await[carol_before].clone();
    assert_eq!(to_carol, "[kampung] Bob: Police at the market now");
    let bob_told = c.texts(&bob).await;
    assert!(
        bob_told.iter().any(|t| t.contains("approved and sent")),
        "{bob_told:?}"
    );
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let copies = c
        .texts(&carol)
        .await
        .iter()
        .filter(|t| t.contains("Police at the market"))
        .count();
    assert_eq!(copies, 1);

    // A rejected post reaches nobody; an admin's own posts are not held.
    let before = c.texts(&owner).await.len();
    c.ask(&bob, "kampung false alarm, raid everywhere").await;
    let notice = c.wait_texts(&owner, before + 1).await[before].clone();
    let code = label_after(&notice, "APPROVE ");
    assert!(c
        .ask(&owner, &format!("REJECT {code}"))
        .await
        .contains("was not sent"));
    assert!(c.ask(&bob, "LISTS").await.contains("kampung"));
    assert_eq!(
        c.ask(&admin, "kampung All clear").await,
        "Sent to 3 members."
    );
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert!(c
        .texts(&carol)
        .await
        .iter()
        .all(|t| !t.contains("false alarm")));
    // A plain member cannot approve, and a code from nowhere tells nothing.
    assert!(c
        .ask(&carol, &format!("APPROVE {code}"))
        .await
        .contains("no post"));
    assert_no_number_leaked(&c, &[owner, admin, bob, carol]).await;
}

/// `HELP <command>` explains one command in one SMS, in the member's language, through the whole
/// service; a command in someone else's language is explained in the sender's.
#[tokio::test]
async fn help_on_a_command_explains_it_in_one_sms_in_the_members_language() {
    let dir = tempdir();
    let app = spawn_app(dir.path(), &[]).await;
    let c = app.client();
    let (en, ms, fa) = (phone(1), phone(2), phone(3));

    let ban = c.ask(&en, "HELP BAN").await;
    assert!(ban.starts_with("BAN name who"), "{ban}");
    assert!(ban.contains("UNBAN"), "{ban}");

    assert!(c.ask(&ms, "BAHASA ms").await.contains("Melayu"));
    // An English command word, asked about by a Malay speaker: the Malay explanation.
    let moderate = c.ask(&ms, "HELP MODERATE").await;
    assert!(moderate.starts_with("SEMAK kumpulan ON"), "{moderate}");

    // A Farsi speaker's own words, and the explanation is one SMS of Farsi.
    let join = c.ask(&fa, "کمک عضویت").await;
    assert!(join.starts_with("عضویت گروه"), "{join}");
    assert_eq!(smsup_sms::analyze(&join).segments, 1, "{join}");

    // HELP STOP stops: nothing comes after it but what HELP says to an opted-out number.
    let stop = c.ask(&en, "HELP STOP").await;
    assert!(stop.contains("START"), "{stop}");
    let pool = db(dir.path()).await;
    assert_eq!(
        count(&pool, "SELECT COUNT(*) FROM members WHERE opted_out = 1").await,
        1
    );
}
