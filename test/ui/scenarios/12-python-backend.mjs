// Scenario 11: the python backend. With autogradPlayground.pythonPath naming Debian's /usr/bin/python3 (PyTorch
// 1.13 in CI), Autograd: Train Model with Python from the palette trains the house-prices example on real
// PyTorch: the header says "PyTorch 1.13 · cpu", the graph draws the model as a module box (the probe's
// module calls) and, opened, has PyTorch's node names and the model's parameters as leaves. Then Train Model (the playground, the default backend) on the same file says "Playground". Where
// that Python has no torch the scenario says so and checks nothing.
import { execFileSync } from 'node:child_process';
import { runCommand, waitUntil } from '../lib/workbench.mjs';
import { panel, readGraph, readHeader, waitForRun } from '../lib/panel.mjs';

const PYTHON = process.env.AUTOGRAD_PLAYGROUND_TEST_PYTHON || '/usr/bin/python3';
const HOUSES = '07_house_prices.py';

function torchVersion(python) {
  try {
    return execFileSync(python, ['-c', 'import torch; print(torch.__version__)'], { encoding: 'utf8', timeout: 60000 }).trim();
  } catch {
    return null;
  }
}

/** The run's file name in the panel's header; null before the panel shows a run. */
async function headerName(page) {
  try {
    return (await readHeader(page)).name;
  } catch {
    return null;
  }
}

export default {
  name: 'python-backend',
  title: 'Train Model with Python: the header names PyTorch and its device, the graph PyTorch\'s nodes',
  timeoutMs: 150000,
  // Set before the workbench starts: a settings file changed while code-server runs was sometimes never read
  // (the command then found the first python3 on PATH, with no torch, in every try for two minutes).
  server: { settings: { 'autogradPlayground.pythonPath': PYTHON } },
  async run({ page, open, shot, shotOf, check, log }) {
    const version = torchVersion(PYTHON);
    if (!version) {
      log(`skipped: ${PYTHON} has no torch (set AUTOGRAD_PLAYGROUND_TEST_PYTHON to a Python with PyTorch)`);
      return;
    }
    await open(HOUSES);
    // Once in a while (about one workbench in three under load) the extension host still answered '' for the
    // setting seconds after start, and the command took the first python3 on PATH, which has no torch here: it
    // says so and runs nothing. Then try again.
    const noTorch = page.getByText('has no PyTorch').first();
    for (let attempt = 1; ; attempt++) {
      await runCommand(page, 'Autograd: Train Model with Python');
      const outcome = await waitUntil(
        async () => ((await headerName(page)) === HOUSES ? 'run' : (await noTorch.isVisible()) ? 'no torch' : null),
        { timeout: 30000, message: 'a run or the no-torch message' },
      );
      if (outcome === 'run') break;
      log(`attempt ${attempt}: the command did not see autogradPlayground.pythonPath yet`);
      if (attempt === 5) throw new Error('autogradPlayground.pythonPath was not read in 5 tries');
      await runCommand(page, 'Notifications: Clear All Notifications');
      await new Promise((r) => setTimeout(r, 4000));
    }
    const header = await waitForRun(page, { name: HOUSES, status: 'finished', timeout: 120000 });
    const short = /^\d+\.\d+/.exec(version)[0];
    check(`header names the backend: PyTorch ${short} · cpu`, header.backend === `PyTorch ${short} · cpu`, header.backend);
    check('its tooltip has the whole version', header.backendTitle.includes(version), header.backendTitle);
    check('header: 100 steps', header.steps === 100, header.stepText);
    // The probe records module calls (its global forward hooks): the model is a box, closed when the drawing
    // folds to fit; its ▸ opens it onto the parameters.
    const modules = () => panel(page).locator('details.card-graph').evaluate((d) => ({
      boxes: [...d.querySelectorAll('g.gbox')].map((g) => g.dataset.module),
      closed: [...d.querySelectorAll('g.gnode.module')].map((g) => g.dataset.module),
    }));
    const drawn = await waitUntil(async () => {
      const m = await modules();
      return m.boxes.length + m.closed.length > 0 ? m : null;
    }, { timeout: 10000, message: 'the model drawn as a module' });
    check('the model is drawn as a module box named model', [...drawn.boxes, ...drawn.closed].includes('model'), JSON.stringify(drawn));
    // Open the closed modules level by level (model, then model.linear) until the parameters show.
    const graph = await waitUntil(async () => {
      const g = await readGraph(page);
      if (g.leaves.some((l) => l.includes('weight'))) return g;
      const closed = panel(page).locator('details.card-graph g.gnode.module .gmodule-toggle');
      if ((await closed.count()) > 0) await closed.first().dispatchEvent('click');
      return null;
    }, { timeout: 10000, interval: 500, message: 'the graph' });
    log(`graph: leaves ${JSON.stringify(graph.leaves)}, root ${graph.rootTooltip.split('\n')[0]}, ops ${JSON.stringify(graph.ops)}`);
    check('graph leaves are the model\'s parameters', graph.leaves.includes('model.linear.weight') && graph.leaves.includes('model.linear.bias'), graph.leaves.join(', '));
    check('graph root is PyTorch\'s MseLossBackward0', /MseLossBackward0/.test(graph.rootTooltip), graph.rootTooltip.split('\n')[0]);
    await shot('1-python-trained');
    await shotOf(panel(page).locator('header.run-header'), '2-python-header');

    await runCommand(page, 'Autograd: Train Model');
    // The header shows the finished python run until the new run replaces it: wait for the playground's.
    let again;
    try {
      again = await waitUntil(async () => {
        const h = await readHeader(page);
        return h.name === HOUSES && h.status === 'finished' && h.backend === 'Playground' ? h : null;
      }, { timeout: 120000, interval: 200, message: 'the playground run to finish' });
    } catch {
      again = await readHeader(page);
    }
    check('Train Model (the default backend) says Playground', again.backend === 'Playground', again.backend);
    await shotOf(panel(page).locator('header.run-header'), '3-playground-header');
  },
};
