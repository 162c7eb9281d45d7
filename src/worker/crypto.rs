//! 暗号化: WebCrypto around the domain's envelope (`bundle::envelope`).
//!
//! Key: PBKDF2 with HMAC-SHA-256 over the password's UTF-8 bytes, the envelope's iterations
//! (600,000 for new files) and a random 16-byte salt → an AES-256-GCM key (not extractable).
//! Cipher: AES-256-GCM with a random 12-byte IV, a 128-bit tag, and the envelope header
//! (`header_aad_bytes`) as additional authenticated data, so any change to the header —
//! fewer iterations, another salt — makes decryption fail. Salt and IV come from
//! `crypto.getRandomValues`. The password is never stored.

use crate::domain::bundle::envelope::{Envelope, WRONG_PASSWORD_MESSAGE};
use crate::domain::bundle::header_aad_bytes;
use crate::domain::time::Timestamp;
use crate::web_crypto::{crypto, gcm, js_text, object, random_bytes};
use js_sys::{Array, Object, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, SubtleCrypto};

const SALT_BYTES: usize = 16;
const IV_BYTES: usize = 12;

/// PBKDF2-SHA256 → AES-256-GCM key for `usage` (`encrypt` or `decrypt`).
async fn derive_key(
    subtle: &SubtleCrypto,
    password: &str,
    salt: &[u8],
    iterations: u32,
    usage: &str,
) -> Result<CryptoKey, JsValue> {
    let raw = Uint8Array::from(password.as_bytes());
    let base = JsFuture::from(subtle.import_key_with_str(
        "raw",
        &raw,
        "PBKDF2",
        false,
        &Array::of1(&JsValue::from_str("deriveKey")),
    )?)
    .await?;
    let base: CryptoKey = base.dyn_into()?;
    let algorithm = object(&[
        ("name", &JsValue::from_str("PBKDF2")),
        ("hash", &JsValue::from_str("SHA-256")),
        ("salt", &Uint8Array::from(salt).into()),
        ("iterations", &JsValue::from_f64(f64::from(iterations))),
    ]);
    let derived = object(&[("name", &JsValue::from_str("AES-GCM")), ("length", &JsValue::from_f64(256.0))]);
    let key = JsFuture::from(subtle.derive_key_with_object_and_object(
        &algorithm,
        &base,
        &derived,
        false,
        &Array::of1(&JsValue::from_str(usage)),
    )?)
    .await?;
    key.dyn_into()
}

fn gcm_params(envelope: &Envelope) -> Object {
    gcm(&envelope.iv, &header_aad_bytes(envelope))
}

/// Encrypts a bundle's text with `password`: the encrypted file's text.
pub async fn encrypt(plain: &str, password: &str, now: Timestamp) -> Result<String, String> {
    let (_, subtle) = crypto()?;
    let salt = random_bytes(SALT_BYTES)?;
    let iv = random_bytes(IV_BYTES)?;
    let mut envelope = Envelope::new(salt, iv, now)?;
    let key = derive_key(&subtle, password, &envelope.salt, envelope.iterations, "encrypt")
        .await
        .map_err(|e| js_text("鍵を作れませんでした", &e))?;
    let data = Uint8Array::from(plain.as_bytes());
    let promise = subtle
        .encrypt_with_object_and_js_u8_array(&gcm_params(&envelope), &key, &data)
        .map_err(|e| js_text("暗号化できませんでした", &e))?;
    let out = JsFuture::from(promise).await.map_err(|e| js_text("暗号化できませんでした", &e))?;
    envelope.ciphertext = Uint8Array::new(&out).to_vec();
    Ok(envelope.to_json())
}

/// Decrypts an encrypted file's envelope with `password`: the bundle's bytes. A wrong
/// password and a damaged or altered file look the same to AES-GCM and give
/// [`WRONG_PASSWORD_MESSAGE`].
pub async fn decrypt(envelope: &Envelope, password: &str) -> Result<Vec<u8>, String> {
    let (_, subtle) = crypto()?;
    let key = derive_key(&subtle, password, &envelope.salt, envelope.iterations, "decrypt")
        .await
        .map_err(|e| js_text("鍵を作れませんでした", &e))?;
    let data = Uint8Array::from(envelope.ciphertext.as_slice());
    let promise = subtle
        .decrypt_with_object_and_js_u8_array(&gcm_params(envelope), &key, &data)
        .map_err(|_| WRONG_PASSWORD_MESSAGE.to_string())?;
    let out = JsFuture::from(promise).await.map_err(|_| WRONG_PASSWORD_MESSAGE.to_string())?;
    Ok(Uint8Array::new(&out).to_vec())
}
