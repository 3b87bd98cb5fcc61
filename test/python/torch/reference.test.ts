/**
 * Replays real PyTorch reference cases (copied from ../shared/reference into test/fixtures) through the
 * Python path: a script runs in the same runtime the CLI and the extension use.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openSession, PythonSession } from '../../../src/runtime/host/runner';
import { fixturesDir, harnessDir } from '../../paths';

interface TensorSpec { shape: number[]; dtype: string; data: Array<number | string> }
interface OpsCase { expr: string; dtype: string; inputs: Record<string, TensorSpec>; out: TensorSpec; grad_fn: string; cotangent: TensorSpec; grads: Record<string, TensorSpec | null> }
interface OpsResult { out?: TensorSpec; grad_fn?: string; grads?: Record<string, TensorSpec | null>; error?: string }

const FIXTURES = fixturesDir;
const HARNESS = harnessDir;

function fixture<T>(name: string): T[] {
  return (JSON.parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8')) as { cases: T[] }).cases;
}

/** Runs a harness script with the cases embedded and returns its JSON result list. */
async function replay<R>(session: PythonSession, harness: string, cases: unknown[]): Promise<R[]> {
  const body = fs.readFileSync(path.join(HARNESS, harness), 'utf8');
  const source = `CASES_JSON = ${JSON.stringify(JSON.stringify(cases))}\n${body}`;
  const r = await session.run(source, harness);
  assert.equal(r.status, 'ok', r.stderr);
  return JSON.parse(r.stdout) as R[];
}

function num(v: number | string): number {
  return typeof v === 'number' ? v : v === 'nan' ? NaN : v === 'inf' ? Infinity : -Infinity;
}

/** Tolerances from the reference README: float32 rtol 1e-5/atol 1e-6, float64 rtol 1e-10. */
function assertClose(actual: TensorSpec, expected: TensorSpec, what: string): void {
  assert.deepEqual(actual.shape, expected.shape, `${what}: shape`);
  assert.equal(actual.dtype, expected.dtype, `${what}: dtype`);
  const f64 = expected.dtype === 'float64';
  const rtol = f64 ? 1e-10 : 1e-5;
  const atol = f64 ? 1e-12 : 1e-6;
  expected.data.forEach((ev, i) => {
    const e = num(ev);
    const a = num(actual.data[i]);
    if (Number.isNaN(e)) return assert.ok(Number.isNaN(a), `${what}[${i}]: expected nan, got ${a}`);
    assert.ok(Math.abs(a - e) <= atol + rtol * Math.abs(e), `${what}[${i}]: expected ${e}, got ${a}`);
  });
}

describe('PyTorch reference data through the Python runtime', function () {
  this.timeout(120000);
  let session: PythonSession;
  before(async () => {
    session = await openSession();
  });
  after(async () => {
    await session.close();
  });

  describe('ops.json: forward values, grad_fn names and gradients', () => {
    const cases = fixture<OpsCase>('ops.json');
    let results: OpsResult[] = [];
    before(async () => {
      results = await replay<OpsResult>(session, 'replay_ops.py', cases);
    });
    cases.forEach((c, i) => {
      it(`${c.expr} (${c.dtype}) #${i}`, () => {
        const r = results[i];
        assert.equal(r.error, undefined, r.error);
        assert.equal(r.grad_fn, c.grad_fn);
        assertClose(r.out!, c.out, 'out');
        for (const [name, g] of Object.entries(c.grads)) {
          if (g === null) assert.equal(r.grads![name], null, `grad ${name} should be None`);
          else assertClose(r.grads![name]!, g, `grad ${name}`);
        }
      });
    });
  });

  describe('repr.json: printed text', () => {
    const cases = fixture<{ code: string; repr?: string; str?: string; value?: string }>('repr.json');
    let results: Array<{ repr?: string; str?: string; value?: string; error?: string }> = [];
    before(async () => {
      results = await replay(session, 'replay_snippets.py', cases);
    });
    cases.forEach((c, i) => {
      it(c.code, () => {
        const r = results[i];
        assert.equal(r.error, undefined, r.error);
        if (c.value !== undefined) assert.equal(r.value, c.value);
        else {
          assert.equal(r.repr, c.repr);
          assert.equal(r.str, c.str);
        }
      });
    });
  });

  describe('rng.json: PyTorch\'s CPU generator bit for bit, through torch.manual_seed and the Python API', () => {
    interface RngCase { seed: number; code?: string; sequence?: string[]; out?: TensorSpec; outs?: TensorSpec[] }
    const cases = fixture<RngCase>('rng.json');
    let results: TensorSpec[][] = [];
    before(async () => {
      results = await replay<TensorSpec[]>(session, 'replay_rng.py', cases);
    });
    cases.forEach((c, i) => {
      it(`seed ${c.seed}: ${c.code ?? c.sequence!.join('; ')}`, () => {
        const expected = c.outs ?? [c.out!];
        assert.equal(results[i].length, expected.length);
        expected.forEach((e, k) => {
          assert.deepEqual(results[i][k].shape, e.shape);
          assert.equal(results[i][k].dtype, e.dtype);
          // Exact equality: the values are float32/float64/int64 widened to double on both sides.
          assert.deepEqual(results[i][k].data, e.data);
        });
      });
    });
  });

  describe('errors.json: exception type and message', () => {
    const cases = fixture<{ code: string; error: string | null }>('errors.json');
    let results: Array<{ error: string | null }> = [];
    before(async () => {
      results = await replay(session, 'replay_snippets.py', cases);
    });
    cases.forEach((c, i) => {
      it(c.code, () => assert.equal(results[i].error, c.error));
    });
  });
});
