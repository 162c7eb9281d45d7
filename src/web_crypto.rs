//! Web Crypto helpers shared by the sealed store (端末のロック, `storage::seal`) and the I/O
//! worker's bundle encryption (`worker::crypto`): the page's or worker's `crypto`, random
//! bytes, a JS error as Japanese text, and the AES-GCM parameter objects.

use js_sys::{Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Crypto, SubtleCrypto};

/// `crypto` of the page or of the worker, whichever runs this.
pub fn crypto() -> Result<(Crypto, SubtleCrypto), String> {
    let crypto = Reflect::get(&js_sys::global(), &JsValue::from_str("crypto"))
        .ok()
        .and_then(|c| c.dyn_into::<Crypto>().ok())
        .ok_or("このブラウザでは暗号化が使えません（Web Crypto API がありません）")?;
    let subtle = crypto.subtle();
    Ok((crypto, subtle))
}

/// `n` bytes from `crypto.getRandomValues`.
pub fn random_bytes(n: usize) -> Result<Vec<u8>, String> {
    let (crypto, _) = crypto()?;
    let mut bytes = vec![0u8; n];
    crypto.get_random_values_with_u8_array(&mut bytes).map_err(|e| js_text("乱数を作れません", &e))?;
    Ok(bytes)
}

/// 「what（the error's message）」.
pub fn js_text(what: &str, e: &JsValue) -> String {
    let detail =
        e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).or_else(|| e.as_string()).unwrap_or_default();
    if detail.is_empty() {
        what.to_string()
    } else {
        format!("{what}（{detail}）")
    }
}

/// A plain JS object from its entries.
pub fn object(entries: &[(&str, &JsValue)]) -> Object {
    let o = Object::new();
    for (k, v) in entries {
        let _ = Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o
}

/// AES-GCM parameters: the IV, the additional data and a 128-bit tag.
pub fn gcm(iv: &[u8], additional_data: &[u8]) -> Object {
    object(&[
        ("name", &JsValue::from_str("AES-GCM")),
        ("iv", &Uint8Array::from(iv).into()),
        ("additionalData", &Uint8Array::from(additional_data).into()),
        ("tagLength", &JsValue::from_f64(128.0)),
    ])
}
