// The WebAssembly 2×2 max pooling gives pool.ts's loop's maxima and indices: ties keep the first tap, NaNs the
// last NaN, -Infinity windows their first tap; over odd sizes, rows with a tail of windows, and several passes.
import { strict as assert } from 'node:assert';
import { fromValues } from '../creation';
import { maxPool2d, PoolOptions } from '../ops/pool';
import { engineWasm, withoutWasm } from './instance';
import { wasmMaxPool2x2F32 } from './maxPool';

function values(n: number, seed: number): Float32Array {
  const out = new Float32Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    // Few distinct values: many ties.
    out[i] = Math.floor((s / 2 ** 32) * 7) - 3;
  }
  const odd = [NaN, NaN, Infinity, -Infinity, -Infinity, -Infinity, -Infinity, -0, 0];
  for (let k = 0; k < n / 10; k++) out[(k * 7919 + seed) % n] = odd[k % odd.length];
  return out;
}

const POOL: PoolOptions = { kernel: [2, 2], stride: [2, 2], padding: [0, 0], dilation: [1, 1], ceilMode: false };

describe('engine WebAssembly 2x2 max pooling', () => {
  it('runs where the module loads', function () {
    if (!engineWasm()) this.skip();
    assert.equal(wasmMaxPool2x2F32(new Float32Array(16), new Float32Array(4), new Float64Array(4), 1, 4, 4, 2, 2), true);
  });

  for (const shape of [[2, 3, 28, 28], [3, 5, 15, 19], [1, 2, 8, 9], [40, 16, 14, 14], [1, 1, 300, 302]]) {
    it(`on ${shape.join('x')} equals the JavaScript loop (values and indices)`, () => {
      const n = shape.reduce((a, b) => a * b, 1);
      const x = fromValues(values(n, shape[3]), shape, 'float32');
      const [out, idx] = maxPool2d(x, POOL);
      const [out0, idx0] = withoutWasm(() => maxPool2d(x, POOL));
      assert.deepEqual(Array.from(idx.values(true)), Array.from(idx0.values(true)));
      const a = out.values(true);
      const b = out0.values(true);
      for (let i = 0; i < b.length; i++) if (!Object.is(a[i], b[i]) && !(a[i] !== a[i] && b[i] !== b[i])) assert.fail(`element ${i}: ${a[i]} vs ${b[i]}`);
    });
  }
});
