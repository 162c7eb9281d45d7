// Page object for the サンプルの地域診断 on the home page (issue 18): the first-use guidance,
// 「サンプルを開く」／「サンプルを削除」 and the サンプル badges.
import { HomePage } from './app.mjs';

export class SampleHome extends HomePage {
  /** The first-use guidance (only on an empty list). */
  firstUse() {
    return this.page.locator('[data-testid=first-use]');
  }

  /** The guidance's steps as shown. */
  async steps() {
    return (await this.firstUse().locator('ol li').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  }

  async guidanceText() {
    return (await this.firstUse().innerText()).replace(/\s+/g, ' ');
  }

  /** Clicks 「サンプルを開く」 and waits for the sample's 地域の概況; returns the ms it took. */
  async openSample() {
    const start = Date.now();
    await this.page.locator('[data-testid=sample-open]').click();
    await this.page.waitForURL(/#\/d\/sample-2025\//);
    await this.page.locator('form.overview-form').waitFor();
    return Date.now() - start;
  }

  /** The サンプル badge in the app header. */
  headerBadge() {
    return this.page.locator('.app-header [data-testid=sample-badge]');
  }

  /** The rows of the list marked サンプル, as [地区名, 年度]. */
  async markedRows() {
    const rows = this.page.locator('[data-testid=diagnosis-list] tbody tr', { has: this.page.locator('[data-testid=sample-tag]') });
    const out = [];
    for (let i = 0; i < (await rows.count()); i++) {
      const row = rows.nth(i);
      out.push([(await row.locator('th a').innerText()).trim(), (await row.locator('td').first().innerText()).trim()]);
    }
    return out;
  }

  /** 「サンプルを削除」, then 削除する in the confirmation; waits for the notice. */
  async removeSample() {
    await this.page.locator('[data-testid=sample-remove]').click();
    const dialog = this.page.locator('.modal', { hasText: 'サンプルの削除' });
    await dialog.waitFor();
    this.lastConfirm = (await dialog.innerText()).replace(/\s+/g, ' ');
    await dialog.locator('button', { hasText: '削除する' }).click();
    await this.waitNotice('サンプルの地域診断を削除しました');
  }

  /** The print header's サンプル mark (printed only; read from the DOM). */
  async printMark() {
    const mark = this.page.locator('[data-testid=print-sample]');
    return (await mark.count()) ? (await mark.first().textContent()).trim() : null;
  }
}

/** The export panel's 「サンプルの地域診断も含める」 (on 全ての地域診断, when there is a sample). */
export function includeSample(io) {
  return io.exportPanel().locator('input[name=include-sample]');
}
