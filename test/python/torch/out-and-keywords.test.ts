/**
 * `out=` and the keywords the playground once dropped (issue 12, item 4), replayed through the Python runtime:
 * test/fixtures/torch_out.json holds what a CPU build of real PyTorch printed, warned or raised, made by
 * test/harness/gen_torch_out_fixture.py and replayed by test/harness/replay_out_cases.py. For every function of
 * the playground's torch that has an out= form there, the out tensor is written (resized, cast, through a view),
 * returned, refused with PyTorch's dtype errors, and refused when autograd is involved.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openSession, PythonSession } from '../../../src/runtime/host/runner';
import { fixturesDir } from '../../paths';
import { type OutCase as Case, type OutResult as Result, checkOutCase, replayOutCases } from '../outCases';

interface Fixture { prelude: string; may_take_out: string[]; cases: Case[] }

const fixture = JSON.parse(fs.readFileSync(path.join(fixturesDir, 'torch_out.json'), 'utf8')) as Fixture;

const RESIZED = (from: string, to: string) =>
  `An output with one or more elements was resized since it had shape [${from}], which does not match the required output shape [${to}]. This behavior is deprecated, and in a future PyTorch release outputs will not be resized unless they have zero elements. You can explicitly reuse an out tensor t by resizing it, inplace, to zero elements with t.resize_(0).`;
const CHANNELS_LAST = (fn: string, format = 'channels_last') => `NotImplementedError: Autograd Playground does not support ${fn}(memory_format=torch.${format})`;

/**
 * The playground's limits, and PyTorch behaviour 1.13 cannot produce a fixture for (expected values from real
 * PyTorch where it can compute them, noted).
 */
const PLAYGROUND_CASES: Case[] = [
  // channels-last layouts (convolutions' layouts; the playground has none) are refused by name at the right rank
  { code: 'torch.zeros_like(torch.ones(2, 3, 4, 5), memory_format=torch.channels_last)', error: CHANNELS_LAST('zeros_like') },
  { code: 'torch.empty(2, 3, 4, 5, memory_format=torch.channels_last)', error: CHANNELS_LAST('empty') },
  { code: 'torch.ones(2, 3, 4, 5).clone(memory_format=torch.channels_last)', error: CHANNELS_LAST('clone') },
  { code: 'torch.ones(2, 3, 4, 5).contiguous(memory_format=torch.channels_last)', error: CHANNELS_LAST('contiguous') },
  { code: 'torch.ones(1, 2, 3, 4, 5).to(memory_format=torch.channels_last_3d)', error: CHANNELS_LAST('to', 'channels_last_3d') },
  // is_contiguous(memory_format=) is answered from the strides (values from PyTorch 1.13)
  {
    code: 'a = torch.ones(2, 4, 5, 3).permute(0, 3, 1, 2)\n(a.is_contiguous(memory_format=torch.channels_last), a.is_contiguous(), torch.ones(2, 3, 4, 5).is_contiguous(memory_format=torch.channels_last), torch.ones(1, 3, 1, 1).is_contiguous(memory_format=torch.channels_last))',
    repr: '(True, False, False, True)',
  },
  { code: 'import pickle\npickle.loads(pickle.dumps(torch.channels_last)) is torch.channels_last', repr: 'True' },
  // backward(inputs=) needs the engine's backward to take the tensors; refused rather than ignored
  {
    code: 'a = torch.ones(2, requires_grad=True)\nb = torch.ones(2, requires_grad=True)\n(a * b).sum().backward(inputs=[a])',
    error: 'NotImplementedError: Autograd Playground does not support backward(inputs=...); use torch.autograd.grad(loss, inputs)',
  },
  // cholesky_ex's info is int64 here (no int32): its out= pair takes an int64 tensor (otherwise as PyTorch 1.13)
  {
    code: 'o = (torch.empty(0), torch.empty(0, dtype=torch.int64))\nr = torch.linalg.cholesky_ex(spd, out=o)\n(type(r).__name__, r.L is o[0], r.info is o[1], r)',
    repr: "('linalg_cholesky_ex_out', True, True, torch.return_types.linalg_cholesky_ex_out(\nL=tensor([[2.0000, 0.0000],\n        [1.0000, 1.4142]]),\ninfo=tensor(0)))",
  },
  {
    code: 'o = (torch.empty(0, requires_grad=True), torch.empty(0, dtype=torch.int64))\ntorch.linalg.cholesky_ex(spd, out=o)',
    error: "RuntimeError: linalg_cholesky_ex(): functions with out=... arguments don't support automatic differentiation, but one of the arguments requires grad.",
  },
  // an out view resized within its storage writes through it (as PyTorch 1.13); resized past it, it gets a
  // larger storage of its own, which the tensor it viewed no longer shares (PyTorch's shows [0., 2., 2.])
  { code: 't = torch.arange(3.0)\nu = t[:1]\ntorch.add(torch.ones(3), 1, out=u)\n(u, t)', repr: '(tensor([2., 2., 2.]), tensor([2., 2., 2.]))', warnings: [RESIZED('1', '3')] },
  { code: 't = torch.arange(3.0)\nu = t[1:]\ntorch.add(torch.ones(3), 1, out=u)\n(u, t)', repr: '(tensor([2., 2., 2.]), tensor([0., 1., 2.]))', warnings: [RESIZED('2', '3')] },
];

describe('torch out= and keywords through the Python runtime', function () {
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
    it(c.code.replace(/\n/g, '; '), () => checkOutCase(c, results[i]));
  });

  describe('the playground’s limits and PyTorch 2 behaviour', () => {
    let own: Result[] = [];
    before(async () => {
      own = await replayOutCases(session, 'torch', fixture.prelude, PLAYGROUND_CASES);
    });
    PLAYGROUND_CASES.forEach((c, i) => {
      it(c.code.replace(/\n/g, '; '), () => checkOutCase(c, own[i]));
    });
  });

  it('every function PyTorch may give out= has cases here', async () => {
    const r = await session.run(
      'import json, torch\n' +
        'names = [n for n in dir(torch) if not n.startswith("_") and callable(getattr(torch, n)) and not isinstance(getattr(torch, n), type)]\n' +
        'names += ["linalg." + n for n in dir(torch.linalg) if not n.startswith("_") and callable(getattr(torch.linalg, n)) and not isinstance(getattr(torch.linalg, n), type)]\n' +
        'print(json.dumps(names))\n',
    );
    assert.equal(r.status, 'ok', r.stderr);
    const ours = JSON.parse(r.stdout) as string[];
    const covered = new Set(fixture.cases.map((c) => c.fn).filter((f) => f !== undefined));
    const mayTake = new Set(fixture.may_take_out);
    const missing = ours.filter((n) => mayTake.has(n) && !covered.has(n));
    assert.deepEqual(missing, [], 'functions without out= cases in test/harness/gen_torch_out_fixture.py');
  });
});
