// Issue 4: 集計 and 様式4 評価 — computed live from 様式1/様式3 (a patient added in another tab
// changes the figures without a reload), the 内訳 behind each figure, the disease filter,
// 様式4's levels and 課題 saved and read back, print, charts and the year-on-year comparison.
//
// The 様式1 page is built elsewhere: patients are added by importing small bundle files on
// the データの入出力 page (the diagnosis record comes from exporting it first).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, launch, newProfileDir, assert, assertEqual, assertNoProblems, shot } from '../lib.mjs';
import { HomePage } from '../pages/app.mjs';
import { IoPage } from '../pages/io.mjs';
import { SummaryPage, EvaluationPage } from '../pages/summary.mjs';

const NAME = '集計テスト保健所管内';

/** A 様式1 body with every field; `over` replaces fields. */
function patient(over) {
  return {
    id_number: 'X',
    disease: { type: 'als' },
    name: '',
    municipality: '',
    address_detail: '',
    onset: null,
    first_symptom: '',
    onset_type: null,
    age: null,
    adl: null,
    procedures: { ventilator: null, tracheostomy: null, suction: null, tube_feeding: null, other: null, other_detail: '' },
    devices: '',
    symptoms: { respiratory: null, swallowing: null, speech: null, urinary: null, autonomic: null },
    neurology: { name: { state: 'unknown' }, mode: null, per_month: null },
    family_doctor: { name: { state: 'unknown' }, mode: null, per_month: null },
    emergency_admission: { state: 'unknown' },
    respite_admission: { state: 'unknown' },
    home_respite: { state: 'unknown' },
    emergency_nursing: { state: 'unknown' },
    station_nursing: { names: { state: 'unknown' }, count: null, weekly_visits: null },
    institution_nursing: { name: { state: 'unknown' }, weekly_visits: null },
    ventilator_programme: { used: null, weekly_visits: null },
    care_insurance: { state: 'unknown' },
    disability_certificate: { state: 'unknown' },
    disability_support_class: { state: 'unknown' },
    home_care_service: null,
    disaster_plan: { state: 'unknown' },
    last_contact: '',
    support_class: '',
    gaps: [],
    ...over,
  };
}

const v = (value) => ({ state: 'value', value });
const none = { state: 'none' };

// The seed's 例2: 65歳以上, 全面介助, every procedure, 外来 specialist, 往診 family doctor,
// two stations 2回 + Ａ病院 3回 a week (= 5), the ventilator programme, no disaster plan.
const EX2 = patient({
  id_number: '例2',
  name: '高橋 一郎',
  municipality: 'A市',
  age: { type: 'band', value: 'over65' },
  adl: 'full_assist',
  procedures: { ventilator: true, tracheostomy: true, suction: true, tube_feeding: true, other: true, other_detail: '' },
  symptoms: { respiratory: true, swallowing: true, speech: true, urinary: true, autonomic: true },
  neurology: { name: v('Ｂ大学病院'), mode: 'outpatient', per_month: 50 },
  family_doctor: { name: v('Ａクリニック'), mode: 'home_visit', per_month: 400 },
  emergency_admission: v('Ｂ大学病院'),
  respite_admission: none,
  home_respite: v('医療保険と難病事業の訪問看護を連続。3時間の長時間滞在看護実施'),
  emergency_nursing: v('Ａｽﾃｰｼｮﾝ'),
  station_nursing: { names: v(['Ａｽﾃｰｼｮﾝ', 'Ｂｽﾃｰｼｮﾝ']), count: 2, weekly_visits: 200 },
  institution_nursing: { name: v('Ａ病院'), weekly_visits: 300 },
  ventilator_programme: { used: true, weekly_visits: 100 },
  care_insurance: v('care5'),
  disability_certificate: v(1),
  disability_support_class: v(6),
  home_care_service: true,
  disaster_plan: none,
});

// Like the seed's 例1 but aged 52 (an actual age) and seen every two weeks (0.5回/週: not a
// 訪問看護利用者 by the tool's rule); a disaster plan whose year is not known.
const EX1 = patient({
  id_number: '例1',
  name: '佐藤 花子',
  municipality: 'B町',
  age: { type: 'years', value: 52 },
  adl: 'partial_assist',
  procedures: { ventilator: false, tracheostomy: false, suction: false, tube_feeding: false, other: false, other_detail: '' },
  symptoms: { respiratory: true, swallowing: true, speech: true, urinary: true, autonomic: true },
  neurology: { name: v('県立Ａ病院'), mode: 'outpatient', per_month: 100 },
  family_doctor: { name: none, mode: 'no_visits', per_month: null },
  emergency_admission: none,
  respite_admission: none,
  home_respite: v('療養通所介護に通所'),
  emergency_nursing: none,
  station_nursing: { names: v(['Ｃｽﾃｰｼｮﾝ']), count: 1, weekly_visits: 50 },
  institution_nursing: { name: none, weekly_visits: null },
  ventilator_programme: { used: false, weekly_visits: null },
  care_insurance: v('care5'),
  disability_certificate: v(1),
  disability_support_class: v(5),
  home_care_service: true,
  disaster_plan: v(null),
});

// An SCD patient with nothing else entered (outside the ALS 集計).
const SCD = patient({ id_number: 'S-1', name: '田中 次郎', municipality: 'C村', disease: { type: 'scd' } });

function record(id, diagnosisId, body) {
  const t = 1747000000000;
  return { id, diagnosis_id: diagnosisId, kind: 'patient', created_at: t, updated_at: t, updated_by: 'e2e-device', rev: 1, body };
}

/** An exported backup with `records` added, written to a temporary file. */
function withRecords(exported, records, name) {
  const b = JSON.parse(exported.text);
  b.records = [...b.records, ...records];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nanbyo-summary-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify(b));
  return file;
}

async function exportAll(io) {
  await io.open();
  await io.scope('all');
  return io.exportFile();
}

async function importFile(io, file) {
  await io.open();
  await io.chooseFile(file);
  return io.apply();
}

/** The ID of the 地域診断 the page shows (after creating one, the app opens it). */
async function diagnosisId(page) {
  await page.waitForURL(/#\/d\//);
  const m = /#\/d\/([^/]+)/.exec(page.url());
  assert(m, `no diagnosis in ${page.url()}`);
  return decodeURIComponent(m[1]);
}

test('集計・様式4: 別のタブで療養者を加えると再読み込みせずに数字が変わり、内訳・絞り込み・様式4の保存・印刷ができる', async ({ server }) => {
  const { context, problems } = await launch(newProfileDir('summary-live'));
  const page = context.pages()[0] || (await context.newPage());
  page.on('dialog', (d) => d.accept());
  const home = new HomePage(page);
  const sheet = new SummaryPage(page);
  const form4 = new EvaluationPage(page);
  await home.goto(server.url);
  await home.create(NAME, '2025');
  const id = await diagnosisId(page);

  // 集計 with nobody yet: N = 0, every % is '-'.
  await sheet.open();
  assertEqual(await sheet.n(), '在宅ALS療養者:0人（特記のない％はこの人数に対する割合です）', 'N = 0');
  assertEqual(await sheet.figure('nursing-users'), { count: '0人', percent: '-', denominator: '在宅ALS療養者 0人', unknown: '0' }, 'empty roster');
  assertEqual(await sheet.value('在宅療養者数'), '0人', 'A: 在宅療養者数');
  assertEqual(await sheet.roundingRule(),
    '割合・率・密度・平均は四捨五入で小数第1位まで表示しています。分母が0のときは「-」と表示します。', 'rounding rule stated');
  const notes = await sheet.footnotes();
  assert(notes.includes('訪問看護利用者数は、1週間の合計訪問看護利用回数') && notes.includes('2週に1回（0.5回）'), 'visits footnote');
  assert(notes.includes('在宅人工呼吸器使用患者支援事業は人工呼吸器使用者'), 'programme footnote');
  assert(!notes.includes('四捨五入で小数第1位まで表示しています。分母が0'), 'rounding rule only once');
  assertEqual(await sheet.filterChoices(), ['ALS（0人）', '全疾患（0人）'], 'filter choices');
  assertEqual(await sheet.chosenFilter(), 'ALS（0人）', 'ALS by default');

  // Another tab adds the seed's 例2 (import on データの入出力).
  const other = await context.newPage();
  other.on('dialog', (d) => d.accept());
  const io = new IoPage(other);
  await io.goto(server.url);
  const backup = await exportAll(io);
  await importFile(io, withRecords(backup, [record('p-ex2', id, EX2)], '例2.nanbyo.json'));

  // This tab follows without a reload: N = 1.
  await sheet.waitN('1人');
  assertEqual(await sheet.figure('nursing-users'), { count: '1人', percent: '100.0', denominator: '在宅ALS療養者 1人', unknown: '0' }, '2 + 3 = 5 visits a week');
  assertEqual(await sheet.value('一週間の訪問看護の平均回数', 'c'), '5.0回/週', 'average 5 / 1');
  assertEqual(await sheet.figure('ventilator-programme'), { count: '1人', percent: '100.0', denominator: '人工呼吸器使用者 1人', unknown: '0' }, 'programme of the ventilated');

  // 様式4 in the same tab; then 例1 and an SCD patient arrive from the other tab.
  await form4.open();
  assertEqual(await form4.coverage('daily'), { percent: '100.0％', count: '1人 / 1人', parts: '（外来 0人＋往診 1人）' }, '日常診療 with one patient');
  await importFile(io, withRecords(backup, [record('p-ex2', id, EX2), record('p-ex1', id, EX1), record('p-scd', id, SCD)], '例1.nanbyo.json'));
  await form4.waitCoverage('daily', '50.0％');
  const expected = {
    specialist: { percent: '100.0％', count: '2人 / 2人', parts: '（外来 2人＋往診 0人）' },
    daily: { percent: '50.0％', count: '1人 / 2人', parts: '（外来 0人＋往診 1人）' },
    emergency_admission: { percent: '50.0％', count: '1人 / 2人', parts: '' },
    respite_admission: { percent: '0.0％', count: '0人 / 2人', parts: '' },
    respite_home: { percent: '100.0％', count: '2人 / 2人', parts: '' },
    nursing_regular: { percent: '100.0％', count: '2人 / 2人', parts: '' },
    nursing_emergency: { percent: '50.0％', count: '1人 / 2人', parts: '' },
    disaster: { percent: '50.0％', count: '1人 / 2人', parts: '' },
  };
  for (const [item, want] of Object.entries(expected)) assertEqual(await form4.coverage(item), want, `様式4 ${item}`);

  // Levels, 課題 and 総合評価; a C without 課題 warns but saves.
  await form4.setLevel('specialist', 'A');
  await form4.setLevel('daily', 'B');
  await form4.setIssue('daily', '往診できるかかりつけ医が少ない\n二行目');
  await form4.setLevel('disaster', 'D');
  await form4.setIssue('disaster', '災害時個別支援計画の作成が半数にとどまる');
  await form4.setLevel('respite_admission', 'C');
  await form4.dirtyMark().waitFor();
  assert((await form4.issueSummary()).includes('レベルがC・Dの項目は課題を記入してください'), 'C without 課題 warns');
  await form4.setOverall('災害対策とレスパイト入院先の確保を優先する');
  await page.screenshot({ path: shot('summary-form4.png'), fullPage: true });
  await form4.save();
  await form4.reload();
  await form4.form().waitFor();
  assertEqual([await form4.level('specialist'), await form4.level('daily'), await form4.level('respite_admission'), await form4.level('disaster'), await form4.level('nursing_regular')], ['A', 'B', 'C', 'D', ''], 'levels back after reload');
  assertEqual(await form4.issue('daily'), '往診できるかかりつけ医が少ない\n二行目', '課題 back');
  assertEqual(await form4.overall(), '災害対策とレスパイト入院先の確保を優先する', '総合評価 back');
  assertEqual(await form4.dirtyMark().count(), 0, 'nothing unsaved');

  // Typed but not saved: the draft is offered after a reload; Esc asks before discarding.
  await form4.setIssue('nursing_regular', '夜間の訪問が難しい');
  await page.waitForTimeout(1200);
  await form4.reload();
  await form4.draftOffer().waitFor();
  assertEqual(await form4.issue('nursing_regular'), '', 'the saved value first');
  await form4.restoreDraft();
  assertEqual(await form4.issue('nursing_regular'), '夜間の訪問が難しい', 'draft restored');
  await form4.dirtyMark().waitFor();
  await form4.issueBox('nursing_regular').press('Escape');
  await form4.modal('保存していない入力を取り消して').waitFor();
  await form4.modalButton('取り消す');
  assertEqual(await form4.issue('nursing_regular'), '', 'back to what is saved');
  assertEqual(await form4.dirtyMark().count(), 0, 'nothing unsaved after cancel');

  // Print 様式4: header with 地区名, 年度 and today's date; no navigation; the paper's columns.
  assert(!(await form4.print().isVisible()), 'print view hidden on screen');
  await page.emulateMedia({ media: 'print' });
  assert(await form4.print().isVisible(), 'print view on paper');
  assertEqual(await form4.navVisible(), false, 'no navigation on paper');
  assertEqual(await form4.form().isVisible(), false, 'no form on paper');
  assertEqual(await form4.printJurisdiction(), NAME, '地区名');
  assertEqual(await form4.printYear(), '令和7年度（2025年度）', '年度');
  const today = new Date().toLocaleDateString('ja-JP', { timeZone: 'Asia/Tokyo', year: 'numeric', month: 'numeric', day: 'numeric' });
  const [y, m, d] = today.split('/');
  assertEqual(await form4.printDate(), `${y}年${m}月${d}日`, 'print date');
  const printed = await form4.printRows();
  assertEqual(printed.length, 8, 'eight rows');
  assertEqual(printed[1], ['日常診療の確保', '50.0％ 1人/2人', 'B 概ね確保できている', '往診できるかかりつけ医が少ない 二行目'], 'printed row');
  assertEqual(printed[3].slice(0, 3), ['レスパイトケアの確保', '入院・入所', '0.0％ 0人/2人'], 'paired heading');
  assertEqual(printed[4].slice(0, 2), ['在宅', '100.0％ 2人/2人'], 'second of the pair');
  assertEqual(await form4.printedOverall(), '災害対策とレスパイト入院先の確保を優先する', 'overall printed');
  await page.screenshot({ path: shot('summary-form4-print.png'), fullPage: true });
  await page.pdf({ path: shot('summary-form4-print.pdf'), format: 'A4', landscape: true, printBackground: true }).catch(() => {});
  await page.emulateMedia({ media: 'screen' });

  // 集計 with both patients (the SCD patient is outside the ALS 集計).
  await sheet.open();
  await sheet.waitN('2人');
  assertEqual(await sheet.filterChoices(), ['ALS（2人）', 'SCD（1人）', '全疾患（3人）'], 'diseases present');
  // 例2 2 + 3 = 5 is a user; 例1 0.5 is not: 1 / 2 = 50.0; average 5 / 1 = 5.0.
  assertEqual(await sheet.figure('nursing-users'), { count: '1人', percent: '50.0', denominator: '在宅ALS療養者 2人', unknown: '0' }, '0.5 a week is not a user');
  assertEqual(await sheet.value('一週間の訪問看護の平均回数', 'c'), '5.0回/週', 'average of users only');
  // 年齢: 52 → 40〜65歳未満, band 4 → 65歳以上.
  assertEqual((await sheet.figure('age-3')).count, '1人', 'actual age 52 in its band');
  assertEqual((await sheet.figure('age-4')).percent, '50.0', 'band code 4');
  assertEqual(await sheet.figure('multiple-stations'), { count: '1人', percent: '50.0', denominator: '在宅ALS療養者 2人', unknown: '0' }, 'several stations');
  assertEqual(await sheet.figure('procedure-ventilator', 'a'), { count: '1人', percent: '50.0', denominator: '在宅ALS療養者 2人', unknown: '0' }, 'A: 在宅人工呼吸療養者');
  assertEqual((await sheet.figure('care-level-5')).denominator, '介護保険あり 2人', 'care levels of the insured');
  assertEqual(await sheet.value('人口'), '-', 'no 地域の概況: -');
  await page.screenshot({ path: shot('summary-sheet.png'), fullPage: true });
  await page.screenshot({ path: shot('summary-sheet-top.png'), clip: { x: 0, y: 0, width: 1280, height: 1100 }, fullPage: true });
  await sheet.part('c').screenshot({ path: shot('summary-sheet-c.png') });

  // 内訳: the disaster plan is 例1's only; the list links to the patient's form.
  await sheet.drill('disaster-plan');
  assertEqual(await sheet.drillTitle(), '災害時個別支援計画あり', 'drill title');
  assertEqual(await sheet.drillFigure(), '1人（在宅ALS療養者 2人中 50.0％）・不明（未入力）0人', 'drill figure');
  assertEqual(await sheet.drillRows(), [{ first: '例1', second: '佐藤 花子', href: `#/d/${id}/patients/p-ex1` }], 'the patient behind it');
  await page.screenshot({ path: shot('summary-drill.png'), fullPage: true });
  await sheet.backToSheet();

  // 全疾患: N = 3, the SCD patient's blank ADL is 不明, and its list names them.
  await sheet.chooseFilter('全疾患');
  await sheet.waitN('3人');
  assertEqual(await sheet.figure('adl-3'), { count: '1人', percent: '33.3', denominator: '在宅療養者（全疾患） 3人', unknown: '1人' }, 'ADL 全面介助 of 3');
  await sheet.drill('adl-3', { unknown: true });
  assertEqual(await sheet.drillTitle(), 'ADL 全面介助：不明（未入力）', 'unknown list title');
  assertEqual((await sheet.drillRows()).map((r) => r.first), ['S-1'], 'the blank one');
  // The filter stays when coming back, and names are hidden when asked.
  await sheet.hideNames(true);
  assertEqual((await sheet.drillRows())[0].second, '', 'name hidden');
  await sheet.hideNames(false);
  await sheet.backToSheet();
  assertEqual(await sheet.chosenFilter(), '全疾患（3人）', 'filter kept');
  await sheet.chooseFilter('ALS');
  await sheet.waitN('2人');

  // Charts with their tables.
  assertEqual(await sheet.chartTable('chart-age'), [['20歳未満', '0.0％（0人）'], ['20〜40歳未満', '0.0％（0人）'], ['40〜65歳未満', '50.0％（1人）'], ['65歳以上', '50.0％（1人）'], ['不明', '0.0％（0人）']], 'age chart table');
  assertEqual((await sheet.chartTable('chart-coverage'))[1], ['日常診療の確保', '50.0％（1人）'], 'coverage chart table');
  const charts = sheet.charts();
  await charts.scrollIntoViewIfNeeded();
  await charts.screenshot({ path: shot('summary-charts.png') });
  const size = await sheet.canvasSize('chart-coverage');
  assert(size.w >= size.cw * 2, `canvas drawn at device pixels: ${JSON.stringify(size)}`);

  // Print the 集計: header, no navigation, the sheet's groups.
  await page.emulateMedia({ media: 'print' });
  assert(await sheet.print().isVisible(), '集計 print view on paper');
  assertEqual(await sheet.navVisible(), false, 'no navigation on paper');
  assertEqual(await sheet.sheet().isVisible(), false, 'no screen table on paper');
  assertEqual(await sheet.printJurisdiction(), NAME, '地区名 on the 集計');
  assertEqual(await sheet.printYear(), '令和7年度（2025年度）', '年度 on the 集計');
  assert((await sheet.printTitle()).includes('在宅ALS療養者の身体状況と医療サービスの確保状況'), 'title');
  await page.screenshot({ path: shot('summary-print.png'), fullPage: true });
  await page.pdf({ path: shot('summary-print.pdf'), format: 'A4', landscape: true, printBackground: true }).catch(() => {});
  await page.emulateMedia({ media: 'screen' });

  // CSV of the 集計.
  const [download] = await Promise.all([page.waitForEvent('download'), sheet.csvButton().click()]);
  const csvFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nanbyo-csv-')), download.suggestedFilename());
  await download.saveAs(csvFile);
  const csv = fs.readFileSync(csvFile, 'utf8');
  assert(/^難病地域診断_集計テスト保健所管内_2025年度_集計_\d{8}\.csv$/.test(download.suggestedFilename()), download.suggestedFilename());
  assert(csv.includes('C．在宅療養者の現況,訪問看護利用者数,1,在宅ALS療養者 2,50.0,0'), 'CSV row');
  await other.close();
  assertNoProblems(problems);
  await context.close();
});

test('集計: 同じ地区名の前年度があると、前年度・今年度・増減を並べて示す', async ({ server }) => {
  const { context, problems } = await launch(newProfileDir('summary-years'));
  const page = context.pages()[0] || (await context.newPage());
  page.on('dialog', (d) => d.accept());
  const home = new HomePage(page);
  const io = new IoPage(page);
  const sheet = new SummaryPage(page);
  await home.goto(server.url);
  await home.create(NAME, '2024');
  const previousId = await diagnosisId(page);
  await home.open();
  await home.create(NAME, '2025');
  const id = await diagnosisId(page);
  const backup = await exportAll(io);
  const t = 1747000000000;
  const meta = (rid, kind) => ({ id: rid, diagnosis_id: id, kind, created_at: t, updated_at: t, updated_by: 'e2e-device', rev: 1 });
  // 地域の概況: 人口 250,000, 面積 123.45 km², ALS 認定者 18, 協力病院 3, 在宅療養支援診療所 20.
  const overview = {
    ...meta(`${id}:overview`, 'overview'),
    body: {
      population: 250000, area_km2: 12345, certified_total: null, certified_als: 18, certified_scd: null, certified_msa: null, certified_pd: null,
      certified_other: [], base_hospitals_pref: null, field_base_hospitals_pref: null, cooperating_hospitals_local: 3, cooperating_hospitals_pref: null,
      designated_doctors_local: null, home_care_clinics_local: 20, nurse_stations_local: null,
    },
  };
  // Two stations: Ａ with 24時間 and ALS experience, Ｂ with nothing entered.
  const stationA = {
    ...meta('s-a', 'station'),
    body: {
      name: 'Ａ訪問看護ステーション', address: 'A市1-1', fte: { type: 'direct', value: 280 }, monthly_users: 40, medical_insurance_users: 12,
      room_for_more_visits: true, addition_24h: true, addition_special: false, als_experience: true, ventilator_experience: false, als_intake: 'possible', child_intake: 'consider',
    },
  };
  const stationB = {
    ...meta('s-b', 'station'),
    body: {
      name: 'Ｂ訪問看護ステーション', address: 'B町2-2', fte: { type: 'unknown' }, monthly_users: null, medical_insurance_users: null,
      room_for_more_visits: null, addition_24h: null, addition_special: null, als_experience: null, ventilator_experience: null, als_intake: null, child_intake: null,
    },
  };
  await importFile(io, withRecords(backup, [record('p-old', previousId, EX1), record('p-ex1', id, EX1), record('p-ex2', id, EX2), overview, stationA, stationB], 'years.nanbyo.json'));
  await home.open();
  await home.switchTo(`${NAME} 令和7年度（2025年度）`);
  await sheet.open();
  await sheet.waitN('2人');
  await sheet.compareTable().waitFor();
  assertEqual(await sheet.comparison('在宅療養者数'), ['1', '2', '+1'], 'N 1 → 2');
  // かかりつけ あり: 0 of 1 (0.0) → 1 of 2 (50.0).
  assertEqual(await sheet.comparison('かかりつけ主治医 あり'), ['0（0.0％）', '1（50.0％）', '+1（+50.0ポイント）'], 'change in points');
  // 災害対策: 1/1 = 100.0 → 1/2 = 50.0.
  assertEqual(await sheet.comparison('災害対策'), ['1（100.0％）', '1（50.0％）', '±0（-50.0ポイント）'], '様式4 line');
  assertEqual(await sheet.comparison('人口'), ['-', '250000', '-'], 'nothing to compare with');

  // A from 地域の概況: 250,000 / 123.45 = 2025.11… → 2025.1; 18 / 250,000 × 100,000 = 7.2;
  // 18 / 123.45 × 100 = 14.58… → 14.6; 協力病院 3 → 1.2 per 100,000; 診療所 20 / 123.45 × 100 = 16.20… → 16.2.
  assertEqual(await sheet.value('人口密度'), '2025.1人/km²', 'density');
  assertEqual(await sheet.value('ALS療養者 対10万人'), '7.2人/10万人', 'ALS per 100,000');
  assertEqual(await sheet.value('ALS療養者 対100km²'), '14.6人/100km²', 'ALS per 100 km²');
  assertEqual(await sheet.value('難病医療協力病院 10万人あたり'), '1.2ヵ所/10万人', 'hospitals per 100,000');
  assertEqual(await sheet.value('在宅療養支援診療所 100km²あたり'), '16.2ヵ所/100km²', 'clinics per 100 km²');
  // B: 2 stations; 24時間 1 of 2 = 50.0 with Ｂ unknown; FTE 2.8 with 1 unknown; per 10 km² 2 / 123.45 × 10 = 0.16… → 0.2.
  assertEqual(await sheet.figure('station-addition-24h', 'b'), { count: '1ヵ所', percent: '50.0', denominator: '全ステーション 2ヵ所', unknown: '1ヵ所' }, '24時間対応');
  assertEqual(await sheet.value('看護師の常勤換算 合計', 'b'), '2.8人', 'FTE sum');
  assertEqual(await sheet.valueUnknown('看護師の常勤換算 合計', 'b'), '1', 'FTE unknown');
  assertEqual(await sheet.value('訪問看護ステーション数 10km²あたり', 'b'), '0.2ヵ所/10km²', 'stations per 10 km²');
  await sheet.drill('station-addition-24h', { section: 'b' });
  assertEqual(await sheet.drillRows(), [{ first: 'Ａ訪問看護ステーション', second: 'A市1-1', href: `#/d/${id}/stations/s-a` }], 'the station behind it');
  await sheet.drillOther();
  await sheet.waitDrillTitle('不明');
  assertEqual((await sheet.drillRows()).map((r) => r.first), ['Ｂ訪問看護ステーション'], 'the station left blank');
  await sheet.backToSheet();
  assertEqual((await sheet.chartTable('chart-coverage'))[7], ['災害対策', '100.0％（1人）', '50.0％（1人）'], 'both years in the chart table');
  const heads = await sheet.chartHeads('chart-coverage');
  assertEqual(heads, ['項目', '前年度（令和6年度）', '今年度（令和7年度）'], 'series named by year');
  await sheet.charts().screenshot({ path: shot('summary-charts-years.png') });
  await sheet.compare().screenshot({ path: shot('summary-compare.png') });
  assertNoProblems(problems);
  await context.close();
});
