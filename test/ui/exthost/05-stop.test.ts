/** Stop Training ends a run that would never end on its own, within a second of the command. */
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { api, log, openPython, waitFor, writeScript } from './helpers';

const STOP_BUDGET_MS = 1000;

async function startAndStop(name: string, source: string, { viaActiveEditor }: { viaActiveEditor: boolean }): Promise<void> {
  const a = await api();
  const uri = await writeScript(name, source);
  await openPython(uri);
  await vscode.commands.executeCommand('autogradPlayground.train', uri);
  // Stop only once the script is inside its loop (not while Python is still loading, a different path).
  await waitFor('the script to enter its loop', () => a.lastRun(uri)?.stdout.includes('looping'), 60000);
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(a.lastRun(uri)?.status, 'running');

  const t0 = Date.now();
  if (viaActiveEditor) await vscode.commands.executeCommand('autogradPlayground.stop');
  else await vscode.commands.executeCommand('autogradPlayground.stop', uri);
  const run = await a.whenDone(uri);
  const tookMs = Date.now() - t0;
  assert.ok(run);
  log(`      ${name}: ended ${tookMs} ms after the stop command (status ${run.status}, ${run.steps} backward() steps)`);
  assert.equal(run.status, 'stopped');
  assert.ok(run.endedAt !== null && run.endedAt - t0 < STOP_BUDGET_MS, `the run ended ${run.endedAt! - t0} ms after Stop`);
  assert.ok(tookMs < STOP_BUDGET_MS, `stopping took ${tookMs} ms`);
  // A stopped run is not an error in the editor.
  assert.deepEqual(vscode.languages.getDiagnostics(uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error), []);
}

suite('Stop Training', () => {
  test('ends `while True: pass` within a second', async () => {
    await startAndStop('endless_pass.py', ['print("looping")', 'while True:', '    pass', ''].join('\n'), { viaActiveEditor: false });
  });

  test('ends an endless loop of tensor operations and backward() within a second (Stop on the active editor)', async () => {
    await startAndStop(
      'endless_tensor_ops.py',
      [
        'import torch',
        'w = torch.randn(3, requires_grad=True)',
        'x = torch.randn(64, 3)',
        'print("looping")',
        'while True:',
        '    loss = ((x @ w) ** 2).mean()',
        '    loss.backward()',
        '    with torch.no_grad():',
        '        w -= 0.01 * w.grad',
        '        w.grad.zero_()',
        '',
      ].join('\n'),
      { viaActiveEditor: true },
    );
  });
});
