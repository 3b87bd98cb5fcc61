/**
 * Rearrangements with a node of their own: rot90 (1.13's flips and a transposed view, so k = 1 and 3 return a
 * non-contiguous tensor as PyTorch's does) and diag_embed (zeros with the input written along a diagonal).
 */
import { record, withGradMode } from '../graph';
import { runtimeError } from '../errors';
import { normalizeDim } from '../shape';
import { emptyTensor, Tensor } from '../tensor';
import { contiguous, detach, diagonal, flip, transpose } from './views';

export function rot90(t: Tensor, k: number, dims: readonly number[]): Tensor {
  const n = t.ndim;
  if (dims.length !== 2) throw runtimeError(`expected total rotation dims == 2, but got dims = ${dims.length}`);
  if (n < 2) throw runtimeError(`expected total dims >= 2, but got total dims = ${n}`);
  const [a, b] = dims;
  if (a === b || Math.abs(a - b) === n) throw runtimeError(`expected rotation dims to be different, but got dim0 = ${a} and dim1 = ${b}`);
  if (!(a < n && a >= -n)) throw runtimeError(`Rotation dim0 out of range, dim0 = ${a}`);
  if (!(b < n && b >= -n)) throw runtimeError(`Rotation dim1 out of range, dim1 = ${b}`);
  const kk = ((k % 4) + 4) % 4;
  const out = withGradMode(false, () => {
    const x = detach(t);
    if (kk === 1) return transpose(flip(x, [b]), a, b);
    if (kk === 2) return flip(x, [a, b]);
    if (kk === 3) return transpose(flip(x, [a]), a, b);
    return contiguous(flip(x, []));
  });
  const own = new Tensor(out.data, out.shape.slice(), out.strides.slice(), out.offset, out.dtype);
  return record('Rot90Backward0', own, [t], [], (g) => [rot90(g, -k, dims)]);
}

export function diagEmbed(t: Tensor, offset: number, dim1: number, dim2: number): Tensor {
  const nd = t.ndim + 1;
  const d1 = normalizeDim(dim1, nd);
  const d2 = normalizeDim(dim2, nd);
  if (d1 === d2) throw runtimeError(`diagonal dimensions cannot be identical ${dim1}, ${dim2}`);
  const len = Math.abs(offset) + (t.ndim ? t.shape[t.ndim - 1] : 1);
  const shape = t.shape.slice(0, -1);
  shape.splice(Math.min(d1, d2), 0, len);
  shape.splice(Math.max(d1, d2), 0, len);
  const out = emptyTensor(shape, t.dtype);
  withGradMode(false, () => {
    const diag = diagonal(out, offset, d1, d2);
    const pos = diag.positions();
    const src = t.values(true);
    for (let i = 0; i < diag.numel; i++) out.data[pos ? pos[i] : diag.offset + i] = src[i];
  });
  return record('DiagEmbedBackward0', out, [t], [], (g) => [diagonal(g, offset, d1, d2)]);
}
