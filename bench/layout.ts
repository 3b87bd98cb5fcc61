/**
 * `npm run bench -- --only layout`: the panel's graph layout (webview/src/graph/graphLayout.ts: dagre, or layeredLayout.ts past a size) for
 * graphs of 50, 500 and 5,000 op nodes, each drawn whole (every module open, nothing folded) as the webview
 * lays it out on its main thread. Issue 16's target: under 100 ms at 500 nodes.
 */
import type { GraphModuleCall, GraphNode, GraphSummary, TensorSummary } from '../src/protocol/events';
import { foldGraph } from '../webview/src/graph/graphFold';
import { layoutView } from '../webview/src/graph/graphLayout';
import { translate, type Translate } from '../webview/src/strings';

const SIZES = [50, 500, 5_000];
/** Layout under this many milliseconds at 500 nodes keeps the panel responsive (issue 16, item 7). */
export const LAYOUT_TARGET_MS = 100;

function summary(shape: number[]): TensorSummary {
  const numel = shape.reduce((a, b) => a * b, 1);
  return { shape, dtype: 'float32', numel, text: '', min: -1, max: 1, mean: 0.01, norm: 3.2 };
}

/**
 * An MLP's graph with about `ops` op nodes: layers of Linear (t, addmm) and ReLU, each layer a module call
 * inside the model, its weight and bias as leaves, and the input X; the loss (sub, pow, mean) on top.
 */
export function mlpGraph(ops: number): GraphSummary {
  const nodes: GraphNode[] = [];
  const edges: Array<[number, number]> = [];
  const modules: GraphModuleCall[] = [{ id: 1, parent: null, name: 'model', className: 'Sequential', line: 7, defLine: null }];
  let id = 1;
  const add = (n: Omit<GraphNode, 'id'>): number => {
    nodes.push({ ...n, id: ++id });
    return id;
  };
  const op = (gradFn: string, call: number | undefined, shape: number[]): number =>
    add({ kind: 'op', gradFn, name: null, shape, dtype: 'float32', line: 7, value: summary(shape), grad: summary(shape), ...(call ? { call } : {}) });
  let prev = add({ kind: 'leaf', input: true, gradFn: null, name: 'X', shape: [64, 16], dtype: 'float32', line: 3, value: summary([64, 16]) });
  const layers = Math.max(1, Math.round((ops - 3) / 3));
  for (let i = 0; i < layers; i++) {
    const lin = 2 * i + 2;
    const act = 2 * i + 3;
    modules.push({ id: lin, parent: 1, name: `model.${2 * i}`, className: 'Linear', line: 7, defLine: null });
    modules.push({ id: act, parent: 1, name: `model.${2 * i + 1}`, className: 'ReLU', line: 7, defLine: null });
    const w = add({ kind: 'leaf', gradFn: null, name: `model.${2 * i}.weight`, shape: [16, 16], dtype: 'float32', line: 6, value: summary([16, 16]), grad: summary([16, 16]), call: lin });
    const b = add({ kind: 'leaf', gradFn: null, name: `model.${2 * i}.bias`, shape: [16], dtype: 'float32', line: 6, value: summary([16]), grad: summary([16]), call: lin });
    const t = op('TBackward0', lin, [16, 16]);
    edges.push([w, t]);
    const mm = op('AddmmBackward0', lin, [64, 16]);
    edges.push([b, mm], [prev, mm], [t, mm]);
    const relu = op('ReluBackward0', act, [64, 16]);
    edges.push([mm, relu]);
    prev = relu;
  }
  const sub = op('SubBackward0', undefined, [64, 16]);
  const pow = op('PowBackward0', undefined, [64, 16]);
  const mean = op('MeanBackward0', undefined, []);
  edges.push([prev, sub], [sub, pow], [pow, mean]);
  return { rootId: mean, nodes, edges, truncated: null, modules };
}

/** Median milliseconds of laying out `g` whole (fold level 0: every module open), from folding to positions. */
export function layoutMs(g: GraphSummary, t: Translate, reps: number): number {
  const samples: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    layoutView(foldGraph(g, { choices: {}, level: 0 }), t);
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

function withoutCall(n: GraphNode): GraphNode {
  const out = { ...n };
  delete out.call;
  return out;
}

export function layoutSection(): void {
  console.log('\n== graph layout (webview/src/graph/graphLayout.ts: dagre small, layeredLayout.ts large; main thread; whole graph, every module open; median) ==');
  const t: Translate = (id, ...args) => translate({}, id, ...args);
  for (const n of SIZES) {
    for (const boxes of [false, true]) {
      const full = mlpGraph(n);
      // Without module calls: the plain op graph (a script without nn.Module); with them: each layer a box.
      const g = boxes ? full : { ...full, modules: undefined, nodes: full.nodes.map((x) => withoutCall(x)) };
      const ops = g.nodes.filter((x) => x.kind === 'op').length;
      const what = `${String(ops).padStart(5)} op nodes (${String(g.nodes.length).padStart(5)} nodes), ${boxes ? `${full.modules!.length} module boxes` : 'no module boxes'}`;
      try {
        const ms = layoutMs(g, t, n <= 50 ? 5 : 1);
        const verdict = n === 500 ? `  (target < ${LAYOUT_TARGET_MS} ms: ${ms < LAYOUT_TARGET_MS ? 'met' : 'MISSED'})` : '';
        console.log(`${what}: ${ms.toFixed(1)} ms${verdict}`);
      } catch (e) {
        console.log(`${what}: failed (${e instanceof Error ? e.message : String(e)})`);
      }
    }
  }
}
