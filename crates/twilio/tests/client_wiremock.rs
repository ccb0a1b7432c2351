//! The Messages API client against a local mock of api.twilio.com: the exact request, the parsed
//! answer, and the classification of every error path.

use std::time::Duration;

use serde_json::json;
use smsup_twilio::config::Secret;
use smsup_twilio::{
    parse_form, MessageStatus, RawTwilioConfig, Sender, TwilioClient, TwilioConfig, TwilioError,
};
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

const SID: &str = "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const TOKEN: &str = "secret-token";
const MG: &str = "MGbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
const MSG_SID: &str = "SM0123456789abcdef0123456789abcdef";

fn config(api_base: &str, timeout_secs: u64) -> TwilioConfig {
    RawTwilioConfig {
        account_sid: Some(SID.into()),
        auth_token: Some(Secret::new(TOKEN)),
        from: Some(vec!["+60111111111".into()]),
        public_url: Some("https://sms.example.org".into()),
        api_base: Some(api_base.into()),
        request_timeout_secs: Some(timeout_secs),
        connect_timeout_secs: Some(1),
        ..Default::default()
    }
    .validate()
    .unwrap()
}

fn messages_path() -> String {
    format!("/2010-04-01/Accounts/{SID}/Messages.json")
}

fn created(to: &str, body: &str) -> serde_json::Value {
    json!({
        "account_sid": SID,
        "api_version": "2010-04-01",
        "body": body,
        "direction": "outbound-api",
        "error_code": null,
        "error_message": null,
        "from": "+60111111111",
        "messaging_service_sid": null,
        "num_media": "0",
        "num_segments": "2",
        "sid": MSG_SID,
        "status": "queued",
        "to": to,
        "uri": format!("/2010-04-01/Accounts/{SID}/Messages/{MSG_SID}.json")
    })
}

fn form_of(req: &Request) -> Vec<(String, String)> {
    parse_form(&req.body)
}

#[tokio::test]
async fn send_from_number_posts_the_exact_form_with_basic_auth() {
    let server = MockServer::start().await;
    // "ACaaa…:secret-token" in base64.
    let basic = format!(
        "Basic {}",
        base64_encode(format!("{SID}:{TOKEN}").as_bytes())
    );
    let body = "မင်္ဂလာပါ & hello+world = 100%";
    Mock::given(method("POST"))
        .and(path(messages_path()))
        .and(header("authorization", basic.as_str()))
        .and(header("content-type", "application/x-www-form-urlencoded"))
        .respond_with(ResponseTemplate::new(201).set_body_json(created("+60123456789", body)))
        .expect(1)
        .mount(&server)
        .await;
    let client = TwilioClient::new(&config(&server.uri(), 5)).unwrap();
    let callback = "https://sms.example.org/twilio/status?row=42";
    let m = client
        .send(
            "+60123456789",
            Sender::From("+60111111111"),
            body,
            Some(callback),
        )
        .await
        .unwrap();
    assert_eq!(m.sid, MSG_SID);
    assert_eq!(m.status, MessageStatus::Queued);
    assert_eq!(m.num_segments, Some(2));
    let reqs = server.received_requests().await.unwrap();
    let form = form_of(&reqs[0]);
    assert_eq!(
        form,
        vec![
            ("To".to_string(), "+60123456789".to_string()),
            ("From".to_string(), "+60111111111".to_string()),
            ("Body".to_string(), body.to_string()),
            ("StatusCallback".to_string(), callback.to_string()),
        ]
    );
}

#[tokio::test]
async fn send_through_messaging_service_without_callback() {
    let server = MockServer::start().await;
    let mut answer = created("+60123456789", "hi");
    answer["status"] = json!("accepted");
    answer["num_segments"] = json!("0");
    answer["from"] = json!(null);
    answer["messaging_service_sid"] = json!(MG);
    Mock::given(method("POST"))
        .and(path(messages_path()))
        .respond_with(ResponseTemplate::new(201).set_body_json(answer))
        .expect(1)
        .mount(&server)
        .await;
    let client = TwilioClient::new(&config(&server.uri(), 5)).unwrap();
    let m = client
        .send("+60123456789", Sender::MessagingService(MG), "hi", None)
        .await
        .unwrap();
    assert_eq!(m.status, MessageStatus::Accepted);
    assert_eq!(m.num_segments, Some(0));
    assert_eq!(m.messaging_service_sid.as_deref(), Some(MG));
    let reqs = server.received_requests().await.unwrap();
    let form = form_of(&reqs[0]);
    let names: Vec<&str> = form.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(names, ["To", "MessagingServiceSid", "Body"]);
    assert_eq!(form[1].1, MG);
}

fn twilio_error(status: u16, code: u32, message: &str) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_json(json!({
        "code": code,
        "message": message,
        "more_info": format!("https://www.twilio.com/docs/errors/{code}"),
        "status": status
    }))
}

async fn send_against(response: ResponseTemplate) -> TwilioError {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(messages_path()))
        .respond_with(response)
        .mount(&server)
        .await;
    let client = TwilioClient::new(&config(&server.uri(), 2)).unwrap();
    client
        .send("+60123456789", Sender::From("+60111111111"), "hi", None)
        .await
        .unwrap_err()
}

#[tokio::test]
async fn stop_error_21610_means_opted_out() {
    let e = send_against(twilio_error(
        400,
        21610,
        "Attempt to send to unsubscribed recipient",
    ))
    .await;
    match e {
        TwilioError::OptedOut { code, message } => {
            assert_eq!(code, 21610);
            assert!(message.contains("unsubscribed recipient"));
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn unreachable_numbers_are_undeliverable() {
    for code in [21211, 21612, 21614] {
        let e = send_against(twilio_error(400, code, "bad number")).await;
        assert!(
            matches!(e, TwilioError::Undeliverable { code: c, .. } if c == code),
            "{code}: {e:?}"
        );
    }
}

#[tokio::test]
async fn rate_limits_and_server_errors_are_retryable_with_retry_after() {
    let e = send_against(
        twilio_error(429, 20429, "Too Many Requests").insert_header("Retry-After", "7"),
    )
    .await;
    match e {
        TwilioError::Retryable {
            status,
            code,
            retry_after,
            ..
        } => {
            assert_eq!(status, Some(429));
            assert_eq!(code, Some(20429));
            assert_eq!(retry_after, Some(Duration::from_secs(7)));
        }
        other => panic!("{other:?}"),
    }
    let e = send_against(ResponseTemplate::new(429)).await;
    assert!(
        matches!(
            e,
            TwilioError::Retryable {
                status: Some(429),
                code: None,
                retry_after: None,
                ..
            }
        ),
        "{e:?}"
    );
    let e = send_against(twilio_error(400, 63018, "Rate limit exceeded")).await;
    assert!(
        matches!(
            e,
            TwilioError::Retryable {
                code: Some(63018),
                ..
            }
        ),
        "{e:?}"
    );
    for status in [500, 502, 503] {
        let e =
            send_against(ResponseTemplate::new(status).set_body_string("<html>oops</html>")).await;
        assert!(
            matches!(e, TwilioError::Retryable { status: Some(s), code: None, .. } if s == status),
            "{status}: {e:?}"
        );
    }
}

#[tokio::test]
async fn queue_overflow_slows_the_sender_down() {
    for code in [30001, 21611] {
        let e = send_against(twilio_error(400, code, "queue overflow")).await;
        assert!(
            matches!(e, TwilioError::SlowDown { code: c, .. } if c == code),
            "{code}: {e:?}"
        );
    }
}

#[tokio::test]
async fn other_errors_are_permanent_with_code_and_message() {
    let e = send_against(twilio_error(
        400,
        21617,
        "The concatenated message body exceeds the 1600 character limit",
    ))
    .await;
    match &e {
        TwilioError::Permanent {
            status,
            code,
            message,
        } => {
            assert_eq!(*status, Some(400));
            assert_eq!(*code, Some(21617));
            assert!(message.contains("1600 character limit"));
            assert!(message.contains("https://www.twilio.com/docs/errors/21617"));
        }
        other => panic!("{other:?}"),
    }
    let e = send_against(twilio_error(401, 20003, "Authenticate")).await;
    assert!(
        matches!(
            e,
            TwilioError::Permanent {
                code: Some(20003),
                ..
            }
        ),
        "{e:?}"
    );
}

#[tokio::test]
async fn an_unreadable_success_is_not_retried() {
    // The message may exist at Twilio: retrying would send it twice.
    let e = send_against(ResponseTemplate::new(201).set_body_string("not json")).await;
    assert!(
        matches!(
            e,
            TwilioError::Permanent {
                status: Some(201),
                ..
            }
        ),
        "{e:?}"
    );
}

#[tokio::test]
async fn timeouts_are_retryable() {
    let e = send_against(
        ResponseTemplate::new(201)
            .set_body_json(created("+60123456789", "hi"))
            .set_delay(Duration::from_secs(4)),
    )
    .await;
    match e {
        TwilioError::Retryable {
            status: None,
            message,
            ..
        } => assert!(message.starts_with("timeout"), "{message}"),
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn connection_errors_are_retryable() {
    // Bind then drop a listener to get a port nobody listens on.
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let client = TwilioClient::new(&config(&format!("http://127.0.0.1:{port}"), 2)).unwrap();
    let e = client
        .send("+60123456789", Sender::From("+60111111111"), "hi", None)
        .await
        .unwrap_err();
    assert!(
        matches!(e, TwilioError::Retryable { status: None, .. }),
        "{e:?}"
    );
}

fn base64_encode(bytes: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

#[tokio::test]
async fn an_alert_carries_its_validity_period_within_twilios_range() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(messages_path()))
        .respond_with(ResponseTemplate::new(201).set_body_json(created("+60123456789", "hi")))
        .expect(4)
        .mount(&server)
        .await;
    let client = TwilioClient::new(&config(&server.uri(), 5)).unwrap();
    for seconds in [Some(1_800), Some(0), Some(50_000), None] {
        client
            .send_valid(
                "+60123456789",
                Sender::From("+60111111111"),
                "hi",
                None,
                seconds,
            )
            .await
            .unwrap();
    }
    let reqs = server.received_requests().await.unwrap();
    let validity = |i: usize| {
        form_of(&reqs[i])
            .into_iter()
            .find(|(k, _)| k == "ValidityPeriod")
            .map(|(_, v)| v)
    };
    assert_eq!(validity(0).as_deref(), Some("1800"));
    assert_eq!(validity(1).as_deref(), Some("1"), "at least 1 s");
    assert_eq!(validity(2).as_deref(), Some("36000"), "at most 36,000 s");
    assert_eq!(validity(3), None);
}
