// Page object for 様式2 事業: the table (一括入力 of 実施・件数), the one-programme form, the
// trash and the print view.
import { AppPage } from './app.mjs';

const DETAIL = '[data-testid=programme-detail]';

export class ProgrammesPage extends AppPage {
  async open() {
    await this.nav('様式2 事業');
    await this.table().waitFor();
  }

  table() {
    return this.page.locator('[data-testid=programmes-table]');
  }

  row(name) {
    return this.page.locator(`[data-testid=programmes-table] tbody tr[data-name="${name}"]`);
  }

  /** 事業名 of the rows, in the order shown. */
  async names() {
    return this.page
      .locator('[data-testid=programmes-table] tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-name')));
  }


  // ---- the table ----

  /** A row's 実施 select or count box: 'implemented', 'count_local', 'count_prefecture'. */
  cell(name, field) {
    return this.row(name).locator(`${field === 'implemented' ? 'select' : 'input'}[name=${field}]`);
  }

  /** The messages beside a row's cells. */
  async cellErrors(name) {
    return this.row(name).locator('.field-error').allInnerTexts();
  }

  async setImplemented(name, value) {
    await this.cell(name, 'implemented').selectOption(value);
  }

  async setCounts(name, local, prefecture) {
    await this.cell(name, 'count_local').fill(local);
    await this.cell(name, 'count_prefecture').fill(prefecture);
  }

  /** [実施 value, (1) 管轄地域, (2) 都道府県全体] as on screen. */
  async rowValues(name) {
    return [
      await this.cell(name, 'implemented').inputValue(),
      await this.cell(name, 'count_local').inputValue(),
      await this.cell(name, 'count_prefecture').inputValue(),
    ];
  }

  /** The note that the standard rows are not saved yet. */
  unsavedDefaults() {
    return this.page.locator('[data-testid=unsaved-defaults]');
  }

  async rowText(name) {
    return (await this.row(name).innerText()).replace(/\s+/g, ' ').trim();
  }

  async quickSave() {
    await this.dismissNotice();
    await this.page.click('[data-testid=quick-save]');
  }

  async edit(name) {
    await this.row(name).locator('[data-testid=edit]').click();
    await this.page.locator(DETAIL).waitFor();
  }

  async addOwn() {
    await this.page.click('[data-testid=add-own]');
    await this.page.locator(DETAIL).waitFor();
  }

  // ---- the one-programme form ----

  detail() {
    return this.page.locator(DETAIL);
  }

  /** Back to the table by the breadcrumb. */
  async back() {
    await this.page.locator(`${DETAIL} .breadcrumb a`).click();
  }

  /** Last year's counts, 成果 and 課題 beside the form: 'counts', '成果', '課題'. */
  async previous(what) {
    return this.page.locator(`[data-testid=previous-${what}]`).innerText();
  }

  async heading() {
    return (await this.page.locator(`${DETAIL} h1`).innerText()).trim();
  }

  field(name) {
    return this.page.locator(`${DETAIL} [name="${name}"]`).first();
  }

  async fill(name, text) {
    await this.field(name).fill(text);
  }

  async value(name) {
    return this.field(name).inputValue();
  }

  /** Clicks the choice labelled exactly `label` in the radio group `field`. */
  async choose(field, label) {
    await this.page
      .locator(`${DETAIL} fieldset[data-field="${field}"] label.segment`, { hasText: new RegExp(`^${label}$`) })
      .click();
  }

  /** The label of the chosen option of a radio group. */
  async chosen(field) {
    return (await this.page.locator(`${DETAIL} fieldset[data-field="${field}"] label.segment.selected`).innerText()).trim();
  }

  async setChecked(name, on) {
    await this.page.locator(`${DETAIL} input[type=checkbox][name="${name}"]`).setChecked(on);
  }

  async isChecked(name) {
    return this.page.locator(`${DETAIL} input[type=checkbox][name="${name}"]`).isChecked();
  }

  /** Saves with Enter in a one-line field (as a nurse would) and waits for the table. */
  async saveWithEnter(fromField) {
    await this.dismissNotice();
    await this.field(fromField).press('Enter');
    await this.waitNotice('保存しました');
    await this.table().waitFor();
  }

  async save() {
    await this.dismissNotice();
    await this.page.click(`${DETAIL} [data-testid=save]`);
    await this.waitNotice('保存しました');
    await this.table().waitFor();
  }

  async messages() {
    return this.page.locator(`${DETAIL} .field-error, ${DETAIL} .field-warning`).allInnerTexts();
  }

  async summary() {
    const s = this.page.locator('[data-testid=issue-summary]');
    return (await s.count()) ? (await s.innerText()).trim() : '';
  }

  /** Starts deleting the open programme; returns the confirmation's text. */
  async askDelete() {
    await this.dismissNotice();
    await this.page.locator(`${DETAIL} button`, { hasText: 'この事業を削除' }).click();
    return (await this.page.locator('.modal').innerText()).trim();
  }

  async confirmDelete() {
    await this.page.locator('.modal button', { hasText: '削除する' }).click();
    await this.waitNotice('を削除しました');
    await this.table().waitFor();
  }

  // ---- trash ----

  async trashNames() {
    const t = this.page.locator('[data-testid=trash] li');
    return t.evaluateAll((items) => items.map((i) => i.getAttribute('data-name')));
  }

  async restore(name) {
    await this.dismissNotice();
    await this.page.locator(`[data-testid=trash] li[data-name="${name}"] button`, { hasText: '元に戻す' }).click();
    await this.waitNotice('を元に戻しました');
  }

  // ---- print ----

  print() {
    return this.page.locator('[data-testid=programmes-print]');
  }

  /** The printed table's headings, whitespace folded. */
  async printHeadings() {
    return (await this.page.locator('[data-testid=programmes-print] thead').innerText()).replace(/\s+/g, ' ');
  }

  /** Rows of the printed table as arrays of cell texts. */
  async printRows() {
    return this.page
      .locator('[data-testid=programmes-print] tbody tr')
      .evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.innerText.replace(/\s+/g, ' ').trim())));
  }
}
