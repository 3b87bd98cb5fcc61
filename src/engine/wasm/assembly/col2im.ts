// AssemblyScript (see matmul.ts's header). A convolution's col2im for windows that step by one: each row of
// columns (channel, kernel offset) added onto the image it came from, shifted, four output columns at a time.
// Each image element receives its terms in convStreamed.ts's order (channel, then kernel row, kernel column,
// output row), and f32.add rounds as a Float32Array's `+=` does, so the sums are the same bits.

/**
 * acc[c, ih, iw] += cols[(c, ki, kj) · ld + oh · gw + ow] where ih = oh - ph + ki·dh, iw = ow - pw + kj·dw,
 * for every in-image (ih, iw); `acc` holds `channels` planes of h × w.
 */
export function col2imF32(
  cols: usize, ld: i32, channels: i32, h: i32, w: i32, gh: i32, gw: i32,
  kh: i32, kw: i32, ph: i32, pw: i32, dh: i32, dw: i32, acc: usize,
): void {
  for (let ch = 0; ch < channels; ch++) {
    const plane = acc + ((<usize>(ch * h * w)) << 2);
    for (let ki = 0; ki < kh; ki++) {
      for (let kj = 0; kj < kw; kj++) {
        const off = kj * dw - pw;
        const lo = max(0, -off);
        const hi = min(gw, w - off);
        if (hi <= lo) continue;
        const rowStart = ((ch * kh + ki) * kw + kj) * ld;
        for (let oh = 0; oh < gh; oh++) {
          const ih = oh - ph + ki * dh;
          if (ih < 0 || ih >= h) continue;
          const src = cols + ((<usize>(rowStart + oh * gw + lo)) << 2);
          const dst = plane + ((<usize>(ih * w + off + lo)) << 2);
          const n = hi - lo;
          let j = 0;
          for (; j + 4 <= n; j += 4) {
            const o = <usize>j << 2;
            v128.store(dst + o, f32x4.add(v128.load(dst + o), v128.load(src + o)));
          }
          for (; j < n; j++) {
            const o = <usize>j << 2;
            store<f32>(dst + o, load<f32>(dst + o) + load<f32>(src + o));
          }
        }
      }
    }
  }
}

/** c[o · ld + l] += bias[o] for o < rows, l < len: a convolution's bias on the matmul's result, in place. */
export function addRowBiasF32(c: usize, ld: i32, rows: i32, len: i32, bias: usize): void {
  for (let o = 0; o < rows; o++) {
    const b = load<f32>(bias + ((<usize>o) << 2));
    const bv = f32x4.splat(b);
    const row = c + ((<usize>(o * ld)) << 2);
    let l = 0;
    for (; l + 4 <= len; l += 4) {
      const p = row + ((<usize>l) << 2);
      v128.store(p, f32x4.add(v128.load(p), bv));
    }
    for (; l < len; l++) {
      const p = row + ((<usize>l) << 2);
      store<f32>(p, load<f32>(p) + b);
    }
  }
}
