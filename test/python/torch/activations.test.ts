/**
 * The activations and small layers beyond relu/elu/gelu (hardtanh, SELU, PReLU, GLU, the shrinks, normalize,
 * the distances): values and gradients at the kinks, NaN and infinities, grad_fn names, reprs, error texts,
 * compared bit for bit (float.hex) with what real PyTorch printed (test/fixtures/activations.json, made by
 * test/fixtures/activations.py). A few cases still differ in last bits; KNOWN_DIFFERENCES says where and why.
 */
import { strict as assert } from 'node:assert';
import { readFixture } from '../../paths';
import { openSession, type PythonSession } from '../../../src/runtime/host/runner';

interface Fixture {
  prelude: string;
  cases: Record<string, { code: string; stdout: string }>;
}

const fixture = JSON.parse(readFixture('activations.json')) as Fixture;

/**
 * Cases whose values still differ from PyTorch in the last bits of a few float32 elements (everything else in
 * them, grad_fn names included, is compared exactly). They are compared with each float32 value cut to 16 bits
 * of fraction, so a larger error still fails.
 */
const KNOWN_DIFFERENCES: Record<string, string> = {
  mish:
    "PyTorch's vector path takes SLEEF's float exp, log1p and tanh; the engine rounds Math.exp/log1p/tanh to " +
    'float32 (no SLEEF log1pf emulation yet): forward 1 of 16 elements, gradient 2 of 16, one last bit each',
  logsigmoid: "the same (SLEEF's float exp and log1p on the vector path): forward 1 of 16 elements, one last bit",
  softsign:
    "the division's gradient for the divisor is (-g·a)/(b·b) in the engine, PyTorch's -g·((a/b)/b): 1 of 16 " +
    'gradient elements, one last bit (switching the engine formula moves a bit in cosine_similarity instead)',
  'in-place forms': 'mish_ on 4 elements (the scalar loop: glibc log1pf and tanhf): 2 of 4 values and 2 of 4 gradients',
  create_graph: 'the double backward of mish (2 of 4 elements), logsigmoid (4 of 4) and glu (1 of 4): a few last bits',
};

/** Each float32 hex value cut to 4 hex digits (16 bits) of fraction. */
function coarse(text: string): string {
  return text.replace(/(0x1\.[0-9a-f]{4})[0-9a-f]{9}(p[-+]\d+)/g, '$1$2');
}

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
    it(name in KNOWN_DIFFERENCES ? `${name} (known last-bit differences)` : name, async () => {
      const r = await session.run(fixture.prelude + code, 'snippet.py');
      assert.equal(r.status, 'ok', r.stderr);
      if (name in KNOWN_DIFFERENCES) assert.equal(coarse(r.stdout), coarse(stdout), KNOWN_DIFFERENCES[name]);
      else assert.equal(r.stdout, stdout);
    });
  }
});
