/**
 * backward.ts must work when it is the only autograd module a program loads. autograd.ts used to get its
 * gradient arithmetic from a slot that ops/elementwise.ts filled at load time, so code that imported it without
 * that op file crashed at the first backward(). The check runs in a fresh Node process: in this one the other
 * suites have already loaded every op module, which would hide exactly that dependency.
 */
import { strict as assert } from 'assert';
import { execFileSync } from 'child_process';
import { join } from 'path';
import { repoRoot } from '../../test/paths';

const engine = join(repoRoot, 'src', 'engine');

// Plain JS for `node -e`: loads backward.ts, graph.ts (for record, the one thing an op calls) and creation.ts.
const script = `
const { backward, grad } = require(${JSON.stringify(join(engine, 'backward.ts'))});
const { record } = require(${JSON.stringify(join(engine, 'graph.ts'))});
const { fromValues } = require(${JSON.stringify(join(engine, 'creation.ts'))});
const vec = (v) => fromValues(v, [v.length], 'float32');
const double = (t) => vec(Array.from(t.data, (v) => 2 * v));
// y = 2x, recorded as an op records itself, with a backward formula that needs no op module.
const leaf = (v) => { const t = vec(v); t.requiresGrad = true; return t; };
const x = leaf([1, 2, 3]);
const y = record('MulBackward0', double(x), [x], [], (g) => [double(g)]);
backward(y, vec([1, 1, 1]), true);
const first = Array.from(x.grad.data);
backward(y, vec([1, 10, 100]), true);
const [gx] = grad([y], [x], [vec([3, 3, 3])], null, false, false);
// create_graph needs gradients that carry history: z = x2 * x2 with a product that records itself.
const mul = (a, b) => record('MulBackward0', vec(Array.from(a.data, (v, i) => v * b.data[i])), [a, b], [a, b], (g, [sa, sb]) => [mul(g, sb), mul(g, sa)]);
const x2 = leaf([5]);
backward(mul(x2, x2), null, undefined, true);
process.stdout.write(JSON.stringify({
  first,
  accumulated: Array.from(x.grad.data),
  autogradGrad: Array.from(gx.data),
  createGraphGrad: Array.from(x2.grad.data),
  createGraphGradFn: x2.grad.gradFn && x2.grad.gradFn.name,
}));
`;

describe('backward.ts on its own', () => {
  it('runs backward, accumulation, autograd.grad and create_graph with no op module imported first', () => {
    const out = execFileSync(process.execPath, ['--require', require.resolve('tsx/cjs'), '-e', script], { encoding: 'utf8' });
    assert.deepEqual(JSON.parse(out), {
      first: [2, 2, 2],
      accumulated: [4, 22, 202],
      autogradGrad: [6, 6, 6],
      createGraphGrad: [10],
      createGraphGradFn: 'CopyBackwards',
    });
  });
});
