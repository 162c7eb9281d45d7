// Benchmarks (`npm run bench`): prints figures; it is not a test and asserts nothing.
// Everything runs in Debian's Chromium with a persistent profile (IndexedDB on disk), once
// unthrottled and once with the CPU throttled 4x through CDP (a slow municipal PC).
//
//   node e2e/bench.mjs [section…]   sections: size coldstart storage, and those of e2e/bench-*.mjs (default: all)
//
// The size section measures the app nurses get (dist/, `trunk build --release`); every other
// section runs the benchmark build (dist-bench/, `trunk build --release --features bench
// --dist dist-bench`), the only one with the bench* entry points (src/ui/bench.rs).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { startServer } from './server.mjs';
import { launch, newProfileDir } from './lib.mjs';
import { AppPage } from './pages/app.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.resolve(here, '..', 'dist');
const benchDist = path.resolve(here, '..', 'dist-bench');
const RATES = [1, 4];

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
export function p90(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.9) - 1)];
}
const ms = (x) => `${x.toFixed(1)} ms`;
const kb = (x) => `${(x / 1024).toFixed(1)} KB`;

export async function throttle(page, rate) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return cdp;
}

function sizeSection() {
  const wasm = fs.readdirSync(dist).find((f) => f.endsWith('.wasm'));
  const js = fs.readdirSync(dist).find((f) => f.endsWith('.js') && f.startsWith('nanbyo'));
  const bytes = fs.readFileSync(path.join(dist, wasm));
  const gz = zlib.gzipSync(bytes, { level: 9 }).length;
  const br = zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const jsBytes = fs.readFileSync(path.join(dist, js)).length;
  console.log('\n## wasm の大きさ');
  console.log(`wasm: raw ${kb(bytes.length)}, gzip ${kb(gz)}, brotli ${kb(br)}  (目標: brotli ≤ 300 KB)`);
  console.log(`JS glue: raw ${kb(jsBytes)}`);
}

async function coldStartSection(server) {
  console.log('\n## オフライン起動（Service Worker のキャッシュから最初の操作可能な描画まで、10回）');
  const { context } = await launch(newProfileDir('bench-cold'));
  const first = context.pages()[0] || (await context.newPage());
  const app = new AppPage(first);
  await app.goto(server.url);
  await first.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 20000 });
  await context.route('**/*', (route) => route.abort('internetdisconnected'));
  await context.setOffline(true);
  await first.close();
  for (const rate of RATES) {
    const times = [];
    for (let i = 0; i < 10; i++) {
      const page = await context.newPage();
      await throttle(page, rate);
      await page.goto(server.url);
      await page.waitForFunction(() => performance.getEntriesByName('app-interactive').length > 0, null, { timeout: 60000 });
      times.push(await page.evaluate(() => performance.getEntriesByName('app-interactive')[0].startTime));
      await page.close();
    }
    console.log(`CPU ${rate}x: median ${ms(median(times))}, p90 ${ms(p90(times))}${rate === 4 ? '  (目標: ≤ 400 ms)' : ''}`);
  }
  await context.close();
}

async function storageSection(server) {
  const n = 5000;
  console.log(`\n## 保存層: ${n}件の療養者記録を1トランザクションで書き、読み戻す（中央値、各5回）`);
  const { context } = await launch(newProfileDir('bench-storage'));
  const page = context.pages()[0] || (await context.newPage());
  const app = new AppPage(page);
  await app.goto(server.url);
  for (const rate of RATES) {
    const cdp = await throttle(page, rate);
    const ours = { write: [], read: [] };
    const base = { write: [], read: [] };
    for (let i = 0; i < 5; i++) {
      const r = await page.evaluate((n) => self.nanbyoBench.benchStorage(n), n);
      if (r.count !== n) throw new Error(`read back ${r.count} of ${n}`);
      ours.write.push(r.writeMs);
      ours.read.push(r.readMs);
      const b = await page.evaluate(async (n) => {
        // The baseline: plain JavaScript IndexedDB code writing the same records as objects in
        // one transaction (no await per put) and reading them back with getAll.
        const records = JSON.parse(self.nanbyoBench.benchRecordsJson(n));
        const name = 'nanbyo-bench-js';
        await new Promise((res, rej) => { const r = indexedDB.deleteDatabase(name); r.onsuccess = res; r.onerror = rej; });
        const db = await new Promise((res, rej) => {
          const r = indexedDB.open(name, 1);
          r.onupgradeneeded = () => r.result.createObjectStore('records', { keyPath: 'id' }).createIndex('diagnosis', 'diagnosis_id');
          r.onsuccess = () => res(r.result);
          r.onerror = () => rej(r.error);
        });
        const t0 = performance.now();
        await new Promise((res, rej) => {
          const tx = db.transaction('records', 'readwrite', { durability: 'strict' });
          const store = tx.objectStore('records');
          for (const rec of records) store.put(rec);
          tx.oncomplete = res;
          tx.onabort = () => rej(tx.error);
        });
        const t1 = performance.now();
        const back = await new Promise((res, rej) => {
          const tx = db.transaction('records', 'readonly');
          const r = tx.objectStore('records').index('diagnosis').getAll('bench-diagnosis');
          r.onsuccess = () => res(r.result);
          r.onerror = () => rej(r.error);
        });
        const t2 = performance.now();
        db.close();
        await new Promise((res) => { const r = indexedDB.deleteDatabase(name); r.onsuccess = res; r.onerror = res; });
        if (back.length !== n) throw new Error('baseline read back ' + back.length);
        return { writeMs: t1 - t0, readMs: t2 - t1 };
      }, n);
      base.write.push(b.writeMs);
      base.read.push(b.readMs);
    }
    const ow = median(ours.write), or = median(ours.read), bw = median(base.write), br = median(base.read);
    console.log(
      `CPU ${rate}x: ours write ${ms(ow)}, read ${ms(or)} | plain JS write ${ms(bw)}, read ${ms(br)} | ratio write ${(ow / bw).toFixed(2)}, read ${(or / br).toFixed(2)}, total ${((ow + or) / (bw + br)).toFixed(2)}  (目標: ≤ 1.5)`,
    );
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  }
  await context.close();
}

export const SECTIONS = { size: sizeSection, coldstart: coldStartSection, storage: storageSection };

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!fs.existsSync(path.join(dist, 'index.html'))) {
    console.error('dist/ がありません。先に trunk build --release を実行してください。');
    process.exit(2);
  }
  if (!fs.existsSync(path.join(benchDist, 'index.html'))) {
    console.error('dist-bench/ がありません。先に trunk build --release --features bench --dist dist-bench を実行してください。');
    process.exit(2);
  }
  const wanted = process.argv.slice(2);
  // Other sections live in e2e/bench-*.mjs files, each exporting SECTIONS.
  let all = { ...SECTIONS };
  for (const f of fs.readdirSync(here).filter((f) => /^bench-.+\.mjs$/.test(f)).sort()) {
    const m = await import(path.join(here, f));
    all = { ...all, ...(m.SECTIONS || {}) };
  }
  const server = await startServer({ root: benchDist });
  console.log(`# 難病の地域診断 ベンチマーク (${new Date().toISOString()}, Chromium ${process.env.CHROMIUM || '/usr/bin/chromium'})`);
  for (const [name, fn] of Object.entries(all)) {
    if (wanted.length && !wanted.includes(name)) continue;
    await fn(server);
  }
  await server.close();
}
