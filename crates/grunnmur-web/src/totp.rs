//! The second factor: time-based one-time passwords (RFC 6238 over RFC 4226's HOTP: HMAC-SHA-1,
//! 6 digits, 30-second steps) and single-use recovery codes. Secrets are shown in base32
//! (RFC 4648), as authenticator apps expect them.

use crate::auth::{same, sha256_hex};
use hmac::{Hmac, Mac};
use sha1::Sha1;

/// Seconds per step.
pub const STEP: i64 = 30;
/// Digits of a code.
pub const DIGITS: u32 = 6;
/// How many recovery codes a user gets.
pub const RECOVERY_CODES: usize = 10;
const ISSUER: &str = "Grunnmur";
const BASE32: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/// Base32 without padding.
pub fn base32_encode(bytes: &[u8]) -> String {
    let mut out = String::new();
    let (mut buf, mut bits) = (0u32, 0u32);
    for &b in bytes {
        buf = (buf << 8) | u32::from(b);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(BASE32[((buf >> bits) & 31) as usize] as char);
        }
    }
    if bits > 0 {
        out.push(BASE32[((buf << (5 - bits)) & 31) as usize] as char);
    }
    out
}

/// Base32, case-insensitive, spaces and padding ignored; `None` for any other character.
pub fn base32_decode(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let (mut buf, mut bits) = (0u32, 0u32);
    for c in text.chars().filter(|c| !c.is_whitespace() && *c != '=') {
        let v = BASE32
            .iter()
            .position(|&x| x as char == c.to_ascii_uppercase())? as u32;
        buf = (buf << 5) | v;
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push((buf >> bits) as u8);
        }
        buf &= (1 << bits) - 1;
    }
    Some(out)
}

/// HOTP (RFC 4226): the code for a counter, `digits` long.
pub fn hotp(key: &[u8], counter: u64, digits: u32) -> u32 {
    let mut mac = Hmac::<Sha1>::new_from_slice(key).expect("HMAC takes a key of any length");
    mac.update(&counter.to_be_bytes());
    let h = mac.finalize().into_bytes();
    let offset = (h[h.len() - 1] & 0x0f) as usize;
    let bin =
        u32::from_be_bytes([h[offset], h[offset + 1], h[offset + 2], h[offset + 3]]) & 0x7fff_ffff;
    bin % 10u32.pow(digits)
}

/// The TOTP code at a Unix time, zero-padded.
pub fn code_at(key: &[u8], unix: i64) -> String {
    let step = unix.div_euclid(STEP).max(0) as u64;
    format!(
        "{:0width$}",
        hotp(key, step, DIGITS),
        width = DIGITS as usize
    )
}

/// Whether `code` is the secret's code at `unix`, or one step either side (clock drift).
pub fn verify(secret: &str, code: &str, unix: i64) -> bool {
    matching_step(secret, code, unix).is_some()
}

/// The time step (`unix / STEP`) whose code `code` is, within one step either side of `unix`
/// (clock drift); the latest when several match. Every step is compared, in constant time.
/// The caller refuses a step at or before the last one the account used (RFC 6238, 5.2).
pub fn matching_step(secret: &str, code: &str, unix: i64) -> Option<i64> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    let key = base32_decode(secret)?;
    if code.len() != DIGITS as usize || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    [-STEP, 0, STEP].iter().fold(None, |found, d| {
        let t = unix + d;
        if same(&code_at(&key, t), &code) {
            Some(t.div_euclid(STEP))
        } else {
            found
        }
    })
}

/// A new secret: 160 random bits (RFC 4226's recommendation), base32.
pub fn new_secret() -> String {
    let mut key = [0u8; 20];
    getrandom::fill(&mut key).expect("the operating system's random source");
    base32_encode(&key)
}

/// The `otpauth://` URI authenticator apps read (the Key Uri Format), for an account.
pub fn uri(secret: &str, account: &str) -> String {
    let label: String = format!("{ISSUER}:{account}")
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect();
    format!(
        "otpauth://totp/{label}?secret={secret}&issuer={ISSUER}&algorithm=SHA1&digits={DIGITS}&period={STEP}"
    )
}

/// Recovery codes as the user writes them down (`xxxxx-xxxxx`), and their hashes to store.
pub fn new_recovery_codes() -> (Vec<String>, Vec<String>) {
    let codes: Vec<String> = (0..RECOVERY_CODES)
        .map(|_| {
            // 50 random bits as ten base32 letters.
            let mut b = [0u8; 7];
            getrandom::fill(&mut b).expect("the operating system's random source");
            let raw = base32_encode(&b).to_lowercase();
            format!("{}-{}", &raw[..5], &raw[5..10])
        })
        .collect();
    let hashes = codes.iter().map(|c| recovery_hash(c)).collect();
    (codes, hashes)
}

/// What is stored of a recovery code: letters and digits only, lowercased, as SHA-256.
pub fn recovery_hash(code: &str) -> String {
    let norm: String = code
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_lowercase();
    sha256_hex(&norm)
}

/// Whether the text looks like a TOTP code (digits) rather than a recovery code.
pub fn is_totp_code(code: &str) -> bool {
    let digits: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238, appendix B: the SHA-1 key and the 8-digit codes at its test times.
    #[test]
    fn rfc_6238_test_vectors() {
        let key = b"12345678901234567890";
        let vectors: [(u64, u32); 6] = [
            (59, 94287082),
            (1111111109, 7081804),
            (1111111111, 14050471),
            (1234567890, 89005924),
            (2000000000, 69279037),
            (20000000000, 65353130),
        ];
        for (t, want) in vectors {
            assert_eq!(hotp(key, t / 30, 8), want, "T = {t}");
        }
    }

    /// RFC 4226, appendix D: HOTP values for counters 0..9.
    #[test]
    fn rfc_4226_test_vectors() {
        let key = b"12345678901234567890";
        let want = [
            755224, 287082, 359152, 969429, 338314, 254676, 287922, 162583, 399871, 520489,
        ];
        for (c, w) in want.iter().enumerate() {
            assert_eq!(hotp(key, c as u64, 6), *w, "counter {c}");
        }
    }

    #[test]
    fn base32_round_trips_and_matches_rfc_4648() {
        assert_eq!(base32_encode(b"foobar"), "MZXW6YTBOI");
        assert_eq!(base32_encode(b"f"), "MY");
        assert_eq!(base32_decode("mzxw6ytboi").unwrap(), b"foobar");
        assert_eq!(base32_decode("MZXW6YQ=").unwrap(), b"foob");
        assert_eq!(base32_decode("not base32!"), None);
        let s = new_secret();
        assert_eq!(base32_decode(&s).unwrap().len(), 20);
    }

    #[test]
    fn a_code_is_good_within_one_step_either_side() {
        let secret = base32_encode(b"12345678901234567890");
        let key = base32_decode(&secret).unwrap();
        let now = 1_111_111_111;
        assert!(verify(&secret, &code_at(&key, now), now));
        assert!(verify(&secret, &code_at(&key, now - 30), now));
        assert!(verify(&secret, &code_at(&key, now + 30), now));
        assert!(!verify(&secret, &code_at(&key, now - 90), now));
        assert!(!verify(&secret, "12345", now));
        assert!(!verify(&secret, "abcdef", now));
    }

    #[test]
    fn the_matching_step_is_the_codes_own() {
        let secret = base32_encode(b"12345678901234567890");
        let key = base32_decode(&secret).unwrap();
        let now = 1_111_111_111;
        let step = now / STEP;
        assert_eq!(matching_step(&secret, &code_at(&key, now), now), Some(step));
        let before = code_at(&key, now - STEP);
        assert_eq!(matching_step(&secret, &before, now), Some(step - 1));
        let after = code_at(&key, now + STEP);
        assert_eq!(matching_step(&secret, &after, now), Some(step + 1));
        assert_eq!(matching_step(&secret, &code_at(&key, now - 90), now), None);
        assert_eq!(matching_step("not base32!", &after, now), None);
    }

    #[test]
    fn recovery_codes_are_ten_distinct_and_hashed_loosely() {
        let (codes, hashes) = new_recovery_codes();
        assert_eq!(codes.len(), RECOVERY_CODES);
        let distinct: std::collections::HashSet<_> = codes.iter().collect();
        assert_eq!(distinct.len(), RECOVERY_CODES);
        assert_eq!(recovery_hash(&codes[0]), hashes[0]);
        assert_eq!(
            recovery_hash(&codes[0].to_uppercase().replace('-', " ")),
            hashes[0]
        );
        assert!(
            codes
                .iter()
                .all(|c| c.len() == 11 && c.as_bytes()[5] == b'-')
        );
        assert!(is_totp_code("123 456") && !is_totp_code("abcde-12345"));
    }

    #[test]
    fn the_uri_names_issuer_account_and_parameters() {
        let u = uri("ABC", "kari@example.no");
        assert_eq!(
            u,
            "otpauth://totp/Grunnmur%3Akari%40example.no?secret=ABC&issuer=Grunnmur&algorithm=SHA1&digits=6&period=30"
        );
    }
}
