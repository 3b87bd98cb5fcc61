/**
 * float32 exp, sigmoid and SiLU with PyTorch's CPU rounding. PyTorch computes a float32 exp with SLEEF's 1-ulp
 * expf on every element, whatever the layout, so about one result in ten differs in its last bit from the
 * correctly rounded exp that Math.exp gives. Its sigmoid runs 1 / (1 + exp(-x)) in float32 steps, and SiLU
 * x / (1 + exp(-x)): on the vector path (whole blocks of 16 elements from the start of each contiguous inner
 * run) with that expf, on the rest with the C library's expf, which rounds correctly. Measured against PyTorch
 * 1.13 on AVX2 (test/fixtures/expf.json): identical bits. The WebAssembly kernels (wasm/assembly/expf.ts)
 * compute the same numbers four lanes at a time.
 */
import { StorageArray } from './dtype';
import { fmaf } from './random/libm';
import { forEachRow } from './rows';
import { Tensor } from './tensor';
import { wasmExpF32 } from './wasm/expf';

const R_LN2 = Math.fround(1.4426950408889634);
const L2U = Math.fround(0.693145751953125);
const L2L = Math.fround(1.428606765330187e-6);
const C0 = Math.fround(0.000198527617612853646278381);
const C1 = Math.fround(0.00139304355252534151077271);
const C2 = Math.fround(0.00833336077630519866943359);
const C3 = Math.fround(0.0416664853692054748535156);
const C4 = Math.fround(0.166666671633720397949219);
const T0 = Math.fround(0.1980960224e-3);
const T1 = Math.fround(0.1394256484e-2);
const T2 = Math.fround(0.8333456703e-2);
const T3 = Math.fround(0.4166637361e-1);
const T4 = Math.fround(0.16666665941423425);

/** Round half to even, as the vector conversion to integers rounds. */
function rintEven(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** SLEEF's expf (1 ulp) of a float32 value, as PyTorch's vector kernels compute it with FMA. */
export function expf(d: number): number {
  if (d !== d) return d;
  if (d > 100) return Infinity;
  if (d < -104) return 0;
  const q = rintEven(Math.fround(d * R_LN2));
  let s = fmaf(q, -L2U, d);
  s = fmaf(q, -L2L, s);
  let u = fmaf(C0, s, C1);
  u = fmaf(u, s, C2);
  u = fmaf(u, s, C3);
  u = fmaf(u, s, C4);
  u = fmaf(u, s, 0.5);
  u = Math.fround(1 + fmaf(Math.fround(s * s), u, s));
  const h = q >> 1;
  return Math.fround(Math.fround(u * 2 ** h) * 2 ** (q - h));
}

const f = Math.fround;

/** d · 2^q in two halves, as SLEEF scales. */
function scale2(d: number, q: number): number {
  const h = q >> 1;
  return f(f(d * 2 ** h) * 2 ** (q - h));
}

/**
 * SLEEF's tanhf (1 ulp), as PyTorch computes every float32 tanh: (e^y − e^-y) / (e^y + e^-y) for y = |x| in
 * float32 pairs (a value and its rounding error), e^y from a pair-precision reduction by ln 2 and polynomial.
 */
export function tanhf(x: number): number {
  if (x !== x) return x;
  const y = Math.abs(x);
  if (y > 8.664339742) return x > 0 ? 1 : -1;
  const q = rintEven(f(y * R_LN2));
  // s = y − q·ln 2 as a pair (sx, sy)
  const a = f(q * -L2U);
  let sx = f(y + a);
  let v = f(sx - y);
  let sy = f(f(f(y - f(sx - v)) + f(a - v)) + 0);
  const b = f(q * -L2L);
  let rx = f(sx + b);
  v = f(rx - sx);
  sy = f(f(f(sx - f(rx - v)) + f(b - v)) + sy);
  sx = rx;
  let u = fmaf(T0, sx, T1);
  u = fmaf(u, sx, T2);
  u = fmaf(u, sx, T3);
  // t = s·u + 1/6
  let mx = f(sx * u);
  let my = fmaf(sy, u, fmaf(sx, u, -mx));
  let tx = f(mx + T4);
  v = f(tx - mx);
  let ty = f(f(f(mx - f(tx - v)) + f(T4 - v)) + my);
  // t = s·t + 1/2
  mx = f(sx * tx);
  my = fmaf(sx, ty, fmaf(sy, tx, fmaf(sx, tx, -mx)));
  tx = f(mx + 0.5);
  v = f(tx - mx);
  ty = f(f(f(mx - f(tx - v)) + f(0.5 - v)) + my);
  // t = s + s²·t
  const qx = f(sx * sx);
  const qy = fmaf(f(sx + sx), sy, fmaf(sx, sx, -qx));
  mx = f(qx * tx);
  my = fmaf(qx, ty, fmaf(qy, tx, fmaf(qx, tx, -mx)));
  rx = f(sx + mx);
  v = f(rx - sx);
  ty = f(f(f(sx - f(rx - v)) + f(mx - v)) + f(sy + my));
  tx = rx;
  // e^y = 1 + t, scaled by 2^q; e^-y its reciprocal as a pair
  rx = f(1 + tx);
  const dx = scale2(rx, q);
  const dy = scale2(f(f(f(1 - rx) + tx) + ty), q);
  const ex = f(1 / dx);
  const ey = f(ex * fmaf(-dy, ex, fmaf(-dx, ex, 1)));
  const nx = f(dx - ex);
  const ny = f(f(f(f(dx - nx) - ex) + dy) - ey);
  const wx = f(dx + ex);
  const wy = f(f(f(f(dx - wx) + ex) + dy) + ey);
  const r = f(1 / wx);
  const zx = f(nx * r);
  const w = fmaf(r, nx, -zx);
  const zy = fmaf(zx, fmaf(-wy, r, fmaf(-wx, r, 1)), fmaf(ny, r, w));
  const res = f(zx + zy);
  return x < 0 || Object.is(x, -0) ? -res : res;
}

/**
 * A function PyTorch's cpu_kernel_vec computes two ways: `vector` on its vector path (SLEEF's expf), `scalar` on
 * its scalar loop (the C library's expf, correctly rounded); each step rounded to float32.
 */
interface TwoPaths {
  kernel: 'sigmoid' | 'silu';
  vector(x: number): number;
  scalar(x: number): number;
}

const SIGMOID: TwoPaths = {
  kernel: 'sigmoid',
  vector: (x) => Math.fround(1 / Math.fround(1 + expf(-x))),
  scalar: (x) => Math.fround(1 / Math.fround(1 + Math.fround(Math.exp(-x)))),
};

const SILU: TwoPaths = {
  kernel: 'silu',
  vector: (x) => Math.fround(x / Math.fround(1 + expf(-x))),
  scalar: (x) => Math.fround(x / Math.fround(1 + Math.fround(Math.exp(-x)))),
};

/** o[oo + i] = expf(src[off + i]) for i < n. */
function expInto(o: Float32Array, oo: number, src: StorageArray, off: number, n: number): void {
  if (wasmExpF32('exp', o, oo, src, off, n)) return;
  for (let i = 0; i < n; i++) o[oo + i] = expf(Math.fround(src[off + i]));
}

/** `f` over a contiguous run: whole blocks of 16 from its start on the vector path, the rest on the scalar one. */
function twoPathRun(f: TwoPaths, o: Float32Array, oo: number, src: StorageArray, off: number, n: number): void {
  const vector = n - (n % 16);
  if (!wasmExpF32(f.kernel, o, oo, src, off, vector)) {
    for (let i = 0; i < vector; i++) o[oo + i] = f.vector(Math.fround(src[off + i]));
  }
  for (let i = vector; i < n; i++) o[oo + i] = f.scalar(Math.fround(src[off + i]));
}

/** The elements of `t` in row-major order as float32 values (a view of the storage where it already is one). */
function float32Run(t: Tensor): { src: StorageArray; off: number } {
  if (t.isContiguous()) return { src: t.data, off: t.offset };
  return { src: t.values(), off: 0 };
}

/** exp of `t` as a float32 result, PyTorch's rounding. */
export function expFloat32(t: Tensor): Float32Array {
  const { src, off } = float32Run(t);
  const o = new Float32Array(t.numel);
  expInto(o, 0, src, off, o.length);
  return o;
}

/** tanh of `t` as a float32 result, PyTorch's rounding (SLEEF's tanhf on every element, whatever the layout). */
export function tanhFloat32(t: Tensor): Float32Array {
  const { src, off } = float32Run(t);
  const o = new Float32Array(t.numel);
  if (!wasmExpF32('tanh', o, 0, src, off, o.length)) for (let i = 0; i < o.length; i++) o[i] = tanhf(Math.fround(src[off + i]));
  return o;
}

/**
 * Dimensions of `t` sorted from the largest stride down, when they cover a block of storage with no gap and no
 * overlap (a transposed or permuted contiguous tensor): PyTorch gives such an input's result the same layout
 * and walks both in storage order.
 */
function denseBlock(t: Tensor): boolean {
  const dims = t.shape.map((size, d) => ({ size, stride: t.strides[d] })).filter((x) => x.size !== 1);
  dims.sort((a, b) => b.stride - a.stride);
  let expected = 1;
  for (let i = dims.length - 1; i >= 0; i--) {
    if (dims[i].stride !== expected) return false;
    expected *= dims[i].size;
  }
  return true;
}

/** `f` of `t` as a float32 result, with the vector and scalar paths PyTorch's layout gives each element. */
function twoPathFloat32(f: TwoPaths, t: Tensor): Float32Array {
  const n = t.numel;
  const o = new Float32Array(n);
  if (t.isContiguous()) {
    twoPathRun(f, o, 0, t.data, t.offset, n);
    return o;
  }
  const src = t.data;
  if (denseBlock(t)) {
    const block = new Float32Array(n);
    twoPathRun(f, block, 0, src, t.offset, n);
    const base = t.offset;
    forEachRow(t.shape, t.strides, t.offset, (p, i, len, step) => {
      for (let k = 0; k < len; k++, p += step) o[i + k] = block[p - base];
    });
    return o;
  }
  // Otherwise each innermost run is a loop of its own: contiguous or one repeated value (a broadcast), it takes
  // the vector path in blocks of 16; any other stride, the scalar path.
  forEachRow(t.shape, t.strides, t.offset, (p, i, len, step) => {
    if (step === 1) {
      twoPathRun(f, o, i, src, p, len);
    } else if (step === 0) {
      const x = Math.fround(src[p]);
      const vector = len - (len % 16);
      o.fill(f.vector(x), i, i + vector);
      o.fill(f.scalar(x), i + vector, i + len);
    } else {
      for (let k = 0; k < len; k++, p += step) o[i + k] = f.scalar(Math.fround(src[p]));
    }
  });
  return o;
}

/** sigmoid, 1 / (1 + exp(-x)), of `t` as a float32 result with PyTorch's rounding. */
export function sigmoidFloat32(t: Tensor): Float32Array {
  return twoPathFloat32(SIGMOID, t);
}

/** SiLU, x / (1 + exp(-x)), of `t` as a float32 result with PyTorch's rounding. */
export function siluFloat32(t: Tensor): Float32Array {
  return twoPathFloat32(SILU, t);
}
