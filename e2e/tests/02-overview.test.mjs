// Issue 3: 地域の概況 — the page a 地域診断 opens on: its summary, and the 概況 form where
// blank is 未入力（不明）and 0 is 0.
import { test, launch, newProfileDir, assert, assertEqual, assertNoProblems, shot } from '../lib.mjs';
import { HomePage } from '../pages/app.mjs';
import { OverviewPage } from '../pages/overview.mjs';

async function start(name) {
  const { context, problems } = await launch(newProfileDir(name));
  const page = context.pages()[0] || (await context.newPage());
  // A reload with unsaved input asks before leaving; the nurse says yes.
  page.on('dialog', (d) => d.accept());
  return { context, problems, page, home: new HomePage(page), overview: new OverviewPage(page) };
}

const FILLED = {
  population: '２５０，０００人', // full-width with a unit: read as 250000
  area_km2: '123.45',
  certified_total: '2000',
  certified_als: '30',
  certified_scd: '0', // 0 is a value
  certified_msa: '', // blank is 未入力
  certified_pd: '300',
  base_hospitals_pref: '1',
  field_base_hospitals_pref: '',
  cooperating_hospitals_local: '3',
  cooperating_hospitals_pref: '20',
  designated_doctors_local: '150',
  home_care_clinics_local: '0',
  nurse_stations_local: '12ヵ所',
};

const STORED = {
  ...FILLED,
  population: '250000',
  nurse_stations_local: '12',
};

test('地域の概況: 地域診断を開くと概況、入力して再読み込みしても値が戻り、空欄は0にならない', async ({ server }) => {
  const { context, problems, page, home, overview } = await start('overview-fill');
  await home.goto(server.url);
  await home.create('多摩府中保健所管内', '令和7');
  // A new 地域診断 opens on 地域の概況.
  await overview.form().waitFor();
  assertEqual(await overview.heading(), '地域の概況', 'the page heading');
  assertEqual(await overview.jurisdiction(), '多摩府中保健所管内', 'the summary names the 地区名');
  assertEqual(await overview.fiscalYear(), '令和7年度（2025年度）', '年度 in 和暦 and 西暦');
  assertEqual(
    await overview.sectionLinks(),
    [['patients', '0人'], ['programmes', '未保存'], ['stations', '0ヵ所'], ['summary', ''], ['evaluation', ''], ['trees', '']],
    'links to the other sections with what they hold',
  );
  assertEqual(await overview.formJurisdiction(), '多摩府中保健所管内', '地区名 read from the 地域診断');
  assertEqual(await overview.mark('population'), '未入力（不明）', 'an empty field says 未入力');
  // Issue 18: the seed's words behind the 「？」 of 認定者数 (the four diseases and what else to add).
  await page.locator('button[aria-label="認定者数の入力の留意点"]').click();
  const tip = page.locator('[role=note][aria-label="認定者数の入力の留意点"]');
  assert((await tip.innerText()).includes('ALS（筋萎縮性側索硬化症）、SCD（脊髄小脳変性症）'), await tip.innerText());
  await tip.locator('button', { hasText: '閉じる' }).click();
  assert(!(await tip.isVisible()), '閉じる closes it');
  await page.screenshot({ path: shot('stations-ui-overview-empty.png'), fullPage: true });

  await overview.fillAll(FILLED);
  await overview.addDisease('進行性核上性麻痺', '5');
  await overview.addDisease('大脳皮質基底核変性症', '');
  assertEqual(await overview.mark('certified_scd'), '0（なし）', '0 is marked as 0');
  assertEqual(await overview.mark('certified_msa'), '未入力（不明）', 'blank is marked 未入力');
  assertEqual(await overview.mark('certified_als'), '', 'a value has no mark');
  assert(await overview.dirtyMark().isVisible(), '未保存 shown');
  await page.screenshot({ path: shot('stations-ui-overview-filled.png'), fullPage: true });
  // Enter saves.
  await overview.saveWithEnter('certified_pd');
  await overview.waitNotice('保存しました');
  assertEqual(await overview.dirtyMark().count(), 0, 'saved: no 未保存 mark');
  assertEqual(await overview.value('population'), '250000', 'shows what was stored');

  await overview.reload();
  await overview.form().waitFor();
  assertEqual(await overview.values(Object.keys(STORED)), STORED, 'every value back after reload; blank stays blank');
  assertEqual(await overview.diseases(), [['進行性核上性麻痺', '5'], ['大脳皮質基底核変性症', '']], 'added diseases back');
  assertEqual(await overview.mark('certified_msa'), '未入力（不明）', 'still 未入力 after reload');
  assertEqual(await overview.mark('home_care_clinics_local'), '0（なし）', 'still 0 after reload');
  assertEqual(await overview.mark('certified_other.1.count'), '未入力（不明）', 'added disease count blank');
  assertEqual(await overview.draftOffer().count(), 0, 'no draft left after saving');

  // Removing a disease row and Esc: Esc asks, then puts the saved values back.
  await overview.removeDisease(1);
  assertEqual(await overview.diseases(), [['進行性核上性麻痺', '5']], 'row removed on screen');
  await overview.fill('population', '1');
  await overview.field('population').press('Escape');
  await overview.modal('保存していない地域の概況の入力を取り消して').waitFor();
  await overview.modalButton('取り消す');
  assertEqual(await overview.value('population'), '250000', 'Esc: back to the saved value');
  assertEqual(await overview.diseases().then((d) => d.length), 2, 'Esc: the removed row is back');

  // A warning does not block saving: more stations stated than in 様式3 (0 listed).
  assert(
    (await overview.messages()).includes('注意: 訪問看護ステーション数（12ヵ所）と様式3の件数（0ヵ所）が違います'),
    `warning from 様式3 shown: ${await overview.messages()}`,
  );
  await overview.fill('area_km2', '0');
  await overview.save();
  assert((await overview.messages()).includes('注意: 面積が0です（面積あたりの数は「-」になります）'), 'warning kept after save');
  await overview.reload();
  await overview.form().waitFor();
  assertEqual(await overview.value('area_km2'), '0', '0 area stored as 0');
  assertNoProblems(problems);
  await context.close();
});

test('地域の概況: 数字の欄の文字・負の数・合計の矛盾は項目名つきの日本語で示し、何も保存しない', async ({ server }) => {
  const { context, problems, page, home, overview } = await start('overview-bad');
  await home.goto(server.url);
  await home.create('北多摩保健所管内', '2025');
  await overview.form().waitFor();
  await overview.fillAll({ population: '100000', certified_total: '500', certified_als: '12' });
  await overview.save();

  await overview.fill('population', '十万');
  await overview.fill('certified_als', '-3');
  await overview.fill('area_km2', '12.345');
  await overview.fill('cooperating_hospitals_local', '5');
  await overview.fill('cooperating_hospitals_pref', '2');
  const messages = await overview.messages();
  for (const m of [
    'エラー: 数字で入力してください（不明なら空欄、なしなら0）',
    'エラー: 0以上の数を入力してください',
    'エラー: 小数点以下は2桁までで入力してください',
    'エラー: 難病医療協力病院の管内の数（5ヵ所）が都道府県内の数（2ヵ所）を超えています',
  ]) {
    assert(messages.includes(m), `message beside the field: ${m} in ${messages}`);
  }
  const summary = await overview.summary();
  for (const s of [
    '人口（人）: 数字で入力してください',
    '療養者数（認定者） ALS（人）: 0以上の数を入力してください',
    '面積（km²）: 小数点以下は2桁までで入力してください',
    '難病医療協力病院 管内（ヵ所）: 難病医療協力病院の管内の数',
  ]) {
    assert(summary.includes(s), `summary names the field: ${s} in ${summary}`);
  }
  assertEqual(await overview.field('population').getAttribute('aria-invalid'), 'true', 'field marked');
  await overview.saveWithEnter('population');
  const error = await overview.errorNotice();
  assert(error.includes('入力に誤りがあるため保存していません。人口（人）: 数字で入力してください'), `nothing saved, first error named: ${error}`);
  await page.screenshot({ path: shot('stations-ui-overview-errors.png'), fullPage: true });

  // Disease counts above the certified total.
  await overview.fillAll({ population: '100000', certified_als: '12', area_km2: '12.34', cooperating_hospitals_local: '' });
  await overview.fill('certified_pd', '600');
  const sum = await overview.summary();
  assert(sum.includes('指定難病認定者数（人）: 療養者数（認定者）の合計 612人（ALS 12人、PD 600人）が指定難病認定者数 500人を超えています'), sum);
  await overview.saveWithEnter('certified_pd');
  await overview.errorNotice();

  await page.waitForTimeout(1200); // the draft is written 0.7 s after the last keystroke
  await overview.reload();
  await overview.form().waitFor();
  assertEqual(
    await overview.values(['population', 'certified_total', 'certified_als', 'certified_pd', 'area_km2', 'cooperating_hospitals_pref']),
    { population: '100000', certified_total: '500', certified_als: '12', certified_pd: '', area_km2: '', cooperating_hospitals_pref: '' },
    'nothing stored: the saved values are unchanged',
  );
  assert(await overview.waitDraftOffer(), 'what was typed is offered back as a draft');
  await overview.restoreDraft();
  assertEqual(await overview.value('certified_pd'), '600', 'draft restored');
  assertNoProblems(problems);
  await context.close();
});
