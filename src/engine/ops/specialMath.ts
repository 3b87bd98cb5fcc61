/**
 * Elementwise functions with a node of their own that tutorials reach for beyond the basic set: atan2, hypot,
 * logaddexp (binary, broadcasting, PyTorch's type promotion) and logit, erfinv (unary). Forwards round to float32
 * after each step PyTorch's CPU kernel takes in float; backwards are derivatives.yaml's formulas.
 */
import { record, withGradMode } from '../graph';
import { DType, isFloating, promoteTypes, roundStored } from '../dtype';
import { broadcastShapes } from '../shape';
import { emptyTensor, Tensor } from '../tensor';
import { add, cast, div, erf, exp, gt, logicalOr, lt, mul, neg, rsub, sub, where } from './elementwise';
import { sumToShape } from './reduce';
import { detach, expand } from './views';

function floatOf(d: DType): DType {
  return isFloating(d) ? d : 'float32';
}

function roundFor(dt: DType): (x: number) => number {
  return dt === 'float64' ? (x) => x : Math.fround;
}

function binary(a: Tensor, b: Tensor, f: (x: number, y: number, r: (v: number) => number) => number): { out: Tensor; dt: DType } {
  const dt = floatOf(promoteTypes(a.dtype, b.dtype));
  const shape = broadcastShapes(a.shape, b.shape);
  const [av, bv] = withGradMode(false, () => [a, b].map((t) => expand(cast(detach(t), dt), shape).values(true)));
  const out = emptyTensor(shape, dt);
  const r = roundFor(dt);
  for (let i = 0; i < out.numel; i++) out.data[i] = f(av[i], bv[i], r);
  roundStored(dt, out.data);
  return { out, dt };
}

export function atan2(a: Tensor, b: Tensor): Tensor {
  const { out } = binary(a, b, (x, y) => Math.atan2(x, y));
  return record('Atan2Backward0', out, [a, b], [a, b], (g, s, needs) => {
    const recip = div(1, add(mul(s[0], s[0]), mul(s[1], s[1])));
    return [
      needs[0] ? sumToShape(mul(mul(g, s[1]), recip), a.shape) : null,
      needs[1] ? sumToShape(mul(mul(g, neg(s[0])), recip), b.shape) : null,
    ];
  });
}

export function hypot(a: Tensor, b: Tensor): Tensor {
  const { out } = binary(a, b, (x, y) => Math.hypot(x, y));
  return record('HypotBackward0', out, [a, b], [a, b, out], (g, s, needs) => [
    needs[0] ? sumToShape(mul(g, div(s[0], s[2])), a.shape) : null,
    needs[1] ? sumToShape(mul(g, div(s[1], s[2])), b.shape) : null,
  ]);
}

export function logaddexp(a: Tensor, b: Tensor): Tensor {
  const { out } = binary(a, b, (x, y, r) => {
    if (x === y && !Number.isFinite(x)) return x;
    const m = Math.max(x, y);
    if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
    return r(m + r(Math.log1p(r(Math.exp(r(-Math.abs(r(x - y))))))));
  });
  return record('LogaddexpBackward0', out, [a, b], [a, b], (g, s, needs) => [
    needs[0] ? sumToShape(div(g, add(exp(sub(s[1], s[0])), 1)), a.shape) : null,
    needs[1] ? sumToShape(div(g, add(exp(sub(s[0], s[1])), 1)), b.shape) : null,
  ]);
}

export function logit(t: Tensor, eps: number | null): Tensor {
  const dt = floatOf(t.dtype);
  const r = roundFor(dt);
  const src = withGradMode(false, () => cast(detach(t), dt).values(true));
  const lo = eps === null ? 0 : r(eps);
  const hi = eps === null ? 0 : r(1 - lo);
  const out = emptyTensor(t.shape, dt);
  for (let i = 0; i < out.numel; i++) {
    let x = src[i];
    if (eps !== null) x = x < lo ? lo : x > hi ? hi : x;
    out.data[i] = Math.log(r(x / r(1 - x)));
  }
  roundStored(dt, out.data);
  return record('LogitBackward0', out, [t], [t], (g, s) => {
    const x = s[0];
    const grad = div(g, mul(x, rsub(x, 1)));
    if (eps === null) return [where(logicalOr(lt(x, 0), gt(x, 1)), NaN, grad)];
    return [where(logicalOr(lt(x, eps), gt(x, 1 - eps)), 0, grad)];
  });
}

/**
 * ATen's calc_erfinv: a rational first guess and two Newton steps on erf, in the tensor's type where ATen's C++
 * stays in it (`r` rounds to float32) and in double where its double constants promote the expression.
 */
export function erfinvValue(y: number, r: (v: number) => number): number {
  const ya = Math.abs(y);
  if (!(ya <= 1)) return NaN;
  if (ya === 1) return y > 0 ? Infinity : -Infinity;
  let x: number;
  if (ya <= 0.7) {
    const z = r(y * y);
    const num = r(r(r(r(r(r(-0.140543331 * z) + 0.914624893) * z) + -1.645349621) * z) + 0.886226899);
    const dem = r(r(r(r(r(r(r(r(0.012229801 * z) + -0.329097515) * z) + 1.442710462) * z) + -2.118377725) * z) + 1.0);
    x = r(r(y * num) / dem);
  } else {
    const z = r(Math.sqrt(-Math.log((1.0 - ya) / 2.0)));
    const num = r(r(r(r(r(r(1.641345311 * z) + 3.429567803) * z) + -1.624906493) * z) + -1.970840454);
    const dem = r(r(r(r(1.6370678 * z) + 3.5438892) * z) + 1.0);
    x = r((y < 0 ? -num : num) / dem);
  }
  const k = 2.0 / Math.sqrt(Math.PI);
  for (let step = 0; step < 2; step++) x = r(x - (r(r(erf(x)) - y)) / (k * Math.exp(-r(x * x))));
  return x;
}

export function erfinv(t: Tensor): Tensor {
  const dt = floatOf(t.dtype);
  const src = withGradMode(false, () => cast(detach(t), dt).values(true));
  const out = emptyTensor(t.shape, dt);
  const r = roundFor(dt);
  for (let i = 0; i < out.numel; i++) out.data[i] = erfinvValue(src[i], r);
  roundStored(dt, out.data);
  return record('ErfinvBackward0', out, [t], [out], (g, s) => [mul(mul(exp(mul(s[0], s[0])), 0.5 * Math.sqrt(Math.PI)), g)]);
}
