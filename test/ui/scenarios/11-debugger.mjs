// Scenario 8: the debugger. A training loop is paused with the panel's Pause button: the header reads
// "Paused at step N" and the count holds; the console evaluates `w.grad` and `loss.item()` in the paused frame;
// Step runs one iteration; the paused line is marked in the editor; Continue runs the loop to its end.
import { runCommand, waitUntil } from '../lib/workbench.mjs';
import { panel, readHeader, showSection, waitForRun } from '../lib/panel.mjs';

const FILE = 'debug_me.py';
const TEXT = `import time
import torch

w = torch.tensor([1.0, -2.0, 0.5], requires_grad=True)
x = torch.linspace(-1, 1, 16).reshape(16, 1) * torch.ones(16, 3)
y = x @ torch.tensor([2.0, 0.5, -1.0])
opt = torch.optim.SGD([w], lr=0.05)
for i in range(300):
    opt.zero_grad()
    loss = ((x @ w - y) ** 2).mean()
    loss.backward()
    opt.step()
    time.sleep(0.02)
print("done", round(loss.item(), 6))
`;

async function consoleText(page) {
  return panel(page).locator('details.card-console pre.console').innerText();
}

async function evaluate(page, code, expect) {
  const input = panel(page).locator('details.card-console textarea.console-input');
  await input.fill(code);
  await input.press('Enter');
  return waitUntil(async () => {
    const text = await consoleText(page);
    return expect.test(text) ? text : null;
  }, { timeout: 10000, message: `the answer to ${code}` });
}

export default {
  name: 'debugger',
  title: 'Debugger: pause from the panel, Paused at step N, console in the paused frame, step, continue',
  timeoutMs: 150000,
  async run({ page, open, writeFile, shot, check, log }) {
    writeFile(FILE, TEXT);
    await open(FILE);
    await runCommand(page, 'Autograd: Train Model');
    await waitForRun(page, { name: FILE, status: 'running' });
    await waitUntil(async () => ((await readHeader(page)).steps ?? 0) > 5, { timeout: 30000, message: 'a few steps' });

    const header = panel(page).locator('header.run-header');
    await header.locator('button.debug-pause').click();
    const paused = await waitForRun(page, { name: FILE, status: 'paused', timeout: 10000 });
    check('header says Paused at step N', /^Paused at step \d+$/.test(paused.statusText), paused.statusText);
    await page.waitForTimeout(1000);
    const held = await readHeader(page);
    check('the step count holds while paused', held.steps === paused.steps, `${paused.steps} → ${held.steps}`);
    check('Continue and Step shown while paused', (await header.locator('button.debug-continue').isVisible()) && (await header.locator('button.debug-step').isVisible()));

    await showSection(page, 'console');
    const grad = await evaluate(page, 'w.grad', />>> w\.grad\ntensor\(\[.*\]\)/);
    check('console prints w.grad as PyTorch does', true, grad.split('\n').slice(-1)[0]);
    await evaluate(page, 'loss.item()', />>> loss\.item\(\)\n\d+\.\d+/);
    await evaluate(page, 'i', new RegExp(`>>> i\\n${paused.steps - 1}\\b`));
    check('console evaluates in the paused frame (i is the loop index)', true);
    const marked = await page.locator('.part.editor .monaco-editor .view-overlays > div > div[class*="ced-"]').count();
    log(`editor decorations on screen: ${marked}`);
    await shot('1-paused-with-console');

    await header.locator('button.debug-step').click();
    const stepped = await waitUntil(async () => {
      const h = await readHeader(page);
      return h.status === 'paused' && h.steps === paused.steps + 1 ? h : null;
    }, { timeout: 10000, message: 'one more step, paused again' });
    check('Step runs exactly one iteration', stepped.steps === paused.steps + 1, stepped.statusText);
    await shot('2-stepped');

    await header.locator('button.debug-continue').click();
    const done = await waitForRun(page, { name: FILE, status: 'finished', timeout: 60000 });
    check('Continue runs to the end', done.steps === 300, `${done.steps} steps`);
    await shot('3-finished');
  },
};
