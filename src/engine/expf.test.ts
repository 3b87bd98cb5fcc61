// float32 exp, sigmoid, SiLU and tanh give real PyTorch's bits (test/fixtures/expf.json, made by test/fixtures/expf.py),
// through the WebAssembly kernels and through the JavaScript loops, on every layout PyTorch treats differently.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromValues } from './creation';
import { expf } from './expf';
import { fmaf } from './random/libm';
import * as E from './ops/elementwise';
import { expand, slice, transpose } from './ops/views';
import { Tensor } from './tensor';
import { engineWasm, withoutWasm } from './wasm/instance';

type Value = number | 'nan' | 'inf' | '-inf';
interface Case {
  name: string;
  expr: string;
  shape: number[];
  x: Value[];
  out: Value[];
}
const fixture = JSON.parse(readFileSync(join(__dirname, '..', '..', 'test', 'fixtures', 'expf.json'), 'utf8')) as { cases: Case[] };

function num(v: Value): number {
  return v === 'nan' ? NaN : v === 'inf' ? Infinity : v === '-inf' ? -Infinity : v;
}

/** The case's expression on its input, as the fixture script wrote it. */
function evaluate(c: Case): Tensor {
  const x = fromValues(c.x.map(num), c.shape, 'float32');
  switch (c.expr) {
    case 'exp':
      return E.exp(x);
    case 'exp[::3]':
      return E.exp(slice(x, 0, null, null, 3));
    case 'sigmoid':
      return E.sigmoid(x);
    case 'sigmoid.t()':
      return E.sigmoid(transpose(x, 0, 1));
    case 'sigmoid[:, :45]':
      return E.sigmoid(slice(x, 1, null, 45, null));
    case 'sigmoid.expand(40, 33)':
      return E.sigmoid(expand(x, [40, 33]));
    case 'sigmoid[::2]':
      return E.sigmoid(slice(x, 0, null, null, 2));
    case 'tanh':
      return E.tanh(x);
    case 'tanh[::3]':
      return E.tanh(slice(x, 0, null, null, 3));
    case 'silu':
      return E.silu(x);
    case 'silu.t()':
      return E.silu(transpose(x, 0, 1));
    default:
      throw new Error(`no evaluation for ${c.expr}`);
  }
}

function assertBits(got: Tensor, want: number[], what: string): void {
  const g = got.toNumberArray();
  assert.equal(g.length, want.length, what);
  let bad = 0;
  let first = '';
  for (let i = 0; i < want.length; i++) {
    if (Number.isNaN(want[i]) ? Number.isNaN(g[i]) : Object.is(g[i], want[i])) continue;
    if (!bad) first = `element ${i}: ${g[i]}, PyTorch ${want[i]}`;
    bad++;
  }
  assert.equal(bad, 0, `${what}: ${bad} of ${want.length} differ (${first})`);
}

describe('float32 exp, sigmoid, SiLU and tanh as PyTorch rounds them', () => {
  for (const c of fixture.cases) {
    it(`${c.name}: PyTorch's bits through the WebAssembly kernels`, () => {
      assert.ok(engineWasm()?.fusedMadd, 'the kernels load and relaxed_madd fuses on this machine');
      assertBits(evaluate(c), c.out.map(num), c.name);
    });
    it(`${c.name}: PyTorch's bits through the JavaScript loops`, () => {
      withoutWasm(() => assertBits(evaluate(c), c.out.map(num), c.name));
    });
  }

  it('exp and tanh: the kernels and the loops agree on a million values across the whole range', () => {
    const n = 1 << 20;
    const v = new Float32Array(n);
    let s = 12345;
    for (let i = 0; i < n; i++) {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      v[i] = (s / 2 ** 32 - 0.5) * 220;
    }
    const x = fromValues(v, [n], 'float32');
    for (const [name, op] of [['exp', E.exp], ['tanh', E.tanh]] as const) {
      const fast = op(x).toNumberArray();
      const slow = withoutWasm(() => op(x).toNumberArray());
      for (let i = 0; i < n; i++) if (!Object.is(fast[i], slow[i])) assert.fail(`${name}(${v[i]}): ${fast[i]} and ${slow[i]}`);
    }
  });

  it('fmaf rounds once where the double sum lands halfway between two float32 values', () => {
    // a·b is 2^-24 - 2^-70: the double sum rounds to 1 + 2^-23 + 2^-24, halfway between 1 + 2^-23 and
    // 1 + 2^-22, where rounding again goes to the even 1 + 2^-22; once rounded, the sum is 1 + 2^-23.
    const a = 1 + 2 ** -23;
    const b = (1 - 2 ** -23) * 2 ** -24;
    const c = 1 + 2 ** -23;
    assert.equal(a * b + c, 1 + 2 ** -23 + 2 ** -24, 'the double sum is the midpoint');
    assert.equal(Math.fround(a * b + c), 1 + 2 ** -22, 'rounding twice');
    assert.equal(fmaf(a, b, c), 1 + 2 ** -23);
    assert.equal(fmaf(-a, b, -c), -(1 + 2 ** -23));
    assert.equal(fmaf(1, 2 ** -24, c), 1 + 2 ** -22, 'an exact tie rounds to even');
  });

  it('expf: limits, signed zero and NaN', () => {
    assert.equal(expf(100.5), Infinity);
    assert.equal(expf(-104.5), 0);
    assert.equal(expf(0), 1);
    assert.equal(expf(-0), 1);
    assert.ok(Number.isNaN(expf(NaN)));
    assert.equal(expf(-Infinity), 0);
  });
});
