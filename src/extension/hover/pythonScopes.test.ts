// Which entry of a run's variables events a hovered name means: by the scope its line sits in (innermost
// function, enclosing functions, globals), the end's event before the latest backward() capture, module paths
// written with subscripts, aliases, and `self` in a method whose frame no event holds.
import { strict as assert } from 'node:assert';
import type { ObjectInfo, ScopeInfo, TensorSummary, VariableInfo, VariablesEvent } from '../../protocol/events';
import { formatMessage, setTranslator } from '../l10n';
import { variableHover, objectHover } from './hoverText';
import { nameAt } from './pythonNames';
import { enclosingClass, enclosingScopes, resolveScoped, type HoverSite, type ScopedHit } from './pythonScopes';

const SCRIPT = [
  'import torch', //                                     1
  'class Net(torch.nn.Module):', //                      2
  '    def __init__(self):', //                          3
  '        super().__init__()', //                       4
  '        self.weights = torch.nn.Parameter(torch.ones(2))', // 5
  '    def forward(self, x):', //                        6
  '        return x * self.weights', //                  7
  'def main():', //                                      8
  '    model = Net()', //                                9
  '    loss = model(torch.ones(2)).sum()', //            10
  '    def step():', //                                  11
  '        inner = loss * 2', //                         12
  '        return inner', //                             13
  '    loss.backward()', //                              14
  '    step()', //                                       15
  'loss = torch.zeros(1)', //                            16
  'main()', //                                           17
];

function site(line: number): HoverSite {
  return { file: 's.py', line, lineText: (n) => SCRIPT[n - 1] ?? '' };
}

function summary(text: string, shape: number[]): TensorSummary {
  return { shape, dtype: 'float32', numel: shape.reduce((a, b) => a * b, 1), text, min: 0, max: 0, mean: 0, norm: 0 };
}

function v(name: string, scope: number | undefined, text: string, extra: Partial<VariableInfo> = {}): VariableInfo {
  const out: VariableInfo = { name, shape: [2], dtype: 'float32', requiresGrad: false, gradFn: null, isLeaf: true, value: summary(text, [2]), grad: null, ...extra };
  if (scope !== undefined) out.scope = scope;
  return out;
}

function scope(name: string, firstLine: number, lastLine: number, line: number): ScopeInfo {
  return { kind: 'function', name, file: 's.py', firstLine, lastLine, line };
}

function model(scopeIndex: number | undefined): ObjectInfo {
  const o: ObjectInfo = { name: 'model', kind: 'module', className: 'Net', repr: 'Net()', parameterCount: 2, parameters: [] };
  if (scopeIndex !== undefined) o.scope = scopeIndex;
  return o;
}

/** The capture at backward() on line 14: main's frame only. */
const CAPTURE: VariablesEvent = {
  type: 'variables',
  t: 1,
  file: 's.py',
  at: 'backward',
  step: 1,
  truncated: 0,
  scopes: [scope('main', 8, 15, 14)],
  variables: [
    v('model.weights', 0, 'tensor([1., 1.], requires_grad=True)'),
    v('loss', 0, 'tensor(2., grad_fn=<SumBackward0>)'),
    v('loss', undefined, 'tensor([0.])'),
    v('W1', 0, 'tensor([1., 1.], requires_grad=True)', { aliasOf: 'model.weights' }),
  ],
  objects: [model(0)],
};

/** An end after an exception in main.<locals>.step: its frame and main's. */
const END: VariablesEvent = {
  type: 'variables',
  t: 2,
  file: 's.py',
  truncated: 0,
  scopes: [{ ...scope('main.<locals>.step', 11, 13, 12), raised: true }, scope('main', 8, 15, 15)],
  variables: [v('inner', 0, 'tensor(4.)'), v('loss', 1, 'tensor(2., grad_fn=<SumBackward0>) at end'), v('loss', undefined, 'tensor([0.])')],
  objects: [model(1)],
};

function hit(events: VariablesEvent[], line: number, text: string, marker: string, offset = 0): ScopedHit | null {
  const i = text.indexOf(marker);
  assert.ok(i >= 0);
  const at = nameAt(text, i + offset)!;
  return resolveScoped(events, site(line), at.name, at.candidates);
}

function text(h: ScopedHit | null): string | null {
  if (!h) return null;
  return h.kind === 'object' ? `object ${h.object.name}@${h.object.scope ?? 'g'}` : `${h.match.written}: ${h.match.variable.value.text}`;
}

describe('names by scope', () => {
  before(() => setTranslator((message, ...args) => formatMessage(message, args)));

  it('finds the innermost function whose lines hold the position', () => {
    assert.deepEqual(enclosingScopes(END, site(12)), [0, 1]);
    assert.deepEqual(enclosingScopes(END, site(9)), [1]);
    assert.deepEqual(enclosingScopes(END, site(16)), []);
    assert.deepEqual(enclosingScopes(END, { file: 'other.py', line: 12 }), []);
  });

  it("reads a name in its function's scope, then the enclosing function's, then the globals", () => {
    assert.equal(text(hit([CAPTURE], 10, SCRIPT[9], 'loss')), 'loss: tensor(2., grad_fn=<SumBackward0>)');
    assert.equal(text(hit([CAPTURE], 16, SCRIPT[15], 'loss')), 'loss: tensor([0.])');
    assert.equal(text(hit([CAPTURE], 9, SCRIPT[8], 'model')), 'object model@0');
    // The closure reads main's loss (step's own frame is in END only).
    assert.equal(text(hit([END], 12, SCRIPT[11], 'loss')), 'loss: tensor(2., grad_fn=<SumBackward0>) at end');
    assert.equal(text(hit([END], 12, SCRIPT[11], 'inner')), 'inner: tensor(4.)');
  });

  it("prefers the end's event and falls back on the latest capture for frames that had returned", () => {
    assert.equal(text(hit([END, CAPTURE], 10, SCRIPT[9], 'loss')), 'loss: tensor(2., grad_fn=<SumBackward0>) at end');
    const endAfterReturn: VariablesEvent = { ...END, scopes: undefined, variables: [v('loss', undefined, 'tensor([0.])')], objects: [] };
    assert.equal(text(hit([endAfterReturn, CAPTURE], 10, SCRIPT[9], 'loss')), 'loss: tensor(2., grad_fn=<SumBackward0>)');
    // A name of no scope that holds the line is not borrowed from another function.
    assert.equal(hit([endAfterReturn], 10, '    inner = 1', 'inner'), null);
  });

  it("resolves self in a method through a module of that class, and model[0].weight as model.0.weight", () => {
    assert.equal(enclosingClass(site(7)), 'Net');
    assert.equal(enclosingClass(site(12)), null);
    const self = hit([CAPTURE], 7, SCRIPT[6], 'weights', 2)!;
    assert.equal(text(self), 'self.weights: tensor([1., 1.], requires_grad=True)');
    assert.equal(self.kind === 'variable' && self.match.via, 'model.weights');
    const selfObject = hit([CAPTURE], 7, SCRIPT[6], 'self')!;
    assert.equal(text(selfObject), 'object model@0');
    assert.match(objectHover((selfObject as Extract<ScopedHit, { kind: 'object' }>).object, 'r', false, false, 'self'), /^\*\*`self`\*\* \(in this run: `model`\)/);
    const seq: VariablesEvent = { ...CAPTURE, variables: [v('net.0.weight', undefined, 'W0'), v('params[0]', undefined, 'P0')], scopes: undefined, objects: [] };
    assert.equal(text(hit([seq], 16, 'y = net[0].weight', 'weight')), 'net.0.weight: W0');
    assert.equal(text(hit([seq], 16, 'p = params[0]', 'params')), 'params[0]: P0');
  });

  it('says what an alias is', () => {
    const h = hit([CAPTURE], 10, '    W1.sum()', 'W1')!;
    assert.equal(h.kind, 'variable');
    const md = variableHover({ match: (h as Extract<ScopedHit, { kind: 'variable' }>).match, gradHistory: null, lossHistory: null, nodeId: null, runKey: 'k', runLabel: 'r', stale: false, running: false });
    assert.match(md, /\n\n`W1` is `model\.weights`\.\n\n/);
  });
});
