/**
 * The torch.nn layers' fused ops `binding.call` dispatches (merged into ops.ts's table): normalisation and
 * lookup tables. Shapes arrive as rest arguments, optional tensors as null or undefined.
 */
import * as EM from '../../engine/ops/embedding';
import * as NO from '../../engine/ops/norm';
import { Tensor } from '../../engine/tensor';

type Maybe = Tensor | null | undefined;

export const nnOps = {
  batch_norm: (x: Tensor, w: Maybe, b: Maybe, rm: Maybe, rv: Maybe, training: boolean, momentum: number, eps: number) =>
    NO.batchNorm(x, w ?? null, b ?? null, rm ?? null, rv ?? null, training, momentum, eps),
  layer_norm: (x: Tensor, w: Maybe, b: Maybe, eps: number, ...shape: number[]) => NO.layerNorm(x, shape, w ?? null, b ?? null, eps),
  group_norm: (x: Tensor, groups: number, w: Maybe, b: Maybe, eps: number) => NO.groupNorm(x, groups, w ?? null, b ?? null, eps),
  embedding: (w: Tensor, i: Tensor, paddingIdx: number, scaleGradByFreq: boolean) => EM.embedding(w, i, paddingIdx, scaleGradByFreq),
  embedding_renorm_: (w: Tensor, i: Tensor, maxNorm: number, normType: number) => EM.embeddingRenorm(w, i, maxNorm, normType),
  embedding_bag: (w: Tensor, i: Tensor, offsets: Tensor, mode: EM.BagMode, psw: Maybe, includeLast: boolean, paddingIdx: number, scaleGradByFreq: boolean) =>
    EM.embeddingBag(w, i, offsets, mode, psw ?? null, includeLast, paddingIdx, scaleGradByFreq),
  one_hot: (i: Tensor, numClasses: number) => EM.oneHot(i, numClasses),
};
