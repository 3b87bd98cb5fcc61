/** New tensors from Python values: torch.tensor/numpy.array (from_values), full, arange, linspace, eye. */
import * as C from '../../engine/creation';
import { DType } from '../../engine/dtype';

export const creation = {
  /** Flat values in C order; the shape comes last, as rest arguments, as everywhere in the binding. */
  from_values: (values: ArrayLike<number>, dtype: DType, ...shape: number[]) => C.fromValues(values, shape, dtype),
  full: (value: number, dtype: DType, ...shape: number[]) => C.full(shape, value, dtype),
  arange: (start: number, end: number, stepSize: number, dtype: DType) => C.arange(start, end, stepSize, dtype),
  linspace: (start: number, end: number, steps: number, dtype: DType) => C.linspace(start, end, steps, dtype),
  eye: (n: number, m: number, dtype: DType) => C.eye(n, m, dtype),
};
