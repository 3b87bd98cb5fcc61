/**
 * The surface the Python `torch` package calls. Everything of substance lives in src/engine; this file only
 * adapts Python's calling conventions (scalars, shapes as rest arguments, index tuples) to engine calls and,
 * on backward(), reports the graph to the host as a `backward` event.
 */
import * as A from '../../engine/backward';
import * as C from '../../engine/creation';
import { DType } from '../../engine/dtype';
import { TorchError } from '../../engine/errors';
import { formatDType, formatPythonFloat, formatSize, printOptions, setPrintOptions, PrintOptions } from '../../engine/print/format';
import { numpyArrayRepr, numpyArrayStr, numpyPrintOptions, NumpyPrintOptions, numpyScalarRepr, numpyScalarStr, resetNumpyPrintOptions, setNumpyPrintOptions } from '../../engine/numpy/format';
import * as NP from '../../engine/numpy/ops';
import * as E from '../../engine/ops/elementwise';
import * as IX from '../../engine/ops/indexing';
import * as IP from '../../engine/ops/inplace';
import * as LA from '../../engine/ops/linalg';
import * as LO from '../../engine/ops/loss';
import * as R from '../../engine/ops/reduce';
import { IntScalar, Operand, Scalar } from '../../engine/ops/operands';
import * as V from '../../engine/ops/views';
import * as NPR from '../../engine/numpy/randomState';
import * as RNG from '../../engine/random/generator';
import { emptyTensor, Tensor } from '../../engine/tensor';
import type { RunEvent } from '../../protocol/events';
import { GraphReporter, type GraphReporterHost, type LeafNamer } from '../report/graphReporter';
import { nonFiniteMessage } from '../../protocol/nonFiniteMessage';
import { findNonFinite } from '../report/nonFinite';
import { printTensor, summarize } from '../report/tensorSummary';

/** What the runtime gives the binding: where backward events go (the host stamps time, step and file). */
export interface BindingHost extends GraphReporterHost {
  /** Raise at the first op whose result holds NaN or inf (the run setting of the same name; see nonFinite.ts). */
  detectNonFinite?: boolean;
  /**
   * False: backward() sends no event (no graph capture, no summaries); used to measure their cost. Read at
   * every backward(), so a host may switch it between runs.
   */
  instrument?: boolean;
  /** Called every TICK_EVERY ops: the script is busy computing and the host may want to send what it holds. */
  tick?(): void;
}

const TICK_EVERY = 64;

/** Python ints arrive as numbers; the Python side says which operands were ints (see `Tensor._sc`). */
function scalar(x: Tensor | number | boolean, isInt: boolean): Operand {
  return typeof x === 'number' && isInt ? new IntScalar(x) : x;
}

type Dims = number | number[] | null | undefined;

function dims(d: unknown): Dims {
  if (d === null || d === undefined) return null;
  if (typeof d === 'number') return d;
  return Array.from(d as ArrayLike<number>);
}

const generators = { default: new RNG.Generator() };

function gen(g: RNG.Generator | null | undefined): RNG.Generator {
  return g ?? generators.default;
}

/** NumPy samples land in a float64 (or int64/bool) tensor; allocating it first applies the engine's memory limit. */
function nprTensor(shape: number[], dtype: DType, draw: (n: number) => ArrayLike<number>): Tensor {
  const t = emptyTensor(shape, dtype);
  (t.data as Float64Array | Uint8Array).set(draw(t.numel));
  return t;
}

type NprParam = number | ArrayLike<number>;

function randomTensor(shape: number[], dtype: DType, fill: (out: Float32Array | Float64Array) => void): Tensor {
  const t = C.zeros(shape, dtype);
  fill(t.data as Float32Array | Float64Array);
  return t;
}

/** Op table: `call(line, name, ...args)` sets the source line for any graph nodes the op creates. */
const ops = {
  // arithmetic; the trailing flag says the scalar operand was a Python int
  add: (a: Tensor, b: Tensor | number, bInt: boolean, alpha = 1) => E.add(a, scalar(b, bInt), alpha),
  radd: (a: Tensor, b: number, bInt: boolean) => E.add(scalar(b, bInt), a),
  sub: (a: Tensor, b: Tensor | number, bInt: boolean, alpha = 1) => E.sub(a, scalar(b, bInt), alpha),
  rsub: (a: Tensor, b: number, bInt: boolean) => E.rsub(a, scalar(b, bInt) as Scalar),
  mul: (a: Tensor, b: Tensor | number, bInt: boolean) => E.mul(a, scalar(b, bInt)),
  rmul: (a: Tensor, b: number, bInt: boolean) => E.mul(scalar(b, bInt), a),
  div: (a: Tensor, b: Tensor | number, bInt: boolean, mode: 'trunc' | 'floor' | null = null) => E.div(a, scalar(b, bInt), mode),
  rdiv: (a: Tensor, b: number, bInt: boolean) => E.mul(E.reciprocal(a), scalar(b, bInt)),
  floordiv: (a: Tensor, b: Tensor | number, bInt: boolean) => E.floorDivide(a, scalar(b, bInt)),
  rfloordiv: (a: Tensor, b: number, bInt: boolean) => E.floorDivide(scalar(b, bInt), a),
  mod: (a: Tensor, b: Tensor | number, bInt: boolean) => E.remainder(a, scalar(b, bInt)),
  rmod: (a: Tensor, b: number, bInt: boolean) => E.remainder(scalar(b, bInt), a),
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
  to: (a: Tensor, dtype: DType) => E.cast(a, dtype),
  clone: E.clone,
  // reductions
  sum: (a: Tensor, d: unknown, keepdim: boolean, dtype: DType | null) => R.sum(a, dims(d), keepdim, dtype ?? undefined),
  mean: (a: Tensor, d: unknown, keepdim: boolean, dtype: DType | null) => R.mean(a, dims(d), keepdim, dtype ?? undefined),
  max_all: (a: Tensor) => R.extremeAll(a, 'max'),
  min_all: (a: Tensor) => R.extremeAll(a, 'min'),
  max_dim: (a: Tensor, d: number, keepdim: boolean) => R.extremeDim(a, d, keepdim, 'max'),
  min_dim: (a: Tensor, d: number, keepdim: boolean) => R.extremeDim(a, d, keepdim, 'min'),
  argmax: (a: Tensor, d: number | null, keepdim: boolean) => R.argExtreme(a, d ?? null, keepdim, 'max'),
  argmin: (a: Tensor, d: number | null, keepdim: boolean) => R.argExtreme(a, d ?? null, keepdim, 'min'),
  prod: (a: Tensor, d: number | null, keepdim: boolean) => R.prod(a, d ?? null, keepdim),
  norm: (a: Tensor, p: number, d: unknown, keepdim: boolean) => R.norm(a, p, dims(d), keepdim),
  var: (a: Tensor, d: unknown, correction: number, keepdim: boolean) => R.varStd(a, dims(d), correction, keepdim, 'var'),
  std: (a: Tensor, d: unknown, correction: number, keepdim: boolean) => R.varStd(a, dims(d), correction, keepdim, 'std'),
  logsumexp: (a: Tensor, d: unknown, keepdim: boolean) => R.logsumexp(a, dims(d), keepdim),
  softmax: (a: Tensor, d: number) => R.softmax(a, d),
  log_softmax: (a: Tensor, d: number) => R.logSoftmax(a, d),
  all: (a: Tensor, d: number | null, keepdim: boolean) => R.all(a, d, keepdim),
  any: (a: Tensor, d: number | null, keepdim: boolean) => R.any(a, d, keepdim),
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
  transpose: (a: Tensor, d0: number, d1: number) => V.transpose(a, d0, d1),
  unsqueeze: (a: Tensor, d: number) => V.unsqueeze(a, d),
  squeeze: (a: Tensor, d: unknown) => V.squeeze(a, dims(d)),
  select: (a: Tensor, d: number, i: number) => V.select(a, d, i),
  narrow: (a: Tensor, d: number, s: number, l: number) => V.narrow(a, d, s, l),
  contiguous: V.contiguous,
  cat: (d: number, ...ts: Tensor[]) => V.cat(ts, d),
  stack: (d: number, ...ts: Tensor[]) => V.stack(ts, d),
  unbind: (a: Tensor, d: number) => V.unbind(a, d),
  split: (a: Tensor, size: number | number[], d: number) => V.split(a, typeof size === 'number' ? size : Array.from(size), d),
  chunk: (a: Tensor, n: number, d: number) => V.chunk(a, n, d),
  getitem: (a: Tensor, ...items: IX.IndexItem[]) => IX.getItem(a, items),
  index_select: (a: Tensor, d: number, i: Tensor) => IX.indexSelect(a, d, i),
  masked_fill: (a: Tensor, m: Tensor, v: number | Tensor) => IX.maskedFill(a, m, v),
  // in place
  setitem: (a: Tensor, value: Tensor, ...items: IX.IndexItem[]) => IX.setItem(a, items, value),
  iop: (name: keyof typeof inplaceOps, a: Tensor, ...rest: unknown[]) => IP.inPlace(a, (self) => (inplaceOps[name] as (s: Tensor, ...r: unknown[]) => Tensor)(self, ...rest)),
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
};

/** Out-of-place counterparts of the in-place methods (`x.add_(y)` runs `add` and writes the result back). */
const inplaceOps = {
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
  sigmoid: E.sigmoid,
  tanh: E.tanh,
  and: (s: Tensor, b: Tensor | number | boolean, bInt: boolean) => E.bitwise('and', s, scalar(b, bInt)),
  or: (s: Tensor, b: Tensor | number | boolean, bInt: boolean) => E.bitwise('or', s, scalar(b, bInt)),
  xor: (s: Tensor, b: Tensor | number | boolean, bInt: boolean) => E.bitwise('xor', s, scalar(b, bInt)),
  masked_fill: (s: Tensor, m: Tensor, v: number | Tensor) => IX.maskedFill(s, m, v),
};

export type OpName = keyof typeof ops;

/** Numbers that cross to Python must stay plain (NaN and ±Infinity survive as floats there). */
function flatList(t: Tensor): number[] {
  return Array.from(t.values(true));
}

/**
 * detectNonFinite: throws when an op's result (or, for ops that write in place and return nothing, the tensor
 * written) holds NaN or inf. Ops that return several tensors (split, unbind, max with dim) are checked each.
 */
function checkFinite(name: OpName, args: unknown[], result: unknown): void {
  const outputs: unknown[] = Array.isArray(result) ? result : [result === undefined ? args[0] : result];
  for (const out of outputs) {
    if (!(out instanceof Tensor)) continue;
    const found = findNonFinite(out);
    if (!found) continue;
    // In-place methods arrive as `iop('sub', t, …)`; the script wrote `t.sub_(…)` or `t -= …`.
    const op = name === 'iop' && typeof args[0] === 'string' ? `${args[0]}_` : name;
    throw new TorchError('RuntimeError', nonFiniteMessage(op, out.gradFn ? out.gradFn.name : null, found));
  }
}

export function createBinding(host?: BindingHost) {
  const detectNonFinite = host?.detectNonFinite === true;
  const reporter = host !== undefined ? new GraphReporter(host) : null;
  const reporting = (): GraphReporter | null => (host?.instrument !== false ? reporter : null);
  const tick = host?.tick;
  let calls = 0;
  return {
    call(line: number, name: OpName, ...args: unknown[]): unknown {
      if (tick && ++calls % TICK_EVERY === 0) tick();
      A.sourceLocation.line = line >= 0 ? line : null;
      const result = (ops[name] as (...a: unknown[]) => unknown)(...args);
      if (detectNonFinite) checkFinite(name, args, result);
      return result;
    },
    /** Error classes map by name; Python re-raises the matching built-in exception. */
    errorType(e: unknown): string | null {
      return e instanceof TorchError ? e.pyType : null;
    },

    // creation
    from_values: (values: ArrayLike<number>, dtype: DType, ...shape: number[]) => C.fromValues(values, shape, dtype),
    full: (value: number, dtype: DType, ...shape: number[]) => C.full(shape, value, dtype),
    arange: (start: number, end: number, stepSize: number, dtype: DType) => C.arange(start, end, stepSize, dtype),
    linspace: (start: number, end: number, steps: number, dtype: DType) => C.linspace(start, end, steps, dtype),
    eye: (n: number, m: number, dtype: DType) => C.eye(n, m, dtype),

    // random
    generator: (seed?: number) => new RNG.Generator(seed),
    default_generator: () => generators.default,
    manual_seed: (g: RNG.Generator | null, seed: number | bigint) => gen(g).manualSeed(BigInt(seed)),
    initial_seed: (g: RNG.Generator | null) => gen(g).initialSeed().toString(),
    seed: (g: RNG.Generator | null) => gen(g).seed().toString(),
    rand: (g: RNG.Generator | null, dtype: 'float32' | 'float64', ...shape: number[]) =>
      randomTensor(shape, dtype, (o) => RNG.uniformFill(gen(g), o, dtype)),
    randn: (g: RNG.Generator | null, dtype: 'float32' | 'float64', ...shape: number[]) =>
      randomTensor(shape, dtype, (o) => RNG.normalFill(gen(g), o, dtype)),
    normal: (g: RNG.Generator | null, mean: number, std: number, dtype: 'float32' | 'float64', ...shape: number[]) =>
      randomTensor(shape, dtype, (o) => RNG.normalFill(gen(g), o, dtype, mean, std)),
    randint: (g: RNG.Generator | null, low: number, high: number, dtype: DType, ...shape: number[]) => {
      const t = C.zeros(shape, 'int64');
      RNG.randintFill(gen(g), t.data as Float64Array, low, high);
      return dtype === 'int64' ? t : E.cast(t, dtype);
    },
    randperm: (g: RNG.Generator | null, n: number) => C.fromValues(RNG.randperm(gen(g), n), [n], 'int64'),
    uniform_: (g: RNG.Generator | null, t: Tensor, from: number, to: number) => {
      const o = C.zeros(t.shape, t.dtype);
      RNG.uniformFill(gen(g), o.data as Float32Array, t.dtype as 'float32', from, to);
      return IP.overwrite(t, o.data);
    },
    normal_: (g: RNG.Generator | null, t: Tensor, mean: number, std: number) => {
      const o = C.zeros(t.shape, t.dtype);
      RNG.normalFill(gen(g), o.data as Float32Array, t.dtype as 'float32', mean, std);
      return IP.overwrite(t, o.data);
    },
    random_: (g: RNG.Generator | null, t: Tensor, from: number | null | undefined, to: number | null | undefined) => {
      const o = C.zeros(t.shape, t.dtype === 'bool' ? 'int64' : t.dtype);
      RNG.randomFill(gen(g), o.data as Float64Array, o.dtype as 'int64', from ?? undefined, to ?? undefined);
      return IP.overwrite(t, o.data);
    },
    /**
     * `int(torch.empty((), dtype=torch.int64).random_().item())` exactly (63 bits do not fit a double):
     * how PyTorch's samplers derive a seed for their own generator.
     */
    random_seed_int64: (g: RNG.Generator | null) => (gen(g).nextUint64() & 0x7fffffffffffffffn).toString(),
    overwrite: (t: Tensor, values: ArrayLike<number>) => IP.overwrite(t, values),

    // numpy.random: NumPy's legacy RandomState (src/engine/numpyRandom.ts). The output shape comes last; array
    // parameters arrive already broadcast to it, flattened in C order.
    npr_new: (seed: NPR.NumpySeed) => new NPR.RandomState(seed),
    npr_global: () => NPR.globalRandomState,
    npr_seed: (rs: NPR.RandomState, seed: NPR.NumpySeed) => {
      rs.seed(seed);
    },
    npr_random_sample: (rs: NPR.RandomState, ...shape: number[]) => nprTensor(shape, 'float64', (n) => rs.randomSample(n)),
    npr_standard_normal: (rs: NPR.RandomState, ...shape: number[]) => nprTensor(shape, 'float64', (n) => rs.standardNormal(n)),
    npr_normal: (rs: NPR.RandomState, loc: NprParam, scale: NprParam, ...shape: number[]) =>
      nprTensor(shape, 'float64', (n) => rs.normal(loc, scale, n)),
    npr_uniform: (rs: NPR.RandomState, low: NprParam, high: NprParam, ...shape: number[]) =>
      nprTensor(shape, 'float64', (n) => rs.uniform(low, high, n)),
    npr_standard_exponential: (rs: NPR.RandomState, ...shape: number[]) =>
      nprTensor(shape, 'float64', (n) => rs.standardExponential(n)),
    npr_exponential: (rs: NPR.RandomState, scale: NprParam, ...shape: number[]) =>
      nprTensor(shape, 'float64', (n) => rs.exponential(scale, n)),
    npr_randint: (rs: NPR.RandomState, low: NPR.IntBound, high: NPR.IntBound, dtype: NPR.BoundedIntType, ...shape: number[]) =>
      nprTensor(shape, dtype === 'bool' ? 'bool' : 'int64', (n) => rs.randint(low, high, n, dtype)),
    /** One exact draw: a number when it is a safe integer, else a BigInt (Python gets an int either way). */
    npr_randint_scalar: (rs: NPR.RandomState, low: number | bigint, high: number | bigint, dtype: NPR.BoundedIntType) => {
      const v = rs.randintExact(low, high, 1, dtype)[0];
      return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
    },
    npr_permutation: (rs: NPR.RandomState, n: number) => nprTensor([n], 'int64', () => rs.permutation(n)),
    npr_shuffle_swaps: (rs: NPR.RandomState, n: number) => Array.from(rs.shuffleSwaps(n)),
    npr_choice: (rs: NPR.RandomState, popSize: number, replace: boolean, p: ArrayLike<number> | null | undefined, atol: number, ...shape: number[]) =>
      nprTensor(shape, 'int64', (n) => rs.choice(popSize, n, replace, p ?? null, atol)),
    npr_bytes: (rs: NPR.RandomState, length: number) => rs.bytes(length),
    npr_get_state: (rs: NPR.RandomState) => {
      const st = rs.getState();
      return { key: Array.from(st.key), pos: st.pos, has_gauss: st.hasGauss ? 1 : 0, gauss: st.gauss };
    },
    npr_set_state: (rs: NPR.RandomState, key: ArrayLike<number | bigint>, pos: number, hasGauss: number, gauss: number) =>
      rs.setState({ key, pos, hasGauss: !!hasGauss, gauss }),

    // properties
    shape: (t: Tensor) => t.shape,
    stride: (t: Tensor) => t.strides,
    storage_offset: (t: Tensor) => t.offset,
    dtype: (t: Tensor) => t.dtype,
    numel: (t: Tensor) => t.numel,
    is_contiguous: (t: Tensor) => t.isContiguous(),
    requires_grad: (t: Tensor) => t.requiresGrad,
    set_requires_grad: (t: Tensor, v: boolean) => {
      if (v && t.dtype !== 'float32' && t.dtype !== 'float64') {
        throw new TorchError('RuntimeError', 'Only Tensors of floating point and complex dtype can require gradients');
      }
      if (!t.isLeaf) {
        if (!v) {
          throw new TorchError('RuntimeError', "you can only change requires_grad flags of leaf variables. If you want to use a computed variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().");
        }
        return;
      }
      t.requiresGrad = v;
    },
    is_leaf: (t: Tensor) => t.isLeaf,
    // Pyodide turns JS null into `jsnull`, not None; undefined becomes None.
    grad: (t: Tensor) => t.grad ?? undefined,
    set_grad: (t: Tensor, g: Tensor | null) => {
      t.grad = g ?? null;
    },
    grad_fn: (t: Tensor) => t.gradFn ?? undefined,
    set_line: (t: Tensor, line: number) => {
      t.line = line >= 0 ? line : null;
    },
    version: (t: Tensor) => t.version.value,
    tensor_id: (t: Tensor) => t.id,
    item: (t: Tensor) => t.item(),
    tolist_flat: flatList,
    data_of: (t: Tensor) => new Tensor(t.data, t.shape.slice(), t.strides.slice(), t.offset, t.dtype),
    set_data: (t: Tensor, src: Tensor) => {
      t.data = src.data;
      t.shape = src.shape.slice();
      t.strides = src.strides.slice();
      t.offset = src.offset;
      t.dtype = src.dtype;
    },
    detach: V.detach,
    detach_: (t: Tensor) => {
      t.gradFn = null;
      t.requiresGrad = false;
      return t;
    },
    retain_grad: (t: Tensor) => {
      if (!t.requiresGrad) throw new TorchError('RuntimeError', "can't retain_grad on Tensor that has requires_grad=False");
      if (t.gradFn) t.gradFn.retainedOutput = t;
    },
    retains_grad: (t: Tensor) => !!t.gradFn && t.gradFn.retainedOutput === t,
    register_hook: (t: Tensor, hook: (g: Tensor) => Tensor | null | undefined) => {
      if (!t.requiresGrad) throw new TorchError('RuntimeError', "cannot register a hook on a tensor that doesn't require gradient");
      const list = t.gradFn ? (t.gradFn.preHooks ??= []) : (t.hooks ??= []);
      list.push(hook);
      return () => {
        const i = list.indexOf(hook);
        if (i >= 0) list.splice(i, 1);
      };
    },
    repr: printTensor,
    summary: summarize,

    // grad_fn objects
    node_name: (n: A.Node) => n.name,
    node_next: (n: A.Node) => n.next.map((x) => x ?? undefined),
    node_variable: (n: A.Node) => n.variable ?? undefined,
    node_id: (n: A.Node) => n.id,

    // autograd
    grad_enabled: () => A.gradMode.enabled,
    set_grad_enabled: (v: boolean) => {
      const prev = A.gradMode.enabled;
      A.gradMode.enabled = v;
      return prev;
    },
    /**
     * Runs backward() and reports it; the report asks the run's leaf namer (reset_graph_reporting) for the
     * names the script gives its leaves only when it needs them (see GraphReporter).
     */
    backward(line: number, root: Tensor, gradient: Tensor | null, retainGraph: boolean | null, createGraph: boolean): void {
      const reporter = reporting();
      let nodeGrads: ReadonlyMap<A.Node, Tensor> | null = null;
      const observer: A.BackwardObserver = {
        wantsNodeGrads: true,
        after: (info) => {
          nodeGrads = info.nodeGrads;
        },
      };
      if (reporter) A.backwardObservers.add(observer);
      try {
        A.backward(root, gradient ?? null, retainGraph ?? undefined, createGraph);
      } finally {
        A.backwardObservers.delete(observer);
      }
      reporter?.afterBackward(line, root, nodeGrads);
    },
    /** At the end of a run: the last step's whole graph, when its backward event went without it. */
    flush_graph(): void {
      reporter?.flush();
    },
    /** Before each run; `namer` is the run's leaf namer (Python's _playground.naming.name_leaves). */
    reset_graph_reporting(namer?: LeafNamer | null): void {
      reporter?.reset(namer ?? null);
    },
    autograd_grad: (
      outputs: Tensor[],
      inputs: Tensor[],
      gradOutputs: Array<Tensor | null> | null,
      retainGraph: boolean | null,
      createGraph: boolean,
      allowUnused: boolean,
    ) => A.grad(Array.from(outputs), Array.from(inputs), gradOutputs ? Array.from(gradOutputs) : null, retainGraph ?? null, createGraph, allowUnused).map((g) => g ?? undefined),

    // printing
    format_size: (...shape: number[]) => formatSize(shape),
    format_dtype: (d: DType) => formatDType(d),
    format_float: formatPythonFloat,
    set_printoptions: (precision: number | null, threshold: number | null, edgeitems: number | null, linewidth: number | null, profile: string | null, sciMode: boolean | null) => {
      const o: Partial<PrintOptions> & { profile?: 'default' | 'short' | 'full' } = {};
      if (precision !== null && precision !== undefined) o.precision = precision;
      if (threshold !== null && threshold !== undefined) o.threshold = threshold;
      if (edgeitems !== null && edgeitems !== undefined) o.edgeitems = edgeitems;
      if (linewidth !== null && linewidth !== undefined) o.linewidth = linewidth;
      if (profile) o.profile = profile as 'default';
      if (sciMode !== null && sciMode !== undefined) o.sciMode = sciMode;
      setPrintOptions(o);
    },
    print_options: () => ({ ...printOptions }),

    // numpy (src/python/numpy): printing, and the few operations whose results follow NumPy's own algorithms
    np_repr: (t: Tensor) => numpyArrayRepr({ shape: t.shape, dtype: t.dtype, values: t.values(true) }),
    np_str: (t: Tensor) => numpyArrayStr({ shape: t.shape, dtype: t.dtype, values: t.values(true) }),
    np_scalar_str: (v: number, dtype: DType) => numpyScalarStr(v, dtype),
    np_scalar_repr: (v: number, dtype: DType) => numpyScalarRepr(v, dtype),
    np_set_printoptions: (o: Partial<NumpyPrintOptions>) => setNumpyPrintOptions(o),
    np_get_printoptions: () => ({ ...numpyPrintOptions }),
    np_reset_printoptions: resetNumpyPrintOptions,
    /** Element values as doubles, row-major: a typed array reaches Python as exact floats (-0.0 included). */
    np_values: (t: Tensor) => Float64Array.from(t.values(true)),
    /** One element as a number; negative zero travels as the string '-0' (Pyodide would turn -0 into the int 0). */
    np_item: (t: Tensor): number | string => {
      const v = t.item();
      return Object.is(v, -0) ? '-0' : v;
    },
    np_sum: (t: Tensor, axes: ArrayLike<number> | null | undefined, keepdims: boolean, dtype: DType) => NP.numpySum(t, axes ? Array.from(axes) : null, keepdims, dtype),
    np_mean: (t: Tensor, axes: ArrayLike<number> | null | undefined, keepdims: boolean, dtype: 'float32' | 'float64') => NP.numpyMean(t, axes ? Array.from(axes) : null, keepdims, dtype),
    np_var: (t: Tensor, axes: ArrayLike<number> | null | undefined, ddof: number, keepdims: boolean, dtype: 'float32' | 'float64', std: boolean) =>
      NP.numpyVar(t, axes ? Array.from(axes) : null, ddof, keepdims, dtype, std),
    np_sort: (t: Tensor, axis: number) => NP.numpySort(t, axis),
    np_arange: (first: number, second: number, length: number, dtype: DType) => NP.numpyArange(first, second, length, dtype),
    np_linspace: (start: number, stop: number, num: number, endpoint: boolean, dtype: DType) => NP.numpyLinspace(start, stop, num, endpoint, dtype),
    np_slice: (t: Tensor, dim: number, start: number, step: number, length: number) => NP.numpySliceView(t, dim, start, step, length),
    np_divmod: (a: Tensor, b: Tensor, which: 0 | 1) => NP.numpyDivmod(a, b, which),
    np_libm: (t: Tensor, name: 'log' | 'log1p' | 'sin' | 'cos') => NP.numpyLibm(t, name),
    np_cumsum: (t: Tensor, axis: number) => NP.numpyCumsum(t, axis),
  };
}

export type Binding = ReturnType<typeof createBinding>;
