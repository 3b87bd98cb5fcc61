/**
 * Tensor printing that reproduces PyTorch 2.11's `torch/_tensor_str.py` character for character,
 * plus the bits of Python's float formatting it relies on (`repr(float)`, `'{:.Nf}'`, `'{:.Ne}'`).
 *
 * Scripts compare printed output against what real PyTorch shows, so "close enough" formatting is a
 * bug: every width, line break and rounding decision below mirrors the Python code path it replaces.
 */
import { DType, isFloat32Stored, isFloating } from '../dtype';
import { formatPythonInt, nonFiniteText, pow10, scaleRound, shortestDigits } from './decimal';

export interface PrintOptions {
  precision: number;
  threshold: number;
  edgeitems: number;
  linewidth: number;
  sciMode: boolean | null;
}

const DEFAULT_OPTIONS: Readonly<PrintOptions> = { precision: 4, threshold: 1000, edgeitems: 3, linewidth: 80, sciMode: null };

/** Global like `torch._tensor_str.PRINT_OPTS`; mutated in place so importers always see current values. */
export const printOptions: PrintOptions = { ...DEFAULT_OPTIONS };

/**
 * `torch.set_printoptions`. Like PyTorch, `sciMode` is reset to null (automatic) by every call that
 * does not pass it, because PyTorch assigns `PRINT_OPTS.sci_mode = sci_mode` unconditionally.
 */
export function setPrintOptions(o: Partial<PrintOptions> & { profile?: 'default' | 'short' | 'full' }): void {
  if (o.profile !== undefined) {
    // Profiles deliberately leave sciMode alone: only the unconditional assignment below touches it.
    switch (o.profile) {
      case 'default':
        Object.assign(printOptions, { precision: 4, threshold: 1000, edgeitems: 3, linewidth: 80 });
        break;
      case 'short':
        Object.assign(printOptions, { precision: 2, threshold: 1000, edgeitems: 2, linewidth: 80 });
        break;
      case 'full':
        Object.assign(printOptions, { precision: 4, threshold: Infinity, edgeitems: 3, linewidth: 80 });
        break;
    }
  }
  if (o.precision !== undefined) printOptions.precision = o.precision;
  if (o.threshold !== undefined) printOptions.threshold = o.threshold;
  if (o.edgeitems !== undefined) printOptions.edgeitems = o.edgeitems;
  if (o.linewidth !== undefined) printOptions.linewidth = o.linewidth;
  printOptions.sciMode = o.sciMode ?? null;
}

export interface FormattableTensor {
  shape: readonly number[];
  dtype: DType;
  /** All elements, row-major, contiguous (bool as 0/1). */
  values: ArrayLike<number>;
  /** A leaf that requires grad prints `requires_grad=True`. */
  requiresGrad: boolean;
  /** Non-leaf tensors print `grad_fn=<Name>`; takes precedence over `requiresGrad`, as in PyTorch. */
  gradFnName: string | null;
}

/** Python's sign rule: negative zero and values that round to zero keep their '-'. */
function signOf(x: number): string {
  return x < 0 || Object.is(x, -0) ? '-' : '';
}

/** Python `'{:.{precision}f}'.format(x)`. */
export function formatFixed(x: number, precision: number): string {
  const special = nonFiniteText(x);
  if (special !== null) return special;
  const ax = Math.abs(x);
  let digits = ax === 0 ? '0' : scaleRound(ax, precision).toString();
  if (precision === 0) return signOf(x) + digits;
  if (digits.length <= precision) digits = '0'.repeat(precision - digits.length + 1) + digits;
  const cut = digits.length - precision;
  return signOf(x) + digits.slice(0, cut) + '.' + digits.slice(cut);
}

/** Python `'{:.{precision}e}'.format(x)`: at least two exponent digits, always signed. */
export function formatExponential(x: number, precision: number): string {
  const special = nonFiniteText(x);
  if (special !== null) return special;
  const ax = Math.abs(x);
  let exp = 0;
  let digits: string;
  if (ax === 0) {
    digits = '0'.repeat(precision + 1);
  } else {
    // log10 can be off by one near powers of ten, and rounding can carry into a new digit
    // (9.99996 -> 1.0000e+01); correct the guess until the rounded mantissa has precision+1 digits.
    exp = Math.floor(Math.log10(ax));
    let q = scaleRound(ax, precision - exp);
    for (;;) {
      if (q >= pow10(precision + 1)) exp += 1;
      else if (q < pow10(precision)) exp -= 1;
      else break;
      q = scaleRound(ax, precision - exp);
    }
    digits = q.toString();
  }
  const mantissa = precision === 0 ? digits : digits[0] + '.' + digits.slice(1);
  return signOf(x) + mantissa + pythonExponent(exp);
}

function pythonExponent(exp: number): string {
  const a = Math.abs(exp);
  return 'e' + (exp < 0 ? '-' : '+') + (a < 10 ? '0' : '') + String(a);
}

/**
 * Python `repr(float)`. The digits come from `String(x)`, which V8 makes the shortest round-trip string
 * closest to x, exactly like Python's dtoa mode 0; only the layout rules differ. Python switches to
 * exponent form when the decimal point position is <= -4 or > 16 (JS: < -6 or > 21).
 */
export function formatPythonFloat(v: number): string {
  const special = nonFiniteText(v);
  if (special !== null) return special;
  if (v === 0) return Object.is(v, -0) ? '-0.0' : '0.0';
  const { digits, decpt } = shortestDigits(Math.abs(v));
  const sign = v < 0 ? '-' : '';
  if (decpt <= -4 || decpt > 16) {
    const mantissa = digits.length > 1 ? digits[0] + '.' + digits.slice(1) : digits;
    return sign + mantissa + pythonExponent(decpt - 1);
  }
  if (decpt <= 0) return sign + '0.' + '0'.repeat(-decpt) + digits;
  if (decpt >= digits.length) return sign + digits + '0'.repeat(decpt - digits.length) + '.0';
  return sign + digits.slice(0, decpt) + '.' + digits.slice(decpt);
}

/** What `print(t.item())` shows (also each element of `t.tolist()`). */
export function formatScalarItem(v: number, dtype: DType): string {
  switch (dtype) {
    case 'float16':
    case 'bfloat16':
    case 'float32': return formatPythonFloat(Math.fround(v));
    case 'float64': return formatPythonFloat(v);
    case 'int32':
    case 'int64': return formatPythonInt(v);
    case 'bool': return v !== 0 ? 'True' : 'False';
  }
}

export function formatDType(d: DType): string {
  return 'torch.' + d;
}

export function formatSize(shape: readonly number[]): string {
  return 'torch.Size([' + shape.join(', ') + '])';
}

/** Python `str(tuple(shape))`, as used by the `size=` suffix: a 1-tuple keeps its trailing comma. */
function formatTuple(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : '(' + shape.join(', ') + ')';
}

// ---------------------------------------------------------------------------------------------
// _Formatter
// ---------------------------------------------------------------------------------------------

interface Formatter {
  floating: boolean;
  intMode: boolean;
  sciMode: boolean;
  maxWidth: number;
  precision: number;
}

/** `_Formatter.__init__`, over the (possibly summarised) elements only. */
function makeFormatter(dtype: DType, values: readonly number[]): Formatter {
  const precision = printOptions.precision;
  const f: Formatter = { floating: isFloating(dtype), intMode: true, sciMode: false, maxWidth: 1, precision };
  if (!f.floating) {
    for (const v of values) f.maxWidth = Math.max(f.maxWidth, formatPlain(dtype, v).length);
    return f;
  }
  const finite = values.filter((v) => Number.isFinite(v) && v !== 0);
  // PyTorch returns before consulting PRINT_OPTS.sci_mode here, so a forced sci mode does not apply
  // to tensors made only of zeros, nan and inf.
  if (finite.length === 0) return f;
  let min = Infinity;
  let max = 0;
  for (const v of finite) {
    const a = Math.abs(v);
    if (a < min) min = a;
    if (a > max) max = a;
    if (v !== Math.ceil(v)) f.intMode = false;
  }
  f.sciMode = printOptions.sciMode ?? (max / min > 1000 || max > 1e8 || min < 1e-4);
  for (const v of finite) {
    const len = f.sciMode
      ? formatExponential(v, precision).length
      : f.intMode
        ? formatFixed(v, 0).length + 1 // room for the trailing '.' that marks a float
        : formatFixed(v, precision).length;
    if (len > f.maxWidth) f.maxWidth = len;
  }
  return f;
}

/** `'{}'.format(value)` for non-floating dtypes. */
function formatPlain(dtype: DType, v: number): string {
  return dtype === 'bool' ? (v !== 0 ? 'True' : 'False') : formatPythonInt(v);
}

/** `_Formatter.format`: right-aligned to the common width. */
function formatElement(f: Formatter, dtype: DType, v: number): string {
  let ret: string;
  if (!f.floating) ret = formatPlain(dtype, v);
  else if (f.sciMode) ret = formatExponential(v, f.precision);
  else if (f.intMode) ret = Number.isFinite(v) ? formatFixed(v, 0) + '.' : formatFixed(v, 0);
  else ret = formatFixed(v, f.precision);
  return ret.length < f.maxWidth ? ' '.repeat(f.maxWidth - ret.length) + ret : ret;
}

// ---------------------------------------------------------------------------------------------
// Layout
// ---------------------------------------------------------------------------------------------

/** A view of one sub-tensor: its shape and where its first element sits in the flat buffer. */
interface View {
  at: (flatIndex: number) => number;
  shape: readonly number[];
  offset: number;
  strides: readonly number[];
}

function sub(view: View, i: number): View {
  return { at: view.at, shape: view.shape.slice(1), offset: view.offset + i * view.strides[0], strides: view.strides.slice(1) };
}

/**
 * `get_summarized_data`: the elements the formatter measures when summarising. Only these count,
 * so a hidden huge value in the middle of a large tensor does not change the layout.
 */
function collectSummarized(view: View, out: number[]): void {
  const e = printOptions.edgeitems;
  const dim = view.shape.length;
  if (dim === 0) {
    out.push(view.at(view.offset));
    return;
  }
  const n = view.shape[0];
  if (dim === 1) {
    const s = view.strides[0];
    if (n > 2 * e) {
      // `self[-0:]` is the whole row in Python, so edgeitems=0 measures every element.
      const tailStart = e === 0 ? 0 : n - e;
      for (let i = 0; i < e; i++) out.push(view.at(view.offset + i * s));
      for (let i = tailStart; i < n; i++) out.push(view.at(view.offset + i * s));
    } else {
      for (let i = 0; i < n; i++) out.push(view.at(view.offset + i * s));
    }
    return;
  }
  if (e === 0) return; // PyTorch substitutes an empty tensor here
  if (n > 2 * e) {
    for (let i = 0; i < e; i++) collectSummarized(sub(view, i), out);
    for (let i = n - e; i < n; i++) collectSummarized(sub(view, i), out);
  } else {
    for (let i = 0; i < n; i++) collectSummarized(sub(view, i), out);
  }
}

function collectAll(view: View, out: number[]): void {
  const n = view.shape.reduce((a, b) => a * b, 1);
  for (let i = 0; i < n; i++) out.push(view.at(view.offset + i));
}

/** `_vector_str` */
function vectorStr(view: View, indent: number, summarize: boolean, f: Formatter, dtype: DType): string {
  const e = printOptions.edgeitems;
  const n = view.shape[0];
  const s = view.strides[0];
  const elementLength = f.maxWidth + 2;
  const elementsPerLine = Math.max(1, Math.floor((printOptions.linewidth - indent) / elementLength));
  const fmt = (i: number): string => formatElement(f, dtype, view.at(view.offset + i * s));
  const data: string[] = [];
  if (summarize && !e) {
    data.push('...');
  } else if (summarize && n > 2 * e) {
    for (let i = 0; i < e; i++) data.push(fmt(i));
    data.push(' ...');
    for (let i = n - e; i < n; i++) data.push(fmt(i));
  } else {
    for (let i = 0; i < n; i++) data.push(fmt(i));
  }
  const lines: string[] = [];
  for (let i = 0; i < data.length; i += elementsPerLine) lines.push(data.slice(i, i + elementsPerLine).join(', '));
  return '[' + lines.join(',\n' + ' '.repeat(indent + 1)) + ']';
}

/** `_tensor_str_with_formatter` */
function tensorStrWithFormatter(view: View, indent: number, summarize: boolean, f: Formatter, dtype: DType): string {
  const dim = view.shape.length;
  if (dim === 0) return formatElement(f, dtype, view.at(view.offset));
  if (dim === 1) return vectorStr(view, indent, summarize, f, dtype);
  const e = printOptions.edgeitems;
  const n = view.shape[0];
  const slices: string[] = [];
  if (summarize && n > 2 * e) {
    for (let i = 0; i < e; i++) slices.push(tensorStrWithFormatter(sub(view, i), indent + 1, summarize, f, dtype));
    slices.push('...');
    for (let i = n - e; i < n; i++) slices.push(tensorStrWithFormatter(sub(view, i), indent + 1, summarize, f, dtype));
  } else {
    for (let i = 0; i < n; i++) slices.push(tensorStrWithFormatter(sub(view, i), indent + 1, summarize, f, dtype));
  }
  return '[' + slices.join(',' + '\n'.repeat(dim - 1) + ' '.repeat(indent + 1)) + ']';
}

/** `_add_suffixes`, including its quirk of measuring the last line two characters too long. */
function addSuffixes(tensorStr: string, suffixes: readonly string[], indent: number): string {
  const parts = [tensorStr];
  let lastLineLen = tensorStr.length - tensorStr.lastIndexOf('\n') + 1;
  for (const suffix of suffixes) {
    if (lastLineLen + suffix.length + 2 > printOptions.linewidth) {
      parts.push(',\n' + ' '.repeat(indent) + suffix);
      lastLineLen = indent + suffix.length;
    } else {
      parts.push(', ' + suffix);
      lastLineLen += suffix.length + 2;
    }
  }
  parts.push(')');
  return parts.join('');
}

function contiguousStrides(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let acc = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    strides[d] = acc;
    acc *= shape[d];
  }
  return strides;
}

/** `repr(t)` (identical to `str(t)`) for a plain CPU tensor. */
export function formatTensor(t: FormattableTensor): string {
  const numel = t.shape.reduce((a, b) => a * b, 1);
  if (t.values.length < numel) throw new RangeError(`formatTensor: ${t.values.length} values for shape [${t.shape.join(', ')}]`);
  const values = t.values;
  return formatWith(t, numel, (i) => values[i]);
}

/**
 * `repr(t)` from only the elements PyTorch's formatter reads: `values` holds `get_summarized_data(t)` flat (with
 * more than `threshold` elements, the first and last `edgeitems` along each dimension longer than twice that;
 * else every element), as a process that has the tensor can send it cheaply. Printed under `options` (restored
 * afterwards), whatever `printOptions` says.
 */
export function formatSummarizedTensor(t: FormattableTensor, options: Readonly<PrintOptions>): string {
  const saved = { ...printOptions };
  Object.assign(printOptions, options);
  try {
    const numel = t.shape.reduce((a, b) => a * b, 1);
    const e = printOptions.edgeitems;
    const summarize = numel > printOptions.threshold;
    // edgeitems 0 summarises differently (Python's `self[-0:]` is the whole row); no caller needs it.
    if (summarize && e < 1) throw new RangeError('formatSummarizedTensor: edgeitems must be at least 1');
    const kept = t.shape.map((n) => (summarize && n > 2 * e ? 2 * e : n));
    const keptNumel = kept.reduce((a, b) => a * b, 1);
    if (t.values.length !== keptNumel) throw new RangeError(`formatSummarizedTensor: ${t.values.length} values for shape [${t.shape.join(', ')}]`);
    const values = t.values;
    if (!summarize) return formatWith(t, numel, (i) => values[i]);
    const fullStrides = contiguousStrides(t.shape);
    const keptStrides = contiguousStrides(kept);
    // A full tensor's flat index to its element's place in the summarised data; only the shown elements are asked.
    return formatWith(t, numel, (i) => {
      let at = 0;
      for (let d = 0; d < t.shape.length; d++) {
        const n = t.shape[d];
        const c = Math.floor(i / fullStrides[d]) % n;
        at += (n === kept[d] || c < e ? c : c - (n - 2 * e)) * keptStrides[d];
      }
      return values[at];
    });
  } finally {
    Object.assign(printOptions, saved);
  }
}

/** The body of formatTensor, over elements read through `read` by their flat index in the full tensor. */
function formatWith(t: FormattableTensor, numel: number, read: (i: number) => number): string {
  const prefix = 'tensor(';
  const indent = prefix.length;
  const suffixes: string[] = [];
  let tensorStr: string;
  if (numel === 0) {
    if (t.shape.length !== 1) suffixes.push('size=' + formatTuple(t.shape));
    // With no elements to show, int64 and bool are not self-evident, so only float32 goes unlabelled.
    if (t.dtype !== 'float32') suffixes.push('dtype=' + formatDType(t.dtype));
    tensorStr = '[]';
  } else {
    if (!printOptions.edgeitems) suffixes.push('size=' + formatTuple(t.shape));
    // float32 (the default dtype), int64 and bool are implied by how the elements print.
    if (t.dtype !== 'float32' && t.dtype !== 'int64' && t.dtype !== 'bool') suffixes.push('dtype=' + formatDType(t.dtype));
    // Float32 elements are shown from their float32 value widened to double, as `.tolist()` gives them.
    // Rounding on read (not by copying) keeps printing a huge tensor cheap: only shown elements are touched.
    const at = isFloat32Stored(t.dtype) ? (i: number): number => Math.fround(read(i)) : read;
    const view: View = { at, shape: t.shape, offset: 0, strides: contiguousStrides(t.shape) };
    const summarize = numel > printOptions.threshold;
    const measured: number[] = [];
    if (summarize) collectSummarized(view, measured);
    else collectAll(view, measured);
    const f = makeFormatter(t.dtype, measured);
    tensorStr = tensorStrWithFormatter(view, indent, summarize, f, t.dtype);
  }
  if (t.gradFnName !== null) suffixes.push(`grad_fn=<${t.gradFnName}>`);
  else if (t.requiresGrad) suffixes.push('requires_grad=True');
  return addSuffixes(prefix + tensorStr, suffixes, indent);
}
