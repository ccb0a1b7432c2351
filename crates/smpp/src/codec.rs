//! Framing of SMPP PDUs on a byte stream (a `tokio_util` codec).

use bytes::{Buf, BytesMut};
use tokio_util::codec::{Decoder, Encoder};

use crate::pdu::{Header, Pdu, PduError, HEADER_LEN};

/// Re-exported so that peers and tests can frame a socket with [`SmppCodec`].
pub use tokio_util::codec::Framed;

/// A frame read from the stream: either a decoded PDU, or a well-framed PDU whose body was invalid
/// (the connection survives; the peer gets a generic_nack).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Frame {
    /// A valid PDU.
    Pdu(Pdu),
    /// A PDU with a valid length whose body could not be decoded.
    Invalid {
        /// Its header.
        header: Header,
        /// What was wrong.
        error: PduError,
    },
}

/// Errors that end a connection.
#[derive(Debug, thiserror::Error)]
pub enum CodecError {
    /// The socket failed.
    #[error("i/o: {0}")]
    Io(#[from] std::io::Error),
    /// The stream is not SMPP (an impossible command_length): framing is lost.
    #[error("framing lost: {0}")]
    Framing(PduError),
    /// A PDU to send could not be encoded.
    #[error("encode: {0}")]
    Encode(PduError),
}

/// The SMPP codec: frames by command_length, decodes each frame into a [`Frame`].
#[derive(Debug, Default, Clone, Copy)]
pub struct SmppCodec;

impl Decoder for SmppCodec {
    type Item = Frame;
    type Error = CodecError;

    fn decode(&mut self, src: &mut BytesMut) -> Result<Option<Frame>, CodecError> {
        if src.len() < HEADER_LEN {
            src.reserve(HEADER_LEN);
            return Ok(None);
        }
        let header = Header::parse(&src[..HEADER_LEN]).map_err(CodecError::Framing)?;
        let len = header.command_length as usize;
        if src.len() < len {
            src.reserve(len - src.len());
            return Ok(None);
        }
        let frame = src.split_to(len);
        let out = match Pdu::decode(&frame) {
            Ok(p) => Frame::Pdu(p),
            Err(error) => Frame::Invalid { header, error },
        };
        Ok(Some(out))
    }

    fn decode_eof(&mut self, buf: &mut BytesMut) -> Result<Option<Frame>, CodecError> {
        match self.decode(buf)? {
            Some(f) => Ok(Some(f)),
            None => {
                // Trailing partial bytes at EOF are dropped: the connection is gone anyway.
                buf.advance(buf.len());
                Ok(None)
            }
        }
    }
}

impl Encoder<&Pdu> for SmppCodec {
    type Error = CodecError;

    fn encode(&mut self, item: &Pdu, dst: &mut BytesMut) -> Result<(), CodecError> {
        item.encode(dst).map_err(CodecError::Encode)
    }
}

impl Encoder<Pdu> for SmppCodec {
    type Error = CodecError;

    fn encode(&mut self, item: Pdu, dst: &mut BytesMut) -> Result<(), CodecError> {
        item.encode(dst).map_err(CodecError::Encode)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdu::Body;

    #[test]
    fn frames_split_across_reads_and_back_to_back() {
        let a = Pdu::new(1, Body::EnquireLink).to_bytes().unwrap();
        let b = Pdu::new(
            2,
            Body::SubmitSmResp {
                message_id: "abc".into(),
            },
        )
        .to_bytes()
        .unwrap();
        let mut all = BytesMut::new();
        all.extend_from_slice(&a);
        all.extend_from_slice(&b);
        let mut codec = SmppCodec;
        let mut buf = BytesMut::new();
        let mut got = Vec::new();
        for byte in all.iter() {
            buf.extend_from_slice(&[*byte]);
            while let Some(f) = codec.decode(&mut buf).unwrap() {
                got.push(f);
            }
        }
        assert_eq!(got.len(), 2);
        assert_eq!(
            got[1],
            Frame::Pdu(Pdu::new(
                2,
                Body::SubmitSmResp {
                    message_id: "abc".into()
                }
            ))
        );
    }

    #[test]
    fn bad_body_keeps_framing_bad_length_does_not() {
        // deliver_sm with a 2-byte body (truncated) is reported, framing survives.
        let mut buf = BytesMut::from(
            &[
                0u8, 0, 0, 18, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 9, b'a', b'b',
            ][..],
        );
        let f = SmppCodec.decode(&mut buf).unwrap().unwrap();
        assert!(matches!(f, Frame::Invalid { header, .. } if header.sequence_number == 9));
        let mut buf = BytesMut::from(&[0u8, 0, 0, 3, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 9][..]);
        assert!(matches!(
            SmppCodec.decode(&mut buf),
            Err(CodecError::Framing(_))
        ));
    }
}
