// Page object for 様式1 療養者: the roster (filters, sort, pages, gaps, trash) and the
// one-patient form (typed with the keyboard as a nurse would).
import { AppPage } from './app.mjs';

const DETAIL = '[data-testid=patient-detail]';
const TABLE = '[data-testid=roster-table]';

export class PatientsPage extends AppPage {
  async open() {
    await this.nav('様式1 療養者');
    await this.table().waitFor();
  }

  table() {
    return this.page.locator(TABLE);
  }

  detail() {
    return this.page.locator(DETAIL);
  }


  // ---- roster ----

  /** ID番号 of the rows, in the order shown. */
  async ids() {
    // textContent: rows out of view are not laid out (content-visibility), so no innerText.
    return this.page.locator(`${TABLE} .roster-body a.row-link`).evaluateAll((links) => links.map((a) => a.textContent));
  }

  row(idNumber) {
    return this.page.locator(`${TABLE} .roster-body [role=row]`, { has: this.page.locator('a.row-link', { hasText: new RegExp(`^${idNumber}$`) }) });
  }

  /** The cells of a row as { column key: text } (each cell's class is `k-<key>`). */
  async rowCells(idNumber) {
    return this.row(idNumber).evaluate((tr) => {
      const out = {};
      for (const td of tr.querySelectorAll('.c')) {
        const link = td.querySelector('a.row-link');
        const key = [...td.classList].find((c) => c.startsWith('k-')).slice(2);
        out[key] = (link ? link.textContent : td.textContent).trim();
      }
      return out;
    });
  }

  /** Column keys of the row's pink (gap) cells. */
  async gapCells(idNumber) {
    return this.row(idNumber).evaluate((tr) =>
      [...tr.querySelectorAll('.c.gap-cell')].map((td) => [...td.classList].find((c) => c.startsWith('k-')).slice(2)),
    );
  }

  async count() {
    return (await this.page.locator('[data-testid=roster-count]').innerText()).trim();
  }

  async filter(name, value) {
    await this.page.locator(`[data-testid=roster-filters] select[name=${name}]`).selectOption(value);
  }

  async search(text) {
    await this.page.locator('[data-testid=roster-filters] input[name=search]').fill(text);
  }

  async sortBy(label) {
    await this.page.locator(`${TABLE} .roster-head button.sort`, { hasText: label }).click();
  }

  /** A row's link (its ID番号). */
  rowLink(idNumber) {
    return this.row(idNumber).locator('a.row-link');
  }

  /** A row's cell by column key (`address`, `id_number` …). */
  rowCell(idNumber, key) {
    return this.row(idNumber).locator(`.k-${key}`);
  }

  /** The ID番号 of the row that mentions `text` (e.g. a name). */
  async idOfRowWith(text) {
    return (await this.page.locator(`${TABLE} .roster-body [role=row]`, { hasText: text }).locator('a.row-link').textContent()).trim();
  }

  /** The roster's column headings, whitespace folded. */
  async rosterHeadings() {
    return (await this.table().locator('.roster-head').innerText()).replace(/\s+/g, ' ');
  }

  /** How often `text` is in the roster table. */
  async tableMentions(text) {
    return this.table().locator(`text=${text}`).count();
  }

  /** What an empty roster says. */
  async emptyNote() {
    return this.page.locator('[data-testid=roster-empty]').innerText();
  }

  /** The line that says no row matches the filters. */
  rosterNone() {
    return this.page.locator('[data-testid=roster-none]');
  }

  async clearFilters() {
    await this.page.locator('[data-testid=roster-filters] button', { hasText: '絞り込みを解除' }).click();
  }

  /** Opens the list of gaps above the roster. */
  async openGapSummary() {
    await this.page.locator('[data-testid=gap-summary] summary').click();
    await this.page.locator('[data-testid=gap-summary] li').first().waitFor();
  }

  async gapSummary() {
    return this.page.locator('[data-testid=gap-summary]').innerText();
  }

  async openRow(idNumber) {
    await this.rowLink(idNumber).click();
    await this.detail().waitFor();
  }

  async newPatient() {
    await this.page.click('[data-testid=new-patient]');
    await this.detail().waitFor();
  }

  // ---- the form, by keyboard ----

  /** Back to the roster by the breadcrumb. */
  async back() {
    await this.page.locator(`${DETAIL} .breadcrumb a`).click();
  }

  /** The form's 取り消し button. */
  async cancelEdit() {
    await this.page.locator(`${DETAIL} button`, { hasText: /^取り消し$/ }).click();
  }

  /** The 病型 suggested from 初発症状. */
  onsetSuggestion() {
    return this.page.locator('[data-testid=onset-suggestion]');
  }

  /** How many errors the form shows beside its fields. */
  async errorCount() {
    return this.page.locator(`${DETAIL} .field-error`).count();
  }

  /** How many text inputs named `name` the form has (hidden names have none). */
  async inputCount(name) {
    return this.page.locator(`${DETAIL} input[name=${name}]`).count();
  }

  /** The note saying names and addresses are hidden. */
  hiddenNote() {
    return this.page.locator('[data-testid=hidden-note]');
  }

  /** How often `text` is in the form. */
  async detailMentions(text) {
    return this.detail().locator(`text=${text}`).count();
  }

  /** The first service flagged as a gap (pink) in the form. */
  flaggedService() {
    return this.page.locator('.sub-group.gap-on').first();
  }

  /** A group of the form by its field, e.g. `symptoms.respiratory`. */
  fieldset(field) {
    return this.page.locator(`${DETAIL} fieldset[data-field="${field}"]`);
  }

  /** The 「判断樹（日時・評価者）より」 notes of the form. */
  async treeSources() {
    return this.page.locator(`${DETAIL} [data-testid=tree-source]`).allInnerTexts();
  }

  field(name) {
    return this.page.locator(`${DETAIL} [name="${name}"]:not([type=radio])`).first();
  }

  /** Focuses a text field, selects what is in it and types `text` (Ctrl+A then keys). */
  async type(name, text) {
    const f = this.field(name);
    await f.focus();
    await this.page.keyboard.press('ControlOrMeta+A');
    if (text === '') await this.page.keyboard.press('Delete');
    else await this.page.keyboard.type(text);
  }

  /** Focuses the radio group `name` (its checked radio, as Tab would) and presses `key`. */
  async key(name, key) {
    const group = this.page.locator(`${DETAIL} input[type=radio][name="${name}"]`);
    const checked = this.page.locator(`${DETAIL} input[type=radio][name="${name}"]:checked`);
    await ((await checked.count()) ? checked : group.first()).focus();
    await this.page.keyboard.press(key);
  }

  /** Picks the radio of value `value` in group `name` with arrow keys from the checked one. */
  async arrowTo(name, value) {
    const values = await this.page
      .locator(`${DETAIL} input[type=radio][name="${name}"]`)
      .evaluateAll((els) => els.map((e) => e.value));
    const checked = await this.page.locator(`${DETAIL} input[type=radio][name="${name}"]:checked`);
    const from = (await checked.count()) ? values.indexOf(await checked.inputValue()) : 0;
    const to = values.indexOf(value);
    if (to < 0) throw new Error(`no option ${value} in ${name}`);
    await this.page.locator(`${DETAIL} input[type=radio][name="${name}"]`).nth(from < 0 ? 0 : from).focus();
    const step = to > from ? 'ArrowRight' : 'ArrowLeft';
    for (let i = 0; i < Math.abs(to - from); i++) await this.page.keyboard.press(step);
  }

  /** A 三状態 field: 'none' / 'unknown' by arrows, or a text (typing chooses 記入). */
  async tri(name, value) {
    if (value === 'none' || value === 'unknown') await this.arrowTo(`${name}__state`, value);
    else await this.type(name, value);
  }

  async select(name, value) {
    await this.field(name).selectOption(value);
  }

  /** Every input of the form: { name: value } (radio groups: the checked value; checkboxes: bool). */
  async values() {
    return this.detail().evaluate((root) => {
      const out = {};
      for (const el of root.querySelectorAll('input[name], select[name], textarea[name], output[name]')) {
        if (el.type === 'radio') {
          if (!(el.name in out)) out[el.name] = null;
          if (el.checked) out[el.name] = el.value;
        } else if (el.type === 'checkbox') out[el.name] = el.checked;
        else if (el.tagName === 'OUTPUT') out[el.name] = el.textContent.trim();
        else out[el.name] = el.value;
      }
      return out;
    });
  }

  /** The `name`s of the focus stops met by pressing Tab `n` times from the ID番号. */
  async tabOrder(n) {
    await this.field('id_number').focus();
    const names = [];
    for (let i = 0; i < n; i++) {
      names.push(await this.page.evaluate(() => document.activeElement?.getAttribute('name') || document.activeElement?.tagName));
      await this.page.keyboard.press('Tab');
    }
    return names;
  }

  async heading() {
    return (await this.page.locator(`${DETAIL} h1`).innerText()).trim();
  }

  /** The form's section links (様式1の項目), as their texts. */
  async sectionLinks() {
    return this.page.locator('[data-testid=patient-sections] a').allInnerTexts();
  }

  /**
   * Follows a section link by keyboard (focus it, Enter). Returns where it landed: the ID of
   * the focused element, its top edge and the bottom edge of the sticky bar of links (both in
   * viewport pixels), and whether a folded part is open.
   */
  async jumpTo(label) {
    await this.page.locator('[data-testid=patient-sections] a', { hasText: label }).focus();
    await this.page.keyboard.press('Enter');
    await this.page.waitForTimeout(400); // smooth scrolling, if any, settles
    return this.page.evaluate(() => {
      const el = document.activeElement;
      const bar = document.querySelector('[data-testid=patient-sections]').getBoundingClientRect();
      return { id: el.id, top: Math.round(el.getBoundingClientRect().top), barBottom: Math.round(bar.bottom), barTop: Math.round(bar.top), open: el.tagName === 'DETAILS' ? el.open : null };
    });
  }

  /** Saves with Enter in a one-line field and waits for the roster. */
  /** Opens patient `idNumber`, sets one three-state field (`text` or 'unknown') and saves. */
  async setField(idNumber, name, text) {
    await this.open();
    await this.openRow(idNumber);
    await this.tri(name, text);
    await this.saveWithEnter('id_number');
  }

  async saveWithEnter(fromField = 'id_number') {
    await this.dismissNotice();
    await this.field(fromField).focus();
    await this.page.keyboard.press('Enter');
    await this.waitNotice('保存しました');
    await this.table().waitFor();
  }

  /** Presses Enter and expects the refusal. Returns the error line. */
  async saveRefused(fromField = 'id_number') {
    await this.dismissNotice();
    await this.field(fromField).focus();
    await this.page.keyboard.press('Enter');
    const e = this.page.locator('[data-testid=notice-error]');
    await e.waitFor();
    return (await e.innerText()).trim();
  }

  async messages() {
    return this.page.locator(`${DETAIL} .field-error, ${DETAIL} .field-warning`).allInnerTexts();
  }

  async summary() {
    const s = this.page.locator('[data-testid=issue-summary]');
    return (await s.count()) ? (await s.innerText()).trim() : '';
  }

  async weeklyTotal() {
    return (await this.page.locator(`${DETAIL} output[name=weekly_total]`).innerText()).trim();
  }

  async setGap(serviceKey, on, note) {
    await this.page.locator(`${DETAIL} input[type=checkbox][name="gap.${serviceKey}"]`).setChecked(on);
    if (on && note !== undefined) await this.type(`gap.${serviceKey}.note`, note);
  }

  async askDelete() {
    await this.dismissNotice();
    await this.page.locator(`${DETAIL} [data-testid=delete]`).click();
    return (await this.page.locator('.modal').innerText()).trim();
  }

  async confirmDelete() {
    await this.page.locator('.modal button', { hasText: '削除する' }).click();
    await this.waitNotice('を削除しました');
    await this.table().waitFor();
  }

  // ---- trash ----

  async trashIds() {
    return this.page.locator('[data-testid=trash] li').evaluateAll((items) => items.map((i) => i.dataset.id));
  }

  async restore(idNumber) {
    await this.dismissNotice();
    await this.page.locator(`[data-testid=trash] li[data-id="${idNumber}"] button`, { hasText: '元に戻す' }).click();
    await this.waitNotice('を元に戻しました');
  }

  // ---- a save that met a change made elsewhere ----

  conflictList() {
    return this.page.locator('[data-testid=save-conflicts]');
  }

  /** Presses Enter and expects the list of fields changed both here and elsewhere. */
  async saveMeetsConflict(fromField = 'id_number') {
    await this.dismissNotice();
    await this.field(fromField).focus();
    await this.page.keyboard.press('Enter');
    await this.conflictList().waitFor();
    return this.conflictList()
      .locator('[data-testid=save-conflict-row]')
      .evaluateAll((rows) => rows.map((r) => ({
        label: r.querySelector('th').firstChild.textContent.trim(),
        mine: r.querySelector('[data-testid=conflict-mine]').textContent.trim(),
        theirs: r.querySelector('[data-testid=conflict-theirs]').textContent.trim(),
      })));
  }

  /** Chooses 'mine' or 'theirs' for conflict row `i` (by keyboard: focus and Space). */
  async chooseConflict(i, which) {
    const row = this.conflictList().locator('[data-testid=save-conflict-row]').nth(i);
    await row.locator('input[type=radio]').nth(which === 'mine' ? 0 : 1).focus();
    await this.page.keyboard.press('Space');
  }

  async saveChosen() {
    await this.conflictList().locator('[data-testid=conflict-save]').click();
    await this.waitNotice('保存しました');
    await this.table().waitFor();
  }
}
