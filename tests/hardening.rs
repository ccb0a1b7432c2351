//! Attacks by hostile and careless users, through the application as `smsup serve` builds it and its
//! simulator (a process of its own where a test restarts it, runs the CLI beside it or reads metrics): each promise
//! to people at risk holds (opting out, identities, what replies reveal, limits, one SMS per reply).

mod common;

use std::time::Duration;

use common::{db, phone, run_cli, spawn_app, tempdir, Client, Server};

/// Counts of rows, for checks at rest.
async fn scalar(pool: &sqlx::SqlitePool, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(pool).await.unwrap()
}

/// Wait a little for anything still being sent, then the texts a phone received.
async fn settled(c: &Client, to: &str) -> Vec<String> {
    tokio::time::sleep(Duration::from_millis(250)).await;
    c.texts(to).await
}

fn segments(text: &str) -> usize {
    // The simulator reports segments per message; counted here the same way for replies we build.
    let gsm = text.chars().all(|c| {
        c.is_ascii_graphic()
            || c == ' '
            || c == '\n'
            || "£¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ¤¡ÄÖÑÜ§¿äöñüà".contains(c)
    });
    let units: usize = if gsm {
        text.chars().count() + text.chars().filter(|c| "[]{}\\^~|€".contains(*c)).count()
    } else {
        text.encode_utf16().count()
    };
    let (one, many) = if gsm { (160, 153) } else { (70, 67) };
    if units <= one {
        1
    } else {
        units.div_ceil(many)
    }
}

#[tokio::test]
async fn opting_out_works_in_every_phrasing_and_script() {
    let dir = tempdir();
    let server = spawn_app(dir.path(), &[]).await;
    let c = server.client();
    let owner = phone(1);
    c.ask(&owner, "CREATE safety").await;
    let phrases = [
        "ရပ်",
        "ရပ်။",
        "STOP ALL",
        "stop please",
        "Stop SMS",
        "STOP STOP",
        "henti semua",
        "jooji dhammaan",
        "REVOKE",
        "OPTOUT",
        "opt out",
        "توقف",
        "STOP safety",
    ];
    for (i, phrase) in phrases.iter().enumerate() {
        let m = phone(100 + i);
        c.ask(&m, "JOIN safety").await;
        let reply = c.ask(&m, phrase).await;
        assert!(
            !reply.contains("Not understood") && !reply.contains("left"),
            "{phrase}: {reply}"
        );
    }
    // Every one of them is opted out of everything: the next post reaches none of them.
    c.ask(&owner, "safety checkpoint on Jalan Ipoh").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    for (i, phrase) in phrases.iter().enumerate() {
        let texts = c.texts(&phone(100 + i)).await;
        assert!(
            texts.iter().all(|t| !t.contains("checkpoint")),
            "{phrase} did not opt out: {texts:?}"
        );
        assert_eq!(
            texts.len(),
            2,
            "{phrase}: one confirmation, nothing else: {texts:?}"
        );
    }
    // A list's name followed by STOP leaves that list and is never posted to it.
    let m = phone(200);
    c.ask(&m, "JOIN safety").await;
    let reply = c.ask(&m, "safety STOP").await;
    assert!(reply.contains("left safety"), "{reply}");
    assert!(c.texts(&owner).await.iter().all(|t| !t.ends_with(": STOP")));

    // The Burmese speaker's confirmation is in Burmese; HELP while opted out is answered once,
    // saying how to come back; anything else gets nothing.
    let burmese = c.texts(&phone(100)).await;
    assert!(
        burmese[1].contains("SMS Up") && !burmese[1].is_ascii(),
        "{burmese:?}"
    );
    let m = phone(102);
    let help = c.ask(&m, "HELP").await;
    assert!(help.contains("START"), "{help}");
    assert_eq!(segments(&help), 1);
    c.sms(&m, "JOIN safety").await;
    c.sms(&m, "LISTS").await;
    assert_eq!(
        settled(&c, &m).await.len(),
        3,
        "nothing but the HELP answer"
    );
    // Opt-out words can never become list names, in any script or look-alike.
    for name in ["CREATE stop", "CREATE ꓢTOP", "CREATE ရပ်", "CREATE revoke"] {
        let reply = c.ask(&owner, name).await;
        assert!(
            reply.contains("command word") || reply.contains("2-24"),
            "{name}: {reply}"
        );
    }
}

#[tokio::test]
async fn burmese_commands_and_names_keep_their_marks() {
    let dir = tempdir();
    let server = spawn_app(dir.path(), &[]).await;
    let c = server.client();
    let a = "+959250123456";
    let b = "+959250123457";
    let created = c.ask(a, "ဖွင့် အိမ်").await;
    assert!(created.contains("အိမ်"), "{created}");
    let joined = c.ask(b, "ဝင် အိမ်").await;
    assert!(joined.contains("အိမ်"), "{joined}");
    c.ask(b, "အမည် မောင်မောင်").await;
    c.ask(b, "အိမ် မင်္ဂလာပါ").await;
    let got = c.wait_texts(a, 2).await;
    assert_eq!(got[1], "[အိမ်] မောင်မောင်: မင်္ဂလာပါ");
    let pool = db(dir.path()).await;
    let names: Vec<String> = sqlx::query_scalar("SELECT name FROM lists")
        .fetch_all(&pool)
        .await
        .unwrap();
    assert_eq!(names, vec!["အိမ်".to_string()]);
    // ထွက် (leave) is understood; the owner may not leave.
    let left = c.ask(b, "ထွက် အိမ်").await;
    assert!(left.contains("အိမ်"), "{left}");
    let stopped = c.ask(b, "ရပ်").await;
    assert!(!stopped.is_empty());
    c.ask(a, "အိမ် again").await;
    assert_eq!(settled(&c, b).await.len(), 5);
}

#[tokio::test]
async fn labels_are_per_list_random_and_names_cannot_be_copied() {
    let dir = tempdir();
    let server = spawn_app(dir.path(), &[]).await;
    let c = server.client();
    let (owner, amina, impostor, other) = (phone(1), phone(2), phone(3), phone(4));
    c.ask(&owner, "CREATE housing").await;
    c.ask(&owner, "CREATE jobs").await;
    for m in [&amina, &impostor, &other] {
        c.ask(m, "JOIN housing").await;
    }
    c.ask(&other, "JOIN jobs").await;
    assert!(c.ask(&amina, "NAME Amina").await.contains("Amina"));

    // The same person, no alias: a different label in each list, not a sequence number.
    c.ask(&other, "housing one").await;
    c.ask(&other, "jobs two").await;
    let seen = c.wait_texts(&owner, 4).await;
    let label = |t: &str| {
        t.split_once("] ")
            .unwrap()
            .1
            .split_once(':')
            .unwrap()
            .0
            .to_string()
    };
    let (l1, l2) = (label(&seen[seen.len() - 2]), label(&seen[seen.len() - 1]));
    assert!(l1.starts_with('#') && l2.starts_with('#'), "{l1} {l2}");
    assert_ne!(l1, l2, "labels link a person across lists");
    assert!(
        l1.len() >= 5 && l1[1..].chars().all(|c| c.is_ascii_alphanumeric()),
        "{l1}"
    );
    assert!(
        l1[1..].parse::<u64>().is_err(),
        "a label is not a number: {l1}"
    );

    // Names that copy Amina's, look like labels or numbers or the service, or hide characters.
    for bad in [
        "NAME Amina",
        "NAME amina",
        "NAME Аmina",
        "NAME Am\u{200B}ina",
        "NAME A\u{202E}anima",
        &format!("NAME {l1}"),
        "NAME #1",
        "NAME +447911000002",
        "NAME 0123456789",
        "NAME SMS Up",
        "NAME SMSUP",
        "NAME Ami\u{00AD}na",
        "NAME e\u{0301}\u{0301}\u{0301}\u{0301}\u{0301}\u{0301}",
    ] {
        let reply = c.ask(&impostor, bad).await;
        assert!(!reply.contains("is now"), "{bad:?} was accepted: {reply}");
    }
    // REMOVE by the name finds the one Amina; by a label finds that member.
    let reply = c.ask(&owner, "REMOVE housing Amina").await;
    assert!(reply.contains("Amina was removed"), "{reply}");
    let reply = c
        .ask(&owner, &format!("REMOVE housing {}", l1.to_lowercase()))
        .await;
    assert!(reply.contains("was removed"), "{reply}");

    // A member whose alias looks like another's in a list they join later: their posts there
    // show their label, never the look-alike name.
    c.ask(&impostor, "NAME Bоb").await; // Cyrillic о, unique so far
    c.ask(&other, "NAME Bob").await; // other is no longer in housing, so no clash for them
    c.ask(&other, "JOIN housing").await;
    c.ask(&impostor, "housing hello from the impostor").await;
    let last = settled(&c, &other).await;
    let post = last.iter().rev().find(|t| t.contains("impostor")).unwrap();
    assert!(post.starts_with("[housing] #"), "{post}");
}

#[tokio::test]
async fn look_alike_list_names_and_service_dressed_posts() {
    let dir = tempdir();
    let server = spawn_app(dir.path(), &[]).await;
    let c = server.client();
    let (owner, member) = (phone(1), phone(2));
    c.ask(&owner, "CREATE housing").await;
    c.ask(&member, "JOIN housing").await;
    let other = phone(3);
    for name in [
        "hоusing",
        "housíng",
        "HOUSİNG",
        "ｈｏｕｓｉｎｇ",
        "hous\u{200B}ing",
    ] {
        let reply = c.ask(&other, &format!("CREATE {name}")).await;
        assert!(
            reply.contains("taken") || reply.contains("2-24"),
            "{name}: {reply}"
        );
    }
    // JOIN by a look-alike reaches the one list.
    assert!(c
        .ask(&other, "JOIN hоusing")
        .await
        .contains("joined housing"));

    c.ask(
        &owner,
        "housing Notice\n\n\n\n\r\n\nSMS Up: Your registration expires.",
    )
    .await;
    let texts = c.wait_texts(&member, 2).await;
    assert_eq!(
        texts[1],
        "[housing] #".to_string()
            + &texts[1][11..15]
            + ": Notice\nSMS Up: Your registration expires."
    );
    for empty in [
        "housing \u{200B}\u{200B}",
        "housing \u{202E}",
        "housing \n\n\n",
        "housing \u{3164}",
    ] {
        let reply = c.ask(&owner, empty).await;
        assert!(reply.contains("Write your message"), "{empty:?}: {reply}");
    }
    assert_eq!(
        settled(&c, &member).await.len(),
        2,
        "nothing empty was relayed"
    );
}

#[tokio::test]
async fn add_reveals_nothing_and_invitations_are_bounded() {
    let dir = tempdir();
    let server = spawn_app(
        dir.path(),
        &[("SMSUP_LIMITS_INVITES_PER_SENDER_PER_HOUR", "10")],
    )
    .await;
    let c = server.client();
    let owner = phone(1);
    let (member, opted, fresh) = (phone(2), phone(3), phone(4));
    c.ask(&owner, "CREATE housing").await;
    c.ask(&member, "JOIN housing").await;
    c.ask(&opted, "STOP").await;
    let a = c.ask(&owner, &format!("ADD housing {member}")).await;
    let b = c.ask(&owner, &format!("ADD housing {opted}")).await;
    let d = c.ask(&owner, &format!("ADD housing {fresh}")).await;
    assert_eq!(a, b);
    assert_eq!(a, d);
    assert!(!a.contains("7911"), "{a}");
    // The invitation says how to refuse more; a second ADD within days sends nothing.
    let invite = c.wait_texts(&fresh, 1).await;
    assert!(invite[0].contains("NO housing"), "{invite:?}");
    assert_eq!(c.ask(&owner, &format!("ADD housing {fresh}")).await, a);
    assert_eq!(settled(&c, &fresh).await.len(), 1, "invited once");
    assert_eq!(
        settled(&c, &opted).await.len(),
        1,
        "an opted-out number gets nothing"
    );
    // "Yes" to the invitation joins the list.
    let yes = c.ask(&fresh, "Yes").await;
    assert!(yes.contains("joined housing"), "{yes}");
    // NO refuses further invitations for good.
    let refuser = phone(5);
    c.ask(&owner, &format!("ADD housing {refuser}")).await;
    c.wait_texts(&refuser, 1).await;
    assert!(c
        .ask(&refuser, "NO housing")
        .await
        .contains("no more invitations"));
    let pool = db(dir.path()).await;
    sqlx::query("UPDATE memberships SET invited_at = 0")
        .execute(&pool)
        .await
        .unwrap();
    c.ask(&owner, &format!("ADD housing {refuser}")).await;
    assert_eq!(
        settled(&c, &refuser).await.len(),
        2,
        "no invitation after NO"
    );

    // Local numbers are read in the inviter's own country.
    let uk_local = "07911 000777";
    c.ask(&owner, &format!("ADD housing {uk_local}")).await;
    assert_eq!(c.wait_texts(&phone(777), 1).await.len(), 1);
    // ADD with no number explains, echoing nothing.
    let reply = c.ask(&owner, "ADD housing").await;
    assert!(
        reply.starts_with("That is not a valid phone number"),
        "{reply}"
    );

    // Limits: invitations per hour (ten ADDs so far); the refusal is said once.
    let before = c.texts(&owner).await.len();
    for i in 0..6 {
        c.sms(&owner, &format!("ADD housing +4479110{:05}", 50000 + i))
            .await;
    }
    let after = settled(&c, &owner).await;
    let refusals = after[before..]
        .iter()
        .filter(|t| t.contains("invitations lately"))
        .count();
    assert_eq!(refusals, 1, "{:?}", &after[before..]);
    assert_eq!(
        after.len() - before,
        3,
        "two more invitations, then one refusal: {:?}",
        &after[before..]
    );
}

#[tokio::test]
async fn no_number_typed_in_a_command_is_kept_or_echoed() {
    let dir = tempdir();
    let server = spawn_app(dir.path(), &[]).await;
    let c = server.client();
    let owner = phone(1);
    let target = phone(2);
    c.ask(&owner, "CREATE housing").await;
    c.ask(&target, "JOIN housing").await;
    let digits = &target[1..];
    let mut replies = Vec::new();
    for cmd in [
        format!("REMOVE housing {target}"),
        format!("ADMIN housing {target}"),
        format!("ADD housing {target}"),
        format!("ADD housing 0{}", &digits[2..]),
        format!("JOIN {digits}"),
        format!("INFO {target}"),
        format!("ADD housing {}x", &digits[..7]),
        target.clone(),
    ] {
        replies.push(c.ask(&owner, &cmd).await);
    }
    for r in &replies {
        assert!(!r.contains(&digits[4..]), "a reply echoes the number: {r}");
    }
    drop(server);
    let pool = db(dir.path()).await;
    let bodies: Vec<String> = sqlx::query_scalar("SELECT body FROM inbound")
        .fetch_all(&pool)
        .await
        .unwrap();
    for b in &bodies {
        assert!(!b.contains(&digits[4..]), "stored in clear: {b}");
    }
    let texts: Vec<String> = sqlx::query_scalar("SELECT body FROM messages")
        .fetch_all(&pool)
        .await
        .unwrap();
    for t in &texts {
        assert!(
            !t.contains(&digits[4..]),
            "stored reply echoes the number: {t}"
        );
    }
}

#[tokio::test]
async fn limits_on_lists_replies_and_floods() {
    let dir = tempdir();
    let server = spawn_app(
        dir.path(),
        &[
            ("SMSUP_LIMITS_POSTS_PER_SENDER_PER_HOUR", "2"),
            ("SMSUP_LIMITS_LISTS_PER_NUMBER_PER_DAY", "3"),
            ("SMSUP_LIMITS_REPLIES_PER_NUMBER_PER_MINUTE", "10"),
        ],
    )
    .await;
    let c = server.client();
    let spammer = phone(1);
    let mut replies = Vec::new();
    for name in ["unhcr", "legal", "doctor", "clinic"] {
        replies.push(c.ask(&spammer, &format!("CREATE {name}")).await);
    }
    assert!(replies[3].contains("lists today"), "{replies:?}");
    let pool = db(dir.path()).await;
    assert_eq!(scalar(&pool, "SELECT COUNT(*) FROM lists").await, 3);

    // Over the posting limit: one refusal, then silence however often it is tried.
    c.ask(&spammer, "unhcr one").await;
    c.ask(&spammer, "unhcr two").await;
    let refusal = c.ask(&spammer, "unhcr three").await;
    assert!(refusal.contains("posts this hour"), "{refusal}");
    let before = c.texts(&spammer).await.len();
    for i in 0..5 {
        c.sms(&spammer, &format!("unhcr again {i}")).await;
    }
    assert_eq!(
        settled(&c, &spammer).await.len(),
        before,
        "refusals repeated"
    );

    // A flood of commands from one number: at most the per-minute replies.
    let flooder = phone(2);
    for _ in 0..20 {
        c.sms(&flooder, "HELP").await;
    }
    let got = settled(&c, &flooder).await.len();
    assert!((1..=10).contains(&got), "{got} replies to a flood of 20");
}

#[tokio::test]
async fn every_reply_is_one_sms_for_the_longest_inputs_in_every_language() {
    let dir = tempdir();
    let server = spawn_app(
        dir.path(),
        &[("SMSUP_LIMITS_REPLIES_PER_NUMBER_PER_MINUTE", "1000")],
    )
    .await;
    let c = server.client();
    let huge = "x".repeat(20_000);
    let long_latin = "abcdefghijklmnopqrstuvwx";
    let long_burmese = "ကျန်းမာရေးစောင့်ရှောက်မှုဌာ";
    let long_arabic = "مساعدةالعائلاتفيكوالالمبور";
    for (i, lang) in ["en", "ms", "my", "fa", "ar", "so", "ur"]
        .iter()
        .enumerate()
    {
        let owner = phone(10 + i);
        let other = phone(30 + i);
        c.ask(&owner, &format!("LANG {lang}")).await;
        c.ask(&other, &format!("LANG {lang}")).await;
        let name = format!("{}{}", &long_latin[..22], i);
        let mut cmds = vec![
            format!("CREATE {name}"),
            format!("CREATE {long_burmese}"),
            format!("CREATE {long_arabic}"),
            format!("JOIN {huge}"),
            format!("LEAVE {huge}"),
            format!("INFO {huge}"),
            format!("CREATE {huge}"),
            format!("NAME {huge}"),
            format!("NAME {}", "ဘ".repeat(20)),
            format!("ADD {name} {huge}"),
            format!("REMOVE {name} {huge}"),
            format!("ADMIN {name} {huge}"),
            format!("{name} {}", "y".repeat(2000)),
            format!("{huge} hello"),
            format!("LANG {huge}"),
            "HELP".into(),
            "LISTS".into(),
            format!("INFO {name}"),
            format!("ANNOUNCE {huge}"),
            format!("NO {huge}"),
            huge.clone(),
        ];
        cmds.push(format!("LEAVE {name}"));
        for cmd in &cmds {
            c.sms(&owner, cmd).await;
        }
        c.sms(&other, &format!("JOIN {name}")).await;
        c.sms(&other, &format!("{name} hi")).await;
    }
    tokio::time::sleep(Duration::from_millis(800)).await;
    for i in 0..7 {
        for p in [phone(10 + i), phone(30 + i)] {
            for m in c.outbox(&p).await {
                assert_eq!(m["segments"], 1, "{p}: {}", m["text"]);
            }
        }
    }
}

#[tokio::test]
async fn owners_and_admins_keep_their_places() {
    let dir = tempdir();
    let server = spawn_app(dir.path(), &[]).await;
    let c = server.client();
    let (owner, a1, a2) = (phone(1), phone(2), phone(3));
    c.ask(&owner, "CREATE housing").await;
    c.ask(&owner, "NAME Olu").await;
    for (m, n) in [(&a1, "Ali"), (&a2, "Bea")] {
        c.ask(m, "JOIN housing").await;
        c.ask(m, &format!("NAME {n}")).await;
        c.ask(&owner, &format!("ADMIN housing {n}")).await;
    }
    assert!(c
        .ask(&owner, "LEAVE housing")
        .await
        .contains("cannot leave"));
    assert!(c
        .ask(&a1, "REMOVE housing Bea")
        .await
        .contains("Only the owner"));
    assert!(c
        .ask(&a1, "REMOVE housing Olu")
        .await
        .contains("cannot be removed"));
    assert!(c
        .ask(&owner, "ADMIN housing Olu")
        .await
        .contains("owns housing"));
    // The owner may remove an admin.
    assert!(c
        .ask(&owner, "REMOVE housing Bea")
        .await
        .contains("Bea was removed"));
    // INFO counts those who receive posts: not the opted-out.
    c.ask(&a1, "STOP").await;
    assert!(c
        .ask(&owner, "INFO housing")
        .await
        .starts_with("housing: 1 member,"));
    // Careless usage gets a useful answer.
    assert!(c
        .ask(&owner, "ANNOUNCE news")
        .await
        .contains("CREATE news ANNOUNCE"));
    assert!(c.ask(&owner, "CREATE 🏠🏠").await.contains("2-24"));
}

#[tokio::test]
async fn replies_stay_in_the_senders_language() {
    let dir = tempdir();
    let server = spawn_app(dir.path(), &[]).await;
    let c = server.client();
    let uk = phone(1);
    // A list named like a Somali keyword is no reason to answer in Somali; a bare greeting in Arabic
    // script from a UK number is no reason to answer in Arabic.
    let r = c.ask(&uk, "CREATE jooji").await;
    assert!(r.is_ascii() && r.contains("command word"), "{r}");
    let r = c.ask(&uk, "سلام").await;
    assert!(r.starts_with("Not understood"), "{r}");
    let r = c.ask(&uk, "LANG klingon").await;
    assert!(r.starts_with("Reply LANG"), "{r}");
    // A Farsi post from a UK number is confirmed in Farsi: the same reply an Iranian number gets.
    let iran = "+989123456789";
    c.ask(&uk, "CREATE otaq").await;
    c.ask(iran, "JOIN otaq").await;
    let post = "otaq اتاق خالی در چوکیت موجود است";
    let from_uk = c.ask(&uk, post).await;
    let from_iran = c.ask(iran, post).await;
    assert_eq!(from_uk, from_iran);
    assert!(!from_uk.is_ascii(), "{from_uk}");
}

#[tokio::test]
async fn simulator_refuses_cross_site_requests() {
    let dir = tempdir();
    let server = spawn_app(dir.path(), &[]).await;
    let http = reqwest::Client::new();
    let url = format!("{}/sim/inbound", server.url);
    let body = r#"{"from":"+447911000001","text":"CREATE evil"}"#;
    let r = http
        .post(&url)
        .header("content-type", "text/plain")
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 415);
    let r = http
        .post(&url)
        .header("content-type", "application/x-www-form-urlencoded")
        .body("from=%2B447911000001&text=CREATE+evil")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 415);
    // A page on a domain that resolves to 127.0.0.1 (DNS rebinding) cannot read or post.
    for path in ["/sim/inbound", "/sim/outbox?to=%2B447911000001", "/sim"] {
        let r = http
            .get(format!("{}{path}", server.url))
            .header("host", "rebind.example:8080")
            .send()
            .await
            .unwrap();
        assert_eq!(r.status().as_u16(), 403, "{path}");
    }
    let pool = db(dir.path()).await;
    assert_eq!(scalar(&pool, "SELECT COUNT(*) FROM lists").await, 0);
    // On an address other machines reach, the simulator needs --sim.
    let (ok, _, err) = run_cli(
        &[
            "serve",
            "--listen",
            "0.0.0.0:0",
            "--db",
            dir.path().join("x.db").to_str().unwrap(),
        ],
        &[],
    );
    assert!(!ok && err.contains("--sim"), "{err}");
}

#[tokio::test]
async fn queue_gauges_fall_to_zero_when_the_queue_drains() {
    let dir = tempdir();
    let server = Server::start(dir.path(), &[]);
    let c = server.client();
    c.ask(&phone(1), "CREATE housing").await;
    for i in 2..6 {
        c.ask(&phone(i), "JOIN housing").await;
    }
    c.ask(&phone(1), "housing hi").await;
    for i in 2..6 {
        c.wait_texts(&phone(i), 2).await;
    }
    let (_, metrics) = c.get_text("/metrics").await;
    let queued = metrics
        .lines()
        .find(|l| l.starts_with("smsup_outbox_messages{state=\"queued\"}"))
        .unwrap_or_else(|| panic!("{metrics}"));
    assert!(queued.ends_with(" 0"), "{queued}");
}

#[tokio::test]
async fn the_key_and_the_database_belong_together() {
    let dir = tempdir();
    let dbp = dir.path().join("smsup.db");
    let db_arg = dbp.to_str().unwrap().to_string();
    {
        let server = Server::start(dir.path(), &[]);
        server.client().ask(&phone(1), "CREATE housing").await;
    }
    // Another key: serve and members refuse, naming the key file expected.
    let other_key = "11".repeat(32);
    let (ok, _, err) = run_cli(
        &["members", "export", "housing", "--db", &db_arg],
        &[("SMSUP_KEY", &other_key)],
    );
    assert!(!ok && err.contains("another key"), "{err}");
    let (ok, _, err) = run_cli(
        &["serve", "--listen", "127.0.0.1:0", "--db", &db_arg],
        &[("SMSUP_KEY", &other_key)],
    );
    assert!(!ok && err.contains("another key"), "{err}");
    // The key file missing: refused, no new key made.
    let key = dir.path().join("smsup.db.key");
    let saved = std::fs::read(&key).unwrap();
    std::fs::remove_file(&key).unwrap();
    let (ok, _, err) = run_cli(&["serve", "--listen", "127.0.0.1:0", "--db", &db_arg], &[]);
    assert!(!ok && err.contains("smsup.db.key"), "{err}");
    assert!(!key.exists(), "a new key was made for a database with data");
    std::fs::write(&key, saved).unwrap();
    // A mistyped --db: members never creates a database.
    let typo = dir.path().join("smsupp.db");
    let (ok, _, err) = run_cli(
        &[
            "members",
            "export",
            "housing",
            "--db",
            typo.to_str().unwrap(),
        ],
        &[],
    );
    assert!(!ok && err.contains("no database"), "{err}");
    assert!(!typo.exists());
    // The right key still works.
    let (ok, out, err) = run_cli(&["members", "export", "housing", "--db", &db_arg], &[]);
    assert!(ok, "{err}");
    assert!(out.contains("owner"), "{out}");
}

#[tokio::test]
async fn csv_import_and_export_are_safe() {
    let dir = tempdir();
    let db_arg = dir.path().join("smsup.db").to_str().unwrap().to_string();
    {
        let server = Server::start(dir.path(), &[]);
        let c = server.client();
        c.ask(&phone(1), "CREATE housing").await;
        c.ask(&phone(2), "JOIN housing").await;
    }
    let formula = dir.path().join("formula.csv");
    std::fs::write(&formula, "phone,alias\n+447911000060,-Ali\n").unwrap();
    let (ok, _, err) = run_cli(
        &[
            "members",
            "import",
            "housing",
            formula.to_str().unwrap(),
            "--db",
            &db_arg,
        ],
        &[],
    );
    assert!(ok, "{err}");
    let (ok, out, err) = run_cli(&["members", "export", "housing", "--db", &db_arg], &[]);
    assert!(ok, "{err}");
    // A cell a spreadsheet would run as a formula gets a leading quote.
    assert!(out.contains(",'-Ali,"), "{out}");
    assert!(!out.contains(",-Ali,"), "{out}");

    // Every row bad: non-zero exit, the first 20 lines and a count.
    let bad = dir.path().join("bad.csv");
    let mut text = "phone,alias\n".to_string();
    for i in 0..100 {
        text.push_str(&format!("not-a-number-{i},x\n"));
    }
    std::fs::write(&bad, text).unwrap();
    let (ok, _, err) = run_cli(
        &[
            "members",
            "import",
            "housing",
            bad.to_str().unwrap(),
            "--db",
            &db_arg,
        ],
        &[],
    );
    assert!(!ok, "an import of nothing succeeded");
    assert_eq!(err.matches("skipped:").count(), 20, "{err}");
    assert!(err.contains("80 more"), "{err}");
    // A ;-separated file is read.
    let semi = dir.path().join("semi.csv");
    std::fs::write(&semi, "phone;alias\n+447911000050;Zed\n").unwrap();
    let (ok, out, err) = run_cli(
        &[
            "members",
            "import",
            "housing",
            semi.to_str().unwrap(),
            "--db",
            &db_arg,
        ],
        &[],
    );
    assert!(ok, "{err}");
    assert!(out.contains("1 invited"), "{out}");
}

/// Attacks found by an adversarial pass after the first round of fixes.
#[tokio::test]
async fn second_round_attacks_hold() {
    let dir = tempdir();
    let server = spawn_app(dir.path(), &[]).await;
    let c = server.client();
    let owner = phone(1);
    c.ask(&owner, "CREATE camp").await;
    c.ask(&owner, "NAME Olga").await;

    // Opted-out members get no notice from others' commands.
    let (sara, zed) = (phone(2), phone(3));
    for (m, n) in [(&sara, "Sara"), (&zed, "Zed")] {
        c.ask(m, "JOIN camp").await;
        c.ask(m, &format!("NAME {n}")).await;
        c.ask(m, "STOP").await;
    }
    c.ask(&owner, "ADMIN camp Sara").await;
    c.ask(&owner, "REMOVE camp Zed").await;
    assert_eq!(
        settled(&c, &sara).await.len(),
        3,
        "joined, name, stopped: nothing more"
    );
    assert_eq!(settled(&c, &zed).await.len(), 3);

    // Capitals of other scripts, small capitals, colons, label look-alikes.
    let tom = phone(4);
    c.ask(&tom, "JOIN camp").await;
    assert!(c.ask(&tom, "NAME Tom").await.contains("is now Tom"));
    let attacker = phone(5);
    c.ask(&attacker, "JOIN camp").await;
    for bad in [
        "NAME Тom",
        "NAME ТОМ",
        "NAME Olga: go to gate",
        "NAME Olgа",
        "NAME Olɢa",
        "NAME SМS Up",
        "NAME ЅМЅ Uр",
        "NAME K7PQ",
        "NAME ＃K7PQ",
    ] {
        let reply = c.ask(&attacker, bad).await;
        assert!(!reply.contains("is now"), "{bad:?} accepted: {reply}");
    }
    for bad in [
        "CREATE САМР",
        "CREATE ＣＡＭＰ",
        "CREATE ЅТОР",
        "CREATE 07911000002",
        "CREATE a07911000002b",
        "CREATE ရပ်ပါ",
        "CREATE Сamp",
    ] {
        let reply = c.ask(&attacker, bad).await;
        assert!(!reply.contains("created"), "{bad:?}: {reply}");
    }

    // Numbers typed with any separator are neither kept nor echoed.
    for cmd in [
        "ADD camp 07911–000–777",
        "ADD camp 07911\u{200B}000\u{200B}778",
        "JOIN 07911—000—779",
        "JOIN 07911_000_780",
        "JOIN 07911·000·781",
    ] {
        let reply = c.ask(&owner, cmd).await;
        assert!(!reply.contains("000"), "{cmd}: {reply}");
    }
    let pool = db(dir.path()).await;
    let bodies: Vec<String> = sqlx::query_scalar("SELECT body FROM inbound")
        .fetch_all(&pool)
        .await
        .unwrap();
    for b in &bodies {
        assert!(!b.contains("000"), "stored: {b}");
    }

    // Opt-outs in disguise.
    for (i, phrase) in [
        "ရပ်ပါ",
        "ရပ်တော့",
        "stop,please",
        "STOP-ALL",
        "stоp",
        "ЅТОР",
        "روکين",
    ]
    .iter()
    .enumerate()
    {
        let m = phone(60 + i);
        c.ask(&m, "JOIN camp").await;
        c.ask(&m, phrase).await;
    }
    let m = phone(70);
    c.ask(&m, "JOIN camp").await;
    assert!(c.ask(&m, "camp opt out").await.contains("left camp"));
    c.ask(&owner, "camp raid tonight").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    for i in 0..7 {
        let texts = c.texts(&phone(60 + i)).await;
        assert!(texts.iter().all(|t| !t.contains("raid")), "{i}: {texts:?}");
    }

    // HELP while opted out: answered once an hour, not on every try.
    for _ in 0..3 {
        c.sms(&sara, "HELP").await;
    }
    assert_eq!(settled(&c, &sara).await.len(), 4, "one HELP answer");

    // The simulator's client ids are per phone: another phone's id cannot swallow a STOP.
    let (victim, other) = (phone(80), phone(81));
    c.ask(&victim, "JOIN camp").await;
    c.send_raw(serde_json::json!({"from": other, "text": "HELP", "id": "same"}))
        .await;
    let (_, body) = c
        .send_raw(serde_json::json!({"from": victim, "text": "STOP", "id": "same"}))
        .await;
    assert!(body["id"].is_number(), "{body}");

    // Nothing drawn, nothing posted.
    let reply = c.ask(&owner, "camp \u{1CBB}\u{E000}").await;
    assert!(reply.contains("Write your message"), "{reply}");
}

#[tokio::test]
async fn imports_respect_no_and_the_reinvitation_window() {
    let dir = tempdir();
    let db_arg = dir.path().join("smsup.db").to_str().unwrap().to_string();
    let (refuser, fresh) = (phone(2), phone(3));
    {
        let server = Server::start(dir.path(), &[]);
        let c = server.client();
        c.ask(&phone(1), "CREATE reinv").await;
        c.ask(&phone(1), &format!("ADD reinv {refuser}")).await;
        c.wait_texts(&refuser, 1).await;
        assert!(c
            .ask(&refuser, "NO reinv")
            .await
            .contains("no more invitations"));
    }
    let file = dir.path().join("m.csv");
    std::fs::write(&file, format!("phone\n{refuser}\n{fresh}\n")).unwrap();
    for extra in [&[][..], &["--consented"][..]] {
        let mut args = vec![
            "members",
            "import",
            "reinv",
            file.to_str().unwrap(),
            "--db",
            &db_arg,
        ];
        args.extend_from_slice(extra);
        let (ok, out, err) = run_cli(&args, &[]);
        assert!(ok, "{err}");
        assert!(out.contains("1 declined"), "{out}");
    }
    // The fresh number was invited by the first import; the second (consented) one added it; the
    // one who said NO got nothing from either.
    let server = Server::start(dir.path(), &[]);
    let c = server.client();
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(
        c.texts(&refuser).await.len(),
        2,
        "{:?}",
        c.texts(&refuser).await
    );
    // A second invite import within the window invites nobody again.
    drop(server);
    let file2 = dir.path().join("n.csv");
    let later = phone(4);
    std::fs::write(&file2, format!("phone\n{later}\n")).unwrap();
    for _ in 0..2 {
        let (ok, _, err) = run_cli(
            &[
                "members",
                "import",
                "reinv",
                file2.to_str().unwrap(),
                "--db",
                &db_arg,
            ],
            &[],
        );
        assert!(ok, "{err}");
    }
    let pool = db(dir.path()).await;
    let n = scalar(
        &pool,
        "SELECT COUNT(*) FROM outbox o JOIN members m ON m.id = o.recipient_id
         JOIN messages g ON g.id = o.message_id
         WHERE g.body LIKE '%invited%' AND m.id = (SELECT MAX(id) FROM members)",
    )
    .await;
    assert_eq!(n, 1, "invited twice within days");
}

/// Attacks found by a second adversarial pass.
#[tokio::test]
async fn third_round_attacks_hold() {
    let dir = tempdir();
    let server = spawn_app(
        dir.path(),
        &[("SMSUP_LIMITS_POSTS_PER_SENDER_PER_HOUR", "1")],
    )
    .await;
    let c = server.client();
    let owner = phone(1);
    c.ask(&owner, "CREATE market").await;
    let members: Vec<String> = (2..6).map(phone).collect();
    for m in &members {
        c.ask(m, "JOIN market").await;
    }
    // The list named first, then ADD: an invitation, never a post that shows the number.
    let reply = c.ask(&owner, "market ADD 07911000011").await;
    assert!(reply.contains("Invitation to market sent"), "{reply}");
    assert_eq!(c.wait_texts(&phone(11), 1).await.len(), 1);
    // A typo of a command is not posted and its number is not kept.
    c.ask(&owner, "ADDD market 07911000012").await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    for m in &members {
        assert!(c.texts(m).await.iter().all(|t| !t.contains("7911")), "{m}");
    }
    let pool = db(dir.path()).await;
    let bodies: Vec<String> = sqlx::query_scalar("SELECT body FROM inbound")
        .fetch_all(&pool)
        .await
        .unwrap();
    assert!(
        bodies.iter().all(|b| !b.contains("7911000012")),
        "{bodies:?}"
    );

    // Capital I and small l.
    let ali = phone(2);
    assert!(c.ask(&ali, "NAME Ali").await.contains("is now Ali"));
    for bad in [
        "NAME AIi",
        "NAME All",
        "NAME A l i",
        "NAME 5MS Up",
        "NAME Admin",
        "NAME Owner",
    ] {
        let reply = c.ask(&phone(3), bad).await;
        assert!(!reply.contains("is now"), "{bad}: {reply}");
    }
    for bad in [
        "CREATE rnarket",
        "CREATE smsupinfo",
        "CREATE official",
        "CREATE 5msup",
    ] {
        let reply = c.ask(&phone(4), bad).await;
        assert!(!reply.contains("created"), "{bad}: {reply}");
    }

    // Asking to leave, in any language, with a please: leaves, never posted.
    for (m, text) in [
        (phone(3), "market stop please"),
        (phone(4), "market keluar"),
        (phone(5), "market leave"),
    ] {
        let reply = c.ask(&m, text).await;
        assert!(reply.contains("market"), "{text}: {reply}");
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert!(c
        .texts(&ali)
        .await
        .iter()
        .all(|t| !t.contains("please") && !t.ends_with(": leave")));

    // Burmese words that begin like ရပ် are words, not opt-outs.
    let burmese = "+959250123456";
    c.ask(burmese, "JOIN market").await;
    c.ask(burmese, "ရပ်ကွက်အစည်းအဝေး မနက်ဖြန်").await;
    c.ask(&owner, "market ward meeting moved").await;
    let got = c.wait_texts(burmese, 3).await;
    assert!(got.iter().any(|t| t.contains("ward meeting")), "{got:?}");

    // A limit refusal is said once, in whichever language the sender tries again.
    c.ask(&ali, "market first post").await;
    let refusal = c.ask(&ali, "market second post").await;
    assert!(refusal.contains("posts this hour"), "{refusal}");
    let before = c.texts(&ali).await.len();
    c.sms(&ali, "BANTUAN").await; // answered: HELP is not a limit
    c.sms(&ali, "market hantar lagi sekarang").await;
    c.sms(&ali, "market ပို့ပါ ထပ်").await;
    let after = settled(&c, &ali).await;
    assert_eq!(after.len(), before + 1, "{:?}", &after[before..]);

    // HELP while opted out, in several languages: one answer.
    let out = phone(6);
    c.ask(&out, "STOP").await;
    for help in ["HELP", "BANTUAN", "CAAWI", "کمک", "مدد"] {
        c.sms(&out, help).await;
    }
    assert_eq!(
        settled(&c, &out).await.len(),
        2,
        "{:?}",
        c.texts(&out).await
    );

    // Letters typed for digits: not echoed.
    let reply = c.ask(&owner, "JOIN O7911OOOO11").await;
    assert!(!reply.contains("7911"), "{reply}");
}

#[tokio::test]
async fn a_list_named_like_a_first_word_cannot_swallow_a_strangers_stop() {
    let dir = tempdir();
    let server = spawn_app(dir.path(), &[]).await;
    let c = server.client();
    // An informant names lists after the words people put before STOP.
    for name in ["please", "zeizong", "tolong"] {
        c.ask(&phone(1), &format!("CREATE {name}")).await;
    }
    for (i, text) in [
        "please stop",
        "zeizong dinh",
        "tolong berhenti",
        "please,stop",
    ]
    .into_iter()
    .enumerate()
    {
        let member = phone(10 + i);
        c.ask(&member, "JOIN please").await;
        c.ask(&phone(1), "please meeting at 5").await;
        let stranger = phone(20 + i);
        let reply = c.ask(&stranger, text).await;
        assert!(
            reply.contains("START") || reply.contains("MULA") || reply.contains("HRAMTHOK"),
            "{text}: {reply}"
        );
        // A member of `please` who texts `please stop` leaves it (`<list> stop` is LEAVE): no
        // post to the list, and no more of its posts.
        if i == 0 {
            let reply = c.ask(&member, text).await;
            assert!(reply.starts_with("You left please"), "member: {reply}");
            c.ask(&phone(1), "please second meeting").await;
            tokio::time::sleep(std::time::Duration::from_millis(200)).await;
            assert!(!c
                .texts(&member)
                .await
                .iter()
                .any(|t| t.contains("second meeting")));
        }
    }
}
