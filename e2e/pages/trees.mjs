// Page object for 判断樹 (#/d/<id>/trees): the patient list and start form, one assessment
// (questions, checklist, measurements, outcome, finished record, 様式1 proposal), a patient's
// history, and the 訪問看護の保険 tool.
import { AppPage } from './app.mjs';

export class TreesPage extends AppPage {
  async open(diagnosisId) {
    await this.page.evaluate((id) => { location.hash = `#/d/${id}/trees`; }, diagnosisId);
    await this.page.locator('[data-testid=trees-list]').waitFor();
  }

  async openPatient(diagnosisId, patientId) {
    await this.page.evaluate(([d, p]) => { location.hash = `#/d/${d}/trees/patient-${p}`; }, [diagnosisId, patientId]);
    await this.page.locator('[data-testid=trees-patient]').waitFor();
  }

  async openInsurance(diagnosisId, patientId) {
    const item = patientId ? `insurance-${patientId}` : 'insurance';
    await this.page.evaluate(([d, i]) => { location.hash = `#/d/${d}/trees/${i}`; }, [diagnosisId, item]);
    await this.page.locator('[data-testid=insurance]').waitFor();
  }

  // ----- list and start -----

  /** Rows of the patient table: [療養者, 特定症状, 最新の判断, 途中]. */
  async patientRows() {
    const rows = this.page.locator('[data-testid=trees-patients] tbody tr');
    const out = [];
    for (let i = 0; i < (await rows.count()); i++) {
      const cells = rows.nth(i).locator('th, td');
      const texts = [];
      for (let j = 0; j < 4; j++) texts.push((await cells.nth(j).innerText()).trim().replace(/\s+/g, ' '));
      out.push(texts);
    }
    return out;
  }

  startForm() {
    return this.page.locator('[data-testid=start-form]');
  }

  /** The 判断者 the start form offers (the last one remembered). */
  async startAssessor() {
    return this.startForm().locator('input[name=start-assessor]').inputValue();
  }

  /** The patients the start form offers, as shown. */
  async startPatientOptions() {
    return this.page.locator('select[name=start-patient] option').allInnerTexts();
  }

  /** Fills the start form (patient only on the list) and starts; returns the assessment's ID. */
  async start({ patientId, tree = 'respiratory', assessor, when } = {}) {
    const form = this.startForm();
    if (patientId) await form.locator('select[name=start-patient]').selectOption(patientId);
    await form.locator(`input[name=start-tree][value=${tree}]`).check({ force: true });
    if (assessor !== undefined) await form.locator('input[name=start-assessor]').fill(assessor);
    if (when) await form.locator('input[name=start-when]').fill(when);
    await form.locator('[data-testid=start-button]').click();
    await this.page.locator('[data-testid=assessment]').waitFor();
    await this.waitNotice('アセスメントを開始しました');
    return this.page.evaluate(() => location.hash.split('/assessment-')[1]);
  }

  // ----- one assessment -----

  question() {
    return this.page.locator('[data-testid=question]');
  }

  /** The key of the question on screen (`r1` … `b6`). */
  async currentQuestion() {
    await this.question().waitFor();
    return this.question().getAttribute('data-question');
  }

  async waitQuestion(key) {
    await this.page.locator(`[data-testid=question][data-question=${key}]`).waitFor();
  }

  /** The はい / いいえ button of the question on screen. */
  answerButton(label) {
    const value = label === 'はい' ? 'yes' : 'no';
    return this.question().locator(`.answer-buttons button[data-answer=${value}]`);
  }

  async answer(label) {
    const before = await this.currentQuestion();
    await this.answerButton(label).click();
    // The next question (or the outcome) replaces this one.
    await this.page.waitForFunction(
      (b) => {
        const q = document.querySelector('[data-testid=question]');
        return !q || q.getAttribute('data-question') !== b;
      },
      before,
    );
  }

  sign(id) {
    return this.page.locator(`.sign-row[data-sign=${id}]`);
  }

  /** A checklist line's choice: 'yes' (該当), 'no' (非該当) or 'auto' (自動・未確認). */
  signChoice(id, value) {
    return this.sign(id).locator(`input[value=${value}]`);
  }

  /** Ticks a checklist line: 'yes' (該当), 'no' (非該当) or 'auto' (自動・未確認). */
  async tick(id, value) {
    // In the middle of the window: はい／いいえ stay over its bottom edge.
    await this.signChoice(id, value).evaluate((e) => e.scrollIntoView({ block: 'center' }));
    await this.signChoice(id, value).check({ force: true });
  }

  async signState(id) {
    const row = this.sign(id);
    return {
      selected: (await row.locator('.segment.selected').innerText()).trim(),
      concern: (await row.getAttribute('class')).includes('concern'),
      auto: (await row.locator('[data-testid=auto-note]').count()) ? (await row.locator('[data-testid=auto-note]').innerText()).trim() : null,
      override: (await row.locator('[data-testid=override-note]').count()) ? (await row.locator('[data-testid=override-note]').innerText()).trim() : null,
    };
  }

  /** Adds a measurement row and types its value; posture/situation optional. */
  async measure(kind, value, { posture, situation } = {}) {
    const panel = this.page.locator('[data-testid=measurements]');
    const before = await panel.locator('.measure-row').count();
    await panel.locator(`button[data-add=${kind}]`).click();
    const row = panel.locator('.measure-row').nth(before);
    await row.waitFor();
    await row.locator(`input[name=measure-${before}]`).fill(value);
    await row.locator(`input[name=measure-${before}]`).press('Tab');
    if (posture) await row.locator(`input[name=measure-${before}-posture][value=${posture}]`).check({ force: true });
    if (situation) await row.locator(`input[name=measure-${before}-situation][value=${situation}]`).check({ force: true });
    return row;
  }

  /** Corrects the value of measurement row `i` (from 0) and leaves the box with Tab. */
  async remeasure(i, value) {
    const input = this.page.locator(`[data-testid=measurements] input[name=measure-${i}]`);
    await input.fill(value);
    await input.press('Tab');
  }

  /** The 判断者 box of the assessment. */
  assessorField() {
    return this.page.locator('input[name=assessor]');
  }

  /** Unfolds 判断者・日時 (folded once filled in). */
  async openMeta() {
    const meta = this.page.locator('[data-testid=assessment-meta]');
    if ((await meta.getAttribute('open')) === null) await meta.locator('summary').click();
  }

  async suggestion() {
    const s = this.question().locator('[data-testid=suggestion]');
    return (await s.count()) ? (await s.innerText()).trim() : null;
  }

  /** The stepper as [label, answer] pairs with an off-path flag. */
  async steps() {
    const items = this.page.locator('[data-testid=stepper] li[data-question]');
    const out = [];
    for (let i = 0; i < (await items.count()); i++) {
      const li = items.nth(i);
      out.push({
        q: await li.getAttribute('data-question'),
        answer: (await li.locator('.step-answer').innerText()).trim(),
        offPath: (await li.getAttribute('class') || '').includes('off-path'),
      });
    }
    return out;
  }

  async goToStep(key) {
    await this.page.locator(`[data-testid=stepper] li[data-question=${key}] button`).click();
    await this.waitQuestion(key);
  }

  outcome() {
    return this.page.locator('[data-testid=outcome]');
  }

  /** 「球麻痺の設問へ」 after the respiratory tree. */
  toBulbar() {
    return this.page.locator('[data-testid=to-bulbar]');
  }

  /** 「球麻痺の設問を続ける」 beside an outcome. */
  continueBulbar() {
    return this.page.locator('[data-testid=continue-bulbar]');
  }

  async outcomeSummary() {
    return (await this.page.locator('[data-testid=outcome-summary]').innerText()).trim();
  }

  /** The ticks changed by hand, one line each. */
  async overrides() {
    return this.page.locator('[data-testid=overrides] li').allInnerTexts();
  }

  /** 途中 / 完了. */
  async status() {
    return (await this.page.locator('[data-testid=assessment-status]').innerText()).trim();
  }

  /** The finished assessment on screen. */
  finished() {
    return this.page.locator('[data-testid=finished]');
  }

  async outcomeBoxes(scope) {
    const root = scope || this.page;
    return root.locator('[data-testid=outcome-boxes] .outcome-box').evaluateAll((els) => els.map((e) => e.getAttribute('data-outcome')));
  }

  async finish() {
    await this.page.locator('[data-testid=finish]').click();
    await this.page.locator('[data-testid=finished]').waitFor();
    await this.waitNotice('アセスメントを完了して保存しました');
  }

  // ----- 様式1 -----

  proposal() {
    return this.page.locator('[data-testid=proposal]');
  }

  /** Proposal rows: { symptom: [現在, 判断樹の結果] }. */
  async proposalRows() {
    const rows = this.proposal().locator('tbody tr');
    const out = {};
    for (let i = 0; i < (await rows.count()); i++) {
      const r = rows.nth(i);
      const tds = r.locator('td');
      out[await r.getAttribute('data-symptom')] = [
        (await tds.nth(1).innerText()).trim(),
        (await tds.nth(2).innerText()).trim().replace(/\s+/g, ' '),
      ];
    }
    return out;
  }

  /** 様式1に反映 (反映済み once taken over). */
  proposalApplyButton() {
    return this.proposal().locator('[data-testid=proposal-apply]');
  }

  async applyProposal() {
    await this.proposalApplyButton().click();
    const modal = this.page.locator('.modal');
    const text = (await modal.innerText()).trim();
    await modal.locator('button', { hasText: '反映する' }).click();
    await this.waitNotice('様式1に反映しました');
    await this.proposal().locator('[data-testid=proposal-applied]').waitFor();
    return text;
  }

  /** 様式1の特定症状（現在）: { symptom: [値, 根拠] }. */
  async symptomsNow() {
    const rows = this.page.locator('[data-testid=symptoms-now] tbody tr');
    const out = {};
    for (let i = 0; i < (await rows.count()); i++) {
      const r = rows.nth(i);
      out[await r.getAttribute('data-symptom')] = [
        (await r.locator('.symptom-value').innerText()).trim(),
        (await r.locator('.symptom-source').innerText()).trim(),
      ];
    }
    return out;
  }

  /** History items, newest first: { id, head, summary, changes }. */
  async history() {
    const items = this.page.locator('[data-testid=history] .history-item');
    const out = [];
    for (let i = 0; i < (await items.count()); i++) {
      const it = items.nth(i);
      out.push({
        id: await it.getAttribute('data-assessment'),
        head: (await it.locator('.history-head').innerText()).trim().replace(/\s+/g, ' '),
        summary: (await it.locator('.history-summary').innerText()).trim(),
        changes: await it.locator('.changes li').allInnerTexts(),
      });
    }
    return out;
  }

  // ----- print -----

  printButton() {
    return this.page.locator('[data-testid=print-assessment]');
  }

  /** The printed record (only visible with print media). */
  print() {
    return this.page.locator('[data-testid=assessment-print]');
  }

  /** A line of the printed record: 'patient', 'when', 'assessor', 'outcome'. */
  async printField(name) {
    return this.page.locator(`[data-testid=print-${name}]`).innerText();
  }

  /** A printed list, one item each: 'measurements', 'overrides'. */
  async printList(name) {
    return this.page.locator(`[data-testid=print-${name}] li`).allInnerTexts();
  }

  /** The printed answers: [question, answer, the checklist cell]. */
  async printedAnswers() {
    return this.page.locator('[data-testid=print-answers] tbody tr').evaluateAll((rows) =>
      rows.map((r) => [r.getAttribute('data-question'), r.querySelector('td.answer').textContent.trim(), r.querySelector('td:last-child').textContent]),
    );
  }

  // ----- 訪問看護の保険 -----

  /** How many values of a field are marked as taken from the record. */
  async prefilledCount(field) {
    return this.page.locator(`[data-field=${field}] .tag.prefilled`).count();
  }

  async insuranceFill(name, text) {
    await this.page.locator(`[data-testid=insurance] input[name=${name}]`).fill(text);
  }

  /** What the tool still needs to know. */
  async insuranceMissing() {
    return this.page.locator('[data-testid=insurance-missing]').innerText();
  }

  async insuranceAnswer() {
    const r = this.page.locator('[data-testid=insurance-result]');
    const text = async (sel) => ((await r.locator(sel).count()) ? (await r.locator(sel).innerText()).trim() : '');
    return {
      insurance: await text('[data-testid=insurance-answer]'),
      rule: await text('[data-testid=insurance-rule]'),
      reasons: await r.locator('[data-testid=insurance-reasons] li').allInnerTexts(),
      limits: await r.locator('[data-testid=insurance-limits] li').allInnerTexts(),
      longVisit: await text('[data-testid=long-visit] p'),
    };
  }

  async insuranceChoose(name, value) {
    await this.page.locator(`[data-testid=insurance] input[name=${name}][value=${value}]`).check({ force: true });
  }

  async insuranceSelect(name, label) {
    await this.page.locator(`[data-testid=insurance] select[name=${name}]`).selectOption({ label });
  }

  /** The stored record (from IndexedDB) as parsed JSON. */
  async storedRecord(id) {
    return this.page.evaluate(
      (rid) =>
        new Promise((resolve, reject) => {
          const open = indexedDB.open('nanbyo-chiiki-shindan');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const req = db.transaction('records').objectStore('records').get(rid);
            req.onsuccess = () => {
              db.close();
              resolve(req.result ? JSON.parse(req.result.json) : null);
            };
            req.onerror = () => reject(req.error);
          };
        }),
      id,
    );
  }
}
