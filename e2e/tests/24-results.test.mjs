// Issue 19: 事業実績 — the Tokyo example (seed 000, 令和元〜3年度) loaded and checked figure by
// figure against the seed (its columns run 令和3, 令和2, 令和元: 支援計画作成 is 812件 in
// 令和元年度), an indicator entered over three years with its chart, refusals of bad input,
// CSV, print on A4 landscape, axe at 1366×768 and 768×1024.
import { test, launch, newProfileDir, assert, assertEqual, assertNoProblems, shot } from '../lib.mjs';
import { axeViolations, pageWidth } from '../a11y.mjs';
import { HomePage } from '../pages/app.mjs';
import { IoPage } from '../pages/io.mjs';
import { ResultsPage } from '../pages/results.mjs';
import { ProgressPage } from '../pages/progress.mjs';
import { printToPdf, stubPrintDialog } from '../pages/print.mjs';

test('事業実績: 東京都の例は元の表のとおり、3年度の指標とグラフ、誤入力は項目名つきで断る、CSV・A4横の印刷', async ({ server }) => {
  const { context, problems } = await launch(newProfileDir('results'), { viewport: { width: 1366, height: 768 } });
  const page = context.pages()[0] || (await context.newPage());
  const home = new HomePage(page);
  const results = new ResultsPage(page);
  await home.goto(server.url);
  await results.open();
  await page.locator('[data-testid=results-empty]').waitFor();

  // The example: 15 programmes with figures (36 indicators) and the レスパイト事業 (「-」).
  await results.loadExample();
  await results.waitNotice('東京都の実績（令和元〜3年度）を読み込みました（16事業）');
  await results.waitRows(37);
  assertEqual(await results.headings(), ['事業名', '実施主体', '指標', '令和3年度', '令和2年度', '令和元年度'], 'newest first, like the seed');
  assertEqual(await results.figures('在宅療養支援計画策定・評価', '支援計画作成'), ['451件', '547件', '812件'], '支援計画作成');
  assertEqual(await results.figures('在宅療養支援計画策定・評価', '評価委員会'), ['36回', '44回', '48回'], '評価委員会');
  assertEqual(await results.figures('在宅難病患者療養相談指導・島しょ専門医相談', '訪問相談指導'), ['18,983件', '15,780件', '21,598件'], '訪問相談指導');
  assertEqual(await results.figures('難病相談・支援センター', '計（療養・就労・ピア相談件数）'), ['4,774件', '4,781件', '6,320件'], '相談件数 計');
  assertEqual(await results.figures('難病セミナー', '実務者基礎コース'), ['213人', '不明', '146人'], 'not a count in 令和2 → 不明');
  assertEqual(await results.figures('在宅難病患者一時入院事業', '利用日数（延べ）'), ['3,410日', '2,982日', '5,142日'], '一時入院');
  // Loading it again changes nothing.
  await results.loadExample();
  await results.waitNotice('読み込み済みです（変更していません）');
  await page.screenshot({ path: shot('results-example.png'), fullPage: true });
  assertEqual(await axeViolations(page), [], 'axe-core: no violation on 事業実績 (1366×768)');

  // A programme of her own over three years: bad figures and a missing unit are refused.
  await results.add();
  await results.fill('name', '保健所独自の訪問事業');
  await results.fill('implementer', '○○保健所');
  for (const y of ['2019', '2020', '2021']) await results.addYear(y);
  const years = await results.editorYears();
  assert(['令和元年度', '令和2年度', '令和3年度'].every((y) => years.includes(y)), years.join(','));
  const at = (y) => years.indexOf(y);
  const values = (a, b, c) => {
    const v = years.map(() => '');
    v[at('令和元年度')] = a;
    v[at('令和2年度')] = b;
    v[at('令和3年度')] = c;
    return v;
  };
  await results.addIndicator();
  await results.indicator(0, '訪問件数', '', values('12a', '-3', '40'));
  await results.save();
  assertEqual(
    await results.errors(),
    [
      'エラー: 指標「訪問件数」: 単位を選んでください（件・回・人・施設・床・日）',
      'エラー: 指標「訪問件数」の令和元年度: 数字で入力してください（「12a」）',
      'エラー: 指標「訪問件数」の令和2年度: 0以上の数を入力してください（「-3」）',
    ],
    'each refusal names its field',
  );
  await results.indicator(0, '訪問件数', '件', values('25', '', '40'));
  await results.save();
  await results.waitNotice('保存しました');
  await results.waitCharts(1);
  const [[title, bars]] = await results.charts();
  assertEqual(title, '訪問件数（件）', 'chart title');
  const shown = Object.fromEntries(bars);
  assertEqual([shown['令和元年度'], shown['令和2年度'], shown['令和3年度']], ['25件', '不明', '40件'], 'the chart: 令和2 is 不明, not 0');
  await page.screenshot({ path: shot('results-editor.png'), fullPage: true });
  assertEqual(await axeViolations(page), [], 'axe-core: no violation on the editor (1366×768)');
  await results.close();
  assertEqual(await results.figures('保健所独自の訪問事業', '訪問件数'), ['40件', '不明', '25件'], 'in the table');

  // CSV: 不明 is blank, as in the app's other CSV.
  const csv = await results.csv();
  assert(/^難病地域診断_事業実績_年度別_\d{8}\.csv$/.test(csv.name), csv.name);
  const lines = csv.text.replace(/^\uFEFF/, '').split('\r\n');
  assert(lines[0].startsWith('事業の区分,事業名,事業内容,実施主体,指標,単位,'), lines[0]);
  assert(lines.some((l) => l.includes(',支援計画作成,件,451,547,812,')), 'CSV 支援計画作成');
  assert(lines.some((l) => l.includes(',訪問件数,件,40,,25,')), 'CSV of her programme');

  // Print: the table on A4 landscape, the buttons and editor not printed.
  await stubPrintDialog(page);
  await results.printButton().click();
  await page.emulateMedia({ media: 'print' });
  assert(!(await results.printButton().isVisible()), 'buttons are not printed');
  const pdf = await printToPdf(page, shot('results.pdf'));
  assert(pdf.pages >= 1 && pdf.pages <= 4, `PDF pages: ${pdf.pages}`);
  await page.emulateMedia({ media: 'screen' });

  // 768×1024: no sideways scroll, axe clean.
  await page.setViewportSize({ width: 768, height: 1024 });
  await results.openProgramme('在宅療養支援計画策定・評価');
  await results.waitCharts(2);
  const width = await pageWidth(page);
  assert(width.scrollWidth <= width.innerWidth, `no sideways scroll at 768: ${JSON.stringify(width)}`);
  await page.screenshot({ path: shot('results-768.png'), fullPage: true });
  assertEqual(await axeViolations(page), [], 'axe-core: no violation on 事業実績 (768×1024)');

  assertNoProblems(problems);
  await context.close();
});

test('事業実績: バンドル（形式 v4）で別の端末に渡り、同じ数字が読める', async ({ server }) => {
  const a = await launch(newProfileDir('results-a'), { viewport: { width: 1366, height: 768 } });
  const pageA = a.context.pages()[0] || (await a.context.newPage());
  const home = new HomePage(pageA);
  const results = new ResultsPage(pageA);
  await home.goto(server.url);
  await results.open();
  await results.loadExample();
  await results.waitNotice('を読み込みました（16事業）');
  await results.waitRows(37);
  const io = new IoPage(pageA);
  await io.open();
  await io.scope('all');
  const file = await io.exportFile();
  const bundle = JSON.parse(file.text);
  assertEqual(bundle.version, 6, 'format version 6 (事業実績 since 4)');
  assertEqual(bundle.diagnoses.map((d) => d.id), ['prefecture-results'], 'the container travels as the one 地域診断 record');
  assertEqual(bundle.records.filter((r) => r.kind === 'programme_result').length, 16, 'every 事業実績');
  assertNoProblems(a.problems);
  await a.context.close();

  const b = await launch(newProfileDir('results-b'), { viewport: { width: 1366, height: 768 } });
  const pageB = b.context.pages()[0] || (await b.context.newPage());
  await new HomePage(pageB).goto(server.url);
  const ioB = new IoPage(pageB);
  await ioB.open();
  await ioB.chooseFile(file.file);
  await ioB.apply();
  const resultsB = new ResultsPage(pageB);
  await resultsB.open();
  await resultsB.waitRows(37);
  assertEqual(await resultsB.figures('在宅療養支援計画策定・評価', '支援計画作成'), ['451件', '547件', '812件'], 'same figures on the other device');
  assertEqual(await resultsB.figures('難病セミナー', '実務者基礎コース'), ['213人', '不明', '146人'], '不明 stays 不明');
  assertNoProblems(b.problems);
  await b.context.close();
});

test('進捗状況評価: 課題→取組→事業、事業実績の指標から前年度・今年度の数字、A4横で様式1－2のとおり印刷', async ({ server }) => {
  const { context, problems } = await launch(newProfileDir('progress'), { viewport: { width: 1366, height: 768 } });
  const page = context.pages()[0] || (await context.newPage());
  await new HomePage(page).goto(server.url);
  const results = new ResultsPage(page);
  await results.open();
  await results.loadExample();
  await results.waitNotice('を読み込みました（16事業）');

  const progress = new ProgressPage(page);
  await progress.open();
  await page.locator('[data-testid=progress-empty]').waitFor();
  await progress.add();
  await progress.fill('year', '令和3');
  await progress.fill('title', '');
  await progress.addInitiative('');
  await progress.save();
  assertEqual(
    await progress.errors(),
    ['エラー: 課題: 名前を入力してください', 'エラー: 1番目の取組: 名前を入力してください'],
    'names are required, each message names its field',
  );
  await progress.fill('title', '＜課題１＞区市町村を実施主体とした在宅療養体制の構築');
  await page.locator('[data-testid=progress-initiative-title]').fill('（取組１）地域包括ケアシステムにおける在宅療養体制の構築');
  await progress.addProject({
    name: '在宅療養支援計画策定・評価',
    summary: '支援計画の作成・評価',
    previous_result: '',
    plan: '支援計画作成 500件',
    result: '',
    evaluation: '新型コロナの影響で減少',
  });
  await progress.link('在宅療養支援計画策定・評価 — 支援計画作成（件）');
  // 今年度 令和3: 前年度 (令和2) 547件, 今年度 451件 — from 事業実績, not typed.
  assertEqual(await progress.derived(), ['支援計画作成：547件', '支援計画作成：451件'], 'figures derived from 事業実績');
  await progress.save();
  await progress.waitNotice('保存しました');
  await page.screenshot({ path: shot('progress-editor.png'), fullPage: true });
  assertEqual(await axeViolations(page), [], 'axe-core: no violation on 進捗状況評価 (1366×768)');
  await progress.close();
  assertEqual((await progress.issues()).length, 1, 'one 課題');

  // Printed like 様式1－2 on A4 landscape.
  await stubPrintDialog(page);
  await progress.printButton().click();
  await page.emulateMedia({ media: 'print' });
  const printed = await progress.printed();
  assertEqual(
    printed.headings,
    ['課題', '取組', '事業名', '事業概要', '令和2年度実績', '令和3年度計画（予算規模等）', '令和3年度実績', '国庫負担', '評価'],
    'the form\'s columns',
  );
  assertEqual(printed.rows[0].slice(2), ['在宅療養支援計画策定・評価', '支援計画の作成・評価', '支援計画作成：547件', '支援計画作成 500件', '支援計画作成：451件', '', '新型コロナの影響で減少'], 'the printed 事業');
  const pdf = await printToPdf(page, shot('progress.pdf'));
  assertEqual(pdf.pages, 1, 'one A4 landscape page');
  await page.emulateMedia({ media: 'screen' });

  // A figure corrected in 事業実績 is corrected in the evaluation too (derived, not copied).
  await results.open();
  await results.openProgramme('在宅療養支援計画策定・評価');
  const years = await results.editorYears();
  const v = years.map(() => '');
  v[years.indexOf('令和元年度')] = '812';
  v[years.indexOf('令和2年度')] = '547';
  v[years.indexOf('令和3年度')] = '452';
  await results.indicator(0, '支援計画作成', '件', v);
  await results.save();
  await results.waitNotice('保存しました');
  await progress.open();
  await page.locator('[data-testid=progress-issue] button').first().click();
  assertEqual(await progress.derived(), ['支援計画作成：547件', '支援計画作成：452件'], 'follows 事業実績');

  await page.setViewportSize({ width: 768, height: 1024 });
  const width = await pageWidth(page);
  assert(width.scrollWidth <= width.innerWidth, `no sideways scroll at 768: ${JSON.stringify(width)}`);
  assertEqual(await axeViolations(page), [], 'axe-core: no violation on 進捗状況評価 (768×1024)');
  assertNoProblems(problems);
  await context.close();
});
