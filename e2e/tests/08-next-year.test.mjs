// Issue 3: 次年度の地域診断を作る — the next 年度 of the same 地区名 from a copy of this
// year's 概況, 療養者, 事業 and ステーション (one transaction), refused when it exists.
import { test, launch, newProfileDir, assert, assertEqual, assertNoProblems, shot } from '../lib.mjs';
import { HomePage } from '../pages/app.mjs';
import { OverviewPage } from '../pages/overview.mjs';
import { StationsPage } from '../pages/stations.mjs';
import { ProgrammesPage } from '../pages/programmes.mjs';

const NAME = '多摩府中保健所管内';

test('次年度: 確認で件数を示し、概況・事業・ステーションをコピーした新しい年度を作り、同じ年度は作らない', async ({ server }) => {
  const { context, problems } = await launch(newProfileDir('next-year'));
  const page = context.pages()[0] || (await context.newPage());
  page.on('dialog', (d) => d.accept());
  const home = new HomePage(page);
  const overview = new OverviewPage(page);
  const form3 = new StationsPage(page);
  const form2 = new ProgrammesPage(page);

  await home.goto(server.url);
  await home.create(NAME, '2025');
  await overview.form().waitFor();
  await overview.fillAll({ population: '250000', area_km2: '123.45', certified_als: '30', certified_scd: '0', nurse_stations_local: '1' });
  await overview.addDisease('進行性核上性麻痺', '5');
  await overview.save();

  await form2.open();
  await form2.setImplemented('医療相談事業', '1');
  await form2.setCounts('医療相談事業', '12', '');
  await form2.quickSave();
  await form2.waitNotice('保存しました');
  const programmes = (await form2.names()).length;

  await form3.open();
  await form3.enterSeedExample('30');
  await form3.save();
  await form3.add();
  await form3.fill('name', '閉鎖したステーション');
  await form3.save();
  await form3.askDelete('閉鎖したステーション');
  await form3.confirmDelete();

  // The confirmation names both years and what is copied, with counts.
  await home.open();
  await home.nextYear(2025);
  const dialog = home.nextYearDialog();
  await dialog.waitFor();
  const text = (await dialog.innerText()).replace(/\s+/g, ' ');
  assert(text.includes(`「${NAME} 令和7年度（2025年度）」をもとに、「${NAME} 令和8年度（2026年度）」を作ります。`), text);
  const counts = await home.nextYearCounts();
  assertEqual(counts[0], '地域の概況（人口・面積・認定者数・医療機関等の数）', 'overview copied');
  assertEqual(counts[1], '様式1 療養者 0人', 'patients counted');
  assert(counts[2].startsWith(`様式2 事業 ${programmes}件`), `programmes counted: ${counts[2]}`);
  assertEqual(counts[3], '様式3 訪問看護ステーション 1ヵ所（職員一覧・常勤換算も）', 'the trashed station is not counted');
  assert(text.includes('ゴミ箱の記録、様式4 評価、判断樹のアセスメントはコピーしません'), 'says what is not copied');
  await page.screenshot({ path: shot('stations-ui-next-year-dialog.png'), fullPage: true });
  // Esc cancels: nothing created.
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  assertEqual((await home.rows()).length, 1, 'nothing created on Esc');

  await home.nextYear(2025);
  await home.confirmNextYear();
  await home.waitNotice(`「${NAME} 令和8年度（2026年度）」を作成しました`);
  // It opens on the new year's 地域の概況, with this year's values.
  await overview.form().waitFor();
  assertEqual(await overview.fiscalYear(), '令和8年度（2026年度）', 'the new year is open');
  assertEqual(await overview.jurisdiction(), NAME, 'same 地区名');
  assertEqual(
    await overview.values(['population', 'area_km2', 'certified_als', 'certified_scd', 'certified_msa', 'nurse_stations_local']),
    { population: '250000', area_km2: '123.45', certified_als: '30', certified_scd: '0', certified_msa: '', nurse_stations_local: '1' },
    'overview copied; 0 stays 0 and blank stays blank',
  );
  assertEqual(await overview.diseases(), [['進行性核上性麻痺', '5']], 'added disease copied');
  await page.screenshot({ path: shot('stations-ui-next-year-overview.png'), fullPage: true });

  await form3.open();
  assertEqual(await form3.names(), ['訪問看護ステーションあおば'], 'the live station copied, not the trashed one');
  assertEqual((await form3.cells('訪問看護ステーションあおば')).fte, '3.0', 'FTE copied');
  assertEqual(await form3.trash().count(), 0, 'the trash is not copied');
  await form3.edit('訪問看護ステーションあおば');
  assertEqual((await form3.staff()).length, 4, 'the staff list copied');
  assertEqual(await form3.fteExplanation(), '常勤 2人 + 非常勤 32時間 ÷ 32時間 = 3.0', 'its FTE explained');
  await form3.back();

  await form2.open();
  assertEqual((await form2.names()).length, programmes, 'programme rows copied');
  assertEqual(await form2.rowValues('医療相談事業'), ['', '', ''], '実施・件数 start blank in the new year');
  assert((await form2.rowText('医療相談事業')).includes('前年度 1 有'), 'last year shown beside');

  // The same 年度 again is refused, in Japanese; nothing is written.
  await home.open();
  assertEqual((await home.rows()).map((r) => r[1]), ['令和8年度（2026年度）', '令和7年度（2025年度）'], 'both years listed');
  await home.nextYear(2025);
  const refused = await home.noticeError().innerText();
  assert(refused.includes(`「${NAME} 令和8年度（2026年度）」はすでにあります`), `refused: ${refused}`);
  assertEqual(await home.nextYearDialog().count(), 0, 'no dialog');
  assertEqual((await home.rows()).length, 2, 'still two');

  // This year's records are unchanged.
  await home.switchTo(`${NAME} 令和7年度（2025年度）`);
  await overview.form().waitFor();
  await form3.open();
  assertEqual(await form3.names(), ['訪問看護ステーションあおば'], '2025 station still there');
  assertEqual(await form3.trashNames(), ['閉鎖したステーション'], '2025 trash still there');
  await form3.reload();
  await form3.table().waitFor();
  assertEqual((await form3.cells('訪問看護ステーションあおば')).fte, '3.0', '2025 after reload');
  assertNoProblems(problems);
  await context.close();
});
