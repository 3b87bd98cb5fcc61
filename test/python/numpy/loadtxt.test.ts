// numpy.loadtxt (src/python/numpy/lib/_npyio_impl.py) through the Python runtime. The expected reprs and messages
// are what real NumPy printed for the same calls (its text reader has been the same since 1.23; NumPy 2 prints
// these arrays alike). Files next to a script are covered in test/python/_playground/script-folder.test.ts.
import { strict as assert } from 'node:assert';
import { openSession, type PythonSession } from '../../../src/runtime/host/runner';

const CASES: [string, string][] = [
  ["['# header', '1,2,3', '4,5,6  # trailing', '', '7,8,9'], delimiter=','", 'array([[1., 2., 3.],\n       [4., 5., 6.],\n       [7., 8., 9.]]) (3, 3)'],
  ["['1,2,3', '4,5,6'], delimiter=',', usecols=(0, 2), dtype=int", 'array([[1, 3],\n       [4, 6]]) (2, 2)'],
  ["['1,2,3', '4,5,6'], delimiter=',', usecols=1", 'array([2., 5.]) (2,)'],
  ["['1,2,3', '4,5,6'], delimiter=',', unpack=True", 'array([[1., 4.],\n       [2., 5.],\n       [3., 6.]]) (3, 2)'],
  ["['# c', '', '1 2', '3 x']", "ValueError: could not convert string 'x' to float64 at row 1, column 2."],
  ["['# c', '', '1 2', '3 4 5']", 'ValueError: the number of columns changed from 2 to 3 at row 2; use `usecols` to select a subset and avoid this error'],
  ["['1 2', '3 4'], skiprows=1", 'array([3., 4.]) (2,)'],
  ["['1,2,', '3,4,5'], delimiter=','", "ValueError: could not convert string '' to float64 at row 0, column 3."],
  ["['1 2 3'], usecols=(0, 5)", 'ValueError: invalid column index 5 at row 1 with 3 columns'],
  ["['1 2 3'], usecols=(-1,)", 'array(3.) ()'],
  ["[], ndmin=2", 'array([], shape=(0, 1), dtype=float64) (0, 1)'],
  ["['1', '2']", 'array([1., 2.]) (2,)'],
  ["[' 1 ,  2 '], delimiter=','", 'array([1., 2.]) (2,)'],
  ["['1\\t2'], delimiter='\\t'", 'array([1., 2.]) (2,)'],
  ["['1,2']", "ValueError: could not convert string '1,2' to float64 at row 0, column 1."],
  ["['5']", 'array(5.) ()'],
  ["['5'], ndmin=1", 'array([5.]) (1,)'],
  ["['1 2'], ndmin=2", 'array([[1., 2.]]) (1, 2)'],
  ["['1.5 nan inf -inf']", 'array([ 1.5,  nan,  inf, -inf]) (4,)'],
  ["['1 2'], dtype=np.float32", 'array([1., 2.], dtype=float32) (2,)'],
  ["['1 0'], dtype=bool", 'array([ True, False]) (2,)'],
  ["['1;2', '3;4'], delimiter=';', comments=None", 'array([[1., 2.],\n       [3., 4.]]) (2, 2)'],
  ["['1,2', '3,4', '5,6'], delimiter=',', max_rows=2", 'array([[1., 2.],\n       [3., 4.]]) (2, 2)'],
  ["['0x10 2'], converters=lambda s: float.fromhex(s) if s.startswith('0x') else float(s)", 'array([16.,  2.]) (2,)'],
  // The playground's limits, named.
  ["['1 2'], dtype=np.int16", "TypeError: dtype int16 is not supported by Autograd Playground's NumPy (it has float32, float64, int32, int64 and bool)"],
  ["['1 2'], dtype=np.int32", 'array([1, 2], dtype=int32) (2,)'],
  ["['1 2'], quotechar='\"'", "TypeError: loadtxt() argument 'quotechar' is not supported by Autograd Playground's NumPy"],
];

describe('numpy.loadtxt', function () {
  this.timeout(60000);
  let session: PythonSession;
  before(async () => {
    session = await openSession();
  });
  after(async () => {
    await session.close();
  });

  it('reads what NumPy reads, and fails as NumPy fails', async () => {
    const source = [
      'import json, warnings, numpy as np',
      ...CASES.map(
        ([args]) => `try:\n    with warnings.catch_warnings():\n        warnings.simplefilter('ignore')\n        r = np.loadtxt(${args})\n    print(json.dumps(repr(r) + ' ' + str(r.shape)))\nexcept Exception as e:\n    print(json.dumps(type(e).__name__ + ': ' + str(e)))`,
      ),
    ].join('\n');
    const r = await session.run(source, 'loadtxt_test.py');
    assert.equal(r.status, 'ok', r.stderr);
    const got = r.stdout.trim().split('\n').map((line) => JSON.parse(line) as string);
    assert.deepEqual(
      got.map((g, i) => [CASES[i][0], g]),
      CASES.map(([args, expected]) => [args, expected]),
    );
  });

  it('warns, as NumPy does, on input without data', async () => {
    const r = await session.run(
      "import warnings, numpy as np\nwith warnings.catch_warnings(record=True) as w:\n    warnings.simplefilter('always')\n    print(repr(np.loadtxt([])))\nprint([(x.category.__name__, str(x.message)) for x in w])\n",
      'empty.py',
    );
    assert.equal(r.stdout, 'array([], dtype=float64)\n[(\'UserWarning\', \'loadtxt: input contained no data: "[]"\')]\n', r.stderr);
  });
});
