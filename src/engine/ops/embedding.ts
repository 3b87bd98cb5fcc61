/**
 * Lookup tables: `embedding` (EmbeddingBackward0, with padding_idx's zero gradient and scale_grad_by_freq),
 * `embedding_renorm_` (max_norm, in place), `embedding_bag` (sum, mean, max over bags given by offsets:
 * EmbeddingBagBackward0) and `one_hot`, with PyTorch's argument checks and messages.
 */
import { record } from '../graph';
import { castValue, DType, isFloating, SCALAR_TYPE_NAMES, TENSOR_TYPE_NAMES } from '../dtype';
import { indexError, runtimeError } from '../errors';
import { allocateChecked, makeTensor, Tensor } from '../tensor';
import { cast } from './elementwise';
import { reshape } from './views';


/** A store into `dtype`: each addition of a gradient row rounds to it, as PyTorch's per-row add_ does. */
function storeOf(dtype: DType): (x: number) => number {
  return (x: number) => castValue(dtype, x);
}

function checkIndices(indices: Tensor, argument: string, position: number, fn: string): void {
  if (indices.dtype !== 'int64') {
    throw runtimeError(
      `Expected tensor for argument #${position} '${argument}' to have one of the following scalar types: Long, Int; ` +
        `but got ${TENSOR_TYPE_NAMES[indices.dtype]} instead (while checking arguments for ${fn})`,
    );
  }
}

function checkRows(idx: ArrayLike<number>, rows: number): void {
  for (let i = 0; i < idx.length; i++) {
    if (idx[i] < 0 || idx[i] >= rows) throw indexError('index out of range in self');
  }
}

/** `torch.embedding(weight, indices, padding_idx, scale_grad_by_freq)`: rows of `weight`, shaped (*indices, D). */
export function embedding(weight: Tensor, indices: Tensor, paddingIdx = -1, scaleGradByFreq = false): Tensor {
  checkIndices(indices, 'indices', 1, 'embedding');
  if (weight.ndim !== 2) throw runtimeError("'weight' must be 2-D");
  const [rows, dim] = weight.shape;
  const idx = indices.values(true);
  checkRows(idx, rows);
  const wv = weight.values(true);
  const out = allocateChecked(weight.dtype, [...indices.shape, dim]);
  for (let i = 0; i < idx.length; i++) out.set(wv.subarray(idx[i] * dim, idx[i] * dim + dim), i * dim);
  const result = makeTensor(out, [...indices.shape, dim], weight.dtype);
  const saved = makeTensor(Float64Array.from(idx), [idx.length], 'float64');
  return record('EmbeddingBackward0', result, [weight], [], (g) => [
    embeddingDenseBackward(reshape(g, [idx.length, dim]), saved, rows, paddingIdx, scaleGradByFreq),
  ]);
}

/**
 * The weight's gradient: each index's gradient row added to its row in index order (as PyTorch's CPU kernel),
 * nothing for padding_idx; under create_graph its own node, whose gradient picks the rows again.
 */
function embeddingDenseBackward(g: Tensor, indices: Tensor, rows: number, paddingIdx: number, scaleGradByFreq: boolean): Tensor {
  const idx = indices.data;
  const dim = g.shape[1];
  const counts = scaleGradByFreq ? new Float64Array(rows) : null;
  if (counts !== null) for (let i = 0; i < idx.length; i++) counts[idx[i]]++;
  const scaleOf = (k: number) => (counts === null ? 1 : 1 / counts[k]);
  const gv = g.values(true);
  const out = allocateChecked(g.dtype, [rows, dim]);
  const r = storeOf(g.dtype);
  for (let i = 0; i < idx.length; i++) {
    const k = idx[i];
    if (k === paddingIdx) continue;
    const scale = r(scaleOf(k));
    for (let j = 0; j < dim; j++) out[k * dim + j] = r(out[k * dim + j] + (scale === 1 ? gv[i * dim + j] : r(scale * gv[i * dim + j])));
  }
  const result = makeTensor(out, [rows, dim], g.dtype);
  return record('EmbeddingDenseBackward0', result, [g], [], (gg) => {
    const gr = gg.values(true);
    const back = allocateChecked(gg.dtype, [idx.length, dim]);
    for (let i = 0; i < idx.length; i++) {
      const k = idx[i];
      if (k === paddingIdx) continue;
      const scale = r(scaleOf(k));
      for (let j = 0; j < dim; j++) back[i * dim + j] = r(scale * gr[k * dim + j]);
    }
    return [makeTensor(back, [idx.length, dim], gg.dtype)];
  });
}

/**
 * `torch.embedding_renorm_(weight, indices, max_norm, norm_type)`: each row an index names (once, in sorted
 * order) whose p-norm exceeds max_norm is scaled to max_norm / (norm + 1e-7), in place; returns weight.
 */
export function embeddingRenorm(weight: Tensor, indices: Tensor, maxNorm: number, normType: number): Tensor {
  checkIndices(indices, 'indices', 2, 'embedding_renorm_');
  if (weight.ndim !== 2) throw runtimeError('embedding_renorm_(): expected 2-D weight');
  const [rows, dim] = weight.shape;
  const idx = Array.from(indices.values(true));
  checkRows(idx, rows);
  const unique = [...new Set(idx)].sort((a, b) => a - b);
  const r = storeOf(weight.dtype);
  const pos = (k: number, j: number) => weight.offset + k * weight.strides[0] + j * weight.strides[1];
  for (const k of unique) {
    let norm = 0;
    if (normType === Infinity) {
      for (let j = 0; j < dim; j++) norm = Math.max(norm, Math.abs(weight.data[pos(k, j)]));
    } else if (normType === 1) {
      for (let j = 0; j < dim; j++) norm += Math.abs(weight.data[pos(k, j)]);
    } else if (normType === 2) {
      for (let j = 0; j < dim; j++) norm += weight.data[pos(k, j)] ** 2;
      norm = Math.sqrt(norm);
    } else {
      for (let j = 0; j < dim; j++) norm += Math.abs(weight.data[pos(k, j)]) ** normType;
      norm = norm ** (1 / normType);
    }
    norm = r(norm);
    if (norm > maxNorm) {
      const scale = r(maxNorm / (norm + 1e-7));
      for (let j = 0; j < dim; j++) weight.data[pos(k, j)] = r(weight.data[pos(k, j)] * scale);
    }
  }
  weight.bumpVersion();
  return weight;
}

export type BagMode = 'sum' | 'mean' | 'max';

/**
 * `torch.embedding_bag` for 1-D `indices` split into bags at `offsets`: each bag's rows summed (weighted by
 * per_sample_weights), averaged or maxed; rows at padding_idx are left out, empty bags give zeros. With
 * scale_grad_by_freq, a row's gradient is divided by how often its index occurs in `indices`.
 */
export function embeddingBag(
  weight: Tensor,
  indices: Tensor,
  offsets: Tensor,
  mode: BagMode,
  perSampleWeights: Tensor | null,
  includeLastOffset: boolean,
  paddingIdx: number,
  scaleGradByFreq = false,
): Tensor {
  checkIndices(indices, 'indices', 1, 'embedding_bag');
  checkIndices(offsets, 'offsets', 1, 'embedding_bag');
  if (!isFloating(weight.dtype)) throw runtimeError(`"embedding_bag" not implemented for '${SCALAR_TYPE_NAMES[weight.dtype]}'`);
  const [rows, dim] = weight.shape;
  const idx = indices.values(true);
  for (let i = 0; i < idx.length; i++) {
    if (idx[i] >= 0 && idx[i] < rows) continue;
    // PyTorch's CPU kernels word it two ways: fbgemm's (float32 sums and means) and its own loops'.
    if (mode !== 'max' && weight.dtype === 'float32') {
      throw runtimeError(`Index ${i} of input takes value ${idx[i]} which is not in the valid range [0, ${rows})`);
    }
    throw runtimeError(`embedding_bag: Expected idx >= 0 && idx < num_embeddings but found idx to be ${idx[i]}`);
  }
  const offs = Array.from(offsets.values(true));
  const n = idx.length;
  if (offs.length > 0 && offs[0] !== 0) {
    // PyTorch's kernel streams the 0-d tensor offsets[0] into its message, and so prints its type after it.
    throw runtimeError(`offsets[0] has to be 0, i.e., the first sequence in the mini-batch has to start from position 0. However, got ${offs[0]}\n[ torch.LongTensor{} ]`);
  }
  if (offs.length > 0 && offs[offs.length - 1] > n) {
    throw runtimeError(`offsets[-1] can not be greater than input's length ${n} but got offsets[-1] of ${offs[offs.length - 1]}`);
  }
  const bags = includeLastOffset ? Math.max(0, offs.length - 1) : offs.length;
  const bagEnd = (b: number) => (b + 1 < offs.length ? offs[b + 1] : n);
  const dtype = weight.dtype;
  const r = storeOf(dtype);
  const wv = weight.values(true);
  const psw = perSampleWeights === null ? null : cast(perSampleWeights, dtype).values(true);
  const out = allocateChecked(dtype, [bags, dim]);
  const maxIdx = mode === 'max' ? new Int32Array(bags * dim).fill(-1) : null;
  // Per position: its bag and the factor its row enters the bag with (0: padding, left out).
  const bagOf = new Int32Array(n).fill(-1);
  const factor = new Float64Array(n);
  for (let b = 0; b < bags; b++) {
    const start = offs[b];
    const end = Math.min(bagEnd(b), n);
    let count = 0;
    for (let i = start; i < end; i++) if (idx[i] !== paddingIdx) count++;
    for (let i = start; i < end; i++) {
      const k = idx[i];
      if (k === paddingIdx) continue;
      bagOf[i] = b;
      factor[i] = psw !== null ? psw[i] : 1;
      for (let j = 0; j < dim; j++) {
        const v = wv[k * dim + j];
        const at = b * dim + j;
        if (mode === 'max') {
          if (maxIdx![at] === -1 || v > out[at]) {
            out[at] = v;
            maxIdx![at] = k;
          }
        } else {
          out[at] = r(out[at] + (psw !== null ? r(psw[i] * v) : v));
        }
      }
    }
    if (mode === 'mean' && count > 0) {
      for (let j = 0; j < dim; j++) out[b * dim + j] = r(out[b * dim + j] / count);
      for (let i = start; i < end; i++) if (bagOf[i] === b) factor[i] = 1 / count;
    }
  }
  const result = makeTensor(out, [bags, dim], dtype);
  const idxCopy = Float64Array.from(idx);
  return record('EmbeddingBagBackward0', result, [weight, perSampleWeights], [], (g, _saved, needs) => {
    const gv = g.values(true);
    let gw: Tensor | null = null;
    if (needs[0]) {
      const acc = allocateChecked(dtype, [rows, dim]);
      if (maxIdx !== null) {
        for (let at = 0; at < bags * dim; at++) {
          if (maxIdx[at] >= 0) acc[maxIdx[at] * dim + (at % dim)] = r(acc[maxIdx[at] * dim + (at % dim)] + gv[at]);
        }
      } else {
        const divisor = scaleGradByFreq ? freqDivisors(idxCopy, rows) : null;
        for (let i = 0; i < n; i++) {
          const b = bagOf[i];
          if (b < 0) continue;
          const k = idxCopy[i];
          const f = r(divisor === null ? factor[i] : factor[i] / divisor[k]);
          for (let j = 0; j < dim; j++) acc[k * dim + j] = r(acc[k * dim + j] + (f === 1 ? gv[b * dim + j] : r(f * gv[b * dim + j])));
        }
      }
      gw = makeTensor(acc, [rows, dim], dtype);
    }
    let gp: Tensor | null = null;
    if (needs[1] && perSampleWeights !== null) {
      const pg = allocateChecked(perSampleWeights.dtype, [n]);
      for (let i = 0; i < n; i++) {
        const b = bagOf[i];
        if (b < 0) continue;
        let dot = 0;
        const k = idxCopy[i];
        for (let j = 0; j < dim; j++) dot += gv[b * dim + j] * wv[k * dim + j];
        pg[i] = castValue(perSampleWeights.dtype, dot);
      }
      gp = reshape(makeTensor(pg, [n], perSampleWeights.dtype), perSampleWeights.shape);
    }
    return [gw, gp];
  });
}

/**
 * The divisor scale_grad_by_freq gives each index's gradient in PyTorch's CPU embedding_bag backward. That kernel
 * walks the distinct indices in sorted order and, for the i-th of them, divides by the count of the i-th entry
 * of the *sorted indices* rather than of the index itself: the true count for the smallest index, another
 * index's count (or its own by chance) for the others. Reproduced as it is, since scripts see these gradients.
 */
function freqDivisors(idx: ArrayLike<number>, rows: number): Float64Array {
  const counts = new Float64Array(rows);
  for (let i = 0; i < idx.length; i++) counts[idx[i]]++;
  const sorted = Array.from(idx).sort((a, b) => a - b);
  const distinct = [...new Set(sorted)];
  const divisor = new Float64Array(rows);
  distinct.forEach((k, i) => {
    divisor[k] = counts[sorted[i]];
  });
  return divisor;
}

/** `torch.nn.functional.one_hot`: int64 indices to int64 rows with a 1 at each index; -1 classes: max + 1. */
export function oneHot(indices: Tensor, numClasses = -1): Tensor {
  if (indices.dtype !== 'int64') throw runtimeError('one_hot is only applicable to index tensor.');
  const idx = indices.values(true);
  if (idx.length === 0 && numClasses === -1) throw runtimeError('Can not infer total number of classes from empty tensor.');
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < idx.length; i++) {
    lo = Math.min(lo, idx[i]);
    hi = Math.max(hi, idx[i]);
  }
  if (idx.length > 0 && lo < 0) throw runtimeError('Class values must be non-negative.');
  let classes = numClasses;
  if (classes === -1) classes = hi + 1;
  else if (idx.length > 0 && hi >= classes) throw runtimeError('Class values must be smaller than num_classes.');
  const out = allocateChecked('int64', [...indices.shape, classes]);
  for (let i = 0; i < idx.length; i++) out[i * classes + idx[i]] = 1;
  return makeTensor(out, [...indices.shape, classes], 'int64');
}
