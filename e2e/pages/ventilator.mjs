// Page object for 災害への備え (issue 20): the area view of the ventilated patients and one
// patient's 災害時個別支援計画 (its subsidy check, visit plan and programme payment, print).
import { AppPage } from './app.mjs';

export class VentilatorPage extends AppPage {
  async openArea() {
    await this.nav('災害への備え');
    await this.page.locator('[data-testid=disaster-area]').waitFor();
  }

  async evidence() {
    return (await this.page.locator('[data-testid=disaster-evidence]').innerText()).replace(/\s+/g, ' ').trim();
  }

  /** The area rows as { name, status, backup, subsidies, programme }. */
  async rows() {
    const rows = this.page.locator('[data-testid=disaster-row]');
    const out = [];
    for (let i = 0; i < (await rows.count()); i++) {
      const r = rows.nth(i);
      const tds = await r.locator('td').allInnerTexts();
      out.push({ name: (await r.locator('th').innerText()).trim(), status: tds[1], backup: tds[2], subsidies: tds[3], programme: tds[4] });
    }
    return out;
  }

  /** Opens the plan of a patient who is not in the table (by the start of their label). */
  async openOtherPatient(labelStart) {
    const select = this.page.locator('[data-testid=other-patient]');
    const value = await select.locator('option').evaluateAll(
      (os, start) => (os.find((o) => o.textContent.trim().startsWith(start)) || {}).value, labelStart);
    if (!value) throw new Error(`no patient ${labelStart}`);
    await select.selectOption(value);
    await this.page.locator('[data-testid=open-other-plan]').click();
    await this.page.locator('[data-testid=plan-detail]').waitFor();
  }

  form() {
    return this.page.locator('[data-testid=plan-form]');
  }

  async fill(name, text) {
    await this.form().locator(`[name=${name}]`).fill(text);
  }

  async setNeed(item, on) {
    await this.form().locator(`input[name=needs_${item}]`).setChecked(on);
  }

  /** The subsidy check as [{ eligible, text }] for ①②③. */
  async subsidyCheck() {
    const items = this.page.locator('[data-testid=subsidy-item]');
    const out = [];
    for (let i = 0; i < (await items.count()); i++) {
      out.push({ eligible: (await items.nth(i).getAttribute('data-eligible')) === 'true', text: (await items.nth(i).innerText()).trim() });
    }
    return out;
  }

  async addProvider(name, kind = 'station') {
    const n = await this.page.locator('[data-testid=provider-line]').count();
    await this.page.locator('[data-testid=add-provider]').click();
    await this.fill(`provider_name_${n}`, name);
    await this.form().locator(`[name=provider_kind_${n}]`).selectOption(kind);
  }

  /** Adds a visit on `day` (0 = 月曜日) by `provider` and `qualification`. */
  async addVisit(day, provider, qualification = 'nurse') {
    const box = this.page.locator(`[data-testid=day-visits][data-day="${day}"]`);
    const i = await box.locator('[data-testid=visit-line]').count();
    await box.locator('[data-testid=add-visit]').click();
    await this.form().locator(`[name=visit_provider_${day}_${i}]`).selectOption(provider);
    await this.form().locator(`[name=visit_qualification_${day}_${i}]`).selectOption(qualification);
  }

  async payers(day) {
    return (await this.page.locator(`[data-testid=day-visits][data-day="${day}"] [data-testid=visit-payer]`).allInnerTexts()).map((t) => t.trim());
  }

  async text(testid) {
    return (await this.page.locator(`[data-testid=${testid}]`).innerText()).replace(/\s+/g, ' ').trim();
  }

  async save() {
    await this.form().locator('[data-testid=save]').click();
    await this.waitNotice('保存しました');
  }

  printButton() {
    return this.page.locator('[data-testid=print-plan]');
  }

  async printText() {
    return (await this.page.locator('[data-testid=plan-print]').textContent()).replace(/\s+/g, ' ');
  }
}

/** 補助の上限表 (`#/d/<id>/disaster/subsidy`): the 管内共通 table and each 市町村's own. */
export class SubsidyTablesPage extends AppPage {
  async openFromArea() {
    await this.page.locator('[data-testid=open-tables]').click();
    await this.page.locator('[data-testid=subsidy-tables-form]').waitFor();
  }

  form() { return this.page.locator('[data-testid=subsidy-tables-form]'); }

  /** Adds a 市町村's table (from the 様式1 市町村 offered). */
  async addMunicipality(name) {
    await this.form().locator('[data-testid=add-municipality-choice]').selectOption(name);
    await this.form().locator('[data-testid=add-municipality]').click();
  }

  /** Types into field `municipalities.N.limit.K` etc. (`table`: null for 管内共通). */
  async fill(table, part, text) {
    const key = table === null ? `common.${part}` : `municipalities.${table}.${part}`;
    await this.form().locator(`[name="${key}"]`).fill(text);
  }

  async save() {
    await this.form().locator('[data-testid=save]').click();
  }

  legends() { return this.form().locator('[data-testid=subsidy-table] legend').allInnerTexts(); }
}
