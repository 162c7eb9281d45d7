// Page object for この端末のデータを消去 (issue 17), the last part of データの入出力.
import { AppPage } from './app.mjs';

const DIALOG = '[data-testid=erase-dialog]';

export class ErasePage extends AppPage {
  async open() {
    await this.nav('データの入出力');
    await this.page.locator('[data-testid=erase-panel]').waitFor();
  }

  /** Opens the confirmation: its lines, once the counts are in. */
  async ask() {
    await this.page.locator('[data-testid=erase-open]').click();
    await this.page.locator(DIALOG).waitFor();
    // The counts are read from storage after the dialog opens; on a loaded machine the 変更履歴
    // count could still read 0 when the lines were taken (the 22-erase flake of stop 26), so
    // wait until both counts are in. A real zero still fails (the wait times out).
    await this.page.waitForFunction((sel) => {
      const items = document.querySelectorAll(`${sel} [data-testid=erase-summary] li`);
      return items.length === 4 && !items[0].textContent.includes('地域診断 0件') && !items[1].textContent.includes('変更履歴: 0件');
    }, DIALOG);
    return this.page.locator(`${DIALOG} [data-testid=erase-summary] li`).allInnerTexts();
  }

  async confirmEnabled() {
    return this.page.locator(`${DIALOG} [data-testid=erase-confirm-button]`).isEnabled();
  }

  async typeWord(text) {
    await this.page.locator(`${DIALOG} [data-testid=erase-confirm]`).fill(text);
  }

  async cancel() {
    await this.page.locator(`${DIALOG} button.cancel`).click();
    await this.page.locator(DIALOG).waitFor({ state: 'detached' });
  }

  /** 消去する, then the screen that shows nothing of the data. */
  async erase() {
    await this.page.locator(`${DIALOG} [data-testid=erase-confirm-button]`).click();
    await this.page.locator('[data-testid=erased-screen]').waitFor();
    await this.waitNotice('この端末のデータを消去しました');
  }

  /** What the origin still holds: IndexedDB databases, localStorage keys, caches. */
  async leftovers() {
    return this.page.evaluate(async () => ({
      databases: (await indexedDB.databases()).map((d) => d.name),
      localStorage: Object.keys(localStorage),
      caches: await caches.keys(),
    }));
  }

  async startAgain() {
    await this.page.locator('[data-testid=erased-screen] button').click();
    await this.ready();
  }
}
