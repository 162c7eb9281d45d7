// Page object for 様式3 訪問看護ステーション: the table (search, sort, 合計 row, trash) and the
// one-station form with the 常勤換算 helper.
import { AppPage } from './app.mjs';

const DETAIL = '[data-testid=station-detail]';
const TABLE = '[data-testid=stations-table]';

export class StationsPage extends AppPage {
  async open() {
    await this.nav('様式3 訪問看護ステーション');
    await this.screen().waitFor();
  }

  screen() {
    return this.page.locator('.stations-screen');
  }

  table() {
    return this.page.locator(TABLE);
  }


  // ---- the table ----

  row(name) {
    return this.page.locator(`${TABLE} tbody tr[data-name="${name}"]`);
  }

  /** 名称 of the rows, in the order shown. */
  async names() {
    return this.page.locator(`${TABLE} tbody tr`).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-name')));
  }

  /** A row's cells by column key: { name: …, fte: '3.0', … }. */
  async cells(name) {
    return this.row(name).evaluate((tr) =>
      Object.fromEntries([...tr.querySelectorAll('[data-col]')].map((c) => [c.getAttribute('data-col'), c.innerText.trim()])),
    );
  }

  /** The 合計 row by column key. */
  async totals() {
    return this.page
      .locator('[data-testid=totals-row]')
      .evaluate((tr) =>
        Object.fromEntries([...tr.querySelectorAll('[data-col]')].map((c) => [c.getAttribute('data-col'), c.innerText.trim()])),
      );
  }

  /** The 「登録されていません」 line of an empty table. */
  noStations() {
    return this.page.locator('[data-testid=no-stations]');
  }

  /** ※1 面積 ※2 人口 above the table, from 地域の概況. */
  async areaHeader() {
    return this.page.locator('[data-testid=area-header]').innerText();
  }

  /** The hint that the table scrolls sideways. */
  scrollHint() {
    return this.page.locator('[data-testid=scroll-hint]');
  }

  /** A column's heading, by column key. */
  columnHead(column) {
    return this.page.locator(`th[data-col=${column}]`);
  }

  /** 「3ヵ所中 1ヵ所を表示」 while searching. */
  async shownCount() {
    return this.page.locator('[data-testid=shown-count]').innerText();
  }

  async densities() {
    return (await this.page.locator('[data-testid=densities]').innerText()).replace(/\s+/g, ' ');
  }

  async sortBy(column) {
    await this.page.click(`${TABLE} thead th[data-col="${column}"] button.sort`);
  }

  async search(text) {
    await this.page.fill('input[name=station-search]', text);
  }

  async add() {
    await this.page.click('[data-testid=add-station]');
    await this.detail().waitFor();
  }

  /** The 編集 button of a row. */
  editButton(name) {
    return this.row(name).locator('[data-testid=edit]');
  }

  async edit(name) {
    await this.editButton(name).click();
    await this.detail().waitFor();
  }

  /** Starts deleting from the table; returns the confirmation's text. */
  async askDelete(name) {
    await this.dismissNotice();
    await this.row(name).locator('[data-testid=delete]').click();
    return (await this.page.locator('.modal').innerText()).trim();
  }

  async confirmDelete() {
    await this.page.locator('.modal button', { hasText: '削除する' }).click();
    await this.waitNotice('を削除しました');
  }

  async trashNames() {
    return this.page.locator('[data-testid=trash] li').evaluateAll((items) => items.map((i) => i.getAttribute('data-name')));
  }

  async restore(name) {
    await this.dismissNotice();
    await this.page.locator(`[data-testid=trash] li[data-name="${name}"] button`, { hasText: '元に戻す' }).click();
    await this.waitNotice('を元に戻しました');
  }

  // ---- print ----

  /** The printed 様式3 (only visible with print media). */
  print() {
    return this.page.locator('[data-testid=stations-print]');
  }

  /** The 印刷 button. */
  printButton() {
    return this.page.locator('[data-testid=print-stations]');
  }

  /** The printed header (※1 ※2), whitespace folded. */
  async printHead() {
    return (await this.print().locator('.print-header').innerText()).replace(/\s+/g, ' ');
  }

  /** The printed table's headings, whitespace folded. */
  async printHeadings() {
    return (await this.print().locator('thead').innerText()).replace(/\s+/g, ' ');
  }

  printTable() {
    return this.print().locator('table');
  }

  async printDensities() {
    return (await this.page.locator('[data-testid=print-densities]').innerText()).replace(/\s+/g, ' ');
  }

  /** Rows of the printed table (stations then 合計) as arrays of cell texts. */
  async printRows() {
    return this.page
      .locator('[data-testid=stations-print] tbody tr')
      .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent.trim())));
  }

  /** Does the table fit its box (no horizontal scrolling)? { fits, scrollWidth, clientWidth }. */
  async tableFit() {
    return this.page.locator('[data-testid=stations-scroll]').evaluate((el) => ({
      fits: el.scrollWidth <= el.clientWidth,
      scrollWidth: el.scrollWidth,
      clientWidth: el.clientWidth,
    }));
  }

  // ---- the one-station form ----

  detail() {
    return this.page.locator(DETAIL);
  }

  /** Starts deleting the open station from its form. */
  async askDeleteHere() {
    await this.page.locator('[data-testid=delete-station]').click();
  }

  /** Back to the table by the breadcrumb. */
  async back() {
    await this.page.locator(`${DETAIL} .breadcrumb a`).click();
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

  /** Adds a member of staff: 職種・氏名, 常勤|非常勤, 1週間の勤務時間. */
  async addStaff(label, employment, hours) {
    await this.page.click('[data-testid=add-staff]');
    const i = (await this.page.locator('[data-testid=staff-row]').count()) - 1;
    await this.fill(`staff.${i}.label`, label);
    await this.field(`staff.${i}.employment`).selectOption({ label: employment });
    if (hours !== undefined) await this.fill(`staff.${i}.weekly_hours`, hours);
  }

  /** The staff list as [職種・氏名, 勤務形態 value, 時間]. */
  async staff() {
    const n = await this.page.locator('[data-testid=staff-row]').count();
    const out = [];
    for (let i = 0; i < n; i++) {
      out.push([
        await this.value(`staff.${i}.label`),
        await this.value(`staff.${i}.employment`),
        await this.value(`staff.${i}.weekly_hours`),
      ]);
    }
    return out;
  }

  async fte() {
    return (await this.page.locator('[data-testid=fte-value]').innerText()).trim();
  }

  async fteExplanation() {
    return (await this.page.locator('[data-testid=fte-explanation]').innerText()).trim();
  }

  async fteNote() {
    return (await this.page.locator('[data-testid=fte-note]').innerText()).trim();
  }

  async save() {
    await this.dismissNotice();
    await this.page.click(`${DETAIL} [data-testid=save]`);
    await this.waitNotice('保存しました');
    await this.screen().waitFor();
  }

  /** Saves with Enter in a one-line field (as a nurse would) and waits for the table. */
  async saveWithEnter(fromField) {
    await this.dismissNotice();
    await this.field(fromField).press('Enter');
    await this.waitNotice('保存しました');
    await this.screen().waitFor();
  }

  async messages() {
    return this.page.locator(`${DETAIL} .field-error, ${DETAIL} .field-warning`).allInnerTexts();
  }

  async summary() {
    const s = this.page.locator(`${DETAIL} [data-testid=issue-summary]`);
    return (await s.count()) ? (await s.innerText()).trim() : '';
  }

  async mark(name) {
    const label = this.page.locator(`${DETAIL} label.number-field`, { has: this.page.locator(`[name="${name}"]`) });
    return (await label.locator('[data-testid=entry-state]').innerText()).trim();
  }

  /**
   * Adds the seed's worked example: 常勤保健師（管理者） 1, 常勤看護師 1, 非常勤A 5h×4日,
   * 非常勤B 4h×3日 (常勤換算 3.0), with every other field filled (人工呼吸器の実績 left 不明).
   */
  async enterSeedExample(contractedWeek = '32') {
    await this.add();
    await this.fill('name', '訪問看護ステーションあおば');
    await this.fill('address', '府中市宮西町1-2');
    await this.choose('fte_mode', '職員の勤務時間から計算');
    await this.fill('contracted_week_hours', contractedWeek);
    await this.addStaff('常勤保健師（管理者）', '常勤');
    await this.addStaff('常勤看護師', '常勤');
    await this.addStaff('非常勤A', '非常勤', '5×4');
    await this.addStaff('非常勤B', '非常勤', '4時間×3日');
    await this.fill('monthly_users', '80');
    await this.fill('medical_insurance_users', '30');
    await this.choose('room_for_more_visits', '1 あり');
    await this.choose('addition_24h', '1 届出あり');
    await this.choose('addition_special', '0 届出なし');
    await this.choose('als_experience', '1 あり');
    await this.choose('als_intake', '2 可能');
    await this.choose('child_intake', '1 検討可');
  }
}
