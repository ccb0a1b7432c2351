//! Attacks on the safe lists found by an adversarial pass: each was a way past a ban, a flood of
//! the admins, a disguise, or an answer that told a banned number apart. Each is played here
//! through the simulator as the attacker would.

mod common;

use common::{count, db, label_after, phone, run_cli, spawn_app, tempdir, Client};

/// The texts `to` received that contain `what`.
async fn texts_with(c: &Client, to: &str, what: &str) -> usize {
    c.texts(to)
        .await
        .iter()
        .filter(|t| t.contains(what))
        .count()
}

/// `housing` with `bob` banned from it; returns (owner, bob).
async fn housing_with_bob_banned(c: &Client) -> (String, String) {
    let (owner, bob) = (phone(1), phone(2));
    c.ask(&owner, "CREATE housing").await;
    c.ask(&bob, "JOIN housing").await;
    c.ask(&bob, "NAME Bob").await;
    let banned = c.ask(&owner, "BAN housing Bob").await;
    assert!(banned.contains("cannot come back"), "{banned}");
    (owner, bob)
}

/// The private list `safety` of phone 1 and a request from `asker`: the label its owner was shown.
async fn asked_to_join_safety(c: &Client, asker: &str) -> String {
    c.ask(&phone(1), "CREATE safety PRIVATE").await;
    c.ask(asker, "JOIN safety").await;
    let notice = c.wait_texts(&phone(1), 2).await[1].clone();
    label_after(&notice, "APPROVE ")
}

#[tokio::test]
async fn moving_a_membership_onto_a_banned_number_does_not_bring_it_back() {
    let dir = tempdir();
    let app = spawn_app(dir.path(), &[]).await;
    let c = app.client();
    let (owner, bob) = housing_with_bob_banned(&c).await;
    let carol = phone(3);
    c.ask(&carol, "JOIN housing").await;

    // Carol (a friend of Bob's) moves her lists onto Bob's number.
    let before = c.texts(&bob).await.len();
    let asked = c.ask(&carol, &format!("MOVE {bob}")).await;
    assert!(asked.contains("code was sent"), "{asked}");
    let code = common::digits_after(&c.wait_texts(&bob, before + 1).await[before], "MOVE ");
    let done = c.ask(&bob, &format!("MOVE {code}")).await;
    assert!(done.starts_with("Done"), "{done}");

    // Bob's number is still out of housing: no post reaches it, LISTS does not show it.
    assert_eq!(
        c.ask(&owner, "housing Meeting at 8").await,
        "Sent to 0 members."
    );
    let lists = c.ask(&bob, "LISTS").await;
    assert!(!lists.contains("housing"), "{lists}");
    assert!(c
        .ask(&bob, "housing hello all")
        .await
        .contains("organisers of housing"));
    let pool = db(dir.path()).await;
    assert_eq!(common::active_memberships(&pool).await, 1, "only the owner");
}

#[tokio::test]
async fn an_import_neither_texts_nor_counts_a_banned_number() {
    let dir = tempdir();
    let app = spawn_app(dir.path(), &[]).await;
    let c = app.client();
    let (_owner, bob) = housing_with_bob_banned(&c).await;
    let before = c.texts(&bob).await.len();
    let file = dir.path().join("members.csv");
    std::fs::write(&file, format!("phone\n{bob}\n{}\n", phone(7))).unwrap();
    let db_arg = dir.path().join("smsup.db").to_str().unwrap().to_string();
    for mode in [&[][..], &["--consented"][..]] {
        let mut args = vec!["members", "import", "housing", file.to_str().unwrap()];
        args.extend_from_slice(mode);
        args.extend_from_slice(&["--db", &db_arg]);
        let (ok, out, err) = run_cli(&args, &[]);
        assert!(ok, "{out}{err}");
        assert!(out.contains("1 banned"), "{out}");
    }
    // Phone 7 was invited, then added; Bob got nothing, and is in nothing.
    c.wait_texts(&phone(7), 2).await;
    common::assert_nothing_new(&c, &bob, before).await;
    let lists = c.ask(&bob, "LISTS").await;
    assert!(!lists.contains("housing"), "{lists}");
}

#[tokio::test]
async fn asking_again_and_again_asks_the_admins_once() {
    let dir = tempdir();
    let app = spawn_app(dir.path(), &[]).await;
    let c = app.client();
    let (owner, pest) = (phone(1), phone(2));
    c.ask(&owner, "CREATE safety PRIVATE").await;
    // JOIN, NO, JOIN, NO ...: one request reaches the owner.
    for _ in 0..4 {
        assert!(c
            .ask(&pest, "JOIN safety")
            .await
            .contains("request to join safety"));
        c.ask(&pest, "NO safety").await;
    }
    let asked = c.ask(&pest, "JOIN safety").await;
    assert!(asked.contains("request to join safety"), "{asked}");
    let notices = c.wait_texts(&owner, 2).await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(
        texts_with(&c, &owner, "asks to join").await,
        1,
        "{:?}",
        c.texts(&owner).await
    );
    // The request the owner was shown is still the one they answer.
    let label = label_after(&notices[1], "APPROVE ");
    let approved = c.ask(&owner, &format!("APPROVE {label}")).await;
    assert!(approved.contains("joined safety"), "{approved}");

    // Denied: asking again within a week asks nobody, and lets nobody in.
    let other = phone(3);
    c.ask(&other, "JOIN safety").await;
    let before = c.texts(&owner).await.len();
    let notice = c.wait_texts(&owner, before).await;
    let label = label_after(
        notice
            .iter()
            .rev()
            .find(|t| t.contains("asks to join"))
            .unwrap(),
        "APPROVE ",
    );
    assert!(c
        .ask(&owner, &format!("DENY {label}"))
        .await
        .contains("will not join"));
    let before = c.texts(&owner).await.len();
    for _ in 0..3 {
        c.ask(&other, "JOIN safety").await;
    }
    common::assert_nothing_new(&c, &owner, before).await;
    let pool = db(dir.path()).await;
    assert_eq!(common::active_memberships(&pool).await, 2);
}

#[tokio::test]
async fn a_requester_cannot_take_an_admins_name_to_look_trusted() {
    let dir = tempdir();
    let app = spawn_app(dir.path(), &[]).await;
    let c = app.client();
    let (owner, admin, impostor) = (phone(1), phone(2), phone(3));
    c.ask(&admin, "NAME Hassan").await;
    let label = asked_to_join_safety(&c, &admin).await;
    c.ask(&owner, &format!("APPROVE {label}")).await;
    c.ask(&owner, "ADMIN safety Hassan").await;

    // The impostor takes the name Hassan (in no list yet, NAME allows it) and asks to join.
    assert!(c.ask(&impostor, "NAME Hassan").await.contains("Hassan"));
    let before = c.texts(&owner).await.len();
    c.ask(&impostor, "JOIN safety").await;
    let notice = c.wait_texts(&owner, before + 1).await[before].clone();
    assert!(notice.contains("asks to join"), "{notice}");
    assert!(
        notice.starts_with('#'),
        "shown by label, not as Hassan: {notice}"
    );
    let label = label_after(&notice, "APPROVE ");
    let approved = c.ask(&owner, &format!("APPROVE {label}")).await;
    assert!(!approved.contains("assan"), "{approved}");
}

#[tokio::test]
async fn an_add_of_someone_who_asked_lets_them_in() {
    let dir = tempdir();
    let app = spawn_app(dir.path(), &[]).await;
    let c = app.client();
    let (owner, asker) = (phone(1), phone(2));
    c.ask(&owner, "CREATE safety PRIVATE").await;
    c.ask(&asker, "JOIN safety").await;
    let answer = c.ask(&owner, &format!("ADD safety {asker}")).await;
    assert!(answer.contains("Invitation to safety sent"), "{answer}");
    let told = c.wait_texts(&asker, 2).await[1].clone();
    assert!(told.contains("You joined safety"), "{told}");
    assert_eq!(c.ask(&owner, "safety Hello").await, "Sent to 1 member.");
}

#[tokio::test]
async fn an_export_lists_no_one_who_only_asked() {
    let dir = tempdir();
    let app = spawn_app(dir.path(), &[]).await;
    let c = app.client();
    let asker = phone(2);
    let label = asked_to_join_safety(&c, &asker).await;
    let db_arg = dir.path().join("smsup.db").to_str().unwrap().to_string();
    let (ok, out, err) = run_cli(
        &["members", "export", "safety", "--numbers", "--db", &db_arg],
        &[],
    );
    assert!(ok, "{err}");
    assert!(!out.contains(&label), "{out}");
    assert!(!out.contains(&asker[asker.len() - 8..]), "{out}");
    assert_eq!(out.lines().count(), 2, "a header and the owner: {out}");
}

#[tokio::test]
async fn a_label_typed_with_a_fullwidth_hash_is_found() {
    let dir = tempdir();
    let app = spawn_app(dir.path(), &[]).await;
    let c = app.client();
    let (owner, asker) = (phone(1), phone(2));
    let label = asked_to_join_safety(&c, &asker).await.replace('#', "＃");
    let approved = c
        .ask(&owner, &format!("APPROVE {}", label.to_lowercase()))
        .await;
    assert!(approved.contains("joined safety"), "{approved}");
    let banned = c.ask(&owner, &format!("BAN safety {label}")).await;
    assert!(banned.contains("cannot come back"), "{banned}");
    let unbanned = c.ask(&owner, &format!("UNBAN safety {label}")).await;
    assert!(unbanned.contains("may join safety again"), "{unbanned}");
}

#[tokio::test]
async fn a_banned_number_meets_the_help_lines_limit_like_anyone() {
    let dir = tempdir();
    let app = spawn_app(dir.path(), &[]).await;
    let c = app.client();
    let (_owner, bob) = housing_with_bob_banned(&c).await;
    let stranger = phone(5);
    let mut answers = Vec::new();
    for who in [&stranger, &bob] {
        let mut got = Vec::new();
        for i in 0..6 {
            got.push(c.ask(who, &format!("housing please help {i}")).await);
        }
        answers.push(got);
    }
    assert!(answers[0][5].contains("limit"), "{:?}", answers[0]);
    assert_eq!(answers[0], answers[1], "a banned number's answers differ");
}

#[tokio::test]
async fn an_opted_out_member_cannot_be_made_owner() {
    let dir = tempdir();
    let app = spawn_app(dir.path(), &[]).await;
    let c = app.client();
    let (owner, carol) = (phone(1), phone(2));
    c.ask(&owner, "CREATE housing").await;
    c.ask(&carol, "JOIN housing").await;
    c.ask(&carol, "NAME Carol").await;
    c.ask(&carol, "STOP").await;
    let answer = c.ask(&owner, "OWNER housing Carol").await;
    assert!(answer.contains("No member Carol"), "{answer}");
    assert!(c.ask(&owner, "INFO housing").await.contains("owner"));
}

#[tokio::test]
async fn a_list_nobody_looks_after_says_so_instead_of_taking_requests() {
    let dir = tempdir();
    let app = spawn_app(dir.path(), &[]).await;
    let c = app.client();
    let (owner, asker, stranger) = (phone(1), phone(2), phone(3));
    c.ask(&owner, "CREATE safety PRIVATE").await;
    c.ask(&owner, "STOP").await;
    let join = c.ask(&asker, "JOIN safety").await;
    assert!(join.contains("Nobody"), "{join}");
    let help = c.ask(&stranger, "safety we need a doctor").await;
    assert!(help.contains("Nobody"), "{help}");
    let pool = db(dir.path()).await;
    assert_eq!(
        count(
            &pool,
            "SELECT COUNT(*) FROM memberships WHERE state = 'requested'"
        )
        .await,
        0
    );
    assert_eq!(count(&pool, "SELECT COUNT(*) FROM help_requests").await, 0);
}

#[tokio::test]
async fn a_help_line_harasser_is_banned_by_the_requests_code() {
    let dir = tempdir();
    let app = spawn_app(dir.path(), &[]).await;
    let c = app.client();
    let (owner, harasser) = (phone(1), phone(2));
    c.ask(&owner, "CREATE housing").await;
    c.ask(&harasser, "housing you will regret this").await;
    let notice = c.wait_texts(&owner, 2).await[1].clone();
    let code = label_after(&notice, "REPLY ");
    let banned = c.ask(&owner, &format!("BAN housing {code}")).await;
    assert!(banned.contains("cannot come back"), "{banned}");
    let before = c.texts(&owner).await.len();
    let answer = c.ask(&harasser, "housing i know where you are").await;
    assert!(answer.contains("organisers of housing"), "{answer}");
    assert!(c.ask(&harasser, "JOIN housing").await.contains("request"));
    common::assert_nothing_new(&c, &owner, before).await;
    // The ban is lifted by the label it showed.
    let label = label_after(&banned, "UNBAN housing ");
    assert!(c
        .ask(&owner, &format!("UNBAN housing {label}"))
        .await
        .contains("may join housing again"));
}

#[tokio::test]
async fn a_blocked_member_who_moves_to_a_new_number_stays_blocked() {
    let dir = tempdir();
    let app = spawn_app(dir.path(), &[]).await;
    let c = app.client();
    let (owner, amina, bob, new_bob) = (phone(1), phone(2), phone(3), phone(30));
    c.ask(&owner, "CREATE housing").await;
    c.ask(&amina, "JOIN housing").await;
    c.ask(&amina, "NAME Amina").await;
    c.ask(&bob, "JOIN housing").await;
    let before = c.texts(&amina).await.len();
    c.ask(&bob, "TO housing Amina hi").await;
    let got = c.wait_texts(&amina, before + 1).await[before].clone();
    let label = label_after(&got, "[housing] ");
    assert!(c
        .ask(&amina, &format!("BLOCK {label}"))
        .await
        .contains("can no longer send you private messages"));

    // Bob moves his lists to a new number and writes from it.
    c.ask(&bob, &format!("MOVE {new_bob}")).await;
    let code = common::digits_after(&c.wait_texts(&new_bob, 1).await[0], "MOVE ");
    assert!(c
        .ask(&new_bob, &format!("MOVE {code}"))
        .await
        .starts_with("Done"));
    let before = c.texts(&amina).await.len();
    let answer = c.ask(&new_bob, "TO housing Amina it is me again").await;
    assert!(answer.contains("private message to Amina"), "{answer}");
    common::assert_nothing_new(&c, &amina, before).await;
}
