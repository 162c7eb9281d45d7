//! Version 3: the 変更履歴. Each entry is a row `{id, record_id, diagnosis_id, json}`, indexed
//! by record (a record's 履歴 page) and by 地域診断 (purging one, exporting its history).
//! Existing records are untouched: their history starts with their next save.

use crate::storage::schema::{INDEX_DIAGNOSIS, INDEX_RECORD, STORE_HISTORY};
use wasm_bindgen::JsValue;
use web_sys::{IdbDatabase, IdbObjectStoreParameters, IdbTransaction};

pub fn migrate(db: &IdbDatabase, _tx: &IdbTransaction) -> Result<(), JsValue> {
    let params = IdbObjectStoreParameters::new();
    params.set_key_path(&JsValue::from_str("id"));
    let store = db.create_object_store_with_optional_parameters(STORE_HISTORY, &params)?;
    store.create_index_with_str(INDEX_RECORD, "record_id")?;
    store.create_index_with_str(INDEX_DIAGNOSIS, "diagnosis_id")?;
    Ok(())
}
