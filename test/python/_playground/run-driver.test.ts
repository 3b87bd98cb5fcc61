// Runtime plumbing end to end: the worker used here is the built dist/worker.js (`npm test` builds first),
// and the CLI test runs the built bin/dist files in a child process.
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { decodeEvent, encodeEvent, type BackwardEvent, type ErrorEvent, type RunEvent } from '../../../src/protocol/events';
import { openSession, startRun, type PythonSession, type RunResult } from '../../../src/runtime/host/runner';
import { repoRoot } from '../../paths';

const root = repoRoot;

function ofType<T extends RunEvent['type']>(events: RunEvent[], type: T): Array<Extract<RunEvent, { type: T }>> {
  return events.filter((e): e is Extract<RunEvent, { type: T }> => e.type === type);
}

function assertFramed(r: RunResult): void {
  assert.equal(r.events[0].type, 'start');
  assert.equal(r.events[r.events.length - 1].type, 'end');
}

describe('events JSON', () => {
  it('round-trips non-finite numbers only in numeric fields', () => {
    const e: BackwardEvent = {
      type: 'backward',
      t: 1.5,
      step: 1,
      file: 'x.py',
      line: 4,
      loss: NaN,
      graph: {
        rootId: 1,
        nodes: [
          {
            id: 1, kind: 'op', gradFn: 'SumBackward0', name: null, shape: [], dtype: 'float32', line: 4,
            value: { shape: [], dtype: 'float32', numel: 1, text: 'nan', min: -Infinity, max: Infinity, mean: NaN, norm: 2 },
          },
        ],
        edges: [],
        truncated: null,
      },
      leaves: [],
    };
    const line = encodeEvent(e);
    assert.ok(!line.includes('NaN') && !line.includes('Infinity'));
    const back = decodeEvent(line) as BackwardEvent;
    assert.ok(Number.isNaN(back.loss));
    const v = back.graph.nodes[0].value!;
    assert.equal(v.min, -Infinity);
    assert.equal(v.max, Infinity);
    assert.ok(Number.isNaN(v.mean));
    assert.equal(v.norm, 2);
    assert.equal(v.text, 'nan'); // a text field that looks like a number stays text
    const out = decodeEvent(encodeEvent({ type: 'stdout', t: 0, text: 'inf' }));
    assert.deepEqual(out, { type: 'stdout', t: 0, text: 'inf' });
  });
});

describe('python session', function () {
  let session: PythonSession;
  before(async () => {
    session = await openSession({ graphNodeLimit: 7 });
  });
  after(async () => {
    await session.close();
  });

  it('passes output chunks through exactly, without adding newlines', async () => {
    const r = await session.run("print('a', end='')\nprint('b', end='')\nprint('c')\nprint('x', 'y', sep='-', end='')\n");
    assert.equal(r.status, 'ok');
    assert.equal(r.exitCode, 0);
    assert.equal(r.stdout, 'abc\nx-y');
    assert.equal(ofType(r.events, 'stdout').map((e) => e.text).join(''), 'abc\nx-y');
    assertFramed(r);
  });

  it('formats an uncaught exception like CPython, naming the file and line', async () => {
    const r = await session.run('x = 1\ny = 0\nz = x / y\n', 'div.py');
    assert.equal(r.status, 'error');
    assert.equal(r.exitCode, 1);
    assert.equal(
      r.stderr,
      'Traceback (most recent call last):\n  File "div.py", line 3, in <module>\n    z = x / y\n        ~~^~~\nZeroDivisionError: division by zero\n',
    );
    const [err] = ofType(r.events, 'error');
    assert.equal(err.errorType, 'ZeroDivisionError');
    assert.equal(err.message, 'division by zero');
    assert.equal(err.file, 'div.py');
    assert.equal(err.line, 3);
    assert.equal(err.traceback, r.stderr);
    assert.deepEqual(ofType(r.events, 'end')[0].status, 'error');
  });

  it('reports a SyntaxError with file, line and caret', async () => {
    const r = await session.run('a = 1\nb = (2 +* 3)\n', 'syn.py');
    assert.equal(r.status, 'error');
    assert.match(r.stderr, /^ {2}File "syn\.py", line 2\n {4}b = \(2 \+\* 3\)\n +\^\nSyntaxError: invalid syntax\n$/);
    const [err] = ofType(r.events, 'error');
    assert.equal(err.errorType, 'SyntaxError');
    assert.equal(err.line, 2);
  });

  it('gives each run a fresh __main__ while imported modules persist', async () => {
    const first = await session.run("import sys\nsys.modules['_kept'] = sys\nsecret = 42\nprint(__name__, __file__)\n", 'one.py');
    assert.equal(first.stdout, '__main__ one.py\n');
    const second = await session.run("import sys\nprint('_kept' in sys.modules)\nprint(secret)\n", 'two.py');
    assert.equal(second.stdout, 'True\n');
    assert.equal(ofType(second.events, 'error')[0].errorType, 'NameError');
  });

  it('treats sys.exit(0) as success and exposes host settings', async () => {
    const r = await session.run("import sys, _playground_host\nprint(_playground_host.settings.graphNodeLimit)\nsys.exit(0)\nprint('unreached')\n");
    assert.equal(r.status, 'ok');
    assert.equal(r.stdout, '7\n');
  });

  it('reports backward() calls from the torch package as backward events', async () => {
    const r = await session.run(
      "import torch\nw = torch.tensor([1.0, 2.0], requires_grad=True)\nfor i in range(2):\n    loss = (w * 3).sum()\n    loss.backward()\nprint(w.grad)\n",
      'train.py',
    );
    assert.equal(r.status, 'ok', r.stderr);
    const back = ofType(r.events, 'backward');
    assert.deepEqual(back.map((e) => [e.step, e.file, e.line, e.loss]), [[1, 'train.py', 5, 9], [2, 'train.py', 5, 9]]);
    assert.ok(back[0].graph.nodes.length > 0 && back[0].graph.nodes.length <= 7);
    assert.ok(back.every((e) => e.t >= 0 && e.t <= ofType(r.events, 'end')[0].t));
    assert.equal(ofType(r.events, 'end')[0].steps, 2);
  });

  it('hides frames of the embedded package and forwards emitted events', async () => {
    // A stand-in for the embedded torch package: any module under the embedded directory counts as ours.
    const r = await session.run(
      [
        'import os, _playground.frames as frames',
        "open(os.path.join(frames.INTERNAL_DIR, '_fake_lib.py'), 'w').write('''",
        'import _playground.hooks as hooks',
        'def backward(loss):',
        "    hooks.emit_event({'type': 'backward', 'loss': loss, 'graph': {'rootId': 1, 'nodes': [], 'edges': [], 'truncated': None}, 'leaves': []})",
        'def call(fn):',
        '    return fn()',
        'def fail():',
        "    raise RuntimeError('deep inside')",
        "''')",
        'import _fake_lib',
        "print('before')",
        "_fake_lib.backward(float('nan'))",
        '_fake_lib.backward(2.5)',
        'def mine():',
        '    _fake_lib.fail()',
        '_fake_lib.call(mine)',
      ].join('\n'),
      'user.py',
    );
    const back = ofType(r.events, 'backward');
    assert.equal(back.length, 2);
    assert.deepEqual(back.map((e) => [e.step, e.file, e.line]), [[1, 'user.py', 13], [2, 'user.py', 14]]);
    assert.ok(Number.isNaN(back[0].loss));
    assert.equal(back[1].loss, 2.5);
    // Output printed before an event reaches the consumer before it.
    assert.ok(r.events.findIndex((e) => e.type === 'stdout') < r.events.indexOf(back[0]));
    assert.equal(ofType(r.events, 'end')[0].steps, 2);
    assert.doesNotMatch(r.stderr, /File "\/playground/);
    assert.match(r.stderr, /line 17, in <module>[\s\S]*line 16, in mine[\s\S]*RuntimeError: deep inside\n$/);
    const err: ErrorEvent = ofType(r.events, 'error')[0];
    assert.equal(err.line, 16);
  });
});

describe('stopping a run', () => {
  async function stopAfterOutput(source: string): Promise<{ result: RunResult; ms: number }> {
    let stoppedAt = 0;
    const handle = startRun({
      file: 'loop.py',
      source,
      onEvent: (e) => {
        if (e.type === 'stdout' && stoppedAt === 0) {
          // Give the script time to enter its loop.
          setTimeout(() => {
            stoppedAt = performance.now();
            handle.stop();
          }, 100);
        }
      },
    });
    const result = await handle.done;
    return { result, ms: performance.now() - stoppedAt };
  }

  it('ends an endless Python loop within a second', async () => {
    const { result, ms } = await stopAfterOutput("print('looping')\nprint('partial', end='')\nwhile True:\n    pass\n");
    assert.ok(ms < 1500, `took ${ms} ms`);
    assert.equal(result.status, 'stopped');
    assert.equal(result.exitCode, 1);
    assert.equal(result.stdout, 'looping\npartial');
    assert.equal(result.stderr, '');
    assertFramed(result);
    assert.equal(ofType(result.events, 'end')[0].status, 'stopped');
  });

  it('ends a run stuck inside a long JavaScript call', async () => {
    const { result, ms } = await stopAfterOutput("print('spinning')\nimport js\njs.eval('while (true) {}')\n");
    assert.ok(ms < 1500, `took ${ms} ms`);
    assert.equal(result.status, 'stopped');
    assertFramed(result);
  });
});

describe('cli', () => {
  function runCli(args: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [path.join(root, 'bin', 'autograd-playground.js'), ...args], { cwd });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
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
});
