// Issue 17: the 変更履歴 of every record — who (the device's 担当者名), when, each field old →
// new — and restoring one field or a whole version as a new save that history records too.
import { test, launch, newProfileDir, assert, assertEqual, assertNoProblems, shot } from '../lib.mjs';
import { axeViolations } from '../a11y.mjs';
import { HomePage } from '../pages/app.mjs';
import { HistoryPage } from '../pages/history.mjs';
import { IoPage } from '../pages/io.mjs';
import { OverviewPage } from '../pages/overview.mjs';
import { PatientsPage } from '../pages/patients.mjs';

test('変更履歴: 保存ごとに担当者・日時・変更前後が残り、項目ごと・版ごとに戻せる（戻したことも履歴に残る）', async ({ server }) => {
  const { context, problems } = await launch(newProfileDir('history'), { viewport: { width: 1366, height: 768 } });
  const page = context.pages()[0] || (await context.newPage());
  const home = new HomePage(page);
  const form1 = new PatientsPage(page);
  const history = new HistoryPage(page);
  await home.goto(server.url);
  await home.create('ひがし保健所管内', '2025');
  await form1.open();
  await form1.newPatient();
  await form1.type('id_number', 'H-1');
  await form1.type('name', '山田 花子');
  await form1.saveWithEnter('name');

  // Created before a 担当者名 was set: 未設定. Set it here for the next saves.
  await form1.openRow('H-1');
  await history.openFromRecord();
  assertEqual(await history.recordTitle(), '療養者 ID番号 H-1 山田 花子', 'the record named');
  let entries = await history.entries();
  assertEqual(entries.map((e) => [e.what, e.by, e.current]), [['作成', '未設定', true]], 'created');
  await history.setStaff('佐藤');

  await history.back();
  await form1.detail().waitFor();
  await form1.type('name', '山口 花子');
  await form1.type('furigana', 'やまぐち はなこ');
  await form1.saveWithEnter('name');
  await form1.openRow('H-1');
  await history.openFromRecord();
  entries = await history.entries();
  assertEqual(entries.map((e) => [e.what, e.by]), [['変更', '佐藤'], ['作成', '未設定']], 'edited by 佐藤');
  assertEqual(entries[0].fields, [['ふりがな', '未入力', 'やまぐち はなこ'], ['氏名', '山田 花子', '山口 花子']], 'each field old → new');
  await page.screenshot({ path: shot('history-page.png'), fullPage: true });
  assertEqual(await axeViolations(page), [], 'axe: history page');

  // One field back: the dialog says what changes; the save is a new entry naming what it did.
  const rows = await history.askRestoreField(0, '氏名');
  assertEqual(rows, [['氏名', '山口 花子', '山田 花子']], 'the dialog lists the change');
  assertEqual(await axeViolations(page), [], 'axe: restore dialog');
  await history.confirmRestore();
  await history.waitEntries(3);
  entries = await history.entries();
  assert(entries[0].what.startsWith('「氏名」を') && entries[0].what.endsWith('の変更前に戻す'), entries[0].what);
  assertEqual([entries[0].by, entries[0].fields], ['佐藤', [['氏名', '山口 花子', '山田 花子']]], 'the restore is recorded');
  await history.back();
  await form1.detail().waitFor();
  assertEqual((await form1.values()).name, '山田 花子', 'the form shows the restored value');
  assertEqual((await form1.values()).furigana, 'やまぐち はなこ', 'the other field kept');

  // The first version back: everything after it undone, as one new save.
  await history.openFromRecord();
  const versionRows = await history.askRestoreVersion(2);
  assertEqual(versionRows, [['ふりがな', 'やまぐち はなこ', '未入力']], 'only what differs from now');
  await history.confirmRestore();
  await history.waitEntries(4);
  entries = await history.entries();
  assert(entries[0].what.endsWith('の版に戻す'), entries[0].what);
  // Nothing to restore: the newest is the current version, and restoring a version equal to
  // now says so and writes nothing.
  assert(entries[0].current && !entries[1].current, 'the newest is the current version');
  const same = await history.askRestoreVersion(3);
  assertEqual(same, [], 'no change listed');
  assert((await history.dialogText()).includes('すでにこの内容'), await history.dialogText());
  await history.closeDialog();

  // The privacy switch hides names in the history too.
  await history.hideNames(true);
  entries = await history.entries();
  assertEqual(entries[2].fields, [['ふりがな', '（非表示）', '（非表示）'], ['氏名', '（非表示）', '（非表示）']], 'names and readings hidden');
  assert(!(await history.recordTitle()).includes('山'), await history.recordTitle());
  await history.hideNames(false);

  // Kept on the device: after a reload the history and the 担当者名 are still there.
  await history.reload();
  await history.waitEntries(4);
  assertEqual(await history.staff(), '佐藤', '担当者名 kept on this device');

  // 概況 and 様式4 have their history too, once saved.
  const overview = new OverviewPage(page);
  await overview.open();
  await overview.fill('population', '120000');
  await overview.form().locator('[data-testid=save]').click();
  await overview.waitNotice('保存しました');
  await history.openFromRecord();
  entries = await history.entries();
  assertEqual(entries.map((e) => [e.what, e.by]), [['作成', '佐藤']], '概況 created');
  assertEqual(await history.recordTitle(), '地域の概況', '概況 named');

  // Tablet portrait: no sideways page scroll, axe clean.
  await page.setViewportSize({ width: 768, height: 1024 });
  await form1.open();
  await form1.openRow('H-1');
  await history.openFromRecord();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assertEqual(overflow, 0, 'no sideways scroll at 768');
  assertEqual(await axeViolations(page), [], 'axe: history page at 768');
  await page.screenshot({ path: shot('history-768.png'), fullPage: true });
  await page.setViewportSize({ width: 1366, height: 768 });

  // The history travels in a backup and comes in once: another device imports the file
  // twice and shows the same saves, each once, by the same 担当者.
  await form1.open();
  await form1.openRow('H-1');
  await history.openFromRecord();
  const mine = (await history.entries()).map((e) => [e.what, e.by]);
  const io = new IoPage(page);
  await io.open();
  await io.scope('all');
  const file = await io.exportFile();
  const json = JSON.parse(file.text);
  assertEqual(json.version, 6, 'format 6 (補助の上限表, issue 20)');
  assertEqual(json.history.filter((e) => e.by === '佐藤').length, 4, 'her saves, by name');
  await io.mode('anonymised');
  assert(!(await page.locator('input[name=include-history]').isChecked()), 'never in an anonymised file');

  const second = await launch(newProfileDir('history-b'), { viewport: { width: 1366, height: 768 } });
  const pageB = second.context.pages()[0] || (await second.context.newPage());
  const ioB = new IoPage(pageB);
  const historyB = new HistoryPage(pageB);
  const form1B = new PatientsPage(pageB);
  await ioB.goto(server.url);
  for (let i = 0; i < 2; i++) {
    await ioB.open();
    await ioB.chooseFile(file.file);
    if (i === 0) assert((await ioB.apply()).includes('ファイルの変更履歴'), 'the import says it took the history');
  }
  await new HomePage(pageB).switchTo('ひがし保健所管内 令和7年度（2025年度）');
  await form1B.open();
  await form1B.openRow('H-1');
  await historyB.openFromRecord();
  assertEqual((await historyB.entries()).map((e) => [e.what, e.by]), mine, "the file's entries, once each");
  assertNoProblems(second.problems);
  await second.context.close();
  assertNoProblems(problems);
  await context.close();
});
