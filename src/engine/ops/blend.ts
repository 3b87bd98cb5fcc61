/**
 * Ops that blend operands in one kernel with a node of their own (lerp, addcmul, addcdiv, addmm), and the
 * reductions and rearrangements PyTorch gives their own backward (nansum, trace, diag, roll). Each forward rounds
 * as PyTorch's CPU kernel does (float32 after every operation, a * b + c fused where the compiled kernel fuses it,
 * trace's sum in double).
 */
import { record, withGradMode } from '../graph';
import { castValue, DType, isFloating, promoteTypes, roundStored } from '../dtype';
import { runtimeError } from '../errors';
import { fma, fmaf } from '../random/libm';
import { broadcastShapes, normalizeDim, numelOf } from '../shape';
import { emptyTensor, makeTensor, Tensor } from '../tensor';
import { add, cast, div, isnan, mul, neg, rsub, sub, where } from './elementwise';
import { mm } from './linalg';
import { Dims, reductionDims, sum, sumToShape } from './reduce';
import { detach, diagonal, expand, t2d, unsqueeze } from './views';

type Round = (x: number) => number;
type Fused = (a: number, b: number, c: number) => number;

/** a * b + c rounded once, as the compiler fuses PyTorch's float kernels on an FMA machine. */
function fused(dt: DType): Fused {
  return dt === 'float64' ? fma : isFloating(dt) ? (a, b, c) => Math.fround(fmaf(a, b, c)) : (a, b, c) => a * b + c;
}

function rounder(dt: DType): Round {
  return dt === 'float32' || dt === 'float16' || dt === 'bfloat16' ? Math.fround : (x) => x;
}

/** Each operand's values broadcast to the common shape, in that shape's order, as `dt`. */
function broadcastValues(ts: readonly Tensor[], dt: DType): { shape: number[]; values: ArrayLike<number>[] } {
  let shape: number[] = [];
  for (const t of ts) shape = broadcastShapes(shape, t.shape);
  const values = withGradMode(false, () => ts.map((t) => expand(cast(detach(t), dt), shape).values(true)));
  return { shape, values };
}

/** PyTorch's lerp: start + w * (end - start) for |w| < 0.5, else end - (end - start) * (1 - w), in the input's type. */
export function lerp(start: Tensor, end: Tensor, weight: number | Tensor): Tensor {
  if (end.dtype !== start.dtype) {
    throw runtimeError(`expected dtype ${start.dtype === 'float32' ? 'float' : start.dtype === 'float64' ? 'double' : start.dtype} for \`end\` but got dtype ${end.dtype === 'float32' ? 'float' : end.dtype === 'float64' ? 'double' : end.dtype}`);
  }
  const dt = start.dtype;
  const r = rounder(dt);
  const f = fused(dt);
  const ops = weight instanceof Tensor ? [start, end, weight] : [start, end];
  const { shape, values } = broadcastValues(ops, dt);
  const [a, b] = values;
  const wScalar = weight instanceof Tensor ? 0 : castValue(dt, weight);
  const out = emptyTensor(shape, dt);
  for (let i = 0; i < out.numel; i++) {
    const w = weight instanceof Tensor ? values[2][i] : wScalar;
    const d = r(b[i] - a[i]);
    out.data[i] = Math.abs(w) < 0.5 ? f(w, d, a[i]) : f(-d, r(1 - w), b[i]);
  }
  roundStored(dt, out.data);
  if (!(weight instanceof Tensor)) {
    return record('LerpBackward0', out, [start, end], [], (g, _s, needs) => [
      needs[0] ? sumToShape(mul(g, 1 - weight), start.shape) : null,
      needs[1] ? sumToShape(mul(g, weight), end.shape) : null,
    ]);
  }
  return record('LerpBackward1', out, [start, end, weight], [start, end, weight], (g, s, needs) => [
    needs[0] ? sumToShape(mul(g, rsub(s[2], 1)), start.shape) : null,
    needs[1] ? sumToShape(mul(g, s[2]), end.shape) : null,
    needs[2] ? sumToShape(mul(g, sub(s[1], s[0])), weight.shape) : null,
  ]);
}

function addcDtype(self: Tensor, t1: Tensor, t2: Tensor, name: string): DType {
  const dt = promoteTypes(promoteTypes(self.dtype, t1.dtype), t2.dtype);
  if (name === 'addcdiv' && !isFloating(t1.dtype) && !isFloating(t2.dtype)) {
    throw runtimeError(
      'Integer division with addcdiv is no longer supported, and in a future  release addcdiv will perform a true division of tensor1 and tensor2. The historic addcdiv behavior can be implemented as (input + value * torch.trunc(tensor1 / tensor2)).to(input.dtype) for integer inputs and as (input + value * tensor1 / tensor2) for float inputs. The future addcdiv behavior is just the latter implementation: (input + value * tensor1 / tensor2), for all dtypes.',
    );
  }
  return dt;
}

/** self + value * t1 * t2 (addcmul) or self + value * t1 / t2 (addcdiv), in PyTorch's order of operations. */
export function addcOp(which: 'addcmul' | 'addcdiv', self: Tensor, t1: Tensor, t2: Tensor, value: number): Tensor {
  const dt = addcDtype(self, t1, t2, which);
  const r = rounder(dt);
  const f = fused(dt);
  const { shape, values } = broadcastValues([self, t1, t2], dt);
  const [s, a, b] = values;
  const v = castValue(dt, value);
  const out = emptyTensor(shape, dt);
  for (let i = 0; i < out.numel; i++) {
    const scaled = r(v * a[i]);
    out.data[i] = which === 'addcmul' ? f(scaled, b[i], s[i]) : r(s[i] + r(scaled / b[i]));
  }
  roundStored(dt, out.data);
  const name = which === 'addcmul' ? 'AddcmulBackward0' : 'AddcdivBackward0';
  return record(name, out, [self, t1, t2], [t1, t2], (g, sv, needs) => {
    const [x1, x2] = sv;
    if (which === 'addcmul') {
      return [
        needs[0] ? sumToShape(g, self.shape) : null,
        needs[1] ? sumToShape(mul(g, mul(x2, value)), t1.shape) : null,
        needs[2] ? sumToShape(mul(g, mul(x1, value)), t2.shape) : null,
      ];
    }
    return [
      needs[0] ? sumToShape(g, self.shape) : null,
      needs[1] ? sumToShape(mul(g, div(value, x2)), t1.shape) : null,
      needs[2] ? sumToShape(mul(neg(g), div(mul(x1, value), mul(x2, x2))), t2.shape) : null,
    ];
  });
}

/** beta * self + alpha * (m1 @ m2); with beta = alpha = 1 the product is added to self as F.linear adds its bias. */
export function addmm(self: Tensor, m1: Tensor, m2: Tensor, beta: number, alpha: number): Tensor {
  if (m1.ndim !== 2) throw runtimeError(`mat1 must be a matrix, got ${m1.ndim}-D tensor`);
  if (m2.ndim !== 2) throw runtimeError(`mat2 must be a matrix, got ${m2.ndim}-D tensor`);
  const out = withGradMode(false, () => {
    const prod = mm(detach(m1), detach(m2));
    const scaled = alpha === 1 ? prod : mul(prod, alpha);
    const base = expand(detach(self), prod.shape);
    if (beta === 0) return mul(scaled, 1);
    const r = add(beta === 1 ? base : mul(base, beta), scaled);
    return r.isContiguous() ? r : mul(r, 1);
  });
  return record('AddmmBackward0', out, [self, m1, m2], [m1, m2], (g, s, needs) => [
    needs[0] ? sumToShape(beta === 1 ? g : mul(g, beta), self.shape) : null,
    needs[1] ? (alpha === 1 ? mm(g, t2d(s[1])) : mul(mm(g, t2d(s[1])), alpha)) : null,
    needs[2] ? (alpha === 1 ? mm(t2d(s[0]), g) : mul(mm(t2d(s[0]), g), alpha)) : null,
  ]);
}

/** torch.nansum: sum with NaN counted as zero (PyTorch's cascade sum skips them the same way). */
export function nansum(t: Tensor, dims: Dims, keepdim: boolean, dtype?: DType): Tensor {
  const out = withGradMode(false, () => sum(where(isnan(t), 0, detach(t)), dims, keepdim, dtype));
  const reduced = reductionDims(t, dims).sort((x, y) => x - y);
  return record('NansumBackward0', out, [t], [t], (g, s) => {
    let gg = g;
    if (!keepdim) for (const d of reduced) gg = unsqueeze(gg, d);
    return [cast(where(isnan(s[0]), 0, expand(gg, s[0].shape)), s[0].dtype)];
  });
}

/** torch.trace: the diagonal's sum, accumulated in double (integers in int64) as PyTorch's trace_cpu does. */
export function trace(t: Tensor): Tensor {
  if (t.ndim !== 2) throw runtimeError(`trace: expected a matrix, but got tensor with dim ${t.ndim}`);
  const dt: DType = isFloating(t.dtype) ? t.dtype : 'int64';
  const d = diagonal(detach(t)).values(true);
  let acc = 0;
  for (let i = 0; i < d.length; i++) acc += d[i];
  const out = makeTensor(roundStored(dt, new (dt === 'float64' || dt === 'int64' ? Float64Array : Float32Array)([acc])), [], dt);
  const shape = t.shape.slice();
  return record('TraceBackward0', out, [t], [], (g) => {
    const r = emptyTensor(shape, g.dtype);
    const v = g.values(true)[0];
    for (let i = 0; i < Math.min(shape[0], shape[1]); i++) r.data[i * shape[1] + i] = v;
    return [r];
  });
}

/** A matrix with `v` on its `offset` diagonal (diag of a vector), values only. */
function embedDiagonal(v: Tensor, offset: number): Tensor {
  const n = v.shape[0];
  const size = n + Math.abs(offset);
  const out = emptyTensor([size, size], v.dtype);
  const vals = v.values(true);
  for (let i = 0; i < n; i++) {
    const row = offset >= 0 ? i : i - offset;
    out.data[row * size + row + offset] = vals[i];
  }
  return out;
}

/** The `offset` diagonal of a matrix written into zeros of `shape` (diag's backward for a matrix input). */
function diagonalInto(g: Tensor, shape: readonly number[], offset: number): Tensor {
  const out = emptyTensor(shape, g.dtype);
  const vals = g.values(true);
  for (let i = 0; i < vals.length; i++) {
    const row = offset >= 0 ? i : i - offset;
    out.data[row * shape[1] + row + offset] = vals[i];
  }
  return out;
}

/** Tensor.diag: a vector to a matrix with it on a diagonal, or a matrix's diagonal as a new vector. */
export function diag(t: Tensor, offset: number): Tensor {
  if (t.ndim === 1) {
    const out = embedDiagonal(t, offset);
    return record('DiagBackward0', out, [t], [], (g) => [withGradMode(false, () => makeTensor(diagonal(g, offset).values(), [t.shape[0]], g.dtype))]);
  }
  if (t.ndim !== 2) throw runtimeError('diag(): Supports 1D or 2D tensors. Got ' + t.ndim + 'D');
  const d = withGradMode(false, () => diagonal(detach(t), offset));
  const out = makeTensor(d.values(), d.shape, t.dtype);
  const shape = t.shape.slice();
  return record('DiagBackward0', out, [t], [], (g) => [diagonalInto(g, shape, offset)]);
}

function rollValues(t: Tensor, shifts: readonly number[], dims: readonly number[]): Tensor {
  const src = t.values(true);
  const shape = t.shape;
  const out = emptyTensor(shape.slice(), t.dtype);
  const n = numelOf(shape);
  const shiftOf = new Array<number>(shape.length).fill(0);
  dims.forEach((d, i) => {
    const size = shape[d];
    shiftOf[d] = size ? (((shiftOf[d] + shifts[i]) % size) + size) % size : 0;
  });
  const idx = new Array<number>(shape.length).fill(0);
  for (let p = 0; p < n; p++) {
    let q = 0;
    for (let d = 0; d < shape.length; d++) q = q * shape[d] + ((idx[d] + shiftOf[d]) % shape[d]);
    out.data[q] = src[p];
    for (let d = shape.length - 1; d >= 0; d--) {
      if (++idx[d] < shape[d]) break;
      idx[d] = 0;
    }
  }
  return out;
}

/** torch.roll; without dims the flattened tensor is rolled and given its shape back (one RollBackward0). */
export function roll(t: Tensor, shifts: readonly number[], dims: readonly number[]): Tensor {
  const flat = dims.length === 0;
  if (flat && shifts.length !== 1) throw runtimeError(`shifts and dimensions must align. shifts: ${shifts.length}, dims:0`);
  if (!flat && shifts.length !== dims.length) throw runtimeError(`shifts and dimensions must align. shifts: ${shifts.length}, dims:${dims.length}`);
  const nd = dims.map((d) => normalizeDim(d, Math.max(t.ndim, 1)));
  const forward = (x: Tensor, sign: number): Tensor => {
    const s = shifts.map((v) => sign * v);
    if (flat) return makeTensor(rollValues(makeTensor(x.values(), [x.numel], x.dtype), s, [0]).data, x.shape.slice(), x.dtype);
    return rollValues(x, s, nd);
  };
  const out = forward(t, 1);
  return record('RollBackward0', out, [t], [], (g) => [forward(g, -1)]);
}
