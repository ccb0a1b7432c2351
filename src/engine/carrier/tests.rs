//! The carrier rules, table-driven: texts the Malaysian networks would block, and ordinary texts
//! (times, prices, dates, house numbers, amounts) that must pass.

use super::*;

fn my() -> CarrierRules {
    CarrierRules {
        rules: Some(RuleSet::My),
        allowed_domains: vec!["unhcr.org".into()],
    }
}

/// Texts with a phone number, in every format people type one.
const PHONES: &[&str] = &[
    "call me on 012-345 6789",
    "Call 0123456789 for a room",
    "whatsapp 012 345 6789",
    "+60 12-345 6789 ask for Ali",
    "+60123456789",
    "60123456789 ada bilik",
    "tel (03) 2141 1234",
    "Tel: 03-2141 1234",
    "hubungi 019.876.5432",
    "012 - 345 - 6789 call after 6pm",
    "0112345 6789",
    "011-2345 6789 (Maung)",
    "ph 03 7956 1234 ext 2",
    "+95 9 123 456 789 my brother in Yangon",
    "+95912345678",
    "(+60) 12 345 6789",
    "call ٠١٢٣٤٥٦٧٨٩ now",
    "ဖုန်း ၀၁၂၃၄၅၆၇၈၉ ကိုဆက်ပါ",
    "شماره ۰۱۲۳۴۵۶۷۸۹ زنگ بزنید",
    "call ０１２３４５６７８９",
    "call 012\u{200B}345\u{200B}6789",
    "call 012\u{00AD}3456789",
    "hotline 1300 88 1234",
    "1800-22-5757 free call",
    "1300881234",
    "082-123456 Kuching office",
    "nombor saya 0198765432",
    "Ali 016–234 5678",
    "Ali 016—234 5678",
    "call 01234567890123",
    "95912345678 Myanmar number",
    "ring 0 1 2 3 4 5 6 7 8 9",
    "reach me at +44 7911 123456",
    "+880 1712 345678 Dhaka",
    "0123456789.",
    "(012)3456789",
    "Room 5, call 017 234 5678 tonight",
    "tel.0123456789",
    "no:0123456789",
    "kontak +6012.345.6789",
    "call me 012 3456 789 please",
    "sms 013-9876543",
    "call 012/345 6789",
    "call 012\n345\n6789",
    "call 012\u{00A0}345\u{00A0}6789",
    // Found by an adversarial pass: other separators, emoji and marks between digits, other
    // scripts' digits, the mobile number without its 0, dashes that smart encoding would restore.
    "call 012\u{2043}345\u{2043}6789",
    "012,345,6789",
    "012:345:6789",
    "012_345_6789",
    "012*345*6789",
    "012#345#6789",
    "012\r\n3456789",
    "012\u{2028}3456789",
    "0😀1😀2😀3😀4😀5😀6😀7😀8😀9",
    "012🙂3456🙂789",
    "0\u{20E3}1\u{20E3}2\u{20E3}3\u{20E3}4\u{20E3}5\u{20E3}6\u{20E3}7\u{20E3}8\u{20E3}9\u{20E3}",
    "0\u{0301}1\u{0301}2\u{0301}3456789",
    "12-345 6789",
    "12 3456789",
    "123456789",
    "call ๐๑๒๓๔๕๖๗๘๙",
    "call \u{10D30}\u{10D31}\u{10D32}\u{10D33}\u{10D34}\u{10D35}\u{10D36}\u{10D37}\u{10D38}\u{10D39}",
];

/// Texts with a link.
const LINKS: &[&str] = &[
    "see https://example.com/form",
    "http://clinic.example.org",
    "HTTPS://EXAMPLE.COM",
    "hxxp://bad.example",
    "www.klinik-percuma.my",
    "WWW.EXAMPLE.COM",
    "bit.ly/3abcDE",
    "Form at bit.ly/help",
    "tinyurl.com/yx7 apply",
    "wa.me/60123456789",
    "join t.me/ourgroup",
    "example.com",
    "register at jobs.example.com today",
    "shop at cheap.xyz",
    "info at klinik.gov.my",
    "www.moh.gov.my",
    "visit refugee.org.my",
    "apply: form.example.io/x",
    "goo.gl/maps/abc",
    "mail ali@gmail.com",
    "example[.]com",
    "example(dot)com",
    "example.com/apply",
    "ＥＸＡＭＰＬＥ．ＣＯＭ",
    "e\u{200B}xample.com",
    "look at news.bbc.co.uk",
    "go to page.online/x",
    "see my.site/x",
    "cutt.ly/abc",
    "rb.gy/xyz",
    "s.id/abc",
    "linktr.ee/ngo",
    "example.net",
    "sites.google.com/view/ngo",
    "drive.google.com/file",
    "klinik.com.my",
    "ngo.org.my",
    "http://10.0.0.1/x",
    "https://unhcr.org.evil.com/x",
    "forms.gle/abc is not allowed but example.info is",
    // A missing space after a full stop reads as a domain: refused with the reason, which the
    // sender fixes (a link that reaches the networks reaches nobody).
    "Come early.Shop opens at 9",
    "See you tomorrow.my friend will come",
    "go.to the office",
    // Found by an adversarial pass: bare .my and other endings, IP addresses, punycode, look-alike
    // letters in the ending.
    "shop.my",
    "mysejahtera.my",
    "Shop.MY",
    "shop.ｍｙ",
    "shop。my",
    "shop.top",
    "shop.app",
    "shop.to",
    "discord.gg/abc",
    "login.bank",
    "1.2.3.4",
    "192.168.1.1:8080",
    "10.0.0.1/login",
    "shop.xn--p1ai",
    "example.соm",
    "ali@shop.my",
];

/// Texts that ask for personal information.
const PERSONAL: &[&str] = &[
    "send your IC number to register",
    "bring your passport number",
    "hantar nombor IC anda",
    "nombor kad pengenalan diperlukan",
    "what is your passport no",
    "Sila beri nombor pasport",
    "give me your PIN",
    "send the TAC code",
    "reply with the OTP",
    "your password please",
    "kata laluan anda",
    "bank account number for the payment",
    "nombor akaun bank",
    "card number and CVV",
    "your pin number",
    "kod pin",
    "verification code from the bank",
    "MyKad number needed",
    "no. IC",
    "passport numbers of everyone",
    // Found by an adversarial pass.
    "send me your otp",
    "send me your Pin",
    "hantar otp",
    "send your mykad",
    "whats ur NRIC",
    "send acc no",
    "send a/c no",
    "send card no",
    "send IBAN",
    "send ATM pin",
    "what is your e-wallet pin",
    "pls share ur otp",
    "p@ssword",
    "send pаssword",
];

/// Ordinary texts that must pass: times, prices, dates, house numbers, amounts, counts.
const ORDINARY: &[&str] = &[
    "Meeting at 10.30am at the centre",
    "Clinic open 8.00am-5.00pm",
    "Rent RM300 a month",
    "RM 1,500 per month, deposit RM3.50",
    "RM1500",
    "Meet on 01.05.2024 10.30",
    "Date: 2024-05-01 0900",
    "12/05/2024 at 3pm",
    "1/5/2024",
    "Jalan 3/4, No. 12",
    "No.5 Jln.Pudu",
    "Lot 1203, Block 5, Taman Maju",
    "Room 101 202 303 free",
    "bus 750 751 752 772 all late",
    "Cases: 100 200 300 400",
    "Years 1998 1999 2000",
    "Police check at Pudu station, avoid the area tonight",
    "Raid at Sri Petaling 9pm. Stay inside.",
    "Free rice 10kg at the mosque, 2pm",
    "e.g. bring a bag",
    "i.e. tomorrow",
    "Class 3.30pm - 5.30pm",
    "It is raining.so stay in",
    "Good news.news later",
    "Bring your passport and UNHCR card",
    "Bring your IC if you have one",
    "Pinned the notice to the door",
    "I will pin the paper",
    "Wifi is free, no login needed",
    "Mr.Tan will come",
    "Sdn.Bhd. company hiring",
    "Jobs: cleaning, RM 60 per day",
    "10-12 people needed",
    "Age 18-45",
    "Tel. the office tomorrow",
    "Call the office tomorrow",
    "Room 5 level 2",
    "3 rooms, 2 toilets, RM800",
    "12.5kg rice",
    "Temperature 35.5 today",
    "Queue number 123456",
    "Case 2024/12345",
    "Flight MH370",
    "Route 10 20",
    "ID card renewal on Monday",
    "Meeting 12.30-1.30",
    "Shift 7-3",
    "Score 3-2",
    "Sale 50%",
    "1,000 people",
    "1.000.000 kyat",
    "100 000 people",
    "Open 24/7",
    "2024",
    "In 2 days",
    "Address: 12-3, Jalan 1/2, 56000 KL",
    "Postcode 56000",
    "56000 Kuala Lumpur",
    "Level 3A-5",
    "ဒီနေ့ ညနေ ၅ နာရီ အစည်းအဝေး",
    "امروز ساعت ۵ جلسه داریم",
    "اليوم الساعة ٥ اجتماع",
    "Shirikad waxay furan tahay 8 ilaa 5",
    "آج شام ۵ بجے میٹنگ ہے",
    "Mesyuarat jam 5 petang di dewan",
    "Harga RM 2.50 sebungkus",
    "Bilik sewa RM350 sebulan, dekat LRT",
    "Tarikh 01-05-2024",
    "Tarikh 1-5-24",
    "Masa 10.30 pagi",
    "Come at 10:30",
    "10:30-11:30",
    "dial tone",
    "stop at km 12.5",
    "Version 1.2.3",
    "Gate B2",
    "Size 10.5",
    "U.S.A. news",
    "A.M. meeting",
    "www",
    "http is a word here",
    "it is at.the back",
    "Clinic at unhcr.org",
    "Apply at www.unhcr.org/my",
    "https://help.unhcr.org/malaysia",
    "Donate at unhcr.org",
    "PINK shirts",
    "Opinion please",
    "otp-out of class",
    "Meeting moved to 7.45pm",
    "Budget RM 12,000.00 approved",
    "Shelter has 45 beds, 12 free",
    "Bring 2 photos 3x4",
    "Office hours 9-5, Mon-Fri",
    "Kedai buka 24 jam",
    "Food bank at Block C-12-3",
    "Lorong 5/1A",
    "3 km from KL Sentral",
    "Children 6-12 years free",
    "Pay RM50 by 15.12",
    "Fee 30.00",
    "Call the clinic for an appointment",
    "Ask Ali at the office",
    "Sri Petaling 8pm check",
    "01/05/2024 0900 at the office",
    // Found by an adversarial pass: decimals, times and prices in a row.
    "0.5 1.0 1.5 2.0 2.5 ml",
    "RM 0.50 1.00 1.50 2.00",
    "08.30 09.30 10.30",
    "0800 1200 1600",
    "0700-0900 1200-1400",
    "Cases: 100 200 300",
    "1,200,000 people",
    "Jalan 3/4 and Jalan 5/6",
    "Meeting 12/05/2024\n10.30am",
];

#[test]
fn every_phone_number_format_is_caught() {
    let rules = my();
    for text in PHONES {
        assert_eq!(rules.check(text), Some(Blocked::PhoneNumber), "{text}");
    }
}

#[test]
fn every_link_is_caught_unless_its_domain_is_allowed() {
    let rules = my();
    for text in LINKS {
        assert_eq!(rules.check(text), Some(Blocked::Link), "{text}");
    }
}

#[test]
fn requests_for_personal_information_are_caught() {
    let rules = my();
    for text in PERSONAL {
        assert_eq!(rules.check(text), Some(Blocked::PersonalInfo), "{text}");
    }
}

#[test]
fn ordinary_texts_pass() {
    let rules = my();
    for text in ORDINARY {
        assert_eq!(rules.check(text), None, "{text}");
    }
}

#[test]
fn the_table_is_large_and_off_means_off() {
    let total = PHONES.len() + LINKS.len() + PERSONAL.len() + ORDINARY.len();
    assert!(total >= 200, "{total} texts");
    let off = CarrierRules::default();
    for text in PHONES.iter().chain(LINKS).chain(PERSONAL) {
        assert_eq!(off.check(text), None, "{text}");
    }
    assert_eq!(RuleSet::for_country("my"), Some(RuleSet::My));
    assert_eq!(RuleSet::for_country("SG"), None);
}

/// SMS Up's own replies go through the same networks: none may carry what they block (an example
/// number in a help text, a word like PIN). Checked on the words of every template of every
/// language, with the placeholders taken out.
#[test]
fn no_reply_of_any_language_would_be_blocked() {
    let rules = my();
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/crates/lang/locales");
    let (mut checked, mut blocked) = (0, Vec::new());
    for entry in std::fs::read_dir(root).unwrap() {
        let path = entry.unwrap().path().join("main.ftl");
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            // Words only: `{ $list }`, `{ -join }` and selectors out; `name = ` out.
            let mut words = String::new();
            let mut depth = 0;
            for c in line.split_once(" = ").map_or(line, |(_, v)| v).chars() {
                match c {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        words.push(' ');
                    }
                    _ if depth == 0 => words.push(c),
                    _ => {}
                }
            }
            let words = words.trim_start_matches(['*', '[']);
            if let Some(why) = rules.check(words) {
                blocked.push(format!("{}: {why:?}: {line}", path.display()));
            }
            checked += 1;
        }
    }
    assert!(blocked.is_empty(), "{}", blocked.join("\n"));
    assert!(checked > 300, "{checked} lines");
}
