/**
 * Rounding to IEEE half precision and to bfloat16, as PyTorch's c10::Half and c10::BFloat16 convert from float:
 * round to nearest, ties to even, on the float32 value. Both go through the float32 bits so that a value first
 * computed in double and stored to float32 (what the engine's float32 kernels do) rounds exactly as PyTorch's
 * float result does.
 */
const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** Smallest float32 magnitude that rounds to infinity in half precision: 65520, halfway past 65504. */
const HALF_OVERFLOW_BITS = 0x477ff000;
/** Smallest normal half, 2**-14: below it the spacing is fixed at 2**-24. */
const HALF_MIN_NORMAL_BITS = 0x38800000;
const TWO_24 = 16777216;

export function roundToHalf(v: number): number {
  f32[0] = v;
  const bits = u32[0];
  const sign = bits & 0x80000000;
  const abs = bits & 0x7fffffff;
  if (abs >= 0x7f800000) return f32[0];
  if (abs >= HALF_OVERFLOW_BITS) return sign ? -Infinity : Infinity;
  if (abs < HALF_MIN_NORMAL_BITS) {
    // Subnormal halves are the multiples of 2**-24; scaling by 2**24 is exact, so rounding the scaled value
    // to an integer, ties to even, is the conversion.
    const scaled = Math.abs(f32[0]) * TWO_24;
    const floor = Math.floor(scaled);
    const rest = scaled - floor;
    const n = rest > 0.5 || (rest === 0.5 && floor % 2 === 1) ? floor + 1 : floor;
    const r = n / TWO_24;
    return sign ? -r : r;
  }
  // A normal half keeps 10 of float32's 23 fraction bits: add just under half of the dropped part, plus the
  // kept last bit for ties to even, and clear the 13 dropped bits.
  u32[0] = sign | ((abs + 0xfff + ((abs >>> 13) & 1)) & ~0x1fff);
  return f32[0];
}

export function roundToBFloat16(v: number): number {
  f32[0] = v;
  const bits = u32[0];
  if ((bits & 0x7fffffff) > 0x7f800000) return f32[0];
  u32[0] = ((bits + 0x7fff + ((bits >>> 16) & 1)) & 0xffff0000) >>> 0;
  return f32[0];
}

/** The 16 bits of a value already representable in `dtype` (as a .pt file stores float16 and bfloat16). */
export function bits16(dtype: 'float16' | 'bfloat16', v: number): number {
  f32[0] = v;
  const bits = u32[0];
  if (dtype === 'bfloat16') return bits >>> 16;
  const sign = (bits >>> 16) & 0x8000;
  const abs = bits & 0x7fffffff;
  if (abs > 0x7f800000) return sign | 0x7e00;
  if (abs >= HALF_OVERFLOW_BITS) return sign | 0x7c00;
  if (abs < HALF_MIN_NORMAL_BITS) return sign | Math.round(Math.abs(f32[0]) * TWO_24);
  return sign | (((abs >>> 23) - 112) << 10) | ((abs >>> 13) & 0x3ff);
}

/** The value of 16 stored bits of `dtype`. */
export function fromBits16(dtype: 'float16' | 'bfloat16', h: number): number {
  if (dtype === 'bfloat16') {
    u32[0] = (h << 16) >>> 0;
    return f32[0];
  }
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >>> 10) & 0x1f;
  const frac = h & 0x3ff;
  if (exp === 0) return (sign * frac) / TWO_24;
  if (exp === 0x1f) return frac ? NaN : sign * Infinity;
  return sign * (1 + frac / 1024) * 2 ** (exp - 15);
}
