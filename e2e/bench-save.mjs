// Benchmark section save, loaded by e2e/bench.mjs (`node e2e/bench.mjs save`).
//
// save: one 保存 of the 様式1 form with 5,000 療養者 and 1,500 ステーション in the 地域診断 —
// from the click on 保存 to 「保存しました」 on screen. The save step reads the latest revision
// from IndexedDB, writes only the changed field onto it (domain::save), and writes it in one
// transaction that first checks the revision it was planned on. Goal: ≤ 16 ms at 1x (median).
import { launch, newProfileDir } from './lib.mjs';
import { AppPage } from './pages/app.mjs';
import { median } from './timing.mjs';


const PATIENTS = 5000;
const STATIONS = 1500;
const RUNS = 7;
const DIAGNOSIS = 'bench-io-diagnosis'; // the 地域診断 benchIoSetup makes
const ms = (x) => `${x.toFixed(1)} ms`;

/** Opens the first patient, changes 初発症状 and times 保存 → 「保存しました」. */
async function oneSave(page, i) {
  await page.locator('[data-testid=roster-table] .roster-body a.row-link').first().click();
  await page.locator('[data-testid=patient-detail] textarea[name=first_symptom]').fill(`ベンチ ${i} ${Date.now()}`);
  return page.evaluate(async () => {
    for (const b of document.querySelectorAll('[data-testid=notice] button')) b.click();
    const done = () => [...document.querySelectorAll('[data-testid=notice]')].some((n) => n.textContent.includes('保存しました'));
    const button = document.querySelector('[data-testid=patient-detail] [data-testid=save]');
    const t0 = performance.now();
    button.click();
    await new Promise((resolve) => {
      if (done()) return resolve();
      const mo = new MutationObserver(() => {
        if (done()) {
          mo.disconnect();
          resolve();
        }
      });
      mo.observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    return performance.now() - t0;
  });
}

async function saveSection(server) {
  console.log(`\n## 保存: 療養者 ${PATIENTS}人・ステーション ${STATIONS}件の地域診断で、様式1の1項目を変えて「保存」→「保存しました」（${RUNS}回の中央値。目標: 1x で ≤ 16 ms）`);
  const { context } = await launch(newProfileDir('bench-save'), { viewport: { width: 1400, height: 900 } });
  const page = context.pages()[0] || (await context.newPage());
  page.on('dialog', (d) => d.accept());
  const app = new AppPage(page);
  await app.goto(server.url);
  const setup = await page.evaluate(({ p, s }) => self.nanbyoBench.benchIoSetup(p, s), { p: PATIENTS, s: STATIONS });
  console.log(`（準備: ${setup.records}件を保存）`);
  await page.goto(`${server.url}#/d/${DIAGNOSIS}/patients`);
  await app.reload();
  await page.locator('[data-testid=roster-table] .roster-body [role=row]').first().waitFor({ timeout: 60000 });
  for (const rate of [1, 4]) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await oneSave(page, -1); // warm-up
    const times = [];
    for (let i = 0; i < RUNS; i++) times.push(await oneSave(page, i));
    const m = median(times);
    const goal = rate === 1 ? (m <= 16 ? '  （目標 ≤ 16 ms: 達成）' : '  ← 目標 ≤ 16 ms を超過') : '';
    console.log(`  CPU ${rate}x: 保存→保存しました 中央値 ${ms(m)}（最小 ${ms(Math.min(...times))}、最大 ${ms(Math.max(...times))}）${goal}`);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  }
  await context.close();
}

export const SECTIONS = { save: saveSection };
