/**
 * NumPy printing (src/engine/numpy/format.ts) and NumPy-order arithmetic (src/engine/numpy/ops.ts) through the TS
 * API, against real NumPy 2.4 output in test/fixtures/numpy-format.json (made by
 * test/harness/gen_numpy_format_fixture.py), plus hand-checked cases that document the rules.
 */
import { strict as assert } from 'node:assert';
import { DType } from '../dtype';
import {
  NumpyDType,
  numpyArrayRepr,
  numpyArrayStr,
  NumpyPrintOptions,
  numpyPrintOptions,
  numpyScalarRepr,
  numpyScalarStr,
  resetNumpyPrintOptions,
  setNumpyPrintOptions,
} from './format';
import { numpyArange, numpyCumsum, numpyDivmod, numpyLinspace, numpyMean, numpySort, numpySum, numpyVar } from './ops';
import { makeTensor, Tensor } from '../tensor';
import { allocate } from '../dtype';
import { readFixture } from '../../../test/paths';

type Enc = number | string | boolean;

interface FormatCase { shape: number[]; dtype: NumpyDType; values?: Enc[]; formula?: boolean; opts: Partial<NumpyPrintOptions>; repr: string; str: string }
interface ScalarCase { dtype: NumpyDType; value: Enc; repr: string; str: string }
interface ReductionCase {
  base_shape: number[]; dtype: NumpyDType; shape: number[]; strides: number[]; offset: number; axes: number[] | null;
  op: 'sum' | 'sum64' | 'mean' | 'var' | 'std'; ddof: number; out_dtype: string; out: Enc[];
}
interface CreationCase { fn: 'arange' | 'linspace' | 'divmod'; args: Enc[]; dtype: NumpyDType; out: Enc[] }
interface Fixture { format: FormatCase[]; scalars: ScalarCase[]; reductions: ReductionCase[]; creation: CreationCase[] }

const fixture = JSON.parse(readFixture('numpy-format.json')) as Fixture;

function num(v: Enc): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return v === 'nan' ? NaN : v === 'inf' ? Infinity : v === '-inf' ? -Infinity : v === '-0.0' ? -0 : Number(v);
}

/** The harness's deterministic data: v = ((i * 7919) % 1009 - 504) / 7; v > 0 as bool, trunc(v * 7) as int64. */
function formula(n: number, dtype: DType): Tensor {
  const data = allocate(dtype, n);
  for (let i = 0; i < n; i++) {
    const v = (((i * 7919) % 1009) - 504) / 7;
    data[i] = dtype === 'bool' ? (v > 0 ? 1 : 0) : dtype === 'int64' ? Math.trunc(v * 7) : v;
  }
  return makeTensor(data, [n], dtype);
}

function arrayOf(shape: number[], dtype: NumpyDType, values: ArrayLike<number>): { shape: number[]; dtype: NumpyDType; values: ArrayLike<number> } {
  const data = allocate(dtype, values.length);
  for (let i = 0; i < values.length; i++) data[i] = values[i];
  return { shape, dtype, values: data };
}

function sameNumbers(actual: ArrayLike<number>, expected: number[], what: string): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  for (let i = 0; i < expected.length; i++) {
    assert.ok(Object.is(actual[i], expected[i]) || (Number.isNaN(actual[i]) && Number.isNaN(expected[i])), `${what}[${i}]: expected ${expected[i]}, got ${actual[i]}`);
  }
}

describe('NumPy printing (numpy/format.ts)', () => {
  afterEach(() => resetNumpyPrintOptions());

  it('prints the documented examples exactly as NumPy 2 does', () => {
    const f32 = arrayOf([5], 'float32', [1.9269153, 1.4872841, 0.90071476, -2.1055214, 0.67841846]);
    assert.equal(numpyArrayRepr(f32), 'array([ 1.9269153 ,  1.4872841 ,  0.90071476, -2.1055214 ,  0.67841846],\n      dtype=float32)');
    assert.equal(numpyArrayStr(f32), '[ 1.9269153   1.4872841   0.90071476 -2.1055214   0.67841846]');
    assert.equal(numpyArrayRepr(arrayOf([2], 'int64', [1, 2])), 'array([1, 2])');
    assert.equal(numpyArrayStr(arrayOf([2], 'int64', [1, 2])), '[1 2]');
    assert.equal(numpyArrayRepr(arrayOf([], 'float32', [2.5])), 'array(2.5, dtype=float32)');
    assert.equal(numpyArrayStr(arrayOf([], 'float32', [2.5])), '2.5');
    assert.equal(numpyArrayRepr(arrayOf([2], 'float64', [1, 2])), 'array([1., 2.])');
    assert.equal(numpyArrayRepr(arrayOf([3], 'float32', [-1234.5678, 0.001, 99999.0])), 'array([-1.2345677e+03,  1.0000000e-03,  9.9999000e+04], dtype=float32)');
    assert.equal(numpyArrayRepr(arrayOf([3], 'float64', [NaN, 1.5, -Infinity])), 'array([ nan,  1.5, -inf])');
    assert.equal(numpyArrayRepr(arrayOf([2], 'float64', [-0, 1])), 'array([-0.,  1.])');
    assert.equal(numpyArrayRepr(arrayOf([2], 'bool', [1, 0])), 'array([ True, False])');
    assert.equal(numpyArrayRepr(arrayOf([0, 3], 'float64', [])), 'array([], shape=(0, 3), dtype=float64)');
    assert.equal(numpyArrayRepr(arrayOf([0], 'int64', [])), 'array([], dtype=int64)');
    assert.equal(numpyArrayStr(arrayOf([2, 2], 'float64', [1.5, 2, 3, 4])), '[[1.5 2. ]\n [3.  4. ]]');
  });

  it('uses the shortest digits that identify a float32 as a float32, and float32 switches to exponents at 1e6', () => {
    assert.equal(numpyArrayRepr(arrayOf([3], 'float32', [0.1, 0.2, 0.3])), 'array([0.1, 0.2, 0.3], dtype=float32)');
    assert.equal(numpyArrayStr(arrayOf([1], 'float32', [1e6])), '[1.e+06]');
    assert.equal(numpyArrayStr(arrayOf([1], 'float32', [950000])), '[950000.]');
    assert.equal(numpyArrayStr(arrayOf([1], 'float64', [1e6])), '[1000000.]');
    assert.equal(numpyScalarRepr(0.1, 'float32'), 'np.float32(0.1)');
    assert.equal(numpyScalarStr(1e6, 'float32'), '1e+06');
    assert.equal(numpyScalarStr(999999, 'float32'), '999999.0');
    assert.equal(numpyScalarStr(1e-4, 'float32'), '1e-04'); // float32(1e-4) is just below 1e-4
    assert.equal(numpyScalarRepr(1.5, 'float64'), 'np.float64(1.5)');
    assert.equal(numpyScalarRepr(3, 'int64'), 'np.int64(3)');
    assert.equal(numpyScalarRepr(1, 'bool'), 'np.True_');
    assert.equal(numpyScalarStr(-0, 'float64'), '-0.0');
  });

  it('summarises past the threshold and names the shape (NumPy >= 2.2)', () => {
    const t = formula(2000, 'int64');
    const a = { shape: [2000], dtype: 'int64' as const, values: t.data };
    assert.match(numpyArrayRepr(a), /^array\(\[ *-?\d+, *-?\d+, *-?\d+, \.\.\., *-?\d+, *-?\d+, *-?\d+\], shape=\(2000,\)\)$/);
  });

  it('applies np.set_printoptions and validates like NumPy', () => {
    setNumpyPrintOptions({ precision: 3 });
    assert.equal(numpyArrayRepr(arrayOf([2], 'float64', [1.23456789, 2.5])), 'array([1.235, 2.5  ])');
    assert.equal(numpyPrintOptions.precision, 3);
    assert.throws(() => setNumpyPrintOptions({ floatmode: 'bad' as 'fixed' }), /floatmode option must be one of/);
    assert.throws(() => setNumpyPrintOptions({ sign: 'x' as '-' }), /sign option must be one of/);
    resetNumpyPrintOptions();
    assert.equal(numpyPrintOptions.precision, 8);
  });

  describe(`arrays from real NumPy (${fixture.format.length} cases)`, () => {
    fixture.format.forEach((c, i) => {
      it(`#${i} ${c.dtype} ${JSON.stringify(c.shape)} ${JSON.stringify(c.opts)}`, () => {
        resetNumpyPrintOptions();
        setNumpyPrintOptions(c.opts);
        const n = c.shape.reduce((a, b) => a * b, 1);
        const values = c.formula ? formula(n, c.dtype).data : arrayOf([n], c.dtype, (c.values ?? []).map(num)).values;
        const a = { shape: c.shape, dtype: c.dtype, values };
        assert.equal(numpyArrayRepr(a), c.repr);
        assert.equal(numpyArrayStr(a), c.str);
      });
    });
  });

  it(`prints ${fixture.scalars.length} scalars (random bit patterns and edge values) as NumPy does`, () => {
    for (const c of fixture.scalars) {
      const v = num(c.value);
      assert.equal(numpyScalarRepr(v, c.dtype), c.repr, `repr of ${c.dtype} ${c.value}`);
      assert.equal(numpyScalarStr(v, c.dtype), c.str, `str of ${c.dtype} ${c.value}`);
    }
  });
});

describe('NumPy-order arithmetic (numpy/ops.ts)', () => {
  describe(`sum, mean, var and std of views, bit for bit (${fixture.reductions.length} cases)`, () => {
    fixture.reductions.forEach((c, i) => {
      it(`#${i} np.${c.op}(${c.dtype} ${JSON.stringify(c.shape)} strides ${JSON.stringify(c.strides)}, axis=${JSON.stringify(c.axes)})`, () => {
        const n = c.base_shape.reduce((a, b) => a * b, 1);
        const base = formula(n, c.dtype);
        const t = new Tensor(base.data, c.shape, c.strides, c.offset, c.dtype);
        const int = c.dtype === 'int64' || c.dtype === 'bool';
        let r: Tensor;
        if (c.op === 'sum') r = numpySum(t, c.axes, false, int ? 'int64' : c.dtype);
        else if (c.op === 'sum64') r = numpySum(t, c.axes, false, 'float64');
        else if (c.op === 'mean') r = numpyMean(t, c.axes, false, int ? 'float64' : (c.dtype as 'float32'));
        else r = numpyVar(t, c.axes, c.ddof, false, int ? 'float64' : (c.dtype as 'float32'), c.op === 'std');
        assert.equal(r.dtype, c.out_dtype);
        sameNumbers(r.values(), c.out.map(num), 'result');
      });
    });
  });

  it('fills arange and linspace as NumPy does, and divides with its divmod', () => {
    for (const c of fixture.creation) {
      const args = c.args.map(num);
      if (c.fn === 'arange') {
        const [start, stop, step] = args;
        const length = Math.max(0, Math.ceil((stop - start) / step));
        sameNumbers(numpyArange(start, start + step, length, c.dtype).values(), c.out.map(num), `arange(${args}) ${c.dtype}`);
      } else if (c.fn === 'linspace') {
        const [start, stop, n] = args;
        sameNumbers(numpyLinspace(start, stop, n, c.args[3] as boolean, c.dtype).values(), c.out.map(num), `linspace(${args}) ${c.dtype}`);
      } else {
        const a = makeTensor(allocate(c.dtype, 1).fill(args[0]), [1], c.dtype);
        const b = makeTensor(allocate(c.dtype, 1).fill(args[1]), [1], c.dtype);
        const q = numpyDivmod(a, b, 0).values()[0];
        const m = numpyDivmod(a, b, 1).values()[0];
        sameNumbers([q, m], c.out.map(num), `divmod(${args}) ${c.dtype}`);
      }
    }
  });

  it('sorts with NaN last and equal keys in order, and accumulates cumsum in the dtype', () => {
    const t = makeTensor(Float64Array.from([3, NaN, -1, 3, 0]), [5], 'float64');
    const [v, idx] = numpySort(t, 0);
    sameNumbers(v.values(), [-1, 0, 3, 3, NaN], 'values');
    sameNumbers(idx.values(), [2, 4, 0, 3, 1], 'indices');
    const f = makeTensor(Float32Array.from([0.1, 0.7, -1.3]), [3], 'float32');
    // float32 running sum: 0.1f + 0.7f rounds to 0.8f before -1.3f is added (NumPy prints -0.49999994).
    sameNumbers(numpyCumsum(f, 0).values(), [Math.fround(0.1), Math.fround(Math.fround(0.1) + Math.fround(0.7)), Math.fround(Math.fround(Math.fround(0.1) + Math.fround(0.7)) + Math.fround(-1.3))], 'cumsum');
  });
});
