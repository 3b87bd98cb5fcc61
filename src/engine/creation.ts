/**
 * Tensors built from values: `tensor`, `zeros`, `ones`, `full`, `arange`, `linspace`, `eye`. None of them
 * records history (they create leaves), so they sit below graph.ts and any code, tests included, can build
 * inputs with them without loading an op.
 */
import { allocate, castValue, DType, isFloating } from './dtype';
import { runtimeError } from './errors';
import { fma, fmaf } from './random/libm';
import { numelOf, Shape } from './shape';
import { allocateChecked, emptyTensor, fullTensor, makeTensor, Tensor } from './tensor';

/** A tensor from row-major values already flattened (the Python side walks nested lists). */
export function fromValues(values: ArrayLike<number>, shape: Shape, dtype: DType): Tensor {
  const n = numelOf(shape);
  if (values.length !== n) throw runtimeError(`expected ${n} values for shape [${shape.join(', ')}], got ${values.length}`);
  const data = allocateChecked(dtype, shape);
  if (dtype === 'float32' || dtype === 'float64') for (let i = 0; i < n; i++) data[i] = values[i];
  else for (let i = 0; i < n; i++) data[i] = castValue(dtype, values[i]);
  return makeTensor(data, shape, dtype);
}

export function zeros(shape: Shape, dtype: DType = 'float32'): Tensor {
  return emptyTensor(shape, dtype);
}

export function ones(shape: Shape, dtype: DType = 'float32'): Tensor {
  return fullTensor(shape, 1, dtype);
}

export function full(shape: Shape, value: number, dtype: DType): Tensor {
  return fullTensor(shape, value, dtype);
}

/** Like PyTorch, the count is computed in double and each value is start + i*step before the cast. */
export function arange(start: number, end: number, step: number, dtype: DType): Tensor {
  if (step === 0) throw runtimeError('step must be nonzero');
  if (!Number.isFinite(start) || !Number.isFinite(end)) throw runtimeError(`unsupported range: ${start} -> ${end}`);
  if ((step > 0 && end < start) || (step < 0 && end > start)) {
    throw runtimeError('upper bound and larger bound inconsistent with step sign');
  }
  const n = Math.max(0, Math.ceil((end - start) / step));
  const data = allocateChecked(dtype, [n]);
  for (let i = 0; i < n; i++) data[i] = castValue(dtype, start + i * step);
  return makeTensor(data, [n], dtype);
}

/**
 * PyTorch's linspace kernel: fills from both ends in the tensor's own precision so the endpoints are exact.
 * float32 and float64 as its AVX2 build runs it (checked bit for bit against PyTorch 1.13): whole pairs of
 * vectors (16 floats or 8 doubles) start each vector at `start + step·i` (or `end - step·(steps-1-i)` from
 * halfway), the compiler's fused multiply-add, and add `j·step` lane by lane; the rest are one fused
 * multiply-add each.
 */
export function linspace(start: number, end: number, steps: number, dtype: DType): Tensor {
  if (steps < 0) throw runtimeError('linspace(): number of steps must be non-negative');
  const data = allocateChecked(dtype, [steps]);
  const r = (x: number): number => castValue(dtype, x);
  if (steps === 1) data[0] = castValue(dtype, start);
  else if (steps > 1) {
    if (isFloating(dtype)) {
      const s = r(start);
      const e = r(end);
      const step = r(r(e - s) / (steps - 1));
      const half = Math.floor(steps / 2);
      if (dtype === 'float32' || dtype === 'float64') {
        const fused = dtype === 'float32' ? fmaf : fma;
        const at = (i: number): number => (i < half ? fused(step, i, s) : fused(-step, steps - i - 1, e));
        const lanes = dtype === 'float32' ? 8 : 4;
        const vectorEnd = steps - (steps % (2 * lanes));
        for (let b = 0; b < vectorEnd; b += lanes) {
          const base = at(b);
          for (let j = 0; j < lanes; j++) data[b + j] = r(base + r(j * step));
        }
        for (let i = vectorEnd; i < steps; i++) data[i] = at(i);
      } else {
        for (let i = 0; i < steps; i++) data[i] = i < half ? r(s + r(step * i)) : r(e - r(step * (steps - i - 1)));
      }
    } else {
      const step = (end - start) / (steps - 1);
      for (let i = 0; i < steps; i++) data[i] = castValue(dtype, start + step * i);
    }
  }
  return makeTensor(data, [steps], dtype);
}

export function eye(n: number, m: number = n, dtype: DType = 'float32'): Tensor {
  const t = makeTensor(allocate(dtype, n * m), [n, m], dtype);
  for (let i = 0; i < Math.min(n, m); i++) t.data[i * m + i] = 1;
  return t;
}
