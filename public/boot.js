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
