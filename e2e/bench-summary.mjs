// Benchmark section summary, loaded by e2e/bench.mjs (`node e2e/bench.mjs summary`).
//
// summary: the full recompute of the 集計 (A, B, C, 様式3 の合計) and 様式4 管内の状況 for
// 5,000 療養者 and 1,500 ステーション (synthetic data from domain::sample) inside the wasm in
// headless Chromium — the median of 20 runs measured with performance.now() by the hook
// `nanbyoBench.benchSummaryRun` (src/ui/bench.rs) — unthrottled and at CDP 4x CPU throttle.
// Goals: ≤ 5 ms unthrottled, ≤ 20 ms at 4x. Then the page itself: a 地域診断 of that size
// saved in the app's database, the 集計 opened, and the time from choosing another disease
// filter to the new N on screen (recompute + the tables re-drawn). The native figure comes
// from `cargo bench --bench summary` (npm run bench runs both).
import { launch, newProfileDir } from './lib.mjs';
import { AppPage } from './pages/app.mjs';
import { median, throttle } from './timing.mjs';


const PATIENTS = 5000;
const STATIONS = 1500;
const RUNS = 20;
const GOALS = { 1: 5, 4: 20 };
const ms = (x) => `${x.toFixed(2)} ms`;

/** Clicks a filter choice and waits (in the page) until N shows the new number. */
async function switchFilter(page, label) {
  return page.evaluate(async (label) => {
    const before = document.querySelector('[data-testid=summary-n]').innerText;
    const choice = [...document.querySelectorAll('[data-testid=disease-filter] .segment')].find((l) => l.innerText.startsWith(label));
    const t0 = performance.now();
    choice.querySelector('input').click();
    for (;;) {
      await new Promise((r) => requestAnimationFrame(r));
      if (document.querySelector('[data-testid=summary-n]').innerText !== before) return performance.now() - t0;
      if (performance.now() - t0 > 60000) throw new Error('the 集計 did not change');
    }
  }, label);
}

async function summarySection(server) {
  console.log(`\n## 集計: 療養者 ${PATIENTS}人・ステーション ${STATIONS}件の集計（A・B・C・様式3合計）と様式4 管内の状況の再計算（wasm 内、${RUNS}回の中央値。目標: ≤ 5 ms、4x で ≤ 20 ms）`);
  const { context } = await launch(newProfileDir('bench-summary'));
  const page = context.pages()[0] || (await context.newPage());
  const app = new AppPage(page);
  await app.goto(server.url);
  const setup = await page.evaluate(({ p, s }) => self.nanbyoBench.benchSummarySetup(p, s), { p: PATIENTS, s: STATIONS });
  for (const rate of [1, 4]) {
    const cdp = await throttle(page, rate);
    // Each run is its own task (as each recompute is in the app); one warm-up run first.
    const r = await page.evaluate(async (runs) => {
      const out = {};
      for (const kind of ['als', 'all', 'views', 'read', 'reread']) {
        self.nanbyoBench.benchSummaryRun(kind);
        const times = [];
        for (let i = 0; i < (kind.includes('read') ? 5 : runs); i++) {
          await new Promise((r) => setTimeout(r, 0));
          times.push(self.nanbyoBench.benchSummaryRun(kind));
        }
        times.sort((a, b) => a - b);
        const m = Math.floor(times.length / 2);
        out[kind] = times.length % 2 ? times[m] : (times[m - 1] + times[m]) / 2;
      }
      out.batch = self.nanbyoBench.benchSummaryBatch('als', runs);
      return out;
    }, RUNS);
    const flag = r.als <= GOALS[rate] ? '' : '  ← 目標超過';
    console.log(
      `CPU ${rate}x: 再計算 ALS（N = ${setup.n}）${ms(r.als)}${flag}（${RUNS}回連続の平均 ${ms(r.batch)}）, 全疾患 ${ms(r.all)}, 表・グラフ用の行まで ${ms(r.views)} | 記録の読み取り（5回の中央値）全件 ${ms(r.read)}、保存後（読み取り済みの本文は再利用）${ms(r.reread)}`,
    );
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  }

  // Through the page: the 集計 of a 地域診断 of that size, the filter switched back and forth.
  const saved = await page.evaluate(({ p, s }) => self.nanbyoBench.benchIoSetup(p, s), { p: PATIENTS, s: STATIONS });
  console.log(`（画面の計測の準備: ${saved.records}件を保存）`);
  for (const rate of [1, 4]) {
    await app.goto(`${server.url}#/d/bench-io-diagnosis/summary`);
    const cdp = await throttle(page, rate);
    const t0 = Date.now();
    await app.reload();
    await page.locator('[data-testid=summary-sheet]').waitFor({ timeout: 120000 });
    const openMs = Date.now() - t0;
    const times = [];
    for (let i = 0; i < 5; i++) {
      times.push(await switchFilter(page, '全疾患'));
      times.push(await switchFilter(page, 'ALS'));
    }
    console.log(`CPU ${rate}x: 画面から: 集計を開く（再読み込みから表示まで）${Math.round(openMs)} ms、対象の疾患を切り替えて表が変わるまで 中央値 ${ms(median(times))}`);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  }
  await page.evaluate(() => self.nanbyoBench.benchIoRemove());
  await context.close();
}

export const SECTIONS = { summary: summarySection };
