/**
 * torch's random numbers: Generator objects and the sampling functions and in-place fills that take one
 * (null: the default generator, as `generator=None` means in PyTorch).
 */
import * as C from '../../engine/creation';
import { DType, isFloating, SCALAR_TYPE_NAMES } from '../../engine/dtype';
import * as E from '../../engine/ops/elementwise';
import * as IP from '../../engine/ops/inplace';
import * as RNG from '../../engine/random/generator';
import * as S from '../../engine/random/samplers';
import { runtimeError } from '../../engine/errors';
import { Tensor } from '../../engine/tensor';
import * as V from '../../engine/ops/views';


// What `generator=None` samples from; Python's torch.default_generator wraps this same object.
const generators = { default: new RNG.Generator() };

function gen(g: RNG.Generator | null | undefined): RNG.Generator {
  return g ?? generators.default;
}

function randomTensor(shape: number[], dtype: DType, fill: (out: Float32Array | Float64Array) => void): Tensor {
  const t = C.zeros(shape, dtype);
  fill(t.data as Float32Array | Float64Array);
  return t;
}

type FloatDType = 'float16' | 'bfloat16' | 'float32' | 'float64';

export const random = {
  generator: (seed?: number) => new RNG.Generator(seed),
  default_generator: () => generators.default,
  manual_seed: (g: RNG.Generator | null, seed: number | bigint) => gen(g).manualSeed(BigInt(seed)),
  initial_seed: (g: RNG.Generator | null) => gen(g).initialSeed().toString(),
  seed: (g: RNG.Generator | null) => gen(g).seed().toString(),
  rand: (g: RNG.Generator | null, dtype: FloatDType, ...shape: number[]) =>
    randomTensor(shape, dtype, (o) => RNG.uniformFill(gen(g), o, dtype)),
  randn: (g: RNG.Generator | null, dtype: FloatDType, ...shape: number[]) =>
    randomTensor(shape, dtype, (o) => RNG.normalFill(gen(g), o, dtype)),
  normal: (g: RNG.Generator | null, mean: number, std: number, dtype: FloatDType, ...shape: number[]) =>
    randomTensor(shape, dtype, (o) => RNG.normalFill(gen(g), o, dtype, mean, std)),
  randint: (g: RNG.Generator | null, low: number, high: number, dtype: DType, ...shape: number[]) => {
    const t = C.zeros(shape, 'int64');
    RNG.randintFill(gen(g), t.data as Float64Array, low, high);
    return dtype === 'int64' ? t : E.cast(t, dtype);
  },
  randperm: (g: RNG.Generator | null, n: number) => C.fromValues(RNG.randperm(gen(g), n), [n], 'int64'),
  uniform_: (g: RNG.Generator | null, t: Tensor, from: number, to: number) => {
    const o = C.zeros(t.shape, t.dtype);
    RNG.uniformFill(gen(g), o.data as Float32Array, t.dtype as FloatDType, from, to);
    return IP.overwrite(t, o.data);
  },
  normal_: (g: RNG.Generator | null, t: Tensor, mean: number, std: number) => {
    const o = C.zeros(t.shape, t.dtype);
    RNG.normalFill(gen(g), o.data as Float32Array, t.dtype as FloatDType, mean, std);
    return IP.overwrite(t, o.data);
  },
  random_: (g: RNG.Generator | null, t: Tensor, from: number | null | undefined, to: number | null | undefined) => {
    const o = C.zeros(t.shape, t.dtype === 'bool' ? 'int64' : t.dtype);
    RNG.randomFill(gen(g), o.data as Float64Array, o.dtype as Exclude<DType, 'bool'>, from ?? undefined, to ?? undefined);
    return IP.overwrite(t, o.data);
  },
  /** `Tensor.bernoulli_(p)` with a float p (any dtype of t: the draws are 0/1). */
  bernoulli_: (g: RNG.Generator | null, t: Tensor, p: number) => {
    const o = C.zeros(t.shape, 'float64');
    S.bernoulliScalarFill(gen(g), o.data as Float64Array, p);
    return IP.overwrite(t, o.data);
  },
  /** `t.bernoulli_(p)` with a tensor p (broadcast to t), and `torch.bernoulli(p)` through a fresh t. */
  bernoulli_tensor: (g: RNG.Generator | null, t: Tensor, p: Tensor) => {
    if (p.dtype !== 'float32' && p.dtype !== 'float64') {
      throw runtimeError(`"bernoulli_tensor_cpu_p_" not implemented for '${SCALAR_TYPE_NAMES[p.dtype]}'`);
    }
    const pv = V.expand(p, t.shape).values();
    const o = C.zeros(t.shape, 'float64');
    S.bernoulliTensorFill(gen(g), o.data as Float64Array, pv, p.dtype === 'float64');
    return IP.overwrite(t, o.data);
  },
  exponential_: (g: RNG.Generator | null, t: Tensor, lambd: number) => {
    if (!isFloating(t.dtype)) {
      throw runtimeError(
        `Exponential distribution is a continuous probability distribution. dtype must be a floating point but you specified ${SCALAR_TYPE_NAMES[t.dtype]}`,
      );
    }
    const o = C.zeros(t.shape, t.dtype);
    S.exponentialFill(gen(g), o.data as Float32Array, t.dtype as FloatDType, lambd);
    return IP.overwrite(t, o.data);
  },
  multinomial: (g: RNG.Generator | null, p: Tensor, n: number, replacement: boolean) => {
    if (p.ndim < 1 || p.ndim > 2) throw runtimeError('prob_dist must be 1 or 2 dim');
    if (!isFloating(p.dtype)) {
      throw runtimeError(`multinomial only supports floating-point dtypes for input, got: ${SCALAR_TYPE_NAMES[p.dtype]}`);
    }
    if (!(n > 0)) throw runtimeError('cannot sample n_sample <= 0 samples');
    const cols = p.shape[p.ndim - 1];
    if (!replacement && n > cols) throw runtimeError('cannot sample n_sample > prob_dist.size(-1) samples without replacement');
    if (cols > 1 << 24) throw runtimeError('number of categories cannot exceed 2^24');
    const rows = p.ndim === 2 ? p.shape[0] : 1;
    // 16-bit probabilities are sampled as the float values they are (PyTorch's kernel works in float for them).
    const idx = S.multinomial(gen(g), p.values(), rows, cols, p.dtype === 'float64' ? 'float64' : 'float32', n, replacement);
    return C.fromValues(idx, p.ndim === 2 ? [rows, n] : [n], 'int64');
  },
  /**
   * `int(torch.empty((), dtype=torch.int64).random_().item())` exactly (63 bits do not fit a double):
   * how PyTorch's samplers derive a seed for their own generator.
   */
  random_seed_int64: (g: RNG.Generator | null) => (gen(g).nextUint64() & 0x7fffffffffffffffn).toString(),
};
