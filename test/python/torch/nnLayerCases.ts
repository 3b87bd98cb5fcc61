/**
 * What nn-norm.test.ts, nn-embedding.test.ts and nn-utils.test.ts share: the cases of test/fixtures/nn_layers.json
 * (made with real PyTorch by test/harness/gen_nn_layers_fixture.py) for one suite, replayed through the playground
 * by test/harness/replay_nn_layers.py and compared: `exact` cases bit for bit, the others to float32 (or float64)
 * rounding, errors word for word. `pytorch2x` holds the values where PyTorch 2.x differs from the 1.13 build
 * the fixture was made with, keyed by the case's code.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openSession, PythonSession } from '../../../src/runtime/host/runner';
import { fixturesDir, harnessDir } from '../../paths';
import { isTensor, num, type Value } from '../fixtureValues';

export type { Value };
interface Case { suite: string; seed: number; code: string; exact?: boolean; result?: Value; error?: string | null }
interface Result { result?: Value; error: string | null }

/** float32 values to a few ulps (relative 1e-5 of the tensor's largest value), float64 much closer. */
function compare(actual: Value | undefined, expected: Value, exact: boolean, what: string): void {
  if (isTensor(expected)) {
    assert.ok(actual !== undefined && isTensor(actual), `${what}: expected a tensor, got ${JSON.stringify(actual)}`);
    assert.deepEqual(actual.shape, expected.shape, `${what}: shape`);
    assert.equal(actual.dtype, expected.dtype, `${what}: dtype`);
    const f64 = expected.dtype === 'float64';
    const scale = expected.data.reduce<number>((m, v) => (Number.isFinite(num(v)) ? Math.max(m, Math.abs(num(v))) : m), 0);
    const tol = (f64 ? 1e-12 : 2e-6) * Math.max(1, scale);
    expected.data.forEach((ev, i) => {
      const e = num(ev);
      const a = num(actual.data[i]);
      if (Number.isNaN(e)) return assert.ok(Number.isNaN(a), `${what}[${i}]: expected nan, got ${a}`);
      if (exact || !Number.isFinite(e)) return assert.ok(a === e, `${what}[${i}]: expected ${e} exactly, got ${a}`);
      assert.ok(Math.abs(a - e) <= tol, `${what}[${i}]: expected ${e}, got ${a}`);
    });
    return;
  }
  if (Array.isArray(expected)) {
    assert.ok(Array.isArray(actual), `${what}: expected a list, got ${JSON.stringify(actual)}`);
    assert.equal(actual.length, expected.length, `${what}: length`);
    expected.forEach((e, i) => compare(actual[i], e, exact, `${what}[${i}]`));
    return;
  }
  if (typeof expected === 'number' && typeof actual === 'number' && !exact) {
    assert.ok(Math.abs(actual - expected) <= 1e-6 + 1e-5 * Math.abs(expected), `${what}: expected ${expected}, got ${actual}`);
    return;
  }
  assert.deepEqual(actual, expected, what);
}

/** A PyTorch 2.x value: the value itself, or how to make it from the 1.13 one. */
export type Override = Value | ((v: Value) => Value);

export function describeNnLayerSuite(suite: string, title: string, pytorch2x: Record<string, Override> = {}): void {
  describe(title, function () {
    this.timeout(180000);
    const all = (JSON.parse(fs.readFileSync(path.join(fixturesDir, 'nn_layers.json'), 'utf8')) as { cases: Case[] }).cases;
    const cases = all.filter((c) => c.suite === suite);
    let session: PythonSession;
    let results: Result[] = [];
    before(async () => {
      session = await openSession();
      const body = fs.readFileSync(path.join(harnessDir, 'replay_nn_layers.py'), 'utf8');
      const r = await session.run(`CASES_JSON = ${JSON.stringify(JSON.stringify(cases))}\n${body}`, 'replay_nn_layers.py');
      assert.equal(r.status, 'ok', r.stderr);
      results = JSON.parse(r.stdout.trim().split('\n').pop()!) as Result[];
    });
    after(async () => {
      await session.close();
    });

    it('covers the suite', () => {
      assert.ok(cases.length > 20, `${suite}: ${cases.length} cases`);
      const unused = Object.keys(pytorch2x).filter((code) => !cases.some((c) => c.code === code));
      assert.deepEqual(unused, [], 'PyTorch 2.x values for cases the fixture no longer has');
    });

    cases.forEach((c, i) => {
      const kind = c.error != null ? 'raises' : c.exact ? 'bit for bit' : 'to rounding';
      it(`${c.code.replace(/\n/g, '; ')} (seed ${c.seed}, ${kind})`, () => {
        const r = results[i];
        const o = pytorch2x[c.code];
        if (c.error != null) {
          assert.equal(r.error, o === undefined ? c.error : typeof o === 'function' ? o(c.error) : o);
          return;
        }
        assert.equal(r.error, null, r.error ?? '');
        const expected = o === undefined ? c.result! : typeof o === 'function' ? o(c.result!) : o;
        compare(r.result, expected, c.exact === true, 'result');
      });
    });
  });
}
