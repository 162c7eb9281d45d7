// Shared e2e helpers: launching Debian's Chromium through playwright-core, a tiny test
// runner, and checks that fail a test on any page error or CSP violation.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execSync } from 'node:child_process';

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export function newProfileDir(name = 'profile') {
  return fs.mkdtempSync(path.join(os.tmpdir(), `nanbyo-${name}-`));
}

/**
 * A persistent context (IndexedDB on disk, like a real profile). Every page of it is watched
 * for CSP violations and uncaught errors; `problems` collects them.
 */
export async function launch(profileDir, { viewport = { width: 1280, height: 900 }, serviceWorkers = 'allow', hasTouch = false } = {}) {
  const options = {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport,
    hasTouch,
    serviceWorkers,
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
  };
  // Chromium now and then dies while starting on a loaded 2-core machine ("Target page,
  // context or browser has been closed" before any page): one more try, then the error.
  let context;
  try {
    context = await chromium.launchPersistentContext(profileDir, options);
  } catch (e) {
    console.log(`    (Chromium did not start: ${String(e.message).split('\n')[0]}; trying once more)`);
    context = await chromium.launchPersistentContext(profileDir, options);
  }
  const problems = [];
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  const watch = (page) => {
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      const t = m.text();
      if (/Content Security Policy|CSP violation/i.test(t)) problems.push(`CSP: ${t}`);
      if (m.type() === 'error' && /panicked|RuntimeError|unreachable/i.test(t)) problems.push(`console: ${t}`);
    });
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  return { context, problems, profileDir };
}

/** Kills the Chromium processes of a profile (as a crash or power cut would). */
/** [`launch`] on a new profile named `name`, and its first page. */
export async function launchPage(name, options) {
  const { context, problems } = await launch(newProfileDir(name), options);
  const page = context.pages()[0] || (await context.newPage());
  return { context, problems, page };
}

export function killBrowser(profileDir) {
  try {
    execSync(`pkill -9 -f -- "--user-data-dir=${profileDir}"`);
  } catch {
    // nothing left to kill
  }
}

export function assert(cond, message) {
  if (!cond) throw new Error(message);
}

export function assertEqual(actual, expected, message) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${message}\n  expected: ${e}\n  actual:   ${a}`);
}

const tests = [];
/** Registers a test. `fn` receives the shared environment ({ server }). */
export function test(name, fn) {
  tests.push({ name, fn });
}

/** Screenshots a test takes to be looked at go to one folder of this run, removed at the
 * end unless E2E_KEEP_SHOTS=1 (then its path is printed). */
const SHOTS = fs.mkdtempSync(path.join(os.tmpdir(), 'nanbyo-shots-'));
export function shot(name) {
  return path.join(SHOTS, name);
}

export async function runTests(env, filter) {
  try {
    return await runChosen(env, filter);
  } finally {
    if (process.env.E2E_KEEP_SHOTS) console.log(`(screenshots: ${SHOTS})`);
    else fs.rmSync(SHOTS, { recursive: true, force: true });
  }
}

async function runChosen(env, filter) {
  let failed = 0;
  const chosen = tests.filter((t) => !filter || t.name.includes(filter));
  for (const t of chosen) {
    const started = Date.now();
    try {
      await t.fn(env);
      console.log(`ok   ${t.name} (${Date.now() - started} ms)`);
    } catch (e) {
      failed += 1;
      console.log(`FAIL ${t.name}\n     ${String(e.stack || e).split('\n').join('\n     ')}`);
    }
  }
  console.log(`\n${chosen.length - failed} passed, ${failed} failed`);
  return failed;
}

/** Fails if the watched pages reported errors or CSP violations. */
export function assertNoProblems(problems) {
  const real = problems.filter((p) => !/frame-ancestors/.test(p));
  assert(real.length === 0, `page problems:\n  ${real.join('\n  ')}`);
}
