//! The IndexedDB layout's names: object stores and indexes. The store (`idb`) and each
//! schema migration (`migrations::v1`, `v2`, …) name them from here, so a migration never
//! imports the store that runs it.

/// 地域診断 records, keyed by `id`.
pub const STORE_DIAGNOSES: &str = "diagnoses";
/// The records of every 地域診断 (療養者, ステーション, …), keyed by `id`.
pub const STORE_RECORDS: &str = "records";
/// Form drafts, keyed by `key`.
pub const STORE_DRAFTS: &str = "drafts";
/// Small app facts, keyed by `key`.
pub const STORE_META: &str = "meta";
/// The index of `records` and `drafts` on `diagnosis_id`.
pub const INDEX_DIAGNOSIS: &str = "diagnosis";
