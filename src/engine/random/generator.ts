/**
 * PyTorch's CPU random number generator, reproduced bit for bit.
 *
 * `torch.manual_seed(s); torch.randn(...)` must give a script run in the playground the same numbers it gives
 * under real PyTorch, so this module follows at::CPUGeneratorImpl (an mt19937) and the exact arithmetic of the
 * kernels PyTorch 2.x runs on an x86-64 CPU with AVX2/FMA (which is every machine PyTorch's own wheels target):
 *
 * - `rand`/`uniform_`: 24 random bits (float32) or 53 bits of a 64-bit draw (float64), then `x * (to - from) + from`,
 *   which GCC contracts into one fused multiply-add.
 * - `randn`/`normal_` with at least 16 elements: PyTorch's `normal_fill`. float32 goes through `normal_fill_16_AVX2`,
 *   whose log/sin/cos are the single-precision Cephes polynomials of avx_mathfun.h, evaluated with the fused
 *   multiply-adds GCC forms from them; float64 goes through the scalar loop calling glibc's log/sin/cos (libm.ts).
 * - fewer than 16 elements: `at::normal_distribution<double>` per element (Box–Muller in double with glibc's
 *   log1p/sin/cos) whose second sample is cached in the generator and handed to the next scalar draw.
 * - float16 and bfloat16: `rand` keeps as many low bits of a 32-bit draw as the format has significand digits
 *   (11 or 8); `randn` from 16 elements runs the generic `normal_fill_16` in the 16-bit type (each operation
 *   rounds to it), below 16 the double scalar draw rounded once.
 * - `randint`/`random_`: `random() % range + from`, switching to a 64-bit draw when the range needs it.
 * - `randperm`: the swap shuffle of `randperm_cpu`.
 *
 * The arithmetic those kernels share with glibc and with PyTorch's AVX code (fma, log, log1p, sin/cos, and the
 * float32 Cephes log/sincos) is in libm.ts, because NumPy's samplers need the same functions and none of it
 * depends on a generator.
 */

import { castValue, DType, isReducedFloat } from '../dtype';
import { MT19937, MT_N } from './mt19937';
import { cosAvxOut, cosOut, fma, fmaf, glibcLog, glibcLog1p, logAvx, sinCos, sinCosAvx, sinAvxOut, sinOut } from './libm';

/** PyTorch's `default_rng_seed_val`, the seed of the default CPU generator before any `manual_seed`. */
export const DEFAULT_SEED = 67280421310721n;

const TWO_POW_M24 = 5.9604644775390625e-8; // 2**-24
const TWO_POW_M53 = 1.1102230246251565e-16; // 2**-53
const TWO_POW_32 = 4294967296;
const STATE_BYTES = MT_N * 4 + 4 + 8 + 1 + 8 + 4;
const STATE_VERSION = 1;

export type FloatStorage = Float32Array | Float64Array;

/** Seeds are uint64 in PyTorch; negative Python ints wrap like `torch.manual_seed(-1)` does. */
function toSeed(seed: number | bigint): bigint {
  let s: bigint;
  if (typeof seed === 'number') {
    if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
    s = BigInt(seed);
  } else {
    s = seed;
  }
  if (s < -(1n << 63n) || s >= 1n << 64n) throw new RangeError('Overflow when unpacking long');
  return BigInt.asUintN(64, s);
}

/** A 53-bit seed from the platform's entropy, as c10's getNonDeterministicRandom limits it (so it survives a double). */
function nonDeterministicSeed(): bigint {
  const words = new Uint32Array(2);
  const webCrypto = (globalThis as { crypto?: { getRandomValues?: (a: Uint32Array) => Uint32Array } }).crypto;
  if (webCrypto?.getRandomValues) {
    webCrypto.getRandomValues(words);
  } else {
    words[0] = (Math.random() * TWO_POW_32) ^ Date.now();
    words[1] = (Math.random() * TWO_POW_32) ^ (Date.now() / TWO_POW_32);
  }
  return ((BigInt(words[0]) << 32n) | BigInt(words[1])) & 0x1fffffffffffffn;
}

/**
 * at::CPUGeneratorImpl: a 32-bit mt19937 plus the cached second sample of the scalar Box–Muller transform.
 * Draws are plain numbers (no BigInt) on every hot path.
 */
export class Generator {
  private readonly bits = new MT19937();
  private seedValue = DEFAULT_SEED;
  /** PyTorch keeps the unused `r * sin(theta)` of `normal_distribution<double>` here until the next scalar normal. */
  private cachedNormal: number | null = null;
  /** Same cache for `normal_distribution<float>`; no CPU kernel reads it, but it is part of the generator's state. */
  private cachedFloatNormal: number | null = null;

  constructor(seed: number | bigint = DEFAULT_SEED) {
    this.manualSeed(seed);
  }

  /** `torch.manual_seed`: reseeds (only the low 32 bits reach mt19937, as in PyTorch) and drops cached normals. */
  manualSeed(seed: number | bigint): this {
    const s = toSeed(seed);
    this.seedValue = s;
    this.bits.seed(Number(s & 0xffffffffn));
    this.cachedNormal = null;
    this.cachedFloatNormal = null;
    return this;
  }

  initialSeed(): bigint {
    return this.seedValue;
  }

  /** `torch.seed()`: reseeds from entropy and returns the seed used. */
  seed(): bigint {
    const s = nonDeterministicSeed();
    this.manualSeed(s);
    return s;
  }

  /** Opaque snapshot (this module's own layout, not PyTorch's 5056-byte one) for `get_rng_state`/`set_rng_state`. */
  getState(): Uint8Array {
    const bytes = new Uint8Array(STATE_BYTES + 1);
    const view = new DataView(bytes.buffer);
    let o = 0;
    view.setUint8(o, STATE_VERSION); o += 1;
    for (let i = 0; i < MT_N; i++, o += 4) view.setUint32(o, this.bits.state[i], true);
    view.setUint32(o, this.bits.pos, true); o += 4;
    view.setBigUint64(o, this.seedValue, true); o += 8;
    view.setUint8(o, (this.cachedNormal !== null ? 1 : 0) | (this.cachedFloatNormal !== null ? 2 : 0)); o += 1;
    view.setFloat64(o, this.cachedNormal ?? 0, true); o += 8;
    view.setFloat32(o, this.cachedFloatNormal ?? 0, true);
    return bytes;
  }

  setState(state: Uint8Array): void {
    if (state.length !== STATE_BYTES + 1 || state[0] !== STATE_VERSION) {
      throw new RangeError('Generator.setState: not a state produced by Generator.getState');
    }
    const view = new DataView(state.buffer, state.byteOffset, state.byteLength);
    let o = 1;
    for (let i = 0; i < MT_N; i++, o += 4) this.bits.state[i] = view.getUint32(o, true);
    const mti = view.getUint32(o, true); o += 4;
    if (mti > MT_N) throw new RangeError('Generator.setState: corrupt state (index out of range)');
    this.bits.pos = mti;
    this.seedValue = view.getBigUint64(o, true); o += 8;
    const flags = view.getUint8(o); o += 1;
    const cached = view.getFloat64(o, true); o += 8;
    const cachedFloat = view.getFloat32(o, true);
    this.cachedNormal = flags & 1 ? cached : null;
    this.cachedFloatNormal = flags & 2 ? cachedFloat : null;
  }

  /** `random()`: the next tempered mt19937 output, as an unsigned 32-bit number. */
  nextUint32(): number {
    return this.bits.nextUint32();
  }

  /** `random64()`: the first 32-bit draw is the high word. */
  nextUint64(): bigint {
    return this.bits.nextUint64();
  }

  /** `uniform_real_distribution<float>(0, 1)`: the low 24 bits of one draw, scaled exactly. */
  nextFloat(): number {
    return (this.nextUint32() & 0xffffff) * TWO_POW_M24;
  }

  /** `uniform_real_distribution<double>(0, 1)`: the low 53 bits of `random64()`, scaled exactly. */
  nextDouble(): number {
    const hi = this.nextUint32();
    const lo = this.nextUint32();
    return ((hi & 0x1fffff) * TWO_POW_32 + lo) * TWO_POW_M53;
  }

  /**
   * One `at::normal_distribution<double>(mean, std)` sample: the scalar path of `normal_` for tensors with fewer
   * than 16 elements. Box–Muller yields two values; the second waits in the generator for the next call, even
   * across different tensors (only `manualSeed`/`setState` clear it).
   */
  sampleNormal(mean: number, std: number): number {
    let z: number;
    if (this.cachedNormal !== null) {
      z = this.cachedNormal;
      this.cachedNormal = null;
    } else {
      const u1 = this.nextDouble();
      const u2 = this.nextDouble();
      const r = Math.sqrt(-2.0 * glibcLog1p(-u2));
      const theta = 2.0 * Math.PI * u1;
      sinCos(theta);
      this.cachedNormal = r * sinOut;
      z = r * cosOut;
    }
    // `val * std + mean`, contracted by the compiler into one rounding.
    return fma(z, std, mean);
  }
}

/** The generator behind `torch.manual_seed` and every sampling function that is not given one explicitly. */
export const defaultGenerator = new Generator();

const f32 = Math.fround;
const TWO_PI_F32 = f32(2 * Math.PI);
const TWO_PI = 2 * Math.PI;

/** normal_fill_16_AVX2 on data[o .. o+16): lanes j and j+8 are a Box–Muller pair. */
function boxMuller16Float32(data: FloatStorage, o: number, mean: number, std: number): void {
  for (let j = 0; j < 8; j++) {
    const u1 = f32(1 - data[o + j]);
    const u2 = data[o + j + 8];
    const radius = f32(Math.sqrt(f32(-2 * logAvx(u1))));
    sinCosAvx(f32(TWO_PI_F32 * u2));
    data[o + j] = fmaf(f32(radius * cosAvxOut), std, mean);
    data[o + j + 8] = fmaf(f32(radius * sinAvxOut), std, mean);
  }
}

/** normal_fill_16<double>: the same pairing in double precision with glibc's log and correctly rounded cos/sin. */
function boxMuller16Float64(data: FloatStorage, o: number, mean: number, std: number): void {
  for (let j = 0; j < 8; j++) {
    const u1 = 1 - data[o + j];
    const u2 = data[o + j + 8];
    const radius = Math.sqrt(-2 * glibcLog(u1));
    sinCos(TWO_PI * u2);
    data[o + j] = fma(radius * cosOut, std, mean);
    data[o + j + 8] = fma(radius * sinOut, std, mean);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Fills: each writes `out` exactly as PyTorch fills a contiguous tensor of `dtype` with out.length elements, and
// consumes exactly the draws PyTorch consumes, so interleaved calls stay in step with a real PyTorch session.
// ---------------------------------------------------------------------------------------------------------------

function storeRounding(dtype: DType): (v: number) => number {
  return (v: number) => castValue(dtype, v);
}

type Reduced = 'float16' | 'bfloat16';

/** Significand digits of the float dtypes (std::numeric_limits<T>::digits), which bound random_'s draws. */
const FLOAT_DIGITS: Partial<Record<DType, number>> = { float16: 11, bfloat16: 8, float32: 24, float64: 53 };

/** uniform_real_distribution for a 16-bit float: the draw's low bits, as many as the format's significand has. */
function reducedDraw(gen: Generator, dtype: Reduced): number {
  const digits = dtype === 'float16' ? 11 : 8;
  return (gen.nextUint32() & ((1 << digits) - 1)) / (1 << digits);
}

/**
 * normal_fill_16<Half/BFloat16>: every operation is the 16-bit type's (c10's arithmetic and its std::log, sqrt,
 * cos and sin overloads compute in float and return the 16-bit type), so each step rounds.
 */
function boxMuller16Reduced(data: FloatStorage, o: number, mean: number, std: number, dtype: Reduced): void {
  const round = (v: number): number => castValue(dtype, v);
  for (let j = 0; j < 8; j++) {
    const u1 = round(1 - data[o + j]);
    const u2 = data[o + j + 8];
    const radius = round(Math.sqrt(round(-2 * round(glibcLog(u1)))));
    sinCos(round(TWO_PI * u2));
    data[o + j] = round(round(round(radius * round(cosOut)) * std) + mean);
    data[o + j + 8] = round(round(round(radius * round(sinOut)) * std) + mean);
  }
}

function uniformFillReduced(gen: Generator, out: FloatStorage, dtype: Reduced, from: number, to: number): void {
  const lo = castValue(dtype, from);
  const range = castValue(dtype, castValue(dtype, to) - lo);
  for (let i = 0; i < out.length; i++) out[i] = castValue(dtype, fmaf(reducedDraw(gen, dtype), range, lo));
}

function normalFillReduced(gen: Generator, out: FloatStorage, dtype: Reduced, mean: number, std: number): void {
  const n = out.length;
  const m = castValue(dtype, mean);
  const s = castValue(dtype, std);
  for (let i = 0; i < n; i++) out[i] = reducedDraw(gen, dtype);
  for (let i = 0; i < n - 15; i += 16) boxMuller16Reduced(out, i, m, s, dtype);
  if (n % 16 !== 0) {
    const base = n - 16;
    for (let i = 0; i < 16; i++) out[base + i] = reducedDraw(gen, dtype);
    boxMuller16Reduced(out, base, m, s, dtype);
  }
}

/** `Tensor.uniform_(from, to)` (and `torch.rand`): `x * (to - from) + from` in the tensor's precision, fused. */
export function uniformFill(gen: Generator, out: FloatStorage, dtype: 'float16' | 'bfloat16' | 'float32' | 'float64', from = 0, to = 1): void {
  if (!(from <= to)) throw new RangeError(`uniform_ expects to return a [from, to) range, but found from=${from} > to=${to}`);
  const n = out.length;
  if (isReducedFloat(dtype)) {
    uniformFillReduced(gen, out, dtype, from, to);
  } else if (dtype === 'float32') {
    const lo = f32(from);
    const range = f32(f32(to) - lo);
    if (lo === 0 && range === 1) {
      for (let i = 0; i < n; i++) out[i] = gen.nextFloat();
    } else {
      for (let i = 0; i < n; i++) out[i] = fmaf(gen.nextFloat(), range, lo);
    }
  } else {
    const range = to - from;
    if (from === 0 && range === 1) {
      for (let i = 0; i < n; i++) out[i] = gen.nextDouble();
    } else {
      for (let i = 0; i < n; i++) out[i] = fma(gen.nextDouble(), range, from);
    }
  }
}

/**
 * `Tensor.normal_(mean, std)` (and `torch.randn`, `torch.normal(mean: float, std: float, size)`).
 * From 16 elements on, PyTorch first fills the whole tensor with uniforms, transforms it in blocks of 16, and if
 * the size is not a multiple of 16 redraws the last 16 uniforms and transforms that (overlapping) block again.
 * Below 16 elements each value is an independent scalar draw that shares the generator's cached sample.
 */
export function normalFill(gen: Generator, out: FloatStorage, dtype: 'float16' | 'bfloat16' | 'float32' | 'float64', mean = 0, std = 1): void {
  if (!(std >= 0)) throw new RangeError(`normal expects std >= 0.0, but found std ${std}`);
  const n = out.length;
  if (n < 16) {
    const round = storeRounding(dtype);
    for (let i = 0; i < n; i++) out[i] = round(gen.sampleNormal(mean, std));
    return;
  }
  if (isReducedFloat(dtype)) return normalFillReduced(gen, out, dtype, mean, std);
  const float32 = dtype === 'float32';
  const m = float32 ? f32(mean) : mean;
  const s = float32 ? f32(std) : std;
  const block = float32 ? boxMuller16Float32 : boxMuller16Float64;
  if (float32) {
    for (let i = 0; i < n; i++) out[i] = gen.nextFloat();
  } else {
    for (let i = 0; i < n; i++) out[i] = gen.nextDouble();
  }
  for (let i = 0; i < n - 15; i += 16) block(out, i, m, s);
  if (n % 16 !== 0) {
    const base = n - 16;
    if (float32) {
      for (let i = 0; i < 16; i++) out[base + i] = gen.nextFloat();
    } else {
      for (let i = 0; i < 16; i++) out[base + i] = gen.nextDouble();
    }
    block(out, base, m, s);
  }
}

/**
 * `torch.normal` with a tensor mean and/or std (already broadcast to out.length). PyTorch draws N(0, std) and
 * adds the mean tensor, or draws N(0, 1) and then multiplies by std and adds mean as two separate tensor ops.
 */
export function normalTensorFill(
  gen: Generator,
  out: FloatStorage,
  dtype: 'float16' | 'bfloat16' | 'float32' | 'float64',
  mean: number | ArrayLike<number>,
  std: number | ArrayLike<number>,
): void {
  const n = out.length;
  const round = storeRounding(dtype);
  if (typeof std === 'number') {
    if (typeof mean === 'number') {
      normalFill(gen, out, dtype, mean, std);
      return;
    }
    normalFill(gen, out, dtype, 0, std);
    for (let i = 0; i < n; i++) out[i] = round(out[i] + mean[i]);
    return;
  }
  for (let i = 0; i < n; i++) {
    if (!(std[i] >= 0)) throw new RangeError('normal expects all elements of std >= 0.0');
  }
  normalFill(gen, out, dtype, 0, 1);
  const meanScalar = typeof mean === 'number' ? round(mean) : 0;
  for (let i = 0; i < n; i++) {
    const m = typeof mean === 'number' ? meanScalar : mean[i];
    out[i] = round(round(out[i] * std[i]) + m);
  }
}

/** update_from<scalar_t>: a `from` the float type cannot hold is moved up to one it can. */
function updateFrom(from: number, digits: number, round: (v: number) => number): number {
  const fromPlus1 = Math.trunc(round(from + 1));
  if (fromPlus1 < from) {
    let mag = Math.abs(from + 1);
    let bits = 0;
    while ((mag = Math.floor(mag / 2)) > 0) bits++;
    return fromPlus1 + 2 ** (bits - digits + 1);
  }
  return from;
}

/** update_to<scalar_t>: a `to` the float type cannot hold is moved down to one it can. */
function updateTo(to: number, digits: number, round: (v: number) => number): number {
  const toMinus1 = Math.trunc(round(to - 1));
  if (toMinus1 >= to) {
    let mag = Math.abs(to - 1);
    let bits = 0;
    while ((mag = Math.floor(mag / 2)) > 0) bits++;
    return toMinus1 - 2 ** (bits - digits + 1);
  }
  return to;
}

/** random_from_to: `from + draw % range`, with a 64-bit draw for ranges of 2**32 and up. */
function fillFromTo(gen: Generator, out: FloatStorage, range: number, base: number): void {
  const n = out.length;
  if (range < TWO_POW_32) {
    for (let i = 0; i < n; i++) out[i] = base + (gen.nextUint32() % range);
    return;
  }
  const r = BigInt(range);
  const b = BigInt(base);
  for (let i = 0; i < n; i++) out[i] = Number(BigInt.asIntN(64, (gen.nextUint64() % r) + b));
}

/**
 * `torch.randint(low, high, size)` / `Tensor.random_(low, high)`. Values are stored as numbers: int64 tensors live
 * in a Float64Array; a Float32Array rounds them like the float32 cast PyTorch applies.
 */
export function randintFill(gen: Generator, out: FloatStorage, low: number, high: number): void {
  if (!(low < high)) {
    throw new RangeError(`random_ expects 'from' to be less than 'to', but got from=${low} >= to=${high}`);
  }
  fillFromTo(gen, out, high - low, low);
}

/**
 * `Tensor.random_()`: with no bounds, [0, 2**digits] for a float type (24 bits for float32, 53 for float64, 11 for
 * float16, 8 for bfloat16), [0, 2**31 - 1] for int32 and [0, 2**63 - 1] for int64; `random_(from, to)` draws from
 * [from, to); `random_(from, None)` from [from, largest value of the dtype].
 */
export function randomFill(
  gen: Generator,
  out: FloatStorage,
  dtype: 'float16' | 'bfloat16' | 'float32' | 'float64' | 'int32' | 'int64',
  from?: number,
  to?: number,
): void {
  const n = out.length;
  const digits = FLOAT_DIGITS[dtype] ?? 0;
  if (from === undefined) {
    if (dtype === 'float64') {
      for (let i = 0; i < n; i++) out[i] = Number(gen.nextUint64() % 9007199254740993n);
    } else if (digits) {
      for (let i = 0; i < n; i++) out[i] = gen.nextUint32() % (2 ** digits + 1);
    } else if (dtype === 'int32') {
      for (let i = 0; i < n; i++) out[i] = gen.nextUint32() % 2147483648;
    } else {
      for (let i = 0; i < n; i++) out[i] = Number(gen.nextUint64() & 0x7fffffffffffffffn);
    }
    return;
  }
  const round = (v: number): number => castValue(dtype, v);
  if (to !== undefined) {
    if (!(from < to)) throw new RangeError(`random_ expects 'from' to be less than 'to', but got from=${from} >= to=${to}`);
    if (digits) {
      from = updateFrom(from, digits, round);
      to = updateTo(to, digits, round);
      if (!(from < to)) {
        throw new RangeError(
          `random_ expects 'from' casted to dtype to be less than 'to' casted to dtype, but got from=${from} >= to=${to}`,
        );
      }
    }
    fillFromTo(gen, out, to - from, from);
    return;
  }
  if (digits || dtype === 'int32') {
    const toInc = digits ? 2 ** digits : 2147483647;
    if (digits) from = updateFrom(from, digits, round);
    if (!(from < toInc)) {
      throw new RangeError(`random_ expects 'from' casted to dtype to be less than or equal to 'to_inc' casted to dtype, but got from=${from} > to_inc=${toInc}`);
    }
    fillFromTo(gen, out, toInc - from + 1, from);
    return;
  }
  // int64 [from, 2**63 - 1]: exact arithmetic needs BigInt here.
  const range = (1n << 63n) - 1n - BigInt(from) + 1n;
  const b = BigInt(from);
  if (range === 1n << 64n) {
    for (let i = 0; i < n; i++) out[i] = Number(BigInt.asIntN(64, gen.nextUint64()));
    return;
  }
  if (range < 1n << 32n) {
    const r = Number(range);
    for (let i = 0; i < n; i++) out[i] = from + (gen.nextUint32() % r);
    return;
  }
  for (let i = 0; i < n; i++) out[i] = Number(BigInt.asIntN(64, (gen.nextUint64() % range) + b));
}

/** `torch.randperm(n)` as randperm_cpu does it: a forward swap shuffle driven by `random() % (n - i)`. */
export function randperm(gen: Generator, n: number): Float64Array {
  if (!(Number.isInteger(n) && n >= 0)) throw new RangeError(`n must be non-negative, got${n}`);
  const r = new Float64Array(n);
  for (let i = 0; i < n; i++) r[i] = i;
  if (n < 214748364) {
    // n < UINT32_MAX / 20: PyTorch keeps the old 32-bit algorithm.
    for (let i = 0; i < n - 1; i++) {
      const z = gen.nextUint32() % (n - i);
      const sav = r[i];
      r[i] = r[z + i];
      r[z + i] = sav;
    }
    return r;
  }
  // Larger n: the "inside-out" Fisher–Yates with 64-bit draws, to keep the modulo bias negligible.
  for (let i = 0; i < n; i++) {
    const z = Number(gen.nextUint64() % BigInt(i + 1));
    r[i] = r[z];
    r[z] = i;
  }
  return r;
}
