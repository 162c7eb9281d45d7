// Page object for 管内の施設 (issue 14): the facilities 様式1 and 様式3 name, with the seed's
// marks, who uses each, the totals per kind and the counts per 市町村.
import { AppPage } from './app.mjs';

export class FacilitiesPage extends AppPage {
  async open() {
    await this.nav('管内の施設');
    await this.page.locator('[data-testid=facility-table]').waitFor();
  }

  /** Every row as { mark, name, kind, use, uses, users, h24 }. */
  async rows() {
    return this.page.locator('[data-testid=facility-row]').evaluateAll((trs) => trs.map((tr) => {
      const td = [...tr.querySelectorAll('td')].map((c) => c.innerText.trim());
      const th = tr.querySelector('th');
      const name = (th.querySelector('a, span') || th).innerText.trim();
      return { mark: td[0], name, kind: tr.dataset.kind, use: td[1], uses: td[2], users: td[3], h24: td[4] };
    }));
  }

  async row(name) {
    return (await this.rows()).find((r) => r.name === name);
  }

  /** The totals per kind as { kind: { total, used, unused } }. */
  async totals() {
    return this.page.locator('[data-testid=facility-totals] tbody tr').evaluateAll((trs) => Object.fromEntries(trs.map((tr) => [
      tr.dataset.kind,
      Object.fromEntries(['total', 'used', 'unused'].map((k) => [k, Number(tr.querySelector(`[data-testid=${k}]`).innerText)])),
    ])));
  }

  async evidence() {
    return (await this.page.locator('[data-testid=facilities-evidence]').innerText()).trim();
  }

  async municipalities() {
    return this.page.locator('[data-testid=facility-towns] tbody tr').evaluateAll((trs) => trs.map((tr) => tr.dataset.municipality));
  }

  async print() {
    await this.page.locator('[data-testid=print-facilities]').click();
  }
}
