/**
 * Reductions that return two results from one call: var_mean/std_mean (the mean as PyTorch's Welford kernel
 * leaves it, accumulated in double; both results named VarMeanBackward0/StdMeanBackward0) and aminmax, which
 * 1.13 gives no derivative: its results carry a NotImplemented node whose backward raises.
 */
import { record, withGradMode } from '../graph';
import { runtimeError } from '../errors';
import { isFloating } from '../dtype';
import { Tensor } from '../tensor';
import { cast, div, mul, sub } from './elementwise';
import { amaxAmin, Dims, mean, reductionDims, varStd } from './reduce';
import { detach, expand, reshape, unsqueeze } from './views';

function keptShapeGrad(g: Tensor, rd: readonly number[], keepdim: boolean, inShape: number[]): Tensor {
  const kept = keepdim ? g : [...rd].sort((x, y) => x - y).reduce((acc, d) => unsqueeze(acc, d), g);
  return expand(kept, inShape);
}

export function varMean(t: Tensor, dims: Dims, correction: number, keepdim: boolean, which: 'var' | 'std'): [Tensor, Tensor] {
  if (!isFloating(t.dtype)) throw runtimeError(`${which}_mean only support floating point and complex dtypes`);
  const name = which === 'var' ? 'VarMeanBackward0' : 'StdMeanBackward0';
  const rd = reductionDims(t, dims);
  const n = rd.reduce((acc, d) => acc * t.shape[d], 1);
  const value = withGradMode(false, () => cast(mean(cast(detach(t), 'float64'), rd, keepdim), t.dtype));
  const inShape = t.shape.slice();
  const denom = Math.max(0, n - correction);
  // var_std_mean_backward: std's part as std_backward words it, var_backward(grad / (std * 2))
  const spreadValue = withGradMode(false, () => varStd(detach(t), rd, correction, keepdim, which));
  const spread = record(name, spreadValue, [t], [t, spreadValue], (g, s) => {
    const [x, r] = s;
    const xc = sub(x, mean(x, rd, true));
    const ge = keptShapeGrad(which === 'var' ? g : div(g, mul(r, 2)), rd, keepdim, inShape);
    return [which === 'var' ? mul(ge, div(mul(xc, 2), denom)) : mul(mul(ge, 2 / denom), xc)];
  });
  const m = record(name, value, [t], [], (g) => [div(keptShapeGrad(g, rd, keepdim, inShape), n)]);
  return [spread, m];
}

export function aminmax(t: Tensor, dim: number | null, keepdim: boolean): [Tensor, Tensor] {
  const dims: Dims = dim === null ? null : dim;
  if (t.numel === 0) throw runtimeError('aminmax(): cannot compute aminmax over an empty dimension as the operation has no identity.');
  const [lo, hi] = withGradMode(false, () => {
    const x = detach(t);
    let a = amaxAmin(x, dims, keepdim, 'min');
    let b = amaxAmin(x, dims, keepdim, 'max');
    if (dim === null && keepdim) {
      const ones = t.shape.map(() => 1);
      a = reshape(a, ones);
      b = reshape(b, ones);
    }
    return [a, b];
  });
  const refuse = () => {
    throw runtimeError('derivative for aten::aminmax is not implemented');
  };
  return [record('NotImplemented', lo, [t], [], refuse), record('NotImplemented', hi, [t], [], refuse)];
}
