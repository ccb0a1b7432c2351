//! Reassembling concatenated messages whose parts arrive in any order, duplicated, or never.

use std::collections::HashMap;
use std::hash::Hash;
use std::time::{Duration, Instant};

use crate::decode::Payload;
use crate::error::DecodeError;

/// One received part of a concatenated message (from a UDH or SMPP `sar_*` TLVs).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fragment {
    /// Who sent it (e.g. an E.164 number); parts of different senders never mix.
    pub sender: String,
    /// The message reference.
    pub reference: u16,
    /// Number of parts.
    pub total: u8,
    /// This part's number, 1..=total.
    pub seq: u8,
    /// Its undecoded text.
    pub payload: Payload,
}

/// A message whose parts all arrived (or a single-part one).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reassembled {
    /// The sender.
    pub sender: String,
    /// The message reference.
    pub reference: u16,
    /// Number of parts.
    pub total: u8,
    /// The whole text.
    pub text: String,
}

/// A message given up on: some parts never came in time (or it was evicted to bound memory).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Expired {
    /// The sender.
    pub sender: String,
    /// The message reference.
    pub reference: u16,
    /// Number of parts announced.
    pub total: u8,
    /// Part numbers that did arrive, ascending.
    pub received: Vec<u8>,
    /// The text of the parts that arrived, in order (missing parts simply absent).
    pub partial_text: String,
}

/// What [`Reassembler::push`] did with a part.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pushed {
    /// This part completed the message.
    Complete(Reassembled),
    /// Stored; the message still misses parts.
    Stored,
    /// A part already received (or of a message already completed): dropped.
    Duplicate,
}

/// What [`Collector::push`] did with a part.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Collected<P> {
    /// This part completed its message: every part, in order.
    Complete(Vec<P>),
    /// Held; the message still misses parts.
    Stored,
    /// A part already held, or one of a message completed within the timeout: dropped.
    Duplicate,
}

/// A message given up on by a [`Collector`]: its key and the parts that came (in order, `None`
/// where one is missing).
pub type GivenUp<K, P> = (K, Vec<Option<P>>);

struct Held<P> {
    parts: Vec<Option<P>>,
    received: usize,
    deadline: Instant,
}

/// The bookkeeping of reassembly for any key and any kind of part: parts are held per message
/// until all have come, a message is given up on when no new part of it arrived for `timeout`,
/// incomplete messages are bounded in number (beyond it, the one closest to its deadline is given
/// up early), and copies of a completed message's parts are dropped for `timeout`. Time is passed
/// in by the caller. [`Reassembler`] (text) and the SMPP client's MO reassembly (raw octets) are
/// built on it.
pub struct Collector<K, P> {
    timeout: Duration,
    max_pending: usize,
    pending: HashMap<K, Held<P>>,
    completed: HashMap<K, Instant>,
    given_up: Vec<GivenUp<K, P>>,
}

impl<K: Clone + Eq + Hash, P> Collector<K, P> {
    /// A collector with the given timeout, holding at most `max_pending` incomplete messages.
    pub fn new(timeout: Duration, max_pending: usize) -> Self {
        Collector {
            timeout,
            max_pending: max_pending.max(1),
            pending: HashMap::new(),
            completed: HashMap::new(),
            given_up: Vec::new(),
        }
    }

    /// Adds part `seq` of `total` of the message `key`, received at `now`. Fails for a part number
    /// of 0 or above the total.
    pub fn push(
        &mut self,
        now: Instant,
        key: K,
        total: u8,
        seq: u8,
        part: P,
    ) -> Result<Collected<P>, DecodeError> {
        if total == 0 || seq == 0 || seq > total {
            return Err(DecodeError::InvalidPart { seq, total });
        }
        // A message whose deadline passed is over, even if expire() was not called yet.
        if self.pending.get(&key).is_some_and(|p| p.deadline <= now) {
            if let Some(p) = self.pending.remove(&key) {
                self.given_up.push((key.clone(), p.parts));
            }
        }
        if self.completed.get(&key).is_some_and(|&until| until > now) {
            return Ok(Collected::Duplicate);
        }
        if total == 1 {
            return Ok(Collected::Complete(vec![part]));
        }
        if !self.pending.contains_key(&key) && self.pending.len() >= self.max_pending {
            self.evict_one();
        }
        let deadline = now + self.timeout;
        let entry = self.pending.entry(key.clone()).or_insert_with(|| Held {
            parts: std::iter::repeat_with(|| None)
                .take(total as usize)
                .collect(),
            received: 0,
            deadline,
        });
        let Some(slot) = entry.parts.get_mut((seq - 1) as usize) else {
            return Err(DecodeError::InvalidPart { seq, total });
        };
        if slot.is_some() {
            return Ok(Collected::Duplicate);
        }
        *slot = Some(part);
        entry.received += 1;
        entry.deadline = deadline;
        if entry.received < entry.parts.len() {
            return Ok(Collected::Stored);
        }
        let Some(done) = self.pending.remove(&key) else {
            return Ok(Collected::Stored);
        };
        self.completed.insert(key, now + self.timeout);
        Ok(Collected::Complete(
            done.parts.into_iter().flatten().collect(),
        ))
    }

    fn evict_one(&mut self) {
        let oldest = self
            .pending
            .iter()
            .min_by_key(|(_, p)| p.deadline)
            .map(|(k, _)| k.clone());
        if let Some(k) = oldest {
            if let Some(p) = self.pending.remove(&k) {
                self.given_up.push((k, p.parts));
            }
        }
    }

    /// Gives up on every message whose deadline is at or before `now` and returns them (with any
    /// given up earlier by [`Collector::push`] or the memory bound).
    pub fn expire(&mut self, now: Instant) -> Vec<GivenUp<K, P>> {
        let due: Vec<K> = self
            .pending
            .iter()
            .filter(|(_, p)| p.deadline <= now)
            .map(|(k, _)| k.clone())
            .collect();
        for k in due {
            if let Some(p) = self.pending.remove(&k) {
                self.given_up.push((k, p.parts));
            }
        }
        self.completed.retain(|_, &mut until| until > now);
        std::mem::take(&mut self.given_up)
    }

    /// The earliest deadline of an incomplete message, if any.
    pub fn next_deadline(&self) -> Option<Instant> {
        self.pending.values().map(|p| p.deadline).min()
    }

    /// Number of incomplete messages held.
    pub fn pending(&self) -> usize {
        self.pending.len()
    }

    /// True while the message `key` waits for parts.
    pub fn is_pending(&self, key: &K) -> bool {
        self.pending.contains_key(key)
    }

    /// Forgets that the message `key` was completed, so that its parts are collected again if they
    /// come again (its delivery failed downstream).
    pub fn forget(&mut self, key: &K) {
        self.completed.remove(key);
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Key {
    sender: String,
    reference: u16,
    total: u8,
}

/// Collects parts of concatenated messages, keyed by sender, reference and total. Time is
/// passed in by the caller (`now`), so it is fully testable and needs no clock of its own.
///
/// A message is given up on when no new part of it arrived for `timeout`; call
/// [`Reassembler::expire`] regularly (e.g. at [`Reassembler::next_deadline`]) to collect those.
/// After a message completes, late duplicates of its parts are dropped for `timeout`.
pub struct Reassembler {
    parts: Collector<Key, Payload>,
}

impl Reassembler {
    /// A reassembler that gives up on a message after `timeout` without a new part, holding at
    /// most 10 000 incomplete messages.
    pub fn new(timeout: Duration) -> Self {
        Self::with_limit(timeout, 10_000)
    }

    /// Like [`Reassembler::new`] with a bound on incomplete messages held: beyond it, the one
    /// closest to its deadline is given up early (reported by [`Reassembler::expire`]).
    pub fn with_limit(timeout: Duration, max_pending: usize) -> Self {
        Reassembler {
            parts: Collector::new(timeout, max_pending),
        }
    }

    /// Adds a part received at `now`. Fails for a part number of 0 or above the total.
    pub fn push(&mut self, now: Instant, fragment: Fragment) -> Result<Pushed, DecodeError> {
        let Fragment {
            sender,
            reference,
            total,
            seq,
            payload,
        } = fragment;
        let key = Key {
            sender,
            reference,
            total,
        };
        Ok(
            match self.parts.push(now, key.clone(), total, seq, payload)? {
                Collected::Complete(parts) => Pushed::Complete(Reassembled {
                    text: Payload::join_text(&parts),
                    sender: key.sender,
                    reference,
                    total,
                }),
                Collected::Stored => Pushed::Stored,
                Collected::Duplicate => Pushed::Duplicate,
            },
        )
    }

    /// Gives up on every message whose deadline is at or before `now` and returns them (with
    /// any given up earlier by [`Reassembler::push`] or the memory bound).
    pub fn expire(&mut self, now: Instant) -> Vec<Expired> {
        self.parts
            .expire(now)
            .into_iter()
            .map(|(key, parts)| Expired {
                received: parts
                    .iter()
                    .enumerate()
                    .filter(|(_, part)| part.is_some())
                    .map(|(i, _)| (i + 1) as u8)
                    .collect(),
                partial_text: Payload::join_text(parts.iter().flatten()),
                sender: key.sender,
                reference: key.reference,
                total: key.total,
            })
            .collect()
    }

    /// The earliest deadline of an incomplete message, if any.
    pub fn next_deadline(&self) -> Option<Instant> {
        self.parts.next_deadline()
    }

    /// Number of incomplete messages held.
    pub fn pending(&self) -> usize {
        self.parts.pending()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::Alphabet;

    fn frag(sender: &str, reference: u16, total: u8, seq: u8, text: &str) -> Fragment {
        Fragment {
            sender: sender.into(),
            reference,
            total,
            seq,
            payload: Payload::new(
                Alphabet::Ucs2,
                text.encode_utf16().flat_map(u16::to_be_bytes).collect(),
            )
            .unwrap(),
        }
    }

    #[test]
    fn any_order_and_duplicates() {
        let t0 = Instant::now();
        let mut r = Reassembler::new(Duration::from_secs(60));
        assert_eq!(
            r.push(t0, frag("+60", 7, 3, 3, "c")).unwrap(),
            Pushed::Stored
        );
        assert_eq!(
            r.push(t0, frag("+60", 7, 3, 1, "a")).unwrap(),
            Pushed::Stored
        );
        assert_eq!(
            r.push(t0, frag("+60", 7, 3, 1, "X")).unwrap(),
            Pushed::Duplicate
        );
        // Same reference from another sender does not mix.
        assert_eq!(
            r.push(t0, frag("+61", 7, 3, 2, "Z")).unwrap(),
            Pushed::Stored
        );
        match r.push(t0, frag("+60", 7, 3, 2, "b")).unwrap() {
            Pushed::Complete(m) => assert_eq!(m.text, "abc"),
            other => panic!("{other:?}"),
        }
        // A late copy of a part of a completed message is dropped.
        assert_eq!(
            r.push(t0, frag("+60", 7, 3, 2, "b")).unwrap(),
            Pushed::Duplicate
        );
        assert_eq!(r.pending(), 1);
    }

    #[test]
    fn timeout_gives_up_on_missing_parts() {
        let t0 = Instant::now();
        let timeout = Duration::from_secs(30);
        let mut r = Reassembler::new(timeout);
        r.push(t0, frag("+60", 1, 3, 1, "a")).unwrap();
        r.push(t0 + Duration::from_secs(20), frag("+60", 1, 3, 3, "c"))
            .unwrap();
        assert_eq!(r.next_deadline(), Some(t0 + Duration::from_secs(50)));
        assert!(r.expire(t0 + Duration::from_secs(49)).is_empty());
        let gone = r.expire(t0 + Duration::from_secs(50));
        assert_eq!(gone.len(), 1);
        assert_eq!(gone[0].received, vec![1, 3]);
        assert_eq!(gone[0].partial_text, "ac");
        assert_eq!(r.pending(), 0);
        assert_eq!(r.next_deadline(), None);
    }

    #[test]
    fn stale_parts_do_not_merge_with_a_reused_reference() {
        let t0 = Instant::now();
        let mut r = Reassembler::new(Duration::from_secs(10));
        r.push(t0, frag("+60", 1, 2, 1, "old")).unwrap();
        let later = t0 + Duration::from_secs(11);
        assert_eq!(
            r.push(later, frag("+60", 1, 2, 2, "new2")).unwrap(),
            Pushed::Stored
        );
        assert_eq!(r.expire(later).len(), 1);
        assert!(matches!(
            r.push(later, frag("+60", 1, 2, 1, "new1")).unwrap(),
            Pushed::Complete(m) if m.text == "new1new2"
        ));
    }

    #[test]
    fn single_part_invalid_parts_and_memory_bound() {
        let t0 = Instant::now();
        let mut r = Reassembler::with_limit(Duration::from_secs(10), 2);
        assert!(
            matches!(r.push(t0, frag("+1", 1, 1, 1, "x")).unwrap(), Pushed::Complete(m) if m.text == "x")
        );
        assert!(r.push(t0, frag("+1", 1, 2, 0, "x")).is_err());
        assert!(r.push(t0, frag("+1", 1, 2, 3, "x")).is_err());
        assert!(r.push(t0, frag("+1", 1, 0, 0, "x")).is_err());
        r.push(t0, frag("+1", 1, 2, 1, "a")).unwrap();
        r.push(t0 + Duration::from_secs(1), frag("+1", 2, 2, 1, "b"))
            .unwrap();
        r.push(t0 + Duration::from_secs(2), frag("+1", 3, 2, 1, "c"))
            .unwrap();
        assert_eq!(r.pending(), 2);
        let gone = r.expire(t0 + Duration::from_secs(2));
        assert_eq!(gone.len(), 1);
        assert_eq!(gone[0].reference, 1);
    }
}
