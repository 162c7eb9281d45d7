// Page objects for what is printed from 様式1 (the roster on A4 landscape sheets), 地域の概況
// and 集計 (with or without its charts), and the PDF the browser makes of a page.
import { PatientsPage } from './patients.mjs';
import { OverviewPage } from './overview.mjs';
import { SummaryPage } from './summary.mjs';

/**
 * The page printed to a PDF (A4 landscape, backgrounds on, as the 印刷 dialog would):
 * { bytes, pages }. Pages are the `/Type /Page` objects (not `/Type /Pages`, the tree);
 * Chromium writes them uncompressed, and the tree's `/Count` must agree.
 */
export async function printToPdf(page, path) {
  const bytes = await page.pdf({ path, format: 'A4', landscape: true, printBackground: true });
  const text = bytes.toString('latin1');
  const pages = (text.match(/\/Type\s*\/Page(?!s)/g) || []).length;
  const counts = [...text.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)|\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g)]
    .map((m) => Number(m[1] || m[2]));
  const count = counts.length ? Math.max(...counts) : pages;
  if (count !== pages) throw new Error(`PDF: ${pages} /Type /Page objects but /Count ${count}`);
  return { bytes, pages };
}

/** Stops window.print() from opening a dialog (counts the calls instead). */
export async function stubPrintDialog(page) {
  await page.evaluate(() => {
    self.__printCalls = 0;
    window.print = () => { self.__printCalls += 1; };
  });
}

export async function printCalls(page) {
  return page.evaluate(() => self.__printCalls);
}

const ROSTER_PRINT = '[data-testid=roster-print]';

export class RosterPrintPage extends PatientsPage {
  printButton() {
    return this.page.locator('[data-testid=print-roster]');
  }

  /** Presses 印刷 (the dialog stubbed) and waits until the sheets are built and print asked. */
  async print() {
    const before = (await printCalls(this.page)) || 0;
    await this.printButton().click();
    await this.page.waitForFunction((n) => self.__printCalls > n, before);
  }

  sheets() {
    return this.page.locator(`${ROSTER_PRINT} section.print-page`);
  }

  printScope() {
    return this.sheets().first();
  }

  /** Per sheet: { page, band, label ('1／6'), cols (column keys of its headings), note }. */
  async sheetSummaries() {
    return this.sheets().evaluateAll((sheets) => sheets.map((s) => ({
      page: Number(s.dataset.page),
      band: Number(s.dataset.band),
      label: s.querySelector('[data-testid=page-no]').textContent,
      cols: [...s.querySelectorAll('thead th[data-col]')].map((th) => th.dataset.col),
      groups: [...s.querySelectorAll('thead tr.groups th[colspan]')].map((th) => th.textContent),
      rows: s.querySelectorAll('tbody tr:not(.blank)').length,
      blanks: s.querySelectorAll('tbody tr.blank').length,
    })));
  }

  /** Column keys in heading order (left to right, as the cells are): from the band's cells. */
  async sheetCellKeys(n) {
    return this.sheets().nth(n).locator('tbody tr').first().evaluate((tr) =>
      [...tr.children].map((td) => [...td.classList].find((c) => c.startsWith('k-'))?.slice(2) ?? ''));
  }

  /** Texts of a column's cells on every sheet that has it, in order, without the blank rows. */
  async columnTexts(key) {
    return this.page.locator(`${ROSTER_PRINT} tbody tr:not(.blank) td.k-${key}`).evaluateAll((tds) => tds.map((td) => td.textContent));
  }

  /** All text of the printed sheets. */
  async text() {
    return this.page.locator(ROSTER_PRINT).evaluate((e) => e.textContent);
  }

  async scopeNote() {
    return this.printScope().locator('[data-testid=print-scope]').innerText();
  }

  /** The pink (gap) cells on paper: their column keys and computed backgrounds. */
  async gapCells() {
    return this.page.locator(`${ROSTER_PRINT} td.gap-cell`).evaluateAll((tds) => tds.map((td) => ({
      key: [...td.classList].find((c) => c.startsWith('k-'))?.slice(2),
      background: getComputedStyle(td).backgroundColor,
      exact: getComputedStyle(td).printColorAdjust,
    })));
  }

  /** Every roster column key, from the screen table's data-cols. */
  async allColumnKeys() {
    return (await this.table().getAttribute('data-cols')).split(' ');
  }
}

export class OverviewPrintPage extends OverviewPage {
  printButton() {
    return this.page.locator('[data-testid=print-overview]');
  }

  print() {
    return this.page.locator('[data-testid=overview-print]');
  }

  printScope() {
    return this.print();
  }

  /** The printed boxes: [heading texts, value texts] of both tables. */
  async printedValues() {
    return this.print().locator('tbody td').allTextContents();
  }
}

export class SummaryPrintPage extends SummaryPage {
  printButton() {
    return this.page.locator('[data-testid=print-summary]');
  }

  chartsChoice() {
    return this.page.getByLabel('グラフも印刷する');
  }

  async printCharts(on) {
    await this.chartsChoice().setChecked(on);
  }

  /** How many chart canvases are visible (with print media: on paper). */
  async visibleCanvases() {
    return this.page.locator('[data-testid=summary-charts] canvas').evaluateAll((cs) =>
      cs.filter((c) => c.checkVisibility()).length);
  }
}
