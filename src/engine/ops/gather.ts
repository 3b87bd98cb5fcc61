/**
 * `gather` and `scatter_add` along one dimension: each is the other's gradient, so they live together.
 * (Categorical's log_prob gathers log-probabilities; Multinomial's sampler counts categories with scatter_add_.)
 */
import { castValue } from '../dtype';
import { record } from '../graph';
import { runtimeError } from '../errors';
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
  const limit = self.ndim === 0 ? 1 : self.shape[d];
  const at = coordsOf(index);
  const dt = self.dtype;
  forEachIndex(index.shape, (_flat, coords) => {
    const i = at(coords);
    if (i < 0 || i >= limit) throw runtimeError(`index ${i} is out of bounds for dimension ${d} with size ${limit}`);
    const c = coords.slice();
    if (self.ndim > 0) c[d] = i;
    let pos = 0;
    for (let k = 0; k < self.ndim; k++) pos = pos * self.shape[k] + c[k];
    const v = out.data[pos] + src.data[storagePos(src, coords)];
    out.data[pos] = castValue(dt, v);
  });
  return record('ScatterAddBackward0', out, [self, null, src], [index], (g, s) => [g, null, gather(g, d, s[0])]);
}

function coordsOf(index: Tensor): (coords: readonly number[]) => number {
  return (coords) => index.data[storagePos(index, coords)];
}

function zerosLike(shape: number[], like: Tensor): Tensor {
  return emptyTensor(shape, like.dtype); // zero-filled
}
