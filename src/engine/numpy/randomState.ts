/**
 * NumPy's legacy `numpy.random.RandomState`, reproduced draw for draw.
 *
 * Tutorials seed NumPy (`np.random.seed(0)`, `RandomState(42)`, scikit-learn's `random_state=0`) and then print or
 * train on the numbers, so the playground has to hand them exactly what NumPy does. RandomState is frozen by NumPy's
 * compatibility policy (NEP 19), so matching it once keeps matching every NumPy release. This module follows
 * numpy/random/_mt19937.pyx, mtrand.pyx, _bounded_integers.pyx.in and src/legacy/legacy-distributions.c:
 *
 * - the bit generator is MT19937 seeded with `init_genrand` (an integer seed) or `init_by_array` (a 1-d array);
 * - doubles take 53 bits from two 32-bit draws, `(a >> 5) * 2**26 + (b >> 6)`, divided by 2**53;
 * - normals use the polar Box–Muller method and keep its second value for the next normal (`has_gauss`), even
 *   across calls and across `normal`/`standard_normal`/`randn`;
 * - bounded integers use masked rejection sampling: 32-bit draws while the range fits 32 bits, one 64-bit draw
 *   (high word first) otherwise, and for 8- and 16-bit dtypes one 32-bit draw is cut into 4 or 2 pieces (and for
 *   bool into 32 bits), the buffer living only for one call;
 * - shuffles are Fisher–Yates from the end, each index drawn by `random_interval` (masked rejection again).
 *
 * The bit generator itself is shared with PyTorch's (random/mt19937.ts); NumPy reads and writes its raw key and
 * position for `get_state`/`set_state`.
 */

import { valueError } from '../errors';
import { glibcMath } from '../random/libm';
import { MT19937 } from '../random/mt19937';

const N = 624;
const UPPER_MASK = 0x80000000;
const TWO_POW_26 = 67108864;
const TWO_POW_53 = 9007199254740992;
const TWO_POW_32 = 4294967296;
const UINT32_MAX = 0xffffffff;

/** A `randint` bound: one integer for every output, or one per output (already broadcast). */
export type IntBound = number | bigint | ArrayLike<number | bigint>;

/** What NumPy accepts as a legacy seed once the Python side has unwrapped it: an integer, a 1-d integer array, or none. */
export type NumpySeed = number | bigint | ArrayLike<number | bigint> | null | undefined;

/** The integer dtypes `randint` can draw, each with NumPy's own draw pattern. */
export type BoundedIntType = 'bool' | 'int8' | 'int16' | 'int32' | 'int64' | 'uint8' | 'uint16' | 'uint32' | 'uint64';

/** `RandomState.get_state()`: ('MT19937', key, pos, has_gauss, cached_gaussian). */
export interface LegacyState {
  key: Uint32Array;
  pos: number;
  hasGauss: boolean;
  gauss: number;
}

const INT_BOUNDS: Record<BoundedIntType, { lo: bigint; hi: bigint; bits: 1 | 8 | 16 | 32 | 64 }> = {
  bool: { lo: 0n, hi: 1n, bits: 1 },
  int8: { lo: -128n, hi: 127n, bits: 8 },
  int16: { lo: -32768n, hi: 32767n, bits: 16 },
  int32: { lo: -2147483648n, hi: 2147483647n, bits: 32 },
  int64: { lo: -(1n << 63n), hi: (1n << 63n) - 1n, bits: 64 },
  uint8: { lo: 0n, hi: 255n, bits: 8 },
  uint16: { lo: 0n, hi: 65535n, bits: 16 },
  uint32: { lo: 0n, hi: 4294967295n, bits: 32 },
  uint64: { lo: 0n, hi: (1n << 64n) - 1n, bits: 64 },
};

function isIntType(x: string): x is BoundedIntType {
  return Object.prototype.hasOwnProperty.call(INT_BOUNDS, x);
}

/** Smallest all-ones mask covering `max` (gen_mask / the mask in random_interval), for max < 2**32. */
function mask32(max: number): number {
  let m = max >>> 0;
  m |= m >>> 1;
  m |= m >>> 2;
  m |= m >>> 4;
  m |= m >>> 8;
  m |= m >>> 16;
  return m >>> 0;
}

function mask64(max: bigint): bigint {
  let m = max;
  for (let s = 1n; s <= 32n; s <<= 1n) m |= m >> s;
  return m;
}

function toBigInt(x: number | bigint, what: string): bigint {
  if (typeof x === 'bigint') return x;
  if (!Number.isInteger(x)) throw new TypeError(`${what} must be an integer, got ${x}`);
  return BigInt(x);
}

function entropyWords(n: number): Uint32Array {
  const words = new Uint32Array(n);
  const webCrypto = (globalThis as { crypto?: { getRandomValues?: (a: Uint32Array) => Uint32Array } }).crypto;
  if (webCrypto?.getRandomValues) {
    webCrypto.getRandomValues(words);
  } else {
    for (let i = 0; i < n; i++) words[i] = (Math.random() * TWO_POW_32) >>> 0;
  }
  return words;
}

export class RandomState {
  private readonly bits = new MT19937();
  private hasGauss = false;
  private cachedGauss = 0;

  constructor(seed?: NumpySeed) {
    this.seed(seed);
  }

  /**
   * `RandomState.seed` (`_legacy_seeding`): an integer in [0, 2**32) goes through init_genrand, a non-empty 1-d
   * sequence of integers in [0, 2**32) through init_by_array, nothing through OS entropy. Always forgets a cached
   * normal.
   */
  seed(seed?: NumpySeed): this {
    if (seed === null || seed === undefined) {
      // NumPy fills the key from a fresh SeedSequence and sets the MSB of key[0] so the state cannot be all zero.
      const words = entropyWords(N);
      this.bits.state.set(words);
      this.bits.state[0] = UPPER_MASK;
      this.bits.pos = N;
    } else if (typeof seed === 'number' || typeof seed === 'bigint') {
      const s = toBigInt(seed, 'seed');
      if (s < 0n || s > 0xffffffffn) throw valueError('Seed must be between 0 and 2**32 - 1');
      this.bits.seed(Number(s));
    } else {
      if (seed.length === 0) throw valueError('Seed must be non-empty');
      const words = new Uint32Array(seed.length);
      for (let i = 0; i < seed.length; i++) {
        const s = toBigInt(seed[i], 'seed');
        if (s < 0n || s > 0xffffffffn) throw valueError('Seed must be between 0 and 2**32 - 1');
        words[i] = Number(s);
      }
      this.bits.seedByArray(words);
    }
    this.hasGauss = false;
    this.cachedGauss = 0;
    return this;
  }

  /** mt19937_next32. */
  nextUint32(): number {
    return this.bits.nextUint32();
  }

  /** mt19937_next64: the first 32-bit draw is the high word. */
  nextUint64(): bigint {
    return this.bits.nextUint64();
  }

  /** mt19937_next_double: 27 + 26 bits of two draws. */
  nextDouble(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * TWO_POW_26 + b) / TWO_POW_53;
  }

  /** legacy_gauss: polar Box–Muller; the unused `f * x1` waits for the next normal. */
  gauss(): number {
    if (this.hasGauss) {
      const g = this.cachedGauss;
      this.hasGauss = false;
      this.cachedGauss = 0;
      return g;
    }
    let x1: number;
    let x2: number;
    let r2: number;
    do {
      x1 = 2.0 * this.nextDouble() - 1.0;
      x2 = 2.0 * this.nextDouble() - 1.0;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1.0 || r2 === 0.0);
    // NumPy calls libm's log; glibc's (as random/libm.ts carries it) keeps the result bit-identical on Linux.
    const f = Math.sqrt((-2.0 * glibcMath.log(r2)) / r2);
    this.cachedGauss = f * x1;
    this.hasGauss = true;
    return f * x2;
  }

  /** `random_sample(n)` / `rand` / `random`: doubles in [0, 1). */
  randomSample(n: number): Float64Array {
    const out = new Float64Array(checkCount(n));
    for (let i = 0; i < out.length; i++) out[i] = this.nextDouble();
    return out;
  }

  /** `standard_normal(n)` / `randn`. */
  standardNormal(n: number): Float64Array {
    const out = new Float64Array(checkCount(n));
    for (let i = 0; i < out.length; i++) out[i] = this.gauss();
    return out;
  }

  /**
   * `normal(loc, scale, n)`: `loc + scale * gauss()` per element. Array arguments must already be broadcast to
   * the n outputs (C order), which is the order NumPy walks them in.
   */
  normal(loc: number | ArrayLike<number>, scale: number | ArrayLike<number>, n: number): Float64Array {
    const out = new Float64Array(checkCount(n));
    checkParam(scale, n, 'scale', (s) => s >= 0 || Number.isNaN(s), 'scale < 0');
    checkParam(loc, n, 'loc', () => true, '');
    for (let i = 0; i < out.length; i++) out[i] = at(loc, i) + at(scale, i) * this.gauss();
    return out;
  }

  /** `uniform(low, high, n)`: `low + (high - low) * u`, the range computed once per element before drawing. */
  uniform(low: number | ArrayLike<number>, high: number | ArrayLike<number>, n: number): Float64Array {
    const out = new Float64Array(checkCount(n));
    checkParam(low, n, 'low', () => true, '');
    checkParam(high, n, 'high', () => true, '');
    const count = typeof low === 'number' && typeof high === 'number' ? 1 : n;
    for (let i = 0; i < count; i++) {
      if (!Number.isFinite(at(high, i) - at(low, i))) throw new RangeError('Range exceeds valid bounds');
    }
    for (let i = 0; i < out.length; i++) {
      const lo = at(low, i);
      out[i] = lo + (at(high, i) - lo) * this.nextDouble();
    }
    return out;
  }

  /** legacy_standard_exponential: `-log(1 - u)`. */
  standardExponential(n: number): Float64Array {
    const out = new Float64Array(checkCount(n));
    for (let i = 0; i < out.length; i++) out[i] = -glibcMath.log(1.0 - this.nextDouble());
    return out;
  }

  /** `exponential(scale, n)`: `scale * standard_exponential`. */
  exponential(scale: number | ArrayLike<number>, n: number): Float64Array {
    const out = new Float64Array(checkCount(n));
    checkParam(scale, n, 'scale', (s) => s >= 0 || Number.isNaN(s), 'scale < 0');
    for (let i = 0; i < out.length; i++) out[i] = at(scale, i) * -glibcMath.log(1.0 - this.nextDouble());
    return out;
  }

  /**
   * `randint(low, high, n, dtype)`: integers in [low, high) as numbers (exact up to 2**53, like the engine's int64
   * storage). Bounds are checked against `dtype` with NumPy's messages. Array bounds must already be broadcast to
   * the n outputs; they take NumPy's broadcast path, whose draws match the scalar path element by element.
   */
  randint(low: IntBound, high: IntBound, n: number, dtype: BoundedIntType = 'int64'): Float64Array {
    const out = new Float64Array(checkCount(n));
    this.randintEach(low, high, n, dtype, (i, off, v) => {
      out[i] = typeof v === 'number' && off >= -TWO_POW_53 && off <= TWO_POW_53 ? Number(off) + v : Number(off + BigInt(v));
    });
    return out;
  }

  /** `randint` with exact results for ranges beyond 2**53 (what a scalar `randint(2**63)` returns to Python). */
  randintExact(low: IntBound, high: IntBound, n: number, dtype: BoundedIntType = 'int64'): bigint[] {
    const out: bigint[] = new Array<bigint>(checkCount(n));
    this.randintEach(low, high, n, dtype, (i, off, v) => {
      out[i] = off + BigInt(v);
    });
    return out;
  }

  /**
   * `_rand_{dtype}` and its broadcast variant: validates every bound first, then draws an offset in [0, rng] per
   * element. NumPy returns an empty array for an empty size before looking at the bounds.
   */
  private randintEach(
    low: IntBound,
    high: IntBound,
    n: number,
    dtype: BoundedIntType,
    emit: (i: number, off: bigint, v: number | bigint) => void,
  ): void {
    if (n === 0) return;
    if (!isIntType(dtype)) throw valueError(`Unsupported dtype ${String(dtype)} for randint`);
    const scalar = typeof low !== 'object' && typeof high !== 'object';
    const count = scalar ? 1 : n;
    const offs: bigint[] = new Array<bigint>(count);
    const rngs: bigint[] = new Array<bigint>(count);
    for (let i = 0; i < count; i++) {
      const r = randintRange(boundAt(low, i, n, 'low'), boundAt(high, i, n, 'high'), dtype);
      offs[i] = r.off;
      rngs[i] = r.rng;
    }
    const draw = this.boundedDraw(INT_BOUNDS[dtype].bits);
    for (let i = 0; i < n; i++) {
      const k = scalar ? 0 : i;
      emit(i, offs[k], draw(rngs[k]));
    }
  }

  /**
   * One bounded draw in [0, rng] as NumPy's random_bounded_* / random_buffered_bounded_* functions make it for a
   * dtype of `bits` bits. The 8-/16-bit and bool variants cut one 32-bit draw into 4, 2 or 32 pieces (lowest
   * first); the buffer lives as long as the returned function, i.e. one `randint` call, as NumPy's does.
   */
  private boundedDraw(bits: 1 | 8 | 16 | 32 | 64): (rng: bigint) => number | bigint {
    let buf = 0;
    let bcnt = 0;
    let lastRng = -1n;
    let rngN = 0;
    let mask = 0;
    const prepare = (rng: bigint): void => {
      if (rng === lastRng) return;
      lastRng = rng;
      rngN = Number(rng);
      mask = rngN <= UINT32_MAX ? mask32(rngN) : 0;
    };
    if (bits === 1) {
      return (rng) => {
        if (rng === 0n) return 0;
        if (!bcnt) {
          buf = this.nextUint32();
          bcnt = 31;
        } else {
          buf >>>= 1;
          bcnt--;
        }
        return buf & 1;
      };
    }
    if (bits === 8 || bits === 16) {
      const pieces = bits === 8 ? 3 : 1;
      const full = bits === 8 ? 0xff : 0xffff;
      return (rng) => {
        if (rng === 0n) return 0;
        prepare(rng);
        for (;;) {
          if (!bcnt) {
            buf = this.nextUint32();
            bcnt = pieces;
          } else {
            buf >>>= bits;
            bcnt--;
          }
          // The full range skips the mask and the rejection; masking with `full` is the same thing.
          const v = buf & full & mask;
          if (v <= rngN) return v;
        }
      };
    }
    // 32- and 64-bit dtypes: 32-bit draws without a buffer while the range fits, 64-bit draws beyond.
    return (rng) => {
      if (rng === 0n) return 0;
      if (rng <= 0xffffffffn) {
        if (rng === 0xffffffffn) return this.nextUint32();
        prepare(rng);
        for (;;) {
          const v = (this.nextUint32() & mask) >>> 0;
          if (v <= rngN) return v;
        }
      }
      return this.boundedLarge(rng);
    };
  }

  /** A 64-bit masked draw in [0, rng] (rng >= 2**32); the full 64-bit range takes the draw as it is. */
  private boundedLarge(rng: bigint): bigint {
    if (rng === (1n << 64n) - 1n) return this.nextUint64();
    // The mask and the comparison split into 32-bit halves, so only the accepted draw becomes a BigInt.
    const maskHi = Number(mask64(rng) >> 32n);
    const rngHi = Number(rng >> 32n);
    const rngLo = Number(rng & 0xffffffffn);
    for (;;) {
      const hi = (this.nextUint32() & maskHi) >>> 0;
      const lo = this.nextUint32();
      if (hi > rngHi || (hi === rngHi && lo > rngLo)) continue;
      return (BigInt(hi) << 32n) | BigInt(lo);
    }
  }

  /** random_interval(max): uniform in [0, max] by masked rejection; 32-bit draws unless max needs more. */
  interval(max: number): number {
    if (max === 0) return 0;
    if (max <= UINT32_MAX) {
      const mask = mask32(max);
      let v: number;
      do v = (this.nextUint32() & mask) >>> 0;
      while (v > max);
      return v;
    }
    const mask = mask64(BigInt(max));
    const maskHi = Number(mask >> 32n);
    for (;;) {
      const hi = (this.nextUint32() & maskHi) >>> 0;
      const lo = this.nextUint32();
      const v = hi * TWO_POW_32 + lo;
      if (v <= max) return v;
    }
  }

  /**
   * The order `shuffle` leaves n items in: Fisher–Yates from the last position down to 1, swapping position i
   * with random_interval(i). `shuffle(x)` on any sequence equals `x[:] = x[order]`.
   */
  shuffleOrder(n: number): Float64Array {
    const order = new Float64Array(checkCount(n));
    for (let i = 0; i < order.length; i++) order[i] = i;
    this.shuffleInPlace(order);
    return order;
  }

  /** `shuffle(x)` for a flat array, in place. */
  shuffleInPlace(x: { length: number; [i: number]: number }): void {
    for (let i = x.length - 1; i > 0; i--) {
      const j = this.interval(i);
      const t = x[i];
      x[i] = x[j];
      x[j] = t;
    }
  }

  /**
   * The partner of each swap `shuffle` makes on n items, for positions n-1 down to 1: what NumPy's untyped path
   * (a Python sequence that is not an ndarray) swaps one pair at a time.
   */
  shuffleSwaps(n: number): Float64Array {
    const swaps = new Float64Array(Math.max(0, checkCount(n) - 1));
    for (let i = n - 1, k = 0; i > 0; i--, k++) swaps[k] = this.interval(i);
    return swaps;
  }

  /** `permutation(n)`: a shuffled arange(n). */
  permutation(n: number): Float64Array {
    return this.shuffleOrder(n);
  }

  /**
   * `choice(popSize, size, replace, p)`: the indices into the population NumPy's legacy `choice` picks. Without
   * `p`: `randint(0, popSize, size)` with replacement, the first `size` of `permutation(popSize)` without. With
   * `p`: inverse-CDF lookups of `random_sample` draws (retried over the remaining items without replacement).
   * `pAtol` is NumPy's tolerance on sum(p) - 1 (sqrt of the float eps of p's dtype, at least float64's).
   */
  choice(popSize: number, size: number, replace = true, p: ArrayLike<number> | null = null, pAtol = Math.sqrt(2 ** -52)): Float64Array {
    checkCount(size);
    if (!Number.isInteger(popSize)) throw valueError('a must be 1-dimensional or an integer');
    if (popSize <= 0 && size !== 0) throw valueError('a must be greater than 0 unless no samples are taken');
    let probs: Float64Array | null = null;
    if (p !== null) {
      probs = Float64Array.from(p);
      if (probs.length !== popSize) throw valueError("'a' and 'p' must have same size");
      const pSum = kahanSum(probs);
      if (Number.isNaN(pSum)) throw valueError('probabilities contain NaN');
      if (probs.some((v) => v < 0)) throw valueError('probabilities are not non-negative');
      if (Math.abs(pSum - 1) > pAtol) throw valueError('probabilities do not sum to 1');
    }
    if (size === 0 && popSize <= 0) return new Float64Array(0);
    if (replace) {
      if (probs === null) return this.randint(0, popSize, size);
      const cdf = cumulative(probs);
      const out = new Float64Array(size);
      for (let i = 0; i < size; i++) out[i] = searchRight(cdf, this.nextDouble());
      return out;
    }
    if (size > popSize) throw valueError("Cannot take a larger sample than population when 'replace=False'");
    if (probs === null) return this.permutation(popSize).slice(0, size);
    let nonzero = 0;
    for (const v of probs) if (v > 0) nonzero++;
    if (nonzero < size) throw valueError('Fewer non-zero entries in p than size');
    const found = new Float64Array(size);
    let nUniq = 0;
    while (nUniq < size) {
      const x = this.randomSample(size - nUniq);
      for (let k = 0; k < nUniq; k++) probs[found[k]] = 0;
      const cdf = cumulative(probs);
      // np.unique(new, return_index=True) then sorting the indices: the distinct picks in order of first appearance.
      const seen = new Set<number>();
      for (let k = 0; k < x.length; k++) {
        const idx = searchRight(cdf, x[k]);
        if (!seen.has(idx)) {
          seen.add(idx);
          found[nUniq++] = idx;
        }
      }
    }
    return found;
  }

  /** `bytes(length)`: little-endian bytes of full-range uint32 draws, cut to length. */
  bytes(length: number): Uint8Array {
    const n = checkCount(length);
    const words = n === 0 ? 0 : Math.floor((n - 1) / 4) + 1;
    const out = new Uint8Array(words * 4);
    for (let w = 0; w < words; w++) {
      const v = this.nextUint32();
      out[4 * w] = v & 0xff;
      out[4 * w + 1] = (v >>> 8) & 0xff;
      out[4 * w + 2] = (v >>> 16) & 0xff;
      out[4 * w + 3] = v >>> 24;
    }
    return out.slice(0, n);
  }

  getState(): LegacyState {
    return { key: this.bits.state.slice(), pos: this.bits.pos, hasGauss: this.hasGauss, gauss: this.cachedGauss };
  }

  /** `set_state`: NumPy takes the key modulo 2**32 and the position as given (it must index the key or equal 624). */
  setState(state: { key: ArrayLike<number | bigint>; pos: number; hasGauss?: boolean | number; gauss?: number }): void {
    if (state.key.length !== N) throw valueError('state must be 624 elements');
    if (!(Number.isInteger(state.pos) && state.pos >= 0 && state.pos <= N)) {
      throw valueError(`pos must be between 0 and ${N}`);
    }
    for (let i = 0; i < N; i++) this.bits.state[i] = Number(BigInt.asUintN(32, toBigInt(state.key[i], 'key')));
    this.bits.pos = state.pos;
    this.hasGauss = !!state.hasGauss;
    this.cachedGauss = state.gauss ?? 0;
  }
}

function checkCount(n: number): number {
  if (!(Number.isInteger(n) && n >= 0)) throw valueError('negative dimensions are not allowed');
  return n;
}

function at(v: number | ArrayLike<number>, i: number): number {
  return typeof v === 'number' ? v : v[i];
}

function checkParam(
  v: number | ArrayLike<number>,
  n: number,
  name: string,
  ok: (x: number) => boolean,
  message: string,
): void {
  if (typeof v === 'number') {
    if (!ok(v)) throw valueError(message);
    return;
  }
  if (v.length !== n) throw valueError(`${name} has ${v.length} values for ${n} outputs`);
  for (let i = 0; i < v.length; i++) if (!ok(v[i])) throw valueError(message);
}

/**
 * The validation of `_rand_{dtype}`: `high` is exclusive, bounds are checked against the dtype, and the result is
 * the offset (low) and the inclusive range (high - 1 - low) the fill functions take.
 */
function randintRange(low: number | bigint, high: number | bigint, dtype: BoundedIntType): { off: bigint; rng: bigint } {
  if (!isIntType(dtype)) throw valueError(`Unsupported dtype ${String(dtype)} for randint`);
  const bounds = INT_BOUNDS[dtype];
  const lo = toBigInt(typeof low === 'number' ? Math.trunc(low) : low, 'low');
  const hi = toBigInt(typeof high === 'number' ? Math.trunc(high) : high, 'high') - 1n;
  if (lo < bounds.lo) throw valueError(`low is out of bounds for ${dtype}`);
  if (hi > bounds.hi) throw valueError(`high is out of bounds for ${dtype}`);
  if (lo > hi) throw valueError(lo === 0n ? 'high <= 0' : 'low >= high');
  return { off: lo, rng: hi - lo };
}

function boundAt(b: IntBound, i: number, n: number, name: string): number | bigint {
  if (typeof b !== 'object') return b;
  if (b.length !== n) throw valueError(`${name} has ${b.length} values for ${n} outputs`);
  return b[i];
}

/** The legacy `kahan_sum` NumPy checks `p` with. */
function kahanSum(a: Float64Array): number {
  if (a.length === 0) return 0;
  let sum = a[0];
  let c = 0;
  for (let i = 1; i < a.length; i++) {
    const y = a[i] - c;
    const t = sum + y;
    c = t - sum - y;
    sum = t;
  }
  return sum;
}

/** `cdf = p.cumsum(); cdf /= cdf[-1]` (cumsum adds left to right). */
function cumulative(p: Float64Array): Float64Array {
  const cdf = new Float64Array(p.length);
  let s = 0;
  for (let i = 0; i < p.length; i++) cdf[i] = s += p[i];
  const last = cdf[cdf.length - 1];
  for (let i = 0; i < cdf.length; i++) cdf[i] /= last;
  return cdf;
}

/** `searchsorted(cdf, x, side='right')`: the number of entries <= x. */
function searchRight(cdf: Float64Array, x: number): number {
  let lo = 0;
  let hi = cdf.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cdf[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The RandomState behind `numpy.random.seed`, `numpy.random.rand`, … . NumPy seeds it from OS entropy at import;
 * the Python module holds it through the binding.
 */
export const globalRandomState = new RandomState();
