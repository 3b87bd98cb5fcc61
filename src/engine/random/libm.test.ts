import { strict as assert } from 'assert';
import { glibcMath } from './libm';
import { readFixture } from '../../../test/paths';

// ---------------------------------------------------------------------------------------------
// Fixture: sin and cos from glibc 2.36's libm (x86-64, FMA variants) for PyTorch's Box–Muller
// angles 2*pi*u, the doubles around multiples of pi/4, small, negative, large and huge arguments,
// and angles whose sin or cos lies very close to a rounding boundary. glibc is not correctly
// rounded everywhere; `misrounded` records where it is not, with the correctly rounded value.
// ---------------------------------------------------------------------------------------------

interface Misrounded {
  index: number;
  fn: 'sin' | 'cos';
  glibc: number;
  correctlyRounded: number;
}

const fixture = JSON.parse(readFixture('libm-sincos.json')) as {
  cases: [number, number, number][];
  misrounded: Misrounded[];
};

const bits = new Float64Array(1);
const bitWords = new BigInt64Array(bits.buffer);

function hex(x: number): string {
  bits[0] = x;
  return `${x} (0x${BigInt.asUintN(64, bitWords[0]).toString(16).padStart(16, '0')})`;
}

/** Distance in ulps between two finite doubles of the same sign. */
function ulpDistance(a: number, b: number): bigint {
  bits[0] = a;
  const ia = bitWords[0];
  bits[0] = b;
  const ib = bitWords[0];
  return ia > ib ? ia - ib : ib - ia;
}

describe('libm: sin and cos', () => {
  const expected = new Map<string, number>();
  for (const m of fixture.misrounded) expected.set(`${m.fn}:${m.index}`, m.correctlyRounded);

  it(`match glibc bit for bit on ${fixture.cases.length} arguments, bar its recorded misroundings`, () => {
    const failures: string[] = [];
    fixture.cases.forEach(([x, s, c], i) => {
      for (const [fn, glibc] of [
        ['sin', s],
        ['cos', c],
      ] as const) {
        const want = expected.get(`${fn}:${i}`) ?? glibc;
        const got = glibcMath[fn](x);
        if (!Object.is(got, want)) failures.push(`${fn}(${hex(x)}) = ${hex(got)}, want ${hex(want)}`);
      }
    });
    assert.deepEqual(failures, []);
  });

  it("differ from glibc only by one ulp, and only where glibc's result is not correctly rounded", () => {
    assert.ok(fixture.misrounded.length > 0);
    for (const m of fixture.misrounded) {
      const [x, s, c] = fixture.cases[m.index];
      assert.equal(m.glibc, m.fn === 'sin' ? s : c);
      assert.equal(glibcMath[m.fn](x), m.correctlyRounded);
      // Beyond [0, 2*pi) glibc's reduction of the hardest huge arguments can be off by more.
      if (Math.abs(x) < 2 * Math.PI) assert.equal(ulpDistance(m.glibc, m.correctlyRounded), 1n, `${m.fn}(${x})`);
    }
  });

  it('handle zeros, tiny, non-finite and symmetric arguments', () => {
    assert.ok(Object.is(glibcMath.sin(0), 0));
    assert.ok(Object.is(glibcMath.sin(-0), -0));
    assert.equal(glibcMath.cos(-0), 1);
    assert.equal(glibcMath.sin(5e-324), 5e-324);
    assert.equal(glibcMath.cos(5e-324), 1);
    assert.equal(glibcMath.sin(-1e-9), -1e-9);
    for (const x of [NaN, Infinity, -Infinity]) {
      assert.ok(Number.isNaN(glibcMath.sin(x)));
      assert.ok(Number.isNaN(glibcMath.cos(x)));
    }
    for (const [x] of fixture.cases) {
      assert.ok(Object.is(glibcMath.sin(-x), -glibcMath.sin(x)), `sin(-${x})`);
      assert.ok(Object.is(glibcMath.cos(-x), glibcMath.cos(x)), `cos(-${x})`);
    }
  });
});
