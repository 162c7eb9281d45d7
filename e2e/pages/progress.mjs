// Page object for 進捗状況評価 (#/progress): 様式1－2 — 課題 → 取組 → 事業, links to 事業実績
// indicators (figures shown derived), print on A4 landscape.
import { AppPage } from './app.mjs';

const ROOT = '[data-testid=progress]';
const EDITOR = '[data-testid=progress-editor]';

export class ProgressPage extends AppPage {
  async open() {
    await this.nav('進捗状況評価');
    await this.page.locator(ROOT).waitFor();
  }

  async add() {
    await this.page.locator(`${ROOT} [data-testid=progress-add]`).click();
    await this.page.locator(EDITOR).waitFor();
  }

  async fill(field, value) {
    await this.page.locator(`${EDITOR} input[name=${field}]`).fill(value);
  }

  async addInitiative(title) {
    await this.page.locator(`${EDITOR} [data-testid=progress-add-initiative]`).click();
    const block = this.page.locator(`${EDITOR} [data-testid=progress-initiative]`).last();
    await block.locator('[data-testid=progress-initiative-title]').fill(title);
    return block;
  }

  /** Adds a 事業 to the last 取組 and fills its texts ({name, summary, …}). */
  async addProject(texts) {
    const block = this.page.locator(`${EDITOR} [data-testid=progress-initiative]`).last();
    await block.locator('[data-testid=progress-add-project]').click();
    const project = block.locator('[data-testid=progress-project]').last();
    for (const [field, value] of Object.entries(texts)) {
      await project.locator(`[data-testid=progress-${field}]`).fill(value);
    }
    return project;
  }

  /** Links the last 事業 to the indicator labelled `label` (事業名 — 指標名（単位）). */
  async link(label) {
    const project = this.page.locator(`${EDITOR} [data-testid=progress-project]`).last();
    await project.locator('[data-testid=progress-link-choice]').selectOption({ label });
    await project.locator('[data-testid=progress-link-add]').click();
  }

  /** The figures shown from 事業実績: [前年度, 今年度]. */
  async derived() {
    const project = this.page.locator(`${EDITOR} [data-testid=progress-project]`).last();
    await project.locator('[data-testid=progress-derived]').waitFor();
    return [
      (await project.locator('[data-testid=progress-derived-previous]').innerText()).trim(),
      (await project.locator('[data-testid=progress-derived-this]').innerText()).trim(),
    ];
  }

  async save() {
    await this.page.locator(`${EDITOR} [data-testid=progress-save]`).click();
  }

  async close() {
    await this.page.locator(`${EDITOR} [data-testid=progress-close]`).click();
    await this.page.locator(EDITOR).waitFor({ state: 'detached' });
  }

  async errors() {
    const e = this.page.locator(`${EDITOR} [data-testid=progress-errors]`);
    await e.waitFor();
    return e.locator('li').allInnerTexts();
  }

  async issues() {
    return this.page.locator(`${ROOT} [data-testid=progress-issue]`).allInnerTexts();
  }

  printButton() {
    return this.page.locator(`${ROOT} button[data-testid=progress-print]`);
  }

  /** The printed table: headings and rows of cell texts. */
  async printed() {
    const table = this.page.locator(`${ROOT} section[data-testid=progress-print] table`);
    return {
      headings: await table.locator('thead th').allInnerTexts(),
      rows: await table.locator('[data-testid=progress-print-row]').evaluateAll((rows) =>
        rows.map((r) => [...r.children].map((c) => c.textContent.trim())),
      ),
    };
  }
}
