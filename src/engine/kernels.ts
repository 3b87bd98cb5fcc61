/**
 * The loops under the ops: elementwise maps over broadcast operands, strided copies, and the iteration
 * layout of reductions. They know dtypes and strides but nothing of autograd; ops/ wraps them and records
 * the graph, so a loop's speed can be worked on here without touching any op's semantics.
 */
import { allocate, castValue, DType, isIntegral, isReducedFloat, roundStored, StorageArray } from './dtype';
import { broadcastShapes, contiguousStrides, numelOf, Shape } from './shape';
import { allocateChecked, makeTensor, Tensor } from './tensor';
import { forEachRow, forEachRow2 } from './rows';
import { wasmDoubleSumInto } from './wasm/cascadeSum';
import { wasmBinary } from './wasm/elementwise';

/** Strides that read `t` as if it had been expanded to `shape` (0 on broadcast dimensions). */
export function broadcastStrides(t: Tensor, shape: Shape): number[] {
  const out = new Array<number>(shape.length).fill(0);
  const lead = shape.length - t.shape.length;
  for (let i = 0; i < t.shape.length; i++) {
    out[lead + i] = t.shape[i] === 1 && shape[lead + i] !== 1 ? 0 : t.strides[i];
  }
  return out;
}

export type UnaryLoop = (o: StorageArray, src: StorageArray, off: number, n: number) => void;

/**
 * Loops of their own for the hottest unary functions over contiguous storage: mapUnary's one loop calls `f`
 * through a call site that sees every function, which V8 cannot inline, and that call costs more than `exp`
 * itself. Each loop here computes exactly what calling `f` computes.
 */
export const contiguousUnaryLoops = new Map<(x: number) => number, UnaryLoop>([
  [Math.exp, (o, s, off, n) => { for (let i = 0; i < n; i++) o[i] = Math.exp(s[off + i]); }],
  [Math.log, (o, s, off, n) => { for (let i = 0; i < n; i++) o[i] = Math.log(s[off + i]); }],
  [Math.sqrt, (o, s, off, n) => { for (let i = 0; i < n; i++) o[i] = Math.sqrt(s[off + i]); }],
  [Math.tanh, (o, s, off, n) => { for (let i = 0; i < n; i++) o[i] = Math.tanh(s[off + i]); }],
]);

export function mapUnary(t: Tensor, outDtype: DType, f: (x: number) => number): Tensor {
  const out = makeTensor(allocateChecked(outDtype, t.shape), t.shape, outDtype);
  const o = out.data;
  const n = o.length;
  const src = t.data;
  if (t.isContiguous()) {
    const off = t.offset;
    const loop = contiguousUnaryLoops.get(f);
    if (loop) loop(o, src, off, n);
    else for (let i = 0; i < n; i++) o[i] = f(src[off + i]);
  } else {
    // A view with contiguous rows (a chunk of an LSTM's gates): the dedicated loop row by row.
    const loop = contiguousUnaryLoops.get(f);
    forEachRow(t.shape, t.strides, t.offset, (p, i, len, step) => {
      if (loop && step === 1 && len > 1) loop(o.subarray(i, i + len), src, p, len);
      else for (let k = 0; k < len; k++, p += step) o[i + k] = f(src[p]);
    });
  }
  roundStored(outDtype, o);
  return out;
}

/**
 * Applies f elementwise over the broadcast of a and b. The innermost dimension is a plain loop with fixed
 * strides; outer dimensions advance an index counter.
 */
/** Arithmetic with a dedicated loop: calling `f` per element costs more than the arithmetic itself. */
export type FastBinary = 'add' | 'sub' | 'mul' | 'div';

/** o[k] = x[xo + k·xs] op y[yo + k·ys] for k < n, in WebAssembly where it covers the case: o may be x's own elements (xs 1). */
export function fastLoop(op: FastBinary, o: StorageArray, n: number, x: StorageArray, xo: number, xs: number, y: StorageArray, yo: number, ys: number): void {
  if (wasmBinary(op, o, n, x, xo, xs, y, yo, ys)) return;
  switch (op) {
    case 'add': for (let i = 0; i < n; i++) o[i] = x[xo + i * xs] + y[yo + i * ys]; break;
    case 'sub': for (let i = 0; i < n; i++) o[i] = x[xo + i * xs] - y[yo + i * ys]; break;
    case 'mul': for (let i = 0; i < n; i++) o[i] = x[xo + i * xs] * y[yo + i * ys]; break;
    case 'div': for (let i = 0; i < n; i++) o[i] = x[xo + i * xs] / y[yo + i * ys]; break;
  }
}

/** o[oo + k] = x[xo + k·xs] op y[yo + k·ys] for k < n: fastLoop's arithmetic at an output offset, for one row. */
function stridedArithmetic(op: FastBinary, o: StorageArray, oo: number, n: number, x: StorageArray, xo: number, xs: number, y: StorageArray, yo: number, ys: number): void {
  switch (op) {
    case 'add': for (let k = 0; k < n; k++) o[oo + k] = x[xo + k * xs] + y[yo + k * ys]; break;
    case 'sub': for (let k = 0; k < n; k++) o[oo + k] = x[xo + k * xs] - y[yo + k * ys]; break;
    case 'mul': for (let k = 0; k < n; k++) o[oo + k] = x[xo + k * xs] * y[yo + k * ys]; break;
    case 'div': for (let k = 0; k < n; k++) o[oo + k] = x[xo + k * xs] / y[yo + k * ys]; break;
  }
}

/** Whether `t` is contiguous and equal to the trailing dimensions of `shape` (leading ones missing or 1). */
function isTrailingRow(t: Tensor, shape: Shape): boolean {
  if (!t.isContiguous() || t.numel <= 1 || t.numel === numelOf(shape)) return false;
  const lead = shape.length - t.shape.length;
  if (lead < 0) return false;
  for (let i = 0; i < t.shape.length; i++) {
    if (t.shape[i] !== shape[lead + i] && !(t.shape[i] === 1 && t.shape.slice(0, i + 1).every((d) => d === 1))) return false;
  }
  return true;
}

/**
 * o[r·cols + j] = x[xo + r·cols + j] op row[ro + j] (operands swapped back when `rowFirst`), computed as
 * fastLoop computes it.
 */
function rowLoop(op: FastBinary, o: StorageArray, n: number, cols: number, x: StorageArray, xo: number, row: StorageArray, ro: number, rowFirst: boolean): void {
  for (let base = 0; base < n; base += cols) {
    const xb = xo + base;
    switch (op) {
      case 'add': for (let j = 0; j < cols; j++) o[base + j] = rowFirst ? row[ro + j] + x[xb + j] : x[xb + j] + row[ro + j]; break;
      case 'sub': for (let j = 0; j < cols; j++) o[base + j] = rowFirst ? row[ro + j] - x[xb + j] : x[xb + j] - row[ro + j]; break;
      case 'mul': for (let j = 0; j < cols; j++) o[base + j] = rowFirst ? row[ro + j] * x[xb + j] : x[xb + j] * row[ro + j]; break;
      case 'div': for (let j = 0; j < cols; j++) o[base + j] = rowFirst ? row[ro + j] / x[xb + j] : x[xb + j] / row[ro + j]; break;
    }
  }
}

export function mapBinary(a: Tensor, b: Tensor, outDtype: DType, f: (x: number, y: number) => number, fast?: FastBinary): Tensor {
  const out = mapBinaryUnrounded(a, b, outDtype, f, fast);
  roundStored(outDtype, out.data);
  return out;
}

function mapBinaryUnrounded(a: Tensor, b: Tensor, outDtype: DType, f: (x: number, y: number) => number, fast?: FastBinary): Tensor {
  const shape = broadcastShapes(a.shape, b.shape);
  const out = makeTensor(allocateChecked(outDtype, shape), shape, outDtype);
  const o = out.data;
  const n = o.length;
  if (n === 0) return out;
  const ad = a.data;
  const bd = b.data;
  const aSame = a.isContiguous() && a.shape.length === shape.length && numelOf(a.shape) === n;
  const bSame = b.isContiguous() && b.shape.length === shape.length && numelOf(b.shape) === n;
  if (fast && !isIntegral(outDtype) && outDtype !== 'bool') {
    if (aSame && bSame) return fastLoop(fast, o, n, ad, a.offset, 1, bd, b.offset, 1), out;
    if (aSame && b.numel === 1) return fastLoop(fast, o, n, ad, a.offset, 1, bd, b.offset, 0), out;
    if (bSame && a.numel === 1) return fastLoop(fast, o, n, ad, a.offset, 0, bd, b.offset, 1), out;
    // A row repeated down the other operand (a bias added to a batch): one loop per row, no index counter.
    if (aSame && isTrailingRow(b, shape)) return rowLoop(fast, o, n, b.numel, ad, a.offset, bd, b.offset, false), out;
    if (bSame && isTrailingRow(a, shape)) return rowLoop(fast, o, n, a.numel, bd, b.offset, ad, a.offset, true), out;
  }
  if (aSame && bSame) {
    const ao = a.offset;
    const bo = b.offset;
    for (let i = 0; i < n; i++) o[i] = f(ad[ao + i], bd[bo + i]);
    return out;
  }
  if (aSame && b.numel === 1) {
    const ao = a.offset;
    const y = bd[b.offset];
    for (let i = 0; i < n; i++) o[i] = f(ad[ao + i], y);
    return out;
  }
  if (bSame && a.numel === 1) {
    const bo = b.offset;
    const x = ad[a.offset];
    for (let i = 0; i < n; i++) o[i] = f(x, bd[bo + i]);
    return out;
  }
  const as = broadcastStrides(a, shape);
  const bs = broadcastStrides(b, shape);
  const arithmetic = fast && !isIntegral(outDtype) && outDtype !== 'bool' ? fast : null;
  forEachRow2(shape, as, bs, a.offset, b.offset, (ap, bp, i, len, ai, bi) => {
    if (arithmetic) stridedArithmetic(arithmetic, o, i, len, ad, ap, ai, bd, bp, bi);
    else for (let k = 0; k < len; k++, ap += ai, bp += bi) o[i + k] = f(ad[ap], bd[bp]);
  });
  return out;
}

/** Visits every element of `shape` in row-major order with the storage positions under two stride sets. */
export function stridedLoop(
  shape: Shape,
  as: readonly number[],
  bs: readonly number[],
  aOff: number,
  bOff: number,
  visit: (ap: number, bp: number, i: number) => void,
): void {
  forEachRow2(shape, as, bs, aOff, bOff, (ap, bp, i, len, ai, bi) => {
    for (let k = 0; k < len; k++, ap += ai, bp += bi) visit(ap, bp, i + k);
  });
}

/** Copies src (broadcast to dst's shape) into dst's storage through dst's strides, casting on store. */
export function copyInto(dst: Tensor, src: Tensor): void {
  const shape = dst.shape;
  const ss = broadcastStrides(src, shape);
  const dd = dst.data;
  const sd = src.data;
  if (dst.isContiguous() && src.isContiguous() && numelOf(src.shape) === dst.numel) {
    const n = dst.numel;
    const dOff = dst.offset;
    const sOff = src.offset;
    if (dst.dtype === src.dtype) {
      // One storage type, nothing to convert: a block copy (set() copies overlapping ranges as memmove does).
      dd.set(sd.subarray(sOff, sOff + n), dOff);
      return;
    }
    if (dd === sd && dOff > sOff) {
      for (let i = n - 1; i >= 0; i--) dd[dOff + i] = sd[sOff + i];
    } else {
      for (let i = 0; i < n; i++) dd[dOff + i] = sd[sOff + i];
    }
    if (dst.dtype === 'int64') truncateInts(dd, dOff, n);
    else if ((isReducedFloat(dst.dtype) || dst.dtype === 'int32') && src.dtype !== dst.dtype) roundStored(dst.dtype, dd.subarray(dOff, dOff + n));
    return;
  }
  // Overlapping storage with different strides: read everything first.
  const srcVals: StorageArray = sd === dd ? src.values() : sd;
  const sOff = sd === dd ? 0 : src.offset;
  const sStr = sd === dd ? broadcastStrides(makeTensor(srcVals, src.shape, src.dtype), shape) : ss;
  const isInt = dst.dtype === 'int64';
  const dt = dst.dtype;
  const round = (isReducedFloat(dt) || dt === 'int32') && src.dtype !== dt;
  // Same storage type with unit steps: each row is a block copy (a cat's pieces, a recurrent step's gates).
  const blocks = !isInt && !round && dst.dtype === src.dtype;
  forEachRow2(shape, dst.strides, sStr, dst.offset, sOff, (dp, sp, _i, len, di, si) => {
    if (blocks && di === 1 && si === 1 && len >= 16) dd.set(srcVals.subarray(sp, sp + len), dp);
    else if (isInt) for (let k = 0; k < len; k++, dp += di, sp += si) dd[dp] = Math.trunc(srcVals[sp]);
    else if (round) for (let k = 0; k < len; k++, dp += di, sp += si) dd[dp] = castValue(dt, srcVals[sp]);
    else for (let k = 0; k < len; k++, dp += di, sp += si) dd[dp] = srcVals[sp];
  });
}

function truncateInts(a: StorageArray, off: number, n: number): void {
  for (let i = 0; i < n; i++) a[off + i] = Math.trunc(a[off + i]);
}

/** reduceAlong's step for a plain sum: passed as is, it lets a contiguous sum run in WebAssembly (same order). */
export const ADD = (acc: number, x: number): number => acc + x;

/**
 * Reduces `t` over `dims` (sorted, non-empty allowed to be all) by calling `step(acc, x)`; the accumulator
 * lives in a Float64Array so float32 sums are not rounded until the end.
 */
export function reduceAlong(
  t: Tensor,
  dims: readonly number[],
  keepdim: boolean,
  outDtype: DType,
  init: number,
  step: (acc: number, x: number) => number,
  finish?: (acc: number, count: number) => number,
): Tensor {
  const { outShape, keptShape, outStrides } = reductionLayout(t.shape, dims, keepdim);
  const nOut = numelOf(keptShape);
  const acc = new Float64Array(nOut).fill(init);
  const src = t.data;
  const inWasm = step === ADD && init === 0 && t.isContiguous() && wasmDoubleSumInto(src, t.offset, t.shape, dims, acc);
  if (!inWasm) {
    // Row by row in the same element order: a row along a reduced dimension (output stride 0) keeps its
    // accumulator in a local.
    const add = step === ADD;
    forEachRow2(t.shape, t.strides, outStrides, t.offset, 0, (sp, op, _i, len, si, oi) => {
      if (oi === 0) {
        let a = acc[op];
        if (add) for (let k = 0; k < len; k++, sp += si) a += src[sp];
        else for (let k = 0; k < len; k++, sp += si) a = step(a, src[sp]);
        acc[op] = a;
      } else if (add) for (let k = 0; k < len; k++, sp += si, op += oi) acc[op] += src[sp];
      else for (let k = 0; k < len; k++, sp += si, op += oi) acc[op] = step(acc[op], src[sp]);
    });
  }
  const count = nOut === 0 ? 0 : t.numel / nOut;
  const out = makeTensor(allocate(outDtype, nOut), outShape, outDtype);
  for (let i = 0; i < nOut; i++) out.data[i] = finish ? finish(acc[i], count) : acc[i];
  roundStored(outDtype, out.data);
  return out;
}

export function reductionLayout(
  shape: Shape,
  dims: readonly number[],
  keepdim: boolean,
): { outShape: number[]; keptShape: number[]; outStrides: number[] } {
  const reduced = new Set(dims);
  const keptShape = shape.map((s, i) => (reduced.has(i) ? 1 : s));
  const ks = contiguousStrides(keptShape);
  const outStrides = shape.map((_, i) => (reduced.has(i) ? 0 : ks[i]));
  const outShape = keepdim ? keptShape : shape.filter((_, i) => !reduced.has(i));
  return { outShape, keptShape, outStrides };
}

/** A view of `t` expanded to `shape` (stride 0 on broadcast dimensions). */
export function expandedView(t: Tensor, shape: Shape): Tensor {
  return new Tensor(t.data, shape.slice(), broadcastStrides(t, shape), t.offset, t.dtype, t.version);
}

export function mapTernary(
  a: Tensor,
  b: Tensor,
  c: Tensor,
  outDtype: DType,
  f: (x: number, y: number, z: number) => number,
): Tensor {
  const shape = broadcastShapes(a.shape, broadcastShapes(b.shape, c.shape));
  const out = makeTensor(allocateChecked(outDtype, shape), shape, outDtype);
  const n = out.numel;
  const ea = expandedView(a, shape);
  const eb = expandedView(b, shape);
  const ec = expandedView(c, shape);
  const pa = ea.positions();
  const pb = eb.positions();
  const pc = ec.positions();
  const ad = a.data;
  const bd = b.data;
  const cd = c.data;
  const o = out.data;
  for (let i = 0; i < n; i++) {
    o[i] = f(ad[pa ? pa[i] : a.offset + i], bd[pb ? pb[i] : b.offset + i], cd[pc ? pc[i] : c.offset + i]);
  }
  roundStored(outDtype, o);
  return out;
}
