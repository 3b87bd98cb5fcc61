// The WebAssembly elementwise kernels give kernels.ts's numbers bit for bit: float32 operands computed in
// double and rounded once, a Python scalar read as the double it is, float64 as is.
import { strict as assert } from 'node:assert';
import { fromValues } from '../creation';
import * as E from '../ops/elementwise';
import { Tensor } from '../tensor';
import { engineWasm, withoutWasm } from './instance';
import { wasmBinary } from './elementwise';

function values(n: number, seed: number): number[] {
  const out: number[] = [];
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out.push((s / 2 ** 31 - 1) * 3);
  }
  const odd = [NaN, Infinity, -Infinity, -0, 0, 1e-42, -3e-39, 3.4e38, -3.4e38, 1e-45];
  for (let j = 0; j < odd.length; j++) out[(j * 7919 + seed) % n] = odd[j];
  return out;
}

function sameBits(got: Tensor, want: Tensor, what: string): void {
  const g = got.toNumberArray();
  const w = want.toNumberArray();
  assert.equal(got.dtype, want.dtype, what);
  for (let i = 0; i < w.length; i++) {
    if (Number.isNaN(w[i]) && Number.isNaN(g[i])) continue;
    if (!Object.is(g[i], w[i])) assert.fail(`${what}: element ${i} is ${g[i]}, the JavaScript loop gives ${w[i]}`);
  }
}

const OPS = { add: E.add, sub: E.sub, mul: E.mul, div: E.div };

describe('engine WebAssembly elementwise arithmetic', () => {
  for (const dtype of ['float32', 'float64'] as const) {
    for (const n of [4096, 10_007, 40_000]) {
      it(`add, sub, mul, div ${dtype} on ${n} elements (tensor, scalar, scalar-first) equal the JavaScript loops`, () => {
        const a = fromValues(values(n, 1), [n], dtype);
        const b = fromValues(values(n, 2), [n], dtype);
        for (const [name, op] of Object.entries(OPS)) {
          sameBits(op(a, b), withoutWasm(() => op(a, b)), `${name}(a, b)`);
          // 0.1 is not a float32: the loop adds the double, then rounds.
          for (const s of [0.1, 3, -1e-300, 1e39]) {
            sameBits(op(a, s), withoutWasm(() => op(a, s)), `${name}(a, ${s})`);
            sameBits(op(s, a), withoutWasm(() => op(s, a)), `${name}(${s}, a)`);
          }
          const one = fromValues([0.3], [1], dtype);
          sameBits(op(one, b), withoutWasm(() => op(one, b)), `${name}(one-element tensor, b)`);
        }
      });
    }
  }

  it('adds a row to every row of a batch (a bias) as the element-by-element definition does', () => {
    for (const dtype of ['float32', 'float64'] as const) {
      const round = dtype === 'float32' ? Math.fround : (x: number): number => x;
      const a = fromValues(values(1000 * 64, 5), [1000, 64], dtype);
      const b = fromValues(values(64, 6), [64], dtype);
      const b2 = fromValues(values(64, 6), [1, 64], dtype);
      const av = a.toNumberArray();
      const bv = b.toNumberArray();
      const defs = { add: (x: number, y: number) => x + y, sub: (x: number, y: number) => x - y, mul: (x: number, y: number) => x * y, div: (x: number, y: number) => x / y };
      for (const [name, op] of Object.entries(OPS)) {
        const f = defs[name as keyof typeof defs];
        const want = fromValues(av.map((x, i) => round(f(x, bv[i % 64]))), [1000, 64], dtype);
        const wantFirst = fromValues(av.map((x, i) => round(f(bv[i % 64], x))), [1000, 64], dtype);
        sameBits(op(a, b), want, `${name}(batch, row) ${dtype}`);
        sameBits(op(a, b2), want, `${name}(batch, 1xrow) ${dtype}`);
        sameBits(op(b, a), wantFirst, `${name}(row, batch) ${dtype}`);
      }
    }
  });

  it('is taken for contiguous float arrays above its threshold, and left to JavaScript otherwise', () => {
    assert.ok(engineWasm(), 'the module did not instantiate: run `node scripts/build.mjs` first');
    const x = new Float32Array(values(5000, 3));
    assert.equal(wasmBinary('add', new Float32Array(5000), 5000, x, 0, 1, x, 0, 1), true);
    assert.equal(wasmBinary('add', new Float32Array(100), 100, x, 0, 1, x, 0, 1), false);
    assert.equal(wasmBinary('add', new Float64Array(5000), 5000, x, 0, 1, new Float64Array(5000), 0, 1), false);
  });
});
