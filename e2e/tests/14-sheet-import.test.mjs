// Issue 15: 取り込み of an Excel workbook or CSV of 様式1・様式3 — the paper layout with its
// 記入例, Excel's Shift_JIS CSV, the nurse's column mapping (remembered for the next file of the
// same headings), errors named by row and column and fixed in place, nothing written until she
// confirms, and the app's own CSV read back identical.
//
// The files are in e2e/fixtures/sheets/ (written by tools/make-sheet-fixtures.py with openpyxl).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, launch, newProfileDir, assert, assertEqual, assertNoProblems, shot } from '../lib.mjs';
import { HomePage } from '../pages/app.mjs';
import { SheetImportPage } from '../pages/sheet.mjs';
import { OverviewPage } from '../pages/overview.mjs';
import { PatientsPage } from '../pages/patients.mjs';
import { SummaryPage } from '../pages/summary.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const SHEETS = path.resolve(here, '..', 'fixtures', 'sheets');
const XLSX = path.join(SHEETS, 'yoshiki1.xlsx');
const CP932 = path.join(SHEETS, 'yoshiki1-cp932.csv');
const ERRORS = path.join(SHEETS, 'yoshiki1-errors.csv');
const EXPECTED = JSON.parse(fs.readFileSync(path.join(SHEETS, 'expected.json'), 'utf8'));
const FULL = path.resolve(here, '..', '..', 'tests', 'bundles', 'good', 'full_v1.json');

/** Opens the 地域診断 `area` from the list (the データの入出力 page belongs to none). */
async function openArea(home, area) {
  await home.open();
  await home.listed(area).click();
  await home.waitHeading('地域の概況');
}

async function start(server, name, area) {
  const { context, problems } = await launch(newProfileDir(name));
  const page = context.pages()[0] || (await context.newPage());
  const home = new HomePage(page);
  await home.goto(server.url);
  if (area) {
    await home.create(area, '令和7');
    // Creating opens it.
    await home.waitHeading('地域の概況');
  }
  return { context, problems, page, home, io: new SheetImportPage(page) };
}

test('取り込み: 紙の様式1の形の Excel（記入例つき）を空の地域診断へ。様式1に30人、集計も30人、様式3のシートも', async ({ server }) => {
  const { context, problems, page, io } = await start(server, 'sheet-xlsx', 'ブック保健所管内');
  await io.open();
  await io.chooseFile(XLSX);
  await io.sheetPreview().waitFor();
  const summary = await io.sheetSummary();
  assert(summary.startsWith('様式1（療養者）: 30 行（記入例 2 行は読み飛ばします）。取り込める行 30 行'), summary);
  assertEqual(await io.sheetColumnField('S'), '神経内科専門医療機関 機関名', 'a heading under its merged group');
  assertEqual(await io.sheetColumnField('AJ'), '1週間の合計訪問看護利用回数', 'the computed column is recognised');
  const rows = await io.sheetRows();
  assertEqual(rows.filter((r) => r.text.includes('記入例（読み飛ばします）')).length, 2, 'both 記入例 listed as skipped');
  // The seed's 地域の概況 block above the table is read too.
  const overview = await io.page.locator('[data-testid=sheet-overview]').innerText();
  assert(overview.includes('人口（人）') && overview.includes(EXPECTED.population), overview);
  await io.sheetPreview().screenshot({ path: shot('sheet-preview-xlsx.png') });
  // Nothing is written before the plan is confirmed.
  await io.planSheet();
  assertEqual((await io.summary()).new, EXPECTED.patients + 1, 'every patient is new, and the 地域の概況');
  const done = await io.apply();
  assert(done.startsWith('取り込みました'), done);

  // The link after the import opens the 地域診断's roster.
  const link = io.page.locator('[data-testid=import-open-target]');
  assertEqual((await link.innerText()).trim(), '様式1 療養者を開く');
  await link.click();
  const roster = new PatientsPage(page);
  await roster.table().waitFor();
  assertEqual(await roster.count(), `${EXPECTED.patients}人`, 'the roster has the 30 patients');
  const overviewPage = new OverviewPage(page);
  await overviewPage.open();
  assertEqual(await overviewPage.value('population'), EXPECTED.population);
  assertEqual(await overviewPage.value('area_km2'), EXPECTED.area);
  const summaryPage = new SummaryPage(page);
  await summaryPage.open();
  const n = await summaryPage.n();
  assert(n.startsWith(`在宅ALS療養者:${EXPECTED.patients}人`), n);
  assertEqual((await summaryPage.figure('procedure-ventilator')).count, `${EXPECTED.ventilator}人`);

  // The same workbook's 様式3 sheet.
  await io.open();
  await io.chooseFile(XLSX);
  await io.sheetChange(() => io.page.locator('[data-testid=sheet-sheet]').selectOption({ index: 1 }));
  assert((await io.sheetSummary()).startsWith('様式3（訪問看護ステーション）: 3 行'), await io.sheetSummary());
  await io.planSheet();
  assertEqual((await io.summary()).new, 3, 'three stations');
  await io.apply();
  assertNoProblems(problems);
  await context.close();
});

test('取り込み: Excel が保存した Shift_JIS の CSV。列の割り当てを変えると次の同じ形のファイルでも使い、2回目は何も変わらない', async ({ server }) => {
  const { context, problems, page, home, io } = await start(server, 'sheet-cp932', 'CSV保健所管内');
  await io.open();
  await io.chooseFile(CP932);
  assert((await io.page.locator('.io-sheet .hint').first().innerText()).includes('Shift_JIS'), 'the encoding is named');
  assertEqual(await io.sheetColumnField('AQ'), '支援管理区分');
  await io.mapSheetColumn('AQ', '取り込まない');
  assertEqual(await io.sheetColumnField('AQ'), '取り込まない');
  await io.page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'sheet-column-42');
  // The keyboard stays on the changed column once the preview is drawn again.
  assertEqual(await io.page.evaluate(() => document.activeElement.getAttribute('name')), 'sheet-column-42');
  await io.planSheet();
  assertEqual((await io.summary()).new, 30);
  await io.apply();
  await openArea(home, 'CSV保健所管内');
  const roster = new PatientsPage(page);
  await roster.open();
  assertEqual(await roster.count(), '30人');

  // The same file again: the mapping is offered again, and nothing changes (idempotent).
  await io.open();
  await io.chooseFile(CP932);
  await io.waitNotice('前回選んだ列の割り当て');
  await io.page.waitForFunction(() => Number(document.querySelector('[data-testid=sheet-preview]')?.getAttribute('data-rev')) >= 2);
  assertEqual(await io.sheetColumnField('AQ'), '取り込まない', 'the remembered mapping');
  await io.planSheet();
  const s = await io.summary();
  // The 30 patients and the 地域診断 itself.
  assertEqual(s.identical, 31, `identical: ${JSON.stringify(s)}`);
  assertEqual(s.new, 0);
  assertNoProblems(problems);
  await context.close();
});

test('取り込み: エラーは行と列で示し、確定まで何も書かない。その場で直した行は取り込める', async ({ server }) => {
  const { context, problems, page, home, io } = await start(server, 'sheet-errors', 'エラー保健所管内');
  await io.open();
  await io.chooseFile(ERRORS);
  let rows = await io.sheetRows();
  const byRow = Object.fromEntries(rows.map((r) => [r.row, r]));
  assert(byRow['3 行目'].text.includes('列 F（年齢）'), byRow['3 行目'].text);
  assert(byRow['4 行目'].text.includes('列 H（医療処置管理人工呼吸器）'), byRow['4 行目'].text);
  assert(byRow['6 行目'].text.includes('2 行目と同じ'), byRow['6 行目'].text);
  assert((await io.sheetSummary()).includes('エラーのある行 3 行'), await io.sheetSummary());
  // Marked in the file's layout: the 年齢 cell of row 3, the 人工呼吸器 cell of row 4.
  assertEqual((await io.markedCells(3)).error, ['F']);
  assertEqual((await io.markedCells(4)).error, ['H']);
  await io.sheetPreview().screenshot({ path: shot('sheet-preview-errors.png') });
  // Nothing saved while she looks.
  await openArea(home, 'エラー保健所管内');
  const roster = new PatientsPage(page);
  await roster.open();
  assertEqual(await roster.count(), '0人', 'nothing written before confirming');
  await io.open();
  await io.sheetPreview().waitFor();
  await io.fixSheetCell(3, 'F', '70');
  rows = await io.sheetRows();
  assert(!rows.some((r) => r.row === '3 行目'), 'the fixed row has no finding left');
  assert((await io.sheetSummary()).includes('取り込める行 3 行'), await io.sheetSummary());
  await io.planSheet();
  assertEqual((await io.summary()).new, 3);
  await io.apply();
  await openArea(home, 'エラー保健所管内');
  await roster.open();
  assertEqual(await roster.count(), '3人');
  assertNoProblems(problems);
  await context.close();
});

test('取り込み: アプリが書き出した様式1の CSV を空の地域診断に取り込むと、書き出しがすべて同じになる', async ({ server }) => {
  const { context, problems, home, io } = await start(server, 'sheet-roundtrip');
  await io.open();
  await io.chooseFile(FULL);
  await io.apply();
  // Issue 16 (7): a bundle import ends with a link to what came in.
  assertEqual(
    (await io.page.locator('[data-testid=import-open-target]').allInnerTexts()).map((t) => t.trim()),
    ['「A保健所管内 令和7年度（2025年度）」を開く'],
  );
  const first = await io.csv('patients', 'A保健所管内 令和7年度（2025年度）');
  await home.open();
  await home.create('写し保健所管内', '令和7');
  await io.open();
  await io.chooseFile(first.file);
  await io.sheetChange(() =>
    io.page.locator('[data-testid=sheet-diagnosis]').selectOption({ label: '写し保健所管内 令和7年度（2025年度）' }),
  );
  await io.planSheet();
  assertEqual((await io.summary()).new, 2);
  await io.apply();
  const second = await io.csv('patients', '写し保健所管内 令和7年度（2025年度）');
  assertEqual(second.text, first.text, 'every value identical');
  assertNoProblems(problems);
  await context.close();
});

test('取り込み: 表計算でないファイル・古い .xls・UTF-16 の CSV は、ファイル名とわけを示して何も変えない', async ({ server }) => {
  const { context, problems, page, home, io } = await start(server, 'sheet-hostile', '壊れ保健所管内');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nanbyo-sheet-'));
  const files = [
    ['写真.xlsx', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]), '表計算のファイル（.xlsx または .csv）ではありません'],
    ['古い様式1.xls', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]), 'Excel ブック (*.xlsx)'],
    ['utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('番号,氏名\r\n', 'utf16le')]), 'UTF-16'],
    ['見出しなし.csv', Buffer.from('売上,金額\r\n1,2\r\n'), '見出しが見つかりません'],
  ];
  await io.open();
  for (const [name, bytes, why] of files) {
    const file = path.join(dir, name);
    fs.writeFileSync(file, bytes);
    await io.chooseFile(file);
    const text = (await io.refusalOrNull()) ?? (await io.sheetProblems()).join('\n');
    assert(text.includes(why), `${name}: ${text}`);
    if (await io.refusalOrNull()) assert(text.includes(name), `${name} is named: ${text}`);
    else assertEqual(await io.page.locator('[data-testid=sheet-plan]').isDisabled(), true, `${name}: nothing to plan`);
    await io.page.locator('[data-testid=import-panel] button', { hasText: /閉じる|取り消し/ }).first().click();
  }
  await openArea(home, '壊れ保健所管内');
  const roster = new PatientsPage(page);
  await roster.open();
  assertEqual(await roster.count(), '0人', 'nothing was written');
  assertNoProblems(problems);
  await context.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
