// Page objects for 集計 (#/d/<id>/summary, its 内訳 lists and print) and 様式4 評価
// (#/d/<id>/evaluation).
import { AppPage } from './app.mjs';

const SHEET = '[data-testid=summary-sheet]';

export class SummaryPage extends AppPage {
  async open() {
    await this.nav('集計');
    await this.sheet().waitFor();
  }

  sheet() {
    return this.page.locator(SHEET);
  }

  /** N as shown (`在宅ALS療養者: 2人`). */
  async n() {
    return (await this.page.locator('[data-testid=summary-n]').innerText()).replace(/\s+/g, '').trim();
  }

  async waitN(text) {
    await this.page.locator('[data-testid=summary-n]', { hasText: text }).waitFor({ timeout: 15000 });
  }

  /** A figure's row by its name in the address (`nursing-users`) in section a, b or c. */
  row(slug, section = 'c') {
    return this.page.locator(`[data-testid=summary-${section}] tr[data-figure="${slug}"]`);
  }

  /** A value's row (人口, 密度 …) by its label. */
  valueRow(label, section = 'a') {
    return this.page.locator(`[data-testid=summary-${section}] tr[data-label="${label}"]`);
  }

  /** { count, percent, denominator, unknown } of a figure as shown. */
  async figure(slug, section = 'c') {
    const r = this.row(slug, section);
    const text = async (sel) => (await r.locator(sel).innerText()).trim();
    return { count: await text('td.count'), percent: await text('td.percent'), denominator: await text('td.denominator'), unknown: await text('td.unknown') };
  }

  async value(label, section = 'a') {
    return (await this.valueRow(label, section).locator('td.count').innerText()).trim();
  }

  /** A value's 不明 as shown. */
  async valueUnknown(label, section = 'a') {
    return (await this.valueRow(label, section).locator('td.unknown').innerText()).trim();
  }

  /** One part of the sheet: 'a', 'b' or 'c'. */
  part(section) {
    return this.page.locator(`[data-testid=summary-${section}]`);
  }

  /** The stated rounding rule. */
  async roundingRule() {
    return (await this.page.locator('[data-testid=rounding-rule]').innerText()).trim();
  }

  async footnotes() {
    return this.page.locator('[data-testid=footnotes]').innerText();
  }

  /** The filter's choices as shown (`ALS（2人）`…) and the chosen one. */
  async filterChoices() {
    return this.page.locator('[data-testid=disease-filter] .segment').allInnerTexts();
  }

  async chosenFilter() {
    return (await this.page.locator('[data-testid=disease-filter] .segment.selected').innerText()).trim();
  }

  async chooseFilter(label) {
    await this.page.locator('[data-testid=disease-filter] .segment', { hasText: label }).click();
  }

  /** Opens the 内訳 of a figure (its count, or its 不明). */
  async drill(slug, { unknown = false, section = 'c' } = {}) {
    await this.row(slug, section).locator(unknown ? 'td.unknown a' : 'td.count a').click();
    await this.page.locator('[data-testid=drill]').waitFor();
  }

  async drillTitle() {
    return (await this.page.locator('[data-testid=drill-title]').innerText()).trim();
  }

  async drillFigure() {
    return (await this.page.locator('[data-testid=drill-figure]').innerText()).trim();
  }

  /** The listed records: [{ first, second, href }]. */
  async drillRows() {
    return this.page.locator('[data-testid=drill-table] tbody tr').evaluateAll((rows) =>
      rows.map((r) => ({
        first: r.querySelector('th').innerText.trim(),
        second: r.querySelectorAll('td')[1].innerText.trim(),
        href: r.querySelector('th a').getAttribute('href'),
      })),
    );
  }

  /** From a 内訳 to its other list (the 不明 of a count, or back). */
  async drillOther() {
    await this.page.locator('[data-testid=drill-other]').click();
  }

  async waitDrillTitle(text) {
    await this.page.locator('[data-testid=drill-title]', { hasText: text }).waitFor();
  }

  async backToSheet() {
    await this.page.locator('[data-testid=drill] .breadcrumb a').click();
    await this.sheet().waitFor();
  }

  print() {
    return this.page.locator('[data-testid=summary-print]');
  }

  printScope() {
    return this.print();
  }

  async printTitle() {
    return this.print().locator('h1').innerText();
  }

  /** The 集計 CSV button. */
  csvButton() {
    return this.page.locator('[data-testid=summary-csv]');
  }

  /** 前年度との比較. */
  compare() {
    return this.page.locator('[data-testid=summary-compare]');
  }

  compareTable() {
    return this.page.locator('[data-testid=compare-table]');
  }

  charts() {
    return this.page.locator('[data-testid=summary-charts]');
  }

  /** A chart's canvas size: { w: drawn width, cw: width on screen }. */
  async canvasSize(testid) {
    return this.page.locator(`[data-testid=${testid}] canvas`).evaluate((c) => ({ w: c.width, cw: c.clientWidth }));
  }

  /** The headings of the table beside a chart. */
  async chartHeads(testid) {
    return this.page.locator(`[data-testid=${testid}] thead th`).allInnerTexts();
  }

  /** 前年度との比較: [前年度, 今年度, 増減] of a line by its label. */
  async comparison(label) {
    const r = this.page.locator(`[data-testid=compare-table] tr[data-label="${label}"]`);
    return [
      (await r.locator('[data-testid=previous]').innerText()).trim(),
      (await r.locator('[data-testid=current]').innerText()).trim(),
      (await r.locator('[data-testid=change]').innerText()).trim(),
    ];
  }

  /** The text table beside a chart: rows of cells. */
  async chartTable(testid) {
    return this.page.locator(`[data-testid=${testid}] table tbody tr`).evaluateAll((rows) =>
      rows.map((r) => [...r.children].map((c) => c.innerText.trim())),
    );
  }
}

export class EvaluationPage extends AppPage {
  async open() {
    await this.nav('様式4 評価');
    await this.form().waitFor();
  }

  form() {
    return this.page.locator('[data-testid=evaluation-form]');
  }

  row(item) {
    return this.page.locator(`[data-testid=evaluation-table] tr[data-item="${item}"]`);
  }

  /** { percent, count, parts } of an item's 管内の状況. */
  async coverage(item) {
    const r = this.row(item);
    const parts = r.locator('[data-testid=coverage-parts]');
    return {
      percent: (await r.locator('[data-testid=coverage-percent]').innerText()).trim(),
      count: (await r.locator('[data-testid=coverage-count]').innerText()).replace(/\s+/g, ' ').trim(),
      parts: (await parts.count()) ? (await parts.innerText()).trim() : '',
    };
  }

  async waitCoverage(item, percent) {
    await this.row(item).locator('[data-testid=coverage-percent]', { hasText: percent }).waitFor({ timeout: 15000 });
  }

  async setLevel(item, letter) {
    await this.row(item).locator(`select[name="${item}.level"]`).selectOption(letter);
  }

  async level(item) {
    return this.row(item).locator(`select[name="${item}.level"]`).inputValue();
  }

  /** An item's 課題 box. */
  issueBox(item) {
    return this.row(item).locator(`textarea[name="${item}.issue"]`);
  }

  async setIssue(item, text) {
    await this.issueBox(item).fill(text);
  }

  async issue(item) {
    return this.issueBox(item).inputValue();
  }

  async setOverall(text) {
    await this.page.locator('textarea[name=overall]').fill(text);
  }

  async overall() {
    return this.page.locator('textarea[name=overall]').inputValue();
  }

  async save() {
    for (const sel of ['[data-testid=notice] button', '[data-testid=notice-error] button']) {
      const b = this.page.locator(sel);
      if (await b.count()) await b.first().click();
    }
    await this.page.locator('[data-testid=evaluation-form] [data-testid=save]').click();
    await this.waitNotice('保存しました');
  }

  print() {
    return this.page.locator('[data-testid=evaluation-print]');
  }

  printScope() {
    return this.print();
  }

  async printedOverall() {
    return (await this.print().locator('[data-testid=print-overall]').innerText()).trim();
  }

  /** Printed rows: cells' text. */
  async printRows() {
    return this.page.locator('[data-testid=evaluation-print] .evaluation-print-table tbody tr').evaluateAll((rows) =>
      rows.map((r) => [...r.children].map((c) => c.innerText.replace(/\s+/g, ' ').trim())),
    );
  }
}
