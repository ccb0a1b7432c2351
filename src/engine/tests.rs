//! Unit tests of the engine: every command, rule and refusal, with facts built by hand.

use super::*;
use smsup_lang::Keyword;

fn phone(n: &str) -> Phone {
    Phone::parse(n, "MY").unwrap()
}

fn sender() -> Sender {
    Sender {
        id: 7,
        phone: phone("+447911123456"),
        alias: None,
        language: None,
        opted_out: false,
        font: None,
    }
}

fn facts() -> Facts {
    Facts {
        sender: sender(),
        list: None,
        sender_lists: vec![],
        targets: vec![],
        invitee: None,
        sender_posts_last_hour: 0,
        usage: Usage::default(),
        pending_invite: None,
        alias_taken: false,
        move_target_opted_out: false,
        pending_move: None,
        fresh_code: "482913".into(),
        help: None,
        outside: None,
        ban_found: false,
        request_ambiguous: false,
        owned: vec![],
        pending_forget: None,
        blocked_by_target: false,
        held: None,
        next_held_id: 12,
        alert: None,
        next_post_id: 12,
        checkin: None,
        next_help_id: 40,
    }
}

fn list(role: Option<Role>) -> ListFacts {
    ListFacts {
        id: 3,
        name: "housing".into(),
        announce: false,
        members: 12,
        sender_role: role,
        recipients: 11,
        segments_today: 0,
        sender_label: role.map(|_| "K7PQ".to_string()),
        sender_alias_clash: false,
        private: false,
        outside: true,
        dm: true,
        pending_delete: None,
        moderated: false,
        sender_banned: false,
        sender_invited: false,
        sender_requested: false,
        fresh_label: "N3W1".into(),
        admins: vec![],
        sender_reporter: false,
        alert_confirm: false,
        sender_held_last_hour: 0,
        alerts_last_hour: 0,
        all_alerts_last_hour: 0,
        corrections_last_hour: 0,
    }
}

fn engine() -> Engine {
    Engine::new(Rules::default())
}

fn run(text: &str, facts: &Facts) -> Decision {
    let e = engine();
    let parsed = e.parse(text);
    e.decide(text, &parsed, facts)
}

fn run_with(e: &Engine, text: &str, facts: &Facts) -> Decision {
    let parsed = e.parse(text);
    e.decide(text, &parsed, facts)
}

fn only_reply(d: &Decision) -> &str {
    assert_eq!(d.replies.len(), 1, "{d:?}");
    assert_eq!(d.replies[0].to, To::Sender);
    &d.replies[0].text
}

#[test]
fn help_is_one_sms_and_names_the_commands() {
    let d = run("help", &facts());
    let text = only_reply(&d);
    for word in ["CREATE", "JOIN", "LEAVE", "STOP"] {
        assert!(text.contains(word), "{text}");
    }
    assert_eq!(smsup_sms::analyze(text).segments, 1);
    assert!(d.effects.is_empty());
}

#[test]
fn create_makes_an_open_list_and_says_how_to_join() {
    let d = run("CREATE Housing", &facts());
    assert_eq!(
        d.effects,
        vec![Effect::CreateList {
            name: "Housing".into(),
            key: list_key("housing"),
            announce: false,
            private: false
        }]
    );
    assert!(only_reply(&d).contains("JOIN Housing"));
}

#[test]
fn create_announce() {
    let d = run("create alerts announce", &facts());
    assert_eq!(
        d.effects,
        vec![Effect::CreateList {
            name: "alerts".into(),
            key: list_key("alerts"),
            announce: true,
            private: false
        }]
    );
}

#[test]
fn create_refusals() {
    let mut f = facts();
    f.list = Some(list(None));
    let d = run("CREATE housing", &f);
    assert!(d.effects.is_empty());
    assert!(only_reply(&d).contains("taken"));

    for bad in [
        "CREATE x",
        "CREATE two words",
        "CREATE abcdefghijklmnopqrstuvwxy",
        "CREATE a-b",
    ] {
        let d = run(bad, &facts());
        assert!(d.effects.is_empty(), "{bad}");
        assert!(only_reply(&d).contains("2-24"), "{bad}");
    }
    let d = run("CREATE join", &facts());
    assert!(d.effects.is_empty());
    assert!(only_reply(&d).contains("command word"));
}

#[test]
fn list_names_in_any_script() {
    assert!(valid_list_name("خانه"));
    assert!(valid_list_name("အိမ်ရာ"));
    assert!(valid_list_name("news2025"));
    assert!(!valid_list_name("a"));
    assert!(!valid_list_name("has space"));
    assert_eq!(list_key("HOUSING"), list_key("housing"));
}

#[test]
fn join_leave() {
    let mut f = facts();
    f.list = Some(list(None));
    let d = run("JOIN housing", &f);
    assert_eq!(d.effects, vec![Effect::Join { list_id: 3 }]);
    assert!(only_reply(&d).contains("joined"));

    let d = run("LEAVE housing", &f);
    assert!(d.effects.is_empty());
    assert!(only_reply(&d).contains("not in"));

    f.list = Some(list(Some(Role::Member)));
    let d = run("join housing", &f);
    assert!(d.effects.is_empty());
    assert!(only_reply(&d).contains("already"));
    let d = run("leave housing", &f);
    assert_eq!(d.effects, vec![Effect::Leave { list_id: 3 }]);

    let d = run("JOIN nowhere", &facts());
    assert!(d.effects.is_empty());
    assert!(only_reply(&d).contains("no list called nowhere"));
}

#[test]
fn post_reaches_members_as_list_and_alias() {
    let mut f = facts();
    f.sender.alias = Some("Amina".into());
    f.list = Some(list(Some(Role::Member)));
    let d = run("housing Room free in Chow Kit", &f);
    assert_eq!(
        d.effects,
        vec![Effect::Post {
            list_id: 3,
            text: "[housing] Amina: Room free in Chow Kit".into(),
            zawgyi_text: None,
            segments: 1
        }]
    );
    assert_eq!(only_reply(&d), "Sent to 11 members.");
}

#[test]
fn post_without_alias_uses_the_stable_label() {
    let mut f = facts();
    f.list = Some(list(Some(Role::Member)));
    let d = run("housing hello", &f);
    assert!(matches!(&d.effects[0], Effect::Post { text, .. } if text == "[housing] #K7PQ: hello"));
}

#[test]
fn post_confirmation_counts_sms_when_more_than_one() {
    let mut f = facts();
    f.list = Some(list(Some(Role::Member)));
    let body = "a".repeat(300);
    let d = run(&format!("housing {body}"), &f);
    assert!(matches!(&d.effects[0], Effect::Post { segments: 3, .. }));
    assert_eq!(only_reply(&d), "Sent to 11 members, 3 SMS each.");
}

#[test]
fn post_confirmation_can_be_turned_off() {
    let e = Engine::new(Rules {
        confirm_posts: false,
        ..Rules::default()
    });
    let mut f = facts();
    f.list = Some(list(Some(Role::Member)));
    let d = run_with(&e, "housing hello", &f);
    assert_eq!(d.effects.len(), 1);
    assert!(d.replies.is_empty());
}

#[test]
fn post_refusals_relay_nothing() {
    // Not a member, and the list's help line is off.
    let mut f = facts();
    f.list = Some(ListFacts {
        outside: false,
        ..list(None)
    });
    let d = run("housing hello", &f);
    assert!(d.effects.is_empty());
    assert!(only_reply(&d).contains("JOIN housing"));

    // Unknown list / unknown command.
    let d = run("hello there friends", &facts());
    assert!(d.effects.is_empty());
    assert!(only_reply(&d).contains("HELP"));

    // Announce-only list, plain member.
    let mut f = facts();
    let mut l = list(Some(Role::Member));
    l.announce = true;
    f.list = Some(l.clone());
    let d = run("housing hello", &f);
    assert!(d.effects.is_empty());
    assert!(only_reply(&d).contains("Only admins"));
    // ... but an admin may.
    l.sender_role = Some(Role::Admin);
    f.list = Some(l);
    assert_eq!(run("housing hello", &f).effects.len(), 1);

    // Too long: nothing truncated.
    let mut f = facts();
    f.list = Some(list(Some(Role::Member)));
    let d = run(&format!("housing {}", "x".repeat(153 * 6 + 1)), &f);
    assert!(d.effects.is_empty());
    assert!(only_reply(&d).contains("Too long: 7 SMS"), "{d:?}");

    // Sender rate limit.
    let mut f = facts();
    f.list = Some(list(Some(Role::Member)));
    f.sender_posts_last_hour = 30;
    let d = run("housing hello", &f);
    assert!(d.effects.is_empty());
    assert!(only_reply(&d).contains("30 posts"));

    // List budget.
    let e = Engine::new(Rules {
        list_segments_per_day: 100,
        ..Rules::default()
    });
    let mut f = facts();
    let mut l = list(Some(Role::Member));
    l.segments_today = 95;
    f.list = Some(l);
    let d = run_with(&e, "housing hello", &f);
    assert!(d.effects.is_empty());
    assert!(only_reply(&d).contains("budget"));

    // A list name alone.
    let mut f = facts();
    f.list = Some(list(Some(Role::Member)));
    let d = run("housing", &f);
    assert!(d.effects.is_empty());
    assert!(only_reply(&d).contains("after the list name"));
}

#[test]
fn posts_in_any_script_are_relayed_untouched() {
    let mut f = facts();
    f.sender.alias = Some("مریم".into());
    f.list = Some(list(Some(Role::Member)));
    let body = "سلام! ဟယ်လို 👋🏽 Jumpa di masjid";
    let d = run(&format!("housing {body}"), &f);
    match &d.effects[0] {
        Effect::Post { text, .. } => assert_eq!(text, &format!("[housing] مریم: {body}")),
        other => panic!("{other:?}"),
    }
}

#[test]
fn smart_encoding_replaces_only_look_alike_punctuation() {
    let mut f = facts();
    f.list = Some(list(Some(Role::Member)));
    let d = run("housing “Meeting” at 5 – bring ID…", &f);
    match &d.effects[0] {
        Effect::Post { text, segments, .. } => {
            assert_eq!(text, "[housing] #K7PQ: \"Meeting\" at 5 - bring ID...");
            assert_eq!(*segments, 1);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn lists_and_info() {
    let mut f = facts();
    let d = run("LISTS", &f);
    assert!(only_reply(&d).contains("no list"));
    f.sender_lists = vec!["alerts".into(), "housing".into()];
    assert_eq!(only_reply(&run("lists", &f)), "Your lists: alerts, housing");

    let mut f = facts();
    f.list = Some(list(Some(Role::Admin)));
    assert_eq!(
        only_reply(&run("INFO housing", &f)),
        "housing: 12 members, open. You: admin."
    );
    let mut l = list(None);
    l.announce = true;
    f.list = Some(l);
    assert_eq!(
        only_reply(&run("INFO housing", &f)),
        "housing: 12 members, announce-only. You: not a member."
    );
}

#[test]
fn lists_reply_fits_one_sms() {
    let mut f = facts();
    f.sender_lists = (0..40).map(|i| format!("community{i:02}")).collect();
    let text = run("LISTS", &f).replies[0].text.clone();
    assert_eq!(smsup_sms::analyze(&text).segments, 1, "{text}");
    assert!(
        text.starts_with("Your lists: community00, community01"),
        "{text}"
    );
    assert!(text.contains('+'), "the rest is counted: {text}");
}

#[test]
fn farsi_posts_keep_their_zero_width_non_joiner() {
    let mut f = facts();
    f.list = Some(list(Some(Role::Member)));
    // می‌روم: "I go", written with ZWNJ; with a curly quote that smart encoding must not touch here.
    let body = "می\u{200c}روم «فردا»";
    let d = run(&format!("housing {body}"), &f);
    match &d.effects[0] {
        Effect::Post { text, .. } => assert!(text.ends_with(body), "{text:?}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn name_sets_the_alias() {
    let d = run("NAME Amina K", &facts());
    assert_eq!(d.effects, vec![Effect::SetAlias("Amina K".into())]);
    let d = run("NAME مریم", &facts());
    assert_eq!(d.effects, vec![Effect::SetAlias("مریم".into())]);
    let d = run("NAME", &facts());
    assert!(d.effects.is_empty());
    let d = run(&format!("NAME {}", "x".repeat(21)), &facts());
    assert!(d.effects.is_empty());
    assert!(only_reply(&d).contains("1-20"));
}

#[test]
fn add_invites_without_adding() {
    let mut f = facts();
    f.list = Some(list(Some(Role::Owner)));
    f.invitee = Some(InviteeFacts::default());
    let d = run("ADD housing +44 7911 000999", &f);
    let invited = phone("+447911000999");
    assert_eq!(
        d.effects,
        vec![Effect::Invite {
            list_id: 3,
            phone: invited.clone()
        }]
    );
    assert_eq!(d.replies.len(), 2);
    let invite = d
        .replies
        .iter()
        .find(|r| r.to == To::Phone(invited.clone()))
        .unwrap();
    assert!(invite.text.contains("JOIN housing"));
    assert!(
        !invite.text.contains("123456789"),
        "the inviter's number never shows"
    );
    assert!(d
        .replies
        .iter()
        .any(|r| r.to == To::Sender && r.text.contains("Invitation to housing sent")));
}

#[test]
fn add_refusals() {
    let mut f = facts();
    f.list = Some(list(Some(Role::Member)));
    let d = run("ADD housing 0129998888", &f);
    assert!(d.effects.is_empty());
    assert!(only_reply(&d).contains("Only the owner or admins"));

    f.list = Some(list(Some(Role::Admin)));
    let d = run("ADD housing 12345", &f);
    assert!(d.effects.is_empty());
    // The typed number is never echoed.
    assert_eq!(
        only_reply(&d),
        "That is not a valid phone number. Example: ADD housing 01X XXX XXXX"
    );

    // A member already, opted out, declined, invited lately, or the sender: no invitation, and
    // the same answer as a real one, so that ADD reveals nothing about a number.
    let real = {
        f.invitee = Some(InviteeFacts::default());
        let d = run("ADD housing 0129998888", &f);
        assert_eq!(d.effects.len(), 1);
        d.replies
            .iter()
            .find(|r| r.to == To::Sender)
            .unwrap()
            .text
            .clone()
    };
    for invitee in [
        InviteeFacts {
            active_member: true,
            ..Default::default()
        },
        InviteeFacts {
            opted_out: true,
            ..Default::default()
        },
        InviteeFacts {
            declined: true,
            ..Default::default()
        },
        InviteeFacts {
            invited_recently: true,
            ..Default::default()
        },
    ] {
        f.invitee = Some(invitee.clone());
        let d = run("ADD housing 0129998888", &f);
        assert!(d.effects.is_empty(), "{invitee:?}");
        assert_eq!(only_reply(&d), real, "{invitee:?}");
    }
    f.invitee = Some(InviteeFacts::default());
    let d = run("ADD housing +447911123456", &f);
    assert!(d.effects.is_empty());
    assert_eq!(only_reply(&d), real);
}

fn target(id: i64, alias: &str, role: Role) -> TargetFacts {
    TargetFacts {
        id,
        label: format!("L{id}AB"),
        alias: Some(alias.into()),
        role,
        language: None,
        phone: phone("+447911000000"),
        requested: false,
        opted_out: false,
        in_list: true,
    }
}

#[test]
fn remove_and_admin() {
    let mut f = facts();
    f.list = Some(list(Some(Role::Owner)));
    f.targets = vec![target(9, "Bob", Role::Member)];
    let d = run("REMOVE housing Bob", &f);
    assert_eq!(
        d.effects,
        vec![
            Effect::Remove {
                list_id: 3,
                member_id: 9
            },
            Effect::Audit {
                list_id: 3,
                action: "remove",
                target: Some("L9AB".into())
            }
        ]
    );
    assert!(d
        .replies
        .iter()
        .any(|r| r.to == To::Member(9) && r.text.contains("removed from housing")));
    assert!(d.replies.iter().all(|r| !r.text.contains("7911")));

    let d = run("ADMIN housing #9", &f);
    assert_eq!(
        d.effects,
        vec![
            Effect::MakeAdmin {
                list_id: 3,
                member_id: 9
            },
            Effect::Audit {
                list_id: 3,
                action: "admin",
                target: Some("L9AB".into())
            }
        ]
    );
    assert!(d.replies.iter().any(|r| r.to == To::Member(9)));

    // Only the owner makes admins; admins may remove.
    f.list = Some(list(Some(Role::Admin)));
    let d = run("ADMIN housing Bob", &f);
    assert!(d.effects.is_empty());
    assert!(only_reply(&d).contains("Only the owner"));
    assert!(matches!(
        run("REMOVE housing Bob", &f).effects[..],
        [Effect::Remove { .. }, Effect::Audit { .. }]
    ));

    // Members may not remove.
    f.list = Some(list(Some(Role::Member)));
    assert!(run("REMOVE housing Bob", &f).effects.is_empty());

    // The owner cannot be removed; ambiguity and absence are explained.
    f.list = Some(list(Some(Role::Admin)));
    f.targets = vec![target(1, "Ali", Role::Owner)];
    assert!(only_reply(&run("REMOVE housing Ali", &f)).contains("cannot be removed"));
    f.targets = vec![
        target(1, "Ali", Role::Member),
        target(2, "Ali", Role::Member),
    ];
    assert!(only_reply(&run("REMOVE housing Ali", &f)).contains("# number"));
    f.targets = vec![];
    assert!(only_reply(&run("REMOVE housing Ali", &f)).contains("No member Ali"));
}

#[test]
fn stop_and_start() {
    let d = run("STOP", &facts());
    assert_eq!(d.effects, vec![Effect::OptOut]);
    assert!(only_reply(&d).contains("START"));

    let mut f = facts();
    f.sender.opted_out = true;
    // Nothing at all while opted out, not even a second confirmation...
    for text in ["STOP", "JOIN housing", "housing hi", "LISTS", "NAME Bob"] {
        let d = run(text, &f);
        assert!(d.replies.is_empty() && d.effects.is_empty(), "{text}");
    }
    // ... but HELP is answered, with how to come back.
    let d = run("HELP", &f);
    assert!(d.effects.is_empty());
    assert!(only_reply(&d).contains("START"), "{d:?}");
    let d = run("START", &f);
    assert_eq!(d.effects, vec![Effect::OptIn]);
    assert_eq!(d.replies.len(), 1);
}

#[test]
fn language_choice() {
    let d = run("LANG", &facts());
    assert!(only_reply(&d).contains("en"));
    let d = run("LANG fa", &facts());
    assert_eq!(d.effects, vec![Effect::SetLanguage(Lang::Fa)]);
    let d = run("LANG xx", &facts());
    assert!(d.effects.is_empty());
    let d = run("LANG farsi", &facts());
    assert_eq!(d.effects, vec![Effect::SetLanguage(Lang::Fa)]);
}

#[test]
fn unknown_and_empty() {
    assert!(only_reply(&run("blah", &facts())).contains("HELP"));
    assert!(only_reply(&run("", &facts())).contains("HELP"));
    assert!(only_reply(&run("JOIN", &facts())).contains("JOIN housing"));
}

#[test]
fn no_reply_ever_contains_the_senders_number_for_others() {
    // Replies to other members (invitees, removed members) never carry any number.
    let mut f = facts();
    f.list = Some(list(Some(Role::Owner)));
    f.invitee = Some(InviteeFacts::default());
    f.targets = vec![target(9, "Bob", Role::Member)];
    for text in [
        "ADD housing 0129998888",
        "REMOVE housing Bob",
        "ADMIN housing Bob",
    ] {
        let d = run(text, &f);
        for r in d.replies.iter().filter(|r| r.to != To::Sender) {
            assert!(
                !r.text.chars().any(|c| c.is_ascii_digit()),
                "{text}: {}",
                r.text
            );
        }
    }
}

#[test]
fn aliases_that_pretend_or_hide_are_refused() {
    for bad in [
        "",
        "#1",
        "#K7PQ",
        "K7PQ",
        "Ami#na",
        "+447911000002",
        "012-345 6789",
        "۰۱۲۳۴۵۶۷۸۹",
        "SMS Up",
        "smsup",
        "SMS-UP team",
        "Am\u{200B}ina",
        "A\u{202E}anima",
        "\u{2066}Amina",
        "Ami\u{00AD}na",
        "Amina\u{FE0F}",
        "\u{0301}Amina",
        "e\u{0301}\u{0301}\u{0301}\u{0301}\u{0301}",
        "Amina\u{E0041}",
        "abcdefghijklmnopqrstu",
    ] {
        assert!(alias_problem(bad).is_some(), "{bad:?} accepted");
    }
    for good in [
        "Amina",
        "Amina K",
        "مریم",
        "می\u{200C}نا",
        "မောင်မောင်",
        "Ali 2",
        "Dr. Ali",
        "m100",
        "Ali2",
        "ကျန်းမာရေး",
        "நிலா",
    ] {
        assert_eq!(alias_problem(good), None, "{good:?} refused");
    }
    assert_eq!(clean_alias("  Amina   K  "), "Amina K");
}

#[test]
fn name_refuses_a_look_alike_of_another_members_alias() {
    let mut f = facts();
    f.alias_taken = true;
    let d = run("NAME Amina", &f);
    assert!(d.effects.is_empty());
    assert!(only_reply(&d).contains("looks like another member"));
}

#[test]
fn numbers_are_masked_and_echoes_are_short() {
    assert_eq!(
        mask_numbers("REMOVE housing +44 7911 000002"),
        "REMOVE housing ***"
    );
    assert_eq!(mask_numbers("ADD x ۰۱۲-۳۴۵ ۶۷۸۹ now"), "ADD x *** now");
    assert_eq!(mask_numbers("room 12, RM300, 5 pm"), "room 12, RM300, 5 pm");
    assert_eq!(mask_numbers("call (012) 345.6789"), "call ***");
    // Letters typed for digits are part of the number.
    assert_eq!(mask_numbers("JOIN O7911OOOO11"), "JOIN ***");
    assert_eq!(mask_numbers("JOIN 07911 OOO O11"), "JOIN ***");
    assert_eq!(mask_numbers("JOIN 0791l000011"), "JOIN ***");
    assert_eq!(mask_numbers("room101 is cool"), "room101 is cool");
    let e = echo(&"x".repeat(20_000));
    assert_eq!(e.chars().count(), 24);
    assert!(e.ends_with('…'));
    assert_eq!(echo("a\u{202E}b\u{200B}c"), "abc");
}

#[test]
fn posts_cannot_push_text_out_of_sight() {
    assert_eq!(
        clean_post("Notice\n\n\n\r\n\nSMS Up: Your registration expires."),
        "Notice\nSMS Up: Your registration expires."
    );
    assert_eq!(clean_post("  a \u{202E}b\u{202C} "), "a b");
    assert_eq!(clean_post("می\u{200C}روم"), "می\u{200C}روم");
    let mut f = facts();
    f.list = Some(list(Some(Role::Member)));
    for empty in [
        "housing \u{200B}x\u{200B}",
        "housing \u{200B}\u{200B} \u{2060}",
    ] {
        let d = run(empty, &f);
        if empty.contains('x') {
            assert_eq!(d.effects.len(), 1);
        } else {
            assert!(d.effects.is_empty(), "{empty:?}");
        }
    }
}

#[test]
fn a_member_whose_alias_looks_like_anothers_posts_under_their_label() {
    let mut f = facts();
    f.sender.alias = Some("Amina".into());
    let mut l = list(Some(Role::Member));
    l.sender_alias_clash = true;
    f.list = Some(l);
    let d = run("housing hello", &f);
    assert!(matches!(&d.effects[0], Effect::Post { text, .. } if text == "[housing] #K7PQ: hello"));
}

#[test]
fn look_alike_and_reserved_list_names() {
    for name in [
        "stop",
        "STOP",
        "ꓢTOP",
        "ရပ်",
        "revoke",
        "smsup",
        "jooji",
        "henti",
        "hеlp",
    ] {
        assert!(reserved_list_name(name), "{name}");
    }
    assert!(!reserved_list_name("housing"));
    assert_eq!(list_key("hоusing"), list_key("housing"));
    assert_eq!(list_key("HOUSİNG"), list_key("housing"));
    assert_ne!(list_key("အိမ်"), list_key("အိမ"));
    assert!(valid_list_name("အိမ်"));
    assert!(!valid_list_name("\u{103A}အိမ"));
    assert!(!valid_list_name("🏠🏠"));
}

#[test]
fn limits_on_creating_inviting_and_replying() {
    let mut f = facts();
    f.usage.lists_created_today = 3;
    let d = run("CREATE more", &f);
    assert!(d.effects.is_empty());
    assert!(only_reply(&d).contains("3 lists today"));
    // The same refusal again within the hour: silence.
    f.usage.recent_replies = vec![d.replies[0].text.clone()];
    let d = run("CREATE more", &f);
    assert!(d.effects.is_empty() && d.replies.is_empty(), "{d:?}");

    let mut f = facts();
    f.list = Some(list(Some(Role::Owner)));
    f.invitee = Some(InviteeFacts::default());
    f.usage.adds_last_hour = 10;
    let d = run("ADD housing 0129998888", &f);
    assert!(d.effects.is_empty());
    assert!(only_reply(&d).contains("10 invitations"));
    f.usage.adds_last_hour = 0;
    f.usage.adds_last_day = 30;
    assert!(run("ADD housing 0129998888", &f).effects.is_empty());

    // Replies beyond the per-minute limit are not sent; effects still apply.
    let mut f = facts();
    f.usage.replies_last_minute = 10;
    let d = run("STOP", &f);
    assert_eq!(d.effects, vec![Effect::OptOut]);
    assert!(d.replies.is_empty());
}

#[test]
fn owner_cannot_leave_and_admins_cannot_remove_admins() {
    let mut f = facts();
    f.list = Some(list(Some(Role::Owner)));
    let d = run("LEAVE housing", &f);
    assert!(d.effects.is_empty());
    assert!(only_reply(&d).contains("cannot leave"));

    f.list = Some(list(Some(Role::Admin)));
    f.targets = vec![target(9, "Bea", Role::Admin)];
    let d = run("REMOVE housing Bea", &f);
    assert!(d.effects.is_empty());
    assert!(only_reply(&d).contains("Only the owner"));

    f.list = Some(list(Some(Role::Owner)));
    assert!(matches!(
        run("REMOVE housing Bea", &f).effects[..],
        [Effect::Remove { .. }, Effect::Audit { .. }]
    ));
    f.targets = vec![target(1, "Olu", Role::Owner)];
    let d = run("ADMIN housing Olu", &f);
    assert!(d.effects.is_empty());
    assert!(only_reply(&d).contains("owns housing"));
}

#[test]
fn yes_and_no_answer_the_latest_invitation() {
    let mut f = facts();
    f.pending_invite = Some((3, "housing".into()));
    let d = run("Yes", &f);
    assert_eq!(d.effects, vec![Effect::Join { list_id: 3 }]);
    assert!(only_reply(&d).contains("joined housing"));
    let d = run("NO", &f);
    assert_eq!(d.effects, vec![Effect::Decline { list_id: 3 }]);
    f.pending_invite = None;
    let d = run("NO", &f);
    assert!(d.effects.is_empty());
    f.list = Some(list(None));
    let d = run("NO housing", &f);
    assert_eq!(d.effects, vec![Effect::Decline { list_id: 3 }]);
}

#[test]
fn every_reply_is_cut_to_one_sms_when_its_values_are_too_long() {
    for lang in Lang::ALL {
        let text = render_one_sms(lang, "unknown-list", &[("list", Arg::Str("ဘ".repeat(500)))]);
        assert_eq!(smsup_sms::analyze(&text).segments, 1, "{lang:?}: {text}");
    }
}

#[test]
fn commands_do_not_tell_the_language_by_their_names() {
    // `CREATE jooji` (a Somali keyword as a name) from a UK number: English.
    let d = run("CREATE jooji", &facts());
    assert_eq!(d.language, Some(Lang::En));
    let d = run("سلام", &facts());
    assert_eq!(d.language, Some(Lang::En));
    let d = run("LANG klingon", &facts());
    assert_eq!(d.language, Some(Lang::En));
    // A language we speak, named in English: the reply is in it.
    let d = run("LANG rohingya", &facts());
    assert_eq!(d.language, Some(Lang::Rhg));
}

#[test]
fn a_text_that_names_no_list_but_says_stop_opts_out() {
    for text in [
        "Please stop sending me messages",
        "I want to stop",
        "pls stop",
        "saya mahu berhenti",
        "fadlan jooji",
        "ကျေးဇူးပြု၍ ရပ်ပါ",
    ] {
        let d = run(text, &facts());
        assert_eq!(d.effects, vec![Effect::OptOut], "{text}");
        // The confirmation, in the language of the words (MULA in Malay, START in English).
        let reply = only_reply(&d);
        assert!(
            ["START", "MULA", "BILOW", "စတင်"]
                .iter()
                .any(|w| reply.contains(w)),
            "{text}: {reply}"
        );
    }
    // A post to a list that says stop is a post.
    let mut f = facts();
    f.list = Some(list(Some(Role::Member)));
    let d = run("housing please stop the car at the gate", &f);
    assert!(matches!(d.effects[..], [Effect::Post { .. }]), "{d:?}");
    // Not understood and no stop in it: the usual answer.
    assert!(run("hello there", &facts()).effects.is_empty());
    // A list named like a first word (`please`, Chin `zeizong`) does not swallow the stop of
    // someone who is not in it.
    let mut f = facts();
    f.list = Some(list(None));
    for text in ["please stop", "zeizong dinh", "tolong berhenti"] {
        assert_eq!(run(text, &f).effects, vec![Effect::OptOut], "{text}");
    }
    // Stop after punctuation with no space, and a stop word typed in two parts.
    for text in [
        "please,stop",
        "pls.stop sending",
        "SMS bon gor",
        "ok,BERHENTI",
        "No. Stop!",
        "لا، توقف",
        "نه، ودروه",
    ] {
        assert_eq!(run(text, &facts()).effects, vec![Effect::OptOut], "{text}");
    }
    // Negated or described stops are not orders: nobody is opted out by them.
    for text in [
        "Dont stop the updates please",
        "please don't stop",
        "jangan berhenti hantar",
        "Ruah a dinh cang",
        "Motor a dinh cang, ka ra kho lo",
        "Ka um rih, dinh hlah",
        "مه ودروه، زه لا دلته یم",
    ] {
        assert!(
            !run(text, &facts()).effects.contains(&Effect::OptOut),
            "{text} opted out"
        );
    }
}

fn malaysian_engine() -> Engine {
    Engine::new(Rules {
        carrier: carrier::CarrierRules {
            rules: Some(carrier::RuleSet::My),
            allowed_domains: vec!["unhcr.org".into()],
        },
        ..Rules::default()
    })
}

#[test]
fn posts_the_networks_would_block_are_not_relayed_and_the_sender_is_told_why() {
    let e = malaysian_engine();
    let mut f = facts();
    f.list = Some(list(Some(Role::Member)));
    for (text, why) in [
        ("housing call me on 012-345 6789", "phone number"),
        ("housing room free, ring +60 12 345 6789", "phone number"),
        ("housing form at bit.ly/abc", "link"),
        ("housing see www.example.com", "link"),
        ("housing send your IC number", "personal details"),
    ] {
        let d = run_with(&e, text, &f);
        assert!(d.effects.is_empty(), "{text}: {d:?}");
        let reply = only_reply(&d);
        assert!(
            reply.contains("Not sent") && reply.contains(why),
            "{text}: {reply}"
        );
        assert_eq!(smsup_sms::analyze(reply).segments, 1, "{reply}");
        // The explanation itself would pass the networks.
        assert_eq!(e.rules.carrier.check(reply), None, "{reply}");
    }
    // Ordinary posts, and links to a domain registered with the carriers, go out.
    for text in [
        "housing Room RM300, meet 10.30am on 01.05.2024",
        "housing Clinic info at www.unhcr.org/my",
    ] {
        let d = run_with(&e, text, &f);
        assert!(
            matches!(d.effects.as_slice(), [Effect::Post { .. }]),
            "{text}: {d:?}"
        );
    }
    // Without rules (another country, or `none`), the number goes out as typed.
    let d = run("housing call me on 012-345 6789", &f);
    assert!(matches!(d.effects.as_slice(), [Effect::Post { .. }]));
}

#[test]
fn a_local_sim_says_nothing_of_its_holders_language() {
    let e = engine();
    // The deployment default (English), not Malay, for a +60 number.
    assert_eq!(e.language_for(None, None, &phone("+60123456789")), Lang::En);
    // Another country's number still tells.
    assert_eq!(
        e.language_for(None, None, &phone("+989121234567")),
        Lang::Fa
    );
    // A setting restores the country rule for local numbers.
    let local = Engine::new(Rules {
        local_country_language: true,
        ..Rules::default()
    });
    assert_eq!(
        local.language_for(None, None, &phone("+60123456789")),
        Lang::Ms
    );
    // An invitation is in the invitee's language when known, else in the inviter's.
    let mut f = facts();
    f.sender.language = Some(Lang::Fa);
    f.list = Some(list(Some(Role::Owner)));
    f.invitee = Some(InviteeFacts::default());
    let d = run("ADD housing +60 12 345 6789", &f);
    let invite = d
        .replies
        .iter()
        .find(|r| matches!(r.to, To::Phone(_)))
        .unwrap();
    assert_eq!(
        invite.text,
        smsup_lang::render(Lang::Fa, "invite", &[("list", Arg::Str("housing".into()))])
            .replace(['\u{2068}', '\u{2069}'], "")
    );
}

#[test]
fn move_sends_a_code_to_the_new_number_and_shows_no_number() {
    let f = facts();
    let new = phone("+60123456789");
    let d = run("MOVE 012-345 6789", &f);
    assert_eq!(
        d.effects,
        vec![Effect::RequestMove {
            phone: new.clone(),
            code: "482913".into()
        }]
    );
    let to_new = d
        .replies
        .iter()
        .find(|r| r.to == To::Phone(new.clone()))
        .unwrap();
    assert!(to_new.text.contains("MOVE 482913"), "{}", to_new.text);
    let to_sender = d.replies.iter().find(|r| r.to == To::Sender).unwrap();
    assert!(
        to_sender.text.contains("code was sent"),
        "{}",
        to_sender.text
    );
    for r in &d.replies {
        assert!(
            !r.text.contains("6789") && !r.text.contains("3456"),
            "{}",
            r.text
        );
        assert_eq!(smsup_sms::analyze(&r.text).segments, 1, "{}", r.text);
    }
    // The same answer when the new number opted out; it gets nothing.
    let mut f2 = facts();
    f2.move_target_opted_out = true;
    let d2 = run("MOVE +60123456789", &f2);
    assert_eq!(d2.replies.len(), 1);
    assert_eq!(d2.replies[0].text, to_sender.text);
    // Moving to one's own number, or to no number, explains MOVE.
    for text in ["MOVE", "MOVE +447911123456", "MOVE hello"] {
        let d = run(text, &facts());
        assert!(d.effects.is_empty(), "{text}");
        assert!(only_reply(&d).contains("MOVE and the new number"), "{text}");
    }
    // Bounded: each request sends someone an SMS.
    let mut f3 = facts();
    f3.usage.moves_today = 3;
    let d3 = run("MOVE +60123456789", &f3);
    assert!(d3.effects.is_empty());
    assert!(only_reply(&d3).contains("3 times today"));
}

#[test]
fn move_with_the_code_moves_everything_and_a_wrong_code_counts() {
    let mut f = facts();
    f.pending_move = Some((5, 42, "482913".into()));
    let d = run("MOVE 482913", &f);
    assert_eq!(
        d.effects,
        vec![Effect::AcceptMove {
            move_id: 5,
            old_member_id: 42
        }]
    );
    assert!(d
        .replies
        .iter()
        .any(|r| r.to == To::Sender && r.text.contains("Done")));
    assert!(d
        .replies
        .iter()
        .any(|r| r.to == To::Member(42) && r.text.contains("moved")));
    // Digits of another script, spaced, are the same code.
    let d = run("MOVE ٤٨٢ ٩١٣", &f);
    assert!(matches!(d.effects.as_slice(), [Effect::AcceptMove { .. }]));
    let d = run("MOVE 111111", &f);
    assert_eq!(d.effects, vec![Effect::MoveCodeFailed { move_id: 5 }]);
    assert!(only_reply(&d).contains("wrong or has expired"));
    let d = run("MOVE 482913", &facts());
    assert!(d.effects.is_empty());
    assert!(only_reply(&d).contains("wrong or has expired"));
}

#[test]
fn move_reads_numbers_in_every_format() {
    for (typed, e164) in [
        ("MOVE +98 912 123 4567", "+989121234567"),
        ("MOVE +44 7911 000050.", "+447911000050"),
        ("MOVE (012) 345 6789", "+60123456789"),
        ("move 0123456789!", "+60123456789"),
    ] {
        let d = run(typed, &facts());
        assert!(
            matches!(d.effects.as_slice(), [Effect::RequestMove { phone, .. }] if phone.e164() == e164),
            "{typed}: {d:?}"
        );
    }
}

#[test]
fn a_name_never_carries_a_link_a_number_or_a_request_for_personal_details() {
    for name in [
        "NAME www.scam.com",
        "NAME example.com",
        "NAME shop.top",
        "NAME 1.2.3.4",
        "NAME give me your PIN",
        "NAME send your OTP",
    ] {
        let d = run(name, &facts());
        assert!(d.effects.is_empty(), "{name}: {d:?}");
    }
    let d = run("NAME Amina", &facts());
    assert_eq!(d.effects, vec![Effect::SetAlias("Amina".into())]);
}

// Safe lists: private lists, bans, help lines, owners.

/// An engine with Malaysia's carrier rules.
fn malaysian() -> Engine {
    Engine::new(Rules {
        carrier: carrier::CarrierRules {
            rules: Some(carrier::RuleSet::My),
            allowed_domains: Vec::new(),
        },
        ..Rules::default()
    })
}

fn private_list(role: Option<Role>) -> ListFacts {
    ListFacts {
        private: true,
        ..list(role)
    }
}

fn admins() -> Vec<TargetFacts> {
    vec![
        target(1, "Olu", Role::Owner),
        TargetFacts {
            language: Some(Lang::Ms),
            ..target(2, "Siti", Role::Admin)
        },
    ]
}

fn no_number_in(d: &Decision) {
    for r in &d.replies {
        assert!(
            !r.text.contains("7911") && !r.text.contains("7911000000"),
            "{r:?}"
        );
    }
}

#[test]
fn joining_a_private_list_asks_its_admins_in_their_languages() {
    let mut f = facts();
    f.list = Some(ListFacts {
        admins: admins(),
        ..private_list(None)
    });
    let d = run("JOIN housing", &f);
    assert_eq!(
        d.effects,
        vec![Effect::RequestJoin {
            list_id: 3,
            label: "N3W1".into(),
            asked: true
        }]
    );
    assert!(
        d.replies[0].text.contains("request to join housing"),
        "{d:?}"
    );
    assert_eq!(d.replies[1].to, To::Member(1));
    assert!(d.replies[1].text.contains("APPROVE #N3W1"), "{d:?}");
    assert!(d.replies[1].text.contains("DENY #N3W1"), "{d:?}");
    assert_eq!(d.replies[2].to, To::Member(2));
    assert!(d.replies[2].text.contains("LULUS #N3W1"), "Malay: {d:?}");
    no_number_in(&d);

    // Asked already (or withdrew with NO, or was denied) within the window: the same answer,
    // the request opens again (unless denied: the store keeps it so), the admins are not asked.
    f.list.as_mut().unwrap().sender_requested = true;
    let d = run("JOIN housing", &f);
    assert_eq!(
        d.effects,
        vec![Effect::RequestJoin {
            list_id: 3,
            label: "N3W1".into(),
            asked: false
        }]
    );
    assert_eq!(d.replies.len(), 1);

    // Nobody to ask (the owner opted out, no one took over): said so, nothing stored.
    f.list.as_mut().unwrap().sender_requested = false;
    f.list.as_mut().unwrap().admins.clear();
    let d = run("JOIN housing", &f);
    assert!(d.effects.is_empty());
    assert!(only_reply(&d).contains("Nobody can answer"), "{d:?}");
    f.list.as_mut().unwrap().admins = admins();

    // Invited by an admin: that was the approval.
    f.list.as_mut().unwrap().sender_requested = false;
    f.list.as_mut().unwrap().sender_invited = true;
    let d = run("JOIN housing", &f);
    assert_eq!(d.effects, vec![Effect::Join { list_id: 3 }]);

    // Banned: the answer of a request, and nothing else.
    f.list.as_mut().unwrap().sender_invited = false;
    f.list.as_mut().unwrap().sender_banned = true;
    let d = run("JOIN housing", &f);
    assert!(d.effects.is_empty());
    assert_eq!(d.replies.len(), 1);
    assert!(d.replies[0].text.contains("request to join housing"));
}

#[test]
fn info_of_a_private_list_tells_an_outsider_nothing_more() {
    let mut f = facts();
    f.list = Some(private_list(None));
    let text = run("INFO housing", &f).replies[0].text.clone();
    assert!(text.contains("private list"), "{text}");
    assert!(!text.contains("12"), "no member count: {text}");
    f.list = Some(private_list(Some(Role::Member)));
    assert!(run("INFO housing", &f).replies[0]
        .text
        .contains("12 members"));
}

#[test]
fn approve_and_deny_need_an_admin_and_one_request() {
    let mut f = facts();
    f.list = Some(private_list(Some(Role::Member)));
    f.targets = vec![TargetFacts {
        requested: true,
        ..target(9, "Bob", Role::Member)
    }];
    let d = run("APPROVE housing Bob", &f);
    assert!(d.effects.is_empty());
    assert!(only_reply(&d).contains("Only the owner or admins"));

    f.list = Some(private_list(Some(Role::Admin)));
    let d = run("APPROVE #L9AB", &f);
    assert_eq!(
        d.effects,
        vec![
            Effect::Approve {
                list_id: 3,
                member_id: 9
            },
            Effect::Audit {
                list_id: 3,
                action: "approve",
                target: Some("L9AB".into())
            }
        ]
    );
    assert!(d
        .replies
        .iter()
        .any(|r| r.to == To::Member(9) && r.text.contains("You joined housing")));

    let d = run("DENY housing Bob", &f);
    assert!(matches!(d.effects[0], Effect::Deny { member_id: 9, .. }));
    assert!(d
        .replies
        .iter()
        .any(|r| r.to == To::Member(9) && r.text.contains("not accepted")));

    f.targets.clear();
    assert!(only_reply(&run("APPROVE housing #XXXX", &f)).contains("No open request"));
    f.list = None;
    f.request_ambiguous = true;
    assert!(only_reply(&run("APPROVE #XXXX", &f)).contains("Name the list"));
    f.request_ambiguous = false;
    assert!(only_reply(&run("APPROVE #XXXX", &f)).contains("No open request"));
}

#[test]
fn ban_keeps_out_anyone_but_the_owner_and_says_nothing_more_than_removal() {
    let mut f = facts();
    f.list = Some(list(Some(Role::Admin)));
    f.targets = vec![target(9, "Bob", Role::Member)];
    let d = run("BAN housing Bob", &f);
    assert_eq!(
        d.effects,
        vec![
            Effect::Ban {
                list_id: 3,
                member_id: 9,
                label: "L9AB".into()
            },
            Effect::Audit {
                list_id: 3,
                action: "ban",
                target: Some("L9AB".into())
            }
        ]
    );
    let notice = d.replies.iter().find(|r| r.to == To::Member(9)).unwrap();
    assert_eq!(notice.text, "You were removed from housing.");
    no_number_in(&d);

    // Someone who only asked to join (or wrote from outside) is not told anything.
    f.targets = vec![TargetFacts {
        requested: true,
        in_list: false,
        ..target(9, "Bob", Role::Member)
    }];
    assert_eq!(run("BAN housing Bob", &f).replies.len(), 1);

    for (who, role, why) in [
        (target(1, "Olu", Role::Owner), "owner", "cannot be removed"),
        (target(2, "Bea", Role::Admin), "admin", "Only the owner"),
        (target(7, "Me", Role::Admin), "self", "cannot be removed"),
    ] {
        f.targets = vec![who];
        let d = run("BAN housing x", &f);
        assert!(d.effects.is_empty(), "{role}");
        assert!(only_reply(&d).contains(why), "{role}: {d:?}");
    }
    f.targets = vec![];
    assert!(only_reply(&run("BAN housing", &f)).contains("Name the member"));
}

#[test]
fn an_outsiders_post_is_a_help_request_to_the_admins_only() {
    let mut f = facts();
    f.list = Some(ListFacts {
        admins: admins(),
        ..list(None)
    });
    f.outside = Some(OutsideFacts {
        open_request: None,
        next_id: 41,
        messages_last_hour: 0,
    });
    let d = run("housing My son is sick, where is a clinic?", &f);
    assert_eq!(
        d.effects,
        vec![Effect::HelpRequest {
            list_id: 3,
            id: 41,
            new: true,
            body: "My son is sick, where is a clinic?".into()
        }]
    );
    assert!(d.replies[0].text.contains("organisers of housing"));
    let to_owner = &d.replies[1];
    assert_eq!(to_owner.to, To::Member(1));
    assert!(to_owner.text.starts_with("Help request H41 to housing"));
    assert!(to_owner
        .text
        .ends_with(": My son is sick, where is a clinic?"));
    assert!(
        d.replies[2].text.contains("BALAS H41"),
        "Malay admin: {d:?}"
    );
    no_number_in(&d);

    // A second message stays on the open request.
    f.outside.as_mut().unwrap().open_request = Some(12);
    let d = run("housing thank you", &f);
    assert!(matches!(
        d.effects[0],
        Effect::HelpRequest {
            id: 12,
            new: false,
            ..
        }
    ));

    // The hour's limit: one refusal, no relay.
    f.outside.as_mut().unwrap().messages_last_hour = 5;
    let d = run("housing again", &f);
    assert!(d.effects.is_empty());
    assert!(only_reply(&d).contains("limit"));

    // What the networks would drop is held.
    f.outside.as_mut().unwrap().messages_last_hour = 0;
    let d = run_with(&malaysian(), "housing call me 012-345 6789", &f);
    assert!(d.effects.is_empty());
    assert!(only_reply(&d).contains("phone number"));

    // A banned number: the usual answer, nobody is bothered; the message counts for the limit.
    f.list.as_mut().unwrap().sender_banned = true;
    let d = run("housing let me in", &f);
    assert_eq!(d.effects, vec![Effect::HelpDropped { list_id: 3 }]);
    assert!(only_reply(&d).contains("organisers of housing"));
    f.outside.as_mut().unwrap().messages_last_hour = 5;
    let d = run("housing let me in", &f);
    assert!(d.effects.is_empty());
    assert!(only_reply(&d).contains("limit"));
    f.outside.as_mut().unwrap().messages_last_hour = 0;

    // The help line turned off: the refusal of before.
    f.list.as_mut().unwrap().sender_banned = false;
    f.list.as_mut().unwrap().outside = false;
    let d = run("housing hello", &f);
    assert!(d.effects.is_empty());
    assert!(only_reply(&d).contains("JOIN housing"));
}

fn help(id: i64) -> HelpFacts {
    HelpFacts {
        id,
        requester: target(20, "Stranger", Role::Member),
        body: "Need a room".into(),
    }
}

#[test]
fn reply_and_share_answer_a_help_request_from_its_admins_only() {
    let mut f = facts();
    f.sender.alias = Some("Hassan".into());
    f.help = Some(help(41));
    f.list = Some(list(Some(Role::Member)));
    for text in ["REPLY H41 come at 3", "SHARE H41"] {
        let d = run(text, &f);
        assert!(d.effects.is_empty(), "{text}");
        assert!(
            only_reply(&d).contains("no open help request H41"),
            "{text}"
        );
    }
    f.list = Some(list(Some(Role::Admin)));
    let d = run("REPLY h41 Come to the centre at 3pm", &f);
    let answer = d.replies.iter().find(|r| r.to == To::Member(20)).unwrap();
    assert_eq!(answer.text, "[housing] Hassan: Come to the centre at 3pm");
    assert!(only_reply_to_sender(&d).contains("H41"));
    assert!(only_reply(&run("REPLY H41", &f)).contains("Write your answer"));
    assert!(only_reply(&run_with(&malaysian(), "REPLY H41 www.example.com", &f)).contains("link"));

    let d = run("SHARE H41", &f);
    match &d.effects[0] {
        Effect::Post { text, list_id, .. } => {
            assert_eq!(*list_id, 3);
            assert_eq!(text, "[housing] help request: Need a room");
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        d.effects[1],
        Effect::Audit {
            action: "share",
            ..
        }
    ));

    f.help = None;
    assert!(only_reply(&run("SHARE H99", &f)).contains("H99"));
}

fn only_reply_to_sender(d: &Decision) -> &str {
    let mine: Vec<&Outgoing> = d.replies.iter().filter(|r| r.to == To::Sender).collect();
    assert_eq!(mine.len(), 1, "{d:?}");
    &mine[0].text
}

#[test]
fn an_owner_who_opts_out_passes_each_list_on() {
    let mut f = facts();
    f.owned = vec![
        (3, "housing".into(), Some(target(9, "Bob", Role::Admin))),
        (4, "jobs".into(), None),
    ];
    let d = run("STOP", &f);
    assert_eq!(d.effects[0], Effect::OptOut);
    assert_eq!(
        d.effects[1],
        Effect::SetOwner {
            list_id: 3,
            member_id: 9
        }
    );
    assert!(d
        .replies
        .iter()
        .any(|r| r.to == To::Member(9) && r.text.contains("You now own housing")));
    assert!(only_reply_to_sender(&d).contains("no more SMS"));
}

#[test]
fn owner_passes_a_list_on_only_to_another_member() {
    let mut f = facts();
    f.list = Some(list(Some(Role::Admin)));
    f.targets = vec![target(9, "Bob", Role::Member)];
    assert!(only_reply(&run("OWNER housing Bob", &f)).contains("Only the owner"));
    f.list = Some(list(Some(Role::Owner)));
    let d = run("OWNER housing Bob", &f);
    assert!(matches!(
        d.effects[0],
        Effect::SetOwner { member_id: 9, .. }
    ));
    assert!(d
        .replies
        .iter()
        .any(|r| r.to == To::Member(9) && r.text.contains("You now own housing")));
    f.targets = vec![target(7, "Me", Role::Owner)];
    assert!(run("OWNER housing Me", &f).effects.is_empty());
}

#[test]
fn outside_is_the_owners_switch() {
    let mut f = facts();
    f.list = Some(list(Some(Role::Admin)));
    assert!(only_reply(&run("OUTSIDE housing OFF", &f)).contains("Only the owner"));
    f.list = Some(list(Some(Role::Owner)));
    let d = run("OUTSIDE housing OFF", &f);
    assert_eq!(
        d.effects[0],
        Effect::SetOutside {
            list_id: 3,
            on: false
        }
    );
    assert!(only_reply(&run("OUTSIDE housing", &f)).contains("OUTSIDE housing OFF"));
}

#[test]
fn help_codes_read_in_any_digits() {
    assert_eq!(help_id("H7"), Some(7));
    assert_eq!(help_id("h٧"), Some(7));
    assert_eq!(help_id("H၄၁"), Some(41));
    assert_eq!(help_id("41"), Some(41));
    for bad in ["H", "Hx", "", "H-1", "H99999999999999"] {
        assert_eq!(help_id(bad), None, "{bad}");
    }
    assert_eq!(help_code(41), "H41");
}

#[test]
fn forget_asks_for_a_code_and_erases_only_with_it_whatever_the_state() {
    let mut f = facts();
    let d = run("FORGET", &f);
    assert_eq!(
        d.effects,
        vec![Effect::RequestForget {
            code: "482913".into()
        }]
    );
    assert!(only_reply(&d).contains("FORGET 482913"));

    // Opted out: FORGET still works.
    f.sender.opted_out = true;
    f.pending_forget = Some("4821".into());
    f.owned = vec![(3, "housing".into(), Some(target(9, "Bob", Role::Admin)))];
    let d = run("FORGET ၄၈၂၁", &f);
    assert!(matches!(
        d.effects[0],
        Effect::SetOwner { member_id: 9, .. }
    ));
    assert!(
        matches!(d.effects.last(), Some(Effect::Forget { farewell }) if farewell.contains("erased"))
    );
    assert!(
        d.replies.iter().all(|r| r.to != To::Sender),
        "the farewell is the effect's"
    );

    let d = run("FORGET 1234", &f);
    assert_eq!(d.effects, vec![Effect::ForgetCodeFailed]);
    f.pending_forget = None;
    let d = run("FORGET 4821", &f);
    assert!(d.effects.is_empty());
    assert!(only_reply(&d).contains("wrong or has expired"));
}

#[test]
fn a_private_message_reaches_one_member_with_the_senders_label_and_no_number() {
    let mut f = facts();
    f.sender.alias = Some("Amina".into());
    f.list = Some(list(Some(Role::Member)));
    f.targets = vec![TargetFacts {
        language: Some(Lang::Ms),
        ..target(9, "Bob", Role::Member)
    }];
    let d = run("TO housing Bob Room free near the mosque, ask me", &f);
    // In the recipient's language, the sender by alias and label: they answer TO housing #K7PQ.
    assert_eq!(
        d.effects,
        vec![Effect::PrivateMessage {
            list_id: 3,
            recipient_id: 9,
            text: format!(
                "[housing] Amina #K7PQ {} Room free near the mosque, ask me",
                engine().render_for(Lang::Ms, "dm-private", &[])
            )
        }]
    );
    assert!(only_reply(&d).contains("private message to Bob"), "{d:?}");
    no_number_in(&d);

    // An alias that looks like another member's: the label alone.
    f.list.as_mut().unwrap().sender_alias_clash = true;
    let d = run("TO housing Bob hello", &f);
    let Effect::PrivateMessage { text, .. } = &d.effects[0] else {
        panic!("{d:?}")
    };
    assert!(text.starts_with("[housing] #K7PQ "), "{d:?}");
    f.list.as_mut().unwrap().sender_alias_clash = false;

    // A line break is no way to forge a second message from someone else.
    let d = run(
        "TO housing Bob ok\n[housing] Olga #K7PQ (private): come alone",
        &f,
    );
    let Effect::PrivateMessage { text, .. } = &d.effects[0] else {
        panic!("{d:?}")
    };
    assert!(!text.contains("\n["), "{text}");

    // Blocked: the same answer, nothing reaches them.
    f.blocked_by_target = true;
    let d = run("TO housing Bob hello", &f);
    assert!(d.effects.is_empty());
    assert!(only_reply(&d).contains("private message to Bob"), "{d:?}");
    f.blocked_by_target = false;

    // The hour's limit, the list's switch, not a member, nobody named, no text, oneself.
    f.usage.private_last_hour = 10;
    assert!(only_reply(&run("TO housing Bob hello", &f)).contains("10 private messages"));
    f.usage.private_last_hour = 0;
    f.list.as_mut().unwrap().dm = false;
    assert!(only_reply(&run("TO housing Bob hello", &f)).contains("turned off"));
    f.list.as_mut().unwrap().dm = true;
    f.list.as_mut().unwrap().sender_role = None;
    assert!(only_reply(&run("TO housing Bob hello", &f)).contains("not in housing"));
    f.list.as_mut().unwrap().sender_role = Some(Role::Member);
    assert!(only_reply(&run("TO housing Bob", &f)).contains("TO housing"));
    f.targets.clear();
    assert!(only_reply(&run("TO housing Zed hello", &f)).contains("No member Zed"));
    f.targets = vec![target(7, "Amina", Role::Member)];
    assert!(only_reply(&run("TO housing Amina hi", &f)).contains("TO housing"));

    // What the networks would drop is held (a number in a private message too).
    f.targets = vec![target(9, "Bob", Role::Member)];
    let d = run_with(&malaysian(), "TO housing Bob call me 012-345 6789", &f);
    assert!(only_reply(&d).contains("phone number"), "{d:?}");
}

#[test]
fn block_by_label_in_any_of_my_lists_and_dm_switch_by_the_owner() {
    let mut f = facts();
    f.targets = vec![target(9, "Bob", Role::Member)];
    let d = run("BLOCK #L9AB", &f);
    assert_eq!(
        d.effects,
        vec![Effect::Block {
            member_id: 9,
            on: true
        }]
    );
    assert!(only_reply(&d).contains("BLOCK #L9AB OFF"), "{d:?}");
    let d = run("BLOCK #L9AB OFF", &f);
    assert_eq!(
        d.effects,
        vec![Effect::Block {
            member_id: 9,
            on: false
        }]
    );
    // The same person met in two lists is one; two people are not.
    f.targets.push(target(9, "Bob", Role::Admin));
    assert_eq!(run("BLOCK Bob", &f).effects.len(), 1);
    f.targets.push(target(4, "Bob", Role::Member));
    let d = run("BLOCK Bob", &f);
    assert!(d.effects.is_empty());
    assert!(only_reply(&d).contains("BLOCK listname Bob"), "{d:?}");
    f.targets.clear();
    assert!(only_reply(&run("BLOCK #ZZZZ", &f)).contains("Nobody called #ZZZZ"));

    f.list = Some(list(Some(Role::Admin)));
    assert!(only_reply(&run("DM housing OFF", &f)).contains("Only the owner"));
    f.list = Some(list(Some(Role::Owner)));
    let d = run("DM housing OFF", &f);
    assert_eq!(
        d.effects[0],
        Effect::SetDm {
            list_id: 3,
            on: false
        }
    );
    assert!(only_reply(&d).contains("no longer write to each other"));
    assert!(only_reply(&run("DM housing", &f)).contains("DM housing OFF"));
}

#[test]
fn delete_asks_the_owner_for_a_code_and_tells_every_member_in_their_language() {
    let mut f = facts();
    f.fresh_code = "4821".into();
    f.list = Some(list(Some(Role::Admin)));
    assert!(only_reply(&run("DELETE housing", &f)).contains("Only the owner"));
    f.list = Some(list(Some(Role::Owner)));
    let d = run("DELETE housing", &f);
    assert_eq!(
        d.effects,
        vec![Effect::RequestDelete {
            list_id: 3,
            code: "4821".into()
        }]
    );
    assert!(only_reply(&d).contains("DELETE housing 4821"), "{d:?}");
    // No code waiting, or a wrong one: nothing closes.
    assert!(run("DELETE housing 4821", &f).effects.is_empty());
    f.list.as_mut().unwrap().pending_delete = Some("4821".into());
    assert_eq!(
        run("DELETE housing 1234", &f).effects,
        vec![Effect::DeleteCodeFailed { list_id: 3 }]
    );
    let d = run("DELETE housing ٤٨٢١", &f);
    let Effect::CloseList { list_id, notices } = &d.effects[0] else {
        panic!("{d:?}")
    };
    assert_eq!(*list_id, 3);
    // The first notice is the default language's; then one in every language, each one SMS.
    assert_eq!(notices[0].0, Lang::En);
    assert_eq!(notices.len(), 1 + Lang::ALL.len());
    for (lang, text) in notices {
        assert!(text.contains("housing"), "{lang:?}: {text}");
        assert_eq!(smsup_sms::analyze(text).segments, 1, "{lang:?}: {text}");
    }
    assert!(only_reply(&d).contains("housing is closed"), "{d:?}");
}

#[test]
fn a_moderated_lists_member_posts_wait_for_an_admin_who_approves_or_rejects_by_code() {
    let mut f = facts();
    f.list = Some(ListFacts {
        moderated: true,
        admins: admins(),
        ..list(Some(Role::Member))
    });
    let d = run("housing Meeting moved to 8", &f);
    assert_eq!(
        d.effects,
        vec![Effect::HoldPost {
            list_id: 3,
            id: 12,
            text: "[housing] #K7PQ: Meeting moved to 8".into(),
            zawgyi_text: None,
            segments: 1
        }]
    );
    assert!(d.replies[0].text.contains("waits for an admin"), "{d:?}");
    assert_eq!(d.replies[1].to, To::Member(1));
    assert_eq!(
        d.replies[1].text,
        "Post P12 to housing waits (APPROVE P12 or REJECT P12): [housing] #K7PQ: Meeting moved to 8"
    );
    assert!(d.replies[2].text.contains("LULUS P12"), "Malay: {d:?}");
    no_number_in(&d);

    // Admins and the owner post directly; so does everyone once moderation is off.
    f.list.as_mut().unwrap().sender_role = Some(Role::Admin);
    assert!(matches!(
        run("housing hi", &f).effects[0],
        Effect::Post { .. }
    ));
    f.list.as_mut().unwrap().sender_role = Some(Role::Member);
    f.list.as_mut().unwrap().admins.clear();
    assert!(only_reply(&run("housing hi", &f)).contains("Nobody can answer"));

    // APPROVE P12 by an admin of its list: it goes out as the author's post; the author is told.
    let mut f = facts();
    f.list = Some(list(Some(Role::Admin)));
    f.held = Some(HeldFacts {
        id: 12,
        author: target(9, "Bob", Role::Member),
        text: "[housing] Bob: hello".into(),
        zawgyi_text: None,
        segments: 1,
    });
    let d = run("approve p١٢", &f);
    assert_eq!(
        d.effects[0],
        Effect::ReleasePost {
            held_id: 12,
            list_id: 3,
            author_id: 9,
            text: "[housing] Bob: hello".into(),
            zawgyi_text: None,
            segments: 1
        }
    );
    assert!(
        d.replies[0].text.contains("P12 was sent to housing"),
        "{d:?}"
    );
    assert_eq!(d.replies[1].to, To::Member(9));
    let d = run("REJECT P12", &f);
    assert_eq!(d.effects[0], Effect::RejectPost { held_id: 12 });
    assert!(d.replies[1].text.contains("not approved"), "{d:?}");
    // A plain member, or a code nobody holds: nothing.
    f.list.as_mut().unwrap().sender_role = Some(Role::Member);
    assert!(only_reply(&run("APPROVE P12", &f)).contains("no post P12"));
    f.held = None;
    f.list = None;
    assert!(only_reply(&run("APPROVE P99", &f)).contains("no post P99"));
    // A code cannot be taken as a name.
    assert!(alias_problem("P12").is_some());
}

#[test]
fn help_on_every_keyword_of_every_language_explains_that_command() {
    for lang in Lang::ALL {
        let help = smsup_lang::keywords_of(lang)
            .into_iter()
            .find(|(_, k)| *k == Keyword::Help)
            .map(|(w, _)| w)
            .expect("a help word");
        for (word, k) in smsup_lang::keywords_of(lang)
            .into_iter()
            .chain(smsup_lang::keywords_of(Lang::En))
        {
            let text = format!("{help} {word}");
            let d = run(&text, &facts());
            if k == Keyword::Stop {
                // `HELP STOP`, `tolong berhenti`: asks to stop, and stops.
                assert_eq!(d.effects, vec![Effect::OptOut], "{text}");
                continue;
            }
            assert!(d.effects.is_empty(), "{text}: {d:?}");
            let expected = smsup_lang::render(lang, k.usage_id(), &[]);
            assert_eq!(only_reply(&d), expected, "{} {text}", lang.code());
            assert_eq!(smsup_sms::analyze(&expected).segments, 1, "{expected}");
        }
    }
}

#[test]
fn help_on_a_word_that_is_no_command_is_the_general_help() {
    let general = only_reply(&run("HELP", &facts())).to_string();
    for text in [
        "HELP housing",
        "HELP me please",
        "HELP ",
        "help!!",
        "HELP 123",
    ] {
        assert_eq!(only_reply(&run(text, &facts())), general, "{text}");
    }
    // A command in a sentence after HELP is still that command's explanation.
    assert_eq!(
        only_reply(&run("help join", &facts())),
        smsup_lang::render(Lang::En, "usage-join", &[])
    );
    assert_eq!(
        only_reply(&run("HELP opt out", &facts())),
        only_reply(&run("STOP", &facts())),
        "HELP followed by an opt-out phrase stops"
    );
}

#[test]
fn help_on_a_command_while_opted_out_only_says_how_to_come_back() {
    let mut f = facts();
    f.sender.opted_out = true;
    let d = run("HELP JOIN", &f);
    assert!(d.effects.is_empty());
    assert_eq!(only_reply(&d), only_reply(&run("HELP", &f)));
    assert!(only_reply(&d).contains("START"));
}

/// The one alert effect of a decision, if any.
fn alert_text(d: &Decision) -> Option<&str> {
    d.effects.iter().find_map(|e| match e {
        Effect::Alert { text, .. } => Some(text.as_str()),
        _ => None,
    })
}

fn alert_facts(role: Role, reporter: bool) -> Facts {
    let mut f = facts();
    f.sender.alias = Some("Amina".into());
    let mut l = list(Some(role));
    l.sender_reporter = reporter;
    f.list = Some(l);
    f
}

#[test]
fn alerts_come_from_the_owner_admins_and_reporters_only() {
    for (role, reporter) in [
        (Role::Owner, false),
        (Role::Admin, false),
        (Role::Member, true),
    ] {
        let d = run(
            "ALERT housing Police checkpoint at Jalan Ipoh",
            &alert_facts(role, reporter),
        );
        assert_eq!(
            alert_text(&d),
            Some("[housing] ALERT Amina: Police checkpoint at Jalan Ipoh"),
            "{role:?}"
        );
        assert!(d.effects.contains(&Effect::Audit {
            list_id: 3,
            action: "alert",
            target: None
        }));
        assert!(matches!(
            d.effects[0],
            Effect::Alert {
                expire_minutes: 30,
                segments: 1,
                ..
            }
        ));
        assert_eq!(
            only_reply(&d),
            "Alert A12 sent to 11 members of housing, before everything else. To correct it: CORRECT A12 your message"
        );
    }
    // A plain member, and someone outside the list, are told who may; nothing is sent.
    let d = run("ALERT housing Raid now!", &alert_facts(Role::Member, false));
    assert!(d.effects.is_empty());
    assert!(only_reply(&d).contains("Only the owner, admins and reporters of housing"));
    let mut outside = facts();
    outside.list = Some(list(None));
    let d = run("ALERT housing Raid now!", &outside);
    assert!(d.effects.is_empty());
    assert!(only_reply(&d).contains("reporters of housing"));
    let d = run("ALERT nowhere Raid now!", &facts());
    assert!(d.effects.is_empty());
    assert!(only_reply(&d).contains("no list called nowhere"));
}

#[test]
fn an_alert_marked_test_says_so_and_an_empty_one_is_refused() {
    let f = alert_facts(Role::Owner, false);
    let d = run("ALERT housing test Drill for Saturday", &f);
    assert_eq!(
        alert_text(&d),
        Some("[housing] TEST ALERT Amina: Drill for Saturday")
    );
    assert!(d.effects.contains(&Effect::Audit {
        list_id: 3,
        action: "alert-test",
        target: None
    }));
    // "Testing" is a word of the alert, not the mark.
    let d = run("ALERT housing Testing of sirens at noon", &f);
    assert_eq!(
        alert_text(&d),
        Some("[housing] ALERT Amina: Testing of sirens at noon")
    );
    for text in [
        "ALERT housing",
        "ALERT housing TEST",
        "ALERT housing \u{200B}\u{200B}",
    ] {
        let d = run(text, &f);
        assert!(d.effects.is_empty(), "{text}");
        assert_eq!(
            only_reply(&d),
            "Write the alert after the list name: ALERT housing your message"
        );
    }
    assert!(only_reply(&run("ALERT", &f)).contains("ALERT housing"));
}

#[test]
fn alerts_bypass_the_posting_limits_but_not_their_own() {
    let mut f = alert_facts(Role::Member, true);
    f.sender_posts_last_hour = 1_000;
    if let Some(l) = f.list.as_mut() {
        l.segments_today = u64::MAX / 4;
        l.moderated = true;
        l.announce = true;
    }
    let d = run("ALERT housing Immigration raid at the market", &f);
    assert!(alert_text(&d).is_some(), "{d:?}");
    assert!(!d
        .effects
        .iter()
        .any(|e| matches!(e, Effect::Post { .. } | Effect::HoldPost { .. })));
    // Six alerts an hour per list (a setting).
    if let Some(l) = f.list.as_mut() {
        l.alerts_last_hour = 6;
    }
    let d = run("ALERT housing One more", &f);
    assert!(d.effects.is_empty());
    assert_eq!(
        only_reply(&d),
        "housing sent 6 alerts this hour, the most allowed. Please wait."
    );
    let e = Engine::new(Rules {
        alerts_per_list_per_hour: 7,
        ..Rules::default()
    });
    assert!(alert_text(&run_with(&e, "ALERT housing One more", &f)).is_some());
}

#[test]
fn an_alert_obeys_the_carrier_rules_and_cannot_forge_a_header() {
    let e = malaysian_engine();
    let f = alert_facts(Role::Owner, false);
    let d = run_with(&e, "ALERT housing Call 012-345 6789 now", &f);
    assert!(d.effects.is_empty());
    assert!(only_reply(&d).contains("phone number"));
    let d = run(
        "ALERT housing ok\n[housing] ALERT Boss: all clear, go out",
        &f,
    );
    let text = alert_text(&d).expect("an alert");
    assert!(!text.contains("\n[housing]"), "{text}");
    assert!(text.starts_with("[housing] ALERT Amina: ok"), "{text}");
}

#[test]
fn reporter_is_given_and_taken_by_the_owner_or_an_admin() {
    let mut f = facts();
    f.list = Some(list(Some(Role::Admin)));
    f.targets = vec![target(9, "Bob", Role::Member)];
    let d = run("REPORTER housing Bob", &f);
    assert_eq!(
        d.effects,
        vec![
            Effect::SetReporter {
                list_id: 3,
                member_id: 9,
                on: true
            },
            Effect::Audit {
                list_id: 3,
                action: "reporter",
                target: Some("L9AB".into())
            }
        ]
    );
    assert!(d
        .replies
        .iter()
        .any(|r| r.to == To::Sender && r.text == "Bob can now send alerts to housing."));
    assert!(d
        .replies
        .iter()
        .any(|r| r.to == To::Member(9) && r.text.ends_with("ALERT housing your message")));

    let d = run("REPORTER housing Bob OFF", &f);
    assert_eq!(
        d.effects[0],
        Effect::SetReporter {
            list_id: 3,
            member_id: 9,
            on: false
        }
    );
    assert!(d
        .replies
        .iter()
        .any(|r| r.to == To::Member(9) && r.text == "You can no longer send alerts to housing."));

    // A plain member cannot; a name nobody has finds nobody.
    f.list = Some(list(Some(Role::Member)));
    let d = run("REPORTER housing Bob", &f);
    assert!(d.effects.is_empty());
    assert!(only_reply(&d).contains("Only the owner or admins"));
    f.list = Some(list(Some(Role::Owner)));
    f.targets.clear();
    let d = run("REPORTER housing Nobody", &f);
    assert!(d.effects.is_empty());
    assert!(only_reply(&d).contains("No member Nobody"));
}

#[test]
fn no_alias_can_pass_for_the_alert_mark() {
    // `NAME ALERT Amina` would make a plain post read `[list] ALERT Amina: …`.
    for bad in [
        "ALERT Amina",
        "alert",
        "Amina alert",
        "TEST ALERT Amina",
        "Test",
        "ΑLERT Amina",
        "AL3RT Amina",
        "AMARAN Siti",
        "هشدار مریم",
        "သတိပေး မောင်",
        "help request",
        "Alerts",
        "CORRECTION Amina",
        "BETULKAN Siti",
    ] {
        assert!(alias_problem(bad).is_some(), "{bad:?} accepted");
    }
    for good in ["Testimony", "Alerta Maria", "Amina", "Tester Ko"] {
        assert_eq!(alias_problem(good), None, "{good:?} refused");
    }
    let mut f = facts();
    f.list = Some(list(Some(Role::Member)));
    let d = run("NAME ALERT Amina", &f);
    assert!(d.effects.is_empty(), "{d:?}");
}

#[test]
fn reporter_reads_its_switch_from_the_last_word_only() {
    let cases = [
        ("REPORTER safety Amina Khan OFF", "Amina Khan", false),
        ("REPORTER safety #K7PQ off", "#K7PQ", false),
        ("REPORTER safety Bob", "Bob", true),
        ("REPORTER safety Bob ON", "Bob", true),
        ("REPORTER safety Bob remove", "Bob remove", true),
    ];
    for (text, who, on) in cases {
        assert_eq!(
            parse(text, "MY").command,
            Command::Reporter {
                list: "safety".into(),
                who: who.into(),
                on
            },
            "{text}"
        );
    }
}

#[test]
fn drills_never_use_up_what_a_real_alert_needs() {
    let mut f = alert_facts(Role::Owner, false);
    if let Some(l) = f.list.as_mut() {
        l.all_alerts_last_hour = 6;
        l.alerts_last_hour = 0;
    }
    // Six drills this hour: another drill waits, a real alert goes.
    let d = run("ALERT housing TEST: drill", &f);
    assert!(d.effects.is_empty());
    assert!(only_reply(&d).contains("6 alerts this hour"));
    let d = run("ALERT housing Soldiers at the camp gate", &f);
    assert!(matches!(d.effects[0], Effect::Alert { test: false, .. }));
    // A drill is marked in its effect (its own lane) and in the sender's answer.
    if let Some(l) = f.list.as_mut() {
        l.all_alerts_last_hour = 0;
    }
    let d = run("ALERT housing Test! drill", &f);
    assert!(matches!(d.effects[0], Effect::Alert { test: true, .. }));
    assert_eq!(alert_text(&d), Some("[housing] TEST ALERT Amina: drill"));
    assert!(only_reply(&d).starts_with("TEST alert sent to 11 members of housing"));
}

#[test]
fn a_correction_comes_from_the_alerts_sender_or_an_admin_and_reaches_its_recipients() {
    let correcting = |role: Role, author: i64| {
        let mut f = alert_facts(role, role == Role::Member);
        f.alert = Some(AlertFacts {
            id: 12,
            author_id: author,
            reach: None,
            held: None,
            late: false,
            author: None,
            author_may_alert: false,
        });
        f
    };
    // The sender of the alert (a reporter, a plain member now) and an admin may correct it.
    for f in [correcting(Role::Member, 7), correcting(Role::Admin, 99)] {
        let d = run("CORRECT a12 The checkpoint is at the other bridge", &f);
        assert!(
            matches!(&d.effects[0], Effect::Correct { alert_id: 12, text, expire_minutes: 30, .. }
                if text == "[housing] CORRECTION Amina: The checkpoint is at the other bridge"),
            "{d:?}"
        );
        assert!(d.answer_first);
        assert!(only_reply(&d).starts_with("Correction to A12 sent to everyone it reached"));
    }
    // A reporter whose role was taken back cannot correct (nor follow) their old alerts.
    let mut demoted = correcting(Role::Member, 7);
    if let Some(l) = demoted.list.as_mut() {
        l.sender_reporter = false;
    }
    // Someone else's alert, no such alert, or no text: nothing is sent, and the code tells nothing.
    for (f, text) in [
        (demoted, "CORRECT A12 ignore the owner"),
        (correcting(Role::Member, 99), "CORRECT A12 all clear"),
        (alert_facts(Role::Owner, false), "CORRECT A12 all clear"),
        (alert_facts(Role::Owner, false), "CORRECT P12 all clear"),
    ] {
        let d = run(text, &f);
        assert!(d.effects.is_empty(), "{text}");
        assert!(only_reply(&d).starts_with("There is no alert"), "{text}");
    }
    // A reporter's corrections are limited; the owner's and admins' never are (a rogue reporter
    // cannot use up the hour's corrections before the owner's).
    let mut limited = correcting(Role::Member, 7);
    if let Some(l) = limited.list.as_mut() {
        l.corrections_last_hour = 6;
    }
    let d = run("CORRECT A12 again", &limited);
    assert!(d.effects.is_empty());
    assert!(only_reply(&d).contains("6 alerts this hour"));
    let mut owner = correcting(Role::Owner, 99);
    if let Some(l) = owner.list.as_mut() {
        l.corrections_last_hour = 6;
    }
    assert!(matches!(
        run("CORRECT A12 the real news", &owner).effects[0],
        Effect::Correct { .. }
    ));
    let d = run("CORRECT A12", &correcting(Role::Owner, 7));
    assert!(d.effects.is_empty());
    assert_eq!(
        only_reply(&d),
        "Write the correction after the code: CORRECT A12 your message"
    );
}

#[test]
fn status_tells_the_alerts_sender_and_admins_how_far_it_got() {
    let reach = AlertReach {
        total: 120,
        delivered: 118,
        failed: 2,
        expired: 0,
        waiting: 0,
        minutes: 3,
    };
    let mut f = alert_facts(Role::Member, true);
    f.alert = Some(AlertFacts {
        id: 12,
        author_id: 7,
        reach: Some(reach),
        held: None,
        late: false,
        author: None,
        author_may_alert: false,
    });
    let d = run("STATUS a12", &f);
    assert!(d.effects.is_empty());
    assert_eq!(
        only_reply(&d),
        "Alert A12: 118 of 120 delivered, 2 failed, 0 expired, 0 on the way, 3 min after it was sent."
    );
    // A member who did not send it learns nothing, not even that it exists.
    if let Some(a) = f.alert.as_mut() {
        a.author_id = 99;
    }
    assert_eq!(
        only_reply(&run("STATUS A12", &f)),
        "There is no alert A12 of yours."
    );
    f.alert = None;
    assert_eq!(
        only_reply(&run("STATUS A999", &f)),
        "There is no alert A999 of yours."
    );
}

#[test]
fn an_alerts_answer_with_its_code_is_never_dropped_by_the_reply_limit() {
    let mut f = alert_facts(Role::Owner, false);
    f.usage.replies_last_minute = 1_000;
    let d = run("ALERT housing Raid at the market", &f);
    assert!(alert_text(&d).is_some());
    assert!(only_reply(&d).starts_with("Alert A12 sent to 11 members"));
    // Other answers still are.
    assert!(run("LISTS", &f).replies.is_empty());
}

/// Facts of a list whose alerts wait for a second admin's OK, the sender being `role`, with the
/// owner (id 1) and an admin (id 2) besides the sender.
fn confirm_facts(role: Role) -> Facts {
    let mut f = alert_facts(role, role == Role::Member);
    if let Some(l) = f.list.as_mut() {
        l.alert_confirm = true;
        l.admins = vec![
            target(1, "Owner", Role::Owner),
            target(2, "Ayesha", Role::Admin),
        ];
    }
    f
}

#[test]
fn under_the_two_person_rule_an_alert_waits_and_the_others_get_it_with_its_code() {
    for (role, reporter) in [
        (Role::Owner, false),
        (Role::Admin, false),
        (Role::Member, true),
    ] {
        let mut f = confirm_facts(role);
        if let Some(l) = f.list.as_mut() {
            l.sender_reporter = reporter;
        }
        // The sender is one of the managers: never asked to confirm their own alert.
        if role != Role::Member {
            f.sender.id = 2;
        }
        let d = run("ALERT housing Raid at the market", &f);
        assert!(
            matches!(&d.effects[0], Effect::Alert { hold: true, test: false, text, .. }
                if text == "[housing] ALERT Amina: Raid at the market"),
            "{d:?}"
        );
        assert!(d.answer_first);
        assert!(d.replies[0].to == To::Sender);
        assert!(
            d.replies[0]
                .text
                .starts_with("Alert A12 to housing waits for the OK"),
            "{}",
            d.replies[0].text
        );
        let asked: Vec<&Outgoing> = d.replies[1..].iter().collect();
        let expected: Vec<To> = [1, 2]
            .into_iter()
            .filter(|id| *id != f.sender.id)
            .map(To::Member)
            .collect();
        assert_eq!(
            asked.iter().map(|o| o.to.clone()).collect::<Vec<_>>(),
            expected
        );
        for o in asked {
            assert_eq!(
                o.text,
                "Alert A12 to housing waits for your OK (OK A12 sends it): [housing] ALERT Amina: Raid at the market"
            );
        }
    }
    // With nobody else to confirm, nothing is kept and the sender is told what to do.
    let mut alone = confirm_facts(Role::Owner);
    alone.sender.id = 1;
    if let Some(l) = alone.list.as_mut() {
        l.admins.truncate(1);
    }
    let d = run("ALERT housing Raid at the market", &alone);
    assert!(d.effects.is_empty());
    assert!(only_reply(&d).contains("there is none"), "{d:?}");
}

#[test]
fn ok_sends_a_kept_alert_when_another_admin_or_the_owner_answers_in_time() {
    let kept = |role: Role, author: i64, test: bool, late: bool| {
        let mut f = alert_facts(role, false);
        f.alert = Some(AlertFacts {
            id: 12,
            author_id: author,
            reach: None,
            held: Some(test),
            late,
            author: Some(target(author, "Hassan", Role::Member)),
            author_may_alert: true,
        });
        f
    };
    for role in [Role::Owner, Role::Admin] {
        let d = run("ok a12", &kept(role, 99, false, false));
        assert_eq!(
            d.effects[0],
            Effect::ConfirmAlert {
                alert_id: 12,
                expire_minutes: 30
            }
        );
        assert!(d.answer_first);
        assert!(d.replies[0]
            .text
            .starts_with("Alert A12 sent to 11 members of housing"));
        assert_eq!(d.replies[1].to, To::Member(99));
        assert_eq!(
            d.replies[1].text,
            "Your alert A12 was confirmed and went to 11 members of housing."
        );
    }
    // Digits of another script; a drill keeps its mark.
    let d = run("OK A١٢", &kept(Role::Admin, 99, true, false));
    assert!(matches!(
        d.effects[0],
        Effect::ConfirmAlert { alert_id: 12, .. }
    ));
    assert!(d.replies[0].text.starts_with("TEST alert sent"));
    // Its own sender cannot confirm it; too late is too late; a plain member, or an alert that is
    // not waiting, learns nothing of the code.
    let d = run("OK A12", &kept(Role::Admin, 7, false, false));
    assert!(d.effects.is_empty());
    assert!(only_reply(&d).starts_with("Another admin or the owner must send A12"));
    let d = run("OK A12", &kept(Role::Owner, 99, false, true));
    assert!(d.effects.is_empty());
    assert_eq!(
        only_reply(&d),
        "Alert A12 waited more than 30 min and was not sent."
    );
    let mut sent = kept(Role::Owner, 99, false, false);
    if let Some(a) = sent.alert.as_mut() {
        a.held = None;
    }
    for f in [
        kept(Role::Member, 99, false, false),
        sent,
        alert_facts(Role::Owner, false),
    ] {
        let d = run("OK A12", &f);
        assert!(d.effects.is_empty());
        assert_eq!(only_reply(&d), "There is no alert A12 of yours.");
    }
}

#[test]
fn ok_is_a_command_only_before_an_alerts_code() {
    for text in ["OK A12", "ok a12", "Ok A12.", "OK A٣"] {
        assert!(
            matches!(engine().parse(text).command, Command::ConfirmAlert { .. }),
            "{text}"
        );
    }
    // `ok thanks`, `OK`, `OK A12 thanks`: what they were before OK was a command.
    for text in [
        "ok thanks",
        "OK",
        "ok see you at 5",
        "OK A12 thanks",
        "OK 12",
    ] {
        assert!(
            !matches!(engine().parse(text).command, Command::ConfirmAlert { .. }),
            "{text}: {:?}",
            engine().parse(text).command
        );
    }
}

#[test]
fn only_the_owner_sets_the_two_person_rule_and_only_with_a_second_admin() {
    let mut f = confirm_facts(Role::Owner);
    f.sender.id = 1;
    if let Some(l) = f.list.as_mut() {
        l.alert_confirm = false;
    }
    for (text, on) in [
        ("ALERTS housing CONFIRM", true),
        ("alerts housing confirm.", true),
        ("ALERTS housing ON", true),
        ("ALERTS housing DIRECT", false),
        ("ALERTS housing OFF", false),
    ] {
        let d = run(text, &f);
        assert_eq!(
            d.effects[0],
            Effect::SetAlertConfirm { list_id: 3, on },
            "{text}"
        );
        assert!(only_reply(&d).starts_with(if on {
            "Each alert to housing now waits"
        } else {
            "Alerts to housing now go out at once"
        }));
    }
    // No switch: not this command (a list may be called `alerts`); never a silent change.
    for text in [
        "ALERTS housing CONFIRMM",
        "ALERTS housing",
        "alerts housing confirm now",
    ] {
        let d = run(text, &f);
        assert!(
            !d.effects
                .iter()
                .any(|e| matches!(e, Effect::SetAlertConfirm { .. })),
            "{text}"
        );
        assert!(!matches!(
            engine().parse(text).command,
            Command::AlertRule { .. }
        ));
    }
    // An admin cannot; nor can the owner turn it on alone.
    let admin = confirm_facts(Role::Admin);
    let d = run("ALERTS housing DIRECT", &admin);
    assert!(d.effects.is_empty());
    assert_eq!(only_reply(&d), "Only the owner of housing can do that.");
    if let Some(l) = f.list.as_mut() {
        l.admins.truncate(1);
    }
    let d = run("ALERTS housing CONFIRM", &f);
    assert!(d.effects.is_empty());
    assert!(only_reply(&d).starts_with("Name a second admin of housing first"));
    // Turning it off needs nobody else.
    assert!(!run("ALERTS housing DIRECT", &f).effects.is_empty());
}

/// Facts of a member (role) of `housing` who got check-in C5, with the owner (1) and an admin (2).
fn checkin_facts(role: Role, answer: Option<bool>, help_id: Option<i64>) -> Facts {
    let mut f = alert_facts(role, false);
    if let Some(l) = f.list.as_mut() {
        l.admins = vec![
            target(1, "Owner", Role::Owner),
            target(2, "Ayesha", Role::Admin),
        ];
    }
    f.checkin = Some(CheckinFacts {
        id: 5,
        answer,
        help_id,
        help_messages_last_hour: 0,
        tally: Some(CheckinTally {
            safe: 85,
            help: 4,
            silent: 31,
        }),
    });
    f
}

#[test]
fn a_check_in_goes_to_every_member_in_each_language_from_the_owner_or_an_admin() {
    for role in [Role::Owner, Role::Admin] {
        let d = run(
            "CHECK housing Are you safe after the raid?",
            &alert_facts(role, false),
        );
        let Some(Effect::CheckIn { list_id: 3, texts }) = d.effects.first() else {
            panic!("{d:?}");
        };
        // The deployment's language first (members who chose none), then every language.
        assert_eq!(texts.len(), Lang::ALL.len() + 1);
        assert_eq!(
            texts[0].1,
            "[housing] Amina: Are you safe after the raid?\nReply 1 if you are safe, 2 if you need help."
        );
        for (lang, text) in texts {
            assert!(text.starts_with("[housing] Amina: Are you safe after the raid?\n"));
            assert!(
                text.ends_with(&smsup_lang::render(*lang, "checkin-how", &[])),
                "{lang:?}: {text}"
            );
        }
        assert_eq!(
            only_reply(&d),
            "Check-in C12 sent to 11 members of housing. Answers for 24 hours: RESULTS C12"
        );
    }
    let d = run(
        "CHECK housing Are you safe?",
        &alert_facts(Role::Member, true),
    );
    assert!(d.effects.is_empty());
    assert_eq!(
        only_reply(&d),
        "Only the owner and admins of housing can send a check-in."
    );
    let d = run("CHECK housing", &alert_facts(Role::Owner, false));
    assert!(d.effects.is_empty());
    let d = run("CHECK housing \u{200B} ", &alert_facts(Role::Owner, false));
    assert!(d.effects.is_empty());
    assert!(only_reply(&d).starts_with("Write the question after the list name"));
    // Check-ins count with all the hour's alerts (never against a real alert's).
    let mut f = alert_facts(Role::Owner, false);
    if let Some(l) = f.list.as_mut() {
        l.all_alerts_last_hour = 6;
    }
    let d = run("CHECK housing Are you safe?", &f);
    assert!(d.effects.is_empty());
    assert!(only_reply(&d).contains("6 alerts and check-ins this hour"));
}

#[test]
fn one_and_two_answer_the_latest_check_in_and_a_two_asks_the_admins_for_help() {
    for text in ["1", "1.", "١", "၁", "௧", "۱ thanks"] {
        let d = run(text, &checkin_facts(Role::Member, None, None));
        assert_eq!(
            d.effects,
            vec![Effect::CheckAnswer {
                checkin_id: 5,
                safe: true,
                help_id: None
            }],
            "{text}"
        );
        assert_eq!(
            only_reply(&d),
            "Thank you: you are counted as safe in housing."
        );
    }
    let d = run(
        "2 soldiers at the door",
        &checkin_facts(Role::Member, Some(true), None),
    );
    assert_eq!(
        d.effects[0],
        Effect::CheckAnswer {
            checkin_id: 5,
            safe: false,
            help_id: Some(40)
        }
    );
    assert!(
        matches!(&d.effects[1], Effect::HelpRequest { id: 40, new: true, body, .. } if body == "soldiers at the door")
    );
    // The admins hear of it before anything else; the member's own answer is an ordinary reply.
    assert!(d.notices_first && !d.answer_first);
    assert_eq!(d.replies[0].to, To::Sender);
    assert!(d.replies[0]
        .text
        .starts_with("Your message went to the organisers of housing"));
    for (i, admin) in [1, 2].into_iter().enumerate() {
        let o = &d.replies[i + 1];
        assert_eq!(o.to, To::Member(admin));
        assert!(
            o.text.starts_with("Help request H40 to housing"),
            "{}",
            o.text
        );
        assert!(
            o.text
                .ends_with(": Amina answered 2 (needs help) to check-in C5. soldiers at the door"),
            "{}",
            o.text
        );
        assert!(!o.text.contains("123456"), "{}", o.text);
    }
    // A 2 again keeps the same request open; no words: the code says what it is.
    let d = run("٢", &checkin_facts(Role::Member, Some(false), Some(31)));
    assert!(
        matches!(&d.effects[1], Effect::HelpRequest { id: 31, new: false, body, .. } if body == "C5 2")
    );
    // ... as often an hour as someone outside the list may write: no flood of the admins.
    let mut flood = checkin_facts(Role::Member, Some(false), Some(31));
    if let Some(c) = flood.checkin.as_mut() {
        c.help_messages_last_hour = 5;
    }
    let d = run("2", &flood);
    assert!(d.effects.is_empty());
    assert!(d.replies.iter().all(|o| o.to == To::Sender), "{d:?}");
    // No check-in to answer: a 1 is what it was before check-ins.
    let none = alert_facts(Role::Member, false);
    let d = run("1", &none);
    assert_eq!(d, run_parsed(&Command::Word("1".into()), &none));
    assert!(!d
        .effects
        .iter()
        .any(|e| matches!(e, Effect::CheckAnswer { .. })));
}

fn run_parsed(command: &Command, facts: &Facts) -> Decision {
    let parsed = Parsed {
        command: command.clone(),
        keyword_lang: None,
    };
    engine().decide("1", &parsed, facts)
}

#[test]
fn results_count_the_answers_for_the_owner_and_admins_only() {
    for role in [Role::Owner, Role::Admin] {
        let d = run("RESULTS c5", &checkin_facts(role, None, None));
        assert_eq!(only_reply(&d), "C5: 85 safe, 4 need help, 31 no answer.");
    }
    let d = run("RESULTS C5", &checkin_facts(Role::Member, None, None));
    assert_eq!(only_reply(&d), "There is no check-in C5 in your lists.");
    let d = run("RESULTS C5", &alert_facts(Role::Owner, false));
    assert_eq!(only_reply(&d), "There is no check-in C5 in your lists.");
}

#[test]
fn an_admin_cannot_get_round_the_two_person_rule_with_a_second_number() {
    // Under CONFIRM, only the owner makes reporters (an admin's own second SIM could not be one).
    let mut f = confirm_facts(Role::Admin);
    f.targets = vec![target(9, "Second", Role::Member)];
    let d = run("REPORTER housing Second", &f);
    assert!(d.effects.is_empty());
    assert_eq!(only_reply(&d), "Only the owner of housing can do that.");
    // Taking the role back stays open to admins; and without the rule admins make reporters.
    assert!(!run("REPORTER housing Second OFF", &f).effects.is_empty());
    if let Some(l) = f.list.as_mut() {
        l.alert_confirm = false;
    }
    assert!(!run("REPORTER housing Second", &f).effects.is_empty());
    // An alert whose sender may no longer send alerts (removed, banned, role taken back,
    // forgotten) cannot be confirmed: it is gone.
    let mut kept = alert_facts(Role::Owner, false);
    kept.alert = Some(AlertFacts {
        id: 12,
        author_id: 99,
        reach: None,
        held: Some(false),
        late: false,
        author: Some(target(99, "Rogue", Role::Member)),
        author_may_alert: false,
    });
    let d = run("OK A12", &kept);
    assert!(d.effects.is_empty());
    assert_eq!(only_reply(&d), "There is no alert A12 of yours.");
}

#[test]
fn a_rogue_reporters_waiting_alerts_use_up_only_their_own_hour() {
    let mut f = confirm_facts(Role::Member);
    if let Some(l) = f.list.as_mut() {
        l.sender_reporter = true;
        l.sender_held_last_hour = 6;
    }
    let d = run("ALERT housing Fake raid", &f);
    assert!(d.effects.is_empty());
    assert!(only_reply(&d).contains("6 alerts this hour"), "{d:?}");
    // The owner's real alert still goes (their count is the list's sent alerts only).
    let mut owner = confirm_facts(Role::Owner);
    owner.sender.id = 1;
    let d = run("ALERT housing Real raid", &owner);
    assert!(matches!(d.effects[0], Effect::Alert { hold: true, .. }));
}

#[test]
fn an_opt_out_still_opts_out_whatever_is_open() {
    // With a check-in open, `1 stop` and `2 please stop sending me messages` opt out.
    for text in ["1 stop", "2 please stop sending me messages", "2 berhenti"] {
        let d = run(text, &checkin_facts(Role::Member, None, None));
        assert_eq!(d.effects, vec![Effect::OptOut], "{text}: {d:?}");
    }
    // A stop word after ALERTS and a list is no switch: the text opts out.
    for text in [
        "ALERTS safety STOP",
        "alerts safety unsubscribe",
        "alerts safety cancel",
    ] {
        let parsed = engine().parse(text);
        assert!(
            !matches!(parsed.command, Command::AlertRule { .. }),
            "{text}"
        );
        let d = run(text, &facts());
        assert_eq!(d.effects, vec![Effect::OptOut], "{text}: {d:?}");
    }
    // RESULTS is a command only before a check-in's code; CHECK of a list one is not in, saying
    // stop, opts out.
    assert!(!matches!(
        engine().parse("keputusan saya: berhenti").command,
        Command::Results { .. }
    ));
    let d = run("RESULTS please stop", &facts());
    assert_eq!(d.effects, vec![Effect::OptOut]);
    let d = run("CHECK please stop this", &facts());
    assert_eq!(d.effects, vec![Effect::OptOut]);
}
