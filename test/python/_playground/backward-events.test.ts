// What a backward event says about the graph: leaf names as the script binds them, source lines,
// value/grad summaries, truncation at the node limit, and the loss marking a diverging run.
import { strict as assert } from 'node:assert';
import type { BackwardEvent, ErrorEvent, RunEvent } from '../../../src/protocol/events';
import { openSession, type PythonSession } from '../../../src/runtime/host/runner';

function backwards(events: RunEvent[]): BackwardEvent[] {
  return events.filter((e): e is BackwardEvent => e.type === 'backward');
}

describe('backward events', function () {
  this.timeout(60000);
  let session: PythonSession;
  let small: PythonSession;
  before(async () => {
    [session, small] = await Promise.all([openSession(), openSession({ graphNodeLimit: 4 })]);
  });
  after(async () => {
    await Promise.all([session.close(), small.close()]);
  });

  it('names leaves as the calling code binds them, with creation lines', async () => {
    const src = [
      'import torch',
      'w = torch.tensor([[0.5], [-1.0]], requires_grad=True)',
      'b = torch.zeros(1, requires_grad=True)',
      'x = torch.tensor([[1.0, 2.0], [3.0, 4.0]])',
      'y = x @ w + b',
      'loss = (y ** 2).mean()',
      'loss.backward()',
    ].join('\n');
    const r = await session.run(src, 'names.py');
    assert.equal(r.status, 'ok', r.stderr);
    const [e] = backwards(r.events);
    assert.equal(e.step, 1);
    assert.equal(e.line, 7);
    assert.equal(e.file, 'names.py');
    assert.equal(e.loss, 4.25);
    const names = e.leaves.map((l) => l.name).sort();
    assert.deepEqual(names, ['b', 'w']);
    const byName = new Map(e.graph.nodes.map((n) => [n.name ?? n.gradFn, n]));
    assert.equal(byName.get('w')!.line, 2);
    assert.equal(byName.get('b')!.line, 3);
    assert.equal(byName.get('MmBackward0')!.line, 5);
    assert.equal(byName.get('MeanBackward0')!.line, 6);
    assert.equal(byName.get('w')!.grad!.text, 'tensor([[ -9.],\n        [-13.]])');
    const root = e.graph.nodes.find((n) => n.id === e.graph.rootId)!;
    assert.equal(root.gradFn, 'MeanBackward0');
    assert.equal(root.value!.text, 'tensor(4.2500)');
    assert.equal(e.graph.truncated, null);
    // Every edge joins two nodes that are in the event.
    const ids = new Set(e.graph.nodes.map((n) => n.id));
    for (const [a, b2] of e.graph.edges) assert.ok(ids.has(a) && ids.has(b2));
  });

  it('names module parameters and attributes one level deep', async () => {
    const src = [
      'import torch',
      'class Model(torch.nn.Module):',
      '    def __init__(self):',
      '        super().__init__()',
      '        self.linear = torch.nn.Linear(2, 1)',
      '    def forward(self, x):',
      '        return self.linear(x)',
      'class Params:',
      '    def __init__(self):',
      '        self.scale = torch.tensor(2.0, requires_grad=True)',
      'model = Model()',
      'p = Params()',
      'def train_step():',
      '    out = model(torch.ones(3, 2)) * p.scale',
      '    out.sum().backward()',
      'train_step()',
    ].join('\n');
    const r = await session.run(src, 'module.py');
    assert.equal(r.status, 'ok', r.stderr);
    const [e] = backwards(r.events);
    assert.deepEqual(e.leaves.map((l) => l.name).sort(), ['model.linear.bias', 'model.linear.weight', 'p.scale']);
    assert.equal(e.line, 15);
    const addmm = e.graph.nodes.find((n) => n.gradFn === 'AddmmBackward0')!;
    // The innermost line of the user's own file: the module's forward, not nn.Linear's internals.
    assert.equal(addmm.line, 7);
  });

  it('cuts a graph past ten times the node limit (the panel folds repeats), keeping the nodes nearest the root', async () => {
    const src = ['import torch', 'x = torch.tensor(1.0, requires_grad=True)', 'y = x', 'for _ in range(30):', '    y = y * 1.5 + 1', 'y.backward()'].join('\n');
    const r = await small.run(src, 'deep.py');
    assert.equal(r.status, 'ok', r.stderr);
    const [e] = backwards(r.events);
    assert.equal(e.graph.nodes.length, 40);
    assert.deepEqual(e.graph.truncated, { shownNodes: 40, hiddenNodes: 21 });
    assert.equal(e.graph.nodes[0].id, e.graph.rootId);
    assert.ok(e.graph.nodes.every((n) => n.kind === 'op'));
  });

  it('counts steps and reports a non-finite loss as it is', async () => {
    const src = [
      'import torch',
      'w = torch.tensor(1.0, requires_grad=True)',
      'for i in range(4):',
      '    loss = (w * 1e20) ** 2 * 1e10',
      '    loss.backward()',
    ].join('\n');
    const r = await session.run(src, 'diverge.py');
    const es = backwards(r.events);
    assert.deepEqual(es.map((e) => e.step), [1, 2, 3, 4]);
    assert.ok(es.every((e) => e.loss === Infinity));
  });

  it('marks the first step whose loss is not finite, once, and runs on to the end', async () => {
    const src = [
      'import torch',
      'w = torch.tensor(1.0, requires_grad=True)',
      'for i in range(6):',
      '    loss = (w * 10.0) ** 2',
      '    loss.backward()',
      '    with torch.no_grad():',
      '        w -= 1e18 * w.grad',
      '        w.grad.zero_()',
      'print(loss.item(), w.item())',
    ].join('\n');
    const r = await session.run(src, 'lr.py');
    assert.equal(r.status, 'ok', r.stderr);
    assert.equal(backwards(r.events).length, 6);
    const marks = r.events.filter((e) => e.type === 'diverged');
    assert.equal(marks.length, 1);
    assert.deepEqual({ ...marks[0], t: 0 }, { type: 'diverged', t: 0, step: 2, file: 'lr.py', line: 5, loss: Infinity });
    const at = r.events.indexOf(marks[0]);
    assert.equal((r.events[at - 1] as BackwardEvent).step, 2, 'right after the backward event of that step');
    assert.equal(r.stdout, 'nan nan\n');
  });

  it('summarises big tensors instead of streaming them', async () => {
    const src = ['import torch', 'w = torch.ones(300, 300, requires_grad=True)', '(w * 2).sum().backward()'].join('\n');
    const r = await session.run(src, 'big.py');
    const [e] = backwards(r.events);
    const leaf = e.graph.nodes.find((n) => n.name === 'w')!;
    assert.equal(leaf.value!.numel, 90000);
    assert.ok(leaf.value!.text.includes('...'));
    assert.ok(leaf.value!.text.length < 1000);
    assert.equal(leaf.grad!.mean, 2);
    assert.ok(JSON.stringify(e).length < 20000);
  });

  it('reports an error with its line, and refuses a tensor too large for memory', async () => {
    const r = await session.run('import torch\nx = torch.ones(3)\ny = torch.zeros(100000, 100000)\n', 'huge.py');
    assert.equal(r.status, 'error');
    const err = r.events.find((e): e is ErrorEvent => e.type === 'error')!;
    assert.equal(err.errorType, 'RuntimeError');
    assert.equal(err.line, 3);
    assert.match(err.message, /not enough memory: you tried to allocate 40000000000 bytes/);
    assert.match(r.stderr, /File "huge.py", line 3/);
  });
});
