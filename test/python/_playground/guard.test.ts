// What a script may import (src/python/_playground/guard.py): the host's modules are refused to user code,
// worded as CPython words a missing module, while our own packages keep using them.
import { strict as assert } from 'node:assert';
import type { RunEvent } from '../../../src/protocol/events';
import { openSession, type PythonSession, type RunResult } from '../../../src/runtime/host/runner';

function types(r: RunResult): string[] {
  return r.events.map((e: RunEvent) => e.type);
}

/** The traceback CPython prints for `line` failing as line 1 of user.py, with no frame of ours. */
function oneLineError(line: string, error: string): string {
  return `Traceback (most recent call last):\n  File "user.py", line 1, in <module>\n    ${line}\n${error}\n`;
}

describe('import guard', function () {
  let session: PythonSession;
  before(async () => {
    session = await openSession({});
  });
  after(async () => {
    await session.close();
  });

  const missing: Array<[string, string]> = [
    ['import js', 'js'],
    ['import pyodide_js', 'pyodide_js'],
    ['import _playground_host', '_playground_host'],
    ['from _playground_host import emit', '_playground_host'],
    ['import _playground', '_playground'],
    ['import _playground.hooks', '_playground'],
    ['from _playground.hooks import emit_event', '_playground'],
    ['from _playground import run', '_playground'],
  ];
  for (const [line, name] of missing) {
    it(`refuses \`${line}\` as a missing module`, async () => {
      const r = await session.run(line + '\n', 'user.py');
      assert.equal(r.status, 'error');
      assert.equal(r.stderr, oneLineError(line, `ModuleNotFoundError: No module named '${name}'`));
    });
  }

  it('refuses importlib.import_module, importlib.__import__ and exec alike', async () => {
    const r = await session.run(
      [
        'import importlib',
        "for how in (lambda: importlib.import_module('js'), lambda: importlib.import_module('.hooks', '_playground'),",
        "            lambda: importlib.__import__('_playground_host'), lambda: exec('import pyodide_js'),",
        "            lambda: exec('from . import hooks', {'__package__': '_playground', '__name__': '_playground.x'})):",
        '    try:',
        '        how()',
        '    except ModuleNotFoundError as e:',
        '        print(e)',
      ].join('\n'),
      'user.py',
    );
    assert.equal(r.status, 'ok', r.stderr);
    assert.equal(r.stdout, "No module named 'js'\nNo module named '_playground'\nNo module named '_playground_host'\nNo module named 'pyodide_js'\nNo module named '_playground'\n");
  });

  it('has no run_js in pyodide.code', async () => {
    const from = await session.run('from pyodide.code import run_js\n', 'user.py');
    assert.match(from.stderr, /^ImportError: cannot import name 'run_js' from 'pyodide\.code' \(.*\)\n$/m);
    const attr = await session.run("import pyodide.code\nprint(hasattr(pyodide.code, 'run_js'))\n", 'user.py');
    assert.equal(attr.stdout, 'False\n');
    // Pyodide's other copy of it imports js on the script's behalf, which is refused as the script's own.
    const other = await session.run("from pyodide._run_js import run_js\nrun_js('1')\n", 'user.py');
    assert.match(other.stderr, /\nModuleNotFoundError: No module named 'js'\n$/);
  });

  it('refuses the host objects that our modules hold under other names', async () => {
    for (const [line, from] of [
      ['from torch._C import E', 'torch._C'],
      ['from matplotlib import _hooks', 'matplotlib'],
      ['from numpy._core.umath import _E', 'numpy._core.umath'],
    ]) {
      const r = await session.run(line + '\n', 'user.py');
      assert.equal(r.status, 'error', line);
      assert.match(r.stderr, new RegExp(`ImportError: cannot import name '\\w+' from '${from.replace(/\./g, '\\.')}' \\(/`), line);
      assert.doesNotMatch(r.stderr, /playground\/lib\/.*line/, 'no frame of ours');
    }
  });

  it('lets no script forge an event, and the host modules still serve our packages', async () => {
    const r = await session.run(
      [
        'import torch, numpy as np',
        'import matplotlib.pyplot as plt',
        'forged = [',
        "    'from _playground.hooks import emit_event; emit_event({\"type\": \"figure\", \"forged\": 1})',",
        "    'import _playground_host; _playground_host.emit(\\'{\"type\": \"figure\", \"forged\": 1}\\')',",
        "    'from matplotlib import _hooks; _hooks.emit_event({\"type\": \"figure\", \"forged\": 1})',",
        ']',
        'for code in forged:',
        '    try:',
        '        exec(code)',
        '    except ImportError as e:',
        '        print(type(e).__name__)',
        'w = torch.tensor([1.0, 2.0], requires_grad=True)',
        '(w * np.float32(3)).sum().backward()',
        'plt.plot([1, 2, 3])',
        'plt.show()',
        'print(w.grad)',
      ].join('\n'),
      'user.py',
    );
    assert.equal(r.status, 'ok', r.stderr);
    assert.equal(r.stdout, 'ModuleNotFoundError\nModuleNotFoundError\nImportError\ntensor([3., 3.])\n');
    assert.deepEqual(types(r).filter((t) => t === 'backward' || t === 'figure'), ['backward', 'figure']);
    assert.ok(!JSON.stringify(r.events).includes('forged'));
    const again = await session.run('import js\n', 'again.py');
    assert.match(again.stderr, /No module named 'js'\n$/);
    const second = await session.run('import torch\nx = torch.ones(2, requires_grad=True)\n(x * x).sum().backward()\nprint(x.grad)\n', 'two.py');
    assert.equal(second.status, 'ok', second.stderr);
    assert.equal(second.stdout, 'tensor([2., 2.])\n');
    assert.equal(types(second).filter((t) => t === 'backward').length, 1);
  });
});
