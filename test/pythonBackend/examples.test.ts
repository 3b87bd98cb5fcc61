/**
 * The bundled examples on real PyTorch through the probe (issue 17): what they print is exactly what
 * `python example.py` prints, and their event streams decode with the protocol's decoder and carry PyTorch's
 * node names and the leaf names the playground gives. Skipped, saying so, without a Python that has torch;
 * an example that needs a package this Python lacks (d2l) is skipped by name.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BackwardEvent, GraphEvent, GraphNode, RunEvent } from '../../src/protocol/events';
import { repoRoot } from '../paths';
import { inBatches, NO_TORCH, runDirect, runProbed, scratch, torchPython, type Direct, type Probed } from './helpers';

const EXAMPLES = path.join(repoRoot, 'examples');
const scripts = fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.py')).sort();

/**
 * Node and leaf names each example's graphs must hold (PyTorch's names, the same in 1.13 and 2.x), and the input
 * nodes of its last graph as `name:shape->the op they feed` (what the playground sends for the example:
 * `autograd-playground run FILE.py --events F.jsonl`).
 */
const EXPECTED: Record<string, { leaves?: string[]; gradFns?: string[]; inputs?: string[] }> = {
  '01_scalar_gradient.py': { leaves: ['x'] },
  '02_chain_rule.py': { leaves: ['a', 'b'] },
  '05_linear_regression_scratch.py': {
    leaves: ['b', 'w'],
    gradFns: ['MeanBackward0', 'MmBackward0'],
    inputs: ['X:100x1->MmBackward0', 'y:100x1->SubBackward0'],
  },
  '07_house_prices.py': {
    leaves: ['model.linear.bias', 'model.linear.weight'],
    gradFns: ['MseLossBackward0', 'AddmmBackward0'],
    inputs: ['X:200x5->AddmmBackward0', 'y:200x1->MseLossBackward0'],
  },
  '09_module_dataloader_adam.py': {
    leaves: ['model.layers.0.bias', 'model.layers.0.weight', 'model.layers.2.bias', 'model.layers.2.weight'],
    gradFns: ['MseLossBackward0', 'TanhBackward0'],
  },
  '10_custom_function.py': { gradFns: ['LegendreP3Backward'], inputs: ['x:500->MulBackward0', 'y:500->SubBackward0'] },
  '11_decision_boundary_moons.py': {
    gradFns: ['BinaryCrossEntropyWithLogitsBackward0'],
    inputs: ['X:200x2->AddmmBackward0', 'y:200x1->BinaryCrossEntropyWithLogitsBackward0'],
  },
  '13_cnn_bars.py': { gradFns: ['ConvolutionBackward0', 'MaxPool2DWithIndicesBackward0', 'NllLossBackward0'] },
  // The LSTM's call is one node, as the playground shows it.
  // X feeds the LSTM's call (the playground's own LSTM reads it through a transpose, so it shows y alone).
  '14_lstm_sine.py': { gradFns: ['LSTM', 'MseLossBackward0'], inputs: ['X:50x12x1->LSTM', 'y:50x1->MseLossBackward0'] },
};

function graphs(events: RunEvent[]): Array<BackwardEvent | GraphEvent> {
  return events.filter((e): e is BackwardEvent | GraphEvent => e.type === 'backward' || e.type === 'graph');
}

/** The input nodes of the last whole graph, each as `name:shape->the op it feeds`. */
function lastInputs(events: RunEvent[]): string[] {
  const whole = graphs(events).filter((g) => g.graph.nodes.length > 0);
  const g = whole[whole.length - 1].graph;
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  return g.edges
    .filter(([from]) => byId.get(from)?.input)
    .map(([from, to]) => `${byId.get(from)!.name}:${byId.get(from)!.shape.join('x')}->${byId.get(to)!.gradFn}`)
    .sort();
}

describe('the examples on real PyTorch through the probe', function () {
  this.timeout(900000);
  let python: string | null = null;
  let runs: Map<string, Promise<{ direct: Direct; probed: Probed }>> = new Map();

  before(async function () {
    python = await torchPython();
    if (!python) {
      console.log(`    (${NO_TORCH})`);
      this.skip();
    }
    const py = python;
    const jobs = scripts.map((f) => async () => {
      const dir = scratch({ [f]: fs.readFileSync(path.join(EXAMPLES, f), 'utf8') });
      try {
        const direct = await runDirect(py, f, dir);
        const probed = await runProbed(py, f, dir, 100);
        return { direct, probed };
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
    // Two at a time: each starts a Python that imports torch.
    const all = inBatches(jobs, 2);
    runs = new Map(scripts.map((f, i) => [f, all.then((r) => r[i])]));
  });

  for (const f of scripts) {
    it(f, async function () {
      const { direct, probed } = await runs.get(f)!;
      const missing = /ModuleNotFoundError: No module named '([^']+)'/.exec(direct.stderr);
      if (direct.code !== 0 && missing) {
        console.log(`      (skipped: this Python has no '${missing[1]}')`);
        this.skip();
      }
      assert.equal(probed.stdout, direct.stdout, 'stdout through the probe');
      assert.equal(probed.code, direct.code, 'exit code');
      const { events } = probed;
      assert.equal(events[0].type, 'start');
      const end = events[events.length - 1];
      assert.ok(end.type === 'end' && end.status === 'ok', JSON.stringify(end));
      const steps = events.filter((e): e is BackwardEvent => e.type === 'backward');
      assert.ok(steps.length > 0, 'backward events');
      assert.deepEqual(steps.map((s) => s.step), steps.map((_, i) => i + 1));
      assert.equal(end.steps, steps.length);
      assert.ok(steps[0].graph.nodes.length > 0, 'the first step carries its whole graph');
      for (const s of steps) {
        assert.equal(s.file, f);
        assert.ok(s.line > 0 && typeof s.loss === 'number');
        for (const leaf of s.leaves) assert.ok(leaf.grad === null || (leaf.grad.numel > 0 && typeof leaf.grad.norm === 'number'));
      }
      const nodes: GraphNode[] = graphs(events).flatMap((g) => g.graph.nodes);
      for (const n of nodes) {
        if (n.kind === 'op') assert.match(n.gradFn ?? '', /^[A-Z]\w*$/, 'a PyTorch node name');
        // Input nodes have negative ids, as the playground's (never an op's or a leaf's).
        assert.ok((n.input ? n.id < -1 && n.kind === 'leaf' && n.name !== null : n.id > 0) && Array.isArray(n.shape) && typeof n.dtype === 'string');
      }
      const expected = EXPECTED[f];
      if (expected?.leaves) {
        assert.deepEqual([...new Set(nodes.filter((n) => n.kind === 'leaf' && !n.input).map((n) => n.name))].sort(), expected.leaves);
        assert.deepEqual([...new Set(steps[steps.length - 1].leaves.map((l) => l.name))].sort(), expected.leaves);
      }
      for (const name of expected?.gradFns ?? []) assert.ok(nodes.some((n) => n.gradFn === name), `a ${name} node`);
      assert.deepEqual(lastInputs(events), expected?.inputs ?? [], 'the last graph\'s input nodes');
      assert.ok(events.some((e) => e.type === 'variables'), 'a variables event');
    });
  }
});
