// Scenario 1: open an example, Autograd: Train Model from the command palette, and the panel shows the run:
// the header's step count is the number of backward() calls the script makes, the loss chart is drawn, the
// computation graph has the named leaves and the loss root, the values table lists the parameters. Then a
// second example, opened with Quick Open and trained with the editor title's ▶ button, draws a matplotlib
// figure in the panel. A script of a single backward() shows that one step's loss as a marker. An LSTM's call is
// one node of the graph.
import { editorTitleAction, openFile, runCommand, waitUntil } from '../lib/workbench.mjs';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../lib/codeServer.mjs';
import { canvasColourInk, canvasInk, panel, readGraph, readLeafTable, showSection, waitForRun } from '../lib/panel.mjs';

const LINEAR = '05_linear_regression_scratch.py'; // for epoch in range(50): … loss.backward()
const LINEAR_STEPS = 50;
const LINEAR_BACKWARD_LINE = 18;
const HOUSES = '07_house_prices.py'; // for epoch in range(100): … loss.backward(); then plt.plot(losses) … plt.show()
const HOUSES_STEPS = 100;
const SCALAR = '01_scalar_gradient.py'; // one backward()
const LSTM = '14_lstm_sine.py'; // nn.LSTM over a sine wave

export default {
  name: 'train-panel',
  title: 'Train Model from the palette: panel step count, loss chart, graph leaves and root, figure',
  timeoutMs: 150000,
  async run({ page, open, shot, shotOf, check, log }) {
    await open(LINEAR);
    await shot('1-opened');
    await runCommand(page, 'Autograd: Train Model');
    const header = await waitForRun(page, { name: LINEAR, status: 'finished' });
    check(`header: ${LINEAR} finished after ${LINEAR_STEPS} steps (one per backward() call)`, header.steps === LINEAR_STEPS, header.stepText);

    const f = panel(page);
    await showSection(page, 'loss');
    const lossCanvas = f.locator('details.card-loss canvas');
    check('loss chart shown (its empty-state text hidden)', await f.locator('details.card-loss p.empty').isHidden());
    const ink = await waitUntil(async () => ((await canvasInk(lossCanvas)) > 0.005 ? canvasInk(lossCanvas) : null), { timeout: 10000, message: 'the loss chart to be drawn' });
    check('loss chart drawn on its canvas', ink > 0.005, `${(ink * 100).toFixed(1)}% of pixels`);

    const graph = await waitUntil(async () => {
      const g = await readGraph(page);
      return g.leaves.length ? g : null;
    }, { timeout: 10000, message: 'graph nodes' });
    log(`graph: leaves ${JSON.stringify(graph.leaves)}, root ${JSON.stringify(graph.root)} (${graph.rootTooltip.split('\n')[0]}), caption ${JSON.stringify(graph.caption)}`);
    check('graph shows the named leaves w and b', graph.leaves.includes('w') && graph.leaves.includes('b'), graph.leaves.join(', '));
    check('graph has the loss root (MeanBackward0)', graph.root !== null && /MeanBackward0/.test(graph.rootTooltip), graph.rootTooltip.split('\n')[0]);
    check(
      `graph caption names the backward() line ${LINEAR_BACKWARD_LINE} and the last step ${LINEAR_STEPS}`,
      graph.caption.includes(`line ${LINEAR_BACKWARD_LINE}`) && graph.caption.includes(`step ${LINEAR_STEPS}`),
      graph.caption,
    );
    const leaves = await readLeafTable(page);
    check('values table lists w and b, each with a gradient', leaves.map((l) => l.name).sort().join(',') === 'b,w' && leaves.every((l) => l.grad.startsWith('tensor(')), JSON.stringify(leaves.map((l) => [l.name, l.value, l.grad])));
    // The script prints its trained parameters ("w = tensor([[3.0011]], requires_grad=True)", as in examples/expected/).
    const printed = expectedPrints(LINEAR);
    for (const name of ['w', 'b']) {
      const row = leaves.find((l) => l.name === name);
      check(`values table: ${name} is the value the script printed`, row.value === printed[name], `${row.value} vs ${printed[name]}`);
    }
    const statusBar = await page.locator('.part.statusbar').innerText();
    check(`status bar reports ${LINEAR_STEPS} steps`, statusBar.includes(`${LINEAR} · ${LINEAR_STEPS}`) || statusBar.includes(`${LINEAR}: ${LINEAR_STEPS} steps`), statusBar.split('\n').find((l) => l.includes(LINEAR)));
    await shot('2-linear-trained');
    await shotOf(f.locator('details.card-graph'), '3-linear-graph');
    // The same with the Output panel hidden and the panel scrolled to the graph (the README's picture).
    await runCommand(page, 'View: Hide Panel');
    await page.locator('.part.panel').waitFor({ state: 'hidden', timeout: 5000 });
    await (await showSection(page, 'leaves')).evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await shot('3-linear-panel-readme');
    await f.locator('header.run-header').evaluate((e) => e.scrollIntoView({ block: 'start' }));

    // A second example, opened through Quick Open and trained with the ▶ button in the editor title.
    await openFile(page, HOUSES);
    const play = editorTitleAction(page, 'Train Model');
    await play.waitFor({ timeout: 20000 });
    await play.click();
    const h2 = await waitForRun(page, { name: HOUSES, status: 'finished' });
    check(`header: ${HOUSES} finished after ${HOUSES_STEPS} steps`, h2.steps === HOUSES_STEPS, h2.stepText);
    // The model's parameters sit inside its module box, which may be drawn closed to fit: open it to see them.
    const g2 = await waitUntil(async () => {
      const g = await readGraph(page);
      if (g.leaves.some((l) => l.includes('weight'))) return g;
      const closed = f.locator('details.card-graph g.gnode.module');
      if ((await closed.count()) > 0) await closed.first().locator('.gmodule-toggle').dispatchEvent('click');
      return null;
    }, { timeout: 10000, message: 'the second graph' });
    check('graph shows the model parameters as leaves', g2.leaves.includes('model.linear.weight') && g2.leaves.includes('model.linear.bias'), g2.leaves.join(', '));
    check('graph root is the MSE loss', /MseLossBackward0/.test(g2.rootTooltip), g2.rootTooltip.split('\n')[0]);
    await showSection(page, 'figures');
    const figure = f.locator('details.card-figures figure.mpl-figure');
    await figure.first().waitFor({ timeout: 10000 });
    check('one matplotlib figure in the panel', (await figure.count()) === 1);
    const caption = await figure.first().locator('figcaption').innerText();
    check('figure caption names savefig() and show()', caption.includes('Figure 1') && caption.includes('house_prices_loss.png') && caption.includes('show()'), caption);
    const figCanvas = figure.first().locator('canvas').first();
    const figInk = await waitUntil(async () => ((await canvasInk(figCanvas)) > 0.005 ? canvasInk(figCanvas) : null), { timeout: 10000, message: 'the figure to be drawn' });
    check('figure drawn on its canvas', figInk > 0.005, `${(figInk * 100).toFixed(1)}% of pixels`);
    await figure.first().scrollIntoViewIfNeeded();
    await shot('4-house-prices-figure');
    await shotOf(f.locator('details.card-figures'), '5-figure');

    // One backward(): the loss chart has a single point, which only its marker shows.
    await open(SCALAR);
    await runCommand(page, 'Autograd: Train Model');
    const h3 = await waitForRun(page, { name: SCALAR, status: 'finished' });
    check(`header: ${SCALAR} finished after 1 step`, h3.steps === 1, h3.stepText);
    await showSection(page, 'loss');
    const marker = await waitUntil(async () => ((await canvasColourInk(lossCanvas)) > 0 ? canvasColourInk(lossCanvas) : null), { timeout: 10000, message: 'the single loss point to be drawn' }).catch(() => 0);
    check('the loss of the only step is drawn as a marker', marker > 0, `${(marker * 100).toFixed(3)}% of pixels in colour`);
    await shotOf(f.locator('details.card-loss'), '6-single-step-loss');

    // An LSTM: each call of the layer is one node of the graph, not the thousand ops it records.
    await open(LSTM);
    await runCommand(page, 'Autograd: Train Model');
    await waitForRun(page, { name: LSTM, status: 'finished', timeout: 120000 });
    // The model may be drawn closed to fit the box (text stays at full size): opening it shows the LSTM's node.
    const g4 = await waitUntil(async () => {
      const g = await readGraph(page);
      if (g.ops.includes('LSTM')) return g;
      const closed = f.locator('details.card-graph g.gnode.module[data-module="model"]');
      if ((await closed.count()) > 0) await closed.first().locator('.gmodule-toggle').dispatchEvent('click');
      return null;
    }, { timeout: 20000, message: 'the LSTM node' });
    const tip = g4.opTooltips[g4.ops.indexOf('LSTM')];
    check('the LSTM call is one node, saying how many ops it stands for', /^LSTM \(one call, \d+ ops\)/.test(tip), tip.split('\n')[0]);
    check('the LSTM graph stays small', g4.ops.length < 20, `${g4.ops.length} op nodes: ${g4.ops.join(', ')}`);
    check('its parameters are leaves', g4.leaves.some((l) => l.includes('weight_ih_l0')), g4.leaves.join(', '));
    await shotOf(f.locator('details.card-graph'), '7-lstm-graph');
  },
};


/** `name = tensor(...)` lines of the example's expected output, without `, requires_grad=True`: { name: text }. */
function expectedPrints(example) {
  const out = fs.readFileSync(path.join(ROOT, 'examples/expected', example.replace(/\.py$/, '.out')), 'utf8');
  const values = {};
  for (const m of out.matchAll(/^(\w+) = (tensor\(.*?\))$/gm)) values[m[1]] = m[2].replace(/, requires_grad=True\)$/, ')');
  return values;
}
