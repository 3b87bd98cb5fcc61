/**
 * float32 convolutions (not transposed, one group) straight through the WebAssembly matmul: each image's im2col
 * columns are written into the kernel's own memory, the bias is added as the result is read out, and the
 * input's gradient is folded back (col2im) from the kernel's result. conv.ts's recorded-op formulas compute
 * the same products in the same chains and sums in the same orders, so the numbers are identical; this path
 * only skips the intermediate tensors and copies. conv.ts takes it outside create_graph, and keeps its own
 * formulas wherever this returns null (no module, no fused madd, other dtypes, a single output column).
 */
import { StorageArray } from '../dtype';
import { makeTensor, Tensor } from '../tensor';
import { streamedGemmF32 } from '../wasm/matmul';
import { sum } from './reduce';
import { reshape, transpose } from './views';

/**
 * Where a kernel window sits: the image (h, w), the grid of window positions (gh, gw), and per axis the
 * kernel size, stride, dilation and the padding before the first row/column (after-padding is implied by the
 * grid size, which lets `padding='same'` pad unevenly as PyTorch does).
 */
export interface WindowGeometry {
  h: number; w: number; gh: number; gw: number;
  kh: number; kw: number; sh: number; sw: number; dh: number; dw: number; ph: number; pw: number;
}

/** The window positions ow in [lo, hi) whose column `ow*s - p + k*d` falls inside an axis of `size`. */
export function insideRange(grid: number, size: number, s: number, p: number, kd: number): [number, number] {
  // ow*s + off in [0, size): ow >= ceil(-off/s), ow <= floor((size-1-off)/s).
  const off = kd - p;
  const lo = Math.max(0, Math.ceil(-off / s));
  const hi = Math.min(grid, Math.floor((size - 1 - off) / s) + 1);
  return [lo, Math.max(lo, hi)];
}

/**
 * One image's columns: dst[(c, ki, kj), (oh, ow)] = src[at + c·h·w + (oh·sh - ph + ki·dh)·w + ow·sw - pw + kj·dw],
 * 0 outside the image (dst is reused memory, so the zeros are written too).
 */
function im2colImage(src: StorageArray, at: number, channels: number, g: WindowGeometry, dst: Float32Array): void {
  const L = g.gh * g.gw;
  dst.fill(0, 0, channels * g.kh * g.kw * L);
  if (g.sh === 1 && g.sw === 1 && g.gw === g.w && src instanceof Float32Array) {
    im2colShifted(src, at, channels, g, dst);
    return;
  }
  for (let ch = 0; ch < channels; ch++) {
    const plane = at + ch * g.h * g.w;
    for (let ki = 0; ki < g.kh; ki++) for (let kj = 0; kj < g.kw; kj++) {
      const [lo, hi] = insideRange(g.gw, g.w, g.sw, g.pw, kj * g.dw);
      const rowStart = ((ch * g.kh + ki) * g.kw + kj) * L;
      for (let oh = 0; oh < g.gh; oh++) {
        const ih = oh * g.sh - g.ph + ki * g.dh;
        if (ih < 0 || ih >= g.h) continue;
        const colAt = rowStart + oh * g.gw;
        let p = plane + ih * g.w + kj * g.dw - g.pw + lo * g.sw;
        for (let ow = lo; ow < hi; ow++, p += g.sw) dst[colAt + ow] = src[p];
      }
    }
  }
}

/**
 * im2colImage where the windows step by one and the grid is as wide as the image ('same' padding): each
 * (channel, kernel offset) row of columns is the image plane shifted, so its in-image rows are one block copy,
 * after which the elements that wrapped into a neighbouring image row are set back to 0.
 */
function im2colShifted(src: Float32Array, at: number, channels: number, g: WindowGeometry, dst: Float32Array): void {
  const w = g.w;
  const L = g.gh * w;
  for (let ch = 0; ch < channels; ch++) {
    const plane = at + ch * g.h * w;
    for (let ki = 0; ki < g.kh; ki++) {
      // Output rows oh whose image row oh - ph + ki·dh lies inside the image.
      const shiftH = ki * g.dh - g.ph;
      const oh0 = Math.max(0, -shiftH);
      const oh1 = Math.min(g.gh, g.h - shiftH);
      if (oh1 <= oh0) continue;
      for (let kj = 0; kj < g.kw; kj++) {
        const shiftW = kj * g.dw - g.pw;
        const [lo, hi] = insideRange(w, w, 1, g.pw, kj * g.dw);
        if (hi <= lo) continue;
        const rowStart = ((ch * g.kh + ki) * g.kw + kj) * L;
        // From the first row's first in-image element to the last row's last one: reads stay in the plane.
        const first = oh0 * w + lo;
        const end = (oh1 - 1) * w + hi;
        const from = plane + (oh0 + shiftH) * w + lo + shiftW;
        dst.set(src.subarray(from, from + end - first), rowStart + first);
        for (let oh = oh0; oh < oh1 - 1; oh++) {
          const r = rowStart + oh * w;
          for (let j = hi; j < w; j++) dst[r + j] = 0;
          for (let j = 0; j < lo; j++) dst[r + w + j] = 0;
        }
      }
    }
  }
}

/** One image's col2im: rows of `cols` (row stride ld) added onto acc's image at `at`, in conv.ts's col2im order. */
function col2imImage(cols: Float32Array, ld: number, channels: number, g: WindowGeometry, acc: Float32Array, at: number): void {
  for (let ch = 0; ch < channels; ch++) {
    const plane = at + ch * g.h * g.w;
    for (let ki = 0; ki < g.kh; ki++) for (let kj = 0; kj < g.kw; kj++) {
      const [lo, hi] = insideRange(g.gw, g.w, g.sw, g.pw, kj * g.dw);
      const rowStart = ((ch * g.kh + ki) * g.kw + kj) * ld;
      for (let oh = 0; oh < g.gh; oh++) {
        const ih = oh * g.sh - g.ph + ki * g.dh;
        if (ih < 0 || ih >= g.h) continue;
        const colAt = rowStart + oh * g.gw;
        let p = plane + ih * g.w + kj * g.dw - g.pw + lo * g.sw;
        for (let ow = lo; ow < hi; ow++, p += g.sw) acc[p] += cols[colAt + ow];
      }
    }
  }
}

/** Whether a convolution of these operands may take this path (float32, one group, not transposed). */
export function streamable(x: Tensor, w: Tensor, b: Tensor | null, transposed: boolean, groups: number): boolean {
  return !transposed && groups === 1 && x.dtype === 'float32' && w.dtype === 'float32' && (b === null || b.dtype === 'float32');
}

/**
 * The convolution's output [N, O, gh·gw] values: W (O × K) times each image's columns (K × L), the bias added
 * to the rounded product as `add` would. Null where the kernel cannot run it (conv.ts's path then does).
 */
export function convForwardStreamed(x: Tensor, w: Tensor, b: Tensor | null, g: WindowGeometry): Float32Array | null {
  const n = x.shape[0];
  const cin = x.shape[1];
  const cout = w.shape[0];
  const K = cin * g.kh * g.kw;
  const L = g.gh * g.gw;
  // A single output column is a matrix-vector product, which conv.ts's matmul sums in double.
  if (L < 2) return null;
  // The bias waits in the module's scratch and is added there, before each row is copied out.
  const s = streamedGemmF32(cout, K, L, b === null ? 0 : cout);
  if (s === null) return null;
  s.a.set(w.values(true) as Float32Array);
  const xv = x.values(true);
  if (b !== null) s.scratch.set(b.values(true));
  const out = new Float32Array(n * cout * L);
  const c = s.c;
  const ld = s.ldc;
  for (let img = 0; img < n; img++) {
    im2colImage(xv, img * cin * g.h * g.w, cin, g, s.b);
    s.run(true);
    if (b !== null) s.addRowBias();
    if (ld === L) out.set(c.subarray(0, cout * L), img * cout * L);
    else for (let o = 0; o < cout; o++) out.set(c.subarray(o * ld, o * ld + L), (img * cout + o) * L);
  }
  return out;
}

/**
 * ConvolutionBackward0's input and weight gradients (bias is conv.ts's): the input's as Wᵀ·g folded back per
 * image, the weight's as each image's columns times gᵀ, summed over the batch by `sum` as conv.ts sums its
 * stacked products. Null where the kernel cannot run them.
 */
export function convBackwardStreamed(
  grad: Tensor, x: Tensor, w: Tensor, g: WindowGeometry, needX: boolean, needW: boolean,
): { gx: Tensor | null; gw: Tensor | null } | null {
  const n = x.shape[0];
  const cin = x.shape[1];
  const cout = w.shape[0];
  const K = cin * g.kh * g.kw;
  const L = g.gh * g.gw;
  // Single-column products are matrix-vector products in conv.ts's matmul (double sums).
  if (grad.dtype !== 'float32' || L < 2 || (needW && cout < 2)) return null;
  const gv = grad.values(true);
  let gx: Tensor | null = null;
  if (needX) {
    // Windows that step by one fold back inside the module, into its scratch image.
    const image = cin * g.h * g.w;
    const inModule = g.sh === 1 && g.sw === 1;
    const s = streamedGemmF32(K, cout, L, inModule ? image : 0);
    if (s === null) return null;
    const wv = w.values(true);
    for (let o = 0; o < cout; o++) for (let q = 0; q < K; q++) s.a[q * cout + o] = wv[o * K + q];
    const acc = new Float32Array(x.numel);
    for (let img = 0; img < n; img++) {
      s.b.set(gv.subarray(img * cout * L, (img + 1) * cout * L));
      s.run(true);
      if (inModule) {
        s.scratch.fill(0);
        s.col2im(cin, g);
        acc.set(s.scratch, img * image);
      } else col2imImage(s.c, s.ldc, cin, g, acc, img * image);
    }
    gx = makeTensor(acc, x.shape.slice(), 'float32');
  }
  let gw: Tensor | null = null;
  if (needW) {
    const s = streamedGemmF32(K, L, cout);
    if (s === null) return null;
    const xv = x.values(true);
    const stack = new Float32Array(n * K * cout);
    const c = s.c;
    const ld = s.ldc;
    for (let img = 0; img < n; img++) {
      im2colImage(xv, img * cin * g.h * g.w, cin, g, s.a);
      const b = s.b;
      const gb = img * cout * L;
      for (let o = 0; o < cout; o++) for (let l = 0; l < L; l++) b[l * cout + o] = gv[gb + o * L + l];
      s.run(true);
      for (let q = 0; q < K; q++) stack.set(c.subarray(q * ld, q * ld + cout), (img * K + q) * cout);
    }
    const products = makeTensor(stack, [n, 1, K, cout], 'float32');
    gw = reshape(transpose(sum(products, 0), 1, 2), w.shape.slice());
  }
  return { gx, gw };
}
