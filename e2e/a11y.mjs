// Accessibility checks shared by the tests: axe-core (npm, injected through the DevTools
// protocol, so the app's CSP stays strict), the page's width at a tablet's viewport, touch
// target sizes and the focus ring's contrast.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { assert, assertEqual } from './lib.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core on the page as it is now (dialogs included) and returns its violations as
 * `{ rule, impact, nodes: [selector…], help }`. WCAG 2.1 A/AA and axe's best practices.
 */
export async function axeViolations(page) {
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return r.violations.map((v) => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
  return result;
}

/** `{ scrollWidth, innerWidth }` of the document (wider: the page scrolls sideways). */
export async function pageWidth(page) {
  return page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
}

/**
 * Buttons, links, inputs and choices that are shown and smaller than `min` px in either
 * direction (a target on a touch screen). Inline text links inside sentences are left out, as
 * WCAG 2.5.5 leaves them out.
 */
export async function smallTargets(page, min = 44) {
  return page.evaluate((min) => {
    const out = [];
    const seen = new Set();
    const els = document.querySelectorAll('button, a[href], input, select, textarea, summary, label.segment');
    for (const el of els) {
      if (el.closest('.print-only, .visually-hidden, .skip-link')) continue;
      // A radio or checkbox inside a label: the label is the target.
      let target = el;
      if (el.matches('input[type=radio], input[type=checkbox]')) target = el.closest('label') || el;
      if (seen.has(target)) continue;
      seen.add(target);
      const s = getComputedStyle(target);
      if (s.display === 'none' || s.visibility === 'hidden') continue;
      const r = target.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (target.matches('a') && s.display === 'inline' && target.closest('p, li, td, span.hint')) continue;
      if (r.width < min - 0.5 || r.height < min - 0.5) {
        const name = (target.getAttribute('aria-label') || target.textContent || target.getAttribute('name') || '').trim().slice(0, 30);
        out.push(`${target.tagName.toLowerCase()}「${name}」 ${Math.round(r.width)}×${Math.round(r.height)}`);
      }
    }
    return out;
  }, min);
}

/** WCAG relative luminance contrast of two `rgb(…)` colours. */
export function contrast(a, b) {
  const lum = (c) => {
    const [r, g, bl] = c.match(/[\d.]+/g).slice(0, 3).map(Number).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * The colours of the focus indicator of the focused element and what it sits on: the outline
 * (if any) against the parent's background, and each box-shadow ring against the element's own
 * background. Returns `[{ ring, against }]`.
 */
export async function focusRingColours(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    // A radio inside a segment: the segment draws the ring (:focus-within).
    if (el && el.matches('input[type=radio], input[type=checkbox]') && el.closest('label')) el = el.closest('label');
    const s = getComputedStyle(el);
    const bgOf = (node) => {
      for (let n = node; n; n = n.parentElement) {
        const c = getComputedStyle(n).backgroundColor;
        if (c && c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') return c;
      }
      return 'rgb(255, 255, 255)';
    };
    const out = [];
    if (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) {
      const inset = parseFloat(s.outlineOffset) < 0;
      out.push({ ring: s.outlineColor, against: inset ? bgOf(el) : bgOf(el.parentElement) });
    }
    for (const m of (s.boxShadow || '').matchAll(/rgba?\([^)]*\)/g)) out.push({ ring: m[0], against: bgOf(el) });
    return out;
  });
}

/** Fails with each violation printed (rule, impact, first nodes) unless axe finds none. */
export async function assertNoAxe(page, where) {
  const found = await axeViolations(page);
  for (const v of found) console.log(`      ${where} — ${v.rule} (${v.impact}): ${v.nodes.slice(0, 3).join(' | ')}`);
  assertEqual(found.length, 0, `axe violations: ${where}`);
}

/** Fails when the page scrolls sideways at its viewport. */
export async function assertNoSideways(page, where) {
  const w = await pageWidth(page);
  assert(w.scrollWidth <= w.innerWidth, `${where}: no sideways scroll (${w.scrollWidth} > ${w.innerWidth})`);
}
