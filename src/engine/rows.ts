/**
 * Strided iteration by rows: the loops under broadcasting, reductions, copies and gathers visit elements in
 * row-major order, and a callback per element costs more than the work it does. These walks call back once per
 * innermost row instead, after merging the dimensions that every operand walks as one (a bias of shape [C, 1, 1]
 * over [N, C, H, W] is N·C rows of H·W), so the caller's inner loop is a plain counted loop. The order of the
 * elements is unchanged, so results that depend on it (sums) are the same.
 */
import { Shape } from './shape';

/** Shape and strides with size-1 dimensions dropped and dimensions merged where all stride sets allow it. */
function coalesce(shape: Shape, strideSets: ReadonlyArray<readonly number[]>): { shape: number[]; strides: number[][] } {
  const outShape: number[] = [];
  const outStrides: number[][] = strideSets.map(() => []);
  for (let d = 0; d < shape.length; d++) {
    const size = shape[d];
    if (size === 1) continue;
    const last = outShape.length - 1;
    // Dimension d continues the previous kept one when, for every operand, stepping the previous one is
    // the same as stepping d `size` times.
    if (last >= 0 && strideSets.every((s, k) => outStrides[k][last] === s[d] * size)) {
      outShape[last] *= size;
      for (let k = 0; k < strideSets.length; k++) outStrides[k][last] = strideSets[k][d];
    } else {
      outShape.push(size);
      for (let k = 0; k < strideSets.length; k++) outStrides[k].push(strideSets[k][d]);
    }
  }
  return { shape: outShape, strides: outStrides };
}

/**
 * Calls `row(ap, bp, i, len, ai, bi)` for each innermost row of `shape` under two stride sets: the row starts
 * at storage positions ap and bp and at flat index i, and its elements step by ai and bi.
 */
export function forEachRow2(
  shape: Shape,
  as: readonly number[],
  bs: readonly number[],
  aOff: number,
  bOff: number,
  row: (ap: number, bp: number, i: number, len: number, ai: number, bi: number) => void,
): void {
  let n = 1;
  for (const s of shape) n *= s;
  if (n === 0) return;
  const c = coalesce(shape, [as, bs]);
  const nd = c.shape.length;
  if (nd === 0) {
    row(aOff, bOff, 0, 1, 0, 0);
    return;
  }
  const [ca, cb] = c.strides;
  const inner = c.shape[nd - 1];
  const ai = ca[nd - 1];
  const bi = cb[nd - 1];
  const idx = new Array<number>(nd).fill(0);
  let ap = aOff;
  let bp = bOff;
  for (let i = 0; i < n; i += inner) {
    row(ap, bp, i, inner, ai, bi);
    for (let d = nd - 2; d >= 0; d--) {
      idx[d]++;
      ap += ca[d];
      bp += cb[d];
      if (idx[d] < c.shape[d]) break;
      ap -= idx[d] * ca[d];
      bp -= idx[d] * cb[d];
      idx[d] = 0;
    }
  }
}

/** forEachRow2 for one operand: `row(p, i, len, step)`. */
export function forEachRow(shape: Shape, strides: readonly number[], offset: number, row: (p: number, i: number, len: number, step: number) => void): void {
  forEachRow2(shape, strides, strides, offset, offset, (p, _q, i, len, step) => row(p, i, len, step));
}
