/**
 * cascadeSum.ts's vectorised loops (one row summed across its lanes, or a block of columns summed down its
 * rows) through the WebAssembly kernels, which keep every lane's order and rounding. The tensor's storage span
 * is copied into the module's memory once per reduction; the kernels then read it in place.
 */
import { StorageArray } from '../dtype';
import { engineWasm } from './instance';

/** Below this many elements the JavaScript loops cost less than the copy and the calls. */
const MIN_ELEMENTS = 256;
const MAX_SCRATCH = 512 * 2 ** 20;
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
  if (dataBytes + SCRATCH > MAX_SCRATCH) return null;
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
