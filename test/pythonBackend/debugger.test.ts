/**
 * The debugger on real PyTorch through the probe: the cases the playground runtime passes
 * (test/debugger/cases.ts), each script run from a scratch folder and named /work/train.py as the playground
 * names it. Skipped, saying so, without a Python that has torch.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NO_PAUSE_CONDITIONS, type RunEvent } from '../../src/protocol/events';
import { startPythonRun } from '../../src/runtime/python/pythonRun';
import { SCRIPT_NAME, debuggerSuites, type DebugStarter } from '../debugger/cases';
import { NO_TORCH, scratch, torchPython } from './helpers';

describe('the debugger on the real-Python backend', function () {
  this.timeout(120000);
  let python: string | null = null;
  const dirs: string[] = [];

  before(async function () {
    python = await torchPython();
    if (!python) {
      console.log(`      ${NO_TORCH}`);
      this.skip();
    }
  });

  after(() => {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  const start: DebugStarter = (source, pauseConditions, onEvent) => {
    const dir = scratch({ 'train.py': source });
    dirs.push(dir);
    return startPythonRun({ python: python!, file: path.join(dir, 'train.py'), name: SCRIPT_NAME, cwd: dir, pauseConditions, onEvent });
  };
  // A stop is SIGINT: the paused probe wakes within its wait's slice and unwinds.
  debuggerSuites('python', () => start, 1500);

  it('sends the paused step whole when its backward event went without its graph (the panel\'s interval)', async () => {
    const source = ['import torch', 'w = torch.tensor([1.0, -2.0], requires_grad=True)', 'for i in range(6):',
      '    loss = (w * w).sum()', '    loss.backward()', '    with torch.no_grad():', '        w -= 0.1 * w.grad', '        w.grad.zero_()', ''].join('\n');
    const dir = scratch({ 'train.py': source });
    dirs.push(dir);
    const events: RunEvent[] = [];
    const handle = startPythonRun({
      python: python!, file: path.join(dir, 'train.py'), name: SCRIPT_NAME, cwd: dir, graphIntervalMs: 60000,
      pauseConditions: { ...NO_PAUSE_CONDITIONS, atStep: 4 },
      onEvent: (e) => {
        events.push(e);
        if (e.type === 'paused') handle.control?.resume();
      },
    });
    assert.equal((await handle.done).status, 'ok');
    const types = events.map((e) => (e.type === 'backward' ? `backward${e.step}${e.graph.nodes.length ? '+graph' : ''}` : e.type));
    const at = types.indexOf('paused');
    assert.deepEqual(types.slice(at - 3, at + 2), ['backward4', 'graph', 'variables', 'paused', 'resumed']);
    const graph = events[at - 2];
    assert.ok(graph.type === 'graph' && graph.step === 4 && graph.graph.nodes.length > 0);
  });
});
