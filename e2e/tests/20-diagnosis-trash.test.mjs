// Issue 17: 削除 of a 地域診断 moves it to the ゴミ箱 below the list (its records untouched):
// it leaves the list, the switcher, 広域の比較 and the export choices; its address says where it
// is; 元に戻す brings it back with its patients; 完全に削除 and ゴミ箱を空にする ask again, naming
// what is lost. The export encrypts by default (暗号化しない needs a choice and shows a warning)
// and leaves the ゴミ箱 out unless ticked.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, launchPage, assert, assertEqual, assertNoProblems, shot } from '../lib.mjs';
import { HomePage } from '../pages/app.mjs';
import { DiagnosisTrashPage } from '../pages/diagnosis-trash.mjs';
import { IoPage } from '../pages/io.mjs';
import { PatientsPage } from '../pages/patients.mjs';
import { RegionalPage } from '../pages/regional.mjs';
import { areaBundle } from '../fixtures/areas.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
// full_v2.json: 地域診断 d-2025 (A保健所管内 令和7年度) with 療養者 A-001 山田 太郎 and A-002 鈴木 花子,
// a station, a programme, 地域の概況 and an アセスメント.
const FULL = path.resolve(here, '..', '..', 'tests', 'bundles', 'good', 'full_v2.json');
const A = 'A保健所管内';
const A_TITLE = 'A保健所管内 令和7年度（2025年度）';
const B = 'B保健所管内';

/** A profile holding 「A保健所管内」 (full_v2.json) and 「B保健所管内」, on the 地域診断の一覧. */
async function start(server, name) {
  const { context, problems, page } = await launchPage(name);
  const [io, home] = [new IoPage(page), new DiagnosisTrashPage(page)];
  await io.goto(server.url);
  for (const file of [FULL, areaBundle('b', B)]) {
    await io.open();
    await io.chooseFile(file);
    await io.apply();
  }
  await home.open();
  return { context, problems, page, io, home };
}

test('地域診断のゴミ箱: 削除でゴミ箱へ（一覧・切替・広域の比較から外れ、アドレスは理由を示す）、元に戻すと療養者ごと戻る', async ({ server }) => {
  const { context, problems, page, home } = await start(server, 'diag-trash');
  assertEqual(await home.trashSection().count(), 0, 'no ゴミ箱 while it is empty');

  const text = await home.askDelete(A);
  assert(text.includes(`「${A_TITLE}」を削除して、ゴミ箱に移します`) && text.includes('元に戻せます'), `the confirmation: ${text}`);
  await home.confirm();
  await home.waitNotice(`「${A_TITLE}」をゴミ箱に移しました`);
  assertEqual(await home.rows(), [[B, '令和7年度（2025年度）']], 'not on the list');
  assertEqual(await home.trashSummary(), 'ゴミ箱（1件）');
  assertEqual(await home.trashSection().evaluate((d) => d.open), false, 'folded');
  const rows = await home.trashRows();
  assertEqual(rows.map((r) => r.slice(0, 2)), [[A, '令和7年度（2025年度）']], 'in the ゴミ箱');
  assert(/^\d{4}年\d{1,2}月\d{1,2}日.* \d{2}:\d{2}$/.test(rows[0][2]), `削除した日時: ${rows[0][2]}`);
  await page.screenshot({ path: shot('diagnosis-trash.png'), fullPage: true });

  // Not in the switcher nor in 広域の比較.
  const options = await page.locator('.switcher select option').allInnerTexts();
  assert(!options.some((o) => o.includes(A)), `switcher: ${options}`);
  const regional = new RegionalPage(page);
  await regional.open();
  await regional.settled();
  const areas = (await regional.areas()).map(([name]) => name);
  assert(areas.some((n) => n.includes(B)) && !areas.some((n) => n.includes(A)), `広域の比較: ${areas}`);

  // Its address says where it is, for every page of it (nothing of it opens).
  for (const section of ['patients', 'overview', 'summary']) {
    await page.evaluate((h) => { location.hash = h; }, `#/d/d-2025/${section}`);
    const closed = page.locator('[data-testid=diagnosis-closed]');
    await closed.waitFor();
    const said = await closed.innerText();
    assert(said.includes('この地域診断はゴミ箱にあります') && said.includes(`「${A_TITLE}」`), `${section}: ${said}`);
  }
  await page.evaluate(() => { location.hash = '#/d/nowhere/patients'; });
  await page.locator('[data-testid=diagnosis-closed]', { hasText: '地域診断が見つかりません' }).waitFor();

  // After a reload too; then 元に戻す brings it back with its patients.
  await home.reload();
  await home.open();
  assertEqual(await home.trashSummary(), 'ゴミ箱（1件）', 'kept after a reload');
  await home.restore(A);
  await home.waitNotice(`「${A_TITLE}」を元に戻しました`);
  assertEqual(await home.trashSection().count(), 0, 'the ゴミ箱 is empty again');
  assertEqual((await home.rows()).map((r) => r[0]), [A, B], 'back on the list');
  await home.listed(A).click();
  const patients = new PatientsPage(page);
  await patients.open();
  assertEqual(await patients.ids(), ['A-001', 'A-002'], 'its patients are there');
  assertNoProblems(problems);
  await context.close();
});

test('地域診断のゴミ箱: 完全に削除とゴミ箱を空にするは、失うものを示して確かめてから消す', async ({ server }) => {
  const { context, problems, home } = await start(server, 'diag-purge');
  await home.moveToTrash(A);
  const text = await home.askPurge(A);
  assert(text.includes(`「${A_TITLE}」（療養者 2人・訪問看護ステーション 1件・事業 1件・その他 2件）を完全に削除します`), `names what is lost: ${text}`);
  assert(text.includes('元に戻せません'), text);
  await home.cancel();
  assertEqual((await home.trashRows()).length, 1, 'cancel keeps it');
  await home.askPurge(A);
  await home.confirm();
  await home.waitNotice(`「${A_TITLE}」を完全に削除しました`);
  assertEqual(await home.trashSection().count(), 0, 'gone from the ゴミ箱');

  // ゴミ箱を空にする: both of what is there, after naming them.
  await home.create('C保健所管内', '2024');
  await home.open();
  await home.moveToTrash(B);
  await home.moveToTrash('C保健所管内');
  assertEqual(await home.trashSummary(), 'ゴミ箱（2件）');
  const asked = await home.askEmptyTrash();
  assert(asked.includes('ゴミ箱の地域診断 2件を完全に削除します') && asked.includes(`「${B} 令和7年度（2025年度）」`) && asked.includes('「C保健所管内 令和6年度（2024年度）」'), asked);
  await home.confirm();
  await home.waitNotice('ゴミ箱の地域診断 2件を完全に削除しました');
  await home.reload();
  await home.open();
  assertEqual(await home.rows(), [], 'nothing on the list');
  assertEqual(await home.trashSection().count(), 0, 'nothing in the ゴミ箱');
  assertNoProblems(problems);
  await context.close();
});

test('地域診断のゴミ箱: 別のタブで削除されると、開いていた画面はゴミ箱にあると示す', async ({ server }) => {
  const { context, problems, page, home } = await start(server, 'diag-tabs');
  await page.evaluate(() => { location.hash = '#/d/d-2025/patients'; });
  const patients = new PatientsPage(page);
  await patients.table().waitFor();
  const other = await context.newPage();
  const otherHome = new HomePage(other);
  await otherHome.goto(page.url().replace(/#.*$/, '#/'));
  await otherHome.moveToTrash(A);
  await page.locator('[data-testid=diagnosis-closed]', { hasText: 'この地域診断はゴミ箱にあります' }).waitFor();
  assertEqual(await patients.table().count(), 0, 'the roster is gone');
  assertNoProblems(problems);
  await context.close();
});

test('書き出しの既定: 暗号化が選ばれ、暗号化しないを選ぶと一行の注意、ゴミ箱（ゴミ箱の地域診断も）はチェックしたときだけ', async ({ server }) => {
  const { context, problems, io, home } = await start(server, 'diag-export');
  await home.moveToTrash(B);
  await io.open();
  assertEqual(await io.checkedMode(), 'encrypted', 'encrypted by default');
  assertEqual(await io.plainWarning().count(), 0, 'no warning while encrypted');
  assertEqual(await io.trashBox().isChecked(), false, 'the ゴミ箱 unticked');
  assert((await io.exportPanel().innerText()).includes('ゴミ箱の記録も含める（'), 'the hint is kept');
  await io.mode('plain');
  assertEqual(
    (await io.plainWarning().innerText()).trim(),
    '暗号化しないファイルには氏名・住所が読める形で入ります。端末の外に持ち出さないでください。',
    'the warning',
  );
  await io.mode('encrypted');
  assertEqual(await io.plainWarning().count(), 0, 'gone again');

  // The 地域診断 in the ゴミ箱 is offered, and written, only with the ゴミ箱 ticked.
  assertEqual(await io.diagnosisChoices(), [A_TITLE], 'choices without the ゴミ箱');
  await io.includeTrash(true);
  assertEqual(await io.diagnosisChoices(), [A_TITLE, `${B} 令和7年度（2025年度）（ゴミ箱）`], 'with it, marked');
  await io.includeTrash(false);
  await io.scope('all');
  const without = JSON.parse((await io.exportFile()).text);
  assertEqual(await io.checkedMode(), 'plain', 'the page object chose 暗号化しない');
  assertEqual(without.diagnoses.map((d) => d.id), ['d-2025'], 'without the ゴミ箱');
  assert(without.records.every((r) => r.diagnosis_id === 'd-2025'), 'none of its records either');
  await io.includeTrash(true);
  const withTrash = JSON.parse((await io.exportFile()).text);
  const b = withTrash.diagnoses.find((d) => d.id === 'bd-2025');
  assert(b && b.deleted_at > 0, 'with it, in the ゴミ箱');
  assertEqual(withTrash.records.filter((r) => r.diagnosis_id === 'bd-2025').length, 6, 'and all its records');
  assertNoProblems(problems);
  await context.close();
});
