// AssemblyScript (see matmul.ts's header). float32 exp and sigmoid as PyTorch's CPU kernels compute them on
// x86: exp is SLEEF's 1-ulp expf (a Cody–Waite reduction by ln 2 and a degree-5 polynomial, every step a fused
// multiply-add), which PyTorch runs on every float32 element whatever the layout; sigmoid's vector loop is
// 1 / (1 + expf(-x)) on those lanes with each step rounded to float32. The constants are the algorithm's
// published coefficients; ../../expf.ts computes the same numbers in JavaScript and says which elements PyTorch
// sends down the vector path. relaxed_madd must fuse here: the loader checks, and the JavaScript path runs
// wherever it does not.

const R_LN2: f32 = 1.442695040888963407359924681001892137426645954152985934135449406931;
const L2U: f32 = 0.693145751953125;
const L2L: f32 = 1.428606765330187045e-6;

@inline
function madd(a: v128, b: v128, c: v128): v128 {
  return f32x4.relaxed_madd(a, b, c);
}

/** 2^e for e in [-126, 127], as the float32 whose exponent field is e + 127. */
@inline
function pow2(e: v128): v128 {
  return i32x4.shl(i32x4.add(e, i32x4.splat(127)), 23);
}

/** 1.5 · 2^23: adding it rounds a float32 of magnitude under 2^22 to an integer, ties to even, in its low bits. */
const ROUNDER: f32 = 12582912;

@inline
function expLanes(d: v128): v128 {
  // q = rint(d / ln 2) as the vector conversion rounds it (to nearest, ties to even); outside (-104, 100],
  // where q would be meaningless, the result is replaced below.
  const t = f32x4.add(f32x4.mul(d, f32x4.splat(R_LN2)), f32x4.splat(ROUNDER));
  const q = i32x4.sub(t, i32x4.splat(0x4b400000));
  const qf = f32x4.sub(t, f32x4.splat(ROUNDER));
  let s = madd(qf, f32x4.splat(-L2U), d);
  s = madd(qf, f32x4.splat(-L2L), s);
  let u = f32x4.splat(0.000198527617612853646278381);
  u = madd(u, s, f32x4.splat(0.00139304355252534151077271));
  u = madd(u, s, f32x4.splat(0.00833336077630519866943359));
  u = madd(u, s, f32x4.splat(0.0416664853692054748535156));
  u = madd(u, s, f32x4.splat(0.166666671633720397949219));
  u = madd(u, s, f32x4.splat(0.5));
  u = f32x4.add(f32x4.splat(1), madd(f32x4.mul(s, s), u, s));
  // The scale by 2^q in two halves, so that neither factor leaves float32's normal range.
  const h = i32x4.shr_s(q, 1);
  u = f32x4.mul(f32x4.mul(u, pow2(h)), pow2(i32x4.sub(q, h)));
  // A NaN has run through the arithmetic as NaN; infinities and the ends of the range are set here.
  u = v128.andnot(u, f32x4.lt(d, f32x4.splat(-104)));
  return v128.bitselect(f32x4.splat(Infinity), u, f32x4.gt(d, f32x4.splat(100)));
}

/** out[i] = expf(x[i]) for i < n; reads and writes whole groups of eight (the caller's buffers are padded). */
export function expF32(x: usize, out: usize, n: i32): void {
  for (let i = 0; i < n; i += 8) {
    const o = <usize>i << 2;
    const a = expLanes(v128.load(x + o));
    const b = expLanes(v128.load(x + o + 16));
    v128.store(out + o, a);
    v128.store(out + o + 16, b);
  }
}

/** out[i] = 1 / (1 + expf(-x[i])), each step rounded to float32, for i < n (in groups of eight). */
export function sigmoidF32(x: usize, out: usize, n: i32): void {
  const one = f32x4.splat(1);
  for (let i = 0; i < n; i += 8) {
    const o = <usize>i << 2;
    const a = expLanes(f32x4.neg(v128.load(x + o)));
    const b = expLanes(f32x4.neg(v128.load(x + o + 16)));
    v128.store(out + o, f32x4.div(one, f32x4.add(one, a)));
    v128.store(out + o + 16, f32x4.div(one, f32x4.add(one, b)));
  }
}

/** out[i] = x[i] / (1 + expf(-x[i])) (SiLU), each step rounded to float32, for i < n (in groups of eight). */
export function siluF32(x: usize, out: usize, n: i32): void {
  const one = f32x4.splat(1);
  for (let i = 0; i < n; i += 8) {
    const o = <usize>i << 2;
    const xa = v128.load(x + o);
    const xb = v128.load(x + o + 16);
    const a = expLanes(f32x4.neg(xa));
    const b = expLanes(f32x4.neg(xb));
    v128.store(out + o, f32x4.div(xa, f32x4.add(one, a)));
    v128.store(out + o + 16, f32x4.div(xb, f32x4.add(one, b)));
  }
}

// ---- tanh: SLEEF's 1-ulp tanhf, (e^y - e^-y) / (e^y + e^-y) for y = |x| in float32 pairs (a value and its
// rounding error), e^y from a pair-precision reduction and polynomial; every product-and-add fused ----

/** x·y − z, rounded once. */
@inline
function fms(x: v128, y: v128, z: v128): v128 {
  return madd(x, y, f32x4.neg(z));
}

/** z − x·y, rounded once. */
@inline
function fnma(x: v128, y: v128, z: v128): v128 {
  return madd(f32x4.neg(x), y, z);
}

/** d · 2^q in two halves, as SLEEF scales. */
@inline
function scale2(d: v128, q: v128): v128 {
  const h = i32x4.shr_s(q, 1);
  return f32x4.mul(f32x4.mul(d, pow2(h)), pow2(i32x4.sub(q, h)));
}

@inline
function tanhLanes(x: v128): v128 {
  const y = f32x4.abs(x);
  const zero = f32x4.splat(0);
  const one = f32x4.splat(1);
  // e^y as a pair (dx, dy): q = rint(y / ln 2), s = y − q·ln 2 as a pair.
  const t0 = f32x4.add(f32x4.mul(y, f32x4.splat(R_LN2)), f32x4.splat(ROUNDER));
  const q = i32x4.sub(t0, i32x4.splat(0x4b400000));
  const qf = f32x4.sub(t0, f32x4.splat(ROUNDER));
  const a = f32x4.mul(qf, f32x4.splat(-L2U));
  let sx = f32x4.add(y, a);
  let v = f32x4.sub(sx, y);
  let sy = f32x4.add(f32x4.add(f32x4.sub(y, f32x4.sub(sx, v)), f32x4.sub(a, v)), zero);
  const b = f32x4.mul(qf, f32x4.splat(-L2L));
  let rx = f32x4.add(sx, b);
  v = f32x4.sub(rx, sx);
  sy = f32x4.add(f32x4.add(f32x4.sub(sx, f32x4.sub(rx, v)), f32x4.sub(b, v)), sy);
  sx = rx;
  let u = f32x4.splat(0.1980960224e-3);
  u = madd(u, sx, f32x4.splat(0.1394256484e-2));
  u = madd(u, sx, f32x4.splat(0.8333456703e-2));
  u = madd(u, sx, f32x4.splat(0.4166637361e-1));
  // t = s·u + 1/6
  let mx = f32x4.mul(sx, u);
  let my = madd(sy, u, fms(sx, u, mx));
  const c6 = f32x4.splat(0.16666665941423425);
  let tx = f32x4.add(mx, c6);
  v = f32x4.sub(tx, mx);
  let ty = f32x4.add(f32x4.add(f32x4.sub(mx, f32x4.sub(tx, v)), f32x4.sub(c6, v)), my);
  // t = s·t + 1/2
  mx = f32x4.mul(sx, tx);
  my = madd(sx, ty, madd(sy, tx, fms(sx, tx, mx)));
  const half = f32x4.splat(0.5);
  tx = f32x4.add(mx, half);
  v = f32x4.sub(tx, mx);
  ty = f32x4.add(f32x4.add(f32x4.sub(mx, f32x4.sub(tx, v)), f32x4.sub(half, v)), my);
  // t = s + s²·t
  const qx = f32x4.mul(sx, sx);
  const qy = madd(f32x4.add(sx, sx), sy, fms(sx, sx, qx));
  mx = f32x4.mul(qx, tx);
  my = madd(qx, ty, madd(qy, tx, fms(qx, tx, mx)));
  rx = f32x4.add(sx, mx);
  v = f32x4.sub(rx, sx);
  ty = f32x4.add(f32x4.add(f32x4.sub(sx, f32x4.sub(rx, v)), f32x4.sub(mx, v)), f32x4.add(sy, my));
  tx = rx;
  // e^y = 1 + t, scaled by 2^q
  rx = f32x4.add(one, tx);
  const ry = f32x4.add(f32x4.add(f32x4.sub(one, rx), tx), ty);
  const dx = scale2(rx, q);
  const dy = scale2(ry, q);
  // e^-y = 1 / e^y as a pair
  const ex = f32x4.div(one, dx);
  const ey = f32x4.mul(ex, fnma(dy, ex, fnma(dx, ex, one)));
  // (e^y − e^-y) and (e^y + e^-y) as pairs
  const nx = f32x4.sub(dx, ex);
  const ny = f32x4.sub(f32x4.add(f32x4.sub(f32x4.sub(dx, nx), ex), dy), ey);
  const wx = f32x4.add(dx, ex);
  const wy = f32x4.add(f32x4.add(f32x4.add(f32x4.sub(dx, wx), ex), dy), ey);
  // their quotient as a pair, then its sum
  const r = f32x4.div(one, wx);
  const zx = f32x4.mul(nx, r);
  const w = fms(r, nx, zx);
  const zy = madd(zx, fnma(wy, r, fnma(wx, r, one)), madd(ny, r, w));
  let res = f32x4.add(zx, zy);
  res = v128.bitselect(one, res, v128.or(f32x4.gt(y, f32x4.splat(8.664339742)), f32x4.ne(res, res)));
  res = v128.xor(res, v128.and(x, f32x4.splat(-0.0)));
  return v128.bitselect(x, res, f32x4.ne(x, x));
}

/** out[i] = tanhf(x[i]) for i < n (in groups of four). */
export function tanhF32(x: usize, out: usize, n: i32): void {
  for (let i = 0; i < n; i += 4) {
    const o = <usize>i << 2;
    v128.store(out + o, tanhLanes(v128.load(x + o)));
  }
}
