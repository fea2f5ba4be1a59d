//! Whole numbers packed into text for the compact records (a card's schedule and its reviews).
//!
//! A number is written in base 46, most significant digit first, with no separator: every digit
//! but the last comes from `MORE`, the last from `LAST`, so a reader knows where each number ends.
//! Both sets are printable ASCII that JSON writes as it is (no quote, no backslash, no space), so a
//! packed text costs one byte a character in a JSON string and in local storage's count. A 40-day
//! gap in milliseconds takes 6 characters, a 9-second answer with its grade 4.
//!
//! Signed numbers are zigzagged first (0, -1, 1, -2 … → 0, 1, 2, 3 …).

const MORE: &[u8; 46] = b"0123456789abcdefghijklmnopqrstuvwxyz!#$%&'()*+";
const LAST: &[u8; 46] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ,-./:;<=>?@[]^_`{|}~";
const BASE: u64 = 46;

/// Appends `n` to `out`.
pub fn put(out: &mut String, mut n: u64) {
    let mut digits = [0u8; 12];
    let mut i = digits.len() - 1;
    digits[i] = LAST[(n % BASE) as usize];
    n /= BASE;
    while n > 0 {
        i -= 1;
        digits[i] = MORE[(n % BASE) as usize];
        n /= BASE;
    }
    // Every byte is ASCII.
    out.extend(digits[i..].iter().map(|&b| b as char));
}

/// Appends a signed number (zigzagged).
pub fn put_signed(out: &mut String, n: i64) {
    put(out, ((n << 1) ^ (n >> 63)) as u64);
}

/// Reads packed numbers one after another.
pub struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    pub fn new(text: &'a str) -> Self {
        Reader { bytes: text.as_bytes() }
    }

    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    /// The next number; `None` at the end of the text, on a character outside both sets, or on a
    /// number too large for 64 bits.
    pub fn number(&mut self) -> Option<u64> {
        let mut n: u64 = 0;
        loop {
            let (&b, rest) = self.bytes.split_first()?;
            self.bytes = rest;
            if let Some(d) = LAST.iter().position(|&c| c == b) {
                return n.checked_mul(BASE)?.checked_add(d as u64);
            }
            let d = MORE.iter().position(|&c| c == b)?;
            n = n.checked_mul(BASE)?.checked_add(d as u64)?;
        }
    }

    pub fn signed(&mut self) -> Option<i64> {
        let z = self.number()?;
        Some(((z >> 1) as i64) ^ -((z & 1) as i64))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn digit_sets_are_distinct_and_json_safe() {
        for &b in MORE.iter().chain(LAST.iter()) {
            assert!(b.is_ascii_graphic() && b != b'"' && b != b'\\', "{}", b as char);
            assert_eq!(MORE.iter().chain(LAST.iter()).filter(|&&c| c == b).count(), 1, "{}", b as char);
        }
    }

    #[test]
    fn small_and_large_numbers_have_the_expected_lengths() {
        let len = |n: u64| {
            let mut s = String::new();
            put(&mut s, n);
            s.len()
        };
        assert_eq!((len(0), len(45), len(46), len(2_115)), (1, 1, 2, 2));
        assert_eq!(len(40 * 86_400_000), 6, "a 40-day gap in ms");
        assert_eq!(len(u64::MAX), 12);
        let mut s = String::new();
        put(&mut s, 0);
        put(&mut s, 46);
        assert_eq!(s, "A1A");
    }

    #[test]
    fn damaged_text_is_refused() {
        assert_eq!(Reader::new("").number(), None);
        assert_eq!(Reader::new("12").number(), None, "a number without its last digit");
        assert_eq!(Reader::new("1 A").number(), None);
        assert_eq!(Reader::new("zzzzzzzzzzzzzzzzA").number(), None, "more than 64 bits");
    }

    proptest! {
        #[test]
        fn numbers_read_back(ns in prop::collection::vec(any::<u64>(), 0..20), ss in prop::collection::vec(any::<i64>(), 0..20)) {
            let mut text = String::new();
            for &n in &ns { put(&mut text, n); }
            for &s in &ss { put_signed(&mut text, s); }
            let mut r = Reader::new(&text);
            for &n in &ns { prop_assert_eq!(r.number(), Some(n)); }
            for &s in &ss { prop_assert_eq!(r.signed(), Some(s)); }
            prop_assert!(r.is_empty());
        }
    }
}
