/**
 * `autograd-playground run --python [PATH] FILE.py` through the built bin/dist files: an interpreter without
 * PyTorch gets its path and the install command and nothing else happens; with PyTorch the script runs with
 * its arguments, output and exit code as Python's, and the events file holds the probe's stream.
 */
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeEvent } from '../../src/protocol/events';
import { repoRoot } from '../paths';
import { NO_TORCH, scratch, torchPython } from './helpers';

function runCli(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(repoRoot, 'bin', 'autograd-playground.js'), ...args], { cwd }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

describe('cli --python', function () {
  this.timeout(120000);
  let dir = '';
  before(() => {
    dir = scratch({
      'train.py': [
        'import sys, torch',
        'print("args", sys.argv[1:])',
        'w = torch.ones(2, requires_grad=True)',
        '(w * 3).sum().backward()',
        'print(w.grad)',
        'sys.exit(4)',
        '',
      ].join('\n'),
      // A Python without torch, whatever this machine has: the check (`-c CHECK`) runs with a find_spec that
      // finds nothing.
      'notorch.sh': '#!/bin/sh\nexec python3 -I -c "import sys, importlib.util; importlib.util.find_spec = lambda n, *a: None; exec(sys.argv[1])" "$2"\n',
    });
    fs.chmodSync(path.join(dir, 'notorch.sh'), 0o755);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('says which interpreter lacks PyTorch and how to install it, and runs nothing', async () => {
    const events = path.join(dir, 'none.jsonl');
    const r = await runCli(['run', '--python', path.join(dir, 'notorch.sh'), 'train.py', '--events', events], dir);
    assert.equal(r.code, 3);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /has no PyTorch \(no module named 'torch'\)\. Install it with:\n {2}\S*python3\S* -m pip install torch\n$/);
    assert.ok(!fs.existsSync(events), 'no events file');
  });

  it('names an interpreter that is not there', async () => {
    const r = await runCli(['run', '--python', path.join(dir, 'no-such-python'), 'train.py'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /the Python interpreter '.*no-such-python' was not found/);
  });

  it("runs the script with its arguments, Python's output and exit code, and writes the events", async function () {
    const python = await torchPython();
    if (!python) {
      console.log(`      (${NO_TORCH})`);
      this.skip();
    }
    const events = path.join(dir, 'run.jsonl');
    const r = await runCli(['run', '--python', python!, 'train.py', '--events', events, '--', '--epochs', '3'], dir);
    assert.equal(r.stdout, "args ['--epochs', '3']\ntensor([3., 3.])\n");
    assert.equal(r.code, 4);
    const stream = fs.readFileSync(events, 'utf8').trim().split('\n').map(decodeEvent);
    assert.deepEqual(
      stream.filter((e) => e.type !== 'stdout').map((e) => e.type),
      ['start', 'torch', 'torch', 'backward', 'variables', 'end'],
    );
    const end = stream[stream.length - 1];
    assert.ok(end.type === 'end' && end.status === 'error' && end.steps === 1);
  });

  it('stops at the first NaN or inf with --nan-finder, events file or not, and runs on without it', async function () {
    const python = await torchPython();
    if (!python) {
      console.log(`      (${NO_TORCH})`);
      this.skip();
    }
    fs.writeFileSync(path.join(dir, 'nan.py'), "import torch\nx = torch.tensor([1.0, 0.0], requires_grad=True)\ny = x.log()\nz = y * 2\nprint('survived', z.tolist())\n");
    const message = 'non-finite values detected: LogBackward0 (log) returned inf values.';
    const events = path.join(dir, 'nan.jsonl');
    const found = await runCli(['run', '--python', python!, 'nan.py', '--nan-finder', '--events', events], dir);
    assert.equal(found.code, 1);
    assert.equal(found.stdout, '');
    assert.match(found.stderr, /line 3, in <module>\n {4}y = x\.log\(\)\n[\s\S]*RuntimeError: non-finite values detected: LogBackward0 \(log\) returned inf values\./);
    const stream = fs.readFileSync(events, 'utf8').trim().split('\n').map(decodeEvent);
    const error = stream.find((e) => e.type === 'error');
    assert.ok(error && error.type === 'error' && error.line === 3 && error.message.startsWith(message), JSON.stringify(error));
    // Without an events file nothing is reported, and the finder still stops the script.
    const quiet = await runCli(['run', '--python', python!, 'nan.py', '--nan-finder'], dir);
    assert.equal(quiet.code, 1);
    assert.ok(quiet.stderr.includes(message), quiet.stderr);
    const plain = await runCli(['run', '--python', python!, 'nan.py'], dir);
    assert.equal(plain.code, 0);
    assert.equal(plain.stdout, 'survived [0.0, -inf]\n');
  });
});
