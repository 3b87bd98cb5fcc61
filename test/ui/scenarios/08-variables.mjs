// Scenario 7: after a run of examples/07, the panel's Variables section lists the script's globals, the model
// opens into its parameters, the gradient-norm header sorts; the values table shows the end of the run (what
// the script printed) and, on request, the last backward(). Neither table scrolls sideways, at the panel's
// default width nor at 400 px.
import { runCommand, waitUntil } from '../lib/workbench.mjs';
import { panel, readLeafTable, showSection, waitForRun } from '../lib/panel.mjs';

const HOUSES = '07_house_prices.py'; // prints "weights: tensor([[ 3.0238,  1.4959, -1.9933, -1.0321,  0.5098]])" at its end
const PRINTED_WEIGHTS = '3.0238,  1.4959, -1.9933, -1.0321,  0.5098';

/** The Variables section's rows: group titles as `# title`, rows as their cells' text. */
async function readVariables(f) {
  return f.locator('details.card-variables table.vars-table tbody tr').evaluateAll((rows) =>
    rows.map((r) => (r.classList.contains('vars-group') ? `# ${r.textContent.trim()}` : [...r.children].map((td) => td.textContent.trim()))),
  );
}

/** How wide each card and its table is against the width it has: [{ card, client, scroll, table }]. */
async function widths(f) {
  return f.locator('main.sections > details').evaluateAll((cards) =>
    cards.map((d) => ({
      card: [...d.classList].find((c) => c.startsWith('card-') && c !== 'card-title'),
      client: d.clientWidth,
      scroll: d.scrollWidth,
      table: d.querySelector('table:not([hidden])')?.getBoundingClientRect().width ?? null,
    })),
  );
}

/**
 * The widths with the Variables section shown and then with the values table shown: below 900 px they are tabs,
 * one displayed at a time (a card not displayed measures 0 and is left out); wide, both measure the same.
 */
async function tableWidths(page, f) {
  const seen = new Map();
  for (const id of ['variables', 'leaves']) {
    await showSection(page, id);
    for (const w of await widths(f)) if (w.client > 0 && !seen.has(w.card)) seen.set(w.card, w);
  }
  return [...seen.values()];
}

const overflowing = (ws) => ws.filter((w) => w.scroll > w.client + 1 || (w.table !== null && w.table > w.client + 1));

export default {
  name: 'variables',
  title: 'The Variables section and the values table after a run: scopes, modules, sort, end state, fitted widths',
  timeoutMs: 120000,
  async run({ page, open, shot, shotOf, check, log }) {
    await open(HOUSES);
    await runCommand(page, 'Autograd: Train Model');
    await waitForRun(page, { name: HOUSES, status: 'finished' });
    const f = panel(page);
    const card = await showSection(page, 'variables');
    await card.locator('table.vars-table tbody tr').first().waitFor({ timeout: 20000 });
    const caption = await card.locator('.vars-caption').innerText();
    check('the Variables section says it shows the end of the run', caption === 'At the end of the run', caption);
    let rows = await readVariables(f);
    log(`variables: ${JSON.stringify(rows)}`);
    check('grouped under Globals', rows[0] === '# Globals', rows[0]);
    const names = rows.filter(Array.isArray).map((r) => r[0]);
    check('lists the script\'s tensors, model, loss function and optimizer', ['X', 'y', '▸ model', 'loss', '▸ criterion', 'optimizer'].every((n) => names.includes(n)) || ['X', 'y', 'loss', 'optimizer'].every((n) => names.includes(n)), names.join(', '));
    const model = rows.find((r) => Array.isArray(r) && r[0].endsWith('model'));
    check('the model row names its class and parameter count, and its gradient norm', model && model.some((c) => c.includes('HousePriceModel, 6 parameters')) && /\d/.test(model[model.length - 1]), JSON.stringify(model));

    // The model opens into its parameters.
    await card.locator('button.vars-toggle', { hasText: 'model' }).click();
    rows = await waitUntil(async () => {
      const r = await readVariables(f);
      return r.some((x) => Array.isArray(x) && x[0] === 'linear.weight') ? r : null;
    }, { timeout: 5000, message: 'the model\'s parameters' });
    const weight = rows.find((r) => Array.isArray(r) && r[0] === 'linear.weight');
    check('the model\'s parameters show under it, with shape and gradient norm', weight && weight.includes('[1, 5]') && /^\d/.test(weight[weight.length - 1]), JSON.stringify(weight));

    // The gradient-norm header sorts: the model (the only global with gradients) comes first.
    await card.locator('button.sort-grad').click();
    rows = await waitUntil(async () => {
      const r = await readVariables(f);
      return Array.isArray(r[1]) && r[1][0].endsWith('model') ? r : null;
    }, { timeout: 5000, message: 'the rows sorted by gradient norm' }).catch(async () => readVariables(f));
    check('sorted by gradient norm, the model comes first', Array.isArray(rows[1]) && rows[1][0].endsWith('model'), JSON.stringify(rows.slice(0, 3)));

    // The values table: the end of the run by default, as the script printed it.
    const leaves = await showSection(page, 'leaves');
    const leafCaption = await leaves.locator('.leaf-caption').innerText();
    check('the values table says it shows the end of the run', leafCaption.startsWith('At the end of the run'), leafCaption);
    let table = await readLeafTable(page);
    const w = table.find((r) => r.name === 'model.linear.weight');
    check('values table: model.linear.weight is what the script printed at its end', w && w.value.includes(PRINTED_WEIGHTS), w?.value);
    await leaves.getByRole('button', { name: 'At last backward()' }).click();
    await waitUntil(async () => ((await leaves.locator('.leaf-caption').innerText()).startsWith('At the last backward()') ? true : null), { timeout: 5000, message: 'the caption to change' });
    table = await readLeafTable(page);
    const wb = table.find((r) => r.name === 'model.linear.weight');
    check('at the last backward() it is the value before the last optimizer step', wb && !wb.value.includes(PRINTED_WEIGHTS) && wb.value.startsWith('tensor('), wb?.value);
    await leaves.getByRole('button', { name: 'End of run' }).click();

    // Widths: nothing wider than its card, at the default width and at 400 px.
    const atDefault = await tableWidths(page, f);
    check('the widths measured include both tables', ['card-variables', 'card-leaves'].every((c) => atDefault.some((w) => w.card === c && w.table !== null)), JSON.stringify(atDefault));
    log(`widths at the default size: ${JSON.stringify(atDefault)}`);
    check('no card or table wider than the panel at its default width', overflowing(atDefault).length === 0, JSON.stringify(overflowing(atDefault)));
    // Below the sticky header, so the section's title shows too.
    const reveal = (locator) => locator.evaluate((e) => {
      e.scrollIntoView({ block: 'start' });
      window.scrollBy(0, -(document.querySelector('header.run-header')?.getBoundingClientRect().height ?? 0) - 8);
    });
    await showSection(page, 'variables');
    await reveal(card);
    await shot('1-variables');
    await shotOf(card, '2-variables-section');
    await f.locator('body').evaluate((b) => {
      b.style.width = '400px';
    });
    await page.waitForTimeout(300);
    const narrow = await tableWidths(page, f);
    log(`widths at 400 px: ${JSON.stringify(narrow)}`);
    check('no card or table wider than the panel at 400 px', overflowing(narrow).length === 0, JSON.stringify(overflowing(narrow)));
    const body = await f.locator('body').evaluate((b) => ({ scroll: b.scrollWidth, client: b.clientWidth }));
    check('the panel does not scroll sideways at 400 px', body.client === 400 && body.scroll <= body.client, JSON.stringify(body));
    await showSection(page, 'variables');
    await reveal(card);
    await shotOf(card, '3-variables-400px');
    await showSection(page, 'leaves');
    await reveal(leaves);
    await shotOf(leaves, '4-values-400px');
    await f.locator('body').evaluate((b) => {
      b.style.width = '';
    });
  },
};
