// Issue 3: 様式3 訪問看護ステーション — the table (search, sort, 合計 row), one station's form
// with the 常勤換算 computed from a staff list, errors naming the field, trash and restore.
import { test, launch, newProfileDir, assert, assertEqual, assertNoProblems, shot } from '../lib.mjs';
import { HomePage } from '../pages/app.mjs';
import { OverviewPage } from '../pages/overview.mjs';
import { StationsPage } from '../pages/stations.mjs';

async function start(name) {
  const { context, problems } = await launch(newProfileDir(name));
  const page = context.pages()[0] || (await context.newPage());
  // A reload with unsaved input asks before leaving; the nurse says yes.
  page.on('dialog', (d) => d.accept());
  return {
    context,
    problems,
    page,
    home: new HomePage(page),
    overview: new OverviewPage(page),
    form3: new StationsPage(page),
  };
}

test('様式3: 記入例の職員で常勤換算3.0を計算・表示し、保存・再読み込み後も同じ', async ({ server }) => {
  const { context, problems, page, home, overview, form3 } = await start('stations-fte');
  await home.goto(server.url);
  await home.create('多摩府中保健所管内', '2025');
  await overview.form().waitFor();
  await overview.fillAll({ population: '200000', area_km2: '100' });
  await overview.save();
  await form3.open();
  assert(await form3.noStations().isVisible(), 'empty table says so');
  const header = await form3.areaHeader();
  assert(header.includes('100 km²') && header.includes('200000 人'), `※1 ※2 from 地域の概況: ${header}`);

  await form3.add();
  // Issue 18: the seed's 常勤換算方法 behind the 「？」 of (3), opened by keyboard.
  const fteHelp = page.locator('[data-testid=fte] [data-testid=help-button]');
  await fteHelp.focus();
  await page.keyboard.press('Enter');
  const fteTip = page.locator('[data-testid=fte] [data-testid=help-tip]');
  assert((await fteTip.innerText()).includes('1週間の所定労働時間が32時間未満の場合は32時間で計算'), await fteTip.innerText());
  await page.keyboard.press('Enter');
  assert(!(await fteTip.isVisible()), 'Enter again closes it');
  await form3.fill('name', '訪問看護ステーションあおば');
  await form3.choose('fte_mode', '職員の勤務時間から計算');
  await form3.fill('contracted_week_hours', '40');
  await form3.addStaff('常勤保健師（管理者）', '常勤');
  await form3.addStaff('常勤看護師', '常勤');
  await form3.addStaff('非常勤A', '非常勤', '5×4');
  await form3.addStaff('非常勤B', '非常勤', '4時間×3日');
  // A 40-hour week: 2 + 32/40.
  assertEqual(await form3.fte(), '2.8 人', 'computed live with a 40-hour week');
  assertEqual(await form3.fteExplanation(), '常勤 2人 + 非常勤 32時間 ÷ 40時間 = 2.8', 'explained');
  // A contracted week under 32 hours counts as 32: the seed's example gives 3.0.
  await form3.fill('contracted_week_hours', '30');
  assertEqual(await form3.fte(), '3.0 人', 'seed example: 3.0');
  assertEqual(await form3.fteExplanation(), '常勤 2人 + 非常勤 32時間 ÷ 32時間 = 3.0', 'divided by 32');
  assertEqual(await form3.fteNote(), '常勤の所定労働時間（30時間）が32時間未満のため、32時間で割っています', 'says why 32');
  await form3.fill('address', '府中市宮西町1-2');
  await form3.fill('monthly_users', '80');
  await form3.fill('medical_insurance_users', '30');
  assertEqual(await form3.mark('monthly_users'), '', 'a value has no mark');
  await form3.choose('room_for_more_visits', '1 あり');
  await form3.choose('addition_24h', '1 届出あり');
  await form3.choose('addition_special', '0 届出なし');
  await form3.choose('als_experience', '1 あり');
  await form3.choose('als_intake', '2 可能');
  await form3.choose('child_intake', '1 検討可');
  assertEqual(await form3.chosen('ventilator_experience'), '不明（空白）', 'untouched is 不明');
  await page.screenshot({ path: shot('stations-ui-station-form.png'), fullPage: true });
  await form3.saveWithEnter('medical_insurance_users');

  assertEqual(await form3.names(), ['訪問看護ステーションあおば'], 'one row');
  const row = await form3.cells('訪問看護ステーションあおば');
  assertEqual(
    row,
    {
      name: '訪問看護ステーションあおば',
      address: '府中市宮西町1-2',
      fte: '3.0',
      monthly_users: '80',
      medical_insurance_users: '30',
      room_for_more_visits: 'あり',
      addition_24h: '届出あり',
      addition_special: 'なし',
      als_experience: 'あり',
      ventilator_experience: '未入力',
      als_intake: '可能',
      child_intake: '検討可',
    },
    'the row shows every field, blank as 未入力',
  );

  await form3.reload();
  await form3.table().waitFor();
  assertEqual((await form3.cells('訪問看護ステーションあおば')).fte, '3.0', 'FTE stored');
  await form3.edit('訪問看護ステーションあおば');
  assertEqual(await form3.chosen('fte_mode'), '職員の勤務時間から計算', 'mode stored');
  assertEqual(await form3.value('contracted_week_hours'), '30', 'contracted week stored');
  assertEqual(
    await form3.staff(),
    [
      ['常勤保健師（管理者）', 'full_time', ''],
      ['常勤看護師', 'full_time', ''],
      ['非常勤A', 'part_time', '20'],
      ['非常勤B', 'part_time', '12'],
    ],
    'the staff list stored (5×4 as 20 hours)',
  );
  assertEqual(await form3.fte(), '3.0 人', 'FTE after reload');
  assertEqual(await form3.fteExplanation(), '常勤 2人 + 非常勤 32時間 ÷ 32時間 = 3.0', 'explanation after reload');
  assertEqual(await form3.chosen('addition_24h'), '1 届出あり', '24時間対応体制加算 stored');
  assertEqual(await form3.chosen('addition_special'), '0 届出なし', '特別管理加算 stored separately');
  assertEqual(await form3.chosen('ventilator_experience'), '不明（空白）', 'blank stays 不明');
  assertEqual(await form3.chosen('child_intake'), '1 検討可', '重心児 stored');
  // Esc with nothing changed goes straight back.
  await form3.field('name').press('Escape');
  await form3.table().waitFor();

  // A second station typed directly, with blanks; a third with 0 users.
  await form3.add();
  await form3.fill('name', 'Ｂ訪問看護ステーション');
  await form3.fill('address', '調布市小島町2-3');
  await form3.choose('fte_mode', '直接入力');
  await form3.fill('fte_direct', '2.5');
  assertEqual(await form3.fte(), '2.5 人', 'direct FTE shown');
  assertEqual(await form3.mark('monthly_users'), '未入力（不明）', 'blank users say 未入力');
  await form3.choose('addition_24h', '1 届出あり');
  await form3.choose('addition_special', '1 届出あり');
  await form3.save();
  await form3.add();
  await form3.fill('name', 'ステーションかえで');
  await form3.fill('monthly_users', '0');
  assertEqual(await form3.mark('monthly_users'), '0（なし）', '0 users say 0');
  assertEqual(await form3.fte(), '未入力（不明）', 'FTE 不明 by default');
  await form3.save();

  const totals = await form3.totals();
  assertEqual(totals.name, '合計（3ヵ所）', 'totals name the count');
  assertEqual(totals.fte, '5.5（未入力 1）', 'FTE total leaves out and counts the unknown');
  assertEqual(totals.monthly_users, '80（未入力 1）', 'users total');
  assertEqual(totals.addition_24h, '2ヵ所（66.7%）（未入力 1）', '24h share');
  assertEqual(totals.addition_special, '1ヵ所（33.3%）（未入力 1）', '特別管理 share');
  assertEqual(totals.als_intake, '可能 1・検討可 0（未入力 2）', 'ALS intake counts');
  const densities = await form3.densities();
  assert(densities.includes('訪問看護ステーション数 10km²あたり 0.3 ヵ所/10km²'), densities);
  assert(densities.includes('看護師の常勤換算 10万人あたり 2.8 人/10万人（未入力 1）'), densities);

  // At 1280 px every column (1)–(11) and the buttons fit without scrolling sideways.
  const fit = await form3.tableFit();
  assert(fit.fits, `the table fits at 1280 px: ${JSON.stringify(fit)}`);
  assert(!(await form3.scrollHint().isVisible()), 'no scroll hint when it fits');
  const lastHead = await form3.columnHead('child_intake').boundingBox();
  assert(lastHead && lastHead.x + lastHead.width <= 1280, `(11) is on screen: ${JSON.stringify(lastHead)}`);
  // On a narrower screen it scrolls sideways; 編集・削除 stay in view at the right edge.
  await page.setViewportSize({ width: 1000, height: 900 });
  const narrow = await form3.tableFit();
  assert(!narrow.fits, `scrolls at 1000 px: ${JSON.stringify(narrow)}`);
  assert(await form3.scrollHint().isVisible(), 'says the table scrolls');
  const edit = await form3.editButton('訪問看護ステーションあおば').boundingBox();
  assert(edit && edit.x + edit.width <= 1000, `編集 in view: ${JSON.stringify(edit)}`);
  await page.screenshot({ path: shot('polish-stations-narrow.png') });
  await page.setViewportSize({ width: 1280, height: 900 });

  // The printed 様式3: hidden on screen; on paper the form with its header and no navigation.
  assert(await form3.printButton().isVisible(), '印刷 button');
  assert(!(await form3.print().isVisible()), 'print view hidden on screen');
  await page.emulateMedia({ media: 'print' });
  assert(await form3.print().isVisible(), 'print view shown on paper');
  assertEqual(await form3.navVisible(), false, 'no navigation on paper');
  assertEqual(await form3.appHeaderVisible(), false, 'no app header on paper');
  assertEqual(await form3.table().isVisible(), false, 'no screen table on paper');
  assertEqual(await form3.printButton().isVisible(), false, 'no buttons on paper');
  assertEqual(await form3.printJurisdiction(), '多摩府中保健所管内', '地区名');
  assertEqual(await form3.printYear(), '令和7年度（2025年度）', '年度');
  const printDate = await form3.printDate();
  const [py, pm, pd] = new Date()
    .toLocaleDateString('ja-JP', { timeZone: 'Asia/Tokyo', year: 'numeric', month: 'numeric', day: 'numeric' })
    .split('/');
  assertEqual(printDate, `${py}年${pm}月${pd}日`, 'print date');
  const printHead = await form3.printHead();
  assert(printHead.includes('※1 管轄地域の面積: 100 km²') && printHead.includes('※2 管轄地域の人口: 200000 人'), printHead);
  const printHeads = await form3.printHeadings();
  for (const h of ['(1) 訪問看護ステーション名称', '(2) 所在地', '(3) 看護師の常勤換算', '(6) 訪問数を増加する余裕', '(7) 医療保険加算届出の有無', '24時間対応体制加算', '特別管理加算', '(10) ALS患者の今後の受け入れ', '（2.可能、1.検討可、0.不可能）', '(11) 重心児の今後の受け入れ']) {
    assert(printHeads.includes(h), `print heading ${h}: ${printHeads}`);
  }
  const printRows = await form3.printRows();
  assertEqual(printRows.map((r) => r[0]), ['Ｂ訪問看護ステーション', 'ステーションかえで', '訪問看護ステーションあおば', '合計（3ヵ所）'], 'one row per station by 名称, then 合計');
  assertEqual(
    printRows[2],
    ['訪問看護ステーションあおば', '府中市宮西町1-2', '3.0', '80', '30', '1 あり', '1 届出あり', '0 なし', '1 あり', '', '2 可能', '1 検討可'],
    'codes as on the paper form, 未入力 blank',
  );
  assertEqual(printRows[1].slice(2, 5), ['', '0', ''], '0 prints 0, blank prints blank');
  assertEqual(printRows[3].slice(1, 3), ['5.5（未入力 1）', '80（未入力 1）'], '合計 row');
  const printDensities = await form3.printDensities();
  assert(printDensities.includes('訪問看護ステーション数 10km²あたり 0.3 ヵ所/10km²'), printDensities);
  assert(await form3.printTable().isVisible(), 'the 様式3 table is printed');
  // About the printable width of A4 landscape (273 mm at 96 dpi) for the screenshot.
  await page.setViewportSize({ width: 1032, height: 730 });
  await page.screenshot({ path: shot('polish-stations-print.png'), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ media: 'screen' });
  assert(await form3.table().isVisible(), 'back on screen');

  // Sort and search.
  assertEqual(await form3.names(), ['Ｂ訪問看護ステーション', 'ステーションかえで', '訪問看護ステーションあおば'], 'by 名称');
  await form3.sortBy('fte');
  assertEqual(await form3.names(), ['Ｂ訪問看護ステーション', '訪問看護ステーションあおば', 'ステーションかえで'], 'by FTE, 未入力 last');
  await form3.sortBy('fte');
  assertEqual(await form3.names(), ['訪問看護ステーションあおば', 'Ｂ訪問看護ステーション', 'ステーションかえで'], 'FTE descending, 未入力 still last');
  assertEqual(await form3.columnHead('fte').getAttribute('aria-sort'), 'descending', 'aria-sort');
  await form3.search('府中');
  assertEqual(await form3.names(), ['訪問看護ステーションあおば'], 'search by 所在地');
  await form3.search('ｂ訪問');
  assertEqual(await form3.names(), ['Ｂ訪問看護ステーション'], 'search across widths');
  assertEqual(await form3.shownCount(), '3ヵ所中 1ヵ所を表示', 'says it is filtered');
  assertEqual((await form3.totals()).name, '合計（3ヵ所）', 'totals stay those of all stations');
  await page.screenshot({ path: shot('stations-ui-table-search.png'), fullPage: true });
  await form3.search('');
  await page.screenshot({ path: shot('stations-ui-table.png'), fullPage: true });

  // 地域の概況 warns when its station count differs from 様式3.
  await overview.open();
  await overview.fill('nurse_stations_local', '2');
  assert((await overview.messages()).includes('注意: 訪問看護ステーション数（2ヵ所）と様式3の件数（3ヵ所）が違います'), 'count compared with 様式3');
  assertEqual(
    (await overview.sectionLinks()).find(([s]) => s === 'stations'),
    ['stations', '3ヵ所'],
    'the summary counts the stations',
  );
  assertNoProblems(problems);
  await context.close();
});

test('様式3: 文字・負の数・医療保険利用者数＞実利用者数は項目名つきの日本語で示し、何も保存しない', async ({ server }) => {
  const { context, problems, page, home, form3 } = await start('stations-bad');
  await home.goto(server.url);
  await home.create('北多摩保健所管内', '2025');
  await form3.open();
  await form3.enterSeedExample();
  await form3.save();

  await form3.edit('訪問看護ステーションあおば');
  await form3.fill('monthly_users', '八十');
  await form3.fill('staff.3.weekly_hours', '-4');
  let messages = await form3.messages();
  assert(messages.includes('エラー: 数字で入力してください（不明なら空欄、なしなら0）'), `letters: ${messages}`);
  assert(messages.includes('エラー: 0以上の数を入力してください'), `negative hours: ${messages}`);
  await form3.fill('monthly_users', '80');
  await form3.fill('staff.3.weekly_hours', '12');
  await form3.fill('medical_insurance_users', '81');
  messages = await form3.messages();
  assert(messages.includes('エラー: 医療保険利用者数（81人）が実利用者数（80人）を超えています'), `medical > all: ${messages}`);
  await form3.fill('name', '');
  const summary = await form3.summary();
  assert(summary.includes('（1）名称: 名称を入力してください'), `summary names 名称: ${summary}`);
  assert(summary.includes('（5）（4）のうち医療保険利用者数: 医療保険利用者数（81人）が実利用者数（80人）を超えています'), `summary names (5): ${summary}`);
  assertEqual(await form3.field('medical_insurance_users').getAttribute('aria-invalid'), 'true', 'field marked');
  await form3.dismissNotice();
  await form3.field('medical_insurance_users').press('Enter');
  const error = await form3.noticeError().innerText();
  assert(error.includes('入力に誤りがあるため保存していません'), `nothing saved: ${error}`);
  assert(await form3.detail().isVisible(), 'stays in the form');
  await page.screenshot({ path: shot('stations-ui-station-errors.png'), fullPage: true });

  // A new station with bad numbers is not created either.
  await page.waitForTimeout(1200);
  await form3.reload();
  await form3.detail().waitFor();
  await form3.waitDraftOffer();
  await form3.discardDraft();
  await form3.back();
  await form3.table().waitFor();
  await form3.add();
  await form3.fill('name', '新しいステーション');
  await form3.fill('monthly_users', '-5');
  await form3.choose('fte_mode', '直接入力');
  await form3.fill('fte_direct', '三');
  await form3.dismissNotice();
  await form3.field('fte_direct').press('Enter');
  await form3.noticeError().waitFor();
  const s2 = await form3.summary();
  assert(s2.includes('（4）平均的な1ヶ月の実利用者数: 0以上の数を入力してください'), s2);
  assert(s2.includes('（3）看護師の常勤換算: 数字で入力してください'), s2);
  // Esc asks, and confirmed returns to the table without saving.
  await form3.field('name').press('Escape');
  await form3.modalButton('取り消して戻る');
  await form3.table().waitFor();

  await form3.reload();
  await form3.table().waitFor();
  assertEqual(await form3.names(), ['訪問看護ステーションあおば'], 'no new station');
  const row = await form3.cells('訪問看護ステーションあおば');
  assertEqual([row.monthly_users, row.medical_insurance_users, row.fte], ['80', '30', '3.0'], 'stored values unchanged');
  assertNoProblems(problems);
  await context.close();
});

test('様式3: 削除は確認してゴミ箱へ、元に戻せる（再読み込み後も）', async ({ server }) => {
  const { context, problems, page, home, form3 } = await start('stations-trash');
  await home.goto(server.url);
  await home.create('南多摩保健所管内', '2025');
  await form3.open();
  await form3.enterSeedExample();
  await form3.save();
  await form3.add();
  await form3.fill('name', 'ステーションみどり');
  await form3.save();
  assertEqual(await form3.names(), ['ステーションみどり', '訪問看護ステーションあおば'], 'two stations');

  const text = await form3.askDelete('訪問看護ステーションあおば');
  assert(text.includes('「訪問看護ステーションあおば」を様式3から削除します'), `confirmation names it: ${text}`);
  await form3.modalButton('取り消し');
  assertEqual((await form3.names()).length, 2, 'cancel keeps it');
  await form3.askDelete('訪問看護ステーションあおば');
  await form3.confirmDelete();
  assertEqual(await form3.names(), ['ステーションみどり'], 'gone from the table');
  assertEqual(await form3.trashNames(), ['訪問看護ステーションあおば'], 'in the trash');
  assertEqual((await form3.totals()).name, '合計（1ヵ所）', 'totals without the trashed one');

  // From the form too.
  await form3.edit('ステーションみどり');
  await form3.askDeleteHere();
  await form3.modal('「ステーションみどり」を様式3から削除します').waitFor();
  await form3.confirmDelete();
  await form3.screen().waitFor();
  assert(await form3.noStations().isVisible(), 'table empty');
  assertEqual(await form3.trashNames(), ['ステーションみどり', '訪問看護ステーションあおば'], 'the most recently deleted first');
  await page.screenshot({ path: shot('stations-ui-trash.png'), fullPage: true });

  await form3.reload();
  await form3.screen().waitFor();
  assertEqual(await form3.trashNames(), ['ステーションみどり', '訪問看護ステーションあおば'], 'trash kept after reload, the most recently deleted first');
  await form3.restore('訪問看護ステーションあおば');
  assertEqual(await form3.names(), ['訪問看護ステーションあおば'], 'restored');
  assertEqual((await form3.cells('訪問看護ステーションあおば')).fte, '3.0', 'with its values');
  await form3.reload();
  await form3.table().waitFor();
  assertEqual(await form3.names(), ['訪問看護ステーションあおば'], 'restored after reload');
  assertEqual(await form3.trashNames(), ['ステーションみどり'], 'the other still in the trash');
  assertNoProblems(problems);
  await context.close();
});
