// Scenario 7: runs side by side. Train the linear-regression example, change its learning rate in the editor
// (lr = 0.1 → 0.01, not saved: a run takes the document's text), train again: the loss chart overlays the two
// curves in two colours, and the list under it names each run by what changed (the first by its start time).
// A run's checkbox takes its curve off the chart and back; its pin makes it the file's baseline. Screenshots at
// 1600×1000 and 1280×720.
import { focusEditor, goToLine, runCommand, waitUntil } from '../lib/workbench.mjs';
import { panel, showSection, waitForRun } from '../lib/panel.mjs';

const LINEAR = '05_linear_regression_scratch.py';
const LR_LINE = 12; // lr = 0.1
const STEPS = 50;

/** The run list under the loss chart, newest first: [{ id, seq, label, meta, visible, pinned, current }]. */
async function readRuns(f) {
  return f.locator('details.card-loss ul.run-list li.run-item').evaluateAll((items) =>
    items.map((li) => ({
      id: li.dataset.runId,
      seq: li.querySelector('.run-seq')?.textContent ?? '',
      label: li.querySelector('.run-label')?.textContent ?? '',
      meta: li.querySelector('.run-meta')?.textContent ?? '',
      visible: li.querySelector('input[type=checkbox]')?.checked ?? false,
      pinned: li.querySelector('.run-pin')?.getAttribute('aria-pressed') === 'true',
      current: li.classList.contains('current'),
    })),
  );
}

/**
 * Pixels of the loss canvas drawn in each of the first two run colours (--vscode-charts-blue, -orange), the
 * share of the canvas for each. Earlier runs are drawn at 70 % opacity: the canvas keeps the colour, with less alpha.
 */
async function curveInk(canvas) {
  return canvas.evaluate((c) => {
    const style = getComputedStyle(document.body);
    const rgb = (name) => {
      const v = style.getPropertyValue(name).trim();
      const m = /^#([0-9a-f]{6})/i.exec(v);
      return m ? [0, 2, 4].map((i) => parseInt(m[1].slice(i, i + 2), 16)) : null;
    };
    const colours = [rgb('--vscode-charts-blue'), rgb('--vscode-charts-orange')];
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const counts = colours.map(() => 0);
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] < 80) continue;
      colours.forEach((col, k) => {
        if (col && Math.abs(data[i] - col[0]) + Math.abs(data[i + 1] - col[1]) + Math.abs(data[i + 2] - col[2]) < 60) counts[k]++;
      });
    }
    return counts.map((n) => n / (c.width * c.height));
  });
}

/**
 * Waits until the list holds `n` runs and the newest, the shown one, has ended (its final loss listed): the
 * header alone could still show the previous run's end for a moment after Train Model.
 */
async function waitForRuns(f, n) {
  return waitUntil(async () => {
    const r = await readRuns(f);
    return r.length === n && r[0].current && /· loss \d/.test(r[0].meta) && r.slice(1).every((x) => /^(loss|Stopped|Failed)/.test(x.meta)) ? r : null;
  }, { timeout: 60000, message: `${n} runs in the list, all ended` });
}

export default {
  name: 'compare-runs',
  title: 'Runs side by side: two runs with different lr as two labelled curves, toggled and pinned',
  timeoutMs: 180000,
  async run({ page, open, shot, shotOf, check, log }) {
    await open(LINEAR);
    await runCommand(page, 'Autograd: Train Model');
    await waitForRun(page, { name: LINEAR, status: 'finished', steps: STEPS });
    const f = panel(page);
    await showSection(page, 'loss');
    const list = f.locator('details.card-loss ul.run-list');
    check('one run: no list of runs yet', await list.isHidden());

    // lr = 0.1 → 0.01 in the editor, then Train Model again.
    await goToLine(page, LR_LINE, 1);
    await page.keyboard.press('Shift+End');
    await page.keyboard.type('lr = 0.01');
    await runCommand(page, 'Autograd: Train Model');
    await waitForRun(page, { name: LINEAR, status: 'finished', steps: STEPS });
    const runs = await waitForRuns(f, 2);
    log(`runs: ${JSON.stringify(runs)}`);
    check('the newest run is listed first, labelled by its change: lr = 0.1 → 0.01', runs[0].seq === '#2' && runs[0].label === 'lr = 0.1 → 0.01' && runs[0].current, JSON.stringify(runs[0]));
    check('each run lists its final loss: the smaller learning rate ends higher', Number(runs[0].meta.split('loss ')[1]) > Number(runs[1].meta.split('loss ')[1]), `${runs[0].meta} / ${runs[1].meta}`);
    check('the first run is labelled by its start time, with its final loss', runs[1].seq === '#1' && /^started \d\d:\d\d:\d\d$/.test(runs[1].label) && /^loss \d/.test(runs[1].meta), JSON.stringify(runs[1]));
    check('both curves are switched on', runs.every((r) => r.visible));

    const canvas = f.locator('details.card-loss canvas');
    const ink = await waitUntil(async () => {
      const [blue, orange] = await curveInk(canvas);
      return blue > 0.001 && orange > 0.001 ? [blue, orange] : null;
    }, { timeout: 10000, message: 'two curves in two colours' });
    check('the loss chart draws two curves in two colours', ink[0] > 0.001 && ink[1] > 0.001, ink.map((v) => `${(v * 100).toFixed(2)}%`).join(' / '));
    await shot('1-two-runs-1600x1000');
    await shotOf(f.locator('details.card-loss'), '2-loss-two-runs');

    // The current run (#2) is drawn in orange (run 2's colour), the first run in blue, dashed.
    await f.locator(`li.run-item[data-run-id="${runs[1].id}"] input[type=checkbox]`).click();
    const [blueOff] = await waitUntil(async () => {
      const v = await curveInk(canvas);
      return v[0] < ink[0] / 4 ? v : null;
    }, { timeout: 5000, message: 'the first run off the chart' });
    check('unchecking the first run takes its curve off the chart', blueOff < ink[0] / 4, `${(blueOff * 100).toFixed(3)}%`);
    await f.locator(`li.run-item[data-run-id="${runs[1].id}"] input[type=checkbox]`).click();
    await waitUntil(async () => ((await curveInk(canvas))[0] > ink[0] / 2 ? true : null), { timeout: 5000, message: 'the first run back on the chart' });
    check('checking it again brings the curve back', true);

    await f.locator(`li.run-item[data-run-id="${runs[1].id}"] button.run-pin`).click();
    const pinned = await waitUntil(async () => {
      const r = await readRuns(f);
      return r.find((x) => x.id === runs[1].id)?.pinned ? r : null;
    }, { timeout: 5000, message: 'the first run pinned' });
    check('the pin makes the first run the baseline (and only it)', pinned.filter((r) => r.pinned).length === 1, JSON.stringify(pinned.map((r) => [r.seq, r.pinned])));

    // A third run with the same source says so (Train Model is the Python editor's command: focus it first).
    await focusEditor(page);
    await runCommand(page, 'Autograd: Train Model');
    await waitForRun(page, { name: LINEAR, status: 'finished', steps: STEPS });
    const three = await waitForRuns(f, 3);
    check('a run of the same source is labelled "same source"; the baseline stays pinned', three[0].label === 'same source' && three[2].pinned, JSON.stringify(three.map((r) => [r.seq, r.label, r.pinned])));

    await shot('3-three-runs-1600x1000');
    // The smaller window, with the Output panel closed so that the chart and its list have the height.
    await page.setViewportSize({ width: 1280, height: 720 });
    await runCommand(page, 'View: Hide Panel');
    await page.locator('.part.panel').waitFor({ state: 'hidden', timeout: 5000 });
    await page.waitForTimeout(500);
    await shot('4-three-runs-1280x720');
    await shotOf(f.locator('details.card-loss'), '5-loss-1280x720');
  },
};
