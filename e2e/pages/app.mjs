// Page objects for the app shell and the 地域診断 list (as in leptos' counters example:
// tests talk to pages, pages know the selectors).

export class AppPage {
  constructor(page) {
    this.page = page;
  }

  async goto(url) {
    await this.page.goto(url);
    await this.ready();
  }

  /** The wasm has mounted and the database is open. */
  async ready() {
    await this.page.waitForSelector('nav.nav', { state: 'attached' });
    await this.page.waitForFunction(() => performance.getEntriesByName('app-interactive').length > 0);
  }

  async reload() {
    await this.page.reload();
    await this.ready();
  }

  notice() {
    return this.page.locator('[data-testid=notice]');
  }

  /** Closes the status line so the next waitNotice sees a fresh message. */
  async dismissNotice() {
    for (const sel of ['[data-testid=notice] button', '[data-testid=notice-error] button']) {
      const b = this.page.locator(sel);
      if (await b.count()) await b.first().click();
    }
  }

  async waitNotice(text) {
    await this.page.locator('[data-testid=notice]', { hasText: text }).waitFor();
  }

  async nav(label) {
    await this.openMenu();
    await this.page.locator('nav.nav a', { hasText: label }).first().click();
  }

  /** On a narrow screen the menu folds behind the メニュー button: opens it. */
  async openMenu() {
    const button = this.page.locator('.menu-button');
    if ((await button.isVisible()) && (await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  }

  /**
   * Clicks a menu link and returns how long the page took to start handling the click (from
   * the input event's time stamp to the first click listener), in ms.
   */
  async navMeasured(label) {
    await this.page.evaluate(() => {
      self.__clickDelay = null;
      document.addEventListener('click', (e) => { self.__clickDelay = performance.now() - e.timeStamp; }, { capture: true, once: true });
    });
    await this.nav(label);
    await this.page.waitForFunction(() => self.__clickDelay !== null);
    return this.page.evaluate(() => self.__clickDelay);
  }

  async heading() {
    return (await this.page.locator('main h1').first().innerText()).trim();
  }

  /** Waits until the page headed `text` is shown (a printed form's heading, only on paper,
   * is not looked at: 「様式1　管轄地域の概況」 would match 「地域の概況」 too). */
  async waitHeading(text) {
    await this.page.locator('h1:visible', { hasText: text }).waitFor();
  }

  /** The error line of the status area. */
  noticeError() {
    return this.page.locator('[data-testid=notice-error]');
  }

  /** The list of what is wrong in the form being edited. */
  async issueSummary() {
    return this.page.locator('[data-testid=issue-summary]').innerText();
  }

  /** The 未保存 mark of the form being edited. */
  dirtyMark() {
    return this.page.locator('[data-testid=dirty-mark]');
  }

  // ---- drafts (typed but not saved, offered back after a reload) ----

  draftOffer() {
    return this.page.locator('[data-testid=draft-offer]');
  }

  /** Waits for the draft offer (it appears once the draft has been read back). */
  async waitDraftOffer() {
    await this.draftOffer().waitFor({ timeout: 5000 });
    return true;
  }

  async restoreDraft() {
    await this.draftOffer().locator('button', { hasText: '下書きを復元' }).click();
  }

  async discardDraft() {
    await this.draftOffer().locator('button', { hasText: '下書きを破棄' }).click();
  }

  /** The open dialog (the one that says `text`, when given). */
  modal(text) {
    return text === undefined ? this.page.locator('.modal') : this.page.locator('.modal', { hasText: text });
  }

  /** Clicks the button labelled `label` in the open dialog. */
  async modalButton(label) {
    await this.page.locator('.modal button', { hasText: label }).click();
  }

  /** The 削除済み list of the section. */
  trash() {
    return this.page.locator('[data-testid=trash]');
  }

  /** The reminder to write a backup (書き出していない記録). */
  backupBanner() {
    return this.page.locator('[data-testid=backup-banner]');
  }

  /** Follows the reminder's link to データの入出力. */
  async openIoFromBanner() {
    await this.backupBanner().locator('a', { hasText: 'データの入出力へ' }).click();
  }

  // ---- the status area and the shell ----

  /** The オンライン/オフライン mark (the one that says `text`, when given). */
  networkStatus(text) {
    const sel = '[data-testid=network-status]';
    return text === undefined ? this.page.locator(sel) : this.page.locator(sel, { hasText: text });
  }

  /** The 更新があります banner. */
  updateBanner() {
    return this.page.locator('[data-testid=update-banner]');
  }

  async acceptUpdate() {
    await this.updateBanner().locator('button', { hasText: '更新する' }).click();
  }

  /** Waits until the storage line no longer says 確認中. */
  async waitStorageChecked() {
    await this.page.waitForFunction(() => !document.querySelector('[data-testid=storage-status]').innerText.includes('確認中'));
  }

  async storageStatus() {
    return this.page.locator('[data-testid=storage-status]').innerText();
  }

  async statusAreaText() {
    return this.page.locator('.status-area').innerText();
  }

  /** The 保存領域 panel (opened from its badge when it is not open by itself). */
  storagePanel() {
    return this.page.locator('[data-testid=storage-panel]');
  }

  async openStoragePanel() {
    if (!(await this.storagePanel().isVisible())) await this.page.locator('[data-testid=storage-status]').click();
    await this.storagePanel().waitFor();
    return (await this.storagePanel().innerText()).trim();
  }

  async closeStoragePanel() {
    await this.page.locator('[data-testid=storage-panel-close]').click();
    await this.storagePanel().waitFor({ state: 'detached' });
  }

  /** Why the database could not be opened. */
  async dbError() {
    return this.page.locator('[data-testid=db-error]').innerText();
  }

  /** The screen shown after an unexpected error. */
  panicScreen() {
    return this.page.locator('.panic-screen');
  }

  async reloadFromPanic() {
    await this.panicScreen().locator('button', { hasText: '再読み込み' }).click();
  }

  /** The title of the 地域診断 the header's switcher shows. */
  async switcherSelected() {
    return this.page.locator('.switcher select').evaluate((s) => s.options[s.selectedIndex].text);
  }

  /** The header's 氏名・住所を隠す switch. */
  async hideNames(on) {
    await this.page.locator('.status-area label.toggle input[type=checkbox]').setChecked(on);
  }

  // ---- what is (not) on paper ----

  async navVisible() {
    return this.page.locator('nav.nav').isVisible();
  }

  async appHeaderVisible() {
    return this.page.locator('.app-header').isVisible();
  }

  /** Where the printed header is looked for (a page with its own print view narrows it). */
  printScope() {
    return this.page;
  }

  /** The printed sheet's 地区名, 年度 and 印刷日. */
  async printJurisdiction() {
    return this.printScope().locator('[data-testid=print-jurisdiction]').innerText();
  }

  async printYear() {
    return this.printScope().locator('[data-testid=print-year]').innerText();
  }

  async printDate() {
    return this.printScope().locator('[data-testid=print-date]').innerText();
  }
}

export class HomePage extends AppPage {
  async open() {
    await this.openMenu();
    await this.page.locator('nav.nav a', { hasText: '地域診断の一覧' }).click();
    await this.page.locator('h1', { hasText: '地域診断の一覧' }).waitFor();
  }

  async create(name, year) {
    await this.typeJurisdiction(name);
    await this.typeYear(year);
    await this.submitCreate();
    await this.waitNotice('地域診断を作成しました');
  }

  // The create form, field by field (for what is refused).
  async typeJurisdiction(text) {
    await this.page.fill('input[name=jurisdiction]', text);
  }

  async typeYear(text) {
    await this.page.fill('input[name=fiscal_year]', text);
  }

  async submitCreate() {
    await this.page.click('form.create-form button[type=submit]');
  }

  async typedJurisdiction() {
    return this.page.inputValue('input[name=jurisdiction]');
  }

  async createErrors() {
    return this.page.locator('form.create-form .field-error').allInnerTexts();
  }

  /** The 年度 as it will be saved, shown while typing. */
  async yearPreview() {
    return (await this.page.locator('[data-testid=year-preview]').innerText()).trim();
  }

  /** The link of a 地域診断 in the list. */
  listed(name) {
    return this.page.locator('[data-testid=diagnosis-list] th a', { hasText: name });
  }

  /** Rows of the list as [地区名, 年度]. */
  async rows() {
    const rows = this.page.locator('[data-testid=diagnosis-list] tbody tr');
    const out = [];
    for (let i = 0; i < (await rows.count()); i++) {
      const row = rows.nth(i);
      out.push([
        (await row.locator('th a').innerText()).trim(),
        (await row.locator('td').first().innerText()).trim(),
      ]);
    }
    return out;
  }

  row(name) {
    return this.page.locator('[data-testid=diagnosis-list] tbody tr', { has: this.page.locator('th a', { hasText: name }) });
  }

  async rename(name, newName, newYear) {
    await this.row(name).locator('button', { hasText: '名前・年度を変更' }).click();
    await this.page.fill('input[name=rename-jurisdiction]', newName);
    if (newYear) await this.page.fill('input[name=rename-fiscal-year]', newYear);
    await this.page.locator('.modal button[type=submit]').click();
    await this.waitNotice('保存しました');
  }

  /** Starts deleting and returns the confirmation's text (it must name the 地域診断). */
  async askDelete(name) {
    await this.row(name).locator('button', { hasText: '削除' }).click();
    return (await this.page.locator('.modal').innerText()).trim();
  }

  /** Confirms what the dialog asks (ゴミ箱に移す, 完全に削除する). */
  async confirm() {
    await this.page.locator('.modal button.danger').click();
  }

  /** 削除 and its confirmation: the 地域診断 leaves the list for the ゴミ箱. */
  async moveToTrash(name) {
    await this.askDelete(name);
    await this.confirm();
    await this.waitNotice('ゴミ箱に移しました');
    await this.row(name).waitFor({ state: 'detached' });
  }

  async cancel() {
    await this.page.locator('.modal button', { hasText: '取り消し' }).click();
  }

  // ---- 次年度の地域診断を作る ----

  /** Presses 次年度 on the row of `year` (西暦). */
  async nextYear(year) {
    await this.page.locator('[data-testid=diagnosis-list] tbody tr', { hasText: `${year}年度` }).locator('[data-testid=next-year]').click();
  }

  nextYearDialog() {
    return this.page.locator('[data-testid=next-year-dialog]');
  }

  /** What the dialog says is copied, one line each. */
  async nextYearCounts() {
    return this.page.locator('[data-testid=next-year-counts] li').allInnerTexts();
  }

  async confirmNextYear() {
    await this.page.click('[data-testid=next-year-confirm]');
  }

  async switchTo(title) {
    await this.page.selectOption('.switcher select', { label: title });
  }
}
