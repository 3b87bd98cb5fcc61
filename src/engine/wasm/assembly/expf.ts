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
