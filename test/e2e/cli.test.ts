// The command line end to end: the built bin/dist files run in a child process (`npm test` builds first).
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { decodeEvent } from '../../src/protocol/events';
import { repoRoot } from '../paths';

const root = repoRoot;

describe('cli', () => {
  /** `signal`: sent once the script has printed something (so that it is running, past Pyodide's start). */
  function runCli(args: string[], cwd: string, signal?: NodeJS.Signals): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
      // The command line's cache (Pyodide's memory snapshot) in this suite's folder rather than the user's.
      const env = { ...process.env, XDG_CACHE_HOME: path.join(dir, '.cache') };
      const child = spawn(process.execPath, [path.join(root, 'bin', 'autograd-playground.js'), ...args], { cwd, env });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => {
        if (signal && stdout === '') child.kill(signal);
        stdout += d.toString();
      });
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
  }

  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agp-cli-'));
  });
  after(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('runs a script, prints its output and writes JSONL events', async () => {
    fs.writeFileSync(path.join(dir, 'train.py'), "print('hello', end='')\nprint(' world')\nx = [1]\nx[5]\n");
    const r = await runCli(['run', 'train.py', '--events', 'events.jsonl'], dir);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, 'hello world\n');
    assert.match(r.stderr, /^Traceback \(most recent call last\):\n {2}File "train\.py", line 4, in <module>\n[\s\S]*IndexError: list index out of range\n$/);
    const events = fs.readFileSync(path.join(dir, 'events.jsonl'), 'utf8').trimEnd().split('\n').map(decodeEvent);
    assert.deepEqual(events.map((e) => e.type), ['start', 'stdout', 'stderr', 'error', 'variables', 'end']);
    const start = events[0];
    assert.ok(start.type === 'start' && start.file === 'train.py' && start.version === 1);
    const end = events[events.length - 1];
    assert.ok(end.type === 'end' && end.status === 'error');
  });

  it('writes a whole graph at most every 100 ms into the events file, or at every step with --graph-every-step', async () => {
    const loop = 'import torch\nw = torch.ones(3, requires_grad=True)\nfor i in range(300):\n    (w * w).sum().backward()\n';
    fs.writeFileSync(path.join(dir, 'loop.py'), loop);
    const graphs = (file: string): { steps: number; withGraph: number; lastHasGraph: boolean } => {
      const events = fs.readFileSync(path.join(dir, file), 'utf8').trimEnd().split('\n').map(decodeEvent);
      const backward = events.filter((e) => e.type === 'backward');
      const full = backward.filter((e) => e.type === 'backward' && e.graph.nodes.length > 0);
      const lastStep = backward.length;
      const last = events.filter((e) => (e.type === 'backward' && e.graph.nodes.length > 0) || e.type === 'graph').pop();
      return { steps: lastStep, withGraph: full.length, lastHasGraph: last !== undefined && 'step' in last && last.step === lastStep };
    };
    assert.equal((await runCli(['run', 'loop.py', '--events', 'throttled.jsonl'], dir)).code, 0);
    const throttled = graphs('throttled.jsonl');
    assert.equal(throttled.steps, 300);
    assert.ok(throttled.withGraph < 300, `${throttled.withGraph} of 300 steps carried a whole graph`);
    assert.ok(throttled.lastHasGraph, 'the last step’s graph is in the stream');
    assert.equal((await runCli(['run', 'loop.py', '--events', 'every.jsonl', '--graph-every-step'], dir)).code, 0);
    assert.equal(graphs('every.jsonl').withGraph, 300);
    const bad = await runCli(['run', 'loop.py', '--graph-every-step'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--graph-every-step needs --events/);
  });

  it('stops at the first NaN or inf with --nan-finder, events file or not, and runs on without it', async () => {
    const script = "import torch\nx = torch.tensor([1.0, 0.0], requires_grad=True)\ny = x.log()\nz = y * 2\nprint('survived', z.tolist())\n";
    fs.writeFileSync(path.join(dir, 'nan.py'), script);
    const message = 'non-finite values detected: LogBackward0 (log) returned inf values.';
    const found = await runCli(['run', 'nan.py', '--nan-finder', '--events', 'nan.jsonl'], dir);
    assert.equal(found.code, 1);
    assert.equal(found.stdout, '');
    assert.match(found.stderr, /File "nan\.py", line 3, in <module>\n[\s\S]*RuntimeError: non-finite values detected: LogBackward0 \(log\) returned inf values\./);
    const events = fs.readFileSync(path.join(dir, 'nan.jsonl'), 'utf8').trimEnd().split('\n').map(decodeEvent);
    const error = events.find((e) => e.type === 'error');
    assert.ok(error && error.type === 'error' && error.line === 3 && error.message.startsWith(message), JSON.stringify(error));
    const quiet = await runCli(['run', 'nan.py', '--nan-finder'], dir);
    assert.equal(quiet.code, 1);
    assert.ok(quiet.stderr.includes(message));
    const plain = await runCli(['run', 'nan.py'], dir);
    assert.equal(plain.code, 0);
    assert.equal(plain.stdout, 'survived [0.0, -inf]\n');
    const help = await runCli(['--help'], dir);
    assert.match(help.stdout, /--nan-finder {10,}stop at the first operation whose result holds NaN or/);
  });

  it('reads the files under the folder it is run from, runs in the script\'s folder, and writes nothing', async () => {
    const project = path.join(dir, 'project');
    fs.mkdirSync(path.join(project, 'scripts'), { recursive: true });
    fs.writeFileSync(path.join(project, 'scripts', 'data.csv'), '1,2\n3,4\n');
    fs.writeFileSync(path.join(project, 'labels.txt'), 'cat\n');
    fs.writeFileSync(
      path.join(project, 'scripts', 'fit.py'),
      "import numpy as np, torch\nx = torch.tensor(np.loadtxt('data.csv', delimiter=','))\nprint(x.sum().item(), open('../labels.txt').read().strip())\ntorch.save({'x': x}, 'x.pt')\nprint(torch.load('x.pt')['x'].shape)\n",
    );
    const before = fs.readdirSync(project, { recursive: true }).sort();
    const r = await runCli(['run', path.join('scripts', 'fit.py')], project);
    assert.deepEqual([r.code, r.stdout], [0, '10.0 cat\ntorch.Size([2, 2])\n'], r.stderr);
    assert.equal(r.stderr, "autograd-playground: x.pt was kept in memory, not written to disk (a script's changes to files never reach the disk)\n");
    assert.deepEqual(fs.readdirSync(project, { recursive: true }).sort(), before);
  });

  it('exits 0 on success and 2 for a missing file', async () => {
    fs.writeFileSync(path.join(dir, 'ok.py'), "print('fine')\n");
    const ok = await runCli(['run', 'ok.py'], dir);
    assert.deepEqual([ok.code, ok.stdout, ok.stderr], [0, 'fine\n', '']);
    const missing = await runCli(['run', 'nope.py'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /can't open file 'nope\.py': No such file or directory/);
    const help = await runCli(['--help'], dir);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: autograd-playground run FILE\.py/);
  });

  it("keeps Pyodide's memory snapshot in $XDG_CACHE_HOME/autograd-playground and starts from it", async () => {
    const cache = path.join(dir, '.cache', 'autograd-playground');
    fs.writeFileSync(path.join(dir, 'snap.py'), "import random\nprint(random.random() < 1)\n");
    for (let i = 0; i < 2; i++) {
      const r = await runCli(['run', 'snap.py'], dir);
      assert.deepEqual([r.code, r.stdout, r.stderr], [0, 'True\n', '']);
    }
    const files = fs.readdirSync(cache);
    assert.equal(files.length, 1, files.join(', '));
    assert.match(files[0], /^pyodide-snapshot-.*\.bin$/);
  });

  it("exits with Python's exit codes: sys.exit's, 1 for a printed one, 130 for KeyboardInterrupt", async () => {
    const cases: [string, string][] = [
      ['exit3.py', "import sys\nprint('before')\nsys.exit(3)\nprint('unreached')\n"],
      ['exit0.py', 'import sys\nsys.exit(0)\n'],
      ['exitbye.py', "import sys\nsys.exit('bye')\n"],
      ['interrupt.py', 'raise KeyboardInterrupt\n'],
    ];
    for (const [name, source] of cases) fs.writeFileSync(path.join(dir, name), source);
    // In parallel: each case starts its own Pyodide.
    const [three, zero, bye, interrupt] = await Promise.all(
      cases.map(([name]) => runCli(['run', name, '--events', `${name}.jsonl`], dir)),
    );
    const endOf = (name: string): unknown => {
      const events = fs.readFileSync(path.join(dir, `${name}.jsonl`), 'utf8').trimEnd().split('\n').map(decodeEvent);
      const end = events[events.length - 1];
      assert.equal(events.filter((e) => e.type === 'error').length, name === 'interrupt.py' ? 1 : 0, name);
      return end.type === 'end' ? end.status : end.type;
    };
    assert.deepEqual([three.code, three.stdout, three.stderr, endOf('exit3.py')], [3, 'before\n', '', 'error']);
    assert.deepEqual([zero.code, zero.stderr, endOf('exit0.py')], [0, '', 'ok']);
    assert.deepEqual([bye.code, bye.stderr, endOf('exitbye.py')], [1, 'bye\n', 'error']);
    assert.equal(interrupt.code, 130);
    assert.match(interrupt.stderr, /^Traceback \(most recent call last\):\n[\s\S]*\nKeyboardInterrupt\n$/);
    assert.equal(endOf('interrupt.py'), 'error');
  });

  it('ends the run and writes its end event on SIGTERM (143) and Ctrl-C (130)', async () => {
    fs.writeFileSync(path.join(dir, 'loop.py'), "print('looping', flush=True)\nwhile True:\n    pass\n");
    const [term, int] = await Promise.all([
      runCli(['run', 'loop.py', '--events', 'term.jsonl'], dir, 'SIGTERM'),
      runCli(['run', 'loop.py', '--events', 'int.jsonl'], dir, 'SIGINT'),
    ]);
    assert.deepEqual([term.code, term.stdout, int.code, int.stdout], [143, 'looping\n', 130, 'looping\n']);
    for (const file of ['term.jsonl', 'int.jsonl']) {
      const last = decodeEvent(fs.readFileSync(path.join(dir, file), 'utf8').trimEnd().split('\n').pop() ?? '');
      assert.ok(last.type === 'end' && last.status === 'stopped', `${file}: ${JSON.stringify(last)}`);
    }
  });
});
