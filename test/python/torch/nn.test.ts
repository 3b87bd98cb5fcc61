/**
 * torch.nn.Module bookkeeping through the Python runtime, against PyTorch 2.11's behaviour: printing of nested
 * containers, parameter/buffer enumeration, state_dict order and loading errors, zero_grad, container indexing
 * and nn.init.
 */
import { strict as assert } from 'node:assert';
import { openSession, PythonSession } from '../../../src/runtime/host/runner';

async function py<T>(session: PythonSession, source: string): Promise<T> {
  const r = await session.run(source, 'nn_test.py');
  assert.equal(r.status, 'ok', r.stderr);
  const lines = r.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]) as T;
}

const NET = `
import json, torch
import torch.nn as nn
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 3)
        self.register_buffer("running", torch.zeros(3))
        self.register_buffer("scratch", torch.ones(1), persistent=False)
        self.blocks = nn.ModuleList([nn.Linear(3, 3) for _ in range(3)] + [nn.ReLU()])
        self.head = nn.Sequential(nn.Linear(3, 1), nn.Sigmoid())
torch.manual_seed(0)
net = Net()
`;

describe('torch.nn.Module through the Python runtime', function () {
  this.timeout(120000);
  let session: PythonSession;
  before(async () => {
    session = await openSession();
  });
  after(async () => {
    await session.close();
  });

  it('prints nested modules, compressing repeated ModuleList entries', async () => {
    const out = await py<string>(session, `${NET}
print(json.dumps(repr(net)))`);
    assert.equal(
      out,
      'Net(\n' +
        '  (fc): Linear(in_features=2, out_features=3, bias=True)\n' +
        '  (blocks): ModuleList(\n' +
        '    (0-2): 3 x Linear(in_features=3, out_features=3, bias=True)\n' +
        '    (3): ReLU()\n' +
        '  )\n' +
        '  (head): Sequential(\n' +
        '    (0): Linear(in_features=3, out_features=1, bias=True)\n' +
        '    (1): Sigmoid()\n' +
        '  )\n' +
        ')',
    );
  });

  it('state_dict lists each module\'s own parameters and persistent buffers before its children\'s', async () => {
    const out = await py<{ sd: string[]; params: string[]; buffers: string[]; own: string[]; shared: string[]; sharedAll: string[] }>(session, `${NET}
lin = nn.Linear(1, 1)
tied = nn.Sequential(lin, lin)
print(json.dumps({"sd": list(net.state_dict().keys()), "params": [n for n, _ in net.named_parameters()],
                  "buffers": [n for n, _ in net.named_buffers()], "own": [n for n, _ in net.named_parameters(recurse=False)],
                  "shared": [n for n, _ in tied.named_parameters()], "sharedAll": list(tied.state_dict().keys())}))`);
    assert.deepEqual(out.sd, [
      'running', 'fc.weight', 'fc.bias', 'blocks.0.weight', 'blocks.0.bias', 'blocks.1.weight', 'blocks.1.bias',
      'blocks.2.weight', 'blocks.2.bias', 'head.0.weight', 'head.0.bias',
    ]);
    assert.deepEqual(out.params, out.sd.slice(1));
    assert.deepEqual(out.buffers, ['running', 'scratch']);
    assert.deepEqual(out.own, []);
    assert.deepEqual(out.shared, ['0.weight', '0.bias']);
    assert.deepEqual(out.sharedAll, ['0.weight', '0.bias', '1.weight', '1.bias']);
  });

  it('load_state_dict reports missing, unexpected and mis-shaped entries like PyTorch', async () => {
    const out = await py<{ ok: string; error: string; lax: string; loaded: boolean }>(session, `${NET}
sd = net.state_dict()
ok = repr(net.load_state_dict(sd))
bad = dict(sd); bad.pop("fc.bias"); bad["extra"] = torch.zeros(1); bad["fc.weight"] = torch.zeros(4, 2)
try:
    net.load_state_dict(bad)
    err = None
except RuntimeError as e:
    err = str(e)
lax = repr(nn.Linear(2, 3).load_state_dict({"weight": torch.ones(3, 2), "junk": torch.ones(1)}, strict=False))
m = nn.Linear(2, 3)
m.load_state_dict({"weight": torch.ones(3, 2), "bias": torch.zeros(3)})
print(json.dumps({"ok": ok, "error": err, "lax": lax, "loaded": bool((m.weight == 1).all()) and m.weight.requires_grad}))`);
    assert.equal(out.ok, '<All keys matched successfully>');
    assert.equal(
      out.error,
      'Error(s) in loading state_dict for Net:\n' +
        '\tMissing key(s) in state_dict: "fc.bias". \n' +
        '\tUnexpected key(s) in state_dict: "extra". \n' +
        '\tsize mismatch for fc.weight: copying a param with shape torch.Size([4, 2]) from checkpoint, the shape in current model is torch.Size([3, 2]).',
    );
    assert.equal(out.lax, "_IncompatibleKeys(missing_keys=['bias'], unexpected_keys=['junk'])");
    assert.ok(out.loaded);
  });

  it('assigning a tensor to a buffer name updates the buffer; registration checks names', async () => {
    const out = await py<[number[], string[]]>(session, `${NET}
net.running = torch.ones(3)
errs = []
for f in (lambda: net.register_buffer("fc", torch.zeros(1)), lambda: net.register_buffer("a.b", torch.zeros(1)),
          lambda: net.register_parameter("p", torch.zeros(1)), lambda: net.add_module("x", 3)):
    try:
        f()
    except Exception as e:
        errs.append("%s: %s" % (type(e).__name__, e))
print(json.dumps([net.state_dict()["running"].tolist(), errs]))`);
    assert.deepEqual(out[0], [1, 1, 1]);
    assert.deepEqual(out[1], [
      'KeyError: "attribute \'fc\' already exists"',
      'KeyError: \'buffer name can\\\'t contain "."\'',
      "TypeError: cannot assign 'torch.FloatTensor' object to parameter 'p' (torch.nn.Parameter or None required)",
      'TypeError: int is not a Module subclass',
    ]);
  });

  it('zero_grad, Sequential slicing and container index errors', async () => {
    const out = await py<unknown[]>(session, `${NET}
x = torch.randn(4, 2)
net.head(net.fc(x)).sum().backward()
net.zero_grad(set_to_none=False)
zeroed = net.fc.weight.grad.abs().sum().item()
net.zero_grad()
seq = nn.Sequential(nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 1))
errs = []
for f in (lambda: seq[3], lambda: net.blocks[-5]):
    try:
        f()
    except IndexError as e:
        errs.append(str(e))
print(json.dumps([zeroed, net.fc.weight.grad is None, list(seq[1:]._modules.keys()), type(seq[-1]).__name__, errs]))`);
    assert.deepEqual(out, [0, true, ['1', '2'], 'Linear', ['index 3 is out of range', 'index -5 is out of range']]);
  });

  it('nn.init: gains, fans, and the in-place initialisers', async () => {
    const out = await py<Record<string, unknown>>(session, `
import json, math, torch
import torch.nn as nn
init = nn.init
torch.manual_seed(0)
w = torch.empty(3, 5)
t = torch.empty(1000)
init.trunc_normal_(t, mean=0.5, std=1.0, a=-1.0, b=1.5)
errs = []
for f in (lambda: init.calculate_gain("leaky_relu", True), lambda: init.calculate_gain("softmax"),
          lambda: init.xavier_uniform_(torch.empty(3)), lambda: init.kaiming_normal_(w, mode="fan_avg")):
    try:
        f()
    except ValueError as e:
        errs.append(str(e))
torch.manual_seed(1)
k = init.kaiming_uniform_(torch.empty(4, 6), a=math.sqrt(5))
torch.manual_seed(1)
ref = torch.empty(4, 6).uniform_(-math.sqrt(3.0) * (math.sqrt(2.0 / 6) / math.sqrt(6)), math.sqrt(3.0) * (math.sqrt(2.0 / 6) / math.sqrt(6)))
print(json.dumps({
    "gains": [init.calculate_gain(n) for n in ("linear", "conv_transpose2d", "sigmoid", "tanh", "relu", "selu")] + [init.calculate_gain("leaky_relu", 0.2)],
    "fans": list(init._calculate_fan_in_and_fan_out(torch.empty(4, 3, 2, 5))),
    "trunc": [t.min().item() >= -1.0, t.max().item() <= 1.5, abs(t.mean().item() - 0.355) < 0.08],
    "eye": init.eye_(w).tolist(), "ones": init.ones_(torch.empty(2)).tolist(), "const": init.constant_(torch.empty(2), 0.25).tolist(),
    "kaiming": torch.equal(k, ref), "errs": errs,
}))`);
    assert.deepEqual(out.gains, [1, 1, 1, 5 / 3, Math.sqrt(2), 0.75, Math.sqrt(2 / (1 + 0.2 ** 2))]);
    assert.deepEqual(out.fans, [30, 40]);
    assert.deepEqual(out.trunc, [true, true, true]);
    assert.deepEqual(out.eye, [[1, 0, 0, 0, 0], [0, 1, 0, 0, 0], [0, 0, 1, 0, 0]]);
    assert.deepEqual(out.ones, [1, 1]);
    assert.deepEqual(out.const, [0.25, 0.25]);
    assert.ok(out.kaiming);
    assert.deepEqual(out.errs, [
      'negative_slope True not a valid number',
      'Unsupported nonlinearity softmax',
      'Fan in and fan out can not be computed for tensor with fewer than 2 dimensions',
      "Mode fan_avg not supported, please use one of ['fan_in', 'fan_out']",
    ]);
  });
});
