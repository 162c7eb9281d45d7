// Page object for 使い方・参考 (#/help, #/help/<slug>) and the 「？」 notes of a form.
import { AppPage } from './app.mjs';

/** Every help page: its slug and title (as domain::help::HelpTopic). */
export const HELP_TOPICS = [
  ['overview', '地域の概況の入力'],
  ['form1', '様式1 療養者の入力'],
  ['form2', '様式2 事業の入力'],
  ['form3', '様式3 訪問看護ステーションの入力'],
  ['summary', '集計の算出方法'],
  ['form4', '様式4 評価の入力'],
  ['trees', '判断樹の使い方'],
  ['insurance', '訪問看護の保険（介護保険と医療保険）'],
  ['programmes', '様式2 の事業の一覧'],
  ['ventilator', '在宅人工呼吸器使用患者支援事業（費用の額）'],
  ['glossary', '用語集'],
];

export class HelpPage extends AppPage {
  /** Opens the help area from the menu. */
  async openFromMenu() {
    await this.nav('使い方・参考');
    await this.index().waitFor();
  }

  index() {
    return this.page.locator('[data-testid=help-index]');
  }

  /** Follows the index's link to a page and waits for it. */
  async openTopic(slug, title) {
    await this.index().locator('a', { hasText: title }).first().click();
    await this.topic(slug).waitFor();
  }

  /** Opens a page by its address. */
  async goTopic(slug) {
    await this.page.evaluate((s) => { location.hash = `#/help/${s}`; }, slug);
    await this.topic(slug).waitFor();
  }

  topic(slug) {
    return this.page.locator(`[data-testid=help-${slug}]`);
  }

  async text(slug) {
    return (await this.topic(slug).innerText()).replace(/\s+/g, ' ');
  }

  async source(slug) {
    return (await this.topic(slug).locator('[data-testid=help-source]').innerText()).trim();
  }

  /** The glossary's entries as `[term, reading]`. */
  async glossary() {
    const rows = this.page.locator('[data-testid=glossary-term]');
    const out = [];
    for (let i = 0; i < (await rows.count()); i++) {
      out.push([
        (await rows.nth(i).locator('.term').innerText()).trim(),
        (await rows.nth(i).locator('.reading').innerText()).trim(),
      ]);
    }
    return out;
  }

  /** The 記入例 table of the 様式1 page: `{ item: [例1, 例2] }`. */
  async examples() {
    const rows = this.page.locator('[data-testid=form-examples] tbody tr');
    const out = {};
    for (let i = 0; i < (await rows.count()); i++) {
      const cells = await rows.nth(i).locator('th, td').allInnerTexts();
      out[cells[0].trim()] = [cells[1].trim(), cells[2].trim()];
    }
    return out;
  }

  /** The rows of the 保険 chart's order: `[when, insurance]`. */
  async insuranceFlow() {
    const rows = this.page.locator('[data-testid=insurance-flow] tbody tr');
    const out = [];
    for (let i = 0; i < (await rows.count()); i++) {
      const cells = await rows.nth(i).locator('th, td').allInnerTexts();
      out.push([cells[0].trim(), cells[1].trim()]);
    }
    return out;
  }

  /** The 「？」 of a part of a form (by the part's name) and its note. */
  tip(part) {
    const button = this.page.locator(`[data-testid=help-button][aria-label="${part}の入力の留意点"]`);
    const note = this.page.locator(`[data-testid=help-tip][aria-label="${part}の入力の留意点"]`);
    return { button, note };
  }
}
