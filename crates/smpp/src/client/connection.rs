//! One bound connection: the framed reader, the buffered writer, the window's bookkeeping.

use super::*;

/// One part on its way: which message, which part, its global order.
#[derive(Debug)]
pub(super) struct Part {
    pub(super) msg: u64,
    pub(super) index: usize,
    pub(super) ord: u64,
    pub(super) body: Bytes,
    pub(super) segments: u32,
    pub(super) sends: u32,
}

pub(super) struct MsgState {
    pub(super) ids: Vec<Option<String>>,
    pub(super) remaining: usize,
    pub(super) reply: oneshot::Sender<Result<Submitted, SubmitError>>,
}

pub(super) struct InFlight {
    pub(super) part: Part,
    pub(super) sent_at: Instant,
}

/// One TCP connection with a completed bind.
pub(super) struct Conn {
    pub(super) reader: FramedRead<Reader, SmppCodec>,
    /// The writing side: written from the session itself, without a task in between.
    pub(super) wr: Writer,
    /// Encoded PDUs not written yet.
    pub(super) buf: BytesMut,
    /// Bytes were written but not flushed (TLS keeps records until flushed).
    pub(super) unflushed: bool,
    pub(super) seq: u32,
    pub(super) in_flight: HashMap<u32, InFlight>,
    pub(super) enquire_deadline: Option<Instant>,
}

impl Conn {
    pub(super) fn next_seq(&mut self) -> u32 {
        self.seq = if self.seq >= 0x7FFF_FFFF {
            1
        } else {
            self.seq + 1
        };
        self.seq
    }
    /// Queues a PDU; it is written at the next [`Conn::flush`].
    pub(super) fn send_pdu(&mut self, pdu: &Pdu) -> Result<(), End> {
        pdu.encode(&mut self.buf)
            .map_err(|e| End::Lost(SessionError::Encode(e.to_string())))
    }

    /// Writes what is queued as far as the socket takes it now, without waiting; the rest is
    /// written by [`write_some`] from the session's loop.
    pub(super) fn flush(&mut self) -> Result<(), End> {
        while !self.buf.is_empty() {
            match self.wr.write(&self.buf).now_or_never() {
                None => return Ok(()),
                Some(Ok(0)) => return Err(End::Lost(SessionError::WriteClosed)),
                Some(Ok(n)) => {
                    self.buf.advance(n);
                    self.unflushed = true;
                }
                Some(Err(e)) => return Err(End::Lost(SessionError::Write(e))),
            }
        }
        if self.unflushed {
            match self.wr.flush().now_or_never() {
                None => {}
                Some(Ok(())) => self.unflushed = false,
                Some(Err(e)) => return Err(End::Lost(SessionError::Write(e))),
            }
        }
        Ok(())
    }

    /// Writes and flushes everything queued, waiting as long as it takes (bind and unbind).
    pub(super) async fn flush_all(&mut self) -> std::io::Result<()> {
        self.wr.write_all(&self.buf).await?;
        self.buf.clear();
        self.wr.flush().await?;
        self.unflushed = false;
        Ok(())
    }
}

/// Writes some of `buf` when the socket can take it, then flushes.
pub(super) async fn write_some(
    wr: &mut Writer,
    buf: &mut BytesMut,
    unflushed: &mut bool,
) -> std::io::Result<()> {
    if !buf.is_empty() {
        let n = wr.write(buf).await?;
        if n == 0 {
            return Err(std::io::ErrorKind::WriteZero.into());
        }
        buf.advance(n);
    }
    wr.flush().await?;
    *unflushed = false;
    Ok(())
}

/// Why a connection ended.
pub(super) enum End {
    Lost(SessionError),
    Closed,
}
