//! Version 2: the records of each 地域診断 (療養者, ステーション, …) and form drafts, both
//! indexed by 地域診断 so that one 地域診断 loads, and is deleted, without scanning others.

use crate::storage::schema::{INDEX_DIAGNOSIS, STORE_DRAFTS, STORE_RECORDS};
use wasm_bindgen::JsValue;
use web_sys::{IdbDatabase, IdbObjectStoreParameters, IdbTransaction};

pub fn migrate(db: &IdbDatabase, _tx: &IdbTransaction) -> Result<(), JsValue> {
    for (name, key) in [(STORE_RECORDS, "id"), (STORE_DRAFTS, "key")] {
        let params = IdbObjectStoreParameters::new();
        params.set_key_path(&JsValue::from_str(key));
        let store = db.create_object_store_with_optional_parameters(name, &params)?;
        store.create_index_with_str(INDEX_DIAGNOSIS, "diagnosis_id")?;
    }
    Ok(())
}
