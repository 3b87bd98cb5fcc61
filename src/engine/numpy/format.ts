/**
 * NumPy 2.x printing, character for character: `repr()`/`str()` of arrays (numpy/_core/arrayprint.py) and of
 * NumPy scalars (scalartypes.c), with the digit generation of NumPy's Dragon4 (dragon4.c).
 *
 * Scripts compare what they print with what real NumPy shows, so every padding, wrap and rounding rule below
 * mirrors the NumPy code path it replaces; the comments name those functions. Two facts drive most of it:
 * - NumPy prints each element with the shortest digits that identify it *in its own type*: a float32 0.1 prints
 *   `0.1`, not the `0.10000000149011612` its float64 widening would need;
 * - digits past the shortest ones (a `precision` cut, or `min_digits` padding in scientific mode) come from the
 *   exact binary value, rounded half to even.
 */

import { decompose, Digits, exactDigits, formatPythonInt, nonFiniteText, pow10, shortestDigits, stripZeros } from '../print/decimal';

export type NumpyDType = 'float32' | 'float64' | 'int32' | 'int64' | 'bool';

export interface NumpyPrintOptions {
  precision: number;
  threshold: number;
  edgeitems: number;
  linewidth: number;
  suppress: boolean;
  floatmode: 'fixed' | 'unique' | 'maxprec' | 'maxprec_equal';
  sign: '-' | '+' | ' ';
  nanstr: string;
  infstr: string;
}

const DEFAULTS: Readonly<NumpyPrintOptions> = {
  precision: 8,
  threshold: 1000,
  edgeitems: 3,
  linewidth: 75,
  suppress: false,
  floatmode: 'maxprec',
  sign: '-',
  nanstr: 'nan',
  infstr: 'inf',
};

/** `np.get_printoptions()`; mutated in place so importers always see the current values. */
export const numpyPrintOptions: NumpyPrintOptions = { ...DEFAULTS };

/** `np.set_printoptions(...)`: only the given options change, as in NumPy. */
export function setNumpyPrintOptions(o: Partial<NumpyPrintOptions>): void {
  if (o.floatmode !== undefined && !['fixed', 'unique', 'maxprec', 'maxprec_equal'].includes(o.floatmode)) {
    throw new RangeError('floatmode option must be one of "fixed", "unique", "maxprec", "maxprec_equal"');
  }
  if (o.sign !== undefined && !['-', '+', ' '].includes(o.sign)) {
    throw new RangeError("sign option must be one of ' ', '+', or '-'");
  }
  if (o.precision !== undefined && (!Number.isInteger(o.precision) || o.precision < 0)) {
    throw new RangeError('precision must be >= 0');
  }
  if (o.threshold !== undefined && Number.isNaN(o.threshold)) {
    throw new RangeError('threshold must be non-NAN, try sys.maxsize for untruncated representation');
  }
  for (const [k, v] of Object.entries(o)) if (v !== undefined) (numpyPrintOptions as unknown as Record<string, unknown>)[k] = v;
}

/** Back to NumPy's defaults (a new run must not inherit the previous script's `set_printoptions`). */
export function resetNumpyPrintOptions(): void {
  Object.assign(numpyPrintOptions, DEFAULTS);
}

// ---------------------------------------------------------------------------------------------
// Digits: what Dragon4 produces, as print/decimal.ts's `Digits` (value = 0.DIGITS * 10^decpt). The exact and
// shortest float64 expansions come from there; Dragon4's cutoff rounding and float32 shortest digits are NumPy's.
// ---------------------------------------------------------------------------------------------

/**
 * Keeps `keep` digits of an exact expansion and rounds the rest away half to even, as Dragon4 does at a cutoff.
 * A round-up drops the carried 9s (Dragon4 never prints trailing zeros it did not generate), a round-down
 * keeps the digits it generated, zeros included.
 */
function roundDigits(e: Digits, keep: number): Digits {
  if (e.digits === '' || keep >= e.digits.length) return e;
  if (keep < 0) return { digits: '', decpt: 0 };
  const rest = e.digits.slice(keep);
  const kept = e.digits.slice(0, keep);
  let up: boolean;
  if (rest[0] !== '5') up = rest[0] > '5';
  else if (rest.length > 1) up = true; // expansions carry no trailing zeros: anything after the 5 is nonzero
  else up = kept.length > 0 && (kept.charCodeAt(kept.length - 1) - 48) % 2 === 1;
  if (!up) return kept === '' ? { digits: '', decpt: 0 } : { digits: kept, decpt: e.decpt };
  let i = kept.length - 1;
  while (i >= 0 && kept[i] === '9') i--;
  if (i < 0) return { digits: '1', decpt: e.decpt + 1 };
  return { digits: kept.slice(0, i) + String.fromCharCode(kept.charCodeAt(i) + 1), decpt: e.decpt };
}

/**
 * Shortest digits that read back as the same float32 (x > 0, already a float32 value). Among the shortest
 * candidates inside the rounding interval the closest wins, ties to the even digit; the interval is closed
 * when the mantissa is even (a decimal exactly halfway reads back as the even neighbour).
 */
function shortest32(x: number): Digits {
  const { mant: m64, exp2: e64 } = decompose(x);
  // Re-express as a float32: x = mant * 2^exp2 with a 24-bit mantissa, or a subnormal's exponent of -149.
  let mant: bigint;
  let exp2: number;
  if (x >= 2 ** -126) {
    mant = m64 >> 29n;
    exp2 = e64 + 29;
  } else {
    mant = m64 >> BigInt(-149 - e64);
    exp2 = -149;
  }
  const inclusive = (mant & 1n) === 0n;
  // Just above a power of two the next float32 down is half as far away as the next one up.
  const lowerCloser = mant === 1n << 23n && exp2 > -149;
  const first = shortestDigits(x).decpt - 1; // exact decimal exponent of x's leading digit
  // Common scale 2^a * 10^b that makes x, both half-gaps and the candidate spacing integers.
  const a = Math.max(0, 2 - exp2);
  const shift = (v: bigint, e: number): bigint => v << BigInt(e);
  for (let p = 1; p <= 9; p++) {
    const q = first + 1 - p; // candidates are D * 10^q with p significant digits
    const b = Math.max(0, -q);
    const V = shift(mant, exp2 + a) * pow10(b);
    const up = shift(1n, exp2 - 1 + a) * pow10(b);
    const down = lowerCloser ? shift(1n, exp2 - 2 + a) * pow10(b) : up;
    const unit = pow10(q + b) << BigInt(a);
    const dLo = V / unit;
    const gapLo = V - dLo * unit;
    const gapHi = unit - gapLo;
    const loOk = gapLo === 0n || gapLo < down || (inclusive && gapLo === down);
    const hiOk = gapLo !== 0n && (gapHi < up || (inclusive && gapHi === up));
    if (!loOk && !hiOk) continue;
    let d: bigint;
    if (loOk && hiOk) d = gapLo < gapHi ? dLo : gapHi < gapLo ? dLo + 1n : dLo % 2n === 0n ? dLo : dLo + 1n;
    else d = loOk ? dLo : dLo + 1n;
    const s = d.toString();
    return stripZeros(s, s.length + q);
  }
  // Unreachable: nine significant digits always identify a float32.
  return shortestDigits(x);
}

function shortest(x: number, f32: boolean): Digits {
  return f32 ? shortest32(x) : shortestDigits(x);
}

type Trim = 'k' | '.' | '0' | '-';

interface Dragon4Options {
  precision: number; // -1: none
  minDigits: number; // -1: none
  unique: boolean;
  trim: Trim;
  sign: boolean; // print '+' for non-negative values
}

/**
 * Dragon4's digit generation. `cutoff` is where a `precision` cut falls: 'total' counts significant digits
 * (scientific), 'fraction' digits after the decimal point (positional).
 */
function dragon4Digits(ax: number, f32: boolean, unique: boolean, cutoff: 'total' | 'fraction', precision: number, minDigits: number): Digits {
  if (ax === 0) return { digits: '0', decpt: 1 };
  const keepAt = (decpt: number, n: number): number => (cutoff === 'total' ? n : decpt + n);
  if (!unique) {
    const e = exactDigits(ax);
    return orZero(roundDigits(e, keepAt(e.decpt, precision)));
  }
  const s = shortest(ax, f32);
  if (precision >= 0 && s.digits.length > keepAt(s.decpt, precision)) {
    const e = exactDigits(ax);
    return orZero(roundDigits(e, keepAt(e.decpt, precision)));
  }
  if (minDigits >= 0 && s.digits.length < keepAt(s.decpt, minDigits)) {
    const e = exactDigits(ax);
    return orZero(roundDigits(e, keepAt(e.decpt, minDigits)));
  }
  return s;
}

/** Dragon4 prints a value that rounds to nothing as a single 0 digit. */
function orZero(d: Digits): Digits {
  return d.digits === '' ? { digits: '0', decpt: 1 } : d;
}

function signPrefix(x: number, plus: boolean): string {
  return x < 0 || Object.is(x, -0) ? '-' : plus ? '+' : '';
}

/** dragon4.c `FormatPositional` (fractional cutoff), including its trim and padding rules. */
function dragon4Positional(x: number, f32: boolean, o: Dragon4Options & { padLeft: number; padRight: number }): string {
  const sign = signPrefix(x, o.sign);
  const d = dragon4Digits(Math.abs(x), f32, o.unique, 'fraction', o.precision, o.minDigits);
  let whole: string;
  let frac: string;
  if (d.decpt > 0) {
    whole = d.digits.slice(0, d.decpt).padEnd(d.decpt, '0');
    frac = d.digits.slice(d.decpt);
  } else {
    whole = '0';
    frac = '0'.repeat(-d.decpt) + d.digits;
  }
  let dot = frac.length > 0 || o.trim !== '-';
  const addDigits = Math.max(0, o.unique ? o.minDigits : o.precision);
  if (o.trim === '0') {
    if (frac.length === 0) frac = '0';
  } else if (o.trim === 'k' && addDigits > frac.length) {
    frac = frac.padEnd(addDigits, '0');
  }
  // Rounding can leave trailing zeros; the trim modes other than 'k' remove them.
  if (o.precision >= 0 && o.trim !== 'k' && frac.length > 0) {
    frac = frac.replace(/0+$/, '');
    if (frac.length === 0) {
      if (o.trim === '0') frac = '0';
      else if (o.trim === '-') dot = false;
    }
  }
  let out = sign + whole + (dot ? '.' : '') + frac;
  if (o.padRight >= frac.length) {
    if (o.trim === '-' && frac.length === 0) out += ' ';
    out += ' '.repeat(o.padRight - frac.length);
  }
  const wholeLen = whole.length + sign.length;
  if (o.padLeft > wholeLen) out = ' '.repeat(o.padLeft - wholeLen) + out;
  return out;
}

/** dragon4.c `FormatScientific`: `precision` and `minDigits` count digits after the first one. */
function dragon4Scientific(x: number, f32: boolean, o: Dragon4Options & { padLeft: number; expDigits: number }): string {
  const sign = signPrefix(x, o.sign);
  const d = dragon4Digits(Math.abs(x), f32, o.unique, 'total', o.precision >= 0 ? o.precision + 1 : -1, o.minDigits >= 0 ? o.minDigits + 1 : -1);
  const exp = d.digits === '0' ? 0 : d.decpt - 1;
  let frac = d.digits.slice(1);
  let dot = frac.length > 0 || o.trim !== '-';
  const addDigits = Math.max(0, o.unique ? o.minDigits : o.precision);
  if (o.trim === '0') {
    if (frac.length === 0) frac = '0';
  } else if (o.trim === 'k' && addDigits > frac.length) {
    frac = frac.padEnd(addDigits, '0');
  }
  if (o.precision >= 0 && o.trim !== 'k' && frac.length > 0) {
    frac = frac.replace(/0+$/, '');
    if (frac.length === 0) {
      if (o.trim === '0') frac = '0';
      else if (o.trim === '-') dot = false;
    }
  }
  const expDigits = o.expDigits < 0 ? 2 : Math.min(o.expDigits, 5);
  const expStr = 'e' + (exp < 0 ? '-' : '+') + String(Math.abs(exp)).padStart(expDigits, '0');
  let out = sign + d.digits[0] + (dot ? '.' : '') + frac + expStr;
  const wholeLen = 1 + sign.length;
  if (o.padLeft > wholeLen) out = ' '.repeat(o.padLeft - wholeLen) + out;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Scalars (scalartypes.c: `str()` and `repr()` of np.float32, np.float64, np.int64, np.bool)
// ---------------------------------------------------------------------------------------------

/**
 * `str(np.float32(x))` / `str(np.float64(x))`: positional between 1e-4 and 10**precision of the type
 * (1e6 for float32, whose `finfo.precision` is 6; 1e16 for float64), scientific outside.
 */
function floatScalarStr(v: number, f32: boolean): string {
  const special = nonFiniteText(v);
  if (special !== null) return special;
  const a = Math.abs(v);
  if (a === 0 || (a >= 1e-4 && a < (f32 ? 1e6 : 1e16))) {
    return dragon4Positional(v, f32, { precision: -1, minDigits: -1, unique: true, trim: '0', sign: false, padLeft: -1, padRight: -1 });
  }
  return dragon4Scientific(v, f32, { precision: -1, minDigits: -1, unique: true, trim: '-', sign: false, padLeft: -1, expDigits: -1 });
}

/** `str()` of a NumPy scalar, which is also `str()` of a 0-d array. */
export function numpyScalarStr(v: number, dtype: NumpyDType): string {
  switch (dtype) {
    case 'float32': return floatScalarStr(Math.fround(v), true);
    case 'float64': return floatScalarStr(v, false);
    case 'int32':
    case 'int64': return formatPythonInt(v);
    case 'bool': return v ? 'True' : 'False';
  }
}

/** NumPy 2's `repr()` of a scalar: `np.float32(1.5)`, `np.int64(3)`, `np.True_`. */
export function numpyScalarRepr(v: number, dtype: NumpyDType): string {
  if (dtype === 'bool') return v ? 'np.True_' : 'np.False_';
  return `np.${dtype}(${numpyScalarStr(v, dtype)})`;
}

// ---------------------------------------------------------------------------------------------
// Element formatters (arrayprint.py FloatingFormat, IntegerFormat, BoolFormat)
// ---------------------------------------------------------------------------------------------

type ElementFormat = (v: number) => string;

/** arrayprint.py `FloatingFormat` with legacy=False. `data` are the (possibly summarised) elements. */
function floatingFormat(data: readonly number[], f32: boolean, opts: NumpyPrintOptions): ElementFormat {
  const plus = opts.sign === '+';
  let precision = opts.floatmode === 'unique' ? -1 : opts.precision;
  const finite = data.filter((v) => Number.isFinite(v));
  const r = f32 ? Math.fround : (v: number) => v;
  let expFormat = false;
  let min = Infinity;
  let max = -Infinity;
  for (const v of finite) {
    if (v === 0) continue;
    const a = Math.abs(v);
    if (a < min) min = a;
    if (a > max) max = a;
  }
  if (max >= 0 && min !== Infinity) {
    // The comparisons happen in the array's dtype (a Python float operand is "weak" under NEP 50).
    const cutoffMax = f32 ? 1e6 : 1e8;
    if (max >= cutoffMax || (!opts.suppress && (min < r(1e-4) || r(max / min) > 1000))) expFormat = true;
  }
  let padLeft = 0;
  let padRight = 0;
  let trim: Trim = '.';
  let expSize = -1;
  let unique = true;
  let minDigits = -1;
  if (finite.length === 0) {
    // nothing to measure
  } else if (expFormat) {
    unique = opts.floatmode !== 'fixed';
    const fillTrim: Trim = unique ? '.' : 'k';
    let maxFrac = 0;
    for (const v of finite) {
      const s = dragon4Scientific(v, f32, { precision, minDigits: -1, unique, trim: fillTrim, sign: plus, padLeft: -1, expDigits: -1 });
      const ePos = s.indexOf('e');
      const mant = s.slice(0, ePos);
      const dot = mant.indexOf('.');
      padLeft = Math.max(padLeft, dot);
      maxFrac = Math.max(maxFrac, mant.length - dot - 1);
      expSize = Math.max(expSize, s.length - ePos - 2);
    }
    trim = 'k';
    precision = maxFrac;
    minDigits = maxFrac;
    padRight = expSize + 2 + precision;
  } else {
    unique = opts.floatmode !== 'fixed';
    const fillTrim: Trim = unique ? '.' : 'k';
    for (const v of finite) {
      const s = dragon4Positional(v, f32, { precision, minDigits: -1, unique, trim: fillTrim, sign: plus, padLeft: -1, padRight: -1 });
      const dot = s.indexOf('.');
      padLeft = Math.max(padLeft, dot);
      padRight = Math.max(padRight, s.length - dot - 1);
    }
    if (opts.floatmode === 'fixed' || opts.floatmode === 'maxprec_equal') {
      precision = minDigits = padRight;
      trim = 'k';
    } else {
      trim = '.';
      minDigits = 0;
    }
  }
  if (opts.sign === ' ' && !finite.some((v) => v < 0 || Object.is(v, -0))) padLeft += 1;
  if (finite.length !== data.length) {
    const negInf = opts.sign !== '-' || data.some((v) => v === -Infinity);
    const offset = padRight + 1;
    padLeft = Math.max(padLeft, opts.nanstr.length - offset, opts.infstr.length + (negInf ? 1 : 0) - offset);
  }
  const width = padLeft + padRight + 1;
  return (v: number): string => {
    if (!Number.isFinite(v)) {
      const ret = v !== v ? (plus ? '+' : '') + opts.nanstr : (v < 0 ? '-' : plus ? '+' : '') + opts.infstr;
      return ret.length < width ? ' '.repeat(width - ret.length) + ret : ret;
    }
    if (expFormat) return dragon4Scientific(v, f32, { precision, minDigits, unique, trim, sign: plus, padLeft, expDigits: expSize });
    return dragon4Positional(v, f32, { precision, minDigits, unique, trim, sign: plus, padLeft, padRight });
  };
}

/** arrayprint.py `IntegerFormat`: right-aligned to the wider of str(max) and str(min). */
function integerFormat(data: readonly number[], sign: '-' | '+' | ' '): ElementFormat {
  let width = 0;
  let s = sign;
  if (data.length > 0) {
    let max = -Infinity;
    let min = Infinity;
    for (const v of data) {
      if (v > max) max = v;
      if (v < min) min = v;
    }
    let maxLen = formatPythonInt(max).length;
    if (s === ' ' && min < 0) s = '-';
    if (max >= 0 && (s === '+' || s === ' ')) maxLen += 1;
    width = Math.max(maxLen, formatPythonInt(min).length);
  }
  return (v: number): string => {
    let t = formatPythonInt(v);
    if (v >= 0 && s === '+') t = '+' + t;
    else if (v >= 0 && s === ' ') t = ' ' + t;
    return t.length < width ? ' '.repeat(width - t.length) + t : t;
  };
}

// ---------------------------------------------------------------------------------------------
// Layout (arrayprint.py _formatArray, _extendLine, array2string, array_repr, array_str)
// ---------------------------------------------------------------------------------------------

/** What the formatter needs of an array: contiguous row-major values (bool as 0/1, float32 as its value). */
export interface NumpyFormattable {
  shape: readonly number[];
  dtype: NumpyDType;
  values: ArrayLike<number>;
}

function numelOf(shape: readonly number[]): number {
  let n = 1;
  for (const s of shape) n *= s;
  return n;
}

function rowMajorStrides(shape: readonly number[]): number[] {
  const st = new Array<number>(shape.length);
  let acc = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    st[d] = acc;
    acc *= shape[d];
  }
  return st;
}

/** `_leading_trailing`: the corner elements a summarised print shows (and measures), row-major. */
function leadingTrailing(a: NumpyFormattable, strides: readonly number[], edge: number): number[] {
  const out: number[] = [];
  const rec = (axis: number, offset: number): void => {
    if (axis === a.shape.length) {
      out.push(a.values[offset]);
      return;
    }
    const n = a.shape[axis];
    if (n > 2 * edge) {
      // `a[-0:]` is the whole axis in Python, so edgeitems=0 measures everything (and prints only the last).
      const tail = edge === 0 ? 0 : n - edge;
      for (let i = 0; i < edge; i++) rec(axis + 1, offset + i * strides[axis]);
      for (let i = tail; i < n; i++) rec(axis + 1, offset + i * strides[axis]);
    } else {
      for (let i = 0; i < n; i++) rec(axis + 1, offset + i * strides[axis]);
    }
  };
  rec(0, 0);
  return out;
}

function extendLine(s: string, line: string, word: string, lineWidth: number, nextLinePrefix: string): [string, string] {
  // NumPy does not wrap when the line holds nothing but the indent: wrapping would not help.
  const needsWrap = line.length + word.length > lineWidth && line.length > nextLinePrefix.length;
  if (needsWrap) {
    s += line.replace(/\s+$/, '') + '\n';
    line = nextLinePrefix;
  }
  return [s, line + word];
}

function formatArray(
  a: NumpyFormattable,
  strides: readonly number[],
  fmt: ElementFormat,
  lineWidth: number,
  nextLinePrefix: string,
  separator: string,
  edgeItems: number,
  summaryInsert: string,
): string {
  const ndim = a.shape.length;
  const sepTrim = separator.replace(/\s+$/, '');
  const recurser = (axis: number, offset: number, hangingIndent: string, currWidth: number): string => {
    const axesLeft = ndim - axis;
    if (axesLeft === 0) return fmt(a.values[offset]);
    const nextHangingIndent = hangingIndent + ' ';
    const nextWidth = currWidth - 1; // len(']')
    const aLen = a.shape[axis];
    const showSummary = summaryInsert !== '' && 2 * edgeItems < aLen;
    const leading = showSummary ? edgeItems : 0;
    const trailing = showSummary ? edgeItems : aLen;
    const at = (i: number): number => offset + i * strides[axis];
    let s = '';
    if (axesLeft === 1) {
      const elemWidth = currWidth - Math.max(sepTrim.length, 1);
      let line = hangingIndent;
      for (let i = 0; i < leading; i++) {
        [s, line] = extendLine(s, line, recurser(axis + 1, at(i), nextHangingIndent, nextWidth), elemWidth, hangingIndent);
        line += separator;
      }
      if (showSummary) {
        [s, line] = extendLine(s, line, summaryInsert, elemWidth, hangingIndent);
        line += separator;
      }
      for (let i = trailing; i > 1; i--) {
        [s, line] = extendLine(s, line, recurser(axis + 1, at(aLen - i), nextHangingIndent, nextWidth), elemWidth, hangingIndent);
        line += separator;
      }
      [s, line] = extendLine(s, line, recurser(axis + 1, at(aLen - 1), nextHangingIndent, nextWidth), elemWidth, hangingIndent);
      s += line;
    } else {
      const lineSep = sepTrim + '\n'.repeat(axesLeft - 1);
      for (let i = 0; i < leading; i++) s += hangingIndent + recurser(axis + 1, at(i), nextHangingIndent, nextWidth) + lineSep;
      if (showSummary) s += hangingIndent + summaryInsert + lineSep;
      for (let i = trailing; i > 1; i--) s += hangingIndent + recurser(axis + 1, at(aLen - i), nextHangingIndent, nextWidth) + lineSep;
      s += hangingIndent + recurser(axis + 1, at(aLen - 1), nextHangingIndent, nextWidth);
    }
    return '[' + s.slice(hangingIndent.length) + ']';
  };
  return recurser(0, 0, nextLinePrefix, lineWidth);
}

/** `np.array2string(a, separator=..., prefix=..., suffix=...)` with the current print options. */
export function numpyArray2String(a: NumpyFormattable, separator = ' ', prefix = '', suffix = '', opts: NumpyPrintOptions = numpyPrintOptions): string {
  const size = numelOf(a.shape);
  if (a.values.length < size) throw new RangeError(`numpyArray2String: ${a.values.length} values for shape [${a.shape.join(', ')}]`);
  if (size === 0) return '[]';
  const strides = rowMajorStrides(a.shape);
  const summarize = size > opts.threshold;
  const data = summarize ? leadingTrailing(a, strides, opts.edgeitems) : Array.from({ length: size }, (_, i) => a.values[i]);
  let fmt: ElementFormat;
  if (a.dtype === 'bool') {
    const t = a.shape.length > 0 ? ' True' : 'True';
    fmt = (v) => (v ? t : 'False');
  } else if (a.dtype === 'int64' || a.dtype === 'int32') {
    fmt = integerFormat(data, opts.sign);
  } else {
    const f32 = a.dtype === 'float32';
    fmt = floatingFormat(f32 ? data.map(Math.fround) : data, f32, opts);
    if (f32) {
      const inner = fmt;
      fmt = (v) => inner(Math.fround(v));
    }
  }
  return formatArray(a, strides, fmt, opts.linewidth - suffix.length, ' ' + ' '.repeat(prefix.length), separator, opts.edgeitems, summarize ? '...' : '');
}

/** Python `str(tuple)`: a 1-tuple keeps its trailing comma. */
function pyTuple(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : '(' + shape.join(', ') + ')';
}

/** `repr(arr)` (arrayprint.py `_array_repr_implementation`). */
export function numpyArrayRepr(a: NumpyFormattable, opts: NumpyPrintOptions = numpyPrintOptions): string {
  const prefix = 'array(';
  const lst = numpyArray2String(a, ', ', prefix, ')', opts);
  const size = numelOf(a.shape);
  const extras: string[] = [];
  // NumPy >= 2.2 names the shape of a summarised array (its text no longer shows it).
  if ((size === 0 && !(a.shape.length === 1 && a.shape[0] === 0)) || size > opts.threshold) extras.push('shape=' + pyTuple(a.shape));
  // float64, int64 and bool are implied by how the elements print; float32, int32 and empty arrays say their dtype.
  if (a.dtype === 'float32' || a.dtype === 'int32' || size === 0) extras.push('dtype=' + a.dtype);
  if (extras.length === 0) return prefix + lst + ')';
  const arrStr = prefix + lst + ',';
  const extraStr = extras.join(', ') + ')';
  const lastLineLen = arrStr.length - (arrStr.lastIndexOf('\n') + 1);
  const spacer = lastLineLen + extraStr.length + 1 > opts.linewidth ? '\n' + ' '.repeat(prefix.length) : ' ';
  return arrStr + spacer + extraStr;
}

/** `str(arr)` (arrayprint.py `_array_str_implementation`): a 0-d array prints as its scalar. */
export function numpyArrayStr(a: NumpyFormattable, opts: NumpyPrintOptions = numpyPrintOptions): string {
  if (a.shape.length === 0) return numpyScalarStr(a.values[0], a.dtype);
  return numpyArray2String(a, ' ', '', '', opts);
}
