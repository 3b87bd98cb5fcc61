import { strict as assert } from 'node:assert';
import { Generator } from './generator';
import { bernoulliScalarFill, cppDouble, exponentialFill, multinomial } from './samplers';

describe('random/samplers', () => {
  it('exponential_ is -log1p(-u)/lambda of one double uniform per element (real PyTorch, seed 0)', () => {
    const out = new Float32Array(5);
    exponentialFill(new Generator(0), out, 'float32', 1);
    assert.deepEqual(Array.from(out), [3.508326292037964, 1.2303847074508667, 0.615044116973877, 2.535118579864502, 1.0357054471969604]);
  });

  it('bernoulli_(p) and the exponential race consume the same stream as PyTorch', () => {
    const b = new Float64Array(30);
    bernoulliScalarFill(new Generator(1), b, 0.3);
    assert.equal(b.reduce((s, x) => s + x, 0), b.filter((x) => x === 1).length);
    // torch.manual_seed(2); torch.multinomial(torch.tensor([0.1, 0.2, 0.3, 0.4]), 3) -> [1, 3, 2] in PyTorch
    const p = Float32Array.from([0.1, 0.2, 0.3, 0.4]);
    assert.deepEqual(Array.from(multinomial(new Generator(2), p, 1, 4, 'float32', 3, false)), [1, 3, 2]);
  });

  it('words numbers in messages as C++ streams print doubles', () => {
    assert.equal(cppDouble(1.5), '1.5');
    assert.equal(cppDouble(0.123456789), '0.123457');
    assert.equal(cppDouble(-1e-7), '-1e-07');
    assert.equal(cppDouble(1234567), '1.23457e+06');
    assert.equal(cppDouble(0), '0');
    assert.equal(cppDouble(NaN), 'nan');
  });
});
