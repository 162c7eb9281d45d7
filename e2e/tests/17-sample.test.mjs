// Issue 18: サンプルの地域診断. An empty list explains the first steps and where the data is
// kept and offers the sample; 「サンプルを開く」 writes a two-year fictional 管内 and opens it,
// marked サンプル in the list, the header and the print header; its 集計 shows the
// year-on-year comparison; 「サンプルを削除」 removes it; 「全ての地域診断」 leaves it out of
// the file unless ticked. axe-core finds nothing on these pages.
import { test, launch, newProfileDir, assert, assertEqual, assertNoProblems, shot } from '../lib.mjs';
import { assertNoAxe } from '../a11y.mjs';
import { SampleHome, includeSample } from '../pages/sample.mjs';
import { SummaryPage } from '../pages/summary.mjs';
import { IoPage } from '../pages/io.mjs';

const SAMPLE = 'みどり保健所管内（サンプル）';

test('サンプル: 初めての一覧に手順と保存先、開くと2年度の集計と前年度比較とバッジ、削除で元どおり', async ({ server }) => {
  const { context, problems } = await launch(newProfileDir('sample'));
  const page = context.pages()[0] || (await context.newPage());
  const home = new SampleHome(page);
  const sheet = new SummaryPage(page);

  await home.goto(server.url);
  await home.firstUse().waitFor();
  const steps = await home.steps();
  assertEqual(steps.length, 3, 'three steps');
  assert(steps[0].includes('地域診断を作る') && steps[0].includes('サンプル'), steps[0]);
  assert(steps[1].includes('地域の概況と様式1を入力する'), steps[1]);
  assert(steps[2].includes('集計と様式4を見る'), steps[2]);
  assert((await home.guidanceText()).includes('この端末のブラウザの中だけに保存'), 'where the data is kept');
  await page.screenshot({ path: shot('sample-first-use.png'), fullPage: true });
  await assertNoAxe(page, 'home with the first-use guidance');

  const ms = await home.openSample();
  console.log(`    サンプルを開く: ${ms} ms`);
  await home.waitNotice('サンプルの地域診断を作りました');
  assertEqual(await home.headerBadge().innerText(), 'サンプル', 'header badge');

  // The 集計 of the later year, compared with the year before.
  await sheet.open();
  await sheet.waitN('32人');
  await sheet.compareTable().waitFor();
  assertEqual(await sheet.comparison('在宅療養者数'), ['29', '32', '+3'], 'N 29 → 32');
  const vent = await sheet.comparison('在宅人工呼吸療養者数');
  assert(vent[0] !== vent[1], `ventilated changed: ${vent}`);
  assertEqual(await home.printMark(), '【サンプル（架空のデータ）】', 'the print header says サンプル');
  await page.screenshot({ path: shot('sample-summary.png'), fullPage: false });
  await assertNoAxe(page, '集計 of the sample');

  // Opened again: the same sample, not a second one; both years marked in the list.
  await home.open();
  assertEqual(await home.markedRows(), [[SAMPLE, '令和7年度（2025年度）'], [SAMPLE, '令和6年度（2024年度）']], 'both years marked');
  assertEqual(await home.firstUse().count(), 0, 'no first-use guidance once there is a 地域診断');
  await assertNoAxe(page, 'home with the sample');
  await home.openSample();
  await home.open();
  assertEqual((await home.rows()).length, 2, 'opened, not made twice');

  await home.removeSample();
  assert(home.lastConfirm.includes(SAMPLE) && home.lastConfirm.includes('元に戻せません'), home.lastConfirm);
  assertEqual((await home.rows()).length, 0, 'removed');
  await home.firstUse().waitFor();
  await home.reload();
  await home.firstUse().waitFor();
  assertNoProblems(problems);
  await context.close();
});

test('サンプル: 「全ての地域診断」の書き出しはサンプルを含めず、チェックしたときだけ含める', async ({ server }) => {
  const { context, problems } = await launch(newProfileDir('sample-export'));
  const page = context.pages()[0] || (await context.newPage());
  page.on('dialog', (d) => d.accept());
  const home = new SampleHome(page);
  const io = new IoPage(page);

  await home.goto(server.url);
  await home.create('南保健所管内', '2025');
  await home.open();
  await home.openSample();
  await io.open();
  await io.scope('all');
  await includeSample(io).waitFor();
  assertEqual(await includeSample(io).isChecked(), false, 'not ticked');
  assert((await io.selection()).includes('地域診断 1件'), await io.selection());
  const without = await io.exportFile();
  assert(!without.text.includes('sample-'), 'no sample record in the file');
  assert(!without.text.includes(SAMPLE), 'no sample 地区名');
  assert(without.text.includes('南保健所管内'), 'the real 地域診断 is there');
  assert(!without.name.includes('サンプル'), without.name);

  await includeSample(io).check();
  assert((await io.selection()).includes('地域診断 3件'), await io.selection());
  const withSample = await io.exportFile();
  assert(withSample.text.includes('"sample-2025"') && withSample.text.includes('南保健所管内'), 'both');
  assert(withSample.name.includes('全件_サンプルを含む'), withSample.name);
  assertNoProblems(problems);
  await context.close();
});
