// More benchmark sections, loaded by e2e/bench.mjs (`node e2e/bench.mjs io`).
//
// io: export and import of a 地域診断 with 5,000 療養者 and 1,500 ステーション, in headless
// Chromium with a persistent profile, unthrottled and at 4x CPU throttle. First each phase
// alone (the wasm entry points in src/ui/bench.rs), then the page itself as a nurse uses it
// (button → download; file → plan shown → 取り込む → done), with the longest task that
// blocked the page while it ran. Goals: each phase ≤ 2 s unthrottled, ≤ 6 s at 4x.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, newProfileDir } from './lib.mjs';
import { AppPage } from './pages/app.mjs';
import { longest, median, throttle, watchLongTasks } from './timing.mjs';

// (Not imported from bench.mjs: it loads this file while it is still being evaluated.)

const PATIENTS = 5000;
const STATIONS = 1500;
const RUNS = 3;
const ms = (x) => `${Math.round(x)} ms`;

async function phases(page, rate) {
  const t = { read: [], export: [], load: [], validate: [], plan: [], apply: [], write: [], replan: [] };
  let bytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const e = await page.evaluate(() => self.nanbyoBench.benchIoExport());
    bytes = e.bytes;
    t.read.push(e.readMs);
    t.export.push(e.exportMs);
    await page.evaluate(() => self.nanbyoBench.benchIoRemove());
    const p = await page.evaluate(() => self.nanbyoBench.benchIoParse());
    t.load.push(p.loadMs);
    t.validate.push(p.parseMs);
    const plan = await page.evaluate(() => self.nanbyoBench.benchIoPlan());
    if (plan.new !== PATIENTS + STATIONS + 1) throw new Error(`plan: ${JSON.stringify(plan)}`);
    t.plan.push(plan.planMs);
    const a = await page.evaluate(() => self.nanbyoBench.benchIoApply());
    t.apply.push(a.applyMs);
    t.write.push(a.writeMs);
    // The same file again (everything already here): the dry run compares field by field.
    await page.evaluate(() => self.nanbyoBench.benchIoParse());
    const again = await page.evaluate(() => self.nanbyoBench.benchIoPlan());
    if (again.identical !== PATIENTS + STATIONS + 1) throw new Error(`replan: ${JSON.stringify(again)}`);
    t.replan.push(again.planMs);
  }
  const m = Object.fromEntries(Object.entries(t).map(([k, v]) => [k, median(v)]));
  const goal = rate === 1 ? 2000 : 6000;
  const flag = (x) => (x <= goal ? '' : '  ← 目標超過');
  console.log(`CPU ${rate}x（各${RUNS}回の中央値、ファイル ${(bytes / 1024 / 1024).toFixed(1)} MB）`);
  console.log(`  書き出し: 読み込み ${ms(m.read)} + ファイル作成 ${ms(m.export)} = ${ms(m.read + m.export)}${flag(m.read + m.export)}`);
  console.log(`  検査（validate）: 端末の記録を読む ${ms(m.load)} + ファイルの検査 ${ms(m.validate)} = ${ms(m.load + m.validate)}${flag(m.load + m.validate)}`);
  console.log(`  計画（dry-run、全件新規）: ${ms(m.plan)}${flag(m.plan)}`);
  console.log(`  計画（dry-run、同じファイルをもう一度＝全件比較）: ${ms(m.replan)}${flag(m.replan)}`);
  console.log(`  反映（apply）: 記録の作成 ${ms(m.apply)} + 1トランザクションで保存 ${ms(m.write)} = ${ms(m.apply + m.write)}${flag(m.apply + m.write)}`);
  return m;
}


async function throughTheUi(page, app, server, rate) {
  // Export from the page.
  await app.goto(`${server.url}#/io`);
  await page.locator('h1', { hasText: 'データの入出力' }).waitFor();
  const cdp = await throttle(page, rate);
  await page.locator('input[name=export-scope][value=all]').check();
  // A readable file, as before the export encrypted by default (issue 17).
  await page.locator('input[name=export-mode][value=plain]').check();
  await watchLongTasks(page);
  let t0 = Date.now();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 120000 }),
    page.locator('[data-testid=export-button]').click(),
  ]);
  const exportMs = Date.now() - t0;
  const exportBlock = await longest(page);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nanbyo-bench-')), download.suggestedFilename());
  await download.saveAs(file);
  await page.locator('[data-testid=export-panel] [data-testid=io-progress]').waitFor({ state: 'detached', timeout: 120000 });

  // Remove it, then import the file through the page.
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await page.evaluate(() => self.nanbyoBench.benchIoRemove());
  await app.reload();
  await page.locator('h1', { hasText: 'データの入出力' }).waitFor();
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await watchLongTasks(page);
  t0 = Date.now();
  await page.locator('input[name=import-file]').setInputFiles(file);
  await page.locator('[data-testid=import-review]').waitFor({ timeout: 120000 });
  const reviewMs = Date.now() - t0;
  const reviewBlock = await longest(page);
  await watchLongTasks(page);
  t0 = Date.now();
  await page.locator('[data-testid=import-apply]').click();
  await page.locator('[data-testid=import-done]').waitFor({ timeout: 120000 });
  const applyMs = Date.now() - t0;
  const applyBlock = await longest(page);
  const done = (await page.locator('[data-testid=import-done] p').innerText()).trim();
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  console.log(`  画面から: 書き出し（ボタン→ダウンロード）${ms(exportMs)}（最長の停止 ${ms(exportBlock)}）`);
  console.log(`  画面から: 読み込み（ファイル選択→取り込む内容の表示）${ms(reviewMs)}（最長の停止 ${ms(reviewBlock)}）`);
  console.log(`  画面から: 反映（取り込む→完了、再読み込み込み）${ms(applyMs)}（最長の停止 ${ms(applyBlock)}）  ${done}`);
}

async function ioSection(server) {
  console.log(`\n## データの入出力: 療養者 ${PATIENTS}人・ステーション ${STATIONS}件の地域診断の書き出しと読み込み（目標: 各段階 ≤ 2 s、4x で ≤ 6 s）`);
  const { context } = await launch(newProfileDir('bench-io'));
  const page = context.pages()[0] || (await context.newPage());
  const app = new AppPage(page);
  await app.goto(server.url);
  const setup = await page.evaluate(({ p, s }) => self.nanbyoBench.benchIoSetup(p, s), { p: PATIENTS, s: STATIONS });
  console.log(`（準備: ${setup.records}件を保存 ${ms(setup.setupMs)}）`);
  for (const rate of [1, 4]) {
    const cdp = await throttle(page, rate);
    await phases(page, rate);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await throughTheUi(page, app, server, rate);
  }
  await context.close();
}

export const SECTIONS = { io: ioSection };
