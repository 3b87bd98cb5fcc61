/**
 * The activations and small layers beyond relu/elu/gelu (hardtanh, SELU, PReLU, GLU, the shrinks, normalize,
 * the distances): values and gradients at the kinks, NaN and infinities, grad_fn names, reprs, error texts,
 * compared bit for bit (float.hex) with what real PyTorch printed (test/fixtures/activations.json, made by
 * test/fixtures/activations.py); then the few places where PyTorch 2.x differs from that 1.13 output.
 */
import { strict as assert } from 'node:assert';
import { readFixture } from '../../paths';
import { openSession, type PythonSession } from '../../../src/runtime/host/runner';

interface Fixture {
  prelude: string;
  cases: Record<string, { code: string; stdout: string }>;
}

const fixture = JSON.parse(readFixture('activations.json')) as Fixture;

describe('activations, shrinks and distances (real PyTorch output)', function () {
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
