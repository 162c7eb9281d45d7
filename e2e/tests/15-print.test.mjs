// Issue 16 (1): printing. 様式1 on A4 landscape sheets like the paper form (every column in
// three bands that each start with 番号・ID番号, 20 patients a sheet, 「n／N」, pink gaps, names
// blank when hidden), 地域の概況 on one page, 集計 with its charts only when asked for.
//
// The page counts are the domain's (src/domain/forms/roster/print.rs): 30 patients are 2 runs
// of 20 × 3 bands = 6 sheets. The PDF Chromium makes of the page must have exactly as many.
// Patients are seeded by importing a bundle (the diagnosis record comes from exporting first).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, launch, newProfileDir, assert, assertEqual, assertNoProblems, shot } from '../lib.mjs';
import { HomePage } from '../pages/app.mjs';
import { IoPage } from '../pages/io.mjs';
import { RosterPrintPage, OverviewPrintPage, SummaryPrintPage, printToPdf, stubPrintDialog } from '../pages/print.mjs';

const NAME = '印刷テスト保健所管内';
const tri = (value) => (value === undefined ? { state: 'unknown' } : { state: 'value', value });

/** A 様式1 body: patient `i` (1…) with a name, an address and, every third one, a gap. */
function patient(i) {
  const n = String(i).padStart(2, '0');
  return {
    id_number: `P-${n}`,
    disease: { type: 'als' },
    name: `印刷 花子${n}`,
    municipality: i % 2 ? '府中市' : '調布市',
    address_detail: `宮西町${i}-1-1`,
    onset: null,
    first_symptom: '上肢の脱力',
    onset_type: null,
    age: { type: 'years', value: 50 + (i % 40) },
    adl: null,
    procedures: { ventilator: i % 3 === 0, tracheostomy: null, suction: null, tube_feeding: null, other: null, other_detail: '' },
    // Every fifth a text far longer than its cell (cut at two lines on paper).
    devices: i % 5 === 0 ? '人工呼吸器（TPPV）、吸引器、パルスオキシメーター、カフアシスト、電動ベッド、エアマット、意思伝達装置' : '',
    symptoms: { respiratory: null, swallowing: null, speech: null, urinary: null, autonomic: null },
    neurology: { name: tri('Ａ大学病院 脳神経内科'), mode: null, per_month: null },
    family_doctor: { name: tri(), mode: null, per_month: null },
    emergency_admission: tri(),
    respite_admission: tri(),
    home_respite: tri(),
    emergency_nursing: tri(),
    station_nursing: { names: tri(['訪問看護ステーションあおば', 'ステーションかえで']), count: 2, weekly_visits: null },
    institution_nursing: { name: tri(), weekly_visits: null },
    ventilator_programme: { used: null, weekly_visits: null },
    care_insurance: tri(),
    disability_certificate: tri(),
    disability_support_class: tri(),
    home_care_service: null,
    disaster_plan: tri(),
    last_contact: '',
    support_class: String(1 + (i % 3)),
    gaps: i % 3 === 0 ? [{ service: 'station_nursing', note: '回数が不足' }] : [],
  };
}

function record(id, diagnosisId, kind, body) {
  const t = 1747000000000;
  return { id, diagnosis_id: diagnosisId, kind, created_at: t, updated_at: t, updated_by: 'e2e-device', rev: 1, body };
}

/** Exports everything, adds `records` to the bundle and imports it back. */
async function seed(page, records) {
  const io = new IoPage(page);
  await io.open();
  await io.scope('all');
  const exported = await io.exportFile();
  const b = JSON.parse(exported.text);
  b.records = [...b.records, ...records];
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nanbyo-print-')), 'print.nanbyo.json');
  fs.writeFileSync(file, JSON.stringify(b));
  await io.open();
  await io.chooseFile(file);
  await io.apply();
}

async function diagnosisWith(server, label, count) {
  const { context, problems } = await launch(newProfileDir(label));
  const page = context.pages()[0] || (await context.newPage());
  page.on('dialog', (d) => d.accept());
  const home = new HomePage(page);
  await home.goto(server.url);
  await home.create(NAME, '2025');
  await page.waitForURL(/#\/d\//);
  const id = decodeURIComponent(/#\/d\/([^/]+)/.exec(page.url())[1]);
  const overview = record(`${id}:overview`, id, 'overview', {
    population: 250000, area_km2: 1234, certified_total: 2100, certified_als: 30, certified_scd: 0, certified_msa: null,
    certified_pd: 400, certified_other: [{ disease: '進行性核上性麻痺', count: 12 }], base_hospitals_pref: 1,
    field_base_hospitals_pref: 2, cooperating_hospitals_local: 3, cooperating_hospitals_pref: 20,
    designated_doctors_local: 150, home_care_clinics_local: 25, nurse_stations_local: 18,
  });
  const patients = Array.from({ length: count }, (_, k) => record(`p-${k + 1}`, id, 'patient', patient(k + 1)));
  await seed(page, [overview, ...patients]);
  // Back to the 地域診断 (its sections are in the menu while it is open).
  await home.goto(`${server.url}#/d/${encodeURIComponent(id)}`);
  return { context, problems, page };
}

test('印刷: 様式1は用紙の形でA4横6枚（30人）、列の帯ごとに番号・ID番号、n／N、ギャップはピンク、氏名を隠すと空欄', async ({ server }) => {
  const { context, problems, page } = await diagnosisWith(server, 'print-roster', 30);
  const roster = new RosterPrintPage(page);
  await roster.open();
  await stubPrintDialog(page);
  assert(await roster.printButton().isVisible(), '印刷 button on the roster');
  assertEqual(await roster.sheets().count(), 0, 'no sheets are built before printing (the roster stays quick)');
  await roster.print();

  // 30 patients: 2 runs × 3 bands = 6 sheets, row-major, each labelled n／6.
  const sheets = await roster.sheetSummaries();
  assertEqual(sheets.map((s) => [s.page, s.band, s.label, s.rows, s.blanks]), [
    [1, 1, '1／6', 20, 0], [2, 2, '2／6', 20, 0], [3, 3, '3／6', 20, 0],
    [4, 1, '4／6', 10, 10], [5, 2, '5／6', 10, 10], [6, 3, '6／6', 10, 10],
  ], 'sheets');
  const all = await roster.allColumnKeys();
  assertEqual(all.length, 44, '44 columns');
  const end1 = all.indexOf('devices') + 1;
  const end2 = all.indexOf('emergency_nursing') + 1;
  const bands = [all.slice(2, end1), all.slice(end1, end2), all.slice(end2)].map((b) => ['number', 'id_number', ...b]);
  for (const s of sheets) {
    // Headings are in DOM order (group row, then label row); as a set per sheet they are the band.
    assertEqual([...s.cols].sort(), [...bands[s.band - 1]].sort(), `headings of sheet ${s.page}`);
    assertEqual(await roster.sheetCellKeys(s.page - 1), bands[s.band - 1], `cells of sheet ${s.page} in the band's order`);
  }
  assertEqual(sheets.slice(0, 3).flatMap((s) => s.cols.filter((c) => !['number', 'id_number'].includes(c))).sort(),
    all.slice(2).sort(), 'every column on exactly one band');
  assertEqual(sheets[0].groups, ['医療処置管理'], 'group headings of band 1');
  assertEqual(sheets[1].groups, ['特定症状', '神経内科専門医療機関', 'かかりつけ主治医'], 'band 2 (no group split)');

  // On paper only: the sheets, no roster, no navigation.
  assert(!(await roster.sheets().first().isVisible()), 'sheets hidden on screen');
  await page.emulateMedia({ media: 'print' });
  assert(await roster.sheets().first().isVisible(), 'sheets on paper');
  assert(!(await roster.table().isVisible()), 'the screen roster is not printed');
  assert(!(await roster.navVisible()), 'no navigation on paper');
  assertEqual(await roster.printJurisdiction(), NAME, '地区名');
  assertEqual(await roster.printYear(), '令和7年度（2025年度）', '年度');
  const now = new Date(Date.now() + 9 * 3600 * 1000);
  assertEqual(await roster.printDate(), `${now.getUTCFullYear()}年${now.getUTCMonth() + 1}月${now.getUTCDate()}日`, '印刷日');
  assertEqual(await roster.scopeNote(), '対象: 全員（ID番号順）', 'what is printed');
  assertEqual((await roster.columnTexts('id_number')).slice(0, 3), ['P-01', 'P-02', 'P-03'], 'roster order');
  assertEqual((await roster.columnTexts('id_number')).length, 90, 'ID番号 on each of the 3 bands');
  assertEqual((await roster.columnTexts('name')).slice(0, 2), ['印刷 花子01', '印刷 花子02'], 'names shown');
  const gaps = await roster.gapCells();
  assertEqual(gaps.length, 10 * 3, '10 patients with a 訪問看護ステーション gap × its 3 columns');
  assert(gaps.every((g) => g.key.startsWith('station_') && g.background === 'rgb(255, 214, 231)' && g.exact === 'exact'), JSON.stringify(gaps[0]));

  // The PDF has exactly the domain's 6 pages.
  const pdf = await printToPdf(page, shot('print-roster-30.pdf'));
  assertEqual(pdf.pages, 6, 'PDF pages of 30 patients');
  await page.screenshot({ path: shot('print-roster.png'), fullPage: true });

  // 氏名・住所を隠す: 氏名 blank, 住所 only the 市町村; printed again.
  await page.emulateMedia({ media: 'screen' });
  await roster.hideNames(true);
  await roster.print();
  await page.emulateMedia({ media: 'print' });
  assert((await roster.columnTexts('name')).every((t) => t === ''), 'names blank when hidden');
  assertEqual((await roster.columnTexts('address')).slice(0, 2), ['府中市', '調布市'], '市町村 only');
  const text = await roster.text();
  assert(!text.includes('花子') && !text.includes('宮西町'), 'no name or address anywhere on paper');
  assert(text.includes('氏名・住所を隠して印刷'), 'the sheet says names are hidden');

  // A filter prints what is shown and says so: 市町村 府中市 = 15 patients → 1 run × 3 bands.
  await page.emulateMedia({ media: 'screen' });
  await roster.hideNames(false);
  await page.locator('select[data-filter=municipality]').selectOption('府中市');
  await roster.print();
  await page.emulateMedia({ media: 'print' });
  assertEqual(await roster.sheets().count(), 3, '15 patients: 3 sheets');
  assertEqual(await roster.scopeNote(), '対象: 絞り込み: 市町村 府中市（ID番号順）', 'filter in the header');
  assertEqual((await printToPdf(page, shot('print-roster-filtered.pdf'))).pages, 3, 'PDF pages of the filtered roster');
  assertNoProblems(problems);
  await context.close();
});

test('印刷: 地域の概況は1枚、集計はグラフなしが既定でグラフありより短い', async ({ server }) => {
  const { context, problems, page } = await diagnosisWith(server, 'print-overview', 30);
  const overview = new OverviewPrintPage(page);
  await overview.open();
  assert(await overview.printButton().isVisible(), '印刷 button on 地域の概況');
  assert(!(await overview.print().isVisible()), 'print view hidden on screen');
  await page.emulateMedia({ media: 'print' });
  assert(await overview.print().isVisible(), 'print view on paper');
  assert(!(await overview.form().isVisible()), 'the form is not printed');
  assertEqual(await overview.printJurisdiction(), NAME, '地区名');
  assertEqual(await overview.printedValues(),
    ['250000', '12.34', '2100', '30', '0', '', '400', '12', '1', '2', '3', '20', '150', '25', '18'], 'the saved values, blank stays blank');
  assertEqual((await printToPdf(page, shot('print-overview.pdf'))).pages, 1, '地域の概況 on one page');
  await page.emulateMedia({ media: 'screen' });

  const summary = new SummaryPrintPage(page);
  await summary.open();
  assertEqual(await summary.chartsChoice().isChecked(), false, 'グラフも印刷する: off by default');
  await page.emulateMedia({ media: 'print' });
  assertEqual(await summary.visibleCanvases(), 0, 'no chart on paper');
  const without = (await printToPdf(page, shot('print-summary.pdf'))).pages;
  await page.emulateMedia({ media: 'screen' });
  await summary.printCharts(true);
  await page.emulateMedia({ media: 'print' });
  assertEqual(await summary.visibleCanvases(), 4, 'the four charts on paper');
  const withCharts = (await printToPdf(page, shot('print-summary-charts.pdf'))).pages;
  assert(without < withCharts, `without charts ${without} pages, with ${withCharts}`);
  assertEqual(without, 2, 'the sheet: A・B, then C');
  // The choice is kept on this device.
  await page.emulateMedia({ media: 'screen' });
  await summary.reload();
  await summary.open();
  assertEqual(await summary.chartsChoice().isChecked(), true, 'kept');
  assertNoProblems(problems);
  await context.close();
});

test('印刷: 様式1の300人はA4横45枚（15組×3帯）、長い文字は2行で切れて枚数は変わらない', async ({ server }) => {
  const { context, problems, page } = await diagnosisWith(server, 'print-roster-300', 300);
  const roster = new RosterPrintPage(page);
  await roster.open();
  await stubPrintDialog(page);
  await roster.print();
  await page.emulateMedia({ media: 'print' });
  const labels = (await roster.sheetSummaries()).map((s) => s.label);
  assertEqual(labels.length, 45, '300 patients: 15 runs of 20 × 3 bands');
  assertEqual([labels[0], labels[44]], ['1／45', '45／45'], 'n／N');
  // A long cell keeps its row at 7 mm: the row is no taller than a short one.
  const heights = await page.locator('[data-testid=roster-print] section.print-page').first().locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => Math.round(tr.getBoundingClientRect().height)));
  assertEqual(new Set(heights).size, 1, `rows of one height: ${heights}`);
  assertEqual((await printToPdf(page, shot('print-roster-300.pdf'))).pages, 45, 'PDF pages of 300 patients');
  assertNoProblems(problems);
  await context.close();
});
