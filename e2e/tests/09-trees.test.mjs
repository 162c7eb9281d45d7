// Issue 5: 判断樹 — the ALS 呼吸障害 and 球麻痺 assessments at a home visit, their history, the
// carry-over into 様式1 特定症状, and the 訪問看護の保険 tool.
//
// The 様式1 page is built elsewhere: the patients come from importing the test bundle
// tests/bundles/good/full_v1.json (地域診断 d-2025, 療養者 p-1 山田 太郎 ALS 67歳 要介護2 with
// 特定症状 呼吸・嚥下・構音 all 1 有, p-2 鈴木 花子, and a draft アセスメント as-1 for p-1).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, launch, newProfileDir, assert, assertEqual, assertNoProblems, shot } from '../lib.mjs';
import { IoPage } from '../pages/io.mjs';
import { TreesPage } from '../pages/trees.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const FULL = path.resolve(here, '..', '..', 'tests', 'bundles', 'good', 'full_v1.json');
const D = 'd-2025';

async function seeded(server, name, viewport) {
  const { context, problems } = await launch(newProfileDir(name), viewport ? { viewport } : undefined);
  const page = context.pages()[0] || (await context.newPage());
  const io = new IoPage(page);
  await io.goto(server.url);
  await io.open();
  await io.chooseFile(FULL);
  await io.apply();
  const trees = new TreesPage(page);
  await trees.open(D);
  return { context, problems, page, trees };
}

test('判断樹: 呼吸障害から球麻痺まで（測定値で自動チェック・手動で変更）→完了→履歴→様式1に反映', async ({ server }) => {
  const { context, problems, page, trees } = await seeded(server, 'trees-full', { width: 1280, height: 900 });

  const rows = await trees.patientRows();
  assertEqual(rows.map((r) => r[0]), ['A-001 山田 太郎', 'A-002 鈴木 花子'], 'patients by ID番号 with names');
  assertEqual(rows[0][1], '呼吸障害 有・嚥下障害 有・構音障害 有', '様式1 values of p-1');
  assert(rows[0][3].startsWith('続ける'), `the imported draft as-1 is offered: ${rows[0][3]}`);
  // 氏名・住所を隠す: only ID番号 in the list and the start form.
  await trees.hideNames(true);
  assertEqual((await trees.patientRows()).map((r) => r[0]), ['A-001', 'A-002'], 'names hidden');
  assertEqual(await trees.startPatientOptions(), ['（選んでください）', 'A-001', 'A-002'], 'select without names');
  await trees.hideNames(false);

  const id = await trees.start({ patientId: 'p-1', assessor: '保健師 佐藤', when: '2025-05-10T10:30' });
  assertEqual(await trees.currentQuestion(), 'r1', 'respiratory Q1 first');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: shot('trees-ui-question.png'), fullPage: true });

  // Measurements tick the ※ lines at the seed's reference boundaries.
  await trees.measure('spo2', '89', { posture: 'lying', situation: 'rest' });
  let s = await trees.signState('r1_spo2');
  assert(s.concern && s.selected === '自動（該当）', `SpO2 89 ticks 該当: ${JSON.stringify(s)}`);
  assert(s.auto.includes('SpO2 89%：90%未満（組織が低酸素の状態）'), s.auto);
  await trees.measure('respiratory_rate', '21', { posture: 'lying', situation: 'rest' });
  s = await trees.signState('r1_rate');
  assert(s.concern && s.auto.includes('正常値（12-20回/分）より高い'), `rate 21 ticks: ${JSON.stringify(s)}`);
  assertEqual(await trees.suggestion(), 'チェックした項目からは「いいえ」と考えられます', 'ticks suggest いいえ');
  // The rate was miscounted: corrected to 20 (the boundary, not ticked).
  await trees.remeasure(1, '20');
  s = await trees.signState('r1_rate');
  assert(!s.concern && s.selected === '自動（非該当）', `rate 20 is normal: ${JSON.stringify(s)}`);
  await trees.measure('peak_cough_flow', '270');
  assert(!(await trees.signState('r1_cough')).concern, 'PCF 270 not ticked');

  // The nurse overrides the SpO2 tick (a cold finger; re-measured sitting at 96 by hand).
  await trees.tick('r1_spo2', 'no');
  s = await trees.signState('r1_spo2');
  assertEqual(s.selected, '非該当', 'override chosen');
  assert(s.override && s.override.startsWith('手動で変更: 自動判定「該当」→「非該当」'), `override shown: ${s.override}`);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: shot('trees-ui-measurements.png'), fullPage: true });

  await trees.answer('はい');
  assertEqual(await trees.currentQuestion(), 'r2', 'Q2 next');
  await trees.answer('はい');
  await trees.answer('はい');
  assertEqual(await trees.currentQuestion(), 'r4', 'Q4');
  await trees.answer('いいえ');
  // No respiratory sign: on to 球麻痺.
  assertEqual(await trees.currentQuestion(), 'b1', 'bulbar Q1 after no respiratory signs');
  await trees.toBulbar().waitFor();
  await trees.tick('b1_choke', 'yes');
  assertEqual(await trees.suggestion(), 'チェックした項目からは「いいえ」と考えられます', 'むせる suggests いいえ');
  await trees.answer('いいえ');
  await trees.answer('はい');

  // Going back: R2 いいえ ends the respiratory tree; the bulbar answers stay but are off the path.
  await trees.goToStep('r2');
  await trees.answer('いいえ');
  await trees.outcome().waitFor();
  assertEqual(await trees.outcomeBoxes(trees.outcome()), ['respiratory_failure'], 'respiratory failure box');
  let steps = await trees.steps();
  assertEqual(steps.filter((x) => x.offPath && x.answer.includes('経路外')).map((x) => x.q), ['r3', 'r4', 'b1', 'b2'], 'kept, greyed');
  await trees.continueBulbar().waitFor();
  // Changed back: the path comes back with the answers.
  await trees.goToStep('r2');
  await trees.answer('はい');
  assertEqual(await trees.currentQuestion(), 'b3', 'continues at the first unanswered bulbar question');
  steps = await trees.steps();
  assertEqual(steps.filter((x) => x.offPath).length, 0, 'nothing off the path');

  await trees.answer('はい');
  await trees.answer('はい');
  await trees.tick('b5_slurred', 'yes');
  await trees.answer('いいえ');
  await trees.answer('はい');
  await trees.outcome().waitFor();
  assertEqual(await trees.outcomeBoxes(trees.outcome()), ['to_bulbar', 'swallowing', 'speech'], 'outcome boxes');
  const outcomeText = await trees.outcome().innerText();
  for (const heading of ['◆医師への連絡・相談', '◆本人・家族への支援', '◆支援体制・環境整備', '◆緊急時の対応と役割の確認', '意思伝達手段確保についての検討・対応']) {
    assert(outcomeText.includes(heading), `outcome shows ${heading}`);
  }
  assertEqual(
    await trees.outcomeSummary(),
    '呼吸障害: 呼吸障害の所見なし（球麻痺の設問へ）／球麻痺: 嚥下・気道の症状あり（Q1）、構音障害の症状あり',
    'summary',
  );
  assertEqual(
    await trees.overrides(),
    ['「酸素飽和度(SpO2)の低下」自動判定 該当 → 手動で非該当'],
    'override listed',
  );
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: shot('trees-ui-outcome.png'), fullPage: true });

  await trees.finish();
  assertEqual(await trees.status(), '完了', 'finished');
  const stored = await trees.storedRecord(id);
  assertEqual([stored.kind, stored.body.status, stored.body.assessor, stored.body.patient_id], ['assessment', 'finished', '保健師 佐藤', 'p-1'], 'stored assessment');
  assertEqual(stored.body.started_at, Date.parse('2025-05-10T10:30:00+09:00'), 'date/time as entered (JST)');
  assertEqual(stored.body.signs.r1_spo2, { auto: 'yes', manual: 'no' }, 'override recorded');
  assertEqual(stored.body.measurements.map((m) => [m.kind, m.text, m.posture ?? null, m.situation ?? null]), [
    ['spo2', '89', 'lying', 'rest'],
    ['respiratory_rate', '20', 'lying', 'rest'],
    ['peak_cough_flow', '270', null, null],
  ], 'measurements with posture and situation');
  assertEqual(Object.fromEntries(Object.entries(stored.body.answers).sort()), { b1: 'no', b2: 'yes', b3: 'yes', b4: 'yes', b5: 'no', b6: 'yes', r1: 'yes', r2: 'yes', r3: 'yes', r4: 'no' }, 'every answer');

  // 様式1: 呼吸障害 1 → 0 (found none), 嚥下障害 and 構音障害 stay 1, now with their source.
  assertEqual(await trees.proposalRows(), { respiratory: ['有', '無変更'], swallowing: ['有', '有'], speech: ['有', '有'] }, 'proposal');
  const confirmText = await trees.applyProposal();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: shot('trees-ui-finished.png'), fullPage: true });
  assert(confirmText.includes('呼吸障害: 有 → 無') && confirmText.includes('保健師 佐藤'), confirmText);
  const patient = await trees.storedRecord('p-1');
  assertEqual([patient.body.symptoms.respiratory, patient.body.symptoms.swallowing, patient.body.symptoms.speech], [false, true, true], 'stored 特定症状');
  for (const k of ['respiratory_source', 'swallowing_source', 'speech_source']) {
    assertEqual(patient.body.symptoms[k].assessment_id, id, `${k} names the assessment`);
    assertEqual(patient.body.symptoms[k].assessor, '保健師 佐藤', `${k} names who`);
  }
  assertEqual(patient.body.symptoms.urinary, false, 'other symptoms untouched');

  // Taken over: the button says 反映済み and cannot be pressed again.
  const applyButton = trees.proposalApplyButton();
  assertEqual((await applyButton.innerText()).trim(), '反映済み', 'button says 反映済み');
  assert(await applyButton.isDisabled(), '反映済み cannot be pressed');

  // The printed record of the assessment (A4 portrait): hidden on screen, alone on paper.
  assert(await trees.printButton().isVisible(), '印刷 button');
  const sheet = trees.print();
  assert(!(await sheet.isVisible()), 'print view hidden on screen');
  await page.emulateMedia({ media: 'print' });
  assert(await sheet.isVisible(), 'print view shown on paper');
  assertEqual(await trees.navVisible(), false, 'no navigation on paper');
  assertEqual(await trees.appHeaderVisible(), false, 'no app header on paper');
  assertEqual(await trees.finished().isVisible(), false, 'no screen view on paper');
  assertEqual(await trees.printField('patient'), 'A-001 山田 太郎', 'patient ID');
  assertEqual(await trees.printField('when'), '2025年5月10日 10:30', '日時');
  assertEqual(await trees.printField('assessor'), '保健師 佐藤', '判断者');
  const [ty, tm, td] = new Date()
    .toLocaleDateString('ja-JP', { timeZone: 'Asia/Tokyo', year: 'numeric', month: 'numeric', day: 'numeric' })
    .split('/');
  assertEqual(await trees.printDate(), `${ty}年${tm}月${td}日`, 'print date');
  assertEqual(
    (await trees.printField('outcome')).trim(),
    '呼吸障害: 呼吸障害の所見なし（球麻痺の設問へ）／球麻痺: 嚥下・気道の症状あり（Q1）、構音障害の症状あり',
    'outcome on paper',
  );
  const printed = await trees.printedAnswers();
  assertEqual(printed.map(([q, a]) => [q, a]), [
    ['r1', 'はい'], ['r2', 'はい'], ['r3', 'はい'], ['r4', 'いいえ'],
    ['b1', 'いいえ'], ['b2', 'はい'], ['b3', 'はい'], ['b4', 'はい'], ['b5', 'いいえ'], ['b6', 'はい'],
  ], 'every answer printed');
  assert(printed[0][2].includes('酸素飽和度(SpO2)の低下: 非該当（手動で変更）'), `override marked in the checklist: ${printed[0][2]}`);
  const printedMeasurements = await trees.printList('measurements');
  assertEqual(printedMeasurements.length, 3, `three measurements: ${printedMeasurements}`);
  assert(printedMeasurements[0].includes('89') && printedMeasurements[0].includes('90%未満'), printedMeasurements[0]);
  assertEqual(
    await trees.printList('overrides'),
    ['「酸素飽和度(SpO2)の低下」自動判定 該当 → 手動で非該当'],
    'overrides printed',
  );
  assertEqual(await trees.outcomeBoxes(sheet), ['to_bulbar', 'swallowing', 'speech'], 'outcome boxes printed');
  // Portrait: the PDF's first page is 595 × 842 pt (A4), not the 様式' landscape.
  const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
  const box = pdf.match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/);
  assert(box && Math.round(Number(box[1])) === 595 && Math.round(Number(box[2])) === 842, `A4 portrait: ${box && box[0]}`);
  // About the printable width of A4 portrait (186 mm at 96 dpi) for the screenshot.
  await page.setViewportSize({ width: 703, height: 1000 });
  await page.screenshot({ path: shot('polish-trees-print.png'), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ media: 'screen' });

  // History on the patient's page, with the 様式1 values and their source.
  await trees.openPatient(D, 'p-1');
  const patientApply = trees.proposalApplyButton();
  assertEqual((await patientApply.innerText()).trim(), '反映済み', '反映済み on the patient page too');
  assert(await patientApply.isDisabled(), 'disabled on the patient page');
  const now = await trees.symptomsNow();
  assertEqual(now.respiratory[0], '無', '呼吸障害 now 無');
  assert(now.respiratory[1].startsWith('判断樹（2025年5月10日') && now.respiratory[1].includes('保健師 佐藤'), now.respiratory[1]);
  const hist = await trees.history();
  // Newest first by 日時: the imported draft as-1 (2025-05-12) comes before ours (2025-05-10).
  assertEqual(hist.map((h) => h.id), ['as-1', id], 'newest first');
  assert(hist[0].head.includes('下書き') && hist[0].head.includes('保健師 山本'), hist[0].head);
  assert(hist[1].head.includes('完了') && hist[1].head.includes('保健師 佐藤'), hist[1].head);
  assertEqual(hist[1].summary, '呼吸障害: 呼吸障害の所見なし（球麻痺の設問へ）／球麻痺: 嚥下・気道の症状あり（Q1）、構音障害の症状あり', 'summary in history');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: shot('trees-ui-patient.png'), fullPage: true });
  assertNoProblems(problems);
  await context.close();
});

test('判断樹: 途中のアセスメントは再読み込みしても残り、続きから完了でき、前回からの変化が出る', async ({ server }) => {
  // A tablet in portrait.
  const { context, problems, page, trees } = await seeded(server, 'trees-draft', { width: 820, height: 1180 });
  // A first finished assessment (bulbar only, all はい → 経過観察).
  await trees.start({ patientId: 'p-2', tree: 'bulbar', assessor: '保健師 A', when: '2025-04-01T09:00' });
  for (let i = 0; i < 6; i++) await trees.answer('はい');
  assertEqual(await trees.outcomeBoxes(trees.outcome()), ['observe'], '経過観察');
  await trees.finish();

  // The second one is interrupted after Q2 and a typed note.
  await trees.openPatient(D, 'p-2');
  assertEqual(await trees.startAssessor(), '保健師 A', 'last assessor remembered');
  const id = await trees.start({ tree: 'bulbar', when: '2025-06-01T14:00' });
  // Keyboard only: the question has the focus; Tab reaches the checklist, Space ticks, the
  // answer buttons take Enter.
  assertEqual(await page.evaluate(() => document.activeElement.classList.contains('question-text')), true, 'question focused');
  await trees.signChoice('b1_residue', 'yes').focus();
  await page.keyboard.press('Space');
  assertEqual((await trees.signState('b1_residue')).selected, '該当', 'ticked with the keyboard');
  await trees.answerButton('いいえ').focus();
  await page.keyboard.press('Enter');
  await trees.waitQuestion('b2');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: shot('trees-ui-tablet.png'), fullPage: false });
  await trees.answer('はい');
  await trees.openMeta();
  await trees.assessorField().fill('保健師 B');
  await page.waitForTimeout(900);
  await trees.reload();
  await trees.waitQuestion('b3');
  assertEqual(await trees.assessorField().inputValue(), '保健師 B', 'typed name kept (in the folded 判断者・日時)');
  const draft = await trees.storedRecord(id);
  assertEqual([draft.body.status, draft.body.answers], ['draft', { b1: 'no', b2: 'yes' }], 'the draft record');
  await trees.goToStep('b1');
  assertEqual((await trees.signState('b1_residue')).selected, '該当', 'tick kept');
  await trees.goToStep('b3');
  for (let i = 0; i < 4; i++) await trees.answer('はい');
  await trees.finish();

  await trees.openPatient(D, 'p-2');
  const hist = await trees.history();
  assertEqual(hist.length, 2, 'two assessments');
  assertEqual(hist[0].changes, [
    '判断結果球麻痺の判断: 経過観察 → 嚥下・気道の症状あり（Q1）',
    '回答球麻痺 Q1「経口摂取に関する下記の状況はない」: はい → いいえ',
    'チェック項目球麻痺 Q1「のどにいつまでも残っていて落ちていかない（いきにくい）」: 未確認 → 該当',
  ], 'what changed since the previous assessment');
  assert(hist[0].head.includes('保健師 B'), hist[0].head);
  assertNoProblems(problems);
  await context.close();
});

test('訪問看護の保険: 療養者の記録から（ALS・67歳・要介護2）→ 医療保険、答えを変えると介護保険', async ({ server }) => {
  const { context, problems, page, trees } = await seeded(server, 'trees-insurance');
  await trees.openInsurance(D, 'p-1');
  let a = await trees.insuranceAnswer();
  assertEqual(a.insurance, '▼ 医療保険', 'ALS is 別表第7');
  assertEqual(a.rule, '厚生労働大臣が定める疾病等（別表第７）→ 医療保険', 'rule');
  assertEqual(a.reasons, ['筋萎縮性側索硬化症は厚生労働大臣が定める疾病等（別表第7）に該当します', '要介護者・要支援者であっても、医療保険で訪問看護が行われます'], 'reasons');
  assertEqual(a.limits, ['週４日以上、1日複数回の利用可能', '２ヶ所（週7日間の訪問計画ありの場合は3か所）のST利用可能'], 'limits');
  assert(await trees.prefilledCount('table7_disease'), 'marked as from the record');
  await trees.insuranceChoose('seven_day_plan', 'yes');
  a = await trees.insuranceAnswer();
  assertEqual(a.limits[1], '３か所のST利用可能（週7日間の訪問計画あり）', 'three stations with a seven-day plan');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: shot('trees-ui-insurance.png'), fullPage: true });

  // Not 別表第7 and no ventilator: 67歳 with 要介護 → 介護保険.
  await trees.insuranceSelect('table7_disease', '該当しない');
  await trees.insuranceChoose('ventilator', 'no');
  a = await trees.insuranceAnswer();
  assertEqual([a.insurance, a.rule, a.limits], ['▼ 介護保険', '６５歳以上・要介護・要支援の認定あり → 介護保険', ['ケアプランに基づき提供']], 'care insurance');
  // Under 40: 医療保険; how many days waits for 別表第8, then 週3日まで.
  await trees.insuranceFill('age', '35');
  a = await trees.insuranceAnswer();
  assertEqual([a.insurance, a.limits], ['▼ 医療保険', []], 'limits wait for 別表第8');
  assert((await trees.insuranceMissing()).includes('別表第8に掲げる状態'), 'names what to find out');
  await trees.insuranceChoose('table8', 'none');
  a = await trees.insuranceAnswer();
  assertEqual([a.insurance, a.rule, a.limits], ['▼ 医療保険', '４０歳未満 → 医療保険', ['週３日まで利用可能']], 'under 40');
  assertNoProblems(problems);
  await context.close();
});
