/**
 * Sorting, selection, one-sided clamps and blends (engine/ops/sorting.ts, clampOneSide.ts, blend.ts), merged into
 * ops.ts's table.
 */
import * as B from '../../engine/ops/blend';
import * as CO from '../../engine/ops/clampOneSide';
import * as GT from '../../engine/ops/gather';
import * as S from '../../engine/ops/sorting';
import * as SM from '../../engine/ops/specialMath';
import * as AR from '../../engine/ops/arrange';
import * as PR from '../../engine/ops/pairedReductions';
import * as PX from '../../engine/ops/products';
import * as SC from '../../engine/ops/scans';
import { DType } from '../../engine/dtype';
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
  lerp: (a: Tensor, b: Tensor, w: number | Tensor) => B.lerp(a, b, w),
  addcmul: (s: Tensor, a: Tensor, b: Tensor, v: number) => B.addcOp('addcmul', s, a, b, v),
  addcdiv: (s: Tensor, a: Tensor, b: Tensor, v: number) => B.addcOp('addcdiv', s, a, b, v),
  addmm: (s: Tensor, a: Tensor, b: Tensor, beta: number, alpha: number) => B.addmm(s, a, b, beta, alpha),
  nansum: (a: Tensor, d: number | ArrayLike<number> | null | undefined, keepdim: boolean, dtype: DType | null) =>
    B.nansum(a, d === null || d === undefined || typeof d === 'number' ? d : Array.from(d), keepdim, dtype ?? undefined),
  trace: (a: Tensor) => B.trace(a),
  diag: (a: Tensor, offset: number) => B.diag(a, offset),
  roll: (a: Tensor, shifts: ArrayLike<number>, d: ArrayLike<number>) => B.roll(a, Array.from(shifts), Array.from(d)),
  scatter: (s: Tensor, d: number, i: Tensor, src: Tensor | number, reduce: 'add' | 'multiply' | null | undefined) => GT.scatter(s, d, i, src, reduce ?? null),
  index_add: (s: Tensor, d: number, i: Tensor, src: Tensor, alpha: number) => GT.indexAdd(s, d, i, src, alpha),
  // elementwise functions beyond the basic set (specialMath.ts)
  atan2: (a: Tensor, b: Tensor) => SM.atan2(a, b),
  hypot: (a: Tensor, b: Tensor) => SM.hypot(a, b),
  logaddexp: (a: Tensor, b: Tensor) => SM.logaddexp(a, b),
  logit: (a: Tensor, eps: number | null | undefined) => SM.logit(a, eps ?? null),
  erfinv: (a: Tensor) => SM.erfinv(a),
  // running extremes, order statistics, paired reductions, products, rot90/diag_embed (scans.ts,
  // pairedReductions.ts, products.ts, arrange.ts)
  cummax: (a: Tensor, d: number) => SC.cumExtreme(a, d, 'max'),
  cummin: (a: Tensor, d: number) => SC.cumExtreme(a, d, 'min'),
  logcumsumexp: (a: Tensor, d: number) => SC.logcumsumexp(a, d),
  kthvalue: (a: Tensor, k: number, d: number, keepdim: boolean) => SC.kthvalue(a, k, d, keepdim),
  median: (a: Tensor, d: number | null | undefined, keepdim: boolean) => (d === null || d === undefined ? SC.medianAll(a) : SC.medianDim(a, d, keepdim)),
  var_mean: (a: Tensor, d: number | ArrayLike<number> | null | undefined, correction: number, keepdim: boolean, which: 'var' | 'std') =>
    PR.varMean(a, d === null || d === undefined || typeof d === 'number' ? d ?? null : Array.from(d), correction, keepdim, which),
  aminmax: (a: Tensor, d: number | null | undefined, keepdim: boolean) => PR.aminmax(a, d ?? null, keepdim),
  kron: (a: Tensor, b: Tensor) => PX.kron(a, b),
  cross: (a: Tensor, b: Tensor, d: number) => PX.cross(a, b, d),
  cdist: (a: Tensor, b: Tensor, p: number) => PX.cdist(a, b, p),
  rot90: (a: Tensor, k: number, dims: ArrayLike<number>) => AR.rot90(a, k, Array.from(dims)),
  diag_embed: (a: Tensor, offset: number, d1: number, d2: number) => AR.diagEmbed(a, offset, d1, d2),
};

/** The elementwise functions PyTorch also gives an in-place form (atan2_, hypot_, logit_, erfinv_). */
export const specialMathInplaceOps = {
  atan2: tensorOps.atan2,
  hypot: tensorOps.hypot,
  logit: tensorOps.logit,
  erfinv: tensorOps.erfinv,
};
