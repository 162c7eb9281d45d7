//! Base64 (RFC 4648, standard alphabet, with `=` padding) for the encrypted envelope's
//! salt, IV and ciphertext. Decoding is strict: no whitespace, correct padding, no stray
//! bits — so one text has exactly one meaning.

use std::fmt;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Why a base64 text was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Base64Error {
    /// Length not a multiple of 4.
    Length,
    /// A character outside the alphabet (position in the text).
    Character(usize),
    /// Padding in the wrong place or leftover bits not zero.
    Padding,
}

impl fmt::Display for Base64Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Base64Error::Length => write!(f, "base64 の長さが正しくありません"),
            Base64Error::Character(at) => write!(f, "base64 に使えない文字があります（{}文字目）", at + 1),
            Base64Error::Padding => write!(f, "base64 の終わり方（=）が正しくありません"),
        }
    }
}

/// Encodes bytes as base64 with padding.
pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b0 = chunk.first().copied().unwrap_or(0);
        let b1 = chunk.get(1).copied().unwrap_or(0);
        let b2 = chunk.get(2).copied().unwrap_or(0);
        let n = (u32::from(b0) << 16) | (u32::from(b1) << 8) | u32::from(b2);
        let sextet = |shift: u32| char::from(ALPHABET[((n >> shift) & 0x3F) as usize]);
        out.push(sextet(18));
        out.push(sextet(12));
        out.push(if chunk.len() > 1 { sextet(6) } else { '=' });
        out.push(if chunk.len() > 2 { sextet(0) } else { '=' });
    }
    out
}

fn value_of(c: u8) -> Option<u32> {
    match c {
        b'A'..=b'Z' => Some(u32::from(c - b'A')),
        b'a'..=b'z' => Some(u32::from(c - b'a') + 26),
        b'0'..=b'9' => Some(u32::from(c - b'0') + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    }
}

/// Decodes padded base64 strictly.
pub fn decode(text: &str) -> Result<Vec<u8>, Base64Error> {
    let bytes = text.as_bytes();
    if !bytes.len().is_multiple_of(4) {
        return Err(Base64Error::Length);
    }
    let mut out = Vec::with_capacity(bytes.len() / 4 * 3);
    let chunks = bytes.len() / 4;
    for (ci, chunk) in bytes.chunks(4).enumerate() {
        let last = ci + 1 == chunks;
        let pads = chunk.iter().rev().take_while(|&&c| c == b'=').count();
        if pads > 2 || (pads > 0 && !last) {
            return Err(Base64Error::Padding);
        }
        let mut n: u32 = 0;
        for (i, &c) in chunk.iter().enumerate() {
            let v = if i >= 4 - pads { 0 } else { value_of(c).ok_or(Base64Error::Character(ci * 4 + i))? };
            n = (n << 6) | v;
        }
        let [_, b0, b1, b2] = n.to_be_bytes();
        match pads {
            0 => out.extend_from_slice(&[b0, b1, b2]),
            1 => {
                if b2 != 0 {
                    return Err(Base64Error::Padding);
                }
                out.extend_from_slice(&[b0, b1]);
            }
            _ => {
                if b1 != 0 || b2 != 0 {
                    return Err(Base64Error::Padding);
                }
                out.push(b0);
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn rfc4648_vectors() {
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(encode(plain.as_bytes()), coded);
            assert_eq!(decode(coded), Ok(plain.as_bytes().to_vec()));
        }
        assert_eq!(encode(&[0xFB, 0xFF]), "+/8=");
    }

    #[test]
    fn strict_decoding() {
        assert_eq!(decode("Zm9"), Err(Base64Error::Length));
        assert_eq!(decode("Zm9v\n"), Err(Base64Error::Length));
        assert_eq!(decode("Zm 9"), Err(Base64Error::Character(2)));
        assert_eq!(decode("Zg==Zg=="), Err(Base64Error::Padding));
        assert_eq!(decode("Z==="), Err(Base64Error::Padding));
        assert_eq!(decode("Zh=="), Err(Base64Error::Padding)); // stray bits
        assert_eq!(decode("Zm8=").map(|v| v.len()), Ok(2));
        assert_eq!(decode("Zm-v"), Err(Base64Error::Character(2)));
    }

    proptest! {
        #[test]
        fn round_trip(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            prop_assert_eq!(decode(&encode(&bytes)), Ok(bytes));
        }

        #[test]
        fn decode_never_panics(text in "\\PC{0,40}") {
            let _ = decode(&text);
        }
    }
}
