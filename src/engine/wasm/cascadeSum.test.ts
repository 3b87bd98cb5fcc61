// The WebAssembly cascade sums give cascadeSum.ts's JavaScript loops' bits (PyTorch's SumKernel.cpp order):
// full sums, inner and outer reductions, views, lengths around the cascade's level sizes, both float types.
import { strict as assert } from 'node:assert';
import { fromValues } from '../creation';
import * as R from '../ops/reduce';
import { permute } from '../ops/views';
import { Tensor } from '../tensor';
import { engineWasm, withoutWasm, withScratchLimit } from './instance';
import { wasmSums } from './cascadeSum';

function filled(shape: number[], dtype: 'float32' | 'float64', seed: number, specials = false): Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  const v: number[] = [];
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    // Magnitudes spread over many binades so that the order of the additions shows in the last bits.
    v.push((s / 2 ** 31 - 1) * 2 ** ((s >>> 3) % 24 - 8));
  }
  if (specials && n > 8) for (const [j, x] of [Infinity, -0, 1e-42, -3e-39].entries()) v[(j * 7919) % n] = x;
  return fromValues(v, shape, dtype);
}

function sameBits(got: Tensor, want: Tensor, what: string): void {
  const g = got.toNumberArray();
  const w = want.toNumberArray();
  for (let i = 0; i < w.length; i++) {
    if (Number.isNaN(w[i]) && Number.isNaN(g[i])) continue;
    if (!Object.is(g[i], w[i])) assert.fail(`${what}: element ${i} is ${g[i]}, the JavaScript loop gives ${w[i]}`);
  }
}

describe('engine WebAssembly cascade sums', () => {
  for (const dtype of ['float32', 'float64'] as const) {
    it(`full sums of ${dtype} vectors equal the JavaScript loops around every level size`, () => {
      for (const n of [256, 257, 300, 511, 1000, 4096, 4099, 8191, 16_385, 32_768]) {
        const t = filled([n], dtype, n, n % 2 === 1);
        sameBits(R.sum(t), withoutWasm(() => R.sum(t)), `sum of ${n}`);
        sameBits(R.mean(t), withoutWasm(() => R.mean(t)), `mean of ${n}`);
      }
    });
    it(`inner and outer reductions of ${dtype} matrices and views equal the JavaScript loops`, () => {
      for (const [rows, cols] of [[1000, 20], [20, 1000], [64, 64], [300, 97], [33, 1000], [4096, 8], [8, 4096], [500, 37]]) {
        const t = filled([rows, cols], dtype, rows * cols, rows % 2 === 0);
        for (const dim of [0, 1]) sameBits(R.sum(t, [dim]), withoutWasm(() => R.sum(t, [dim])), `${rows}x${cols} sum(${dim})`);
        const tt = permute(t, [1, 0]);
        for (const dim of [0, 1]) sameBits(R.sum(tt, [dim]), withoutWasm(() => R.sum(tt, [dim])), `(${rows}x${cols})ᵀ sum(${dim})`);
      }
      const c = filled([6, 40, 50], dtype, 3);
      for (const dims of [[0], [1], [2], [0, 2], [1, 2], [0, 1]]) sameBits(R.sum(c, dims), withoutWasm(() => R.sum(c, dims)), `6x40x50 sum(${dims})`);
    });
  }

  for (const dtype of ['float32', 'float64'] as const) {
    it(`sums above PyTorch's serial size (${dtype}, in double) equal the JavaScript loop`, () => {
      const v = filled([100_003], dtype, 9, true);
      sameBits(R.sum(v), withoutWasm(() => R.sum(v)), 'sum of 100003');
      sameBits(R.mean(v), withoutWasm(() => R.mean(v)), 'mean of 100003');
      for (const [rows, cols] of [[1000, 64], [64, 1000], [4001, 9], [9, 4001]]) {
        const t = filled([rows, cols], dtype, rows + cols);
        for (const dim of [0, 1]) sameBits(R.sum(t, [dim]), withoutWasm(() => R.sum(t, [dim])), `${rows}x${cols} sum(${dim})`);
        const tt = permute(t, [1, 0]);
        sameBits(R.sum(tt, [0]), withoutWasm(() => R.sum(tt, [0])), `(${rows}x${cols})ᵀ sum(0)`);
      }
      const c = filled([40, 30, 50], dtype, 4);
      for (const dims of [[0], [2], [0, 1], [1, 2], [1], [0, 2]]) sameBits(R.sum(c, dims), withoutWasm(() => R.sum(c, dims)), `40x30x50 sum(${dims})`);
      const d = filled([1, 40000, 1], dtype, 5);
      sameBits(R.sum(d, [1]), withoutWasm(() => R.sum(d, [1])), '1x40000x1 sum(1)');
    });
  }

  it('gives the same bits when a large sum goes through in chunks (scratch memory limited)', () => {
    for (const dtype of ['float32', 'float64'] as const) {
      const v = filled([100_003], dtype, 11);
      sameBits(withScratchLimit(40_000, () => R.sum(v)), withoutWasm(() => R.sum(v)), `${dtype} sum of 100003`);
      const t = filled([1000, 64], dtype, 12);
      sameBits(withScratchLimit(40_000, () => R.sum(t, [0])), withoutWasm(() => R.sum(t, [0])), `${dtype} 1000x64 sum(0)`);
      const u = filled([64, 1000], dtype, 13);
      sameBits(withScratchLimit(40_000, () => R.sum(u, [1])), withoutWasm(() => R.sum(u, [1])), `${dtype} 64x1000 sum(1)`);
    }
  });

  it('applies to float32 storage with 8 lanes and float64 with 4, from 256 elements', () => {
    assert.ok(engineWasm(), 'the module did not instantiate: run `node scripts/build.mjs` first');
    assert.ok(wasmSums(new Float32Array(300), 0, 300, 8));
    assert.ok(wasmSums(new Float64Array(300), 0, 300, 4));
    assert.equal(wasmSums(new Float32Array(300), 0, 300, 4), null);
    assert.equal(wasmSums(new Float32Array(100), 0, 100, 8), null);
  });
});
