// Issue 18: 使い方・参考. The help area opens from the menu; the 集計 page shows the seed's
// formula, the 別添2 page the fees and the 260 visits, the glossary each term with its
// reading; every help page names its seed section, passes axe at 1366×768 and 768×1024 and
// does not scroll sideways at 768 px; a 「？」 on 様式4 opens by Enter and closes by Esc.
import { test, launch, newProfileDir, assert, assertEqual, assertNoProblems, shot } from '../lib.mjs';
import { axeViolations, pageWidth } from '../a11y.mjs';
import { HelpPage, HELP_TOPICS } from '../pages/help.mjs';
import { SampleHome } from '../pages/sample.mjs';

async function noAxe(page, where) {
  const found = await axeViolations(page);
  for (const v of found) console.log(`      ${where} — ${v.rule} (${v.impact}): ${v.nodes.slice(0, 3).join(' | ')}`);
  assertEqual(found.length, 0, `axe violations: ${where}`);
}

test('使い方・参考: メニューから開き、集計の式・別添2の費用・用語の読みを示し、様式4の「？」はEnterで開きEscで閉じる', async ({ server }) => {
  const { context, problems } = await launch(newProfileDir('help'), { viewport: { width: 1366, height: 768 } });
  const page = context.pages()[0] || (await context.newPage());
  const help = new HelpPage(page);
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
    await noAxe(page, `help ${slug} 1366×768`);
  }

  // 様式4: the 「？」 of 評価とレベル by keyboard.
  const home = new SampleHome(page);
  await help.goto(server.url);
  await home.openSample();
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
  await noAxe(tpage, 'help index 768×1024');
  for (const [slug] of HELP_TOPICS) {
    await thelp.goTopic(slug);
    await noAxe(tpage, `help ${slug} 768×1024`);
    const { scrollWidth, innerWidth } = await pageWidth(tpage);
    assert(scrollWidth <= innerWidth, `${slug}: no sideways scroll at 768 px (${scrollWidth} > ${innerWidth})`);
  }
  assertNoProblems(tablet.problems);
  await tablet.context.close();
});
