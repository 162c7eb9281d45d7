// The floor of the start-up benchmark (e2e/bench.mjs coldstart): the least a page of this
// kind does before a nurse can use it. Served from its own service worker's cache, under the
// same kind of CSP as the app (no inline script or style): it opens one IndexedDB database,
// reads 20 rows, paints them as a table and sets the `app-interactive` mark the app sets.
const DB = 'nanbyo-floor';
const ROWS = 20;

function openDatabase() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => {
      const store = request.result.createObjectStore('rows', { keyPath: 'id' });
      for (let i = 1; i <= ROWS; i++) {
        store.put({ id: i, name: `療養者 ${i}`, disease: `疾病 ${(i % 7) + 1}`, age: 40 + ((i * 7) % 45) });
      }
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function readRows(db) {
  return new Promise((resolve, reject) => {
    const request = db.transaction('rows', 'readonly').objectStore('rows').getAll();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function cell(tag, text, className) {
  const el = document.createElement(tag);
  el.textContent = text;
  if (className) el.className = className;
  return el;
}

function paint(rows) {
  const table = document.createElement('table');
  const head = table.createTHead().insertRow();
  for (const h of ['番号', '氏名', '疾病', '年齢']) head.appendChild(cell('th', h));
  const body = table.createTBody();
  for (const r of rows) {
    const tr = body.insertRow();
    tr.append(cell('td', String(r.id), 'num'), cell('td', r.name), cell('td', r.disease), cell('td', String(r.age), 'num'));
  }
  const main = document.getElementById('main');
  main.replaceChildren(cell('h1', '床ページ'), table);
}

performance.mark('boot-start');
try {
  const db = await openDatabase();
  performance.mark('db-open');
  paint(await readRows(db));
  performance.mark('app-interactive');
} catch (err) {
  document.getElementById('floor-message').textContent = '開けませんでした: ' + err;
}
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('sw.js').catch((err) => console.error(err));
}
