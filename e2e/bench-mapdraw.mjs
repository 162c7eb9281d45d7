// Benchmark section mapdraw, loaded by e2e/bench.mjs (`node e2e/bench.mjs mapdraw`).
//
// 管内マップ (issue 14): 300 療養者 and 500 施設 placed by 緯度・経度 on a 下図 of five 市町村
// outlines (src/ui/bench_map_draw.rs writes them in the bench build's database). Measured
// through the page: (1) from the address of the map to all 800 marks painted (records read,
// the map computed, the SVG drawn); (2) one zoom step (＋) and one pan step (→) until the
// next frame is painted with the new view. Median of 5 runs, at 1x and at 4x CPU throttle.
// Goals (issue 14): draw, and one pan/zoom step to paint ≤ 16 ms at 1x, ≤ 50 ms at 4x.
import { launch, newProfileDir } from './lib.mjs';
import { AppPage } from './pages/app.mjs';
import { median, throttle } from './timing.mjs';

const PATIENTS = 300;
const FACILITIES = 500;
const GOALS = { 1: 16, 4: 50 };
const ms = (x) => `${x.toFixed(1)} ms`;

/** In the page: goes to the map and waits for every mark painted. */
async function drawMeasured(page, url, marks) {
  return page.evaluate(async ({ url, marks }) => {
    const t0 = performance.now();
    location.hash = url;
    for (;;) {
      await new Promise((r) => requestAnimationFrame(r));
      if (document.querySelectorAll('[data-testid=map-mark]').length >= marks) {
        await new Promise((r) => requestAnimationFrame(r));
        return performance.now() - t0;
      }
      if (performance.now() - t0 > 120000) throw new Error('the map did not draw');
    }
  }, { url, marks });
}

/** In the page: clicks a map tool and waits for the frame that shows the new view. */
async function stepMeasured(page, testid) {
  return page.evaluate(async (testid) => {
    const svg = document.querySelector('[data-testid=map-svg]');
    const before = svg.getAttribute('viewBox');
    const t0 = performance.now();
    document.querySelector(`[data-testid=${testid}]`).click();
    for (;;) {
      await new Promise((r) => requestAnimationFrame(r));
      if (svg.getAttribute('viewBox') !== before) {
        await new Promise((r) => requestAnimationFrame(r));
        return performance.now() - t0;
      }
      if (performance.now() - t0 > 10000) throw new Error('the view did not change');
    }
  }, testid);
}

async function mapDrawSection(server) {
  console.log(`\n## 管内マップの描画: 療養者${PATIENTS}人・施設${FACILITIES}か所を境界の下図に（目標: 描画と拡大・移動の一歩 ≤ 16 ms、4x で ≤ 50 ms）`);
  const { context } = await launch(newProfileDir('bench-mapdraw'), { viewport: { width: 1366, height: 768 } });
  const page = context.pages()[0] || (await context.newPage());
  const app = new AppPage(page);
  await app.goto(server.url);
  const written = await page.evaluate(({ p, f }) => self.nanbyoBench.benchMapDrawSetup(p, f), { p: PATIENTS, f: FACILITIES });
  console.log(`（準備: ${written}件を保存）`);
  for (const rate of [1, 4]) {
    const draws = [];
    const zooms = [];
    const pans = [];
    for (let i = 0; i < 5; i++) {
      await app.goto(`${server.url}#/d/bench-map/overview`);
      await app.reload();
      await page.locator('nav.nav a', { hasText: '管内マップ' }).first().waitFor();
      const cdp = await throttle(page, rate);
      draws.push(await drawMeasured(page, '#/d/bench-map/map', PATIENTS + FACILITIES));
      zooms.push(await stepMeasured(page, 'map-zoom-in'));
      pans.push(await stepMeasured(page, 'map-pan-right'));
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    }
    const flag = (x) => (x <= GOALS[rate] ? '' : '  ← 目標超過');
    console.log(`CPU ${rate}x: 地図を開いて全記号が出るまで 中央値 ${ms(median(draws))}${flag(median(draws))} | 拡大一歩 ${ms(median(zooms))}${flag(median(zooms))} | 移動一歩 ${ms(median(pans))}${flag(median(pans))}`);
  }
  await context.close();
}

export const SECTIONS = { mapdraw: mapDrawSection };
