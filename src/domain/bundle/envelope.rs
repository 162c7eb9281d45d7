//! 暗号化ファイル: the format of a password-protected bundle. The crypto itself runs in the
//! browser (WebCrypto: PBKDF2-SHA256 → AES-256-GCM); this module defines and checks the
//! file around it.
//!
//! ```json
//! { "format": "nanbyo-chiiki-shindan-encrypted", "version": 1,
//!   "kdf": { "name": "PBKDF2-SHA256", "iterations": 600000, "salt": "<base64, 16–64 bytes>" },
//!   "cipher": { "name": "AES-256-GCM", "iv": "<base64, 12 bytes>" },
//!   "created_at": 1763776800000,
//!   "ciphertext": "<base64: AES-GCM output, tag (16 bytes) at the end>" }
//! ```
//!
//! The header — everything except `ciphertext` — is the GCM additional authenticated data,
//! as the bytes of [`header_aad_bytes`]: compact JSON with keys sorted at every level and
//! no spaces. Any change to the header (e.g. lowering `iterations`) makes decryption fail.
//! The plaintext is the UTF-8 text of a bundle file; after decrypting, read it with
//! [`super::parse_bundle`].

use super::base64;
use super::scan::{check_depth, clip, decode_text, parse_strict_with_long, MAX_BUNDLE_BYTES};
use crate::domain::time::Timestamp;
use serde_json::{Map, Value};

/// The `format` marker of an encrypted file.
pub const ENCRYPTED_FORMAT: &str = "nanbyo-chiiki-shindan-encrypted";
/// The envelope version this app writes and reads.
pub const ENVELOPE_VERSION: u32 = 1;
/// The key derivation (WebCrypto: `{name: "PBKDF2", hash: "SHA-256"}`).
pub const KDF_NAME: &str = "PBKDF2-SHA256";
/// The cipher (WebCrypto: `{name: "AES-GCM", length: 256}`, 128-bit tag).
pub const CIPHER_NAME: &str = "AES-256-GCM";
/// Fewest PBKDF2 iterations accepted (OWASP 2023 for PBKDF2-HMAC-SHA256).
pub const MIN_ITERATIONS: u32 = 600_000;
/// Iterations the app uses for new files.
pub const DEFAULT_ITERATIONS: u32 = 600_000;
/// Most iterations accepted (a hostile file must not freeze the browser for minutes).
pub const MAX_ITERATIONS: u32 = 10_000_000;
/// Salt length range in bytes (the app writes 16).
pub const MIN_SALT_BYTES: usize = 16;
pub const MAX_SALT_BYTES: usize = 64;
/// IV length in bytes (96 bits, the GCM standard).
pub const IV_BYTES: usize = 12;
/// GCM authentication tag length in bytes (at the end of the ciphertext).
pub const TAG_BYTES: usize = 16;
/// What to show when WebCrypto's AES-GCM decryption fails (wrong password or damaged file:
/// GCM cannot tell them apart).
pub const WRONG_PASSWORD_MESSAGE: &str = "パスワードが違うか、ファイルが壊れています";
/// Largest encrypted file accepted: a maximal bundle in base64 plus the header.
pub const MAX_ENVELOPE_BYTES: usize = MAX_BUNDLE_BYTES / 3 * 4 + 64 * 1024;

/// An encrypted bundle file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Envelope {
    /// PBKDF2 iterations (≥ [`MIN_ITERATIONS`]).
    pub iterations: u32,
    /// PBKDF2 salt (random, 16–64 bytes).
    pub salt: Vec<u8>,
    /// AES-GCM IV (random, 12 bytes, never reused with the same key).
    pub iv: Vec<u8>,
    /// 作成日時.
    pub created_at: Timestamp,
    /// AES-GCM output (ciphertext followed by the 16-byte tag).
    pub ciphertext: Vec<u8>,
}

impl Envelope {
    /// A new envelope's header for encrypting (`ciphertext` empty): the UI draws `salt`
    /// and `iv` from `crypto.getRandomValues`, computes [`header_aad_bytes`], encrypts, then
    /// sets `ciphertext` and calls [`Envelope::to_json`].
    pub fn new(salt: Vec<u8>, iv: Vec<u8>, created_at: Timestamp) -> Result<Envelope, String> {
        let e = Envelope { iterations: DEFAULT_ITERATIONS, salt, iv, created_at, ciphertext: Vec::new() };
        e.check_header()?;
        Ok(e)
    }

    fn check_header(&self) -> Result<(), String> {
        if self.iterations < MIN_ITERATIONS {
            return Err(format!(
                "鍵の計算回数（iterations）が少なすぎます（{}回、{MIN_ITERATIONS}回以上が必要）。安全でないため開きません",
                self.iterations
            ));
        }
        if self.iterations > MAX_ITERATIONS {
            return Err(format!("鍵の計算回数（iterations）が多すぎます（{MAX_ITERATIONS}回まで）"));
        }
        if !(MIN_SALT_BYTES..=MAX_SALT_BYTES).contains(&self.salt.len()) {
            return Err(format!(
                "salt の長さが正しくありません（{}バイト、{MIN_SALT_BYTES}〜{MAX_SALT_BYTES}バイトのはず）",
                self.salt.len()
            ));
        }
        if self.iv.len() != IV_BYTES {
            return Err(format!("iv の長さが正しくありません（{}バイト、{IV_BYTES}バイトのはず）", self.iv.len()));
        }
        Ok(())
    }

    /// The file text (ciphertext last, so the header is readable at the top).
    pub fn to_json(&self) -> String {
        let header = header_json(self);
        // header ends with `}`: insert the ciphertext before it.
        let body = header.strip_suffix('}').unwrap_or(&header);
        format!("{body},\"ciphertext\":\"{}\"}}", base64::encode(&self.ciphertext))
    }
}

/// The canonical header: sorted keys at every level, no spaces. Values are ASCII.
fn header_json(e: &Envelope) -> String {
    format!(
        "{{\"cipher\":{{\"iv\":\"{}\",\"name\":\"{CIPHER_NAME}\"}},\"created_at\":{},\"format\":\"{ENCRYPTED_FORMAT}\",\"kdf\":{{\"iterations\":{},\"name\":\"{KDF_NAME}\",\"salt\":\"{}\"}},\"version\":{ENVELOPE_VERSION}}}",
        base64::encode(&e.iv),
        e.created_at.0,
        e.iterations,
        base64::encode(&e.salt),
    )
}

/// The AES-GCM additional authenticated data: the canonical header's UTF-8 bytes.
pub fn header_aad_bytes(envelope: &Envelope) -> Vec<u8> {
    header_json(envelope).into_bytes()
}

fn get<'a>(map: &'a Map<String, Value>, key: &str, place: &str) -> Result<&'a Value, String> {
    map.get(key).ok_or_else(|| format!("{place}{key} がありません"))
}

fn get_str<'a>(map: &'a Map<String, Value>, key: &str, place: &str) -> Result<&'a str, String> {
    get(map, key, place)?.as_str().ok_or_else(|| format!("{place}{key} が文字列ではありません"))
}

fn get_object<'a>(map: &'a Map<String, Value>, key: &str) -> Result<&'a Map<String, Value>, String> {
    get(map, key, "")?.as_object().ok_or_else(|| format!("{key} が {{ }} のオブジェクトではありません"))
}

fn only_keys(map: &Map<String, Value>, allowed: &[&str], place: &str) -> Result<(), String> {
    match map.keys().find(|k| !allowed.contains(&k.as_str())) {
        Some(k) => Err(format!("{place}「{}」は暗号化ファイルにはない項目です", clip(k, 40))),
        None => Ok(()),
    }
}

fn b64(map: &Map<String, Value>, key: &str, place: &str) -> Result<Vec<u8>, String> {
    base64::decode(get_str(map, key, place)?).map_err(|e| format!("{place}{key}: {e}"))
}

/// Reads an encrypted file's text. Refuses unknown formats, versions and algorithms,
/// fewer than [`MIN_ITERATIONS`] iterations, wrong salt/IV lengths, a ciphertext shorter
/// than the GCM tag and malformed base64, with a Japanese message.
pub fn parse_envelope(text: &str) -> Result<Envelope, String> {
    let text = decode_text(text.as_bytes(), MAX_ENVELOPE_BYTES).map_err(|e| e.to_string())?;
    check_depth(text, 8).map_err(|e| e.to_string())?;
    // The ciphertext is the whole bundle in base64: far longer than any text of a bundle.
    let root = parse_strict_with_long(text, "ciphertext", MAX_ENVELOPE_BYTES).map_err(|e| e.to_string())?;
    let map = root.as_object().ok_or("暗号化ファイルではありません（全体が { } のオブジェクトではありません）")?;
    match map.get("format").and_then(Value::as_str) {
        Some(ENCRYPTED_FORMAT) => {}
        Some(super::BUNDLE_FORMAT) => return Err("暗号化されていないバンドルファイルです。そのまま取り込めます".into()),
        _ => return Err("このアプリの暗号化ファイルではありません".into()),
    }
    only_keys(map, &["format", "version", "kdf", "cipher", "created_at", "ciphertext"], "")?;
    match get(map, "version", "")?.as_u64() {
        Some(v) if v == u64::from(ENVELOPE_VERSION) => {}
        Some(v) if v > u64::from(ENVELOPE_VERSION) => {
            return Err(format!("新しい版のアプリで暗号化されたファイルです（v{v}）。アプリを更新してください"))
        }
        _ => return Err("暗号化ファイルの版（version）が正しくありません".into()),
    }
    let kdf = get_object(map, "kdf")?;
    only_keys(kdf, &["name", "iterations", "salt"], "kdf の")?;
    let kdf_name = get_str(kdf, "name", "kdf の ")?;
    if kdf_name != KDF_NAME {
        return Err(format!("鍵の作り方「{}」には対応していません（{KDF_NAME} のみ）", clip(kdf_name, 30)));
    }
    let iterations = get(kdf, "iterations", "kdf の ")?.as_u64().ok_or("kdf の iterations が整数ではありません")?;
    let iterations = u32::try_from(iterations).unwrap_or(u32::MAX);
    let salt = b64(kdf, "salt", "kdf の ")?;
    let cipher = get_object(map, "cipher")?;
    only_keys(cipher, &["name", "iv"], "cipher の")?;
    let cipher_name = get_str(cipher, "name", "cipher の ")?;
    if cipher_name != CIPHER_NAME {
        return Err(format!("暗号の方式「{}」には対応していません（{CIPHER_NAME} のみ）", clip(cipher_name, 30)));
    }
    let iv = b64(cipher, "iv", "cipher の ")?;
    let created_at = get(map, "created_at", "")?
        .as_i64()
        .filter(|t| (0..=super::body::MAX_TIMESTAMP_MS).contains(t))
        .map(Timestamp)
        .ok_or("created_at が正しい日時ではありません")?;
    let ciphertext = b64(map, "ciphertext", "")?;
    if ciphertext.len() < TAG_BYTES {
        return Err("暗号文が短すぎます。ファイルが壊れています".into());
    }
    let envelope = Envelope { iterations, salt, iv, created_at, ciphertext };
    envelope.check_header()?;
    Ok(envelope)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Envelope {
        let mut e = Envelope::new(vec![7; 16], vec![9; 12], Timestamp(1_763_776_800_000)).expect("valid");
        e.ciphertext = vec![1; 40];
        e
    }

    #[test]
    fn round_trip_and_canonical_aad() {
        let e = sample();
        let text = e.to_json();
        assert_eq!(parse_envelope(&text), Ok(e.clone()));
        let aad = String::from_utf8(header_aad_bytes(&e)).expect("utf-8");
        assert_eq!(
            aad,
            "{\"cipher\":{\"iv\":\"CQkJCQkJCQkJCQkJ\",\"name\":\"AES-256-GCM\"},\"created_at\":1763776800000,\"format\":\"nanbyo-chiiki-shindan-encrypted\",\"kdf\":{\"iterations\":600000,\"name\":\"PBKDF2-SHA256\",\"salt\":\"BwcHBwcHBwcHBwcHBwcHBw==\"},\"version\":1}"
        );
        // The AAD is the header as JSON with sorted keys: the same as re-serialising the
        // file without its ciphertext.
        let mut v: Value = serde_json::from_str(&text).expect("json");
        if let Some(m) = v.as_object_mut() {
            m.remove("ciphertext");
        }
        assert_eq!(v.to_string(), aad);
        // Pretty-printed files read the same.
        let pretty = serde_json::to_string_pretty(&serde_json::from_str::<Value>(&text).expect("json")).expect("json");
        assert_eq!(parse_envelope(&pretty), Ok(e));
    }

    /// A bundle of more than 15 KB encrypts to a ciphertext of more than 20,000 base64
    /// characters, the limit of every other string: it was refused (「文字列が長すぎます」), so
    /// an encrypted backup of real data could not be read back.
    #[test]
    fn a_large_ciphertext_is_read() {
        let mut e = sample();
        e.ciphertext = vec![1; 300_000];
        assert_eq!(parse_envelope(&e.to_json()), Ok(e));
    }

    fn with(f: impl FnOnce(&mut Value)) -> String {
        let mut v: Value = serde_json::from_str(&sample().to_json()).expect("json");
        f(&mut v);
        v.to_string()
    }

    #[test]
    fn refuses_weak_or_unknown_parameters() {
        let cases: Vec<(String, &str)> = vec![
            (with(|v| v["kdf"]["iterations"] = 100_000.into()), "少なすぎます"),
            (with(|v| v["kdf"]["iterations"] = 599_999.into()), "600000回以上"),
            (with(|v| v["kdf"]["iterations"] = 10_000_000_000u64.into()), "多すぎます"),
            (with(|v| v["kdf"]["iterations"] = 6.5e5.into()), "整数ではありません"),
            (with(|v| v["kdf"]["name"] = "scrypt".into()), "「scrypt」には対応していません"),
            (with(|v| v["cipher"]["name"] = "AES-128-CBC".into()), "「AES-128-CBC」には対応していません"),
            (with(|v| v["kdf"]["salt"] = base64::encode(&[1; 8]).into()), "salt の長さ"),
            (with(|v| v["cipher"]["iv"] = base64::encode(&[1; 16]).into()), "iv の長さ"),
            (with(|v| v["cipher"]["iv"] = "!!!!".into()), "base64 に使えない文字"),
            (with(|v| v["ciphertext"] = base64::encode(&[1; 15]).into()), "短すぎます"),
            (with(|v| v["version"] = 2.into()), "新しい版"),
            (with(|v| v["extra"] = 1.into()), "「extra」は暗号化ファイルにはない項目です"),
            (with(|v| v["format"] = "nanbyo-chiiki-shindan-bundle".into()), "暗号化されていない"),
            (with(|v| v["created_at"] = (-1).into()), "created_at"),
            (with(|v| v["cipher"] = "x".into()), "cipher が { } のオブジェクトではありません"),
            ("[".repeat(50), "入れ子が深すぎます"),
            ("not json".into(), "JSON の書き方に誤り"),
        ];
        for (text, expected) in cases {
            let m = parse_envelope(&text).expect_err(expected);
            assert!(m.contains(expected), "{expected}: {m}");
        }
        assert!(Envelope::new(vec![0; 15], vec![0; 12], Timestamp(0)).is_err());
    }
}
