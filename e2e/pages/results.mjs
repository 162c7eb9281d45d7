// Page object for 事業実績 (#/results): the table programme × 年度, the Tokyo example, the
// editor of one programme (indicators, 年度, figures), its charts, CSV and print.
import { AppPage } from './app.mjs';

const ROOT = '[data-testid=results]';
const EDITOR = '[data-testid=results-editor]';

export class ResultsPage extends AppPage {
  async open() {
    await this.nav('事業実績');
    await this.page.locator(ROOT).waitFor();
  }

  async loadExample() {
    await this.page.locator(`${ROOT} [data-testid=results-example]`).click();
  }

  /** The table's column headings. */
  async headings() {
    return this.page.locator(`${ROOT} [data-testid=results-table] thead th`).allInnerTexts();
  }

  /** Waits until the table has `n` lines. */
  async waitRows(n) {
    await this.page.waitForFunction(
      ([sel, n]) => document.querySelectorAll(sel).length === n,
      [`${ROOT} [data-testid=results-row]`, n],
    );
  }

  /** Every line of the table as its cells' texts (the programme's names only on its first line). */
  async rows() {
    return this.page.locator(`${ROOT} [data-testid=results-row]`).evaluateAll((rows) =>
      rows.map((r) => [...r.children].map((c) => c.textContent.trim())),
    );
  }

  /** The figures (per 年度, newest first) of the line of `indicator` in programme `programme`. */
  async figures(programme, indicator) {
    return this.page.evaluate(
      ([root, programme, indicator]) => {
        const rows = [...document.querySelectorAll(`${root} [data-testid=results-row]`)];
        let current = '';
        for (const r of rows) {
          const head = r.querySelector('th');
          if (head) current = head.querySelector('button').textContent.trim();
          const cells = [...r.querySelectorAll('td')].map((c) => c.textContent.trim());
          const tail = head ? cells.slice(1) : cells;
          if (current === programme && tail[0] === indicator) return tail.slice(1);
        }
        return null;
      },
      [ROOT, programme, indicator],
    );
  }

  async add() {
    await this.page.locator(`${ROOT} [data-testid=results-add]`).click();
    await this.page.locator(EDITOR).waitFor();
  }

  async openProgramme(name) {
    await this.page.locator(`${ROOT} [data-testid=results-open]`, { hasText: name }).first().click();
    await this.page.locator(EDITOR).waitFor();
  }

  async fill(field, value) {
    await this.page.locator(`${EDITOR} input[name=${field}]`).fill(value);
  }

  async chooseFromCatalogue(name) {
    await this.page.locator(`${EDITOR} [data-testid=results-catalogue]`).selectOption(name);
  }

  async addYear(text) {
    await this.page.locator(`${EDITOR} [data-testid=results-year]`).fill(text);
    await this.page.locator(`${EDITOR} [data-testid=results-add-year]`).click();
  }

  async addIndicator() {
    await this.page.locator(`${EDITOR} [data-testid=results-add-indicator]`).click();
  }

  /** Fills the n-th indicator (0-based): name, unit label ('' = none) and the figures per 年度 shown. */
  async indicator(n, name, unit, values) {
    const row = this.page.locator(`${EDITOR} [data-testid=results-indicators] tbody tr`).nth(n);
    await row.locator('[data-testid=results-indicator-name]').fill(name);
    await row.locator('[data-testid=results-unit]').selectOption(unit);
    const inputs = row.locator('[data-testid=results-value]');
    for (let i = 0; i < values.length; i++) await inputs.nth(i).fill(values[i]);
  }

  /** The editor's 年度 columns. */
  async editorYears() {
    const th = await this.page.locator(`${EDITOR} [data-testid=results-indicators] thead th`).allInnerTexts();
    return th.slice(2, -1);
  }

  async save() {
    await this.page.locator(`${EDITOR} [data-testid=results-save]`).click();
  }

  async close() {
    await this.page.locator(`${EDITOR} [data-testid=results-close]`).click();
    await this.page.locator(EDITOR).waitFor({ state: 'detached' });
  }

  async errors() {
    const e = this.page.locator(`${EDITOR} [data-testid=results-errors]`);
    await e.waitFor();
    return e.locator('li').allInnerTexts();
  }

  /** The charts: [title, [[年度, shown], …]]. */
  async charts() {
    return this.page.locator(`${EDITOR} [data-testid=results-chart]`).evaluateAll((figs) =>
      figs.map((f) => [
        f.querySelector('figcaption').textContent.trim(),
        [...f.querySelectorAll('tbody tr')].map((r) => [r.querySelector('th').textContent.trim(), r.querySelector('td').textContent.trim()]),
      ]),
    );
  }

  async waitCharts(n) {
    await this.page.waitForFunction(
      ([sel, n]) => document.querySelectorAll(sel).length === n,
      [`${EDITOR} [data-testid=results-chart] canvas`, n],
    );
  }

  printButton() {
    return this.page.locator(`${ROOT} [data-testid=results-print]`);
  }

  /** Downloads the CSV; returns its name and text. */
  async csv() {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.locator(`${ROOT} [data-testid=results-csv]`).click(),
    ]);
    const stream = await download.createReadStream();
    const chunks = [];
    for await (const c of stream) chunks.push(c);
    return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
  }
}
