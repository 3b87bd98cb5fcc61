/**
 * The python backend in the real VS Code: with `autogradPlayground.backend` set to python and
 * `autogradPlayground.pythonPath` naming Debian's /usr/bin/python3 (PyTorch 1.13 in CI), Train Model runs an
 * example on real PyTorch and the run's record (what the panel, hovers and status bar read) holds PyTorch's own
 * node names, the leaf names and the header's PyTorch version and device; Find Where NaN First Appears runs it
 * there too. A Python without torch gets the
 * message with its path and the install command, and no run starts. Skipped, saying so, where that Python has
 * no torch (no Python extension runs in the test instance, so the setting decides).
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { api, log, openPython, trainAndWait, workspaceUri, writeScript } from './helpers';

const TORCH_PYTHON = process.env.AUTOGRAD_PLAYGROUND_TEST_PYTHON || '/usr/bin/python3';

function hasTorch(python: string): boolean {
  try {
    execFileSync(python, ['-c', 'import importlib.util, sys; sys.exit(importlib.util.find_spec("torch") is None)'], { timeout: 30000, stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function setSetting(key: 'backend' | 'pythonPath', value: string | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('autogradPlayground').update(key, value, vscode.ConfigurationTarget.Global);
}

suite('the python backend (real PyTorch)', () => {
  suiteTeardown(async () => {
    await setSetting('backend', undefined);
    await setSetting('pythonPath', undefined);
  });

  test('Train Model with backend=python trains an example on real PyTorch: its node names, leaves and version reach the record', async function () {
    this.timeout(180000);
    if (!hasTorch(TORCH_PYTHON)) {
      log(`      skipped: ${TORCH_PYTHON} has no torch (set AUTOGRAD_PLAYGROUND_TEST_PYTHON to a Python with PyTorch)`);
      this.skip();
    }
    await setSetting('backend', 'python');
    await setSetting('pythonPath', TORCH_PYTHON);
    const uri = workspaceUri('examples', '07_house_prices.py');
    const before = fs.readFileSync(uri.fsPath, 'utf8');
    await openPython(uri);
    const t0 = Date.now();
    const run = await trainAndWait(uri);
    log(`      07_house_prices.py on ${TORCH_PYTHON}: ${run.status} in ${Date.now() - t0} ms, ${run.steps} steps, PyTorch ${run.torch?.version} on ${run.torch?.device}`);
    assert.equal(run.status, 'finished', run.stderr);
    assert.equal(run.backend, 'python');
    assert.equal(run.steps, 100);
    assert.match(run.stdout, /^Epoch \[100\/100\], Loss: \d+\.\d{4}$/m);
    assert.ok(run.torch, 'the probe named its PyTorch');
    assert.match(run.torch.version, /^\d+\.\d+/);
    assert.equal(run.torch.device, 'cpu');
    // PyTorch's own grad_fn names, and the leaves named as the script names them.
    assert.ok(run.graphOps.includes('MseLossBackward0'), run.graphOps.join(', '));
    assert.ok(run.graphOps.includes('AddmmBackward0'), run.graphOps.join(', '));
    assert.deepEqual([...run.graphLeaves].sort(), ['model.linear.bias', 'model.linear.weight']);
    assert.deepEqual([...run.graphInputs].sort(), ['X', 'y'], 'the inputs that feed the graph, as the playground names them');
    assert.equal(fs.readFileSync(uri.fsPath, 'utf8'), before, 'the example file is untouched');
    // The same problems as on the playground: none for a run that finished.
    assert.deepEqual(vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Autograd Playground'), []);

    // The NaN finder runs on the run's own backend: a python run of the probe's finder, which this example
    // (no NaN) finishes.
    const a = await api();
    await vscode.commands.executeCommand('autogradPlayground.findNonFinite', uri);
    const found = a.lastRun(uri);
    assert.notEqual(found?.runId, run.runId);
    assert.equal(found?.backend, 'python');
    assert.equal(found?.status, 'finished', found?.stderr);
  });

  test('a Python without torch: the message names it and the install command, and no run starts', async function () {
    this.timeout(60000);
    // A Python whose torch cannot be found, whatever this machine has: the extension's check (`-c CHECK`)
    // runs with a find_spec that finds nothing.
    const fake = workspaceUri('scratch', 'notorch.sh');
    fs.writeFileSync(fake.fsPath, '#!/bin/sh\nexec python3 -I -c "import sys, importlib.util; importlib.util.find_spec = lambda n, *a: None; exec(sys.argv[1])" "$2"\n');
    fs.chmodSync(fake.fsPath, 0o755);
    await setSetting('pythonPath', fake.fsPath);
    const uri = await writeScript('needs_torch.py', 'import torch\nprint(torch.ones(2))\n');
    await openPython(uri);
    const a = await api();
    const notices = a.notices().length;
    const record: unknown = await vscode.commands.executeCommand('autogradPlayground.trainWithPython', uri);
    assert.equal(record, undefined, 'no run was started');
    assert.equal(a.lastRun(uri), undefined, 'the document has no run');
    const shown = a.notices().slice(notices);
    assert.equal(shown.length, 1, JSON.stringify(shown));
    const exe = execFileSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).trim();
    assert.match(shown[0], /has no PyTorch/);
    assert.ok(shown[0].includes(`${exe} -m pip install torch`), shown[0]);
  });
});
