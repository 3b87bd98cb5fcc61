/**
 * The activations of engine/ops/activations.ts as `binding.call` dispatches them (merged into ops.ts's table),
 * and their in-place forms (merged into inplaceOps). SELU and CELU are the elu kernel with PyTorch's constants.
 */
import * as A from '../../engine/ops/activations';
import { Tensor } from '../../engine/tensor';

// torch.nn.functional.selu's constants, as PyTorch's elu kernel receives them (doubles, cast to the dtype there).
const SELU_ALPHA = 1.6732632423543772;
const SELU_SCALE = 1.0507009873554805;

const selu = (a: Tensor, inPlace: boolean) => A.scaledElu(a, SELU_ALPHA, SELU_SCALE, 1, inPlace ? 'EluBackward1' : 'EluBackward0', inPlace);
const celu = (a: Tensor, alpha: number, inPlace: boolean) =>
  A.scaledElu(a, alpha, 1, 1 / alpha, inPlace ? 'CeluBackward1' : 'CeluBackward0', inPlace);

export const activationOps = {
  hardtanh: (a: Tensor, lo: number, hi: number) => A.hardtanh(a, lo, hi),
  threshold: (a: Tensor, th: number, value: number) => A.threshold(a, th, value),
  hardsigmoid: A.hardsigmoid,
  hardswish: A.hardswish,
  mish: A.mish,
  selu: (a: Tensor) => selu(a, false),
  celu: (a: Tensor, alpha: number) => celu(a, alpha, false),
  prelu: A.prelu,
  rrelu_eval: (a: Tensor, lower: number, upper: number) => A.rreluEval(a, lower, upper),
  glu: (a: Tensor, dim: number) => A.glu(a, dim),
  log_sigmoid: A.logSigmoid,
  softshrink: (a: Tensor, lambd: number) => A.softshrink(a, lambd),
  hardshrink: (a: Tensor, lambd: number) => A.hardshrink(a, lambd),
};

export const activationInplaceOps = {
  hardtanh: (s: Tensor, lo: number, hi: number) => A.hardtanh(s, lo, hi),
  threshold: (s: Tensor, th: number, value: number) => A.threshold(s, th, value, true),
  hardsigmoid: A.hardsigmoid,
  hardswish: A.hardswish,
  mish: A.mish,
  selu: (s: Tensor) => selu(s, true),
  celu: (s: Tensor, alpha: number) => celu(s, alpha, true),
  rrelu_eval: (s: Tensor, lower: number, upper: number) => A.rreluEval(s, lower, upper, true),
};
