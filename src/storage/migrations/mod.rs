//! Schema migrations of the IndexedDB database, one file per version.
//!
//! `run` is called inside `onupgradeneeded` with the version the database had (0 for a new
//! one) and applies every migration after it, in order, in the upgrade transaction. A
//! migration may only issue IndexedDB requests; if any step fails the upgrade transaction
//! is aborted and the database stays as it was.
//!
//! | version | file | change |
//! |---|---|---|
//! | 1 | `v1.rs` | `diagnoses`, `meta`: the 地域診断 list and small app facts (issue 2) |
//! | 2 | `v2.rs` | `records` and `drafts`, each indexed by 地域診断 (rosters, drafts) |
//! | 3 | `v3.rs` | `history`: the 変更履歴, indexed by record and by 地域診断 (issue 17) |

mod v1;
mod v2;
mod v3;

use wasm_bindgen::JsValue;
use web_sys::{IdbDatabase, IdbTransaction};

/// The schema version this build writes (kept in [`super::schema`], where a native test
/// compares it with index.html's).
pub const LATEST: u32 = super::schema::SCHEMA_VERSION;

type Migration = fn(&IdbDatabase, &IdbTransaction) -> Result<(), JsValue>;

/// Migration `i` upgrades from version `i` to `i + 1`.
const MIGRATIONS: [Migration; LATEST as usize] = [v1::migrate, v2::migrate, v3::migrate];

/// Applies the migrations from `old_version` up to `new_version`.
pub fn run(db: &IdbDatabase, tx: &IdbTransaction, old_version: u32, new_version: u32) -> Result<(), JsValue> {
    for v in old_version..new_version {
        let step =
            MIGRATIONS.get(v as usize).ok_or_else(|| JsValue::from_str(&format!("no migration from version {v}")))?;
        step(db, tx)?;
    }
    Ok(())
}
