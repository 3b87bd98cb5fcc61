// Runaway and deep recursion on the built dist/worker.js: every path ends in a plain RecursionError on the
// user's line, and the same interpreter goes on to the next run (worker.ts guardCStack,
// src/python/_playground/recursion.py).
import { strict as assert } from 'node:assert';
import type { ErrorEvent, RunEvent } from '../../../src/protocol/events';
import { openSession, type PythonSession, type RunResult } from '../../../src/runtime/host/runner';

function errorEvent(events: RunEvent[]): ErrorEvent {
  const errors = events.filter((e): e is ErrorEvent => e.type === 'error');
  assert.equal(errors.length, 1, JSON.stringify(errors));
  return errors[0];
}

function assertRecursionError(r: RunResult, line: number): void {
  assert.equal(r.status, 'error');
  assert.doesNotMatch(r.stderr, /fatal error|Maximum call stack|internal error/, r.stderr.slice(-2000));
  const err = errorEvent(r.events);
  assert.equal(err.errorType, 'RecursionError', r.stderr.slice(-2000));
  assert.equal(err.file, 'rec.py');
  assert.equal(err.line, line);
  assert.match(r.stderr, /^Traceback \(most recent call last\):\n {2}File "rec\.py"/);
  assert.match(r.stderr, /\nRecursionError: [^\n]+\n$/);
  // The playground's own frames (torch's Module.__call__) stay hidden, as for any other error.
  assert.doesNotMatch(r.stderr, /\/playground\/lib\//);
}

const MODULE_RECURSION = [
  'import torch',
  'from torch import nn',
  'class Loop(nn.Module):',
  '    def forward(self, x):',
  '        return self(x)',
  'Loop()(torch.zeros(1))',
];

describe('recursion', function () {
  let session: PythonSession;
  before(async () => {
    session = await openSession({});
    // Marks this interpreter: a worker replaced after a fatal error would not have it.
    const r = await session.run("import sys\nsys.modules['_recursion_test_mark'] = sys\n");
    assert.equal(r.status, 'ok', r.stderr);
  });
  after(async () => {
    await session.close();
  });
  afterEach(async () => {
    const r = await session.run("import sys\nprint('_recursion_test_mark' in sys.modules, sys.getrecursionlimit())\n");
    assert.equal(r.status, 'ok', r.stderr);
    assert.equal(r.stdout, 'True 1000\n', 'the same interpreter runs the next script, at the default limit');
  });

  it('ends plain recursion after sys.setrecursionlimit(10**6) in RecursionError', async () => {
    const r = await session.run('import sys\nsys.setrecursionlimit(10**6)\ndef f(n):\n    return f(n + 1)\nf(0)\n', 'rec.py');
    assertRecursionError(r, 4);
  });

  it('ends a forward that calls self(x) in RecursionError', async () => {
    assertRecursionError(await session.run(MODULE_RECURSION.join('\n') + '\n', 'rec.py'), 5);
  });

  it('ends a forward that calls self(x) in RecursionError after sys.setrecursionlimit(10**6)', async () => {
    const r = await session.run(['import sys', 'sys.setrecursionlimit(10**6)', ...MODULE_RECURSION].join('\n') + '\n', 'rec.py');
    assertRecursionError(r, 7);
  });

  it('ends __getattr__ recursion after sys.setrecursionlimit(10**6) in RecursionError', async () => {
    const r = await session.run(
      'import sys\nsys.setrecursionlimit(10**6)\nclass A:\n    def __getattr__(self, name):\n        return self.missing\nA().x\n',
      'rec.py',
    );
    assertRecursionError(r, 5);
  });

  it('caps sys.setrecursionlimit at what the stacks bear, and reports the limit in force', async () => {
    const r = await session.run('import sys\nsys.setrecursionlimit(10**6)\nprint(sys.getrecursionlimit())\nsys.setrecursionlimit(2000)\nprint(sys.getrecursionlimit())\n');
    assert.equal(r.status, 'ok', r.stderr);
    assert.equal(r.stdout, '50000\n2000\n');
  });

  it('runs forward through 1,000 nested nn.Sequential', async () => {
    // Two Python frames a level (Module.__call__, Sequential.forward), so it needs a limit above 2,000; at the
    // default 1,000 it is RecursionError, as in PyTorch (three frames a level there).
    const r = await session.run(
      'import sys, torch\nfrom torch import nn\nsys.setrecursionlimit(3000)\nm = nn.Identity()\nfor _ in range(1000):\n    m = nn.Sequential(m)\nprint(m(torch.ones(2)))\n',
      'rec.py',
    );
    assert.equal(r.status, 'ok', r.stderr.slice(-2000));
    assert.equal(r.stdout, 'tensor([1., 1.])\n');
  });
});
