// Issue 16: everyone can use it. axe-core on every page, dialog and error state at 1366×768
// and on a tablet at 768×1024 with touch (0 violations); no page wider than the tablet; the
// page's main button in view; touch targets ≥ 44 px; dialogs keep the keyboard; the focus ring
// of a choice ≥ 3:1 on both states; page titles; notices gone after navigation; no error on a
// new form before typing.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, launch, newProfileDir, assert, assertEqual, assertNoProblems } from '../lib.mjs';
import { axeViolations, pageWidth, smallTargets, contrast, focusRingColours } from '../a11y.mjs';
import { HomePage } from '../pages/app.mjs';
import { areaBundle } from '../fixtures/areas.mjs';
import { IoPage } from '../pages/io.mjs';
import { PatientsPage } from '../pages/patients.mjs';
import { HELP_TOPICS } from '../pages/help.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const FULL = path.resolve(here, '..', '..', 'tests', 'bundles', 'good', 'full_v1.json');
// full_v1.json: 地域診断 d-2025, 療養者 p-1 and p-2, ステーション s-1, 事業 g-1, アセスメント as-1.
const D = 'd-2025';
const TITLE = 'A保健所管内 令和7年度（2025年度）';

/** Every page of the app: its address, what shows when it is ready, and its main button. */
const PAGES = [
  { name: '地域診断の一覧', hash: '#/', ready: '[data-testid=diagnosis-list]', main: 'form button[type=submit]' },
  {
    name: '地域診断の一覧（ゴミ箱を開く）', hash: '#/', ready: '[data-testid=diagnosis-trash]',
    open: (p) => openTrash(p),
  },
  { name: '地域の概況', hash: `#/d/${D}/overview`, ready: 'form.overview-form', main: '[data-testid=save]' },
  { name: '様式1 一覧', hash: `#/d/${D}/patients`, ready: '[data-testid=roster-table]', main: '[data-testid=new-patient]' },
  { name: '様式1 療養者', hash: `#/d/${D}/patients/p-1`, ready: '[data-testid=patient-detail]', main: '[data-testid=save]' },
  { name: '様式1 新規', hash: `#/d/${D}/patients/new`, ready: '[data-testid=patient-detail]', main: '[data-testid=save]' },
  { name: '様式2 一覧', hash: `#/d/${D}/programmes`, ready: '[data-testid=programmes-table]' },
  { name: '様式2 事業', hash: `#/d/${D}/programmes/g-1`, ready: '[data-testid=programme-detail]', main: '[data-testid=save]' },
  { name: '様式3 一覧', hash: `#/d/${D}/stations`, ready: '[data-testid=stations-table]' },
  { name: '様式3 ステーション', hash: `#/d/${D}/stations/s-1`, ready: '[data-testid=station-detail]', main: '[data-testid=save]' },
  { name: '集計', hash: `#/d/${D}/summary`, ready: '[data-testid=summary-sheet]' },
  { name: '様式4 評価', hash: `#/d/${D}/evaluation`, ready: '[data-testid=evaluation-form]', main: '[data-testid=save]' },
  { name: '判断樹 一覧', hash: `#/d/${D}/trees`, ready: '[data-testid=trees-list]' },
  { name: '判断樹 療養者', hash: `#/d/${D}/trees/patient-p-1`, ready: '[data-testid=trees-patient]' },
  { name: 'アセスメント', hash: `#/d/${D}/trees/assessment-as-1`, ready: '[data-testid=assessment]' },
  { name: '訪問看護の保険', hash: `#/d/${D}/trees/insurance-p-1`, ready: '[data-testid=insurance]' },
  { name: 'データの入出力', hash: '#/io', ready: '[data-testid=import-panel]' },
  { name: '広域の比較', hash: '#/regional', ready: '[data-testid=regional-table]' },
  { name: '事業実績', hash: '#/results', ready: '[data-testid=results-table]' },
  { name: '進捗状況評価', hash: '#/progress', ready: '[data-testid=progress]' },
  { name: '使い方・参考', hash: '#/help', ready: '[data-testid=help-index]' },
  ...HELP_TOPICS.map(([slug, title]) => ({ name: title, hash: `#/help/${slug}`, ready: `[data-testid=help-${slug}]` })),
];

/** Dialogs and error states, each opened from its page. */
const STATES = [
  {
    name: '地域診断の名前の変更（ダイアログ）', hash: '#/', ready: '[data-testid=diagnosis-list]',
    open: (p) => p.locator('[data-testid=diagnosis-list] tbody tr button', { hasText: '名前・年度を変更' }).first().click(),
  },
  {
    name: '地域診断の削除（確認）', hash: '#/', ready: '[data-testid=diagnosis-list]',
    open: (p) => p.locator('[data-testid=diagnosis-list] tbody tr button', { hasText: '削除' }).first().click(),
  },
  {
    name: '地域診断の完全な削除（確認）', hash: '#/', ready: '[data-testid=diagnosis-trash]',
    open: async (p) => {
      await openTrash(p);
      await p.locator('[data-testid=diagnosis-trash] tbody button', { hasText: '完全に削除' }).first().click();
    },
  },
  {
    name: '次年度（ダイアログ）', hash: '#/', ready: '[data-testid=diagnosis-list]',
    open: (p) => p.locator('[data-testid=next-year]').first().click(),
  },
  {
    name: '様式1 新規 保存できない入力', hash: `#/d/${D}/patients/new`, ready: '[data-testid=patient-detail]',
    open: async (p) => {
      await p.fill('[data-testid=patient-detail] input[name=age]', 'abc');
      await p.locator('[data-testid=save]').click();
      await p.locator('[data-testid=notice-error]').waitFor();
    },
    noModal: true,
  },
  {
    name: '療養者の削除（確認）', hash: `#/d/${D}/patients/p-1`, ready: '[data-testid=patient-detail]',
    open: (p) => p.locator('[data-testid=patient-detail] [data-testid=delete]').click(),
  },
  {
    name: '読み込みの確認', hash: '#/io', ready: '[data-testid=import-panel]',
    open: async (p) => {
      await p.locator('[data-testid=import-panel] input[name=import-file]').setInputFiles(FULL);
      await p.locator('[data-testid=import-review]').waitFor({ timeout: 60000 });
    },
    noModal: true,
  },
];

/** Unfolds the ゴミ箱 of the 地域診断の一覧 (seeded with one 地域診断). */
async function openTrash(page) {
  const trash = page.locator('[data-testid=diagnosis-trash]');
  if (!(await trash.evaluate((d) => d.open))) await trash.locator('summary').click();
}

async function go(page, hash, ready) {
  await page.evaluate((h) => { location.hash = h; }, hash);
  await page.locator(ready).first().waitFor();
  // Lazy parts (the 集計's figures, charts) settle.
  await page.waitForTimeout(150);
}

/** Imports full_v1.json on a fresh profile. */
async function seed(env, url) {
  // Leaving a form with unsaved input asks first: this audit leaves.
  env.page.on('dialog', (d) => d.accept());
  const io = new IoPage(env.page);
  await io.goto(url);
  await io.open();
  await io.chooseFile(FULL);
  await io.apply();
  // A second 保健所 of the same 年度, for 広域の比較.
  await io.open();
  await io.chooseFile(areaBundle('b', 'B保健所管内'));
  await io.apply();
  // A third, in the ゴミ箱 of the 地域診断の一覧 (a file's trashed 地域診断 arrives there).
  await io.open();
  await io.chooseFile(areaBundle('c', 'C保健所管内', (b) => { b.diagnoses[0].deleted_at = b.diagnoses[0].updated_at; }));
  await io.apply();
}

/** Runs axe on every page and state; returns `{ "page: rule": nodes }` and the per-rule counts. */
async function auditAll(page) {
  const found = [];
  for (const p of PAGES) {
    await go(page, p.hash, p.ready);
    if (p.open) await p.open(page);
    for (const v of await axeViolations(page)) found.push({ where: p.name, ...v });
  }
  for (const s of STATES) {
    await go(page, s.hash, s.ready);
    await s.open(page);
    if (!s.noModal) await page.locator('.modal').first().waitFor();
    for (const v of await axeViolations(page)) found.push({ where: s.name, ...v });
    if (!s.noModal) await page.keyboard.press('Escape');
  }
  return found;
}

function report(label, found) {
  const byRule = {};
  for (const v of found) byRule[v.rule] = (byRule[v.rule] || 0) + v.nodes.length;
  console.log(`    axe ${label}: ${found.length} violations`, JSON.stringify(byRule));
  for (const v of found) console.log(`      ${v.where} — ${v.rule} (${v.impact}): ${v.nodes.slice(0, 3).join(' | ')}`);
}

test('axe-core finds no violation on any page, dialog or error state at 1366×768 and 768×1024', async ({ server }) => {
  for (const viewport of [{ width: 1366, height: 768 }, { width: 768, height: 1024 }]) {
    const env = await launch(newProfileDir('a11y'), { viewport, hasTouch: viewport.width < 1000 });
    const page = env.context.pages()[0] || (await env.context.newPage());
    await seed({ page }, server.url);
    const found = await auditAll(page);
    report(`${viewport.width}×${viewport.height}`, found);
    assertNoProblems(env.problems);
    await env.context.close();
    assertEqual(found.length, 0, `axe violations at ${viewport.width}×${viewport.height}`);
  }
});

test('on a tablet (768×1024 and 1024×768, touch) no page scrolls sideways, the main button shows and targets are ≥ 44 px', async ({ server }) => {
  for (const viewport of [{ width: 768, height: 1024 }, { width: 1024, height: 768 }]) {
    const env = await launch(newProfileDir('tablet'), { viewport, hasTouch: true });
    const page = env.context.pages()[0] || (await env.context.newPage());
    await seed({ page }, server.url);
    const wide = [];
    const small = [];
    const hidden = [];
    for (const p of PAGES) {
      await go(page, p.hash, p.ready);
      if (p.open) await p.open(page);
      const w = await pageWidth(page);
      if (w.scrollWidth > w.innerWidth) wide.push(`${p.name} ${w.scrollWidth}px`);
      if (p.main && !(await page.locator(p.main).first().isVisible())) hidden.push(p.name);
      if (p.main) {
        const box = await page.locator(p.main).first().boundingBox();
        if (!box || box.y + box.height > viewport.height || box.y < 0) hidden.push(`${p.name}（画面の外）`);
      }
      for (const t of await smallTargets(page)) small.push(`${p.name}: ${t}`);
    }
    console.log(`    ${viewport.width}×${viewport.height}: wide ${JSON.stringify(wide)}; main button out of view ${JSON.stringify(hidden)}; small targets ${small.length}`);
    for (const s of small.slice(0, 15)) console.log(`      ${s}`);
    assertNoProblems(env.problems);
    await env.context.close();
    assertEqual(wide, [], 'pages wider than the tablet');
    assertEqual(hidden, [], 'main button out of view');
    assertEqual(small, [], 'touch targets under 44 px');
  }
});

test('keyboard: a dialog keeps the focus, Esc closes it and the focus returns; the ring of a choice is ≥ 3:1 selected and not', async ({ server }) => {
  const env = await launch(newProfileDir('keys'), { viewport: { width: 1366, height: 768 } });
  const page = env.context.pages()[0] || (await env.context.newPage());
  await seed({ page }, server.url);
  await go(page, '#/', '[data-testid=diagnosis-list]');
  const opener = page.locator('[data-testid=diagnosis-list] tbody tr button', { hasText: '削除' }).first();
  await opener.focus();
  await page.keyboard.press('Enter');
  await page.locator('.modal').waitFor();
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press(i % 2 ? 'Shift+Tab' : 'Tab');
    await page.keyboard.press('Tab');
    assert(await page.evaluate(() => !!document.activeElement.closest('.modal')), `Tab ${i} left the dialog`);
  }
  await page.keyboard.press('Escape');
  await page.locator('.modal').waitFor({ state: 'detached' });
  assert(await page.evaluate(() => document.activeElement.textContent.trim() === '削除'), 'the focus returns to 削除');

  // The ゴミ箱 below the list opens from the keyboard, and so does its 完全に削除.
  await page.locator('[data-testid=diagnosis-trash] summary').focus();
  await page.keyboard.press('Enter');
  assert(await page.locator('[data-testid=diagnosis-trash]').evaluate((d) => d.open), 'Enter opens the ゴミ箱');
  await page.locator('[data-testid=diagnosis-trash] tbody button', { hasText: '完全に削除' }).first().focus();
  await page.keyboard.press('Enter');
  await page.locator('.modal', { hasText: '完全に削除します' }).waitFor();
  await page.keyboard.press('Escape');
  await page.locator('.modal').waitFor({ state: 'detached' });
  assert(await page.evaluate(() => document.activeElement.textContent.trim() === '完全に削除'), 'the focus returns to 完全に削除');

  // The ring of a choice: unselected (white) and selected (blue).
  await go(page, `#/d/${D}/patients/p-1`, '[data-testid=patient-detail]');
  const radios = page.locator('[data-testid=patient-detail] fieldset.choice .segment input[type=radio]');
  const ratios = [];
  for (const checked of [false, true]) {
    const i = await radios.evaluateAll((els, c) => els.findIndex((e) => e.checked === c), checked);
    await radios.nth(i).focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const best = Math.max(...(await focusRingColours(page)).map((r) => contrast(r.ring, r.against)));
    ratios.push(best);
  }
  console.log(`    focus ring contrast: unselected ${ratios[0].toFixed(1)}:1, selected ${ratios[1].toFixed(1)}:1`);
  assert(ratios.every((r) => r >= 3), `focus ring contrast ${ratios}`);
  assertNoProblems(env.problems);
  await env.context.close();
});

test('page titles name the page and the 地域診断; a notice is gone after moving on; a new form shows no error before typing; 0 picks なし', async ({ server }) => {
  const env = await launch(newProfileDir('titles'), { viewport: { width: 1366, height: 768 } });
  const page = env.context.pages()[0] || (await env.context.newPage());
  await seed({ page }, server.url);
  await go(page, `#/d/${D}/patients`, '[data-testid=roster-table]');
  assertEqual(await page.title(), `様式1 療養者 — ${TITLE} — 難病の地域診断`);
  await go(page, '#/io', '[data-testid=import-panel]');
  assertEqual(await page.title(), 'データの入出力 — 難病の地域診断');

  const patients = new PatientsPage(page);
  await go(page, `#/d/${D}/patients/new`, '[data-testid=patient-detail]');
  assertEqual(await patients.errorCount(), 0, 'no error before typing');
  assertEqual(await page.locator('[aria-invalid=true]').count(), 0, 'nothing marked invalid before typing');
  await patients.type('age', 'abc');
  assert((await patients.errorCount()) > 0, 'the error shows once she typed');
  assertEqual(await page.locator('label:has(input[name=id_number]) .field-error').count(), 0, 'ID番号 untouched: no error yet');
  await page.locator('[data-testid=save]').click();
  const refusal = await page.locator('[data-testid=notice-error]').innerText();
  assert(!/）\s*）/.test(refusal), `no nested brackets: ${refusal}`);
  assert((await page.locator('label:has(input[name=id_number]) .field-error').count()) > 0, 'after 保存 every error shows');
  // The error notice belongs to this page.
  await page.locator('nav.nav a', { hasText: '集計' }).click();
  await page.locator('[data-testid=summary-sheet]').waitFor();
  assertEqual(await page.locator('[data-testid=notice-error], [data-testid=notice]').count(), 0, 'notice gone after navigation');

  // 0 on the 記入/なし/不明 buttons picks なし（0）.
  await go(page, `#/d/${D}/patients/p-2`, '[data-testid=patient-detail]');
  const tri = page.locator('[data-testid=patient-detail] fieldset.tri').first();
  await tri.locator('input[type=radio]').first().focus();
  await page.keyboard.press('0');
  assertEqual(await tri.getAttribute('data-state'), 'none', '0 picks なし（0）');
  await page.keyboard.press('Delete');
  assertEqual(await tri.getAttribute('data-state'), 'unknown', 'Delete picks 不明');
  assertNoProblems(env.problems);
  await env.context.close();
});
