//! Which language a text is in, which language a number's country reads, and the reply's language.

use smsup_lang::{choose, country_language, detect, Lang};

#[test]
fn burmese_script_is_burmese() {
    assert_eq!(detect("မင်္ဂလာပါ၊ မနက်ဖြန် အစည်းအဝေး ရှိပါသလား"), Some(Lang::My));
    // A Latin list name in front does not hide it.
    assert_eq!(detect("healthcare မနက်ဖြန် ဆေးခန်း ဖွင့်ပါသလား"), Some(Lang::My));
    assert_eq!(detect("ဝင် healthcare"), Some(Lang::My));
}

#[test]
fn farsi_and_dari_are_told_from_arabic_and_urdu() {
    for text in [
        "سلام، فردا جلسه ساعت ده است. لطفاً بیایید",
        "من امروز نمی‌توانم بیایم، ببخشید",
        "چطور استی؟ خوب استم، تشکر", // Dari
        "كجا است؟ من در خانه هستم",  // typed on an Arabic keyboard (ك, ي)
        "عضویت مسکن",
        "عضويت مسكن", // the Farsi JOIN keyword on an Arabic keyboard
    ] {
        assert_eq!(detect(text), Some(Lang::Fa), "{text}");
    }
}

#[test]
fn arabic_is_told_from_farsi_and_urdu() {
    for text in [
        "السلام عليكم، هل الاجتماع غداً في المدرسة؟",
        "شكرا جزيلا على المساعدة",
        "أنا لا أستطيع الحضور اليوم",
        "انضم سكن",
        "مساعدة",
    ] {
        assert_eq!(detect(text), Some(Lang::Ar), "{text}");
    }
}

#[test]
fn urdu_is_told_from_farsi_and_arabic() {
    for text in [
        "میں کل نہیں آ سکتا، معذرت",
        "آپ کا بہت شکریہ",
        "کیا یہ گروپ کھلا ہے؟",
        "شامل ہونا ہے",
        "مدد",
    ] {
        assert_eq!(detect(text), Some(Lang::Ur), "{text}");
    }
}

#[test]
fn arabic_script_without_telling_letters_or_words_is_undecided() {
    assert_eq!(detect("سلام"), None);
    assert_eq!(detect("محمد"), None);
    // The Persian form of kaf (ک) is a hint of Farsi or Urdu; Urdu's own letters are absent.
    assert_eq!(detect("مسکن"), Some(Lang::Fa));
}

#[test]
fn latin_text_is_named_only_when_confident() {
    assert_eq!(
        detect("Saya tidak boleh datang esok, terima kasih"),
        Some(Lang::Ms)
    );
    assert_eq!(detect("SERTAI healthcare"), Some(Lang::Ms));
    assert_eq!(
        detect("Waan ku mahadsanid walaal, berri ayaan imanayaa"),
        Some(Lang::So)
    );
    assert_eq!(detect("biir healthcare"), Some(Lang::So));
    assert_eq!(
        detect("Hello, the meeting is tomorrow at 10. Please come"),
        Some(Lang::En)
    );
    // Too little to tell: a keyword that works everywhere, a name, a greeting.
    assert_eq!(detect("JOIN healthcare"), None);
    assert_eq!(detect("healthcare"), None);
    assert_eq!(detect("ok"), None);
    assert_eq!(detect("hello"), None);
    // Numbers, punctuation and emoji say nothing.
    assert_eq!(detect("123 456 !! 👍"), None);
    assert_eq!(detect(""), None);
}

#[test]
fn country_languages() {
    let cases = [
        ("+989121234567", Some(Lang::Fa)),
        ("+93701234567", Some(Lang::Fa)),
        ("+959123456789", Some(Lang::My)),
        ("+923001234567", Some(Lang::Ur)),
        ("+252612345678", Some(Lang::So)),
        ("+60123456789", Some(Lang::Ms)),
        ("+201001234567", Some(Lang::Ar)),
        ("+962791234567", Some(Lang::Ar)),
        ("+963944123456", Some(Lang::Ar)),
        ("+9647701234567", Some(Lang::Ar)),
        ("+966501234567", Some(Lang::Ar)),
        ("+971501234567", Some(Lang::Ar)),
        ("+96171123456", Some(Lang::Ar)),
        ("+249912345678", Some(Lang::Ar)),
        ("+967712345678", Some(Lang::Ar)),
        ("+447700900123", Some(Lang::En)),
        ("+12025550123", Some(Lang::En)),
        ("+8613800138000", None),          // China
        ("+33612345678", None),            // France
        ("+۹۸۹۱۲۱۲۳۴۵۶۷", Some(Lang::Fa)), // Persian digits
        ("", None),
        ("+", None),
        ("not a number", None),
    ];
    for (number, lang) in cases {
        assert_eq!(country_language(number), lang, "{number}");
    }
}

#[test]
fn choice_order_is_preference_then_text_then_country_then_default() {
    // The member's own choice wins over everything.
    assert_eq!(
        choose(
            Some(Lang::So),
            Some("عضویت مسکن"),
            "+989121234567",
            Lang::En
        ),
        Lang::So
    );
    // Then the text's language, even from a Malaysian number.
    assert_eq!(
        choose(None, Some("عضویت مسکن"), "+60123456789", Lang::Ms),
        Lang::Fa
    );
    assert_eq!(
        choose(None, Some("ဝင် healthcare"), "+60123456789", Lang::En),
        Lang::My
    );
    // Then the country, when the text does not tell.
    assert_eq!(
        choose(None, Some("JOIN healthcare"), "+959123456789", Lang::En),
        Lang::My
    );
    assert_eq!(
        choose(None, Some("JOIN healthcare"), "+93701234567", Lang::En),
        Lang::Fa
    );
    assert_eq!(choose(None, None, "+252612345678", Lang::En), Lang::So);
    // Then the default.
    assert_eq!(
        choose(None, Some("JOIN healthcare"), "+8613800138000", Lang::Ms),
        Lang::Ms
    );
    assert_eq!(choose(None, None, "+33612345678", Lang::En), Lang::En);
}

#[test]
fn farsi_and_arabic_sentences_without_telling_letters() {
    // Neither has a letter only one language writes; the words and the letter patterns tell.
    for (text, lang) in [
        ("الاجتماع غدا في المسجد", Lang::Ar),
        ("عمل في المطعم", Lang::Ar),
        ("کار در رستوران", Lang::Fa),
        ("اتاق خالی در چوکیت موجود است", Lang::Fa),
        ("خانه برای اجاره در کوالالامپور", Lang::Fa),
        ("مراقب باشید پلیس در خیابان است", Lang::Fa),
    ] {
        assert_eq!(
            choose(None, Some(text), "+447911000001", Lang::En),
            lang,
            "{text}"
        );
    }
}

#[test]
fn undecided_arabic_script_keeps_an_arabic_script_reply() {
    // Country in the family decides between Farsi, Arabic and Urdu...
    assert_eq!(
        choose(None, Some("سلام"), "+93701234567", Lang::Ms),
        Lang::Fa
    );
    assert_eq!(
        choose(None, Some("سلام"), "+923001234567", Lang::Ms),
        Lang::Ur
    );
    // ...else the default if it is one of them...
    assert_eq!(
        choose(None, Some("سلام"), "+60123456789", Lang::Fa),
        Lang::Fa
    );
    // ...never Malay or English for a text in Arabic script.
    assert_eq!(
        choose(None, Some("سلام"), "+60123456789", Lang::Ms),
        Lang::Ar
    );
}

#[test]
fn language_choices_by_code_and_by_name() {
    for (typed, lang) in [
        ("fa", Lang::Fa),
        ("FA", Lang::Fa),
        ("prs", Lang::Fa),
        ("dari", Lang::Fa),
        ("فارسی", Lang::Fa),
        ("فارسي", Lang::Fa),
        ("دری", Lang::Fa),
        ("عربي", Lang::Ar),
        ("العربية", Lang::Ar),
        ("اردو", Lang::Ur),
        ("မြန်မာ", Lang::My),
        ("Melayu", Lang::Ms),
        ("soomaali", Lang::So),
        ("English", Lang::En),
    ] {
        assert_eq!(Lang::from_choice(typed), Some(lang), "{typed}");
    }
    assert_eq!(Lang::from_choice("klingon"), None);
    for lang in Lang::ALL {
        assert_eq!(Lang::from_choice(lang.code()), Some(lang));
        assert_eq!(Lang::from_choice(lang.native_name()), Some(lang));
    }
}

#[test]
fn hakha_chin_and_rohingya_latin_text_is_detected() {
    for text in [
        "Thaizing ah rian kan tuah lai, ka lawm ngai",
        "Na dam maw? Nihin cu khua a ṭha ngai",
        "Zeidah na tuah lai? Kan bawmh khawh ahcun kan chim",
        "LUT healthcare",
    ] {
        assert_eq!(detect(text), Some(Lang::Cnh), "{text}");
    }
    for text in [
        "Aññí aijja gor ot asé, tuñí hailla aibá né?",
        // The same typed without accents, as on most phones.
        "Ani aijja gor ot asi, tuni hailla aiba ne?",
        "Tuáñre cúkuria, aññí gom así",
        "JUAIN healthcare",
    ] {
        assert_eq!(detect(text), Some(Lang::Rhg), "{text}");
    }
}

/// Laiholh writes many short words that English and Malay write too (a, ka, na, ah, le, hi, mi):
/// they alone must not make a text Chin, nor English words like "but" or "fan" make it Rohingya.
#[test]
fn short_words_shared_with_english_and_malay_do_not_make_chin_or_rohingya() {
    for (text, lang) in [
        ("Hi, I will be late, ah sorry", Some(Lang::En)),
        ("Hi Amina, is the meeting at the school?", Some(Lang::En)),
        ("I am a big fan but I cannot come", Some(Lang::En)),
        ("Saya nak pergi kerja ka? Tak tahu la", Some(Lang::Ms)),
        ("Ok le, jumpa esok di rumah", Some(Lang::Ms)),
        ("Mi goreng satu ah, ka nasi lemak?", None),
        ("hi mi ka na le ah a", None),
        ("Hong Kong", None),
    ] {
        let found = detect(text);
        if lang.is_some() {
            assert_eq!(found, lang, "{text}");
        }
        assert_ne!(found, Some(Lang::Cnh), "{text}");
        assert_ne!(found, Some(Lang::Rhg), "{text}");
    }
    assert_eq!(
        detect("Waan ku mahadsanid walaal, ka warran maanta?"),
        Some(Lang::So)
    );
}

#[test]
fn chin_and_rohingya_language_choices() {
    for (typed, lang) in [
        ("chin", Lang::Cnh),
        ("Chin", Lang::Cnh),
        ("hakha", Lang::Cnh),
        ("Laiholh", Lang::Cnh),
        ("lai", Lang::Cnh),
        ("cnh", Lang::Cnh),
        ("rohingya", Lang::Rhg),
        ("ROHINGYA", Lang::Rhg),
        ("Ruáingga", Lang::Rhg),
        ("ruaingga", Lang::Rhg),
        ("rhg", Lang::Rhg),
    ] {
        assert_eq!(Lang::from_choice(typed), Some(lang), "LANG {typed}");
    }
}

#[test]
fn tamil_script_is_tamil() {
    assert_eq!(
        detect("நாளை காலை 10 மணிக்கு கூட்டம். தயவுசெய்து வாருங்கள்"),
        Some(Lang::Ta)
    );
    // A Latin list name in front does not hide it.
    assert_eq!(detect("healthcare நாளை மருத்துவ முகாம் உள்ளது"), Some(Lang::Ta));
    assert_eq!(detect("சேர் healthcare"), Some(Lang::Ta));
    // A Tamil command word in Latin letters.
    assert_eq!(detect("udhavi"), Some(Lang::Ta));
    // From a Malaysian or Pakistani number too: the script decides.
    assert_eq!(
        choose(None, Some("விலகு healthcare"), "+60123456789", Lang::Ms),
        Lang::Ta
    );
}

#[test]
fn pashto_is_told_from_farsi_urdu_and_arabic() {
    for text in [
        "سلام، سبا غونډه په لسو بجو ده. مهرباني وکړئ راشئ",
        "ستاسو ډېره مننه، زه به درشم",
        // Typed on a Persian keyboard, without Pashto's own letters: the words tell.
        "زه نن کور ته نه یم",
        "زما نوم احمد دی",
        "تاسو چیرته یاست؟",
        "ګډون healthcare",
        "گډون healthcare",
        "ودروه",
    ] {
        assert_eq!(detect(text), Some(Lang::Ps), "{text}");
        // Not Farsi from an Afghan number, not Urdu from a Pakistani one.
        assert_eq!(
            choose(None, Some(text), "+93701234567", Lang::Fa),
            Lang::Ps,
            "{text}"
        );
        assert_eq!(
            choose(None, Some(text), "+923001234567", Lang::Ur),
            Lang::Ps,
            "{text}"
        );
    }
    // Words Farsi writes like Pashto ones (ولی "but", ده "ten") do not make Farsi Pashto.
    for text in ["من می‌خواهم بیایم ولی نمی‌توانم", "ولی چرا؟", "او کجا است؟"]
    {
        assert_eq!(detect(text), Some(Lang::Fa), "{text}");
    }
    assert_ne!(detect("ساعت ده"), Some(Lang::Ps));
    assert_eq!(detect("آپ کو دعوت دی گئی ہے"), Some(Lang::Ur));
}

#[test]
fn tamil_and_pashto_language_choices() {
    for (typed, lang) in [
        ("tamil", Lang::Ta),
        ("TAMIL", Lang::Ta),
        ("ta", Lang::Ta),
        ("tam", Lang::Ta),
        ("தமிழ்", Lang::Ta),
        ("pashto", Lang::Ps),
        ("Pashto", Lang::Ps),
        ("pushto", Lang::Ps),
        ("pakhto", Lang::Ps),
        ("ps", Lang::Ps),
        ("pus", Lang::Ps),
        ("پښتو", Lang::Ps),
    ] {
        assert_eq!(Lang::from_choice(typed), Some(lang), "LANG {typed}");
    }
}
