// Issue 14: 管内マップ. On the sample 地域診断 the nurse confirms the facilities 様式1 and
// 様式3 name, takes a PNG as the 下図 and calibrates it with two reference points, places
// two facilities by mouse (one by clicking a spot, one dragged), one by keyboard only, and a
// patient; after a reload every mark is where it was. A facility's mark is filled once 様式1
// names it, hollow again when not; 氏名・住所を隠す hides every ◎; the print shows the header
// and legend on A4; a file that is not an image is refused naming it; axe finds nothing at
// 1366×768 and on a tablet (768×1024, touch) with no sideways scrolling.
import { test, launch, newProfileDir, assert, assertEqual, assertNoProblems, shot } from '../lib.mjs';
import { smallTargets, assertNoAxe, assertNoSideways } from '../a11y.mjs';
import { SampleHome } from '../pages/sample.mjs';
import { PatientsPage } from '../pages/patients.mjs';
import { MapPage, pngOf } from '../pages/map.mjs';
import { stubPrintDialog, printCalls } from '../pages/print.mjs';
import { IoPage } from '../pages/io.mjs';

const near = (a, b, tol = 1.5) => Math.abs(a - b) <= tol;

test('管内マップ: 画像の下図と基準点、マウス・キーボードで配置、再読み込みで保持、塗りつぶし、氏名を隠す、印刷', async ({ server }) => {
  const dir = newProfileDir('map');
  const { context, problems } = await launch(dir, { viewport: { width: 1366, height: 768 } });
  const page = context.pages()[0] || (await context.newPage());
  const home = new SampleHome(page);
  const map = new MapPage(page);
  const form1 = new PatientsPage(page);
  await home.goto(server.url);
  await home.openSample();
  await map.open();

  await map.confirmAll();
  const unplaced = await map.unplaced();
  assert(unplaced.length > 4, `marks to place: ${unplaced.length}`);
  await assertNoAxe(page, 'map (plain) 1366');

  // Not an image: refused, naming the file; nothing changes.
  await map.useImage('notes.png', Buffer.from('これは画像ではありません'));
  assert((await map.baseMessage()).includes('notes.png: PNG・JPEG の画像ではありません'), await map.baseMessage());

  // A real PNG, 800×600, calibrated: (100, 500) is 35.60 N 139.40 E, (700, 100) 35.70 N 139.60 E.
  await map.useImage('kannai.png', pngOf(800, 600));
  await page.locator('[data-testid=map-refs]').waitFor();
  await map.addReferencePoint(100, 500, 35.6, 139.4);
  assert((await map.calibration()).includes('2 点以上が必要'), await map.calibration());
  await map.addReferencePoint(700, 100, 35.7, 139.6);
  assert((await map.calibration()).includes('位置合わせ済み'), await map.calibration());

  const stations = unplaced.filter((l) => l.startsWith('△'));
  const patients = unplaced.filter((l) => l.startsWith('◎'));
  assert(stations.length >= 3 && patients.length >= 1, JSON.stringify(unplaced));
  const [a, b, c] = stations.map((l) => l.slice(2));
  const p = patients[0].slice(2);
  await map.placeByClick(stations[0], 200, 150);
  await map.placeByClick(stations[1], 400, 300);
  await map.drag(b, 450, 350);
  await map.placeByKeys(stations[2], 'ArrowRight', 3);
  await map.placeByClick(patients[0], 300, 400);
  const placed = await map.marks();
  const at = (label) => placed.find((m) => m.label === label);
  assert(near(at(a).x, 200) && near(at(a).y, 150), `A by click: ${JSON.stringify(at(a))}`);
  assert(near(at(b).x, 450) && near(at(b).y, 350), `B dragged: ${JSON.stringify(at(b))}`);
  // The centre of the whole 800×600 sheet, moved right 3 × 8 units (1/100 of the view).
  assert(near(at(c).x, 424, 3) && near(at(c).y, 300, 3), `C by keys: ${JSON.stringify(at(c))}`);
  assert(near(at(p).x, 300) && near(at(p).y, 400), `patient: ${JSON.stringify(at(p))}`);
  await page.screenshot({ path: shot('map.png'), fullPage: true });

  // Typed 緯度・経度 of the second reference point puts A on it.
  await map.mark(a).click();
  await page.locator('input[name=map-lat]').fill('35.7');
  await page.locator('input[name=map-lon]').fill('139.6');
  await page.locator('[data-testid=map-place-typed]').click();
  await map.waitSaved();
  const typed = (await map.marks()).find((m) => m.label === a);
  assert(near(typed.x, 700) && near(typed.y, 100), `A by 緯度・経度: ${JSON.stringify(typed)}`);
  await assertNoAxe(page, 'map (image) 1366');

  // Reload: every mark where it was.
  const before = await map.marks();
  await map.reload();
  await map.open();
  await page.locator('[data-testid=map-mark]').first().waitFor();
  const after = await map.marks();
  assertEqual(after.length, before.length, 'as many marks');
  for (const m of before) {
    const n = after.find((x) => x.key === m.key);
    assert(n && near(n.x, m.x, 0.2) && near(n.y, m.y, 0.2), `${m.label} kept: ${JSON.stringify([m, n])}`);
  }

  // A backup carries the facilities' places, the reference points and the patients' marks;
  // the image only when she ticks it (its size is shown).
  const io = new IoPage(page);
  await io.open();
  await io.scope('all');
  await page.locator('input[name=include-sample]').check();
  const plain = JSON.parse((await io.exportFile()).text);
  const kinds = (k) => plain.records.filter((r) => r.kind === k);
  const placedFacilities = kinds('facility').filter((r) => r.body.position);
  assert(placedFacilities.length >= 3 && placedFacilities.every((r) => r.body.position.type === 'ground'), 'places on the ground');
  const sheet = kinds('map_sheet')[0];
  assertEqual(sheet.body.reference_points.length, 2, 'reference points');
  assertEqual(sheet.body.patients.length, 1, 'the patient\'s mark');
  assertEqual(kinds('base_map').length, 0, 'no image unless ticked');
  const tick = page.locator('[data-testid=include-base-map]');
  assert((await tick.locator('xpath=..').innerText()).includes('MB'), 'its size is shown');
  await tick.check();
  const withImage = JSON.parse((await io.exportFile()).text);
  assertEqual(withImage.records.filter((r) => r.kind === 'base_map').length, 1, 'the image when ticked');
  await page.evaluate(() => { location.hash = '#/d/sample-2025/map'; });
  await map.svg().waitFor();

  // Filled when 様式1 names it, hollow again when it does not.
  // A hospital 様式1 starts to name: confirmed, placed, filled; hollow once 様式1 no longer names it.
  await form1.setField('例1', 'emergency_admission', 'みどり記念病院');
  await map.open();
  await map.confirmAll();
  await map.placeByKeys('○ みどり記念病院', 'ArrowDown', 1);
  const key = (await map.marks()).find((m) => m.label === 'みどり記念病院').key;
  assertEqual((await map.marks()).find((m) => m.key === key).used, true, 'filled while 様式1 names it');
  await form1.setField('例1', 'emergency_admission', 'unknown');
  await map.open();
  assertEqual((await map.marks()).find((m) => m.key === key).used, false, 'hollow once 様式1 does not');

  // 氏名・住所を隠す: no ◎.
  await map.hideNames(true);
  assertEqual((await map.marks()).filter((m) => m.key.startsWith('p:')).length, 0, 'patients hidden');
  await map.hideNames(false);
  assert((await map.marks()).some((m) => m.key.startsWith('p:')), 'patients back');

  // Print: header, legend and map on A4 landscape; the facility list on the next page.
  await stubPrintDialog(page);
  await map.print();
  assertEqual(await printCalls(page), 1, 'print asked');
  await page.emulateMedia({ media: 'print' });
  assert((await map.printJurisdiction()).length > 0, '地区名 on paper');
  assertEqual(await page.locator('[data-testid=map-legend]').isVisible(), true, 'legend on paper');
  assertEqual(await page.locator('[data-testid=map-svg]').isVisible(), true, 'map on paper');
  assertEqual(await page.locator('[data-testid=map-print-list]').isVisible(), true, 'list on paper');
  const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) || []).length;
  assert(pages >= 2 && pages <= 8, `A4: ${pages} pages`);
  await page.emulateMedia({ media: 'screen' });
  assertNoProblems(problems);
  await context.close();

  // A tablet (touch) on the same profile.
  const tablet = await launch(dir, { viewport: { width: 768, height: 1024 }, hasTouch: true });
  const tpage = tablet.context.pages()[0] || (await tablet.context.newPage());
  await tpage.goto(`${server.url}#/d/sample-2025/map`);
  await tpage.locator('[data-testid=map-mark]').first().waitFor();
  await assertNoAxe(tpage, 'map 768');
  await assertNoSideways(tpage, 'map 768');
  const small = await smallTargets(tpage);
  assertEqual(small.length, 0, `touch targets ≥ 44 px: ${JSON.stringify(small.slice(0, 3))}`);
  await tpage.screenshot({ path: shot('map-768.png'), fullPage: true });
  assertNoProblems(tablet.problems);
  await tablet.context.close();
});

/** A boundary file of `towns` side by side (0.1° squares along 35° N), plus one town of another 管内. */
function boundaryFile(towns) {
  const square = (lon) => [[[lon, 35.0], [lon + 0.1, 35.0], [lon + 0.1, 35.1], [lon, 35.1], [lon, 35.0]]];
  const features = [...towns, 'よその市'].map((name, i) => ({
    type: 'Feature',
    properties: { N03_001: '架空県', N03_004: name, N03_007: String(99001 + i) },
    geometry: { type: 'Polygon', coordinates: square(139.0 + 0.1 * i) },
  }));
  return Buffer.from(JSON.stringify({ type: 'FeatureCollection', features }));
}

test('管内マップ: 境界ファイル（GeoJSON）の市町村を選んで下図にし、緯度・経度で置く', async ({ server }) => {
  const { context, problems } = await launch(newProfileDir('map-geojson'), { viewport: { width: 1366, height: 768 } });
  const page = context.pages()[0] || (await context.newPage());
  const home = new SampleHome(page);
  const map = new MapPage(page);
  await home.goto(server.url);
  await home.openSample();
  await map.open();

  // Not a FeatureCollection: refused naming the file; nothing saved.
  await page.locator('[data-testid=map-geojson-file]').setInputFiles({ name: 'broken.geojson', mimeType: 'application/json', buffer: Buffer.from('{"type":"Feature"}') });
  assert((await map.baseMessage()).includes('broken.geojson'), await map.baseMessage());

  await page.locator('[data-testid=map-geojson-file]').setInputFiles({ name: 'towns.geojson', mimeType: 'application/json', buffer: boundaryFile(['ひかり市', 'あおば町', 'さくら町', 'かえで村']) });
  const picker = page.locator('[data-testid=map-areas]');
  await picker.waitFor();
  // The patients' 市町村 are ticked for her; よその市 is not.
  const ticked = await picker.locator('label.check').evaluateAll((ls) => ls.filter((l) => l.querySelector('input').checked).map((l) => l.innerText.trim()));
  assertEqual(ticked.length, 4, `ticked: ${ticked}`);
  assert(!ticked.some((t) => t.includes('よその市')), 'another 管内 is not ticked');
  await page.locator('[data-testid=map-areas-make]').click();
  await page.locator('.map-area').first().waitFor();
  const names = await page.locator('.map-area-name').allTextContents();
  assertEqual(names.length, 4, `outlines: ${names}`);
  assert(names.some((n) => n.includes('あおば町')), names.join());

  // A station typed at 35.05 N 139.15 E stands in the middle of the second square (あおば町).
  await map.confirmAll();
  const station = (await map.unplaced()).find((l) => l.startsWith('△'));
  await page.locator(`[data-testid=map-unplaced-row][data-label="${station}"] button`).first().click();
  await page.locator('input[name=map-lat]').fill('35.05');
  await page.locator('input[name=map-lon]').fill('139.15');
  await page.locator('[data-testid=map-place-typed]').click();
  await map.waitSaved();
  const placed = (await map.marks()).find((m) => m.label === station.slice(2));
  const centre = await page.locator('.map-area').nth(1).evaluate((p) => { const b = p.getBBox(); return { x: b.x + b.width / 2, y: b.y + b.height / 2 }; });
  assert(near(placed.x, centre.x, 1) && near(placed.y, centre.y, 1), `in あおば町: ${JSON.stringify([placed, centre])}`);
  await assertNoAxe(page, 'map (outlines) 1366');
  await page.screenshot({ path: shot('map-geojson.png'), fullPage: true });
  assertNoProblems(problems);
  await context.close();
});
