// Issue 14 (first part): 管内の施設. In the sample 地域診断 the page lists the facilities of
// 様式1 and 様式3 with the seed's marks and who uses each; a facility typed into one patient's
// 様式1 (緊急時の入院機関) appears as used by that patient, and leaves when 様式1 is changed
// back; 氏名・住所を隠す shows ID numbers; the page prints on A4 with its header, and passes
// axe at 1366×768 and on a tablet at 768×1024 without sideways scrolling.
import { test, launch, newProfileDir, assert, assertEqual, assertNoProblems, shot } from '../lib.mjs';
import { smallTargets, assertNoAxe, assertNoSideways } from '../a11y.mjs';
import { SampleHome } from '../pages/sample.mjs';
import { PatientsPage } from '../pages/patients.mjs';
import { FacilitiesPage } from '../pages/facilities.mjs';
import { stubPrintDialog, printCalls } from '../pages/print.mjs';

test('管内の施設: 様式1・様式3の施設と利用する療養者、様式1の変更に追従、印刷', async ({ server }) => {
  const dir = newProfileDir('facilities');
  const { context, problems } = await launch(dir, { viewport: { width: 1366, height: 768 } });
  const page = context.pages()[0] || (await context.newPage());
  const home = new SampleHome(page);
  const fac = new FacilitiesPage(page);
  const form1 = new PatientsPage(page);
  await home.goto(server.url);
  await home.openSample();

  await fac.open();
  const before = await fac.rows();
  assert(before.length > 0, 'the sample names facilities');
  const stations = before.filter((r) => r.kind === '訪問看護ステーション');
  assert(stations.length > 0 && stations.every((r) => r.mark === '△'), 'stations are △');
  const totals = await fac.totals();
  const st = totals['訪問看護ステーション'];
  assertEqual(st.total, stations.length, 'the total of stations');
  assertEqual(st.unused, stations.filter((r) => r.use === '利用なし').length, 'unused stations');
  assert((await fac.evidence()).includes(`管内の訪問看護ステーション ${st.total} か所のうち、療養者が利用していないステーションが ${st.unused} か所ある。`),
    await fac.evidence());
  assert((await fac.municipalities()).length > 0, 'counts per 市町村');
  assert(before.every((r) => r.name !== 'みどり記念病院'), 'not yet named');
  await page.screenshot({ path: shot('facilities.png'), fullPage: true });
  await assertNoAxe(page, 'facilities 1366');

  // 様式1 names a new hospital → listed, used by 例1; changed back → gone.
  await form1.setField('例1', 'emergency_admission', 'みどり記念病院');
  await fac.open();
  const added = await fac.row('みどり記念病院');
  assert(added, 'the new facility is listed');
  assertEqual(added.use, '利用あり 1人', 'used by one patient');
  assertEqual(added.uses, '緊急時の入院機関 1人', 'how');
  assert(added.users.length > 0 && !added.users.includes('、'), `one user: ${added.users}`);
  assertEqual((await fac.rows()).length, before.length + 1, 'one more facility');

  // 氏名・住所を隠す: the users column shows the ID number (例1) instead of the name.
  await fac.hideNames(true);
  const hidden = await fac.row('みどり記念病院');
  assertEqual(hidden.users, '例1', 'the ID number');
  assert(added.users !== '例1', 'the name was shown before');
  await fac.hideNames(false);

  // Printed: the header (地区名, 年度) and the table, without the menu.
  await stubPrintDialog(page);
  await fac.print();
  assertEqual(await printCalls(page), 1, 'print asked');
  await page.emulateMedia({ media: 'print' });
  assert((await fac.printJurisdiction()).length > 0, '地区名 on paper');
  assertEqual(await fac.navVisible(), false, 'no menu on paper');
  assertEqual(await page.locator('[data-testid=facility-table]').isVisible(), true, 'the table on paper');
  const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) || []).length;
  assert(pages >= 1 && pages <= 6, `A4: ${pages} pages`);
  await page.emulateMedia({ media: 'screen' });

  await form1.setField('例1', 'emergency_admission', 'unknown');
  await fac.open();
  assertEqual(await fac.row('みどり記念病院'), undefined, 'gone once 様式1 no longer names it');
  assertEqual((await fac.rows()).length, before.length, 'as before');
  assertNoProblems(problems);
  await context.close();

  // A tablet (touch) on the same profile.
  const tablet = await launch(dir, { viewport: { width: 768, height: 1024 }, hasTouch: true });
  const tpage = tablet.context.pages()[0] || (await tablet.context.newPage());
  await tpage.goto(`${server.url}#/d/sample-2025/facilities`);
  await tpage.locator('[data-testid=facility-table]').waitFor();
  await assertNoAxe(tpage, 'facilities 768');
  await assertNoSideways(tpage, 'facilities 768');
  const small = await smallTargets(tpage);
  assertEqual(small.length, 0, `touch targets ≥ 44 px: ${JSON.stringify(small.slice(0, 3))}`);
  await tpage.screenshot({ path: shot('facilities-768.png'), fullPage: true });
  assertNoProblems(tablet.problems);
  await tablet.context.close();
});
