// Page object for 端末のロック (issue 17): the setting in データの入出力, the lock screen, the
// 「ロック」 button of the header, and a raw look at what IndexedDB holds.
import { AppPage } from './app.mjs';

const SCREEN = '[data-testid=lock-screen]';
const SET_DIALOG = '[data-testid=lock-set-dialog]';

export class LockPage extends AppPage {
  async open() {
    await this.nav('データの入出力');
    await this.page.locator('[data-testid=lock-panel]').waitFor();
  }

  /** Opens the dialog that sets the passphrase: its warning text. */
  async askToSet() {
    await this.page.locator('[data-testid=lock-set-open]').click();
    await this.page.locator(SET_DIALOG).waitFor();
    return this.page.locator(`${SET_DIALOG} #lock-set-warning`).innerText();
  }

  /** Types the passphrase twice and sets it; waits until the data is sealed. */
  async set(passphrase, again = passphrase) {
    await this.page.locator(`${SET_DIALOG} #lock-new`).fill(passphrase);
    await this.page.locator(`${SET_DIALOG} #lock-again`).fill(again);
    await this.page.locator('[data-testid=lock-set-confirm]').click();
  }

  async setMessage() {
    return this.page.locator('[data-testid=lock-set-message]').innerText();
  }

  async waitSet() {
    await this.waitNotice('パスワードを設定し');
    await this.page.locator(SET_DIALOG).waitFor({ state: 'detached' });
  }

  /** Chooses the idle time (minutes). */
  async idleMinutes(m) {
    await this.page.locator('[data-testid=lock-idle]').selectOption(String(m));
  }

  /**
   * As if `seconds` passed without input: the page's clock (Date.now, which the idle check
   * reads every few seconds) jumps ahead. Playwright's page.clock also fakes the timers the
   * app's start-up waits on, so only Date.now is moved.
   */
  async idlePasses(seconds) {
    await this.page.evaluate((ms) => {
      const real = Date.now.bind(Date);
      Date.now = () => real() + ms;
    }, seconds * 1000);
  }

  /** The app has started (locked or not). */
  async started() {
    await this.page.waitForFunction(() => performance.getEntriesByName('app-interactive').length > 0);
  }

  screen() {
    return this.page.locator(SCREEN);
  }

  async waitLocked() {
    await this.screen().waitFor();
  }

  async waitUnlocked() {
    await this.screen().waitFor({ state: 'detached' });
    await this.page.waitForSelector('nav.nav', { state: 'attached' });
  }

  /** Types a passphrase on the lock screen and submits it: the message shown, if any. */
  async unlock(passphrase) {
    await this.page.locator('[data-testid=lock-passphrase]').fill(passphrase);
    await this.page.locator('[data-testid=lock-unlock]').click();
    await this.page.waitForFunction(
      (sel) => !document.querySelector(sel) || document.querySelector(`${sel} [data-testid=lock-message]`).textContent !== '',
      SCREEN,
    );
    return (await this.screen().count()) ? this.page.locator('[data-testid=lock-message]').innerText() : '';
  }

  async lockButton() {
    await this.page.locator('[data-testid=lock-now]').click();
    await this.waitLocked();
  }

  /** Every row of the app's sealed stores as text (byte arrays as Latin-1 and UTF-8 text). */
  async rawText(database = 'nanbyo-chiiki-shindan') {
    return this.page.evaluate(async (name) => {
      const db = await new Promise((ok, fail) => {
        const r = indexedDB.open(name);
        r.onsuccess = () => ok(r.result);
        r.onerror = () => fail(r.error);
      });
      const stores = ['diagnoses', 'records', 'drafts', 'history'];
      const tx = db.transaction(stores);
      const all = await Promise.all(stores.map((s) => new Promise((ok) => {
        const r = tx.objectStore(s).getAll();
        r.onsuccess = () => ok(r.result);
      })));
      db.close();
      const bytes = (v) => new Uint8Array(v instanceof ArrayBuffer ? v : v.buffer);
      const text = JSON.stringify(all, (_k, v) => {
        if (v instanceof ArrayBuffer || ArrayBuffer.isView(v)) {
          const b = bytes(v);
          return String.fromCharCode(...b) + new TextDecoder().decode(b);
        }
        return v;
      });
      return { text, rows: all.map((rows) => rows.length) };
    }, database);
  }
}

const OFF_DIALOG = '[data-testid=lock-off-dialog]';

/** パスワードをやめる: the dialog of the setting, then every row plain again. */
export async function turnOff(lockPage, passphrase) {
  const page = lockPage.page;
  await page.locator('[data-testid=lock-off-open]').click();
  await page.locator(OFF_DIALOG).waitFor();
  await page.locator(`${OFF_DIALOG} #lock-current`).fill(passphrase);
  await page.locator('[data-testid=lock-off-confirm]').click();
  await lockPage.waitNotice('暗号化を解きました');
}
