// Scenario 3: a script with a syntax error, then one that fails while running: each error is shown on its
// line (the editor's error squiggle, the Problems panel's entry with the message and line) and in the
// panel's header.
import { openFile, problems, runCommand, squiggleLines, waitUntil } from '../lib/workbench.mjs';
import { waitForRun } from '../lib/panel.mjs';

const SYNTAX = 'broken_syntax.py';
const SYNTAX_LINE = 6;
const SYNTAX_TEXT = `import torch

w = torch.tensor([1.0, 2.0], requires_grad=True)
loss = (w * w).sum()

if loss > 1
    loss.backward()
print(w.grad)
`;

const RUNTIME = 'broken_shapes.py';
const RUNTIME_LINE = 7;
const RUNTIME_TEXT = `import torch
# X has 3 columns but w has 2 rows: X @ w fails.

X = torch.ones(4, 3)
w = torch.zeros(2, 1, requires_grad=True)
print("about to multiply")
y = X @ w
loss = y.sum()
loss.backward()
`;

const DIVERGING = 'diverging_lr.py';
const DIVERGING_TEXT = `import torch
# A learning rate far too large: the loss grows until it is inf, then NaN.

w = torch.tensor([1.0], requires_grad=True)
for step in range(40):
    loss = (w ** 4).sum()
    loss.backward()
    with torch.no_grad():
        w -= 10.0 * w.grad
        w.grad.zero_()
print("done")
`;

export default {
  name: 'errors',
  title: 'A syntax error, a runtime error and a diverged run: squiggle on the line, Problems entry, panel header',
  timeoutMs: 150000,
  async run({ page, open, writeFile, shot, check, log }) {
    writeFile(SYNTAX, SYNTAX_TEXT);
    writeFile(RUNTIME, RUNTIME_TEXT);

    await open(SYNTAX);
    await runCommand(page, 'Autograd: Train Model');
    const h = await waitForRun(page, { name: SYNTAX, status: 'failed' });
    log(`panel header error: ${h.error}`);
    check(`panel header names the SyntaxError and line ${SYNTAX_LINE}`, /^SyntaxError: /.test(h.error ?? '') && h.error.includes(`line ${SYNTAX_LINE}`), h.error);
    const lines = await waitUntil(async () => {
      const l = await squiggleLines(page);
      return l.length ? l : null;
    }, { timeout: 15000, message: 'an error squiggle in the editor' });
    check(`error squiggle on line ${SYNTAX_LINE} only`, lines.length === 1 && lines[0] === SYNTAX_LINE, `squiggles on lines ${lines.join(', ')}`);
    await shot('1-syntax-squiggle');
    const rows = await problems(page, { expect: (r) => r.includes('SyntaxError') });
    log(`Problems: ${JSON.stringify(rows)}`);
    const row = rows.find((r) => r.includes('SyntaxError'));
    check('Problems panel lists the SyntaxError with its message', /SyntaxError: .*expected ':'/.test(row), row);
    check(`Problems entry is on line ${SYNTAX_LINE}`, new RegExp(`Ln ${SYNTAX_LINE}\\b|line ${SYNTAX_LINE}\\b`, 'i').test(row), row);
    await shot('2-syntax-problems');

    await openFile(page, RUNTIME);
    await runCommand(page, 'Autograd: Train Model');
    const h2 = await waitForRun(page, { name: RUNTIME, status: 'failed' });
    log(`panel header error: ${h2.error}`);
    check(`panel header names the RuntimeError and line ${RUNTIME_LINE}`, /^RuntimeError: /.test(h2.error ?? '') && h2.error.includes(`line ${RUNTIME_LINE}`), h2.error);
    const lines2 = await waitUntil(async () => {
      const l = await squiggleLines(page);
      return l.length ? l : null;
    }, { timeout: 15000, message: 'an error squiggle in the editor' });
    check(`error squiggle on line ${RUNTIME_LINE} only`, lines2.length === 1 && lines2[0] === RUNTIME_LINE, `squiggles on lines ${lines2.join(', ')}`);
    const rows2 = await problems(page, { expect: (r) => r.includes('RuntimeError') });
    const row2 = rows2.find((r) => r.includes('RuntimeError'));
    check('Problems panel lists the RuntimeError (shapes cannot be multiplied)', /mat1 and mat2 shapes cannot be multiplied \(4x3 and 2x1\)/.test(row2), row2);
    check(`Problems entry is on line ${RUNTIME_LINE}`, new RegExp(`Ln ${RUNTIME_LINE}\\b|line ${RUNTIME_LINE}\\b`, 'i').test(row2), row2);
    check('the syntax error is still listed for its own file', rows2.some((r) => r.includes('SyntaxError')), JSON.stringify(rows2));
    await shot('3-runtime-problems');

    writeFile(DIVERGING, DIVERGING_TEXT);
    await open(DIVERGING);
    await runCommand(page, 'Autograd: Train Model');
    const h3 = await waitForRun(page, { name: DIVERGING, status: 'diverged' });
    log(`panel header of a diverged run: ${h3.statusText}`);
    check('a run whose loss stopped being finite reads "Diverged at step N", not Finished', /^Diverged at step \d+$/.test(h3.statusText), h3.statusText);
    await shot('4-diverged');
  },
};
