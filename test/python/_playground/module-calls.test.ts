// The module calls a graph's nodes ran under (GraphSummary.modules, GraphNode.call): the names the panel's
// boxes show for Sequential, ModuleList, nested custom modules, a module called twice and a per-sample loop.
import { strict as assert } from 'node:assert';
import type { BackwardEvent, GraphModuleCall, GraphNode, GraphSummary, RunEvent } from '../../../src/protocol/events';
import { openSession, type PythonSession } from '../../../src/runtime/host/runner';

function lastGraph(events: RunEvent[]): GraphSummary {
  const bw = events.filter((e): e is BackwardEvent => e.type === 'backward');
  return bw[bw.length - 1].graph;
}

/** 'model.0' → its calls. */
function callsByName(g: GraphSummary): Map<string | null, GraphModuleCall[]> {
  const out = new Map<string | null, GraphModuleCall[]>();
  for (const m of g.modules ?? []) out.set(m.name, [...(out.get(m.name) ?? []), m]);
  return out;
}

/** The dotted name of the call a node ran under ('' outside every module). */
function callName(g: GraphSummary, n: GraphNode): string {
  const m = g.modules?.find((c) => c.id === n.call);
  return m ? m.name ?? `<${m.className}>` : '';
}

function opsIn(g: GraphSummary, name: string): string[] {
  return g.nodes.filter((n) => n.kind === 'op' && callName(g, n) === name).map((n) => n.gradFn!).sort();
}

describe('module calls in graph events', function () {
  this.timeout(60000);
  let session: PythonSession;
  before(async () => {
    session = await openSession();
  });
  after(async () => {
    await session.close();
  });

  it('Sequential: each layer is a call inside the model, with its parameters and the call line', async () => {
    const src = [
      'import torch',
      'from torch import nn',
      'torch.manual_seed(0)',
      'X = torch.randn(5, 3)',
      'y = torch.randn(5, 1)',
      'model = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 1))',
      'out = model(X)',
      'loss = ((out - y) ** 2).mean()',
      'loss.backward()',
    ].join('\n');
    const r = await session.run(src, 'mlp.py');
    assert.equal(r.status, 'ok', r.stderr);
    const g = lastGraph(r.events);
    const calls = callsByName(g);
    assert.deepEqual([...calls.keys()], ['model', 'model.2', 'model.1', 'model.0']);
    const model = calls.get('model')![0];
    assert.deepEqual({ cls: model.className, line: model.line, parent: model.parent, defLine: model.defLine }, { cls: 'Sequential', line: 7, parent: null, defLine: null });
    for (const k of ['model.0', 'model.1', 'model.2']) assert.equal(calls.get(k)![0].parent, model.id);
    assert.equal(calls.get('model.0')![0].className, 'Linear');
    assert.deepEqual(opsIn(g, 'model.0'), ['AddmmBackward0', 'TBackward0']);
    assert.deepEqual(opsIn(g, 'model.1'), ['ReluBackward0']);
    assert.deepEqual(opsIn(g, ''), ['MeanBackward0', 'PowBackward0', 'SubBackward0']);
    const params = g.nodes.filter((n) => n.kind === 'leaf' && !n.input).map((n) => `${n.name}@${callName(g, n)}`).sort();
    assert.deepEqual(params, ['model.0.bias@model.0', 'model.0.weight@model.0', 'model.2.bias@model.2', 'model.2.weight@model.2']);
    // Ops keep their own line: the call's line, as the module's ops run inside the library.
    for (const n of g.nodes.filter((m) => m.kind === 'op' && callName(g, m).startsWith('model'))) assert.equal(n.line, 7);
  });

  it('ModuleList and a custom module with submodules: dotted names through the containers, the forward line', async () => {
    const src = [
      'import torch',
      'from torch import nn',
      'class Block(nn.Module):',
      '    def __init__(self):',
      '        super().__init__()',
      '        self.layer1 = nn.Linear(2, 2)',
      '    def forward(self, x):',
      '        return torch.tanh(self.layer1(x))',
      'class Net(nn.Module):',
      '    def __init__(self):',
      '        super().__init__()',
      '        self.encoder = Block()',
      '        self.heads = nn.ModuleList([nn.Linear(2, 2), nn.Linear(2, 1)])',
      '    def forward(self, x):',
      '        h = self.encoder(x)',
      '        for head in self.heads:',
      '            h = head(h)',
      '        return h',
      'net = Net()',
      'loss = net(torch.ones(3, 2)).sum()',
      'loss.backward()',
    ].join('\n');
    const r = await session.run(src, 'custom.py');
    assert.equal(r.status, 'ok', r.stderr);
    const g = lastGraph(r.events);
    const calls = callsByName(g);
    assert.deepEqual([...calls.keys()].sort(), ['net', 'net.encoder', 'net.encoder.layer1', 'net.heads.0', 'net.heads.1']);
    const net = calls.get('net')![0];
    const encoder = calls.get('net.encoder')![0];
    assert.deepEqual({ cls: net.className, line: net.line, defLine: net.defLine }, { cls: 'Net', line: 20, defLine: 14 });
    assert.deepEqual({ cls: encoder.className, line: encoder.line, defLine: encoder.defLine, parent: encoder.parent }, { cls: 'Block', line: 15, defLine: 7, parent: net.id });
    assert.equal(calls.get('net.encoder.layer1')![0].parent, encoder.id);
    assert.equal(calls.get('net.heads.1')![0].line, 17);
    assert.deepEqual(opsIn(g, 'net.encoder'), ['TanhBackward0']);
    const tanh = g.nodes.find((n) => n.gradFn === 'TanhBackward0')!;
    assert.equal(tanh.line, 8);
    const leaf = g.nodes.find((n) => n.name === 'net.heads.0.weight')!;
    assert.equal(callName(g, leaf), 'net.heads.0');
  });

  it('a module called twice is two calls of the same name; a per-sample loop is one call per sample', async () => {
    const src = [
      'import torch',
      'from torch import nn',
      'layer = nn.Linear(2, 2)',
      'x = torch.ones(1, 2)',
      'loss = layer(layer(x)).sum()',
      'loss.backward()',
      'model = nn.Sequential(nn.Linear(2, 3), nn.Tanh(), nn.Linear(3, 1))',
      'X = torch.randn(4, 2)',
      'y = torch.randn(4, 1)',
      'total = 0',
      'for i in range(4):',
      '    total = total + ((model(X[i]) - y[i]) ** 2).sum()',
      'total.backward()',
    ].join('\n');
    const r = await session.run(src, 'twice.py');
    assert.equal(r.status, 'ok', r.stderr);
    const bw = r.events.filter((e): e is BackwardEvent => e.type === 'backward');
    const twice = callsByName(bw[0].graph);
    assert.deepEqual([...twice.keys()], ['layer']);
    assert.equal(twice.get('layer')!.length, 2);
    assert.notEqual(twice.get('layer')![0].id, twice.get('layer')![1].id);
    const g = bw[1].graph;
    const calls = callsByName(g);
    assert.equal(calls.get('model')!.length, 4);
    assert.equal(calls.get('model.0')!.length, 4);
    for (const c of calls.get('model')!) assert.equal(c.line, 12);
    // Each sample's ops sit in that sample's calls.
    const perCall = new Map<number, number>();
    for (const n of g.nodes) if (n.kind === 'op' && n.call !== undefined) perCall.set(n.call, (perCall.get(n.call) ?? 0) + 1);
    const counts = calls.get('model.0')!.map((c) => perCall.get(c.id) ?? 0);
    assert.ok(counts[0] > 0);
    assert.deepEqual(counts, counts.map(() => counts[0]));
  });

  it('a layer shown as one node stays one node, inside the box of the call around it', async () => {
    const src = [
      'import torch',
      'from torch import nn',
      'class Tagger(nn.Module):',
      '    def __init__(self):',
      '        super().__init__()',
      '        self.rnn = nn.RNN(2, 3, batch_first=True)',
      '    def forward(self, x):',
      '        return self.rnn(x)[0]',
      'tagger = Tagger()',
      'tagger(torch.ones(1, 4, 2)).sum().backward()',
    ].join('\n');
    const r = await session.run(src, 'rnn.py');
    assert.equal(r.status, 'ok', r.stderr);
    const g = lastGraph(r.events);
    const rnn = g.nodes.filter((n) => n.module);
    assert.equal(rnn.length, 1);
    assert.equal(rnn[0].gradFn, 'RNN');
    assert.equal(callName(g, rnn[0]), 'tagger');
    assert.deepEqual([...callsByName(g).keys()], ['tagger']);
    const w = g.nodes.find((n) => n.name === 'tagger.rnn.weight_ih_l0')!;
    assert.equal(callName(g, w), 'tagger');
  });
});
