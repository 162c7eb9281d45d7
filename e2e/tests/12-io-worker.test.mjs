// Issue 13: heavy file work runs in the I/O worker (a second wasm in a Web Worker), so the page
// stays responsive; a worker that stops mid-way changes nothing and says so; the worker is
// precached, so an import works offline after one online visit.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, launch, newProfileDir, assert, assertEqual, assertNoProblems, shot } from '../lib.mjs';
import { HomePage } from '../pages/app.mjs';
import { IoPage } from '../pages/io.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const FULL = path.resolve(here, '..', '..', 'tests', 'bundles', 'good', 'full_v1.json');
const STOPPED = 'ファイルの処理が途中で止まりました';

/** The full example bundle with `n` more 療養者 (copies of p-2 under new IDs). */
function bigBundle(n) {
  const full = JSON.parse(fs.readFileSync(FULL, 'utf8'));
  const template = full.records.find((r) => r.id === 'p-2');
  for (let i = 0; i < n; i++) {
    const r = structuredClone(template);
    r.id = `big-${String(i).padStart(5, '0')}`;
    r.body.id_number = `B-${i}`;
    r.body.name = `大量 ${i}`;
    full.records.push(r);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nanbyo-worker-'));
  const file = path.join(dir, `大量${n}人.nanbyo.json`);
  fs.writeFileSync(file, JSON.stringify(full));
  return { file, records: full.diagnoses.length + full.records.length };
}

async function start(name) {
  const { context, problems } = await launch(newProfileDir(name));
  const page = context.pages()[0] || (await context.newPage());
  return { context, problems, page, io: new IoPage(page), home: new HomePage(page) };
}

test('ファイル処理ワーカー: 5,000人のファイルを調べる間もメニューは100 ms以内に反応し、戻ると確認画面が待っている', async ({ server }) => {
  const big = bigBundle(5000);
  const { context, problems, page, io, home } = await start('worker-responsive');
  await io.goto(server.url);
  await io.open();
  await io.startImport(big.file);
  await io.waitIoWorker();
  await io.waitProgress('ファイル');
  await io.importPanel().screenshot({ path: shot('worker-import-progress.png') });
  // The file is being read and checked in the worker: the page answers the menu at once.
  const delay = await io.navMeasured('地域診断の一覧');
  await home.waitHeading('地域診断の一覧');
  assert(delay < 100, `the click waited ${delay.toFixed(1)} ms (goal < 100 ms)`);
  // Back on the page, the review the worker made is there (or comes).
  await io.nav('データの入出力');
  await io.waitImportSettled();
  assertEqual((await io.summary()).new, big.records, 'every record of the file is new');
  const done = await io.apply();
  assert(done.startsWith('取り込みました'), done);
  await io.nav('地域診断の一覧');
  await home.listed('A保健所管内').waitFor();
  assertEqual((await home.rows()).length, 1, 'the file’s 地域診断 is on the device');
  assertNoProblems(problems);
  await context.close();
  fs.rmSync(path.dirname(big.file), { recursive: true, force: true });
});

test('ファイル処理ワーカー: 読み込みの途中でワーカーが止まっても、取り消しても、データは変わらず理由が出る', async ({ server }) => {
  const big = bigBundle(5000);
  const { context, problems, page, io, home } = await start('worker-killed');
  await io.goto(server.url);
  await io.open();
  await io.chooseFile(FULL);
  await io.apply();
  await io.nav('地域診断の一覧');
  await home.listed('A保健所管内').waitFor();
  const before = await home.rows();
  assertEqual(before.length, 1, 'the example 地域診断 is there');

  // The browser kills the worker while it checks the file.
  await io.open();
  await io.startImport(big.file);
  await io.waitProgress('ファイル');
  await io.killIoWorker();
  await io.waitImportSettled();
  const refusal = await io.refusal();
  await io.importPanel().screenshot({ path: shot('worker-killed.png') });
  assert(refusal.includes(STOPPED), refusal);
  assert(refusal.includes('データは変わっていません'), refusal);
  await io.closeRefusal();

  // 取り消し while it works: stopped, nothing written.
  await io.startImport(big.file);
  await io.waitProgress('ファイル');
  await io.stopImport();
  await io.waitNotice('取り消しました');
  await io.nav('地域診断の一覧');
  await home.listed('A保健所管内').waitFor();
  assertEqual(await home.rows(), before, 'nothing was written');
  await home.reload();
  await home.listed('A保健所管内').waitFor();
  assertEqual(await home.rows(), before, 'nothing was written (after a reload)');

  // A new worker starts for the next file.
  await io.open();
  await io.chooseFile(FULL);
  assertEqual((await io.summary()).identical > 0, true, 'the same file again: identical records');
  assertNoProblems(problems.filter((p) => !p.includes('io-worker')));
  await context.close();
  fs.rmSync(path.dirname(big.file), { recursive: true, force: true });
});

test('ファイル処理ワーカー: 一度オンラインで開けば、ネット無しでもファイルを読み込める（ワーカーも保存済み）', async ({ server }) => {
  const { context, problems, page, io, home } = await start('worker-offline');
  await io.goto(server.url);
  await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 20000 });
  await context.route('**/*', (route) => route.abort('internetdisconnected'));
  await context.setOffline(true);
  await io.networkStatus('オフライン').waitFor();
  await io.reload();
  await io.open();
  await io.chooseFile(FULL);
  assert((await io.summary()).new > 0, 'the plan shows new records');
  const done = await io.apply();
  assert(done.startsWith('取り込みました'), done);
  await io.nav('地域診断の一覧');
  await home.listed('A保健所管内').waitFor();
  assertEqual((await home.rows()).length, 1, 'imported offline');
  assertNoProblems(problems);
  await context.close();
});
