//! What a refugee in Kuala Lumpur meets beyond the protocol: the networks' content rules, local SIM
//! cards that say nothing of their holder's language, invitations to lists named in another script.

mod common;

use common::{db, phone, spawn_app, tempdir};

#[tokio::test]
async fn a_post_the_networks_would_block_reaches_nobody_and_its_sender_is_told_why() {
    let dir = tempdir();
    let app = spawn_app(dir.path(), &[]).await;
    let c = app.client();
    let (owner, member) = (phone(1), phone(2));
    c.ask(&owner, "CREATE rooms").await;
    c.ask(&member, "JOIN rooms").await;
    for (post, why) in [
        ("rooms Room free, call me on 012-345 6789", "phone number"),
        ("rooms ring ٠١٢٣٤٥٦٧٨٩ tonight", "phone number"),
        ("rooms form at bit.ly/3xYz", "link"),
        ("rooms send me your IC number to book", "personal details"),
    ] {
        let reply = c.ask(&owner, post).await;
        assert!(
            reply.contains("Not sent") && reply.contains(why),
            "{post}: {reply}"
        );
    }
    // Nothing was relayed; an ordinary post with a price, a time and a date is.
    let reply = c
        .ask(&owner, "rooms Room RM300, viewing 10.30am on 01.05.2025")
        .await;
    assert_eq!(reply, "Sent to 1 member.");
    let texts = c.wait_texts(&member, 2).await;
    assert_eq!(texts.len(), 2, "{texts:?}");
    assert_eq!(
        texts[1],
        "[rooms] #".to_string() + texts[1].trim_start_matches("[rooms] #")
    );
    assert!(texts[1].ends_with(": Room RM300, viewing 10.30am on 01.05.2025"));
    // What is kept of the refused posts holds no number.
    let pool = db(dir.path()).await;
    let bodies: Vec<String> = sqlx::query_scalar("SELECT body FROM inbound")
        .fetch_all(&pool)
        .await
        .unwrap();
    for body in &bodies {
        assert!(
            !body.contains("6789") && !body.contains("٦٧٨٩"),
            "{bodies:?}"
        );
    }
}

#[tokio::test]
async fn carrier_rules_can_be_turned_off_and_domains_allowed() {
    let dir = tempdir();
    let app = spawn_app(
        dir.path(),
        &[("SMSUP_CARRIER_RULES_ALLOWED_DOMAINS", "[\"unhcr.org\"]")],
    )
    .await;
    let c = app.client();
    c.ask(&phone(1), "CREATE clinic").await;
    c.ask(&phone(2), "JOIN clinic").await;
    let reply = c
        .ask(&phone(1), "clinic Opening times at www.unhcr.org/my")
        .await;
    assert_eq!(reply, "Sent to 1 member.");
    let reply = c.ask(&phone(1), "clinic or at www.example.com").await;
    assert!(reply.contains("link"), "{reply}");
    drop(app);

    let dir = tempdir();
    let app = spawn_app(dir.path(), &[("SMSUP_CARRIER_RULES_COUNTRY", "none")]).await;
    let c = app.client();
    c.ask(&phone(1), "CREATE clinic").await;
    c.ask(&phone(2), "JOIN clinic").await;
    let reply = c.ask(&phone(1), "clinic call 012-345 6789").await;
    assert_eq!(reply, "Sent to 1 member.");
}

#[tokio::test]
async fn a_local_sim_gets_the_default_language_and_invitations_fit_one_sms() {
    let dir = tempdir();
    let app = spawn_app(dir.path(), &[]).await;
    let c = app.client();
    // A Malaysian number that writes nothing telling gets English (the default), not Malay.
    let local = "+60123450001";
    let reply = c.ask(local, "hello").await;
    assert!(reply.starts_with("Not understood"), "{reply}");

    // A Malay-speaking owner invites a Malaysian number to a Farsi-named list: one SMS, in Malay,
    // with the whole name to type.
    let owner = phone(1);
    c.ask(&owner, "BAHASA ms").await;
    let name = "خانهارزان";
    let created = c.ask(&owner, &format!("CREATE {name}")).await;
    assert!(plain(&created).contains(name), "{created}");
    let invitee = "+60123450002";
    c.ask(&owner, &format!("TAMBAH {name} {invitee}")).await;
    let texts = c.wait_texts(invitee, 1).await;
    let invitation = &texts[0];
    assert_eq!(smsup_sms::analyze(invitation).segments, 1, "{invitation}");
    assert!(
        plain(invitation).contains(&format!("SERTAI {name}")),
        "{invitation}"
    );
    // The invitee joins with what the invitation says.
    let reply = c.ask(invitee, &format!("SERTAI {name}")).await;
    assert!(plain(&reply).contains(name), "{reply}");
}

/// A reply without the direction marks set around names in another direction.
fn plain(text: &str) -> String {
    text.replace(['\u{200E}', '\u{200F}', '\u{2068}', '\u{2069}'], "")
}

#[tokio::test]
async fn burmese_in_zawgyi_is_understood_and_each_reader_gets_their_font() {
    use smsup_lang::{unicode_to_zawgyi as z, zawgyi_probability};
    let dir = tempdir();
    let app = spawn_app(dir.path(), &[]).await;
    let c = app.client();
    let (owner, zg_reader, uni_reader, quitter) = (phone(1), phone(2), phone(3), phone(4));
    c.ask(&owner, "CREATE myan").await;
    // Commands typed in Zawgyi: JOIN (ဝင်) and a greeting long enough to tell the font.
    let joined = c.ask(&zg_reader, &z("ဝင် myan")).await;
    assert!(
        zawgyi_probability(&joined) > 0.95,
        "answered in Zawgyi: {joined}"
    );
    // A sentence long enough to tell: this phone shows Zawgyi, and is remembered so.
    c.ask(&zg_reader, &z("မင်္ဂလာပါ ကျေးဇူးတင်ပါတယ်")).await;
    c.ask(&uni_reader, "ဝင် myan").await;
    c.ask(&quitter, &z("ဝင် myan")).await;

    // A Zawgyi post reaches the Unicode reader in Unicode and the Zawgyi reader in Zawgyi.
    let post = "မင်္ဂလာပါ မနက်ဖြန် ဆေးခန်း ဖွင့်ပါမည်";
    c.ask(&quitter, &format!("myan {}", z(post))).await;
    let uni = c.wait_texts(&uni_reader, 2).await;
    assert!(uni[1].ends_with(post), "{uni:?}");
    let zg = c.wait_texts(&zg_reader, 3).await;
    assert!(zg[2].ends_with(&z(post)), "{zg:?}");

    // STOP typed in Zawgyi (ရပ္) opts out like ရပ်.
    let stopped = c.ask(&quitter, &z("ရပ်")).await;
    c.ask(&owner, "myan after the stop").await;
    c.wait_texts(&uni_reader, 3).await;
    let quitter_texts = c.texts(&quitter).await;
    assert!(
        !quitter_texts.iter().any(|t| t.contains("after the stop")),
        "{stopped}: {quitter_texts:?}"
    );

    // FONT UNICODE: Burmese comes in Unicode from now on.
    let set = c.ask(&zg_reader, "FONT UNICODE").await;
    assert!(set.contains("Unicode"), "{set}");
    c.ask(&owner, &format!("myan {post}")).await;
    let zg = c.wait_texts(&zg_reader, 6).await;
    assert!(zg[5].ends_with(post), "{zg:?}");
}

#[tokio::test]
async fn a_member_moves_to_a_new_number_and_keeps_lists_name_and_role() {
    let dir = tempdir();
    let app = spawn_app(dir.path(), &[]).await;
    let c = app.client();
    let (old, new, member) = (phone(1), phone(50), phone(2));
    c.ask(&old, "CREATE clinic").await;
    c.ask(&old, "NAME Amina").await;
    c.ask(&member, "JOIN clinic").await;

    let reply = c.ask(&old, &format!("MOVE {new}")).await;
    assert!(reply.contains("code was sent"), "{reply}");
    let request = c.wait_texts(&new, 1).await.remove(0);
    let code = common::digits_after(&request, "MOVE ");
    assert_eq!(code.len(), 6, "{request}");
    // A wrong code changes nothing; the right one moves everything.
    let wrong = if code == "000000" { "111111" } else { "000000" };
    assert!(c
        .ask(&new, &format!("MOVE {wrong}"))
        .await
        .contains("wrong or has expired"));
    let done = c.ask(&new, &format!("MOVE {code}")).await;
    assert!(done.starts_with("Done"), "{done}");
    let old_texts = c.wait_texts(&old, 4).await;
    assert!(
        old_texts[3].contains("moved to your new number"),
        "{old_texts:?}"
    );

    // The new number is the owner, posts as Amina; the old one gets nothing more.
    let info = c.ask(&new, "INFO clinic").await;
    assert!(info.contains("owner"), "{info}");
    c.ask(&new, "clinic open tomorrow").await;
    let got = c.wait_texts(&member, 2).await;
    assert_eq!(got[1], "[clinic] Amina: open tomorrow");
    c.ask(&member, "clinic thanks").await;
    c.wait_texts(&new, 6).await;
    assert!(!c.texts(&old).await.iter().any(|t| t.contains("thanks")));
    // No text anyone received shows either number.
    for phone in [&old, &new, &member] {
        for t in c.texts(phone).await {
            assert!(!t.contains(&old[3..]) && !t.contains(&new[3..]), "{t}");
        }
    }
}

#[tokio::test]
async fn burmese_opt_outs_work_whatever_the_font_and_the_politeness() {
    use smsup_lang::unicode_to_zawgyi as z;
    let dir = tempdir();
    let app = spawn_app(dir.path(), &[]).await;
    let c = app.client();
    let owner = phone(1);
    c.ask(&owner, "CREATE myan").await;
    // Found by an adversarial pass: a phone set to Zawgyi that sends Unicode ရပ်ပါ, and the
    // polite endings of women (ရှင်) and men (ခင်ဗျာ), "will stop" (မယ်, မည်), in both fonts.
    let mut stops: Vec<(String, bool)> = vec![("ရပ်ပါ".into(), true), ("ရပ်ပါ။".into(), true)];
    for w in ["ရပ်ပါရှင်", "ရပ်ပါခင်ဗျာ", "ရပ်မယ်", "ရပ်တော့မယ်", "ရပ်ပါမည်"]
    {
        stops.push((w.to_string(), false));
        stops.push((z(w), false));
    }
    for (i, (stop, zawgyi_phone)) in stops.iter().enumerate() {
        let member = phone(10 + i);
        c.ask(&member, "JOIN myan").await;
        if *zawgyi_phone {
            c.ask(&member, "FONT ZAWGYI").await;
        }
        c.ask(&member, stop).await;
    }
    let control = phone(9);
    c.ask(&control, "JOIN myan").await;
    c.ask(&owner, "myan after the stops").await;
    // The post reached the member who did not stop: it had its chance to reach the others.
    let got = c.wait_texts(&control, 2).await;
    assert!(got[1].ends_with("after the stops"), "{got:?}");
    for (i, (stop, _)) in stops.iter().enumerate() {
        let texts = c.texts(&phone(10 + i)).await;
        assert!(
            !texts.iter().any(|t| t.contains("after the stops")),
            "{stop}: {texts:?}"
        );
    }
}
