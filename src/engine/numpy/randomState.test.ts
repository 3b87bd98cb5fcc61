/**
 * NumPy's legacy RandomState through the TS API (src/engine/numpy/randomState.ts), replayed against real NumPy output:
 * numpy_rng.json (from ../shared/reference, NumPy 2.5) and numpy_legacy_extra.json (NumPy 2.4.6: other seeds,
 * array seeds, every randint dtype, broadcasting, choice, bytes, and call sequences sharing one generator).
 * The Python path replays the same files in numpy-sklearn.test.ts.
 */
import { strict as assert } from 'node:assert';
import { BoundedIntType, globalRandomState, RandomState } from './randomState';
import { readFixture } from '../../../test/paths';

interface Expected { shape: number[]; dtype?: string; data: number[] }
interface DrawCase { seed: number | number[]; code?: string; out?: Expected; sequence?: string[]; outs?: Expected[] }

function fixture(name: string): DrawCase[] {
  const text = readFixture(name);
  return (JSON.parse(text) as { cases: Array<DrawCase & { make_regression?: unknown }> }).cases.filter((c) => !c.make_regression);
}

// ---- A small reader for the calls in the fixtures: `rs.name(positional..., key=value...)` with Python literals. ----

type PyValue = number | bigint | boolean | string | null | PyValue[];
interface Call { name: string; args: PyValue[]; kwargs: Record<string, PyValue> }

function parseCall(code: string): Call {
  let i = 0;
  const ws = () => {
    while (code[i] === ' ') i++;
  };
  const expect = (ch: string) => {
    ws();
    if (code[i] !== ch) throw new Error(`expected '${ch}' at ${i} in ${code}`);
    i++;
  };
  const ident = (): string => {
    ws();
    const m = /^[A-Za-z_][A-Za-z_0-9.]*/.exec(code.slice(i));
    if (!m) throw new Error(`expected a name at ${i} in ${code}`);
    i += m[0].length;
    return m[0];
  };
  const atom = (): PyValue => {
    ws();
    const c = code[i];
    if (c === '(' || c === '[') {
      const close = c === '(' ? ')' : ']';
      i++;
      const items: PyValue[] = [];
      for (;;) {
        ws();
        if (code[i] === close) break;
        items.push(expr());
        ws();
        if (code[i] === ',') i++;
      }
      i++;
      return items;
    }
    if (c === "'" || c === '"') {
      const end = code.indexOf(c, i + 1);
      const s = code.slice(i + 1, end);
      i = end + 1;
      return s;
    }
    const num = /^-?\d+(\.\d*)?(e-?\d+)?/.exec(code.slice(i));
    if (num) {
      i += num[0].length;
      return num[1] || num[2] ? Number(num[0]) : BigInt(num[0]);
    }
    const name = ident();
    if (name === 'True' || name === 'False') return name === 'True';
    if (name === 'None') return null;
    return name.replace(/^np\./, '');
  };
  // Integer literals with `**`, `+`, `-` (bounds such as 2**62 + 12345) evaluated exactly.
  const expr = (): PyValue => {
    let v = power();
    for (;;) {
      ws();
      const op = code[i];
      if ((op !== '+' && op !== '-') || code[i + 1] === '>') return v;
      i++;
      const r = power();
      v = op === '+' ? (v as bigint) + (r as bigint) : (v as bigint) - (r as bigint);
    }
  };
  const power = (): PyValue => {
    ws();
    let neg = false;
    if (code[i] === '-' && code[i + 1] !== ' ' && code.slice(i, i + 2) !== '-(') {
      // a negative literal is handled by atom(); a unary minus before `2**63` needs the power first
      if (/^-\d+\s*\*\*/.test(code.slice(i))) {
        neg = true;
        i++;
      }
    }
    let v = atom();
    ws();
    if (code.slice(i, i + 2) === '**') {
      i += 2;
      const e = atom();
      v = (v as bigint) ** (e as bigint);
    }
    return neg ? -(v as bigint) : v;
  };
  const obj = ident();
  if (!obj.startsWith('rs.')) throw new Error(`not an rs call: ${code}`);
  expect('(');
  const args: PyValue[] = [];
  const kwargs: Record<string, PyValue> = {};
  for (;;) {
    ws();
    if (code[i] === ')') break;
    const kw = /^([A-Za-z_]+)\s*=/.exec(code.slice(i));
    if (kw) {
      i += kw[0].length;
      kwargs[kw[1]] = expr();
    } else {
      args.push(expr());
    }
    ws();
    if (code[i] === ',') i++;
  }
  return { name: obj.slice(3), args, kwargs };
}

/** Numbers for float parameters (ints arrive as BigInt from the reader). */
function f(v: PyValue): number {
  return Number(v);
}

function shapeOf(size: PyValue | undefined): number[] {
  if (size === undefined || size === null) return [];
  return Array.isArray(size) ? size.map(Number) : [Number(size)];
}

function flat(v: PyValue): PyValue[] {
  return Array.isArray(v) ? v.flatMap(flat) : [v];
}

function shapeOfLiteral(v: PyValue): number[] {
  return Array.isArray(v) ? [v.length, ...shapeOfLiteral(v[0])] : [];
}

/** NumPy's broadcasting of literal array parameters, flattened in C order. */
function broadcastFlat(values: PyValue[], outShape?: number[]): { shape: number[]; data: number[][] } {
  const shapes = values.map(shapeOfLiteral);
  const ndim = Math.max(...shapes.map((s) => s.length), outShape?.length ?? 0);
  const shape: number[] = [];
  for (let d = 0; d < ndim; d++) {
    let size = 1;
    for (const s of [...shapes, outShape ?? []]) {
      const k = s.length - ndim + d;
      if (k >= 0 && s[k] !== 1) size = s[k];
    }
    shape.push(size);
  }
  const n = shape.reduce((a, b) => a * b, 1);
  const data = values.map((v, j) => {
    const s = shapes[j];
    const src = flat(v).map(Number);
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      let rem = i;
      let idx = 0;
      let stride = 1;
      for (let d = ndim - 1; d >= 0; d--) {
        const pos = rem % shape[d];
        rem = Math.floor(rem / shape[d]);
        const k = s.length - ndim + d;
        if (k >= 0) {
          idx += (s[k] === 1 ? 0 : pos) * stride;
          stride *= s[k];
        }
      }
      out.push(src[idx]);
    }
    return out;
  });
  return { shape, data };
}

/** Runs one `rs.…` call on the TS RandomState with NumPy's signature; returns the shape and flat values. */
function run(rs: RandomState, code: string): { shape: number[]; data: ArrayLike<number> } {
  const { name, args, kwargs } = parseCall(code);
  const arg = (k: number, key: string, dflt?: PyValue): PyValue | undefined => (k < args.length ? args[k] : key in kwargs ? kwargs[key] : dflt);
  const sized = (shape: number[], fn: (n: number) => ArrayLike<number>) => ({ shape, data: fn(shape.reduce((a, b) => a * b, 1)) });
  const twoParam = (a: PyValue, b: PyValue, size: PyValue | undefined, fn: (x: number | number[], y: number | number[], n: number) => ArrayLike<number>) => {
    if (!Array.isArray(a) && !Array.isArray(b)) return sized(shapeOf(size), (n) => fn(f(a), f(b), n));
    const bc = broadcastFlat([a, b], size === undefined || size === null ? undefined : shapeOf(size));
    return sized(bc.shape, (n) => fn(bc.data[0], bc.data[1], n));
  };
  switch (name) {
    case 'standard_normal':
      return sized(shapeOf(arg(0, 'size')), (n) => rs.standardNormal(n));
    case 'randn':
      return sized(args.map(Number), (n) => rs.standardNormal(n));
    case 'rand':
      return sized(args.map(Number), (n) => rs.randomSample(n));
    case 'random_sample':
    case 'random':
      return sized(shapeOf(arg(0, 'size')), (n) => rs.randomSample(n));
    case 'uniform':
      return twoParam(arg(0, 'low', 0) as PyValue, arg(1, 'high', 1) as PyValue, arg(2, 'size'), (a, b, n) => rs.uniform(a, b, n));
    case 'normal':
      return twoParam(arg(0, 'loc', 0) as PyValue, arg(1, 'scale', 1) as PyValue, arg(2, 'size'), (a, b, n) => rs.normal(a, b, n));
    case 'standard_exponential':
      return sized(shapeOf(arg(0, 'size')), (n) => rs.standardExponential(n));
    case 'exponential':
      return sized(shapeOf(arg(1, 'size')), (n) => rs.exponential(f(arg(0, 'scale', 1) as PyValue), n));
    case 'randint': {
      let low = arg(0, 'low') as PyValue;
      let high = arg(1, 'high', null) as PyValue;
      if (high === null) [low, high] = [0n, low];
      const dtype = (arg(3, 'dtype', 'int64') as string).replace(/^bool_?$/, 'bool') as BoundedIntType;
      const size = arg(2, 'size');
      if (!Array.isArray(low) && !Array.isArray(high)) {
        return sized(shapeOf(size), (n) => rs.randint(low as bigint, high as bigint, n, dtype));
      }
      const lows = flat(low) as bigint[];
      const highs = flat(high) as bigint[];
      assert.equal(lows.length, highs.length, 'the fixtures only broadcast same-length bounds');
      return { shape: [lows.length], data: rs.randintExact(lows, highs, lows.length, dtype).map(Number) };
    }
    case 'permutation':
      return { shape: [f(args[0])], data: rs.permutation(f(args[0])) };
    case 'choice': {
      const size = arg(1, 'size');
      const p = arg(3, 'p', null);
      const shape = shapeOf(size);
      const n = shape.reduce((a, b) => a * b, 1);
      return { shape, data: rs.choice(f(args[0]), n, arg(2, 'replace', true) as boolean, p === null ? null : (p as PyValue[]).map(f)) };
    }
    case 'bytes': {
      const b = rs.bytes(f(args[0]));
      return { shape: [b.length], data: b };
    }
    default:
      throw new Error(`no TS replay for rs.${name}`);
  }
}

function seedOf(seed: number | number[]): number | number[] {
  return seed;
}

/** numpy_rng.json's tolerance: 1e-12 relative (the draws themselves come out bit for bit). */
function assertMatches(actual: { shape: number[]; data: ArrayLike<number> }, expected: Expected, what: string): void {
  assert.deepEqual(actual.shape, expected.shape, `${what}: shape`);
  assert.equal(actual.data.length, expected.data.length, `${what}: length`);
  for (let i = 0; i < expected.data.length; i++) {
    const e = expected.data[i];
    const a = actual.data[i];
    assert.ok(Math.abs(a - e) <= 1e-12 * Math.abs(e), `${what}[${i}]: expected ${e}, got ${a}`);
  }
}

function replayCase(c: DrawCase): void {
  const rs = new RandomState(seedOf(c.seed));
  if (c.code !== undefined) {
    assertMatches(run(rs, c.code), c.out!, `${JSON.stringify(c.seed)}: ${c.code}`);
  } else {
    c.sequence!.forEach((code, k) => assertMatches(run(rs, code), c.outs![k], `${JSON.stringify(c.seed)}: ${code} (call ${k + 1})`));
  }
}

describe('numpy legacy RandomState (TS API)', () => {
  describe('numpy_rng.json (real NumPy, RandomState cases)', () => {
    const cases = fixture('numpy_rng.json');
    it('has the RandomState cases', () => assert.ok(cases.length >= 24, `only ${cases.length} cases`));
    for (const c of cases) it(`RandomState(${JSON.stringify(c.seed)}).${c.code!.slice(3)}`, () => replayCase(c));
  });

  describe('numpy_legacy_extra.json (NumPy 2.4.6)', () => {
    const cases = fixture('numpy_legacy_extra.json');
    for (const c of cases) {
      const label = c.code ?? c.sequence!.join('; ');
      it(`RandomState(${JSON.stringify(c.seed).slice(0, 30)}): ${label}`, () => replayCase(c));
    }
  });

  describe('seeding', () => {
    it('rejects seeds outside [0, 2**32) and empty arrays with NumPy\'s messages', () => {
      assert.throws(() => new RandomState(-1), { name: 'ValueError', message: 'Seed must be between 0 and 2**32 - 1' });
      assert.throws(() => new RandomState(2 ** 32), { message: 'Seed must be between 0 and 2**32 - 1' });
      assert.throws(() => new RandomState([1, 2 ** 32]), { message: 'Seed must be between 0 and 2**32 - 1' });
      assert.throws(() => new RandomState([]), { message: 'Seed must be non-empty' });
    });

    it('reseeding restarts the stream and drops the cached normal', () => {
      const rs = new RandomState(4);
      const first = Array.from(rs.standardNormal(3)); // odd count: one normal stays cached
      rs.seed(4);
      assert.deepEqual(Array.from(rs.standardNormal(3)), first);
      assert.equal(rs.getState().hasGauss, true);
      rs.seed(4);
      assert.equal(rs.getState().hasGauss, false);
    });

    it('an unseeded generator differs from run to run but is a valid state', () => {
      const a = new RandomState();
      const b = new RandomState(null);
      assert.equal(a.getState().key[0], 0x80000000);
      assert.notDeepEqual(Array.from(a.randomSample(4)), Array.from(b.randomSample(4)));
      assert.ok(globalRandomState instanceof RandomState);
    });
  });

  describe('state', () => {
    it('get_state/set_state round-trips mid-stream, cached normal included', () => {
      const rs = new RandomState(9);
      rs.standardNormal(5);
      rs.randomSample(700); // past one regeneration of the key
      const st = rs.getState();
      const expected = Array.from(rs.standardNormal(7));
      const other = new RandomState(1);
      other.setState(st);
      assert.deepEqual(Array.from(other.standardNormal(7)), expected);
    });

    it('matches NumPy\'s state after RandomState(0).standard_normal(1)', () => {
      const rs = new RandomState(0);
      rs.standardNormal(1);
      const st = rs.getState();
      // From NumPy 2.4.6: get_state() -> ('MT19937', key, 4, 1, 0.4001572083672233)
      assert.equal(st.pos, 4);
      assert.equal(st.hasGauss, true);
      assert.equal(st.gauss, 0.4001572083672233);
      assert.equal(st.key[0], 2443250962);
      assert.equal(st.key[623], 1678096082);
    });

    it('rejects a key of the wrong length', () => {
      assert.throws(() => new RandomState(0).setState({ key: [1, 2], pos: 0 }), { message: 'state must be 624 elements' });
    });
  });

  describe('errors', () => {
    const rs = new RandomState(0);
    it('randint bounds', () => {
      assert.throws(() => rs.randint(0, 0, 1), { name: 'ValueError', message: 'high <= 0' });
      assert.throws(() => rs.randint(5, 3, 1), { message: 'low >= high' });
      assert.throws(() => rs.randint(0, 300, 1, 'int8'), { message: 'high is out of bounds for int8' });
      assert.throws(() => rs.randint(-(2n ** 63n) - 1n, 0, 1), { message: 'low is out of bounds for int64' });
      assert.equal(rs.randint(5, 3, 0).length, 0, 'an empty size never looks at the bounds');
    });
    it('distribution parameters', () => {
      assert.throws(() => rs.normal(0, -1, 2), { name: 'ValueError', message: 'scale < 0' });
      assert.throws(() => rs.uniform(0, Infinity, 2), { message: 'Range exceeds valid bounds' });
      assert.throws(() => rs.standardNormal(-1), { message: 'negative dimensions are not allowed' });
    });
    it('choice', () => {
      assert.throws(() => rs.choice(0, 1), { message: 'a must be greater than 0 unless no samples are taken' });
      assert.throws(() => rs.choice(5, 6, false), { message: "Cannot take a larger sample than population when 'replace=False'" });
      assert.throws(() => rs.choice(5, 1, true, [0.5, 0.5]), { message: "'a' and 'p' must have same size" });
      assert.throws(() => rs.choice(2, 1, true, [0.6, 0.6]), { message: 'probabilities do not sum to 1' });
      assert.throws(() => rs.choice(2, 1, true, [1.5, -0.5]), { message: 'probabilities are not non-negative' });
      assert.throws(() => rs.choice(2, 1, true, [NaN, 1]), { message: 'probabilities contain NaN' });
      assert.throws(() => rs.choice(3, 3, false, [0.5, 0.5, 0]), { message: 'Fewer non-zero entries in p than size' });
    });
  });

  it('draws in bulk match NumPy bit for bit (checksums of 100000 values from NumPy 2.4.6)', () => {
    const rs = new RandomState(2024);
    const normals = rs.standardNormal(100001);
    const uniforms = rs.uniform(-2, 3, 100000);
    const ints = rs.randint(0, 1000, 100000);
    // Exact sums in a fixed order are as good as a hash here: any differing draw moves them.
    let s1 = 0;
    for (const v of normals) s1 += v;
    let s2 = 0;
    for (const v of uniforms) s2 += v;
    let s3 = 0;
    for (const v of ints) s3 += v;
    assert.deepEqual([s1, s2, s3, normals[100000], uniforms[99999], ints[99999]], BULK_EXPECTED);
  });
});

/** From NumPy 2.4.6: the same calls, summed left to right with Python floats. */
const BULK_EXPECTED = [363.8348835156225, 49860.4995349162, 49946336, 0.5120749588754298, 2.8262580323672335, 407];
