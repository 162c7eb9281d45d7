//! 端末のロック in the browser: the Web Crypto calls behind `domain::lock` (wasm only).
//!
//! * A passphrase derives (PBKDF2-SHA256, the [`KeyFile`]'s salt and iterations) an AES-256-GCM
//!   *wrapping* key, which unwraps the data key with `extractable: false`: once unlocked, the
//!   data key exists only as a `CryptoKey` in this page's (or worker's) memory. It is extractable
//!   for a moment only when it is made ([`Seal::create`]) or re-wrapped ([`rewrap`]).
//! * A sealed row carries `{k: key ID, iv: 12 random bytes, ct: AES-GCM ciphertext}`; the
//!   additional data is [`additional_data`] of the row's store, key and kind.
//! * Many rows are sealed or opened at once: every Web Crypto promise is started, then awaited
//!   together, outside any IndexedDB transaction (a transaction commits as soon as the event
//!   loop idles, so no `await` on Web Crypto may sit inside one).

use crate::domain::lock::{additional_data, KeyFile, DEFAULT_ITERATIONS, IV_BYTES, SALT_BYTES};
use crate::domain::time::Timestamp;
use crate::web_crypto::{crypto, gcm, js_text, object, random_bytes};
use js_sys::{Array, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::CryptoKey;

/// Why unlocking failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UnlockError {
    /// The passphrase does not unwrap the key (or the key file was altered: GCM cannot tell).
    Wrong,
    /// Web Crypto failed otherwise, or the key file is damaged (message in Japanese).
    Failed(String),
}

impl std::fmt::Display for UnlockError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            UnlockError::Wrong => write!(f, "パスワードが違います。"),
            UnlockError::Failed(m) => write!(f, "{m}"),
        }
    }
}

/// One row to seal: its place (for the additional data) and its text.
pub struct ToSeal<'a> {
    pub store: &'a str,
    pub key: &'a str,
    pub kind: Option<&'a str>,
    pub text: String,
}

/// The unlocked data key.
pub struct Seal {
    key: CryptoKey,
    key_id: String,
}

fn usages(list: &[&str]) -> Array {
    list.iter().map(|u| JsValue::from_str(u)).collect()
}

fn aes_256() -> Object {
    object(&[("name", &JsValue::from_str("AES-GCM")), ("length", &JsValue::from_f64(256.0))])
}

async fn promised(p: Result<Promise, JsValue>) -> Result<JsValue, JsValue> {
    JsFuture::from(p?).await
}

/// The key that wraps the data key, from the passphrase.
async fn wrapping_key(passphrase: &str, salt: &[u8], iterations: u32) -> Result<CryptoKey, String> {
    let (_, subtle) = crypto()?;
    let fail = |e: JsValue| js_text("鍵を作れませんでした", &e);
    let raw = Uint8Array::from(passphrase.as_bytes());
    let base = promised(subtle.import_key_with_str("raw", &raw, "PBKDF2", false, &usages(&["deriveKey"])))
        .await
        .map_err(fail)?;
    let base: CryptoKey = base.dyn_into().map_err(fail)?;
    let algorithm = object(&[
        ("name", &JsValue::from_str("PBKDF2")),
        ("hash", &JsValue::from_str("SHA-256")),
        ("salt", &Uint8Array::from(salt).into()),
        ("iterations", &JsValue::from_f64(f64::from(iterations))),
    ]);
    let key = promised(subtle.derive_key_with_object_and_object(
        &algorithm,
        &base,
        &aes_256(),
        false,
        &usages(&["wrapKey", "unwrapKey"]),
    ))
    .await
    .map_err(fail)?;
    key.dyn_into().map_err(fail)
}

/// Wraps `data_key` (extractable) under a new salt and IV: the key file for it.
async fn wrap(data_key: &CryptoKey, key_id: &str, passphrase: &str, now: Timestamp) -> Result<KeyFile, String> {
    let (_, subtle) = crypto()?;
    let salt = random_bytes(SALT_BYTES)?;
    let iv = random_bytes(IV_BYTES)?;
    let kek = wrapping_key(passphrase, &salt, DEFAULT_ITERATIONS).await?;
    let draft = KeyFile::new(key_id, DEFAULT_ITERATIONS, &salt, &iv, &[], now);
    let wrapped =
        promised(subtle.wrap_key_with_object("raw", data_key, &kek, &gcm(&iv, &draft.wrap_additional_data())))
            .await
            .map_err(|e| js_text("鍵を包めませんでした", &e))?;
    Ok(KeyFile::new(key_id, DEFAULT_ITERATIONS, &salt, &iv, &Uint8Array::new(&wrapped).to_vec(), now))
}

/// Unwraps the data key of `file` with `passphrase`.
async fn unwrap(file: &KeyFile, passphrase: &str, extractable: bool) -> Result<CryptoKey, UnlockError> {
    let parts = file.parts().map_err(|e| UnlockError::Failed(e.to_string()))?;
    let (_, subtle) = crypto().map_err(UnlockError::Failed)?;
    let kek = wrapping_key(passphrase, &parts.salt, parts.iterations).await.map_err(UnlockError::Failed)?;
    let wrapped = Uint8Array::from(parts.wrapped.as_slice());
    let key = promised(subtle.unwrap_key_with_js_u8_array_and_object_and_object(
        "raw",
        &wrapped,
        &kek,
        &gcm(&parts.iv, &file.wrap_additional_data()),
        &aes_256(),
        extractable,
        &usages(&["encrypt", "decrypt"]),
    ))
    .await
    .map_err(|_| UnlockError::Wrong)?;
    key.dyn_into().map_err(|_| UnlockError::Failed("鍵を開けませんでした".to_string()))
}

/// The data key of `file` wrapped again for `new_passphrase` (the records are untouched).
pub async fn rewrap(file: &KeyFile, old: &str, new_passphrase: &str, now: Timestamp) -> Result<KeyFile, UnlockError> {
    let key = unwrap(file, old, true).await?;
    wrap(&key, &file.key_id, new_passphrase, now).await.map_err(UnlockError::Failed)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl Seal {
    /// A new random data key wrapped with `passphrase`: the seal (holding the key as
    /// non-extractable) and the key file to store.
    pub async fn create(passphrase: &str, now: Timestamp) -> Result<(Seal, KeyFile), String> {
        let (_, subtle) = crypto()?;
        let key_id = hex(&random_bytes(8)?);
        let made = promised(subtle.generate_key_with_object(&aes_256(), true, &usages(&["encrypt", "decrypt"])))
            .await
            .map_err(|e| js_text("鍵を作れませんでした", &e))?;
        let extractable: CryptoKey = made.dyn_into().map_err(|e| js_text("鍵を作れませんでした", &e))?;
        let file = wrap(&extractable, &key_id, passphrase, now).await?;
        drop(extractable);
        // The key kept in memory is the unwrapped, non-extractable one.
        let seal = Seal::unlock(&file, passphrase).await.map_err(|e| e.to_string())?;
        Ok((seal, file))
    }

    /// Unlocks with `passphrase`.
    pub async fn unlock(file: &KeyFile, passphrase: &str) -> Result<Seal, UnlockError> {
        let key = unwrap(file, passphrase, false).await?;
        Ok(Seal { key, key_id: file.key_id.clone() })
    }

    /// A seal around a key already unwrapped (one another context posted).
    pub fn from_key(key: CryptoKey, key_id: &str) -> Seal {
        Seal { key, key_id: key_id.to_string() }
    }

    /// A random non-extractable key without a passphrase (tests and benchmarks).
    pub async fn ephemeral() -> Result<Seal, String> {
        let (_, subtle) = crypto()?;
        let made = promised(subtle.generate_key_with_object(&aes_256(), false, &usages(&["encrypt", "decrypt"])))
            .await
            .map_err(|e| js_text("鍵を作れませんでした", &e))?;
        let key: CryptoKey = made.dyn_into().map_err(|e| js_text("鍵を作れませんでした", &e))?;
        Ok(Seal { key, key_id: hex(&random_bytes(8)?) })
    }

    pub fn key_id(&self) -> &str {
        &self.key_id
    }

    /// The `CryptoKey` (to post to the I/O worker; it is not extractable there either).
    pub fn crypto_key(&self) -> &CryptoKey {
        &self.key
    }

    /// Seals every row: the `sealed` value of each (`{k, iv, ct}`), in order.
    pub async fn seal_all(&self, rows: &[ToSeal<'_>]) -> Result<Vec<JsValue>, String> {
        let (_, subtle) = crypto()?;
        let ivs = random_bytes(IV_BYTES * rows.len())?;
        let promises = Array::new();
        for (i, row) in rows.iter().enumerate() {
            let iv = &ivs[i * IV_BYTES..(i + 1) * IV_BYTES];
            let ad = additional_data(&self.key_id, row.store, row.key, row.kind);
            let data = Uint8Array::from(row.text.as_bytes());
            let p = subtle
                .encrypt_with_object_and_js_u8_array(&gcm(iv, &ad), &self.key, &data)
                .map_err(|e| js_text("暗号化できませんでした", &e))?;
            promises.push(&p);
        }
        let done = JsFuture::from(Promise::all(&promises)).await.map_err(|e| js_text("暗号化できませんでした", &e))?;
        let key_id = JsValue::from_str(&self.key_id);
        Ok(Array::from(&done)
            .iter()
            .enumerate()
            .map(|(i, ct)| {
                let iv = Uint8Array::from(&ivs[i * IV_BYTES..(i + 1) * IV_BYTES]);
                object(&[("k", &key_id), ("iv", &iv.into()), ("ct", &ct)]).into()
            })
            .collect())
    }

    /// Opens sealed values (`{k, iv, ct}`), each with its row's place: the text of each, or
    /// `None` for one that does not decrypt (another key, altered, moved).
    pub async fn open_all(&self, rows: &[(&JsValue, Vec<u8>)]) -> Result<Vec<Option<String>>, String> {
        let (_, subtle) = crypto()?;
        let promises = Array::new();
        for (sealed, ad) in rows {
            let field = |k: &str| Reflect::get(sealed, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED);
            let same_key = field("k").as_string().as_deref() == Some(self.key_id.as_str());
            let iv = field("iv");
            let ct = field("ct");
            let p = if same_key && iv.is_instance_of::<Uint8Array>() && ct.is_instance_of::<js_sys::ArrayBuffer>() {
                let ct = Uint8Array::new(&ct);
                let params = gcm(&Uint8Array::from(iv).to_vec(), ad);
                subtle
                    .decrypt_with_object_and_js_u8_array(&params, &self.key, &ct)
                    .unwrap_or_else(|e| Promise::reject(&e))
            } else {
                Promise::reject(&JsValue::from_str("not sealed with this key"))
            };
            promises.push(&p);
        }
        let settled =
            JsFuture::from(Promise::all_settled(&promises)).await.map_err(|e| js_text("暗号を解けませんでした", &e))?;
        let decoder = web_sys::TextDecoder::new().map_err(|e| js_text("暗号を解けませんでした", &e))?;
        Ok(Array::from(&settled)
            .iter()
            .map(|s| {
                let fulfilled = Reflect::get(&s, &JsValue::from_str("status")).ok()?.as_string()? == "fulfilled";
                let value = Reflect::get(&s, &JsValue::from_str("value")).ok().filter(|_| fulfilled)?;
                let buffer: js_sys::ArrayBuffer = value.dyn_into().ok()?;
                decoder.decode_with_buffer_source(&buffer).ok()
            })
            .collect())
    }
}

/// The `sealed` value of a row, if it is sealed.
pub fn sealed_part(row: &JsValue) -> Option<JsValue> {
    Reflect::get(row, &JsValue::from_str("sealed")).ok().filter(|v| v.is_object())
}

/// The key ID a sealed value names.
pub fn sealed_with(sealed: &JsValue) -> Option<String> {
    Reflect::get(sealed, &JsValue::from_str("k")).ok().and_then(|v| v.as_string())
}
