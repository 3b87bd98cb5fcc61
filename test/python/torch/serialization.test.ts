// torch.save / torch.load (src/python/torch/serialization.py) through the Python runtime: exact round trips in a
// run (to a path, which stays in memory, and to io.BytesIO), a file real PyTorch wrote (test/fixtures, made by
// test/harness/gen_torch_save_fixture.py), and, where real PyTorch is installed, our file loaded by it.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { openSession, type PythonSession, type RunResult } from '../../../src/runtime/host/runner';
import { fixturePath, readFixture } from '../../paths';

interface FixtureTensor {
  dtype: string;
  shape: number[];
  stride: number[];
  values: number[];
}

describe('torch.save and torch.load', function () {
  this.timeout(120000);
  let dir: string;
  let session: PythonSession;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agp-save-'));
    for (const name of ['torch_save_linear.pt', 'torch_save_half.pt']) fs.copyFileSync(fixturePath(name), path.join(dir, name));
    fs.writeFileSync(path.join(dir, 'not_a_zip.pt'), 'plain text');
    session = await openSession();
  });
  after(async () => {
    await session.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const run = (source: string): Promise<RunResult> => session.run(source, path.join(dir, 'train.py'), { root: dir, cwd: dir });

  async function ok(source: string): Promise<string> {
    const r = await run(source);
    assert.equal(r.status, 'ok', r.stderr);
    return r.stdout;
  }

  /** Python that prints `name: Type: message` for each failing expression. */
  const errors = (cases: string[]): string =>
    cases.map((c) => `try:\n    ${c}\n    print('no error')\nexcept Exception as e:\n    print(type(e).__name__ + ': ' + str(e))`).join('\n');

  const BITS = `
import struct
def bits(t):
    # float32 elements as their bit patterns: equal bits, not merely close values
    fmt = {'torch.float32': '<f', 'torch.float64': '<d'}.get(str(t.dtype))
    flat = t.reshape(-1).tolist()
    return [struct.unpack('<I' if fmt == '<f' else '<Q', struct.pack(fmt, v))[0] for v in flat] if fmt else flat
`;

  it('round-trips a state_dict bit for bit, through a path and through io.BytesIO', async () => {
    const before = fs.readdirSync(dir).sort();
    const r = await run(`${BITS}
import io, torch
torch.manual_seed(0)
model = torch.nn.Sequential(torch.nn.Linear(5, 4), torch.nn.Tanh(), torch.nn.Linear(4, 1))
model[0].weight.data.mul_(1 / 3)
state = model.state_dict()
state['step'] = torch.tensor(12345678901)
state['mask'] = torch.tensor([True, False, True])
state['double'] = torch.randn(2, 3, dtype=torch.float64)
torch.save(state, 'model.pt')
buffer = io.BytesIO()
torch.save(state, buffer)
buffer.seek(0)
for loaded in (torch.load('model.pt'), torch.load(buffer)):
    assert list(loaded) == list(state), list(loaded)
    for k in state:
        assert loaded[k].dtype == state[k].dtype and loaded[k].shape == state[k].shape, k
        assert bits(loaded[k]) == bits(state[k]), k
        assert not loaded[k].requires_grad
    print(type(loaded).__name__, loaded._metadata['0'])
fresh = torch.nn.Sequential(torch.nn.Linear(5, 4), torch.nn.Tanh(), torch.nn.Linear(4, 1))
fresh.load_state_dict(torch.load('model.pt'), strict=False)
print(torch.equal(fresh(torch.ones(1, 5)), model(torch.ones(1, 5))))
`);
    assert.equal(r.status, 'ok', r.stderr);
    assert.equal(r.stdout, "OrderedDict {'version': 1}\nOrderedDict {'version': 1}\nTrue\n");
    assert.equal(r.stderr, "autograd-playground: model.pt was kept in memory, not written to disk (a script's changes to files never reach the disk)\n");
    assert.deepEqual(fs.readdirSync(dir).sort(), before, 'model.pt never reached the disk');
  });

  it('loads a state_dict real PyTorch saved, bit for bit, with shared storage shared again', async () => {
    const reference = JSON.parse(readFixture('torch_save_linear.json')) as { keys: string[]; tensors: Record<string, FixtureTensor> };
    const out = await ok(`${BITS}
import json, torch
state = torch.load('torch_save_linear.pt')
print(json.dumps({'keys': list(state), 'tensors': {k: {'dtype': str(t.dtype)[6:], 'shape': list(t.shape), 'stride': list(t.stride()), 'values': bits(t)} for k, t in state.items()}}))
state['weight'][0, 0] = 100.0
print(state['weight_t'][0, 0].item())
`);
    const [json, shared] = out.trim().split('\n');
    assert.deepEqual(JSON.parse(json), { keys: reference.keys, tensors: reference.tensors });
    assert.equal(shared, '100.0');
  });

  it('writes files real PyTorch loads', async function () {
    const probe = spawnSync('/usr/bin/python3', ['-c', 'import torch'], { encoding: 'utf8' });
    if (probe.status !== 0) this.skip();
    const out = await ok(`
import base64, io, torch
torch.manual_seed(1)
lin = torch.nn.Linear(3, 2)
base = torch.arange(6.0)
b = io.BytesIO()
torch.save({'state': lin.state_dict(), 'views': [base, base[2:4]], 'n': torch.tensor([2**40, -1]), 'p': lin.weight, 'model': lin}, b)
print(base64.b64encode(b.getvalue()).decode())
print(lin.weight.tolist(), lin.bias.tolist())
`);
    const [b64, expected] = out.trim().split('\n');
    const file = path.join(dir, 'ours.pt');
    fs.writeFileSync(file, Buffer.from(b64, 'base64'));
    const check = spawnSync(
      '/usr/bin/python3',
      [
        '-c',
        `import torch
r = torch.load(${JSON.stringify(file)})
r['views'][0][2] = 100.0
print(r['state']['weight'].tolist(), r['state']['bias'].tolist())
print(r['views'][1].tolist(), r['n'].tolist(), type(r['p']).__name__, r['p'].requires_grad, type(r['model']).__name__)`,
      ],
      { encoding: 'utf8' },
    );
    assert.equal(check.status, 0, check.stderr);
    assert.equal(check.stdout, `${expected}\n[100.0, 3.0] [1099511627776, -1] Parameter True Linear\n`);
  });

  it('keeps what PyTorch keeps: Parameters, requires_grad, views sharing storage', async () => {
    const out = await ok(`
import io, torch
def roundtrip(obj, **kwargs):
    b = io.BytesIO()
    torch.save(obj, b)
    b.seek(0)
    return torch.load(b, **kwargs)
w = torch.nn.Parameter(torch.ones(2))
x = torch.ones(3, requires_grad=True)
y = x * 2
base = torch.arange(6.0)
r = roundtrip({'w': w, 'x': x, 'y': y, 'views': (base, base[1:3], base.view(2, 3).t()), 'same': [x, x]})
print(type(r['w']).__name__, r['w'].requires_grad, r['x'].requires_grad, r['x'].is_leaf, r['y'].requires_grad, r['y'].is_leaf, r['y'].grad_fn)
r['views'][0][1] = 50.0
print(r['views'][1].tolist(), r['views'][2].stride(), r['views'][2][1, 0].item(), r['same'][0] is r['same'][1])
print(roundtrip([1, 2.5, 'text', None, (True, b'raw'), {'nested': {3: 4.0}}, torch.float64, torch.Size([2, 3]), torch.device('cpu')]))
`);
    assert.equal(out, 'Parameter True True True True True None\n[50.0, 2.0] (1, 3) 50.0 True\n' + "[1, 2.5, 'text', None, (True, b'raw'), {'nested': {3: 4.0}}, torch.float64, torch.Size([2, 3]), device(type='cpu')]\n");
  });

  it('pickles tensors as PyTorch does: pickle keeps dtype and requires_grad, copy.copy shares storage', async () => {
    const out = await ok(`
import copy, pickle, torch
x = torch.arange(4, dtype=torch.float64).requires_grad_()
y = pickle.loads(pickle.dumps(x))
print(y.dtype, y.requires_grad, y.tolist(), type(pickle.loads(pickle.dumps(torch.nn.Parameter(torch.ones(1))))).__name__)
c = copy.copy(x)
with torch.no_grad():
    c[0] = 7.0
print(x[0].item(), pickle.loads(pickle.dumps(torch.tensor([2**40]))).item())
`);
    assert.equal(out, 'torch.float64 True [0.0, 1.0, 2.0, 3.0] Parameter\n7.0 1099511627776\n');
  });

  it("refuses other classes by default with PyTorch's message, and loads them with weights_only=False", async () => {
    const out = await ok(`
import io, torch
class Net(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = torch.nn.Linear(2, 1)
    def forward(self, x):
        return self.fc(x)
torch.manual_seed(0)
net = Net()
torch.save(net, 'net.pt')
try:
    torch.load('net.pt')
except Exception as e:
    print(type(e).__module__, type(e).__name__)
    print(e)
loaded = torch.load('net.pt', weights_only=False)
print(type(loaded).__name__, torch.equal(loaded(torch.ones(1, 2)), net(torch.ones(1, 2))), loaded.fc.weight.requires_grad)
with torch.serialization.safe_globals([Net, torch.nn.Linear]):
    print(type(torch.load('net.pt')).__name__)
try:
    torch.load('net.pt', pickle_module=__import__('pickle'))
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
`);
    assert.equal(
      out,
      '_pickle UnpicklingError\n' +
        'Weights only load failed. This file can still be loaded, to do so you have two options, do those steps only if you trust the source of the checkpoint. \n' +
        '\t(1) In PyTorch 2.6, we changed the default value of the `weights_only` argument in `torch.load` from `False` to `True`. Re-running `torch.load` with `weights_only` set to `False` will likely succeed, but it can result in arbitrary code execution. Do it only if you got the file from a trusted source.\n' +
        '\t(2) Alternatively, to load with `weights_only=True` please check the recommended steps in the following error message.\n' +
        '\tWeightsUnpickler error: Unsupported global: GLOBAL __main__.Net was not an allowed global by default. Please use `torch.serialization.add_safe_globals([__main__.Net])` or the `torch.serialization.safe_globals([__main__.Net])` context manager to allowlist this global if you trust this class/function.\n\n' +
        'Check the documentation of torch.load to learn more about types accepted by default with weights_only https://pytorch.org/docs/stable/generated/torch.load.html.\n' +
        'Net True True\nNet\n' +
        'RuntimeError: Can not safely load weights when explicit pickle_module is specified\n',
    );
  });

  it('maps storages to the CPU, and names what it cannot load', async () => {
    const out = await ok(
      'import torch\n' +
        errors([
          "torch.load('torch_save_linear.pt', map_location='cpu')",
          "torch.load('torch_save_linear.pt', map_location=torch.device('cpu'))",
          "torch.load('torch_save_linear.pt', map_location={'cpu': 'cpu'})",
          "torch.load('torch_save_linear.pt', map_location=lambda storage, loc: storage)",
          "torch.load('torch_save_linear.pt', map_location='cuda:0')",
          "torch.load('torch_save_linear.pt', map_location='mps')",
          "torch.load('torch_save_linear.pt', map_location=3)",
          "torch.load('torch_save_half.pt')",
          "torch.load('not_a_zip.pt')",
          "torch.load('missing.pt')",
          "torch.load('torch_save_linear.pt', mmap=True, encoding='latin1')",
          "torch.load('torch_save_linear.pt', fix_imports=True)",
          "torch.save({}, 'x.pt', _use_new_zipfile_serialization=False)",
        ]),
    );
    assert.deepEqual(out.trim().split('\n'), [
      'no error',
      'no error',
      'no error',
      'no error',
      "RuntimeError: Attempting to deserialize object on a CUDA device but torch.cuda.is_available() is False. If you are running on a CPU-only machine, please use torch.load with map_location=torch.device('cpu') to map your storages to the CPU.",
      "RuntimeError: Autograd Playground runs on the CPU only; device 'mps' is not available",
      'TypeError: torch.load: map_location must be a string, a torch.device, a dict or a function, not int',
      'no error',
      "RuntimeError: torch.load: this file is not in PyTorch's zip format (written by torch.save since PyTorch 1.6); Autograd Playground cannot load the legacy format or other pickles",
      "FileNotFoundError: [Errno 44] No such file or directory: 'missing.pt'",
      'no error',
      "TypeError: torch.load: argument 'fix_imports' is not supported by Autograd Playground",
      'NotImplementedError: torch.save: the legacy format (_use_new_zipfile_serialization=False) is not supported by Autograd Playground',
    ]);
  });
});
