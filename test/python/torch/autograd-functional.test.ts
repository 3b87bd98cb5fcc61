/**
 * torch.autograd.functional (jacobian, hessian, vjp, jvp, vhp, hvp) replayed from real PyTorch data
 * (test/fixtures/autograd_functional.json, made by test/harness/gen_autograd_functional_fixture.py), plus the
 * options the playground does not provide, which must raise naming themselves.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openSession, PythonSession } from '../../../src/runtime/host/runner';
import { fixturesDir, harnessDir } from '../../paths';

interface TensorSpec { shape: number[]; dtype: string; data: Array<number | string> }
type Value = TensorSpec | Value[] | boolean | number | string | null;
interface Case { code: string; result?: Value; error?: string | null }
interface Result { result?: Value; error: string | null }

function isTensor(v: Value | undefined): v is TensorSpec {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && 'shape' in v;
}

function compare(actual: Value | undefined, expected: Value, what: string): void {
  if (isTensor(expected)) {
    assert.ok(isTensor(actual), `${what}: expected a tensor, got ${JSON.stringify(actual)}`);
    assert.deepEqual(actual.shape, expected.shape, `${what}: shape`);
    assert.equal(actual.dtype, expected.dtype, `${what}: dtype`);
    const rtol = expected.dtype === 'float64' ? 1e-10 : 1e-5;
    expected.data.forEach((e, i) => {
      const a = actual.data[i] as number;
      assert.ok(Math.abs(a - (e as number)) <= 1e-12 + rtol * Math.abs(e as number), `${what}[${i}]: expected ${e}, got ${a}`);
    });
    return;
  }
  if (Array.isArray(expected)) {
    assert.ok(Array.isArray(actual), `${what}: expected a tuple, got ${JSON.stringify(actual)}`);
    assert.equal(actual.length, expected.length, `${what}: length`);
    expected.forEach((e, i) => compare(actual[i], e, `${what}[${i}]`));
    return;
  }
  assert.deepEqual(actual, expected, what);
}

describe('torch.autograd.functional against real PyTorch', function () {
  this.timeout(120000);
  const cases = (JSON.parse(fs.readFileSync(path.join(fixturesDir, 'autograd_functional.json'), 'utf8')) as { cases: Case[] }).cases;
  let session: PythonSession;
  let results: Result[] = [];
  before(async () => {
    session = await openSession();
    const body = fs.readFileSync(path.join(harnessDir, 'replay_autograd_functional.py'), 'utf8');
    const r = await session.run(`CASES_JSON = ${JSON.stringify(JSON.stringify(cases))}\n${body}`, 'replay_autograd_functional.py');
    assert.equal(r.status, 'ok', r.stderr);
    results = JSON.parse(r.stdout) as Result[];
  });
  after(async () => {
    await session.close();
  });

  cases.forEach((c, i) => {
    it(c.code, () => {
      const r = results[i];
      if ('error' in c) return assert.equal(r.error, c.error);
      assert.equal(r.error, null, r.error ?? '');
      compare(r.result, c.result!, 'result');
    });
  });

  it('names the options it does not provide', async () => {
    const r = await session.run(
      [
        'import torch',
        'from torch.autograd.functional import jacobian, hessian',
        'f = lambda x: x.exp()',
        'for call in (lambda: jacobian(f, torch.ones(2), vectorize=True),',
        "             lambda: jacobian(f, torch.ones(2), strategy='forward-mode'),",
        "             lambda: hessian(lambda x: x.sum(), torch.ones(2), outer_jacobian_strategy='forward-mode')):",
        '    try:',
        '        call()',
        '    except NotImplementedError as e:',
        '        print(e)',
      ].join('\n') + '\n',
      'unsupported.py',
    );
    assert.equal(r.status, 'ok', r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.equal(lines.length, 3);
    assert.match(lines[0], /vectorize=True is not supported/);
    assert.match(lines[1], /strategy="forward-mode" is not supported/);
    assert.match(lines[2], /strategy="forward-mode" is not supported/);
  });
});
