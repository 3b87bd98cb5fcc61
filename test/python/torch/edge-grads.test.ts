/**
 * Gradients at the edges of clamp, maximum/minimum and max()/min(): NaN, infinite and negative incoming
 * gradients outside the bounds, NaN operands, ties. Compared bit for bit (float.hex) with what real PyTorch
 * printed for the same snippets (test/fixtures/edge_grads.json, made by test/fixtures/edge_grads.py).
 */
import { strict as assert } from 'node:assert';
import { readFixture } from '../../paths';
import { openSession, type PythonSession } from '../../../src/runtime/host/runner';

interface Fixture {
  prelude: string;
  cases: Record<string, { code: string; stdout: string }>;
}

const fixture = JSON.parse(readFixture('edge_grads.json')) as Fixture;

describe('gradients at the edges: NaN, infinities, signed zeros, ties (real PyTorch output)', function () {
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
