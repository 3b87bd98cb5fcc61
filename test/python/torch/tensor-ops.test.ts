/**
 * Sorting and selection ops (sort, argsort, msort, topk, cumprod, nonzero, masked_select, unique), clamp_min and
 * clamp_max, isclose/allclose/equal (test/fixtures/tensor_ops.json), and the blends, NaN-skipping reductions,
 * diag/trace and rearrangements (lerp, addcmul/addcdiv, addmm, nansum/nanmean, count_nonzero, roll,
 * repeat_interleave, broadcast_to, movedim; test/fixtures/tensor_blend.json): values, ties in PyTorch's CPU order,
 * NaN, grad_fn names, gradients (float.hex) and error texts, compared with what real PyTorch printed (each
 * fixture made by the .py file of its name).
 */
import { strict as assert } from 'node:assert';
import { readFixture } from '../../paths';
import { openSession, type PythonSession } from '../../../src/runtime/host/runner';

interface Fixture {
  prelude: string;
  cases: Record<string, { code: string; stdout: string }>;
}

const FIXTURES: Record<string, string> = {
  'sorting, selection and closeness ops (real PyTorch output)': 'tensor_ops.json',
  'blends, nan reductions, diag/trace and rearrangements (real PyTorch output)': 'tensor_blend.json',
};

for (const [title, file] of Object.entries(FIXTURES)) {
  const fixture = JSON.parse(readFixture(file)) as Fixture;
  describe(title, function () {
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
}
