// Page object for 広域の比較 (#/regional): the 年度 and the 地域診断 to compare, the side-by-side
// table with the 都道府県全体, the ranking per 様式4 item, CSV.
import { AppPage } from './app.mjs';

const ROOT = '[data-testid=regional]';

export class RegionalPage extends AppPage {
  async open() {
    await this.nav('広域の比較');
    await this.page.locator(ROOT).waitFor();
  }

  /** Waits for the comparison (or its refusal) after a change. */
  async settled() {
    await this.page.locator(`${ROOT} [data-testid=regional-table], ${ROOT} [data-testid=regional-refused]`).first().waitFor();
  }

  async chooseYear(startYear) {
    await this.page.locator(`${ROOT} select[name=regional-year]`).selectOption(String(startYear));
  }

  /** The 地域診断 offered for the 年度: [name, ticked]. */
  async areas() {
    return this.page.locator(`${ROOT} label.check`).evaluateAll((labels) =>
      labels.map((l) => [l.textContent.trim(), l.querySelector('input').checked]),
    );
  }

  /** Ticks or unticks the n-th area named `name` (by keyboard: focus and Space). */
  async tick(name, on, nth = 0) {
    const box = this.page.locator(`${ROOT} label.check`, { hasText: name }).nth(nth).locator('input');
    if ((await box.isChecked()) !== on) {
      await box.focus();
      await this.page.keyboard.press('Space');
    }
  }

  /** Waits until the row `label` has `cells` (the page recomputes after a change); returns them. */
  async rowSoon(label, cells, timeout = 10000) {
    const until = Date.now() + timeout;
    let got = [];
    while (Date.now() < until) {
      if ((await this.page.locator(`${ROOT} [data-testid=regional-table]`).count()) > 0) {
        got = await this.row(label).catch(() => []);
        if (JSON.stringify(got) === JSON.stringify(cells)) return got;
      }
      await this.page.waitForTimeout(100);
    }
    return got;
  }

  /** Waits until the refusal is gone. */
  async waitAccepted() {
    await this.page.locator(`${ROOT} [data-testid=regional-refused]`).waitFor({ state: 'detached' });
    await this.page.locator(`${ROOT} [data-testid=regional-table]`).waitFor();
  }

  async refusal() {
    const r = this.page.locator(`${ROOT} [data-testid=regional-refused]`);
    return (await r.count()) ? (await r.innerText({ timeout: 2000 }).catch(() => '')).trim() : '';
  }

  async smallNote() {
    const n = this.page.locator(`${ROOT} [data-testid=regional-small]`);
    return (await n.count()) ? (await n.innerText()).trim() : '';
  }

  /** The table's column headings. */
  async headings() {
    return this.page.locator(`${ROOT} [data-testid=regional-table] thead th`).allInnerTexts();
  }

  /** The cells (areas…, 都道府県全体) of the row whose heading starts with `label`. */
  async row(label) {
    const tr = this.page.locator(`${ROOT} [data-testid=regional-table] tbody tr`, {
      has: this.page.locator('th[scope=row]', { hasText: label }),
    });
    return tr.first().locator('td').allInnerTexts();
  }

  async chooseItem(key) {
    await this.page.locator(`${ROOT} select[name=regional-item]`).selectOption(key);
  }

  /** The ranking rows: [順位, 地域, 管内の状況, 差, 注]. */
  async ranking() {
    return this.page.locator(`${ROOT} [data-testid=regional-ranking] tbody tr`).evaluateAll((rows) =>
      rows.map((r) => [...r.children].map((c) => c.textContent.trim())),
    );
  }

  /** 様式2 都道府県全体: { 事業名: text }. */
  async prefectureCounts() {
    return this.page.locator(`${ROOT} [data-testid=regional-programmes] tbody tr`).evaluateAll((rows) =>
      Object.fromEntries(rows.map((r) => [r.querySelector('th').textContent.trim(), r.querySelector('td').textContent.trim()])),
    );
  }

  /** Writes the sums into the 様式2 of the 地域診断 `id` (after the confirmation). */
  async fillProgrammes(id) {
    await this.page.locator(`${ROOT} select[name=regional-fill-target]`).selectOption(id);
    await this.page.locator(`${ROOT} [data-testid=regional-fill]`).click();
    const dialog = this.page.locator('.modal');
    const text = (await dialog.innerText()).trim();
    await dialog.locator('button', { hasText: '記入する' }).click();
    return text;
  }

  /** Downloads the CSV; returns its text. */
  async csv() {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.locator(`${ROOT} [data-testid=regional-csv]`).click(),
    ]);
    const stream = await download.createReadStream();
    const chunks = [];
    for await (const c of stream) chunks.push(c);
    return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
  }
}
