//! Mobile-originated messages an SMSC is likely to deliver again.
//!
//! SMPP 3.4 gives an MO message no id of its own. An SMSC that did not get our deliver_sm_resp
//! (because the connection broke first) delivers the same message again on the next bind; stored
//! twice, one post would go out twice to a whole list. So the client remembers, by a fingerprint of
//! sender, destination and text, the MO messages whose answer may not have reached the SMSC: those
//! still being stored when their connection was lost, and those answered shortly before.
//! The first copy of such a message that arrives again within a while is answered and not passed on.
//! A person who sends the same text again on purpose right after a reconnect loses that copy: a
//! price worth paying to spare every member a duplicate post.

use std::collections::hash_map::DefaultHasher;
use std::collections::{HashMap, VecDeque};
use std::hash::{Hash, Hasher};
use std::time::{Duration, Instant};

/// Most answered messages remembered per connection (the oldest are forgotten first).
const MAX_ANSWERED: usize = 10_000;

/// A message's fingerprint: its sender, destination and text.
pub fn fingerprint(from: &str, to: &str, text: &str) -> u64 {
    let mut h = DefaultHasher::new();
    (from, to, text).hash(&mut h);
    h.finish()
}

/// The MO messages that may come again, and those answered lately on the current connection.
#[derive(Debug)]
pub struct Redeliveries {
    /// Handed to the application on the current connection and not answered yet: fingerprint →
    /// copies.
    pending: HashMap<u64, u32>,
    /// Answered on the current connection: (fingerprint, when), oldest first.
    answered: VecDeque<(u64, Instant)>,
    /// Expected again: fingerprint → (copies, since when).
    expected: HashMap<u64, (u32, Instant)>,
    /// How long before a connection was found dead an answer may have been lost with it.
    window: Duration,
    /// How long a copy is expected after that.
    ttl: Duration,
}

impl Redeliveries {
    /// Answers sent within `window` before a lost connection count as possibly lost; a copy is
    /// expected for `ttl`.
    pub fn new(window: Duration, ttl: Duration) -> Redeliveries {
        Redeliveries {
            pending: HashMap::new(),
            answered: VecDeque::new(),
            expected: HashMap::new(),
            window,
            ttl,
        }
    }

    /// A message came on the current connection and is being stored.
    pub fn pending(&mut self, fp: u64) {
        *self.pending.entry(fp).or_insert(0) += 1;
    }

    /// A message of the current connection was stored and answered at `now`.
    pub fn answered(&mut self, fp: u64, now: Instant) {
        self.settle(fp);
        while self
            .answered
            .front()
            .is_some_and(|(_, at)| now.duration_since(*at) > self.window)
            || self.answered.len() >= MAX_ANSWERED
        {
            self.answered.pop_front();
        }
        self.answered.push_back((fp, now));
    }

    /// A message of the current connection could not be stored (the SMSC is told to retry, and its
    /// next copy must be passed on).
    pub fn refused(&mut self, fp: u64) {
        self.settle(fp);
    }

    /// The current connection was lost at `now`: the messages still being stored, and those
    /// answered within the window before, may come again.
    pub fn connection_lost(&mut self, now: Instant) {
        let mut again: Vec<u64> = self
            .answered
            .drain(..)
            .filter(|(_, at)| now.duration_since(*at) <= self.window)
            .map(|(fp, _)| fp)
            .collect();
        for (fp, n) in self.pending.drain() {
            again.extend(std::iter::repeat_n(fp, n as usize));
        }
        for fp in again {
            let e = self.expected.entry(fp).or_insert((0, now));
            e.0 += 1;
            e.1 = now;
        }
    }

    /// The current connection was closed in order (every answer was written before the unbind).
    pub fn connection_closed(&mut self) {
        self.answered.clear();
        self.pending.clear();
    }

    /// A message that was still being stored when its connection was lost is settled: stored (its
    /// copy stays expected) or not (its copy must be passed on).
    pub fn settled_late(&mut self, fp: u64, stored: bool) {
        if !stored {
            self.take(fp);
        }
    }

    /// True when a message with this fingerprint is a copy of one already stored (each expected
    /// copy is taken once).
    pub fn is_copy(&mut self, fp: u64, now: Instant) -> bool {
        let ttl = self.ttl;
        self.expected
            .retain(|_, (_, since)| now.duration_since(*since) <= ttl);
        self.take(fp)
    }

    /// Takes one expected copy of `fp`; false if none was expected.
    fn take(&mut self, fp: u64) -> bool {
        match self.expected.get_mut(&fp) {
            Some((n, _)) if *n > 1 => {
                *n -= 1;
                true
            }
            Some(_) => {
                self.expected.remove(&fp);
                true
            }
            None => false,
        }
    }

    /// One pending copy of `fp` is settled.
    fn settle(&mut self, fp: u64) {
        if let Some(n) = self.pending.get_mut(&fp) {
            *n -= 1;
            if *n == 0 {
                self.pending.remove(&fp);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r() -> Redeliveries {
        Redeliveries::new(Duration::from_secs(60), Duration::from_secs(600))
    }

    #[test]
    fn a_message_still_being_stored_when_its_connection_was_lost_is_expected_once() {
        let t = Instant::now();
        let mut r = r();
        let fp = fingerprint("+60123", "SMSUP", "ALERT raid at the market");
        r.pending(fp);
        r.connection_lost(t);
        r.settled_late(fp, true);
        assert!(r.is_copy(fp, t + Duration::from_secs(5)));
        assert!(
            !r.is_copy(fp, t + Duration::from_secs(6)),
            "the next one is new"
        );
    }

    #[test]
    fn answers_shortly_before_a_lost_connection_are_expected_older_ones_not() {
        let t = Instant::now();
        let mut r = r();
        let old = fingerprint("+60123", "SMSUP", "old");
        let new = fingerprint("+60123", "SMSUP", "new");
        r.pending(old);
        r.answered(old, t);
        r.pending(new);
        r.answered(new, t + Duration::from_secs(100));
        r.connection_lost(t + Duration::from_secs(130));
        assert!(!r.is_copy(old, t + Duration::from_secs(140)));
        assert!(r.is_copy(new, t + Duration::from_secs(140)));
    }

    #[test]
    fn an_orderly_close_expects_nothing_and_nothing_is_expected_for_ever() {
        let t = Instant::now();
        let mut r = r();
        let a = fingerprint("+60123", "SMSUP", "a");
        r.pending(a);
        r.answered(a, t);
        r.connection_closed();
        r.connection_lost(t + Duration::from_secs(1));
        assert!(!r.is_copy(a, t + Duration::from_secs(2)));
        r.pending(a);
        r.connection_lost(t);
        assert!(!r.is_copy(a, t + Duration::from_secs(601)), "expired");
    }

    #[test]
    fn two_identical_messages_both_lost_are_both_taken() {
        let t = Instant::now();
        let mut r = r();
        let a = fingerprint("+60123", "SMSUP", "same");
        r.pending(a);
        r.answered(a, t);
        r.pending(a);
        r.answered(a, t + Duration::from_secs(1));
        r.connection_lost(t + Duration::from_secs(2));
        assert!(r.is_copy(a, t + Duration::from_secs(3)));
        assert!(r.is_copy(a, t + Duration::from_secs(3)));
        assert!(!r.is_copy(a, t + Duration::from_secs(3)));
    }

    #[test]
    fn a_message_that_could_not_be_stored_is_passed_on_when_it_comes_again() {
        let t = Instant::now();
        let mut r = r();
        let a = fingerprint("+60123", "SMSUP", "help");
        // Refused on its own connection: nothing expected.
        r.pending(a);
        r.refused(a);
        r.connection_lost(t);
        assert!(!r.is_copy(a, t));
        // Still being stored at the loss, then storing failed: its copy is new.
        r.pending(a);
        r.connection_lost(t);
        r.settled_late(a, false);
        assert!(!r.is_copy(a, t));
    }

    #[test]
    fn the_fingerprint_tells_sender_destination_and_text_apart() {
        let base = fingerprint("+60123", "SMSUP", "hi");
        assert_ne!(base, fingerprint("+60124", "SMSUP", "hi"));
        assert_ne!(base, fingerprint("+60123", "OTHER", "hi"));
        assert_ne!(base, fingerprint("+60123", "SMSUP", "hi "));
        assert_ne!(
            fingerprint("ab", "c", "d"),
            fingerprint("a", "bc", "d"),
            "fields do not run into each other"
        );
        assert_eq!(base, fingerprint("+60123", "SMSUP", "hi"));
    }
}
