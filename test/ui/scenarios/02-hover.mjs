// Scenario 2: after a run, the mouse over a tensor's name in the editor shows its value and gradient
// (VS Code's hover widget), and they are what the script itself printed.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../lib/codeServer.mjs';
import { hoverWord, openFile, runCommand } from '../lib/workbench.mjs';
import { waitForRun } from '../lib/panel.mjs';

const ACCUMULATION = '04_grad_accumulation.py'; // 3 + 1 + 2 backward() calls; prints w.grad after each stage
const ACCUMULATION_STEPS = 6;
const LINEAR = '05_linear_regression_scratch.py'; // prints "w = tensor([[3.0011]], requires_grad=True)"
const HOUSES = '07_house_prices.py'; // model = HousePriceModel(5) on line 24

function expectedOutput(example) {
  return fs.readFileSync(path.join(ROOT, 'examples/expected', example.replace(/\.py$/, '.out')), 'utf8');
}

/** The tensor prints in a hover, in order (value first, gradient second): `tensor(...)` blocks. */
function tensorsIn(text) {
  return [...text.matchAll(/tensor\((?:[^()]|\([^()]*\))*\)/g)].map((m) => m[0].replace(/\s+/g, ' ').trim());
}

const squash = (s) => s.replace(/\s+/g, ' ').trim();

export default {
  name: 'hover',
  title: 'Hover a tensor after a run: its value and gradient as the script printed them',
  timeoutMs: 150000,
  async run({ page, open, shot, check, log }) {
    await open(ACCUMULATION);
    await runCommand(page, 'Autograd: Train Model');
    await waitForRun(page, { name: ACCUMULATION, status: 'finished', steps: ACCUMULATION_STEPS });
    // The script ends with `print("two backwards through one graph:", w.grad)`: w's final gradient.
    const printedGrad = /^two backwards through one graph: (tensor\(.*\))$/m.exec(expectedOutput(ACCUMULATION))[1];
    // Line 4: w = torch.tensor([1.0, -2.0, 3.0], requires_grad=True)
    const { text } = await hoverWord(page, 4, 'w', { until: (t) => /grad/i.test(t) && tensorsIn(t).length >= 2 });
    log(`hover on w (${ACCUMULATION}):\n      ${text.split('\n').join('\n      ')}`);
    const tensors = tensorsIn(text);
    check('hover names w with its shape and requires_grad', /^w\b.*torch\.Size\(\[3\]\).*requires_grad=True/m.test(text), text.split('\n')[0]);
    check('hover shows w\'s value (it was never changed: torch.tensor([1.0, -2.0, 3.0]))', squash(tensors[0]) === 'tensor([ 1., -2., 3.])', tensors[0]);
    check(`hover shows w's gradient as printed by the script: ${printedGrad}`, squash(tensors[1]) === squash(printedGrad), JSON.stringify(tensors));
    check(`hover charts the gradient norm over the ${ACCUMULATION_STEPS} steps`, text.includes(`over ${ACCUMULATION_STEPS} steps`));
    await shot('1-hover-w-accumulation');

    await openFile(page, LINEAR);
    await runCommand(page, 'Autograd: Train Model');
    await waitForRun(page, { name: LINEAR, status: 'finished', steps: 50 });
    await runCommand(page, 'View: Hide Panel'); // the Output panel: more room for the editor and the hover
    await page.locator('.part.panel').waitFor({ state: 'hidden', timeout: 5000 });
    // The hover's header says requires_grad=True; its value print leaves it out.
    const printedW = /^w = (tensor\(.*\))$/m.exec(expectedOutput(LINEAR))[1].replace(', requires_grad=True)', ')');
    // Line 10: `w = torch.zeros(1, 1, requires_grad=True)`; the hover shows the tensor as the run left it.
    const h2 = await hoverWord(page, 10, 'w', { until: (t) => /grad/i.test(t) && tensorsIn(t).length >= 2 });
    log(`hover on w (${LINEAR}):\n      ${h2.text.split('\n').join('\n      ')}`);
    const t2 = tensorsIn(h2.text);
    check(`hover shows w's value as printed by the script: ${printedW}`, squash(t2[0]) === squash(printedW), JSON.stringify(t2));
    // The loop ends with w.grad.zero_(): the gradient left in w.grad is zero.
    check('hover shows w\'s gradient left by w.grad.zero_(): tensor([[0.]])', t2[1] === 'tensor([[0.]])', JSON.stringify(t2));
    await shot('2-hover-w-linear');

    // A module: its class, parameter count, repr and parameters (examples/07, line 24: `model = HousePriceModel(5)`).
    await openFile(page, HOUSES);
    await runCommand(page, 'Autograd: Train Model');
    await waitForRun(page, { name: HOUSES, status: 'finished', steps: 100 });
    const h3 = await hoverWord(page, 24, 'model', { until: (t) => t.includes('model.linear.bias') });
    log(`hover on model (${HOUSES}):\n      ${h3.text.split('\n').join('\n      ')}`);
    check('hover on model names its class and parameter count', /model\s*— module HousePriceModel · 6 parameters/.test(h3.text), h3.text.split('\n')[0]);
    check('hover on model lists its parameters with gradient norms', /model\.linear\.weight\s+torch\.Size\(\[1, 5\]\) · ‖grad‖/.test(h3.text), h3.text);
    await shot('3-hover-model');
  },
};
