/**
 * Sorting and selection ops (sort, argsort, msort, topk, cumprod, nonzero, masked_select, unique), clamp_min and
 * clamp_max, isclose/allclose/equal: values, ties in PyTorch's CPU order, NaN, grad_fn names, gradients
 * (float.hex) and error texts, compared with what real PyTorch printed (test/fixtures/tensor_ops.json, made by
 * test/fixtures/tensor_ops.py).
 */
import { strict as assert } from 'node:assert';
import { readFixture } from '../../paths';
import { openSession, type PythonSession } from '../../../src/runtime/host/runner';

interface Fixture {
  prelude: string;
  cases: Record<string, { code: string; stdout: string }>;
}

const fixture = JSON.parse(readFixture('tensor_ops.json')) as Fixture;

describe('sorting, selection and closeness ops (real PyTorch output)', function () {
  this.timeout(60000);
  let session: PythonSession;
  before(async () => {
    session = await openSession();
  });
  after(async () => {
    await session.close();
  });

  for (const [name, { code, stdout }] of Object.entries(fixture.cases)) {
    it(name, async () => {
      const r = await session.run(fixture.prelude + code, 'snippet.py');
      assert.equal(r.status, 'ok', r.stderr);
      assert.equal(r.stdout, stdout);
    });
  }
});
