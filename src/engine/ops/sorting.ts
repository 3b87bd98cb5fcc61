/**
 * Ordering and selection along a dim: sort, topk, cumprod, and the data-dependent shapes of nonzero,
 * masked_select and unique. Ties land where PyTorch's CPU kernels leave them (stlOrder.ts); NaN sorts as the
 * largest value, as PyTorch's comparators make it.
 */
import { withGradMode, record } from '../graph';
import { DType, isFloating, roundStored } from '../dtype';
import { runtimeError, TorchError } from '../errors';
import { broadcastShapes, normalizeDim, numelOf, sameShape } from '../shape';
import { emptyTensor, makeTensor, Tensor } from '../tensor';
import { cast, div, mul } from './elementwise';
import { scatterAdd } from './gather';
import { cumsum, sumToShape } from './reduce';
import { expand, flip } from './views';
import { Less, nthElement, partialSort, stlSort } from './stlOrder';

/** A dim's layout in a contiguous copy: element (o, k, i) sits at (o * size + k) * inner + i. */
function along(t: Tensor, dim: number): { d: number; outer: number; size: number; inner: number } {
  const d = normalizeDim(dim, Math.max(t.ndim, 1));
  const size = t.ndim ? t.shape[d] : 1;
  const inner = numelOf(t.shape.slice(d + 1));
  return { d, outer: size * inner ? t.numel / (size * inner) : 0, size, inner };
}

/** PyTorch's KeyValueCompAsc / KeyValueCompDesc: NaN is greater than every number. */
function comparator(keys: ArrayLike<number>, descending: boolean): Less {
  return descending
    ? (a, b) => { const x = keys[a], y = keys[b]; return (x !== x && y === y) || x > y; }
    : (a, b) => { const x = keys[a], y = keys[b]; return (x === x && y !== y) || x < y; };
}

function stableSort(perm: number[], less: Less): void {
  perm.sort((a, b) => (less(a, b) ? -1 : less(b, a) ? 1 : a - b));
}

/** The gradient of a selection by `indices` along d: the incoming gradient put back where its values came from. */
function selectBackward(g: Tensor, indices: Tensor, inShape: number[], d: number): Tensor {
  return scatterAdd(emptyTensor(inShape, g.dtype), d, indices, g);
}

function selectAlong(
  name: string, t: Tensor, dim: number, k: number | null, order: (perm: number[], less: Less) => void, descending: boolean,
): [Tensor, Tensor] {
  const { d, outer, size, inner } = along(t, dim);
  const kk = k ?? size;
  const outShape = t.ndim ? t.shape.slice() : [];
  if (t.ndim) outShape[d] = kk;
  const src = t.values(true);
  const values = emptyTensor(outShape, t.dtype);
  const indices = emptyTensor(outShape, 'int64');
  const keys = new Float64Array(size);
  const perm = new Array<number>(size);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      for (let j = 0; j < size; j++) {
        keys[j] = src[(o * size + j) * inner + i];
        perm[j] = j;
      }
      order(perm, comparator(keys, descending));
      for (let j = 0; j < kk; j++) {
        const at = (o * kk + j) * inner + i;
        values.data[at] = keys[perm[j]];
        indices.data[at] = perm[j];
      }
    }
  }
  const inShape = t.shape.slice();
  record(name, values, [t], [indices], (g, s) => [selectBackward(g, s[0], inShape, d)]);
  return [values, indices];
}

/** torch.sort: stable=True is a stable sort; otherwise std::sort's order, as PyTorch's CPU kernel leaves ties. */
export function sort(t: Tensor, dim: number, descending: boolean, stable: boolean): [Tensor, Tensor] {
  const order = stable ? stableSort : (perm: number[], less: Less) => stlSort(perm, 0, perm.length, less);
  return selectAlong('SortBackward0', t, dim, null, order, descending);
}

/**
 * torch.topk as PyTorch's CPU kernel picks: a partial sort when k is at most 1/64 of the row, else nth_element
 * and (when sorted) a sort of the first k - 1, which leaves the k-th where nth_element put it.
 */
export function topk(t: Tensor, k: number, dim: number, largest: boolean, sorted: boolean): [Tensor, Tensor] {
  const { size } = along(t, dim);
  if (k < 0 || k > size) throw runtimeError('selected index k out of range');
  const order = (perm: number[], less: Less) => {
    if (k === 0) return;
    if (k * 64 <= perm.length) partialSort(perm, 0, k, perm.length, less);
    else {
      nthElement(perm, 0, k - 1, perm.length, less);
      if (sorted) stlSort(perm, 0, k - 1, less);
    }
  };
  return selectAlong('TopkBackward0', t, dim, k, order, largest);
}

/** torch.cumprod: a double accumulator, as PyTorch's CPU kernel keeps for float and int alike. */
export function cumprod(t: Tensor, dim: number): Tensor {
  const { d, outer, size, inner } = along(t, dim);
  const outDtype: DType = isFloating(t.dtype) ? t.dtype : 'int64';
  const src = cast(t, outDtype).values();
  const out = makeTensor(src, t.shape, outDtype);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      let acc = 1;
      for (let k = 0; k < size; k++) {
        const at = (o * size + k) * inner + i;
        acc *= src[at];
        out.data[at] = acc;
      }
    }
  }
  roundStored(outDtype, out.data);
  return record('CumprodBackward0', out, [t], [t, out], (g, s) => [cumprodBackward(g, s[0], s[1], d)]);
}

/** PyTorch's cumprod_backward: the reversed cumulative sum of grad * output over the input, when no input is 0. */
function cumprodBackward(g: Tensor, x: Tensor, out: Tensor, d: number): Tensor {
  if (x.ndim === 0 || x.shape[d] <= 1) return g;
  const xs = x.values(true);
  if (!xs.some((v) => v === 0)) return div(flip(cumsum(flip(mul(out, g), [d]), d), [d]), x);
  // With zeros the quotient fails; the sum of products of the other factors is the gradient itself.
  const { outer, size, inner } = along(x, d);
  const gs = g.values(true);
  const res = emptyTensor(x.shape, x.dtype);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const at = (k: number) => (o * size + k) * inner + i;
      for (let k = 0; k < size; k++) {
        let total = 0;
        let prefix = 1;
        for (let j = 0; j < k; j++) prefix *= xs[at(j)];
        let run = prefix;
        for (let j = k; j < size; j++) {
          if (j > k) run *= xs[at(j)];
          total += gs[at(j)] * run;
        }
        res.data[at(k)] = total;
      }
    }
  }
  roundStored(x.dtype, res.data);
  return res;
}

/** torch.nonzero: the int64 coordinates of the non-zero elements, one row each, in row-major order. */
export function nonzero(t: Tensor): Tensor {
  const vals = t.values(true);
  const hits: number[] = [];
  for (let i = 0; i < vals.length; i++) if (vals[i] !== 0) hits.push(i);
  const nd = t.ndim;
  const out = emptyTensor([hits.length, nd], 'int64');
  hits.forEach((flat, r) => {
    for (let k = nd - 1; k >= 0; k--) {
      out.data[r * nd + k] = flat % t.shape[k];
      flat = Math.floor(flat / t.shape[k]);
    }
  });
  return out;
}

/** torch.masked_select: the elements where the (broadcast) mask is True, as one row. */
export function maskedSelect(t: Tensor, mask: Tensor): Tensor {
  if (mask.dtype !== 'bool') throw runtimeError('masked_select: expected BoolTensor or ByteTensor for mask');
  const shape = broadcastShapes(t.shape, mask.shape);
  const vals = withGradMode(false, () => expand(t, shape).values());
  const m = expand(mask, shape).values(true);
  const picked: number[] = [];
  for (let i = 0; i < m.length; i++) if (m[i]) picked.push(i);
  const out = emptyTensor([picked.length], t.dtype);
  picked.forEach((p, j) => (out.data[j] = vals[p]));
  const inShape = t.shape.slice();
  return record('MaskedSelectBackward0', out, [t, null], [], (g) => {
    const full = emptyTensor(shape, g.dtype);
    const gv = g.values(true);
    picked.forEach((p, j) => (full.data[p] = gv[j]));
    return [sameShape(shape, inShape) ? full : sumToShape(full, inShape), null];
  });
}

/**
 * torch.unique (sorted): the distinct values, the inverse indices shaped like the input, and the counts. Each NaN
 * is its own value, as in PyTorch's hash set, and they come last here (PyTorch 1.13's order for them follows its
 * hash table).
 */
export function unique(t: Tensor): [Tensor, Tensor, Tensor] {
  const vals = t.values(true);
  const firstOf = new Map<number, number>();
  const nans: number[] = [];
  for (let i = 0; i < vals.length; i++) {
    const v = vals[i];
    if (v !== v) nans.push(i);
    else if (!firstOf.has(v === 0 ? 0 : v)) firstOf.set(v === 0 ? 0 : v, i);
  }
  const keys = [...firstOf.keys()].sort((a, b) => a - b);
  const slot = new Map<number, number>(keys.map((k, j) => [k, j]));
  const n = keys.length + nans.length;
  const out = emptyTensor([n], t.dtype);
  const counts = emptyTensor([n], 'int64');
  const inverse = emptyTensor(t.shape.slice(), 'int64');
  keys.forEach((k, j) => (out.data[j] = vals[firstOf.get(k)!]));
  nans.forEach((_, j) => (out.data[keys.length + j] = NaN));
  let nanSeen = 0;
  for (let i = 0; i < vals.length; i++) {
    const v = vals[i];
    const j = v !== v ? keys.length + nanSeen++ : slot.get(v === 0 ? 0 : v)!;
    inverse.data[i] = j;
    counts.data[j]++;
  }
  record('Unique2Backward0', out, [t], [], () => {
    throw new TorchError('NotImplementedError', "the derivative for '_unique2' is not implemented.");
  });
  return [out, inverse, counts];
}
