/**
 * The NaN finder ("Find where NaN first appears", the detectNonFinite run setting) on real PyTorch: the probe's
 * mode stops the script at the first torch function whose result holds NaN or inf, with the playground's error
 * text and the script's line (the playground's own case: test/python/_playground/variables.test.ts).
 */
import { strict as assert } from 'node:assert';
import type { BackwardEvent, ErrorEvent, RunEvent } from '../../src/protocol/events';
import { isNonFiniteMessage } from '../../src/protocol/nonFiniteMessage';
import { startPythonRun } from '../../src/runtime/python/pythonRun';
import type { RunResult } from '../../src/runtime/host/runner';
import { torchSuite } from './helpers';

const DIVERGING = [
  'import torch',
  'torch.manual_seed(0)',
  'X = torch.randn(32, 2) * 100',
  'y = X @ torch.tensor([[2.0], [-3.4]]) + 4.2',
  'w = torch.zeros(2, 1, requires_grad=True)',
  'for epoch in range(200):',
  '    pred = X @ w',
  '    loss = ((pred - y) ** 2).mean()',
  '    loss.backward()',
  '    with torch.no_grad():',
  '        w -= 0.1 * w.grad',
  '        w.grad.zero_()',
  "print('done')",
  '',
].join('\n');

// NaN made inside a function, by an in-place op whose result the script keeps: the line is the function's.
const IN_FUNCTION = [
  'import torch',
  'def normalise(t):',
  '    t = t.clone()',
  '    t.div_(t.sum())',
  '    return t',
  'ok = torch.tensor([1.0, 3.0])',
  'print(normalise(ok).tolist())',
  'print(torch.tensor([float("nan")]).isnan().tolist())',
  'normalise(torch.zeros(2))',
  '',
].join('\n');

describe('the NaN finder on the python backend', function () {
  this.timeout(120000);
  const s = torchSuite({ 'diverge.py': DIVERGING, 'normalise.py': IN_FUNCTION, 'inplace.py': 'import torch\na = torch.tensor([1.0, 0.0])\na /= 0.0\n' });

  const run = (file: string, detectNonFinite: boolean, graphIntervalMs = 0): Promise<RunResult> =>
    startPythonRun({ python: s.python, file, cwd: s.dir, graphIntervalMs, detectNonFinite }).done;
  const errorOf = (events: RunEvent[]): ErrorEvent => events.find((e): e is ErrorEvent => e.type === 'error')!;

  it('is off by default: a diverging run goes on to the end as in PyTorch', async () => {
    const r = await run('diverge.py', false);
    assert.equal(r.status, 'ok', r.stderr);
    assert.equal(r.stdout, 'done\n');
    assert.ok(r.events.some((e) => e.type === 'diverged'));
  });

  for (const interval of [0, 100]) {
    it(`stops at the first op whose result is not finite, on the line that ran it (whole graphs every ${interval} ms)`, async () => {
      const r = await run('diverge.py', true, interval);
      assert.equal(r.status, 'error');
      assert.equal(r.stdout, '');
      const err = errorOf(r.events);
      assert.equal(err.errorType, 'RuntimeError');
      assert.ok(isNonFiniteMessage(err.message), err.message);
      // The squared error overflows float32 first; named by its grad_fn and by the operator the script used.
      assert.equal(err.line, 8);
      assert.match(err.message, /^non-finite values detected: PowBackward0 \(pow\) returned inf values\. /);
      // The traceback ends at the script's line: PyTorch's dispatch to the probe's mode is left out.
      assert.match(r.stderr, /File "[^"]*diverge\.py", line 8, in <module>\n {4}loss = \(\(pred - y\) \*\* 2\)\.mean\(\)\n(.*\n)*RuntimeError: non-finite/);
      assert.doesNotMatch(r.stderr, /overrides\.py|autograd_playground_probe/);
      // The steps before it were reported (the probe's own statistics are not checked), none with a non-finite loss.
      const steps = r.events.filter((e): e is BackwardEvent => e.type === 'backward');
      assert.ok(steps.length > 1);
      assert.ok(steps.every((e) => e.loss !== null && Number.isFinite(e.loss)));
      assert.ok(!r.events.some((e) => e.type === 'diverged'));
      assert.ok(r.events.some((e) => e.type === 'variables'));
    });
  }

  it('names an in-place op inside a function, at the function line, and lets non-finite values the script only tests pass', async () => {
    const r = await run('normalise.py', true);
    assert.equal(r.status, 'error', r.stderr);
    assert.equal(r.stdout, '[0.25, 0.75]\n[True]\n');
    const err = errorOf(r.events);
    assert.equal(err.line, 4);
    assert.match(err.message, /^non-finite values detected: div_ returned NaN values\. /);
  });

  it('names an in-place operator by the playground\'s op name', async () => {
    const r = await run('inplace.py', true);
    const err = errorOf(r.events);
    assert.equal(err.line, 3);
    assert.match(err.message, /^non-finite values detected: div_ returned NaN and inf values\./);
  });
});
