/**
 * kernels.ts's copyInto by rows: a strided destination whose rows are unit-step runs of the source's storage
 * type takes a block copy per row (from 16 elements), the rest the element loop; both must place every value,
 * NaN payloads and -0 included, where the element loop put it.
 */
import { strict as assert } from 'node:assert';
import { fromValues } from './creation';
import { copyInto } from './kernels';
import { emptyTensor } from './tensor';
import { cat, transpose } from './ops/views';

function ramp(n: number, from: number): number[] {
  return Array.from({ length: n }, (_, i) => (i === 3 ? -0 : from + i * 0.5));
}

describe('copyInto by rows', () => {
  it('cat on the last dimension: rows of 20, 17 and 5 elements land in order', () => {
    const a = fromValues(ramp(60, 0), [3, 20], 'float32');
    const b = fromValues(ramp(51, 100), [3, 17], 'float32');
    const c = fromValues(ramp(15, 200), [3, 5], 'float32');
    const out = cat([a, b, c], 1);
    const want: number[] = [];
    for (let r = 0; r < 3; r++) {
      want.push(...ramp(60, 0).slice(r * 20, r * 20 + 20), ...ramp(51, 100).slice(r * 17, r * 17 + 17), ...ramp(15, 200).slice(r * 5, r * 5 + 5));
    }
    assert.deepEqual(Array.from(out.data), want);
    assert.ok(Object.is(out.data[3], -0));
  });

  it('keeps NaN payloads bit for bit, as the contiguous block copy does', () => {
    const src = fromValues(Array.from({ length: 32 }, (_, i) => i), [2, 16], 'float32');
    const srcBits = new Uint32Array(src.data.buffer, src.data.byteOffset, 32);
    srcBits.set([0x7fc00123, 0xffc00456, 0x7f800001], 17);
    const out = cat([src, src], 1);
    const outBits = new Uint32Array(out.data.buffer, out.data.byteOffset, 64);
    for (let r = 0; r < 2; r++) {
      for (let half = 0; half < 2; half++) {
        assert.deepEqual(Array.from(outBits.subarray(r * 32 + half * 16, r * 32 + half * 16 + 16)), Array.from(srcBits.subarray(r * 16, r * 16 + 16)));
      }
    }
  });

  it('a transposed source (element steps other than 1) and a dtype change still take the element loop', () => {
    const src = fromValues(Array.from({ length: 40 }, (_, i) => i), [2, 20], 'float32');
    const dst = emptyTensor([20, 2], 'float64');
    copyInto(dst, transpose(src, 0, 1));
    assert.deepEqual(Array.from(dst.data), Array.from({ length: 40 }, (_, k) => (k % 2) * 20 + (k >> 1)));
  });
});
