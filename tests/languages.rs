//! The community's languages through the simulator: native keywords, letter variants in list names,
//! replies in the member's language, posts relayed untouched.

mod common;

use common::{spawn_app, tempdir};
use smsup_lang::{detect, Lang};

#[tokio::test]
async fn farsi_dari_and_burmese_speakers_are_understood_and_answered_in_their_language() {
    let dir = tempdir();
    let server = spawn_app(dir.path(), &[]).await;
    let c = server.client();
    let (iran, afghanistan, myanmar, malaysia) = (
        "+989121234567",
        "+93701234567",
        "+959250123456",
        "+60123456789",
    );

    // "بساز کاری" = CREATE work (Persian kaf and yeh).
    let created = c.ask(iran, "بساز کاری").await;
    assert!(created.contains("کاری"), "{created}");
    assert_eq!(detect(&created), Some(Lang::Fa), "{created}");
    // A Dari speaker types the list name with Arabic kaf and yeh (كاري): the same list.
    let joined = c.ask(afghanistan, "عضویت كاري").await;
    assert_eq!(detect(&joined), Some(Lang::Fa), "{joined}");
    let info = c.ask(afghanistan, "INFO کاری").await;
    assert!(
        info.contains('2') || info.contains('۲'),
        "two members: {info}"
    );

    // The post is relayed untouched (ZWNJ, Persian digits, emoji).
    let body = "فردا ساعت ۱۰ می\u{200c}بینمتان 👋";
    c.ask(iran, &format!("کاری {body}")).await;
    let got = c.wait_texts(afghanistan, 3).await;
    assert!(
        got[2].starts_with("[کاری] #") && got[2].ends_with(body),
        "{:?}",
        got[2]
    );

    // A Burmese number asking for help in English gets Burmese (country); a Malaysian one gets the
    // deployment's default, English: a local SIM says nothing of its holder's language.
    let help = c.ask(myanmar, "HELP").await;
    assert_eq!(detect(&help), Some(Lang::My), "{help}");
    let help = c.ask(malaysia, "help").await;
    assert!(help.contains("CREATE"), "{help}");
    // ... until they choose Malay.
    c.ask(malaysia, "LANG ms").await;
    let help = c.ask(malaysia, "HELP").await;
    assert!(help.contains("CIPTA") || help.contains("SERTAI"), "{help}");

    // Persian digits in ADD are read as digits.
    let invited = c.ask(iran, "دعوت کاری +۹۸۹۱۲۷۶۵۴۳۲۱").await;
    assert_eq!(detect(&invited), Some(Lang::Fa), "{invited}");
    let invite = c.wait_texts("+989127654321", 1).await;
    assert!(invite[0].contains("کاری"), "{invite:?}");

    // Every reply fits in one SMS.
    for phone in [iran, afghanistan, myanmar, malaysia] {
        for m in c.outbox(phone).await {
            if !m["text"].as_str().unwrap_or_default().starts_with('[') {
                assert_eq!(m["segments"], 1, "{m}");
            }
        }
    }
}

#[tokio::test]
async fn tamil_pashto_chin_and_rohingya_speakers_create_join_and_stop_in_their_words() {
    use smsup_lang::{keywords_of, render, Arg, Keyword};
    let dir = tempdir();
    let server = spawn_app(dir.path(), &[]).await;
    let c = server.client();
    // Local SIMs (+60): nothing but the words tells the language.
    for (i, (lang, list)) in [
        (Lang::Ta, "chennai"),
        (Lang::Ps, "kabulkl"),
        (Lang::Cnh, "hakhakl"),
        (Lang::Rhg, "arakankl"),
    ]
    .into_iter()
    .enumerate()
    {
        // The first word of the command in the language's file (as replies show it).
        let word = |k: Keyword| {
            keywords_of(lang)
                .into_iter()
                .find(|(_, kw)| *kw == k)
                .map(|(w, _)| w.to_string())
                .unwrap()
        };
        let owner = format!("+6012345{:04}", 10 * i + 1);
        let member = format!("+6012345{:04}", 10 * i + 2);
        let created = c
            .ask(&owner, &format!("{} {list}", word(Keyword::Create)))
            .await;
        assert_eq!(
            created,
            render(lang, "created", &[("list", Arg::Str(list.into()))]),
            "{lang:?}"
        );
        let joined = c
            .ask(&member, &format!("{} {list}", word(Keyword::Join)))
            .await;
        assert_eq!(
            joined,
            render(lang, "joined", &[("list", Arg::Str(list.into()))]),
            "{lang:?}"
        );
        c.ask(&owner, &format!("{list} first news")).await;
        assert!(c.wait_texts(&member, 2).await[1].ends_with("first news"));
        // Their stop word opts out of everything, confirmed in their language.
        let stopped = c.ask(&member, &word(Keyword::Stop)).await;
        assert_eq!(stopped, render(lang, "stopped", &[]), "{lang:?}");
        c.ask(&owner, &format!("{list} second news")).await;
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        let texts = c.texts(&member).await;
        assert!(
            !texts.iter().any(|t| t.ends_with("second news")),
            "{lang:?}: a stopped member got a post: {texts:?}"
        );
    }
}
