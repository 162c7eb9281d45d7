// Page object for 管内マップ (issue 14): the confirmed facilities and the patients as the
// seed's marks on a 下図, placed by mouse, keyboard or typed 緯度・経度.
import zlib from 'node:zlib';
import { AppPage } from './app.mjs';

/** A real PNG of w × h (a light sheet with a darker band), decodable by the browser. */
export function pngOf(w, h) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type), data]);
    const c = Buffer.alloc(4); c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0); ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; ihdr[9] = 2; // 8-bit RGB
  const rows = [];
  for (let y = 0; y < h; y++) {
    const row = Buffer.alloc(1 + w * 3);
    for (let x = 0; x < w; x++) {
      const band = Math.abs(y - x * h / w) < 6;
      row.fill(band ? 150 : 235, 1 + x * 3, 4 + x * 3);
    }
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0)),
  ]);
}

export class MapPage extends AppPage {
  async open() {
    await this.nav('管内マップ');
    await this.page.locator('[data-testid=map-svg]').waitFor();
  }

  svg() { return this.page.locator('[data-testid=map-svg]'); }

  async confirmAll() {
    await this.page.locator('[data-testid=map-confirm-all]').click();
    await this.page.locator('[data-testid=map-confirm]').waitFor({ state: 'detached' });
  }

  async useImage(name, buffer, mimeType = 'image/png') {
    await this.page.locator('[data-testid=map-image-file]').setInputFiles({ name, mimeType, buffer });
  }

  async baseMessage() {
    const m = this.page.locator('[data-testid=map-base-message]');
    await m.waitFor();
    return (await m.innerText()).trim();
  }

  /** The window point of a spot of the sheet (through the svg's current view). */
  async clientOf(x, y) {
    return this.svg().evaluate((svg, [x, y]) => {
      const p = svg.createSVGPoint(); p.x = x; p.y = y;
      const q = p.matrixTransform(svg.getScreenCTM());
      return { x: q.x, y: q.y };
    }, [x, y]);
  }

  async clickSheet(x, y) {
    await this.svg().scrollIntoViewIfNeeded();
    const c = await this.clientOf(x, y);
    await this.page.mouse.click(c.x, c.y);
  }

  async addReferencePoint(x, y, lat, lon) {
    const before = await this.page.locator('[data-testid=map-refs] li').count();
    await this.page.locator('[data-testid=map-ref-add]').click();
    await this.clickSheet(x, y);
    await this.page.locator('input[name=map-ref-lat]').fill(String(lat));
    await this.page.locator('input[name=map-ref-lon]').fill(String(lon));
    await this.page.locator('[data-testid=map-ref-save]').click();
    await this.page.locator('input[name=map-ref-lat]').waitFor({ state: 'detached' });
    await this.page.locator('[data-testid=map-refs] li').nth(before).waitFor({ state: 'attached' });
  }

  async calibration() {
    return (await this.page.locator('[data-testid=map-calibration]').textContent()).trim();
  }

  /** Labels of the facilities not placed yet that no patient uses. */
  async unplacedUnused() {
    return this.page.locator('[data-testid=map-unplaced-row][data-used=false]').evaluateAll((rows) => rows.map((r) => r.dataset.label));
  }

  /** Labels of the marks not placed yet. */
  async unplaced() {
    return this.page.locator('[data-testid=map-unplaced-row]').evaluateAll((rows) => rows.map((r) => r.dataset.label));
  }

  async placeByClick(label, x, y) {
    await this.page.locator(`[data-testid=map-unplaced-row][data-label="${label}"] button`).first().click();
    await this.clickSheet(x, y);
    await this.waitSaved();
  }

  /** Puts a mark in the middle of the view, then moves it with the arrow key (keyboard only). */
  async placeByKeys(label, key, times) {
    await this.page.locator(`[data-testid=map-unplaced-row][data-label="${label}"] [data-testid=map-place-centre]`).click();
    await this.waitSaved();
    const mark = this.mark(label.slice(2));
    await mark.focus();
    for (let i = 0; i < times; i++) await this.page.keyboard.press(key);
    await this.page.waitForTimeout(900);
    await this.waitSaved();
  }

  async waitSaved() {
    await this.page.waitForFunction(() => !document.querySelector('.head-actions [role=status]'));
    await this.page.waitForTimeout(150);
    await this.page.waitForFunction(() => !document.querySelector('.head-actions [role=status]'));
  }

  mark(label) { return this.page.locator(`[data-testid=map-mark][data-label="${label}"]`); }

  /** Every drawn mark as { label, key, x, y, used }. */
  async marks() {
    return this.page.locator('[data-testid=map-mark]').evaluateAll((gs) => gs.map((g) => {
      const m = /translate\(([-\d.]+) ([-\d.]+)\)/.exec(g.getAttribute('transform')) || [];
      return { label: g.dataset.label, key: g.dataset.markKey, x: Number(m[1]), y: Number(m[2]), used: g.classList.contains('used') };
    }));
  }

  async drag(label, toX, toY) {
    await this.svg().scrollIntoViewIfNeeded();
    const box = await this.mark(label).boundingBox();
    const to = await this.clientOf(toX, toY);
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(to.x, to.y, { steps: 8 });
    await this.page.mouse.up();
    await this.waitSaved();
  }

  async print() { await this.page.locator('[data-testid=print-map]').click(); }
}
