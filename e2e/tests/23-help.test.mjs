// Issue 18: 使い方・参考. The help area opens from the menu; the 集計 page shows the seed's
// formula, the 別添2 page the fees and the 260 visits, the glossary each term with its
// reading; every help page names its seed section, passes axe at 1366×768 and 768×1024 and
// does not scroll sideways at 768 px; a 「？」 on 様式4 opens by Enter and closes by Esc, and on
// a tablet by a tap (and 閉じる); 様式1's page shows the seed's 例1・例2 and the 保険 page the
// chart's order, reached from the 保険 tool.
import { test, launch, newProfileDir, assert, assertEqual, assertNoProblems, shot } from '../lib.mjs';
import { pageWidth, assertNoAxe } from '../a11y.mjs';
import { HelpPage, HELP_TOPICS } from '../pages/help.mjs';
import { SampleHome } from '../pages/sample.mjs';

test('使い方・参考: メニューから開き、集計の式・別添2の費用・用語の読みを示し、様式4の「？」はEnterで開きEscで閉じる', async ({ server }) => {
  const { context, problems } = await launch(newProfileDir('help'), { viewport: { width: 1366, height: 768 } });
  const page = context.pages()[0] || (await context.newPage());
  const help = new HelpPage(page);
  const home = new SampleHome(page);
  await help.goto(server.url);
  await help.openFromMenu();
  assertEqual(await help.heading(), '使い方・参考', 'the help index');
  assertEqual(await page.title(), '使い方・参考 — 難病の地域診断', 'its title');

  await help.openTopic('summary', '集計の算出方法');
  const summary = await help.text('summary');
  assert(summary.includes('外来あり数+往診あり数/ALS療養者数×100（％）'), 'the seed’s formula for 専門診療の確保');
  assert(summary.includes('「1 週間の合計訪問看護利用回数」が 1 以上の件数'), 'the seed’s rule for 訪問看護利用者数');
  assert((await help.source('summary')).includes('４．集計シート ３）出力された集計の算出方法'), 'names its seed section');
  await page.screenshot({ path: shot('help-summary.png'), fullPage: true });

  await help.goTopic('ventilator');
  const fees = await help.text('ventilator');
  for (const figure of ['8,450円', '7,950円', '5,550円', '5,050円', '3,000円', '2,500円', '2,000円', '年間260回', '4回目以降']) {
    assert(fees.includes(figure), `別添2: ${figure}`);
  }
  assert((await help.source('ventilator')).includes('別添２'), 'names 別添２');

  // 様式1: the seed's 例1 and 例2, column by column as the roster shows them.
  await help.goTopic('form1');
  const ex = await help.examples();
  assertEqual(JSON.stringify(ex['ID番号']), JSON.stringify(['例1', '例2']), '記入例: ID番号');
  assertEqual(JSON.stringify(ex['初発症状']), JSON.stringify(['話にくくなった', '右手に力が入らなくなった']), '記入例: 初発症状');
  assertEqual(JSON.stringify(ex['医療処置管理 人工呼吸器']), JSON.stringify(['0', '1']), '記入例: 人工呼吸器');
  assertEqual(JSON.stringify(ex['1週間の合計訪問看護利用回数']), JSON.stringify(['0', '5']), '記入例: the computed weekly total');
  await page.locator('[data-testid=form-examples]').screenshot({ path: shot('help-form1-examples.png') });

  // 訪問看護の保険: the chart's order, from its tool's page.
  await help.goto(server.url);
  await home.openSample();
  await help.nav('判断樹');
  await page.locator('[data-testid=insurance-link]').click();
  await page.locator('[data-testid=insurance]').waitFor();
  await page.locator('a', { hasText: '判断の順序と別表第７・第８の一覧' }).click();
  await help.topic('insurance').waitFor();
  const flow = await help.insuranceFlow();
  assertEqual(flow.length, 6, 'six branches');
  assertEqual(flow[0][0], '厚生労働大臣が定める疾病等（別表第７）→ 医療保険', '別表第７ is asked first');
  assertEqual(flow.filter(([, ins]) => ins === '介護保険').length, 2, 'two routes to 介護保険');
  assert((await help.text('insurance')).includes('筋萎縮性側索硬化症'), 'ALS in the lists');
  await page.screenshot({ path: shot('help-insurance.png'), fullPage: true });

  await help.goTopic('glossary');
  const terms = await help.glossary();
  assert(terms.length >= 20, `${terms.length} terms`);
  assert(terms.some(([t, r]) => t === '球麻痺' && r === '（きゅうまひ）'), 'a term with its reading');
  assert(terms.every(([, r]) => /^（[ぁ-んー（）]+）$/.test(r)), 'every reading in hiragana');

  // Every page names its source and passes axe, here and on a tablet without sideways scroll.
  for (const [slug, title] of HELP_TOPICS) {
    await help.goTopic(slug);
    assertEqual(await help.heading(), title, slug);
    assert((await help.source(slug)).startsWith('出典: '), `${slug} names its source`);
    await assertNoAxe(page, `help ${slug} 1366×768`);
  }

  // 様式4: the 「？」 of 評価とレベル by keyboard (a reload opens the sample again, the last
  // 地域診断 opened).
  await help.goto(server.url);
  await page.waitForURL(/#\/d\/sample-2025\//);
  await help.nav('様式4 評価');
  await page.locator('[data-testid=evaluation-form]').waitFor();
  const { button, note } = help.tip('評価とレベル');
  assert(!(await note.isVisible()), 'closed at first');
  await button.focus();
  await page.keyboard.press('Enter');
  await note.waitFor();
  assert((await note.innerText()).includes('A：確保できている、B：概ね確保できている'), 'the seed’s four levels');
  await page.keyboard.press('Escape');
  await note.waitFor({ state: 'hidden' });
  assert(await button.evaluate((b) => b === document.activeElement), 'the focus stays on 「？」');
  await page.locator('[data-testid=evaluation-form]').waitFor();
  // 様式2: its parts have their 「？」 too.
  await help.nav('様式2 事業');
  await page.locator('[data-testid=programmes-table] a').first().click();
  await page.locator('[data-testid=programme-detail]').waitFor();
  assert((await help.tip('実施の有無と実施件数').button.count()) === 1, '様式2 has the seed’s 入力方法');
  assertNoProblems(problems);
  await context.close();

  const tablet = await launch(newProfileDir('help-tablet'), { viewport: { width: 768, height: 1024 }, hasTouch: true });
  const tpage = tablet.context.pages()[0] || (await tablet.context.newPage());
  const thelp = new HelpPage(tpage);
  await thelp.goto(server.url);
  await thelp.openFromMenu();
  await assertNoAxe(tpage, 'help index 768×1024');
  for (const [slug] of HELP_TOPICS) {
    await thelp.goTopic(slug);
    await assertNoAxe(tpage, `help ${slug} 768×1024`);
    const { scrollWidth, innerWidth } = await pageWidth(tpage);
    assert(scrollWidth <= innerWidth, `${slug}: no sideways scroll at 768 px (${scrollWidth} > ${innerWidth})`);
  }
  // By touch: a tap on 様式4's 「？」 opens the note, a tap on 閉じる closes it.
  await thelp.goto(server.url);
  await new SampleHome(tpage).openSample();
  await thelp.nav('様式4 評価');
  await tpage.locator('[data-testid=evaluation-form]').waitFor();
  const touch = thelp.tip('評価とレベル');
  const box = await touch.button.boundingBox();
  assert(box && box.width >= 44 && box.height >= 44, `the 「？」 is a 44 px target (${box && box.width}×${box && box.height})`);
  await touch.button.tap();
  await touch.note.waitFor();
  await assertNoAxe(tpage, '様式4 with a note open 768×1024');
  await touch.note.locator('button', { hasText: '閉じる' }).tap();
  await touch.note.waitFor({ state: 'hidden' });
  assertNoProblems(tablet.problems);
  await tablet.context.close();
});
