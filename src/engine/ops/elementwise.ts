/**
 * Elementwise ops (arithmetic, unary math, activations, comparisons, `where`, `clamp`, `cast`, `clone`),
 * each with its backward formula next to its forward. The formulas are written with these same ops (and
 * reduce/views for un-broadcasting), not raw loops, so that with create_graph=True a gradient records its own
 * history and can be differentiated again; that is why the op files import each other.
 */
import { gradMode, record, withGradMode } from '../graph';
import { allocate, castValue, DType, isFloat32Stored, isFloating, isIntegral, roundStored, SCALAR_TYPE_NAMES, StorageArray } from '../dtype';
import { runtimeError } from '../errors';
import { contiguousUnaryLoops, mapBinary, mapTernary, mapUnary, copyInto } from '../kernels';
import { forEachRow } from '../rows';
import { wasmBinary } from '../wasm/elementwise';
import { wasmReluBackwardF32, wasmReluF32 } from '../wasm/relu';
import { sameShape } from '../shape';
import { emptyTensor, makeTensor, Tensor } from '../tensor';
import { expFloat32, sigmoidFloat32, siluFloat32, tanhFloat32 } from '../expf';
import { fma, fmaf } from '../random/libm';
import { Operand, asTensor, resultType, Scalar, scalarValue } from './operands';
import { sumToShape } from './reduce';

function floatResult(d: DType): DType {
  return isFloating(d) ? d : 'float32';
}

/** Differentiable dtype conversion (`to(dtype)`, `float()`, …); returns `t` itself when nothing changes. */
export function cast(t: Tensor, dtype: DType): Tensor {
  if (t.dtype === dtype) return t;
  // An integer has no sign of zero: an int64 -0 (a truncated -0.5) becomes 0.
  const toFloat = isIntegral(t.dtype) ? (x: number) => x + 0 : (x: number) => x;
  // A float past int32's range converts to INT32_MIN (x86's conversion), where an integer wraps to its low 32 bits.
  const toInt = dtype === 'int32' && isFloating(t.dtype) ? floatToInt32 : (x: number) => castValue(dtype, x);
  const out = mapUnary(t, dtype, isIntegral(dtype) ? toInt : dtype === 'bool' ? (x) => (x !== 0 ? 1 : 0) : toFloat);
  if (!isFloating(dtype)) return out;
  const from = t.dtype;
  return record('ToCopyBackward0', out, [t], [], (g) => [cast(g, from)]);
}

function floatToInt32(x: number): number {
  return Math.abs(x) < 2147483648 ? Math.trunc(x) : -2147483648;
}

/** Sums a broadcast gradient back to the input's shape and dtype. */
export function gradFor(g: Tensor, input: Tensor): Tensor {
  return cast(sumToShape(g, input.shape), input.dtype);
}

function binaryOperands(a: Operand, b: Operand, computeDtype?: DType): [Tensor, Tensor, DType] {
  const dt = computeDtype ?? resultType(a, b);
  return [asTensor(a, dt), asTensor(b, dt), dt];
}

function tensorOrNull(x: Operand): Tensor | null {
  return x instanceof Tensor ? x : null;
}

function castedScalar(x: Operand, dt: DType): number | null {
  return x instanceof Tensor ? null : castValue(dt, scalarValue(x));
}

// A scalar operand is converted to the op's dtype first, as PyTorch does (x * 0.1 multiplies by float32(0.1)).
function operandTensor(x: Operand, dt: DType): Tensor {
  const s = castedScalar(x, dt);
  return s === null ? (x as Tensor) : asTensor(s, dt);
}

export function add(a: Operand, b: Operand, alpha: number = 1): Tensor {
  const dt = resultType(a, b);
  const ta = operandTensor(a, dt);
  const tb = operandTensor(b, dt);
  const al = castValue(dt, alpha);
  const out = dt === 'bool'
    ? mapBinary(ta, tb, dt, (x, y) => (x || y ? 1 : 0))
    : al === 1 ? mapBinary(ta, tb, dt, (x, y) => x + y, 'add') : mapBinary(ta, tb, dt, (x, y) => x + al * y);
  const ia = tensorOrNull(a);
  const ib = tensorOrNull(b);
  return record('AddBackward0', out, [ia, ib], [], (g, _s, needs) => [
    needs[0] ? gradFor(g, ia!) : null,
    needs[1] ? gradFor(al === 1 ? g : mul(g, al), ib!) : null,
  ]);
}

export function sub(a: Operand, b: Operand, alpha: number = 1): Tensor {
  const dt = resultType(a, b);
  if (dt === 'bool') {
    throw runtimeError('Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or `logical_xor()` operator instead.');
  }
  const ta = operandTensor(a, dt);
  const tb = operandTensor(b, dt);
  const al = castValue(dt, alpha);
  const out = al === 1 ? mapBinary(ta, tb, dt, (x, y) => x - y, 'sub') : mapBinary(ta, tb, dt, (x, y) => x - al * y);
  const ia = tensorOrNull(a);
  const ib = tensorOrNull(b);
  return record('SubBackward0', out, [ia, ib], [], (g, _s, needs) => [
    needs[0] ? gradFor(g, ia!) : null,
    needs[1] ? gradFor(mul(g, -al), ib!) : null,
  ]);
}

/** `scalar - alpha * tensor` (Python's __rsub__, torch.rsub with a number), which PyTorch records as RsubBackward1. */
export function rsub(t: Tensor, s: Scalar, alpha: number = 1): Tensor {
  const dt = resultType(t, s);
  if (dt === 'bool') {
    throw runtimeError('Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or `logical_xor()` operator instead.');
  }
  const v = castValue(dt, scalarValue(s));
  const al = castValue(dt, alpha);
  const out = al === 1 ? mapBinary(t, asTensor(v, dt), dt, (x, y) => y - x) : mapBinary(t, asTensor(v, dt), dt, (x, y) => y - al * x);
  return record('RsubBackward1', out, [t], [], (g) => [gradFor(al === 1 ? neg(g) : mul(g, -al), t)]);
}

/** torch.rsub(a, b, alpha): `b - alpha * a`, recorded as RsubBackward0 over (a, b). */
export function rsubTensor(a: Tensor, b: Tensor, alpha: number = 1): Tensor {
  const dt = resultType(a, b);
  if (dt === 'bool') {
    throw runtimeError('Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or `logical_xor()` operator instead.');
  }
  const al = castValue(dt, alpha);
  const ta = operandTensor(a, dt);
  const tb = operandTensor(b, dt);
  const out = al === 1 ? mapBinary(tb, ta, dt, (x, y) => x - y, 'sub') : mapBinary(tb, ta, dt, (x, y) => x - al * y);
  return record('RsubBackward0', out, [a, b], [], (g, _s, needs) => [
    needs[0] ? gradFor(mul(g, -al), a) : null,
    needs[1] ? gradFor(g, b) : null,
  ]);
}

export function mul(a: Operand, b: Operand): Tensor {
  const dt = resultType(a, b);
  const ta = operandTensor(a, dt);
  const tb = operandTensor(b, dt);
  const out = dt === 'bool' ? mapBinary(ta, tb, dt, (x, y) => (x && y ? 1 : 0)) : mapBinary(ta, tb, dt, (x, y) => x * y, 'mul');
  const ia = tensorOrNull(a);
  const ib = tensorOrNull(b);
  // PyTorch saves each operand only when the other one needs its gradient.
  const saved: Tensor[] = [];
  if (ib?.requiresGrad && ia) saved.push(ia);
  if (ia?.requiresGrad && ib) saved.push(ib);
  return record('MulBackward0', out, [ia, ib], saved, (g, _s, needs) => [
    needs[0] ? gradFor(mul(g, ib ?? castedScalar(b, dt)!), ia!) : null,
    needs[1] ? gradFor(mul(g, ia ?? castedScalar(a, dt)!), ib!) : null,
  ]);
}

export function div(a: Operand, b: Operand, roundingMode: 'trunc' | 'floor' | null = null): Tensor {
  if (roundingMode !== null) return divRounded(a, b, roundingMode);
  const dt = floatResult(resultType(a, b));
  const ta = operandTensor(a, dt);
  const tb = operandTensor(b, dt);
  const out = mapBinary(ta, tb, dt, (x, y) => x / y, 'div');
  const ia = tensorOrNull(a);
  const ib = tensorOrNull(b);
  const saved: Tensor[] = [];
  if (ib?.requiresGrad) { if (ia) saved.push(ia); saved.push(ib); } else if (ia?.requiresGrad && ib) saved.push(ib);
  return record('DivBackward0', out, [ia, ib], saved, (g, _s, needs) => [
    needs[0] ? gradFor(div(g, ib ?? castedScalar(b, dt)!), ia!) : null,
    // PyTorch's div_tensor_other_backward: -g · ((a / b) / b), rounded in that order.
    needs[1] ? gradFor(mul(neg(g), div(div(ia ?? castedScalar(a, dt)!, ib!), ib!)), ib!) : null,
  ]);
}

function divRounded(a: Operand, b: Operand, mode: 'trunc' | 'floor'): Tensor {
  const dt = resultType(a, b);
  const [ta, tb] = binaryOperands(a, b, dt);
  const integral = !isFloating(dt);
  if (integral) checkIntDivisor(tb);
  const f = mode === 'trunc' ? Math.trunc : Math.floor;
  const out = mapBinary(ta, tb, dt, (x, y) => f(x / y));
  const ia = tensorOrNull(a);
  const ib = tensorOrNull(b);
  return record('DivBackward2', out, [ia, ib], [], (g, _s, needs) => [
    needs[0] ? gradFor(zerosOf(g), ia!) : null,
    needs[1] ? gradFor(zerosOf(g), ib!) : null,
  ]);
}

function checkIntDivisor(t: Tensor): void {
  const v = t.values(true);
  for (let i = 0; i < v.length; i++) if (v[i] === 0) throw runtimeError('ZeroDivisionError');
}

export function floorDivide(a: Operand, b: Operand): Tensor {
  return divRounded(a, b, 'floor');
}

/** Python-style remainder: the result takes the sign of the divisor. */
export function remainder(a: Operand, b: Operand): Tensor {
  const [ta, tb, dt] = binaryOperands(a, b);
  if (!isFloating(dt)) checkIntDivisor(tb);
  const out = mapBinary(ta, tb, dt, (x, y) => {
    const r = x % y;
    return r !== 0 && (r < 0) !== (y < 0) ? r + y : r;
  });
  const ia = tensorOrNull(a);
  const ib = tensorOrNull(b);
  return record('RemainderBackward0', out, [ia, ib], [], (g, _s, needs) => [
    needs[0] ? gradFor(g, ia!) : null,
    needs[1] ? gradFor(mul(neg(g), floorDivide(ia ?? ta, ib!)), ib!) : null,
  ]);
}

/** C's fmod: the result takes the sign of the dividend (`torch.fmod`), unlike `remainder`. */
export function fmod(a: Tensor, b: Operand): Tensor {
  const [ta, tb, dt] = binaryOperands(a, b);
  if (!isFloating(dt)) checkIntDivisor(tb);
  const out = mapBinary(ta, tb, dt, (x, y) => x % y);
  const ib = tensorOrNull(b);
  // PyTorch names the two overloads: a Scalar divisor (FmodBackward0) and a Tensor one (FmodBackward1).
  return record(ib ? 'FmodBackward1' : 'FmodBackward0', out, [a, ib], [], (g, _s, needs) => [
    needs[0] ? gradFor(g, a) : null,
    needs[1] ? gradFor(mul(neg(g), mapBinary(ta, tb, dt, (x, y) => Math.trunc(isFloat32Stored(dt) ? Math.fround(x / y) : x / y))), ib!) : null,
  ]);
}

export function neg(t: Tensor): Tensor {
  if (t.dtype === 'bool') {
    throw runtimeError('Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.');
  }
  const out = mapUnary(t, t.dtype, (x) => -x);
  return record('NegBackward0', out, [t], [], (g) => [neg(g)]);
}

export function reciprocal(t: Tensor): Tensor {
  const out = mapUnary(t, floatResult(t.dtype), (x) => 1 / x);
  return record('ReciprocalBackward0', out, [t], [out], (g, s) => [mul(neg(g), mul(s[0], s[0]))]);
}

export function zerosOf(t: Tensor): Tensor {
  return emptyTensor(t.shape, t.dtype);
}

/**
 * PyTorch's pow_tensor_scalar_optimized_kernel: 2, 3 and -2 are products in the tensor's precision (float32
 * rounds after each multiply, so x**3 is not the correctly rounded cube), 0.5 is sqrt; other exponents std::pow.
 */
function powKernel(ev: number, dt: DType): (x: number) => number {
  if (ev === 2) return (x) => x * x;
  if (ev === 0.5) return Math.sqrt;
  if (isFloat32Stored(dt)) {
    const f = Math.fround;
    if (ev === 3) return (x) => f(x * x) * x;
    if (ev === -2) return (x) => 1 / f(x * x);
  } else if (dt === 'float64') {
    if (ev === 3) return (x) => x * x * x;
    if (ev === -2) return (x) => 1 / (x * x);
  }
  return (x) => Math.pow(x, ev);
}

/** tensor ** scalar (PowBackward0). */
export function powScalar(t: Tensor, e: Scalar): Tensor {
  const dt = resultType(t, e);
  const ev = scalarValue(e);
  const out = mapUnary(cast(t, dt), dt, powKernel(ev, dt));
  return record('PowBackward0', out, [t], [t], (g, s) => {
    if (ev === 0) return [zerosOf(g)];
    const x = s[0];
    const d = ev === 2 ? mul(x, 2) : mul(powScalar(x, ev - 1), ev);
    return [gradFor(mul(g, d), x)];
  });
}

/** scalar ** tensor (PowBackward2). */
export function scalarPow(base: Scalar, t: Tensor): Tensor {
  const dt = floatResult(resultType(base, t));
  const bv = castValue(dt, scalarValue(base));
  const out = mapUnary(cast(t, dt), dt, (x) => Math.pow(bv, x));
  return record('PowBackward2', out, [t], [out], (g, s) => [gradFor(mul(mul(g, s[0]), Math.log(bv)), t)]);
}

/** tensor ** tensor (PowBackward1). */
export function powTensor(a: Tensor, b: Tensor): Tensor {
  if (b.shape.length === 0 && !b.requiresGrad && a.shape.length > 0) {
    // A 0-dim exponent that needs no gradient behaves like a scalar exponent.
  }
  const dt = resultType(a, b);
  const out = mapBinary(cast(a, dt), cast(b, dt), dt, Math.pow);
  return record('PowBackward1', out, [a, b], [a, b, out], (g, s, needs) => {
    const [x, y, r] = s;
    return [
      needs[0] ? gradFor(mul(g, mul(y, pow(x, sub(y, 1)))), x) : null,
      needs[1] ? gradFor(mul(g, where(logicalAnd(eq(x, 0), ge(y, 0)), 0, mul(r, log(x)))), y) : null,
    ];
  });
}

export function pow(a: Operand, b: Operand): Tensor {
  if (a instanceof Tensor) return b instanceof Tensor ? powTensor(a, b) : powScalar(a, b);
  if (b instanceof Tensor) return scalarPow(a, b);
  throw runtimeError('pow expects at least one tensor');
}

/** `f32`, where given, computes a float32 result with PyTorch's rounding, which `f` (in double) does not give. */
function unaryFloat(
  name: string,
  t: Tensor,
  f: (x: number) => number,
  saveOut: boolean,
  back: (g: Tensor, x: Tensor, out: Tensor) => Tensor,
  f32?: (t: Tensor) => Float32Array,
): Tensor {
  const dt = floatResult(t.dtype);
  const out = f32 && dt === 'float32' ? makeTensor(f32(t), t.shape, dt) : mapUnary(t, dt, f);
  return record(name, out, [t], saveOut ? [out] : [t], (g, s) => [back(g, saveOut ? t : s[0], saveOut ? s[0] : out)]);
}

export function exp(t: Tensor): Tensor {
  return unaryFloat('ExpBackward0', t, Math.exp, true, (g, _x, r) => mul(g, r), expFloat32);
}
export function log(t: Tensor): Tensor {
  return unaryFloat('LogBackward0', t, Math.log, false, (g, x) => div(g, x));
}
export function log2(t: Tensor): Tensor {
  return unaryFloat('Log2Backward0', t, Math.log2, false, (g, x) => div(g, mul(x, Math.LN2)));
}
export function log10(t: Tensor): Tensor {
  return unaryFloat('Log10Backward0', t, Math.log10, false, (g, x) => div(g, mul(x, Math.LN10)));
}
export function log1p(t: Tensor): Tensor {
  return unaryFloat('Log1PBackward0', t, Math.log1p, false, (g, x) => div(g, add(x, 1)));
}
export function expm1(t: Tensor): Tensor {
  return unaryFloat('Expm1Backward0', t, Math.expm1, true, (g, _x, r) => mul(g, add(r, 1)));
}
export function sqrt(t: Tensor): Tensor {
  return unaryFloat('SqrtBackward0', t, Math.sqrt, true, (g, _x, r) => div(g, mul(r, 2)));
}
export function rsqrt(t: Tensor): Tensor {
  return unaryFloat('RsqrtBackward0', t, (x) => 1 / Math.sqrt(x), true, (g, _x, r) => mul(g, mul(powScalar(r, 3), -0.5)));
}
export function sin(t: Tensor): Tensor {
  return unaryFloat('SinBackward0', t, Math.sin, false, (g, x) => mul(g, cos(x)));
}
export function cos(t: Tensor): Tensor {
  return unaryFloat('CosBackward0', t, Math.cos, false, (g, x) => mul(g, neg(sin(x))));
}
export function tan(t: Tensor): Tensor {
  return unaryFloat('TanBackward0', t, Math.tan, true, (g, _x, r) => mul(g, add(mul(r, r), 1)));
}
export function tanh(t: Tensor): Tensor {
  return unaryFloat('TanhBackward0', t, Math.tanh, true, (g, _x, r) =>
    fusedBackward(g, r, tanhGradLoops, () => mul(g, rsub(mul(r, r), 1))), tanhFloat32);
// (create_graph composes the ops, 1 − r·r rounded twice where PyTorch's tanh_backward fuses it: a last bit.)
}
export function sigmoid(t: Tensor): Tensor {
  return unaryFloat('SigmoidBackward0', t, sigmoidValue, true, (g, _x, r) =>
    fusedBackward(g, r, sigmoidGradLoops, () => mul(mul(g, rsub(r, 1)), r)), sigmoidFloat32);
}

/** o[i] from gradient g[go + i] and saved tensor r[ro + i] (an output, or silu's input), for float32 (each step rounded) and float64. */
type GradLoop = (o: StorageArray, g: StorageArray, go: number, r: StorageArray, ro: number) => void;

// PyTorch's kernels (checked bit for bit against PyTorch 1.13): tanh_backward g · (1 − r·r) with 1 − r·r one
// fused multiply-add, sigmoid_backward (g · (1 − r)) · r; each step rounded to the dtype.
const tanhGradLoops: [GradLoop, GradLoop] = [
  (o, g, go, r, ro) => {
    for (let i = 0; i < o.length; i++) {
      const y = r[ro + i];
      o[i] = g[go + i] * fmaf(-y, y, 1);
    }
  },
  (o, g, go, r, ro) => {
    for (let i = 0; i < o.length; i++) {
      const y = r[ro + i];
      o[i] = g[go + i] * fma(-y, y, 1);
    }
  },
];
const sigmoidGradLoops: [GradLoop, GradLoop] = [
  (o, g, go, r, ro) => {
    for (let i = 0; i < o.length; i++) {
      const y = r[ro + i];
      o[i] = Math.fround(g[go + i] * Math.fround(1 - y)) * y;
    }
  },
  (o, g, go, r, ro) => {
    for (let i = 0; i < o.length; i++) {
      const y = r[ro + i];
      o[i] = g[go + i] * (1 - y) * y;
    }
  },
];

/**
 * A backward formula in one pass where it gives the composed ops' numbers exactly: float32 or float64
 * contiguous operands of one shape, outside create_graph. Anything else runs `composed`.
 */
function fusedBackward(g: Tensor, r: Tensor, loops: [GradLoop, GradLoop], composed: () => Tensor): Tensor {
  const dt = g.dtype;
  if (gradMode.enabled || (dt !== 'float32' && dt !== 'float64') || r.dtype !== dt) return composed();
  if (!g.isContiguous() || !r.isContiguous() || !sameShape(g.shape, r.shape)) return composed();
  const out = emptyTensor(g.shape, dt);
  loops[dt === 'float32' ? 0 : 1](out.data, g.data, g.offset, r.data, r.offset);
  return out;
}
export function sigmoidValue(x: number): number {
  return 1 / (1 + Math.exp(-x));
}
contiguousUnaryLoops.set(sigmoidValue, (o, s, off, n) => {
  for (let i = 0; i < n; i++) o[i] = 1 / (1 + Math.exp(-s[off + i]));
});

export function abs(t: Tensor): Tensor {
  const out = mapUnary(t, t.dtype, Math.abs);
  return record('AbsBackward0', out, [t], [t], (g, s) => [mul(g, sign(s[0]))]);
}

export function sign(t: Tensor): Tensor {
  const out = mapUnary(t, t.dtype, (x) => (x > 0 ? 1 : x < 0 ? -1 : x === 0 ? 0 : x));
  return record('SignBackward0', out, [t], [], (g) => [zerosOf(g)]);
}

function roundingOp(name: string, f: (x: number) => number) {
  return (t: Tensor): Tensor => {
    if (!isFloating(t.dtype)) return mapUnary(t, t.dtype, (x) => x);
    const out = mapUnary(t, t.dtype, f);
    return record(name, out, [t], [], (g) => [zerosOf(g)]);
  };
}
/** Round half to even, like PyTorch and NumPy. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
export const floor = roundingOp('FloorBackward0', Math.floor);
export const ceil = roundingOp('CeilBackward0', Math.ceil);
export const round = roundingOp('RoundBackward0', roundHalfEven);
export const trunc = roundingOp('TruncBackward0', Math.trunc);

function reluValue(x: number): number {
  return x > 0 ? x : x !== x ? x : 0;
}
contiguousUnaryLoops.set(reluValue, (o, s, off, n) => {
  if (o instanceof Float32Array && s instanceof Float32Array && wasmReluF32(o, s, off, n)) return;
  for (let i = 0; i < n; i++) {
    const x = s[off + i];
    o[i] = x > 0 ? x : x !== x ? x : 0;
  }
});

export function relu(t: Tensor): Tensor {
  const out = mapUnary(t, t.dtype, reluValue);
  return record('ReluBackward0', out, [t], [out], (g, s) => [thresholdBackward(g, s[0], 0)]);
}

/**
 * PyTorch's threshold_backward: the gradient where `s` is above `threshold`, else 0. A zeroed element is 0
 * whatever the gradient holds (inf or NaN included), and a NaN in `s` lets the gradient through.
 */
function thresholdBackward(g: Tensor, s: Tensor, threshold: number): Tensor {
  // With create_graph the gradient is itself differentiated: the same values through recorded ops.
  if (gradMode.enabled && g.requiresGrad) return where(le(s, threshold), 0, g);
  if (g.dtype === s.dtype && g.isContiguous() && s.isContiguous() && sameShape(g.shape, s.shape)) {
    const out = emptyTensor(g.shape, g.dtype);
    const o = out.data;
    const gd = g.data;
    const sd = s.data;
    const go = g.offset;
    const so = s.offset;
    if (threshold === 0 && o instanceof Float32Array && gd instanceof Float32Array && sd instanceof Float32Array && wasmReluBackwardF32(o, gd, go, sd, so, o.length)) return out;
    for (let i = 0; i < o.length; i++) o[i] = sd[so + i] <= threshold ? 0 : gd[go + i];
    return out;
  }
  return mapBinary(g, s, g.dtype, (gv, sv) => (sv <= threshold ? 0 : gv));
}

/** `inPlaceForm`: the node PyTorch's in-place leaky_relu_ records (LeakyReluBackward1); the same gradient. */
export function leakyRelu(t: Tensor, slope = 0.01, inPlaceForm = false): Tensor {
  const sl = castValue(t.dtype, slope);
  const out = mapUnary(t, t.dtype, (x) => (x > 0 ? x : x * sl));
  const name = inPlaceForm ? 'LeakyReluBackward1' : 'LeakyReluBackward0';
  return record(name, out, [t], [t], (g, s) => [where(gt(s[0], 0), g, mul(g, sl))]);
}

export function softplus(t: Tensor, beta = 1, threshold = 20): Tensor {
  const out = mapUnary(t, floatResult(t.dtype), (x) => (x * beta > threshold ? x : Math.log1p(Math.exp(x * beta)) / beta));
  // PyTorch's softplus_backward: g where x·β > threshold, else (g · z) / (z + 1) with z = exp(x·β).
  return record('SoftplusBackward0', out, [t], [t], (g, s) => {
    const xb = mul(s[0], beta);
    const z = exp(xb);
    return [where(gt(xb, threshold), g, div(mul(g, z), add(z, 1)))];
  });
}

/**
 * `inPlaceForm`: the in-place elu_, whose node (EluBackward1) has only the result: PyTorch's elu_backward then
 * gives g · (r + α) where r ≤ 0, and from the input (EluBackward0) (g · α) · exp(x) where x ≤ 0; g elsewhere
 * (a NaN included).
 */
export function elu(t: Tensor, alpha = 1, inPlaceForm = false): Tensor {
  const out = mapUnary(t, floatResult(t.dtype), (x) => (x > 0 ? x : alpha * Math.expm1(x)));
  if (inPlaceForm) return record('EluBackward1', out, [t], [out], (g, s) => [where(le(s[0], 0), mul(g, add(s[0], alpha)), g)]);
  return record('EluBackward0', out, [t], [t], (g, s) => [where(le(s[0], 0), mul(mul(g, alpha), exp(s[0])), g)]);
}

export function silu(t: Tensor): Tensor {
  const dt = floatResult(t.dtype);
  const out = dt === 'float32' ? makeTensor(siluFloat32(t), t.shape, dt) : mapUnary(t, dt, (x) => x / (1 + Math.exp(-x)));
  return record('SiluBackward0', out, [t], [t], (g, s) => [siluGrad(g, s[0])]);
}

/**
 * PyTorch's silu_backward, (g · s) · (1 + x · (1 − s)) with s = sigmoid(x) and the last multiply-add fused, each
 * step rounded to the dtype; under create_graph (and for other layouts) the composed ops of its
 * infinitely_differentiable_silu_backward, as PyTorch takes them there.
 */
function siluGrad(g: Tensor, x: Tensor): Tensor {
  const s = sigmoid(x);
  // s is fresh and contiguous: element i of a contiguous x is s.data[i].
  const sd = s.data;
  return fusedBackward(g, x, [
    (o, gd, go, xd, xo) => {
      for (let i = 0; i < o.length; i++) o[i] = Math.fround(gd[go + i] * sd[i]) * fmaf(xd[xo + i], Math.fround(1 - sd[i]), 1);
    },
    (o, gd, go, xd, xo) => {
      for (let i = 0; i < o.length; i++) o[i] = gd[go + i] * sd[i] * fma(xd[xo + i], 1 - sd[i], 1);
    },
  ], () => mul(mul(g, s), add(mul(x, rsub(s, 1)), 1)));
}

/** erf with double accuracy: a positive-term series below 3 and a continued fraction for erfc above. */
export function erf(x: number): number {
  if (x !== x) return x;
  const ax = Math.abs(x);
  if (ax < 3) {
    const x2 = ax * ax;
    let term = ax;
    let sum = ax;
    for (let n = 1; n < 200; n++) {
      term *= (2 * x2) / (2 * n + 1);
      sum += term;
      if (term < sum * 1e-17) break;
    }
    const r = (2 / Math.sqrt(Math.PI)) * Math.exp(-x2) * sum;
    return x < 0 ? -r : r;
  }
  // Lentz evaluation of erfc's continued fraction.
  let f = ax;
  let c = ax;
  let d = 0;
  for (let n = 1; n < 200; n++) {
    const an = n / 2;
    d = ax + an * d;
    d = 1 / d;
    c = ax + an / c;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  const erfc = Math.exp(-ax * ax) / (f * Math.sqrt(Math.PI));
  const r = 1 - erfc;
  return x < 0 ? -r : r;
}

export function gelu(t: Tensor, approximate: 'none' | 'tanh' = 'none'): Tensor {
  const k = Math.sqrt(2 / Math.PI);
  const f = approximate === 'tanh'
    ? (x: number) => 0.5 * x * (1 + Math.tanh(k * (x + 0.044715 * x * x * x)))
    : (x: number) => 0.5 * x * (1 + erf(x / Math.SQRT2));
  const out = mapUnary(t, floatResult(t.dtype), f);
  return record('GeluBackward0', out, [t], [t], (g, s) => {
    const x = s[0];
    if (approximate === 'tanh') {
      const inner = mul(add(x, mul(powScalar(x, 3), 0.044715)), k);
      const th = tanh(inner);
      const dInner = mul(add(mul(mul(x, x), 3 * 0.044715), 1), k);
      const d = add(mul(add(th, 1), 0.5), mul(mul(mul(x, 0.5), rsub(mul(th, th), 1)), dInner));
      return [mul(g, d)];
    }
    const cdf = mul(add(erfTensor(div(x, Math.SQRT2)), 1), 0.5);
    const pdf = mul(exp(mul(mul(x, x), -0.5)), 1 / Math.sqrt(2 * Math.PI));
    return [mul(g, add(cdf, mul(x, pdf)))];
  });
}

export function erfTensor(t: Tensor): Tensor {
  const out = mapUnary(t, floatResult(t.dtype), erf);
  return record('ErfBackward0', out, [t], [t], (g, s) => [mul(g, mul(exp(neg(mul(s[0], s[0]))), 2 / Math.sqrt(Math.PI)))]);
}

export function clamp(t: Tensor, min: number | null, max: number | null): Tensor {
  if (min === null && max === null) throw runtimeError("torch.clamp: At least one of 'min' or 'max' must not be None");
  const lo = min === null ? -Infinity : castValue(t.dtype, min);
  const hi = max === null ? Infinity : castValue(t.dtype, max);
  const out = mapUnary(t, t.dtype, (x) => (x !== x ? x : Math.min(Math.max(x, lo), hi)));
  return record('ClampBackward1', out, [t], [t], (g, s) => [clampGrad(g, s[0], lo, hi)]);
}

/**
 * PyTorch's clamp_backward, where(lo <= x <= hi, g, 0), in one pass: outside the bounds (a NaN x included) the
 * gradient is +0 even where g is NaN, infinite or negative, which a product with the mask would not give.
 */
function clampGrad(g: Tensor, x: Tensor, lo: number, hi: number): Tensor {
  return mapBinary(g, x, g.dtype, (gv, xv) => (xv >= lo && xv <= hi ? gv : 0));
}

/** clamp with tensor bounds (ClampBackward0 over self, min, max); a bound's gradient is where it clamped. */
export function clampTensor(t: Tensor, min: Tensor | null, max: Tensor | null): Tensor {
  if (min === null && max === null) throw runtimeError("torch.clamp: At least one of 'min' or 'max' must not be None");
  const out = withGradMode(false, () => {
    const low = min ? maximum(t, min) : t;
    return max ? minimum(low, max) : low;
  });
  const saved = [t, ...(min ? [min] : []), ...(max ? [max] : [])];
  return record('ClampBackward0', out, [t, min, max], saved, (g, s, needs) => {
    const x = s[0];
    const lo = min ? s[1] : null;
    const hi = max ? s[min ? 2 : 1] : null;
    const inside = lo && hi ? logicalAnd(ge(x, lo), le(x, hi)) : lo ? ge(x, lo) : le(x, hi!);
    return [
      needs[0] ? gradFor(where(inside, g, 0), x) : null,
      needs[1] ? gradFor(where(hi ? logicalAnd(lt(x, lo!), lt(lo!, hi)) : lt(x, lo!), g, 0), lo!) : null,
      needs[2] ? gradFor(where(lo ? logicalOr(gt(x, hi!), lt(hi!, lo)) : gt(x, hi!), g, 0), hi!) : null,
    ];
  });
}

export function maximum(a: Tensor, b: Tensor): Tensor {
  return extremum('MaximumBackward0', a, b, (x, y) => (x !== x || y !== y ? NaN : x > y ? x : y), gt);
}
export function minimum(a: Tensor, b: Tensor): Tensor {
  return extremum('MinimumBackward0', a, b, (x, y) => (x !== x || y !== y ? NaN : x < y ? x : y), lt);
}

function extremum(name: string, a: Tensor, b: Tensor, f: (x: number, y: number) => number, wins: (x: Operand, y: Operand) => Tensor): Tensor {
  const dt = resultType(a, b);
  const out = mapBinary(a, b, dt, f);
  return record(name, out, [a, b], [a, b], (g, s, needs) => {
    const [x, y] = s;
    // Ties split the gradient evenly, as PyTorch does.
    const tie = eq(x, y);
    const half = where(tie, mul(g, 0.5), g);
    // What loses is zeroed, as PyTorch's masked_fill: a NaN on either side keeps the gradient for both.
    return [
      needs[0] ? gradFor(where(wins(y, x), 0, half), x) : null,
      needs[1] ? gradFor(where(wins(x, y), 0, half), y) : null,
    ];
  });
}

function comparison(f: (x: number, y: number) => boolean) {
  return (a: Operand, b: Operand): Tensor => {
    const [ta, tb] = binaryOperands(a, b);
    return mapBinary(ta, tb, 'bool', (x, y) => (f(x, y) ? 1 : 0));
  };
}
export const eq = comparison((x, y) => x === y);
export const ne = comparison((x, y) => x !== y);
export const lt = comparison((x, y) => x < y);
export const le = comparison((x, y) => x <= y);
export const gt = comparison((x, y) => x > y);
export const ge = comparison((x, y) => x >= y);

function logical(f: (x: boolean, y: boolean) => boolean) {
  return (a: Operand, b: Operand): Tensor => {
    const [ta, tb] = binaryOperands(a, b, 'float64');
    return mapBinary(ta, tb, 'bool', (x, y) => (f(x !== 0, y !== 0) ? 1 : 0));
  };
}
export const logicalAnd = logical((x, y) => x && y);
export const logicalOr = logical((x, y) => x || y);
export const logicalXor = logical((x, y) => x !== y);
export function logicalNot(t: Tensor): Tensor {
  return mapUnary(t, 'bool', (x) => (x === 0 ? 1 : 0));
}

/** `&`, `|`, `^` on bool or integer tensors. */
export function bitwise(op: 'and' | 'or' | 'xor', a: Operand, b: Operand): Tensor {
  const [ta, tb, dt] = binaryOperands(a, b);
  if (isFloating(dt)) throw runtimeError(`"bitwise_${op}_cpu" not implemented for '${SCALAR_TYPE_NAMES[dt]}'`);
  const f = op === 'and' ? (x: number, y: number) => x & y : op === 'or' ? (x: number, y: number) => x | y : (x: number, y: number) => x ^ y;
  return mapBinary(ta, tb, dt, f);
}

export function bitwiseNot(t: Tensor): Tensor {
  if (t.dtype === 'bool') return logicalNot(t);
  if (isFloating(t.dtype)) throw runtimeError(`"bitwise_not_cpu" not implemented for '${SCALAR_TYPE_NAMES[t.dtype]}'`);
  return mapUnary(t, t.dtype, (x) => -x - 1);
}

export function where(cond: Tensor, a: Operand, b: Operand): Tensor {
  const dt = resultType(a, b);
  const ta = operandTensor(a, dt);
  const tb = operandTensor(b, dt);
  const c = cond.dtype === 'bool' ? cond : ne(cond, 0);
  const out = mapTernary(c, ta, tb, dt, (m, x, y) => (m ? x : y));
  const ia = tensorOrNull(a);
  const ib = tensorOrNull(b);
  return record('WhereBackward0', out, [ia, ib], [c], (g, s, needs) => [
    needs[0] ? gradFor(where(s[0], g, 0), ia!) : null,
    needs[1] ? gradFor(where(s[0], 0, g), ib!) : null,
  ]);
}

export function isnan(t: Tensor): Tensor {
  return mapUnary(t, 'bool', (x) => (x !== x ? 1 : 0));
}
export function isinf(t: Tensor): Tensor {
  return mapUnary(t, 'bool', (x) => (x === Infinity || x === -Infinity ? 1 : 0));
}
export function isfinite(t: Tensor): Tensor {
  return mapUnary(t, 'bool', (x) => (Number.isFinite(x) ? 1 : 0));
}

/** The largest finite value of each floating dtype: nan_to_num's default for the infinities. */
const FINITE_MAX: Partial<Record<DType, number>> = {
  float16: 65504, bfloat16: 3.3895313892515355e38, float32: 3.4028234663852886e38, float64: Number.MAX_VALUE,
};

/** nan_to_num: NaN, +inf and -inf replaced; the gradient passes where the input was finite (g * isfinite(x)). */
export function nanToNum(t: Tensor, nan: number, posinf: number | null, neginf: number | null): Tensor {
  if (!isFloating(t.dtype)) return clone(t);
  const max = FINITE_MAX[t.dtype]!;
  const [n, p, m] = [nan, posinf ?? max, neginf ?? -max].map((v) => castValue(t.dtype, v));
  const out = mapUnary(t, t.dtype, (x) => (x !== x ? n : x === Infinity ? p : x === -Infinity ? m : x));
  return record('NanToNumBackward0', out, [t], [t], (g, s) => [mul(g, isfinite(s[0]))]);
}

/** A contiguous copy; differentiable (CloneBackward0). */
export function clone(t: Tensor): Tensor {
  const out = emptyTensor(t.shape, t.dtype);
  copyInto(out, t);
  return record('CloneBackward0', out, [t], [], (g) => [g]);
}

export function cloneDetached(t: Tensor): Tensor {
  const out = emptyTensor(t.shape, t.dtype);
  copyInto(out, t);
  return out;
}

/** Whether `t`'s elements fill numel consecutive storage slots from its offset, in some order of its dimensions. */
function isDense(t: Tensor): boolean {
  if (t.isContiguous()) return true;
  const dims: number[] = [];
  for (let d = 0; d < t.ndim; d++) if (t.shape[d] !== 1) dims.push(d);
  dims.sort((x, y) => t.strides[y] - t.strides[x]);
  let expected = 1;
  for (let k = dims.length - 1; k >= 0; k--) {
    if (t.strides[dims[k]] !== expected) return false;
    expected *= t.shape[dims[k]];
  }
  return true;
}

/** Same shape, and each element at the same place relative to the offset in both storages, densely packed. */
function sameDenseLayout(a: Tensor, b: Tensor): boolean {
  if (!sameShape(a.shape, b.shape)) return false;
  for (let d = 0; d < a.ndim; d++) if (a.shape[d] !== 1 && a.strides[d] !== b.strides[d]) return false;
  return isDense(a);
}

/**
 * `a + b` for summing gradients outside create_graph (no graph). Two gradients laid out alike in storage (a
 * transposed weight's, step after step) are summed in one pass over their storage into a tensor laid out the same
 * way; the numbers are add's.
 */
export function addRaw(a: Tensor, b: Tensor): Tensor {
  if (a.dtype !== b.dtype || !isFloating(a.dtype) || a.isContiguous() || !sameDenseLayout(a, b)) return add(a, b);
  const n = a.numel;
  const out = allocate(a.dtype, n);
  const x = a.data;
  const y = b.data;
  const ao = a.offset;
  const bo = b.offset;
  if (!wasmBinary('add', out, n, x, ao, 1, y, bo, 1)) for (let i = 0; i < n; i++) out[i] = x[ao + i] + y[bo + i];
  roundStored(a.dtype, out);
  return new Tensor(out, a.shape.slice(), a.strides.slice(), 0, a.dtype);
}

/** `a += b` with no graph record: how backward.ts accumulates a leaf's `.grad` outside create_graph. */
export function addInPlaceRaw(a: Tensor, b: Tensor): void {
  const dst = a.data;
  if ((a.isContiguous() && b.isContiguous() && sameShape(a.shape, b.shape)) || (a.dtype === b.dtype && sameDenseLayout(a, b))) {
    const src = b.data;
    const ao = a.offset;
    const bo = b.offset;
    // numel is a getter that multiplies the shape out: read once, not per element.
    const n = a.numel;
    // The kernel copies each chunk of both operands in before it writes that chunk out, so `dst` may be both.
    if (!wasmBinary('add', dst.subarray(ao, ao + n), n, dst, ao, 1, src, bo, 1)) for (let i = 0; i < n; i++) dst[ao + i] += src[bo + i];
    roundStored(a.dtype, dst.subarray(ao, ao + n));
  } else if (a.isContiguous() && a.dtype === b.dtype && sameShape(a.shape, b.shape)) {
    // A strided gradient (a transposed weight's) into a contiguous sum: read in place, no temporary.
    const src = b.data;
    const ao = a.offset;
    forEachRow(b.shape, b.strides, b.offset, (p, i, len, step) => {
      for (let k = 0; k < len; k++, p += step) dst[ao + i + k] += src[p];
    });
    roundStored(a.dtype, dst.subarray(ao, ao + a.numel));
  } else {
    const sum = mapBinary(a, b, a.dtype, (x, y) => x + y);
    copyInto(a, sum);
  }
  a.bumpVersion();
}
