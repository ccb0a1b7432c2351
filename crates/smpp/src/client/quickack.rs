//! Immediate ACKs for SMSCs that leave Nagle's algorithm on.
//!
//! An SMSC with Nagle on (node-smpp's default) sends the first `submit_sm_resp` of a burst at once
//! and holds the next ones until that segment is acknowledged. When the window is full we have
//! nothing to send, so our ACK is not piggybacked on data and Linux delays it (up to 40 ms): the
//! responses, and so the window, stall. `TCP_QUICKACK` makes the kernel acknowledge at once; it
//! is not permanent (the kernel falls back to delayed ACKs), so it is set again after each read.

use std::pin::Pin;
use std::task::{Context, Poll};

use tokio::io::{AsyncRead, ReadBuf};
use tokio::net::tcp::OwnedReadHalf;

/// The read half of an SMPP connection that acknowledges every read at once.
pub(super) struct QuickAck(pub(super) OwnedReadHalf);

impl AsyncRead for QuickAck {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        let before = buf.filled().len();
        let polled = Pin::new(&mut self.0).poll_read(cx, buf);
        if matches!(polled, Poll::Ready(Ok(()))) && buf.filled().len() > before {
            quickack(&self.0);
        }
        polled
    }
}

#[cfg(any(target_os = "linux", target_os = "android"))]
fn quickack(half: &OwnedReadHalf) {
    // Best effort: a socket that refuses the option only keeps delayed ACKs.
    let _ = socket2::SockRef::from(half.as_ref()).set_tcp_quickack(true);
}

#[cfg(not(any(target_os = "linux", target_os = "android")))]
fn quickack(_half: &OwnedReadHalf) {}
