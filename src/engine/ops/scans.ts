/**
 * Running extremes and order statistics along a dim: cummax/cummin (CPU's cummax_cummin_helper: ties and NaN move
 * the index on), logcumsumexp (accumulated in double, as CPU's acc_type for float), kthvalue (ATen's
 * quick_select_template, whose swaps fix the index among ties) and median (the lower middle in index-stable order,
 * or the first NaN). Their gradients put the incoming gradient back where each value came from.
 */
import { record } from '../graph';
import { isFloating, roundStored, SCALAR_TYPE_NAMES } from '../dtype';
import { indexError, runtimeError } from '../errors';
import { normalizeDim, numelOf } from '../shape';
import { emptyTensor, Tensor } from '../tensor';
import { add, exp, gt, log, abs, lt, sub, where } from './elementwise';
import { scatterAdd } from './gather';
import { gradToPicked } from './reduce';
import { flip, unsqueeze } from './views';

function along(t: Tensor, dim: number): { d: number; outer: number; size: number; inner: number } {
  const d = normalizeDim(dim, Math.max(t.ndim, 1));
  const size = t.ndim ? t.shape[d] : 1;
  const inner = numelOf(t.shape.slice(d + 1));
  return { d, outer: size * inner ? t.numel / (size * inner) : 0, size, inner };
}

/** value_selecting_reduction_backward: the gradient scattered back to the selected positions. */
function selectionBackward(g: Tensor, indices: Tensor, inShape: number[], d: number, keepdim: boolean): Tensor {
  const zeros = emptyTensor(inShape, g.dtype);
  if (inShape.length === 0) return scatterAdd(zeros, 0, indices, g);
  return keepdim ? scatterAdd(zeros, d, indices, g) : scatterAdd(zeros, d, unsqueeze(indices, d), unsqueeze(g, d));
}

export function cumExtreme(t: Tensor, dim: number, which: 'max' | 'min'): [Tensor, Tensor] {
  const { d, outer, size, inner } = along(t, dim);
  const src = t.values(true);
  const values = emptyTensor(t.shape.slice(), t.dtype);
  const indices = emptyTensor(t.shape.slice(), 'int64');
  const better = which === 'max' ? (x: number, o: number) => x >= o : (x: number, o: number) => x <= o;
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const at0 = o * size * inner + i;
      let best = src[at0];
      let idx = 0;
      for (let j = 0; j < size; j++) {
        const x = src[at0 + j * inner];
        if (x !== x || (best === best && better(x, best))) {
          best = x;
          idx = j;
        }
        values.data[at0 + j * inner] = best;
        indices.data[at0 + j * inner] = idx;
      }
    }
  }
  const inShape = t.shape.slice();
  record(which === 'max' ? 'CummaxBackward0' : 'CumminBackward0', values, [t], [indices], (g, s) =>
    [t.ndim === 0 ? g : scatterAdd(emptyTensor(inShape, g.dtype), d, s[0], g)]);
  return [values, indices];
}

/** CPU's _log_add_exp_helper, in double. */
function logAddExp(x: number, y: number): number {
  const lo = y !== y ? y : Math.min(x, y);
  const hi = y !== y ? y : Math.max(x, y);
  if (lo !== hi || Number.isFinite(lo)) return hi + Math.log1p(Math.exp(lo - hi));
  return x;
}

function logcumsumexpValues(x: Tensor, dim: number): Tensor {
  if (!isFloating(x.dtype)) throw runtimeError(`"logcumsumexp_out_cpu" not implemented for '${SCALAR_TYPE_NAMES[x.dtype]}'`);
  const { outer, size, inner } = along(x, dim);
  const src = x.values(true);
  const out = emptyTensor(x.shape.slice(), x.dtype);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const at0 = o * size * inner + i;
      let acc = -Infinity;
      for (let j = 0; j < size; j++) {
        acc = logAddExp(src[at0 + j * inner], acc);
        out.data[at0 + j * inner] = acc;
      }
    }
  }
  roundStored(out.dtype, out.data);
  return out;
}

/** logcumsumexp with FunctionsManual's logcumsumexp_backward (positive and negative gradients apart, in log space). */
export function logcumsumexp(t: Tensor, dim: number): Tensor {
  const out = logcumsumexpValues(t, dim);
  const d = along(t, dim).d;
  const reverse = (v: Tensor) => (v.ndim ? flip(logcumsumexpValues(flip(v, [d]), d), [d]) : logcumsumexpValues(v, d));
  return record('LogcumsumexpBackward0', out, [t], [t, out], (g, s) => {
    const [x, result] = s;
    const lowest = g.dtype === 'float64' ? -Number.MAX_VALUE : -3.4028234663852886e38;
    const logAbs = log(abs(g));
    const pos = where(gt(g, 0), logAbs, lowest);
    const neg = where(lt(g, 0), logAbs, lowest);
    return [sub(exp(add(reverse(sub(pos, result)), x)), exp(add(reverse(sub(neg, result)), x)))];
  });
}

/** ATen's quick_select_template over (values, indices), NaN greater than every number. */
function quickSelect(v: Float64Array, ix: number[], k: number): void {
  const gtOrNan = (x: number, y: number) => (x !== x && y === y) || x > y;
  const swap = (i: number, j: number) => {
    const tv = v[i]; v[i] = v[j]; v[j] = tv;
    const ti = ix[i]; ix[i] = ix[j]; ix[j] = ti;
  };
  let L = 0;
  let R = v.length - 1;
  for (;;) {
    if (R <= L) return;
    if (R === L + 1) {
      if (gtOrNan(v[L], v[R])) swap(L, R);
      return;
    }
    const P = L + Math.floor((R - L) / 2);
    swap(P, L + 1);
    if (gtOrNan(v[L + 1], v[R])) swap(L + 1, R);
    if (gtOrNan(v[L], v[R])) swap(L, R);
    if (gtOrNan(v[L + 1], v[L])) swap(L + 1, L);
    let i = L + 1;
    let j = R;
    const piv = v[L];
    for (;;) {
      do i++; while (gtOrNan(piv, v[i]));
      do j--; while (gtOrNan(v[j], piv));
      if (j < i) break;
      swap(i, j);
    }
    swap(L, j);
    if (j <= k) L = i;
    if (j >= k) R = j - 1;
  }
}

type Pick = (keys: Float64Array, ix: number[]) => number;

function selectReduce(name: string, t: Tensor, dim: number, keepdim: boolean, pick: Pick): [Tensor, Tensor] {
  const { d, outer, size, inner } = along(t, dim);
  const outShape = t.shape.slice();
  if (t.ndim) {
    if (keepdim) outShape[d] = 1;
    else outShape.splice(d, 1);
  }
  const src = t.values(true);
  const values = emptyTensor(outShape, t.dtype);
  const indices = emptyTensor(outShape, 'int64');
  const keys = new Float64Array(size);
  const ix = new Array<number>(size);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      for (let j = 0; j < size; j++) {
        keys[j] = src[(o * size + j) * inner + i];
        ix[j] = j;
      }
      const at = pick(keys, ix);
      values.data[o * inner + i] = keys[at];
      indices.data[o * inner + i] = ix[at];
    }
  }
  const inShape = t.shape.slice();
  record(name, values, [t], [indices], (g, s) => [selectionBackward(g, s[0], inShape, d, keepdim)]);
  return [values, indices];
}

export function kthvalue(t: Tensor, k: number, dim: number, keepdim: boolean): [Tensor, Tensor] {
  const { d, size } = along(t, dim);
  if (k < 1 || k > size) throw runtimeError(`kthvalue(): selected number k out of range for dimension ${d}`);
  return selectReduce('KthvalueBackward0', t, dim, keepdim, (keys, ix) => {
    quickSelect(keys, ix, k - 1);
    return k - 1;
  });
}

/** The lower middle in an index-stable order, or the first NaN (median_with_indices_impl). */
function medianPick(keys: Float64Array, ix: number[]): number {
  for (let j = 0; j < keys.length; j++) if (keys[j] !== keys[j]) return j;
  ix.sort((a, b) => keys[a] - keys[b] || a - b);
  return ix[(keys.length - 1) >> 1];
}

export function medianDim(t: Tensor, dim: number, keepdim: boolean): [Tensor, Tensor] {
  const { d, size } = along(t, dim);
  if (t.ndim && size === 0) throw indexError(`median(): Expected reduction dim ${d} to have non-zero size.`);
  return selectReduce('MedianBackward1', t, dim, keepdim, (keys, ix) => {
    const j = medianPick(keys, ix);
    ix.fill(0).forEach((_, n) => (ix[n] = n));
    return j;
  });
}

/** median() of all elements; the gradient is shared by the elements equal to it (evenly_distribute_backward). */
export function medianAll(t: Tensor): Tensor {
  const keys = Float64Array.from(t.values(true));
  const ix = Array.from(keys, (_, i) => i);
  const out = emptyTensor([], t.dtype);
  out.data[0] = t.numel === 0 ? NaN : keys[medianPick(keys, ix)];
  return record('MedianBackward0', out, [t], [t, out], (g, s) => [gradToPicked(g, s[0], s[1])]);
}
