// Page object for データの入出力 (#/io): export, import, CSV, backup status.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppPage } from './app.mjs';

export const SUMMARY_KEYS = ['new', 'updated', 'merged', 'identical', 'local_newer', 'conflict', 'refused'];

export class IoPage extends AppPage {
  async open() {
    await this.nav('データの入出力');
    await this.waitHeading('データの入出力');
  }

  // ----- export -----

  exportPanel() {
    return this.page.locator('[data-testid=export-panel]');
  }

  async scope(key) {
    await this.exportPanel().locator(`input[name=export-scope][value=${key}]`).check();
  }

  async mode(key) {
    await this.exportPanel().locator(`input[name=export-mode][value=${key}]`).check();
  }

  /** The chosen 書き出し方 (`encrypted`, `plain` or `anonymised`). */
  async checkedMode() {
    return this.exportPanel().locator('input[name=export-mode]:checked').getAttribute('value');
  }

  /** The one-line warning shown when 暗号化しない is chosen. */
  plainWarning() {
    return this.exportPanel().locator('[data-testid=plain-warning]');
  }

  /** ゴミ箱の記録も含める. */
  trashBox() {
    return this.exportPanel().locator('input[name=include-trash]');
  }

  async includeTrash(on) {
    await this.trashBox().setChecked(on);
  }

  /** The titles the 地域診断 picker offers. */
  async diagnosisChoices() {
    await this.scope('diagnoses');
    return this.exportPanel().locator('[data-testid=diagnosis-picker] .io-pick-title').allInnerTexts();
  }

  /** Ticks 地域診断 in the picker by their titles. */
  async pickDiagnoses(titles) {
    for (const t of titles) {
      await this.exportPanel()
        .locator('[data-testid=diagnosis-picker] label', { hasText: t })
        .locator('input[name=export-diagnosis]')
        .check();
    }
  }

  /** The counts the picker shows for a 地域診断 (e.g. `地域診断 1件・療養者 2人・…`). */
  async diagnosisCounts(title) {
    await this.scope('diagnoses');
    const label = this.exportPanel().locator('[data-testid=diagnosis-picker] label', { hasText: title });
    await label.waitFor();
    return (await label.locator('.hint').innerText()).trim();
  }

  async selection() {
    return (await this.exportPanel().locator('[data-testid=export-selection]').innerText()).trim();
  }

  async setPasswords(first, second = first) {
    await this.exportPanel().locator('input[name=password]').fill(first);
    await this.exportPanel().locator('input[name=password_again]').fill(second);
  }

  async fieldErrors() {
    return this.exportPanel().locator('.field-error').allInnerTexts();
  }

  /** The 書き出す button (disabled until an anonymised export is reviewed). */
  exportButton() {
    return this.exportPanel().locator('[data-testid=export-button]');
  }

  /**
   * Clicks the export button and saves the download; returns { file, name, text, bytes }.
   * The page encrypts by default: a test that typed no password wants a readable file, so
   * 暗号化しない is chosen here, explicitly, as a nurse would.
   */
  async exportFile() {
    const password = this.exportPanel().locator('input[name=password]');
    if ((await this.checkedMode()) === 'encrypted' && !(await password.inputValue())) await this.mode('plain');
    const [download] = await Promise.all([
      this.page.waitForEvent('download', { timeout: 60000 }),
      this.exportButton().click(),
    ]);
    return saveDownload(download);
  }

  /** Waits until the anonymisation report says `text`. */
  async waitAnonReport(text) {
    await this.page.locator('[data-testid=anon-report]', { hasText: text }).waitFor();
  }

  async anonymiseReview() {
    await this.exportPanel().locator('[data-testid=anon-review-button]').click();
    await this.exportPanel().locator('[data-testid=anon-review]').waitFor();
    return this.exportPanel().locator('[data-testid=anon-review]');
  }

  /** The anonymisation report's text (what was replaced, removed or kept). */
  async anonReport() {
    return this.exportPanel().locator('[data-testid=anon-review] [data-testid=anon-report]').innerText();
  }

  /** The free-text field `label` (e.g. 初発症状を残す（2件）) in the review. */
  freeText(label) {
    return this.exportPanel().locator('[data-testid=anon-review] li.io-free-text', { hasText: label });
  }

  /** Opens a free-text field's actual texts and returns them. */
  async freeTextSamples(label) {
    await this.freeText(label).locator('summary').click();
    return this.freeText(label).locator('.io-sample-text').allInnerTexts();
  }

  /** Keeps a free-text field in the anonymised copy. */
  async keepFreeText(label) {
    await this.freeText(label).locator('input[name=keep-free-text]').check();
  }

  // ----- import -----

  importPanel() {
    return this.page.locator('[data-testid=import-panel]');
  }

  /** Chooses a file; waits until the review, the refusal or the password form shows. */
  async chooseFile(file) {
    await this.startImport(file);
    await this.waitImportSettled();
  }

  /** Chooses a file and returns at once (the reading goes on). */
  async startImport(file) {
    await this.importPanel().locator('input[name=import-file]').setInputFiles(file);
  }

  async waitImportSettled() {
    await this.page
      .locator(
        '[data-testid=import-review], [data-testid=import-refused], [data-testid=import-password-form], [data-testid=import-done], [data-testid=sheet-preview]',
      )
      .first()
      .waitFor({ timeout: 120000 });
  }

  /** Drops a file on the drop zone, as a nurse dragging it from the desktop. */
  async dropFile(file) {
    const bytes = fs.readFileSync(file).toString('base64');
    const name = path.basename(file);
    const dt = await this.page.evaluateHandle(
      ({ bytes, name }) => {
        const bin = Uint8Array.from(atob(bytes), (c) => c.charCodeAt(0));
        const data = new DataTransfer();
        data.items.add(new File([bin], name, { type: 'application/json' }));
        return data;
      },
      { bytes, name },
    );
    await this.importPanel().locator('[data-testid=drop-zone]').dispatchEvent('drop', { dataTransfer: dt });
    await this.waitImportSettled();
  }

  /** The progress bar of a long read or write. */
  progress() {
    return this.page.locator('[data-testid=io-progress] progress');
  }

  /** Waits until the progress line says `text` (e.g. 取り込む記録を作っています). */
  async waitProgress(text, timeout = 60000) {
    await this.page.locator('[data-testid=io-progress]', { hasText: text }).waitFor({ timeout });
  }

  /** How many rows the plan's list shows. */
  async planRowCount() {
    return this.page.locator('[data-testid=plan-rows] tbody tr').count();
  }

  /** The password form's error, e.g. パスワードが違う. */
  async passwordError() {
    return (await this.page.locator('[data-testid=password-error]').innerText()).trim();
  }

  /** What the conflict choices add up to (the one that says `text`, when given). */
  resolutionSummary(text) {
    const sel = '[data-testid=resolution-summary]';
    return text === undefined ? this.page.locator(sel) : this.page.locator(sel, { hasText: text });
  }

  async summary() {
    const out = {};
    for (const k of SUMMARY_KEYS) {
      out[k] = Number((await this.page.locator(`[data-testid=summary-${k}] dd`).innerText()).trim());
    }
    return out;
  }

  async verdict() {
    return (await this.page.locator('[data-testid=plan-verdict]').innerText()).trim();
  }

  async refusal() {
    return (await this.page.locator('[data-testid=import-refused]').innerText()).trim();
  }

  /** The refusal's text, or null when the file was not refused (review, password form …). */
  async refusalOrNull() {
    const r = this.page.locator('[data-testid=import-refused]');
    return (await r.count()) ? (await r.innerText()).trim() : null;
  }

  async closeRefusal() {
    await this.page.locator('[data-testid=import-refused] button').click();
  }

  /**
   * After 「取り込む（確定）」: waits until the import is written ('done') or stopped and planned
   * again because another tab saved meanwhile ('replanned').
   */
  async waitApplyOutcome() {
    const done = this.page.locator('[data-testid=import-done]');
    const replanned = this.page.locator('[data-testid=import-replanned]');
    await done.or(replanned).first().waitFor({ timeout: 120000 });
    return (await replanned.count()) ? 'replanned' : 'done';
  }

  async replannedMessage() {
    return (await this.page.locator('[data-testid=import-replanned]').innerText()).trim();
  }

  hasApply() {
    return this.page.locator('[data-testid=import-apply]').count();
  }

  /** Presses 取り込む（確定） and returns at once. */
  async pressApply() {
    await this.page.locator('[data-testid=import-apply]').click();
  }

  async waitImportDone() {
    await this.page.locator('[data-testid=import-done]').waitFor({ timeout: 120000 });
  }

  async apply() {
    await this.pressApply();
    await this.waitImportDone();
    return (await this.page.locator('[data-testid=import-done] p').innerText()).trim();
  }

  /** The I/O worker the import runs in (a Web Worker of the page), or undefined. */
  ioWorker() {
    return this.page.workers().find((w) => w.url().includes('io-worker'));
  }

  /** Waits until the I/O worker runs. */
  async waitIoWorker(timeout = 20000) {
    const end = Date.now() + timeout;
    while (!this.ioWorker()) {
      if (Date.now() > end) throw new Error('the I/O worker did not start');
      await this.page.waitForTimeout(20);
    }
    return this.ioWorker();
  }

  /** Ends the I/O worker from inside, as if the browser had killed it. */
  async killIoWorker() {
    const worker = await this.waitIoWorker();
    await worker.evaluate(() => self.close()).catch(() => {});
  }

  /** 取り消し（読み込みを止める）, shown while the worker works. */
  async stopImport() {
    await this.importPanel().locator('[data-testid=import-stop]').click();
  }

  async cancelImport() {
    await this.page.locator('[data-testid=import-cancel]').click();
  }

  async enterImportPassword(password) {
    await this.page.fill('input[name=import-password]', password);
    await this.page.locator('[data-testid=decrypt-button]').click();
    await this.page.waitForFunction(() => !document.querySelector('[data-testid=io-progress]'), null, { timeout: 60000 });
    await this.waitImportSettled();
  }

  /** The conflict rows: [{ record, field, ours, theirs, ourStamp, theirStamp }]. */
  async conflicts() {
    const rows = this.page.locator('[data-testid=conflicts] tbody tr');
    const out = [];
    for (let i = 0; i < (await rows.count()); i++) {
      const r = rows.nth(i);
      const sides = r.locator('td');
      out.push({
        record: (await r.locator('.io-conflict-record').innerText()).trim(),
        field: (await r.locator('.io-conflict-field').innerText()).trim(),
        ours: (await sides.nth(0).locator('.io-value').innerText()).trim(),
        theirs: (await sides.nth(1).locator('.io-value').innerText()).trim(),
        ourStamp: (await sides.nth(0).locator('.hint').innerText()).trim(),
        theirStamp: (await sides.nth(1).locator('.hint').innerText()).trim(),
      });
    }
    return out;
  }

  async chooseConflict(index, side) {
    await this.page.locator('[data-testid=conflicts] tbody tr').nth(index).locator(`input[value=${side}]`).check();
  }

  // ----- CSV -----

  async csv(which, diagnosisTitle) {
    const panel = this.page.locator('[data-testid=csv-panel]');
    if (diagnosisTitle) await panel.locator('select[name=csv-diagnosis]').selectOption({ label: diagnosisTitle });
    const [download] = await Promise.all([
      this.page.waitForEvent('download', { timeout: 60000 }),
      panel.locator(`[data-testid=csv-${which}]`).click(),
    ]);
    return saveDownload(download);
  }

  // ----- status -----

  async lastExport() {
    return (await this.page.locator('[data-testid=last-export]').innerText()).trim();
  }

  /** Waits until the 最終書き出し line says `text`. */
  async waitLastExport(text) {
    await this.page.locator('[data-testid=last-export]', { hasText: text }).waitFor();
  }
}

/**
 * Whether a refusal's text says what tests/bundles/bad/expected.json expects: a piece of the
 * text, or pieces that must all be on one line (the record and field named, and what is wrong).
 */
export function refusalMatches(text, expected) {
  if (typeof expected === 'string') return text.includes(expected);
  return text.split('\n').some((line) => expected.every((part) => line.includes(part)));
}

async function saveDownload(download) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nanbyo-dl-'));
  const name = download.suggestedFilename();
  const file = path.join(dir, name);
  await download.saveAs(file);
  const bytes = fs.readFileSync(file);
  return { file, name, bytes, text: bytes.toString('utf8') };
}
