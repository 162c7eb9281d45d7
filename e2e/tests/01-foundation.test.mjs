// Issue 2: the offline app shell, IndexedDB storage, two tabs, a killed browser, CSP.
import fs from 'node:fs';
import path from 'node:path';
import { test, launch, newProfileDir, killBrowser, assert, assertEqual, assertNoProblems } from '../lib.mjs';
import { HomePage } from '../pages/app.mjs';
import { DiagnosisTrashPage } from '../pages/diagnosis-trash.mjs';

test('地域診断を作成・再読み込み・名前変更・切替・削除（確認で名前を示す）', async ({ server }) => {
  const { context, problems } = await launch(newProfileDir('crud'));
  const page = context.pages()[0] || (await context.newPage());
  const home = new HomePage(page);
  await home.goto(server.url);
  assertEqual(await home.rows(), [], 'empty at first');

  // Bad input: a clear message naming the field, nothing saved.
  await home.typeJurisdiction('');
  await home.typeYear('abc');
  await home.submitCreate();
  const errors = await home.createErrors();
  assert(errors.some((e) => e.includes('地区名を入力してください')), `jurisdiction error shown: ${errors}`);
  assert(errors.some((e) => e.includes('年度は西暦')), `year error shown: ${errors}`);
  assertEqual(await home.rows(), [], 'nothing saved on bad input');

  await home.typeYear('令和7');
  assertEqual(await home.yearPreview(), '令和7年度（2025年度）', 'year preview');
  await home.create('多摩府中保健所管内', '令和7');
  // Creating opens it.
  await home.waitHeading('地域の概況');
  await home.open();
  await home.create('多摩府中保健所管内', '2024');
  await home.open();
  await home.create('南多摩保健所管内', 'R6');
  await home.open();

  // Issue 16 (6): the same 地区名 and 年度 again is refused, and the existing one is offered.
  await home.typeJurisdiction('多摩府中 保健所管内');
  await home.typeYear('2025');
  await home.submitCreate();
  const duplicate = page.locator('[data-testid=create-duplicate]');
  const said = await duplicate.innerText();
  assert(said.includes('「多摩府中保健所管内 令和7年度（2025年度）」はすでにあります'), said);
  await duplicate.locator('a').click();
  await home.waitHeading('地域の概況');
  await home.open();

  await home.reload();
  assertEqual(
    await home.rows(),
    [
      ['南多摩保健所管内', '令和6年度（2024年度）'],
      ['多摩府中保健所管内', '令和7年度（2025年度）'],
      ['多摩府中保健所管内', '令和6年度（2024年度）'],
    ],
    'all three after reload, sorted by 地区名 then newest 年度',
  );

  // Renaming onto another 地域診断's 地区名 and 年度 is refused the same way.
  await home.row('南多摩保健所管内').locator('button', { hasText: '名前・年度を変更' }).click();
  await page.fill('input[name=rename-jurisdiction]', '多摩府中保健所管内');
  await page.fill('input[name=rename-fiscal-year]', '令和7');
  const refusal = await page.locator('.modal .field-error').allInnerTexts();
  assert(refusal.some((t) => t.includes('「多摩府中保健所管内 令和7年度（2025年度）」はすでにあります')), `rename refused: ${refusal}`);
  await page.locator('.modal button', { hasText: '取り消し' }).click();

  await home.rename('南多摩保健所管内', '南多摩保健所管内（八王子市を除く）', '令和5');
  await home.reload();
  assert((await home.rows()).some(([n, y]) => n === '南多摩保健所管内（八王子市を除く）' && y === '令和5年度（2023年度）'), 'renamed');

  // Switch through the header's selector.
  await home.switchTo('多摩府中保健所管内 令和6年度（2024年度）');
  await page.waitForFunction(() => location.hash.includes('/overview'));
  await home.open();

  const text = await home.askDelete('南多摩保健所管内（八王子市を除く）');
  assert(text.includes('「南多摩保健所管内（八王子市を除く） 令和5年度（2023年度）」を削除して、ゴミ箱に移します'), `confirmation names it: ${text}`);
  await home.cancel();
  assertEqual((await home.rows()).length, 3, 'cancel keeps it');
  await home.askDelete('南多摩保健所管内（八王子市を除く）');
  await home.confirm();
  await home.waitNotice('ゴミ箱に移しました');
  await home.reload();
  assertEqual((await home.rows()).length, 2, 'deleted after confirmation');
  assertEqual((await new DiagnosisTrashPage(page).trashRows()).map((r) => r[0]), ['南多摩保健所管内（八王子市を除く）'], 'in the ゴミ箱');
  assertNoProblems(problems);
  await context.close();
});

test('保存しました の後にブラウザを強制終了しても記録は残る', async ({ server }) => {
  const dir = newProfileDir('kill');
  let { context, problems } = await launch(dir);
  let page = context.pages()[0] || (await context.newPage());
  let home = new HomePage(page);
  await home.goto(server.url);
  await home.create('強制終了テスト地区', '2025');
  assertNoProblems(problems);
  killBrowser(dir);
  await context.close().catch(() => {});
  ({ context, problems } = await launch(dir));
  page = context.pages()[0] || (await context.newPage());
  home = new HomePage(page);
  await home.goto(server.url);
  await home.open();
  assertEqual(await home.rows(), [['強制終了テスト地区', '令和7年度（2025年度）']], 'record survived the kill');
  assertNoProblems(problems);
  await context.close();
});

test('二つのタブが互いの保存を見る', async ({ server }) => {
  const { context, problems } = await launch(newProfileDir('tabs'));
  const a = new HomePage(context.pages()[0] || (await context.newPage()));
  const b = new HomePage(await context.newPage());
  await a.goto(server.url);
  await b.goto(server.url);
  await a.create('タブAの地区', '2025');
  await b.listed('タブAの地区').waitFor({ timeout: 5000 });
  await b.create('タブBの地区', '2025');
  await a.open();
  await a.listed('タブBの地区').waitFor({ timeout: 5000 });
  assertNoProblems(problems);
  await context.close();
});

test('一度オンラインで開けば、サーバーもネットも無しで開いて使える（サブパス公開）', async ({ server }) => {
  const { context, problems } = await launch(newProfileDir('offline'));
  const page = context.pages()[0] || (await context.newPage());
  const home = new HomePage(page);
  await home.goto(server.subUrl);
  await home.create('オフライン地区', '2025');
  // Wait until the service worker controls the page and has cached this version.
  await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 20000 });
  // Cut the network for the page and the service worker: stop serving entirely and block
  // every request of the context.
  await context.route('**/*', (route) => route.abort('internetdisconnected'));
  await context.setOffline(true);
  await home.networkStatus('オフライン').waitFor();
  await home.reload();
  await home.open();
  assertEqual(await home.rows(), [['オフライン地区', '令和7年度（2025年度）']], 'data there offline');
  await home.create('オフラインで作った地区', '2025');
  await home.open();
  await home.reload();
  assertEqual((await home.rows()).length, 2, 'saved offline and still there after reload');
  assertNoProblems(problems);
  await context.close();
});

test('新しい版は「更新があります」と告げ、選んだときだけ切り替わる', async ({ server, dist }) => {
  const { context, problems } = await launch(newProfileDir('update'));
  const page = context.pages()[0] || (await context.newPage());
  const home = new HomePage(page);
  await home.goto(server.url);
  await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 20000 });
  const oldCss = await page.evaluate(() => document.querySelector('link[rel=stylesheet]').getAttribute('href'));

  // A "new build": the same files with a changed stylesheet name, as a real deploy has.
  const next = fs.mkdtempSync(path.join(path.dirname(dist), '.dist-next-'));
  fs.cpSync(dist, next, { recursive: true });
  const css = fs.readdirSync(next).find((f) => f.endsWith('.css'));
  const renamed = css.replace('.css', '-v2.css');
  fs.renameSync(path.join(next, css), path.join(next, renamed));
  const html = fs.readFileSync(path.join(next, 'index.html'), 'utf8').replace(css, renamed).replace(/ integrity="[^"]*"/g, '');
  fs.writeFileSync(path.join(next, 'index.html'), html);
  server.setRoot(next);
  try {
    await home.reload();
    // The old version still runs (served from its cache) and announces the new one.
    await home.updateBanner().waitFor({ timeout: 30000 });
    const cssNow = await page.evaluate(() => document.querySelector('link[rel=stylesheet]').getAttribute('href'));
    assertEqual(cssNow, oldCss, 'old version keeps running until the nurse chooses');
    await home.acceptUpdate();
    await page.waitForFunction((n) => document.querySelector('link[rel=stylesheet]')?.getAttribute('href')?.includes(n), renamed, { timeout: 20000 });
    await home.ready();
    const caches = await page.evaluate(async () => (await window.caches.keys()).filter((k) => k.startsWith('nanbyo')));
    assertEqual(caches.length, 1, 'old caches deleted');
  } finally {
    server.setRoot(dist);
    fs.rmSync(next, { recursive: true, force: true });
  }
  assertNoProblems(problems);
  await context.close();
});

test('状態表示: 保存領域の永続性と使用量', async ({ server }) => {
  const { context, problems } = await launch(newProfileDir('status'));
  const page = context.pages()[0] || (await context.newPage());
  const home = new HomePage(page);
  await home.goto(server.url);
  await home.waitStorageChecked();
  const status = await home.storageStatus();
  assert(/保存領域: (永続|一時的)/.test(status), `storage status: ${status}`);
  const panel = await home.openStoragePanel();
  assert(panel.includes('使用量'), `usage shown: ${panel}`);
  if (status.includes('一時的')) {
    assert(panel.includes('もう一度') && panel.includes('インストール') && panel.includes('バックアップを書き出す'), `what she can do: ${panel}`);
  }
  // Closed, it stays closed after a reload (until the browser is closed); the badge stays.
  await home.closeStoragePanel();
  await home.reload();
  await home.waitStorageChecked();
  assertEqual(await home.storagePanel().count(), 0, 'closed for this session');
  assert(/保存領域: (永続|一時的)/.test(await home.storageStatus()), 'badge stays');
  assertNoProblems(problems);
  await context.close();
});

test('IndexedDB が使えない端末では日本語で理由を示す（白い画面にしない）', async ({ server }) => {
  const { context } = await launch(newProfileDir('noidb'));
  await context.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', {
      configurable: true,
      get() {
        throw new DOMException('The user denied permission to access the database.', 'SecurityError');
      },
    });
  });
  const page = context.pages()[0] || (await context.newPage());
  const home = new HomePage(page);
  await home.goto(server.url);
  const msg = await home.dbError();
  assert(msg.includes('この端末ではデータを保存できません'), `message: ${msg}`);
  assert(msg.includes('プライベートブラウズ'), `names the likely cause: ${msg}`);
  await context.close();
});

test('容量不足で保存に失敗したら理由を示し、入力は残り、何も保存されない', async ({ server }) => {
  const { context, problems } = await launch(newProfileDir('quota'));
  const page = context.pages()[0] || (await context.newPage());
  const home = new HomePage(page);
  await home.goto(server.url);
  await home.create('既存の地区', '2025');
  await home.open();
  await page.evaluate(() => {
    const put = IDBObjectStore.prototype.put;
    window.__restorePut = () => { IDBObjectStore.prototype.put = put; };
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('Quota exceeded', 'QuotaExceededError');
    };
  });
  await home.typeJurisdiction('容量不足の地区');
  await home.typeYear('2025');
  await home.submitCreate();
  const err = await home.noticeError().innerText();
  assert(err.includes('端末の保存容量が足りない'), `quota message: ${err}`);
  assertEqual(await home.typedJurisdiction(), '容量不足の地区', 'typed text kept');
  await page.evaluate(() => window.__restorePut());
  await home.reload();
  assertEqual(await home.rows(), [['既存の地区', '令和7年度（2025年度）']], 'nothing else saved, earlier data intact');
  assertNoProblems(problems);
  await context.close();
});

test('予期しないエラーでは再読み込みできるエラー画面を出す', async ({ server }) => {
  const { context } = await launch(newProfileDir('panic'));
  const page = context.pages()[0] || (await context.newPage());
  const home = new HomePage(page);
  await home.goto(server.url);
  await home.create('エラー画面の前に保存した地区', '2025');
  await page.goto(server.url + '#/__panic');
  const screen = home.panicScreen();
  await screen.waitFor();
  const text = await screen.innerText();
  assert(text.includes('予期しないエラーが発生しました') && text.includes('保存済みのデータは端末に残っています'), text);
  await page.evaluate(() => { location.hash = '#/'; });
  await home.reloadFromPanic();
  await home.ready();
  await home.open();
  assertEqual((await home.rows()).length, 1, 'data intact after the error');
  await context.close();
});

test('アドレスを開くと前回の地域診断が開く', async ({ server }) => {
  const { context, problems } = await launch(newProfileDir('resume'));
  const page = context.pages()[0] || (await context.newPage());
  const home = new HomePage(page);
  await home.goto(server.url);
  await home.create('前回の地区', '2025');
  await home.waitHeading('地域の概況');
  await home.goto(server.url.replace(/#.*$/, ''));
  await page.waitForFunction(() => location.hash.includes('/overview'));
  const selected = await home.switcherSelected();
  assertEqual(selected, '前回の地区 令和7年度（2025年度）', 'the last 地域診断 is open');
  assertNoProblems(problems);
  await context.close();
});

test('再読み込み後も見出しの選択欄は開いている地域診断を示す', async ({ server }) => {
  const { context, problems } = await launch(newProfileDir('switcher'));
  const page = context.pages()[0] || (await context.newPage());
  const home = new HomePage(page);
  await home.goto(server.url);
  await home.create('選択欄の地区', '2025');
  await home.waitHeading('地域の概況');
  await home.reload();
  const selected = await home.switcherSelected();
  assertEqual(selected, '選択欄の地区 令和7年度（2025年度）', 'switcher shows the open 地域診断 after reload');
  assertNoProblems(problems);
  await context.close();
});
