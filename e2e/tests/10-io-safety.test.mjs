// Issue 12 「Never lose an edit」, the bundle part: backups made while the PC clock was wrong
// restore; an import never overwrites a save made meanwhile in another tab; hostile files (a
// sample of the corpus: the native test reads all of them) are refused and change nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, launch, newProfileDir, assert, assertEqual, assertNoProblems } from '../lib.mjs';
import { HomePage } from '../pages/app.mjs';
import { IoPage, refusalMatches } from '../pages/io.mjs';
import { PatientsPage } from '../pages/patients.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const BUNDLES = path.resolve(here, '..', '..', 'tests', 'bundles');
const FULL = path.join(BUNDLES, 'good', 'full_v1.json');
const BAD_EXPECTED = JSON.parse(fs.readFileSync(path.join(BUNDLES, 'bad', 'expected.json'), 'utf8'));
const A_TITLE = 'A保健所管内 令和7年度（2025年度）';
const A_COUNTS = '地域診断 1件・療養者 2人・訪問看護ステーション 1件・事業 1件・その他 2件';
const HOUR = 3_600_000;

function tmpFile(name, content) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nanbyo-safety-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

/** record::value_hash: FNV-1a 64 of the value's compact JSON. */
function valueHash(value) {
  let hash = 0xcbf29ce484222325n;
  for (const b of Buffer.from(JSON.stringify(value), 'utf8')) {
    hash ^= BigInt(b);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash;
}

async function start(context) {
  const page = context.pages()[0] || (await context.newPage());
  const io = new IoPage(page);
  return { page, io, home: new HomePage(page) };
}

test('入出力の安全: 時計が1時間進んでいた間に作った地域診断も、書き出したファイルから元に戻せる（時計のずれ）', async ({ server }) => {
  const first = await launch(newProfileDir('safety-clock-a'));
  const { page, io, home } = await start(first.context);
  const realNow = Date.now();
  await io.goto(server.url);
  // The PC clock is one hour fast while the 地域診断 is made …
  await page.clock.setFixedTime(new Date(realNow + HOUR));
  await home.create('時計ずれ保健所管内', '2025');
  // … then corrected, and the 地域診断 renamed.
  await page.clock.setFixedTime(new Date(realNow));
  await home.open();
  await home.rename('時計ずれ保健所管内', '時計ずれ保健所管内（改）');
  await io.open();
  await io.scope('all');
  const out = await io.exportFile();
  const file = JSON.parse(out.text);
  const d = file.diagnoses[0];
  assertEqual(d.body.jurisdiction, '時計ずれ保健所管内（改）', 'the renamed 地域診断 is in the backup');
  console.log(`     created_at − updated_at in the file: ${d.created_at - d.updated_at} ms`);
  assertNoProblems(first.problems);
  await first.context.close();

  // A fresh profile (a new PC) restores it.
  const second = await launch(newProfileDir('safety-clock-b'));
  const b = await start(second.context);
  await b.io.goto(server.url);
  await b.io.open();
  await b.io.chooseFile(out.file);
  assertEqual((await b.io.summary()).new, 1, 'planned as new');
  // The file's 変更履歴 (its creation and the rename) comes along (issue 17).
  assertEqual(await b.io.apply(), '取り込みました（新規 1件・更新 0件）。ファイルの変更履歴 2件も取り込みました', 'restored');
  await b.home.open();
  assertEqual(await b.home.rows(), [['時計ずれ保健所管内（改）', '令和7年度（2025年度）']], 'listed as renamed');
  assertNoProblems(second.problems);
  await second.context.close();
});

test('入出力の安全: 取り込む内容を調べた後、確定までに別のタブで療養者を保存しても、その保存は上書きされない（止めて調べ直す）', async ({ server }) => {
  const { context, problems } = await launch(newProfileDir('safety-race'));
  const a = await start(context);
  await a.io.goto(server.url);
  await a.io.open();
  await a.io.chooseFile(FULL);
  await a.io.apply();

  // The file: p-1's 最終把握時期 edited later on another PC (its history knows this device's
  // value), and many new patients so that building the records takes a while.
  const full = JSON.parse(fs.readFileSync(FULL, 'utf8'));
  const p1 = full.records.find((r) => r.id === 'p-1');
  const old = p1.body.last_contact;
  p1.body.last_contact = '2025年6月 電話（別の端末で更新）';
  p1.updated_at += 1000;
  p1.rev += 1;
  p1.stamps.last_contact = { at: p1.updated_at, device: 'pc-other', history: ['__HASH__'] };
  const template = full.records.find((r) => r.id === 'p-2');
  for (let i = 0; i < 6000; i++) {
    const r = structuredClone(template);
    r.id = `race-${String(i).padStart(5, '0')}`;
    r.body.id_number = `R-${i}`;
    r.body.name = `取り込み ${i}`;
    full.records.push(r);
  }
  const text = JSON.stringify(full).replace('"__HASH__"', valueHash(old).toString());
  const file = tmpFile('別の端末から.nanbyo.json', text);

  // Tab B: the 療養者 form open, a new 氏名 typed (not saved yet).
  const pageB = await context.newPage();
  const b = { home: new HomePage(pageB), patients: new PatientsPage(pageB) };
  await b.home.goto(server.url);
  await b.home.switchTo(A_TITLE);
  await b.patients.open();
  await b.patients.openRow('A-001');
  await b.patients.type('name', '山田 太郎（タブBで修正）');

  // Tab A: plans the import, then confirms it.
  await a.io.open();
  await a.io.chooseFile(file);
  const planned = await a.io.summary();
  assertEqual([planned.updated, planned.new], [1, 6000], 'p-1 updated, the rest new');
  // … tab B saves after the plan was made, before tab A's write (the plan is in the I/O
  // worker, which writes only if every record it writes is still as the plan saw it) …
  await b.patients.saveWithEnter('name');
  await a.io.pressApply();
  const outcome = await a.io.waitApplyOutcome();
  console.log(`     tab A after tab B's save: ${outcome}`);
  assertEqual(outcome, 'replanned', 'the import stopped and planned again instead of writing');
  assert((await a.io.replannedMessage()).includes('上書きしないよう、取り込みを止めました（何も書き込んでいません）'), await a.io.replannedMessage());
  // The new plan merges both: tab B's 氏名 stays, the file's 最終把握時期 comes in.
  const again = await a.io.summary();
  assertEqual([again.merged, again.new], [1, 6000], 'p-1 now merges both edits');
  await a.io.apply();

  await b.patients.reload();
  await b.patients.open();
  const cells = await b.patients.rowCells('A-001');
  assertEqual(cells.name, '山田 太郎（タブBで修正）', "tab B's save survived");
  await b.patients.openRow('A-001');
  assertEqual((await b.patients.values()).last_contact, '2025年6月 電話（別の端末で更新）', "the file's edit is in too");
  assertNoProblems(problems);
  await context.close();
});

/**
 * The page reads a file whose format says 暗号化 as an encrypted file (issue 12: by its format
 * value), so such a broken one is refused by the envelope reader, not the bundle reader.
 */
const UI_EXPECTED = { 'encrypted_marker.json': ['暗号化されたファイルですが、開けません', 'kdf がありません'] };

/** Every issue-12 file and every 12th of the others: the native test (corpus_tests.rs) reads all. */
function sample() {
  const names = Object.keys(BAD_EXPECTED).sort();
  return names.filter((n, i) => n.startsWith('issue12_') || i % 12 === 0);
}

test('入出力の安全: 不正なファイル（見本）はどれも理由を示して断り、この端末のデータは何も変わらない', async ({ server }) => {
  const { context, problems } = await launch(newProfileDir('safety-bad'));
  const { io, home } = await start(context);
  await io.goto(server.url);
  await io.open();
  await io.chooseFile(FULL);
  await io.apply();
  const names = sample();
  console.log(`     ${names.length} of ${Object.keys(BAD_EXPECTED).length} files`);
  for (const name of names) {
    await io.open();
    await io.chooseFile(path.join(BUNDLES, 'bad', name));
    const text = await io.refusalOrNull();
    assert(text !== null, `${name}: not refused`);
    assert(text.includes(`「${name}」は取り込めません。この端末のデータは変更していません。`), `${name}: heading: ${text}`);
    const expected = UI_EXPECTED[name] || BAD_EXPECTED[name];
    assert(refusalMatches(text, expected), `${name}: expected ${JSON.stringify(expected)} in: ${text}`);
    await io.closeRefusal();
  }
  await home.open();
  assertEqual(await home.rows(), [['A保健所管内', '令和7年度（2025年度）']], 'list unchanged');
  await io.open();
  assertEqual(await io.diagnosisCounts(A_TITLE), A_COUNTS, 'records unchanged');
  assertNoProblems(problems);
  await context.close();
});
