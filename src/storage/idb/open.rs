//! Opening the IndexedDB database: creating or migrating it, adopting the connection boot.js
//! opened early, reporting a blocked upgrade or a newer app's database, and deleting it.

use super::{migrations, request_future, storage_error, IdbStore, OpenHooks, PRELOAD_DIAGNOSES, PRELOAD_RECORDS};
use crate::storage::StorageError;
use js_sys::Reflect;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DomException, Event, IdbDatabase, IdbOpenDbRequest};

fn factory() -> Result<web_sys::IdbFactory, StorageError> {
    let global = js_sys::global();
    let idb = Reflect::get(&global, &JsValue::from_str("indexedDB"))
        .map_err(|e| StorageError::Unavailable(format!("{e:?}")))?;
    if idb.is_undefined() || idb.is_null() {
        return Err(StorageError::Unavailable("indexedDB がありません".to_string()));
    }
    idb.dyn_into::<web_sys::IdbFactory>().map_err(|_| StorageError::Unavailable("indexedDB を使えません".to_string()))
}

impl IdbStore {
    /// Opens (creating or upgrading) the database at the latest schema version. Takes the
    /// connection boot.js opened while the wasm compiled when it is this database at this
    /// version ([`super::early`]); otherwise opens, creates or migrates it here.
    pub async fn open(name: &str, hooks: OpenHooks) -> Result<IdbStore, StorageError> {
        let store = match crate::storage::early::take(name, migrations::LATEST).await {
            Some(db) => {
                let store = IdbStore::adopt(db, &hooks);
                store.preloaded.set(PRELOAD_DIAGNOSES | PRELOAD_RECORDS);
                store
            }
            None => IdbStore::open_at_version(name, migrations::LATEST, hooks).await?,
        };
        // A database with the lock on opens locked: nothing is read or written before the
        // passphrase is given.
        store.read_lock_state().await?;
        Ok(store)
    }

    /// Opens at a given schema version (tests use this to write a database as an older app
    /// version would have).
    pub async fn open_at_version(name: &str, version: u32, hooks: OpenHooks) -> Result<IdbStore, StorageError> {
        let factory = factory()?;
        let request: IdbOpenDbRequest =
            factory.open_with_u32(name, version).map_err(|e| StorageError::Unavailable(format!("{e:?}")))?;

        let upgrade_error: Rc<RefCell<Option<String>>> = Rc::new(RefCell::new(None));
        let upgrade = {
            let request = request.clone();
            let upgrade_error = upgrade_error.clone();
            Closure::<dyn FnMut(web_sys::IdbVersionChangeEvent)>::new(move |event: web_sys::IdbVersionChangeEvent| {
                let old = event.old_version() as u32;
                let new = event.new_version().map_or(version, |v| v as u32);
                let result = request.result().and_then(|db| {
                    let db: IdbDatabase = db.unchecked_into();
                    let tx = request.transaction().ok_or_else(|| JsValue::from_str("no upgrade transaction"))?;
                    migrations::run(&db, &tx, old, new)
                });
                if let Err(e) = result {
                    *upgrade_error.borrow_mut() = Some(format!("{e:?}"));
                    if let Some(tx) = request.transaction() {
                        let _ = tx.abort();
                    }
                }
            })
        };
        request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));

        let blocked = hooks.on_blocked.clone().map(|hook| Closure::<dyn FnMut(Event)>::new(move |_e: Event| hook()));
        if let Some(b) = &blocked {
            request.set_onblocked(Some(b.as_ref().unchecked_ref()));
        }

        let result = request_future(&request).await;
        request.set_onupgradeneeded(None);
        request.set_onblocked(None);
        drop(upgrade);
        drop(blocked);

        let db: IdbDatabase = match result {
            Ok(db) => db.unchecked_into(),
            Err(e) => {
                if let Some(msg) = upgrade_error.borrow().clone() {
                    return Err(StorageError::Failed(format!("データベースの更新に失敗しました: {msg}")));
                }
                if e.dyn_ref::<DomException>().is_some_and(|ex| ex.name() == "VersionError") {
                    let found = IdbStore::current_version(name).await.unwrap_or(0);
                    return Err(StorageError::TooNew { found, supported: version });
                }
                return Err(match storage_error(&e) {
                    StorageError::Failed(m) => StorageError::Unavailable(m),
                    other => other,
                });
            }
        };

        Ok(IdbStore::adopt(db, &hooks))
    }

    /// Wraps an open connection: closes it when another tab upgrades the schema.
    fn adopt(db: IdbDatabase, hooks: &OpenHooks) -> IdbStore {
        let closed = Rc::new(Cell::new(false));
        let on_version_change = {
            let db = db.clone();
            let closed = closed.clone();
            let hook = hooks.on_version_change.clone();
            Closure::<dyn FnMut(Event)>::new(move |_e: Event| {
                db.close();
                closed.set(true);
                if let Some(h) = &hook {
                    h();
                }
            })
        };
        db.set_onversionchange(Some(on_version_change.as_ref().unchecked_ref()));
        IdbStore {
            db,
            closed,
            preloaded: Cell::new(0),
            seal: RefCell::new(super::sealed::Mode::Off),
            _on_version_change: on_version_change,
        }
    }

    /// The version of an existing database (opening without a version never upgrades).
    async fn current_version(name: &str) -> Result<u32, StorageError> {
        let request = factory()?.open(name).map_err(|e| storage_error(&e))?;
        let db: IdbDatabase = request_future(&request).await.map_err(|e| storage_error(&e))?.unchecked_into();
        let v = db.version() as u32;
        db.close();
        Ok(v)
    }

    /// Deletes a database (tests and 「この端末のデータをすべて削除」).
    pub async fn delete_database(name: &str) -> Result<(), StorageError> {
        let request = factory()?.delete_database(name).map_err(|e| storage_error(&e))?;
        request_future(&request).await.map(|_| ()).map_err(|e| storage_error(&e))
    }
}
