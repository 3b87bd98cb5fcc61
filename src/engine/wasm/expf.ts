/**
 * float32 exp, sigmoid, SiLU and tanh (../expf.ts) through the WebAssembly kernels, four lanes at a time, in cache-sized
 * chunks. Only where relaxed_madd fuses: the polynomial's rounding depends on it.
 */
import { StorageArray } from '../dtype';
import { engineWasm } from './instance';

/** Below this many elements the JavaScript loop costs less than the copies and the call. */
const MIN_ELEMENTS = 32;
/** Elements per pass (2 × 64 KB of float32, in and out). */
const CHUNK = 16384;

/**
 * o[oo + i] = f(src[off + i]) for i < n, f being expf, tanhf or the vector path's sigmoid or SiLU. Returns false, having written
 * nothing, where the module is unavailable or does not fuse.
 */
export function wasmExpF32(f: 'exp' | 'sigmoid' | 'silu' | 'tanh', o: Float32Array, oo: number, src: StorageArray, off: number, n: number): boolean {
  if (n < MIN_ELEMENTS) return false;
  const w = engineWasm();
  if (!w || !w.fusedMadd) return false;
  const bytes = CHUNK * 4;
  try {
    w.reserve(2 * bytes);
  } catch {
    return false;
  }
  const xp = w.base;
  const op = xp + bytes;
  const buf = w.exports.memory.buffer;
  const xv = new Float32Array(buf, xp, CHUNK);
  const ov = new Float32Array(buf, op, CHUNK);
  const kernel = { exp: w.exports.expF32, sigmoid: w.exports.sigmoidF32, silu: w.exports.siluF32, tanh: w.exports.tanhF32 }[f];
  for (let i = 0; i < n; i += CHUNK) {
    const len = Math.min(CHUNK, n - i);
    // Any storage type: the copy into a Float32Array rounds each value to float32 as the cast would.
    xv.set(src.subarray(off + i, off + i + len));
    kernel(xp, op, len);
    o.set(len === CHUNK ? ov : ov.subarray(0, len), oo + i);
  }
  return true;
}
