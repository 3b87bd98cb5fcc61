/**
 * The convolution, padding, pooling and resampling ops `binding.call` dispatches (merged into ops.ts's table), behind
 * torch.nn.functional's conv*, *pool* and interpolate. Per-dim lists (kernel sizes, strides, paddings) arrive as
 * JavaScript arrays made by `js(...)`; an optional tensor or scale as null or undefined.
 */
import * as CV from '../../engine/ops/conv';
import * as BL from '../../engine/ops/bilinear';
import * as PD from '../../engine/ops/padding';
import * as PS from '../../engine/ops/pixelShuffle';
import * as PO from '../../engine/ops/pool';
import { Tensor } from '../../engine/tensor';

function pair(p: ArrayLike<number>): [number, number] {
  return [p[0], p[1]];
}

function ints(p: ArrayLike<number>): number[] {
  return Array.from(p);
}

export const convPoolOps = {
  constant_pad_nd: (x: Tensor, pad: ArrayLike<number>, value: number) => PD.constantPadNd(x, ints(pad), value),
  index_pad: (x: Tensor, pad: ArrayLike<number>, mode: PD.IndexPadMode) => PD.indexPad(x, ints(pad), mode),
  convolution: (x: Tensor, w: Tensor, b: Tensor | null | undefined, stride: ArrayLike<number>, padding: ArrayLike<number> | 'same' | 'valid',
    dilation: ArrayLike<number>, transposed: boolean, outputPadding: ArrayLike<number>, groups: number) =>
    CV.convolution(x, w, b ?? null, {
      stride: ints(stride), padding: typeof padding === 'string' ? padding : ints(padding), dilation: ints(dilation),
      transposed, outputPadding: ints(outputPadding), groups,
    }),
  max_pool2d_with_indices: (x: Tensor, k: ArrayLike<number>, s: ArrayLike<number>, p: ArrayLike<number>, d: ArrayLike<number>, ceil: boolean) =>
    PO.maxPool2d(x, { kernel: pair(k), stride: pair(s), padding: pair(p), dilation: pair(d), ceilMode: ceil }),
  avg_pool2d: (x: Tensor, k: ArrayLike<number>, s: ArrayLike<number>, p: ArrayLike<number>, ceil: boolean, countIncludePad: boolean, divisor: number | null | undefined) =>
    PO.avgPool2d(x, { kernel: pair(k), stride: pair(s), padding: pair(p), ceilMode: ceil, countIncludePad, divisorOverride: divisor ?? null }),
  adaptive_avg_pool2d: (x: Tensor, h: number, w: number) => PO.adaptiveAvgPool2d(x, h, w),
  upsample_nearest: (x: Tensor, h: number, w: number, sh: number | null | undefined, sw: number | null | undefined) =>
    PO.upsampleNearest(x, h, w, sh ?? null, sw ?? null),
  upsample_bilinear2d: (x: Tensor, h: number, w: number, alignCorners: boolean, sh: number | null | undefined, sw: number | null | undefined) =>
    PO.upsampleBilinear2d(x, h, w, alignCorners, sh ?? null, sw ?? null),
  // pixel shuffle, adaptive max pooling, bilinear's _trilinear
  pixel_shuffle: (x: Tensor, r: number) => PS.pixelShuffle(x, r),
  pixel_unshuffle: (x: Tensor, r: number) => PS.pixelUnshuffle(x, r),
  adaptive_max_pool2d: (x: Tensor, h: number, w: number) => PO.adaptiveMaxPool2d(x, h, w),
  trilinear: (x1: Tensor, x2: Tensor, w: Tensor) => BL.trilinear(x1, x2, w),
  reshape_alias: (x: Tensor, shape: ArrayLike<number>) => BL.reshapeAlias(x, Array.from(shape)),
};
