// Issue 7: 様式2 事業 — the programme list, one programme at a time, 独自事業, trash, last
// year's values, drafts and print.
import { test, launch, newProfileDir, assert, assertEqual, assertNoProblems, shot } from '../lib.mjs';
import { HomePage } from '../pages/app.mjs';
import { ProgrammesPage } from '../pages/programmes.mjs';

const STANDARD = [
  '在宅難病患者一時入院事業',
  '在宅療養支援計画策定・評価事業',
  '訪問相談員育成事業',
  '医療相談事業',
  '訪問相談・指導事業（訪問診療）',
  '難病対策地域協議会',
  '難病相談支援センター事業',
  '難病患者等ホームヘルパー養成研修事業',
  '在宅人工呼吸器使用患者支援事業（訪問看護）',
];

async function start(name, diagnoses) {
  const { context, problems } = await launch(newProfileDir(name));
  const page = context.pages()[0] || (await context.newPage());
  // A reload with unsaved input asks before leaving; the nurse says yes.
  page.on('dialog', (d) => d.accept());
  const home = new HomePage(page);
  const form2 = new ProgrammesPage(page);
  return { context, problems, page, home, form2 };
}

test('様式2: 一覧・一括入力・協議会・センター・独自事業を入力し、再読み込み後もすべて表示される', async ({ server }) => {
  const { context, problems, page, home, form2 } = await start('prog-fill');
  await home.goto(server.url);
  await home.create('多摩府中保健所管内', '2025');
  await form2.open();

  // The standard rows in the paper form's order, pre-filled and 未入力, before any save.
  assertEqual(await form2.names(), STANDARD, 'standard rows in the form order');
  assert(await form2.unsavedDefaults().isVisible(), 'says the rows are not saved yet');
  for (const name of STANDARD) assertEqual(await form2.rowValues(name), ['', '', ''], `${name} starts 未入力`);
  const first = await form2.rowText('在宅難病患者一時入院事業');
  assert(first.includes('〔都道府県〕'), `実施主体 shown: ${first}`);
  assert((await form2.rowText('医療相談事業')).includes('難病患者地域支援対策推進事業'), 'group shown');
  await page.screenshot({ path: shot('prog-table-empty.png'), fullPage: true });

  // 一括入力 by keyboard: 実施 by typing 1, Tab to the counts, ↓ to the next row, Enter saves.
  await form2.cell('在宅難病患者一時入院事業', 'implemented').focus();
  await page.keyboard.press('1');
  await page.keyboard.press('Tab');
  await page.keyboard.type('3');
  await page.keyboard.press('Tab');
  await page.keyboard.type('45');
  await page.keyboard.press('ArrowUp'); // first row: stays
  await page.keyboard.press('ArrowDown'); // 都道府県全体 of the next row
  await page.keyboard.type('０'); // full-width zero
  await form2.setImplemented('医療相談事業', '1');
  await form2.setCounts('医療相談事業', '12件', '');
  await form2.setImplemented('訪問相談員育成事業', '0');
  await form2.setCounts('訪問相談員育成事業', '0', '0');
  assert(await form2.dirtyMark().isVisible(), '未保存 shown');
  await form2.dismissNotice();
  await form2.cell('医療相談事業', 'count_local').press('Enter');
  await form2.waitNotice('保存しました');
  assertEqual(await form2.unsavedDefaults().count(), 0, 'records exist after the first save');
  assertEqual(await form2.rowValues('在宅難病患者一時入院事業'), ['1', '3', '45'], 'row 1 saved');
  assertEqual(await form2.rowValues('在宅療養支援計画策定・評価事業'), ['', '', '0'], '↓ moved to the next row');
  assertEqual(await form2.rowValues('医療相談事業'), ['1', '12', ''], 'unit removed, blank stays blank');

  // 難病対策地域協議会 in its form; Enter in a one-line field saves.
  await form2.edit('難病対策地域協議会');
  assertEqual(await form2.heading(), '難病対策地域協議会', 'form heading');
  assertEqual(await form2.value('operator'), '都道府県、保健所設置市・特別区', '実施主体 pre-filled');
  assert((await form2.value('summary')).startsWith('難病法第32条に規定する難病対策地域協議会を設置し'), '概要 pre-filled');
  await form2.choose('implemented', '1 有');
  await form2.fill('count_local', '1');
  await form2.fill('count_prefecture', '6');
  await form2.fill('council.first_year', '平成28年度');
  await form2.fill('council.meetings_this_year', '2');
  await form2.choose('council.unit', 'その他');
  await form2.fill('council.unit_other', '二次医療圏単位');
  await form2.fill('council.agenda', '災害時の個別支援計画について\n人工呼吸器使用者の停電対策');
  await form2.fill('outcome', '関係機関で災害時の役割分担を確認できた');
  await form2.fill('challenge', '医療機関の参加が少ない');
  await page.screenshot({ path: shot('prog-council.png'), fullPage: true });
  await form2.saveWithEnter('council.meetings_this_year');

  // 難病相談支援センター事業.
  await form2.edit('難病相談支援センター事業');
  await form2.choose('implemented', '1 有');
  await form2.fill('count_prefecture', '1,520');
  await form2.choose('center.operation', '委託');
  await form2.fill('center.contractor', 'NPO法人A難病支援ネット');
  await form2.setChecked('center.activities.consultation', true);
  await form2.setChecked('center.activities.peer_support', true);
  await form2.setChecked('center.activities.other', true);
  await form2.fill('center.activities.other_text', '患者会支援');
  await form2.fill('outcome', '就労相談が増えた');
  await page.screenshot({ path: shot('prog-center.png'), fullPage: true });
  await form2.save();

  // A 独自事業.
  await form2.addOwn();
  assertEqual(await form2.heading(), '独自事業の追加', 'new form');
  await form2.fill('name', '難病患者在宅レスパイト事業');
  await form2.fill('operator', '多摩市');
  await form2.choose('implemented', '1 有');
  await form2.fill('count_local', '7');
  await form2.fill('summary', '在宅の難病患者の家族の休息のため訪問看護を延長する');
  await form2.fill('outcome', '利用者7人');
  await form2.fill('challenge', '周知が不十分');
  await form2.saveWithEnter('count_local');

  await form2.reload();
  await form2.table().waitFor();
  assertEqual(await form2.names(), [...STANDARD, '難病患者在宅レスパイト事業'], '独自事業 after the standard rows');
  assertEqual(await form2.rowValues('在宅難病患者一時入院事業'), ['1', '3', '45'], 'after reload: row 1');
  assertEqual(await form2.rowValues('在宅療養支援計画策定・評価事業'), ['', '', '0'], 'after reload: row 2');
  assertEqual(await form2.rowValues('訪問相談員育成事業'), ['0', '0', '0'], 'after reload: 0 件 is kept');
  assertEqual(await form2.rowValues('医療相談事業'), ['1', '12', ''], 'after reload: blank stays blank');
  assertEqual(await form2.rowValues('訪問相談・指導事業（訪問診療）'), ['', '', ''], 'untouched stays 未入力');
  assertEqual(await form2.rowValues('難病対策地域協議会'), ['1', '1', '6'], 'council counts');
  assertEqual(await form2.rowValues('難病相談支援センター事業'), ['1', '', '1520'], 'centre counts');
  assertEqual(await form2.rowValues('難病患者在宅レスパイト事業'), ['1', '7', ''], 'own counts');
  const council = await form2.rowText('難病対策地域協議会');
  for (const part of ['【初回】平成28年度', '【令和7年度開催】2回/年', '【設置単位】その他（二次医療圏単位）', '関係機関で災害時の役割分担を確認できた', '医療機関の参加が少ない']) {
    assert(council.includes(part), `council row shows ${part}: ${council}`);
  }
  const center = await form2.rowText('難病相談支援センター事業');
  assert(center.includes('【運営方法】委託（委託先: NPO法人A難病支援ネット）'), `centre row: ${center}`);
  assert(center.includes('【実施事業】相談、ピアサポート、その他（患者会支援）'), `centre activities: ${center}`);
  await page.screenshot({ path: shot('prog-table.png'), fullPage: true });

  // Every stored value in the forms.
  await form2.edit('難病対策地域協議会');
  assertEqual(await form2.chosen('implemented'), '1 有', 'council 実施');
  assertEqual(await form2.value('count_local'), '1', 'council count 1');
  assertEqual(await form2.value('count_prefecture'), '6', 'council count 2');
  assertEqual(await form2.value('council.first_year'), '平成28年度', '初回');
  assertEqual(await form2.value('council.meetings_this_year'), '2', '開催回数');
  assertEqual(await form2.chosen('council.unit'), 'その他', '設置単位');
  assertEqual(await form2.value('council.unit_other'), '二次医療圏単位', 'その他の内容');
  assertEqual(await form2.value('council.agenda'), '災害時の個別支援計画について\n人工呼吸器使用者の停電対策', '議題');
  assertEqual(await form2.chosen('council.related_meeting'), '未入力', '関連する会議 untouched');
  assertEqual(await form2.value('outcome'), '関係機関で災害時の役割分担を確認できた', '成果');
  assertEqual(await form2.value('challenge'), '医療機関の参加が少ない', '課題');
  await page.keyboard.press('Escape'); // nothing changed: straight back
  await form2.table().waitFor();

  await form2.edit('難病相談支援センター事業');
  assertEqual(await form2.chosen('center.operation'), '委託', '運営方法');
  assertEqual(await form2.value('center.contractor'), 'NPO法人A難病支援ネット', '委託先');
  for (const [box, on] of [['consultation', true], ['lectures', false], ['employment', false], ['peer_support', true], ['other', true]]) {
    assertEqual(await form2.isChecked(`center.activities.${box}`), on, `実施事業 ${box}`);
  }
  assertEqual(await form2.value('center.activities.other_text'), '患者会支援', 'その他の内容');
  assertEqual(await form2.value('outcome'), '就労相談が増えた', 'centre 成果');
  await form2.back();
  await form2.table().waitFor();

  await form2.edit('難病患者在宅レスパイト事業');
  assertEqual(await form2.value('name'), '難病患者在宅レスパイト事業', '事業名');
  assertEqual(await form2.value('operator'), '多摩市', 'own 実施主体');
  assertEqual(await form2.value('summary'), '在宅の難病患者の家族の休息のため訪問看護を延長する', 'own 概要');
  assertEqual(await form2.value('outcome'), '利用者7人', 'own 成果');
  assertEqual(await form2.value('challenge'), '周知が不十分', 'own 課題');
  assertEqual(await form2.value('count_prefecture'), '', 'own blank count');
  assertNoProblems(problems);
  await context.close();
});

test('様式2: 件数に文字・「その他」の内容なしは項目名つきの日本語で示し、何も保存しない', async ({ server }) => {
  const { context, problems, page, home, form2 } = await start('prog-bad');
  await home.goto(server.url);
  await home.create('北多摩保健所管内', '令和7');
  await form2.open();

  // Letters in a count in the table.
  await form2.cell('医療相談事業', 'count_local').fill('十二');
  await form2.cell('医療相談事業', 'count_prefecture').fill('abc');
  const cell = await form2.cellErrors('医療相談事業');
  assertEqual(cell, ['エラー: 数字で入力してください（不明なら空欄、0件なら0）', 'エラー: 数字で入力してください（不明なら空欄、0件なら0）'], 'messages beside the cells');
  const summary = await form2.issueSummary();
  assert(summary.includes('医療相談事業 実施件数（管轄地域）: 数字で入力してください'), `summary names the field: ${summary}`);
  assert(summary.includes('医療相談事業 実施件数（都道府県全体）: 数字で入力してください'), `summary names the field: ${summary}`);
  assertEqual(await form2.cell('医療相談事業', 'count_local').getAttribute('aria-invalid'), 'true', 'cell marked');
  await form2.quickSave();
  const error = await form2.noticeError().innerText();
  assert(error.includes('入力に誤りがあるため保存していません'), `says nothing was saved: ${error}`);
  await page.screenshot({ path: shot('prog-table-error.png'), fullPage: true });

  await page.waitForTimeout(1200); // the draft is written 0.7 s after the last keystroke
  await form2.reload();
  await form2.table().waitFor();
  assertEqual(await form2.rowValues('医療相談事業'), ['', '', ''], 'nothing stored');
  assert(await form2.unsavedDefaults().isVisible(), 'no record was created');
  assert(await form2.waitDraftOffer(), 'the typed text is offered back as a draft');
  await form2.discardDraft();
  // Esc in the table asks before throwing typed counts away.
  await form2.cell('訪問相談員育成事業', 'count_local').fill('5');
  await form2.cell('訪問相談員育成事業', 'count_local').press('Escape');
  await form2.modal('保存していない実施・件数の入力を取り消して').waitFor();
  await form2.modalButton('取り消す');
  assertEqual(await form2.rowValues('訪問相談員育成事業'), ['', '', ''], 'Esc confirmed: back to the saved values');

  // その他 without its text in the centre and the council forms.
  await form2.edit('難病相談支援センター事業');
  await form2.choose('implemented', '1 有');
  await form2.setChecked('center.activities.other', true);
  await form2.fill('count_local', '3x');
  await form2.dismissNotice();
  await form2.field('count_local').press('Enter');
  await form2.noticeError().waitFor();
  const msgs = await form2.messages();
  assert(msgs.includes('エラー: 「その他」の内容を入力してください'), `その他 message: ${msgs}`);
  assert(msgs.includes('エラー: 数字で入力してください（不明なら空欄、0件なら0）'), `count message: ${msgs}`);
  const s2 = await form2.summary();
  assert(s2.includes('難病相談支援センター事業 実施事業（その他）: 「その他」の内容を入力してください'), `summary: ${s2}`);
  assert(s2.includes('難病相談支援センター事業 実施件数（管轄地域）'), `summary: ${s2}`);
  assert(await form2.detail().isVisible(), 'stays in the form');
  await page.screenshot({ path: shot('prog-center-error.png'), fullPage: true });
  // Fixing the count leaves the その他 error: still not saved.
  await form2.fill('count_local', '3');
  await form2.dismissNotice();
  await form2.field('count_local').press('Enter');
  await form2.noticeError().waitFor();
  // A warning only (委託 without 委託先) would not block; その他 does.
  await form2.choose('center.operation', '委託');
  assert((await form2.messages()).includes('注意: 委託の場合は委託先を入力してください'), 'warning shown');

  await page.waitForTimeout(1200);
  await form2.reload();
  await form2.detail().waitFor();
  assertEqual(await form2.isChecked('center.activities.other'), false, 'nothing stored');
  assertEqual(await form2.value('count_local'), '', 'nothing stored');
  await form2.waitDraftOffer();
  await form2.discardDraft();

  await form2.back();
  await form2.edit('難病対策地域協議会');
  await form2.choose('council.unit', 'その他');
  await form2.fill('council.first_year', '令和9年度');
  await form2.dismissNotice();
  await form2.field('council.first_year').press('Enter');
  await form2.noticeError().waitFor();
  const s3 = await form2.summary();
  assert(s3.includes('難病対策地域協議会 設置単位（その他）: 「その他」の内容を入力してください'), `unit その他: ${s3}`);
  assert(s3.includes('難病対策地域協議会 初回開催年度: 初回開催年度（令和9年度）が地域診断の年度（令和7年度）より後です'), `first year: ${s3}`);
  await form2.reload();
  await form2.detail().waitFor();
  assertEqual(await form2.chosen('council.unit'), '未入力', 'nothing stored');
  assertEqual(await form2.value('council.first_year'), '', 'nothing stored');
  assertNoProblems(problems);
  await context.close();
});

test('様式2: 入力途中の下書きは再読み込み後に復元でき、Escは確認してから取り消す', async ({ server }) => {
  const { context, problems, page, home, form2 } = await start('prog-draft');
  await home.goto(server.url);
  await home.create('南多摩保健所管内', '2025');
  await form2.open();
  await form2.edit('在宅人工呼吸器使用患者支援事業（訪問看護）');
  await form2.choose('implemented', '1 有');
  await form2.fill('count_local', '4');
  await form2.fill('challenge', '委託契約している訪問看護ステーションは管内2ヶ所あるが新規の利用者が少ない');
  assert(await form2.dirtyMark().isVisible(), '未保存 shown');
  await page.waitForTimeout(1500); // the draft is written 0.7 s after the last keystroke
  await form2.reload();
  await form2.detail().waitFor();
  assertEqual(await form2.value('count_local'), '', 'the stored value is blank');
  assert(await form2.waitDraftOffer(), 'draft offered');
  await form2.restoreDraft();
  assertEqual(await form2.chosen('implemented'), '1 有', 'draft 実施');
  assertEqual(await form2.value('count_local'), '4', 'draft count');
  assertEqual(await form2.value('challenge'), '委託契約している訪問看護ステーションは管内2ヶ所あるが新規の利用者が少ない', 'draft text');

  // Esc with changes asks first; 取り消し in the dialog keeps the input.
  await form2.field('count_local').press('Escape');
  const dialog = form2.modal();
  await dialog.waitFor();
  assert((await dialog.innerText()).includes('保存していない入力を取り消して一覧に戻ります'), 'asks before discarding');
  await form2.modalButton(/^取り消し$/);
  assertEqual(await form2.value('count_local'), '4', 'kept after saying no');
  await form2.saveWithEnter('count_local');
  assertEqual(await form2.rowValues('在宅人工呼吸器使用患者支援事業（訪問看護）'), ['1', '4', ''], 'saved');
  await form2.reload();
  await form2.table().waitFor();
  assertEqual(await form2.draftOffer().count(), 0, 'no draft left after saving');
  await form2.edit('在宅人工呼吸器使用患者支援事業（訪問看護）');
  assertEqual(await form2.draftOffer().count(), 0, 'the form has no draft either');
  assertEqual(await form2.value('challenge'), '委託契約している訪問看護ステーションは管内2ヶ所あるが新規の利用者が少ない', 'stored');

  // Esc after a change, confirmed: back to the table, nothing saved.
  await form2.fill('outcome', '消える入力');
  await form2.field('count_local').press('Escape');
  await form2.modalButton('取り消して戻る');
  await form2.table().waitFor();
  await form2.edit('在宅人工呼吸器使用患者支援事業（訪問看護）');
  assertEqual(await form2.value('outcome'), '', 'discarded');

  // Leaving at once after a keystroke (before the draft timer fires): no error screen, and
  // the draft is written on the way out.
  await form2.fill('outcome', 'すぐに離れた入力');
  await form2.nav('地域の概況');
  await form2.waitHeading('地域の概況');
  await form2.nav('様式2 事業');
  await form2.table().waitFor();
  await form2.edit('在宅人工呼吸器使用患者支援事業（訪問看護）');
  await form2.waitDraftOffer();
  await form2.restoreDraft();
  assertEqual(await form2.value('outcome'), 'すぐに離れた入力', 'draft kept when leaving at once');
  assertNoProblems(problems);
  await context.close();
});

test('様式2: 前年度の値を並べて表示、独自事業・標準事業の削除と復元、印刷', async ({ server }) => {
  const { context, problems, page, home, form2 } = await start('prog-years');
  await home.goto(server.url);
  await home.create('多摩立川保健所管内', '2024');
  await form2.open();
  await form2.setImplemented('医療相談事業', '1');
  await form2.setCounts('医療相談事業', '5', '50');
  await form2.quickSave();
  await form2.waitNotice('保存しました');
  await form2.edit('医療相談事業');
  await form2.fill('outcome', '前年度の成果: 相談会を年2回開催');
  await form2.fill('challenge', '前年度の課題: 会場が遠い');
  await form2.save();
  await form2.addOwn();
  await form2.fill('name', '難病カフェ');
  await form2.fill('count_local', '9');
  await form2.save();

  await home.open();
  await home.create('多摩立川保健所管内', '2025');
  await form2.open();
  const medical = await form2.rowText('医療相談事業');
  assert(medical.includes('前年度 1 有') && medical.includes('前年度 5件') && medical.includes('前年度 50件'), `last year's counts beside: ${medical}`);
  assert((await form2.rowText('訪問相談員育成事業')).includes('前年度 未入力'), 'last year blank shows 未入力');
  await form2.edit('医療相談事業');
  const prevCounts = await form2.previous('counts');
  assert(prevCounts.includes('前年度（令和6年度）') && prevCounts.includes('(1) 管轄地域 5件') && prevCounts.includes('(2) 都道府県全体 50件'), prevCounts);
  assert((await form2.previous('成果')).includes('前年度の成果: 相談会を年2回開催'), 'last year 成果');
  assert((await form2.previous('課題')).includes('前年度の課題: 会場が遠い'), 'last year 課題');
  await form2.fill('outcome', '今年度は3回開催');
  await page.screenshot({ path: shot('prog-previous.png'), fullPage: true });
  await form2.save();

  // 独自事業 of the same name shows last year's too; delete it (confirmation names it), restore.
  await form2.addOwn();
  await form2.fill('name', '難病カフェ');
  await form2.save();
  assert((await form2.rowText('難病カフェ')).includes('前年度 9件'), 'own row matched by name');
  await form2.edit('難病カフェ');
  const text = await form2.askDelete();
  assert(text.includes('「難病カフェ」を様式2から削除します'), `confirmation names it: ${text}`);
  await form2.modalButton('取り消し');
  assert(await form2.detail().isVisible(), 'cancel keeps it');
  await form2.askDelete();
  await form2.confirmDelete();
  assertEqual((await form2.names()).includes('難病カフェ'), false, 'gone from the list');
  assertEqual(await form2.trashNames(), ['難病カフェ'], 'in the trash');

  // A standard row removed by mistake comes back from the trash in its place.
  await form2.edit('難病対策地域協議会');
  await form2.askDelete();
  await form2.confirmDelete();
  assertEqual(await form2.trashNames(), ['難病対策地域協議会', '難病カフェ'], 'latest deletion first');
  await page.screenshot({ path: shot('prog-trash.png'), fullPage: true });
  await form2.reload();
  await form2.table().waitFor();
  await form2.restore('難病対策地域協議会');
  await form2.restore('難病カフェ');
  assertEqual(await form2.names(), [...STANDARD, '難病カフェ'], 'restored in the form order');
  assertEqual(await form2.trash().count(), 0, 'trash empty');

  // Print: header with 地区名, 年度 and date; no navigation; the paper form's columns.
  await form2.edit('難病対策地域協議会');
  await form2.fill('council.meetings_this_year', '3');
  await form2.fill('council.first_year', '2016');
  await form2.save();
  assert(!(await form2.print().isVisible()), 'print view hidden on screen');
  await page.emulateMedia({ media: 'print' });
  assert(await form2.print().isVisible(), 'print view shown on paper');
  assertEqual(await form2.navVisible(), false, 'no navigation on paper');
  assertEqual(await form2.appHeaderVisible(), false, 'no app header on paper');
  assertEqual(await form2.table().isVisible(), false, 'no input table on paper');
  assertEqual(await form2.printJurisdiction(), '多摩立川保健所管内', '地区名');
  assertEqual(await form2.printYear(), '令和7年度（2025年度）', '年度');
  const date = await form2.printDate();
  const today = new Date().toLocaleDateString('ja-JP', { timeZone: 'Asia/Tokyo', year: 'numeric', month: 'numeric', day: 'numeric' });
  const [y, m, d] = today.split('/');
  assertEqual(date, `${y}年${m}月${d}日`, 'print date');
  const heads = await form2.printHeadings();
  for (const h of ['事業名〔実施主体〕', '実施', '実施件数（令和7年度）', '(1) 管轄地域（件）', '(2) 都道府県全体（件）', '事業の概要と評価', '事業の概要', '成果', '課題']) {
    assert(heads.includes(h), `print header ${h}: ${heads}`);
  }
  const rows = await form2.printRows();
  assertEqual(rows.length, 10, 'one printed row per programme');
  assertEqual(rows[3].slice(0, 4), ['難病患者地域支援対策推進事業 医療相談事業〔都道府県、保健所設置市・特別区〕', '', '', ''], '未入力 prints blank');
  assertEqual(rows[5][0], '難病患者地域支援対策推進事業 難病対策地域協議会〔都道府県、保健所設置市・特別区〕', 'council title');
  assert(rows[5][4].includes('【初回】平成28年度') && rows[5][4].includes('【令和7年度開催】3回/年'), `council details: ${rows[5][4]}`);
  assertEqual(rows[9][0], '独自事業 難病カフェ', 'own row');
  await page.screenshot({ path: shot('prog-print.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });

  // The same after a save in the quick table: the printed row shows it.
  await form2.setImplemented('医療相談事業', '1');
  await form2.setCounts('医療相談事業', '0', '61');
  await form2.quickSave();
  await form2.waitNotice('保存しました');
  const after = await form2.printRows();
  assertEqual(after[3].slice(1, 4), ['1 有', '0', '61'], '0 件 prints 0');
  assertEqual(after[3][5], '今年度は3回開催', '成果 printed');
  assertNoProblems(problems);
  await context.close();
});
