/**
 * Matrix products through the WebAssembly kernels, with the rounding of ops/linalg.ts's JavaScript loops: a
 * float32 fused multiply-add chain per output (only where relaxed_madd is really fused), or a double sum in
 * order q = 0 … k-1. Operands are copied into the module's memory (A and C in blocks of rows when large) and
 * the result copied back; the kernel is chosen by storage type, so any dtype stored in a Float32Array takes
 * the float32 kernels.
 */
import { StorageArray } from '../dtype';
import { transposedCopy } from '../tensor';
import { EngineWasm, engineWasm, maxScratch } from './instance';

/** Products below this many multiply-adds stay in JavaScript: the copies and the call cost more. */
const MIN_WORK = 64;

const align = (bytes: number): number => Math.ceil(bytes / 16) * 16;

type FloatArray = Float32Array | Float64Array;

/**
 * A matrix operand wasmGemm copies into the module's memory from where it lies: row-major storage, or a
 * transposed view (element (i, q) at data[offset + i + q·ld], what `.t()` of a row-major matrix gives), copied
 * straight across without a contiguous copy first.
 */
export type GemmOperand = StorageArray | TransposedMatrix;

export interface TransposedMatrix {
  readonly data: StorageArray;
  readonly offset: number;
  readonly ld: number;
}

const storageOf = (x: GemmOperand): StorageArray => (ArrayBuffer.isView(x) ? x : x.data);

/** Rows [start, start + rows) of a `cols`-wide operand into `view`, row-major. */
function loadRows(view: FloatArray, x: GemmOperand, start: number, rows: number, cols: number): void {
  if (ArrayBuffer.isView(x)) view.set(x.subarray(start * cols, (start + rows) * cols));
  else transposedCopy(view, x.data, x.offset + start, rows, cols, x.ld);
}

/**
 * out (batch × m × n) = a (batch × m × k) · b (batch × k × n), contiguous. `fmaOrder` asks for the float32 FMA
 * chain, otherwise products are summed in double. Returns false, having written nothing, where the module is
 * unavailable or does not cover the case; the caller then runs its own loop.
 */
export function wasmGemm(a: GemmOperand, b: GemmOperand, out: StorageArray, batch: number, m: number, k: number, n: number, fmaOrder: boolean): boolean {
  if (batch * m * n * k < MIN_WORK || m === 0 || n === 0) return false;
  // A transposed operand is one matrix; stacked problems come contiguous.
  if (batch > 1 && !(ArrayBuffer.isView(a) && ArrayBuffer.isView(b))) return false;
  const w = engineWasm();
  if (!w) return false;
  const as = storageOf(a);
  const bs = storageOf(b);
  const f32 = as instanceof Float32Array && bs instanceof Float32Array && out instanceof Float32Array;
  const f64 = as instanceof Float64Array && bs instanceof Float64Array && out instanceof Float64Array;
  if (fmaOrder ? !(f32 && w.fusedMadd) : !(f32 || f64)) return false;
  if (!fmaOrder && n === 1) return ArrayBuffer.isView(b) && gemv(w, a, b as FloatArray, out as FloatArray, batch, m, k, f32);
  if (!fmaOrder && f32) return false; // float32 data with a double sum and n > 1: not a case linalg.ts asks for
  const size = f32 ? 4 : 8;
  const np = Math.ceil(n / (f32 ? 8 : 4)) * (f32 ? 8 : 4);
  const bBytes = align(k * n * size);
  const packBytes = align(k * np * size);
  // Rows of A and C per block: as many as fit beside B and its panels.
  const rowBytes = (k + np) * size;
  const rows = Math.min(m, Math.floor((maxScratch() - bBytes - packBytes - 32) / rowBytes));
  if (rows < Math.min(m, 16)) return false;
  const aBytes = align(rows * k * size);
  if (!reserve(w, bBytes + packBytes + aBytes + align(rows * np * size))) return false;
  const bp = w.base;
  const pp = bp + bBytes;
  const ap = pp + packBytes;
  const cp = ap + aBytes;
  const buf = w.exports.memory.buffer;
  const View = f32 ? Float32Array : Float64Array;
  const bView = new View(buf, bp, k * n);
  const aView = new View(buf, ap, rows * k);
  const cView = new View(buf, cp, rows * np);
  const pack = f32 ? w.exports.packF32 : w.exports.packF64;
  const kernel = f32 ? w.exports.gemmF32Fma : w.exports.gemmF64;
  for (let p = 0; p < batch; p++) {
    loadRows(bView, b, p * k, k, n);
    pack(bp, pp, k, n);
    for (let i0 = 0; i0 < m; i0 += rows) {
      const mr = Math.min(rows, m - i0);
      loadRows(aView, a, p * m + i0, mr, k);
      kernel(ap, pp, cp, mr, k, n);
      const o = (p * m + i0) * n;
      if (np === n) out.set(mr === rows ? cView : cView.subarray(0, mr * n), o);
      else for (let i = 0; i < mr; i++) out.set(cView.subarray(i * np, i * np + n), o + i * n);
    }
  }
  return true;
}

/** Matrix × vector (and dot, m = 1): double sums, results rounded to the output's type on store. */
function gemv(w: EngineWasm, a: GemmOperand, v: FloatArray, out: FloatArray, batch: number, m: number, k: number, f32: boolean): boolean {
  const size = f32 ? 4 : 8;
  const vBytes = align(k * size);
  const rows = Math.min(m, Math.floor((maxScratch() - vBytes - 32) / (k * size + 8)));
  if (rows < Math.min(m, 8)) return false;
  const aBytes = align(rows * k * size);
  if (!reserve(w, vBytes + aBytes + rows * 8)) return false;
  const vp = w.base;
  const ap = vp + vBytes;
  const op = ap + aBytes;
  const buf = w.exports.memory.buffer;
  const View = f32 ? Float32Array : Float64Array;
  const vView = new View(buf, vp, k);
  const aView = new View(buf, ap, rows * k);
  const oView = new Float64Array(buf, op, rows);
  const kernel = f32 ? w.exports.gemvF32Double : w.exports.gemvF64;
  for (let p = 0; p < batch; p++) {
    vView.set(v.subarray(p * k, (p + 1) * k));
    for (let i0 = 0; i0 < m; i0 += rows) {
      const mr = Math.min(rows, m - i0);
      loadRows(aView, a, p * m + i0, mr, k);
      kernel(ap, vp, op, mr, k);
      out.set(mr === rows ? oView : oView.subarray(0, mr), p * m + i0);
    }
  }
  return true;
}

function reserve(w: EngineWasm, bytes: number): boolean {
  try {
    w.reserve(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * The float32 FMA-chain product C = A·B (m × k by k × n) with operands the caller writes straight into the
 * module's memory and a result it reads from there: a convolution writes its im2col columns into `b` and
 * folds or biases `c` in place, with no JavaScript copy of either. Each output is the same chain as
 * wasmGemm's, so the numbers are identical. The views stay valid until another kernel runs.
 */
export interface StreamedGemmF32 {
  /** m × k, row-major. */
  readonly a: Float32Array;
  /** k × n, row-major. */
  readonly b: Float32Array;
  /** m rows of `ldc` floats; row i's n results start at i·ldc. */
  readonly c: Float32Array;
  readonly ldc: number;
  /** Packs `b` (after each write to it) and computes `c`. */
  run(packB: boolean): void;
  /** The `extra` floats asked for beyond the operands (empty where none were). */
  readonly scratch: Float32Array;
  /**
   * Adds `c`'s rows, read as a stride-1 convolution's columns, onto `scratch` (channels planes of g.h × g.w):
   * assembly/col2im.ts's col2im.
   */
  col2im(channels: number, g: Col2imGeometry): void;
  /** Adds scratch[i] onto each of `c`'s first m rows' first n results (a bias, as a float32 `+` rounds it). */
  addRowBias(): void;
}

/** The window geometry col2im needs (convStreamed.ts's WindowGeometry with both strides 1). */
export interface Col2imGeometry {
  h: number; w: number; gh: number; gw: number; kh: number; kw: number; ph: number; pw: number; dh: number; dw: number;
}

/** A StreamedGemmF32 for these sizes, or null where the module, a fused madd, or the scratch space is missing. */
export function streamedGemmF32(m: number, k: number, n: number, extra = 0): StreamedGemmF32 | null {
  const w = engineWasm();
  if (!w || !w.fusedMadd || m === 0 || n === 0 || k === 0) return null;
  const np = Math.ceil(n / 8) * 8;
  const aBytes = align(m * k * 4);
  const bBytes = align(k * n * 4);
  const packBytes = align(k * np * 4);
  const cBytes = align(m * np * 4);
  const total = aBytes + bBytes + packBytes + cBytes + align(extra * 4);
  if (total > maxScratch() || !reserve(w, total)) return null;
  const ap = w.base;
  const bp = ap + aBytes;
  const pp = bp + bBytes;
  const cp = pp + packBytes;
  const sp = cp + cBytes;
  const buf = w.exports.memory.buffer;
  const { packF32, gemmF32Fma, col2imF32, addRowBiasF32 } = w.exports;
  return {
    a: new Float32Array(buf, ap, m * k),
    b: new Float32Array(buf, bp, k * n),
    c: new Float32Array(buf, cp, m * np),
    ldc: np,
    run(packB: boolean): void {
      if (packB) packF32(bp, pp, k, n);
      gemmF32Fma(ap, pp, cp, m, k, n);
    },
    scratch: new Float32Array(buf, sp, extra),
    col2im(channels: number, g: Col2imGeometry): void {
      col2imF32(cp, np, channels, g.h, g.w, g.gh, g.gw, g.kh, g.kw, g.ph, g.pw, g.dh, g.dw, sp);
    },
    addRowBias(): void {
      addRowBiasF32(cp, np, m, n, sp);
    },
  };
}
