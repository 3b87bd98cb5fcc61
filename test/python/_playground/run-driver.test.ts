// Runtime plumbing end to end: a Python session and stopping a run, on the built dist/worker.js (`npm test`
// builds first). The events' JSON encoding is tested in src/protocol/events.test.ts, the CLI in test/e2e/cli.test.ts.
import { strict as assert } from 'node:assert';
import type { ErrorEvent, RunEvent } from '../../../src/protocol/events';
import { openSession, startRun, type PythonSession, type RunResult } from '../../../src/runtime/host/runner';

function ofType<T extends RunEvent['type']>(events: RunEvent[], type: T): Array<Extract<RunEvent, { type: T }>> {
  return events.filter((e): e is Extract<RunEvent, { type: T }> => e.type === type);
}

function assertFramed(r: RunResult): void {
  assert.equal(r.events[0].type, 'start');
  assert.equal(r.events[r.events.length - 1].type, 'end');
}

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

  it("keeps CPython's suggestion in the error event's message, as the traceback's last line has it", async () => {
    const r = await session.run('loss = 1.0\nprint(los)\n', 'suggest.py');
    assert.match(r.stderr, /NameError: name 'los' is not defined\. Did you mean: 'loss'\?\n$/);
    assert.equal(ofType(r.events, 'error')[0].message, "name 'los' is not defined. Did you mean: 'loss'?");
    const attr = await session.run('class A:\n    weights = 1\nA().weight\n', 'attr.py');
    assert.equal(ofType(attr.events, 'error')[0].message, "'A' object has no attribute 'weight'. Did you mean: 'weights'?");
    const multi = await session.run('raise ValueError("first line\\nsecond line")\n', 'multi.py');
    assert.equal(ofType(multi.events, 'error')[0].message, 'first line\nsecond line');
    const empty = await session.run('raise KeyError\n', 'empty.py');
    assert.equal(ofType(empty.events, 'error')[0].message, '');
  });

  it('sends each Python warning as an event on the user’s line, and still prints it as CPython does', async () => {
    const r = await session.run(
      'import warnings, torch\nimport torch.nn.functional as F\nloss = F.mse_loss(torch.zeros(4, 1), torch.ones(4))\nwarnings.warn("slow", DeprecationWarning, stacklevel=1)\nwarnings.filterwarnings("ignore")\nwarnings.warn("hidden")\n',
      'warn.py',
    );
    assert.equal(r.status, 'ok', r.stderr);
    assert.match(r.stderr, /^warn\.py:3: UserWarning: Using a target size \(torch\.Size\(\[4\]\)\) that is different to the input size/);
    const warnings = ofType(r.events, 'warning').map((w) => [w.category, w.message.slice(0, 26), w.file, w.line]);
    assert.deepEqual(warnings, [
      ['UserWarning', 'Using a target size (torch', 'warn.py', 3],
      ['DeprecationWarning', 'slow', 'warn.py', 4],
    ]);
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
    // A script cannot import the host's module (guard.test.ts); sys.modules is the route guard.py leaves open.
    const r = await session.run("import sys\nprint(sys.modules['_playground_host'].settings.graphNodeLimit)\nsys.exit(0)\nprint('unreached')\n");
    assert.equal(r.status, 'ok');
    assert.equal(r.stdout, '7\n');
  });

  it("carries sys.exit's code as CPython exits with it (checked against python3 -c 'import sys; sys.exit(…)')", async () => {
    const cases: [string, number, string, string][] = [
      ['', 0, 'ok', ''],
      ['None', 0, 'ok', ''],
      ['False', 0, 'ok', ''],
      ['3', 3, 'error', ''],
      ['True', 1, 'error', ''],
      ['256', 0, 'ok', ''],
      ['-1', 255, 'error', ''],
      ['2**31 + 5', 5, 'error', ''],
      ['2**70', 255, 'error', ''],
      ["'bye'", 1, 'error', 'bye\n'],
      ['0.0', 1, 'error', '0.0\n'],
      ['(1, 2)', 1, 'error', '(1, 2)\n'],
    ];
    for (const [arg, exitCode, status, stderr] of cases) {
      const r = await session.run(`import sys\nsys.exit(${arg})\n`);
      assert.deepEqual([r.exitCode, r.status, r.stderr, ofType(r.events, 'error').length], [exitCode, status, stderr, 0], `sys.exit(${arg})`);
    }
    const interrupted = await session.run('raise KeyboardInterrupt\n');
    assert.deepEqual([interrupted.exitCode, interrupted.status], [130, 'error']);
    assert.match(interrupted.stderr, /\nKeyboardInterrupt\n$/);
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
        "import os, sys; frames = sys.modules['_playground.frames']",
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
    const { result, ms } = await stopAfterOutput("import torch\nprint('spinning')\ntorch.ones(1)._t.constructor.constructor('while (true) {}')()\n");
    assert.ok(ms < 1500, `took ${ms} ms`);
    assert.equal(result.status, 'stopped');
    assertFramed(result);
  });
});
