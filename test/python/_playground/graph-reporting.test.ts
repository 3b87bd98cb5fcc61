// The panel's event stream describes whole graphs at most once per update interval (graphReporter.ts):
// which steps carry a graph, what the others still carry, and the `graph` event that completes the last one.
import { strict as assert } from 'node:assert';
import { isGraphElided, type BackwardEvent, type GraphEvent, type RunEvent } from '../../../src/protocol/events';
import { openSession, startRun, type PythonSession } from '../../../src/runtime/host/runner';

function backwards(events: RunEvent[]): BackwardEvent[] {
  return events.filter((e): e is BackwardEvent => e.type === 'backward');
}

function graphs(events: RunEvent[]): GraphEvent[] {
  return events.filter((e): e is GraphEvent => e.type === 'graph');
}

const LOOP = (body: string) =>
  [
    'import torch',
    'x = torch.tensor([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])',
    'y = torch.tensor([[1.0], [2.0], [3.0]])',
    'w = torch.zeros(2, 1, requires_grad=True)',
    'b = torch.zeros(1, requires_grad=True)',
    body,
  ].join('\n');

const TRAIN = LOOP(
  [
    'for i in range(30):',
    '    loss = ((x @ w + b - y) ** 2).mean()',
    '    loss.backward()',
    '    with torch.no_grad():',
    '        w -= 0.01 * w.grad',
    '        b -= 0.01 * b.grad',
    '        w.grad.zero_()',
    '        b.grad.zero_()',
    'print("done")',
  ].join('\n'),
);

describe('graph capture at most once per interval', function () {
  this.timeout(60000);
  let throttled: PythonSession;
  let every: PythonSession;
  before(async () => {
    // An interval no test run outlasts: only the steps that must carry a graph do.
    [throttled, every] = await Promise.all([openSession({ graphIntervalMs: 1e9 }), openSession()]);
  });
  after(async () => {
    await Promise.all([throttled.close(), every.close()]);
  });

  it('sends every step, the first with its graph and the rest with their size, leaves and stats', async () => {
    const r = await throttled.run(TRAIN, 'train.py');
    assert.equal(r.status, 'ok', r.stderr);
    const bw = backwards(r.events);
    assert.deepEqual(bw.map((e) => e.step), Array.from({ length: 30 }, (_, i) => i + 1));
    assert.ok(!isGraphElided(bw[0].graph));
    // An elided graph's size counts the engine's nodes, not the input nodes (x, y) a whole one adds.
    const size = bw[0].graph.nodes.filter((n) => !n.input).length;
    for (const e of bw.slice(1)) {
      assert.ok(isGraphElided(e.graph), `step ${e.step} carries a graph`);
      assert.equal(e.graph.truncated?.hiddenNodes, size);
      assert.equal(e.graph.rootId > bw[0].graph.rootId, true);
      assert.equal(e.line, 8);
      assert.deepEqual(e.leaves.map((l) => l.name).sort(), ['b', 'w']);
      for (const leaf of e.leaves) {
        assert.ok(leaf.grad && leaf.grad.norm !== null && leaf.grad.norm > 0);
        assert.equal(leaf.grad.text, '', 'stats only between whole graphs');
      }
    }
    // The gradient norms of light steps are the real ones: the loss falls, and so does |grad w|.
    const normW = bw.map((e) => e.leaves.find((l) => l.name === 'w')!.grad!.norm!);
    assert.ok(normW[29] < normW[1]);
  });

  it('completes the last step with a graph event, after the script and before the variables', async () => {
    const r = await throttled.run(TRAIN, 'train.py');
    const [g] = graphs(r.events);
    assert.ok(g, 'a graph event');
    assert.equal(graphs(r.events).length, 1);
    assert.equal(g.step, 30);
    assert.equal(g.line, 8);
    assert.equal(g.file, 'train.py');
    assert.equal(g.graph.nodes.length, backwards(r.events)[0].graph.nodes.length);
    const leafW = g.leaves.find((l) => l.name === 'w')!;
    assert.match(leafW.grad!.text, /^tensor\(\[\[/);
    assert.equal(leafW.grad!.norm, backwards(r.events)[29].leaves.find((l) => l.name === 'w')!.grad!.norm);
    const order = r.events.map((e) => e.type);
    assert.ok(order.lastIndexOf('stdout') < order.indexOf('graph'));
    // The end's variables (the first step's capture sent one of its own, right after its backward event).
    assert.ok(order.indexOf('graph') < order.lastIndexOf('variables'));
    assert.equal(order[order.length - 1], 'end');
  });

  it('sends the whole graph of a step whose loss is not finite', async () => {
    const src = LOOP(
      [
        'for i in range(6):',
        '    loss = ((x @ w + b - y) ** 2).mean() * (float("inf") if i == 3 else 1.0)',
        '    loss.backward()',
      ].join('\n'),
    );
    const r = await throttled.run(src, 'inf.py');
    const whole = backwards(r.events).filter((e) => !isGraphElided(e.graph)).map((e) => e.step);
    assert.deepEqual(whole, [1, 4]);
    const diverged = r.events.find((e) => e.type === 'diverged');
    assert.equal(diverged && diverged.type === 'diverged' ? diverged.step : null, 4);
    assert.equal(graphs(r.events)[0]?.step, 6);
  });

  it('finds the names of leaves made anew every step', async () => {
    const src = [
      'import torch',
      'for i in range(5):',
      '    a = torch.tensor([1.0, float(i)], requires_grad=True)',
      '    (a * a).sum().backward()',
    ].join('\n');
    const r = await throttled.run(src, 'fresh.py');
    const bw = backwards(r.events);
    assert.equal(bw.length, 5);
    for (const e of bw) assert.deepEqual(e.leaves.map((l) => l.name), ['a']);
    assert.deepEqual(bw.map((e) => e.leaves[0].grad!.norm), [0, 1, 2, 3, 4].map((i) => Math.hypot(2, 2 * i)));
  });

  it('sends the graph of the last step before an error ends the run', async () => {
    const src = LOOP(
      ['for i in range(4):', '    loss = ((x @ w + b - y) ** 2).mean()', '    loss.backward()', 'raise ValueError("stop here")'].join('\n'),
    );
    const r = await throttled.run(src, 'err.py');
    assert.equal(r.status, 'error');
    assert.equal(graphs(r.events)[0]?.step, 4);
  });

  it('starts each run of a session afresh: its first step carries a graph', async () => {
    const a = await throttled.run(TRAIN, 'a.py');
    const b = await throttled.run(TRAIN, 'b.py');
    for (const r of [a, b]) assert.ok(!isGraphElided(backwards(r.events)[0].graph));
  });

  it('with no interval, every step carries its graph and no graph event follows', async () => {
    const r = await every.run(TRAIN, 'every.py');
    const bw = backwards(r.events);
    assert.equal(bw.length, 30);
    for (const e of bw) {
      assert.ok(!isGraphElided(e.graph));
      for (const leaf of e.leaves) assert.notEqual(leaf.grad!.text, '');
    }
    assert.equal(graphs(r.events).length, 0);
  });

  it('posts each step of a slow loop as it happens, not with the next one', async () => {
    // Steps come 250 ms apart: each must reach the main thread before the next is even taken.
    const arrived = new Map<number, number>();
    let startedAt = 0;
    const run = startRun({
      file: 'slow.py',
      source: LOOP(['import time', 'for i in range(5):', '    ((x @ w + b - y) ** 2).mean().backward()', '    time.sleep(0.25)'].join('\n')),
      graphIntervalMs: 1e9,
      onEvent: (e) => {
        const now = performance.now();
        if (e.type === 'start') startedAt = now;
        if (e.type === 'backward') arrived.set(e.step, now - startedAt);
      },
    });
    const r = await run.done;
    assert.equal(r.status, 'ok', r.stderr);
    const bw = backwards(r.events);
    assert.equal(bw.length, 5);
    for (let k = 0; k + 1 < bw.length; k++) {
      assert.ok(isGraphElided(bw[k + 1].graph), 'the steps after the first go without their graph');
      assert.ok(arrived.get(bw[k].step)! < bw[k + 1].t, `step ${bw[k].step} arrived at ${arrived.get(bw[k].step)} ms, after step ${bw[k + 1].step} at ${bw[k + 1].t} ms`);
    }
  });
});

describe('layers shown as one node (issue 14, item 7)', function () {
  this.timeout(60000);
  let session: PythonSession;
  before(async () => {
    session = await openSession();
  });
  after(async () => {
    await session.close();
  });

  const SCRIPT = (layer: string, call: string) =>
    [
      'import torch',
      'torch.manual_seed(0)',
      `layer = ${layer}`,
      'head = torch.nn.Linear(4, 1)',
      'x = torch.randn(5, 2, 4)',
      `out = ${call}`,
      'loss = head(out[-1]).pow(2).mean()',
      'loss.backward()',
    ].join('\n');

  for (const [name, layer, call, className] of [
    ['an LSTM', 'torch.nn.LSTM(4, 4)', 'layer(x)[0]', 'LSTM'],
    ['a GRU of two layers', 'torch.nn.GRU(4, 4, num_layers=2)', 'layer(x)[0]', 'GRU'],
    ['multi-head attention', 'torch.nn.MultiheadAttention(4, 2)', 'layer(x, x, x)[0]', 'MultiheadAttention'],
  ] as const) {
    it(`draws ${name} as one node on its call's line, its parameters feeding it, the rest as before`, async () => {
      const r = await session.run(SCRIPT(layer, call), 'layer.py');
      assert.equal(r.status, 'ok', r.stderr);
      const g = backwards(r.events)[0].graph;
      const folded = g.nodes.filter((n) => n.module);
      assert.equal(folded.length, 1);
      const node = folded[0];
      assert.equal(node.gradFn, className);
      assert.equal(node.line, 6);
      assert.ok(node.module!.ops > 10, `${node.module!.ops} ops`);
      assert.deepEqual(node.shape, [5, 2, 4]);
      assert.ok(node.value, 'the output value');
      const params = g.nodes.filter((n) => n.kind === 'leaf' && n.name?.startsWith('layer.'));
      assert.ok(params.length >= 2);
      for (const p of params) assert.ok(g.edges.some(([from, to]) => from === p.id && to === node.id), `${p.name} feeds the layer`);
      // The ops outside the layer keep their own nodes, and no edge refers to a node that is not drawn.
      assert.ok(g.nodes.some((n) => n.gradFn === 'AddmmBackward0'));
      const ids = new Set(g.nodes.map((n) => n.id));
      for (const [from, to] of g.edges) assert.ok(ids.has(from) && ids.has(to));
      assert.ok(ids.has(g.rootId));
    });
  }

  it('leaves a layer that records one op, and a user-defined module, as they were', async () => {
    const r = await session.run(
      [
        'import torch',
        'class Net(torch.nn.Module):',
        '    def __init__(self):',
        '        super().__init__()',
        '        self.w = torch.nn.Parameter(torch.ones(3))',
        '    def forward(self, x):',
        '        return (x * self.w).tanh().sum() * 2',
        'Net()(torch.ones(3)).backward()',
      ].join('\n'),
      'net.py',
    );
    assert.equal(r.status, 'ok', r.stderr);
    const g = backwards(r.events)[0].graph;
    assert.ok(!g.nodes.some((n) => n.module));
    assert.deepEqual(g.nodes.filter((n) => n.kind === 'op').map((n) => n.gradFn).sort(), ['MulBackward0', 'MulBackward0', 'SumBackward0', 'TanhBackward0']);
  });
});
