// AssemblyScript (see matmul.ts's header). Max pooling over 2×2 windows with stride 2 (no padding or
// dilation), four windows at a time: the taps in pool.ts's order with its test (greater, or NaN), so ties keep
// the first maximum and NaNs the last NaN, as ATen's loop does; selects instead of branches.

@inline
function take(v: v128, best: v128): v128 {
  return v128.or(f32x4.gt(v, best), f32x4.ne(v, v));
}

/**
 * out[p, i, j] = the window's maximum, idx[p, i, j] (float64, int64's storage) its flat index in the plane,
 * over `planes` planes of h × w read from x.
 */
export function maxPool2x2F32(x: usize, out: usize, idx: usize, planes: i32, h: i32, w: i32, oh: i32, ow: i32): void {
  let q: usize = 0;
  const lane = i32x4(0, 2, 4, 6);
  for (let p = 0; p < planes; p++) {
    const base = x + ((<usize>(p * h * w)) << 2);
    for (let i = 0; i < oh; i++) {
      const r0 = 2 * i * w;
      const r1 = r0 + w;
      let j = 0;
      for (; j + 4 <= ow; j += 4, q += 4) {
        const a0 = v128.load(base + ((<usize>(r0 + 2 * j)) << 2));
        const a1 = v128.load(base + ((<usize>(r0 + 2 * j + 4)) << 2));
        const b0 = v128.load(base + ((<usize>(r1 + 2 * j)) << 2));
        const b1 = v128.load(base + ((<usize>(r1 + 2 * j + 4)) << 2));
        const at0 = i32x4.add(i32x4.splat(r0 + 2 * j), lane);
        // The first tap always wins against -Infinity (a -Infinity keeps its own index either way).
        let best = i32x4.shuffle(a0, a1, 0, 2, 4, 6);
        let at = at0;
        let v = i32x4.shuffle(a0, a1, 1, 3, 5, 7);
        let m = take(v, best);
        best = v128.bitselect(v, best, m);
        at = v128.bitselect(i32x4.add(at0, i32x4.splat(1)), at, m);
        v = i32x4.shuffle(b0, b1, 0, 2, 4, 6);
        m = take(v, best);
        best = v128.bitselect(v, best, m);
        at = v128.bitselect(i32x4.add(at0, i32x4.splat(w)), at, m);
        v = i32x4.shuffle(b0, b1, 1, 3, 5, 7);
        m = take(v, best);
        best = v128.bitselect(v, best, m);
        at = v128.bitselect(i32x4.add(at0, i32x4.splat(w + 1)), at, m);
        v128.store(out + (q << 2), best);
        v128.store(idx + (q << 3), f64x2.convert_low_i32x4_s(at));
        v128.store(idx + (q << 3) + 16, f64x2.convert_low_i32x4_s(i32x4.shuffle(at, at, 2, 3, 0, 1)));
      }
      for (; j < ow; j++, q++) {
        const c = r0 + 2 * j;
        let best = load<f32>(base + ((<usize>c) << 2));
        let at = c;
        let v = load<f32>(base + ((<usize>(c + 1)) << 2));
        if (v > best || v != v) { best = v; at = c + 1; }
        v = load<f32>(base + ((<usize>(c + w)) << 2));
        if (v > best || v != v) { best = v; at = c + w; }
        v = load<f32>(base + ((<usize>(c + w + 1)) << 2));
        if (v > best || v != v) { best = v; at = c + w + 1; }
        store<f32>(out + (q << 2), best);
        store<f64>(idx + (q << 3), <f64>at);
      }
    }
  }
}
