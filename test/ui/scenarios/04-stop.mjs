// Scenario 4: endless loops are stopped from the UI. A training loop that never ends is stopped with the
// panel's Stop button; a pure-Python busy loop (no torch call to interrupt at) with the ■ button in the
// editor title. Each time the panel says Stopped within about a second, the step count stops growing,
// and the editor goes back to ▶ (title button and CodeLens).
import { editorTitleAction, focusEditor, openFile, runCommand, waitUntil } from '../lib/workbench.mjs';
import { panel, readHeader, showSection, waitForRun } from '../lib/panel.mjs';

const TRAIN_FOREVER = 'train_forever.py';
const TRAIN_FOREVER_TEXT = `import torch

w = torch.zeros(3, requires_grad=True)
target = torch.tensor([1.0, -2.0, 0.5])
step = 0
while True:
    loss = ((w - target) ** 2).sum()
    loss.backward()
    with torch.no_grad():
        w -= 0.001 * w.grad
        w.grad.zero_()
    step += 1
`;

const SPIN_FOREVER = 'spin_forever.py';
const SPIN_FOREVER_TEXT = `import torch

x = torch.ones(2, requires_grad=True)
(x * 3).sum().backward()
print("one backward, then a loop with no torch call in it")
n = 0
while True:
    n = (n + 1) % 1000003
`;

/** How long Stop may take to show "Stopped" (the issue asks for "within a second or so"). */
const STOP_LIMIT_MS = 2000;

function codeLensText(page) {
  return page.locator('.part.editor .editor-instance .monaco-editor .codelens-decoration').first().innerText();
}

async function stopAndMeasure(page, name, press) {
  const t0 = Date.now();
  await press();
  const h = await waitForRun(page, { name, status: 'stopped', timeout: 15000 });
  return { ms: Date.now() - t0, header: h };
}

export default {
  name: 'stop',
  title: 'Endless loops: Stop (panel button, editor title ■) ends the run within about a second',
  timeoutMs: 150000,
  async run({ page, open, writeFile, shot, check, log }) {
    writeFile(TRAIN_FOREVER, TRAIN_FOREVER_TEXT);
    writeFile(SPIN_FOREVER, SPIN_FOREVER_TEXT);

    await open(TRAIN_FOREVER);
    await runCommand(page, 'Autograd: Train Model');
    // Running, and training: the step count grows.
    const h1 = await waitForRun(page, { name: TRAIN_FOREVER, status: 'running' });
    const running = await waitUntil(async () => {
      const h = await readHeader(page);
      return h.status === 'running' && h.steps > h1.steps + 5 ? h : null;
    }, { timeout: 30000, message: 'the step count to grow' });
    check('panel shows the endless loop running, steps growing', true, `${h1.steps} → ${running.steps}`);
    check('editor title shows ■ Stop Training while it runs', await editorTitleAction(page, 'Stop Training').isVisible());
    const lens = await waitUntil(async () => ((await codeLensText(page)).includes('Stop') ? codeLensText(page) : null), { timeout: 5000, message: 'the ■ Stop CodeLens' });
    check('CodeLens offers ■ Stop while it runs', lens.includes('■ Stop'), lens.replace(/\s+/g, ' '));
    await shot('1-training-forever');

    const stopButton = panel(page).locator('header.run-header button', { hasText: 'Stop' });
    check('panel Stop button enabled while running', await stopButton.isEnabled());
    const s1 = await stopAndMeasure(page, TRAIN_FOREVER, () => stopButton.click());
    log(`panel Stop → Stopped in ${s1.ms} ms at step ${s1.header.steps}`);
    check(`panel Stop: state Stopped within ${STOP_LIMIT_MS} ms`, s1.ms <= STOP_LIMIT_MS, `${s1.ms} ms`);
    check('header says Stopped', s1.header.statusText === 'Stopped', s1.header.statusText);
    check('panel Stop button disabled once stopped', await stopButton.isDisabled());
    await shot('2-stopped-from-panel');
    // No more steps arrive after the stop.
    const after = await readHeader(page);
    await page.waitForTimeout(700); // a steady state cannot be waited for: compare the count over an interval
    const later = await readHeader(page);
    check('no steps after the stop', later.steps === after.steps && later.status === 'stopped', `${after.steps} → ${later.steps}`);
    // The click on the panel made its group active; VS Code shows editor title actions on the active group only.
    await focusEditor(page);
    await editorTitleAction(page, 'Train Model').waitFor({ timeout: 5000 });
    check('editor title is back to ▶ Train Model', true);
    const lens2 = await waitUntil(async () => ((await codeLensText(page)).includes('Train Model') ? codeLensText(page) : null), { timeout: 5000, message: 'the ▶ Train Model CodeLens' });
    check('CodeLens is back to ▶ Train Model', lens2.includes('▶ Train Model'), lens2.replace(/\s+/g, ' '));

    // A busy loop in plain Python, stopped from the editor title. The console shows its print: its tab is chosen
    // first; the click makes the panel's group active, so the editor is focused again for the script to open in it.
    await showSection(page, 'console');
    await focusEditor(page);
    await openFile(page, SPIN_FOREVER);
    await runCommand(page, 'Autograd: Train Model');
    await waitForRun(page, { name: SPIN_FOREVER, status: 'running', steps: 1 });
    const stopAction = editorTitleAction(page, 'Stop Training');
    await stopAction.waitFor({ timeout: 10000 });
    // Let it spin a little, so the loop (not the start-up) is what gets interrupted.
    await waitUntil(async () => {
      const text = await panel(page).locator('details.card-console').innerText();
      return text.includes('one backward, then a loop');
    }, { timeout: 15000, message: 'the script\'s print in the panel console' });
    await shot('3-spinning');
    const s2 = await stopAndMeasure(page, SPIN_FOREVER, () => stopAction.click());
    log(`editor title ■ → Stopped in ${s2.ms} ms`);
    check(`editor title ■: state Stopped within ${STOP_LIMIT_MS} ms`, s2.ms <= STOP_LIMIT_MS, `${s2.ms} ms`);
    await editorTitleAction(page, 'Train Model').waitFor({ timeout: 5000 });
    check('editor title is back to ▶ Train Model', true);
    const statusBar = await page.locator('.part.statusbar').innerText();
    check('status bar reports the stop', /stopped/i.test(statusBar), statusBar.split('\n').find((l) => l.includes(SPIN_FOREVER)));
    await shot('4-stopped-from-title');
  },
};
