//! Reassembling concatenated messages whose parts arrive in any order, duplicated, or never.

use std::collections::HashMap;
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

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Key {
    sender: String,
    reference: u16,
    total: u8,
}

struct Pending {
    parts: Vec<Option<Payload>>,
    received: usize,
    deadline: Instant,
}

/// Collects parts of concatenated messages, keyed by sender, reference and total. Time is
/// passed in by the caller (`now`), so it is fully testable and needs no clock of its own.
///
/// A message is given up on when no new part of it arrived for `timeout`; call
/// [`Reassembler::expire`] regularly (e.g. at [`Reassembler::next_deadline`]) to collect those.
/// After a message completes, late duplicates of its parts are dropped for `timeout`.
pub struct Reassembler {
    timeout: Duration,
    max_pending: usize,
    pending: HashMap<Key, Pending>,
    completed: HashMap<Key, Instant>,
    expired: Vec<Expired>,
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
            timeout,
            max_pending: max_pending.max(1),
            pending: HashMap::new(),
            completed: HashMap::new(),
            expired: Vec::new(),
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
        if total == 0 || seq == 0 || seq > total {
            return Err(DecodeError::InvalidPart { seq, total });
        }
        let key = Key {
            sender,
            reference,
            total,
        };
        // A message whose deadline passed is over, even if expire() was not called yet.
        if self.pending.get(&key).is_some_and(|p| p.deadline <= now) {
            if let Some(p) = self.pending.remove(&key) {
                self.expired.push(expired(key.clone(), p));
            }
        }
        if self.completed.get(&key).is_some_and(|&until| until > now) {
            return Ok(Pushed::Duplicate);
        }
        if total == 1 {
            return Ok(Pushed::Complete(Reassembled {
                text: payload.text(),
                sender: key.sender,
                reference,
                total,
            }));
        }
        if !self.pending.contains_key(&key) && self.pending.len() >= self.max_pending {
            self.evict_one();
        }
        let deadline = now + self.timeout;
        let entry = self.pending.entry(key.clone()).or_insert_with(|| Pending {
            parts: vec![None; total as usize],
            received: 0,
            deadline,
        });
        let slot = &mut entry.parts[(seq - 1) as usize];
        if slot.is_some() {
            return Ok(Pushed::Duplicate);
        }
        *slot = Some(payload);
        entry.received += 1;
        entry.deadline = deadline;
        if entry.received < total as usize {
            return Ok(Pushed::Stored);
        }
        let Some(done) = self.pending.remove(&key) else {
            return Ok(Pushed::Stored);
        };
        self.completed.insert(key.clone(), now + self.timeout);
        Ok(Pushed::Complete(Reassembled {
            text: Payload::join_text(done.parts.iter().flatten()),
            sender: key.sender,
            reference,
            total,
        }))
    }

    fn evict_one(&mut self) {
        let oldest = self
            .pending
            .iter()
            .min_by_key(|(_, p)| p.deadline)
            .map(|(k, _)| k.clone());
        if let Some(k) = oldest {
            if let Some(p) = self.pending.remove(&k) {
                self.expired.push(expired(k, p));
            }
        }
    }

    /// Gives up on every message whose deadline is at or before `now` and returns them (with
    /// any given up earlier by [`Reassembler::push`] or the memory bound).
    pub fn expire(&mut self, now: Instant) -> Vec<Expired> {
        let due: Vec<Key> = self
            .pending
            .iter()
            .filter(|(_, p)| p.deadline <= now)
            .map(|(k, _)| k.clone())
            .collect();
        for k in due {
            if let Some(p) = self.pending.remove(&k) {
                self.expired.push(expired(k, p));
            }
        }
        self.completed.retain(|_, &mut until| until > now);
        std::mem::take(&mut self.expired)
    }

    /// The earliest deadline of an incomplete message, if any.
    pub fn next_deadline(&self) -> Option<Instant> {
        self.pending.values().map(|p| p.deadline).min()
    }

    /// Number of incomplete messages held.
    pub fn pending(&self) -> usize {
        self.pending.len()
    }
}

fn expired(key: Key, p: Pending) -> Expired {
    Expired {
        received: p
            .parts
            .iter()
            .enumerate()
            .filter(|(_, part)| part.is_some())
            .map(|(i, _)| (i + 1) as u8)
            .collect(),
        partial_text: Payload::join_text(p.parts.iter().flatten()),
        sender: key.sender,
        reference: key.reference,
        total: key.total,
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
