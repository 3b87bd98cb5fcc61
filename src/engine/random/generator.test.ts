import { strict as assert } from 'assert';
import {
  DEFAULT_SEED,
  Generator,
  defaultGenerator,
  normalFill,
  normalTensorFill,
  randintFill,
  randomFill,
  randperm,
  uniformFill,
} from './generator';
import { fma, fmaf, glibcMath } from './libm';
import { readFixture } from '../../../test/paths';

// ---------------------------------------------------------------------------------------------
// Fixture: real PyTorch 2.11 CPU output for `torch.manual_seed(seed)` followed by one call or a
// sequence of calls sharing the generator.
// ---------------------------------------------------------------------------------------------

type FixtureDType = 'float32' | 'float64' | 'int64' | 'bool';

interface ExpectedTensor {
  shape: number[];
  dtype: FixtureDType;
  data: (number | string)[];
}

interface RngCase {
  seed: number;
  code?: string;
  out?: ExpectedTensor;
  sequence?: string[];
  outs?: ExpectedTensor[];
}

const fixture = JSON.parse(readFixture('rng.json')) as { cases: RngCase[] };

// ---------------------------------------------------------------------------------------------
// A small evaluator for the call forms the fixture uses:
//   torch.randn(2, 3, dtype=torch.float64)   torch.rand(100, 1) * 2 + 116
//   torch.randint(1, 31, (100, 1)).float()   torch.normal(0, 0.01, size=(2, 1))
//   torch.randperm(17)                        torch.empty(5).normal_(2.0, 3.0)
// ---------------------------------------------------------------------------------------------

type Literal = number | number[] | string;

interface Evaluated {
  shape: number[];
  dtype: 'float32' | 'float64' | 'int64';
  data: Float32Array | Float64Array;
}

/** Index of the parenthesis closing the one at `open`. */
function matchingParen(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '(') depth++;
    else if (s[i] === ')' && --depth === 0) return i;
  }
  throw new Error(`unbalanced parentheses in ${s}`);
}

function splitTopLevel(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '(') depth++;
    else if (s[i] === ')') depth--;
    else if (s[i] === ',' && depth === 0) {
      parts.push(s.slice(start, i).trim());
      start = i + 1;
    }
  }
  const last = s.slice(start).trim();
  if (last !== '') parts.push(last);
  return parts;
}

function parseLiteral(s: string): Literal {
  if (s.startsWith('(')) return splitTopLevel(s.slice(1, -1)).map(Number);
  if (/^-?[\d.]+(e[-+]?\d+)?$/.test(s)) return Number(s);
  return s;
}

interface ParsedArgs {
  positional: Literal[];
  keywords: Map<string, Literal>;
}

function parseArgs(s: string): ParsedArgs {
  const positional: Literal[] = [];
  const keywords = new Map<string, Literal>();
  for (const part of splitTopLevel(s)) {
    const kw = /^(\w+)=(.*)$/.exec(part);
    if (kw) keywords.set(kw[1], parseLiteral(kw[2]));
    else positional.push(parseLiteral(part));
  }
  return { positional, keywords };
}

function asNumber(v: Literal | undefined, what: string): number {
  if (typeof v !== 'number') throw new Error(`expected a number for ${what}, got ${String(v)}`);
  return v;
}

function asShape(v: Literal | undefined): number[] {
  if (!Array.isArray(v)) throw new Error(`expected a size tuple, got ${String(v)}`);
  return v;
}

function floatDType(keywords: Map<string, Literal>): 'float32' | 'float64' {
  const d = keywords.get('dtype');
  if (d === undefined || d === 'torch.float32') return 'float32';
  if (d === 'torch.float64') return 'float64';
  throw new Error(`unsupported dtype ${String(d)}`);
}

function allocFloat(dtype: 'float32' | 'float64', n: number): Float32Array | Float64Array {
  return dtype === 'float32' ? new Float32Array(n) : new Float64Array(n);
}

const numel = (shape: number[]): number => shape.reduce((a, b) => a * b, 1);

function evaluateCreator(gen: Generator, name: string, args: ParsedArgs): Evaluated {
  const { positional, keywords } = args;
  switch (name) {
    case 'randn':
    case 'rand':
    case 'empty': {
      const shape = positional.map((v) => asNumber(v, 'size'));
      const dtype = floatDType(keywords);
      const data = allocFloat(dtype, numel(shape));
      if (name === 'randn') normalFill(gen, data, dtype);
      else if (name === 'rand') uniformFill(gen, data, dtype);
      return { shape, dtype, data };
    }
    case 'randint': {
      const shape = asShape(positional[2] ?? keywords.get('size'));
      const data = new Float64Array(numel(shape));
      randintFill(gen, data, asNumber(positional[0], 'low'), asNumber(positional[1], 'high'));
      return { shape, dtype: 'int64', data };
    }
    case 'normal': {
      const shape = asShape(positional[2] ?? keywords.get('size'));
      const dtype = floatDType(keywords);
      const data = allocFloat(dtype, numel(shape));
      normalFill(gen, data, dtype, asNumber(positional[0], 'mean'), asNumber(positional[1], 'std'));
      return { shape, dtype, data };
    }
    case 'randperm': {
      const n = asNumber(positional[0], 'n');
      return { shape: [n], dtype: 'int64', data: randperm(gen, n) };
    }
    default:
      throw new Error(`unsupported torch.${name}`);
  }
}

function applyMethod(gen: Generator, t: Evaluated, name: string, args: ParsedArgs): Evaluated {
  const nums = args.positional.map((v) => asNumber(v, name));
  switch (name) {
    case 'uniform_':
    case 'normal_': {
      if (t.dtype === 'int64') throw new Error(`${name} on an integer tensor`);
      if (name === 'uniform_') uniformFill(gen, t.data, t.dtype, nums[0] ?? 0, nums[1] ?? 1);
      else normalFill(gen, t.data, t.dtype, nums[0] ?? 0, nums[1] ?? 1);
      return t;
    }
    case 'float':
      return { shape: t.shape, dtype: 'float32', data: Float32Array.from(t.data) };
    default:
      throw new Error(`unsupported method .${name}()`);
  }
}

/** `tensor op scalar` for a float tensor: the Python scalar joins in the tensor's precision. */
function applyScalar(t: Evaluated, op: string, k: number): Evaluated {
  if (t.dtype === 'int64') throw new Error('scalar arithmetic on int64 is not used by the fixture');
  const round = t.dtype === 'float32' ? Math.fround : (v: number) => v;
  const kk = round(k);
  const data = allocFloat(t.dtype, t.data.length);
  for (let i = 0; i < data.length; i++) data[i] = round(op === '*' ? t.data[i] * kk : t.data[i] + kk);
  return { shape: t.shape, dtype: t.dtype, data };
}

function evaluate(gen: Generator, code: string): Evaluated {
  const head = /^torch\.(\w+)\(/.exec(code);
  if (!head) throw new Error(`cannot parse ${code}`);
  let close = matchingParen(code, head[0].length - 1);
  let t = evaluateCreator(gen, head[1], parseArgs(code.slice(head[0].length, close)));
  let rest = code.slice(close + 1);
  for (let m = /^\.(\w+)\(/.exec(rest); m; m = /^\.(\w+)\(/.exec(rest)) {
    close = matchingParen(rest, m[0].length - 1);
    t = applyMethod(gen, t, m[1], parseArgs(rest.slice(m[0].length, close)));
    rest = rest.slice(close + 1);
  }
  for (let m = /^ ([*+]) (-?[\d.]+)/.exec(rest); m; m = /^ ([*+]) (-?[\d.]+)/.exec(rest)) {
    t = applyScalar(t, m[1], Number(m[2]));
    rest = rest.slice(m[0].length);
  }
  if (rest !== '') throw new Error(`unparsed tail "${rest}" in ${code}`);
  return t;
}

function expectedValue(v: number | string): number {
  if (typeof v === 'number') return v;
  if (v === 'nan') return NaN;
  if (v === 'inf') return Infinity;
  if (v === '-inf') return -Infinity;
  throw new Error(`bad fixture value ${v}`);
}

function assertSameTensor(actual: Evaluated, expected: ExpectedTensor, code: string): void {
  assert.deepEqual(actual.shape, expected.shape, `${code}: shape`);
  assert.equal(actual.dtype, expected.dtype, `${code}: dtype`);
  assert.equal(actual.data.length, expected.data.length, `${code}: numel`);
  for (let i = 0; i < expected.data.length; i++) {
    const e = expectedValue(expected.data[i]);
    if (expected.dtype === 'float32') assert.ok(Object.is(Math.fround(e), e), `${code}: fixture value ${e} is not a float32`);
    const a = actual.data[i];
    if (!Object.is(a, e)) assert.fail(`${code}: element ${i} is ${a}, PyTorch gives ${e}`);
  }
}

describe('random: bit-exact replay of PyTorch 2.11 CPU generator (test/fixtures/rng.json)', () => {
  it('covers every fixture case', () => {
    assert.equal(fixture.cases.length, 428);
  });

  for (const c of fixture.cases) {
    const calls = c.sequence ?? [c.code ?? ''];
    const outs = c.outs ?? (c.out ? [c.out] : []);
    it(`manual_seed(${c.seed}); ${calls.join('; ')}`, () => {
      assert.equal(calls.length, outs.length);
      const gen = new Generator(c.seed);
      calls.forEach((code, i) => assertSameTensor(evaluate(gen, code), outs[i], code));
    });
  }
});

// ---------------------------------------------------------------------------------------------
// The generator itself.
// ---------------------------------------------------------------------------------------------

describe('random: Generator', () => {
  it('is a standard mt19937 (10000th output for seed 5489 is 4123659995)', () => {
    const g = new Generator(5489);
    let v = 0;
    for (let i = 0; i < 10000; i++) v = g.nextUint32();
    assert.equal(v, 4123659995);
  });

  it('defaults to PyTorch seed 67280421310721', () => {
    assert.equal(new Generator().initialSeed(), 67280421310721n);
    assert.equal(DEFAULT_SEED, 67280421310721n);
    assert.equal(defaultGenerator.initialSeed() >= 0n, true);
  });

  it('builds random64 from two draws, the first as the high word', () => {
    const a = new Generator(123);
    const b = new Generator(123);
    const hi = b.nextUint32();
    const lo = b.nextUint32();
    assert.equal(a.nextUint64(), (BigInt(hi) << 32n) | BigInt(lo));
  });

  it('wraps negative seeds into uint64 and keys mt19937 on the low 32 bits', () => {
    assert.equal(new Generator(-1).initialSeed(), (1n << 64n) - 1n);
    const a = new Generator((5n << 32n) + 7n);
    const b = new Generator(7);
    for (let i = 0; i < 5; i++) assert.equal(a.nextUint32(), b.nextUint32());
    assert.throws(() => new Generator(1n << 64n), RangeError);
    assert.throws(() => new Generator(1.5), RangeError);
  });

  it('keeps the scalar Box–Muller second sample across calls until manualSeed', () => {
    const g = new Generator(0);
    const one = new Float32Array(1);
    normalFill(g, one, 'float32');
    const next = new Float32Array(1);
    normalFill(g, next, 'float32'); // served from the cache: no draw
    const fresh = new Float32Array(2);
    normalFill(new Generator(0), fresh, 'float32');
    assert.deepEqual([one[0], next[0]], [fresh[0], fresh[1]]);

    g.manualSeed(0);
    normalFill(g, one, 'float32');
    normalFill(g.manualSeed(0), next, 'float32'); // reseeding dropped the cached sample
    assert.equal(next[0], one[0]);
  });

  it('restores the full state, cached normal included, through getState/setState', () => {
    const g = new Generator(42);
    const tmp = new Float64Array(3);
    normalFill(g, tmp, 'float64'); // leaves a cached sample
    const saved = g.getState();
    const first = new Float64Array(40);
    normalFill(g, tmp, 'float64');
    uniformFill(g, first, 'float64');
    const h = new Generator(7);
    h.setState(saved);
    const again = new Float64Array(40);
    const tmp2 = new Float64Array(3);
    normalFill(h, tmp2, 'float64');
    uniformFill(h, again, 'float64');
    assert.deepEqual(tmp2, tmp);
    assert.deepEqual(again, first);
    assert.equal(h.initialSeed(), 42n);
    assert.throws(() => h.setState(new Uint8Array(10)), RangeError);
  });

  it('seed() reseeds non-deterministically with a 53-bit seed', () => {
    const g = new Generator(0);
    const s = g.seed();
    assert.equal(g.initialSeed(), s);
    assert.ok(s >= 0n && s < 1n << 53n);
    assert.equal(new Generator(s).nextUint32(), new Generator(s).nextUint32());
  });
});

// ---------------------------------------------------------------------------------------------
// The arithmetic underneath: exact fma and glibc's libm (values where V8's Math.* differs).
// ---------------------------------------------------------------------------------------------

describe('random: exact arithmetic', () => {
  it('fma rounds once', () => {
    const e = 2 ** -52;
    assert.equal(fma(1 + e, 1 - e, -1), -(2 ** -104));
    assert.equal(fma(0.1, 10, -1), 5.551115123125783e-17);
    assert.equal(fma(3, 5, 7), 22);
    // an exact tie at double precision, broken upwards by a tail 2^-80 that a plain a*b+c would lose
    assert.equal(fma(1 + 2 ** -30, 1 + 2 ** -23, 2 ** -80), 1 + 2 ** -23 + 2 ** -30 + 2 ** -52);
  });

  it('fmaf rounds float32 a*b+c once', () => {
    const a = Math.fround(1 + 2 ** -12);
    const b = Math.fround(1 + 2 ** -12);
    // exact a*b = 1 + 2^-11 + 2^-24 is a float32 tie; the -2^-60 tail breaks it downwards
    assert.equal(fmaf(a, b, -(2 ** -60)), Math.fround(1 + 2 ** -11));
    assert.equal(fmaf(a, b, 2 ** -60), Math.fround(1 + 2 ** -11 + 2 ** -23));
  });

  const pinned: Record<'log' | 'log1p' | 'sin' | 'cos', [number, number][]> = {
    log: [
      [0.4881783752997433, -0.7170744167610924],
      [0.17229740617955824, -1.7585331896558316],
      [0.696805170708355, -0.36124943282218774],
      [0.03632912715502912, -3.3151354584978923],
    ],
    log1p: [
      [-0.4032255184610195, -0.5162159898221514],
      [-0.04223143030229748, -0.04314910671155144],
      [-0.2096072329667661, -0.2352252836110559],
      [-0.29124881154154814, -0.3442507471042593],
    ],
    sin: [
      [0.929421561852132, 0.8012739968143333],
      [0.48433185299202997, 0.4656171625099162],
      [2.2606079302536704, 0.7713659227128734],
      [3.960403259856878, -0.7303338831294147],
    ],
    cos: [
      [3.725558292976942, -0.8342828130816875],
      [5.041402708247953, 0.3231098157389256],
      [5.507445005402515, 0.7139028372811776],
      [5.563887929001686, 0.7522688415877093],
    ],
  };
  for (const fn of ['log', 'log1p', 'sin', 'cos'] as const) {
    it(`glibc ${fn} matches libm where Math.${fn} does not`, () => {
      for (const [x, y] of pinned[fn]) {
        assert.equal(glibcMath[fn](x), y, `${fn}(${x})`);
        assert.notEqual(Math[fn](x), y);
      }
    });
  }

  it('glibc log/sin/cos handle special arguments', () => {
    assert.equal(glibcMath.log(1), 0);
    assert.equal(glibcMath.log(0), -Infinity);
    assert.ok(Number.isNaN(glibcMath.log(-1)));
    assert.equal(glibcMath.log(Math.E), 1);
    assert.equal(glibcMath.log(5e-324), -744.4400719213812);
    assert.equal(glibcMath.log1p(0), 0);
    assert.equal(glibcMath.log1p(-1), -Infinity);
    assert.equal(glibcMath.sin(0), 0);
    assert.equal(glibcMath.cos(0), 1);
  });
});

// ---------------------------------------------------------------------------------------------
// Forms the fixture does not exercise directly.
// ---------------------------------------------------------------------------------------------

describe('random: other sampling forms', () => {
  it('normal with a tensor mean adds it to N(0, std) draws', () => {
    const n = 40;
    const mean = Array.from({ length: n }, (_, i) => i * 0.25);
    const a = new Float32Array(n);
    normalTensorFill(new Generator(3), a, 'float32', mean, 0.5);
    const b = new Float32Array(n);
    normalFill(new Generator(3), b, 'float32', 0, 0.5);
    for (let i = 0; i < n; i++) assert.equal(a[i], Math.fround(b[i] + mean[i]));
  });

  it('normal with a tensor std multiplies N(0, 1) draws, then adds the mean', () => {
    const n = 20;
    const std = Array.from({ length: n }, (_, i) => 0.1 + i);
    const a = new Float64Array(n);
    normalTensorFill(new Generator(9), a, 'float64', 1.5, std);
    const b = new Float64Array(n);
    normalFill(new Generator(9), b, 'float64');
    for (let i = 0; i < n; i++) assert.equal(a[i], b[i] * std[i] + 1.5);
    assert.throws(() => normalTensorFill(new Generator(0), a, 'float64', 0, std.map((s) => -s)), RangeError);
  });

  it('uniform_(from, to) stays in [from, to) and draws like rand', () => {
    const a = new Float32Array(1000);
    uniformFill(new Generator(1), a, 'float32', -3, 5);
    const u = new Float32Array(1000);
    uniformFill(new Generator(1), u, 'float32');
    for (let i = 0; i < a.length; i++) {
      assert.ok(a[i] >= -3 && a[i] < 5);
      assert.equal(a[i], Math.fround(u[i] * 8 - 3));
    }
    assert.throws(() => uniformFill(new Generator(1), a, 'float32', 2, 1), RangeError);
  });

  it('random_() covers [0, 2^mantissa] for floats and [0, 2^63) for int64', () => {
    const f = new Float32Array(2000);
    randomFill(new Generator(5), f, 'float32');
    const g = new Generator(5);
    for (let i = 0; i < f.length; i++) assert.equal(f[i], Math.fround(g.nextUint32() % 16777217));
    const l = new Float64Array(100);
    randomFill(new Generator(5), l, 'int64');
    for (const v of l) assert.ok(Number.isInteger(v) && v >= 0 && v < 2 ** 63);
  });

  it('randint with a range of 2^32 or more uses 64-bit draws', () => {
    const out = new Float64Array(10);
    randintFill(new Generator(11), out, 0, 2 ** 40);
    const g = new Generator(11);
    for (const v of out) assert.equal(v, Number(g.nextUint64() % (1n << 40n)));
    const small = new Float64Array(10);
    randomFill(new Generator(11), small, 'int64', -5, 5);
    const h = new Generator(11);
    for (const v of small) assert.equal(v, -5 + (h.nextUint32() % 10));
  });

  it('randperm is a permutation for sizes the fixture does not list', () => {
    for (const n of [0, 1, 4, 1000]) {
      const p = randperm(new Generator(2), n);
      assert.deepEqual(Array.from(p).sort((x, y) => x - y), Array.from({ length: n }, (_, i) => i));
    }
  });

  it('randn of a million elements is fast enough for interactive use', () => {
    const g = new Generator(0);
    for (const dtype of ['float32', 'float64'] as const) {
      const out = dtype === 'float32' ? new Float32Array(1_000_000) : new Float64Array(1_000_000);
      const t0 = Date.now();
      normalFill(g, out, dtype);
      const ms = Date.now() - t0;
      assert.ok(ms < 3000, `randn(1e6, ${dtype}) took ${ms} ms`);
      let sum = 0;
      for (const v of out) sum += v;
      assert.ok(Math.abs(sum / out.length) < 0.01);
    }
  });
});
