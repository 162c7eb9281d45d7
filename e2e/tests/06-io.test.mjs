// Issue 6: データの入出力 — export, import with a plan, conflicts side by side, encrypted
// files, refused files, CSV for Excel, anonymised copies, the backup reminder and progress.
//
// The 様式1/様式3 pages are built elsewhere: records are seeded by importing bundle files
// (tests/bundles/good/ and files made here), which is itself a test of import.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, launch, newProfileDir, assert, assertEqual, assertNoProblems, shot } from '../lib.mjs';
import { DiagnosisTrashPage } from '../pages/diagnosis-trash.mjs';
import { IoPage, refusalMatches } from '../pages/io.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const BUNDLES = path.resolve(here, '..', '..', 'tests', 'bundles');
const FULL = path.join(BUNDLES, 'good', 'full_v1.json');
/** The same with ふりがな (bundle format 2, issue 16). */
const FULL_V2 = path.join(BUNDLES, 'good', 'full_v2.json');
const BAD_EXPECTED = JSON.parse(fs.readFileSync(path.join(BUNDLES, 'bad', 'expected.json'), 'utf8'));
const A_TITLE = 'A保健所管内 令和7年度（2025年度）';
// full_v1.json: 地域診断 d-2025 with 療養者 p-1 (山田 太郎) and p-2 (鈴木 花子), ステーション s-1,
// 地域の概況, 事業 g-1 (協議会) and アセスメント as-1.
const A_COUNTS = '地域診断 1件・療養者 2人・訪問看護ステーション 1件・事業 1件・その他 2件';

function tmpFile(name, content) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nanbyo-io-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

/** full_v1.json with `n` more 療養者 (copies of p-2 under new IDs). */
function bigBundle(n) {
  const b = JSON.parse(fs.readFileSync(FULL, 'utf8'));
  const template = b.records.find((r) => r.id === 'p-2');
  const extra = [];
  for (let i = 0; i < n; i++) {
    const r = structuredClone(template);
    r.id = `bulk-${String(i).padStart(5, '0')}`;
    r.body.id_number = `B-${i}`;
    r.body.name = `大量 ${i}`;
    extra.push(r);
  }
  b.records = [...b.records, ...extra];
  return tmpFile(`大量_${n}.nanbyo.json`, JSON.stringify(b));
}

async function start(server, name) {
  const { context, problems } = await launch(newProfileDir(name));
  const page = context.pages()[0] || (await context.newPage());
  const io = new IoPage(page);
  // The 地域診断の一覧 and its ゴミ箱 (a 地域診断 is deleted for good to import it back).
  const home = new DiagnosisTrashPage(page);
  await io.goto(server.url);
  return { context, problems, page, io, home };
}

async function importAndApply(io, file) {
  await io.open();
  await io.chooseFile(file);
  const summary = await io.summary();
  const done = await io.apply();
  return { summary, done };
}

test('入出力: 書き出し→地域診断を削除→読み込みで全て戻る。同じファイルをもう一度読み込んでも何も変わらない', async ({ server }) => {
  const { context, problems, page, io, home } = await start(server, 'io-roundtrip');
  // Seed: a 地域診断 made through the UI, and one imported from a file.
  await home.create('多摩府中保健所管内', '2025');
  const seeded = await importAndApply(io, FULL);
  assertEqual(seeded.summary, { new: 7, updated: 0, merged: 0, identical: 0, local_newer: 0, conflict: 0, refused: 0 }, 'all new');
  assertEqual(seeded.done, '取り込みました（新規 7件・更新 0件）', 'done message');

  await home.open();
  const before = await home.rows();
  assertEqual(before, [['A保健所管内', '令和7年度（2025年度）'], ['多摩府中保健所管内', '令和7年度（2025年度）']], 'both listed');
  await io.open();
  assertEqual(await io.diagnosisCounts(A_TITLE), A_COUNTS, 'counts of the imported 地域診断');
  assertEqual(await io.diagnosisCounts('多摩府中保健所管内 令和7年度（2025年度）'), '地域診断 1件・療養者 0人・訪問看護ステーション 0件', 'the UI-made one');

  // Export everything (a backup).
  await io.scope('all');
  assertEqual(await io.selection(), `書き出す記録: 地域診断 2件・療養者 2人・訪問看護ステーション 1件・事業 1件・その他 2件`, 'selection');
  const backup = await io.exportFile();
  assert(/^難病地域診断_全件_\d{8}\.nanbyo\.json$/.test(backup.name), `file name: ${backup.name}`);
  const json = JSON.parse(backup.text);
  assertEqual([json.format, json.version, json.diagnoses.length, json.records.length], ['nanbyo-chiiki-shindan-bundle', 6, 2, 6], 'bundle content');
  // Issue 17: a backup carries the 変更履歴 of what it holds (one entry per record so far).
  assertEqual(json.history.length, 8, 'the history of the 8 records');
  await io.waitNotice('を書き出しました');
  await io.waitLastExport('（その後の変更なし）');

  // Delete both 地域診断 for good (to the ゴミ箱, then 完全に削除).
  await home.open();
  for (const name of ['A保健所管内', '多摩府中保健所管内']) {
    await home.deleteForGood(name);
    await home.waitNotice(`「${name} 令和7年度（2025年度）」を完全に削除しました`);
  }
  assertEqual(await home.rows(), [], 'all deleted');
  assertEqual(await home.trashRows(), [], 'none left in the ゴミ箱');

  // Import the backup: everything comes back.
  await io.open();
  await io.chooseFile(backup.file);
  assertEqual((await io.summary()).new, 8, '8 records new again');
  assert((await io.verdict()).startsWith('確定すると、8件を追加します。削除される記録はありません。'), await io.verdict());
  await io.apply();
  await home.open();
  assertEqual(await home.rows(), before, 'the list is back');
  await io.open();
  assertEqual(await io.diagnosisCounts(A_TITLE), A_COUNTS, 'the records are back');

  // The same file again: nothing to do, no button to write.
  await io.chooseFile(backup.file);
  assertEqual(await io.summary(), { new: 0, updated: 0, merged: 0, identical: 8, local_newer: 0, conflict: 0, refused: 0 }, 'identical');
  assertEqual(await io.verdict(), 'このファイルの内容はすべてこの端末にあります。取り込んでも何も変わりません。', 'verdict');
  assertEqual(await io.hasApply(), 0, 'no apply button');
  await io.cancelImport();
  // Dropping the file on the page works the same.
  await io.dropFile(backup.file);
  assertEqual((await io.summary()).identical, 8, 'drag and drop');
  await io.cancelImport();
  await page.screenshot({ path: shot('io-roundtrip.png'), fullPage: true });
  assertNoProblems(problems);
  await context.close();
});

test('入出力: 二つの端末で同じ項目を違う値に変えると、競合を並べて示し、選んだ値にする', async ({ server }) => {
  const a = await start(server, 'io-conflict-a');
  const b = await start(server, 'io-conflict-b');
  await a.home.create('競合テスト地区', '2025');
  await a.io.open();
  await a.io.scope('all');
  const first = await a.io.exportFile();
  await importAndApply(b.io, first.file);

  // Both nurses rename the same 地域診断, differently.
  await a.home.open();
  await a.home.rename('競合テスト地区', '競合テスト地区（A端末）');
  await b.home.open();
  await b.home.rename('競合テスト地区', '競合テスト地区（B端末）');

  await a.io.open();
  await a.io.scope('all');
  const second = await a.io.exportFile();
  await b.io.open();
  await b.io.chooseFile(second.file);
  assertEqual((await b.io.summary()).conflict, 1, 'one conflict');
  const conflicts = await b.io.conflicts();
  assertEqual(conflicts.length, 1, 'one field');
  const c = conflicts[0];
  assertEqual([c.field, c.ours, c.theirs], ['地区名', '競合テスト地区（B端末）', '競合テスト地区（A端末）'], 'both values side by side');
  assert(c.ourStamp.endsWith('この端末で変更'), `our stamp: ${c.ourStamp}`);
  assert(/^\d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d・端末 \S+ で変更$/.test(c.theirStamp), `their stamp: ${c.theirStamp}`);
  assert(c.record.startsWith('地域診断 '), `record named: ${c.record}`);
  await b.page.screenshot({ path: shot('io-conflict.png'), fullPage: true });
  assert((await b.io.resolutionSummary().innerText()).includes('選んでいない1項目はこの端末の値のまま'), 'open conflict explained');

  await b.io.chooseConflict(0, 'theirs');
  await b.io.resolutionSummary('競合 1項目をすべて選びました。').waitFor();
  await b.io.apply();
  await b.home.open();
  assertEqual(await b.home.rows(), [['競合テスト地区（A端末）', '令和7年度（2025年度）']], 'the chosen value');

  // The same file again: the choice is remembered.
  await b.io.open();
  await b.io.chooseFile(second.file);
  assertEqual((await b.io.summary()).conflict, 0, 'no conflict the second time');
  assertEqual(await b.io.hasApply(), 0, 'nothing to write');
  await b.io.cancelImport();
  assertNoProblems(a.problems);
  assertNoProblems(b.problems);
  await a.context.close();
  await b.context.close();
});

test('入出力: 暗号化して書き出し、パスワードで読み込む。違うパスワードや改ざんは断る', async ({ server }) => {
  const { context, problems, page, io, home } = await start(server, 'io-crypto');
  await importAndApply(io, FULL);
  await io.open();
  await io.scope('all');
  await io.mode('encrypted');
  // Too short, then not matching: refused with the field named.
  await io.setPasswords('abc');
  await io.exportButton().click();
  assert((await io.fieldErrors()).some((e) => e.includes('パスワードは10文字以上にしてください（いま3文字）')), 'too short');
  await io.setPasswords('さくら もみじ いちょう', 'さくら もみじ いちよう');
  assert((await io.fieldErrors()).some((e) => e.includes('確認のパスワードが一致しません')), 'mismatch');
  assert((await io.exportPanel().innerText()).includes('パスワードを忘れると、このファイルは誰にも開けなくなります'), 'warning shown');
  await io.setPasswords('さくら もみじ いちょう');
  const enc = await io.exportFile();
  assert(/^難病地域診断_全件_暗号化_\d{8}\.nanbyo\.json$/.test(enc.name), `file name: ${enc.name}`);
  const env = JSON.parse(enc.text);
  assertEqual([env.format, env.kdf.name, env.kdf.iterations, env.cipher.name], ['nanbyo-chiiki-shindan-encrypted', 'PBKDF2-SHA256', 600000, 'AES-256-GCM'], 'envelope');
  assertEqual(Buffer.from(env.kdf.salt, 'base64').length, 16, 'salt 16 bytes');
  assertEqual(Buffer.from(env.cipher.iv, 'base64').length, 12, 'iv 12 bytes');
  assert(!enc.text.includes('山田') && !enc.text.includes('A保健所'), 'no plain text in the file');

  await home.open();
  await home.deleteForGood('A保健所管内');

  // Wrong password: refused, nothing written.
  await io.open();
  await io.chooseFile(enc.file);
  await io.enterImportPassword('さくら もみじ いちよう');
  assertEqual(await io.passwordError(), 'パスワードが違うか、ファイルが壊れています', 'wrong password');
  await home.open();
  assertEqual(await home.rows(), [], 'nothing written');

  // Right password: the plan, then everything back.
  await io.open();
  await io.chooseFile(enc.file);
  await io.enterImportPassword('さくら もみじ いちょう');
  assertEqual((await io.summary()).new, 7, 'decrypted and planned');
  await io.apply();
  await home.open();
  assertEqual(await home.rows(), [['A保健所管内', '令和7年度（2025年度）']], 'restored');

  // A changed header (fewer iterations would be weaker; any change) fails authentication.
  const tampered = { ...env, kdf: { ...env.kdf, iterations: 700000 } };
  const tamperedFile = tmpFile('改ざん.nanbyo.json', JSON.stringify(tampered));
  await io.open();
  await io.chooseFile(tamperedFile);
  await io.enterImportPassword('さくら もみじ いちょう');
  assertEqual(await io.passwordError(), 'パスワードが違うか、ファイルが壊れています', 'tampered header');
  // Fewer than 600,000 iterations is refused before asking.
  const weak = tmpFile('弱い.nanbyo.json', JSON.stringify({ ...env, kdf: { ...env.kdf, iterations: 1000 } }));
  await io.chooseFile(weak);
  assert((await io.refusal()).includes('鍵の計算回数（iterations）が少なすぎます'), await io.refusal());
  assertNoProblems(problems);
  await context.close();
});

test('入出力: 壊れたファイル・不正なファイルは理由を示して断り、何も変えない', async ({ server }) => {
  const { context, problems, page, io, home } = await start(server, 'io-bad');
  await importAndApply(io, FULL);
  for (const name of ['age_130.json', 'truncated.json', 'duplicate_ids.json', 'programme_count_negative.json', 'utf16.json']) {
    await io.open();
    await io.chooseFile(path.join(BUNDLES, 'bad', name));
    const text = await io.refusal();
    assert(text.includes(`「${name}」は取り込めません。この端末のデータは変更していません。`), `${name}: heading: ${text}`);
    assert(refusalMatches(text, BAD_EXPECTED[name]), `${name}: expected ${JSON.stringify(BAD_EXPECTED[name])} in: ${text}`);
    if (name === 'age_130.json') await page.screenshot({ path: shot('io-refused.png'), fullPage: true });
    await io.closeRefusal();
  }
  await home.open();
  assertEqual(await home.rows(), [['A保健所管内', '令和7年度（2025年度）']], 'list unchanged');
  await io.open();
  assertEqual(await io.diagnosisCounts(A_TITLE), A_COUNTS, 'records unchanged');
  assertNoProblems(problems);
  await context.close();
});

const PATIENT_HEADER = [
  '番号', '住所', '氏名', '発症時期', '初発症状', '年齢', 'ADL',
  '医療処置管理 人工呼吸器', '医療処置管理 気管切開', '医療処置管理 吸引', '医療処置管理 経管栄養', '医療処置管理 その他',
  '使用医療機器',
  '特定症状 呼吸障害', '特定症状 嚥下障害', '特定症状 構音障害', '特定症状 排尿障害', '特定症状 自律神経障害',
  '神経内科専門医療機関 機関名', '神経内科専門医療機関 受診形態', '神経内科専門医療機関 頻度（回/月）',
  'かかりつけ主治医 機関名', 'かかりつけ主治医 受診形態', 'かかりつけ主治医 頻度（回/月）',
  '緊急時の入院機関', 'レスパイトの入院・入所機関', '在宅でのレスパイト', '緊急時の訪問看護',
  '訪問看護ステーション 機関名', '訪問看護ステーション 利用機関数', '訪問看護ステーション 1週間の合計訪問回数（回）',
  '医療機関からの訪問看護 機関名', '医療機関からの訪問看護 1週間の合計訪問回数（回）',
  '在宅人工呼吸器使用患者支援事業 利用', '在宅人工呼吸器使用患者支援事業 事業による訪問回数（回）',
  '1週間の合計訪問看護利用回数', '介護保険（介護度）', '身体障害者手帳（級）', '障害支援区分',
  '障害者総合支援法による居宅介護', '災害時個別支援計画', '最終把握時期', '支援管理区分',
  'ID番号', '疾患', '病型', '医療処置管理 その他の内容', 'ギャップ', 'ふりがな',
].join(',');
const STATION_HEADER = [
  '番号', '名称', '所在地', '看護師の常勤換算', '平均的な1ヶ月の実利用者数', '（4）のうち医療保険利用者数',
  '訪問数を増加する余裕', '医療保険加算届出 24時間対応体制加算', '医療保険加算届出 特別管理加算',
  'ALS患者の訪問看護実績', '人工呼吸器使用患者（NPPV、TPPV）の訪問看護実績', 'ALS患者の今後の受け入れ',
  '重心児（重症心身障害児）の今後の受け入れ',
].join(',');

test('入出力: 様式1・様式3のCSVはBOM付きUTF-8で日本語の見出し、氏名を隠す設定に従う', async ({ server }) => {
  const { context, problems, page, io } = await start(server, 'io-csv');
  await importAndApply(io, FULL_V2);
  await io.open();
  let csv = await io.csv('patients', A_TITLE);
  assert(/^難病地域診断_A保健所管内_2025年度_様式1療養者_\d{8}\.csv$/.test(csv.name), `name: ${csv.name}`);
  assertEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'BOM');
  let lines = csv.text.slice(1).split('\r\n');
  assertEqual(lines[0], PATIENT_HEADER, 'header row');
  // p-1 by hand: 番号 1, 住所 A市 (市町村まで), 氏名, 発症 2019年5月, 初発症状, 67歳, ADL 一部介助 = 2.
  assert(lines[1].startsWith('1,A市,山田 太郎,2019年5月,話しにくくなった,67,2,'), lines[1]);
  assert(lines[2].startsWith('2,C町,鈴木 花子,'), lines[2]);
  assert(lines[1].endsWith(',やまだ たろう') && lines[2].endsWith(',ｽｽﾞｷ ﾊﾅｺ'), 'ふりがな last, as typed');
  assert(!csv.text.includes('B町1-2'), 'no address below the 市町村');
  assertEqual(lines.length, 4, 'two rows and the final CRLF');

  // 氏名・住所を隠す: the ID番号 instead of the name.
  await io.hideNames(true);
  csv = await io.csv('patients', A_TITLE);
  lines = csv.text.slice(1).split('\r\n');
  assert(lines[1].startsWith('1,A市,A-001,'), lines[1]);
  assert(!csv.text.includes('山田'), 'no name when hidden');
  assert(!csv.text.includes('やまだ') && lines[1].endsWith(','), 'no reading when hidden');
  await io.hideNames(false);

  csv = await io.csv('stations', A_TITLE);
  assertEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'BOM');
  lines = csv.text.slice(1).split('\r\n');
  assertEqual(lines[0], STATION_HEADER, 'station header row');
  // s-1: 常勤換算 2.8, 40人, 12人, 余裕 有, 24時間 有, 特別管理 無, ALS実績 有, 呼吸器 無, ALS 可能 2, 重心児 検討可 1.
  assertEqual(lines[1], '1,Ａステーション,A市1-1,2.8,40,12,1,1,0,1,0,2,1', 'station row');
  assertNoProblems(problems);
  await context.close();
});

test('入出力: 匿名化は内容（自由記述の実際の文、小集団の注意）を示してから書き出す', async ({ server }) => {
  const { context, problems, page, io } = await start(server, 'io-anon');
  await importAndApply(io, FULL);
  await io.open();
  await io.scope('all');
  await io.mode('anonymised');
  assert(await io.exportButton().isDisabled(), 'review first');
  await io.anonymiseReview();
  const report = await io.anonReport();
  assert(report.includes('氏名・ID番号: 2人分を番号（療養者001〜療養者002）に置き換えました'), report);
  assert(report.includes('「A市の療養者」は1人です。5人未満の集団は個人が特定されるおそれがあります'), report);
  assert(report.includes('初発症状: 2件を削除しました'), report);
  // The actual texts a kept field would let out.
  assertEqual((await io.freeTextSamples('初発症状を残す（2件）')).map((t) => t.trim()), ['話しにくくなった'], 'the text shown (both patients wrote the same)');
  await io.keepFreeText('初発症状を残す（2件）');
  await io.waitAnonReport('初発症状: 2件を確認のうえ残しました');
  await page.screenshot({ path: shot('io-anon.png'), fullPage: true });
  const anon = await io.exportFile();
  assert(/^難病地域診断_全件_匿名化_\d{8}\.nanbyo\.json$/.test(anon.name), anon.name);
  const b = JSON.parse(anon.text);
  assertEqual([b.anonymised, b.device], [true, 'anonymised'], 'marked anonymised');
  for (const secret of ['山田', '鈴木', 'A-001', 'B町1-2', '家族の負担大', 'pc-hokenjo', 'p-1']) {
    assert(!anon.text.includes(secret), `${secret} left out`);
  }
  assert(anon.text.includes('話しにくくなった'), 'the reviewed text kept');
  // An anonymised copy is not a backup.
  assertEqual(await io.lastExport(), '最終書き出し: まだありません', 'not recorded as a backup');
  assertNoProblems(problems);
  await context.close();
});

test('入出力: 大きなファイルは進み具合を表示し、書き出していない変更が多いと声をかける', async ({ server }) => {
  const { context, problems, page, io, home } = await start(server, 'io-big');
  const file = bigBundle(2000);
  await io.open();
  await io.startImport(file);
  await io.progress().waitFor({ timeout: 30000 });
  await io.waitImportSettled();
  assertEqual((await io.summary()).new, 2007, 'all planned');
  const rows = await io.planRowCount();
  assertEqual(rows, 300, 'the list shows the first 300');
  await io.pressApply();
  await io.progress().waitFor({ timeout: 30000 });
  await io.waitImportDone();

  // More than 50 records never exported: the reminder, with a link here.
  await home.open();
  const banner = home.backupBanner();
  await banner.waitFor({ timeout: 30000 });
  assert((await banner.innerText()).includes('まだ一度もデータを書き出していません（書き出していない記録 2007件）'), await banner.innerText());
  assertEqual(await io.lastExport(), '最終書き出し: まだありません', 'status');
  await page.screenshot({ path: shot('io-banner.png') });
  await home.openIoFromBanner();
  await io.waitHeading('データの入出力');
  await io.scope('all');
  const out = await io.exportFile();
  assertEqual(JSON.parse(out.text).records.length, 2006, 'every record exported');
  await io.waitLastExport('（その後の変更なし）');
  await home.open();
  assertEqual(await banner.count(), 0, 'no reminder after the backup');
  assertNoProblems(problems);
  await context.close();
});
