/**
 * `gather`, `scatter`, `scatter_add` and `index_add` along one dimension: each is another's gradient, so they live
 * together.
 * (Categorical's log_prob gathers log-probabilities; Multinomial's sampler counts categories with scatter_add_.)
 */
import { castValue, isFloating } from '../dtype';
import { fma, fmaf } from '../random/libm';
import { record } from '../graph';
import { indexError, runtimeError } from '../errors';
import { normalizeDim } from '../shape';
import { emptyTensor, makeTensor, Tensor } from '../tensor';

/** Row-major positions of `shape`'s elements as multi-indices are walked by `visit(flat, coords)`. */
function forEachIndex(shape: readonly number[], visit: (flat: number, coords: number[]) => void): void {
  const n = shape.reduce((a, b) => a * b, 1);
  const coords = new Array<number>(shape.length).fill(0);
  for (let flat = 0; flat < n; flat++) {
    visit(flat, coords);
    for (let d = shape.length - 1; d >= 0; d--) {
      if (++coords[d] < shape[d]) break;
      coords[d] = 0;
    }
  }
}

function checkIndex(op: string, self: Tensor, d: number, index: Tensor, src: Tensor | null): void {
  if (index.dtype !== 'int64') throw runtimeError(`${op}(): Expected dtype int64 for index`);
  const selfDims = Math.max(self.ndim, 1);
  if (Math.max(index.ndim, 1) !== selfDims) {
    throw runtimeError('Index tensor must have the same number of dimensions as input tensor');
  }
  const size = (t: Tensor, k: number) => (t.ndim === 0 ? 1 : t.shape[k]);
  for (let k = 0; k < selfDims; k++) {
    if (k !== d && size(index, k) > size(self, k)) {
      throw runtimeError(
        `Size does not match at dimension ${k} expected index [${index.shape.join(', ')}] to be smaller than self [${self.shape.join(', ')}] apart from dimension ${d}`,
      );
    }
    if (src && size(index, k) > size(src, k)) {
      throw runtimeError(
        `Size does not match at dimension ${k} expected index [${index.shape.join(', ')}] to be smaller than src [${src.shape.join(', ')}] apart from dimension ${d}`,
      );
    }
  }
}

function storagePos(t: Tensor, coords: readonly number[]): number {
  let p = t.offset;
  for (let k = 0; k < t.ndim; k++) p += coords[k] * t.strides[k];
  return p;
}

/** `torch.gather(input, dim, index)`: out[i][j] = input[index[i][j]][j] (dim 0), shaped like index. */
export function gather(t: Tensor, dim: number, index: Tensor): Tensor {
  const d = normalizeDim(dim, Math.max(t.ndim, 1));
  checkIndex('gather', t, d, index, null);
  const out = emptyTensor(index.shape, t.dtype);
  const limit = t.ndim === 0 ? 1 : t.shape[d];
  const at = coordsOf(index);
  forEachIndex(index.shape, (flat, coords) => {
    const i = at(coords);
    if (i < 0 || i >= limit) throw runtimeError(`index ${i} is out of bounds for dimension ${d} with size ${limit}`);
    const c = coords.slice();
    if (t.ndim > 0) c[d] = i;
    out.data[flat] = t.data[storagePos(t, c)];
  });
  const inShape = t.shape.slice();
  return record('GatherBackward0', out, [t], [index], (g, s) => [scatterAdd(zerosLike(inShape, g), d, s[0], g)]);
}

/** `torch.scatter_add(self, dim, index, src)`: a copy of self with src's values added at the indexed places. */
export function scatterAdd(self: Tensor, dim: number, index: Tensor, src: Tensor): Tensor {
  const d = normalizeDim(dim, Math.max(self.ndim, 1));
  checkIndex('scatter_add', self, d, index, src);
  if (src.dtype !== self.dtype) {
    throw runtimeError(`scatter_add(): Expected self.dtype to be equal to src.dtype`);
  }
  const out = makeTensor(self.values(), self.shape, self.dtype);
  const dt = self.dtype;
  forEachTarget(out, d, index, (pos, coords) => {
    out.data[pos] = castValue(dt, out.data[pos] + src.data[storagePos(src, coords)]);
  });
  return record('ScatterAddBackward0', out, [self, null, src], [index], (g, s) => [g, null, gather(g, d, s[0])]);
}

function coordsOf(index: Tensor): (coords: readonly number[]) => number {
  return (coords) => index.data[storagePos(index, coords)];
}

/**
 * Each element of `index` (its coordinates) with the place in `out` (contiguous, self's shape) that it names
 * along `d`: the other coordinates its own. An index out of bounds raises PyTorch's error.
 */
function forEachTarget(out: Tensor, d: number, index: Tensor, fn: (pos: number, coords: readonly number[]) => void): void {
  const limit = out.ndim === 0 ? 1 : out.shape[d];
  const at = coordsOf(index);
  forEachIndex(index.shape, (_flat, coords) => {
    const i = at(coords);
    if (i < 0 || i >= limit) throw runtimeError(`index ${i} is out of bounds for dimension ${d} with size ${limit}`);
    const c = coords.slice();
    if (out.ndim > 0) c[d] = i;
    let pos = 0;
    for (let k = 0; k < out.ndim; k++) pos = pos * out.shape[k] + c[k];
    fn(pos, coords);
  });
}

function zerosLike(shape: number[], like: Tensor): Tensor {
  return emptyTensor(shape, like.dtype); // zero-filled
}

/**
 * `torch.scatter(self, dim, index, src | value, reduce=)`: a copy of self with the indexed places set to src's
 * values or the number (or, with reduce, added to or multiplied by them). PyTorch 1.13 has no derivative for
 * the reduce forms: their node fails when backward reaches it.
 */
export function scatter(self: Tensor, dim: number, index: Tensor, src: Tensor | number, reduce: 'add' | 'multiply' | null): Tensor {
  const d = normalizeDim(dim, Math.max(self.ndim, 1));
  const srcT = src instanceof Tensor ? src : null;
  checkIndex('scatter', self, d, index, srcT);
  if (srcT && srcT.dtype !== self.dtype) throw runtimeError('scatter(): Expected self.dtype to be equal to src.dtype');
  const out = makeTensor(self.values(), self.shape, self.dtype);
  const dt = self.dtype;
  const value = srcT ? 0 : castValue(dt, src as number);
  forEachTarget(out, d, index, (pos, coords) => {
    const v = srcT ? srcT.data[storagePos(srcT, coords)] : value;
    out.data[pos] = castValue(dt, reduce === 'add' ? out.data[pos] + v : reduce === 'multiply' ? out.data[pos] * v : v);
  });
  if (reduce !== null) {
    return record('NotImplemented', out, [self, null, srcT], [], () => {
      throw runtimeError('derivative for aten::scatter is not implemented');
    });
  }
  if (srcT) {
    return record('ScatterBackward0', out, [self, null, srcT], [index], (g, s, needs) => [
      needs[0] ? scatter(g, d, s[0], 0, null) : null,
      null,
      needs[2] ? gather(g, d, s[0]) : null,
    ]);
  }
  return record('ScatterBackward1', out, [self, null], [index], (g, s) => [scatter(g, d, s[0], 0, null), null]);
}

/** The sub-block of a contiguous `shape` at position `i` along d: (outer, inner) walks of its elements. */
function blockOffsets(shape: readonly number[], d: number): { outer: number; size: number; inner: number } {
  const size = shape.length ? shape[d] : 1;
  const inner = shape.slice(d + 1).reduce((a, b) => a * b, 1);
  const total = shape.reduce((a, b) => a * b, 1);
  return { outer: size * inner ? total / (size * inner) : 0, size, inner };
}

/** `torch.index_add(self, dim, index, source, alpha=)`: source's slices added (times alpha) at the indexed slices. */
export function indexAdd(self: Tensor, dim: number, index: Tensor, source: Tensor, alpha: number): Tensor {
  const d = normalizeDim(dim, Math.max(self.ndim, 1));
  if (index.ndim > 1) throw runtimeError('index_add_(): Index is supposed to be a vector');
  if (index.dtype !== 'int64' && index.dtype !== 'int32') throw runtimeError('index_add_(): Expected dtype int32/int64 for index');
  const name = (t: Tensor) => ({ float32: 'Float', float64: 'Double', int64: 'Long', int32: 'Int', bool: 'Bool', float16: 'Half', bfloat16: 'BFloat16' })[t.dtype];
  if (self.dtype !== source.dtype) {
    throw runtimeError(`index_add_(): self (${name(self)}) and source (${name(source)}) must have the same scalar type`);
  }
  const n = index.numel;
  const srcSize = source.ndim ? source.shape[d] : 1;
  if (n !== srcSize) {
    throw runtimeError(`index_add_(): Number of indices (${n}) should be equal to source.size(dim): (${srcSize}), for dim: ${d}`);
  }
  const out = makeTensor(self.values(), self.shape, self.dtype);
  const src = source.values(true);
  const idx = index.values(true);
  const o = blockOffsets(self.shape, d);
  const sb = blockOffsets(source.shape, d);
  const dt = self.dtype;
  const f = dt === 'float64' ? fma : isFloating(dt) ? (a: number, b: number, c: number) => Math.fround(fmaf(a, b, c)) : (a: number, b: number, c: number) => a * b + c;
  const a = castValue(dt, alpha);
  for (let k = 0; k < n; k++) {
    const i = idx[k] < 0 ? idx[k] + o.size : idx[k];
    if (i < 0 || i >= o.size) throw indexError('index out of range in self');
    for (let p = 0; p < o.outer; p++) {
      for (let q = 0; q < o.inner; q++) {
        const at = (p * o.size + i) * o.inner + q;
        const v = src[(p * sb.size + k) * sb.inner + q];
        out.data[at] = castValue(dt, a === 1 ? out.data[at] + v : f(v, a, out.data[at]));
      }
    }
  }
  const srcShape = source.shape.slice();
  return record('IndexAddBackward0', out, [self, null, source], [index], (g, s, needs) => [
    needs[0] ? g : null,
    null,
    needs[2] ? selectSlices(g, d, s[0], srcShape, a) : null,
  ]);
}

/** index_add's source gradient: the incoming gradient's indexed slices, times alpha, in source's shape. */
function selectSlices(g: Tensor, d: number, index: Tensor, shape: number[], alpha: number): Tensor {
  const out = emptyTensor(shape, g.dtype);
  const gv = g.values(true);
  const idx = index.values(true);
  const o = blockOffsets(g.shape, d);
  const sb = blockOffsets(shape, d);
  for (let k = 0; k < idx.length; k++) {
    const i = idx[k] < 0 ? idx[k] + o.size : idx[k];
    for (let p = 0; p < sb.outer; p++) {
      for (let q = 0; q < sb.inner; q++) {
        const v = gv[(p * o.size + i) * o.inner + q];
        out.data[(p * sb.size + k) * sb.inner + q] = alpha === 1 ? v : castValue(g.dtype, v * alpha);
      }
    }
  }
  return out;
}
