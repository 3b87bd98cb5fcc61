/**
 * Matrix products through the WebAssembly kernels, with the rounding of ops/linalg.ts's JavaScript loops: a
 * float32 fused multiply-add chain per output (only where relaxed_madd is really fused), or a double sum in
 * order q = 0 … k-1. Operands are copied into the module's memory and the result copied back; the kernel is
 * chosen by storage type, so any dtype stored in a Float32Array takes the float32 kernels.
 */
import { StorageArray } from '../dtype';
import { engineWasm } from './instance';

/** Products below this many multiply-adds stay in JavaScript: the copies and the call cost more. */
const MIN_WORK = 64;
/** The module's scratch memory is kept below this (it never shrinks); larger products stay in JavaScript. */
const MAX_SCRATCH = 512 * 2 ** 20;

const align = (bytes: number): number => Math.ceil(bytes / 16) * 16;

/**
 * out (batch × m × n) = a (batch × m × k) · b (batch × k × n), contiguous. `fmaOrder` asks for the float32 FMA
 * chain, otherwise products are summed in double. Returns false, having written nothing, where the module is
 * unavailable or does not cover the case; the caller then runs its own loop.
 */
export function wasmGemm(a: StorageArray, b: StorageArray, out: StorageArray, batch: number, m: number, k: number, n: number, fmaOrder: boolean): boolean {
  if (batch * m * n * k < MIN_WORK || m === 0 || n === 0) return false;
  const w = engineWasm();
  if (!w) return false;
  const f32 = a instanceof Float32Array && b instanceof Float32Array && out instanceof Float32Array;
  const f64 = a instanceof Float64Array && b instanceof Float64Array && out instanceof Float64Array;
  if (fmaOrder ? !(f32 && w.fusedMadd) : !(f32 || f64)) return false;
  if (!fmaOrder && n === 1) return gemv(w, a as Float32Array | Float64Array, b as Float32Array | Float64Array, out as Float32Array | Float64Array, batch, m, k, f32);
  if (!fmaOrder && f32) return false; // float32 data with a double sum and n > 1: not a case linalg.ts asks for
  const size = f32 ? 4 : 8;
  const nr = f32 ? 8 : 4;
  const np = Math.ceil(n / nr) * nr;
  const aBytes = align(m * k * size);
  const bBytes = align(k * n * size);
  const packBytes = align(k * np * size);
  const cBytes = align(m * np * size);
  const total = aBytes + bBytes + packBytes + cBytes;
  if (total > MAX_SCRATCH || !reserve(w, total)) return false;
  const ap = w.base;
  const bp = ap + aBytes;
  const pp = bp + bBytes;
  const cp = pp + packBytes;
  const buf = w.exports.memory.buffer;
  const View = f32 ? Float32Array : Float64Array;
  const aView = new View(buf, ap, m * k);
  const bView = new View(buf, bp, k * n);
  const cView = new View(buf, cp, m * np);
  const kernel = f32 ? w.exports.gemmF32Fma : w.exports.gemmF64;
  for (let p = 0; p < batch; p++) {
    aView.set(a.subarray(p * m * k, (p + 1) * m * k));
    bView.set(b.subarray(p * k * n, (p + 1) * k * n));
    kernel(ap, bp, cp, pp, m, k, n);
    const o = p * m * n;
    if (np === n) out.set(cView, o);
    else for (let i = 0; i < m; i++) out.set(cView.subarray(i * np, i * np + n), o + i * n);
  }
  return true;
}

/** Matrix × vector (and dot, m = 1): double sums, results rounded to the output's type on store. */
function gemv(w: NonNullable<ReturnType<typeof engineWasm>>, a: Float32Array | Float64Array, v: Float32Array | Float64Array, out: Float32Array | Float64Array, batch: number, m: number, k: number, f32: boolean): boolean {
  const size = f32 ? 4 : 8;
  const aBytes = align(m * k * size);
  const vBytes = align(k * size);
  const total = aBytes + vBytes + m * 8;
  if (total > MAX_SCRATCH || !reserve(w, total)) return false;
  const ap = w.base;
  const vp = ap + aBytes;
  const op = vp + vBytes;
  const buf = w.exports.memory.buffer;
  const View = f32 ? Float32Array : Float64Array;
  const aView = new View(buf, ap, m * k);
  const vView = new View(buf, vp, k);
  const oView = new Float64Array(buf, op, m);
  const kernel = f32 ? w.exports.gemvF32Double : w.exports.gemvF64;
  for (let p = 0; p < batch; p++) {
    aView.set(a.subarray(p * m * k, (p + 1) * m * k));
    vView.set(v.subarray(p * k, (p + 1) * k));
    kernel(ap, vp, op, m, k);
    out.set(oView, p * m);
  }
  return true;
}

function reserve(w: NonNullable<ReturnType<typeof engineWasm>>, bytes: number): boolean {
  try {
    w.reserve(bytes);
    return true;
  } catch {
    return false;
  }
}
