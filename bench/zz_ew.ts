import '/work/wt/wasm-kernels/test/engineWasm';
import { fromValues } from '/work/wt/wasm-kernels/src/engine/creation';
import * as E from '/work/wt/wasm-kernels/src/engine/ops/elementwise';
import { mapBinary } from '/work/wt/wasm-kernels/src/engine/kernels';
import { withoutWasm } from '/work/wt/wasm-kernels/src/engine/wasm/instance';
function time(f: () => unknown, minMs = 300): number { f(); let n = 0; const t0 = performance.now(); let t = t0; while (t - t0 < minMs) { f(); n++; t = performance.now(); } return (t - t0) / n * 1e3; }
for (const n of [1e5, 1e6]) {
  const x = fromValues(Float32Array.from({length:n}, (_, i) => Math.sin(i)), [n], 'float32'), y = fromValues(Float32Array.from({length:n}, (_, i) => Math.cos(i)), [n], 'float32');
  for (let k = 0; k < 2; k++) console.log(n, 'E.add wasm', time(() => E.add(x, y)).toFixed(0), 'us js', time(() => withoutWasm(() => E.add(x, y))).toFixed(0), 'us | mapBinary wasm', time(() => mapBinary(x, y, 'float32', (a, b) => a + b, 'add')).toFixed(0));
}
