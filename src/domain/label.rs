//! Labels: how a member without an alias is shown in one list (`#K7PQ`). Random per list, so that
//! a label links nobody across lists and tells nothing about when they arrived.

/// Letters and digits of labels: no 0/O, 1/I/L, which people mix up when they copy one.
pub const ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/// A random label of `len` characters of [`ALPHABET`].
pub fn random(len: usize) -> String {
    use rand::Rng;
    let mut rng = rand::thread_rng();
    (0..len)
        .map(|_| char::from(ALPHABET[rng.gen_range(0..ALPHABET.len())]))
        .collect()
}

/// The length of the `attempt`-th try at a free label: four characters (923,521 labels), one more
/// for each ten tries that met labels in use.
pub fn length(attempt: usize) -> usize {
    4 + attempt / 10
}
