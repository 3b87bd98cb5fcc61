// The layered layout for large drawings (layeredLayout.ts, chosen by graphLayout.ts useDagre): a deep MLP
// drawn whole, with and without module boxes, laid out fast, without overlaps, inputs above their consumers,
// items inside their boxes; 5,000 nodes without a stack overflow (dagre's recursion overflowed there).
import { strict as assert } from 'node:assert';
import type { GraphModuleCall, GraphNode, GraphSummary } from '../../../src/protocol/events';
import { layoutView, useDagre, type GraphLayout } from './graphLayout';
import { foldGraph } from './graphFold';
import { translate, type Translate } from '../strings';

const t: Translate = (id, ...args) => translate({}, id, ...args);

/** `layers` Linear+ReLU layers (t, addmm, relu; weight and bias leaves), each layer two module calls. */
function mlp(layers: number, boxes: boolean): GraphSummary {
  const nodes: GraphNode[] = [];
  const edges: Array<[number, number]> = [];
  const modules: GraphModuleCall[] = [{ id: 1, parent: null, name: 'model', className: 'Sequential', line: 7, defLine: null }];
  let id = 1;
  const add = (n: Omit<GraphNode, 'id'>): number => {
    nodes.push({ ...n, id: ++id });
    return id;
  };
  const node = (kind: 'op' | 'leaf', what: string, call: number | null): number =>
    add({ kind, gradFn: kind === 'op' ? what : null, name: kind === 'leaf' ? what : null, shape: [8, 8], dtype: 'float32', line: 7, ...(boxes && call !== null ? { call } : {}) });
  let prev = add({ kind: 'leaf', input: true, gradFn: null, name: 'X', shape: [8, 8], dtype: 'float32', line: 3 });
  for (let i = 0; i < layers; i++) {
    modules.push({ id: 2 * i + 2, parent: 1, name: `model.${2 * i}`, className: 'Linear', line: 7, defLine: null });
    modules.push({ id: 2 * i + 3, parent: 1, name: `model.${2 * i + 1}`, className: 'ReLU', line: 7, defLine: null });
    const w = node('leaf', `model.${2 * i}.weight`, 2 * i + 2);
    const b = node('leaf', `model.${2 * i}.bias`, 2 * i + 2);
    const tr = node('op', 'TBackward0', 2 * i + 2);
    const mm = node('op', 'AddmmBackward0', 2 * i + 2);
    const relu = node('op', 'ReluBackward0', 2 * i + 3);
    edges.push([w, tr], [b, mm], [prev, mm], [tr, mm], [mm, relu]);
    prev = relu;
  }
  const mean = node('op', 'MeanBackward0', null);
  edges.push([prev, mean]);
  return { rootId: mean, nodes, edges, truncated: null, ...(boxes ? { modules } : {}) };
}

function check(layout: GraphLayout): void {
  const at = new Map(layout.nodes.map((n) => [n.key, n]));
  for (const n of layout.nodes) {
    for (const v of [n.x, n.y, n.width, n.height]) assert.ok(Number.isFinite(v), `${n.key} at ${n.x},${n.y}`);
    assert.ok(n.x - n.width / 2 >= 0 && n.x + n.width / 2 <= layout.width && n.y - n.height / 2 >= 0 && n.y + n.height / 2 <= layout.height, `${n.key} inside the drawing`);
  }
  for (const e of layout.edges) {
    assert.ok(at.get(e.from)!.y < at.get(e.to)!.y, `${e.from} above ${e.to}`);
    assert.ok(e.points.length >= 2);
  }
  // No two nodes overlap: sorted by top, each compared with those whose rows it reaches.
  const byTop = [...layout.nodes].sort((a, b) => a.y - a.height / 2 - (b.y - b.height / 2));
  for (let i = 0; i < byTop.length; i++) {
    const a = byTop[i];
    for (let j = i + 1; j < byTop.length && byTop[j].y - byTop[j].height / 2 < a.y + a.height / 2; j++) {
      const b = byTop[j];
      assert.ok(Math.abs(a.x - b.x) >= (a.width + b.width) / 2, `${a.key} and ${b.key} overlap`);
    }
  }
}

describe('layered layout of large graphs', () => {
  it('keeps small drawings on dagre and takes large ones', () => {
    assert.equal(useDagre(foldGraph(mlp(3, true), { choices: {}, level: 0 })), true);
    assert.equal(useDagre(foldGraph(mlp(166, false), { choices: {}, level: 0 })), false);
  });

  it('lays out 500 op nodes in module boxes without overlaps, every item inside its box, inputs above', () => {
    const v = foldGraph(mlp(166, true), { choices: {}, level: 0 });
    assert.ok(v.boxes.length > 100);
    const started = performance.now();
    const layout = layoutView(v, t);
    const ms = performance.now() - started;
    // The bench (bench/layout.ts) measures it: tens of ms; the bound here only catches a blow-up.
    assert.ok(ms < 1500, `${ms.toFixed(0)} ms`);
    check(layout);
    const boxes = new Map(layout.boxes.map((b) => [b.key, b]));
    const inside = (a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }): boolean =>
      a.x - a.width / 2 >= b.x - b.width / 2 && a.x + a.width / 2 <= b.x + b.width / 2 && a.y - a.height / 2 >= b.y - b.height / 2 && a.y + a.height / 2 <= b.y + b.height / 2;
    for (const it of v.items) if (it.parent !== null) assert.ok(inside(layout.nodes.find((n) => n.key === it.id)!, boxes.get(it.parent)!), `${it.id} in ${it.parent}`);
    for (const b of v.boxes) if (b.parent !== null) assert.ok(inside(boxes.get(b.id)!, boxes.get(b.parent)!), `${b.id} in ${b.parent}`);
  });

  it('lays out 500 op nodes without boxes left to right when asked', () => {
    const layout = layoutView(foldGraph(mlp(166, false), { choices: {}, level: 0 }), t, null, 'LR');
    const at = new Map(layout.nodes.map((n) => [n.key, n]));
    for (const e of layout.edges) assert.ok(at.get(e.from)!.x < at.get(e.to)!.x, `${e.from} left of ${e.to}`);
    assert.ok(layout.width > layout.height);
  });

  it('lays out 5,000 op nodes, with and without boxes, without overflowing the stack', () => {
    for (const boxes of [false, true]) check(layoutView(foldGraph(mlp(1666, boxes), { choices: {}, level: 0 }), t));
  });
});
