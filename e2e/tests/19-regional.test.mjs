// Issue 19: 広域の比較 — three 保健所' bundles (one anonymised) imported and compared: each area's
// figures with n/N, the 都道府県全体 from the summed counts, the ranking per 様式4 item, the
// small-area warning, CSV; the same area chosen twice is refused.
import { test, launch, newProfileDir, assert, assertEqual, assertNoProblems, shot } from '../lib.mjs';
import { axeViolations } from '../a11y.mjs';
import { areaBundle } from '../fixtures/areas.mjs';
import { HomePage } from '../pages/app.mjs';
import { IoPage } from '../pages/io.mjs';
import { ProgrammesPage } from '../pages/programmes.mjs';
import { RegionalPage } from '../pages/regional.mjs';

test('広域の比較: 3つの保健所のファイルを並べ、都道府県全体は人数の合計から。順位・小集団の注意・CSV。同じ地域の二重は断る', async ({ server }) => {
  const { context, problems } = await launch(newProfileDir('regional'), { viewport: { width: 1366, height: 768 } });
  const page = context.pages()[0] || (await context.newPage());
  const home = new HomePage(page);
  const io = new IoPage(page);
  const regional = new RegionalPage(page);
  await home.goto(server.url);

  // A and B: the example (2 ALS patients, both see a neurologist). C: anonymised, one patient,
  // who sees no neurologist.
  const files = [
    areaBundle('a', 'A保健所管内'),
    areaBundle('b', 'B保健所管内'),
    areaBundle('c', 'C保健所管内', (b) => {
      b.anonymised = true;
      b.records = b.records.filter((r) => r.id !== 'cp-2' && !(r.kind === 'assessment'));
      const p = b.records.find((r) => r.id === 'cp-1').body;
      p.name = '療養者001';
      p.id_number = '療養者001';
      delete p.furigana;
      p.neurology = { name: { state: 'none' }, mode: 'no_visits', per_month: null };
      const stamps = b.records.find((r) => r.id === 'cp-1').stamps;
      for (const k of Object.keys(stamps)) if (k.startsWith('neurology') || k === 'furigana') delete stamps[k];
    }),
  ];
  for (const f of files) {
    await io.open();
    await io.chooseFile(f);
    await io.apply();
  }

  await regional.open();
  await regional.settled();
  assertEqual(await regional.areas(), [['A保健所管内', true], ['B保健所管内', true], ['C保健所管内', true]], 'the 年度 of the three, all ticked');
  assertEqual(
    await regional.headings(),
    ['項目', 'A保健所管内（5人未満）', 'B保健所管内（5人未満）', 'C保健所管内（5人未満）', '都道府県全体'],
    'one column per area, small ones marked, the prefecture last',
  );
  // 専門診療の確保: A 2/2, B 2/2, C 0/1 → 都道府県全体 4/5 = 80.0% (the mean of the percentages
  // would be 66.7%).
  assertEqual(await regional.row('専門診療の確保'), ['100.0％（2/2）', '100.0％（2/2）', '0.0％（0/1）', '80.0％（4/5）'], 'specialist care');
  assert((await regional.smallNote()).includes('療養者が5人未満の地域があります（A保健所管内、B保健所管内、C保健所管内）'), await regional.smallNote());
  assertEqual(
    await regional.ranking(),
    [
      ['1', 'A保健所管内', '100.0％（2/2）', '+20.0ポイント', '5人未満'],
      ['1', 'B保健所管内', '100.0％（2/2）', '+20.0ポイント', '5人未満'],
      ['3', 'C保健所管内', '0.0％（0/1）', '-80.0ポイント', '5人未満'],
    ],
    'ranking with shared places and the gap to the prefecture',
  );
  await page.screenshot({ path: shot('regional.png'), fullPage: true });
  assertEqual(await axeViolations(page), [], 'axe-core: no violation on 広域の比較');

  // CSV: the same figures, small areas marked.
  const csv = await regional.csv();
  assert(/^難病地域診断_広域の比較_2025年度_3地域_\d{8}\.csv$/.test(csv.name), csv.name);
  const lines = csv.text.replace(/^\uFEFF/, '').split('\r\n');
  assertEqual(lines[0], '区分,項目,単位,A保健所管内（5人未満）,B保健所管内（5人未満）,C保健所管内（5人未満）,都道府県全体', 'CSV header');
  assert(lines.includes('様式4 管内の状況,専門診療の確保,人,100.0％（2/2）,100.0％（2/2）,0.0％（0/1）,80.0％（4/5）'), 'CSV row');

  // Unticking C leaves A and B (4/4).
  await regional.tick('C保健所管内', false);
  const without = ['100.0％（2/2）', '100.0％（2/2）', '100.0％（4/4）'];
  assertEqual(await regional.rowSoon('専門診療の確保', without), without, 'without C');
  await regional.tick('C保健所管内', true);

  // The same area twice (a second A of 2025, made on another device): refused, nothing shown.
  await io.open();
  await io.chooseFile(areaBundle('x', 'A保健所管内'));
  await io.apply();
  await regional.open();
  await regional.settled();
  assert((await regional.refusal()).startsWith('同じ地区名・年度の地域診断が2つ選ばれています（A保健所管内 令和7年度'), await regional.refusal());
  await regional.tick('A保健所管内', false, 1);
  await regional.waitAccepted();
  const three = ['100.0％（2/2）', '100.0％（2/2）', '0.0％（0/1）', '80.0％（4/5）'];
  assertEqual(await regional.rowSoon('専門診療の確保', three), three, 'one A is enough: back to the three');

  // 様式2: each area entered 2 meetings of the 協議会 (管轄地域) → 都道府県全体 6, written into B.
  const counts = await regional.prefectureCounts();
  assertEqual(counts['難病対策地域協議会'], '6件（3地域の合計）', 'council: 2 + 2 + 2');
  assertEqual(counts['在宅人工呼吸器使用患者支援事業（訪問看護）'], '-（どの地域も未入力）', 'nobody entered it');
  const asked = await regional.fillProgrammes('bd-2025');
  assert(asked.includes('「B保健所管内」の様式2の実施件数（都道府県全体）を、上の合計で置き換えます'), asked);
  await regional.waitNotice('様式2の実施件数（都道府県全体）を1事業に記入しました');
  await page.goto(`${server.url}#/d/bd-2025/programmes`);
  const form2 = new ProgrammesPage(page);
  await form2.table().waitFor();
  assertEqual(await form2.rowValues('難病対策地域協議会'), ['1', '2', '6'], 'B: 実施, 管轄地域 2, 都道府県全体 6');

  assertNoProblems(problems);
  await context.close();
});
