/**
 * Elementwise add/sub/mul/div over contiguous operands through the WebAssembly kernels: each element computed
 * in double and rounded once on store, as kernels.ts's loops do, so the numbers are the same. Worth it only
 * above a few thousand elements, where the copies in and out cost less than the JavaScript loop saves.
 */
import { StorageArray } from '../dtype';
import { engineWasm } from './instance';

/** Below this many elements the JavaScript loop is as fast as the copies. */
const MIN_ELEMENTS = 4096;
const MAX_SCRATCH = 512 * 2 ** 20;
const OPS = { add: 0, sub: 1, mul: 2, div: 3 } as const;

/**
 * o[i] = x[xo + i·xs] op y[yo + i·ys] for i < n, with xs and ys 1 (an array) or 0 (a scalar, not both).
 * Returns false, having written nothing, where the module is unavailable or the storage types differ.
 */
export function wasmBinary(op: keyof typeof OPS, o: StorageArray, n: number, x: StorageArray, xo: number, xs: number, y: StorageArray, yo: number, ys: number): boolean {
  if (n < MIN_ELEMENTS || (xs === 0 && ys === 0)) return false;
  const f32 = o instanceof Float32Array;
  if (!f32 && !(o instanceof Float64Array)) return false;
  const Arr = f32 ? Float32Array : Float64Array;
  // An array operand must share the output's storage type (a scalar is read as a number, as the loop reads it).
  if ((xs === 1 && !(x instanceof Arr)) || (ys === 1 && !(y instanceof Arr))) return false;
  const w = engineWasm();
  if (!w) return false;
  const bytes = Math.ceil((n * (f32 ? 4 : 8)) / 16) * 16;
  if (3 * bytes > MAX_SCRATCH) return false;
  try {
    w.reserve(3 * bytes);
  } catch {
    return false;
  }
  const xp = w.base;
  const yp = xp + bytes;
  const op_ = yp + bytes;
  const buf = w.exports.memory.buffer;
  if (xs === 1) new Arr(buf, xp, n).set(x.subarray(xo, xo + n));
  if (ys === 1) new Arr(buf, yp, n).set(y.subarray(yo, yo + n));
  const mode = xs === 0 ? 2 : ys === 0 ? 1 : 0;
  const s = xs === 0 ? x[xo] : ys === 0 ? y[yo] : 0;
  (f32 ? w.exports.binaryF32 : w.exports.binaryF64)(OPS[op], mode, xp, yp, op_, n, s);
  o.set(new Arr(buf, op_, n));
  return true;
}
