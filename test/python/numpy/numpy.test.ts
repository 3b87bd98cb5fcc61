/**
 * The playground's `numpy` through the Python runtime (one session for everything):
 * - test/fixtures/numpy.json: what real NumPy 2.4 printed (or raised) for each case, made by
 *   test/harness/gen_numpy_fixture.py and replayed by test/harness/replay_numpy.py;
 * - playground-specific behaviour NumPy cannot produce a fixture for: unsupported dtypes, the "partial NumPy"
 *   messages, interop with the playground's torch (expected values follow PyTorch 2.x), pandas, print options
 *   across runs, a missing numpy.random.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openSession, PythonSession } from '../../../src/runtime/host/runner';
import { fixturesDir, harnessDir } from '../../paths';

interface Case { code: string; repr?: string; str?: string; error?: string }
interface Result { repr?: string; str?: string; error?: string }

const FIXTURES = fixturesDir;
const HARNESS = harnessDir;

async function replay(session: PythonSession, cases: Case[]): Promise<Result[]> {
  const body = fs.readFileSync(path.join(HARNESS, 'replay_numpy.py'), 'utf8');
  const r = await session.run(`CASES_JSON = ${JSON.stringify(JSON.stringify(cases))}\n${body}`, 'replay_numpy.py');
  assert.equal(r.status, 'ok', r.stderr);
  return JSON.parse(r.stdout) as Result[];
}

function check(c: Case, r: Result): void {
  if (c.error !== undefined) {
    assert.equal(r.error, c.error);
    return;
  }
  assert.equal(r.error, undefined, r.error);
  if (c.repr !== undefined) assert.equal(r.repr, c.repr);
  if (c.str !== undefined) assert.equal(r.str, c.str);
}

const PARTIAL = "Autograd Playground's NumPy is partial: it has the arrays, math and printing tutorial scripts use";
const UNSUPPORTED = (name: string) => `TypeError: dtype ${name} is not supported by Autograd Playground's NumPy (it has float32, float64, int32, int64 and bool)`;

/** Behaviour specific to the playground (or to its torch), checked against what PyTorch 2.x / the design say. */
const PLAYGROUND_CASES: Case[] = [
  // dtypes the engine lacks fail loudly instead of silently changing the numbers
  { code: 'np.zeros(3, dtype=np.int16)', error: UNSUPPORTED('int16') },
  // int32 exists (NumPy 2's output)
  { code: 'a = np.array([1, 2, 2147483647], dtype=np.int32)\n(a + 1, a.sum(), a[0], a // 2, a + 1.5, a * np.float32(2))', repr: '(array([          2,           3, -2147483648], dtype=int32), np.int64(2147483650), np.int32(1), array([         0,          1, 1073741823], dtype=int32), array([2.50000000e+00, 3.50000000e+00, 2.14748365e+09]), array([2.00000000e+00, 4.00000000e+00, 4.29496729e+09]))' },
  { code: "np.array([1, 2], dtype='uint8')", error: UNSUPPORTED('uint8') },
  { code: 'np.arange(3).astype(np.float16)', error: UNSUPPORTED('float16') },
  { code: 'np.int32(5), np.int32(5) + 1, np.int16', repr: "(np.int32(5), np.int32(6), <class 'numpy.int16'>)" },
  { code: "np.dtype('complex128')", error: UNSUPPORTED('complex128') },
  { code: "np.array(['a', 'b'])", error: "TypeError: Autograd Playground's NumPy has numeric arrays only (float32, float64, int32, int64, bool); got str 'a'" },
  { code: 'isinstance(np.int64(1), np.integer), issubclass(np.int32, np.signedinteger)', repr: '(True, True)' },
  // what is missing says so
  { code: 'np.fft', error: `AttributeError: module 'numpy' has no attribute 'fft' (${PARTIAL})` },
  { code: 'np.array([1, 2]).foo', error: `AttributeError: 'numpy.ndarray' object has no attribute 'foo' (${PARTIAL})` },
  { code: 'np.float64(1.5).foo', error: `AttributeError: 'numpy.float64' object has no attribute 'foo' (${PARTIAL})` },
  { code: "hasattr(np, 'linalg'), hasattr(np.array([1]), '__array_interface__')", repr: '(False, False)' },
  { code: 'np.bool is np.bool_, np.bool_(1), type(np.True_)', repr: "(True, np.True_, <class 'numpy.bool'>)" },
  { code: 'type(np.float32(1)), type(np.array([1])), np.ndarray', repr: "(<class 'numpy.float32'>, <class 'numpy.ndarray'>, <class 'numpy.ndarray'>)" },
  { code: 'np.random.__name__', repr: "'numpy.random'" },
  { code: "import sys\nE = sys.modules['_playground_host'].binding\nnp._from_engine(E.full(1.5, 'float64', 2))", repr: 'array([1.5, 1.5])' },
  { code: "np._scalar(0.1, 'float32'), np._scalar(3, 'int64')", repr: '(np.float32(0.1), np.int64(3))' },
  // torch interop: memory is shared exactly where PyTorch shares it
  { code: 'import torch\nt = torch.zeros(3)\na = t.numpy()\na[0] = 1\nt', repr: 'tensor([1., 0., 0.])' },
  { code: 'import torch\nt = torch.zeros(3)\na = t.numpy()\nt.add_(2)\na', repr: 'array([2., 2., 2.], dtype=float32)' },
  { code: 'import torch\nt = torch.arange(6).reshape(2, 3)\na = t.T.numpy()\na[0, 1] = 9\nt', repr: 'tensor([[0, 1, 2],\n        [9, 4, 5]])' },
  { code: 'import torch\na = np.zeros(2)\nt = torch.from_numpy(a)\na[1] = 5\nt', repr: 'tensor([0., 5.], dtype=torch.float64)' },
  { code: 'import torch\na = np.zeros(2)\nt = torch.from_numpy(a)\nt += 1\na', repr: 'array([1., 1.])' },
  { code: 'import torch\na = np.zeros(2)\nt = torch.tensor(a)\na[0] = 3\nt', repr: 'tensor([0., 0.], dtype=torch.float64)' },
  { code: 'import torch\na = np.zeros(2)\nt = torch.as_tensor(a)\na[0] = 7\nt', repr: 'tensor([7., 0.], dtype=torch.float64)' },
  { code: 'import torch\ntorch.as_tensor(np.array([1.0, 2.0]), dtype=torch.float32)', repr: 'tensor([1., 2.])' },
  { code: 'import torch\ntorch.tensor(np.array([1, 2]))', repr: 'tensor([1, 2])' },
  { code: 'import torch\ntorch.tensor(np.array([1.5], dtype=np.float32))', repr: 'tensor([1.5000])' },
  { code: 'import torch\ntorch.tensor(np.array([True, False]))', repr: 'tensor([ True, False])' },
  { code: 'import torch\ntorch.tensor(np.array([[1.0, 2.0]]), dtype=torch.float32)', repr: 'tensor([[1., 2.]])' },
  { code: 'import torch\ntorch.tensor(np.float64(2.5))', repr: 'tensor(2.5000, dtype=torch.float64)' },
  { code: 'import torch\ntorch.tensor([np.float32(1.5), np.float32(2.5)])', repr: 'tensor([1.5000, 2.5000])' },
  { code: 'import torch\ntorch.tensor([np.array([1.0, 2.0]), np.array([3.0, 4.0])])', repr: 'tensor([[1., 2.],\n        [3., 4.]], dtype=torch.float64)' },
  { code: 'import torch\ntorch.from_numpy([1, 2])', error: 'TypeError: expected np.ndarray (got list)' },
  { code: 'import torch\ntorch.tensor([1.0, 2.0], requires_grad=True).numpy()', error: "RuntimeError: Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead." },
  { code: 'import torch\ntorch.tensor([1.0, 2.0], requires_grad=True).detach().numpy()', repr: 'array([1., 2.], dtype=float32)' },
  { code: 'import torch\ntorch.tensor([1.0, 2.0]) + np.array([1.0, 1.0])', repr: 'tensor([2., 3.], dtype=torch.float64)' },
  { code: 'import torch\nnp.array([1.0, 1.0]) + torch.tensor([1.0, 2.0])', repr: 'tensor([2., 3.], dtype=torch.float64)' },
  { code: 'import torch\nnp.array([5.0, 5.0]) - torch.tensor([1.0, 2.0])', repr: 'tensor([4., 3.], dtype=torch.float64)' },
  { code: 'import torch\ntorch.tensor([1.0, 2.0]) * np.float64(2.0)', str: 'tensor([2., 4.])' },
  { code: 'import torch\nnp.float64(1.0) - torch.tensor([1.0, 2.0])', str: 'tensor([ 0., -1.])' },
  { code: 'import torch\ntorch.tensor([1.0, 2.0]).numpy().tolist()', repr: '[1.0, 2.0]' },
  { code: 'import torch\n[type(v).__name__ for v in torch.tensor([1, 2]).numpy().tolist()]', repr: "['int', 'int']" },
  { code: 'import torch\nnp.array(torch.tensor([1.5, 2.5]))', repr: 'array([1.5, 2.5], dtype=float32)' },
  { code: 'import torch\nt = torch.ones(2)\na = np.array(t)\na[0] = 0\nt', repr: 'tensor([1., 1.])' },
  { code: 'import torch\nnp.asarray(torch.tensor([[1, 2]]))', repr: 'array([[1, 2]])' },
  { code: 'import torch\nnp.mean(torch.tensor([1.0, 2.0]).numpy())', repr: 'np.float32(1.5)' },
  { code: 'import torch\ntorch.tensor([[1.0, 2.0], [3.0, 4.0]]).numpy()[:, 1]', repr: 'array([2., 4.], dtype=float32)' },
  { code: 'import torch\nw = torch.tensor([0.5], requires_grad=True)\n(w * 2).sum().backward()\nw.grad.numpy()', repr: 'array([2.], dtype=float32)' },
  // pandas: importable, unusable
  {
    code: "import pandas as pd\npd.read_csv('data.csv')",
    error: 'NotImplementedError: pandas.read_csv is not available: Autograd Playground has no pandas. Load data with Python\'s csv module or build it with numpy / torch directly (for example np.array(rows, dtype=float)).',
  },
  {
    code: "import pandas as pd\npd.DataFrame({'a': [1]})",
    error: 'NotImplementedError: pandas.DataFrame is not available: Autograd Playground has no pandas. Load data with Python\'s csv module or build it with numpy / torch directly (for example np.array(rows, dtype=float)).',
  },
];

describe('numpy through the Python runtime', function () {
  this.timeout(120000);
  let session: PythonSession;
  before(async () => {
    session = await openSession();
  });
  after(async () => {
    await session.close();
  });

  it('imports cheaply', async () => {
    const r = await session.run('import time\nt0 = time.perf_counter()\nimport numpy as np\nprint(round((time.perf_counter() - t0) * 1000))\n');
    assert.equal(r.status, 'ok', r.stderr);
    const ms = Number(r.stdout.trim());
    // Measured at ~30 ms; the bound only catches an import that starts doing real work.
    assert.ok(ms < 1000, `import numpy took ${ms} ms`);
  });

  describe('real NumPy 2 output (fixtures/numpy.json)', () => {
    const cases = (JSON.parse(fs.readFileSync(path.join(FIXTURES, 'numpy.json'), 'utf8')) as { cases: Case[] }).cases;
    let results: Result[] = [];
    before(async () => {
      results = await replay(session, cases);
    });
    cases.forEach((c, i) => {
      it(c.code.replace(/\\n/g, '; '), () => check(c, results[i]));
    });
  });

  describe('playground-specific behaviour', () => {
    let results: Result[] = [];
    before(async () => {
      results = await replay(session, PLAYGROUND_CASES);
    });
    PLAYGROUND_CASES.forEach((c, i) => {
      it(c.code.replace(/\n/g, '; '), () => check(c, results[i]));
    });
  });

  it('starts every run with NumPy’s default print options', async () => {
    const first = await session.run('import numpy as np\nnp.set_printoptions(precision=2, suppress=True)\nprint(np.array([1/3]))\n');
    assert.equal(first.status, 'ok', first.stderr);
    assert.equal(first.stdout, '[0.33]\n');
    const second = await session.run('import numpy as np\nprint(np.array([1/3]))\nprint(np.get_printoptions()["precision"])\n');
    assert.equal(second.status, 'ok', second.stderr);
    assert.equal(second.stdout, '[0.33333333]\n8\n');
  });

  it('says numpy.random is unavailable when the module is missing', async () => {
    const r = await session.run(
      [
        'import sys, importlib.abc, numpy as np',
        'saved = sys.modules.pop("numpy.random", None)',
        'had = np.__dict__.pop("random", None)',
        'class Block(importlib.abc.MetaPathFinder):',
        '    def find_spec(self, name, path=None, target=None):',
        '        if name == "numpy.random":',
        '            raise ModuleNotFoundError("No module named %r" % name, name=name)',
        'sys.meta_path.insert(0, Block())',
        'try:',
        '    np.random',
        'except AttributeError as e:',
        '    print(e)',
        'finally:',
        '    del sys.meta_path[0]',
        '    if saved is not None:',
        '        sys.modules["numpy.random"] = saved',
        '    if had is not None:',
        '        np.random = had',
        'print(np.random.__name__)',
      ].join('\n') + '\n',
    );
    assert.equal(r.status, 'ok', r.stderr);
    assert.equal(r.stdout, `module 'numpy' has no attribute 'random' (${PARTIAL}; numpy.random is not available)\nnumpy.random\n`);
  });

  it('prints NumPy values from a script the way NumPy does', async () => {
    const src = [
      'import numpy as np',
      'x = np.linspace(0, 1, 5)',
      'y = 2 * x + 1',
      'print(x)',
      'print(y.mean(), y.std())',
      'print(repr(np.float32(0.1) * 3))',
      'print(f"loss: {np.mean((y - 1.5) ** 2):.4f}")',
      'for v in np.array([0.5, 1.5]):',
      '    print(v, repr(v))',
    ].join('\n');
    const r = await session.run(src + '\n');
    assert.equal(r.status, 'ok', r.stderr);
    assert.equal(r.stdout, '[0.   0.25 0.5  0.75 1.  ]\n2.0 0.7071067811865476\nnp.float32(0.3)\nloss: 0.7500\n0.5 np.float64(0.5)\n1.5 np.float64(1.5)\n');
  });
});
