/**
 * The torch.nn layers' fused ops `binding.call` dispatches (merged into ops.ts's table): normalisation, lookup
 * tables, and torch._VF's recurrent layers and cells. Shapes arrive as rest arguments, optional tensors as null
 * or undefined.
 */
import * as EM from '../../engine/ops/embedding';
import * as NO from '../../engine/ops/norm';
import * as RC from '../../engine/ops/recurrent';
import { Tensor } from '../../engine/tensor';

type Maybe = Tensor | null | undefined;

/** How _VF.py passes one layer-direction: h, c (None but for LSTM), w_ih, w_hh, b_ih, b_hh, w_hr. */
const PER_DIRECTION = 7;

function stateOf(h: Tensor, c: Maybe): RC.RecurrentState {
  return c ? [h, c] : [h];
}

function paramsOf(wIh: Tensor, wHh: Tensor, bIh: Maybe, bHh: Maybe, wHr: Maybe): RC.RecurrentParams {
  return { wIh, wHh, bIh: bIh ?? null, bHh: bHh ?? null, wHr: wHr ?? null };
}

/** rnn_layer's result: the output, then each direction's final state (h, or h and c), flat. */
function recurrentLayer(mode: RC.RecurrentMode, input: Tensor, ...directions: Maybe[]): Tensor[] {
  const states: RC.RecurrentState[] = [];
  const params: RC.RecurrentParams[] = [];
  for (let k = 0; k + PER_DIRECTION <= directions.length; k += PER_DIRECTION) {
    const [h, c, wIh, wHh, bIh, bHh, wHr] = directions.slice(k, k + PER_DIRECTION);
    states.push(stateOf(h!, c));
    params.push(paramsOf(wIh!, wHh!, bIh, bHh, wHr));
  }
  const { output, finals } = RC.recurrentLayer(mode, input, states, params);
  return [output, ...finals.flat()];
}

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
  rnn_layer: recurrentLayer,
  rnn_cell: (mode: RC.RecurrentMode, input: Tensor, h: Tensor, c: Maybe, wIh: Tensor, wHh: Tensor, bIh: Maybe, bHh: Maybe, wHr: Maybe) =>
    [...RC.recurrentCell(mode, input, stateOf(h, c), paramsOf(wIh, wHh, bIh, bHh, wHr))],
};
