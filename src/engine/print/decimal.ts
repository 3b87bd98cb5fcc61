/**
 * Exact decimal digits of doubles, shared by torch printing (print/format.ts) and NumPy printing
 * (numpy/format.ts).
 *
 * JS `toFixed`/`toExponential` break exact ties by rounding away from zero, while Python and NumPy round the
 * exact binary value half to even ('{:.4f}'.format(0.03125) == '0.0312', JS gives '0.0313'), and `toFixed`
 * switches to exponent notation from 1e21 on. Both printers therefore round the exact value: in double where
 * that provably gives the same integer (nearly always), else as BigInts. What is here is the arithmetic the two agree on;
 * each printer keeps its own layout and its own rounding rules at a cutoff.
 */

/** Decimal digits without leading or trailing zeros, value = 0.DIGITS * 10^decpt; `digits === ''` is zero. */
export interface Digits {
  digits: string;
  decpt: number;
}

const f64View = new DataView(new ArrayBuffer(8));

/** Splits a finite, positive double into an integer mantissa and a power of two: x = mant * 2^exp2 (exact). */
export function decompose(x: number): { mant: bigint; exp2: number } {
  f64View.setFloat64(0, x);
  const hi = f64View.getUint32(0);
  const lo = f64View.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (biased === 0) return { mant, exp2: -1074 };
  mant |= 1n << 52n;
  return { mant, exp2: biased - 1075 };
}

const pow10Cache: bigint[] = [];
export function pow10(n: number): bigint {
  let p = pow10Cache[n];
  if (p === undefined) {
    p = 10n ** BigInt(n);
    pow10Cache[n] = p;
  }
  return p;
}

const pow5Cache: bigint[] = [1n];
function pow5(n: number): bigint {
  for (let i = pow5Cache.length; i <= n; i++) pow5Cache.push(pow5Cache[i - 1] * 5n);
  return pow5Cache[n];
}

/** 10^0 … 10^22, each exactly a double. */
const EXACT_POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);

/** round(x * 10^k) with ties to even, for finite x > 0 and any integer k. */
export function scaleRound(x: number, k: number): bigint {
  // In double first: with 10^|k| exact, x·10^k is one correctly rounded product or quotient, within half an
  // ulp of the exact value, so unless its fraction is within an ulp of one half the integer it rounds to is
  // the exact value's. Printing a tensor takes this path for nearly every element; BigInts take the rest.
  if (k <= 22 && k >= -22) {
    const p = k >= 0 ? x * EXACT_POW10[k] : x / EXACT_POW10[-k];
    if (p < 2 ** 52) {
      const whole = Math.floor(p);
      const frac = p - whole;
      if (Math.abs(frac - 0.5) > p * 2 ** -51) return BigInt(frac > 0.5 ? whole + 1 : whole);
    }
  }
  return scaleRoundExact(x, k);
}

/** scaleRound on the exact value, as BigInts. */
export function scaleRoundExact(x: number, k: number): bigint {
  const { mant, exp2 } = decompose(x);
  let num = mant;
  let den = 1n;
  if (exp2 >= 0) num <<= BigInt(exp2);
  else den <<= BigInt(-exp2);
  if (k >= 0) num *= pow10(k);
  else den *= pow10(-k);
  const q = num / den;
  const twice = 2n * (num - q * den);
  if (twice > den || (twice === den && (q & 1n) === 1n)) return q + 1n;
  return q;
}

/** `digits` with the decimal point after `decpt` of them, normalised to a `Digits`. */
export function stripZeros(digits: string, decpt: number): Digits {
  const lead = digits.length - digits.replace(/^0+/, '').length;
  const d = digits.slice(lead).replace(/0+$/, '');
  return d === '' ? { digits: '', decpt: 0 } : { digits: d, decpt: decpt - lead };
}

/** The complete decimal expansion of a finite x > 0 (every binary fraction has a finite one). */
export function exactDigits(x: number): Digits {
  const { mant, exp2 } = decompose(x);
  if (exp2 >= 0) {
    const s = (mant << BigInt(exp2)).toString();
    return stripZeros(s, s.length);
  }
  // mant / 2^k = mant * 5^k / 10^k
  const k = -exp2;
  const s = (mant * pow5(k)).toString();
  return stripZeros(s, s.length - k);
}

/**
 * Shortest round-trip digits of a float64 x > 0. V8's `String(x)` is exactly that (closest to x, ties to even),
 * like Python's repr and NumPy's unique mode; only the layout differs, so this reads the digits back out of it.
 */
export function shortestDigits(x: number): Digits {
  const s = String(x);
  const ePos = s.indexOf('e');
  const mantissa = ePos < 0 ? s : s.slice(0, ePos);
  const exp10 = ePos < 0 ? 0 : Number(s.slice(ePos + 1));
  const dot = mantissa.indexOf('.');
  const digits = dot < 0 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1);
  return stripZeros(digits, (dot < 0 ? mantissa.length : dot) + exp10);
}

/** How Python (and NumPy's scalar str) spell NaN and the infinities; null for a finite x. */
export function nonFiniteText(x: number): string | null {
  if (x !== x) return 'nan'; // Python never shows the sign of a NaN
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  return null;
}

/**
 * Python `str(int)` for an int64 held in a double. Beyond 2**53 `String` prints the shortest round-trip
 * digits (2**60 -> "1152921504606847000"), not the exact integer the double holds, so go through BigInt.
 */
export function formatPythonInt(v: number): string {
  if (Number.isSafeInteger(v)) return String(v === 0 ? 0 : v); // folds -0, which Python ints lack
  return Number.isFinite(v) ? BigInt(Math.trunc(v)).toString() : String(v);
}
