/** New tensors from Python values: torch.tensor/numpy.array (from_values), full, arange, linspace, eye. */
import * as C from '../../engine/creation';
import { DType } from '../../engine/dtype';

/**
 * Python ints beyond 2**53 arrive as BigInts (Pyodide's conversion); the engine's int64 holds the nearest
 * double, as for every other way in. Typed arrays (the flattened fast path) hold numbers only.
 */
function asNumbers(values: ArrayLike<number | bigint>): ArrayLike<number> {
  if (!Array.isArray(values) || !values.some((v) => typeof v === 'bigint')) return values as ArrayLike<number>;
  return values.map(Number);
}

export const creation = {
  /** Flat values in C order; the shape comes last, as rest arguments, as everywhere in the binding. */
  from_values: (values: ArrayLike<number | bigint>, dtype: DType, ...shape: number[]) => C.fromValues(asNumbers(values), shape, dtype),
  full: (value: number, dtype: DType, ...shape: number[]) => C.full(shape, value, dtype),
  arange: (start: number, end: number, stepSize: number, dtype: DType) => C.arange(start, end, stepSize, dtype),
  linspace: (start: number, end: number, steps: number, dtype: DType) => C.linspace(start, end, steps, dtype),
  eye: (n: number, m: number, dtype: DType) => C.eye(n, m, dtype),
};
