// scaleRound's double-precision path gives the exact (BigInt) rounding, ties to even included.
import { strict as assert } from 'node:assert';
import { scaleRound, scaleRoundExact } from './decimal';

describe('print/decimal scaleRound', () => {
  it('equals the exact rounding for float32 and float64 values at every scale a print asks for', () => {
    let s = 987654321;
    const next = (): number => {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      return s / 2 ** 32;
    };
    const f64 = new Float64Array(1);
    const bits = new Uint32Array(f64.buffer);
    for (let i = 0; i < 200000; i++) {
      // Random bit patterns over a wide range of exponents, half of them rounded to float32.
      bits[0] = (next() * 2 ** 32) >>> 0;
      bits[1] = ((next() * 0x7fe) << 20) | ((next() * 2 ** 20) >>> 0);
      let x = Math.abs(f64[0]);
      if (i % 2) x = Math.abs(Math.fround(x));
      if (!(x > 0) || !Number.isFinite(x)) continue;
      const k = Math.round(next() * 60) - 30;
      const fast = scaleRound(x, k);
      const exact = scaleRoundExact(x, k);
      if (fast !== exact) assert.fail(`scaleRound(${x}, ${k}): ${fast}, exactly ${exact}`);
    }
    // Magnitudes and precisions as tensors print them (the double path's whole range).
    for (let i = 0; i < 200000; i++) {
      const e = Math.round(next() * 16) - 8;
      const x = Math.fround(next() * 10 ** e);
      if (!(x > 0)) continue;
      const k = 4 - e + Math.round(next() * 4) - 2;
      const fast = scaleRound(x, k);
      const exact = scaleRoundExact(x, k);
      if (fast !== exact) assert.fail(`scaleRound(${x}, ${k}): ${fast}, exactly ${exact}`);
    }
  });

  it('rounds exact ties to even and near-ties by the exact value', () => {
    assert.equal(scaleRound(0.03125, 4), 312n);
    assert.equal(scaleRound(0.09375, 4), 938n);
    assert.equal(scaleRound(2.5, 0), 2n);
    assert.equal(scaleRound(3.5, 0), 4n);
    // 0.15 is slightly below 0.15 in binary: 1.5 after scaling in double, but the exact value rounds down.
    assert.equal(scaleRound(0.15, 1), 1n);
    assert.equal(scaleRound(1.0000500000000001, 4), 10001n);
    assert.equal(scaleRound(Math.fround(1.00005), 4), scaleRoundExact(Math.fround(1.00005), 4));
  });
});
