/**
 * Elementwise add/sub/mul/div over contiguous operands through the WebAssembly kernels: each element computed
 * in double and rounded once on store, as kernels.ts's loops do, so the numbers are the same. Worth it only
 * above a few hundred elements, where the copies in and out cost less than the JavaScript loop saves. Large
 * operands go through in cache-sized chunks.
 */
import { StorageArray } from '../dtype';
import { engineWasm } from './instance';

/**
 * Below this many elements the JavaScript loop is as fast as the copies (Node 20: even at 128 elements, twice as
 * slow at 256, four times at 1,024, where each float32 store's rounding costs the loop more than the copies).
 */
const MIN_ELEMENTS = 256;
/**
 * Elements per pass: the operands' chunks and the result's (3 × 64 KB of float32) stay in the L2 cache from
 * their copy in to the copy out, and the module's memory stays small whatever the tensor's size.
 */
const CHUNK = 16384;
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
  const bytes = CHUNK * (f32 ? 4 : 8);
  try {
    w.reserve(3 * bytes);
  } catch {
    return false;
  }
  const xp = w.base;
  const yp = xp + bytes;
  const op_ = yp + bytes;
  const buf = w.exports.memory.buffer;
  const xv = new Arr(buf, xp, CHUNK);
  const yv = new Arr(buf, yp, CHUNK);
  const ov = new Arr(buf, op_, CHUNK);
  const mode = xs === 0 ? 2 : ys === 0 ? 1 : 0;
  const s = xs === 0 ? x[xo] : ys === 0 ? y[yo] : 0;
  const kernel = f32 ? w.exports.binaryF32 : w.exports.binaryF64;
  const code = OPS[op];
  for (let i = 0; i < n; i += CHUNK) {
    const len = Math.min(CHUNK, n - i);
    if (xs === 1) xv.set(x.subarray(xo + i, xo + i + len));
    if (ys === 1) yv.set(y.subarray(yo + i, yo + i + len));
    kernel(code, mode, xp, yp, op_, len, s);
    o.set(len === CHUNK ? ov : ov.subarray(0, len), i);
  }
  return true;
}
