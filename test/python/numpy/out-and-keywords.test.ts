/**
 * NumPy's out=, where=, initial=, casting=, order= and the other keywords the playground once dropped (issue 12,
 * item 4), replayed through the Python runtime: test/fixtures/numpy_out.json holds what real NumPy 2.4 printed,
 * warned or raised, made by test/harness/gen_numpy_out_fixture.py and replayed by
 * test/harness/replay_out_cases.py (shared with torch's out= suite).
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openSession, PythonSession } from '../../../src/runtime/host/runner';
import { fixturesDir } from '../../paths';
import { type OutCase as Case, checkOutCase, replayOutCases } from '../outCases';


const PARTIAL_ERRSTATE = "NotImplementedError: Autograd Playground's NumPy does not support floating-point error handling";

/** The playground's limits: what it cannot do is refused by name, never ignored. */
const PLAYGROUND_CASES: Case[] = [
  { code: "np.errstate(all='raise').__enter__()", error: `${PARTIAL_ERRSTATE} divide='raise'` },
  { code: "np.seterr(over='call')", error: `${PARTIAL_ERRSTATE} over='call'` },
  { code: 'np.errstate(call=print)', error: "NotImplementedError: Autograd Playground's NumPy does not support errstate(call=...)" },
  { code: "np.add(a, 1, signature='dd->d')", error: "NotImplementedError: Autograd Playground's NumPy does not support add(signature='dd->d')" },
  { code: 'np.matmul(a, p, axes=[(-2, -1), (-1,), (-1,)])', error: "NotImplementedError: Autograd Playground's NumPy does not support matmul(axes=...)" },
  { code: 'np.ndarray((2,), offset=8)', error: "NotImplementedError: np.ndarray(offset=8) is not supported by Autograd Playground's NumPy (it has no buffer)" },
  { code: 'np.ndarray((2,), strides=(16,))', error: "NotImplementedError: np.ndarray(strides=(16,)) is not supported by Autograd Playground's NumPy" },
  { code: 'a.view(type=np.generic)', error: "NotImplementedError: ndarray.view(type=generic) is not supported by Autograd Playground's NumPy" },
  // uninitialised memory (np.empty, where= without out=) is zeros here
  { code: 'np.add(a, 1, where=[True, False, True])', repr: 'array([[2.5 , 0.  , 4.25],\n       [1.5 , 0.  , 0.  ]])', warnings: ["'where' used without 'out', expect unitialized memory in output. If this is intentional, use out=None."] },
];

const fixture = JSON.parse(fs.readFileSync(path.join(fixturesDir, 'numpy_out.json'), 'utf8')) as { prelude: string; takes_out: string[]; cases: Case[] };

describe('NumPy out= and keywords through the Python runtime', function () {
  this.timeout(300000);
  let session: PythonSession;
  let results: Awaited<ReturnType<typeof replayOutCases>> = [];
  before(async () => {
    session = await openSession();
    results = await replayOutCases(session, 'numpy', fixture.prelude, fixture.cases);
  });
  after(async () => {
    await session.close();
  });

  fixture.cases.forEach((c, i) => {
    it(c.code.replace(/\n/g, '; '), () => checkOutCase(c, results[i]));
  });

  describe('the playground’s limits', () => {
    let own: Awaited<ReturnType<typeof replayOutCases>> = [];
    before(async () => {
      own = await replayOutCases(session, 'numpy', fixture.prelude, PLAYGROUND_CASES);
    });
    PLAYGROUND_CASES.forEach((c, i) => {
      it(c.code, () => checkOutCase(c, own[i]));
    });
  });

  it('every function and ndarray method NumPy gives out= takes it here', async () => {
    const r = await session.run(
      'import json, numpy as np\n' +
        `names = ${JSON.stringify(fixture.takes_out)}\n` +
        'lacking = []\n' +
        'for full in names:\n' +
        '    owner, name = full.split(".")\n' +
        '    f = getattr(np if owner == "np" else np.ndarray, name, None)\n' +
        '    if f is None or isinstance(f, type):\n' +
        '        continue\n' +
        '    code = getattr(getattr(f, "__wrapped__", f), "__code__", None)\n' +
        '    if code is None or "out" not in code.co_varnames[: code.co_argcount + code.co_kwonlyargcount]:\n' +
        '        lacking.append(full)\n' +
        'print(json.dumps(lacking))\n',
    );
    assert.equal(r.status, 'ok', r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), []);
  });
});
