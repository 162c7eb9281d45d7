// Page object for 地域の概況 (様式1 上欄): the summary of the 地域診断 and the 概況 form.
import { AppPage } from './app.mjs';

const FORM = 'form.overview-form';

export class OverviewPage extends AppPage {
  async open() {
    await this.nav('地域の概況');
    await this.form().waitFor();
  }

  form() {
    return this.page.locator(FORM);
  }


  field(name) {
    return this.page.locator(`${FORM} [name="${name}"]`).first();
  }

  async fill(name, text) {
    await this.field(name).fill(text);
  }

  async value(name) {
    return this.field(name).inputValue();
  }

  /** Fills several fields: { population: '250000', … }. */
  async fillAll(values) {
    for (const [name, text] of Object.entries(values)) await this.fill(name, text);
  }

  /** The values of several fields, by name. */
  async values(names) {
    const out = {};
    for (const name of names) out[name] = await this.value(name);
    return out;
  }

  /** The mark beside a number field: '未入力（不明）', '0（なし）' or ''. */
  async mark(name) {
    const label = this.page.locator(`${FORM} label.number-field`, { has: this.page.locator(`[name="${name}"]`) });
    return (await label.locator('[data-testid=entry-state]').innerText()).trim();
  }

  async addDisease(disease, count) {
    await this.page.click('[data-testid=add-disease]');
    const rows = this.page.locator('[data-testid=other-disease]');
    const i = (await rows.count()) - 1;
    await this.fill(`certified_other.${i}.disease`, disease);
    await this.fill(`certified_other.${i}.count`, count);
  }

  /** Removes the added disease in row `i` (from 0). */
  async removeDisease(i) {
    await this.page.locator('[data-testid=other-disease]').nth(i).locator('button.remove-row').click();
  }

  /** 地区名 as the form shows it (read from the 地域診断). */
  async formJurisdiction() {
    return this.page.locator('[data-testid=overview-jurisdiction]').innerText();
  }

  /** The added diseases as [疾患名, 人数]. */
  async diseases() {
    const rows = this.page.locator('[data-testid=other-disease]');
    const out = [];
    for (let i = 0; i < (await rows.count()); i++) {
      out.push([await this.value(`certified_other.${i}.disease`), await this.value(`certified_other.${i}.count`)]);
    }
    return out;
  }

  async save() {
    await this.dismissNotice();
    await this.page.click(`${FORM} [data-testid=save]`);
    await this.waitNotice('保存しました');
  }

  async saveWithEnter(fromField) {
    await this.dismissNotice();
    await this.field(fromField).press('Enter');
  }

  async messages() {
    return this.page.locator(`${FORM} .field-error, ${FORM} .field-warning`).allInnerTexts();
  }

  async summary() {
    const s = this.page.locator(`${FORM} [data-testid=issue-summary]`);
    return (await s.count()) ? (await s.innerText()).trim() : '';
  }

  async errorNotice() {
    const n = this.noticeError();
    await n.waitFor();
    return (await n.innerText()).trim();
  }

  // ---- the summary of the 地域診断 ----

  async jurisdiction() {
    return (await this.page.locator('[data-testid=diagnosis-summary] [data-testid=jurisdiction]').innerText()).trim();
  }

  async fiscalYear() {
    return (await this.page.locator('[data-testid=diagnosis-summary] [data-testid=fiscal-year]').innerText()).trim();
  }

  /** The links to the other sections as [label + count]. */
  async sectionLinks() {
    return this.page
      .locator('[data-testid=diagnosis-summary] .section-links a')
      .evaluateAll((links) => links.map((a) => [a.getAttribute('data-section'), a.querySelector('.section-count').innerText.trim()]));
  }
}
