/**
 * `_trilinear` as `bilinear` uses it: out[b, o] = Σ_ij x1[b, i] · w[o, i, j] · x2[b, j] for flattened (B, i) and
 * (B, j) inputs, recorded as PyTorch's TrilinearBackward0; and the reshape back to the batch shape that ATen's
 * bilinear records as ReshapeAliasBackward0. The gradients are themselves contractions (create_graph=True works).
 */
import { roundStored } from '../dtype';
import { record } from '../graph';
import { allocateChecked, makeTensor, Tensor } from '../tensor';
import { mul } from './elementwise';
import { matmul } from './linalg';
import { permute, reshape, transpose, unsqueeze } from './views';

export function trilinear(x1: Tensor, x2: Tensor, w: Tensor): Tensor {
  const [n, ni] = x1.shape;
  const nj = x2.shape[1];
  const no = w.shape[0];
  const a = x1.values(true);
  const b = x2.values(true);
  const k = w.values(true);
  const out = allocateChecked(x1.dtype, [n, no]);
  // Accumulated in double and rounded once: the sums differ from ATen's float ones in the last bits.
  for (let r = 0; r < n; r++) for (let o = 0; o < no; o++) {
    let s = 0;
    for (let i = 0; i < ni; i++) {
      let row = 0;
      for (let j = 0; j < nj; j++) row += k[(o * ni + i) * nj + j] * b[r * nj + j];
      s += a[r * ni + i] * row;
    }
    out[r * no + o] = s;
  }
  return record('TrilinearBackward0', makeTensor(roundStored(x1.dtype, out), [n, no], x1.dtype), [x1, x2, w], [], (g) => [
    trilinear(g, x2, permute(w, [1, 0, 2])),
    trilinear(g, x1, permute(w, [2, 0, 1])),
    reshape(matmul(transpose(g, 0, 1), reshape(mul(unsqueeze(x1, 2), unsqueeze(x2, 1)), [n, ni * nj])), [no, ni, nj]),
  ]);
}

/** The reshape of bilinear's (B, out) result to the inputs' batch shape, under ATen's node name for it. */
export function reshapeAlias(t: Tensor, shape: number[]): Tensor {
  const inShape = t.shape.slice();
  const out = makeTensor(t.values(true).slice(), shape, t.dtype);
  return record('ReshapeAliasBackward0', out, [t], [], (g) => [reshape(g, inShape)]);
}
