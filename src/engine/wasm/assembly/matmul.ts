// AssemblyScript, compiled by scripts/wasm.mjs into the engine's WebAssembly module (not TypeScript: the root
// tsconfig and eslint leave this folder out). Matrix products whose rounding must equal the engine's JS loops
// bit for bit: every output is still one sequential chain over k; the SIMD lanes are different output
// columns, never parts of one sum. Pointers are byte offsets into this module's memory, laid out by
// ../matmul.ts; matrices are row-major and contiguous.

/** Rows and columns of C held in registers per micro-kernel call (float32: 4 × 8 = eight f32x4 accumulators). */
const MR: i32 = 4;
const NR32: i32 = 8;
const NR64: i32 = 4;
/** k is walked in blocks of KC so the B panel being read stays in L1; accumulators carry across blocks through C. */
const KC: i32 = 256;

/** Copies B (k × n, row-major) into panels of `nr` columns, each k × nr contiguous, zero-padded on the right. */
function packB(b: usize, pack: usize, k: i32, n: i32, nr: i32, size: i32): void {
  const panels = (n + nr - 1) / nr;
  for (let p = 0; p < panels; p++) {
    const j0 = p * nr;
    const w = min(nr, n - j0);
    let dst = pack + <usize>(p * k * nr) * size;
    for (let q = 0; q < k; q++) {
      const src = b + <usize>(q * n + j0) * size;
      if (w === nr && nr * size === 32) {
        // Two vector moves: memory.copy of 32 bytes is a call into the runtime per row, as slow as the product.
        v128.store(dst, v128.load(src));
        v128.store(dst, v128.load(src, 16), 16);
      } else if (w === nr) {
        memory.copy(dst, src, <usize>(nr * size));
      } else {
        memory.copy(dst, src, <usize>(w * size));
        memory.fill(dst + <usize>(w * size), 0, <usize>((nr - w) * size));
      }
      dst += <usize>(nr * size);
    }
  }
}

// ---- float32: each output is fmaf(a[i,q], b[q,j], acc) for q = 0 … k-1, as PyTorch's sgemm rounds ----

/** Four rows × eight columns over k in [q0, q1); `a` points at row i's element q0, `c` at C[i, j0] (row stride ldc). */
@inline
function kernelF32x4(a: usize, lda: usize, bp: usize, c: usize, ldc: usize, len: i32, first: bool): void {
  let c00 = f32x4.splat(0), c01 = f32x4.splat(0), c10 = f32x4.splat(0), c11 = f32x4.splat(0);
  let c20 = f32x4.splat(0), c21 = f32x4.splat(0), c30 = f32x4.splat(0), c31 = f32x4.splat(0);
  if (!first) {
    c00 = v128.load(c); c01 = v128.load(c, 16);
    c10 = v128.load(c + ldc); c11 = v128.load(c + ldc, 16);
    c20 = v128.load(c + 2 * ldc); c21 = v128.load(c + 2 * ldc, 16);
    c30 = v128.load(c + 3 * ldc); c31 = v128.load(c + 3 * ldc, 16);
  }
  const a1 = a + lda;
  const a2 = a + 2 * lda;
  const a3 = a + 3 * lda;
  for (let q = 0; q < len; q++) {
    const o = <usize>q << 2;
    const b0 = v128.load(bp);
    const b1 = v128.load(bp, 16);
    bp += 32;
    let x = f32x4.splat(load<f32>(a + o));
    c00 = f32x4.relaxed_madd(x, b0, c00); c01 = f32x4.relaxed_madd(x, b1, c01);
    x = f32x4.splat(load<f32>(a1 + o));
    c10 = f32x4.relaxed_madd(x, b0, c10); c11 = f32x4.relaxed_madd(x, b1, c11);
    x = f32x4.splat(load<f32>(a2 + o));
    c20 = f32x4.relaxed_madd(x, b0, c20); c21 = f32x4.relaxed_madd(x, b1, c21);
    x = f32x4.splat(load<f32>(a3 + o));
    c30 = f32x4.relaxed_madd(x, b0, c30); c31 = f32x4.relaxed_madd(x, b1, c31);
  }
  v128.store(c, c00); v128.store(c, c01, 16);
  v128.store(c + ldc, c10); v128.store(c + ldc, c11, 16);
  v128.store(c + 2 * ldc, c20); v128.store(c + 2 * ldc, c21, 16);
  v128.store(c + 3 * ldc, c30); v128.store(c + 3 * ldc, c31, 16);
}

@inline
function kernelF32x1(a: usize, bp: usize, c: usize, len: i32, first: bool): void {
  let c0 = f32x4.splat(0), c1 = f32x4.splat(0);
  if (!first) { c0 = v128.load(c); c1 = v128.load(c, 16); }
  for (let q = 0; q < len; q++) {
    const x = f32x4.splat(load<f32>(a + (<usize>q << 2)));
    c0 = f32x4.relaxed_madd(x, v128.load(bp), c0);
    c1 = f32x4.relaxed_madd(x, v128.load(bp, 16), c1);
    bp += 32;
  }
  v128.store(c, c0); v128.store(c, c1, 16);
}

/** B (k × n) into the float32 kernels' panels at `pack` (ceil(n/8)·8·k floats). */
export function packF32(b: usize, pack: usize, k: i32, n: i32): void {
  packB(b, pack, k, n, NR32, 4);
}

/**
 * C (m × ceil(n/8)·8, row-major, the padding columns discarded by the caller) = A (m × k) · B, float32, one fused
 * multiply-add per step; B packed by packF32.
 */
export function gemmF32Fma(a: usize, pack: usize, c: usize, m: i32, k: i32, n: i32): void {
  const panels = (n + NR32 - 1) / NR32;
  const ldc = <usize>(panels * NR32) << 2;
  const lda = <usize>k << 2;
  if (k === 0) {
    memory.fill(c, 0, <usize>m * ldc);
    return;
  }
  for (let q0 = 0; q0 < k; q0 += KC) {
    const len = min(KC, k - q0);
    const first = q0 === 0;
    for (let p = 0; p < panels; p++) {
      const bp = pack + (<usize>(p * k + q0) * NR32 << 2);
      const cp = c + (<usize>(p * NR32) << 2);
      const ap = a + (<usize>q0 << 2);
      let i = 0;
      for (; i + MR <= m; i += MR) kernelF32x4(ap + <usize>i * lda, lda, bp, cp + <usize>i * ldc, ldc, len, first);
      for (; i < m; i++) kernelF32x1(ap + <usize>i * lda, bp, cp + <usize>i * ldc, len, first);
    }
  }
}

/** fmaf(x, y, z) through relaxed_madd: the loader compares it with the unfused result to learn whether it fuses. */
export function maddF32(x: f32, y: f32, z: f32): f32 {
  return f32x4.extract_lane(f32x4.relaxed_madd(f32x4.splat(x), f32x4.splat(y), f32x4.splat(z)), 0);
}

// ---- float64 (and float32 data summed in double): acc = acc + a[i,q]·b[q,j], rounded at each step ----

@inline
function kernelF64x4(a: usize, lda: usize, bp: usize, c: usize, ldc: usize, len: i32, first: bool): void {
  let c00 = f64x2.splat(0), c01 = f64x2.splat(0), c10 = f64x2.splat(0), c11 = f64x2.splat(0);
  let c20 = f64x2.splat(0), c21 = f64x2.splat(0), c30 = f64x2.splat(0), c31 = f64x2.splat(0);
  if (!first) {
    c00 = v128.load(c); c01 = v128.load(c, 16);
    c10 = v128.load(c + ldc); c11 = v128.load(c + ldc, 16);
    c20 = v128.load(c + 2 * ldc); c21 = v128.load(c + 2 * ldc, 16);
    c30 = v128.load(c + 3 * ldc); c31 = v128.load(c + 3 * ldc, 16);
  }
  const a1 = a + lda;
  const a2 = a + 2 * lda;
  const a3 = a + 3 * lda;
  for (let q = 0; q < len; q++) {
    const o = <usize>q << 3;
    const b0 = v128.load(bp);
    const b1 = v128.load(bp, 16);
    bp += 32;
    let x = f64x2.splat(load<f64>(a + o));
    c00 = f64x2.add(c00, f64x2.mul(x, b0)); c01 = f64x2.add(c01, f64x2.mul(x, b1));
    x = f64x2.splat(load<f64>(a1 + o));
    c10 = f64x2.add(c10, f64x2.mul(x, b0)); c11 = f64x2.add(c11, f64x2.mul(x, b1));
    x = f64x2.splat(load<f64>(a2 + o));
    c20 = f64x2.add(c20, f64x2.mul(x, b0)); c21 = f64x2.add(c21, f64x2.mul(x, b1));
    x = f64x2.splat(load<f64>(a3 + o));
    c30 = f64x2.add(c30, f64x2.mul(x, b0)); c31 = f64x2.add(c31, f64x2.mul(x, b1));
  }
  v128.store(c, c00); v128.store(c, c01, 16);
  v128.store(c + ldc, c10); v128.store(c + ldc, c11, 16);
  v128.store(c + 2 * ldc, c20); v128.store(c + 2 * ldc, c21, 16);
  v128.store(c + 3 * ldc, c30); v128.store(c + 3 * ldc, c31, 16);
}

@inline
function kernelF64x1(a: usize, bp: usize, c: usize, len: i32, first: bool): void {
  let c0 = f64x2.splat(0), c1 = f64x2.splat(0);
  if (!first) { c0 = v128.load(c); c1 = v128.load(c, 16); }
  for (let q = 0; q < len; q++) {
    const x = f64x2.splat(load<f64>(a + (<usize>q << 3)));
    c0 = f64x2.add(c0, f64x2.mul(x, v128.load(bp)));
    c1 = f64x2.add(c1, f64x2.mul(x, v128.load(bp, 16)));
    bp += 32;
  }
  v128.store(c, c0); v128.store(c, c1, 16);
}

/** B (k × n) into the float64 kernels' panels at `pack` (ceil(n/4)·4·k doubles). */
export function packF64(b: usize, pack: usize, k: i32, n: i32): void {
  packB(b, pack, k, n, NR64, 8);
}

/** C (m × ceil(n/4)·4) = A · B in float64, each output summed over q in order with a rounding per step. */
export function gemmF64(a: usize, pack: usize, c: usize, m: i32, k: i32, n: i32): void {
  const panels = (n + NR64 - 1) / NR64;
  const ldc = <usize>(panels * NR64) << 3;
  const lda = <usize>k << 3;
  if (k === 0) {
    memory.fill(c, 0, <usize>m * ldc);
    return;
  }
  for (let q0 = 0; q0 < k; q0 += KC) {
    const len = min(KC, k - q0);
    const first = q0 === 0;
    for (let p = 0; p < panels; p++) {
      const bp = pack + (<usize>(p * k + q0) * NR64 << 3);
      const cp = c + (<usize>(p * NR64) << 3);
      const ap = a + (<usize>q0 << 3);
      let i = 0;
      for (; i + MR <= m; i += MR) kernelF64x4(ap + <usize>i * lda, lda, bp, cp + <usize>i * ldc, ldc, len, first);
      for (; i < m; i++) kernelF64x1(ap + <usize>i * lda, bp, cp + <usize>i * ldc, len, first);
    }
  }
}

/**
 * out[i] = Σ_q a[i,q]·v[q] (m × k times k) as float64, summed in order q = 0 … k-1 with a rounding per step;
 * T is the storage type of a and v (float32 products are exact in double).
 */
@inline
function gemv<T>(a: usize, v: usize, out: usize, m: i32, k: i32): void {
  const size = <usize>sizeof<T>();
  const lda = <usize>k * size;
  let i = 0;
  // Eight rows per step: eight independent sums hide the add's latency (each sum is still one chain over q).
  for (; i + 8 <= m; i += 8) {
    let s01 = f64x2.splat(0), s23 = f64x2.splat(0), s45 = f64x2.splat(0), s67 = f64x2.splat(0);
    for (let q = 0; q < k; q++) {
      const r = a + <usize>q * size;
      const yy = f64x2.splat(<f64>load<T>(v + <usize>q * size));
      s01 = f64x2.add(s01, f64x2.mul(f64x2.replace_lane(f64x2.splat(<f64>load<T>(r)), 1, <f64>load<T>(r + lda)), yy));
      s23 = f64x2.add(s23, f64x2.mul(f64x2.replace_lane(f64x2.splat(<f64>load<T>(r + 2 * lda)), 1, <f64>load<T>(r + 3 * lda)), yy));
      s45 = f64x2.add(s45, f64x2.mul(f64x2.replace_lane(f64x2.splat(<f64>load<T>(r + 4 * lda)), 1, <f64>load<T>(r + 5 * lda)), yy));
      s67 = f64x2.add(s67, f64x2.mul(f64x2.replace_lane(f64x2.splat(<f64>load<T>(r + 6 * lda)), 1, <f64>load<T>(r + 7 * lda)), yy));
    }
    const o = out + (<usize>i << 3);
    v128.store(o, s01);
    v128.store(o, s23, 16);
    v128.store(o, s45, 32);
    v128.store(o, s67, 48);
    a += 8 * lda;
  }
  for (; i < m; i++) {
    let s: f64 = 0;
    for (let q = 0; q < k; q++) {
      const o = <usize>q * size;
      s += <f64>load<T>(a + o) * <f64>load<T>(v + o);
    }
    store<f64>(out + (<usize>i << 3), s);
    a += lda;
  }
}

export function gemvF32Double(a: usize, v: usize, out: usize, m: i32, k: i32): void {
  gemv<f32>(a, v, out, m, k);
}

export function gemvF64(a: usize, v: usize, out: usize, m: i32, k: i32): void {
  gemv<f64>(a, v, out, m, k);
}
