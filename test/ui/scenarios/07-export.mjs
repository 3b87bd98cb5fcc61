// Scenario 7: export. The loss chart's, the gradient chart's and a figure's header have Save as PNG / SVG
// (/ CSV) buttons; each asks where with VS Code's save dialog (code-server's is the workbench's own, a path in
// the quick input), suggesting <script>-<chart>.<ext> next to the script, and writes only when the user
// accepts: Escape writes nothing. The files are checked: the PNG signature, an SVG the browser parses, a CSV
// with a step column and a row per step.
import fs from 'node:fs';
import path from 'node:path';
import { runCommand, waitUntil } from '../lib/workbench.mjs';
import { panel, showSection, waitForRun } from '../lib/panel.mjs';

const LINEAR = '05_linear_regression_scratch.py'; // 50 backward() calls, leaves w and b
const LINEAR_STEPS = 50;
const HOUSES = '07_house_prices.py'; // plt.plot(losses) … plt.show(): one chart.js figure
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The save dialog: the quick input holding the suggested path. */
async function saveDialog(page, expectedName) {
  const input = page.locator('.quick-input-widget input');
  return waitUntil(
    async () => {
      if (!(await input.isVisible().catch(() => false))) return null;
      const value = await input.inputValue();
      return value.endsWith(expectedName) ? value : null;
    },
    { timeout: 15000, message: `the save dialog suggesting ${expectedName}` },
  );
}

/** Clicks an export button, accepts the suggested file (Enter) and waits for it on disk. */
async function exportFile(page, button, file, expectedName) {
  await button.click();
  const suggested = await saveDialog(page, expectedName);
  await page.keyboard.press('Enter');
  await waitUntil(() => (fs.existsSync(file) && fs.statSync(file).size > 0 ? true : null), { timeout: 15000, message: `${expectedName} to be written` });
  return suggested;
}

/** Whether the browser parses `text` as SVG (DOMParser reports errors as a <parsererror> element). */
async function parsesAsSvg(page, text) {
  return page.evaluate((t) => {
    const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
    return !doc.querySelector('parsererror') && doc.documentElement.localName === 'svg';
  }, text);
}

export default {
  name: 'export',
  title: 'Export: PNG, SVG and CSV from the chart and figure headers, through the save dialog; Escape writes nothing',
  timeoutMs: 180000,
  async run({ page, open, workspace, shot, shotOf, check, log }) {
    await page.setViewportSize({ width: 1280, height: 720 });
    await open(LINEAR);
    await runCommand(page, 'Autograd: Train Model');
    await waitForRun(page, { name: LINEAR, status: 'finished' });
    const f = panel(page);
    await showSection(page, 'loss');
    const lossButtons = f.locator('details.card-loss .export-group');
    await lossButtons.waitFor({ timeout: 10000 });
    const labels = await lossButtons.locator('button').evaluateAll((bs) => bs.map((b) => `${b.textContent}|${b.getAttribute('aria-label')}|${b.disabled}`));
    log(`loss export buttons: ${labels.join(', ')}`);
    check('the loss chart header offers PNG, SVG and CSV, each named for screen readers', labels.join(',') === 'PNG|Save the loss chart as PNG…|false,SVG|Save the loss chart as SVG…|false,CSV|Save the loss chart as CSV…|false', labels.join(', '));
    await f.locator('details.card-loss').scrollIntoViewIfNeeded();
    await shot('1-export-buttons-1280x720');
    await shotOf(f.locator('details.card-loss .toolbar'), '2-loss-header');

    const stem = LINEAR.replace(/\.py$/, '');
    const at = (name) => path.join(workspace, name);

    // Escape in the dialog: nothing is written.
    const pngName = `${stem}-loss.png`;
    await lossButtons.locator('button[data-format="png"]').click();
    const suggested = await saveDialog(page, pngName);
    check('the dialog suggests <script>-loss.png next to the script', path.normalize(suggested) === at(pngName), suggested);
    await shot('3-save-dialog');
    await page.keyboard.press('Escape');
    await page.waitForTimeout(1500);
    check('cancelling the dialog writes nothing', !fs.existsSync(at(pngName)));

    // The loss chart as PNG, SVG and CSV.
    await exportFile(page, lossButtons.locator('button[data-format="png"]'), at(pngName), pngName);
    const png = fs.readFileSync(at(pngName));
    check('the loss PNG starts with the PNG signature', PNG_SIGNATURE.every((b, i) => png[i] === b), `${png.length} bytes`);
    // The message follows the write: the file can be on disk a moment before the status bar says so.
    const statusBar = await waitUntil(async () => {
      const text = await page.locator('.part.statusbar').innerText();
      return text.includes(`Saved ${pngName}`) ? text : null;
    }, { timeout: 5000, message: 'the status bar to say the file was saved' }).catch(() => page.locator('.part.statusbar').innerText());
    check('the status bar says the file was saved', statusBar.includes(`Saved ${pngName}`), statusBar.split('\n').find((l) => l.includes('Saved')));

    const svgName = `${stem}-loss.svg`;
    await exportFile(page, lossButtons.locator('button[data-format="svg"]'), at(svgName), svgName);
    const svg = fs.readFileSync(at(svgName), 'utf8');
    check('the loss SVG parses as SVG', await parsesAsSvg(page, svg), `${svg.length} characters`);

    const csvName = `${stem}-loss.csv`;
    await exportFile(page, lossButtons.locator('button[data-format="csv"]'), at(csvName), csvName);
    const csv = fs.readFileSync(at(csvName), 'utf8').trimEnd().split('\n');
    check(`the loss CSV has the header and ${LINEAR_STEPS} steps`, csv[0] === 'step,loss' && csv.length === LINEAR_STEPS + 1 && csv[1].startsWith('1,') && csv[LINEAR_STEPS].startsWith(`${LINEAR_STEPS},`), `${csv[0]} / ${csv[1]} … ${csv[csv.length - 1]} (${csv.length - 1} rows)`);

    // The gradient chart: a column per parameter.
    await showSection(page, 'gradients');
    const gradButtons = f.locator('details.card-gradients .export-group');
    const gradCsvName = `${stem}-gradients.csv`;
    await exportFile(page, gradButtons.locator('button[data-format="csv"]'), at(gradCsvName), gradCsvName);
    const gcsv = fs.readFileSync(at(gradCsvName), 'utf8').trimEnd().split('\n');
    const header = gcsv[0].split(',');
    check(`the gradient CSV has a step column, one per parameter, and ${LINEAR_STEPS} steps`, header[0] === 'step' && [...header.slice(1)].sort().join(',') === 'b,w' && gcsv.length === LINEAR_STEPS + 1, `${gcsv[0]} / ${gcsv[1]} (${gcsv.length - 1} rows)`);
    const gradSvgName = `${stem}-gradients.svg`;
    await exportFile(page, gradButtons.locator('button[data-format="svg"]'), at(gradSvgName), gradSvgName);
    check('the gradient SVG parses as SVG', await parsesAsSvg(page, fs.readFileSync(at(gradSvgName), 'utf8')));

    // A matplotlib figure drawn by chart.js: PNG of its canvases, SVG from the recorded figure.
    await open(HOUSES);
    await runCommand(page, 'Autograd: Train Model');
    await waitForRun(page, { name: HOUSES, status: 'finished' });
    await showSection(page, 'figures');
    const figure = f.locator('details.card-figures figure.mpl-figure').first();
    await figure.waitFor({ timeout: 10000 });
    await figure.scrollIntoViewIfNeeded();
    await shotOf(figure.locator('figcaption'), '4-figure-header');
    const figStem = `${HOUSES.replace(/\.py$/, '')}-figure-1`;
    await exportFile(page, figure.locator('.export-group button[data-format="png"]'), at(`${figStem}.png`), `${figStem}.png`);
    const fpng = fs.readFileSync(at(`${figStem}.png`));
    check('the figure PNG starts with the PNG signature', PNG_SIGNATURE.every((b, i) => fpng[i] === b), `${fpng.length} bytes`);
    await exportFile(page, figure.locator('.export-group button[data-format="svg"]'), at(`${figStem}.svg`), `${figStem}.svg`);
    check('the figure SVG parses as SVG', await parsesAsSvg(page, fs.readFileSync(at(`${figStem}.svg`), 'utf8')));
    check('a figure offers no CSV', (await figure.locator('.export-group button[data-format="csv"]').count()) === 0);
    await shot('5-end');
  },
};
