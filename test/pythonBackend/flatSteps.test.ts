/**
 * Steps sent without their graph whose gradients are too many to send as values (steps.py's Flat: a copy per
 * step, reduced for the held steps at once when they are written): each step's stats are the gradients' as
 * backward() left them, though zero_grad() zeroes them in place before the steps are written. The script prints
 * what real PyTorch says right after each backward(), in double.
 */
import { strict as assert } from 'node:assert';
import type { BackwardEvent } from '../../src/protocol/events';
import { runProbed, torchSuite } from './helpers';

const STATS = [
  'def stats(m):',
  '    return {"x".join(map(str, p.shape)): [float(p.grad.min()), float(p.grad.max()), float(p.grad.double().mean()), float(p.grad.double().norm())] for p in m}',
].join('\n');

// A model of several parameters (each of its own shape), 705 gradient elements in all, trained 8 steps: `zeroGrad`
// is the step's zero_grad() call, `after` what follows the print of its gradients.
const mlp = (zeroGrad: string, after: string[] = []): string =>
  [
    'import json, torch, torch.nn as nn',
    STATS,
    'torch.manual_seed(0)',
    'model = nn.Sequential(nn.Linear(20, 32), nn.ReLU(), nn.Linear(32, 1))',
    'opt = torch.optim.SGD(model.parameters(), lr=0.1)',
    'X, y = torch.randn(64, 20), torch.randn(64, 1)',
    'for step in range(8):',
    `    ${zeroGrad}`,
    '    loss = ((model(X[step * 8:step * 8 + 8]) - y[step * 8:step * 8 + 8]) ** 2).mean()',
    '    loss.backward()',
    '    print(json.dumps(stats(model.parameters())))',
    ...after,
    '    opt.step()',
    '',
  ].join('\n');

const FILES: Record<string, string> = {
  'mlp.py': mlp('opt.zero_grad(set_to_none=False)'),
  // Gradients set to None each step (PyTorch 2's default), and one replaced by another tensor mid-run: the copies
  // follow the new gradients, never the storage of the old ones.
  'fresh.py': mlp('opt.zero_grad(set_to_none=step % 3 != 2)', ['    if step == 4:', '        model[0].weight.grad.data = model[0].weight.grad.data * 2']),
  // One leaf of 300 elements: flattening it alone gives a view of its gradient, not a copy.
  'single.py': [
    'import json, torch',
    STATS,
    'torch.manual_seed(0)',
    'w = torch.randn(300, requires_grad=True)',
    'for step in range(8):',
    '    if w.grad is not None:',
    '        w.grad.zero_()',
    '    loss = (w * torch.randn(300)).sum()',
    '    loss.backward()',
    '    print(json.dumps(stats([w])))',
    '    with torch.no_grad():',
    '        w -= 0.1 * w.grad',
    '',
  ].join('\n'),
};

describe('python backend: steps without their graph, gradients reduced in batches', function () {
  this.timeout(300000);
  const suite = torchSuite(FILES);

  for (const file of Object.keys(FILES)) {
    it(`${file}: each step's gradient stats as backward() left them`, async () => {
      const r = await runProbed(suite.python, file, suite.dir, 60000);
      assert.equal(r.code, 0, r.stderr);
      const printed = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, number[]>);
      const steps = r.events.filter((e): e is BackwardEvent => e.type === 'backward');
      assert.equal(steps.length, 8);
      assert.ok(steps.slice(1).every((e) => e.graph.nodes.length === 0), 'steps 2 to 8 go without their graph');
      steps.forEach((e, i) => {
        assert.equal(e.leaves.length, Object.keys(printed[i]).length);
        e.leaves.forEach((l) => {
          const shape = l.shape.join('x');
          const g = l.grad!;
          [g.min, g.max, g.mean, g.norm].forEach((v, k) => {
            const want = printed[i][shape][k];
            assert.ok(v !== null && Math.abs(v - want) <= 1e-9 * Math.max(1, Math.abs(want)), `step ${e.step} leaf ${shape} stat ${k}: ${v} vs ${want}`);
          });
        });
      });
    });
  }
});
