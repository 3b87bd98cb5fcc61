/**
 * float16, bfloat16 and int32 (issue 12, items 3 and 6) through the Python runtime: test/fixtures/torch_dtypes.json
 * holds what a CPU build of real PyTorch printed or raised for the same code in both 16-bit float dtypes (creation and rounding, printing,
 * promotion, arithmetic, reductions, matrix products, autograd, nn, the random streams, save/load, errors), made by
 * test/harness/gen_dtype_fixture.py and replayed by test/harness/replay_out_cases.py.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openSession, PythonSession } from '../../../src/runtime/host/runner';
import { fixturesDir } from '../../paths';
import { type OutCase as Case, type OutResult as Result, checkOutCase, replayOutCases } from '../outCases';

interface Fixture { prelude: string; cases: Case[] }

const fixture = JSON.parse(fs.readFileSync(path.join(fixturesDir, 'torch_dtypes.json'), 'utf8')) as Fixture;

describe('torch float16 and bfloat16 through the Python runtime', function () {
  this.timeout(300000);
  let session: PythonSession;
  let results: Result[] = [];
  before(async () => {
    session = await openSession();
    results = await replayOutCases(session, 'torch', fixture.prelude, fixture.cases);
  });
  after(async () => {
    await session.close();
  });

  fixture.cases.forEach((c, i) => {
    it(c.code.split('\n').filter((l) => !l.startsWith('import io') && !/^[xv] = torch\.tensor/.test(l)).join('; '), () => checkOutCase(c, results[i]));
  });

  it('a .pt file real PyTorch wrote with float16 and bfloat16 tensors loads with their values', async () => {
    const saved = fs.readFileSync(path.join(fixturesDir, 'torch_half_saved.pt')).toString('base64');
    const r = await session.run(
      `import base64, io, torch\nd = torch.load(io.BytesIO(base64.b64decode("${saved}")))\nprint(d)\nprint({k: v.dtype for k, v in d.items()})\n`,
    );
    assert.equal(r.status, 'ok', r.stderr);
    assert.equal(r.stdout, fs.readFileSync(path.join(fixturesDir, 'torch_half_saved.txt'), 'utf8'));
  });

  it('the playground’s own numpy has no float16 arrays and says so', async () => {
    const r = await session.run('import torch\ntorch.ones(2, dtype=torch.float16).numpy()\n');
    assert.equal(r.status, 'error');
    assert.ok(r.stderr.includes("TypeError: Autograd Playground's numpy has no float16 arrays: call .float() before .numpy()"), r.stderr);
  });
});
