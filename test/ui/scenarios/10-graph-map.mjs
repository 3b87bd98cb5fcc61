// Scenario 8: the graph as a map of the model, at 1280×720. An MLP (nn.Sequential) trains: the graph is on the
// first screen, its module calls are boxes named after the model's attributes, and no text is drawn under 11 px
// at fit (measured in the webview: font size × the SVG's screen scale). Then a loop that calls the model one
// sample at a time: its repeated calls fold into one ×N box, and the whole graph is drawn, readable at fit.
// Clicking a closed module's ▸ opens it. The data the model reads (X, y) are input nodes named after them. The
// step slider under the graph moves to the first kept step: the graph's values change, and the loss chart marks it.
import fs from 'node:fs';
import path from 'node:path';
import { runCommand, waitUntil } from '../lib/workbench.mjs';
import { panel, waitForRun } from '../lib/panel.mjs';

const MLP = 'graph_mlp.py';
const MLP_SRC = `import torch
from torch import nn

torch.manual_seed(0)
X = torch.randn(64, 3)
y = X.sum(dim=1, keepdim=True) ** 2
model = nn.Sequential(nn.Linear(3, 16), nn.ReLU(), nn.Linear(16, 16), nn.ReLU(), nn.Linear(16, 1))
optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
for epoch in range(20):
    optimizer.zero_grad()
    loss = ((model(X) - y) ** 2).mean()
    loss.backward()
    optimizer.step()
`;

const PER_SAMPLE = 'graph_per_sample.py';
const PER_SAMPLE_SRC = `import torch
from torch import nn

torch.manual_seed(0)
X = torch.randn(40, 2)
y = X[:, :1] * 3 - 1
model = nn.Sequential(nn.Linear(2, 8), nn.Tanh(), nn.Linear(8, 1))
optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
for epoch in range(3):
    optimizer.zero_grad()
    total = 0
    for i in range(40):
        total = total + ((model(X[i]) - y[i]) ** 2).sum()
    total.backward()
    optimizer.step()
`;

/** What the graph section draws, measured in the webview. */
async function measureGraph(page) {
  return panel(page)
    .locator('details.card-graph')
    .evaluate((card) => {
      const svgEl = card.querySelector('svg.graph-svg');
      const scale = svgEl.querySelector('g')?.getScreenCTM()?.a ?? 1;
      const texts = [...svgEl.querySelectorAll('text')].filter((t) => t.textContent);
      const sizes = texts.map((t) => parseFloat(getComputedStyle(t).fontSize) * (t.getScreenCTM()?.a ?? scale));
      const title = (g) => g.querySelector('.gnode-title, .gbox-title')?.textContent ?? '';
      return {
        boxes: [...svgEl.querySelectorAll('g.gbox')].map((g) => g.dataset.module),
        closed: [...svgEl.querySelectorAll('g.gnode.module')].map((g) => ({ key: g.dataset.module, title: title(g) })),
        titles: [...svgEl.querySelectorAll('g.gnode')].map(title),
        inputs: [...svgEl.querySelectorAll('g.gnode.input')].map(title),
        rootText: svgEl.querySelector('g.gnode.root')?.textContent ?? '',
        step: card.querySelector('.graph-steps')?.hidden ? null : card.querySelector('.graph-steps')?.dataset.step ?? null,
        stepLabel: card.querySelector('.graph-step-label')?.textContent ?? '',
        stops: Number(card.querySelector('.graph-step-slider')?.max ?? -1) + 1,
        minFont: sizes.length ? Math.min(...sizes) : null,
        texts: texts.length,
        folded: card.querySelector('.graph-folded')?.hidden ? '' : card.querySelector('.graph-folded')?.textContent ?? '',
        hidden: card.querySelector('.graph-hidden')?.hidden ? '' : card.querySelector('.graph-hidden')?.textContent ?? '',
      };
    });
}

export default {
  name: 'graph-map',
  title: 'The graph as a map: module boxes, readable at fit, first on screen at 1280×720, a per-sample loop folded ×N',
  timeoutMs: 180000,
  async run({ page, open, shot, shotOf, check, log, workspace }) {
    fs.writeFileSync(path.join(workspace, MLP), MLP_SRC);
    fs.writeFileSync(path.join(workspace, PER_SAMPLE), PER_SAMPLE_SRC);
    await page.setViewportSize({ width: 1280, height: 720 });
    await open(MLP);
    await runCommand(page, 'Autograd: Train Model');
    await waitForRun(page, { name: MLP, status: 'finished' });
    // The Output panel comes forward on a session's first run; a learner closes it to see the graph panel whole.
    await runCommand(page, 'View: Hide Panel');
    await page.locator('.part.panel').waitFor({ state: 'hidden', timeout: 5000 });
    const f = panel(page);
    const m = await waitUntil(async () => {
      const g = await measureGraph(page);
      return g.texts > 0 ? g : null;
    }, { timeout: 15000, message: 'the MLP graph' });
    log(`MLP graph: boxes ${JSON.stringify(m.boxes)}, closed ${JSON.stringify(m.closed)}, smallest text ${m.minFont?.toFixed(2)} px, folded "${m.folded}"`);
    const names = [...m.boxes, ...m.closed.map((c) => c.key)];
    check('the model is drawn as a module named model', names.includes('model'), names.join(', '));
    check('no text under 11 px at fit', m.minFont !== null && m.minFont >= 10.95, String(m.minFont));
    const box = await f.locator('details.card-graph .graph-box').boundingBox();
    log(`graph box on the page: ${JSON.stringify(box)}`);
    check('the graph is on the first screen at 1280×720', box !== null && box.y >= 0 && box.y < 360 && box.y + Math.min(box.height, 300) <= 720, JSON.stringify(box));
    await shot('1-mlp-1280x720');
    await shotOf(f.locator('details.card-graph'), '2-mlp-graph');

    check('X and y are drawn as input nodes named after them', m.inputs.includes('X') && m.inputs.includes('y'), m.inputs.join(', '));

    // The step slider: from the latest step to the first kept one; the values drawn change with it.
    log(`step slider: ${m.stops} stops, at step ${m.step} ("${m.stepLabel}"), root "${m.rootText}"`);
    check('the step slider offers several captured steps', m.stops >= 2 && m.step !== null, `${m.stops} stops`);
    if (m.stops >= 2) {
      await f.locator('details.card-graph .graph-step-slider').evaluate((el) => {
        el.value = '0';
        el.dispatchEvent(new Event('input', { bubbles: true }));
      });
      const first = await waitUntil(async () => {
        const g = await measureGraph(page);
        return g.step !== m.step ? g : null;
      }, { timeout: 10000, message: 'the graph of the first kept step' });
      log(`after the slider: at step ${first.step} ("${first.stepLabel}"), root "${first.rootText}"`);
      check('the slider shows an earlier step', Number(first.step) < Number(m.step), `${first.step} < ${m.step}`);
      check('the values drawn change with the step', first.rootText !== m.rootText, `${first.rootText} vs ${m.rootText}`);
      await shot('2b-mlp-first-step-1280x720');
      // Back to the latest, so the rest of the scenario sees what it did before.
      await f.locator('details.card-graph .graph-steps button').click();
      await waitUntil(async () => ((await measureGraph(page)).step === m.step ? true : null), { timeout: 10000, message: 'back to the latest step' });
    }

    // Opening a closed module (its ▸) shows its layers as boxes or inline ops.
    const closed = f.locator('details.card-graph g.gnode.module').first();
    if ((await closed.count()) > 0) {
      const key = await closed.getAttribute('data-module');
      // Dispatched: the node may sit outside the box's visible part when the drawing is larger.
      await closed.locator('.gmodule-toggle').dispatchEvent('click');
      const opened = await waitUntil(async () => {
        const g = await measureGraph(page);
        return g.boxes.includes(key) ? g : null;
      }, { timeout: 10000, message: `module ${key} to open` });
      log(`opened ${key}: boxes ${JSON.stringify(opened.boxes)}, closed ${JSON.stringify(opened.closed)}`);
      check(`clicking ▸ of module ${key} opens it into a box`, opened.boxes.includes(key));
      await shotOf(f.locator('details.card-graph'), '3-mlp-opened');
    }

    await open(PER_SAMPLE);
    await runCommand(page, 'Autograd: Train Model');
    await waitForRun(page, { name: PER_SAMPLE, status: 'finished' });
    const p = await waitUntil(async () => {
      const g = await measureGraph(page);
      return g.titles.some((t) => t.includes('×')) ? g : null;
    }, { timeout: 15000, message: 'the per-sample graph with a ×N fold' });
    log(`per-sample graph: titles ${JSON.stringify(p.titles)}, folded "${p.folded}", hidden "${p.hidden}", smallest text ${p.minFont?.toFixed(2)} px`);
    check('the 40 calls of the model fold into one box marked ×40', p.titles.includes('model ×40'), p.titles.join(', '));
    check('the whole per-sample graph is drawn (nothing hidden at the node limit)', p.hidden === '', p.hidden);
    check('the view says what it folded', p.folded.length > 0, p.folded);
    check('no text under 11 px at fit (per-sample loop)', p.minFont !== null && p.minFont >= 10.95, String(p.minFont));
    await shot('4-per-sample-1280x720');
    await shotOf(f.locator('details.card-graph'), '5-per-sample-graph');
  },
};
