/**
 * cascadeSum.ts's vectorised loops (one row summed across its lanes, or a block of columns summed down its
 * rows) through the WebAssembly kernels, which keep every lane's order and rounding. The tensor's storage span
 * is copied into the module's memory once per reduction; the kernels then read it in place.
 */
import { StorageArray } from '../dtype';
import { engineWasm, maxScratch } from './instance';

/** Below this many elements the JavaScript loops cost less than the copy and the calls. */
const MIN_ELEMENTS = 256;
/** Room for row_sum's four partial vectors (4 × 32 bytes). */
const SCRATCH = 128;

export interface WasmSums {
  /** vectorized_inner_sum of the contiguous row at storage index `at`, `size` elements. */
  inner(at: number, size: number): number;
  /**
   * vectorized_outer_sum's vector phases over `cols` contiguous columns starting at storage index `at`, rows
   * `stride` elements apart: the sums of the first `done` columns, the rest left to the caller.
   */
  outer(at: number, stride: number, rows: number, cols: number): { done: number; sums: Float32Array | Float64Array };
}

/**
 * The kernels over storage elements [first, first + span), for `lanes`-wide sums of float32 (8) or float64 (4)
 * held in the matching typed array; null where they do not apply.
 */
export function wasmSums(data: StorageArray, first: number, span: number, lanes: number): WasmSums | null {
  if (span < MIN_ELEMENTS) return null;
  const f32 = lanes === 8 && data instanceof Float32Array;
  if (!f32 && !(lanes === 4 && data instanceof Float64Array)) return null;
  const w = engineWasm();
  if (!w) return null;
  const size = f32 ? 4 : 8;
  const dataBytes = Math.ceil((span * size) / 16) * 16;
  if (dataBytes + SCRATCH > maxScratch()) return null;
  try {
    w.reserve(dataBytes + SCRATCH);
  } catch {
    return null;
  }
  const Arr = f32 ? Float32Array : Float64Array;
  new Arr(w.exports.memory.buffer, w.base, span).set((data as Float32Array | Float64Array).subarray(first, first + span));
  const scratch = w.base + dataBytes;
  const out = scratch + SCRATCH;
  const e = w.exports;
  const inner = f32 ? e.innerSumF32 : e.innerSumF64;
  const outer = f32 ? e.outerSumF32 : e.outerSumF64;
  return {
    inner: (at, n) => inner(w.base + (at - first) * size, n, scratch),
    outer: (at, stride, rows, cols) => {
      w.reserve(dataBytes + SCRATCH + cols * size);
      const done = outer(w.base + (at - first) * size, stride * size, rows, cols, out, scratch);
      return { done, sums: new Arr(w.exports.memory.buffer, out, done) };
    },
  };
}

/**
 * reduceAlong's sum (acc[out] += x in the input's row-major order, in double) for a contiguous tensor whose
 * reduced dimensions (ignoring those of size 1) are all leading or all trailing: adds into `acc` and returns
 * true, or returns false having changed nothing.
 */
export function wasmDoubleSumInto(data: StorageArray, offset: number, shape: readonly number[], dims: readonly number[], acc: Float64Array): boolean {
  const numel = shape.reduce((a, b) => a * b, 1);
  if (numel < MIN_ELEMENTS) return false;
  const f32 = data instanceof Float32Array;
  if (!f32 && !(data instanceof Float64Array)) return false;
  const reduced = new Set(dims);
  const kinds = shape.map((n, d) => (n === 1 ? 0 : reduced.has(d) ? 1 : 2)).filter((k) => k !== 0);
  // A full sum is one chain: the row kernel keeps it in a register.
  const trailing = kinds.indexOf(1) > kinds.lastIndexOf(2);
  const leading = !trailing && kinds.lastIndexOf(1) < kinds.indexOf(2);
  if (!leading && !trailing) return false;
  const w = engineWasm();
  if (!w) return false;
  const size = f32 ? 4 : 8;
  const outs = acc.length;
  const accBytes = Math.ceil((outs * 8) / 16) * 16;
  if (accBytes > maxScratch() / 2) return false;
  // The input goes through in chunks of whole rows (or of one row, when a row alone is larger), each sum
  // carried in the module's accumulators from one chunk to the next, so the order is the same.
  const rowLen = leading ? outs : numel / outs;
  const chunk = Math.max(1, Math.floor((maxScratch() - accBytes) / size / rowLen)) * rowLen;
  const piece = Math.min(numel, chunk, Math.floor((maxScratch() - accBytes) / size));
  try {
    w.reserve(accBytes + piece * size);
  } catch {
    return false;
  }
  const buf = w.exports.memory.buffer;
  const accPtr = w.base;
  const xPtr = w.base + accBytes;
  const accView = new Float64Array(buf, accPtr, outs);
  const xView = new (f32 ? Float32Array : Float64Array)(buf, xPtr, piece);
  const src = data as Float32Array | Float64Array;
  accView.set(acc);
  const e = w.exports;
  if (leading) {
    const columns = f32 ? e.columnSumsF32 : e.columnSumsF64;
    for (let i = 0; i < numel; i += piece) {
      const len = Math.min(piece, numel - i);
      xView.set(src.subarray(offset + i, offset + i + len));
      columns(xPtr, len / outs, outs, accPtr);
    }
  } else if (piece >= rowLen) {
    const rowsOf = f32 ? e.rowSumsF32 : e.rowSumsF64;
    for (let i = 0; i < numel; i += piece) {
      const len = Math.min(piece, numel - i);
      xView.set(src.subarray(offset + i, offset + i + len));
      rowsOf(xPtr, len / rowLen, rowLen, accPtr + (i / rowLen) * 8);
    }
  } else {
    const rowsOf = f32 ? e.rowSumsF32 : e.rowSumsF64;
    for (let r = 0; r < outs; r++) {
      for (let q = 0; q < rowLen; q += piece) {
        const len = Math.min(piece, rowLen - q);
        const at = offset + r * rowLen + q;
        xView.set(src.subarray(at, at + len));
        rowsOf(xPtr, 1, len, accPtr + r * 8);
      }
    }
  }
  acc.set(accView);
  return true;
}
