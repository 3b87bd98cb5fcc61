import './test/engineWasm';
import { fromValues } from './src/engine/creation';
import * as E from './src/engine/ops/elementwise';
import * as LA from './src/engine/ops/linalg';
import * as R from './src/engine/ops/reduce';
import { inPlace, zero_ } from './src/engine/ops/inplace';
import { backward } from './src/engine/backward';
import { withGradMode } from './src/engine/graph';
function rnd(shape: number[], rg = false) { const n = shape.reduce((a, b) => a * b, 1); const v = new Float32Array(n); for (let i = 0; i < n; i++) v[i] = Math.sin(i * 7.1) ; const t = fromValues(v, shape, 'float32'); if (rg) t.requiresGrad = true; return t; }
const x = rnd([64, 1000]), y = rnd([64, 10]);
const w1 = rnd([1000, 100], true), w2 = rnd([100, 10], true);
const T: Record<string, number> = {};
const tm = <X>(k: string, f: () => X): X => { const t0 = performance.now(); const r = f(); T[k] = (T[k] ?? 0) + performance.now() - t0; return r; };
function step() {
  const h = tm('mm1', () => LA.mm(x, w1));
  const hr = tm('clamp', () => E.clamp(h, 0, null));
  const p = tm('mm2', () => LA.mm(hr, w2));
  const d = tm('sub', () => E.sub(p, y));
  const sq = tm('pow', () => E.pow(d, 2));
  const loss = tm('sum', () => R.sum(sq));
  tm('backward', () => backward(loss, null));
  withGradMode(false, () => {
    tm('upd1', () => inPlace(w1, (s) => E.sub(s, E.mul(w1.grad!, 1e-6))));
    tm('upd2', () => inPlace(w2, (s) => E.sub(s, E.mul(w2.grad!, 1e-6))));
    tm('zero', () => { zero_(w1.grad!); zero_(w2.grad!); });
  });
}
for (let i = 0; i < 30; i++) step();
for (const k of Object.keys(T)) T[k] = 0;
const t0 = performance.now();
for (let i = 0; i < 400; i++) step();
console.log('per step', ((performance.now() - t0) / 100).toFixed(3), 'ms');
for (const [k, v] of Object.entries(T)) console.log(k, (v / 100).toFixed(3));
