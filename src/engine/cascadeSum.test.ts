// Float sums follow PyTorch's CPU summation order, so reductions agree with PyTorch to the last bit
// (the values below are the exact float32 results real PyTorch produced, from test/fixtures/ops.json).
import { strict as assert } from 'node:assert';
import { fromValues } from './creation';
import * as E from './ops/elementwise';
import * as LA from './ops/linalg';
import * as LO from './ops/loss';
import * as R from './ops/reduce';
import { Tensor } from './tensor';
import { readFixture } from '../../test/paths';

interface Spec { shape: number[]; dtype: 'float32' | 'float64'; data: number[] }
interface Case { expr: string; dtype: string; inputs: Record<string, Spec>; out: Spec }

const REDUCTIONS: Record<string, (i: Record<string, Tensor>) => Tensor> = {
  'a.sum()': (i) => R.sum(i.a),
  'a.sum(dim=0)': (i) => R.sum(i.a, 0),
  'a.sum(1, keepdim=True)': (i) => R.sum(i.a, 1, true),
  'a.mean()': (i) => R.mean(i.a),
  'a.mean(dim=1)': (i) => R.mean(i.a, 1),
  'torch.mean((a - b) ** 2)': (i) => R.mean(E.powScalar(E.sub(i.a, i.b), 2)),
  'torch.nn.MSELoss()(a, b)': (i) => LO.mseLoss(i.a, i.b),
  "torch.nn.MSELoss(reduction='sum')(a, b)": (i) => LO.mseLoss(i.a, i.b, 'sum'),
  'torch.nn.L1Loss()(a, b)': (i) => LO.l1Loss(i.a, i.b),
  '(a * b).sum() / 2': (i) => E.div(R.sum(E.mul(i.a, i.b)), 2),
};

describe('float sums in PyTorch order', () => {
  const cases = (JSON.parse(readFixture('ops.json')) as { cases: Case[] }).cases;
  const chosen = cases.filter((c) => REDUCTIONS[c.expr]);
  it('covers the reduction cases of ops.json', () => assert.ok(chosen.length >= 18));
  for (const c of chosen) {
    it(`${c.expr} (${c.dtype}) is bit-exact`, () => {
      const inputs: Record<string, Tensor> = {};
      for (const [k, v] of Object.entries(c.inputs)) inputs[k] = fromValues(v.data, v.shape, v.dtype);
      assert.deepEqual(REDUCTIONS[c.expr](inputs).toNumberArray(), c.out.data);
    });
  }

  it('matrix products (not matrix-vector) round like PyTorch sgemm, bit for bit', () => {
    const products = cases.filter(
      (c) => c.dtype === 'float32' && ['torch.mm(a, b)', 'torch.matmul(a, b)'].includes(c.expr) && c.inputs.b.shape.length === 2 && c.inputs.b.shape[1] > 1,
    );
    assert.ok(products.length >= 3);
    for (const c of products) {
      const a = fromValues(c.inputs.a.data, c.inputs.a.shape, 'float32');
      const b = fromValues(c.inputs.b.data, c.inputs.b.shape, 'float32');
      assert.deepEqual(LA.matmul(a, b).toNumberArray(), c.out.data, c.expr);
    }
  });

  it('rounds float32 partial sums (a double-precision sum would differ)', () => {
    // 1 + 2^-24 * 16 ones: float32 sequential addition loses each tiny term, double keeps them.
    const vals = [1, ...new Array<number>(16).fill(2 ** -24)];
    const t = fromValues(vals, [17], 'float32');
    const exactDouble = 1 + 16 * 2 ** -24;
    assert.notEqual(R.sum(t).item(), Math.fround(exactDouble));
  });
});
