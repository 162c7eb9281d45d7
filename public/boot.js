// Loads the app's WebAssembly (no inline script: the Content-Security-Policy forbids it).
// The script tag carries the hashed file names Trunk produced.
const tag = document.querySelector('script[data-wasm]');
const message = document.getElementById('boot-message');

function fail(text) {
  if (message) {
    message.textContent = text;
    message.className = 'boot-error';
  }
}

// Opens the app's IndexedDB database while the wasm downloads and compiles, and offers the
// connection once to the Rust side (src/storage/early.rs) as self.nanbyoTakeDatabase(name,
// version) → Promise<IDBDatabase | null>. <body data-db-name data-db-version> equal the Rust
// constants (src/storage/schema.rs; a test checks). This only ever opens a database that is
// already at that version: when onupgradeneeded fires (new database, or one an older app
// version wrote) the open is aborted, and IdbStore::open creates or migrates it as before.
function openDatabaseEarly(name, version) {
  let db = null;
  let offered = false;
  let settle;
  const ready = new Promise((resolve) => { settle = resolve; });
  const done = (value) => {
    settle(value);
    settle = () => {};
  };
  try {
    const request = indexedDB.open(name, version);
    request.onupgradeneeded = () => request.transaction.abort();
    request.onblocked = () => done(null); // only with an upgrade, which is not ours to do
    request.onerror = (event) => {
      event.preventDefault();
      done(null);
    };
    request.onsuccess = () => {
      if (offered) {
        request.result.close(); // too late: the app has opened its own connection
        return;
      }
      db = request.result;
      // Another tab upgrades before the app has taken the connection: let it.
      db.onversionchange = () => {
        db.close();
        db = null;
      };
      performance.mark('db-early-open');
      preload(db);
      done(db);
    };
  } catch (err) {
    done(null);
  }
  self.nanbyoTakeDatabase = async (wantedName, wantedVersion) => {
    await ready;
    const mine = !offered && db && db.name === wantedName && db.version === wantedVersion;
    if (!offered && db && !mine) {
      db.close();
    }
    offered = true;
    if (!mine) {
      return null;
    }
    db.onversionchange = null; // the Rust side sets its own
    return db;
  };
}

// The 地域診断 the app will show first: the one in the address (#/d/<id>/…), or, at the bare
// address only, the one open last (localStorage, as src/ui/ctx.rs resume_last_diagnosis reads it).
function diagnosisToShow() {
  if (location.hash) {
    const m = /^#\/d\/([^/?#]+)/.exec(location.hash);
    return m ? decodeURIComponent(m[1]) : null;
  }
  try {
    return JSON.parse(localStorage.getItem('nanbyo.last_diagnosis'));
  } catch (err) {
    return null;
  }
}

// Starts reading what the first screen shows (the list of 地域診断 and the records of the one
// it opens) on the early connection, and offers the rows once each to the Rust side
// (src/storage/early.rs) as self.nanbyoTakePreloaded(store, diagnosisId) → Promise<rows | null>.
// Rows another tab may have changed since are never offered: a save anywhere is announced on
// the app's BroadcastChannel, and one heard before the rows are taken discards them all (after
// they are taken, the app's own channel hears it and reads again). The store and index names
// are those of src/storage/schema.rs (a test checks).
function preload(db) {
  const id = diagnosisToShow();
  let stale = false;
  let channel = null;
  const rows = {};
  const settle = {};
  const got = {
    diagnoses: new Promise((resolve) => { settle.diagnoses = resolve; }),
    records: new Promise((resolve) => { settle.records = resolve; }),
  };
  const fail = () => {
    settle.diagnoses(false);
    settle.records(false);
  };
  try {
    channel = new BroadcastChannel('nanbyo-chiiki-shindan');
    channel.onmessage = () => { stale = true; };
    const tx = db.transaction(id ? ['diagnoses', 'records'] : ['diagnoses'], 'readonly');
    // Each store's rows are offered as soon as they are read (the list of 地域診断 need not
    // wait for the records).
    const diagnoses = tx.objectStore('diagnoses').getAll();
    diagnoses.onsuccess = () => {
      rows.diagnoses = diagnoses.result;
      settle.diagnoses(true);
    };
    if (id) {
      const records = tx.objectStore('records').index('diagnosis').getAll(id);
      records.onsuccess = () => {
        rows.records = records.result;
        settle.records(true);
      };
    } else {
      settle.records(false);
    }
    tx.oncomplete = () => performance.mark('db-early-read');
    tx.onabort = fail;
  } catch (err) {
    fail();
  }
  const forget = () => {
    rows.diagnoses = undefined;
    rows.records = undefined;
    if (channel) channel.close();
    channel = null;
  };
  setTimeout(forget, 30000); // rows not asked for by then are not needed
  self.nanbyoTakePreloaded = async (store, diagnosisId) => {
    if (store !== 'diagnoses' && store !== 'records') {
      forget(); // any other word: the app is writing, so nothing read earlier is offered
      return null;
    }
    const ok = await got[store];
    const wanted = store === 'diagnoses' || diagnosisId === id;
    const offered = ok && !stale && wanted ? rows[store] : undefined;
    rows[store] = undefined;
    if (rows.diagnoses === undefined && rows.records === undefined) forget();
    return offered || null;
  };
}

if (!('indexedDB' in self) || typeof WebAssembly !== 'object') {
  fail('このブラウザでは動きません。Microsoft Edge または Google Chrome の新しい版でお使いください。');
} else {
  try {
    performance.mark('boot-start');
    const version = Number(document.body.dataset.dbVersion);
    if (document.body.dataset.dbName && version > 0) {
      openDatabaseEarly(document.body.dataset.dbName, version);
    }
    const glue = await import(new URL(tag.dataset.js, document.baseURI).href);
    performance.mark('glue-loaded');
    await glue.default({ module_or_path: new URL(tag.dataset.wasm, document.baseURI) });
    performance.mark('wasm-started');
    // The benchmark (e2e/bench.mjs) calls the exported bench* functions.
    self.nanbyoBench = glue;
  } catch (err) {
    console.error(err);
    fail('アプリを読み込めませんでした。ネットワークに接続して再読み込みしてください。（' + err + '）');
  }
}
