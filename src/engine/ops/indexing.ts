/**
 * Python indexing on tensors (`t[...]` reads and writes with ints, slices, None, Ellipsis, bool masks and
 * index tensors), `index_select` and `masked_fill`. Kept apart from views because advanced indexing copies
 * while basic indexing aliases, and PyTorch's rules for mixing the two are the bulk of this file.
 */
import { isIntegral, roundStored, SCALAR_TYPE_NAMES } from '../dtype';
import { gradMode, record, withGradMode } from '../graph';
import { indexError, runtimeError, typeError, valueError } from '../errors';
import { broadcastShapes, contiguousStrides, normalizeDim, numelOf, Shape } from '../shape';
import { emptyTensor, makeTensor, Tensor } from '../tensor';
import { copyInto, expandedView } from '../kernels';
import { cast } from './elementwise';
import { alias, reshape, select, slice, unsqueeze, viewOf } from './views';
import { sumToShape } from './reduce';
import { assignInPlace } from './inplace';
import { scatterAdd } from './gather';
import { zeros } from '../creation';

/** One item of a Python index: int, slice, None, Ellipsis, bool, or an int/bool tensor. */
export type IndexItem = number | boolean | null | undefined | '...' | SliceItem | Tensor;
export type SliceItem = ['s', number | null | undefined, number | null | undefined, number | null | undefined];

function isSlice(x: IndexItem): x is SliceItem {
  return Array.isArray(x) && x[0] === 's';
}

interface Advanced {
  dim: number;
  index: Tensor;
}

/** Basic indexing (a view) plus the advanced index tensors left to apply to that view. */
function applyBasic(t: Tensor, items: readonly IndexItem[], forRead: boolean): { view: Tensor; advanced: Advanced[] } {
  let consumed = 0;
  let ellipses = 0;
  for (const it of items) {
    if (it === '...') ellipses++;
    else if (it instanceof Tensor) consumed += it.dtype === 'bool' ? Math.max(it.ndim, 1) : 1;
    else if (typeof it === 'number' || isSlice(it)) consumed++;
  }
  if (ellipses > 1) throw indexError('an index can only have a single ellipsis (\'...\')');
  if (items.length === 1 && typeof items[0] === 'number' && t.ndim === 0) {
    throw indexError(
      'invalid index of a 0-dim tensor. Use `tensor.item()` in Python or `tensor.item<T>()` in C++ to convert a 0-dim tensor to a number',
    );
  }
  if (consumed > t.ndim) {
    throw indexError(`too many indices for tensor of dimension ${t.ndim}`);
  }
  let v = t;
  let dim = 0;
  const advanced: Advanced[] = [];
  // PyTorch names the position in the index tuple ("real_dim") in out-of-bounds messages.
  for (const [position, it] of items.entries()) {
    if (it === '...') {
      dim += t.ndim - consumed;
    } else if (it === null || it === undefined) {
      v = unsqueeze(v, dim);
      dim++;
    } else if (typeof it === 'boolean') {
      v = unsqueeze(v, dim);
      if (!it) v = slice(v, dim, 0, 0, 1);
      dim++;
    } else if (typeof it === 'number') {
      const size = v.shape[dim];
      if (it < -size || it >= size) {
        throw indexError(`index ${it} is out of bounds for dimension ${position} with size ${size}`);
      }
      v = select(v, dim, it);
    } else if (isSlice(it)) {
      const [, start, stop, step] = it;
      if (step !== null && step !== undefined && step <= 0) throw valueErrorStep();
      const size = v.shape[dim];
      // A whole-axis slice is skipped, except when reading a lone `x[:]`, which PyTorch always slices (SliceBackward0).
      const full = !(forRead && items.length === 1) && (start ?? 0) === 0 && (stop === null || stop === undefined || stop >= size) && (step ?? 1) === 1;
      if (!full) v = slice(v, dim, start ?? null, stop ?? null, step ?? null);
      dim++;
    } else if (it instanceof Tensor) {
      if (it.dtype === 'bool') {
        const nz = nonzeroColumns(it, v.shape.slice(dim, dim + Math.max(it.ndim, 1)), dim);
        for (const col of nz) advanced.push({ dim: dim++, index: col });
        if (it.ndim === 0) {
          // A 0-dim mask adds a dimension of size 1 or 0.
          v = unsqueeze(v, dim - 1);
        }
      } else if (isIntegral(it.dtype)) {
        advanced.push({ dim: dim++, index: it });
      } else {
        throw indexError('tensors used as indices must be long, int, byte or bool tensors');
      }
    } else {
      throw typeError('only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are valid indices');
    }
  }
  return { view: v, advanced };
}

function valueErrorStep(): Error {
  return valueError('step must be greater than zero');
}

/** Indices of true elements of a mask, one int64 column per mask dim (checked against the indexed shape). */
function nonzeroColumns(mask: Tensor, target: Shape, dim: number): Tensor[] {
  if (mask.ndim === 0) {
    return [makeTensor(mask.item() ? new Float64Array([0]) : new Float64Array(0), [mask.item() ? 1 : 0], 'int64')];
  }
  for (let i = 0; i < mask.ndim; i++) {
    if (mask.shape[i] !== target[i]) {
      throw indexError(`The shape of the mask [${mask.shape.join(', ')}] at index ${i} does not match the shape of the indexed tensor [${target.join(', ')}] at index ${dim + i}`);
    }
  }
  const vals = mask.values(true);
  const hits: number[] = [];
  for (let i = 0; i < vals.length; i++) if (vals[i]) hits.push(i);
  const strides = contiguousStrides(mask.shape);
  return mask.shape.map((_, d) =>
    makeTensor(Float64Array.from(hits, (h) => Math.floor(h / strides[d]) % mask.shape[d]), [hits.length], 'int64'),
  );
}

/**
 * Storage positions for advanced indexing of `v` at `adv`, in the order of PyTorch's result layout
 * (indexed dims replaced by the broadcast index shape, in place when adjacent, else moved to the front).
 */
function gatherLayout(v: Tensor, adv: Advanced[]): { shape: number[]; positions: Int32Array } {
  const idxShape = adv.map((a) => a.index.shape).reduce((s, x) => broadcastShapes(s, x), [] as number[]);
  const dims = adv.map((a) => a.dim);
  const adjacent = dims.every((d, i) => i === 0 || d === dims[i - 1] + 1);
  const rest = v.shape.map((_, i) => i).filter((i) => !dims.includes(i));
  const nIdx = numelOf(idxShape);
  const idxVals = adv.map((a) => {
    const e = expandedView(a.index, idxShape);
    const vals = e.values(true);
    const size = v.shape[a.dim];
    const out = new Float64Array(nIdx);
    for (let i = 0; i < nIdx; i++) {
      let x = vals[i];
      if (x < -size || x >= size) throw indexError(`index ${x} is out of bounds for dimension ${a.dim} with size ${size}`);
      if (x < 0) x += size;
      out[i] = x;
    }
    return out;
  });
  const restShape = rest.map((i) => v.shape[i]);
  const restStrides = rest.map((i) => v.strides[i]);
  const restN = numelOf(restShape);
  const restPos = new Int32Array(restN);
  const probe = new Tensor(v.data, restShape, restStrides, 0, v.dtype).positions();
  for (let i = 0; i < restN; i++) restPos[i] = probe ? probe[i] : i;
  // Layout "front": idx dims then rest dims.
  const front = new Int32Array(nIdx * restN);
  for (let j = 0; j < nIdx; j++) {
    let base = v.offset;
    for (let a = 0; a < adv.length; a++) base += idxVals[a][j] * v.strides[adv[a].dim];
    for (let r = 0; r < restN; r++) front[j * restN + r] = base + restPos[r];
  }
  const frontShape = [...idxShape, ...restShape];
  if (!adjacent || dims[0] === 0) return { shape: frontShape, positions: front };
  // Move the index dims to where the first indexed dim was.
  const before = dims[0];
  const preShape = restShape.slice(0, before);
  const postShape = restShape.slice(before);
  const shape = [...preShape, ...idxShape, ...postShape];
  const preN = numelOf(preShape);
  const postN = numelOf(postShape);
  const positions = new Int32Array(front.length);
  let o = 0;
  for (let p = 0; p < preN; p++) for (let j = 0; j < nIdx; j++) for (let q = 0; q < postN; q++) {
    positions[o++] = front[j * restN + p * postN + q];
  }
  return { shape, positions };
}

function advancedGet(v: Tensor, adv: Advanced[]): Tensor {
  const { shape, positions } = gatherLayout(v, adv);
  const out = emptyTensor(shape, v.dtype);
  const src = v.data;
  for (let i = 0; i < positions.length; i++) out.data[i] = src[positions[i]];
  const inShape = v.shape.slice();
  return record('IndexBackward0', out, [v], [], (g) => [indexPutAccumulate(inShape, adv, g)]);
}

/** zeros(shape) with g added at the indexed places (repeated indices accumulate); differentiable in g. */
function indexPutAccumulate(shape: Shape, adv: Advanced[], g: Tensor): Tensor {
  const out = emptyTensor(shape, g.dtype);
  const { shape: lay, positions } = gatherLayout(out, adv);
  const gv = expandedView(g, lay).values(true);
  const o = out.data;
  for (let i = 0; i < positions.length; i++) o[positions[i]] += gv[i];
  roundStored(g.dtype, o);
  return record('IndexPutBackward0', out, [g], [], (gg) => [advancedGet(gg, adv)]);
}

export function getItem(t: Tensor, items: readonly IndexItem[]): Tensor {
  const { view, advanced } = applyBasic(t, items, true);
  if (advanced.length) return advancedGet(view, advanced);
  return view === t ? alias(t) : view;
}

/** `t[items] = value`: writes through a view of `t`, with autograd like PyTorch's CopySlices/IndexPut. */
export function setItem(t: Tensor, items: readonly IndexItem[], value: Tensor): void {
  const { view, advanced } = withGradMode(false, () => applyBasic(t, items, false));
  // index_put_ takes the value as it is; only a lone boolean mask with a 0-dim value goes to masked_fill_, which casts.
  const maskedFill = items.length === 1 && items[0] instanceof Tensor && items[0].dtype === 'bool' && value.ndim === 0;
  if (advanced.length && value.dtype !== t.dtype && !maskedFill) {
    throw runtimeError(
      `Index put requires the source and destination dtypes match, got ${SCALAR_TYPE_NAMES[t.dtype]} for the destination and ${SCALAR_TYPE_NAMES[value.dtype]} for the source.`,
    );
  }
  // PyTorch writes through the indexed view (select/slice/unsqueeze) when there is one, and checks that view.
  if (view !== t && gradMode.enabled && t.requiresGrad && t.isLeaf) {
    throw runtimeError('a view of a leaf Variable that requires grad is being used in an in-place operation.');
  }
  assignInPlace(t, value, 'CopySlices', (dst, src) => {
    // Runs with dst aliasing t's storage; re-derive the view geometry onto dst.
    const v = viewOf(dst, view.shape, view.strides, view.offset);
    if (!advanced.length) {
      copyInto(v, cast(src, dst.dtype));
      return;
    }
    const { shape, positions } = gatherLayout(v, advanced);
    const sv = expandedView(cast(src, dst.dtype), shape).values(true);
    for (let i = 0; i < positions.length; i++) dst.data[positions[i]] = sv[i];
  }, (g) => {
    // Gradient for the value: the written region of g; for the old tensor: g with that region zeroed. The
    // region is found by indexing a contiguous copy again: g's layout need not be t's (an expanded sum gradient).
    const regionOf = (x: Tensor): Tensor => withGradMode(false, () => applyBasic(x, items, false)).view;
    const gv = regionOf(makeTensor(g.values(), g.shape, g.dtype));
    const region = advanced.length ? advancedGet(gv, advanced) : gv;
    const cleared = makeTensor(g.values(), g.shape, g.dtype);
    const cv = regionOf(cleared);
    if (advanced.length) {
      const { positions } = gatherLayout(cv, advanced);
      for (let i = 0; i < positions.length; i++) cleared.data[positions[i]] = 0;
    } else {
      copyInto(cv, makeTensor(new Float64Array(1), [], 'float64'));
    }
    return [cleared, sumToShape(region, value.shape)];
  });
}

export function indexSelect(t: Tensor, dim: number, index: Tensor): Tensor {
  if (t.ndim === 0) {
    const items: IndexItem[] = [];
    for (let i = 0; i < dim; i++) items.push(['s', null, null, null]);
    return getItem(t, [...items, index]);
  }
  const d = normalizeDim(dim, t.ndim);
  if (index.ndim > 1) throw indexError('index_select(): Index is supposed to be a vector');
  if (index.ndim === 0) index = reshape(index, [1]);
  const size = t.shape[d];
  for (const i of index.toNumberArray()) if (i < -size || i >= size) throw indexError('index out of range in self');
  const items: IndexItem[] = [];
  for (let i = 0; i < d; i++) items.push(['s', null, null, null]);
  items.push(index);
  // The values of indexing, recorded as PyTorch's own op (IndexSelectBackward0, not IndexBackward0)
  const out = withGradMode(false, () => getItem(t, items));
  const inShape = t.shape.slice();
  return record('IndexSelectBackward0', out, [t], [index], (g, s) => {
    const at = s[0].numel;
    const lined = reshape(s[0], g.shape.map((_, k) => (k === d ? at : 1)));
    return [scatterAdd(zeros(inShape, g.dtype), d, expandedView(lined, g.shape), g)];
  });
}

export function maskedFill(t: Tensor, mask: Tensor, value: number | Tensor): Tensor {
  return record('MaskedFillBackward0', maskedFillValues(t, mask, value), [t], [mask], (g, s) => [maskedFillValues(g, s[0], 0)]);
}

function maskedFillValues(t: Tensor, mask: Tensor, value: number | Tensor): Tensor {
  const out = makeTensor(t.values(), t.shape, t.dtype);
  const m = expandedView(mask, t.shape).values(true);
  const v = typeof value === 'number' ? value : value.item();
  for (let i = 0; i < m.length; i++) if (m[i]) out.data[i] = v;
  return out;
}
