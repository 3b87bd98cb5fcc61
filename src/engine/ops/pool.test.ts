// max_pool2d's 2×2 stride-2 loop picks the element ATen's kernel picks (`val > maxval || isnan(val)`, taps in
// row-major order): the first of tied maxima, the last NaN, -0 and 0 as they come; against a plain window walk
// that applies that rule, and against the general loop (odd sizes, where the last row and column are dropped).
import { strict as assert } from 'node:assert';
import { fromValues } from '../creation';
import { maxPool2d, PoolOptions } from './pool';

const opts = (k: number, s: number): PoolOptions => ({ kernel: [k, k], stride: [s, s], padding: [0, 0], dilation: [1, 1], ceilMode: false });

function reference(v: number[], planes: number, h: number, w: number): { out: number[]; idx: number[] } {
  const oh = Math.floor(h / 2);
  const ow = Math.floor(w / 2);
  const out: number[] = [];
  const idx: number[] = [];
  for (let p = 0; p < planes; p++) for (let i = 0; i < oh; i++) for (let j = 0; j < ow; j++) {
    let best = -Infinity;
    let at = 2 * i * w + 2 * j;
    for (let a = 0; a < 2; a++) for (let b = 0; b < 2; b++) {
      const e = (2 * i + a) * w + 2 * j + b;
      const x = v[p * h * w + e];
      if (x > best || Number.isNaN(x)) { best = x; at = e; }
    }
    out.push(best);
    idx.push(at);
  }
  return { out, idx };
}

describe('max_pool2d 2x2 windows', () => {
  for (const [h, w] of [[4, 6], [5, 7]]) {
    it(`${h}x${w} with ties, NaNs, signed zeros and infinities`, () => {
      const specials = [NaN, 1, 1, -0, 0, -Infinity, Infinity, NaN, 2, 2];
      const v = Array.from({ length: 2 * h * w }, (_, i) => (i % 5 === 4 ? Math.sin(i) : specials[((i >> 1) * 3 + (i >> 4)) % specials.length]));
      const x = fromValues(v, [1, 2, h, w], 'float32');
      const [out, idx] = maxPool2d(x, opts(2, 2));
      const ref = reference(Array.from(x.toNumberArray()), 2, h, w);
      assert.deepEqual(Array.from(out.toNumberArray()).map(String), ref.out.map((y) => String(Math.fround(y))));
      assert.deepEqual(Array.from(idx.toNumberArray()), ref.idx);
      assert.deepEqual(out.toNumberArray().map((y) => Object.is(y, -0)), ref.out.map((y) => Object.is(y, -0)));
    });
  }
});
