/**
 * The debugger in the real VS Code: Pause Training from the palette stops a training loop at its next
 * backward(), the step count stays put while paused, Step One Iteration runs exactly one more, the console
 * (through the panel's own message path) evaluates `w.grad` in the paused frame, Continue runs to the end.
 */
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { api, log, openPython, waitFor, writeScript } from './helpers';

const SCRIPT = [
  'import time',
  'import torch',
  'w = torch.tensor([1.0, -2.0], requires_grad=True)',
  'opt = torch.optim.SGD([w], lr=0.01)',
  'print("looping")',
  'for i in range(400):',
  '    opt.zero_grad()',
  '    loss = (w * w).sum()',
  '    loss.backward()',
  '    opt.step()',
  '    time.sleep(0.01)',
  'print("done", i)',
  '',
].join('\n');
const BACKWARD_LINE = 9;

suite('Debugger', () => {
  test('pauses from the palette, holds for 2 s, steps one iteration, evaluates w.grad, continues to the end', async function () {
    this.timeout(180000);
    const a = await api();
    const uri = await writeScript('debug_loop.py', SCRIPT);
    await openPython(uri);
    await vscode.commands.executeCommand('autogradPlayground.train', uri);
    await waitFor('the script to enter its loop', () => a.lastRun(uri)?.stdout.includes('looping'), 60000);
    await waitFor('a few steps', () => (a.lastRun(uri)?.steps ?? 0) >= 3, 30000);

    await vscode.commands.executeCommand('autogradPlayground.pause');
    const paused = await waitFor('the pause', () => a.lastRun(uri)?.paused, 10000);
    assert.equal(paused.at, 'backward');
    assert.equal(paused.line, BACKWARD_LINE);
    const at = a.lastRun(uri)!.steps;
    assert.equal(paused.step, at, 'paused right after the last reported backward()');
    log(`      paused at step ${at} (line ${paused.line})`);
    await new Promise((r) => setTimeout(r, 2000));
    assert.equal(a.lastRun(uri)!.steps, at, 'the step count stays put while paused');
    assert.equal(a.lastRun(uri)!.status, 'running');
    assert.ok(a.lastRun(uri)!.paused, 'still paused after 2 s');

    await vscode.commands.executeCommand('autogradPlayground.step');
    await waitFor('the next pause', () => a.lastRun(uri)?.paused?.step === at + 1, 10000);
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(a.lastRun(uri)!.steps, at + 1, 'Step One Iteration ran exactly one iteration');

    // The console, through the message the panel posts.
    a.panelMessage({ type: 'evaluate', code: 'w.grad' });
    const answer = await waitFor('the console answer', () => a.lastRun(uri)?.console[0], 10000);
    assert.equal(answer.code, 'w.grad');
    assert.equal(answer.error, false);
    assert.match(answer.output, /^tensor\(\[ ?-?\d\.\d{4}, -?\d\.\d{4}\]\)\n$/);
    log(`      >>> w.grad\n      ${answer.output.trim()}`);

    await vscode.commands.executeCommand('autogradPlayground.continue');
    const run = await a.whenDone(uri);
    assert.ok(run);
    assert.equal(run.status, 'finished');
    assert.equal(run.steps, 400);
    assert.equal(run.paused, null);
    assert.match(run.stdout, /done 399/);
  });
});
