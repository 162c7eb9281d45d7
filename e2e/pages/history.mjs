// Page object for 変更履歴 (issue 17): one record's saves, newest first, and restoring a field
// or a whole version.
import { AppPage } from './app.mjs';

const PAGE = '[data-testid=history-page]';
const ENTRY = `${PAGE} [data-testid=history-entry]`;
const DIALOG = '[data-testid=restore-dialog]';

export class HistoryPage extends AppPage {
  /** From a record's page (or 概況 / 様式4): its 「変更履歴」 link. */
  async openFromRecord() {
    await this.page.locator('[data-testid=history-link]').first().click();
    await this.page.locator(`${PAGE} [data-testid=history-list], ${PAGE} [data-testid=history-empty]`).first().waitFor();
  }

  /** Sets this device's 担当者名. */
  async setStaff(name) {
    const f = this.page.locator('[data-testid=staff-name]');
    await f.fill(name);
    await f.press('Tab');
  }

  async staff() {
    return this.page.locator('[data-testid=staff-name]').inputValue();
  }

  async recordTitle() {
    return (await this.page.locator('[data-testid=history-record]').innerText()).trim();
  }

  /** The saves shown, newest first: { when, what, by, current, fields: [[項目, 変更前, 変更後]] }. */
  async entries() {
    await this.page.locator(`${PAGE} [data-testid=history-list]`).waitFor();
    return this.page.locator(ENTRY).evaluateAll((items) =>
      items.map((li) => ({
        when: li.querySelector('.history-when').textContent.trim(),
        what: li.querySelector('.history-what').textContent.trim(),
        by: li.querySelector('.history-by').textContent.replace('担当者: ', '').trim(),
        current: !!li.querySelector('[data-testid=history-current]'),
        fields: [...li.querySelectorAll('[data-testid=history-field]')].map((tr) =>
          [...tr.querySelectorAll('th, td')].slice(0, 3).map((c) => c.textContent.trim()),
        ),
      })),
    );
  }

  /** Waits until `n` saves are listed. */
  async waitEntries(n) {
    await this.page.waitForFunction(
      ({ sel, n }) => document.querySelectorAll(sel).length === n,
      { sel: ENTRY, n },
    );
  }

  /** 「変更前に戻す」 on field `label` of entry `i` (0 = newest): the dialog's rows. */
  async askRestoreField(i, label) {
    const row = this.page.locator(ENTRY).nth(i).locator('[data-testid=history-field]', {
      has: this.page.locator('th', { hasText: label }),
    });
    await row.locator('[data-testid=history-restore-field]').click();
    return this.dialogRows();
  }

  /** 「この版に戻す」 of entry `i`: the dialog's rows. */
  async askRestoreVersion(i) {
    await this.page.locator(ENTRY).nth(i).locator('[data-testid=history-restore-version]').click();
    return this.dialogRows();
  }

  dialog() {
    return this.page.locator(DIALOG);
  }

  async dialogRows() {
    await this.dialog().waitFor();
    const table = this.dialog().locator('[data-testid=restore-changes]');
    if (!(await table.count())) return [];
    return table.locator('tbody tr').evaluateAll((rows) =>
      rows.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent.trim())),
    );
  }

  async dialogText() {
    return (await this.dialog().innerText()).trim();
  }

  async confirmRestore() {
    await this.dismissNotice();
    await this.dialog().locator('[data-testid=restore-confirm]').click();
    await this.waitNotice('変更履歴から戻して保存しました');
  }

  async closeDialog() {
    await this.dialog().locator('button.cancel').click();
    await this.dialog().waitFor({ state: 'detached' });
  }

  /** Back to the record's page. */
  async back() {
    await this.page.locator(`${PAGE} .breadcrumb a`).click();
  }
}
