// Issue 17: この端末のデータを消去 — the confirmation names what will be lost and needs the
// word typed; afterwards the database, the offline copy and the settings are gone, every tab
// shows nothing of the data, and the app starts afresh.
import { test, launch, newProfileDir, assert, assertEqual, assertNoProblems, shot } from '../lib.mjs';
import { axeViolations } from '../a11y.mjs';
import { HomePage } from '../pages/app.mjs';
import { ErasePage } from '../pages/erase.mjs';
import { PatientsPage } from '../pages/patients.mjs';

test('この端末のデータを消去: 消えるものを示し「消去」の入力で実行、全タブから記録が消え、最初から始められる', async ({ server }) => {
  const { context, problems } = await launch(newProfileDir('erase'), { viewport: { width: 1366, height: 768 } });
  const page = context.pages()[0] || (await context.newPage());
  const home = new HomePage(page);
  const form1 = new PatientsPage(page);
  await home.goto(server.url);
  await home.create('にし保健所管内', '2025');
  await form1.open();
  await form1.newPatient();
  await form1.type('id_number', 'E-1');
  await form1.type('name', '消去 される');
  await form1.saveWithEnter('name');
  // The app's offline copy is in place (the service worker has cached it).
  await page.waitForFunction(async () => (await caches.keys()).length > 0, null, { timeout: 30000 });

  // A second tab on the same device.
  const other = await context.newPage();
  const otherHome = new HomePage(other);
  await otherHome.goto(server.url);
  await other.waitForFunction(() => document.querySelector('main').innerText.includes('にし保健所管内'));

  const erase = new ErasePage(page);
  await erase.open();
  const lines = await erase.ask();
  assertEqual(lines[0], '記録: 地域診断 1件・療養者 1人・訪問看護ステーション 0件', 'what is lost');
  assert(lines[1].startsWith('変更履歴: ') && lines[1] !== '変更履歴: 0件', lines[1]);
  assert(lines[3].includes('まだ一度も書き出していません'), lines[3]);
  assertEqual(await axeViolations(page), [], 'axe: erase dialog');
  await page.screenshot({ path: shot('erase-dialog.png') });
  assertEqual(await erase.confirmEnabled(), false, 'nothing typed: disabled');
  await erase.typeWord('削除');
  assertEqual(await erase.confirmEnabled(), false, 'another word: disabled');
  // 取り消し changes nothing.
  await erase.cancel();
  await erase.ask();
  await erase.typeWord('消去');
  assertEqual(await erase.confirmEnabled(), true, 'the word: enabled');
  await erase.erase();

  // Nothing of the data on either tab; the origin holds nothing of the app.
  assert(!(await page.locator('main').innerText()).includes('にし保健所管内'), 'this tab shows nothing');
  await other.locator('[data-testid=erased-screen]').waitFor();
  assert(!(await other.locator('main').innerText()).includes('にし保健所管内'), 'the other tab shows nothing');
  const left = await erase.leftovers();
  assertEqual(left, { databases: [], localStorage: [], caches: [] }, 'nothing left');
  assertEqual(await axeViolations(page), [], 'axe: erased screen');

  // Start again: an empty list, and the app works.
  await erase.startAgain();
  assert((await page.locator('main').innerText()).includes('地域診断がまだありません') || !(await page.locator('main').innerText()).includes('にし保健所管内'), 'empty');
  await home.create('ひがし保健所管内', '2026');
  await page.screenshot({ path: shot('erase-start-again.png') });
  assertNoProblems(problems);
  await context.close();
});
