//! Inbound webhooks and status callbacks parsed from the raw form bytes Twilio posts.

use smsup_twilio::{
    parse_form, InboundMessage, MessageStatus, OptKeyword, StatusCallback, WebhookError,
};

#[test]
fn inbound_message_from_raw_body() {
    let raw = b"ToCountry=MY&SmsMessageSid=SM2f3c1b7e9a0d4c5b8e6f7a8b9c0d1e2f&NumMedia=0&SmsSid=SM2f3c1b7e9a0d4c5b8e6f7a8b9c0d1e2f&SmsStatus=received&Body=JOIN+kl%2Dnews+%E1%80%99&FromCountry=MY&To=%2B60111111111&MessagingServiceSid=MG0123456789abcdef0123456789abcdef&NumSegments=1&MessageSid=SM2f3c1b7e9a0d4c5b8e6f7a8b9c0d1e2f&AccountSid=AC0123456789abcdef0123456789abcdef&From=%2B60123456789&ApiVersion=2010-04-01";
    let m = InboundMessage::from_params(&parse_form(raw)).unwrap();
    assert_eq!(m.message_sid, "SM2f3c1b7e9a0d4c5b8e6f7a8b9c0d1e2f");
    assert_eq!(m.from, "+60123456789");
    assert_eq!(m.to, "+60111111111");
    assert_eq!(m.body, "JOIN kl-news မ");
    assert_eq!(m.num_segments, Some(1));
    assert_eq!(m.num_media, Some(0));
    assert_eq!(
        m.messaging_service_sid.as_deref(),
        Some("MG0123456789abcdef0123456789abcdef")
    );
    assert_eq!(m.opt_keyword(), None);
}

#[test]
fn inbound_stop_and_start_are_recognised() {
    let stop =
        parse_form(b"MessageSid=SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa&From=%2B601&Body=+Stop%0A");
    assert_eq!(
        InboundMessage::from_params(&stop).unwrap().opt_keyword(),
        Some(OptKeyword::OptOut)
    );
    // Advanced Opt-Out tells us what it matched, even for a custom keyword.
    let custom = parse_form(
        b"MessageSid=SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa&From=%2B601&Body=BERHENTI&OptOutType=STOP",
    );
    assert_eq!(
        InboundMessage::from_params(&custom).unwrap().opt_keyword(),
        Some(OptKeyword::OptOut)
    );
    let start = parse_form(b"MessageSid=SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa&From=%2B601&Body=yes");
    assert_eq!(
        InboundMessage::from_params(&start).unwrap().opt_keyword(),
        Some(OptKeyword::OptIn)
    );
}

#[test]
fn inbound_without_ids_is_refused() {
    assert_eq!(
        InboundMessage::from_params(&parse_form(b"From=%2B601&Body=hi")),
        Err(WebhookError::Missing("SmsSid"))
    );
    assert!(matches!(
        InboundMessage::from_params(&parse_form(b"MessageSid=XX1&From=%2B601")),
        Err(WebhookError::Invalid {
            field: "MessageSid",
            ..
        })
    ));
    assert_eq!(
        InboundMessage::from_params(&parse_form(
            b"MessageSid=SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa&Body=hi"
        )),
        Err(WebhookError::Missing("From"))
    );
}

#[test]
fn status_callbacks() {
    let raw = b"SmsSid=SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa&SmsStatus=undelivered&MessageStatus=undelivered&To=%2B60123456789&MessageSid=SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa&AccountSid=AC0123456789abcdef0123456789abcdef&From=%2B60111111111&ApiVersion=2010-04-01&ErrorCode=30003&RawDlrDoneDate=2611280207";
    let s = StatusCallback::from_params(&parse_form(raw)).unwrap();
    assert_eq!(s.message_sid, "SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    assert_eq!(s.status, MessageStatus::Undelivered);
    assert_eq!(s.error_code, Some(30003));
    assert_eq!(s.raw_dlr_done_date.as_deref(), Some("2611280207"));
    let s = StatusCallback::from_params(&parse_form(
        b"MessageSid=SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa&MessageStatus=sent&ErrorCode=",
    ))
    .unwrap();
    assert_eq!(s.status, MessageStatus::Sent);
    assert_eq!(s.error_code, None);
    let s = StatusCallback::from_params(&parse_form(
        b"MessageSid=SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa&MessageStatus=teleported",
    ))
    .unwrap();
    assert_eq!(s.status, MessageStatus::Other("teleported".into()));
    assert_eq!(
        StatusCallback::from_params(&parse_form(
            b"MessageSid=SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
        )),
        Err(WebhookError::Missing("MessageStatus"))
    );
    assert!(matches!(
        StatusCallback::from_params(&parse_form(
            b"MessageSid=SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa&MessageStatus=failed&ErrorCode=abc"
        )),
        Err(WebhookError::Invalid {
            field: "ErrorCode",
            ..
        })
    ));
}
