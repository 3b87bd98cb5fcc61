/**
 * The gamma-function family: `lgamma`, `digamma` and `polygamma(1, ·)`, which log-probabilities of counts need
 * (Multinomial, Binomial). Values are computed in double (shifted Stirling series, reflection below 1/2) and
 * stored in the tensor's dtype: float32 results are the correctly rounded ones almost always, as glibc's are;
 * float64 results agree with glibc's to about 1e-15 relative, not bit for bit. lgamma of 1 and 2 is exactly 0,
 * as PyTorch gives it, so a count of 0 or 1 adds nothing to a log-probability.
 */
import { record } from '../graph';
import { DType, isFloating } from '../dtype';
import { mapUnary } from '../kernels';
import { runtimeError } from '../errors';
import { Tensor } from '../tensor';
import { mul } from './elementwise';

const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);
const SHIFT = 20;
// Bernoulli-number coefficients of the Stirling series for lgamma: B(2k) / (2k (2k-1)).
const STIRLING = [1 / 12, -1 / 360, 1 / 1260, -1 / 1680, 1 / 1188, -691 / 360360, 1 / 156, -3617 / 122400];
// B(2k) / (2k) for the digamma series.
const DIGAMMA = [1 / 12, -1 / 120, 1 / 252, -1 / 240, 1 / 132, -691 / 32760, 1 / 12];

const FACTORIAL_LOGS: number[] = [];
{
  let f = 1;
  for (let n = 1; n <= 23; n++) {
    FACTORIAL_LOGS[n] = n <= 2 ? 0 : Math.log(f);
    f *= n; // exact up to 22!
  }
}

/** log|Γ(x)|. */
export function lgammaValue(x: number): number {
  if (x !== x) return x;
  if (x === Infinity || x === -Infinity) return Infinity;
  if (x <= 0 && Number.isInteger(x)) return Infinity;
  if (Number.isInteger(x) && x <= 23) return FACTORIAL_LOGS[x];
  if (x < 0.5) {
    // Γ(x)Γ(1-x) = π / sin(πx)
    return Math.log(Math.PI / Math.abs(sinPi(x))) - lgammaValue(1 - x);
  }
  let shift = 0;
  let prod = 1;
  let z = x;
  while (z < SHIFT) {
    prod *= z;
    z += 1;
    shift++;
  }
  const inv = 1 / z;
  const inv2 = inv * inv;
  let series = 0;
  for (let k = STIRLING.length - 1; k >= 0; k--) series = series * inv2 + STIRLING[k];
  const big = (z - 0.5) * Math.log(z) - z + HALF_LOG_2PI + series * inv;
  return shift ? big - Math.log(prod) : big;
}

/** sin(πx) with the argument reduced exactly first, so integers give exact zeros and halves exact ±1. */
function sinPi(x: number): number {
  const r = x - 2 * Math.round(x / 2); // in [-1, 1]
  return Math.sin(Math.PI * r);
}

/** ψ(x) = Γ'(x)/Γ(x), with PyTorch's values at the poles: -inf at +0, +inf at -0, nan at negative integers. */
export function digammaValue(x: number): number {
  if (x !== x) return x;
  if (x === 0) return Object.is(x, -0) ? Infinity : -Infinity;
  if (x < 0) {
    if (Number.isInteger(x)) return NaN;
    // ψ(1-x) - ψ(x) = π cot(πx)
    return digammaValue(1 - x) - Math.PI / Math.tan(Math.PI * (x - Math.round(x)));
  }
  if (x === Infinity) return Infinity;
  let acc = 0;
  let z = x;
  while (z < 10) {
    acc -= 1 / z;
    z += 1;
  }
  const inv2 = 1 / (z * z);
  let series = 0;
  for (let k = DIGAMMA.length - 1; k >= 0; k--) series = series * inv2 + DIGAMMA[k];
  return acc + Math.log(z) - 0.5 / z - series * inv2;
}

/**
 * ψ'(x), the trigamma function, by PyTorch's own short series (six recurrence steps, then four asymptotic terms):
 * it is accurate to about 1e-9 only, and PyTorch's values are what scripts compare against.
 */
export function trigammaValue(x: number): number {
  let sign = 1;
  let result = 0;
  if (x < 0.5) {
    sign = -1;
    const s = Math.sin(Math.PI * x);
    result -= (Math.PI * Math.PI) / (s * s);
    x = 1 - x;
  }
  for (let i = 0; i < 6; i++) {
    result += 1 / (x * x);
    x += 1;
  }
  const ixx = 1 / (x * x);
  result += (1 + 1 / (2 * x) + ixx * (1 / 6 - ixx * (1 / 30 - ixx * (1 / 42)))) / x;
  return sign * result;
}

function floatOut(t: Tensor): DType {
  return isFloating(t.dtype) ? t.dtype : 'float32';
}

export function lgamma(t: Tensor): Tensor {
  const out = mapUnary(t, floatOut(t), lgammaValue);
  return record('LgammaBackward0', out, [t], [t], (g, s) => [mul(g, digamma(s[0]))]);
}

export function digamma(t: Tensor): Tensor {
  const out = mapUnary(t, floatOut(t), digammaValue);
  return record('DigammaBackward0', out, [t], [t], (g, s) => [mul(g, trigamma(s[0]))]);
}

/** `torch.polygamma(1, t)`. Its own derivative (polygamma of order 2) is not implemented, and says so. */
export function trigamma(t: Tensor): Tensor {
  const out = mapUnary(t, floatOut(t), trigammaValue);
  return record('PolygammaBackward0', out, [t], [], () => {
    throw runtimeError('the derivative of polygamma(1, x) (polygamma of order 2) is not implemented in the playground');
  });
}
