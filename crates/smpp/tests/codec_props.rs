//! Property tests: every parser of bytes from the network survives arbitrary input, and encoding
//! round-trips.

use bytes::{Bytes, BytesMut};
use proptest::prelude::*;
use smsup_smpp::codec::{Frame, SmppCodec};
use smsup_smpp::mo::{mo_part, Reassembler};
use smsup_smpp::pdu::{Body, Pdu, ShortMessage, Tlv};
use smsup_smpp::receipt::{parse_receipt_text, receipt_from_deliver};
use smsup_smpp::{id_candidates, text};
use tokio_util::codec::Decoder;

fn arb_sm() -> impl Strategy<Value = ShortMessage> {
    (
        "[a-zA-Z0-9]{0,5}",
        "[0-9]{0,20}",
        "[A-Za-z0-9 ]{0,20}",
        any::<u8>(),
        any::<u8>(),
        proptest::collection::vec(any::<u8>(), 0..254),
        proptest::collection::vec(
            (any::<u16>(), proptest::collection::vec(any::<u8>(), 0..40)),
            0..4,
        ),
    )
        .prop_map(
            |(service_type, src, dst, esm_class, data_coding, sm, tlvs)| ShortMessage {
                service_type,
                source_addr: src,
                destination_addr: dst,
                esm_class,
                data_coding,
                short_message: Bytes::from(sm),
                tlvs: tlvs
                    .into_iter()
                    .map(|(tag, v)| Tlv {
                        tag,
                        value: Bytes::from(v),
                    })
                    .collect(),
                ..Default::default()
            },
        )
}

proptest! {
    #[test]
    fn decode_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let _ = Pdu::decode(&bytes);
        let mut buf = BytesMut::from(&bytes[..]);
        let mut codec = SmppCodec;
        while let Ok(Some(_)) = codec.decode(&mut buf) {}
    }

    #[test]
    fn decode_with_valid_header_never_panics(id in prop_oneof![Just(1u32), Just(2), Just(4), Just(5), Just(9),
            Just(0x80000004), Just(0x80000005), Just(0x80000009), Just(0x15), any::<u32>()],
            body in proptest::collection::vec(any::<u8>(), 0..400)) {
        let mut b = Vec::with_capacity(16 + body.len());
        b.extend_from_slice(&((16 + body.len()) as u32).to_be_bytes());
        b.extend_from_slice(&id.to_be_bytes());
        b.extend_from_slice(&[0, 0, 0, 0, 0, 0, 0, 7]);
        b.extend_from_slice(&body);
        let mut buf = BytesMut::from(&b[..]);
        let frame = SmppCodec.decode(&mut buf).unwrap().unwrap();
        if let Frame::Pdu(Pdu { body: Body::DeliverSm(sm), .. }) = frame {
            let part = mo_part(&sm);
            let mut r = Reassembler::new(std::time::Duration::from_secs(1));
            let _ = r.push(std::time::Instant::now(), "a", "b", part);
            let _ = receipt_from_deliver(&sm, &String::from_utf8_lossy(&sm.short_message));
        }
    }

    #[test]
    fn submit_sm_roundtrips(sm in arb_sm(), seq in any::<u32>()) {
        let pdu = Pdu::new(seq, Body::SubmitSm(sm));
        let b = pdu.to_bytes().unwrap();
        prop_assert_eq!(Pdu::decode(&b).unwrap(), pdu);
    }

    #[test]
    fn text_helpers_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300), dc in any::<u8>(), s in ".{0,200}") {
        let _ = text::decode(dc, &bytes);
        let _ = smsup_sms::udh::parse(&bytes);
        let _ = parse_receipt_text(&s);
        let _ = id_candidates(&s);
    }

    #[test]
    fn encoded_parts_decode_back(s in "\\PC{0,400}") {
        let e = text::encode(&s).unwrap();
        let back: String = e.parts.iter().map(|p| text::decode(e.data_coding, p)).collect();
        prop_assert_eq!(back, s);
        prop_assert!(e.parts.iter().all(|p| p.len() <= 160));
    }
}
