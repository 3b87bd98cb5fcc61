// `t op= other` written straight into t's storage (arithmeticInPlace) gives what the general in-place path gives
// (the out-of-place op copied back), bit for bit, and declines every case where that would not hold.
import { strict as assert } from 'node:assert';
import { fromValues } from '../creation';
import { DType } from '../dtype';
import { withGradMode } from '../graph';
import { FastBinary } from '../kernels';
import { Tensor } from '../tensor';
import { engineWasm, withoutWasm } from '../wasm/instance';
import { add, div, mul, sub } from './elementwise';
import { arithmeticInPlace, inPlace } from './inplace';
import { slice } from './views';

const OUT_OF_PLACE = { add, sub, mul, div };

function filled(n: number, dtype: DType, seed: number, shape: number[] = [n]): Tensor {
  const v: number[] = [];
  for (let i = 0; i < n; i++) v.push(Math.sin(i * 12.9898 + seed) * 3);
  if (n > 3) {
    v[1] = NaN;
    v[2] = -0;
    v[3] = seed % 2 ? Infinity : 0;
  }
  return fromValues(v, shape, dtype);
}

function bits(t: Tensor): string {
  return Array.from(t.values(), (x) => (Object.is(x, -0) ? '-0' : String(x))).join(',');
}

/** Both ways from fresh copies: [direct handled it, direct's values, general path's values]. */
function both(op: FastBinary, make: () => [Tensor, Tensor | number]): [boolean, string, string] {
  const [t1, o1] = make();
  const done = arithmeticInPlace(op, t1, o1);
  const [t2, o2] = make();
  inPlace(t2, (self) => OUT_OF_PLACE[op](self, o2));
  return [done, bits(t1), bits(t2)];
}

describe('in-place arithmetic written straight into storage', () => {
  for (const wasm of [true, false]) {
    const run = <T>(f: () => T): T => (wasm ? f() : withoutWasm(f));
    for (const dtype of ['float32', 'float64'] as const) {
      it(`equals the general path: ${dtype}, ${wasm && engineWasm() ? 'WebAssembly' : 'JavaScript'} (same shape, number, 0-dim, itself)`, () => {
        for (const op of ['add', 'sub', 'mul', 'div'] as const) {
          for (const n of [5, 300, 70000]) {
            const cases: [string, () => [Tensor, Tensor | number]][] = [
              ['same shape', () => [filled(n, dtype, 1), filled(n, dtype, 2)]],
              ['a number', () => [filled(n, dtype, 3), 0.1]],
              ['a 0-dim tensor', () => [filled(n, dtype, 4), fromValues([0.3], [], dtype)]],
              ['itself', () => { const t = filled(n, dtype, 5); return [t, t]; }],
            ];
            for (const [what, make] of cases) {
              const [done, got, want] = run(() => withGradMode(false, () => both(op, make)));
              assert.ok(done, `${op} ${what} ${n}: taken`);
              assert.equal(got, want, `${op} ${what} ${n}`);
            }
          }
        }
      });
    }
  }

  it('declines overlapping views, other dtypes, broadcasting rows, recorded writes and reduced floats', () => {
    const t = filled(10, 'float32', 1);
    assert.equal(arithmeticInPlace('add', slice(t, 0, 1, 10, 1), slice(t, 0, 0, 9, 1)), false, 'shifted view of itself');
    assert.equal(arithmeticInPlace('add', t, slice(t, 0, 0, 1, 1)), false, 'one element of itself');
    assert.equal(arithmeticInPlace('add', t, fromValues([0.1], [], 'float64')), false, 'a float64 0-dim operand');
    assert.equal(arithmeticInPlace('add', filled(6, 'float32', 1, [2, 3]), filled(3, 'float32', 2)), false, 'a row');
    assert.equal(arithmeticInPlace('add', filled(4, 'float16', 1), 1), false, 'float16');
    const leaf = filled(4, 'float32', 1);
    leaf.requiresGrad = true;
    assert.equal(arithmeticInPlace('sub', leaf, 1), false, 'a leaf that requires grad, grad mode on');
    const g = filled(4, 'float32', 2);
    g.requiresGrad = true;
    assert.equal(arithmeticInPlace('sub', filled(4, 'float32', 3), g), false, 'an operand that requires grad');
    assert.equal(withGradMode(false, () => arithmeticInPlace('sub', leaf, g)), true, 'under no_grad both may');
    assert.deepEqual(t.values(), filled(10, 'float32', 1).values(), 'nothing written where declined');
  });

  it('bumps the version as the general path does', () => {
    const t = filled(4, 'float32', 1);
    const before = t.version.value;
    assert.ok(arithmeticInPlace('mul', t, 2));
    assert.equal(t.version.value, before + 1);
  });
});
