//! Version 1: the 地域診断 list and small app facts.

use crate::storage::schema::{STORE_DIAGNOSES, STORE_META};
use wasm_bindgen::JsValue;
use web_sys::{IdbDatabase, IdbObjectStoreParameters, IdbTransaction};

pub fn migrate(db: &IdbDatabase, _tx: &IdbTransaction) -> Result<(), JsValue> {
    let params = IdbObjectStoreParameters::new();
    params.set_key_path(&JsValue::from_str("id"));
    db.create_object_store_with_optional_parameters(STORE_DIAGNOSES, &params)?;
    let params = IdbObjectStoreParameters::new();
    params.set_key_path(&JsValue::from_str("key"));
    db.create_object_store_with_optional_parameters(STORE_META, &params)?;
    Ok(())
}
