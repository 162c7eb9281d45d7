// Issue 20, what was left: a 保健所's own 補助の上限表 (管内共通 and a 市町村 that differs),
// refused with the field named when an amount is negative, used by the subsidy check of a
// patient of that 市町村; the plans' ゴミ箱 on the area view with 「元に戻す」; the plans as a
// layer on the 管内マップ. Axe and touch at 1366×768 and 768×1024.
import { test, launch, newProfileDir, assert, assertEqual, assertNoProblems, shot } from '../lib.mjs';
import { smallTargets, assertNoAxe, assertNoSideways } from '../a11y.mjs';
import { SampleHome } from '../pages/sample.mjs';
import { VentilatorPage, SubsidyTablesPage } from '../pages/ventilator.mjs';
import { MapPage } from '../pages/map.mjs';

test('補助の上限表: 市町村ごとの表で判定し、計画のゴミ箱から元に戻し、地図に計画の状況を出す', async ({ server }) => {
  const dir = newProfileDir('subsidy-table');
  const { context, problems } = await launch(dir, { viewport: { width: 1366, height: 768 } });
  const page = context.pages()[0] || (await context.newPage());
  const home = new SampleHome(page);
  const vent = new VentilatorPage(page);
  const tables = new SubsidyTablesPage(page);
  await home.goto(server.url);
  await home.openSample();

  // 例1 lives in ひかり市 in the sample (people::MUNICIPALITIES[1]).
  const town = 'ひかり市';

  await vent.openArea();
  assert((await vent.text('tables-summary')).includes('管内共通の上限表'), 'the seed table at first');
  await tables.openFromArea();
  await assertNoAxe(page, 'tables 1366');
  await tables.addMunicipality(town);
  assertEqual(JSON.stringify(await tables.legends()), JSON.stringify(['管内共通の表', `${town}の表`]), 'two tables');
  // A negative amount is named and nothing is saved.
  await tables.fill(0, 'limit.2', '-41000');
  await tables.save();
  await page.locator('[data-testid=notice-error]', { hasText: `${town}・③無停電電源装置の限度額` }).waitFor();
  assertEqual(await page.locator('[data-testid=subsidy-tables]').locator('[data-testid=history-link]').count(), 0, 'nothing saved yet: no 変更履歴');
  // Put it right: 150,000円 for ①, useful life 5 years.
  await tables.fill(0, 'limit.2', '41000');
  await tables.fill(0, 'limit.0', '150,000円');
  await tables.fill(0, 'life.0', '5');
  await tables.save();
  await tables.waitNotice('保存しました');
  await page.screenshot({ path: shot('subsidy-tables.png'), fullPage: true });
  await vent.openArea();
  assert((await vent.text('tables-summary')).includes(`${town}の表`), await vent.text('tables-summary'));

  // 例1's plan: ① is checked against the town's table.
  await vent.openOtherPatient('例1');
  const made = new Date(Date.now() + 9 * 3600e3 - 30 * 86400e3).toISOString().slice(0, 10);
  await vent.fill('made_on', made);
  await vent.setNeed('generator', true);
  const check = await vent.subsidyCheck();
  assert(check[0].eligible && check[0].text.includes('150,000円'), check[0].text);
  assert((await vent.text('subsidy-limits')).startsWith(`${town}の表`), await vent.text('subsidy-limits'));
  await vent.save();

  // The plan as a layer on the map: off at first; on, 例1's ◎ carries 「済」.
  const map = new MapPage(page);
  await map.open();
  // The map names a patient by 氏名: 例1 is 「○○○○」 in the seed.
  const label = '◎ ○○○○';
  assertEqual(await page.locator(`[data-testid=map-unplaced-row][data-label="${label}"]`).count(), 1, '例1 is listed to place');
  await map.placeByKeys(label, 'ArrowRight', 2);
  const mark = map.mark(label.slice(2));
  assertEqual(await page.locator('.plan-badge').count(), 0, 'layer off at first');
  await page.locator('.map-layers summary').click();
  await page.locator('input[name=map-layer-7]').check();
  // The only ◎ placed is 例1's: one badge, at its place.
  await page.locator('.plan-badge').waitFor();
  assertEqual((await page.locator('.plan-badge text').textContent()).trim(), '済', 'current plan');
  assertEqual(await page.locator('.plan-badge').getAttribute('transform'), await mark.getAttribute('transform'), 'on the ◎');
  assert((await mark.getAttribute('aria-label')).includes('災害時個別支援計画: 最新'), await mark.getAttribute('aria-label'));
  await page.locator('[data-testid=plan-legend]').waitFor();
  await assertNoAxe(page, 'map with plans');

  // Issue 14: on the plain sheet each 市町村 of 様式1 is a labelled area, first in a grid; the
  // nurse moves one with the arrow keys (keyboard only), and it stays there after a reload.
  const area = page.locator('[data-testid=map-area][data-area="あおば町"]');
  const names = await page.locator('[data-testid=map-area]').evaluateAll((gs) => gs.map((g) => g.dataset.area));
  assertEqual(JSON.stringify(names), JSON.stringify(['あおば町', 'かえで村', 'さくら町', 'ひかり市']), 'the sample\'s 市町村');
  const before = await area.getAttribute('transform');
  await area.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown');
  await page.waitForTimeout(900);
  await map.waitSaved();
  const after = await area.getAttribute('transform');
  assert(after !== before, `moved: ${before} → ${after}`);
  await page.reload();
  await page.locator('[data-testid=map-svg]').waitFor();
  assertEqual(await page.locator('[data-testid=map-area][data-area="あおば町"]').getAttribute('transform'), after, 'kept after a reload');
  // A projector: 氏名・住所を隠す hides every ◎ and each area shows how many live there.
  await map.hideNames(true);
  assertEqual(await page.locator('[data-testid=map-mark][data-mark-key^="p:"]').count(), 0, 'no ◎');
  const counted = (await page.locator('[data-testid=map-area][data-area="ひかり市"] text').textContent()).trim();
  assert(/^ひかり市 \d+人$/.test(counted), counted);
  await page.screenshot({ path: shot('map-projector-counts.png') });
  await assertNoAxe(page, 'map projector');
  await map.hideNames(false);

  // The ゴミ箱: a deleted plan is listed on the area view and 「元に戻す」 brings it back.
  await vent.openArea();
  await page.locator('[data-testid=disaster-row] th a', { hasText: '例1' }).click();
  await page.locator('[data-testid=delete-plan]').click();
  await vent.modalButton('削除する');
  await vent.waitNotice('災害時個別支援計画を削除しました');
  await page.locator('[data-testid=trash] li', { hasText: '例1' }).waitFor();
  await assertNoAxe(page, 'area with trash');
  await page.locator('[data-testid=trash] li', { hasText: '例1' }).locator('button', { hasText: '元に戻す' }).click();
  await vent.waitNotice('を元に戻しました');
  await page.locator('[data-testid=trash]').waitFor({ state: 'detached' });
  assert((await vent.rows()).some((r) => r.name.startsWith('例1') && r.status.startsWith('最新')), 'restored');
  assertNoProblems(problems);
  await context.close();

  // A tablet, same profile: the tables page.
  const tablet = await launch(dir, { viewport: { width: 768, height: 1024 }, hasTouch: true });
  const tpage = tablet.context.pages()[0] || (await tablet.context.newPage());
  await new VentilatorPage(tpage).goto(server.url);
  await tpage.goto(`${server.url}#/d/sample-2025/disaster/subsidy`);
  await tpage.locator('[data-testid=subsidy-tables-form]').waitFor();
  assertEqual(await tpage.locator('[name="municipalities.0.limit.0"]').inputValue(), '150000', 'saved');
  await assertNoAxe(tpage, 'tables 768');
  await assertNoSideways(tpage, 'tables 768');
  assertEqual(JSON.stringify(await smallTargets(tpage)), '[]', 'touch targets ≥ 44 px on the tables');
  assertNoProblems(tablet.problems);
  await tablet.context.close();
});
