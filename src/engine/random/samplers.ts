/**
 * The samplers behind `torch.bernoulli`, `Tensor.bernoulli_`, `Tensor.exponential_` and `torch.multinomial`, drawing
 * from generator.ts's CPU generator exactly as PyTorch 2.x's CPU kernels do, so `torch.distributions` samples match
 * real PyTorch at the same seed:
 *
 * - PyTorch 2.x builds its x86-64 wheels with MKL but keeps MKL's random streams switched off for `bernoulli_(p)`
 *   and `exponential_` (pytorch issue 132395), so both run the generic kernels: one uniform per element from the
 *   mt19937 stream, in row-major order of the output.
 * - `bernoulli`: `uniform < p`, the uniform a float (24 bits of one draw) when p is a float32 tensor, a double
 *   (53 bits of a 64-bit draw) when p is a float64 tensor or a Python float.
 * - `exponential_(lambda)`: `-1/lambda * log1p(-u)` in double with glibc's log1p, then cast to the tensor's dtype.
 * - `multinomial`: without replacement, or with one sample per row, PyTorch takes the "exponential race": it fills
 *   q with exponential_(1) in the input's dtype, divides p by q and keeps the arg-max (one sample) or the top k.
 *   With replacement and more than one sample it builds the normalised cumulative distribution in the input's
 *   precision and binary-searches one double uniform per sample, row after row.
 */
import { castValue } from '../dtype';
import { glibcLog1p } from './libm';
import type { FloatStorage, Generator } from './generator';
import { runtimeError } from '../errors';

const f32 = Math.fround;

/** A double as C++'s `ostream << double` writes it (`%g`, six significant digits): PyTorch's messages use it. */
export function cppDouble(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const [mant, expText] = x.toExponential(5).split('e');
  const exp = Number(expText);
  const strip = (s: string) => (s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s);
  if (exp < -4 || exp >= 6) {
    const e = Math.abs(exp);
    return `${strip(mant)}e${exp < 0 ? '-' : '+'}${e < 10 ? '0' : ''}${e}`;
  }
  return strip(x.toFixed(5 - exp));
}

/** `Tensor.bernoulli_(p)` with a Python float p: one double uniform per element. */
export function bernoulliScalarFill(gen: Generator, out: FloatStorage, p: number): void {
  if (!(p >= 0 && p <= 1)) throw runtimeError(`bernoulli_ expects p to be in [0, 1], but got p=${cppDouble(p)}`);
  for (let i = 0; i < out.length; i++) out[i] = gen.nextDouble() < p ? 1 : 0;
}

/**
 * `torch.bernoulli(p)` / `Tensor.bernoulli_(p_tensor)`: p already expanded to the output's elements in row-major
 * order. PyTorch checks each p as it draws, so the draws before a bad p are consumed.
 */
export function bernoulliTensorFill(gen: Generator, out: FloatStorage, p: ArrayLike<number>, pIsDouble: boolean): void {
  for (let i = 0; i < out.length; i++) {
    const pi = p[i];
    if (!(pi >= 0 && pi <= 1)) {
      throw runtimeError(
        'Expected p_in >= 0 && p_in <= 1 to be true, but got false.  (Could this error message be improved?  ' +
          'If so, please report an enhancement request to PyTorch.)',
      );
    }
    out[i] = (pIsDouble ? gen.nextDouble() : gen.nextFloat()) < pi ? 1 : 0;
  }
}

/** `Tensor.exponential_(lambd)`: the generic CPU kernel, computed in double and stored in the tensor's dtype. */
export function exponentialFill(gen: Generator, out: FloatStorage, dtype: 'float16' | 'bfloat16' | 'float32' | 'float64', lambda: number): void {
  if (!(lambda > 0)) throw runtimeError(`exponential_ expects lambda > 0.0, but found lambda=${cppDouble(lambda)}`);
  const scale = -1 / lambda;
  const round = (v: number): number => castValue(dtype, v);
  for (let i = 0; i < out.length; i++) out[i] = round(scale * glibcLog1p(-gen.nextDouble()));
}

/**
 * `torch.multinomial(input, nSample, replacement)` on `rows` distributions of `cols` categories (row-major values
 * of a float32 or float64 input). Returns the sampled indices, rows × nSample. The argument checks that come before
 * any draw (dims, dtype, counts) are the caller's.
 */
export function multinomial(
  gen: Generator,
  probs: ArrayLike<number>,
  rows: number,
  cols: number,
  dtype: 'float32' | 'float64',
  nSample: number,
  replacement: boolean,
): Float64Array {
  const result = new Float64Array(rows * nSample);
  if (result.length === 0) return result;
  if (!replacement || nSample === 1) {
    exponentialRace(gen, probs, rows, cols, dtype, nSample, result);
  } else {
    cumulativeSearch(gen, probs, rows, cols, dtype, nSample, result);
  }
  return result;
}

function exponentialRace(
  gen: Generator,
  probs: ArrayLike<number>,
  rows: number,
  cols: number,
  dtype: 'float32' | 'float64',
  k: number,
  result: Float64Array,
): void {
  const n = rows * cols;
  let min = Infinity;
  let max = -Infinity;
  let nan = false;
  for (let i = 0; i < n; i++) {
    const v = probs[i];
    if (v !== v) nan = true;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (nan || !(max < Infinity) || !(min >= 0)) {
    throw runtimeError('probability tensor contains either `inf`, `nan` or element < 0');
  }
  for (let r = 0; r < rows; r++) {
    let sum = 0;
    for (let c = 0; c < cols; c++) sum += probs[r * cols + c];
    if (sum === 0) throw runtimeError('invalid multinomial distribution (sum of probabilities <= 0)');
  }
  const q = dtype === 'float32' ? new Float32Array(n) : new Float64Array(n);
  exponentialFill(gen, q, dtype, 1);
  for (let i = 0; i < n; i++) q[i] = probs[i] / q[i];
  const order = new Array<number>(cols);
  for (let r = 0; r < rows; r++) {
    const base = r * cols;
    if (k === 1) {
      // argmax: the first maximum, NaN counting as the largest value.
      let best = 0;
      for (let c = 1; c < cols; c++) {
        const v = q[base + c];
        const b = q[base + best];
        if (b === b && (v !== v || v > b)) best = c;
      }
      result[r] = best;
      continue;
    }
    // topk(k), largest first. Equal values (only zero-probability categories in practice) keep index order here;
    // PyTorch's partial sort may order such ties differently.
    for (let c = 0; c < cols; c++) order[c] = c;
    order.sort((a, b) => {
      const va = q[base + a];
      const vb = q[base + b];
      if (va !== va) return vb !== vb ? a - b : -1;
      if (vb !== vb) return 1;
      return vb - va || a - b;
    });
    for (let j = 0; j < k; j++) result[r * k + j] = order[j];
  }
}

function cumulativeSearch(
  gen: Generator,
  probs: ArrayLike<number>,
  rows: number,
  cols: number,
  dtype: 'float32' | 'float64',
  nSample: number,
  result: Float64Array,
): void {
  const round = dtype === 'float32' ? f32 : (v: number) => v;
  const cum = new Float64Array(cols);
  for (let r = 0; r < rows; r++) {
    let sum = 0;
    for (let c = 0; c < cols; c++) {
      const v = probs[r * cols + c];
      if (!(v >= 0)) throw runtimeError('invalid multinomial distribution (encountering probability entry < 0)');
      if (!Number.isFinite(v)) {
        throw runtimeError('invalid multinomial distribution (encountering probability entry = infinity or NaN)');
      }
      sum = round(sum + v);
      cum[c] = sum;
    }
    if (!(sum > 0)) throw runtimeError('invalid multinomial distribution (sum of probabilities <= 0)');
    for (let c = 0; c < cols; c++) cum[c] = round(cum[c] / sum);
    cum[cols - 1] = 1;
    for (let j = 0; j < nSample; j++) {
      const u = gen.nextDouble();
      let left = 0;
      let right = cols;
      while (right - left > 0) {
        const mid = left + Math.floor((right - left) / 2);
        if (cum[mid] < u) left = mid + 1;
        else right = mid;
      }
      result[r * nSample + j] = left;
    }
  }
}
