// AssemblyScript (see matmul.ts's header). Elementwise arithmetic over contiguous operands, computed as the
// engine's JavaScript loops compute it: in double, then stored (a float32 store rounds once, as a
// Float32Array store does). `op`: 0 add, 1 sub, 2 mul, 3 div. `mode`: 0 both operands are arrays, 1 `y` is
// the scalar `s`, 2 `x` is the scalar `s`.

@inline
function apply(op: i32, x: v128, y: v128): v128 {
  if (op === 0) return f64x2.add(x, y);
  if (op === 1) return f64x2.sub(x, y);
  if (op === 2) return f64x2.mul(x, y);
  return f64x2.div(x, y);
}

@inline
function applyScalar(op: i32, x: f64, y: f64): f64 {
  if (op === 0) return x + y;
  if (op === 1) return x - y;
  if (op === 2) return x * y;
  return x / y;
}

@inline
function loopF32(op: i32, mode: i32, x: usize, y: usize, out: usize, n: i32, s: f64): void {
  const ss = f64x2.splat(s);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const o = <usize>i << 2;
    const xv = mode === 2 ? v128.splat<f32>(0) : v128.load(x + o);
    const yv = mode === 1 ? v128.splat<f32>(0) : v128.load(y + o);
    const xl = mode === 2 ? ss : f64x2.promote_low_f32x4(xv);
    const xh = mode === 2 ? ss : f64x2.promote_low_f32x4(i32x4.shuffle(xv, xv, 2, 3, 0, 1));
    const yl = mode === 1 ? ss : f64x2.promote_low_f32x4(yv);
    const yh = mode === 1 ? ss : f64x2.promote_low_f32x4(i32x4.shuffle(yv, yv, 2, 3, 0, 1));
    const lo = f32x4.demote_f64x2_zero(apply(op, xl, yl));
    const hi = f32x4.demote_f64x2_zero(apply(op, xh, yh));
    v128.store(out + o, i32x4.shuffle(lo, hi, 0, 1, 4, 5));
  }
  for (; i < n; i++) {
    const o = <usize>i << 2;
    const xs: f64 = mode === 2 ? s : <f64>load<f32>(x + o);
    const ys: f64 = mode === 1 ? s : <f64>load<f32>(y + o);
    store<f32>(out + o, <f32>applyScalar(op, xs, ys));
  }
}

@inline
function loopF64(op: i32, mode: i32, x: usize, y: usize, out: usize, n: i32, s: f64): void {
  const ss = f64x2.splat(s);
  let i = 0;
  for (; i + 2 <= n; i += 2) {
    const o = <usize>i << 3;
    const xv = mode === 2 ? ss : v128.load(x + o);
    const yv = mode === 1 ? ss : v128.load(y + o);
    v128.store(out + o, apply(op, xv, yv));
  }
  for (; i < n; i++) {
    const o = <usize>i << 3;
    const xs: f64 = mode === 2 ? s : load<f64>(x + o);
    const ys: f64 = mode === 1 ? s : load<f64>(y + o);
    store<f64>(out + o, applyScalar(op, xs, ys));
  }
}

@inline
function byMode(f64: bool, op: i32, mode: i32, x: usize, y: usize, out: usize, n: i32, s: f64): void {
  if (f64) {
    if (mode === 0) loopF64(op, 0, x, y, out, n, s);
    else if (mode === 1) loopF64(op, 1, x, y, out, n, s);
    else loopF64(op, 2, x, y, out, n, s);
  } else {
    if (mode === 0) loopF32(op, 0, x, y, out, n, s);
    else if (mode === 1) loopF32(op, 1, x, y, out, n, s);
    else loopF32(op, 2, x, y, out, n, s);
  }
}

/** out = x op y over n float32 elements (computed in double, rounded once on store). */
export function binaryF32(op: i32, mode: i32, x: usize, y: usize, out: usize, n: i32, s: f64): void {
  if (op === 0) byMode(false, 0, mode, x, y, out, n, s);
  else if (op === 1) byMode(false, 1, mode, x, y, out, n, s);
  else if (op === 2) byMode(false, 2, mode, x, y, out, n, s);
  else byMode(false, 3, mode, x, y, out, n, s);
}

/** out = x op y over n float64 elements. */
export function binaryF64(op: i32, mode: i32, x: usize, y: usize, out: usize, n: i32, s: f64): void {
  if (op === 0) byMode(true, 0, mode, x, y, out, n, s);
  else if (op === 1) byMode(true, 1, mode, x, y, out, n, s);
  else if (op === 2) byMode(true, 2, mode, x, y, out, n, s);
  else byMode(true, 3, mode, x, y, out, n, s);
}
