import './test/engineWasm';
import { fromValues } from './src/engine/creation';
import { summarize } from './src/runtime/report/tensorSummary';
function rnd(shape: number[]) { const n = shape.reduce((a, b) => a * b, 1); const v = new Float32Array(n); for (let i = 0; i < n; i++) v[i] = Math.sin(i * 7.1); return fromValues(v, shape, 'float32'); }
const t = rnd([32, 8, 28, 28]);
const best = (f: () => unknown) => { let m = 1e9; for (let r = 0; r < 30; r++) { const t0 = performance.now(); f(); m = Math.min(m, performance.now() - t0); } return m.toFixed(3); };
console.log('summarize text', best(() => summarize(t)));
console.log('summarize stats only', best(() => summarize(t, false)));
const g = rnd([32, 10]);
console.log('small', best(() => summarize(g)));
