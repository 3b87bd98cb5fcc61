// The WebAssembly ReLU kernels give the JavaScript loops' bits: NaN kept (its payload too), -0 and negatives
// made +0, and the backward's gradient zeroed (inf and NaN included) exactly where the input is <= 0.
import { strict as assert } from 'node:assert';
import { fromValues } from '../creation';
import * as E from '../ops/elementwise';
import { backward } from '../backward';
import { Tensor } from '../tensor';
import { engineWasm, withoutWasm } from './instance';
import { wasmReluBackwardF32, wasmReluF32 } from './relu';

function values(n: number, seed: number): Float32Array {
  const out = new Float32Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = (s / 2 ** 31 - 1) * 3;
  }
  const odd = [NaN, -NaN, Infinity, -Infinity, -0, 0, 1e-42, -3e-39, 3.4e38, -3.4e38, 1e-45];
  for (let j = 0; j < odd.length; j++) out[(j * 7919 + seed) % n] = odd[j];
  // A NaN with a payload and its sign bit set: kept bit for bit by the forward.
  new Uint32Array(out.buffer)[(13 * 7919 + seed) % n] = 0xffc01234;
  return out;
}

function bits(t: Tensor | Float32Array): number[] {
  const v = t instanceof Float32Array ? t : (t.values(true) as Float32Array);
  return Array.from(new Uint32Array(Float32Array.from(v).buffer));
}

function reluAndGrad(x: Float32Array, g: Float32Array): [Tensor, Tensor] {
  const t = fromValues(x, [x.length], 'float32');
  t.requiresGrad = true;
  const y = E.relu(t);
  backward(y, fromValues(g, [g.length], 'float32'));
  return [y, t.grad as Tensor];
}

describe('engine WebAssembly ReLU', () => {
  it('runs where the module loads', function () {
    if (!engineWasm()) this.skip();
    const x = values(1000, 3);
    const o = new Float32Array(1000);
    assert.equal(wasmReluF32(o, x, 0, 1000), true);
    assert.equal(wasmReluBackwardF32(o, x, 0, x, 0, 1000), true);
  });

  for (const n of [300, 16_387, 40_001]) {
    it(`relu and its backward on ${n} float32 elements equal the JavaScript loops bit for bit`, () => {
      const x = values(n, 1);
      const g = values(n, 2);
      const [y, gx] = reluAndGrad(x, g);
      const [y0, gx0] = withoutWasm(() => reluAndGrad(x, g));
      assert.deepEqual(bits(y), bits(y0));
      assert.deepEqual(bits(gx), bits(gx0));
    });
  }

  it('reads from an offset into the source', () => {
    const x = values(5000, 4);
    const g = values(5000, 5);
    const o = new Float32Array(4000);
    const o0 = new Float32Array(4000);
    if (!wasmReluF32(o, x, 777, 4000)) return;
    for (let i = 0; i < 4000; i++) o0[i] = x[777 + i] > 0 || x[777 + i] !== x[777 + i] ? x[777 + i] : 0;
    assert.deepEqual(bits(o), bits(o0));
    wasmReluBackwardF32(o, g, 100, x, 900, 4000);
    for (let i = 0; i < 4000; i++) o0[i] = x[900 + i] <= 0 ? 0 : g[100 + i];
    assert.deepEqual(bits(o), bits(o0));
  });
});
