// Issue 12 「Never lose an edit」: a form writes only the fields the nurse changed onto the
// latest revision; a field changed in another tab meanwhile is kept, the same field changed
// on both sides is shown side by side for her choice, and a restored draft does not revert
// what was saved since it was made.
import { test, launch, newProfileDir, assertEqual, assertNoProblems } from '../lib.mjs';
import { HomePage } from '../pages/app.mjs';
import { PatientsPage } from '../pages/patients.mjs';

/** One profile, two tabs on the same 地域診断 with patient M-1 saved. */
async function twoTabs(server, name) {
  const { context, problems } = await launch(newProfileDir(name), { viewport: { width: 1400, height: 900 } });
  const pageA = context.pages()[0] || (await context.newPage());
  const home = new HomePage(pageA);
  await home.goto(server.url);
  await home.create('多摩府中保健所管内', '2025');
  const a = new PatientsPage(pageA);
  await a.open();
  await a.newPatient();
  await a.type('id_number', 'M-1');
  await a.type('first_symptom', '話しにくい');
  await a.type('last_contact', 'R7.4 訪問');
  await a.saveWithEnter();
  const pageB = await context.newPage();
  const b = new PatientsPage(pageB);
  await b.goto(pageA.url());
  for (const p of [pageA, pageB]) p.on('dialog', (d) => d.accept());
  return { context, problems, a, b };
}

async function storedValues(p) {
  await p.reload();
  await p.open();
  await p.openRow('M-1');
  return p.values();
}

test('保存: regression issue 12 (lost update) — 2つのタブで別の項目を変えて保存すると両方が残る', async ({ server }) => {
  const { context, problems, a, b } = await twoTabs(server, 'merge-fields');
  try {
    await a.openRow('M-1');
    await b.openRow('M-1');
    await a.type('last_contact', 'R7.10 電話');
    await a.saveWithEnter();
    // B opened the patient before A saved, and changes another field.
    await b.type('first_symptom', 'むせ');
    await b.saveWithEnter();
    assertEqual(
      (await b.notice().innerText()).includes('別の画面で変更された'),
      true,
      'B is told that a field saved elsewhere was kept',
    );
    const v = await storedValues(a);
    assertEqual([v.first_symptom, v.last_contact], ['むせ', 'R7.10 電話'], 'both edits are kept');
    assertNoProblems(problems);
  } finally {
    await context.close();
  }
});

test('保存: 同じ項目が別のタブでも変わっていたら両方の値を並べて選ばせる', async ({ server }) => {
  const { context, problems, a, b } = await twoTabs(server, 'merge-conflict');
  try {
    await a.openRow('M-1');
    await b.openRow('M-1');
    await a.type('first_symptom', '歩きにくい');
    await a.saveWithEnter();
    await b.type('first_symptom', 'むせ');
    await b.type('last_contact', 'R7.11 訪問');
    const rows = await b.saveMeetsConflict();
    assertEqual(rows, [{ label: '初発症状', mine: 'むせ', theirs: '歩きにくい' }], 'the conflict, side by side');
    let v = await a.reload().then(() => a.openRow('M-1')).then(() => a.values());
    assertEqual(v.first_symptom, '歩きにくい', 'nothing is written before she chooses');
    await b.chooseConflict(0, 'theirs');
    await b.saveChosen();
    v = await storedValues(a);
    assertEqual([v.first_symptom, v.last_contact], ['歩きにくい', 'R7.11 訪問'], 'her choice and her other field');
    assertNoProblems(problems);
  } finally {
    await context.close();
  }
});

test('保存: regression issue 12 — 下書きを復元して保存しても、その後に別の画面で保存された値を戻さない', async ({ server }) => {
  const { context, problems, a, b } = await twoTabs(server, 'merge-draft');
  try {
    // A opens the patient; meanwhile B saves 初発症状.
    await a.openRow('M-1');
    await b.openRow('M-1');
    await b.type('first_symptom', 'むせ');
    await b.saveWithEnter();
    // A types a name on what it opened and leaves without saving: the draft is kept.
    await a.type('name', '山田 花子');
    await a.page.waitForTimeout(900);
    await a.open();
    // A comes back later, restores the draft and saves.
    await a.reload();
    await a.openRow('M-1');
    await a.waitDraftOffer();
    await a.restoreDraft();
    await a.saveWithEnter();
    const v = await storedValues(b);
    assertEqual([v.name, v.first_symptom], ['山田 花子', 'むせ'], "the draft's field and the value saved since");
    assertNoProblems(problems);
  } finally {
    await context.close();
  }
});
