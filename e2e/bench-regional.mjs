// Benchmark section regional, loaded by e2e/bench.mjs (`node e2e/bench.mjs regional`).
//
// 広域の比較 (issue 19): 50 地域診断 × 300 療養者 (15,000 療養者, synthetic data from
// domain::sample) saved in the bench build's database by the hook `benchRegionalSetup`
// (src/ui/bench_regional.rs). Measured through the page: (1) from a click on 「広域の比較」 in
// the menu to the table painted (reading 50 地域診断 from IndexedDB, the comparison computed,
// the table drawn); (2) switching the disease filter until the table shows the new figures
// (computed and painted). Median of 5, at 1x and at 4x CPU throttle. Goals (issue 19):
// computed and painted ≤ 200 ms at 1x, ≤ 600 ms at 4x.
import { launch, newProfileDir } from './lib.mjs';
import { AppPage } from './pages/app.mjs';
import { median, throttle } from './timing.mjs';

const AREAS = 50;
const PATIENTS = 300;
const GOALS = { 1: 200, 4: 600 };
const ms = (x) => `${Math.round(x)} ms`;

/** In the page: clicks the menu link and waits for the table with all areas painted. */
async function openMeasured(page) {
  return page.evaluate(async (areas) => {
    const link = [...document.querySelectorAll('nav.nav a')].find((a) => a.textContent.includes('広域の比較'));
    const t0 = performance.now();
    link.click();
    for (;;) {
      await new Promise((r) => requestAnimationFrame(r));
      const heads = document.querySelectorAll('[data-testid=regional-table] thead th');
      if (heads.length === areas + 2) {
        await new Promise((r) => requestAnimationFrame(r));
        return performance.now() - t0;
      }
      if (performance.now() - t0 > 120000) throw new Error('the comparison did not show');
    }
  }, AREAS);
}

/** In the page: picks a disease filter and waits until the table's last cell changes. */
async function switchMeasured(page, label) {
  return page.evaluate(async (label) => {
    const cell = () => document.querySelector('[data-testid=regional-table] tbody tr:nth-child(10) td:last-child')?.textContent;
    const before = document.querySelector('[data-testid=regional-table] tbody').textContent;
    const choice = [...document.querySelectorAll('[data-testid=disease-filter] .segment')].find((l) => l.innerText.startsWith(label));
    const t0 = performance.now();
    choice.querySelector('input').click();
    for (;;) {
      await new Promise((r) => requestAnimationFrame(r));
      const now = document.querySelector('[data-testid=regional-table] tbody')?.textContent;
      if (now && now !== before && cell()) return performance.now() - t0;
      if (performance.now() - t0 > 60000) throw new Error('the table did not change');
    }
  }, label);
}

async function regionalSection(server) {
  console.log(`\n## 広域の比較: ${AREAS}地域 × 療養者${PATIENTS}人（計${AREAS * PATIENTS}人）を並べて表示（目標: 計算と表示 ≤ 200 ms、4x で ≤ 600 ms）`);
  const { context } = await launch(newProfileDir('bench-regional'));
  const page = context.pages()[0] || (await context.newPage());
  const app = new AppPage(page);
  await app.goto(server.url);
  const written = await page.evaluate(({ a, p }) => self.nanbyoBench.benchRegionalSetup(a, p), { a: AREAS, p: PATIENTS });
  console.log(`（準備: ${written}件を保存）`);
  for (const rate of [1, 4]) {
    const opens = [];
    const switches = [];
    for (let i = 0; i < 5; i++) {
      await app.goto(`${server.url}#/`);
      await app.reload();
      const cdp = await throttle(page, rate);
      opens.push(await openMeasured(page));
      switches.push(await switchMeasured(page, '全疾患'));
      switches.push(await switchMeasured(page, 'ALS'));
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    }
    const flag = (x) => (x <= GOALS[rate] ? '' : '  ← 目標超過');
    console.log(
      `CPU ${rate}x: メニューから表が出るまで（${AREAS}地域の読み込み・計算・表示）中央値 ${ms(median(opens))}${flag(median(opens))} | 対象の疾患を切り替えて表が変わるまで（計算と表示）中央値 ${ms(median(switches))}${flag(median(switches))}`,
    );
  }
  await page.evaluate((a) => self.nanbyoBench.benchRegionalRemove(a), AREAS);
  await context.close();
}

export const SECTIONS = { regional: regionalSection };
