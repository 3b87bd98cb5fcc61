/**
 * numpy.random: NumPy's legacy RandomState (src/engine/numpy/randomState.ts), every entry `npr_<method>`. The
 * output shape comes last; array parameters arrive already broadcast to it, flattened in C order.
 */
import { DType } from '../../engine/dtype';
import * as NPR from '../../engine/numpy/randomState';
import { emptyTensor, Tensor } from '../../engine/tensor';

/** NumPy samples land in a float64 (or int64/bool) tensor; allocating it first applies the engine's memory limit. */
function nprTensor(shape: number[], dtype: DType, draw: (n: number) => ArrayLike<number>): Tensor {
  const t = emptyTensor(shape, dtype);
  (t.data as Float64Array | Uint8Array).set(draw(t.numel));
  return t;
}

type NprParam = number | ArrayLike<number>;

export const numpyRandom = {
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
};
