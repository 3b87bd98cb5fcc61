import './test/engineWasm';
import { fromValues } from './src/engine/creation';
import { summarize } from './src/runtime/report/tensorSummary';
function rnd(shape: number[]) { const n = shape.reduce((a, b) => a * b, 1); const v = new Float32Array(n); for (let i = 0; i < n; i++) v[i] = Math.sin(i * 7.1); return fromValues(v, shape, 'float32'); }
const t = rnd([32, 8, 28, 28]);
for (let r = 0; r < 400; r++) summarize(t);
