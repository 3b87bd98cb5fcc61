/**
 * The API forms public tutorials use (issue 12, items 3, 5 and 6), replayed through the Python runtime:
 * - test/fixtures/torch_api_forms.json: what a CPU build of real PyTorch printed or raised for the legacy
 *   constructors (`torch.Tensor([...])`, `torch.LongTensor`, `t.type()`), class names and Parameter printing, the
 *   keyword aliases of its argument parser (`axis=`, `keepdims=`, `size=`, `input=`/`other=`, dims as tuples) and
 *   devices (`torch.device('cuda')`, `.to('cuda')` failing as a CPU build fails). Made by
 *   test/harness/gen_torch_api_forms.py, replayed by test/harness/replay_torch_cases.py.
 * - behaviour PyTorch 1.13 cannot produce a fixture for: the 2.x API (`set_default_device`, `with torch.device`,
 *   tuple dims for all/any/squeeze), and the playground's limits (no int16, zeros for uninitialised memory).
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openSession, PythonSession } from '../../../src/runtime/host/runner';
import { fixturesDir, harnessDir } from '../../paths';

interface Case { code: string; repr?: string; str?: string; error?: string; error_prefix?: string; error_type?: string }
interface Result { repr?: string; str?: string; error?: string }

async function replay(session: PythonSession, cases: Case[]): Promise<Result[]> {
  const body = fs.readFileSync(path.join(harnessDir, 'replay_torch_cases.py'), 'utf8');
  const r = await session.run(`CASES_JSON = ${JSON.stringify(JSON.stringify(cases))}\n${body}`, 'replay_torch_cases.py');
  assert.equal(r.status, 'ok', r.stderr);
  return JSON.parse(r.stdout) as Result[];
}

function check(c: Case, r: Result): void {
  if (c.error_prefix !== undefined) {
    assert.ok(r.error?.startsWith(c.error_prefix), `expected an error starting ${JSON.stringify(c.error_prefix)}, got ${JSON.stringify(r)}`);
    return;
  }
  if (c.error_type !== undefined) {
    assert.ok(r.error?.startsWith(`${c.error_type}: `), `expected a ${c.error_type}, got ${JSON.stringify(r)}`);
    return;
  }
  if (c.error !== undefined) {
    assert.equal(r.error, c.error);
    return;
  }
  assert.equal(r.error, undefined, r.error);
  if (c.repr !== undefined) assert.equal(r.repr, c.repr);
  if (c.str !== undefined) assert.equal(r.str, c.str);
}

const CUDA = 'AssertionError: Torch not compiled with CUDA enabled';
const MPS_FACTORY =
  "NotImplementedError: Could not run 'aten::empty.memory_format' with arguments from the 'MPS' backend. This could be because the operator doesn't exist for this backend, or was omitted during the selective/custom build process (if using custom build). If you are a Facebook employee using PyTorch on mobile, please visit https://fburl.com/ptmfixes for possible resolutions.";
const NO_INT16 = 'TypeError: dtype torch.int16 is not supported by Autograd Playground (it has float16, bfloat16, float32, float64, int32, int64 and bool)';

/** Expected values follow PyTorch 2.x's documented behaviour and source (torch/__init__.py, torch/utils/_device.py). */
const PLAYGROUND_CASES: Case[] = [
  // torch.set_default_device / get_default_device (2.x): factory functions use it, *_like and .to() do not
  { code: 'torch.get_default_device()', repr: "device(type='cpu')" },
  { code: "torch.set_default_device('cpu')\n(torch.get_default_device(), torch.ones(2).device)", repr: "(device(type='cpu'), device(type='cpu'))" },
  { code: "torch.set_default_device('cuda')\ntorch.ones(2)", error: CUDA },
  { code: "torch.set_default_device('cuda')\ntorch.tensor([1.])", error: CUDA },
  { code: "torch.set_default_device('cuda')\ntorch.nn.Linear(2, 1)", error: CUDA },
  { code: "torch.set_default_device(torch.device('cuda'))\ntorch.get_default_device()", error: CUDA },
  { code: "torch.set_default_device('cuda:0')\ntorch.get_default_device()", repr: "device(type='cuda', index=0)" },
  { code: "x = torch.ones(2)\ntorch.set_default_device('cuda')\n(torch.zeros_like(x), x.to(torch.float64).dtype)", repr: '(tensor([0., 0.]), torch.float64)' },
  { code: "torch.set_default_device('mps')\ntorch.randn(2)", error_prefix: MPS_FACTORY },
  { code: "torch.set_default_device('mps')\ntorch.tensor([1.])", error: 'RuntimeError: PyTorch is not linked with support for mps devices' },
  { code: "torch.set_default_device('cuda')\ntorch.set_default_device(None)\ntorch.ones(1)", repr: 'tensor([1.])' },
  { code: "torch.set_default_device('gpu')", error: "RuntimeError: Expected one of cpu, cuda, ipu, xpu, mkldnn, opengl, opencl, ideep, hip, ve, fpga, maia, xla, lazy, vulkan, mps, meta, hpu, mtia, privateuseone device type at start of device string: gpu" },
  // `with torch.device(...)` sets the default device for the block (2.x)
  { code: "def f():\n    with torch.device('cuda'):\n        return torch.ones(2)\nf()", error: CUDA },
  { code: "with torch.device('cpu') as d:\n    t = torch.ones(2)\n(d, t.device, torch.get_default_device())", repr: "(device(type='cpu'), device(type='cpu'), device(type='cpu'))" },
  { code: "try:\n    with torch.device('cuda'):\n        torch.ones(2)\nexcept AssertionError:\n    pass\ntorch.ones(2)", repr: 'tensor([1., 1.])' },
  // dims as tuples where 2.x takes them (all/any since 2.2, squeeze since 2.0)
  { code: 'torch.arange(6.).reshape(2, 3).all(dim=(0, 1))', repr: 'tensor(False)' },
  { code: 'torch.arange(6.).reshape(2, 3).any(dim=[0, 1], keepdim=True)', repr: 'tensor([[True]])' },
  { code: 'torch.zeros(1, 2, 1).squeeze(dim=(0, 2)).shape', repr: 'torch.Size([2])' },
  // dtypes the engine lacks fail loudly rather than giving another dtype
  { code: 'torch.ShortTensor([1, 2])', error: NO_INT16 },
  { code: 'torch.ShortTensor.dtype', error: NO_INT16 },
  { code: 'isinstance(torch.ones(2), torch.ShortTensor), torch.ShortTensor', repr: "(False, <class 'torch.ShortTensor'>)" },
  { code: "torch.ones(2).type('torch.ShortTensor')", error: NO_INT16 },
  // matmul's batched path ends in one _unsafe_view (PyTorch 1.13 prints these; 2.x's _matmul_impl does the same,
  // and leaves a 2-D @ 3-D product unfolded unless the 2-D operand requires grad, so it too is UnsafeViewBackward0)
  {
    code: 'a = torch.ones(2, 3, 4, requires_grad=True)\n[type(r.grad_fn).__name__ for r in (a @ torch.ones(2, 4, 5), torch.ones(3) @ a, a @ torch.ones(1, 4, 2), torch.ones(2, 1, 3, 4, requires_grad=True) @ torch.ones(5, 4, 2), torch.ones(5, 3) @ a)]',
    repr: "['UnsafeViewBackward0', 'UnsafeViewBackward0', 'UnsafeViewBackward0', 'UnsafeViewBackward0', 'UnsafeViewBackward0']",
  },
  // int32 exists (values from PyTorch 1.13)
  { code: 'torch.IntTensor([1, 2]), torch.IntTensor.dtype', repr: '(tensor([1, 2], dtype=torch.int32), torch.int32)' },
  { code: "torch.ones(2).type('torch.IntTensor'), torch.ones(2).int().type()", repr: "(tensor([1, 1], dtype=torch.int32), 'torch.IntTensor')" },
  // memory PyTorch leaves uninitialised is zeros here
  { code: 'torch.Tensor(2, 3)', repr: 'tensor([[0., 0., 0.],\n        [0., 0., 0.]])' },
  { code: 'torch.LongTensor(2), torch.empty(size=(2,))', repr: '(tensor([0, 0]), tensor([0., 0.]))' },
  { code: "torch.ones(2).to('meta')", error: "NotImplementedError: device 'meta' is not supported by Autograd Playground, which computes on the CPU" },
  // a subclass of torch.Tensor built through the legacy constructor keeps its class
  { code: 'class T(torch.Tensor):\n    pass\nt = T([1., 2.])\n(type(t).__name__, t * 2)', repr: "('T', tensor([2., 4.]))" },
];

describe('torch API forms through the Python runtime', function () {
  this.timeout(120000);
  let session: PythonSession;
  before(async () => {
    session = await openSession();
  });
  after(async () => {
    await session.close();
  });

  describe('real PyTorch output (fixtures/torch_api_forms.json)', () => {
    const cases = (JSON.parse(fs.readFileSync(path.join(fixturesDir, 'torch_api_forms.json'), 'utf8')) as { cases: Case[] }).cases;
    let results: Result[] = [];
    before(async () => {
      results = await replay(session, cases);
    });
    cases.forEach((c, i) => {
      it(c.code.replace(/\\n/g, '; '), () => check(c, results[i]));
    });
  });

  describe('PyTorch 2.x behaviour and the playground’s limits', () => {
    let results: Result[] = [];
    before(async () => {
      results = await replay(session, PLAYGROUND_CASES);
    });
    PLAYGROUND_CASES.forEach((c, i) => {
      it(c.code.replace(/\n/g, '; '), () => check(c, results[i]));
    });
  });

  it('a default device set by one run does not reach the next', async () => {
    const first = await session.run("import torch\ntorch.set_default_device('cuda')\n");
    assert.equal(first.status, 'ok', first.stderr);
    const second = await session.run('import torch\nprint(torch.ones(1), torch.get_default_device())\n');
    assert.equal(second.status, 'ok', second.stderr);
    assert.equal(second.stdout, "tensor([1.]) cpu\n");
  });

  it('runs the tutorial device idiom unchanged, printing what PyTorch prints', async () => {
    const r = await session.run(
      [
        'import torch',
        'import torch.nn as nn',
        'device = torch.device("cuda" if torch.cuda.is_available() else "cpu")',
        'print(f"Using {device} device")',
        'torch.manual_seed(0)',
        'model = nn.Sequential(nn.Linear(2, 1)).to(device)',
        'x = torch.Tensor([[1.0, 2.0]]).to(device)',
        'y = model(x)',
        'print(type(y), y.device, y.type())',
        'print(model[0].bias)',
      ].join('\n'),
    );
    assert.equal(r.status, 'ok', r.stderr);
    assert.equal(
      r.stdout,
      "Using cpu device\n<class 'torch.Tensor'> cpu torch.FloatTensor\nParameter containing:\ntensor([-0.5820], requires_grad=True)\n",
    );
  });
});
