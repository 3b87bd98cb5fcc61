// Bytecode compiled at build time (scripts/pyc.mjs), on the built dist/worker.js: a worker imports the standard
// library and the playground's packages without compiling any source, and tracebacks still show both.
import { strict as assert } from 'node:assert';
import { openSession, type PythonSession } from '../../../src/runtime/host/runner';

describe('precompiled Python', function () {
  let session: PythonSession;
  before(async () => {
    session = await openSession({});
  });
  after(async () => {
    await session.close();
  });

  it('ships the standard library zip with a .pyc beside every .py', async () => {
    const r = await session.run(
      [
        'import sys, zipfile',
        'archive = next(p for p in sys.path if p.endswith(".zip"))',
        'names = set(zipfile.ZipFile(archive).namelist())',
        'sources = [n for n in names if n.endswith(".py")]',
        'print(len(sources) > 500, sorted(n for n in sources if n + "c" not in names))',
      ].join('\n'),
    );
    assert.equal(r.status, 'ok', r.stderr);
    assert.equal(r.stdout, 'True []\n');
  });

  it('imports standard modules and the playground packages without compiling source', async () => {
    // Modules a worker has not imported yet: each would call compile() were its .pyc missing or refused.
    const r = await session.run(
      [
        'import builtins',
        'compiled = []',
        'plain = builtins.compile',
        'def counting(source, filename, *args, **kwargs):',
        '    compiled.append(filename)',
        '    return plain(source, filename, *args, **kwargs)',
        'builtins.compile = counting',
        'try:',
        '    import statistics, fractions, email.message, zoneinfo',
        '    import torch, torch.optim, numpy, matplotlib.pyplot, sklearn.datasets, sklearn.model_selection, pandas',
        '    from d2l import torch as d2l',
        'finally:',
        '    builtins.compile = plain',
        'print(compiled)',
        'print(statistics.__spec__.origin, torch.nn.modules.linear.__file__)',
      ].join('\n'),
    );
    assert.equal(r.status, 'ok', r.stderr);
    assert.equal(r.stdout, "[]\n/lib/python314.zip/statistics.pyc /playground/lib/torch/nn/modules/linear.py\n");
  });

  it('still shows the source lines of standard library frames in tracebacks', async () => {
    const r = await session.run("import json\njson.loads('{')\n", 'bad_json.py');
    assert.equal(r.status, 'error');
    assert.match(r.stderr, /^Traceback \(most recent call last\):\n {2}File "bad_json\.py", line 2, in <module>\n {4}json\.loads\('\{'\)\n/);
    assert.match(r.stderr, /\n {2}File "\/lib\/python314\.zip\/json\/decoder\.py", line \d+, in raw_decode\n {4}obj, end = self\.scan_once\(s, idx\)\n/);
    assert.match(r.stderr, /\njson\.decoder\.JSONDecodeError: Expecting property name enclosed in double quotes: line 1 column 2 \(char 1\)\n$/);
  });

  it('keeps the playground packages’ sources where their code says they are', async () => {
    const r = await session.run(
      'import inspect, os, torch\nfrom torch import nn\nprint(inspect.getsourcefile(nn.Linear), os.path.exists(nn.modules.linear.__cached__))\nprint(inspect.getsource(nn.Linear.forward).splitlines()[0].strip())\n',
    );
    assert.equal(r.status, 'ok', r.stderr);
    assert.equal(r.stdout, '/playground/lib/torch/nn/modules/linear.py True\ndef forward(self, input):\n');
  });
});
