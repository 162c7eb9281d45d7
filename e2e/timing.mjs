// What every benchmark measures with: medians, the 90th percentile, CPU throttling (a slow
// municipal PC) and the longest time the page's main thread was blocked (long tasks). One
// module, imported by bench.mjs and each e2e/bench-*.mjs (which bench.mjs loads while it is
// itself still being evaluated, so they cannot import from it).

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function p90(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.9) - 1)];
}

/** Throttles the page's CPU `rate` times; returns the CDP session (to set it back). */
export async function throttle(page, rate) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return cdp;
}

/** Watches long tasks (main thread blocked > 50 ms) from now on. */
export async function watchLongTasks(page) {
  await page.evaluate(() => {
    self.__longest = 0;
    self.__observer?.disconnect();
    self.__observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) self.__longest = Math.max(self.__longest, e.duration);
    });
    self.__observer.observe({ type: 'longtask' });
  });
}

/** The longest long task since `watchLongTasks` (0 when none), in ms. */
export const longest = (page) => page.evaluate(() => self.__longest);
