/**
 * float32 max pooling over 2×2 windows with stride 2 through the WebAssembly kernel (assembly/maxPool.ts), a
 * cache-sized run of planes per pass: the same maxima and indices as pool.ts's loop, without its
 * unpredictable branches.
 */
import { engineWasm, maxScratch } from './instance';

/** Input floats per pass (256 KB), whole planes at a time. */
const CHUNK = 65536;

/**
 * out and idx (p, i, j) for `planes` planes of h × w in src. Returns false, having written nothing, where the
 * module is unavailable or a plane does not fit its scratch memory.
 */
export function wasmMaxPool2x2F32(src: Float32Array, out: Float32Array, idx: Float64Array, planes: number, h: number, w: number, oh: number, ow: number): boolean {
  const w_ = engineWasm();
  if (!w_ || planes === 0) return false;
  const plane = h * w;
  const per = oh * ow;
  const count = Math.max(1, Math.min(planes, Math.floor(CHUNK / plane)));
  const inBytes = Math.ceil((count * plane * 4) / 16) * 16;
  const outBytes = Math.ceil((count * per * 4) / 16) * 16;
  const total = inBytes + outBytes + count * per * 8;
  if (total > maxScratch()) return false;
  try {
    w_.reserve(total);
  } catch {
    return false;
  }
  const xp = w_.base;
  const op = xp + inBytes;
  const ip = op + outBytes;
  const buf = w_.exports.memory.buffer;
  const xv = new Float32Array(buf, xp, count * plane);
  const ov = new Float32Array(buf, op, count * per);
  const iv = new Float64Array(buf, ip, count * per);
  for (let p = 0; p < planes; p += count) {
    const k = Math.min(count, planes - p);
    xv.set(src.subarray(p * plane, (p + k) * plane));
    w_.exports.maxPool2x2F32(xp, op, ip, k, h, w, oh, ow);
    out.set(k === count ? ov : ov.subarray(0, k * per), p * per);
    idx.set(k === count ? iv : iv.subarray(0, k * per), p * per);
  }
  return true;
}
