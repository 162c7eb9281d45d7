// Issue 13 (start): boot.js opens IndexedDB and reads what the first screen shows while the
// wasm loads. What it read must never hide a save another tab made meanwhile.
import { test, launch, newProfileDir, assert, assertEqual, assertNoProblems } from '../lib.mjs';
import { HomePage } from '../pages/app.mjs';

test('起動中に別のタブで保存されても、起動時に先に読んだ一覧ではなく最新を表示する', async ({ server }) => {
  // No service worker, so that the wasm request of the next start can be held back.
  const { context, problems } = await launch(newProfileDir('early-stale'), { serviceWorkers: 'block' });
  const a = context.pages()[0] || (await context.newPage());
  const homeA = new HomePage(a);
  await homeA.goto(server.url);
  await homeA.create('先に読まれる保健所管内', '令和7');
  await homeA.open();
  const b = await context.newPage();
  const homeB = new HomePage(b);
  await homeB.goto(`${server.url}#/`);

  // Tab A starts again; its wasm waits until tab B has saved.
  let release;
  const gate = new Promise((resolve) => { release = resolve; });
  await context.route('**/*_bg.wasm', async (route) => {
    await gate;
    await route.continue();
  });
  await a.reload({ waitUntil: 'commit' });
  await a.waitForFunction(() => performance.getEntriesByName('db-early-read').length > 0, null, { timeout: 20000 });
  assertEqual(await a.evaluate(() => performance.getEntriesByName('wasm-main').length), 0, 'the app has not started yet');

  await homeB.create('後から作った保健所管内', '令和7');
  release();
  await homeA.ready();
  await context.unroute('**/*_bg.wasm');
  await homeA.open();
  const names = (await homeA.rows()).map(([name]) => name);
  assert(names.includes('後から作った保健所管内'), `tab A lists what tab B saved during its start: ${names}`);
  assert(names.includes('先に読まれる保健所管内'), `and what was there: ${names}`);
  assertNoProblems(problems);
  await context.close();
});
