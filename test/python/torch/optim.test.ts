/**
 * torch.optim through the Python runtime: optim.json (real PyTorch 2.11 trajectories, copied from
 * ../shared/reference) replayed for every optimizer configuration, plus the optimizer API around it:
 * printing, argument errors, param groups, state_dict round trips, closures and lr schedulers.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openSession, PythonSession } from '../../../src/runtime/host/runner';
import { fixturesDir, harnessDir } from '../../paths';

interface Step { loss: number; w: number[]; b: number }
interface OptimCase { optimizer: string; trajectory: Step[] }
type Replay = Record<'tensors' | 'module', Step[] | { error: string }>;

const FIXTURES = fixturesDir;
const HARNESS = harnessDir;
const REF = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'optim.json'), 'utf8')) as { cases: OptimCase[] };

/** Runs Python source and returns the JSON its last stdout line holds. */
async function py<T>(session: PythonSession, source: string): Promise<T> {
  const r = await session.run(source, 'optim_test.py');
  assert.equal(r.status, 'ok', r.stderr);
  const lines = r.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]) as T;
}

/**
 * float32 agreement for a trajectory. Parameters: within 1e-5 of the largest parameter magnitude the trajectory
 * reaches (an update rounds relative to the parameters it changes, not to values that happen to be near 0).
 * Loss: the README's float32 tolerance (rtol 1e-5, atol 1e-6); late losses are differences of nearly equal
 * numbers, so their relative error is larger than the parameters'.
 */
function compare(actual: Step[], expected: Step[]): { param: number; loss: number } {
  assert.equal(actual.length, expected.length, 'number of steps');
  const scale = Math.max(...expected.flatMap((s) => [...s.w.map(Math.abs), Math.abs(s.b)]));
  let param = 0;
  let loss = 0;
  expected.forEach((e, i) => {
    const a = actual[i];
    const dl = Math.abs(a.loss - e.loss);
    loss = Math.max(loss, dl);
    assert.ok(dl <= 1e-6 + 1e-5 * Math.abs(e.loss), `step ${i + 1} loss: expected ${e.loss}, got ${a.loss}`);
    const pairs: Array<[string, number, number]> = [...e.w.map((v, j): [string, number, number] => [`w[${j}]`, a.w[j], v]), ['b', a.b, e.b]];
    for (const [name, av, ev] of pairs) {
      const d = Math.abs(av - ev);
      param = Math.max(param, d);
      assert.ok(d <= 1e-5 * scale + 1e-5 * Math.abs(ev), `step ${i + 1} ${name}: expected ${ev}, got ${av}`);
    }
  });
  return { param, loss };
}

describe('torch.optim through the Python runtime', function () {
  this.timeout(120000);
  let session: PythonSession;
  before(async () => {
    session = await openSession();
  });
  after(async () => {
    await session.close();
  });

  describe('optim.json: 25 steps of full-batch MSE linear regression from zeros', () => {
    let results: Replay[] = [];
    const worst = { param: 0, loss: 0 };
    before(async () => {
      const body = fs.readFileSync(path.join(HARNESS, 'replay_optim.py'), 'utf8');
      results = await py<Replay[]>(session, `CASES_JSON = ${JSON.stringify(JSON.stringify(REF))}\n${body}`);
    });
    REF.cases.forEach((c, i) => {
      for (const model of ['tensors', 'module'] as const) {
        const label = model === 'tensors' ? 'w, b tensors' : 'nn.Linear + nn.MSELoss';
        it(`${c.optimizer} [${label}]`, () => {
          const r = results[i][model];
          assert.ok(Array.isArray(r), (r as { error: string }).error);
          const d = compare(r, c.trajectory);
          worst.param = Math.max(worst.param, d.param);
          worst.loss = Math.max(worst.loss, d.loss);
        });
      }
    });
    it('stays within a few float32 ulps of PyTorch over the whole trajectory', () => {
      // Measured: at most 4.8e-7 on parameters of magnitude up to ~3.2 and 1.9e-6 on losses (~2.4 at the time).
      assert.ok(worst.param < 2e-6, `max parameter deviation ${worst.param}`);
      assert.ok(worst.loss < 1e-5, `max loss deviation ${worst.loss}`);
    });
  });

  describe('printing', () => {
    it('prints SGD like PyTorch 2.11', async () => {
      const out = await py<string>(session, `
import json, torch
print(json.dumps(repr(torch.optim.SGD([torch.zeros(2, requires_grad=True)], lr=0.1))))`);
      assert.equal(
        out,
        'SGD (\nParameter Group 0\n    dampening: 0\n    differentiable: False\n    foreach: None\n    fused: None\n' +
          '    lr: 0.1\n    maximize: False\n    momentum: 0\n    nesterov: False\n    weight_decay: 0\n)',
      );
    });

    it('lists each optimizer\'s group keys, sorted, with a blank line between groups', async () => {
      const out = await py<Record<string, string>>(session, `
import json, torch
w = torch.zeros(2, requires_grad=True); b = torch.zeros(1, requires_grad=True)
out = {}
for name in ["Adam", "AdamW", "RMSprop", "Adagrad"]:
    out[name] = repr(getattr(torch.optim, name)([w]))
out["groups"] = repr(torch.optim.SGD([{"params": [w]}, {"params": [b], "lr": 0.5}], lr=0.1, momentum=0.9))
print(json.dumps(out))`);
      const keys = (s: string) => s.split('\n').filter((l) => l.startsWith('    ')).map((l) => l.trim());
      assert.deepEqual(keys(out.Adam), [
        'amsgrad: False', 'betas: (0.9, 0.999)', 'capturable: False', 'decoupled_weight_decay: False',
        'differentiable: False', 'eps: 1e-08', 'foreach: None', 'fused: None', 'lr: 0.001', 'maximize: False',
        'weight_decay: 0',
      ]);
      assert.deepEqual(keys(out.AdamW), [
        'amsgrad: False', 'betas: (0.9, 0.999)', 'capturable: False', 'decoupled_weight_decay: True',
        'differentiable: False', 'eps: 1e-08', 'foreach: None', 'fused: None', 'lr: 0.001', 'maximize: False',
        'weight_decay: 0.01',
      ]);
      assert.deepEqual(keys(out.RMSprop), [
        'alpha: 0.99', 'capturable: False', 'centered: False', 'differentiable: False', 'eps: 1e-08',
        'foreach: None', 'lr: 0.01', 'maximize: False', 'momentum: 0', 'weight_decay: 0',
      ]);
      assert.deepEqual(keys(out.Adagrad), [
        'differentiable: False', 'eps: 1e-10', 'foreach: None', 'fused: None', 'initial_accumulator_value: 0',
        'lr: 0.01', 'lr_decay: 0', 'maximize: False', 'weight_decay: 0',
      ]);
      assert.ok(out.Adam.startsWith('Adam (\nParameter Group 0\n'));
      assert.ok(out.groups.includes('    weight_decay: 0\n\nParameter Group 1\n    dampening: 0\n'), out.groups);
      assert.ok(out.groups.endsWith('    lr: 0.5\n    maximize: False\n    momentum: 0.9\n    nesterov: False\n    weight_decay: 0\n)'));
    });
  });

  describe('argument errors', () => {
    const cases: Array<[string, string]> = [
      ['torch.optim.SGD([w], lr=-1)', 'ValueError: Invalid learning rate: -1'],
      ['torch.optim.SGD([w], lr=0.1, momentum=-0.5)', 'ValueError: Invalid momentum value: -0.5'],
      ['torch.optim.SGD([w], lr=0.1, weight_decay=-1)', 'ValueError: Invalid weight_decay value: -1'],
      ['torch.optim.SGD([w], lr=0.1, nesterov=True)', 'ValueError: Nesterov momentum requires a momentum and zero dampening'],
      ['torch.optim.SGD([w], lr=0.1, momentum=0.9, dampening=0.1, nesterov=True)', 'ValueError: Nesterov momentum requires a momentum and zero dampening'],
      ['torch.optim.Adam([w], lr=-0.01)', 'ValueError: Invalid learning rate: -0.01'],
      ['torch.optim.Adam([w], eps=-1e-08)', 'ValueError: Invalid epsilon value: -1e-08'],
      ['torch.optim.Adam([w], betas=(1.5, 0.999))', 'ValueError: Invalid beta parameter at index 0: 1.5'],
      ['torch.optim.Adam([w], betas=(0.9, 1.0))', 'ValueError: Invalid beta parameter at index 1: 1.0'],
      ['torch.optim.Adam([w], weight_decay=-0.1)', 'ValueError: Invalid weight_decay value: -0.1'],
      ['torch.optim.AdamW([w], betas=(0.9, -0.1))', 'ValueError: Invalid beta parameter at index 1: -0.1'],
      ['torch.optim.RMSprop([w], alpha=-0.5)', 'ValueError: Invalid alpha value: -0.5'],
      ['torch.optim.RMSprop([w], momentum=-1)', 'ValueError: Invalid momentum value: -1'],
      ['torch.optim.Adagrad([w], lr_decay=-1)', 'ValueError: Invalid lr_decay value: -1'],
      ['torch.optim.Adagrad([w], initial_accumulator_value=-1)', 'ValueError: Invalid initial_accumulator_value value: -1'],
      ['torch.optim.SGD(w, lr=0.1)', 'TypeError: params argument given to the optimizer should be an iterable of Tensors or dicts, but got torch.FloatTensor'],
      ['torch.optim.SGD([], lr=0.1)', 'ValueError: optimizer got an empty parameter list'],
      ['torch.optim.SGD([w * 2], lr=0.1)', "ValueError: can't optimize a non-leaf Tensor"],
      ['torch.optim.SGD([w, 3], lr=0.1)', 'TypeError: optimizer can only optimize Tensors, but one of the params is int'],
      ['torch.optim.SGD([w], lr=0.1).add_param_group({"params": {torch.zeros(1, requires_grad=True)}})', 'TypeError: optimizer parameters need to be organized in ordered collections, but the ordering of tensors in sets will change between runs. Please use a list instead.'],
      ['torch.optim.SGD({w}, lr=0.1)', 'None'],
      ['torch.optim.SGD([{"params": [w]}, {"params": [w]}], lr=0.1)', 'ValueError: some parameters appear in more than one parameter group'],
      ['torch.optim.SGD([w], lr=0.1).add_param_group([w])', "TypeError: param_group must be a dict, but got list"],
      ['torch.optim.Optimizer([w], {}).step()', 'NotImplementedError: '],
      ['torch.optim.SGD([torch.tensor([1.0])], lr=0.1)', 'None'],
    ];
    let results: string[] = [];
    before(async () => {
      results = await py<string[]>(session, `
import json, torch
w = torch.zeros(3, requires_grad=True)
out = []
for code in json.loads(${JSON.stringify(JSON.stringify(cases.map((c) => c[0])))}):
    try:
        exec(code, {"torch": torch, "w": w})
        out.append("None")
    except Exception as e:
        out.append("%s: %s" % (type(e).__name__, e))
print(json.dumps(out))`);
    });
    cases.forEach(([code, expected], i) => {
      it(code, () => assert.equal(results[i], expected));
    });
  });

  describe('optimizer API', () => {
    it('zero_grad sets grads to None by default and zeroes them with set_to_none=False', async () => {
      const out = await py<[boolean, number[]]>(session, `
import json, torch
w = torch.ones(3, requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1)
(w * 2).sum().backward()
opt.zero_grad()
a = w.grad is None
(w * 2).sum().backward()
opt.zero_grad(set_to_none=False)
print(json.dumps([a, w.grad.tolist()]))`);
      assert.deepEqual(out, [true, [0, 0, 0]]);
    });

    it('step(closure) re-evaluates the loss with grad enabled and returns it', async () => {
      const out = await py<[number, number[], boolean]>(session, `
import json, torch
w = torch.tensor([1.0, -2.0], requires_grad=True)
opt = torch.optim.SGD([w], lr=0.25)
seen = []
def closure():
    opt.zero_grad()
    loss = (w ** 2).sum()
    seen.append(torch.is_grad_enabled())
    loss.backward()
    return loss
loss = opt.step(closure)
print(json.dumps([loss.item(), w.tolist(), seen[0]]))`);
      assert.deepEqual(out, [5, [0.5, -1], true]);
    });

    it('skips parameters without gradients and keeps per-group hyperparameters', async () => {
      const out = await py<number[][]>(session, `
import json, torch
a = torch.ones(2, requires_grad=True); b = torch.ones(2, requires_grad=True); c = torch.ones(2, requires_grad=True)
opt = torch.optim.SGD([{"params": [a]}, {"params": [b], "lr": 1.0}], lr=0.5)
opt.add_param_group({"params": c, "lr": 0.0})
(a.sum() + b.sum()).backward()
opt.step()
print(json.dumps([a.tolist(), b.tolist(), c.tolist(), [len(opt.param_groups)]]))`);
      assert.deepEqual(out, [[0.5, 0.5], [0, 0], [1, 1], [3]]);
    });

    it('state_dict has PyTorch\'s structure and load_state_dict resumes training exactly', async () => {
      const out = await py<{ keys: string[]; groups: unknown[]; state: Record<string, string[]>; step: number; same: boolean; shared: boolean }>(session, `
import copy, json, torch
torch.manual_seed(0)
X = torch.randn(16, 3); Y = torch.randn(16, 1)
def make():
    w = torch.zeros(3, 1, requires_grad=True); b = torch.zeros(1, requires_grad=True)
    return w, b
def train(w, b, opt, n):
    for _ in range(n):
        opt.zero_grad(); ((X @ w + b - Y) ** 2).mean().backward(); opt.step()
w, b = make()
opt = torch.optim.Adam([w, b], lr=0.05)
train(w, b, opt, 3)
live = opt.state_dict()
sd = copy.deepcopy(live)
w2, b2 = w.detach().clone().requires_grad_(), b.detach().clone().requires_grad_()
opt2 = torch.optim.Adam([w2, b2], lr=0.05)
opt2.load_state_dict(sd)
train(w, b, opt, 4); train(w2, b2, opt2, 4)
print(json.dumps({
    "keys": list(sd.keys()),
    "groups": sd["param_groups"],
    "state": {str(k): list(v.keys()) for k, v in sd["state"].items()},
    "step": sd["state"][0]["step"].item(),
    "same": torch.equal(w, w2) and torch.equal(b, b2),
    "shared": opt2.state[w2]["exp_avg"] is sd["state"][0]["exp_avg"] and opt.state[w]["exp_avg"] is live["state"][0]["exp_avg"],
}))`);
      assert.deepEqual(out.keys, ['state', 'param_groups']);
      assert.deepEqual(out.groups, [{
        lr: 0.05, betas: [0.9, 0.999], eps: 1e-8, weight_decay: 0, amsgrad: false, maximize: false, foreach: null,
        capturable: false, differentiable: false, fused: null, decoupled_weight_decay: false, params: [0, 1],
      }]);
      assert.deepEqual(out.state, { 0: ['step', 'exp_avg', 'exp_avg_sq'], 1: ['step', 'exp_avg', 'exp_avg_sq'] });
      // state_dict() holds the live state tensors and load_state_dict() adopts them without copying, as in
      // PyTorch: the loaded optimizer advanced the deep copy's step counter from 3 to 7.
      assert.equal(out.step, 7);
      assert.ok(out.same);
      assert.ok(out.shared);
    });

    it('load_state_dict checks the group layout', async () => {
      const out = await py<string[]>(session, `
import json, torch
a = torch.zeros(2, requires_grad=True); b = torch.zeros(2, requires_grad=True)
sd = torch.optim.SGD([a, b], lr=0.1).state_dict()
out = []
for opt in (torch.optim.SGD([{"params": [a]}, {"params": [b]}], lr=0.1), torch.optim.SGD([a], lr=0.1)):
    try:
        opt.load_state_dict(sd)
    except ValueError as e:
        out.append(str(e))
print(json.dumps(out))`);
      assert.deepEqual(out, [
        'loaded state dict has a different number of parameter groups',
        "loaded state dict contains a parameter group that doesn't match the size of optimizer's group",
      ]);
    });

    it('SGD keeps its momentum buffer in state; Adagrad creates its state in the constructor', async () => {
      const out = await py<[string[], string[], number]>(session, `
import json, torch
w = torch.ones(2, requires_grad=True)
sgd = torch.optim.SGD([w], lr=0.1, momentum=0.9)
w.sum().backward(); sgd.step()
ada = torch.optim.Adagrad([w], lr=0.1, initial_accumulator_value=0.5)
print(json.dumps([list(sgd.state[w].keys()), list(ada.state[w].keys()), ada.state[w]["sum"][0].item()]))`);
      assert.deepEqual(out, [['momentum_buffer'], ['step', 'sum'], 0.5]);
    });

    it('maximize, amsgrad, centered RMSprop with momentum and Adagrad lr_decay follow the single-tensor formulas', async () => {
      // Reference values: the same formulas evaluated in float64 Python, one step at a time (within float32).
      const out = await py<Record<string, [number, number]>>(session, `
import json, math, torch
g = [0.5, -1.5]
def run(make, steps=3):
    w = torch.tensor([1.0, 2.0], requires_grad=True)
    opt = make([w])
    for _ in range(steps):
        opt.zero_grad()
        w.grad = torch.tensor(g)
        opt.step()
    return w.tolist()
def ref_adam(amsgrad, maximize, lr=0.1, b1=0.9, b2=0.999, eps=1e-8, steps=3):
    out = []
    for p, gi in zip([1.0, 2.0], g):
        m = v = vmax = 0.0
        gi = -gi if maximize else gi
        for t in range(1, steps + 1):
            m = m + (gi - m) * (1 - b1); v = v * b2 + (1 - b2) * gi * gi; vmax = max(vmax, v)
            den = math.sqrt(vmax if amsgrad else v) / math.sqrt(1 - b2 ** t) + eps
            p -= lr / (1 - b1 ** t) * m / den
        out.append(p)
    return out
def ref_rms(lr=0.01, alpha=0.99, eps=1e-8, mom=0.9, steps=3):
    out = []
    for p, gi in zip([1.0, 2.0], g):
        sq = ga = buf = 0.0
        for _ in range(steps):
            sq = sq * alpha + (1 - alpha) * gi * gi; ga = ga + (gi - ga) * (1 - alpha)
            avg = math.sqrt(sq - ga * ga) + eps; buf = buf * mom + gi / avg; p -= lr * buf
        out.append(p)
    return out
def ref_adagrad(lr=0.1, lr_decay=0.5, eps=1e-10, steps=3):
    out = []
    for p, gi in zip([1.0, 2.0], g):
        s = 0.0
        for t in range(1, steps + 1):
            s += gi * gi; p -= lr / (1 + (t - 1) * lr_decay) * gi / (math.sqrt(s) + eps)
        out.append(p)
    return out
res = {
    "adam_max": (run(lambda p: torch.optim.Adam(p, lr=0.1, maximize=True)), ref_adam(False, True)),
    "adam_ams": (run(lambda p: torch.optim.Adam(p, lr=0.1, amsgrad=True)), ref_adam(True, False)),
    "rms": (run(lambda p: torch.optim.RMSprop(p, lr=0.01, momentum=0.9, centered=True)), ref_rms()),
    "adagrad": (run(lambda p: torch.optim.Adagrad(p, lr=0.1, lr_decay=0.5)), ref_adagrad()),
}
print(json.dumps({k: [max(abs(a - b) for a, b in zip(*v)), max(abs(b) for b in v[1])] for k, v in res.items()}))`);
      for (const [name, [dev, scale]] of Object.entries(out)) assert.ok(dev <= 1e-6 * Math.max(1, scale), `${name}: ${dev}`);
    });
  });

  describe('the fused Adam update (one engine call per parameter)', () => {
    it('is bit-identical to the operation-by-operation update, states and version counters included', async () => {
      const out = await py<{ fused: string[]; ops: string[]; taken: number }>(session, `
import json, struct, torch
import torch.optim.adam as adam_module

taken = [0]

def counting(*a):
    r = original_step(*a)
    taken[0] += r
    return r

original_step = adam_module._fused_step

def run(fused):
    original = adam_module._fused_step
    adam_module._fused_step = counting if fused else (lambda *a: False)
    try:
        results = []
        configs = [
            (torch.float32, dict()), (torch.float32, dict(weight_decay=0.1)), (torch.float32, dict(amsgrad=True)),
            (torch.float32, dict(maximize=True, betas=(0.3, 0.2))), (torch.float32, dict(weight_decay=0.05, decoupled_weight_decay=True)),
            (torch.float64, dict(amsgrad=True, weight_decay=0.01)), (torch.float16, dict(lr=0.01)), (torch.bfloat16, dict(lr=0.05, eps=1e-3)),
        ]
        for dtype, kw in configs:
            torch.manual_seed(0)
            w = torch.randn(7, 3, dtype=dtype, requires_grad=True)
            b = torch.zeros(3, dtype=dtype, requires_grad=True)
            opt = torch.optim.AdamW([w, b], **kw) if kw.pop("decoupled_weight_decay", False) else torch.optim.Adam([w, b], **kw)
            x = torch.randn(16, 7, dtype=dtype)
            for _ in range(30):
                opt.zero_grad()
                loss = ((x @ w + b).tanh() - 0.5).pow(2).mean()
                loss.backward()
                opt.step()
            st = opt.state[w]
            vals = [w, b, st["exp_avg"], st["exp_avg_sq"], st["step"]] + ([st["max_exp_avg_sq"]] if "max_exp_avg_sq" in st else [])
            bits = [v.detach().double().flatten().tolist() for v in vals]
            results.append(json.dumps([[struct.pack(">d", f).hex() for f in t] for t in bits] + [[w._version, b._version, st["exp_avg"]._version, st["exp_avg_sq"]._version, st["step"]._version]]))
        return results
    finally:
        adam_module._fused_step = original

print(json.dumps({"fused": run(True), "ops": run(False), "taken": taken[0]}))`);
      assert.equal(out.taken, 8 * 30 * 2, 'every parameter update took the fused path');
      assert.equal(out.fused.length, 8);
      out.fused.forEach((f, i) => assert.equal(f, out.ops[i], `configuration ${i}`));
    });
  });

  describe('lr_scheduler', () => {
    it('StepLR, MultiStepLR, ExponentialLR and LambdaLR give PyTorch\'s schedules', async () => {
      const out = await py<Record<string, number[]>>(session, `
import json, warnings, torch
from torch.optim import lr_scheduler as S
def sched(make, n=7, lr=1.0):
    w = torch.zeros(1, requires_grad=True)
    opt = torch.optim.SGD([w], lr=lr)
    s = make(opt)
    lrs = [s.get_last_lr()[0]]
    for _ in range(n):
        opt.step(); s.step(); lrs.append(s.get_last_lr()[0])
    return lrs
print(json.dumps({
    "step": sched(lambda o: S.StepLR(o, step_size=3, gamma=0.5)),
    "multistep": sched(lambda o: S.MultiStepLR(o, milestones=[2, 5, 5], gamma=0.1)),
    "exp": sched(lambda o: S.ExponentialLR(o, gamma=0.5)),
    "lambda": sched(lambda o: S.LambdaLR(o, lambda e: 1.0 / (e + 1))),
}))`);
      assert.deepEqual(out.step, [1, 1, 1, 0.5, 0.5, 0.5, 0.25, 0.25]);
      const ms = out.multistep.map((v) => Number(v.toPrecision(12)));
      assert.deepEqual(ms, [1, 1, 0.1, 0.1, 0.1, 0.001, 0.001, 0.001]);
      assert.deepEqual(out.exp, [1, 0.5, 0.25, 0.125, 0.0625, 0.03125, 0.015625, 0.0078125]);
      assert.deepEqual(out.lambda, [1, 1 / 2, 1 / 3, 1 / 4, 1 / 5, 1 / 6, 1 / 7, 1 / 8]);
    });

    it('records initial_lr in the param groups and warns when stepped before the optimizer', async () => {
      const out = await py<{ initial: number; warned: string[]; resumeError: string; lr: number }>(session, `
import json, warnings, torch
w = torch.zeros(1, requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1)
s = torch.optim.lr_scheduler.StepLR(opt, step_size=1, gamma=0.5)
with warnings.catch_warnings(record=True) as rec:
    warnings.simplefilter("always")
    s.step()
try:
    torch.optim.lr_scheduler.StepLR(torch.optim.SGD([w], lr=0.1), step_size=1, last_epoch=3)
    err = None
except KeyError as e:
    err = str(e)
print(json.dumps({"initial": opt.param_groups[0]["initial_lr"], "warned": [str(r.message) for r in rec],
                  "resumeError": err, "lr": opt.param_groups[0]["lr"]}))`);
      assert.equal(out.initial, 0.1);
      assert.equal(out.warned.length, 1);
      assert.ok(out.warned[0].startsWith('Detected call of `lr_scheduler.step()` before `optimizer.step()`. In PyTorch 1.1.0'));
      assert.equal(out.resumeError, "\"param 'initial_lr' is not specified in param_groups[0] when resuming an optimizer\"");
      assert.equal(out.lr, 0.05);
    });

    it('ReduceLROnPlateau and CosineAnnealingLR', async () => {
      const out = await py<{ plateau: number[]; cosine: number[] }>(session, `
import json, math, torch
w = torch.zeros(1, requires_grad=True)
opt = torch.optim.SGD([w], lr=1.0)
s = torch.optim.lr_scheduler.ReduceLROnPlateau(opt, patience=1, factor=0.5)
plateau = []
for m in [5, 4, 4, 4, 4, 3, 3, 3]:
    s.step(m); plateau.append(opt.param_groups[0]["lr"])
opt2 = torch.optim.SGD([w], lr=1.0)
c = torch.optim.lr_scheduler.CosineAnnealingLR(opt2, T_max=4)
cosine = [c.get_last_lr()[0]]
for _ in range(4):
    opt2.step(); c.step(); cosine.append(c.get_last_lr()[0])
print(json.dumps({"plateau": plateau, "cosine": cosine}))`);
      assert.deepEqual(out.plateau, [1, 1, 1, 0.5, 0.5, 0.5, 0.5, 0.25]);
      const expected = [0, 1, 2, 3, 4].map((t) => (1 + Math.cos((Math.PI * t) / 4)) / 2);
      out.cosine.forEach((v, i) => assert.ok(Math.abs(v - expected[i]) < 1e-12, `cosine[${i}] = ${v}`));
    });
  });
});
