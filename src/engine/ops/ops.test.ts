/**
 * Replays test/fixtures/ops.json (real PyTorch 2.11 forward values, grad_fn names and gradients) straight
 * through the TypeScript engine, without Python: each distinct `expr` maps to the engine calls the Python
 * package makes for it (see src/runtime/bridge/ops.ts), so a mismatch here is an engine bug, not a binding one.
 */
import { strict as assert } from 'node:assert';
import * as A from '../backward';
import * as C from '../creation';
import type { DType } from '../dtype';
import * as E from './elementwise';
import * as IX from './indexing';
import * as LA from './linalg';
import * as LO from './loss';
import * as R from './reduce';
import { IntScalar } from './operands';
import * as V from './views';
import { fma, fmaf } from '../random/libm';
import type { Tensor } from '../tensor';
import { readFixture } from '../../../test/paths';

interface TensorSpec { shape: number[]; dtype: string; data: Array<number | string> }
interface OpsCase {
  expr: string;
  dtype: string;
  inputs: Record<string, TensorSpec>;
  out: TensorSpec;
  grad_fn: string;
  cotangent: TensorSpec;
  grads: Record<string, TensorSpec | null>;
}

const cases = (JSON.parse(readFixture('ops.json')) as { cases: OpsCase[] }).cases;

/** A Python int literal (PyTorch treats `x ** 2` and `x ** 2.0` alike for floats, but ints matter for promotion). */
const I = (v: number): IntScalar => new IntScalar(v);

type Inputs = Record<string, Tensor>;

/** Each expression of the fixture as the engine calls the Python package makes for it. */
const EXPRS: Record<string, (x: Inputs) => Tensor> = {
  'a + b': ({ a, b }) => E.add(a, b),
  'a + 2.5': ({ a }) => E.add(a, 2.5),
  'a - b': ({ a, b }) => E.sub(a, b),
  'a * b': ({ a, b }) => E.mul(a, b),
  '3 * a': ({ a }) => E.mul(I(3), a),
  'a / b': ({ a, b }) => E.div(a, b),
  'a / 4': ({ a }) => E.div(a, I(4)),
  // Python's `2 / b` is `b.reciprocal() * 2` in PyTorch (Tensor.__rtruediv__), hence MulBackward0.
  '2 / b': ({ b }) => E.mul(E.reciprocal(b), I(2)),
  '-a': ({ a }) => E.neg(a),
  'b ** 0.5': ({ b }) => E.pow(b, 0.5),
  'b ** -1': ({ b }) => E.pow(b, I(-1)),
  '2 ** a': ({ a }) => E.pow(I(2), a),
  'torch.pow(a, 2)': ({ a }) => E.pow(a, I(2)),
  'a.pow(2)': ({ a }) => E.pow(a, I(2)),
  'torch.exp(a)': ({ a }) => E.exp(a),
  'torch.log(b)': ({ b }) => E.log(b),
  'torch.sqrt(b)': ({ b }) => E.sqrt(b),
  'torch.abs(a)': ({ a }) => E.abs(a),
  'torch.sin(a)': ({ a }) => E.sin(a),
  'torch.tanh(a)': ({ a }) => E.tanh(a),
  'torch.sigmoid(a)': ({ a }) => E.sigmoid(a),
  'torch.relu(a)': ({ a }) => E.relu(a),
  'torch.nn.functional.leaky_relu(a, 0.1)': ({ a }) => E.leakyRelu(a, 0.1),
  'torch.nn.functional.softplus(a)': ({ a }) => E.softplus(a, 1, 20),
  'torch.nn.functional.gelu(a)': ({ a }) => E.gelu(a, 'none'),
  'torch.clamp(a, -0.5, 0.5)': ({ a }) => E.clamp(a, -0.5, 0.5),
  'torch.square(a)': ({ a }) => E.powScalar(a, I(2)),
  'a.sum()': ({ a }) => R.sum(a),
  'a.sum(dim=0)': ({ a }) => R.sum(a, 0),
  'a.sum(1, keepdim=True)': ({ a }) => R.sum(a, 1, true),
  'a.mean()': ({ a }) => R.mean(a),
  'a.mean(dim=1)': ({ a }) => R.mean(a, 1),
  'torch.mean((a - b) ** 2)': ({ a, b }) => R.mean(E.pow(E.sub(a, b), I(2))),
  'a.max()': ({ a }) => R.extremeAll(a, 'max'),
  'a.min()': ({ a }) => R.extremeAll(a, 'min'),
  'a.max(dim=1).values': ({ a }) => R.extremeDim(a, 1, false, 'max')[0],
  'a.prod()': ({ a }) => R.prod(a),
  'torch.norm(a)': ({ a }) => R.norm(a, 2),
  'a.norm(p=1)': ({ a }) => R.norm(a, 1),
  'torch.logsumexp(a, dim=1)': ({ a }) => R.logsumexp(a, 1),
  'a @ b': ({ a, b }) => LA.matmul(a, b),
  'torch.matmul(a, b)': ({ a, b }) => LA.matmul(a, b),
  'torch.mm(a, b)': ({ a, b }) => LA.mm(a, b),
  'torch.dot(a, b)': ({ a, b }) => LA.dot(a, b),
  'a.t()': ({ a }) => V.t2d(a),
  'a.reshape(-1, 1)': ({ a }) => V.reshape(a, [-1, 1]),
  'a.view(4, 3)': ({ a }) => V.view(a, [4, 3]),
  'a.flatten()': ({ a }) => V.flatten(a),
  'a.unsqueeze(0)': ({ a }) => V.unsqueeze(a, 0),
  'a.squeeze(1)': ({ a }) => V.squeeze(a, 1),
  'torch.cat([a, b], dim=1)': ({ a, b }) => V.cat([a, b], 1),
  'torch.cat([a, b])': ({ a, b }) => V.cat([a, b]),
  'a[1]': ({ a }) => IX.getItem(a, [1]),
  'a[1:3]': ({ a }) => IX.getItem(a, [['s', 1, 3, null]]),
  'a[torch.tensor([3, 1])]': ({ a }) => IX.getItem(a, [C.fromValues([3, 1], [2], 'int64')]),
  'a[a > 0]': ({ a }) => IX.getItem(a, [E.gt(a, I(0))]),
  'a[..., 1]': ({ a }) => IX.getItem(a, ['...', 1]),
  'torch.nn.functional.mse_loss(a, b)': ({ a, b }) => LO.mseLoss(a, b),
  'torch.nn.MSELoss()(a, b)': ({ a, b }) => LO.mseLoss(a, b),
  "torch.nn.MSELoss(reduction='sum')(a, b)": ({ a, b }) => LO.mseLoss(a, b, 'sum'),
  'torch.nn.L1Loss()(a, b)': ({ a, b }) => LO.l1Loss(a, b),
  'torch.nn.SmoothL1Loss()(a, b)': ({ a, b }) => LO.smoothL1Loss(a, b),
  'torch.nn.HuberLoss(delta=0.5)(a, b)': ({ a, b }) => LO.huberLoss(a, b, 'mean', 0.5),
  'torch.nn.BCEWithLogitsLoss()(a, (b > 0).float())': ({ a, b }) => LO.bceWithLogits(a, E.cast(E.gt(b, I(0)), 'float32')),
  'torch.nn.CrossEntropyLoss()(a, torch.tensor([0, 2, 1, 2]))': ({ a }) => LO.crossEntropy(a, C.fromValues([0, 2, 1, 2], [4], 'int64')),
  'torch.softmax(a, dim=1)': ({ a }) => R.softmax(a, 1),
  '(a * b).sum() / 2': ({ a, b }) => E.div(R.sum(E.mul(a, b)), I(2)),
  '((a @ w + b - a.sum(1, keepdim=True)) ** 2 / 2).sum()': ({ a, w, b }) =>
    R.sum(E.div(E.pow(E.sub(E.add(LA.matmul(a, w), b), R.sum(a, 1, true)), I(2)), I(2))),
  'a ** 2 * b + b ** 2': ({ a, b }) => E.add(E.mul(E.pow(a, I(2)), b), E.pow(b, I(2))),
};

function num(v: number | string): number {
  return typeof v === 'number' ? v : v === 'nan' ? NaN : v === 'inf' ? Infinity : -Infinity;
}

function build(spec: TensorSpec): Tensor {
  return C.fromValues(spec.data.map(num), spec.shape, spec.dtype as DType);
}

/** Tolerances from the reference README: float32 rtol 1e-5/atol 1e-6, float64 rtol 1e-10. */
function assertClose(actual: Tensor, expected: TensorSpec, what: string): void {
  assert.deepEqual(actual.shape, expected.shape, `${what}: shape`);
  assert.equal(actual.dtype, expected.dtype, `${what}: dtype`);
  const f64 = expected.dtype === 'float64';
  const rtol = f64 ? 1e-10 : 1e-5;
  const atol = f64 ? 1e-12 : 1e-6;
  const got = actual.toNumberArray();
  assert.equal(got.length, expected.data.length, `${what}: numel`);
  expected.data.forEach((ev, i) => {
    const e = num(ev);
    const a = got[i];
    if (Number.isNaN(e)) return assert.ok(Number.isNaN(a), `${what}[${i}]: expected nan, got ${a}`);
    if (!Number.isFinite(e)) return assert.equal(a, e, `${what}[${i}]`);
    assert.ok(Math.abs(a - e) <= atol + rtol * Math.abs(e), `${what}[${i}]: expected ${e}, got ${a}`);
  });
}

describe('ops.json replayed through the TypeScript engine', () => {
  it('maps every expression of the fixture', () => {
    const unmapped = [...new Set(cases.map((c) => c.expr))].filter((e) => !(e in EXPRS));
    assert.deepEqual(unmapped, []);
    assert.equal(cases.length, 146);
  });

  cases.forEach((c, i) => {
    const f = EXPRS[c.expr];
    if (!f) return;
    it(`${c.expr} (${c.dtype}, ${Object.values(c.inputs).map((s) => `[${s.shape.join(',')}]`).join(' ')}) #${i}`, () => {
      const inputs: Inputs = {};
      for (const [name, spec] of Object.entries(c.inputs)) {
        const t = build(spec);
        t.requiresGrad = true;
        inputs[name] = t;
      }
      const out = f(inputs);
      assert.equal(out.gradFn?.name, c.grad_fn, 'grad_fn');
      assertClose(out, c.out, 'out');
      A.backward(out, build(c.cotangent));
      for (const [name, g] of Object.entries(c.grads)) {
        const actual = inputs[name].grad;
        if (g === null) assert.equal(actual, null, `grad ${name} should be None`);
        else {
          assert.ok(actual, `grad ${name} is missing`);
          assertClose(actual, g, `grad ${name}`);
        }
      }
    });
  });
});

describe('relu backward as PyTorch threshold_backward computes it', () => {
  // PyTorch 1.13: relu over [nan, -1, 0, 2], backward with [5, inf, nan, 3] gives [5, 0, 0, 3]: a zeroed
  // element is 0 whatever the gradient holds, and a NaN output lets the gradient through.
  const values = [NaN, -1, 0, 2];
  const upstream = [5, Infinity, NaN, 3];
  it('zeroes inf and NaN gradients below the threshold and passes NaN outputs', () => {
    const x = C.fromValues(values, [4], 'float32');
    x.requiresGrad = true;
    A.backward(E.relu(x), C.fromValues(upstream, [4], 'float32'));
    assert.deepEqual(Array.from(x.grad!.data), [5, 0, 0, 3]);
  });
  it('gives the same values on a non-contiguous gradient and under create_graph', () => {
    const column = (requiresGrad: boolean): Tensor => {
      const g = C.fromValues([5, 0, Infinity, 0, NaN, 0, 3, 0], [4, 2], 'float64');
      g.requiresGrad = requiresGrad;
      return V.select(g, 1, 0);
    };
    for (const createGraph of [false, true]) {
      const x = C.fromValues(values, [4], 'float64');
      x.requiresGrad = true;
      const [gx] = A.grad([E.relu(x)], [x], [column(createGraph)], null, createGraph, false);
      assert.deepEqual(Array.from(gx!.values()), [5, 0, 0, 3]);
      assert.equal(gx!.gradFn?.name ?? null, createGraph ? 'WhereBackward0' : null);
    }
  });
});

describe('sigmoid and tanh backward in one pass', () => {
  // The one-pass loops give PyTorch's kernels' numbers: sigmoid's as the composed ops (g·(1 − r))·r, each step
  // stored in the dtype; tanh's g·(1 − r·r) with 1 − r·r one fused multiply-add.
  const fusedTanh = (dtype: 'float32' | 'float64') => (g: Tensor, r: Tensor): Tensor => {
    const fused = dtype === 'float32' ? fmaf : fma;
    return C.fromValues(Array.from(r.data, (y, i) => g.data[i] * fused(-y, y, 1)), r.shape, dtype);
  };
  for (const dtype of ['float32', 'float64'] as const) {
    it(`equals PyTorch's formulas in ${dtype}, special values included`, () => {
      const n = 2000;
      const xs = Array.from({ length: n }, (_, i) => Math.sin(i * 1.7) * (i % 7) * 3);
      xs.push(NaN, Infinity, -Infinity, 0, -0, 40, -40);
      const gs = xs.map((_, i) => Math.cos(i * 0.3) * 10 ** ((i % 9) - 4));
      for (const [op, composed] of [
        [E.sigmoid, (g: Tensor, r: Tensor) => E.mul(E.mul(g, E.rsub(r, 1)), r)],
        [E.tanh, fusedTanh(dtype)],
      ] as const) {
        const x = C.fromValues(xs, [xs.length], dtype);
        x.requiresGrad = true;
        const y = op(x);
        const g = C.fromValues(gs, [gs.length], dtype);
        A.backward(y, g);
        const expected = composed(g, C.fromValues(Array.from(y.data), [xs.length], dtype));
        assert.deepEqual(Array.from(x.grad!.data), Array.from(expected.data));
      }
    });
  }
});
