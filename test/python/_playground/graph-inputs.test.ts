// The graph's inputs (issue 16, item 3): tensors a graph reads that do not require grad appear as input nodes
// when the script bound them to a name (X, y, a target), with shape and value; unnamed ones (constants) do not.
import { strict as assert } from 'node:assert';
import type { BackwardEvent, GraphSummary, RunEvent } from '../../../src/protocol/events';
import { openSession, type PythonSession } from '../../../src/runtime/host/runner';

function lastGraph(events: RunEvent[]): GraphSummary {
  const bw = events.filter((e): e is BackwardEvent => e.type === 'backward');
  return bw[bw.length - 1].graph;
}

/** The input nodes' names → the grad_fn names of the ops they feed. */
function inputs(g: GraphSummary): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const n of g.nodes.filter((m) => m.input)) {
    const feeds = g.edges.filter(([from]) => from === n.id).map(([, to]) => g.nodes.find((m) => m.id === to)!.gradFn!);
    out.set(n.name!, feeds.sort());
  }
  return out;
}

describe('graph inputs in graph events', function () {
  this.timeout(60000);
  let session: PythonSession;
  before(async () => {
    session = await openSession();
  });
  after(async () => {
    await session.close();
  });

  it('draws X and y as named inputs with shape and value; a Python scalar folds into its op', async () => {
    const src = [
      'import torch',
      'from torch import nn',
      'torch.manual_seed(0)',
      'X = torch.randn(5, 3)',
      'y = torch.ones(5, 1)',
      'model = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 1))',
      'loss = ((model(X) - y) ** 2).mean() * 0.5',
      'loss.backward()',
    ].join('\n');
    const r = await session.run(src, 'inputs.py');
    assert.equal(r.status, 'ok', r.stderr);
    const g = lastGraph(r.events);
    assert.deepEqual([...inputs(g)].sort(), [
      ['X', ['AddmmBackward0']],
      ['y', ['SubBackward0']],
    ]);
    const y = g.nodes.find((n) => n.input && n.name === 'y')!;
    assert.deepEqual(y.shape, [5, 1]);
    assert.equal(y.kind, 'leaf');
    assert.equal(y.grad, undefined, 'no gradient flows to an input');
    assert.equal(y.value?.mean, 1);
    assert.ok(g.nodes.filter((n) => n.input).every((n) => n.id < 0), 'ids apart from the engine nodes');
    // The 0.5 and the exponent are constants: no nodes of their own.
    assert.equal(g.nodes.filter((n) => n.input).length, 2);
    assert.equal(g.truncated, null);
    // The leaves of the event (the values table) are still the parameters only.
    const bw = r.events.find((e): e is BackwardEvent => e.type === 'backward')!;
    assert.deepEqual(bw.leaves.map((l) => l.name).sort(), ['model.0.bias', 'model.0.weight', 'model.2.bias', 'model.2.weight']);
  });

  it('names inputs inside a function (its locals) and leaves an unnamed temporary out', async () => {
    const src = [
      'import torch',
      'w = torch.tensor([1.0, 2.0], requires_grad=True)',
      'def step(data, target):',
      '    pred = w * data',
      '    loss = ((pred - target) ** 2).sum() + (w * torch.tensor([3.0, 4.0])).sum()',
      '    loss.backward()',
      'step(torch.tensor([0.5, 1.5]), torch.zeros(2))',
    ].join('\n');
    const r = await session.run(src, 'fn.py');
    assert.equal(r.status, 'ok', r.stderr);
    const g = lastGraph(r.events);
    assert.deepEqual([...inputs(g)].sort(), [
      ['data', ['MulBackward0']],
      ['target', ['SubBackward0']],
    ]);
  });
});
