// AssemblyScript (see matmul.ts's header). The cascade sums of ../../cascadeSum.ts (PyTorch's SumKernel.cpp
// order) with its independent sums in SIMD lanes: a 32-byte group of columns (8 float32 or 4 float64, PyTorch's
// AVX2 vector) is summed down its rows at once, each lane rounding exactly as the scalar code would. T is the
// element type; each function returns or stores the 32-byte group's sums as two v128.

@inline
function vadd<T>(a: v128, b: v128): v128 {
  return sizeof<T>() === 4 ? f32x4.add(a, b) : f64x2.add(a, b);
}

function ceilLog2(x: i32): i32 {
  return x <= 2 ? 1 : 32 - clz(x - 1);
}

/** multi_row_sum for a 32-byte group of columns: `size` rows, row i at p + i·stride. Results at out, out + 16. */
@inline
function cascade<T>(p: usize, stride: usize, size: i32, out: usize): void {
  const levelPower = max(4, ceilLog2(size) / 4);
  const levelStep = 1 << levelPower;
  const levelMask = levelStep - 1;
  const zero = i64x2.splat(0);
  let a0 = zero, b0 = zero, a1 = zero, b1 = zero, a2 = zero, b2 = zero, a3 = zero, b3 = zero;
  let i = 0;
  while (i + levelStep <= size) {
    for (let j = 0; j < levelStep; j++, i++) {
      const r = p + <usize>i * stride;
      a0 = vadd<T>(a0, v128.load(r));
      b0 = vadd<T>(b0, v128.load(r, 16));
    }
    a1 = vadd<T>(a1, a0); b1 = vadd<T>(b1, b0); a0 = zero; b0 = zero;
    if ((i & (levelMask << levelPower)) !== 0) continue;
    a2 = vadd<T>(a2, a1); b2 = vadd<T>(b2, b1); a1 = zero; b1 = zero;
    if ((i & (levelMask << (2 * levelPower))) !== 0) continue;
    a3 = vadd<T>(a3, a2); b3 = vadd<T>(b3, b2); a2 = zero; b2 = zero;
  }
  for (; i < size; i++) {
    const r = p + <usize>i * stride;
    a0 = vadd<T>(a0, v128.load(r));
    b0 = vadd<T>(b0, v128.load(r, 16));
  }
  a0 = vadd<T>(a0, a1); b0 = vadd<T>(b0, b1);
  a0 = vadd<T>(a0, a2); b0 = vadd<T>(b0, b2);
  a0 = vadd<T>(a0, a3); b0 = vadd<T>(b0, b3);
  v128.store(out, a0);
  v128.store(out, b0, 16);
}

/** row_sum for a 32-byte group: four interleaved cascades (rows k, k+4, …), the tail rows, then the four combined. */
@inline
function rowSum<T>(p: usize, stride: usize, size: i32, out: usize): void {
  const sizeIlp = size / 4;
  cascade<T>(p, stride * 4, sizeIlp, out);
  cascade<T>(p + stride, stride * 4, sizeIlp, out + 32);
  cascade<T>(p + 2 * stride, stride * 4, sizeIlp, out + 64);
  cascade<T>(p + 3 * stride, stride * 4, sizeIlp, out + 96);
  let a = v128.load(out);
  let b = v128.load(out, 16);
  for (let i = sizeIlp * 4; i < size; i++) {
    const r = p + <usize>i * stride;
    a = vadd<T>(a, v128.load(r));
    b = vadd<T>(b, v128.load(r, 16));
  }
  for (let k = 1; k < 4; k++) {
    a = vadd<T>(a, v128.load(out + 32 * k));
    b = vadd<T>(b, v128.load(out + 32 * k, 16));
  }
  v128.store(out, a);
  v128.store(out, b, 16);
}

/** vectorized_inner_sum of one contiguous row of `size` elements at p; `scratch` holds 128 bytes. */
@inline
function innerRow<T>(p: usize, size: i32, scratch: usize): f64 {
  const lanes = 32 / <i32>sizeof<T>();
  const vecSize = size / lanes;
  let fin: T = 0;
  for (let k = vecSize * lanes; k < size; k++) fin += load<T>(p + <usize>k * sizeof<T>());
  rowSum<T>(p, 32, vecSize, scratch);
  for (let l = 0; l < lanes; l++) fin += load<T>(scratch + <usize>l * sizeof<T>());
  return <f64>fin;
}

export function innerSumF32(p: usize, size: i32, scratch: usize): f64 {
  return innerRow<f32>(p, size, scratch);
}

export function innerSumF64(p: usize, size: i32, scratch: usize): f64 {
  return innerRow<f64>(p, size, scratch);
}

/**
 * vectorized_outer_sum's first two phases over `cols` contiguous columns at p (rows `stride` bytes apart):
 * groups of four vectors through the cascade, then single vectors through row_sum. Column sums go to `out`
 * (T each); returns how many columns were summed, the rest being the caller's (row_sum one by one).
 */
@inline
function outer<T>(p: usize, stride: usize, rows: i32, cols: i32, out: usize, scratch: usize): i32 {
  const lanes = 32 / <i32>sizeof<T>();
  const size = <usize>sizeof<T>();
  let j = 0;
  for (; j + 4 * lanes <= cols; j += 4 * lanes) {
    for (let g = 0; g < 4; g++) cascade<T>(p + <usize>(j + g * lanes) * size, stride, rows, out + <usize>(j + g * lanes) * size);
  }
  for (; j + lanes <= cols; j += lanes) {
    rowSum<T>(p + <usize>j * size, stride, rows, scratch);
    memory.copy(out + <usize>j * size, scratch, 32);
  }
  return j;
}

export function outerSumF32(p: usize, stride: usize, rows: i32, cols: i32, out: usize, scratch: usize): i32 {
  return outer<f32>(p, stride, rows, cols, out, scratch);
}

export function outerSumF64(p: usize, stride: usize, rows: i32, cols: i32, out: usize, scratch: usize): i32 {
  return outer<f64>(p, stride, rows, cols, out, scratch);
}

// ---- sums in double, in the order of kernels.ts's reduceAlong (the fallback above PyTorch's serial size) ----

/** acc[j] += x[i, j] for rows i = 0 … rows-1 in order: a reduction over leading dimensions (acc: f64 × cols). */
@inline
function columnSums<T>(x: usize, rows: i32, cols: i32, acc: usize): void {
  const size = <usize>sizeof<T>();
  for (let i = 0; i < rows; i++) {
    const r = x + <usize>i * <usize>cols * size;
    let j = 0;
    for (; j + 2 <= cols; j += 2) {
      const a = acc + (<usize>j << 3);
      const v = sizeof<T>() === 4
        ? f64x2.promote_low_f32x4(v128.load64_zero(r + <usize>j * size))
        : v128.load(r + <usize>j * size);
      v128.store(a, f64x2.add(v128.load(a), v));
    }
    for (; j < cols; j++) {
      const a = acc + (<usize>j << 3);
      store<f64>(a, load<f64>(a) + <f64>load<T>(r + <usize>j * size));
    }
  }
}

/** acc[r] += Σ x[r, q] for q = 0 … len-1 in order, each row one chain (eight rows side by side). */
@inline
function rowSums<T>(x: usize, rows: i32, len: i32, acc: usize): void {
  const size = <usize>sizeof<T>();
  const ld = <usize>len * size;
  let r = 0;
  for (; r + 8 <= rows; r += 8) {
    const a = acc + (<usize>r << 3);
    let s01 = v128.load(a), s23 = v128.load(a, 16), s45 = v128.load(a, 32), s67 = v128.load(a, 48);
    const p = x + <usize>r * ld;
    for (let q = 0; q < len; q++) {
      const o = p + <usize>q * size;
      s01 = f64x2.add(s01, f64x2.replace_lane(f64x2.splat(<f64>load<T>(o)), 1, <f64>load<T>(o + ld)));
      s23 = f64x2.add(s23, f64x2.replace_lane(f64x2.splat(<f64>load<T>(o + 2 * ld)), 1, <f64>load<T>(o + 3 * ld)));
      s45 = f64x2.add(s45, f64x2.replace_lane(f64x2.splat(<f64>load<T>(o + 4 * ld)), 1, <f64>load<T>(o + 5 * ld)));
      s67 = f64x2.add(s67, f64x2.replace_lane(f64x2.splat(<f64>load<T>(o + 6 * ld)), 1, <f64>load<T>(o + 7 * ld)));
    }
    v128.store(a, s01); v128.store(a, s23, 16); v128.store(a, s45, 32); v128.store(a, s67, 48);
  }
  for (; r < rows; r++) {
    const a = acc + (<usize>r << 3);
    const p = x + <usize>r * ld;
    let s = load<f64>(a);
    for (let q = 0; q < len; q++) s += <f64>load<T>(p + <usize>q * size);
    store<f64>(a, s);
  }
}

export function columnSumsF32(x: usize, rows: i32, cols: i32, acc: usize): void { columnSums<f32>(x, rows, cols, acc); }
export function columnSumsF64(x: usize, rows: i32, cols: i32, acc: usize): void { columnSums<f64>(x, rows, cols, acc); }
export function rowSumsF32(x: usize, rows: i32, len: i32, acc: usize): void { rowSums<f32>(x, rows, len, acc); }
export function rowSumsF64(x: usize, rows: i32, len: i32, acc: usize): void { rowSums<f64>(x, rows, len, acc); }
