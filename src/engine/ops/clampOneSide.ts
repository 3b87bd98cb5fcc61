/**
 * clamp_min and clamp_max: one bound, with grad_fn names of their own (ClampMinBackward0 for a number,
 * ClampMinBackward1 for a tensor bound, and the same for max), which clamp(min=...) does not share.
 */
import { record, withGradMode } from '../graph';
import { Tensor } from '../tensor';
import { clamp, clampTensor, ge, gt, le, lt, where } from './elementwise';
import { sumToShape } from './reduce';

export function clampOneSide(t: Tensor, bound: number | Tensor, side: 'min' | 'max'): Tensor {
  const isMin = side === 'min';
  const stem = isMin ? 'ClampMinBackward' : 'ClampMaxBackward';
  if (typeof bound === 'number') {
    const out = withGradMode(false, () => (isMin ? clamp(t, bound, null) : clamp(t, null, bound)));
    return record(`${stem}0`, out, [t], [t], (g, s) => [where(isMin ? ge(s[0], bound) : le(s[0], bound), g, 0)]);
  }
  const out = withGradMode(false, () => (isMin ? clampTensor(t, bound, null) : clampTensor(t, null, bound)));
  return record(`${stem}1`, out, [t, bound], [t, bound], (g, s, needs) => {
    const [x, b] = s;
    return [
      needs[0] ? sumToShape(where(isMin ? ge(x, b) : le(x, b), g, 0), x.shape) : null,
      needs[1] ? sumToShape(where(isMin ? lt(x, b) : gt(x, b), g, 0), b.shape) : null,
    ];
  });
}
