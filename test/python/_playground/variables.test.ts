// The runtime's two editor-facing additions: the `variables` event at the end of every run (what hovers show)
// and the detectNonFinite run setting ("Find where NaN first appears").
import { strict as assert } from 'node:assert';
import type { BackwardEvent, ErrorEvent, RunEvent, VariableInfo, VariablesEvent } from '../../../src/protocol/events';
import { decodeEvent, encodeEvent } from '../../../src/protocol/events';
import { isNonFiniteMessage } from '../../../src/protocol/nonFiniteMessage';
import { openSession, startRun, type PythonSession } from '../../../src/runtime/host/runner';

/** The run's end-of-run variables event (each whole-graph capture sends one too, with `at: 'backward'`). */
function variablesOf(events: RunEvent[]): VariablesEvent {
  const found = events.filter((e): e is VariablesEvent => e.type === 'variables' && e.at !== 'backward');
  assert.equal(found.length, 1, 'exactly one end-of-run variables event');
  return found[0];
}

function capturesOf(events: RunEvent[]): VariablesEvent[] {
  return events.filter((e): e is VariablesEvent => e.type === 'variables' && e.at === 'backward');
}

/** `scope:name=aliasOf` of an event's variables (globals without `scope:`). */
function scoped(e: VariablesEvent): string[] {
  return e.variables.map((v) => `${v.scope === undefined ? '' : `${v.scope}:`}${v.name}${v.aliasOf ? '=' + v.aliasOf : ''}`);
}

function byName(e: VariablesEvent): Map<string, VariableInfo> {
  return new Map(e.variables.map((v) => [v.name, v]));
}

describe('variables event', function () {
  this.timeout(60000);
  let session: PythonSession;
  before(async () => {
    session = await openSession();
  });
  after(async () => {
    await session.close();
  });

  it('lists module globals, module parameters, containers and attributes, with .grad entries', async () => {
    const src = [
      'import torch',
      'from torch import nn',
      'w = torch.tensor([[0.5], [-1.0]], requires_grad=True)',
      'b = torch.zeros(1, requires_grad=True)',
      'x = torch.tensor([[1.0, 2.0], [3.0, 4.0]])',
      'class Net(nn.Module):',
      '    def __init__(self):',
      '        super().__init__()',
      '        self.linear = nn.Linear(2, 1)',
      'model = Net()',
      'params = [w, b]',
      'class Holder:',
      '    def __init__(self):',
      '        self.t = torch.ones(3)',
      'h = Holder()',
      'loss = ((x @ w + b) ** 2).mean()',
      'loss.backward()',
      'n = 3',
    ].join('\n');
    const r = await session.run(src, 'vars.py');
    assert.equal(r.status, 'ok', r.stderr);
    const ev = variablesOf(r.events);
    assert.equal(ev.file, 'vars.py');
    assert.equal(ev.truncated, 0);
    // Sent last before `end`.
    assert.deepEqual(r.events.slice(-2).map((e) => e.type), ['variables', 'end']);
    const v = byName(ev);
    assert.deepEqual(
      [...v.keys()].sort(),
      ['b', 'b.grad', 'h.t', 'loss', 'model.linear.bias', 'model.linear.weight', 'params[0]', 'params[0].grad', 'params[1]', 'params[1].grad', 'w', 'w.grad', 'x'].sort(),
    );
    const w = v.get('w')!;
    assert.deepEqual(w.shape, [2, 1]);
    assert.equal(w.dtype, 'float32');
    assert.equal(w.requiresGrad, true);
    assert.equal(w.gradFn, null);
    assert.equal(w.isLeaf, true);
    assert.equal(w.value.text, 'tensor([[ 0.5000],\n        [-1.0000]])');
    assert.equal(w.grad!.text, 'tensor([[ -9.],\n        [-13.]])');
    const wg = v.get('w.grad')!;
    assert.equal(wg.value.text, w.grad!.text);
    assert.equal(wg.grad, null);
    assert.equal(wg.requiresGrad, false);
    // b.grad is b's own gradient, not w's (each entry describes its own tensor).
    assert.deepEqual(v.get('b.grad')!.shape, [1]);
    const loss = v.get('loss')!;
    assert.equal(loss.gradFn, 'MeanBackward0');
    assert.equal(loss.isLeaf, false);
    assert.deepEqual(loss.shape, []);
    assert.equal(loss.value.text, 'tensor(4.2500)');
    assert.equal(v.get('model.linear.weight')!.requiresGrad, true);
    assert.deepEqual(v.get('h.t')!.shape, [3]);
  });

  it("names a dict-held tensor params['w'] alike as a backward leaf, a graph leaf and a variable", async () => {
    const src = [
      'import torch',
      "params = {'w': torch.tensor([1.0, 2.0], requires_grad=True), 'b': torch.zeros(1, requires_grad=True)}",
      "loss = (params['w'] * 3 + params['b']).sum()",
      'loss.backward()',
    ].join('\n');
    const r = await session.run(src, 'dict.py');
    assert.equal(r.status, 'ok', r.stderr);
    const back = r.events.filter((e): e is BackwardEvent => e.type === 'backward');
    assert.equal(back.length, 1);
    assert.deepEqual(back[0].leaves.map((l) => l.name).sort(), ["params['b']", "params['w']"]);
    const leafNodes = back[0].graph.nodes.filter((n) => n.kind === 'leaf').map((n) => n.name);
    assert.deepEqual(leafNodes.sort(), ["params['b']", "params['w']"]);
    const v = byName(variablesOf(r.events));
    assert.deepEqual(v.get("params['w']")!.shape, [2]);
    assert.ok(v.has("params['w'].grad") && v.has("params['b']"));
  });

  it('describes the modules and optimizers bound to global names, for hovers on model and optimizer', async () => {
    const r = await session.run(
      [
        'import torch',
        'torch.manual_seed(0)',
        'model = torch.nn.Sequential(torch.nn.Linear(3, 4), torch.nn.ReLU(), torch.nn.Linear(4, 1))',
        'optimizer = torch.optim.Adam(model.parameters(), lr=0.01)',
        'x = torch.randn(8, 3)',
        'for _ in range(3):',
        '    optimizer.zero_grad()',
        '    model(x).pow(2).mean().backward()',
        '    optimizer.step()',
        'print(model)',
        'print(optimizer)',
      ].join('\n'),
      'objects.py',
    );
    assert.equal(r.status, 'ok', r.stderr);
    const objects = variablesOf(r.events).objects ?? [];
    const model = objects.find((o) => o.name === 'model')!;
    assert.equal(model.kind, 'module');
    assert.equal(model.className, 'Sequential');
    assert.equal(model.parameterCount, 3 * 4 + 4 + 4 + 1);
    // The repr is what print(model) printed, and the parameters carry the names hovers and the graph use.
    assert.ok(r.stdout.startsWith(model.repr + '\n'), r.stdout);
    assert.deepEqual(model.parameters!.map((p) => [p.name, p.shape]), [['model.0.weight', [4, 3]], ['model.0.bias', [4]], ['model.2.weight', [1, 4]], ['model.2.bias', [1]]]);
    assert.ok(model.parameters!.every((p) => typeof p.gradNorm === 'number' && p.gradNorm > 0));
    const opt = objects.find((o) => o.name === 'optimizer')!;
    assert.equal(opt.kind, 'optimizer');
    assert.equal(opt.className, 'Adam');
    assert.equal(opt.parameterCount, 4);
    assert.equal(opt.step, 3);
    assert.ok(r.stdout.endsWith(opt.repr + '\n'), r.stdout);
  });

  it('is sent after an uncaught exception too, with what was bound so far', async () => {
    const r = await session.run("import torch\na = torch.ones(2)\nraise ValueError('boom')\nc = torch.zeros(1)\n", 'fail.py');
    assert.equal(r.status, 'error');
    const types = r.events.map((e) => e.type);
    assert.ok(types.indexOf('error') < types.indexOf('variables'));
    assert.deepEqual([...byName(variablesOf(r.events)).keys()], ['a']);
  });

  it('is empty for a script that never imports torch, and survives the JSON encoding with NaN', async () => {
    const plain = await session.run("print('hi')\n", 'plain.py');
    assert.deepEqual(variablesOf(plain.events).variables, []);
    const r = await session.run("import torch\nz = torch.tensor([float('nan'), 1.0])\n", 'nan.py');
    const z = byName(variablesOf(r.events)).get('z')!;
    assert.ok(Number.isNaN(z.value.max));
    const round = decodeEvent(encodeEvent(variablesOf(r.events))) as VariablesEvent;
    assert.ok(Number.isNaN(round.variables[0].value.max));
    assert.equal(round.variables[0].value.text, 'tensor([nan, 1.])');
  });
});

describe('variables by scope', function () {
  this.timeout(60000);
  let session: PythonSession;
  before(async () => {
    session = await openSession();
  });
  after(async () => {
    await session.close();
  });

  const HOUSE = [
    'import torch', //                                          1
    'from torch import nn', //                                  2
    '', //                                                      3
    'class Regressor:', //                                      4
    '    def __init__(self):', //                               5
    '        self.weights = torch.zeros(2, 1, requires_grad=True)', // 6
    '        self.bias = torch.zeros(1, requires_grad=True)', //  7
    '', //                                                      8
    '    def fit_step(self, X, y, lr):', //                     9
    '        loss = ((X @ self.weights + self.bias - y) ** 2).mean()', // 10
    '        loss.backward()', //                               11
    '        with torch.no_grad():', //                         12
    '            self.weights -= lr * self.weights.grad', //    13
    '            self.weights.grad.zero_()', //                 14
    '        return loss', //                                   15
    '', //                                                      16
    'def main():', //                                           17
    '    torch.manual_seed(0)', //                              18
    '    X = torch.randn(8, 2)', //                             19
    '    y = X @ torch.tensor([[2.0], [-3.0]]) + 1.0', //       20
    '    model = nn.Sequential(nn.Linear(2, 1))', //            21
    '    W1 = model[0].weight', //                              22
    '    loss = ((model(X) - y) ** 2).mean()', //               23
    '    loss.backward()', //                                   24
    '    reg = Regressor()', //                                 25
    '    for _ in range(2):', //                                26
    '        reg.fit_step(X, y, 0.1)', //                       27
    '', //                                                      28
    'main()', //                                                29
  ].join('\n');

  it("captures the frame that called backward() and its callers at each whole graph, with the step", async () => {
    const r = await session.run(HOUSE, 'house.py');
    assert.equal(r.status, 'ok', r.stderr);
    const caps = capturesOf(r.events);
    const steps = r.events.filter((e): e is BackwardEvent => e.type === 'backward').map((e) => e.step);
    // Every backward() here captures its whole graph (no interval), and each capture follows its backward event.
    assert.deepEqual(caps.map((e) => e.step), steps);
    const types = r.events.map((e) => e.type);
    assert.equal(types[types.indexOf('backward') + 1], 'variables');
    const [first, second] = caps;
    assert.deepEqual(first.scopes, [{ kind: 'function', name: 'main', file: 'house.py', firstLine: 17, lastLine: 27, line: 24 }]);
    assert.deepEqual(scoped(first).filter((n) => n.startsWith('0:')).sort(), [
      '0:W1.grad=model.0.weight.grad',
      '0:W1=model.0.weight',
      '0:X',
      '0:loss',
      '0:model.0.bias',
      '0:model.0.bias.grad',
      '0:model.0.weight',
      '0:model.0.weight.grad',
      '0:y',
    ]);
    assert.deepEqual(first.objects!.map((o) => [o.name, o.scope, o.className]), [['model', 0, 'Sequential']]);
    // A method's frame, innermost first: `self` is the Regressor, named one level deep.
    assert.deepEqual(second.scopes!.map((s) => [s.name, s.firstLine, s.lastLine, s.line]), [
      ['Regressor.fit_step', 9, 15, 11],
      ['main', 17, 27, 27],
    ]);
    assert.deepEqual(scoped(second).filter((n) => n.startsWith('0:')).sort(), ['0:X', '0:loss', '0:self.bias', '0:self.bias.grad', '0:self.weights', '0:self.weights.grad', '0:y']);
    // Globals hold no tensors here; the end of a run that returned from main() lists the globals only.
    const end = variablesOf(r.events);
    assert.equal(end.scopes, undefined);
    assert.equal(end.at, undefined);
    assert.deepEqual(end.variables, []);
  });

  it('lists the frames an uncaught exception passed through at the end, the raising one marked', async () => {
    const src = [
      'import torch',
      'def train():',
      '    w = torch.ones(2, requires_grad=True)',
      '    def step(x):',
      '        h = x * w',
      '        return h @ torch.ones(3)',
      '    return step(torch.ones(2))',
      'g = torch.zeros(1)',
      'train()',
    ].join('\n');
    const r = await session.run(src, 'nested.py');
    assert.equal(r.status, 'error');
    const end = variablesOf(r.events);
    assert.deepEqual(end.scopes, [
      { kind: 'function', name: 'train.<locals>.step', file: 'nested.py', firstLine: 4, lastLine: 6, line: 6, raised: true },
      // A function that ends with a nested def ends where that body ends.
      { kind: 'function', name: 'train', file: 'nested.py', firstLine: 2, lastLine: 7, line: 7 },
    ]);
    assert.deepEqual(scoped(end).sort(), ['0:h', '0:w', '0:x', '1:w', 'g']);
  });

  it("sys.exit() inside a function: that frame's locals, not marked as raising; aliases among globals", async () => {
    const src = [
      'import sys, torch',
      'model = torch.nn.Linear(2, 1)',
      'W1 = model.weight',
      'def main():',
      '    t = torch.ones(1)',
      '    sys.exit(0)',
      'main()',
    ].join('\n');
    const r = await session.run(src, 'exit.py');
    assert.equal(r.status, 'ok', r.stderr);
    const end = variablesOf(r.events);
    assert.deepEqual(end.scopes, [{ kind: 'function', name: 'main', file: 'exit.py', firstLine: 4, lastLine: 6, line: 6 }]);
    assert.deepEqual(scoped(end).sort(), ['0:t', 'W1=model.weight', 'model.bias', 'model.weight']);
    assert.equal(capturesOf(r.events).length, 0);
  });
});

describe('detectNonFinite', function () {
  this.timeout(60000);

  const DIVERGING = [
    'import torch',
    'torch.manual_seed(0)',
    'X = torch.randn(32, 2) * 100',
    'y = X @ torch.tensor([[2.0], [-3.4]]) + 4.2',
    'w = torch.zeros(2, 1, requires_grad=True)',
    'for epoch in range(200):',
    '    pred = X @ w',
    '    loss = ((pred - y) ** 2).mean()',
    '    loss.backward()',
    '    with torch.no_grad():',
    '        w -= 0.1 * w.grad',
    '        w.grad.zero_()',
    "print('done')",
  ].join('\n');

  it('is off by default: a diverging run goes on to the end as in PyTorch', async () => {
    const r = await startRun({ file: 'diverge.py', source: DIVERGING }).done;
    assert.equal(r.status, 'ok', r.stderr);
    assert.equal(r.stdout, 'done\n');
    assert.ok(r.events.some((e) => e.type === 'diverged'));
  });

  it('stops at the first op whose result is not finite, on the line that ran it', async () => {
    const r = await startRun({ file: 'diverge.py', source: DIVERGING, detectNonFinite: true }).done;
    assert.equal(r.status, 'error');
    assert.equal(r.stdout, '');
    const err = r.events.find((e): e is ErrorEvent => e.type === 'error')!;
    assert.equal(err.errorType, 'RuntimeError');
    assert.ok(isNonFiniteMessage(err.message), err.message);
    // The squared error overflows float32 first; the op is named by its grad_fn and by what the script called.
    assert.equal(err.line, 8);
    assert.match(err.message, /PowBackward0 \(pow\) returned inf values/);
    assert.match(r.stderr, /File "diverge\.py", line 8, in <module>\n {4}loss = \(\(pred - y\) \*\* 2\)\.mean\(\)\n/);
    // No backward event reports a non-finite loss: the run stopped before that.
    assert.ok(!r.events.some((e) => e.type === 'diverged'));
    assert.ok(r.events.some((e) => e.type === 'variables'));
  });

  it('names in-place ops and ops outside the graph', async () => {
    const src = ['import torch', 'a = torch.tensor([1.0, 0.0])', 'a /= 0.0', ''].join('\n');
    const r = await startRun({ file: 'inplace.py', source: src, detectNonFinite: true }).done;
    const err = r.events.find((e): e is ErrorEvent => e.type === 'error')!;
    assert.equal(err.line, 3);
    assert.match(err.message, /^non-finite values detected: div_ returned NaN and inf values\./);
    const ok = await startRun({ file: 'fine.py', source: 'import torch\nb = torch.isnan(torch.log(torch.tensor([2.0])))\n', detectNonFinite: true }).done;
    assert.equal(ok.status, 'ok', ok.stderr);
  });
});
