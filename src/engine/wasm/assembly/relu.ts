// AssemblyScript (see matmul.ts's header). ReLU and its backward over float32, four lanes at a time with
// masks instead of branches (a branch on the sign of random data mispredicts half the time). Bit for bit the
// engine's JavaScript loops: ReLU keeps x where x > 0 or x is NaN (its bits untouched) and writes +0
// elsewhere (-0 included); the backward keeps g where s > 0 or s is NaN and writes +0 where s <= 0.

/** out = relu(x) over n float32 elements. */
export function reluF32(x: usize, out: usize, n: i32): void {
  const zero = f32x4.splat(0);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const o = <usize>i << 2;
    const v = v128.load(x + o);
    const keep = v128.or(f32x4.gt(v, zero), f32x4.ne(v, v));
    v128.store(out + o, v128.and(v, keep));
  }
  for (; i < n; i++) {
    const o = <usize>i << 2;
    const v = load<f32>(x + o);
    store<f32>(out + o, v > 0 || v != v ? v : 0);
  }
}

/** out = s <= 0 ? 0 : g over n float32 elements (threshold_backward at 0). */
export function reluBackwardF32(g: usize, s: usize, out: usize, n: i32): void {
  const zero = f32x4.splat(0);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const o = <usize>i << 2;
    const drop = f32x4.le(v128.load(s + o), zero);
    v128.store(out + o, v128.andnot(v128.load(g + o), drop));
  }
  for (; i < n; i++) {
    const o = <usize>i << 2;
    store<f32>(out + o, load<f32>(s + o) <= 0 ? 0 : load<f32>(g + o));
  }
}
