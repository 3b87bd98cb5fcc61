/**
 * The debugger on real PyTorch through the probe: the cases the playground runtime passes
 * (test/debugger/cases.ts), each script run from a scratch folder and named /work/train.py as the playground
 * names it. Skipped, saying so, without a Python that has torch.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
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
});
