/**
 * numpy (src/python/numpy): values out to Python, and the few operations whose results follow NumPy's own
 * algorithms rather than PyTorch's (src/engine/numpy/ops.ts); everything else NumPy does runs through `call`.
 */
import { DType } from '../../engine/dtype';
import * as NP from '../../engine/numpy/ops';
import { Tensor } from '../../engine/tensor';

export const numpy = {
  /** Element values as doubles, row-major: a typed array reaches Python as exact floats (-0.0 included). */
  np_values: (t: Tensor) => Float64Array.from(t.values(true)),
  /** One element as a number; negative zero travels as the string '-0' (Pyodide would turn -0 into the int 0). */
  np_item: (t: Tensor): number | string => {
    const v = t.item();
    return Object.is(v, -0) ? '-0' : v;
  },
  np_sum: (t: Tensor, axes: ArrayLike<number> | null | undefined, keepdims: boolean, dtype: DType) => NP.numpySum(t, axes ? Array.from(axes) : null, keepdims, dtype),
  np_mean: (t: Tensor, axes: ArrayLike<number> | null | undefined, keepdims: boolean, dtype: 'float32' | 'float64') => NP.numpyMean(t, axes ? Array.from(axes) : null, keepdims, dtype),
  np_var: (t: Tensor, axes: ArrayLike<number> | null | undefined, ddof: number, keepdims: boolean, dtype: 'float32' | 'float64', std: boolean) =>
    NP.numpyVar(t, axes ? Array.from(axes) : null, ddof, keepdims, dtype, std),
  np_sort: (t: Tensor, axis: number) => NP.numpySort(t, axis),
  np_arange: (first: number, second: number, length: number, dtype: DType) => NP.numpyArange(first, second, length, dtype),
  np_linspace: (start: number, stop: number, num: number, endpoint: boolean, dtype: DType) => NP.numpyLinspace(start, stop, num, endpoint, dtype),
  np_slice: (t: Tensor, dim: number, start: number, step: number, length: number) => NP.numpySliceView(t, dim, start, step, length),
  np_divmod: (a: Tensor, b: Tensor, which: 0 | 1) => NP.numpyDivmod(a, b, which),
  np_libm: (t: Tensor, name: 'log' | 'log1p' | 'sin' | 'cos') => NP.numpyLibm(t, name),
  np_cumsum: (t: Tensor, axis: number) => NP.numpyCumsum(t, axis),
};
