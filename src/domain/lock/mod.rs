//! 端末のロック (device lock): the rules of the passphrase that encrypts this browser's data at
//! rest. Plain Rust: the Web Crypto calls are in `storage::seal` (wasm only); what is decided
//! here is what they are given and what is kept.
//!
//! * **Keys.** One random AES-256-GCM *data key* encrypts every sealed row. It is stored only
//!   *wrapped* (AES-GCM key wrap) by a key derived from the passphrase with PBKDF2-SHA256
//!   ([`KeyFile`]: salt, iterations, the wrap's IV, the wrapped key). Changing the passphrase
//!   re-wraps that one key ([`KeyFile::rewrapped`]); the records are not touched. Once unlocked
//!   the data key lives only in memory as a non-extractable `CryptoKey`.
//! * **What stays plain** ([`PLAIN_FIELDS`]): what IndexedDB needs to find a row and what the
//!   app needs to check a revision without the key — IDs, kinds, 地域診断 IDs, revisions,
//!   timestamps, the device ID of the last save, the 前年度 link. Every body (names, 地区名,
//!   addresses, care, …), its field stamps, drafts and 変更履歴 entries are sealed.
//! * **Binding.** The AES-GCM additional data ([`additional_data`]) names the row's store, key
//!   and kind, so a sealed body moved onto another record, or altered, does not decrypt: the
//!   record is refused by name and the rest stays readable.
//! * **Slowdown.** Wrong passphrases wait longer and longer ([`Failures`], kept in storage so a
//!   reload does not reset it).
//! * **Turning on and off** ([`LockState`], [`row_step`]): rows are sealed (or opened) in place
//!   in batches; each row is either wholly plain or wholly sealed, and the state says which
//!   way the sweep runs, so a sweep cut short (a crash, a closed tab) resumes at the next
//!   unlock and never leaves a row half-written.

#[cfg(test)]
mod tests;

use crate::domain::bundle::base64;
use crate::domain::time::Timestamp;
use serde::{Deserialize, Serialize};

/// The meta entry that holds the [`KeyFile`] (absent: no passphrase is set).
pub const KEY_META: &str = "lock.key";
/// The meta entry that holds the [`LockState`] (absent: the lock is off).
pub const STATE_META: &str = "lock.state";
/// The meta entry that holds the [`Failures`] of the passphrase.
pub const FAILURES_META: &str = "lock.failures";

/// Fewest PBKDF2-SHA256 iterations accepted (OWASP 2023), as for encrypted exports.
pub const MIN_ITERATIONS: u32 = 600_000;
/// Iterations used for a new passphrase. Kept in the [`KeyFile`], so a later version may
/// raise them at the next passphrase change without touching the records.
pub const DEFAULT_ITERATIONS: u32 = 600_000;
/// Most iterations accepted (a damaged key file must not freeze the browser).
pub const MAX_ITERATIONS: u32 = 10_000_000;
/// PBKDF2 salt length in bytes.
pub const SALT_BYTES: usize = 16;
/// AES-GCM IV length in bytes.
pub const IV_BYTES: usize = 12;
/// Shortest passphrase accepted (characters).
pub const MIN_PASSPHRASE_CHARS: usize = 8;
/// Default idle time before the app locks itself (minutes).
pub const DEFAULT_IDLE_MINUTES: u32 = 10;
/// Rows sealed or opened per transaction when the lock is turned on or off.
pub const SWEEP_BATCH: usize = 200;

/// The fields of each stored row that stay readable without the key (everything else of the
/// row is in its sealed part). FORMAT.md's storage section repeats this table.
pub const PLAIN_FIELDS: &[(&str, &[&str])] = &[
    (
        "diagnoses, records",
        &["id", "diagnosis_id", "kind", "created_at", "updated_at", "updated_by", "rev", "deleted_at", "predecessor"],
    ),
    ("drafts", &["key", "diagnosis_id"]),
    ("history", &["id", "record_id", "diagnosis_id"]),
    ("meta", &["key", "json (app facts: the lock's key file and state, the export log)"]),
];

/// What the nurse must know before setting a passphrase.
pub const FORGOTTEN_WARNING: &str = "パスワードを忘れると、この端末のデータは二度と開けません（誰にも戻せません）。設定する前と、その後も定期的に、暗号化したバックアップを書き出してください。";

/// Why a passphrase or the key file cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LockError {
    /// The passphrase is too short.
    TooShort,
    /// The two entries differ.
    Mismatch,
    /// The stored key file is damaged (the field named).
    BadKeyFile(String),
}

impl std::fmt::Display for LockError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LockError::TooShort => {
                write!(f, "パスワードは{MIN_PASSPHRASE_CHARS}文字以上にしてください。")
            }
            LockError::Mismatch => write!(f, "確認のために入力したパスワードが一致しません。"),
            LockError::BadKeyFile(what) => {
                write!(
                    f,
                    "この端末のロックの鍵情報が壊れています（{what}）。暗号化したバックアップから戻してください。"
                )
            }
        }
    }
}

/// Checks a new passphrase and its confirmation.
pub fn check_new_passphrase(passphrase: &str, again: &str) -> Result<(), LockError> {
    if passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
        return Err(LockError::TooShort);
    }
    if passphrase != again {
        return Err(LockError::Mismatch);
    }
    Ok(())
}

/// The wrapped data key and how to derive the key that unwraps it (stored as [`KEY_META`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyFile {
    /// Names the data key; every sealed row names the key it was sealed with.
    pub key_id: String,
    /// Always `PBKDF2-SHA256`.
    pub kdf: String,
    pub iterations: u32,
    /// base64 of the salt.
    pub salt: String,
    /// base64 of the wrap's IV.
    pub iv: String,
    /// base64 of the wrapped data key (AES-GCM over the raw key, with the key ID as
    /// additional data).
    pub wrapped: String,
    /// When the passphrase was set or last changed.
    pub changed_at: Timestamp,
}

/// The parts of a [`KeyFile`], decoded and checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyParts {
    pub iterations: u32,
    pub salt: Vec<u8>,
    pub iv: Vec<u8>,
    pub wrapped: Vec<u8>,
}

impl KeyFile {
    /// A key file for a new data key `key_id` wrapped with the given derivation.
    pub fn new(key_id: &str, iterations: u32, salt: &[u8], iv: &[u8], wrapped: &[u8], now: Timestamp) -> KeyFile {
        KeyFile {
            key_id: key_id.to_string(),
            kdf: "PBKDF2-SHA256".to_string(),
            iterations,
            salt: base64::encode(salt),
            iv: base64::encode(iv),
            wrapped: base64::encode(wrapped),
            changed_at: now,
        }
    }

    /// The same data key wrapped anew (a changed passphrase, maybe more iterations).
    pub fn rewrapped(&self, iterations: u32, salt: &[u8], iv: &[u8], wrapped: &[u8], now: Timestamp) -> KeyFile {
        KeyFile::new(&self.key_id, iterations, salt, iv, wrapped, now)
    }

    /// Decodes and checks the key file.
    pub fn parts(&self) -> Result<KeyParts, LockError> {
        let bad = |what: &str| LockError::BadKeyFile(what.to_string());
        if self.kdf != "PBKDF2-SHA256" {
            return Err(bad("kdf"));
        }
        if !(MIN_ITERATIONS..=MAX_ITERATIONS).contains(&self.iterations) {
            return Err(bad("iterations"));
        }
        if self.key_id.is_empty() {
            return Err(bad("key_id"));
        }
        let salt = base64::decode(&self.salt).map_err(|_| bad("salt"))?;
        let iv = base64::decode(&self.iv).map_err(|_| bad("iv"))?;
        let wrapped = base64::decode(&self.wrapped).map_err(|_| bad("wrapped"))?;
        if salt.len() < SALT_BYTES {
            return Err(bad("salt"));
        }
        if iv.len() != IV_BYTES {
            return Err(bad("iv"));
        }
        // A 256-bit key and the 16-byte tag.
        if wrapped.len() != 32 + 16 {
            return Err(bad("wrapped"));
        }
        Ok(KeyParts { iterations: self.iterations, salt, iv, wrapped })
    }

    /// The additional data of the key wrap: the key ID, so a key file's parts cannot be
    /// mixed with another's.
    pub fn wrap_additional_data(&self) -> Vec<u8> {
        format!("nanbyo-lock-key|{}", self.key_id).into_bytes()
    }
}

/// Which way the data at rest is, or is going (stored as [`STATE_META`]; absent: off).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum LockState {
    /// Turning on: rows are being sealed with `key_id`; new writes are sealed.
    Sealing { key_id: String },
    /// On: every row is sealed with `key_id`.
    On { key_id: String },
    /// Turning off: rows are being opened; new writes are plain.
    Opening { key_id: String },
}

impl LockState {
    pub fn key_id(&self) -> &str {
        match self {
            LockState::Sealing { key_id } | LockState::On { key_id } | LockState::Opening { key_id } => key_id,
        }
    }

    /// Whether new writes are sealed.
    pub fn writes_sealed(&self) -> bool {
        !matches!(self, LockState::Opening { .. })
    }

    /// Whether a sweep is still to run (the state after a crash mid-way).
    pub fn sweeping(&self) -> bool {
        !matches!(self, LockState::On { .. })
    }

    /// The state once the sweep has finished (`None`: the lock is off, its key file removed).
    pub fn after_sweep(&self) -> Option<LockState> {
        match self {
            LockState::Sealing { key_id } | LockState::On { key_id } => Some(LockState::On { key_id: key_id.clone() }),
            LockState::Opening { .. } => None,
        }
    }
}

/// What a sweep does with one row, sealed with `sealed_with` (`None`: plain).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowStep {
    /// Already as the sweep wants it.
    Keep,
    /// Plain: to be sealed.
    Seal,
    /// Sealed with the current key: to be opened (made plain).
    Open,
    /// Sealed with a key this device no longer has: left as it is and reported.
    Foreign,
}

/// What the sweep of `state` does with a row sealed with `sealed_with`.
pub fn row_step(state: &LockState, sealed_with: Option<&str>) -> RowStep {
    match (state.writes_sealed(), sealed_with) {
        (_, Some(k)) if k != state.key_id() => RowStep::Foreign,
        (true, None) => RowStep::Seal,
        (true, Some(_)) => RowStep::Keep,
        (false, None) => RowStep::Keep,
        (false, Some(_)) => RowStep::Open,
    }
}

/// The AES-GCM additional data of a sealed row: its store, its key and (for a record) its
/// kind, under the key's ID. A sealed body copied onto another row does not decrypt.
pub fn additional_data(key_id: &str, store: &str, key: &str, kind: Option<&str>) -> Vec<u8> {
    format!("nanbyo-lock|{key_id}|{store}|{key}|{}", kind.unwrap_or("")).into_bytes()
}

/// The message for a row that does not decrypt (altered, damaged or moved), naming it.
pub fn refused_message(what: &str, key: &str) -> String {
    format!("{what}（ID {key}）の暗号を解けません。改ざんまたは破損のおそれがあるため、この{what}は開きません（ほかのデータは読めます）。")
}

/// Wrong passphrases so far and when the last one was given (stored as [`FAILURES_META`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Failures {
    pub count: u32,
    pub last_at: Timestamp,
}

/// Wrong passphrases allowed without waiting.
pub const FREE_TRIES: u32 = 3;
/// Longest wait between tries (milliseconds).
pub const MAX_WAIT_MS: i64 = 5 * 60 * 1000;

impl Failures {
    /// How long to wait after `count` wrong passphrases before the next try: none for the
    /// first [`FREE_TRIES`], then 2 s doubling each time (2, 4, 8, … s) up to 5 minutes.
    pub fn wait_ms(count: u32) -> i64 {
        if count < FREE_TRIES {
            return 0;
        }
        let doublings = (count - FREE_TRIES).min(20);
        (2_000i64 << doublings).min(MAX_WAIT_MS)
    }

    /// When the next try is allowed.
    pub fn next_try_at(&self) -> Timestamp {
        Timestamp(self.last_at.0 + Failures::wait_ms(self.count))
    }

    /// Milliseconds still to wait at `now` (0: may try).
    pub fn remaining_ms(&self, now: Timestamp) -> i64 {
        (self.next_try_at().0 - now.0).max(0)
    }

    /// After one more wrong passphrase at `now`.
    pub fn failed(self, now: Timestamp) -> Failures {
        Failures { count: self.count.saturating_add(1), last_at: now }
    }

    /// The message while waiting.
    pub fn waiting_message(&self, now: Timestamp) -> Option<String> {
        let ms = self.remaining_ms(now);
        (ms > 0).then(|| {
            format!("パスワードが{}回違いました。{}秒後にもう一度入力できます。", self.count, (ms + 999) / 1000)
        })
    }
}

/// Minutes of idle time the nurse may choose (the first is the default).
pub const IDLE_CHOICES: &[u32] = &[DEFAULT_IDLE_MINUTES, 1, 3, 5, 15, 30, 60];

/// The idle time to use, from a stored setting (unknown or absent: the default).
pub fn idle_minutes(setting: Option<u32>) -> u32 {
    setting.filter(|m| IDLE_CHOICES.contains(m)).unwrap_or(DEFAULT_IDLE_MINUTES)
}
