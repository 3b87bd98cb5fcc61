/**
 * The event-stream contract both backends keep (issue 17): the same small scripts on the playground's runtime
 * and on real PyTorch through the probe give the same event types in the same order, the same steps, lines,
 * losses, node names and leaf names, the same errors, warnings, divergence, variables and figure fields.
 * Skipped, saying so, without a Python that has torch.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BackwardEvent, FigureEvent, RunEvent } from '../../src/protocol/events';
import { startRun } from '../../src/runtime/host/runner';
import { runProbed, torchSuite } from './helpers';

const SCRIPTS: Record<string, string> = {
  'scalars.py': [
    'import torch, warnings',
    'w = torch.tensor([1.0, 2.0], requires_grad=True)',
    'b = torch.zeros(1, requires_grad=True)',
    'x = torch.tensor([3.0, 4.0])',
    'y = (w * x).sum() + b',
    'y.backward()',
    'print(w.grad)',
    'warnings.warn("check the shapes")',
    "z = (w * float('nan')).sum()",
    'z.backward()',
    'raise ValueError("boom")',
    '',
  ].join('\n'),
  'linear.py': [
    'import torch',
    'import torch.nn as nn',
    'torch.manual_seed(0)',
    'X = torch.randn(16, 3)',
    'Y = X @ torch.tensor([[1.0], [-2.0], [0.5]])',
    'model = nn.Linear(3, 1)',
    'opt = torch.optim.SGD(model.parameters(), lr=0.1)',
    'loss_fn = nn.MSELoss()',
    'for step in range(3):',
    '    opt.zero_grad()',
    '    loss = loss_fn(model(X), Y)',
    '    loss.backward()',
    '    opt.step()',
    'print(round(loss.item(), 4))',
    '',
  ].join('\n'),
  'plot.py': [
    'import matplotlib.pyplot as plt',
    'plt.figure(figsize=(6, 3))',
    "plt.plot([0, 1, 2], [3.0, 1.0, 2.0], label='loss')",
    "plt.title('curve')",
    "plt.xlabel('step')",
    'plt.legend()',
    "plt.savefig('curve.png')",
    '',
  ].join('\n'),
};

/** What both backends must agree on, event by event (output chunks and a trailing graph event left out). */
function comparable(events: RunEvent[]): unknown[] {
  return events
    // `torch` says which PyTorch ran: the python backend's alone.
    .filter((e) => e.type !== 'stdout' && e.type !== 'stderr' && e.type !== 'graph' && e.type !== 'start' && e.type !== 'torch')
    // The probe lists variables at the end only, and module globals only (README: what each backend reaches).
    .filter((e) => e.type !== 'variables' || e.at !== 'backward')
    .map((e) => {
      switch (e.type) {
        case 'backward': {
          const ops = e.graph.nodes.filter((n) => n.kind === 'op').map((n) => `${n.gradFn}@${n.line}`).sort();
          const leaves = e.graph.nodes.filter((n) => n.kind === 'leaf' && !n.input).map((n) => `${n.name}@${n.line ?? '?'}:${n.shape.join('x')}`).sort();
          // Input nodes (X, y: GraphNode.input), each with the op it feeds (the probe's from its line mode).
          const byId = new Map(e.graph.nodes.map((n) => [n.id, n]));
          const inputs = e.graph.edges
            .filter(([from]) => byId.get(from)?.input)
            .map(([from, to]) => {
              const n = byId.get(from)!;
              return `${n.name}@${n.line ?? '?'}:${n.shape.join('x')}:${n.dtype}->${byId.get(to)?.gradFn}:${n.value?.text}`;
            })
            .sort();
          const edges = e.graph.edges.length;
          const lossKey = e.loss === null ? null : Number.isNaN(e.loss) ? 'nan' : Number(e.loss.toPrecision(5));
          return { type: e.type, step: e.step, line: e.line, loss: lossKey, ops, leaves, inputs, edges, leafNames: e.leaves.map((l) => l.name).sort() };
        }
        case 'error':
          return { type: e.type, errorType: e.errorType, message: e.message, line: e.line };
        case 'warning':
          return { type: e.type, category: e.category, message: e.message, line: e.line };
        case 'diverged':
          return { type: e.type, step: e.step, line: e.line };
        case 'variables':
          return {
            type: e.type,
            names: e.variables.filter((v) => v.scope === undefined).map((v) => v.name).sort(),
            objects: (e.objects ?? []).filter((o) => o.scope === undefined).map((o) => `${o.kind}:${o.name}:${o.className}`).sort(),
          };
        case 'figure':
          return { type: e.type, ...figureFields(e) };
        case 'end':
          return { type: e.type, status: e.status, steps: e.steps };
      }
    });
}

function figureFields(e: FigureEvent): Record<string, unknown> {
  return {
    reason: e.reason,
    savefigPath: e.savefigPath,
    figsize: e.figsize,
    axes: e.axes.map((a) => ({
      title: a.title,
      xlabel: a.xlabel,
      legend: a.legend,
      series: a.series.map((s) => ({ kind: s.kind, x: s.x, y: s.y, label: s.label, linestyle: s.linestyle })),
    })),
  };
}

describe('both backends keep the same event-stream contract', function () {
  this.timeout(300000);
  const suite = torchSuite(SCRIPTS);

  for (const name of Object.keys(SCRIPTS)) {
    it(name, async () => {
      const probed = await runProbed(suite.python, name, suite.dir, 0);
      const playground = await startRun({ file: name, source: SCRIPTS[name], graphIntervalMs: 0, root: suite.dir, cwd: suite.dir }).done;
      assert.equal(probed.stdout, playground.stdout, 'stdout');
      assert.equal(probed.code, playground.exitCode, 'exit code');
      assert.deepEqual(comparable(probed.events), comparable(playground.events));
      // Both send the whole graph of every step here; its leaves name PyTorch's tensors as the script does.
      const steps = probed.events.filter((e): e is BackwardEvent => e.type === 'backward');
      for (const s of steps) assert.ok(s.graph.nodes.length > 0 && s.graph.truncated === null);
      // The data the graphs read, as input nodes named as the playground names them.
      const inputNames = steps.map((s) => s.graph.nodes.filter((n) => n.input).map((n) => n.name).sort().join(','));
      const expected: Record<string, string[]> = { 'scalars.py': ['x', ''], 'linear.py': ['X,Y', 'X,Y', 'X,Y'], 'plot.py': [] };
      assert.deepEqual(inputNames, expected[name]);
      assert.ok(fs.existsSync(path.join(suite.dir, 'curve.png')) || name !== 'plot.py', 'real savefig writes its file');
    });
  }
});

/**
 * Steps sent without their graph (whole graphs throttled, as in a real run): the probe builds their events by
 * hand, reads small gradients' stats in Python and turns its line mode on only for the steps that need it, so
 * the steps in between and the last graph, sent at the end, are compared field by field with the playground's.
 */
const LIGHT: Record<string, string> = {
  'light.py': [
    'import torch',
    'import torch.nn as nn',
    'torch.manual_seed(0)',
    'X = torch.randn(16, 3)',
    'Y = X @ torch.tensor([[1.0], [-2.0], [0.5]])',
    'v = torch.tensor([0.0, 4.0], requires_grad=True)',
    'v.sqrt().sum().backward()',
    'model = nn.Linear(3, 1)',
    'opt = torch.optim.SGD(model.parameters(), lr=0.1)',
    'loss_fn = nn.MSELoss()',
    'for step in range(4):',
    '    opt.zero_grad()',
    '    v.grad = None',
    '    loss = loss_fn(model(X), Y) + v.sqrt().sum()',
    '    loss.backward()',
    '    opt.step()',
    '',
  ].join('\n'),
};

function close(a: number | null, b: number | null, what: string): void {
  if (a === null || b === null || !Number.isFinite(a) || !Number.isFinite(b)) {
    assert.equal(String(a), String(b), what);
    return;
  }
  assert.ok(Math.abs(a - b) <= 1e-5 * Math.max(1, Math.abs(b)), `${what}: ${a} vs ${b}`);
}

function lightSteps(events: RunEvent[]): BackwardEvent[] {
  return events.filter((e): e is BackwardEvent => e.type === 'backward' && e.graph.nodes.length === 0);
}

describe('both backends send the same steps without their graph, and the same last graph', function () {
  this.timeout(300000);
  const suite = torchSuite(LIGHT);

  it('light.py, whole graphs at most once a minute', async () => {
    const probed = await runProbed(suite.python, 'light.py', suite.dir, 60000);
    const playground = await startRun({ file: 'light.py', source: LIGHT['light.py'], graphIntervalMs: 60000, root: suite.dir, cwd: suite.dir }).done;
    const mine = lightSteps(probed.events);
    const theirs = lightSteps(playground.events);
    assert.equal(mine.length, 4, 'steps 2 to 5 go without their graph');
    assert.deepEqual(mine.map((e) => e.step), theirs.map((e) => e.step));
    for (const [m, t] of mine.map((e, i) => [e, theirs[i]] as const)) {
      assert.equal(m.line, t.line);
      assert.equal(m.file, t.file);
      close(m.loss, t.loss, `step ${m.step} loss`);
      assert.deepEqual(m.graph.truncated, t.graph.truncated, `step ${m.step} graph size`);
      assert.deepEqual(m.leaves.map((l) => [l.name, l.shape]), t.leaves.map((l) => [l.name, l.shape]), `step ${m.step} leaves`);
      m.leaves.forEach((l, i) => {
        const g = l.grad!;
        const h = t.leaves[i].grad!;
        assert.deepEqual([g.shape, g.dtype, g.numel, g.text], [h.shape, h.dtype, h.numel, h.text], `step ${m.step} ${l.name}`);
        for (const k of ['min', 'max', 'mean', 'norm'] as const) close(g[k], h[k], `step ${m.step} ${l.name}.grad ${k}`);
      });
    }
    // v's gradient is infinite where v is 0: its stats go as the protocol spells non-finite numbers.
    assert.equal(mine[0].leaves.find((l) => l.name === 'v')!.grad!.max, Infinity);
    // The last step went without its graph: the graph event at the end has its ops' lines and shapes, though the
    // probe's line mode was off for that step.
    // (A node PyTorch records inside one function, F.linear's transpose, has no shape of its own on the probe.)
    const last = (events: RunEvent[]): Array<[string, string]> => {
      const g = events.filter((e) => e.type === 'graph').pop();
      assert.ok(g && g.type === 'graph', 'a graph event at the end');
      return g.graph.nodes.filter((n) => n.kind === 'op').map((n): [string, string] => [`${n.gradFn}@${n.line}`, n.shape.join('x')]).sort();
    };
    // Its input nodes too (the line mode's from the last whole graph of that form: the same X and Y).
    const lastInputs = (events: RunEvent[]): string[] => {
      const g = events.filter((e) => e.type === 'graph').pop();
      assert.ok(g && g.type === 'graph');
      const byId = new Map(g.graph.nodes.map((n) => [n.id, n]));
      return g.graph.edges.filter(([from]) => byId.get(from)?.input).map(([from, to]) => `${byId.get(from)!.name}:${byId.get(from)!.shape.join('x')}->${byId.get(to)!.gradFn}`).sort();
    };
    assert.deepEqual(lastInputs(probed.events), ['X:16x3->AddmmBackward0', 'Y:16x1->MseLossBackward0']);
    // (The playground's last graph names only inputs a whole graph named before: none here, its first whole graph
    // being v's alone.)
    assert.deepEqual(lastInputs(playground.events), []);
    const [lastMine, lastTheirs] = [last(probed.events), last(playground.events)];
    assert.deepEqual(lastMine.map(([op]) => op), lastTheirs.map(([op]) => op));
    assert.deepEqual(lastMine.filter(([op]) => op.startsWith('AddmmBackward0') || op.startsWith('SqrtBackward0')).map(([, shape]) => shape), ['16x1', '2']);
  });
});

/**
 * The module calls a graph's nodes ran under (GraphSummary.modules, GraphNode.call), which the panel draws as
 * boxes: the probe's from global forward hooks that are on only for the steps whose whole graph is sent.
 */
const MODULES: Record<string, string> = {
  'modules.py': [
    'import torch',
    'import torch.nn as nn',
    '',
    '',
    'class Block(nn.Module):',
    '    def __init__(self):',
    '        super().__init__()',
    '        self.fc1 = nn.Linear(3, 4)',
    '        self.act = nn.Tanh()',
    '        self.fc2 = nn.Linear(4, 2)',
    '',
    '    def forward(self, x):',
    '        h = self.act(self.fc1(x))',
    '        return self.fc2(h) * 2',
    '',
    '',
    'torch.manual_seed(0)',
    'X = torch.randn(5, 3)',
    'mlp = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 1))',
    'loss = mlp(X).pow(2).mean()',
    'loss.backward()',
    'net = Block()',
    'out = net(X).sum()',
    'out.backward()',
    '',
  ].join('\n'),
  // A forward that raises (caught), a module that calls itself, a layer shown as one node, a loss module.
  'module_edges.py': [
    'import torch',
    'import torch.nn as nn',
    '',
    '',
    'class Bad(nn.Module):',
    '    def forward(self, x):',
    '        raise ValueError("no")',
    '',
    '',
    'class Tree(nn.Module):',
    '    def __init__(self, depth):',
    '        super().__init__()',
    '        self.depth = depth',
    '        self.leaf = nn.Linear(2, 2)',
    '',
    '    def forward(self, x):',
    '        if self.depth == 0:',
    '            return self.leaf(x)',
    '        self.depth -= 1',
    '        y = self(x) + 1',
    '        self.depth += 1',
    '        return y',
    '',
    '',
    'torch.manual_seed(0)',
    'X = torch.randn(4, 2)',
    'bad = Bad()',
    'tree = Tree(2)',
    'rnn = nn.LSTM(2, 3, batch_first=True)',
    'loss_fn = nn.MSELoss()',
    'h = tree(X)',
    'try:',
    '    bad(h)',
    'except ValueError:',
    '    pass',
    'z = h * 3',
    'out, _ = rnn(z.unsqueeze(0))',
    'loss = loss_fn(out.sum(-1), torch.zeros(1, 4))',
    'loss.backward()',
    '',
  ].join('\n'),
  // Whole graphs throttled: the hooks are on for the first step only (the probe's global post-hooks counted:
  // none of its own on the other steps), and the last graph, sent at the end, takes the first one's calls.
  'module_loop.py': [
    'import torch',
    'import torch.nn as nn',
    'from torch.nn.modules import module as M',
    'torch.manual_seed(0)',
    'X = torch.randn(8, 3)',
    'Y = torch.randn(8, 1)',
    'model = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 1))',
    'opt = torch.optim.SGD(model.parameters(), lr=0.1)',
    'for step in range(4):',
    '    opt.zero_grad()',
    '    loss = ((model(X) - Y) ** 2).mean()',
    "    print(step, len(getattr(M, '_global_forward_hooks', {})))",
    '    loss.backward()',
    '    opt.step()',
    "print('end', len(getattr(M, '_global_forward_hooks', {})))",
    '',
  ].join('\n'),
};

/** Each shown graph's nodes with the chain of calls around them (name:class@line/defLine, outermost first). */
function moduleBoxes(events: RunEvent[]): string[][] {
  const out: string[][] = [];
  for (const e of events) {
    if ((e.type !== 'backward' && e.type !== 'graph') || e.graph.nodes.length === 0) continue;
    const g = e.graph;
    const calls = g.modules ?? [];
    const byId = new Map(calls.map((m) => [m.id, m]));
    // Parents before children, each listed once, every one named by a node or around one.
    const seen = new Set<number>();
    for (const m of calls) {
      assert.ok(!seen.has(m.id), `call ${m.id} listed once`);
      assert.ok(m.parent === null || seen.has(m.parent), `call ${m.id}'s parent listed before it`);
      seen.add(m.id);
    }
    const used = new Set<number>();
    for (const n of g.nodes) for (let id = n.call; id !== undefined && !used.has(id); id = byId.get(id)?.parent ?? undefined) used.add(id);
    assert.deepEqual([...used].sort(), [...seen].sort(), 'only the calls the nodes name');
    const chain = (id: number | undefined): string => {
      const parts: string[] = [];
      for (let m = id === undefined ? undefined : byId.get(id); m; m = m.parent === null ? undefined : byId.get(m.parent)) parts.unshift(`${m.name}:${m.className}@${m.line}/${m.defLine}`);
      return parts.join(' > ');
    };
    out.push(g.nodes.map((n) => `${n.kind === 'op' ? n.gradFn : n.name}@${n.line} in [${chain(n.call)}]`).sort());
  }
  return out;
}

describe('both backends put the same nodes in the same module calls', function () {
  this.timeout(300000);
  const suite = torchSuite(MODULES);

  for (const [name, interval] of [['modules.py', 0], ['module_edges.py', 0], ['module_loop.py', 60000]] as const) {
    it(name, async () => {
      const probed = await runProbed(suite.python, name, suite.dir, interval);
      const playground = await startRun({ file: name, source: MODULES[name], graphIntervalMs: interval, root: suite.dir, cwd: suite.dir }).done;
      assert.equal(probed.code, 0, probed.stderr);
      const mine = moduleBoxes(probed.events);
      assert.deepEqual(mine, moduleBoxes(playground.events));
      assert.ok(mine.every((g) => g.some((n) => n.includes(':Linear@'))), 'every graph has its Linear calls');
      if (name === 'module_loop.py') {
        assert.equal(mine.length, 2, 'the first step and the last graph');
        assert.equal(probed.stdout, '0 1\n1 0\n2 0\n3 0\nend 0\n');
      }
    });
  }
});
