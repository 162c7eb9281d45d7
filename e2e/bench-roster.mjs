// Benchmark section loaded by e2e/bench.mjs (`node e2e/bench.mjs roster`).
//
// roster: 様式1 with 1,000 療養者 and 300 ステーション (seeded with nanbyoBench.benchIoSetup,
// see src/ui/bench.rs), in headless Chromium with a persistent profile, unthrottled and at 4x
// CPU throttle (CDP Emulation.setCPUThrottlingRate). Measured in the page (a paint is taken
// as done at the first task after the frame: requestAnimationFrame → setTimeout 0):
//   * render: click on 「様式1 療養者」 → the roster painted (the data is already loaded:
//     the page filters, sorts and draws the first 25 rows at once, the rest of the page of
//     100 a chunk of 25 per frame; both times are shown);
//   * filter: a 市町村 chosen, a character typed in the search, a column heading clicked —
//     from the event, run at the start of a frame, to that frame painted (the app's own
//     cost, without the wait for the next vsync);
//   * keystroke: one character typed in the patient form (ID番号: the whole form is checked
//     and the ID compared with the 999 others on every keystroke), timed the same way.
// Goals unthrottled: render ≤ 200 ms, filter ≤ 50 ms, keystroke ≤ 16 ms (medians).
import { launch, newProfileDir } from './lib.mjs';
import { AppPage } from './pages/app.mjs';
import { longest, median, p90, watchLongTasks } from './timing.mjs';


const PATIENTS = 1000;
const STATIONS = 300;
const DIAGNOSIS = 'bench-io-diagnosis'; // the 地域診断 benchIoSetup makes
const ms = (x) => `${x.toFixed(1)} ms`;

/** In the page: helpers to wait for a condition and for the next painted frame. */
async function install(page) {
  await page.evaluate(() => {
    self.__frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    self.__until = (cond) =>
      new Promise((resolve) => {
        if (cond()) return resolve();
        const mo = new MutationObserver(() => {
          if (cond()) {
            mo.disconnect();
            resolve();
          }
        });
        mo.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
      });
    // Runs `action` at the start of a frame (inside requestAnimationFrame) and resolves with
    // the ms until that frame has been painted: the app's own cost of the event, without the
    // wait for the next vsync a real keystroke may also see.
    self.__timed = (action) =>
      new Promise((resolve) =>
        requestAnimationFrame(() => {
          const t0 = performance.now();
          setTimeout(() => resolve(performance.now() - t0), 0);
          action();
        }),
      );
    self.__navLink = (label) => [...document.querySelectorAll('nav.nav a')].find((a) => a.textContent.includes(label));
  });
}

/** Overview → 様式1 療養者, `n` times: ms from the click to the first screenful of rows
 * painted, and to all the page's rows painted (they follow a chunk per frame). */
async function renderTimes(page, n) {
  const first = [];
  const all = [];
  for (let i = 0; i < n; i++) {
    await page.evaluate(async () => {
      __navLink('地域の概況').click();
      await __until(() => !document.querySelector('[data-testid=roster-table]'));
      await __frame();
    });
    const t = await page.evaluate(async () => {
      const rows = () => document.querySelectorAll('[data-testid=roster-table] .roster-body [role=row]').length;
      const t0 = performance.now();
      __navLink('様式1 療養者').click();
      await __until(() => rows() >= 25);
      await __frame();
      const t1 = performance.now();
      await __until(() => rows() >= 100);
      await __frame();
      return [t1 - t0, performance.now() - t0];
    });
    first.push(t[0]);
    all.push(t[1]);
  }
  return [first, all];
}

/** Reloads at the roster, `n` times: ms from the start of the page load to the first rows
 * painted (starting the app, reading the 地域診断 from IndexedDB, reading every body). */
async function coldTimes(page, app, n) {
  const times = [];
  for (let i = 0; i < n; i++) {
    await page.reload();
    await page.locator('[data-testid=roster-table] .roster-body [role=row]').nth(24).waitFor({ timeout: 60000 });
    times.push(
      await page.evaluate(async () => {
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        return performance.now();
      }),
    );
  }
  await app.ready();
  await install(page);
  return times;
}

/** ms from a change of the 市町村 select to the new rows painted (alternating with すべて). */
async function filterTimes(page, n) {
  return page.evaluate(async (n) => {
    const sel = document.querySelector('[data-testid=roster-filters] select[name=municipality]');
    const values = [...sel.options].map((o) => o.value).filter((v) => v);
    const times = [];
    for (let i = 0; i < n; i++) {
      const v = i % 2 ? '' : values[(i / 2) % values.length];
      const before = document.querySelector('[data-testid=roster-count]').textContent;
      times.push(
        await __timed(() => {
          sel.value = v;
          sel.dispatchEvent(new Event('change', { bubbles: true }));
        }),
      );
      if (document.querySelector('[data-testid=roster-count]').textContent === before) throw new Error('filter did not change the roster');
    }
    return times;
  }, n);
}

/** ms from a character typed in the search to the rows painted. */
async function searchTimes(page, n) {
  return page.evaluate(async (n) => {
    const input = document.querySelector('[data-testid=roster-filters] input[name=search]');
    const times = [];
    const texts = ['1', '12', '1', ''];
    for (let i = 0; i < n; i++) {
      times.push(
        await __timed(() => {
          input.value = texts[i % texts.length];
          input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
        }),
      );
    }
    return times;
  }, n);
}

/** ms from a click on a sortable heading to the re-sorted rows painted. */
async function sortTimes(page, n) {
  return page.evaluate(async (n) => {
    const heads = [...document.querySelectorAll('[data-testid=roster-table] .roster-head button.sort')];
    const times = [];
    for (let i = 0; i < n; i++) {
      const b = heads[i % heads.length];
      times.push(await __timed(() => b.click()));
    }
    return times;
  }, n);
}

/** Opens the first row's form; ms from one character typed in ID番号 to the next paint. */
async function keystrokeTimes(page, n) {
  await page.evaluate(async () => {
    document.querySelector('[data-testid=roster-table] .roster-body a.row-link').click();
    await __until(() => document.querySelector('[data-testid=patient-detail] input[name=id_number]'));
    await __frame();
  });
  const times = await page.evaluate(async (n) => {
    const input = document.querySelector('[data-testid=patient-detail] input[name=id_number]');
    const base = input.value;
    input.focus();
    const times = [];
    for (let i = 0; i < n; i++) {
      times.push(
        await __timed(() => {
          input.value = i % 8 === 7 ? base : `${input.value}${i % 10}`;
          input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: `${i % 10}` }));
        }),
      );
    }
    // Back to the saved value, so leaving does not ask.
    input.value = base;
    input.dispatchEvent(new InputEvent('input', { bubbles: true }));
    await __frame();
    return times;
  }, n);
  await page.evaluate(async () => {
    document.querySelector('[data-testid=patient-detail] .breadcrumb a').click();
    await __until(() => document.querySelector('[data-testid=roster-table] .roster-body [role=row]'));
    await __frame();
  });
  return times;
}

/** The longest task (main thread blocked) while `fn` runs. */
async function longestTask(page, fn) {
  await watchLongTasks(page);
  const out = await fn();
  await page.waitForTimeout(50);
  return [out, await longest(page)];
}

function line(label, xs, goal) {
  const m = median(xs);
  const flag = goal === undefined ? '' : m <= goal ? `  （目標 ≤ ${goal} ms: 達成）` : `  ← 目標 ≤ ${goal} ms を超過`;
  return `  ${label}: 中央値 ${ms(m)}, p90 ${ms(p90(xs))}（${xs.length}回）${flag}`;
}

async function rosterSection(server) {
  console.log(`\n## 様式1 療養者: ${PATIENTS}人・ステーション ${STATIONS}件（一覧の表示・絞り込み・入力画面の1文字）`);
  const { context } = await launch(newProfileDir('bench-roster'), { viewport: { width: 1400, height: 900 } });
  const page = context.pages()[0] || (await context.newPage());
  page.on('dialog', (d) => d.accept());
  const app = new AppPage(page);
  await app.goto(server.url);
  const setup = await page.evaluate(({ p, s }) => self.nanbyoBench.benchIoSetup(p, s), { p: PATIENTS, s: STATIONS });
  console.log(`（準備: ${setup.records}件を保存 ${ms(setup.setupMs)}）`);
  await page.goto(`${server.url}#/d/${DIAGNOSIS}/patients`);
  await app.reload(); // (a change of the hash alone does not reload the list of 地域診断)
  await page.locator('[data-testid=roster-table] .roster-body [role=row]').first().waitFor({ timeout: 60000 });
  const note = (await page.locator('[data-testid=roster-count]').innerText()).trim();
  console.log(`（一覧: ${note}）`);
  await install(page);
  for (const rate of [1, 4]) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    const unthrottled = rate === 1;
    // Warm up once (first use of each code path).
    await renderTimes(page, 1);
    await filterTimes(page, 2);
    const [[render, renderAll], renderBlock] = await longestTask(page, () => renderTimes(page, 7));
    const filter = await filterTimes(page, 12);
    const search = await searchTimes(page, 12);
    const sort = await sortTimes(page, 8);
    await page.evaluate(async () => {
      // Reset the sort and search for the form measurement.
      const input = document.querySelector('[data-testid=roster-filters] input[name=search]');
      input.value = '';
      input.dispatchEvent(new InputEvent('input', { bubbles: true }));
      await __frame();
    });
    const keys = await keystrokeTimes(page, 40);
    const cold = await coldTimes(page, app, 3);
    console.log(`CPU ${rate}x`);
    console.log(line('一覧の表示（メニュー → 最初の25行を描画）', render, unthrottled ? 200 : undefined) + `、最長の停止 ${ms(renderBlock)}`);
    console.log(line('一覧の表示（メニュー → 1ページ100行すべて描画）', renderAll, unthrottled ? 200 : undefined));
    console.log(line('絞り込み（市町村を選ぶ → 描画）', filter, unthrottled ? 50 : undefined));
    console.log(line('検索（1文字 → 描画）', search, unthrottled ? 50 : undefined));
    console.log(line('並べ替え（見出しをクリック → 描画）', sort, unthrottled ? 50 : undefined));
    console.log(line('入力画面の1文字（ID番号 → 描画）', keys, unthrottled ? 16 : undefined));
    console.log(line('参考: 再読み込みから一覧の最初の行まで（起動・IndexedDB・全記録の読み取りを含む）', cold));
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await cdp.detach();
  }
  await context.close();
}

export const SECTIONS = { roster: rosterSection };
