import { strict as assert } from 'node:assert';
import type { GraphModuleCall, GraphNode, GraphSummary } from '../../../src/protocol/events';
import { translate } from '../strings';
import { foldGraph, maxFoldLevel } from './graphFold';
import { layoutGraph } from './graphLayout';

const t = (id: Parameters<typeof translate>[1], ...args: Array<string | number>): string => translate({}, id, ...args);

let nextId = 1;
function op(gradFn: string, call: number | undefined, line = 7, shape = [5, 4]): GraphNode {
  return { id: nextId++, kind: 'op', gradFn, name: null, shape, dtype: 'float32', line, ...(call !== undefined ? { call } : {}) };
}
function leaf(name: string, call: number | undefined, shape = [4]): GraphNode {
  return { id: nextId++, kind: 'leaf', gradFn: null, name, shape, dtype: 'float32', line: 3, ...(call !== undefined ? { call } : {}) };
}
function mod(id: number, name: string, className: string, parent: number | null, line = 7): GraphModuleCall {
  return { id, name, className, parent, line, defLine: null };
}

/** model = Sequential(Linear, ReLU, Linear); ((model(X) - y) ** 2).mean(), as the runtime lists it. */
function mlp(): GraphSummary {
  const mean = op('MeanBackward0', undefined, 8, []);
  const pow = op('PowBackward0', undefined, 8);
  const sub = op('SubBackward0', undefined, 8);
  const addmm2 = op('AddmmBackward0', 13);
  const b2 = leaf('model.2.bias', 13);
  const relu = op('ReluBackward0', 12);
  const t2 = op('TBackward0', 13);
  const addmm0 = op('AddmmBackward0', 11);
  const w2 = leaf('model.2.weight', 13, [1, 4]);
  const b0 = leaf('model.0.bias', 11);
  const t0 = op('TBackward0', 11);
  const w0 = leaf('model.0.weight', 11, [4, 3]);
  const nodes = [mean, pow, sub, addmm2, b2, relu, t2, addmm0, w2, b0, t0, w0];
  const e = (a: GraphNode, b: GraphNode): [number, number] => [a.id, b.id];
  return {
    rootId: mean.id,
    nodes,
    edges: [e(pow, mean), e(sub, pow), e(addmm2, sub), e(b2, addmm2), e(relu, addmm2), e(t2, addmm2), e(addmm0, relu), e(w2, t2), e(b0, addmm0), e(t0, addmm0), e(w0, t0)],
    truncated: null,
    modules: [mod(10, 'model', 'Sequential', null), mod(13, 'model.2', 'Linear', 10), mod(12, 'model.1', 'ReLU', 10), mod(11, 'model.0', 'Linear', 10)],
  };
}

/** for i in range(n): total = total + ((model(X[i]) - y[i]) ** 2).sum(), model = Sequential(Linear, Tanh). */
function perSample(n: number): GraphSummary {
  const nodes: GraphNode[] = [];
  const edges: Array<[number, number]> = [];
  const modules: GraphModuleCall[] = [];
  const w = leaf('model.0.weight', undefined, [3, 2]);
  let prev: GraphNode | null = null;
  let root: GraphNode | null = null;
  for (let i = n - 1; i >= 0; i--) {
    const m = 100 + 10 * i;
    modules.push(mod(m, 'model', 'Sequential', null, 12), mod(m + 1, 'model.0', 'Linear', m, 12), mod(m + 2, 'model.1', 'Tanh', m, 12));
    const add = op('AddBackward0', undefined, 12, []);
    const sum = op('SumBackward0', undefined, 12, []);
    const pow = op('PowBackward0', undefined, 12, [1]);
    const sub = op('SubBackward0', undefined, 12, [1]);
    const tanh = op('TanhBackward0', m + 2, 12, [3]);
    const mv = op('MvBackward0', m + 1, 12, [3]);
    nodes.push(add, sum, pow, sub, tanh, mv);
    edges.push([sum.id, add.id], [pow.id, sum.id], [sub.id, pow.id], [tanh.id, sub.id], [mv.id, tanh.id], [w.id, mv.id]);
    if (prev) edges.push([add.id, prev.id]);
    root ??= add;
    prev = add;
  }
  // The weight belongs in the call nearest the root (the last sample's), as the runtime puts it.
  w.call = 101 + 10 * (n - 1);
  nodes.push(w);
  return { rootId: root!.id, nodes, edges, truncated: null, modules };
}

describe('graph folding: module boxes and repeats', () => {
  it('draws every module open at level 0: a box per call with more than one node, one-op modules inline', () => {
    const v = foldGraph(mlp(), { choices: {}, level: 0 });
    assert.deepEqual(v.boxes.map((b) => b.call.name), ['model', 'model.2', 'model.0']);
    const relu = v.items.find((it) => it.node?.gradFn === 'ReluBackward0')!;
    assert.equal(relu.inlineModule?.name, 'model.1');
    assert.equal(relu.parent, v.boxes[0].id);
    const w0 = v.items.find((it) => it.node?.name === 'model.0.weight')!;
    assert.equal(w0.parent, v.boxes.find((b) => b.call.name === 'model.0')!.id, 'parameters sit in their module');
    assert.equal(v.items.length, 12);
    assert.deepEqual(v.folded, { modules: 0, repeats: 0 });
  });

  it('closes modules from the deepest up as the level rises, and follows the user choices', () => {
    const g = mlp();
    const level2 = foldGraph(g, { choices: {}, level: 2 });
    assert.deepEqual(level2.boxes.map((b) => b.call.name), ['model']);
    const closed = level2.items.filter((it) => it.module).map((it) => it.module!.call.name);
    assert.deepEqual(closed.sort(), ['model.0', 'model.2']);
    const lin0 = level2.items.find((it) => it.module?.call.name === 'model.0')!;
    assert.deepEqual(lin0.module!.params.map((p) => p.name), ['model.0.bias', 'model.0.weight']);
    assert.equal(lin0.module!.output?.gradFn, 'AddmmBackward0');
    assert.deepEqual(level2.folded, { modules: 2, repeats: 0 });
    // Edges meet the closed module: relu (inline) ← model.0, model.2 ← relu.
    assert.ok(level2.edges.some(([a, b]) => a === lin0.id && b === level2.items.find((it) => it.node?.gradFn === 'ReluBackward0')!.id));
    const top = foldGraph(g, { choices: {}, level: maxFoldLevel(g) });
    assert.deepEqual(top.items.map((it) => it.module?.call.name ?? it.node!.gradFn), ['MeanBackward0', 'PowBackward0', 'SubBackward0', 'model']);
    // The user's choice wins over the level: 'model' open, 'model.0' closed at level 0.
    const chosen = foldGraph(g, { choices: { model: true, 'model.0': false }, level: maxFoldLevel(g) });
    assert.ok(chosen.boxes.some((b) => b.call.name === 'model'));
    assert.ok(chosen.items.some((it) => it.module?.call.name === 'model.0'));
    assert.ok(foldGraph(g, { choices: { 'model.0': false }, level: 0 }).items.some((it) => it.module?.call.name === 'model.0'));
  });

  it('folds a per-sample loop into one ×N box and ×N ops, so it draws whole under the node limit', () => {
    const g = perSample(50);
    assert.equal(g.nodes.length, 301);
    assert.equal(foldGraph(g, { choices: {}, level: 0 }).items.length > 200, true);
    const v = foldGraph(g, { choices: {}, level: 1 });
    const model = v.items.filter((it) => it.module);
    assert.equal(model.length, 1);
    assert.equal(model[0].count, 50);
    assert.equal(model[0].module!.call.name, 'model');
    assert.equal(model[0].module!.nodes, 150);
    const ops = v.items.filter((it) => it.node?.kind === 'op').map((it) => `${it.node!.gradFn}×${it.count}`).sort();
    assert.deepEqual(ops, ['AddBackward0×50', 'PowBackward0×50', 'SubBackward0×50', 'SumBackward0×50']);
    assert.ok(v.items.length <= 6);
    assert.ok(v.folded.repeats >= 5);
    // The root is the fold holding the last sample's add.
    assert.equal(v.items.find((it) => it.id === v.rootId)!.node!.gradFn, 'AddBackward0');
    // Repeat labels say ×N.
    const laid = layoutGraph(g, t, null, 'TB', { choices: {}, level: 1 });
    assert.ok(laid.nodes.some((n) => n.label.title === 'model ×50'), laid.nodes.map((n) => n.label.title).join(', '));
  });

  it('a closed module shows its class, parameters with shapes, and its output value and gradient', () => {
    const g = mlp();
    const out = g.nodes.find((n) => n.gradFn === 'AddmmBackward0' && n.call === 11)!;
    out.value = { shape: [5, 4], dtype: 'float32', numel: 20, text: 'tensor(...)', min: -1, max: 2, mean: 0.5, norm: 3 };
    out.grad = { shape: [5, 4], dtype: 'float32', numel: 20, text: 'tensor(...)', min: -1, max: 2, mean: 0.1, norm: 0.25 };
    const laid = layoutGraph(g, t, null, 'TB', { choices: { 'model.0': false }, level: 0 });
    const box = laid.nodes.find((n) => n.moduleKey === 'model.0')!;
    assert.equal(box.label.title, 'model.0');
    assert.equal(box.label.details[0], 'Linear · 4 nodes');
    assert.ok(box.label.details.includes('weight [4, 3]'), box.label.details.join(' | '));
    assert.ok(box.label.details.some((d) => d.startsWith('value ')));
    assert.ok(box.label.details.some((d) => d.startsWith('‖grad‖ 0.25')), box.label.details.join(' | '));
    // Open boxes are laid out around their nodes.
    const open = layoutGraph(g, t, null, 'TB', { choices: {}, level: 0 });
    const frame = open.boxes.find((b) => b.moduleKey === 'model.0')!;
    for (const n of open.nodes.filter((m) => ['model.0.weight', 'model.0.bias'].includes(m.label.title))) {
      assert.ok(Math.abs(n.x - frame.x) <= frame.width / 2 && Math.abs(n.y - frame.y) <= frame.height / 2, `${n.label.title} inside model.0's frame`);
    }
  });
});
