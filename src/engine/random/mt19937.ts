/**
 * The 32-bit Mersenne Twister both PyTorch's CPU generator and NumPy's legacy RandomState are built on:
 * state, seeding (`init_genrand`, and NumPy's `init_by_array`), the twist and the tempered draws.
 * The distributions on top differ, and live with their generators.
 */
export const MT_N = 624;
const MT_M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;

export class MT19937 {
  readonly state = new Uint32Array(MT_N);
  /** Index of the next word to temper; MT_N means "twist first". */
  pos = MT_N;

  /** init_genrand. */
  seed(s: number): void {
    const mt = this.state;
    let x = s >>> 0;
    for (let i = 0; i < MT_N; i++) {
      mt[i] = x;
      x = (Math.imul(1812433253, x ^ (x >>> 30)) + i + 1) >>> 0;
    }
    this.pos = MT_N;
  }

  /** init_by_array (reference mt19937ar, as NumPy uses it); leaves the MSB of word 0 set, as NumPy does. */
  seedByArray(initKey: Uint32Array): void {
    this.seed(19650218);
    const mt = this.state;
    const len = initKey.length;
    let i = 1;
    let j = 0;
    for (let k = Math.max(MT_N, len); k > 0; k--) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = ((mt[i] ^ Math.imul(prev, 1664525)) + initKey[j] + j) >>> 0;
      i++;
      j++;
      if (i >= MT_N) {
        mt[0] = mt[MT_N - 1];
        i = 1;
      }
      if (j >= len) j = 0;
    }
    for (let k = MT_N - 1; k > 0; k--) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = ((mt[i] ^ Math.imul(prev, 1566083941)) - i) >>> 0;
      i++;
      if (i >= MT_N) {
        mt[0] = mt[MT_N - 1];
        i = 1;
      }
    }
    mt[0] = UPPER_MASK;
    this.pos = MT_N;
  }

  private twist(): void {
    const mt = this.state;
    let y: number;
    let i = 0;
    for (; i < MT_N - MT_M; i++) {
      y = (mt[i] & UPPER_MASK) | (mt[i + 1] & LOWER_MASK);
      mt[i] = mt[i + MT_M] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    for (; i < MT_N - 1; i++) {
      y = (mt[i] & UPPER_MASK) | (mt[i + 1] & LOWER_MASK);
      mt[i] = mt[i + (MT_M - MT_N)] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    y = (mt[MT_N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
    mt[MT_N - 1] = mt[MT_M - 1] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    this.pos = 0;
  }

  /** The next tempered output as an unsigned 32-bit number. */
  nextUint32(): number {
    if (this.pos >= MT_N) this.twist();
    let y = this.state[this.pos++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** 64 bits from two draws, the first one the high word (both PyTorch and NumPy do it this way). */
  nextUint64(): bigint {
    const hi = this.nextUint32();
    const lo = this.nextUint32();
    return (BigInt(hi) << 32n) | BigInt(lo);
  }
}
