/**
 * A run whose loss goes to inf/NaN gets a warning on its backward() line; its quick fix re-runs the script
 * with per-op checks and puts the cursor on the line of the first operation that produced a non-finite value.
 */
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { api, openPython, trainAndWait, waitFor, writeScript } from './helpers';

const SCRIPT = [
  'import torch',
  'x = torch.tensor([[1.0], [2.0], [3.0]])',
  'y = torch.tensor([[2.0], [4.0], [6.0]])',
  'w = torch.zeros(1, 1, requires_grad=True)',
  'for step in range(300):',
  '    loss = ((x @ w - y) ** 2).mean()',
  '    loss.backward()',
  '    with torch.no_grad():',
  '        w -= 10.0 * w.grad',
  '        w.grad.zero_()',
  'print(loss.item())',
  '',
].join('\n');

suite('finding where NaN first appears', () => {
  test('a diverging run: a warning on backward() whose quick fix stops at the first non-finite op', async () => {
    const uri = await writeScript('diverges.py', SCRIPT);
    await openPython(uri);
    const run = await trainAndWait(uri);
    assert.equal(run.status, 'finished', 'PyTorch runs on with NaN, and so does the playground');
    assert.equal(run.stdout, 'nan\n');

    const warnings = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Autograd Playground');
    assert.equal(warnings.length, 1, JSON.stringify(warnings));
    const [warning] = warnings;
    assert.equal(warning.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(warning.range.start.line, 6, 'on the loss.backward() line');
    assert.match(warning.message, /^Training diverged at step \d+: the loss became (inf|nan)/);

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, warning.range);
    const fix = actions.find((a) => a.title === 'Find where NaN first appears');
    assert.ok(fix?.command, `no quick fix among ${JSON.stringify(actions.map((a) => a.title))}`);

    const before = (await api()).lastRun(uri)?.runId;
    await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
    const checked = await (await api()).whenDone(uri);
    assert.ok(checked && checked.runId !== before, 'the quick fix started a new run');
    assert.equal(checked.status, 'failed');
    assert.equal(checked.error?.errorType, 'RuntimeError');
    assert.match(checked.error?.message ?? '', /^non-finite values detected: /);
    // (x @ w - y) ** 2 overflows float32 before anything else does.
    assert.match(checked.error?.message ?? '', /PowBackward0 \(pow\) returned inf values/);
    const line = checked.error?.line;
    assert.equal(line, 6);
    const editor = await waitFor('the editor to reveal the line', () => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.uri.toString() === uri.toString() && e.selection.active.line === 5 ? e : undefined;
    });
    assert.equal(editor.selection.active.line, 5);
    const error = vscode.languages.getDiagnostics(uri).find((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.ok(error, 'the non-finite op gets an error diagnostic');
    assert.equal(error.range.start.line, 5);
    assert.match(error.message, /^NaN or inf first appears here: non-finite values detected: PowBackward0/);
  });
});
