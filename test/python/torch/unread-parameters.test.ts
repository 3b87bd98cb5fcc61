/**
 * No binding drops an argument (issue 12, item 4): every parameter of every public function and method of the
 * playground's torch, torch.linalg, torch.nn.functional, torch.nn's modules, Tensor, numpy, numpy.random and
 * ndarray is read by its code (or the function always raises), and a `**kwargs` is read or absent. An argument
 * that is never read is one the script passes and the playground silently ignores, as `torch.add(a, b, out=c)`
 * once did. test/harness/unread_parameters.py walks the bytecode.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openSession, PythonSession } from '../../../src/runtime/host/runner';
import { harnessDir } from '../../paths';

/** Parameters PyTorch or NumPy themselves accept and ignore, so the playground does too. */
const IGNORED_AS_UPSTREAM: Record<string, string> = {
  'torch.nn.Identity.__init__(args, kwargs)': "PyTorch's Identity takes any arguments and documents them as unused",
};

describe('no public torch or NumPy function drops an argument', function () {
  this.timeout(120000);
  let session: PythonSession;
  before(async () => {
    session = await openSession();
  });
  after(async () => {
    await session.close();
  });

  it('every parameter is read (or the function always raises)', async () => {
    const body = fs.readFileSync(path.join(harnessDir, 'unread_parameters.py'), 'utf8');
    const r = await session.run(body, 'unread_parameters.py');
    assert.equal(r.status, 'ok', r.stderr);
    const { unread, scanned } = JSON.parse(r.stdout) as { unread: string[]; scanned: number };
    assert.ok(scanned > 400, `scanned only ${scanned} functions`);
    assert.deepEqual(unread.filter((u) => !(u in IGNORED_AS_UPSTREAM)), []);
  });
});
