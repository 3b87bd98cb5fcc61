/** Sorting, selection and one-sided clamps (engine/ops/sorting.ts, clampOneSide.ts), merged into ops.ts's table. */
import * as CO from '../../engine/ops/clampOneSide';
import * as S from '../../engine/ops/sorting';
import { Tensor } from '../../engine/tensor';

export const tensorOps = {
  sort: (a: Tensor, d: number, descending: boolean, stable: boolean) => S.sort(a, d, descending, stable),
  topk: (a: Tensor, k: number, d: number, largest: boolean, sorted: boolean) => S.topk(a, k, d, largest, sorted),
  cumprod: (a: Tensor, d: number) => S.cumprod(a, d),
  nonzero: (a: Tensor) => S.nonzero(a),
  masked_select: (a: Tensor, m: Tensor) => S.maskedSelect(a, m),
  unique: (a: Tensor) => S.unique(a),
  clamp_min: (a: Tensor, b: number | Tensor) => CO.clampOneSide(a, b, 'min'),
  clamp_max: (a: Tensor, b: number | Tensor) => CO.clampOneSide(a, b, 'max'),
};
