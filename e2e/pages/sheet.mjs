// Page object for 取り込み（表計算）on データの入出力: a spreadsheet's preview (sheet, 地域診断,
// 列の割り当て, the rows with findings in the file's layout, fixing a cell) before the plan.
import { IoPage } from './io.mjs';

export class SheetImportPage extends IoPage {
  sheetPreview() {
    return this.page.locator('[data-testid=sheet-preview]');
  }

  async sheetRev() {
    return Number(await this.sheetPreview().getAttribute('data-rev'));
  }

  /** Runs `action` (a change in the preview) and waits for the preview made after it. */
  async sheetChange(action) {
    const before = await this.sheetRev();
    await action();
    await this.page.waitForFunction(
      (n) => Number(document.querySelector('[data-testid=sheet-preview]')?.getAttribute('data-rev')) > n,
      before,
      { timeout: 60000 },
    );
  }

  /** 様式1: 30 行（記入例 2 行は読み飛ばします）。… */
  async sheetSummary() {
    return (await this.page.locator('[data-testid=sheet-summary]').innerText()).trim();
  }

  async sheetProblems() {
    const p = this.page.locator('[data-testid=sheet-problems] li');
    return p.allInnerTexts();
  }

  /** The listed rows: [{ row: '3 行目', key, text }] (text: the whole row, its notes included). */
  async sheetRows() {
    const rows = this.page.locator('[data-testid=sheet-rows] tbody tr');
    const out = [];
    for (let i = 0; i < (await rows.count()); i++) {
      const r = rows.nth(i);
      out.push({
        row: (await r.locator('th .io-row-no').innerText()).trim(),
        key: (await r.locator('th .io-row-key').innerText()).trim(),
        text: (await r.innerText()).replace(/\s+/g, ' ').trim(),
      });
    }
    return out;
  }

  /** The marked cells of sheet row `row`: { error: [letters], warning: [letters] } by header. */
  async markedCells(row) {
    return this.page.locator(`[data-testid=sheet-row-${row}]`).evaluate((tr) => {
      const table = tr.closest('table');
      const heads = [...table.querySelectorAll('thead th')].map((th) => th.querySelector('.io-col')?.textContent ?? '');
      const out = { error: [], warning: [] };
      [...tr.children].forEach((cell, i) => {
        if (cell.classList.contains('error')) out.error.push(heads[i].replace('列 ', ''));
        if (cell.classList.contains('warning')) out.warning.push(heads[i].replace('列 ', ''));
      });
      return out;
    });
  }

  /** Unfolds 列の割り当て (its table is drawn only while unfolded). */
  async openMapping() {
    const mapping = this.page.locator('[data-testid=sheet-mapping]');
    if (!(await mapping.evaluate((d) => d.open))) await mapping.locator('summary').click();
    await mapping.locator('table').waitFor();
  }

  /** The field column `letter` is read into (its option label). */
  async sheetColumnField(letter) {
    await this.openMapping();
    const select = this.page.locator(`[data-testid=sheet-column-${letter}]`);
    // textContent: the mapping may be folded away (innerText of a hidden option is empty).
    return (await select.locator('option:checked').textContent()).trim();
  }

  /** Reads column `letter` into the field labelled `label` (or 取り込まない). */
  async mapSheetColumn(letter, label) {
    await this.openMapping();
    await this.sheetChange(() => this.page.locator(`[data-testid=sheet-column-${letter}]`).selectOption({ label }));
  }

  /** Fixes the cell of sheet row `row` (as numbered in the sheet) and column `letter`. */
  async fixSheetCell(row, letter, text) {
    const input = this.page.locator(`[data-testid=sheet-fix-${row}-${letter}]`);
    await input.fill(text);
    await this.sheetChange(() => input.press('Enter'));
  }

  /** 取り込む内容を確認する: waits for the plan's review. */
  async planSheet() {
    await this.page.locator('[data-testid=sheet-plan]').click();
    await this.page.locator('[data-testid=import-review], [data-testid=import-refused]').first().waitFor({ timeout: 120000 });
  }
}
