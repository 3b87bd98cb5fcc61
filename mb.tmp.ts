import './test/engineWasm';
import { fromValues } from './src/engine/creation';
import * as E from './src/engine/ops/elementwise';
import { withoutWasm } from './src/engine/wasm/instance';
const n = 1_000_000;
const a = new Float32Array(n), b = new Float32Array(n);
for (let i = 0; i < n; i++) { a[i] = Math.sin(i); b[i] = Math.cos(i); }
function addLoop(o: Float32Array, x: Float32Array, y: Float32Array, n: number) { for (let i = 0; i < n; i++) o[i] = x[i] + y[i]; }
const best = (f: () => void) => { let m = 1e9; for (let r = 0; r < 40; r++) { const t0 = performance.now(); f(); m = Math.min(m, performance.now() - t0); } return m.toFixed(3); };
console.log('alloc+loop', best(() => { const o = new Float32Array(n); addLoop(o, a, b, n); }));
const o = new Float32Array(n);
console.log('loop only', best(() => addLoop(o, a, b, n)));
console.log('alloc only', best(() => { new Float32Array(n); }));
console.log('set copy 4MB', best(() => { o.set(a); }));
const p = fromValues(a, [n], 'float32'), q = fromValues(b, [n], 'float32');
console.log('E.add wasm', best(() => E.add(p, q)));
console.log('E.add js', best(() => withoutWasm(() => E.add(p, q))));
console.log('E.exp', best(() => E.exp(p)));
console.log('E.sigmoid', best(() => E.sigmoid(p)));
import { expFloat32, sigmoidFloat32 } from './src/engine/expf';
console.log('expFloat32', best(() => expFloat32(p)));
console.log('sigmoidFloat32', best(() => sigmoidFloat32(p)));
console.log('E.exp', best(() => E.exp(p)));
console.log('E.sigmoid', best(() => E.sigmoid(p)));
