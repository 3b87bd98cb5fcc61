// The WebAssembly matrix products give the JavaScript loops' numbers bit for bit (so every case pinned to
// PyTorch elsewhere stays pinned): float32 FMA chains, float64 and matrix-vector double sums, over shapes that
// cross the kernels' tile, panel and k-block edges, with NaN, infinities, signed zeros and subnormals.
import { strict as assert } from 'node:assert';
import { fromValues } from '../creation';
import { DType } from '../dtype';
import * as LA from '../ops/linalg';
import { t2d } from '../ops/views';
import { Tensor } from '../tensor';
import { engineWasm, withoutWasm, withScratchLimit } from './instance';
import { wasmGemm } from './matmul';

/** Deterministic values in [-1, 1) with a sprinkling of the awkward ones. */
function values(n: number, seed: number, specials: boolean): number[] {
  const out: number[] = [];
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out.push(s / 2 ** 31 - 1);
  }
  if (specials && n > 8) {
    const odd = [NaN, Infinity, -Infinity, -0, 0, 1e-42, -3e-39, 3.4e38];
    for (let j = 0; j < odd.length; j++) out[(j * 7919) % n] = odd[j];
  }
  return out;
}

function matrix(shape: number[], dtype: DType, seed: number, specials = false): Tensor {
  return fromValues(values(shape.reduce((a, b) => a * b, 1), seed, specials), shape, dtype);
}

/** Same bits, NaN included (its payload aside). */
function assertSameBits(got: Tensor, want: Tensor, what: string): void {
  assert.deepEqual(got.shape, want.shape, what);
  const g = got.toNumberArray();
  const w = want.toNumberArray();
  for (let i = 0; i < w.length; i++) {
    if (Number.isNaN(w[i]) && Number.isNaN(g[i])) continue;
    if (!Object.is(g[i], w[i])) assert.fail(`${what}: element ${i} is ${g[i]}, the JavaScript loop gives ${w[i]}`);
  }
}

const SHAPES: [number, number, number][] = [
  [4, 8, 8], [3, 5, 7], [5, 300, 13], [17, 513, 9], [64, 64, 64], [1, 40, 33], [9, 257, 1], [2, 700, 3],
];

describe('engine WebAssembly matmul', () => {
  it('loads under mocha (dist/engine.wasm, relaxed SIMD on) and learns whether relaxed_madd fuses', () => {
    const w = engineWasm();
    assert.ok(w, 'the module did not instantiate: run `node scripts/build.mjs` first');
    assert.equal(typeof w.fusedMadd, 'boolean');
  });

  for (const dtype of ['float32', 'float64'] as const) {
    for (const specials of [false, true]) {
      it(`mm ${dtype}${specials ? ' with NaN, ±inf, ±0 and subnormals' : ''} equals the JavaScript loop`, () => {
        for (const [m, k, n] of SHAPES) {
          const a = matrix([m, k], dtype, m * 31 + k, specials);
          const b = matrix([k, n], dtype, n * 17 + k, specials);
          assertSameBits(LA.mm(a, b), withoutWasm(() => LA.mm(a, b)), `${m}x${k} @ ${k}x${n}`);
          // A transposed left operand (the weight gradient's Xᵀ·g) keeps the FMA order for one column too.
          const at = t2d(matrix([k, m], dtype, m + k, specials));
          assertSameBits(LA.mm(at, b), withoutWasm(() => LA.mm(at, b)), `(${k}x${m})ᵀ @ ${k}x${n}`);
          // Both transposed (g·Wᵀ has a transposed right operand): read where they lie, the same chains.
          const bt = t2d(matrix([n, k], dtype, n * 3 + k, specials));
          assertSameBits(LA.mm(at, bt), withoutWasm(() => LA.mm(at, bt)), `(${k}x${m})ᵀ @ (${n}x${k})ᵀ`);
        }
      });
    }
    it(`mv, dot, bmm and batched matmul ${dtype} equal the JavaScript loops`, () => {
      for (const [m, k] of [[1000, 1000], [13, 77], [8, 3], [3, 40]]) {
        const a = matrix([m, k], dtype, m + 2 * k, true);
        const v = matrix([k], dtype, k, true);
        assertSameBits(LA.mv(a, v), withoutWasm(() => LA.mv(a, v)), `mv ${m}x${k}`);
        assertSameBits(LA.dot(v, v), withoutWasm(() => LA.dot(v, v)), `dot ${k}`);
      }
      const x = matrix([3, 7, 90], dtype, 5);
      const y = matrix([3, 90, 11], dtype, 6);
      assertSameBits(LA.bmm(x, y), withoutWasm(() => LA.bmm(x, y)), 'bmm');
      const z = matrix([90, 1], dtype, 7);
      assertSameBits(LA.matmul(x, z), withoutWasm(() => LA.matmul(x, z)), 'matmul 3-D @ column');
    });
  }

  it('gives the same bits when A and C go through in blocks of rows (scratch memory limited)', () => {
    for (const [dtype, limit, mvLimit] of [['float32', 100_000, 50_000], ['float64', 150_000, 50_000]] as const) {
      const a = matrix([100, 300], dtype, 1, true);
      const b = matrix([300, 20], dtype, 2, true);
      const want = withoutWasm(() => LA.mm(a, b));
      assertSameBits(withScratchLimit(limit, () => LA.mm(a, b)), want, `${dtype} mm in row blocks`);
      const at = t2d(matrix([300, 100], dtype, 8, true));
      assertSameBits(withScratchLimit(limit, () => LA.mm(at, b)), withoutWasm(() => LA.mm(at, b)), `${dtype} mm of a transposed A in row blocks`);
      const x = matrix([200, 500], dtype, 3, true);
      const v = matrix([500], dtype, 4, true);
      assertSameBits(withScratchLimit(mvLimit, () => LA.mv(x, v)), withoutWasm(() => LA.mv(x, v)), `${dtype} mv in row blocks`);
    }
  });

  for (const dtype of ['float16', 'bfloat16'] as const) {
    it(`mm, mv and linear ${dtype} (float32 storage, rounded after the kernel) equal the JavaScript loops`, () => {
      const a = matrix([37, 300], dtype, 21, true);
      const b = matrix([300, 19], dtype, 22, true);
      assertSameBits(LA.mm(a, b), withoutWasm(() => LA.mm(a, b)), `${dtype} mm`);
      const v = matrix([300], dtype, 23);
      assertSameBits(LA.mv(a, v), withoutWasm(() => LA.mv(a, v)), `${dtype} mv`);
      const w = matrix([19, 300], dtype, 24);
      const bias = matrix([19], dtype, 25);
      assertSameBits(LA.linear(a, w, bias), withoutWasm(() => LA.linear(a, w, bias)), `${dtype} linear`);
    });
  }

  it('takes the float32 FMA chain only where relaxed_madd fuses, and float64 always', () => {
    const w = engineWasm()!;
    const a = new Float32Array(values(16 * 16, 1, false));
    assert.equal(wasmGemm(a, a, new Float32Array(256), 1, 16, 16, 16, true), w.fusedMadd);
    const d = new Float64Array(a);
    assert.equal(wasmGemm(d, d, new Float64Array(256), 1, 16, 16, 16, false), true);
    // Mixed storage types are left to the JavaScript loop.
    assert.equal(wasmGemm(a, d, new Float64Array(256), 1, 16, 16, 16, false), false);
  });
});

describe('float32 matmul with infinities', () => {
  it('carries -inf through the FMA chain as PyTorch does (the JavaScript fmaf once made it NaN)', () => {
    // torch.tensor([[1., 2.], [3., 4.]]) @ torch.tensor([[-inf, 1.], [3., inf]]) in PyTorch 1.13.
    const a = fromValues([1, 2, 3, 4], [2, 2], 'float32');
    const b = fromValues([-Infinity, 1, 3, Infinity], [2, 2], 'float32');
    const want = [-Infinity, Infinity, -Infinity, Infinity];
    assert.deepEqual(LA.mm(a, b).toNumberArray(), want);
    assert.deepEqual(withoutWasm(() => LA.mm(a, b)).toNumberArray(), want);
  });
});
