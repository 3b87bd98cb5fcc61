/**
 * numpy.random and the scikit-learn subset through the Python runtime, against real NumPy / scikit-learn output:
 * numpy_rng.json (../shared/reference: RandomState draws and make_regression), numpy_legacy_extra.json,
 * sklearn_reference.json (make_regression/make_classification/shuffle/resample/train_test_split from
 * scikit-learn 1.9.1) and numpy_sklearn_snippets.json (return types, state, errors). All in one Python session.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openSession, PythonSession } from '../../../src/runtime/host/runner';
import { fixturesDir, harnessDir } from '../../paths';

interface ArrayValue { shape: number[]; dtype?: string; data: Array<number | string> }
type Value = ArrayValue | Value[] | number | string | boolean | null | { [k: string]: Value };
interface Case { [key: string]: unknown }
interface Result { out?: Value; outs?: Value[]; repr?: string; error?: string }

const FIXTURES = fixturesDir;

function cases(name: string): Case[] {
  return (JSON.parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8')) as { cases: Case[] }).cases;
}

async function replay(session: PythonSession, list: Case[]): Promise<Result[]> {
  const body = fs.readFileSync(path.join(harnessDir, 'replay_numpy_sklearn.py'), 'utf8');
  const r = await session.run(`CASES_JSON = ${JSON.stringify(JSON.stringify(list))}\n${body}`, 'replay_numpy_sklearn.py');
  assert.equal(r.status, 'ok', r.stderr);
  const results = JSON.parse(r.stdout) as Result[];
  assert.equal(results.length, list.length);
  return results;
}

function isArray(v: Value): v is ArrayValue {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && 'shape' in v && 'data' in v;
}

function num(v: number | string): number {
  return typeof v === 'number' ? v : v === 'nan' ? NaN : v === 'inf' ? Infinity : -Infinity;
}

/**
 * The playground's NumPy may lack NumPy's narrower integer dtypes; `randint(..., dtype=np.uint8)` then raises its
 * TypeError (the TS API still draws them, see src/engine/numpy/randomState.test.ts). Where it has them, the values must match.
 */
const NARROW_INTS = ['int8', 'int16', 'int32', 'uint8', 'uint16', 'uint32', 'uint64'];
const UNSUPPORTED_DTYPE = /^TypeError: dtype (u?int(8|16|32|64)) is not supported by Autograd Playground's NumPy/;

function usesNarrowInt(c: Case): boolean {
  const text = JSON.stringify([c.code, c.sequence]);
  return NARROW_INTS.some((d) => text.includes(`'${d}'`));
}

/** True (and the case is done) when the playground's NumPy refused a narrow integer dtype the case asks for. */
function refusedNarrowInt(c: Case, r: Result): boolean {
  return r.error !== undefined && usesNarrowInt(c) && UNSUPPORTED_DTYPE.test(r.error);
}

/** numpy_rng.json's rule: 1e-12 relative (NaN only matches NaN). */
function assertSame(actual: Value | undefined, expected: Value, what: string): void {
  if (isArray(expected)) {
    assert.ok(actual !== undefined && isArray(actual), `${what}: expected an array, got ${JSON.stringify(actual)?.slice(0, 200)}`);
    assert.deepEqual(actual.shape, expected.shape, `${what}: shape`);
    if (expected.dtype !== undefined) assert.equal(actual.dtype, expected.dtype, `${what}: dtype`);
    assert.equal(actual.data.length, expected.data.length, `${what}: size`);
    expected.data.forEach((ev, i) => {
      const e = num(ev);
      const a = num(actual.data[i]);
      if (Number.isNaN(e)) return assert.ok(Number.isNaN(a), `${what}[${i}]: expected nan, got ${a}`);
      assert.ok(Math.abs(a - e) <= 1e-12 * Math.abs(e), `${what}[${i}]: expected ${e}, got ${a}`);
    });
    return;
  }
  if (Array.isArray(expected)) {
    assert.ok(Array.isArray(actual), `${what}: expected a list, got ${JSON.stringify(actual)?.slice(0, 200)}`);
    assert.equal(actual.length, expected.length, `${what}: length`);
    expected.forEach((e, i) => assertSame((actual as Value[])[i], e, `${what}[${i}]`));
    return;
  }
  if (typeof expected === 'object' && expected !== null) {
    assert.ok(typeof actual === 'object' && actual !== null && !Array.isArray(actual), `${what}: expected an object`);
    for (const [k, e] of Object.entries(expected)) assertSame((actual as Record<string, Value>)[k], e, `${what}.${k}`);
    return;
  }
  if (typeof expected === 'number') {
    assert.equal(typeof actual, 'number', `${what}: expected a number, got ${JSON.stringify(actual)}`);
    assert.ok(Math.abs((actual as number) - expected) <= 1e-12 * Math.abs(expected), `${what}: expected ${expected}, got ${actual}`);
    return;
  }
  assert.deepEqual(actual, expected, what);
}

/** Outputs of numpy_rng.json's make_regression cases come as X, y, coef. */
function regressionExpected(c: Case): Value[] {
  return [c.X as Value, c.y as Value, c.coef as Value];
}

function label(c: Case): string {
  if (c.make_regression) return `make_regression(${JSON.stringify(c.make_regression)})`;
  if (c.call) return String(c.call);
  if (c.sequence) return `RandomState(${JSON.stringify(c.seed)}): ${(c.sequence as string[]).join('; ')}`;
  if (c.seed !== undefined) return `RandomState(${JSON.stringify(c.seed).slice(0, 24)}).${String(c.code).slice(3)}`;
  return String(c.code);
}

/** The playground's own answers where NumPy / scikit-learn features are deliberately not reproduced. */
const PLAYGROUND_SNIPPETS: Case[] = [
  {
    code: 'np.random.default_rng(0)',
    error:
      'NotImplementedError: numpy.random.default_rng is not supported by Autograd Playground: its PCG64 Generator ' +
      'draws different numbers from the legacy API, and only the legacy API is reproduced exactly. Use ' +
      'np.random.RandomState(seed) (or np.random.seed(seed) with np.random.rand/randn/...) instead.',
  },
  { code: 'isinstance(np.random.RandomState(0), np.random.Generator)', repr: 'False' },
  { code: 'np.random.RandomState(0).poisson(3)', errorStart: 'NotImplementedError: numpy.random.RandomState.poisson is not supported by Autograd Playground' },
  { code: 'np.random.poisson(3)', errorStart: 'NotImplementedError: numpy.random.poisson is not supported by Autograd Playground' },
  { code: 'np.random.RandomState(0).not_a_method', error: "AttributeError: 'RandomState' object has no attribute 'not_a_method'" },
  {
    code: 'make_regression(effective_rank=2)',
    error: 'NotImplementedError: make_regression(effective_rank=...) is not supported by Autograd Playground; leave effective_rank=None for a well-conditioned X',
  },
  { code: 'train_test_split([1, 2, 3, 4], stratify=[0, 0, 1, 1])', errorStart: 'NotImplementedError: train_test_split(stratify=...) is not supported by Autograd Playground' },
  { code: 'import sklearn; sklearn.datasets.make_regression is make_regression', repr: 'True' },
];

describe('numpy.random and sklearn through the Python runtime', function () {
  this.timeout(300000);
  let session: PythonSession;
  before(async () => {
    session = await openSession();
  });
  after(async () => {
    await session.close();
  });

  describe('numpy_rng.json (real NumPy and scikit-learn)', () => {
    const list = cases('numpy_rng.json');
    let results: Result[];
    before(async () => {
      results = await replay(session, list);
    });
    it('covers every case of the file (24 RandomState draws, 5 make_regression)', () => {
      assert.equal(list.filter((c) => c.make_regression).length, 5);
      assert.equal(list.filter((c) => c.code).length, 24);
    });
    list.forEach((c, i) => {
      it(label(c), () => {
        const r = results[i];
        assert.equal(r.error, undefined, r.error);
        if (c.make_regression) assertSame(r.out, regressionExpected(c), label(c));
        else assertSame(r.out, c.out as Value, label(c));
      });
    });
  });

  describe('numpy_legacy_extra.json (NumPy 2.4.6)', () => {
    const list = cases('numpy_legacy_extra.json');
    let results: Result[];
    before(async () => {
      results = await replay(session, list);
    });
    list.forEach((c, i) => {
      it(label(c), () => {
        const r = results[i];
        if (refusedNarrowInt(c, r)) return;
        assert.equal(r.error, undefined, r.error);
        if (c.sequence) assertSame(r.outs, c.outs as Value[], label(c));
        else assertSame(r.out, c.out as Value, label(c));
      });
    });
  });

  describe('sklearn_reference.json (scikit-learn 1.9.1)', () => {
    const list = cases('sklearn_reference.json');
    let results: Result[];
    before(async () => {
      results = await replay(session, list);
    });
    list.forEach((c, i) => {
      it(label(c), () => {
        const r = results[i];
        assert.equal(r.error, undefined, r.error);
        assertSame(r.out, c.out as Value, label(c));
      });
    });
  });

  describe('numpy_sklearn_snippets.json: return types, state, error messages', () => {
    const list = [...cases('numpy_sklearn_snippets.json'), ...PLAYGROUND_SNIPPETS];
    let results: Result[];
    before(async () => {
      results = await replay(session, list.map((c) => ({ code: c.code })));
    });
    list.forEach((c, i) => {
      it(String(c.code), () => {
        const r = results[i];
        if (c.errorStart !== undefined) {
          assert.ok(r.error?.startsWith(String(c.errorStart)), `got ${JSON.stringify(r)}`);
        } else if (c.error !== undefined) {
          assert.equal(r.error, c.error, `got ${JSON.stringify(r)}`);
        } else {
          assert.equal(r.error, undefined, r.error);
          assert.equal(r.repr, c.repr);
        }
      });
    });
  });
});
