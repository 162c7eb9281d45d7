// Issue 20: 人工呼吸器を使う療養者の備え. In the sample 地域診断, a 災害時個別支援計画 made for the
// seed's 例1 (from the area view's 「ほかの療養者の計画を作る」): the subsidy check changes when
// the plan says a generator is needed, a week's visits show the programme's amount (a day
// shared by two stations: the app's reading), 保存 sets 様式1's 災害時個別支援計画 year, the
// plan prints on A4 portrait, and the pages pass axe at 1366×768 and 768×1024 without
// sideways scrolling.
import { test, launch, newProfileDir, assert, assertEqual, assertNoProblems, shot } from '../lib.mjs';
import { smallTargets, assertNoAxe, assertNoSideways } from '../a11y.mjs';
import { SampleHome } from '../pages/sample.mjs';
import { PatientsPage } from '../pages/patients.mjs';
import { VentilatorPage } from '../pages/ventilator.mjs';
import { stubPrintDialog, printCalls } from '../pages/print.mjs';

test('災害時個別支援計画: 例1の計画を作り、補助の判定・事業の額・様式1の年・印刷を確かめる', async ({ server }) => {
  const dir = newProfileDir('ventilator');
  const { context, problems } = await launch(dir, { viewport: { width: 1366, height: 768 } });
  const page = context.pages()[0] || (await context.newPage());
  const home = new SampleHome(page);
  const vent = new VentilatorPage(page);
  await home.goto(server.url);
  await home.openSample();

  // The area view: the ventilated patients of the sample, 様式4 災害対策's line.
  await vent.openArea();
  assert((await vent.evidence()).startsWith('様式4 災害対策: 人工呼吸器を使う療養者'), 'the evidence line');
  assert((await vent.rows()).length > 0, 'the sample has ventilated patients');
  await assertNoAxe(page, 'area 1366');

  // 例1 does not use a ventilator: its plan is made from 「ほかの療養者の計画を作る」.
  await vent.openOtherPatient('例1');
  assert((await vent.heading()).includes('例1'), 'the plan names 例1');
  // A new plan takes 様式1's doctors and visiting stations (例1: 神経内科 県立Ａ病院 only).
  assertEqual(await vent.form().locator('[name=contact_doctor]').inputValue(), '県立Ａ病院（神経内科専門医療機関）', '主治医 from 様式1');
  const made = new Date(Date.now() + 9 * 3600e3 - 30 * 86400e3).toISOString().slice(0, 10);
  await vent.fill('made_on', made);
  await vent.fill('internal_battery_hours', '3');
  await vent.fill('external_battery_hours', '8');
  await vent.fill('evacuation_place', '○○小学校');

  // Not said to be needed → ① not open; ticked → open up to 212,000円.
  let check = await vent.subsidyCheck();
  assertEqual(check.length, 3, '①②③');
  assertEqual(check[0].eligible, false, '① before');
  assert(check[0].text.includes('記載がありません'), check[0].text);
  await vent.setNeed('generator', true);
  check = await vent.subsidyCheck();
  assertEqual(check[0].eligible, true, '① once the plan says it is needed');
  assert(check[0].text.includes('212,000円'), check[0].text);

  // A battery of 1,000 hours is named and blocks the save.
  await vent.fill('external_battery_hours', '1000');
  await page.locator('[data-testid=save]').click();
  await page.locator('[data-testid=notice-error]', { hasText: '外部バッテリーの持続時間' }).waitFor();
  await vent.fill('external_battery_hours', '8');

  // The week: Monday A, A then B (shared day: B's visit is paid at ②); Tuesday A ×4.
  await vent.addProvider('Aステーション');
  await vent.addProvider('Bステーション');
  await vent.addVisit(0, 'Aステーション');
  await vent.addVisit(0, 'Aステーション');
  await vent.addVisit(0, 'Bステーション');
  assertEqual(JSON.stringify(await vent.payers(0)), JSON.stringify(['医療保険', '医療保険', '事業② 8,450円']), 'Monday');
  for (let i = 0; i < 4; i++) await vent.addVisit(1, 'Aステーション');
  assertEqual(JSON.stringify(await vent.payers(1)), JSON.stringify(['医療保険', '医療保険', '特例措置 2,500円', '事業② 8,450円']), 'Tuesday');
  assertEqual(await vent.text('payment-week'), '1週間: 事業の訪問3回・19,400円', 'the week');
  assertEqual(await vent.text('form1-weekly'), '様式1「事業による訪問回数」: 週3回', '様式1');
  assert((await vent.text('insurance-note')).includes('医療保険の費用は計算しません'), 'says 医療保険 is not computed');
  assert((await vent.text('payment-reading')).includes('その日最初に訪問した事業者'), 'the reading is on the page');
  await page.screenshot({ path: shot('ventilator-plan.png'), fullPage: true });
  await assertNoAxe(page, 'plan 1366');

  await vent.save();

  // 様式1: the plan's year and the programme's weekly visits.
  const form1 = new PatientsPage(page);
  await form1.open();
  await form1.openRow('例1');
  const values = await form1.values();
  assertEqual(values.disaster_plan, made.slice(0, 4), '様式1 災害時個別支援計画の年');
  assertEqual(values.disaster_plan__state, 'value', 'あり');

  // Back to the plan from the patient's page; print it.
  await page.locator('[data-testid=open-support-plan]').click();
  await page.locator('[data-testid=plan-detail]').waitFor();
  assertEqual(await page.locator('input[name=needs_generator]').isChecked(), true, 'the saved plan');
  await stubPrintDialog(page);
  await vent.printButton().click();
  assertEqual(await printCalls(page), 1, 'print asked');
  const printed = await vent.printText();
  assert(printed.includes('災害時個別支援計画') && printed.includes('例1') && printed.includes('○○小学校'), printed.slice(0, 200));
  await page.emulateMedia({ media: 'print' });
  assertEqual(await page.locator('[data-testid=plan-print]').isVisible(), true, 'shows on paper');
  assertEqual(await page.locator('[data-testid=plan-form]').isVisible(), false, 'the form does not');
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) || []).length;
  assert(pages >= 1 && pages <= 2, `A4: ${pages} pages`);
  await page.emulateMedia({ media: 'screen' });

  // The area view now lists 例1 with a current plan and the generator open.
  await vent.openArea();
  const row = (await vent.rows()).find((r) => r.name.startsWith('例1'));
  assert(row && row.status.startsWith('最新'), JSON.stringify(row));
  assert(row.subsidies.includes('①自家発電装置'), JSON.stringify(row));
  assertEqual(row.programme, '週3回', 'programme use');

  // 削除 sends the plan to the ゴミ箱; opening 例1's plan again shows it, and 保存 restores it
  // (one plan per patient).
  await page.locator('[data-testid=disaster-row] th a', { hasText: '例1' }).click();
  await page.locator('[data-testid=delete-plan]').click();
  await vent.modalButton('削除する');
  await vent.waitNotice('災害時個別支援計画を削除しました');
  await page.locator('[data-testid=disaster-area]').waitFor();
  assert(!(await vent.rows()).some((r) => r.name.startsWith('例1')), 'no live plan for 例1');
  await vent.openOtherPatient('例1');
  await page.locator('[data-testid=plan-in-trash]').waitFor();
  assertEqual(await page.locator('input[name=needs_generator]').isChecked(), true, 'the plan from the ゴミ箱');
  await vent.save();
  await vent.openArea();
  assert((await vent.rows()).some((r) => r.name.startsWith('例1') && r.status.startsWith('最新')), 'restored');
  assertNoProblems(problems);

  await context.close();

  // A tablet (touch: the app's 44 px controls), on the same profile.
  const tablet = await launch(dir, { viewport: { width: 768, height: 1024 }, hasTouch: true });
  const tpage = tablet.context.pages()[0] || (await tablet.context.newPage());
  const tvent = new VentilatorPage(tpage);
  await tvent.goto(server.url);
  await tpage.goto(`${server.url}#/d/sample-2025/disaster`);
  await tpage.locator('[data-testid=disaster-area]').waitFor();
  await assertNoAxe(tpage, 'area 768');
  await assertNoSideways(tpage, 'area 768');
  assertEqual(JSON.stringify(await smallTargets(tpage)), '[]', 'touch targets ≥ 44 px on the area view');
  await tpage.locator('[data-testid=disaster-row] th a', { hasText: '例1' }).click();
  await tpage.locator('[data-testid=plan-detail]').waitFor();
  await assertNoAxe(tpage, 'plan 768');
  await assertNoSideways(tpage, 'plan 768');
  assertEqual(JSON.stringify(await smallTargets(tpage)), '[]', 'touch targets ≥ 44 px on the plan');
  assertNoProblems(tablet.problems);
  await tablet.context.close();
});
