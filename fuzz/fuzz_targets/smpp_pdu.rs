//! The SMPP PDU decoder on anything a peer may send: a frame that decodes encodes again to a frame
//! that decodes to the same PDU; the stream codec, fed the bytes in arbitrary chunks, never panics;
//! receipt texts and short_message bytes of every data_coding decode without panicking.
#![no_main]

use bytes::BytesMut;
use libfuzzer_sys::fuzz_target;
use smsup_smpp::codec::SmppCodec;
use smsup_smpp::pdu::Pdu;
use tokio_util::codec::Decoder;

fuzz_target!(|data: &[u8]| {
    if let Ok(pdu) = Pdu::decode(data) {
        if let Ok(bytes) = pdu.to_bytes() {
            let again = Pdu::decode(&bytes).expect("our own encoding decodes");
            assert_eq!(again, pdu);
        }
    }
    let mut codec = SmppCodec;
    let mut buf = BytesMut::new();
    let (chunk, rest) = data.split_first().map_or((1, data), |(c, r)| (usize::from(*c % 32) + 1, r));
    for part in rest.chunks(chunk) {
        buf.extend_from_slice(part);
        loop {
            match codec.decode(&mut buf) {
                Ok(Some(_)) => continue,
                Ok(None) => break,
                Err(_) => return,
            }
        }
    }
    if let Some((dc, bytes)) = data.split_first() {
        let _ = smsup_smpp::text::decode(*dc, bytes);
    }
    let _ = smsup_smpp::receipt::parse_receipt_text(&String::from_utf8_lossy(data));
});
