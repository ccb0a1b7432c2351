//! SMPP 3.4 PDU codec for the commands an ESME needs.
//!
//! Every decoder works on untrusted bytes: it never panics, never allocates more than the frame it
//! was given, and reports what was wrong as a [`PduError`].

use bytes::{BufMut, BytesMut};

/// The byte buffer type of PDU fields, re-exported.
pub use bytes::Bytes;

/// Length of the fixed PDU header (command_length, command_id, command_status, sequence_number).
pub const HEADER_LEN: usize = 16;
/// Largest PDU this codec accepts (a submit_sm with a full message_payload fits well under it).
pub const MAX_PDU_LEN: usize = 64 * 1024;
/// interface_version sent in binds: SMPP 3.4.
pub const INTERFACE_VERSION_34: u8 = 0x34;

/// SMPP command identifiers used by this crate.
pub mod command_id {
    /// generic_nack
    pub const GENERIC_NACK: u32 = 0x8000_0000;
    /// bind_receiver
    pub const BIND_RECEIVER: u32 = 0x0000_0001;
    /// bind_receiver_resp
    pub const BIND_RECEIVER_RESP: u32 = 0x8000_0001;
    /// bind_transmitter
    pub const BIND_TRANSMITTER: u32 = 0x0000_0002;
    /// bind_transmitter_resp
    pub const BIND_TRANSMITTER_RESP: u32 = 0x8000_0002;
    /// submit_sm
    pub const SUBMIT_SM: u32 = 0x0000_0004;
    /// submit_sm_resp
    pub const SUBMIT_SM_RESP: u32 = 0x8000_0004;
    /// deliver_sm
    pub const DELIVER_SM: u32 = 0x0000_0005;
    /// deliver_sm_resp
    pub const DELIVER_SM_RESP: u32 = 0x8000_0005;
    /// unbind
    pub const UNBIND: u32 = 0x0000_0006;
    /// unbind_resp
    pub const UNBIND_RESP: u32 = 0x8000_0006;
    /// bind_transceiver
    pub const BIND_TRANSCEIVER: u32 = 0x0000_0009;
    /// bind_transceiver_resp
    pub const BIND_TRANSCEIVER_RESP: u32 = 0x8000_0009;
    /// enquire_link
    pub const ENQUIRE_LINK: u32 = 0x0000_0015;
    /// enquire_link_resp
    pub const ENQUIRE_LINK_RESP: u32 = 0x8000_0015;
}

/// Optional parameter (TLV) tags used by this crate.
pub mod tag {
    /// receipted_message_id (C-octet string)
    pub const RECEIPTED_MESSAGE_ID: u16 = 0x001E;
    /// sar_msg_ref_num (u16)
    pub const SAR_MSG_REF_NUM: u16 = 0x020C;
    /// sar_total_segments (u8)
    pub const SAR_TOTAL_SEGMENTS: u16 = 0x020E;
    /// sar_segment_seqnum (u8)
    pub const SAR_SEGMENT_SEQNUM: u16 = 0x020F;
    /// sc_interface_version (u8)
    pub const SC_INTERFACE_VERSION: u16 = 0x0210;
    /// network_error_code (3 octets)
    pub const NETWORK_ERROR_CODE: u16 = 0x0423;
    /// message_payload (octets)
    pub const MESSAGE_PAYLOAD: u16 = 0x0424;
    /// message_state (u8)
    pub const MESSAGE_STATE: u16 = 0x0427;
}

/// Why bytes could not be decoded into a PDU, or a PDU could not be encoded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PduError {
    /// Fewer bytes than the header or a field needs.
    #[error("PDU truncated: {0}")]
    Truncated(&'static str),
    /// command_length is below 16, above the maximum, or disagrees with the frame.
    #[error("invalid command_length {0}")]
    InvalidLength(u32),
    /// A C-octet string had no terminating NUL within its maximum length.
    #[error("field {0} is not NUL-terminated within its maximum length")]
    UnterminatedString(&'static str),
    /// A TLV's length runs past the end of the PDU.
    #[error("TLV 0x{0:04x} overruns the PDU")]
    TlvOverrun(u16),
    /// sm_length runs past the end of the PDU.
    #[error("short_message length {0} overruns the PDU")]
    ShortMessageOverrun(u8),
    /// A field to encode is longer than SMPP allows.
    #[error("field {field} is too long ({len} > {max})")]
    FieldTooLong {
        /// Field name.
        field: &'static str,
        /// Its length in bytes.
        len: usize,
        /// The maximum SMPP allows (without the NUL).
        max: usize,
    },
    /// A field to encode contains a NUL byte.
    #[error("field {0} contains a NUL byte")]
    EmbeddedNul(&'static str),
}

/// One optional parameter (TLV).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tlv {
    /// The parameter tag.
    pub tag: u16,
    /// The raw value.
    pub value: Bytes,
}

impl Tlv {
    /// A TLV with a one-octet value.
    pub fn u8(tag: u16, v: u8) -> Self {
        Tlv {
            tag,
            value: Bytes::copy_from_slice(&[v]),
        }
    }
    /// A TLV with a two-octet big-endian value.
    pub fn u16(tag: u16, v: u16) -> Self {
        Tlv {
            tag,
            value: Bytes::copy_from_slice(&v.to_be_bytes()),
        }
    }
    /// The value read as an integer of up to 4 octets (big-endian), if it has 1 to 4 octets.
    pub fn as_uint(&self) -> Option<u32> {
        if self.value.is_empty() || self.value.len() > 4 {
            return None;
        }
        Some(
            self.value
                .iter()
                .fold(0u32, |acc, b| (acc << 8) | u32::from(*b)),
        )
    }
    /// The value read as a C-octet string (the trailing NUL, if any, removed; bytes >= 0x80 as Latin-1).
    pub fn as_cstr(&self) -> String {
        let v = match self.value.iter().position(|b| *b == 0) {
            Some(n) => &self.value[..n],
            None => &self.value[..],
        };
        latin1(v)
    }
}

/// Finds the first TLV with `tag`.
pub fn find_tlv(tlvs: &[Tlv], tag: u16) -> Option<&Tlv> {
    tlvs.iter().find(|t| t.tag == tag)
}

/// bind_transmitter / bind_receiver / bind_transceiver body.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Bind {
    /// system_id (max 15 characters).
    pub system_id: String,
    /// password (max 8 characters).
    pub password: String,
    /// system_type (max 12 characters).
    pub system_type: String,
    /// interface_version (0x34).
    pub interface_version: u8,
    /// addr_ton.
    pub addr_ton: u8,
    /// addr_npi.
    pub addr_npi: u8,
    /// address_range (max 40 characters).
    pub address_range: String,
}

/// bind_*_resp body.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BindResp {
    /// The SMSC's system_id (may be empty when the bind failed).
    pub system_id: String,
    /// Optional parameters (sc_interface_version).
    pub tlvs: Vec<Tlv>,
}

/// An SMPP relative time (SMPP 3.4 §7.1.1): `YYMMDDhhmmss000R`, here in days, hours, minutes
/// and seconds from now (years and months 00; days up to 99). Used for `validity_period`.
pub fn relative_time(d: std::time::Duration) -> String {
    let total = d.as_secs().min(99 * 86_400 + 86_399);
    let (days, rest) = (total / 86_400, total % 86_400);
    format!(
        "0000{days:02}{:02}{:02}{:02}000R",
        rest / 3_600,
        rest % 3_600 / 60,
        rest % 60
    )
}

/// submit_sm and deliver_sm share one layout.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ShortMessage {
    /// service_type.
    pub service_type: String,
    /// source_addr_ton.
    pub source_addr_ton: u8,
    /// source_addr_npi.
    pub source_addr_npi: u8,
    /// source_addr.
    pub source_addr: String,
    /// dest_addr_ton.
    pub dest_addr_ton: u8,
    /// dest_addr_npi.
    pub dest_addr_npi: u8,
    /// destination_addr.
    pub destination_addr: String,
    /// esm_class (0x40 = UDH present, 0x04 = delivery receipt in deliver_sm).
    pub esm_class: u8,
    /// protocol_id.
    pub protocol_id: u8,
    /// priority_flag.
    pub priority_flag: u8,
    /// schedule_delivery_time.
    pub schedule_delivery_time: String,
    /// validity_period.
    pub validity_period: String,
    /// registered_delivery (0x01 = receipt requested).
    pub registered_delivery: u8,
    /// replace_if_present_flag.
    pub replace_if_present_flag: u8,
    /// data_coding (0 SMSC default/GSM-7, 1 IA5, 3 Latin-1, 8 UCS-2).
    pub data_coding: u8,
    /// sm_default_msg_id.
    pub sm_default_msg_id: u8,
    /// short_message (up to 254 octets; may start with a UDH).
    pub short_message: Bytes,
    /// Optional parameters.
    pub tlvs: Vec<Tlv>,
}

/// The body of a PDU, by command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    /// bind_transmitter.
    BindTransmitter(Bind),
    /// bind_receiver.
    BindReceiver(Bind),
    /// bind_transceiver.
    BindTransceiver(Bind),
    /// bind_transmitter_resp.
    BindTransmitterResp(BindResp),
    /// bind_receiver_resp.
    BindReceiverResp(BindResp),
    /// bind_transceiver_resp.
    BindTransceiverResp(BindResp),
    /// unbind.
    Unbind,
    /// unbind_resp.
    UnbindResp,
    /// enquire_link.
    EnquireLink,
    /// enquire_link_resp.
    EnquireLinkResp,
    /// generic_nack.
    GenericNack,
    /// submit_sm.
    SubmitSm(ShortMessage),
    /// submit_sm_resp with its message_id (empty when the submit failed).
    SubmitSmResp {
        /// The SMSC's id for the message.
        message_id: String,
    },
    /// deliver_sm.
    DeliverSm(ShortMessage),
    /// deliver_sm_resp.
    DeliverSmResp {
        /// message_id (unused, normally empty).
        message_id: String,
    },
    /// A command this crate does not implement; the body is kept as is.
    Other {
        /// The command_id.
        command_id: u32,
        /// The raw body.
        body: Bytes,
    },
}

impl Body {
    /// The command_id of this body.
    pub fn command_id(&self) -> u32 {
        use command_id::*;
        match self {
            Body::BindTransmitter(_) => BIND_TRANSMITTER,
            Body::BindReceiver(_) => BIND_RECEIVER,
            Body::BindTransceiver(_) => BIND_TRANSCEIVER,
            Body::BindTransmitterResp(_) => BIND_TRANSMITTER_RESP,
            Body::BindReceiverResp(_) => BIND_RECEIVER_RESP,
            Body::BindTransceiverResp(_) => BIND_TRANSCEIVER_RESP,
            Body::Unbind => UNBIND,
            Body::UnbindResp => UNBIND_RESP,
            Body::EnquireLink => ENQUIRE_LINK,
            Body::EnquireLinkResp => ENQUIRE_LINK_RESP,
            Body::GenericNack => GENERIC_NACK,
            Body::SubmitSm(_) => SUBMIT_SM,
            Body::SubmitSmResp { .. } => SUBMIT_SM_RESP,
            Body::DeliverSm(_) => DELIVER_SM,
            Body::DeliverSmResp { .. } => DELIVER_SM_RESP,
            Body::Other { command_id, .. } => *command_id,
        }
    }
}

/// A whole PDU: header fields plus body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pdu {
    /// command_status (0 in requests; the result in responses).
    pub command_status: u32,
    /// sequence_number (matches a response to its request).
    pub sequence_number: u32,
    /// The command and its fields.
    pub body: Body,
}

impl Pdu {
    /// A PDU with status 0.
    pub fn new(sequence_number: u32, body: Body) -> Self {
        Pdu {
            command_status: 0,
            sequence_number,
            body,
        }
    }

    /// Decodes one complete PDU (exactly `command_length` bytes, header included).
    pub fn decode(frame: &[u8]) -> Result<Pdu, PduError> {
        let header = Header::parse(frame)?;
        if header.command_length as usize != frame.len() {
            return Err(PduError::InvalidLength(header.command_length));
        }
        let body = decode_body(
            header.command_id,
            &frame[HEADER_LEN..],
            header.command_status,
        )?;
        Ok(Pdu {
            command_status: header.command_status,
            sequence_number: header.sequence_number,
            body,
        })
    }

    /// Appends the encoded PDU (header included) to `out`.
    pub fn encode(&self, out: &mut BytesMut) -> Result<(), PduError> {
        let start = out.len();
        out.put_u32(0);
        out.put_u32(self.body.command_id());
        out.put_u32(self.command_status);
        out.put_u32(self.sequence_number);
        if let Err(e) = encode_body(&self.body, out) {
            out.truncate(start);
            return Err(e);
        }
        let len = out.len() - start;
        if len > MAX_PDU_LEN {
            out.truncate(start);
            return Err(PduError::InvalidLength(len as u32));
        }
        out[start..start + 4].copy_from_slice(&(len as u32).to_be_bytes());
        Ok(())
    }

    /// Encodes into a fresh buffer.
    pub fn to_bytes(&self) -> Result<Bytes, PduError> {
        let mut b = BytesMut::with_capacity(64);
        self.encode(&mut b)?;
        Ok(b.freeze())
    }
}

/// Encodes only the body of a submit_sm/deliver_sm (no header), to be prefixed by [`put_header`] later.
pub fn encode_sm_body(m: &ShortMessage) -> Result<Bytes, PduError> {
    let mut b = BytesMut::with_capacity(64 + m.short_message.len());
    put_sm(&mut b, m)?;
    Ok(b.freeze())
}

/// Appends a PDU header for a body of `body_len` octets.
pub fn put_header(
    out: &mut BytesMut,
    command_id: u32,
    command_status: u32,
    sequence_number: u32,
    body_len: usize,
) {
    out.put_u32((HEADER_LEN + body_len) as u32);
    out.put_u32(command_id);
    out.put_u32(command_status);
    out.put_u32(sequence_number);
}

/// The 16-octet header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Header {
    /// Total length of the PDU in octets.
    pub command_length: u32,
    /// Command identifier.
    pub command_id: u32,
    /// Status.
    pub command_status: u32,
    /// Sequence number.
    pub sequence_number: u32,
}

impl Header {
    /// Parses the header from the first 16 bytes and checks that command_length is plausible.
    pub fn parse(b: &[u8]) -> Result<Header, PduError> {
        if b.len() < HEADER_LEN {
            return Err(PduError::Truncated("header"));
        }
        let word = |i: usize| u32::from_be_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
        let h = Header {
            command_length: word(0),
            command_id: word(4),
            command_status: word(8),
            sequence_number: word(12),
        };
        if (h.command_length as usize) < HEADER_LEN || h.command_length as usize > MAX_PDU_LEN {
            return Err(PduError::InvalidLength(h.command_length));
        }
        Ok(h)
    }
}

/// Bytes as Latin-1 characters (never fails).
pub(crate) fn latin1(b: &[u8]) -> String {
    b.iter().map(|c| char::from(*c)).collect()
}

struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn new(buf: &'a [u8]) -> Self {
        Reader { buf, pos: 0 }
    }
    fn remaining(&self) -> usize {
        self.buf.len() - self.pos
    }
    fn u8(&mut self, what: &'static str) -> Result<u8, PduError> {
        let v = *self.buf.get(self.pos).ok_or(PduError::Truncated(what))?;
        self.pos += 1;
        Ok(v)
    }
    fn u16(&mut self, what: &'static str) -> Result<u16, PduError> {
        let hi = self.u8(what)?;
        let lo = self.u8(what)?;
        Ok(u16::from_be_bytes([hi, lo]))
    }
    fn bytes(&mut self, n: usize, what: &'static str) -> Result<&'a [u8], PduError> {
        if self.remaining() < n {
            return Err(PduError::Truncated(what));
        }
        let s = &self.buf[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }
    /// A C-octet string of at most `max` characters plus the NUL.
    fn cstr(&mut self, max: usize, what: &'static str) -> Result<String, PduError> {
        let rest = &self.buf[self.pos..];
        let limit = rest.len().min(max + 1);
        match rest[..limit].iter().position(|b| *b == 0) {
            Some(n) => {
                let s = latin1(&rest[..n]);
                self.pos += n + 1;
                Ok(s)
            }
            None if rest.is_empty() => Err(PduError::Truncated(what)),
            None => Err(PduError::UnterminatedString(what)),
        }
    }
    fn tlvs(&mut self) -> Result<Vec<Tlv>, PduError> {
        let mut out = Vec::new();
        while self.remaining() > 0 {
            let tag = self.u16("tlv tag")?;
            let len = self.u16("tlv length")? as usize;
            if self.remaining() < len {
                return Err(PduError::TlvOverrun(tag));
            }
            let v = self.bytes(len, "tlv value")?;
            out.push(Tlv {
                tag,
                value: Bytes::copy_from_slice(v),
            });
        }
        Ok(out)
    }
}

fn decode_bind(r: &mut Reader<'_>) -> Result<Bind, PduError> {
    Ok(Bind {
        system_id: r.cstr(15, "system_id")?,
        password: r.cstr(8, "password")?,
        system_type: r.cstr(12, "system_type")?,
        interface_version: r.u8("interface_version")?,
        addr_ton: r.u8("addr_ton")?,
        addr_npi: r.u8("addr_npi")?,
        address_range: r.cstr(40, "address_range")?,
    })
}

fn decode_bind_resp(r: &mut Reader<'_>) -> Result<BindResp, PduError> {
    // A failed bind may come back with an empty body.
    if r.remaining() == 0 {
        return Ok(BindResp::default());
    }
    let system_id = r.cstr(15, "system_id")?;
    let tlvs = r.tlvs()?;
    Ok(BindResp { system_id, tlvs })
}

fn decode_sm(r: &mut Reader<'_>) -> Result<ShortMessage, PduError> {
    let service_type = r.cstr(5, "service_type")?;
    let source_addr_ton = r.u8("source_addr_ton")?;
    let source_addr_npi = r.u8("source_addr_npi")?;
    let source_addr = r.cstr(20, "source_addr")?;
    let dest_addr_ton = r.u8("dest_addr_ton")?;
    let dest_addr_npi = r.u8("dest_addr_npi")?;
    let destination_addr = r.cstr(20, "destination_addr")?;
    let esm_class = r.u8("esm_class")?;
    let protocol_id = r.u8("protocol_id")?;
    let priority_flag = r.u8("priority_flag")?;
    let schedule_delivery_time = r.cstr(16, "schedule_delivery_time")?;
    let validity_period = r.cstr(16, "validity_period")?;
    let registered_delivery = r.u8("registered_delivery")?;
    let replace_if_present_flag = r.u8("replace_if_present_flag")?;
    let data_coding = r.u8("data_coding")?;
    let sm_default_msg_id = r.u8("sm_default_msg_id")?;
    let sm_length = r.u8("sm_length")?;
    if r.remaining() < sm_length as usize {
        return Err(PduError::ShortMessageOverrun(sm_length));
    }
    let short_message = Bytes::copy_from_slice(r.bytes(sm_length as usize, "short_message")?);
    let tlvs = r.tlvs()?;
    Ok(ShortMessage {
        service_type,
        source_addr_ton,
        source_addr_npi,
        source_addr,
        dest_addr_ton,
        dest_addr_npi,
        destination_addr,
        esm_class,
        protocol_id,
        priority_flag,
        schedule_delivery_time,
        validity_period,
        registered_delivery,
        replace_if_present_flag,
        data_coding,
        sm_default_msg_id,
        short_message,
        tlvs,
    })
}

/// Reads an optional trailing message_id (absent in error responses).
fn decode_message_id(r: &mut Reader<'_>) -> Result<String, PduError> {
    if r.remaining() == 0 {
        return Ok(String::new());
    }
    r.cstr(64, "message_id")
}

fn decode_body(command_id: u32, body: &[u8], status: u32) -> Result<Body, PduError> {
    use command_id::*;
    let mut r = Reader::new(body);
    let b = match command_id {
        BIND_TRANSMITTER => Body::BindTransmitter(decode_bind(&mut r)?),
        BIND_RECEIVER => Body::BindReceiver(decode_bind(&mut r)?),
        BIND_TRANSCEIVER => Body::BindTransceiver(decode_bind(&mut r)?),
        BIND_TRANSMITTER_RESP => Body::BindTransmitterResp(decode_bind_resp(&mut r)?),
        BIND_RECEIVER_RESP => Body::BindReceiverResp(decode_bind_resp(&mut r)?),
        BIND_TRANSCEIVER_RESP => Body::BindTransceiverResp(decode_bind_resp(&mut r)?),
        UNBIND => Body::Unbind,
        UNBIND_RESP => Body::UnbindResp,
        ENQUIRE_LINK => Body::EnquireLink,
        ENQUIRE_LINK_RESP => Body::EnquireLinkResp,
        GENERIC_NACK => Body::GenericNack,
        SUBMIT_SM => Body::SubmitSm(decode_sm(&mut r)?),
        DELIVER_SM => Body::DeliverSm(decode_sm(&mut r)?),
        SUBMIT_SM_RESP => {
            let message_id = decode_message_id(&mut r)?;
            // Some SMSCs append TLVs or padding after an error; ignore what follows.
            let _ = status;
            return Ok(Body::SubmitSmResp { message_id });
        }
        DELIVER_SM_RESP => {
            let message_id = decode_message_id(&mut r)?;
            return Ok(Body::DeliverSmResp { message_id });
        }
        other => {
            return Ok(Body::Other {
                command_id: other,
                body: Bytes::copy_from_slice(body),
            });
        }
    };
    Ok(b)
}

fn put_cstr(out: &mut BytesMut, s: &str, max: usize, field: &'static str) -> Result<(), PduError> {
    // Characters above U+00FF cannot be carried in a C-octet string; they are sent as '?'.
    if s.len() > max && s.chars().count() > max {
        return Err(PduError::FieldTooLong {
            field,
            len: s.chars().count(),
            max,
        });
    }
    for c in s.chars() {
        let b = u32::from(c);
        if b == 0 {
            return Err(PduError::EmbeddedNul(field));
        }
        out.put_u8(if b <= 0xFF { b as u8 } else { b'?' });
    }
    out.put_u8(0);
    Ok(())
}

fn put_tlvs(out: &mut BytesMut, tlvs: &[Tlv]) -> Result<(), PduError> {
    for t in tlvs {
        let len = t.value.len();
        if len > u16::MAX as usize {
            return Err(PduError::FieldTooLong {
                field: "tlv value",
                len,
                max: u16::MAX as usize,
            });
        }
        out.put_u16(t.tag);
        out.put_u16(len as u16);
        out.put_slice(&t.value);
    }
    Ok(())
}

fn put_bind(out: &mut BytesMut, b: &Bind) -> Result<(), PduError> {
    put_cstr(out, &b.system_id, 15, "system_id")?;
    put_cstr(out, &b.password, 8, "password")?;
    put_cstr(out, &b.system_type, 12, "system_type")?;
    out.put_u8(b.interface_version);
    out.put_u8(b.addr_ton);
    out.put_u8(b.addr_npi);
    put_cstr(out, &b.address_range, 40, "address_range")
}

fn put_sm(out: &mut BytesMut, m: &ShortMessage) -> Result<(), PduError> {
    put_cstr(out, &m.service_type, 5, "service_type")?;
    out.put_u8(m.source_addr_ton);
    out.put_u8(m.source_addr_npi);
    put_cstr(out, &m.source_addr, 20, "source_addr")?;
    out.put_u8(m.dest_addr_ton);
    out.put_u8(m.dest_addr_npi);
    put_cstr(out, &m.destination_addr, 20, "destination_addr")?;
    out.put_u8(m.esm_class);
    out.put_u8(m.protocol_id);
    out.put_u8(m.priority_flag);
    put_cstr(out, &m.schedule_delivery_time, 16, "schedule_delivery_time")?;
    put_cstr(out, &m.validity_period, 16, "validity_period")?;
    out.put_u8(m.registered_delivery);
    out.put_u8(m.replace_if_present_flag);
    out.put_u8(m.data_coding);
    out.put_u8(m.sm_default_msg_id);
    let len = m.short_message.len();
    if len > 254 {
        return Err(PduError::FieldTooLong {
            field: "short_message",
            len,
            max: 254,
        });
    }
    out.put_u8(len as u8);
    out.put_slice(&m.short_message);
    put_tlvs(out, &m.tlvs)
}

fn encode_body(body: &Body, out: &mut BytesMut) -> Result<(), PduError> {
    match body {
        Body::BindTransmitter(b) | Body::BindReceiver(b) | Body::BindTransceiver(b) => {
            put_bind(out, b)
        }
        Body::BindTransmitterResp(r) | Body::BindReceiverResp(r) | Body::BindTransceiverResp(r) => {
            put_cstr(out, &r.system_id, 15, "system_id")?;
            put_tlvs(out, &r.tlvs)
        }
        Body::Unbind
        | Body::UnbindResp
        | Body::EnquireLink
        | Body::EnquireLinkResp
        | Body::GenericNack => Ok(()),
        Body::SubmitSm(m) | Body::DeliverSm(m) => put_sm(out, m),
        Body::SubmitSmResp { message_id } | Body::DeliverSmResp { message_id } => {
            put_cstr(out, message_id, 64, "message_id")
        }
        Body::Other { body, .. } => {
            out.put_slice(body);
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn relative_times_count_days_hours_minutes_and_seconds() {
        use std::time::Duration;
        assert_eq!(relative_time(Duration::from_secs(1)), "000000000001000R");
        assert_eq!(
            relative_time(Duration::from_secs(1_800)),
            "000000003000000R"
        );
        assert_eq!(
            relative_time(Duration::from_secs(36_000)),
            "000000100000000R"
        );
        assert_eq!(
            relative_time(Duration::from_secs(86_400 + 3_661)),
            "000001010101000R"
        );
        // At most 99 days, 23:59:59: never a field of three digits.
        assert_eq!(
            relative_time(Duration::from_secs(u64::MAX)),
            "000099235959000R"
        );
        assert_eq!(relative_time(Duration::from_secs(5)).len(), 16);
    }

    use super::*;

    #[test]
    fn bind_example_from_spec_decodes() {
        // The bind_transmitter example of the SMPP specification (interface_version 0x34 here).
        let hex = "0000002f000000020000000000000001534d50503354455354007365637265743038005355424d4954310034010100";
        let bytes: Vec<u8> = (0..hex.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
            .collect();
        let pdu = Pdu::decode(&bytes).unwrap();
        assert_eq!(pdu.sequence_number, 1);
        match &pdu.body {
            Body::BindTransmitter(b) => {
                assert_eq!(b.system_id, "SMPP3TEST");
                assert_eq!(b.password, "secret08");
                assert_eq!(b.system_type, "SUBMIT1");
                assert_eq!(b.interface_version, 0x34);
                assert_eq!((b.addr_ton, b.addr_npi), (1, 1));
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(pdu.to_bytes().unwrap().as_ref(), &bytes[..]);
    }

    #[test]
    fn submit_sm_roundtrip_with_tlvs() {
        let sm = ShortMessage {
            source_addr_ton: 5,
            source_addr: "SMSUP".into(),
            dest_addr_ton: 1,
            dest_addr_npi: 1,
            destination_addr: "60123456789".into(),
            esm_class: 0x40,
            registered_delivery: 1,
            data_coding: 8,
            short_message: Bytes::from_static(&[5, 0, 3, 7, 2, 1, 0x06, 0x33]),
            tlvs: vec![Tlv::u16(tag::SAR_MSG_REF_NUM, 513)],
            ..Default::default()
        };
        let pdu = Pdu::new(42, Body::SubmitSm(sm));
        let b = pdu.to_bytes().unwrap();
        assert_eq!(Pdu::decode(&b).unwrap(), pdu);
    }

    #[test]
    fn truncated_and_overrunning_inputs_are_errors() {
        assert_eq!(Pdu::decode(&[0, 0, 0]), Err(PduError::Truncated("header")));
        // command_length says 20 but the frame has 16 bytes.
        let mut b = vec![0, 0, 0, 20, 0, 0, 0, 0x15, 0, 0, 0, 0, 0, 0, 0, 1];
        assert_eq!(Pdu::decode(&b), Err(PduError::InvalidLength(20)));
        // A TLV that claims more bytes than exist.
        b = vec![
            0, 0, 0, 0, 0x80, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0, 1, b'X', 0, 0x02, 0x10, 0, 9, 0x34,
        ];
        let n = b.len() as u32;
        b[..4].copy_from_slice(&n.to_be_bytes());
        assert_eq!(Pdu::decode(&b), Err(PduError::TlvOverrun(0x0210)));
    }

    #[test]
    fn encode_rejects_overlong_fields() {
        let bind = Bind {
            system_id: "x".repeat(16),
            ..Default::default()
        };
        let err = Pdu::new(1, Body::BindTransceiver(bind))
            .to_bytes()
            .unwrap_err();
        assert!(matches!(
            err,
            PduError::FieldTooLong {
                field: "system_id",
                ..
            }
        ));
    }
}
