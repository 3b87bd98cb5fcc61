/**
 * The ops `binding.call(line, name, ...args)` dispatches: everything that may create graph nodes, and so needs
 * the user's source line set first (see binding.ts). Each entry adapts Python's calling conventions (scalars
 * with an int flag, shapes and index tuples as rest arguments, None for a missing dim) to one engine call.
 */
import { DType, promoteTypes } from '../../engine/dtype';
import { TorchError } from '../../engine/errors';
import * as E from '../../engine/ops/elementwise';
import * as GA from '../../engine/ops/gamma';
import * as GT from '../../engine/ops/gather';
import * as IX from '../../engine/ops/indexing';
import * as IP from '../../engine/ops/inplace';
import * as LA from '../../engine/ops/linalg';
import * as LO from '../../engine/ops/loss';
import * as MO from '../../engine/ops/multiOutput';
import * as PK from '../../engine/ops/packing';
import { IntScalar, Operand, resultType, Scalar } from '../../engine/ops/operands';
import * as R from '../../engine/ops/reduce';
import * as TR from '../../engine/ops/triangular';
import * as V from '../../engine/ops/views';
import { activationInplaceOps, activationOps } from './activationOps';
import { convPoolOps } from './convPoolOps';
import { lossOps } from './lossOps';
import { nnOps } from './nnOps';
import { specialMathInplaceOps, tensorOps } from './tensorOps';
import { Tensor } from '../../engine/tensor';

/** Python ints arrive as numbers; the Python side says which operands were ints (see `_arg` in torch/_tensor.py). */
function scalar(x: Tensor | number | boolean, isInt: boolean): Operand {
  return typeof x === 'number' && isInt ? new IntScalar(x) : x;
}

type Dims = number | number[] | null | undefined;

function dims(d: unknown): Dims {
  if (d === null || d === undefined) return null;
  if (typeof d === 'number') return d;
  return Array.from(d as ArrayLike<number>);
}

/**
 * Index items as Python sends them: a slice comes as the string `s<start>:<stop>:<step>` (an empty bound is
 * None), because a string crosses as it is where a list would take a conversion of its own (about 7 µs).
 */
function indexItems(items: readonly (IX.IndexItem | string)[]): IX.IndexItem[] {
  return items.map((it) => {
    if (typeof it !== 'string' || it === '...') return it;
    const [start, stop, step] = it.slice(1).split(':').map((b) => (b === '' ? null : Number(b)));
    return ['s', start, stop, step];
  });
}

export const ops = {
  result_type: (a: Tensor | number | boolean, aInt: boolean, b: Tensor | number | boolean, bInt: boolean) => resultType(scalar(a, aInt), scalar(b, bInt)),
  promote_types: (a: DType, b: DType) => promoteTypes(a, b),
  // arithmetic; the trailing flag says the scalar operand was a Python int
  // PyTorch's reflected + and * are Tensor.add/mul(self, other): the tensor stays the first operand (next_functions).
  add: (a: Tensor, b: Tensor | number, bInt: boolean, alpha = 1) => E.add(a, scalar(b, bInt), alpha),
  radd: (a: Tensor, b: number, bInt: boolean) => E.add(a, scalar(b, bInt)),
  sub: (a: Tensor, b: Tensor | number, bInt: boolean, alpha = 1) => E.sub(a, scalar(b, bInt), alpha),
  rsub: (a: Tensor, b: number, bInt: boolean, alpha = 1) => E.rsub(a, scalar(b, bInt) as Scalar, alpha),
  rsub_tensor: (a: Tensor, b: Tensor, alpha = 1) => E.rsubTensor(a, b, alpha),
  mul: (a: Tensor, b: Tensor | number, bInt: boolean) => E.mul(a, scalar(b, bInt)),
  rmul: (a: Tensor, b: number, bInt: boolean) => E.mul(a, scalar(b, bInt)),
  // torch.add(2, t) and friends: a Python number as the first operand, which PyTorch wraps as a scalar tensor.
  add_scalar_first: (a: number, aInt: boolean, b: Tensor, alpha = 1) => E.add(scalar(a, aInt), b, alpha),
  sub_scalar_first: (a: number, aInt: boolean, b: Tensor, alpha = 1) => E.sub(scalar(a, aInt), b, alpha),
  mul_scalar_first: (a: number, aInt: boolean, b: Tensor) => E.mul(scalar(a, aInt), b),
  div_scalar_first: (a: number, aInt: boolean, b: Tensor, mode: 'trunc' | 'floor' | null = null) => E.div(scalar(a, aInt), b, mode),
  div: (a: Tensor, b: Tensor | number, bInt: boolean, mode: 'trunc' | 'floor' | null = null) => E.div(a, scalar(b, bInt), mode),
  rdiv: (a: Tensor, b: number, bInt: boolean) => E.mul(E.reciprocal(a), scalar(b, bInt)),
  floordiv: (a: Tensor, b: Tensor | number, bInt: boolean) => E.floorDivide(a, scalar(b, bInt)),
  rfloordiv: (a: Tensor, b: number, bInt: boolean) => E.floorDivide(scalar(b, bInt), a),
  mod: (a: Tensor, b: Tensor | number, bInt: boolean) => E.remainder(a, scalar(b, bInt)),
  rmod: (a: Tensor, b: number, bInt: boolean) => E.remainder(scalar(b, bInt), a),
  fmod: (a: Tensor, b: Tensor | number, bInt: boolean) => E.fmod(a, scalar(b, bInt)),
  pow: (a: Tensor, b: Tensor | number, bInt: boolean) => E.pow(a, scalar(b, bInt)),
  rpow: (a: Tensor, b: number, bInt: boolean) => E.pow(scalar(b, bInt), a),
  matmul: LA.matmul,
  mm: LA.mm,
  mv: LA.mv,
  bmm: LA.bmm,
  dot: LA.dot,
  outer: LA.outer,
  linear: (x: Tensor, w: Tensor, b: Tensor | null | undefined) => LA.linear(x, w, b ?? null),
  neg: E.neg,
  reciprocal: E.reciprocal,
  abs: E.abs,
  sign: E.sign,
  exp: E.exp,
  expm1: E.expm1,
  log: E.log,
  log2: E.log2,
  log10: E.log10,
  log1p: E.log1p,
  sqrt: E.sqrt,
  rsqrt: E.rsqrt,
  sin: E.sin,
  cos: E.cos,
  tan: E.tan,
  tanh: E.tanh,
  sigmoid: E.sigmoid,
  relu: E.relu,
  erf: E.erfTensor,
  lgamma: GA.lgamma,
  digamma: GA.digamma,
  polygamma: (n: number, a: Tensor) => {
    if (n !== 1) throw new TorchError('NotImplementedError', `polygamma of order ${n} is not implemented in the playground (only n=1)`);
    return GA.trigamma(a);
  },
  floor: E.floor,
  ceil: E.ceil,
  round: E.round,
  trunc: E.trunc,
  square: (a: Tensor) => E.powScalar(a, new IntScalar(2)),
  leaky_relu: (a: Tensor, slope: number) => E.leakyRelu(a, slope),
  softplus: (a: Tensor, beta: number, threshold: number) => E.softplus(a, beta, threshold),
  elu: (a: Tensor, alpha: number) => E.elu(a, alpha),
  silu: E.silu,
  gelu: (a: Tensor, approximate: 'none' | 'tanh') => E.gelu(a, approximate),
  clamp: (a: Tensor, lo: number | null | undefined, hi: number | null | undefined) => E.clamp(a, lo ?? null, hi ?? null),
  clamp_tensor: (a: Tensor, lo: Tensor | null | undefined, hi: Tensor | null | undefined) => E.clampTensor(a, lo ?? null, hi ?? null),
  maximum: E.maximum,
  minimum: E.minimum,
  where: (c: Tensor, a: Tensor | number, aInt: boolean, b: Tensor | number, bInt: boolean) => E.where(c, scalar(a, aInt), scalar(b, bInt)),
  eq: (a: Tensor, b: Tensor | number, bInt: boolean) => E.eq(a, scalar(b, bInt)),
  ne: (a: Tensor, b: Tensor | number, bInt: boolean) => E.ne(a, scalar(b, bInt)),
  lt: (a: Tensor, b: Tensor | number, bInt: boolean) => E.lt(a, scalar(b, bInt)),
  le: (a: Tensor, b: Tensor | number, bInt: boolean) => E.le(a, scalar(b, bInt)),
  gt: (a: Tensor, b: Tensor | number, bInt: boolean) => E.gt(a, scalar(b, bInt)),
  ge: (a: Tensor, b: Tensor | number, bInt: boolean) => E.ge(a, scalar(b, bInt)),
  logical_and: (a: Tensor, b: Tensor) => E.logicalAnd(a, b),
  logical_or: (a: Tensor, b: Tensor) => E.logicalOr(a, b),
  logical_xor: (a: Tensor, b: Tensor) => E.logicalXor(a, b),
  logical_not: E.logicalNot,
  bitwise: (op: 'and' | 'or' | 'xor', a: Tensor, b: Tensor | number | boolean, bInt: boolean) => E.bitwise(op, a, scalar(b, bInt)),
  bitwise_not: E.bitwiseNot,
  isnan: E.isnan,
  isinf: E.isinf,
  isfinite: E.isfinite,
  nan_to_num: E.nanToNum,
  to: (a: Tensor, dtype: DType) => E.cast(a, dtype),
  clone: E.clone,
  // reductions
  sum: (a: Tensor, d: unknown, keepdim: boolean, dtype: DType | null) => R.sum(a, dims(d), keepdim, dtype ?? undefined),
  mean: (a: Tensor, d: unknown, keepdim: boolean, dtype: DType | null) => R.mean(a, dims(d), keepdim, dtype ?? undefined),
  max_all: (a: Tensor) => R.extremeAll(a, 'max'),
  min_all: (a: Tensor) => R.extremeAll(a, 'min'),
  max_dim: (a: Tensor, d: number, keepdim: boolean) => R.extremeDim(a, d, keepdim, 'max'),
  min_dim: (a: Tensor, d: number, keepdim: boolean) => R.extremeDim(a, d, keepdim, 'min'),
  amax: (a: Tensor, d: unknown, keepdim: boolean) => R.amaxAmin(a, dims(d), keepdim, 'max'),
  amin: (a: Tensor, d: unknown, keepdim: boolean) => R.amaxAmin(a, dims(d), keepdim, 'min'),
  argmax: (a: Tensor, d: number | null, keepdim: boolean) => R.argExtreme(a, d ?? null, keepdim, 'max'),
  argmin: (a: Tensor, d: number | null, keepdim: boolean) => R.argExtreme(a, d ?? null, keepdim, 'min'),
  prod: (a: Tensor, d: number | null, keepdim: boolean) => R.prod(a, d ?? null, keepdim),
  norm: (a: Tensor, p: number, d: unknown, keepdim: boolean) => R.norm(a, p, dims(d), keepdim),
  var: (a: Tensor, d: unknown, correction: number, keepdim: boolean) => R.varStd(a, dims(d), correction, keepdim, 'var'),
  std: (a: Tensor, d: unknown, correction: number, keepdim: boolean) => R.varStd(a, dims(d), correction, keepdim, 'std'),
  logsumexp: (a: Tensor, d: unknown, keepdim: boolean) => R.logsumexp(a, dims(d), keepdim),
  softmax: (a: Tensor, d: number) => R.softmax(a, d),
  log_softmax: (a: Tensor, d: number) => R.logSoftmax(a, d),
  all: (a: Tensor, d: unknown, keepdim: boolean) => R.all(a, dims(d), keepdim),
  any: (a: Tensor, d: unknown, keepdim: boolean) => R.any(a, dims(d), keepdim),
  cumsum: (a: Tensor, d: number) => R.cumsum(a, d),
  // shapes and views
  view: (a: Tensor, ...shape: number[]) => V.view(a, shape),
  reshape: (a: Tensor, ...shape: number[]) => V.reshape(a, shape),
  expand: (a: Tensor, ...shape: number[]) => V.expand(a, shape),
  repeat: (a: Tensor, ...reps: number[]) => V.repeat(a, reps),
  permute: (a: Tensor, ...order: number[]) => V.permute(a, order),
  flatten: (a: Tensor, s: number, e: number) => V.flatten(a, s, e),
  unflatten: (a: Tensor, d: number, ...sizes: number[]) => V.unflatten(a, d, sizes),
  t: V.t2d,
  T: V.numpyT,
  // inPlace: ATen's own transpose_ (RNN and GRU turn a batch_first output back that way), TransposeBackward1
  transpose: (a: Tensor, d0: number, d1: number, inPlace = false) => V.transpose(a, d0, d1, inPlace ? 'TransposeBackward1' : 'TransposeBackward0'),
  unsqueeze: (a: Tensor, d: number) => V.unsqueeze(a, d),
  squeeze: (a: Tensor, d: unknown) => V.squeeze(a, dims(d)),
  select: (a: Tensor, d: number, i: number) => V.select(a, d, i),
  narrow: (a: Tensor, d: number, s: number, l: number) => V.narrow(a, d, s, l),
  contiguous: V.contiguous,
  alias: V.alias,
  cat: (d: number, ...ts: Tensor[]) => V.cat(ts, d),
  stack: (d: number, ...ts: Tensor[]) => V.stack(ts, d),
  unbind: (a: Tensor, d: number) => V.unbind(a, d),
  split: (a: Tensor, size: number | number[], d: number) => V.split(a, typeof size === 'number' ? size : Array.from(size), d),
  chunk: (a: Tensor, n: number, d: number) => V.chunk(a, n, d),
  // one node for all the pieces, as PyTorch records these (multiOutput.ts)
  unsafe_chunk: (a: Tensor, n: number, d: number) => MO.unsafeChunk(a, n, d),
  unsafe_split: (a: Tensor, size: number | number[], d: number) => MO.unsafeSplit(a, typeof size === 'number' ? size : Array.from(size), d),
  rnn_unbind: (a: Tensor, d: number) => MO.unbindSteps(a, d),
  _pack_padded_sequence: (a: Tensor, lengths: ArrayLike<number>, batchFirst: boolean) => PK.packPaddedSequence(a, Array.from(lengths), batchFirst),
  getitem: (a: Tensor, ...items: (IX.IndexItem | string)[]) => IX.getItem(a, indexItems(items)),
  index_select: (a: Tensor, d: number, i: Tensor) => IX.indexSelect(a, d, i),
  masked_fill: (a: Tensor, m: Tensor, v: number | Tensor) => IX.maskedFill(a, m, v),
  gather: (a: Tensor, d: number, i: Tensor) => GT.gather(a, d, i),
  scatter_add: (a: Tensor, d: number, i: Tensor, src: Tensor) => GT.scatterAdd(a, d, i, src),
  diagonal: (a: Tensor, offset: number, d1: number, d2: number) => V.diagonal(a, offset, d1, d2),
  flip: (a: Tensor, ...dims: number[]) => V.flip(a, dims),
  // triangular matrices
  tril: (a: Tensor, k: number) => TR.tril(a, k),
  triu: (a: Tensor, k: number) => TR.triu(a, k),
  cholesky_ex: (a: Tensor, upper: boolean) => TR.choleskyEx(a, upper),
  solve_triangular: (a: Tensor, b: Tensor, upper: boolean, left: boolean, unitriangular: boolean) =>
    TR.solveTriangular(a, b, upper, left, unitriangular),
  // in place
  setitem: (a: Tensor, value: Tensor, ...items: (IX.IndexItem | string)[]) => IX.setItem(a, indexItems(items), value),
  iop: (name: InplaceOpName, a: Tensor, ...rest: unknown[]) =>
    directArithmetic(name, a, rest) ? a : IP.inPlace(a, (self) => (inplaceOps[name] as (s: Tensor, ...r: unknown[]) => Tensor)(self, ...rest)),
  copy_: IP.copy_,
  fill_: IP.fill_,
  zero_: IP.zero_,
  // losses
  mse_loss: LO.mseLoss,
  l1_loss: LO.l1Loss,
  smooth_l1_loss: LO.smoothL1Loss,
  huber_loss: LO.huberLoss,
  binary_cross_entropy: LO.binaryCrossEntropy,
  binary_cross_entropy_with_logits: LO.bceWithLogits,
  nll_loss: LO.nllLoss,
  cross_entropy: LO.crossEntropy,
  // torch.nn's fused layers (nnOps.ts)
  ...nnOps,
  // convolution, pooling and resampling (convPoolOps.ts)
  ...convPoolOps,
  // sorting, selection, one-sided clamps (tensorOps.ts)
  ...tensorOps,
  // hardtanh, SELU, PReLU, GLU & co. (activationOps.ts)
  ...activationOps,
  // kl_div, the margin losses, Poisson NLL (lossOps.ts)
  ...lossOps,
};

/** `a op= b` without alpha written into a's storage where nothing is recorded (IP.arithmeticInPlace). */
function directArithmetic(name: InplaceOpName, a: Tensor, [b, , alpha]: unknown[]): boolean {
  if (name !== 'add' && name !== 'sub' && name !== 'mul' && name !== 'div') return false;
  if ((alpha ?? 1) !== 1 || !(typeof b === 'number' || b instanceof Tensor)) return false;
  return IP.arithmeticInPlace(name, a, b);
}

/** Out-of-place counterparts of the in-place methods (`x.add_(y)` runs `add` and writes the result back). */
export const inplaceOps = {
  add: (s: Tensor, b: Tensor | number, bInt: boolean, alpha = 1) => E.add(s, scalar(b, bInt), alpha),
  sub: (s: Tensor, b: Tensor | number, bInt: boolean, alpha = 1) => E.sub(s, scalar(b, bInt), alpha),
  mul: (s: Tensor, b: Tensor | number, bInt: boolean) => E.mul(s, scalar(b, bInt)),
  div: (s: Tensor, b: Tensor | number, bInt: boolean) => E.div(s, scalar(b, bInt)),
  pow: (s: Tensor, b: Tensor | number, bInt: boolean) => E.pow(s, scalar(b, bInt)),
  floordiv: (s: Tensor, b: Tensor | number, bInt: boolean) => E.floorDivide(s, scalar(b, bInt)),
  mod: (s: Tensor, b: Tensor | number, bInt: boolean) => E.remainder(s, scalar(b, bInt)),
  clamp: (s: Tensor, lo: number | null, hi: number | null) => E.clamp(s, lo ?? null, hi ?? null),
  neg: E.neg,
  exp: E.exp,
  log: E.log,
  sqrt: E.sqrt,
  abs: E.abs,
  relu: E.relu,
  leaky_relu: (s: Tensor, slope: number) => E.leakyRelu(s, slope, true),
  elu: (s: Tensor, alpha: number) => E.elu(s, alpha, true),
  silu: E.silu,
  sigmoid: E.sigmoid,
  tanh: E.tanh,
  and: (s: Tensor, b: Tensor | number | boolean, bInt: boolean) => E.bitwise('and', s, scalar(b, bInt)),
  or: (s: Tensor, b: Tensor | number | boolean, bInt: boolean) => E.bitwise('or', s, scalar(b, bInt)),
  xor: (s: Tensor, b: Tensor | number | boolean, bInt: boolean) => E.bitwise('xor', s, scalar(b, bInt)),
  masked_fill: (s: Tensor, m: Tensor, v: number | Tensor) => IX.maskedFill(s, m, v),
  scatter_add: (s: Tensor, d: number, i: Tensor, src: Tensor) => GT.scatterAdd(s, d, i, src),
  // one-sided clamps (tensorOps.ts)
  clamp_min: tensorOps.clamp_min,
  clamp_max: tensorOps.clamp_max,
  lerp: tensorOps.lerp,
  addcmul: tensorOps.addcmul,
  addcdiv: tensorOps.addcdiv,
  scatter: tensorOps.scatter,
  index_add: tensorOps.index_add,
  ...activationInplaceOps,
  // elementwise functions beyond the basic set (tensorOps.ts)
  ...specialMathInplaceOps,
};

export type OpName = keyof typeof ops;
export type InplaceOpName = keyof typeof inplaceOps;
