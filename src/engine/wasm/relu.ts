/**
 * float32 ReLU and its backward through the WebAssembly kernels (assembly/relu.ts), in cache-sized chunks:
 * the same bits as the JavaScript loops, without their branch on each element's sign.
 */
import { engineWasm } from './instance';

/** Below this many elements the JavaScript loop costs less than the copies and the call. */
const MIN_ELEMENTS = 256;
/** Elements per pass (3 × 64 KB of float32 at most). */
const CHUNK = 16384;

/** o[i] = relu(x[off + i]) for i < n. Returns false, having written nothing, where the module is unavailable. */
export function wasmReluF32(o: Float32Array, x: Float32Array, off: number, n: number): boolean {
  if (n < MIN_ELEMENTS) return false;
  const w = engineWasm();
  if (!w) return false;
  const bytes = CHUNK * 4;
  try {
    w.reserve(bytes);
  } catch {
    return false;
  }
  const p = w.base;
  const v = new Float32Array(w.exports.memory.buffer, p, CHUNK);
  for (let i = 0; i < n; i += CHUNK) {
    const len = Math.min(CHUNK, n - i);
    v.set(x.subarray(off + i, off + i + len));
    w.exports.reluF32(p, p, len);
    o.set(len === CHUNK ? v : v.subarray(0, len), i);
  }
  return true;
}

/**
 * o[i] = s[so + i] <= 0 ? 0 : g[go + i] for i < n (threshold_backward at 0). Returns false, having written
 * nothing, where the module is unavailable.
 */
export function wasmReluBackwardF32(o: Float32Array, g: Float32Array, go: number, s: Float32Array, so: number, n: number): boolean {
  if (n < MIN_ELEMENTS) return false;
  const w = engineWasm();
  if (!w) return false;
  const bytes = CHUNK * 4;
  try {
    w.reserve(2 * bytes);
  } catch {
    return false;
  }
  const gp = w.base;
  const sp = gp + bytes;
  const buf = w.exports.memory.buffer;
  const gv = new Float32Array(buf, gp, CHUNK);
  const sv = new Float32Array(buf, sp, CHUNK);
  for (let i = 0; i < n; i += CHUNK) {
    const len = Math.min(CHUNK, n - i);
    gv.set(g.subarray(go + i, go + i + len));
    sv.set(s.subarray(so + i, so + i + len));
    w.exports.reluBackwardF32(gp, sp, gp, len);
    o.set(len === CHUNK ? gv : gv.subarray(0, len), i);
  }
  return true;
}
