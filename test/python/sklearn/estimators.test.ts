/**
 * sklearn's preprocessing, dataset loaders, metrics and LinearRegression through the Python runtime, against
 * real scikit-learn 1.2 (test/fixtures/sklearn_estimators.json, written by test/harness/sklearn_cases.py, which
 * also replays the cases here). Numbers must match to the bit, except where a case names a tolerance: scipy's
 * LAPACK least squares (LinearRegression) and BLAS's matrix-vector products (weighted means) add in an order
 * that is not reproduced.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openSession, PythonSession } from '../../../src/runtime/host/runner';
import { fixturesDir, harnessDir } from '../../paths';

type Value = number | string | boolean | null | Value[] | { [k: string]: Value };
interface Case {
  name: string;
  code: string;
  rtol?: number;
  out?: Value;
  error?: string;
}
interface Result {
  out?: Value;
  error?: string;
}

const fixture = JSON.parse(fs.readFileSync(path.join(fixturesDir, 'sklearn_estimators.json'), 'utf8')) as { cases: Case[] };

function num(v: Value): number {
  if (typeof v === 'number') return v;
  return v === 'nan' ? NaN : v === 'inf' ? Infinity : v === '-inf' ? -Infinity : NaN;
}

function isNumeric(v: Value): boolean {
  return typeof v === 'number' || v === 'nan' || v === 'inf' || v === '-inf';
}

function same(actual: Value | undefined, expected: Value, rtol: number, where: string): void {
  if (isNumeric(expected) && actual !== undefined && isNumeric(actual)) {
    const e = num(expected);
    const a = num(actual);
    if (Number.isNaN(e)) return assert.ok(Number.isNaN(a), `${where}: expected nan, got ${a}`);
    const ok = rtol === 0 ? Object.is(a, e) || a === e : Math.abs(a - e) <= rtol * Math.max(Math.abs(e), 1e-300) || a === e;
    // LinearRegression's near-zero coefficients (digits' constant pixels) are compared absolutely.
    assert.ok(ok || (rtol > 0 && Math.abs(a - e) <= rtol * 1e-3), `${where}: expected ${e}, got ${a}`);
    return;
  }
  if (Array.isArray(expected)) {
    assert.ok(Array.isArray(actual), `${where}: expected a list, got ${JSON.stringify(actual)?.slice(0, 200)}`);
    assert.equal(actual.length, expected.length, `${where}: length`);
    expected.forEach((e, i) => same((actual as Value[])[i], e, rtol, `${where}[${i}]`));
    return;
  }
  if (typeof expected === 'object' && expected !== null) {
    assert.ok(typeof actual === 'object' && actual !== null && !Array.isArray(actual), `${where}: expected an object, got ${JSON.stringify(actual)?.slice(0, 200)}`);
    assert.deepEqual(Object.keys(actual).sort(), Object.keys(expected).sort(), `${where}: keys`);
    for (const [k, e] of Object.entries(expected)) same((actual as Record<string, Value>)[k], e, rtol, `${where}.${k}`);
    return;
  }
  assert.deepEqual(actual, expected, where);
}

/** The playground's own answers where scikit-learn needs what the playground lacks (pandas, scipy, a network). */
const PLAYGROUND_CASES: Array<{ name: string; code: string; errorStart?: string; out?: Value }> = [
  { name: 'as_frame=True needs pandas', code: 'load_iris(as_frame=True)', errorStart: 'ImportError: load_iris with as_frame=True requires pandas.' },
  { name: 'as_frame=True needs pandas (digits)', code: 'load_digits(as_frame=True)', errorStart: 'ImportError: load_digits with as_frame=True requires pandas.' },
  { name: 'a loader that would download', code: 'import sklearn.datasets; sklearn.datasets.fetch_openml', errorStart: 'AttributeError: sklearn.datasets.fetch_openml is not available: Autograd Playground has no network' },
  { name: 'an estimator outside the subset', code: 'import sklearn.preprocessing; sklearn.preprocessing.RobustScaler', errorStart: "AttributeError: module 'sklearn.preprocessing' has no attribute 'RobustScaler': Autograd Playground's scikit-learn is partial" },
  { name: 'a metric outside the subset', code: 'import sklearn.metrics; sklearn.metrics.f1_score', errorStart: "AttributeError: module 'sklearn.metrics' has no attribute 'f1_score'" },
  { name: 'LinearRegression(positive=True)', code: 'LinearRegression(positive=True).fit([[1.], [2.]], [1., 2.])', errorStart: 'NotImplementedError: LinearRegression(positive=True) is not supported by Autograd Playground' },
  { name: 'OneHotEncoder(min_frequency=...)', code: 'OneHotEncoder(min_frequency=2).fit([[1]])', errorStart: 'NotImplementedError: OneHotEncoder(min_frequency=...) is not supported by Autograd Playground' },
  { name: 'sparse output has toarray() only', code: 'OneHotEncoder().fit([[1]]).transform([[1]]).todense()', errorStart: 'AttributeError: csr_matrix.todense is not supported' },
  { name: 'inverse_transform of string categories', code: "e = OneHotEncoder(sparse_output=False).fit([['a'], ['b']]); e.inverse_transform([[1., 0.]])", errorStart: 'NotImplementedError: OneHotEncoder.inverse_transform of string categories is not supported' },
  { name: 'torch tensors as input', code: 'import torch; s = StandardScaler().fit(torch.tensor([[1., 2.], [3., 6.]])); out = [s.mean_, s.var_]', out: [{ shape: [2], dtype: 'float64', data: [2, 4] }, { shape: [2], dtype: 'float64', data: [1, 4] }] },
  { name: 'a tensor that requires grad', code: 'import torch; StandardScaler().fit(torch.ones(2, 2, requires_grad=True))', errorStart: "RuntimeError: Can't call numpy() on Tensor that requires grad." },
];

describe('sklearn preprocessing, datasets, metrics and LinearRegression against scikit-learn 1.2', function () {
  this.timeout(300000);
  let session: PythonSession;
  let results: Result[];
  before(async () => {
    session = await openSession();
    const body = fs.readFileSync(path.join(harnessDir, 'sklearn_cases.py'), 'utf8');
    const cases = fixture.cases.map((c) => ({ name: c.name, code: c.code }));
    const r = await session.run(`CASES_JSON = ${JSON.stringify(JSON.stringify(cases))}\n${body}`, 'sklearn_cases.py');
    assert.equal(r.status, 'ok', r.stderr);
    results = JSON.parse(r.stdout) as Result[];
    assert.equal(results.length, fixture.cases.length);
  });
  after(async () => {
    await session.close();
  });

  it('covers the loaders, the four preprocessing classes, the metrics and LinearRegression', () => {
    const text = fixture.cases.map((c) => c.code).join('\n');
    for (const name of ['load_iris', 'load_diabetes', 'load_breast_cancer', 'load_digits', 'StandardScaler', 'MinMaxScaler', 'PolynomialFeatures', 'OneHotEncoder', 'mean_squared_error', 'mean_absolute_error', 'r2_score', 'accuracy_score', 'LinearRegression']) {
      assert.ok(text.includes(name), name);
    }
  });

  describe("the playground's own answers", () => {
    let own: Result[];
    before(async () => {
      const body = fs.readFileSync(path.join(harnessDir, 'sklearn_cases.py'), 'utf8');
      const cases = PLAYGROUND_CASES.map((c) => ({ name: c.name, code: c.code }));
      const r = await session.run(`CASES_JSON = ${JSON.stringify(JSON.stringify(cases))}\n${body}`, 'sklearn_cases.py');
      assert.equal(r.status, 'ok', r.stderr);
      own = JSON.parse(r.stdout) as Result[];
    });
    PLAYGROUND_CASES.forEach((c, i) => {
      it(c.name, () => {
        if (c.errorStart !== undefined) assert.ok(own[i].error?.startsWith(c.errorStart), `got ${JSON.stringify(own[i])}`);
        else same(own[i].out, c.out as Value, 0, c.name);
      });
    });
  });

  fixture.cases.forEach((c, i) => {
    it(c.name, () => {
      const r = results[i];
      if (c.error !== undefined) {
        assert.equal(r.error, c.error);
        return;
      }
      assert.equal(r.error, undefined, r.error);
      same(r.out, c.out as Value, c.rtol ?? 0, c.name);
    });
  });
});
