// Page object for the ゴミ箱 of the 地域診断の一覧 (issue 17): folded below the list, each
// 地域診断 in it with 元に戻す and 完全に削除, and ゴミ箱を空にする.
import { HomePage } from './app.mjs';

export class DiagnosisTrashPage extends HomePage {
  trashSection() {
    return this.page.locator('[data-testid=diagnosis-trash]');
  }

  /** Unfolds the ゴミ箱 (it starts folded). */
  async openTrash() {
    await this.trashSection().waitFor();
    if (!(await this.trashSection().evaluate((d) => d.open))) await this.trashSection().locator('summary').click();
  }

  /** 「ゴミ箱（N件）」. */
  async trashSummary() {
    return (await this.trashSection().locator('summary').innerText()).trim();
  }

  /** Rows of the ゴミ箱 as [地区名, 年度, 削除した日時]. */
  async trashRows() {
    if (!(await this.trashSection().count())) return [];
    await this.openTrash();
    const rows = this.trashSection().locator('tbody tr');
    const out = [];
    for (let i = 0; i < (await rows.count()); i++) {
      const row = rows.nth(i);
      const cells = await row.locator('th, td').allInnerTexts();
      out.push(cells.slice(0, 3).map((t) => t.trim()));
    }
    return out;
  }

  trashRow(name) {
    return this.trashSection().locator('tbody tr', { has: this.page.locator('th', { hasText: name }) });
  }

  /** 元に戻す (without waiting: it may be refused). */
  async pressRestore(name) {
    await this.openTrash();
    await this.trashRow(name).locator('button', { hasText: '元に戻す' }).click();
  }

  async restore(name) {
    await this.pressRestore(name);
    await this.waitNotice('を元に戻しました');
    await this.row(name).waitFor();
  }

  /** 完全に削除: returns the confirmation's text (it must name what is lost). */
  async askPurge(name) {
    await this.openTrash();
    await this.trashRow(name).locator('button', { hasText: '完全に削除' }).click();
    return (await this.modal().innerText()).trim();
  }

  /** ゴミ箱を空にする: returns the confirmation's text. */
  async askEmptyTrash() {
    await this.openTrash();
    await this.trashSection().locator('[data-testid=empty-trash]').click();
    return (await this.modal().innerText()).trim();
  }

  /** Moves a 地域診断 to the ゴミ箱 and removes it from there for good. */
  async deleteForGood(name) {
    await this.moveToTrash(name);
    await this.askPurge(name);
    await this.confirm();
    await this.waitNotice('を完全に削除しました');
  }
}
