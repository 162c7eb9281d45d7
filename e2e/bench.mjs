// Benchmarks (`npm run bench`): prints figures; it is not a test and asserts nothing.
// Everything runs in Debian's Chromium with a persistent profile (IndexedDB on disk), once
// unthrottled and once with the CPU throttled 4x through CDP (a slow municipal PC).
//
//   node e2e/bench.mjs [section…]   sections: size coldstart storage, and those of e2e/bench-*.mjs (default: all)
//
// The size and coldstart sections measure the app nurses get (dist/, `trunk build --release`;
// coldstart makes its session's data with the benchmark build); every other section runs the
// benchmark build (dist-bench/, `trunk build --release --features bench --dist dist-bench`),
// the only one with the bench* entry points (src/ui/bench.rs).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { startServer } from './server.mjs';
import { median, p90, throttle } from './timing.mjs';
import { launch, newProfileDir } from './lib.mjs';
import { AppPage } from './pages/app.mjs';
import { IoPage } from './pages/io.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.resolve(here, '..', 'dist');
const benchDist = path.resolve(here, '..', 'dist-bench');
const RATES = [1, 4];

const ms = (x) => `${x.toFixed(1)} ms`;
const kb = (x) => `${(x / 1024).toFixed(1)} KB`;


function sizeSection() {
  const files = fs.readdirSync(dist);
  console.log('\n## wasm の大きさ');
  // The page's wasm (loaded at start) and the I/O worker's (loaded when a file is read or written).
  for (const [name, prefix, goal] of [
    ['画面の wasm', 'nanbyo-chiiki-shindan-', '（目標: brotli ≤ 450 KB、その先 ≤ 300 KB）'],
    ['ファイル処理ワーカーの wasm', 'nanbyo-io-', '（データの入出力を使うときだけ読み込む）'],
  ]) {
    const wasm = files.find((f) => f.startsWith(prefix) && f.endsWith('.wasm'));
    const js = files.find((f) => f.startsWith(prefix) && f.endsWith('.js'));
    if (!wasm) {
      console.log(`${name}: ありません（${prefix}*.wasm）`);
      continue;
    }
    const bytes = fs.readFileSync(path.join(dist, wasm));
    const gz = zlib.gzipSync(bytes, { level: 9 }).length;
    const br = zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    console.log(`${name}: raw ${kb(bytes.length)}, gzip ${kb(gz)}, brotli ${kb(br)}  ${goal}`);
    if (js) console.log(`  JS glue: raw ${kb(fs.readFileSync(path.join(dist, js)).length)}`);
  }
}

// Start-up: the app nurses get (dist/) against the floor page (e2e/floor/), each from its own
// server (its own origin: its own service worker, cache and IndexedDB), offline from their
// service-worker caches, in one persistent profile per CPU rate and run. The app's database is
// empty, as on a first day; it is measured on dist/ rather than dist-bench/ because boot.js
// opens the database index.html names, and a bench build keeps its data under another name.
const floorDir = path.join(here, 'floor');
const STARTS = 10;
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS || 3);
// The install visit stays open this long, as a nurse's first session would: V8 writes the
// compiled wasm to its code cache only after it has been running a while.
const FIRST_VISIT_MS = Number(process.env.BENCH_FIRST_VISIT_MS || 5000);
// Phases of an app start: navigation timing, paint timing and the marks of boot.js and Rust.
const PHASES = [
  ['html', 'HTML parsed (domInteractive)'],
  ['fcp', 'first contentful paint'],
  ['boot', 'boot.js starts (boot-start)'],
  ['dbEarly', 'IndexedDB open by boot.js (db-early-open)'],
  ['dbEarlyRead', 'boot.js\'s early read transaction complete'],
  ['glue', 'JS glue loaded (glue-loaded)'],
  ['main', 'wasm compiled, main running (wasm-main)'],
  ['mounted', 'shell mounted (mounted)'],
  ['dbOpen', 'IndexedDB handed to Rust (db-open)'],
  ['interactive', 'app-interactive (list shown, last 地域診断 chosen)'],
  ['records', 'its records painted (療養者 N人 on 地域の概況)'],
];

async function startOnce(context, url, rate, marks = ['app-interactive']) {
  const page = await context.newPage();
  await throttle(page, rate);
  await page.goto(url);
  await page.waitForFunction((ms) => ms.every((m) => performance.getEntriesByName(m).length > 0), marks, { timeout: 60000 });
  const t = await page.evaluate(() => {
    const mark = (n) => performance.getEntriesByName(n)[0]?.startTime;
    const nav = performance.getEntriesByType('navigation')[0];
    return {
      html: nav?.domInteractive, fcp: mark('first-contentful-paint'), boot: mark('boot-start'),
      dbEarly: mark('db-early-open'), dbEarlyRead: mark('db-early-read'), glue: mark('glue-loaded'), main: mark('wasm-main'),
      mounted: mark('mounted'), dbOpen: mark('db-open'), interactive: mark('app-interactive'),
      records: mark('bench-records-painted'),
    };
  });
  await page.close();
  return t;
}

/** A bundle of one 地域診断 (SESSION_PATIENTS 療養者, 50 ステーション) made by the bench build's
 * benchIoSetup/benchIoExport on its own origin, written once to a temporary file. */
const SESSION_PATIENTS = Number(process.env.BENCH_COLD_PATIENTS || 300);
const SESSION_DIAGNOSIS = 'bench-io-diagnosis';
let sessionBundle = null;
async function makeSessionBundle(benchServer) {
  if (sessionBundle) return sessionBundle;
  const { context } = await launch(newProfileDir('bench-bundle'));
  const page = context.pages()[0] || (await context.newPage());
  await new AppPage(page).goto(benchServer.url);
  const text = await page.evaluate(async (n) => {
    await self.nanbyoBench.benchIoSetup(n, 50);
    await self.nanbyoBench.benchIoExport();
    return self.nanbyoBench.benchIoExportedText();
  }, SESSION_PATIENTS);
  await context.close();
  sessionBundle = path.join(newProfileDir('bench-bundle-file'), 'chiiki-shindan.json');
  fs.writeFileSync(sessionBundle, text);
  return sessionBundle;
}

/** The app's first (online) visit, as a nurse's first session: imports the bundle, opens its
 * roster, and stays a while. V8 writes the wasm code cache only after some functions have
 * been optimised (tiered up) and no more were for 2 s; an idle visit never writes one. */
async function firstSession(context, url, bundle, stayMs) {
  const page = await context.newPage();
  const io = new IoPage(page);
  await io.goto(url);
  await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 30000 });
  await io.open();
  await io.chooseFile(bundle);
  await io.apply();
  await page.goto(`${url}#/d/${SESSION_DIAGNOSIS}/patients`);
  await io.reload();
  await page.goto(`${url}#/d/${SESSION_DIAGNOSIS}`);
  await page.locator('a[data-section=patients] .section-count', { hasText: `${SESSION_PATIENTS}人` }).waitFor({ timeout: 60000 });
  await page.waitForTimeout(stayMs);
  await page.goto(url); // the next start resumes this 地域診断 from the bare address
  await page.close();
}

async function install(context, url, stayMs) {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => !!navigator.serviceWorker.controller && performance.getEntriesByName('app-interactive').length > 0, null, { timeout: 30000 });
  await page.waitForTimeout(stayMs);
  await page.close();
}

/** One run: a fresh profile, a first online visit to each app (a session with data when
 * `bundle`) and to the floor, then STARTS offline starts of each, in turn. Returns, by app
 * label and 'floor', the phases of each start. */
/** In every page, before its scripts: marks `bench-records-painted` when 地域の概況 shows the
 * session's 療養者 count (the records of the 地域診断 the start resumed are on screen). The
 * same for any build of the app; the floor page has no #boot, so it stops watching there. */
function watchRecordsPainted(text) {
  const observer = new MutationObserver(() => {
    const count = document.querySelector('a[data-section=patients] .section-count');
    if (count && count.textContent === text) {
      performance.mark('bench-records-painted');
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
  document.addEventListener('DOMContentLoaded', () => {
    if (!document.getElementById('boot')) observer.disconnect();
  });
}

async function coldRun(apps, floor, rate, bundle) {
  const { context, problems } = await launch(newProfileDir('bench-cold'));
  if (bundle) await context.addInitScript(watchRecordsPainted, `${SESSION_PATIENTS}人`);
  for (const p of context.pages()) await p.close();
  for (const app of apps) {
    if (bundle) await firstSession(context, app.url, bundle, FIRST_VISIT_MS);
    else await install(context, app.url, FIRST_VISIT_MS);
  }
  await install(context, floor.url, 500);
  await context.route('**/*', (route) => route.abort('internetdisconnected'));
  await context.setOffline(true);
  const out = { floor: [] };
  for (const app of apps) out[app.label] = [];
  const marks = bundle ? ['app-interactive', 'bench-records-painted'] : undefined;
  for (let i = 0; i < STARTS; i++) {
    for (const app of apps) out[app.label].push(await startOnce(context, app.url, rate, marks));
    out.floor.push(await startOnce(context, floor.url, rate));
  }
  await context.close();
  if (problems.length) console.log(`  (page problems: ${problems.join('; ')})`);
  return out;
}

/** Which V8 wasm code-cache events (Blink's devtools.timeline trace) one start shows:
 * v8.wasm.moduleCacheHit = the module came from the code cache; v8.wasm.compiledModule /
 * v8.wasm.cachedModule = code was serialised and written to the cache. */
async function tracedStart(context, url) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['disabled-by-default-devtools.timeline'] }, transferMode: 'ReportEvents' });
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('app-interactive').length > 0, null, { timeout: 60000 });
  await page.waitForTimeout(3000);
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  await done;
  await page.close();
  const wanted = /^v8\.wasm\.(moduleCacheHit|moduleCacheInvalid|moduleCacheInvalidDigest|compiledModule|cachedModule)$/;
  const counts = {};
  for (const e of events) if (wanted.test(e.name)) counts[e.name] = (counts[e.name] || 0) + 1;
  return Object.entries(counts).map(([k, v]) => `${k}×${v}`).join(', ') || '(no code-cache event: compiled, nothing cached)';
}

async function codeCacheCheck(app, bundle) {
  const { context } = await launch(newProfileDir('bench-cache'));
  for (const p of context.pages()) await p.close();
  if (bundle) await firstSession(context, app.url, bundle, FIRST_VISIT_MS);
  else await install(context, app.url, FIRST_VISIT_MS);
  await context.route('**/*', (route) => route.abort('internetdisconnected'));
  await context.setOffline(true);
  console.log(`\n### wasm のコードキャッシュ（${app.label}: トレース、CPU 1x、別のプロファイル、各起動後 3 s 開いたまま）`);
  for (let i = 0; i < 3; i++) console.log(`start ${i + 1}: ${await tracedStart(context, app.url)}`);
  await context.close();
}

function report(runs, label, withRecords) {
  const at = (who, i, key) => median(runs.map((run) => run[who][i][key]).filter((x) => x !== undefined));
  const all = (who, key) => runs.flatMap((run) => run[who].slice(1).map((t) => t[key])).filter((x) => x !== undefined);
  const goal = withRecords ? 'records' : 'interactive';
  console.log(`\n${label}: start | app-interactive ms | floor ms | ratio${withRecords ? ' | records painted ms | ratio' : ''} | wasm compile (glue→main) ms`);
  for (let i = 0; i < STARTS; i++) {
    const a = at(label, i, 'interactive');
    const f = at('floor', i, 'interactive');
    const r = withRecords ? ` | ${at(label, i, 'records').toFixed(1).padStart(8)} | ${(at(label, i, 'records') / f).toFixed(2)}` : '';
    const compile = median(runs.map((run) => run[label][i].main - run[label][i].glue));
    console.log(`${String(i + 1).padStart(5)} | ${a.toFixed(1).padStart(8)} | ${f.toFixed(1).padStart(8)} | ${(a / f).toFixed(2)}${r} | ${compile.toFixed(1)}`);
  }
  const a = median(all(label, goal));
  const f = median(all('floor', 'interactive'));
  console.log(`${label}, starts 2–${STARTS}: ${withRecords ? 'records painted' : 'app-interactive'} median ${ms(a)} (p90 ${ms(p90(all(label, goal)))}), floor ${ms(f)}, ratio ${(a / f).toFixed(2)}×  (目標: ≤ 2.0×)`);
  console.log(`${label} phases, starts 2–${STARTS} (median ms from navigation start):`);
  for (const [key, name] of PHASES) {
    const xs = all(label, key);
    if (xs.length) console.log(`  ${name.padEnd(50)} ${median(xs).toFixed(1).padStart(7)}`);
  }
  const fp = (key) => median(all('floor', key));
  console.log(`  floor: boot ${fp('boot').toFixed(1)}, IndexedDB open ${fp('dbOpen').toFixed(1)}, table painted ${fp('interactive').toFixed(1)}`);
}

async function coldStartSection(benchServer) {
  const withData = process.env.BENCH_COLD_EMPTY !== '1';
  console.log(`\n## オフライン起動（Service Worker のキャッシュから。床ページとの比、起動1〜${STARTS}回目を別々に、${COLD_RUNS}回の中央値）`);
  console.log(`(アプリ: dist/、床: e2e/floor/。CPU の倍率ごと・回ごとに新しいプロファイル。初回のオンライン訪問: ${withData ? `療養者${SESSION_PATIENTS}人の地域診断を読み込み、名簿を開いて` : '何もせず'} ${FIRST_VISIT_MS} ms 開いたまま)`);
  const bundle = withData ? await makeSessionBundle(benchServer) : null;
  // BENCH_COMPARE_DIST: another build of the app (e.g. of an older commit), started in turn
  // with this one in the same profiles.
  const apps = [{ label: 'app', ...(await startServer({ root: dist })) }];
  if (process.env.BENCH_COMPARE_DIST) apps.push({ label: 'before', ...(await startServer({ root: process.env.BENCH_COMPARE_DIST })) });
  const floor = await startServer({ root: floorDir, subPath: null });
  for (const rate of RATES) {
    const runs = [];
    for (let r = 0; r < COLD_RUNS; r++) runs.push(await coldRun(apps, floor, rate, bundle));
    console.log(`\n### CPU ${rate}x`);
    for (const app of apps) report(runs, app.label, withData);
  }
  await codeCacheCheck(apps[0], bundle);
  for (const app of apps) await app.close();
  await floor.close();
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
