import { strict as assert } from 'assert';
import type { DType } from '../dtype';
import {
  FormattableTensor,
  formatDType,
  formatExponential,
  formatFixed,
  formatPythonFloat,
  formatScalarItem,
  formatSize,
  formatTensor,
  printOptions,
  setPrintOptions,
} from './format';
import { readFixture } from '../../../test/paths';

interface ReprCase {
  code: string;
  repr?: string;
  str?: string;
  value?: string;
}

const fixture = JSON.parse(readFixture('repr.json')) as { cases: ReprCase[] };

// ---------------------------------------------------------------------------------------------
// Building tensors the way the engine stores them (float32 data really goes through a Float32Array,
// so the formatter sees exactly the rounded values PyTorch holds).
// ---------------------------------------------------------------------------------------------

function storage(dtype: DType, values: readonly number[]): ArrayLike<number> {
  return dtype === 'float32' ? Float32Array.from(values) : dtype === 'bool' ? Uint8Array.from(values) : Float64Array.from(values);
}

function tensor(
  shape: readonly number[],
  values: readonly number[],
  opts: { dtype?: DType; requiresGrad?: boolean; gradFn?: string } = {},
): FormattableTensor {
  const dtype = opts.dtype ?? 'float32';
  return { shape, dtype, values: storage(dtype, values), requiresGrad: opts.requiresGrad ?? opts.gradFn !== undefined, gradFnName: opts.gradFn ?? null };
}

const range = (n: number, f: (i: number) => number = (i) => i): number[] => Array.from({ length: n }, (_, i) => f(i));

// ---------------------------------------------------------------------------------------------
// A parser for the literal `torch.tensor(...)` forms used in the fixture, so those cases need no
// hand-copied inputs: nested lists of Python numbers/bools, float('nan'), optional dtype= and
// requires_grad= keywords.
// ---------------------------------------------------------------------------------------------

type Leaf = { value: number; kind: 'int' | 'float' | 'bool' };
type Literal = Leaf | Literal[];

function splitTopLevel(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '[' || ch === '(') depth++;
    else if (ch === ']' || ch === ')') depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(s.slice(start, i).trim());
      start = i + 1;
    }
  }
  const last = s.slice(start).trim();
  if (last !== '') parts.push(last);
  return parts;
}

function parseLiteral(src: string): Literal {
  const s = src.trim();
  if (s.startsWith('[')) {
    if (!s.endsWith(']')) throw new Error(`unbalanced list: ${s}`);
    return splitTopLevel(s.slice(1, -1)).map(parseLiteral);
  }
  if (s === 'True' || s === 'False') return { value: s === 'True' ? 1 : 0, kind: 'bool' };
  const special = /^(-?)float\('(nan|inf)'\)$/.exec(s);
  if (special) return { value: (special[1] === '-' ? -1 : 1) * (special[2] === 'nan' ? NaN : Infinity), kind: 'float' };
  if (!/^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) throw new Error(`not a literal: ${s}`);
  return { value: Number(s), kind: /[.e]/i.test(s) ? 'float' : 'int' };
}

function flatten(lit: Literal, shape: number[], depth: number, out: Leaf[]): void {
  if (!Array.isArray(lit)) {
    out.push(lit);
    return;
  }
  if (shape.length === depth) shape.push(lit.length);
  else if (shape[depth] !== lit.length) throw new Error('ragged literal');
  for (const x of lit) flatten(x, shape, depth + 1, out);
}

/** Parses `torch.tensor(<literal>[, dtype=torch.X][, requires_grad=True])`; null for anything else. */
function parseTensorCall(code: string): FormattableTensor | null {
  const m = /^torch\.tensor\((.*)\)$/s.exec(code);
  if (!m) return null;
  const [literal, ...kwargs] = splitTopLevel(m[1]);
  let dtype: DType | undefined;
  let requiresGrad = false;
  for (const kw of kwargs) {
    const d = /^dtype=torch\.(float32|float64|int64|bool)$/.exec(kw);
    if (d) dtype = d[1] as DType;
    else if (kw === 'requires_grad=True') requiresGrad = true;
    else return null;
  }
  let parsed: Literal;
  try {
    parsed = parseLiteral(literal);
  } catch {
    return null;
  }
  const shape: number[] = [];
  const leaves: Leaf[] = [];
  flatten(parsed, shape, 0, leaves);
  // torch.tensor infers bool only if every leaf is a bool, int64 if all are ints, else the default float.
  const inferred: DType =
    leaves.length > 0 && leaves.every((l) => l.kind === 'bool') ? 'bool' : leaves.length > 0 && leaves.every((l) => l.kind !== 'float') ? 'int64' : 'float32';
  return tensor(shape, leaves.map((l) => l.value), { dtype: dtype ?? inferred, requiresGrad });
}

// ---------------------------------------------------------------------------------------------
// Fixture cases that are not literal tensors: inputs (and, for autograd results, the values and
// grad_fn PyTorch computes) are written out here; the expected text always comes from the fixture.
// ---------------------------------------------------------------------------------------------

const f32 = Math.fround;

const computed: Record<string, () => string> = {
  'torch.tensor([4., 6., 8.]) / 3': () => formatTensor(tensor([3], [4, 6, 8].map((x) => f32(x / 3)))),
  'torch.zeros(2, 3)': () => formatTensor(tensor([2, 3], range(6, () => 0))),
  'torch.ones(2, 5)': () => formatTensor(tensor([2, 5], range(10, () => 1))),
  'torch.arange(2000.).reshape(2, 1000)': () => formatTensor(tensor([2, 1000], range(2000))),
  'torch.arange(1500.)': () => formatTensor(tensor([1500], range(1500))),
  'torch.arange(12.).reshape(2, 3, 2)': () => formatTensor(tensor([2, 3, 2], range(12))),
  'torch.linspace(0, 10, 5)': () => formatTensor(tensor([5], [0, 2.5, 5, 7.5, 10])),
  'torch.empty(0)': () => formatTensor(tensor([0], [])),
  'torch.tensor([1.5, 2.25]) * torch.tensor(2.0, requires_grad=True)': () => formatTensor(tensor([2], [3, 4.5], { gradFn: 'MulBackward0' })),
  'torch.tensor([1., 2.], requires_grad=True).sum()': () => formatTensor(tensor([], [3], { gradFn: 'SumBackward0' })),
  'torch.tensor([1., 2.], requires_grad=True).mean()': () => formatTensor(tensor([], [1.5], { gradFn: 'MeanBackward0' })),
  'torch.tensor([[1., 2.]], requires_grad=True) @ torch.tensor([[3.], [4.]])': () => formatTensor(tensor([1, 1], [11], { gradFn: 'MmBackward0' })),
  'torch.tensor([3.], requires_grad=True) ** 2': () => formatTensor(tensor([1], [9], { gradFn: 'PowBackward0' })),
  'torch.tensor([3.], requires_grad=True).detach()': () => formatTensor(tensor([1], [3])),
  'torch.tensor([3.], requires_grad=True).reshape(1, 1)': () => formatTensor(tensor([1, 1], [3], { gradFn: 'ViewBackward0' })),
  'torch.tensor(1.0, requires_grad=True) * 2 - 1': () => formatTensor(tensor([], [1], { gradFn: 'SubBackward0' })),
  'torch.tensor([[1.0], [2.0]]).shape': () => formatSize([2, 1]),
  'torch.tensor(5).shape': () => formatSize([]),
  'torch.tensor([1.0, 2.0]).dtype': () => formatDType('float32'),
  'torch.tensor([1.0, 2.0]).tolist()': () => pyList([1, 2], 'float32'),
  'torch.tensor([0.5, 0.3, 0.2, 0.8, -0.4]).tolist()': () => pyList([0.5, 0.3, 0.2, 0.8, -0.4].map(f32), 'float32'),
  'torch.tensor(0.3).item()': () => formatScalarItem(f32(0.3), 'float32'),
  // Tensor.__format__ on a 0-dim tensor formats `.item()` with the spec; otherwise it is str(tensor).
  "f'{torch.tensor(1.23456789):.4f}'": () => formatFixed(f32(1.23456789), 4),
  "f'{torch.norm(torch.tensor([3.0, 4.0])):.6f}'": () => formatFixed(5, 6),
  "f'{torch.tensor(2.0)}'": () => formatScalarItem(2, 'float32'),
  "f'{torch.tensor([1.0, 2.0])}'": () => formatTensor(tensor([2], [1, 2])),
  'str(torch.tensor([1.5]))': () => formatTensor(tensor([1], [1.5])),
  "f'{float(torch.tensor([0.25]).mean()):f}'": () => formatFixed(0.25, 6),
  'str(torch.tensor(1.0, requires_grad=True) * 3)': () => formatTensor(tensor([], [3], { gradFn: 'MulBackward0' })),
  "f'{torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)}'": () => formatTensor(tensor([2, 2], [1, 2, 3, 4], { requiresGrad: true })),
};

function pyList(values: readonly number[], dtype: DType): string {
  return '[' + values.map((v) => formatScalarItem(v, dtype)).join(', ') + ']';
}

/** Out of scope here: NumPy's array printing is separate work, and randn needs the RNG. */
function skipped(code: string): boolean {
  return code.endsWith('.numpy()') || code.startsWith('torch.randn(');
}

function render(code: string): string | null {
  const handler = computed[code];
  if (handler) return handler();
  const t = parseTensorCall(code);
  return t === null ? null : formatTensor(t);
}

describe('format: PyTorch repr fixture (test/fixtures/repr.json)', () => {
  afterEach(() => setPrintOptions({ profile: 'default' }));

  it('handles every fixture case that is in scope', () => {
    const unhandled = fixture.cases.filter((c) => !skipped(c.code) && render(c.code) === null).map((c) => c.code);
    assert.deepEqual(unhandled, []);
  });

  for (const c of fixture.cases) {
    if (skipped(c.code)) continue;
    it(c.code, () => {
      const got = render(c.code);
      if (c.value !== undefined) assert.equal(got, c.value);
      if (c.repr !== undefined) assert.equal(got, c.repr);
      if (c.str !== undefined) assert.equal(got, c.str); // repr(t) == str(t) for tensors
    });
  }
});

describe('format: tensors beyond the fixture', () => {
  afterEach(() => setPrintOptions({ profile: 'default' }));

  // Expected strings below were produced by running PyTorch 2.10/2.11's torch/_tensor_str.py
  // printing functions verbatim (over a NumPy-backed stand-in for the tensor ops), not by this code.

  it('summarises a 3-D int64 tensor in every dimension', () => {
    const expected = [
      'tensor([[[   0,    1,    2,  ...,   17,   18,   19],',
      '         [  20,   21,   22,  ...,   37,   38,   39],',
      '         [  40,   41,   42,  ...,   57,   58,   59],',
      '         ...,',
      '         [ 140,  141,  142,  ...,  157,  158,  159],',
      '         [ 160,  161,  162,  ...,  177,  178,  179],',
      '         [ 180,  181,  182,  ...,  197,  198,  199]],',
      '',
      '        [[ 200,  201,  202,  ...,  217,  218,  219],',
      '         [ 220,  221,  222,  ...,  237,  238,  239],',
      '         [ 240,  241,  242,  ...,  257,  258,  259],',
      '         ...,',
      '         [ 340,  341,  342,  ...,  357,  358,  359],',
      '         [ 360,  361,  362,  ...,  377,  378,  379],',
      '         [ 380,  381,  382,  ...,  397,  398,  399]],',
      '',
      '        [[ 400,  401,  402,  ...,  417,  418,  419],',
      '         [ 420,  421,  422,  ...,  437,  438,  439],',
      '         [ 440,  441,  442,  ...,  457,  458,  459],',
      '         ...,',
      '         [ 540,  541,  542,  ...,  557,  558,  559],',
      '         [ 560,  561,  562,  ...,  577,  578,  579],',
      '         [ 580,  581,  582,  ...,  597,  598,  599]],',
      '',
      '        ...,',
      '',
      '        [[1400, 1401, 1402,  ..., 1417, 1418, 1419],',
      '         [1420, 1421, 1422,  ..., 1437, 1438, 1439],',
      '         [1440, 1441, 1442,  ..., 1457, 1458, 1459],',
      '         ...,',
      '         [1540, 1541, 1542,  ..., 1557, 1558, 1559],',
      '         [1560, 1561, 1562,  ..., 1577, 1578, 1579],',
      '         [1580, 1581, 1582,  ..., 1597, 1598, 1599]],',
      '',
      '        [[1600, 1601, 1602,  ..., 1617, 1618, 1619],',
      '         [1620, 1621, 1622,  ..., 1637, 1638, 1639],',
      '         [1640, 1641, 1642,  ..., 1657, 1658, 1659],',
      '         ...,',
      '         [1740, 1741, 1742,  ..., 1757, 1758, 1759],',
      '         [1760, 1761, 1762,  ..., 1777, 1778, 1779],',
      '         [1780, 1781, 1782,  ..., 1797, 1798, 1799]],',
      '',
      '        [[1800, 1801, 1802,  ..., 1817, 1818, 1819],',
      '         [1820, 1821, 1822,  ..., 1837, 1838, 1839],',
      '         [1840, 1841, 1842,  ..., 1857, 1858, 1859],',
      '         ...,',
      '         [1940, 1941, 1942,  ..., 1957, 1958, 1959],',
      '         [1960, 1961, 1962,  ..., 1977, 1978, 1979],',
      '         [1980, 1981, 1982,  ..., 1997, 1998, 1999]]])',].join('\n');
    assert.equal(formatTensor(tensor([10, 10, 20], range(2000), { dtype: 'int64' })), expected);
  });

  it('summarises a 3-D float tensor, wrapping the summarised rows (sci mode from the shown values)', () => {
    const expected = [
      'tensor([[[0.0000e+00, 1.0000e+00, 2.0000e+00,  ..., 8.0000e+00,',
      '          9.0000e+00, 1.0000e+01],',
      '         [1.1000e+01, 1.2000e+01, 1.3000e+01,  ..., 1.9000e+01,',
      '          2.0000e+01, 2.1000e+01],',
      '         [2.2000e+01, 2.3000e+01, 2.4000e+01,  ..., 3.0000e+01,',
      '          3.1000e+01, 3.2000e+01],',
      '         ...,',
      '         [8.8000e+01, 8.9000e+01, 9.0000e+01,  ..., 9.6000e+01,',
      '          9.7000e+01, 9.8000e+01],',
      '         [9.9000e+01, 1.0000e+02, 1.0100e+02,  ..., 1.0700e+02,',
      '          1.0800e+02, 1.0900e+02],',
      '         [1.1000e+02, 1.1100e+02, 1.1200e+02,  ..., 1.1800e+02,',
      '          1.1900e+02, 1.2000e+02]],',
      '',
      '        [[1.2100e+02, 1.2200e+02, 1.2300e+02,  ..., 1.2900e+02,',
      '          1.3000e+02, 1.3100e+02],',
      '         [1.3200e+02, 1.3300e+02, 1.3400e+02,  ..., 1.4000e+02,',
      '          1.4100e+02, 1.4200e+02],',
      '         [1.4300e+02, 1.4400e+02, 1.4500e+02,  ..., 1.5100e+02,',
      '          1.5200e+02, 1.5300e+02],',
      '         ...,',
      '         [2.0900e+02, 2.1000e+02, 2.1100e+02,  ..., 2.1700e+02,',
      '          2.1800e+02, 2.1900e+02],',
      '         [2.2000e+02, 2.2100e+02, 2.2200e+02,  ..., 2.2800e+02,',
      '          2.2900e+02, 2.3000e+02],',
      '         [2.3100e+02, 2.3200e+02, 2.3300e+02,  ..., 2.3900e+02,',
      '          2.4000e+02, 2.4100e+02]],',
      '',
      '        [[2.4200e+02, 2.4300e+02, 2.4400e+02,  ..., 2.5000e+02,',
      '          2.5100e+02, 2.5200e+02],',
      '         [2.5300e+02, 2.5400e+02, 2.5500e+02,  ..., 2.6100e+02,',
      '          2.6200e+02, 2.6300e+02],',
      '         [2.6400e+02, 2.6500e+02, 2.6600e+02,  ..., 2.7200e+02,',
      '          2.7300e+02, 2.7400e+02],',
      '         ...,',
      '         [3.3000e+02, 3.3100e+02, 3.3200e+02,  ..., 3.3800e+02,',
      '          3.3900e+02, 3.4000e+02],',
      '         [3.4100e+02, 3.4200e+02, 3.4300e+02,  ..., 3.4900e+02,',
      '          3.5000e+02, 3.5100e+02],',
      '         [3.5200e+02, 3.5300e+02, 3.5400e+02,  ..., 3.6000e+02,',
      '          3.6100e+02, 3.6200e+02]],',
      '',
      '        ...,',
      '',
      '        [[9.6800e+02, 9.6900e+02, 9.7000e+02,  ..., 9.7600e+02,',
      '          9.7700e+02, 9.7800e+02],',
      '         [9.7900e+02, 9.8000e+02, 9.8100e+02,  ..., 9.8700e+02,',
      '          9.8800e+02, 9.8900e+02],',
      '         [9.9000e+02, 9.9100e+02, 9.9200e+02,  ..., 9.9800e+02,',
      '          9.9900e+02, 1.0000e+03],',
      '         ...,',
      '         [1.0560e+03, 1.0570e+03, 1.0580e+03,  ..., 1.0640e+03,',
      '          1.0650e+03, 1.0660e+03],',
      '         [1.0670e+03, 1.0680e+03, 1.0690e+03,  ..., 1.0750e+03,',
      '          1.0760e+03, 1.0770e+03],',
      '         [1.0780e+03, 1.0790e+03, 1.0800e+03,  ..., 1.0860e+03,',
      '          1.0870e+03, 1.0880e+03]],',
      '',
      '        [[1.0890e+03, 1.0900e+03, 1.0910e+03,  ..., 1.0970e+03,',
      '          1.0980e+03, 1.0990e+03],',
      '         [1.1000e+03, 1.1010e+03, 1.1020e+03,  ..., 1.1080e+03,',
      '          1.1090e+03, 1.1100e+03],',
      '         [1.1110e+03, 1.1120e+03, 1.1130e+03,  ..., 1.1190e+03,',
      '          1.1200e+03, 1.1210e+03],',
      '         ...,',
      '         [1.1770e+03, 1.1780e+03, 1.1790e+03,  ..., 1.1850e+03,',
      '          1.1860e+03, 1.1870e+03],',
      '         [1.1880e+03, 1.1890e+03, 1.1900e+03,  ..., 1.1960e+03,',
      '          1.1970e+03, 1.1980e+03],',
      '         [1.1990e+03, 1.2000e+03, 1.2010e+03,  ..., 1.2070e+03,',
      '          1.2080e+03, 1.2090e+03]],',
      '',
      '        [[1.2100e+03, 1.2110e+03, 1.2120e+03,  ..., 1.2180e+03,',
      '          1.2190e+03, 1.2200e+03],',
      '         [1.2210e+03, 1.2220e+03, 1.2230e+03,  ..., 1.2290e+03,',
      '          1.2300e+03, 1.2310e+03],',
      '         [1.2320e+03, 1.2330e+03, 1.2340e+03,  ..., 1.2400e+03,',
      '          1.2410e+03, 1.2420e+03],',
      '         ...,',
      '         [1.2980e+03, 1.2990e+03, 1.3000e+03,  ..., 1.3060e+03,',
      '          1.3070e+03, 1.3080e+03],',
      '         [1.3090e+03, 1.3100e+03, 1.3110e+03,  ..., 1.3170e+03,',
      '          1.3180e+03, 1.3190e+03],',
      '         [1.3200e+03, 1.3210e+03, 1.3220e+03,  ..., 1.3280e+03,',
      '          1.3290e+03, 1.3300e+03]]])',].join('\n');
    assert.equal(formatTensor(tensor([11, 11, 11], range(1331))), expected);
  });

  it('measures only the summarised elements (a hidden huge value does not force sci mode)', () => {
    const values = range(1001, (i) => (i === 500 ? 1e9 : 1));
    assert.equal(formatTensor(tensor([1001], values)), 'tensor([1., 1., 1.,  ..., 1., 1., 1.])');
  });

  it('float64 sci mode with dtype suffix', () => {
    assert.equal(formatTensor(tensor([3], [1e-8, 1, 12345.678], { dtype: 'float64' })), 'tensor([1.0000e-08, 1.0000e+00, 1.2346e+04], dtype=torch.float64)');
    assert.equal(formatTensor(tensor([], [1e-5], { dtype: 'float64' })), 'tensor(1.0000e-05, dtype=torch.float64)');
  });

  it('int64 with negatives, right-aligned', () => {
    assert.equal(formatTensor(tensor([2, 3], [-1, 0, 100, -1000, 5, 7], { dtype: 'int64' })), 'tensor([[   -1,     0,   100],\n        [-1000,     5,     7]])');
  });

  it('very large and very small values together use sci mode (zero included)', () => {
    assert.equal(formatTensor(tensor([4], [1e10, 1e-10, -3.5, 0])), 'tensor([ 1.0000e+10,  1.0000e-10, -3.5000e+00,  0.0000e+00])');
  });

  it('wraps a 1-D tensor of 30 floats and keeps a short suffix on the last line', () => {
    const body = [
      'tensor([0.0000, 0.1429, 0.2857, 0.4286, 0.5714, 0.7143, 0.8571, 1.0000, 1.1429,',
      '        1.2857, 1.4286, 1.5714, 1.7143, 1.8571, 2.0000, 2.1429, 2.2857, 2.4286,',
      '        2.5714, 2.7143, 2.8571, 3.0000, 3.1429, 3.2857, 3.4286, 3.5714, 3.7143,',
      '        3.8571, 4.0000, 4.1429]',
    ].join('\n');
    const values = range(30, (i) => f32(i / 7));
    assert.equal(formatTensor(tensor([30], values)), body + ')');
    assert.equal(formatTensor(tensor([30], values, { requiresGrad: true })), body + ', requires_grad=True)');
  });

  it('moves a suffix to its own line when the last line would overflow', () => {
    const expected = [
      'tensor([ 0.0000,  1.5000,  3.0000,  4.5000,  6.0000,  7.5000,  9.0000, 10.5000,',
      '        12.0000, 13.5000, 15.0000, 16.5000], dtype=torch.float64,',
      '       grad_fn=<MulBackward0>)',
    ].join('\n');
    assert.equal(formatTensor(tensor([12], range(12, (i) => i * 1.5), { dtype: 'float64', gradFn: 'MulBackward0' })), expected);
  });

  it('set_printoptions(precision=2) rounds half to even like Python', () => {
    setPrintOptions({ precision: 2 });
    assert.equal(formatTensor(tensor([3], [1.12345, 2.5, -0.125])), 'tensor([ 1.12,  2.50, -0.12])');
  });

  it("profile='short' (precision 2, edgeitems 2) with summarisation", () => {
    setPrintOptions({ profile: 'short' });
    assert.equal(formatTensor(tensor([2000], range(2000, (i) => f32(i / 3)))), 'tensor([0.00e+00, 3.33e-01,  ..., 6.66e+02, 6.66e+02])');
  });

  it('threshold=5 summarises a small int tensor', () => {
    setPrintOptions({ threshold: 5 });
    assert.equal(formatTensor(tensor([10], range(10), { dtype: 'int64' })), 'tensor([0, 1, 2,  ..., 7, 8, 9])');
  });

  it('edgeitems=0 prints only an ellipsis and the size', () => {
    setPrintOptions({ edgeitems: 0 });
    assert.equal(formatTensor(tensor([3, 400], range(1200, () => 0.5))), 'tensor([...], size=(3, 400))');
  });

  it('sci_mode forces or suppresses scientific notation, except for tensors without finite non-zeros', () => {
    setPrintOptions({ sciMode: false });
    assert.equal(formatTensor(tensor([2], [1e-5, 1])), 'tensor([0.0000, 1.0000])');
    setPrintOptions({ sciMode: true });
    assert.equal(formatTensor(tensor([2], [1, 2])), 'tensor([1.0000e+00, 2.0000e+00])');
    assert.equal(formatTensor(tensor([3], [0, NaN, -Infinity])), 'tensor([0., nan, -inf])');
  });

  it('setPrintOptions resets sciMode when not given, like torch.set_printoptions', () => {
    setPrintOptions({ sciMode: true, precision: 3 });
    setPrintOptions({ linewidth: 100 });
    assert.deepEqual({ ...printOptions }, { precision: 3, threshold: 1000, edgeitems: 3, linewidth: 100, sciMode: null });
    setPrintOptions({ profile: 'full' });
    assert.equal(printOptions.threshold, Infinity);
    assert.equal(formatTensor(tensor([2000], range(2000, () => 1))).includes('...'), false);
  });

  it('empty tensors carry size and any non-float32 dtype', () => {
    assert.equal(formatTensor(tensor([0], [], { dtype: 'int64' })), 'tensor([], dtype=torch.int64)');
    assert.equal(formatTensor(tensor([2, 0, 3], [], { dtype: 'bool' })), 'tensor([], size=(2, 0, 3), dtype=torch.bool)');
    assert.equal(formatTensor(tensor([0], [], { dtype: 'float64' })), 'tensor([], dtype=torch.float64)');
  });

  it('bool and int64 scalars and matrices', () => {
    assert.equal(formatTensor(tensor([2, 2], [1, 0, 0, 1], { dtype: 'bool' })), 'tensor([[ True, False],\n        [False,  True]])');
    assert.equal(formatTensor(tensor([], [5], { dtype: 'int64' })), 'tensor(5)');
    assert.equal(formatTensor(tensor([], [1], { dtype: 'bool' })), 'tensor(True)');
  });

  it('separates 4-D blocks with two blank lines', () => {
    assert.equal(
      formatTensor(tensor([2, 2, 1, 2], range(8))),
      'tensor([[[[0., 1.]],\n\n         [[2., 3.]]],\n\n\n        [[[4., 5.]],\n\n         [[6., 7.]]]])',
    );
  });
});

describe('format: Python number formatting', () => {
  it('repr(float)', () => {
    const cases: [number, string][] = [
      [1, '1.0'], [-0, '-0.0'], [0, '0.0'], [NaN, 'nan'], [Infinity, 'inf'], [-Infinity, '-inf'],
      [1e-5, '1e-05'], [0.0001, '0.0001'], [0.00012345, '0.00012345'], [1.5e20, '1.5e+20'], [1e16, '1e+16'],
      [9999999999999998, '9999999999999998.0'], [123456789012345680000, '1.2345678901234568e+20'], [1e21, '1e+21'],
      [0.1 + 0.2, '0.30000000000000004'], [5e-324, '5e-324'], [1.7976931348623157e308, '1.7976931348623157e+308'],
      [-2.5, '-2.5'], [100, '100.0'], [1e-7, '1e-07'],
    ];
    for (const [v, s] of cases) assert.equal(formatPythonFloat(v), s, String(v));
  });

  it('item() of float32 shows the widened float32 value', () => {
    assert.equal(formatScalarItem(0.3, 'float32'), '0.30000001192092896');
    assert.equal(formatScalarItem(0.3, 'float64'), '0.3');
    assert.equal(formatScalarItem(2 ** 60, 'int64'), '1152921504606846976');
    assert.equal(formatScalarItem(-7, 'int64'), '-7');
    assert.equal(formatScalarItem(1, 'bool'), 'True');
    assert.equal(formatScalarItem(0, 'bool'), 'False');
  });

  it("'{:.Nf}' and '{:.Ne}' round the exact binary value half to even", () => {
    assert.equal(formatFixed(0.03125, 4), '0.0312');
    assert.equal(formatFixed(0.375, 2), '0.38');
    assert.equal(formatFixed(2.5, 0), '2');
    assert.equal(formatFixed(-0.00001, 4), '-0.0000');
    assert.equal(formatFixed(-0, 0), '-0');
    assert.equal(formatFixed(1e21, 0), '1000000000000000000000');
    assert.equal(formatFixed(1.005, 2), '1.00'); // 1.005 is really 1.00499999999999989...
    assert.equal(formatExponential(9.99996, 4), '1.0000e+01');
    assert.equal(formatExponential(0, 4), '0.0000e+00');
    assert.equal(formatExponential(2.5, 0), '2e+00');
    assert.equal(formatExponential(1e-300, 4), '1.0000e-300');
    assert.equal(formatExponential(5e-324, 4), '4.9407e-324');
    assert.equal(formatExponential(-123456, 2), '-1.23e+05');
  });

  it('torch.Size and dtype names', () => {
    assert.equal(formatSize([2, 1]), 'torch.Size([2, 1])');
    assert.equal(formatSize([]), 'torch.Size([])');
    assert.equal(formatSize([5]), 'torch.Size([5])');
    assert.equal(formatDType('float64'), 'torch.float64');
    assert.equal(formatDType('int64'), 'torch.int64');
    assert.equal(formatDType('bool'), 'torch.bool');
  });
});
