import './test/engineWasm';
import { fromValues } from './src/engine/creation';
import * as LA from './src/engine/ops/linalg';
import * as V from './src/engine/ops/views';
import * as E from './src/engine/ops/elementwise';
import { withGradMode } from './src/engine/graph';
function rnd(shape: number[]) { const n = shape.reduce((a, b) => a * b, 1); const v = new Float32Array(n); for (let i = 0; i < n; i++) v[i] = Math.sin(i * 7.1); return fromValues(v, shape, 'float32'); }
const x = rnd([64, 1000]), g = rnd([64, 100]), w1 = rnd([1000, 100]);
const best = (f: () => unknown) => { let m = 1e9; for (let r = 0; r < 60; r++) { const t0 = performance.now(); f(); m = Math.min(m, performance.now() - t0); } return m.toFixed(3); };
withGradMode(false, () => {
  console.log('fwd mm x@w1', best(() => LA.mm(x, w1)));
  console.log('bwd mm x.T@g', best(() => LA.mm(V.transpose(x, 0, 1), g)));
  const xt = V.transpose(x, 0, 1);
  console.log('x.T values()', best(() => xt.values()));
  const xtc = fromValues(xt.values(), [1000, 64], 'float32');
  console.log('mm contiguous xT@g', best(() => LA.mm(xtc, g)));
  console.log('add 100k', best(() => E.add(w1, w1)));
  console.log('mul 100k scalar', best(() => E.mul(w1, 1e-6)));
});
