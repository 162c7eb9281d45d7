//! 端末のロック on the IndexedDB store: setting the passphrase (and sealing what is stored),
//! unlocking (with the slowdown of `domain::lock::Failures`), changing the passphrase (one key
//! re-wrapped), turning the lock off (every row opened), and resuming a sweep cut short. The
//! lock's bookkeeping is kept in `meta` (plain: it reveals nothing of the data).

use super::idb::{IdbStore, Swept};
use super::seal::{rewrap, Seal, UnlockError};
use super::{StorageError, Store, WriteBatch};
use crate::domain::lock::{Failures, KeyFile, LockState, FAILURES_META, KEY_META, STATE_META};
use crate::domain::time::Timestamp;
use std::rc::Rc;

/// A stored app fact as a value (`null` or absent: `None`).
async fn read_meta<T: serde::de::DeserializeOwned>(store: &IdbStore, key: &str) -> Result<Option<T>, StorageError> {
    match store.get_meta(key).await? {
        None | Some(serde_json::Value::Null) => Ok(None),
        Some(v) => {
            serde_json::from_value(v).map(Some).map_err(|e| StorageError::Corrupt(format!("端末のロックの設定: {e}")))
        }
    }
}

fn meta<T: serde::Serialize>(key: &str, value: &T) -> Result<(String, serde_json::Value), StorageError> {
    Ok((key.to_string(), serde_json::to_value(value).map_err(|e| StorageError::Failed(e.to_string()))?))
}

async fn put_meta(store: &IdbStore, entries: Vec<(String, serde_json::Value)>) -> Result<(), StorageError> {
    store.apply(WriteBatch { put_meta: entries, ..WriteBatch::default() }).await
}

/// The lock's state (`None`: off).
pub async fn state(store: &IdbStore) -> Result<Option<LockState>, StorageError> {
    read_meta(store, STATE_META).await
}

/// Wrong passphrases so far.
pub async fn failures(store: &IdbStore) -> Result<Failures, StorageError> {
    Ok(read_meta(store, FAILURES_META).await?.unwrap_or_default())
}

/// What an unlock attempt came to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unlock {
    Unlocked,
    /// Wrong passphrase (the failures now).
    Wrong(Failures),
    /// Too soon after wrong ones: nothing was tried.
    Wait(Failures),
}

fn failed(e: impl std::fmt::Display) -> StorageError {
    StorageError::Failed(e.to_string())
}

/// Unlocks with `passphrase` at `now`.
pub async fn unlock(store: &IdbStore, passphrase: &str, now: Timestamp) -> Result<Unlock, StorageError> {
    let before = failures(store).await?;
    if before.remaining_ms(now) > 0 {
        return Ok(Unlock::Wait(before));
    }
    let Some(state) = state(store).await? else { return Ok(Unlock::Unlocked) };
    let file: KeyFile = read_meta(store, KEY_META).await?.ok_or_else(|| failed("鍵情報がありません"))?;
    match Seal::unlock(&file, passphrase).await {
        Ok(seal) => {
            store.set_seal(Rc::new(seal), state.writes_sealed());
            if before != Failures::default() {
                put_meta(store, vec![meta(FAILURES_META, &Failures::default())?]).await?;
            }
            Ok(Unlock::Unlocked)
        }
        Err(UnlockError::Wrong) => {
            let after = before.failed(now);
            put_meta(store, vec![meta(FAILURES_META, &after)?]).await?;
            Ok(Unlock::Wrong(after))
        }
        Err(UnlockError::Failed(m)) => Err(StorageError::Failed(m)),
    }
}

/// Whether `passphrase` opens the key (nothing counted, nothing changed).
pub async fn check_passphrase(store: &IdbStore, passphrase: &str) -> Result<bool, StorageError> {
    let file: KeyFile = read_meta(store, KEY_META).await?.ok_or_else(|| failed("鍵情報がありません"))?;
    match Seal::unlock(&file, passphrase).await {
        Ok(_) => Ok(true),
        Err(UnlockError::Wrong) => Ok(false),
        Err(UnlockError::Failed(m)) => Err(StorageError::Failed(m)),
    }
}

/// Finishes a sweep cut short (after an unlock), telling `progress`.
pub async fn resume(store: &IdbStore, progress: &dyn Fn(usize, usize)) -> Result<Option<Swept>, StorageError> {
    let Some(state) = state(store).await? else { return Ok(None) };
    if !state.sweeping() {
        return Ok(None);
    }
    let swept = store.sweep(&state, progress).await?;
    match state.after_sweep() {
        Some(next) => put_meta(store, vec![meta(STATE_META, &next)?]).await?,
        None => {
            let null = serde_json::Value::Null;
            let entries = [STATE_META, KEY_META, FAILURES_META].iter().map(|k| (k.to_string(), null.clone())).collect();
            put_meta(store, entries).await?;
            store.set_lock_off();
        }
    }
    Ok(Some(swept))
}

/// Sets the passphrase and seals what is stored (resumable: see `idb::sweep`).
pub async fn turn_on(
    store: &IdbStore,
    passphrase: &str,
    now: Timestamp,
    progress: &dyn Fn(usize, usize),
) -> Result<Swept, StorageError> {
    if state(store).await?.is_some() {
        return Err(failed("ロックはすでに設定されています"));
    }
    let (seal, file) = Seal::create(passphrase, now).await.map_err(StorageError::Failed)?;
    let sealing = LockState::Sealing { key_id: file.key_id.clone() };
    put_meta(store, vec![meta(KEY_META, &file)?, meta(STATE_META, &sealing)?]).await?;
    store.set_seal(Rc::new(seal), true);
    Ok(resume(store, progress).await?.unwrap_or_default())
}

/// Turns the lock off after checking `passphrase`: every row opened, the key file removed.
pub async fn turn_off(
    store: &IdbStore,
    passphrase: &str,
    progress: &dyn Fn(usize, usize),
) -> Result<Result<Swept, UnlockError>, StorageError> {
    let Some(state) = state(store).await? else { return Ok(Ok(Swept::default())) };
    let file: KeyFile = read_meta(store, KEY_META).await?.ok_or_else(|| failed("鍵情報がありません"))?;
    let seal = match Seal::unlock(&file, passphrase).await {
        Ok(s) => s,
        Err(e) => return Ok(Err(e)),
    };
    let opening = LockState::Opening { key_id: state.key_id().to_string() };
    put_meta(store, vec![meta(STATE_META, &opening)?]).await?;
    store.set_seal(Rc::new(seal), false);
    Ok(Ok(resume(store, progress).await?.unwrap_or_default()))
}

/// Changes the passphrase: the one data key re-wrapped; no record is touched.
pub async fn change_passphrase(
    store: &IdbStore,
    old: &str,
    new_passphrase: &str,
    now: Timestamp,
) -> Result<Result<(), UnlockError>, StorageError> {
    let file: KeyFile = read_meta(store, KEY_META).await?.ok_or_else(|| failed("鍵情報がありません"))?;
    match rewrap(&file, old, new_passphrase, now).await {
        Ok(next) => {
            put_meta(store, vec![meta(KEY_META, &next)?]).await?;
            Ok(Ok(()))
        }
        Err(e) => Ok(Err(e)),
    }
}
