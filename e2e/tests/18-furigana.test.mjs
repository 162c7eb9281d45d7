// Issue 16: ふりがな (an optional field of 様式1), the roster's 氏名 in 五十音順 by it, search by
// reading in hiragana or katakana, the privacy switch, the bundle's version 2 — and the form's
// own section links that stay in view under the header.
import { test, launch, newProfileDir, assert, assertEqual, assertNoProblems, shot } from '../lib.mjs';
import { axeViolations } from '../a11y.mjs';
import { HomePage } from '../pages/app.mjs';
import { IoPage } from '../pages/io.mjs';
import { PatientsPage } from '../pages/patients.mjs';

/** ID番号, 氏名, ふりがな (typed as a nurse would: hiragana, katakana, or none). */
const PEOPLE = [
  ['K-1', '山田 花子', 'やまだ はなこ'],
  ['K-2', '佐藤 一郎', 'サトウ イチロウ'],
  ['K-3', '伊藤 次郎', ''],
  ['K-4', 'あべ まり', ''],
  ['K-5', '山田 太郎', 'やまだ たろう'],
];

test('様式1: ふりがなで氏名が五十音順に並び、ひらがな・カタカナどちらでも探せる。項目へのリンクは画面の上に残る', async ({ server }) => {
  const { context, problems } = await launch(newProfileDir('furigana'), { viewport: { width: 1366, height: 768 } });
  const page = context.pages()[0] || (await context.newPage());
  page.on('dialog', (d) => d.accept());
  const home = new HomePage(page);
  const form1 = new PatientsPage(page);
  await home.goto(server.url);
  await home.create('みなみ保健所管内', '2025');
  await form1.open();

  // A reading in kanji is refused, naming the field; nothing is saved.
  await form1.newPatient();
  await form1.type('id_number', 'K-1');
  await form1.type('name', '山田 花子');
  await form1.type('furigana', '山田');
  const refusal = await form1.saveRefused('furigana');
  assert(refusal.includes('ふりがな: ふりがなはひらがなかカタカナで入力してください（「山」は使えません）'), refusal);
  await form1.type('furigana', 'やまだ はなこ');
  await form1.saveWithEnter('furigana');
  for (const [id, name, reading] of PEOPLE.slice(1)) {
    await form1.newPatient();
    await form1.type('id_number', id);
    await form1.type('name', name);
    if (reading) await form1.type('furigana', reading);
    await form1.saveWithEnter('name');
  }
  assertEqual(await form1.ids(), ['K-1', 'K-2', 'K-3', 'K-4', 'K-5'], 'ID order first');

  // 氏名 in 五十音順: あべ (a kana name reads as itself), サトウ, やまだ たろう before やまだ はなこ,
  // then 伊藤 (kanji and no reading: after every reading).
  await form1.sortBy('氏名');
  assertEqual(await form1.ids(), ['K-4', 'K-2', 'K-5', 'K-1', 'K-3'], '五十音順');
  await form1.sortBy('氏名');
  assertEqual(await form1.ids(), ['K-3', 'K-1', 'K-5', 'K-2', 'K-4'], 'reversed');

  // Search by reading, either script.
  await form1.search('さとう');
  assertEqual(await form1.ids(), ['K-2'], 'hiragana finds a katakana reading');
  await form1.search('ヤマダ');
  assertEqual((await form1.ids()).sort(), ['K-1', 'K-5'], 'katakana finds hiragana readings');
  await form1.search('');

  // The privacy switch hides the reading too, and search no longer finds it.
  await form1.hideNames(true);
  await form1.search('やまだ');
  assertEqual(await form1.ids(), [], 'a hidden reading is not searched');
  await form1.search('');
  await form1.openRow('K-1');
  assertEqual(await form1.inputCount('furigana'), 0, 'no ふりがな field while hidden');
  assert((await form1.hiddenNote().innerText()).includes('ふりがな'), 'the note names ふりがな');
  await form1.back();
  await form1.hideNames(false);

  // The reading survives a reload.
  await form1.reload();
  await form1.table().waitFor();
  await form1.openRow('K-2');
  assertEqual((await form1.values()).furigana, 'サトウ イチロウ', 'kept as typed');

  // Section links: every part of the paper form, in order; a jump lands below the sticky bar
  // with the focus on the part, and opens the folded ギャップ list.
  assertEqual(
    await form1.sectionLinks(),
    ['基本情報', '医療処置', '特定症状', '神経内科', 'かかりつけ医', '入院・レスパイト', '訪問看護', '制度', '把握', 'ギャップ'],
    'section links',
  );
  const nursing = await form1.jumpTo('訪問看護');
  await page.screenshot({ path: shot('furigana-section-jump.png') });
  assertEqual(nursing.id, 'patient-nursing', 'focus on the part');
  assert(nursing.barTop >= 0 && nursing.top >= nursing.barBottom, `the part starts below the bar: ${JSON.stringify(nursing)}`);
  const gaps = await form1.jumpTo('ギャップ');
  assertEqual([gaps.id, gaps.open], ['patient-gaps', true], 'the ギャップ list opens');
  await page.keyboard.press('Tab');
  assertEqual(await page.evaluate(() => document.activeElement.tagName), 'SUMMARY', 'Tab goes on from the part');
  // 入力の留意点 (issue 18): the seed's words behind 「？」 beside each part; one button in the bar
  // opens them all for the keyboard (the 「？」 stay off the Tab path).
  const basicHelp = page.locator('#patient-basic [data-testid=help-button]');
  await basicHelp.click();
  const tip = page.locator('#patient-basic [data-testid=help-tip]');
  assert(await tip.isVisible(), 'the note opens');
  assert((await tip.innerText()).includes('市町村まで入力'), await tip.innerText());
  await basicHelp.focus();
  await page.keyboard.press('Escape');
  assert(!(await tip.isVisible()), 'Esc closes it');
  assert(await form1.detail().isVisible(), 'and does not leave the form');
  await page.locator('[data-testid=help-toggle]').focus();
  await page.keyboard.press('Enter');
  assertEqual(await page.locator('[data-testid=help-tip]:visible').count(), 10, 'every part\'s note shows');
  assert((await page.locator('#patient-systems [data-testid=help-tip]').innerText()).includes('要支援1：11、要支援2：12'), 'the seed\'s codes');
  await page.locator('#patient-systems').scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('help-all.png') });
  assertEqual(await axeViolations(page), [], 'axe-core with every note open');
  await page.keyboard.press('Enter');
  assertEqual(await page.locator('[data-testid=help-tip]:visible').count(), 0, 'and closes them');
  await form1.cancelEdit();

  // The bundle (version 3 since issue 17; ふりがな came in 2) carries the readings; none when blank.
  const io = new IoPage(page);
  await io.open();
  await io.scope('all');
  const backup = await io.exportFile();
  const json = JSON.parse(backup.text);
  assertEqual(json.version, 6, 'format version 6 (補助の上限表, issue 20)');
  const readings = json.records.filter((r) => r.kind === 'patient').map((r) => [r.body.id_number, r.body.furigana ?? null]).sort();
  assertEqual(readings, [['K-1', 'やまだ はなこ'], ['K-2', 'サトウ イチロウ'], ['K-3', null], ['K-4', null], ['K-5', 'やまだ たろう']], 'readings in the file');

  assertNoProblems(problems);
  await context.close();
});
