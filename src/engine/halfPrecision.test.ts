/**
 * Rounding to float16 and bfloat16 and their 16-bit encodings, against what real PyTorch 1.13 gives for the same
 * float32 values (`torch.tensor(v).half()`, `.bfloat16()`, and `.view(torch.int16)` for the bits): ties to even,
 * overflow to infinity, subnormals, signed zero.
 */
import { strict as assert } from 'node:assert';
import { bits16, fromBits16, roundToBFloat16, roundToHalf } from './halfPrecision';

// [float32 input, float16 value, bfloat16 value, float16 bits, bfloat16 bits]
const CASES: Array<[number, number, number, number, number]> = [
  [0.1, 0.0999755859375, 0.10009765625, 0x2e66, 0x3dcd],
  [1 / 3, 0.333251953125, 0.333984375, 0x3555, 0x3eab],
  [65504, 65504.0, 65536.0, 0x7bff, 0x4780],
  [65519.99, 65504.0, 65536.0, 0x7bff, 0x4780],
  [65520, Infinity, 65536.0, 0x7c00, 0x4780],
  [-65520, -Infinity, -65536.0, 0xfc00, 0xc780],
  [1e-8, 0.0, 1.0011717677116394e-8, 0x0000, 0x322c],
  [2.98e-8, 0.0, 2 ** -25, 0x0000, 0x3300],
  [3e-8, 5.960464477539063e-8, 3.003515303134918e-8, 0x0001, 0x3301],
  [5.96e-8, 5.960464477539063e-8, 5.960464477539063e-8, 0x0001, 0x3380],
  [6.1e-5, 6.097555160522461e-5, 6.103515625e-5, 0x03ff, 0x3880],
  [6.103515625e-5, 6.103515625e-5, 6.103515625e-5, 0x0400, 0x3880],
  [1.00048828125, 1.0, 1.0, 0x3c00, 0x3f80],
  [1.00146484375, 1.001953125, 1.0, 0x3c02, 0x3f80],
  [2049, 2048.0, 2048.0, 0x6800, 0x4500],
  [2051, 2052.0, 2048.0, 0x6802, 0x4500],
  [-0.0, -0.0, -0.0, 0x8000, 0x8000],
  [1e30, Infinity, 1.0002555517425873e30, 0x7c00, 0x714a],
  [3.4e38, Infinity, Infinity, 0x7c00, 0x7f80],
  [1.1754943508222875e-38, 0.0, 1.1754943508222875e-38, 0x0000, 0x0080],
  [9e-41, 0.0, 9.183549615799121e-41, 0x0000, 0x0001],
  [1.0039062, 1.00390625, 1.0, 0x3c04, 0x3f80],
  [1.01171875, 1.01171875, 1.015625, 0x3c0c, 0x3f82],
  [255.5, 255.5, 256.0, 0x5bfc, 0x4380],
  [3.3895313892515355e38, Infinity, 3.3895313892515355e38, 0x7c00, 0x7f7f],
];

describe('float16 and bfloat16 rounding', () => {
  for (const [v, half, bf, halfBits, bfBits] of CASES) {
    it(`${v} → ${half} (float16), ${bf} (bfloat16)`, () => {
      assert.ok(Object.is(roundToHalf(v), half), `float16: ${roundToHalf(v)}`);
      assert.ok(Object.is(roundToBFloat16(v), bf), `bfloat16: ${roundToBFloat16(v)}`);
      assert.equal(bits16('float16', half), halfBits);
      assert.equal(bits16('bfloat16', bf), bfBits);
      assert.ok(Object.is(fromBits16('float16', halfBits), half));
      assert.ok(Object.is(fromBits16('bfloat16', bfBits), bf));
    });
  }

  it('keeps NaN a NaN in both formats and their encodings', () => {
    assert.ok(Number.isNaN(roundToHalf(NaN)) && Number.isNaN(roundToBFloat16(NaN)));
    assert.ok(Number.isNaN(fromBits16('float16', bits16('float16', NaN))));
    assert.ok(Number.isNaN(fromBits16('bfloat16', bits16('bfloat16', NaN))));
  });
});
