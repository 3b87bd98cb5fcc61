/**
 * The activations beyond ReLU/ELU/GELU that PyTorch records as nodes of their own: hardtanh (relu6), threshold,
 * hardsigmoid, hardswish, mish, the ELU family's SELU and CELU, PReLU, RReLU in evaluation mode, GLU, logsigmoid,
 * softshrink and hardshrink. Forwards round each intermediate to float32 as PyTorch's CPU kernels do; backwards
 * are PyTorch's formulas written with recorded ops (so create_graph differentiates them again), masks as
 * where(…, 0, g) so that outside the mask the gradient is +0 whatever g holds.
 */
import { record } from '../graph';
import { DType, isFloating, SCALAR_TYPE_NAMES } from '../dtype';
import { runtimeError } from '../errors';
import { mapBinary, mapUnary } from '../kernels';
import { forEachRow } from '../rows';
import { makeTensor, Tensor } from '../tensor';
import { add, div, exp, gradFor, gt, le, log1p, logicalAnd, lt, mul, neg, rsub, tanh, where } from './elementwise';
import { cat, narrow } from './views';

/** The kernels exist for floating dtypes only; PyTorch names the kernel that has no integer version. */
function floating(t: Tensor, kernel: string): DType {
  if (!isFloating(t.dtype)) throw runtimeError(`"${kernel}" not implemented for '${SCALAR_TYPE_NAMES[t.dtype]}'`);
  return t.dtype;
}

/** Rounds an intermediate to the kernel's precision: float32 rounds, float64 keeps the double. */
function rounder(dt: DType): (x: number) => number {
  return dt === 'float64' ? (x) => x : Math.fround;
}

/**
 * How many elements from the start of each contiguous run PyTorch's cpu_kernel_vec takes as a whole block on its
 * vector path (two AVX2 vectors: 16 floats, 8 doubles); the rest of the run goes through its scalar loop.
 */
function vectorBlock(dt: DType): number {
  return dt === 'float64' ? 8 : 16;
}

/**
 * A boolean mask over `t` computed as PyTorch's kernel would: `vector` on the elements its vector path takes,
 * `scalar` on the others. The two differ where PyTorch's vector and scalar code disagree on a NaN or a bound.
 */
function twoPathMask(t: Tensor, vector: (x: number) => boolean, scalar: (x: number) => boolean): Tensor {
  const n = t.numel;
  const o = new Uint8Array(n);
  const block = vectorBlock(t.dtype);
  const src = t.data;
  forEachRow(t.shape, t.strides, t.offset, (p, i, len, step) => {
    const v = step === 1 ? len - (len % block) : 0;
    for (let k = 0; k < len; k++, p += step) o[i + k] = (k < v ? vector(src[p]) : scalar(src[p])) ? 1 : 0;
  });
  return makeTensor(o, t.shape, 'bool');
}

/** hardtanh and relu6 (HardtanhBackward0 for both, as PyTorch names them); the bounds in the tensor's dtype. */
export function hardtanh(t: Tensor, minVal: number, maxVal: number): Tensor {
  const r = rounder(t.dtype);
  const lo = r(minVal);
  const hi = r(maxVal);
  // Compared, not Math.max/min, so that -0 within the bounds stays -0 as in PyTorch's clamp.
  const out = mapUnary(t, t.dtype, (x) => (x < lo ? lo : x > hi ? hi : x));
  // hardtanh_backward: (min < x < max) ? g : 0, so a NaN input gets +0 too.
  return record('HardtanhBackward0', out, [t], [t], (g, s) => [where(logicalAnd(gt(s[0], lo), lt(s[0], hi)), g, 0)]);
}

/** F.threshold: x <= threshold ? value : x; the in-place form records ThresholdBackward1. */
export function threshold(t: Tensor, th: number, value: number, inPlaceForm = false): Tensor {
  const r = rounder(t.dtype);
  const thr = r(th);
  const v = r(value);
  const out = mapUnary(t, t.dtype, (x) => (x <= thr ? v : x));
  const name = inPlaceForm ? 'ThresholdBackward1' : 'ThresholdBackward0';
  return record(name, out, [t], [t], (g, s) => [where(le(s[0], thr), 0, g)]);
}

export function hardsigmoid(t: Tensor): Tensor {
  const dt = floating(t, 'hardsigmoid_cpu');
  const r = rounder(dt);
  const out = mapUnary(t, dt, (x) => r(Math.min(Math.max(r(x + 3), 0), 6) / 6));
  // (x > -3 && x < 3) ? g * (1/6 in the dtype) : 0
  return record('HardsigmoidBackward0', out, [t], [t], (g, s) => [
    where(logicalAnd(gt(s[0], -3), lt(s[0], 3)), mul(g, 1 / 6), 0),
  ]);
}

export function hardswish(t: Tensor): Tensor {
  const dt = floating(t, 'hardswish_cpu');
  const r = rounder(dt);
  const out = mapUnary(t, dt, (x) => {
    const m = x !== x ? x : Math.min(Math.max(r(x + 3), 0), 6);
    return r(r(x * m) / 6);
  });
  // x < -3 ? 0 : x < 3 ? g * (x / 3 + 0.5) : g on the vector path (NaN takes the middle), x <= 3 in the scalar
  // loop (NaN falls through to g).
  return record('HardswishBackward0', out, [t], [t], (g, s) => {
    const x = s[0];
    const zero = twoPathMask(x, (v) => v < -3, (v) => v < -3);
    const pass = twoPathMask(x, (v) => v >= 3, (v) => !(v < -3) && !(v <= 3));
    return [where(zero, 0, where(pass, g, mul(g, add(div(x, 3), 0.5))))];
  });
}

export function mish(t: Tensor): Tensor {
  const dt = floating(t, 'mish_cpu');
  const r = rounder(dt);
  const out = mapUnary(t, dt, (x) => r(x * r(Math.tanh(r(Math.log1p(r(Math.exp(x))))))));
  // dy * (tanh(softplus(x)) + x * sigmoid(x) * (1 - tanh(softplus(x))^2))
  return record('MishBackward0', out, [t], [t], (g, s) => {
    const x = s[0];
    const sg = div(1, add(exp(neg(x)), 1));
    const ts = tanh(log1p(exp(x)));
    return [mul(g, add(ts, mul(mul(x, sg), rsub(mul(ts, ts), 1))))];
  });
}

/**
 * PyTorch's elu kernel with its scale and input scale: x <= 0 ? expm1(x * inputScale) * (alpha * scale) : x * scale.
 * SELU records EluBackward0/1 and CELU CeluBackward0/1; the in-place forms differentiate through the result.
 */
export function scaledElu(t: Tensor, alpha: number, scale: number, inputScale: number, name: string, fromResult: boolean): Tensor {
  const dt = floating(t, 'elu_cpu');
  const r = rounder(dt);
  const negcoef = r(r(alpha) * r(scale));
  const poscoef = r(scale);
  const negiptcoef = r(inputScale);
  // `+ 0`: PyTorch's vector path computes (exp(x) - 1) * negcoef, so -0 gives +0.
  const out = mapUnary(t, dt, (x) => (x <= 0 ? r(r(Math.expm1(r(x * negiptcoef))) * negcoef) + 0 : r(x * poscoef)));
  // The backward's vector path blends on x > 0 (NaN takes the negative branch), its scalar loop tests x <= 0.
  const positive = (x: Tensor) => twoPathMask(x, (v) => v > 0, (v) => !(v <= 0));
  if (fromResult) {
    // elu_backward(is_result): y > 0 ? g * poscoef : g * negiptcoef * (y + negcoef)
    return record(name, out, [t], [out], (g, s) => {
      const y = s[0];
      return [where(positive(y), mul(g, poscoef), mul(mul(g, negiptcoef), add(y, negcoef)))];
    });
  }
  // elu_backward: x > 0 ? g * poscoef : g * negiptcoef * negcoef * exp(x * negiptcoef)
  return record(name, out, [t], [t], (g, s) => {
    const x = s[0];
    return [where(positive(x), mul(g, poscoef), mul(mul(mul(g, negiptcoef), negcoef), exp(mul(x, negiptcoef))))];
  });
}

/** PyTorch 2.x's _prelu_kernel (PreluKernelBackward0): `weight` already broadcasts against `t`. */
export function prelu(t: Tensor, weight: Tensor): Tensor {
  if (t.dtype !== weight.dtype) {
    throw runtimeError(`prelu: Type promoting not supported. Got ${SCALAR_TYPE_NAMES[t.dtype]} and ${SCALAR_TYPE_NAMES[weight.dtype]}`);
  }
  floating(t, 'prelu_cpu');
  const out = mapBinary(t, weight, t.dtype, (x, w) => (x > 0 ? x : w * x));
  return record('PreluKernelBackward0', out, [t, weight], [t, weight], (g, s, needs) => {
    const [x, w] = s;
    const pos = gt(x, 0);
    return [
      needs[0] ? gradFor(where(pos, g, mul(w, g)), x) : null,
      needs[1] ? gradFor(where(pos, 0, mul(x, g)), w) : null,
    ];
  });
}

/** rrelu with training=False: leaky_relu with slope (lower + upper) / 2, recorded as RreluWithNoiseBackward0/1. */
export function rreluEval(t: Tensor, lower: number, upper: number, inPlaceForm = false): Tensor {
  floating(t, 'leaky_relu_cpu');
  const r = rounder(t.dtype);
  const slope = r((lower + upper) / 2);
  const out = mapUnary(t, t.dtype, (x) => (x > 0 ? x : r(x * slope)));
  const name = inPlaceForm ? 'RreluWithNoiseBackward1' : 'RreluWithNoiseBackward0';
  // leaky_relu_backward: x > 0 ? g : g * slope
  return record(name, out, [t], [t], (g, s) => [where(gt(s[0], 0), g, mul(g, slope))]);
}

/** F.glu along `dim` (already normalised): first half * sigmoid(second half), GluBackward0. */
export function glu(t: Tensor, dim: number): Tensor {
  if (t.ndim === 0) throw runtimeError('glu does not support scalars because halving size must be even');
  const n = t.shape[dim];
  if (n % 2 !== 0) throw runtimeError(`Halving dimension must be even, but dimension ${dim} is size ${n}`);
  const h = n / 2;
  const a = narrow(t, dim, 0, h);
  const b = narrow(t, dim, h, h);
  const dt = floating(t, 'glu_cpu');
  const r = rounder(dt);
  const out = mapBinary(a, b, dt, (x, y) => r(x * r(1 / r(1 + r(Math.exp(-y))))));
  return record('GluBackward0', out, [t], [t], (g, s) => {
    const x = s[0];
    const first = narrow(x, dim, 0, h);
    const sig = div(1, add(exp(neg(narrow(x, dim, h, h))), 1));
    // glu_backward: first half g * sig, second half (1 - sig) * sig * first * g
    const gFirst = mul(sig, g);
    const gSecond = mul(mul(mul(rsub(sig, 1), sig), first), g);
    return [cat([gFirst, gSecond], dim)];
  });
}

/** log(sigmoid(x)) as PyTorch computes it: min(0, x) - log1p(exp(-|x|)). */
export function logSigmoid(t: Tensor): Tensor {
  const dt = floating(t, 'log_sigmoid_cpu');
  const r = rounder(dt);
  const out = mapUnary(t, dt, (x) => r(Math.min(0, x) - r(Math.log1p(r(Math.exp(-Math.abs(x)))))));
  // log_sigmoid_backward: (x < 0 ? 1 : 0) - (x < 0 ? 1 : -1) * (z / (1 + z)), times g, with z = exp(-|x|)
  return record('LogSigmoidBackward0', out, [t], [t], (g, s) => {
    const x = s[0];
    const negative = lt(x, 0);
    const z = exp(neg(absOf(x)));
    const q = div(z, add(z, 1));
    return [mul(where(negative, rsub(q, 1), q), g)];
  });
}

function absOf(x: Tensor): Tensor {
  return where(lt(x, 0), neg(x), x);
}

function checkLambda(lambd: number): void {
  if (!(lambd >= 0)) throw runtimeError(`lambda must be greater or equal to 0, but found to be ${lambd}.`);
}

/**
 * shrink_backward: g outside [-l, l]. Its vector path keeps g where x < -l or x > l (a NaN input gets +0), its
 * scalar loop zeroes where -l <= x <= l (a NaN input keeps g).
 */
function shrinkBackward(g: Tensor, x: Tensor, l: number): Tensor {
  return where(twoPathMask(x, (v) => v < -l || v > l, (v) => !(v >= -l && v <= l)), g, 0);
}

/** softshrink: x > l ? x - l : x < -l ? x + l : 0 (a NaN input gives 0, as PyTorch 1.13's kernel). */
export function softshrink(t: Tensor, lambd: number): Tensor {
  checkLambda(lambd);
  const dt = floating(t, 'softshrink_cpu');
  const r = rounder(dt);
  const l = r(lambd);
  const out = mapUnary(t, dt, (x) => (x > l ? r(x - l) : x < -l ? r(x + l) : 0));
  return record('SoftshrinkBackward0', out, [t], [t], (g, s) => [shrinkBackward(g, s[0], l)]);
}

/** hardshrink: (-l <= x <= l) ? 0 : x, so a NaN input passes through (its gradient as shrinkBackward says). */
export function hardshrink(t: Tensor, lambd: number): Tensor {
  floating(t, 'hardshrink_cpu');
  const r = rounder(t.dtype);
  const l = r(lambd);
  const out = mapUnary(t, t.dtype, (x) => (x >= -l && x <= l ? 0 : x));
  return record('HardshrinkBackward0', out, [t], [t], (g, s) => [shrinkBackward(g, s[0], l)]);
}
