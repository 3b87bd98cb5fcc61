/**
 * Triangular matrices: `tril`/`triu`, the Cholesky factorisation (`linalg.cholesky_ex`) and triangular solves
 * (`linalg.solve_triangular`), batched over leading dimensions, with PyTorch's backward formulas written in
 * engine ops (so create_graph works). MultivariateNormal is built on these.
 *
 * The factorisation and the solves follow LAPACK's right-looking order (potrf2/trsm: divide or scale by the
 * reciprocal pivot, subtract one rank-1 term at a time) in the tensor's precision. PyTorch's wheels run MKL's
 * LAPACK, whose blocked kernels may round differently, so results can differ from PyTorch's in the last bit.
 */
import { record } from '../graph';
import { castValue, DType, isFloating, promoteTypes, SCALAR_TYPE_NAMES } from '../dtype';
import { indexError, runtimeError } from '../errors';
import { broadcastShapes, Shape } from '../shape';
import { emptyTensor, makeTensor, Tensor } from '../tensor';
import { add, cast, mul, neg } from './elementwise';
import { matmul } from './linalg';
import { sumToShape } from './reduce';
import { transpose } from './views';


function rounder(dtype: DType): (v: number) => number {
  return (v: number) => castValue(dtype, v);
}

function mT(t: Tensor): Tensor {
  return transpose(t, -2, -1);
}

function triangle(t: Tensor, k: number, lower: boolean, name: string): Tensor {
  if (t.ndim < 2) {
    throw indexError(`Dimension out of range (expected to be in range of [-${Math.max(t.ndim, 1)}, ${Math.max(t.ndim, 1) - 1}], but got -2)`);
  }
  const rows = t.shape[t.ndim - 2];
  const cols = t.shape[t.ndim - 1];
  const out = makeTensor(t.values(), t.shape, t.dtype);
  const per = rows * cols;
  for (let b = 0; b < out.data.length; b += per) {
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        if (lower ? j - i > k : j - i < k) out.data[b + i * cols + j] = 0;
      }
    }
  }
  return record(name, out, [t], [], (g) => [triangle(g, k, lower, name)]);
}

export function tril(t: Tensor, k = 0): Tensor {
  return triangle(t, k, true, 'TrilBackward0');
}

export function triu(t: Tensor, k = 0): Tensor {
  return triangle(t, k, false, 'TriuBackward0');
}

function checkSquare(what: string, name: string, t: Tensor): number {
  if (t.ndim < 2) throw runtimeError(`${what}: The input tensor ${name} must have at least 2 dimensions.`);
  const n = t.shape[t.ndim - 1];
  const m = t.shape[t.ndim - 2];
  if (n !== m) throw runtimeError(`${what}: ${name} must be batches of square matrices, but they are ${m} by ${n} matrices`);
  return n;
}

/**
 * `torch.linalg.cholesky_ex(A, upper)`: [L, info], info (int32 values in an int64 tensor here) holding per matrix
 * the order of the first leading minor that is not positive-definite, 0 when the factorisation succeeded. Only the
 * lower triangle of A is read, as LAPACK does.
 */
export function choleskyEx(a: Tensor, upper = false): [Tensor, Tensor] {
  const n = checkSquare('linalg.cholesky', 'A', a);
  if (!isFloating(a.dtype)) throw runtimeError(`linalg.cholesky: Expected a floating point or complex tensor as input. Got ${SCALAR_TYPE_NAMES[a.dtype]}`);
  const round = rounder(a.dtype);
  const src = a.values();
  const out = makeTensor(src.slice(), a.shape, a.dtype);
  const d = out.data;
  const batch = n === 0 ? 0 : d.length / (n * n);
  const infoShape = a.shape.slice(0, -2);
  const info = emptyTensor(infoShape, 'int64');
  for (let b = 0; b < batch; b++) {
    const o = b * n * n;
    let failed = 0;
    for (let j = 0; j < n && !failed; j++) {
      const ajj = d[o + j * n + j];
      if (!(ajj > 0)) {
        failed = j + 1;
        break;
      }
      const ljj = round(Math.sqrt(ajj));
      d[o + j * n + j] = ljj;
      const r = round(1 / ljj);
      for (let i = j + 1; i < n; i++) d[o + i * n + j] = round(d[o + i * n + j] * r);
      // Rank-1 update of the trailing lower triangle.
      for (let c = j + 1; c < n; c++) {
        const lc = d[o + c * n + j];
        for (let i = c; i < n; i++) d[o + i * n + c] = round(d[o + i * n + c] - round(d[o + i * n + j] * lc));
      }
    }
    info.data[b] = failed;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) d[o + i * n + j] = 0;
  }
  let result = out;
  if (upper) {
    result = makeTensor(mT(out).values(), out.shape, out.dtype);
  }
  const l = record('LinalgCholeskyExBackward0', result, [a], [result], (g, s) => [choleskyBackward(g, s[0], upper)]);
  return [l, info];
}

/** Iain Murray's formula as PyTorch writes it: gA = L^{-H} Φ(L^H gL) L^{-1}, symmetrised. */
function choleskyBackward(gL: Tensor, L: Tensor, upper: boolean): Tensor {
  if (upper) {
    L = mT(L);
    gL = mT(gL);
  }
  let gA = tril(matmul(mT(L), gL));
  gA = mul(add(gA, mT(tril(gA, -1))), 0.5);
  gA = solveTriangular(mT(L), gA, true, true, false);
  return solveTriangular(L, gA, false, false, false);
}

/**
 * `torch.linalg.solve_triangular(A, B, upper, left, unitriangular)`: X with AX = B (left) or XA = B, batch
 * dimensions broadcast. Only the named triangle of A is read.
 */
export function solveTriangular(a: Tensor, b: Tensor, upper: boolean, left = true, unitriangular = false): Tensor {
  const what = 'linalg.solve_triangular';
  const n = checkSquare(what, 'A', a);
  if (b.ndim < 2) throw runtimeError(`${what}: The input tensor B must have at least 2 dimensions.`);
  const bRows = b.shape[b.ndim - 2];
  const bCols = b.shape[b.ndim - 1];
  if ((left ? bRows : bCols) !== n) {
    throw runtimeError(
      `${what}: Incompatible shapes of A and B for the equation ${left ? 'AX = B' : 'XA = B'} (${n}x${n} and ${bRows}x${bCols})`,
    );
  }
  const dtype = promoteTypes(a.dtype, b.dtype);
  if (!isFloating(dtype)) throw runtimeError(`${what}: Expected a floating point or complex tensor as input. Got ${SCALAR_TYPE_NAMES[dtype]}`);
  const batchShape = broadcastShapes(a.shape.slice(0, -2), b.shape.slice(0, -2));
  const av = expandValues(a.dtype === dtype ? a : cast(a, dtype), [...batchShape, n, n]);
  const bv = expandValues(b.dtype === dtype ? b : cast(b, dtype), [...batchShape, bRows, bCols]);
  const outShape = [...batchShape, bRows, bCols];
  const out = emptyTensor(outShape, dtype);
  const round = rounder(dtype);
  const batch = batchShape.reduce((p, q) => p * q, 1);
  const x = new Float64Array(n);
  const rhs = left ? bCols : bRows;
  for (let p = 0; p < batch; p++) {
    const ao = p * n * n;
    const bo = p * bRows * bCols;
    // A left solve works on B's columns; a right solve XA = B is AᵀXᵀ = Bᵀ on B's rows, with the other triangle.
    const lower = left ? !upper : upper;
    const coef = (i: number, k: number) => (left ? av[ao + i * n + k] : av[ao + k * n + i]);
    for (let j = 0; j < rhs; j++) {
      for (let i = 0; i < n; i++) x[i] = left ? bv[bo + i * bCols + j] : bv[bo + j * bCols + i];
      const order = lower ? ascending(n) : descending(n);
      for (const k of order) {
        if (x[k] === 0) continue;
        if (!unitriangular) x[k] = round(x[k] / coef(k, k));
        const xk = x[k];
        if (lower) for (let i = k + 1; i < n; i++) x[i] = round(x[i] - round(xk * coef(i, k)));
        else for (let i = 0; i < k; i++) x[i] = round(x[i] - round(xk * coef(i, k)));
      }
      for (let i = 0; i < n; i++) {
        if (left) out.data[bo + i * bCols + j] = x[i];
        else out.data[bo + j * bCols + i] = x[i];
      }
    }
  }
  const aShape = a.shape.slice();
  const bShape = b.shape.slice();
  return record('LinalgSolveTriangularBackward0', out, [a, b], [a, out], (g, s, needs) => {
    const [A, X] = s;
    const gB = solveTriangular(mT(A), g, !upper, left, unitriangular);
    let gA: Tensor | null = null;
    if (needs[0]) {
      const prod = neg(left ? matmul(gB, mT(X)) : matmul(mT(X), gB));
      gA = sumToShape(upper ? triu(prod, unitriangular ? 1 : 0) : tril(prod, unitriangular ? -1 : 0), aShape);
    }
    return [gA, needs[1] ? sumToShape(gB, bShape) : null];
  });
}

function ascending(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

function descending(n: number): number[] {
  return Array.from({ length: n }, (_, i) => n - 1 - i);
}

/** The values of `t` broadcast to `shape`, row-major. */
function expandValues(t: Tensor, shape: Shape): ArrayLike<number> {
  const lead = shape.length - t.ndim;
  const strides = shape.map((s, i) => {
    const k = i - lead;
    if (k < 0 || t.shape[k] === 1) return 0;
    return t.strides[k];
  });
  const total = shape.reduce((p, q) => p * q, 1);
  const out = new Float64Array(total);
  const idx = new Array<number>(shape.length).fill(0);
  for (let f = 0; f < total; f++) {
    let pos = t.offset;
    for (let k = 0; k < shape.length; k++) pos += idx[k] * strides[k];
    out[f] = t.data[pos];
    for (let k = shape.length - 1; k >= 0; k--) {
      if (++idx[k] < shape[k]) break;
      idx[k] = 0;
    }
  }
  return out;
}
