/** The optimizers' fused per-parameter updates (src/engine/ops/optimizerSteps.ts), one call per parameter. */
import { adamFusable, adamStep } from '../../engine/ops/optimizerSteps';
import { Tensor } from '../../engine/tensor';

export const optimizers = {
  /** One Adam/AdamW step; false (nothing written) when the tensors cannot take the fused path. */
  adam_step: (
    param: Tensor,
    grad: Tensor,
    expAvg: Tensor,
    expAvgSq: Tensor,
    maxExpAvgSq: Tensor | null | undefined,
    step: Tensor,
    stepValue: number,
    lr: number,
    beta1: number,
    beta2: number,
    weightDecay: number,
    eps: number,
    maximize: boolean,
    decoupled: boolean,
    negStepSize: number,
    biasCorrection2Sqrt: number,
  ): boolean => {
    const max = maxExpAvgSq ?? null;
    if (!adamFusable(param, grad, expAvg, expAvgSq, max, step)) return false;
    adamStep(param, grad, expAvg, expAvgSq, max, step, {
      step: stepValue, lr, beta1, beta2, weightDecay, eps, maximize, decoupled, negStepSize, biasCorrection2Sqrt,
    });
    return true;
  },
};
