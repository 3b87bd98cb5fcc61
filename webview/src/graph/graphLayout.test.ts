// The computation graph view's input: grad_fn symbols, node labels, the dagre graph built from the
// backward event (inputs on top, root at the bottom), and layout reuse across steps of the same shape.
import { strict as assert } from 'node:assert';
import type { GraphSummary } from '../../../src/protocol/events';
import { buildDagreGraph, chooseDirection, edgePath, labelSize, layoutGraph, nodeLabel, opBaseName, opSymbol, viewKey, type NodeLabel } from './graphLayout';
import { foldGraph } from './graphFold';
import { translate, type Translate } from '../strings';
import { backward } from '../testFixtures';

const t: Translate = (id, ...args) => translate({}, id, ...args);

describe('webview computation graph', () => {
  it('shows grad_fn names as readable symbols', () => {
    assert.equal(opSymbol('AddBackward0'), '+');
    assert.equal(opSymbol('MulBackward0'), '×');
    assert.equal(opSymbol('MmBackward0'), '@');
    assert.equal(opSymbol('AddmmBackward0'), '@');
    assert.equal(opSymbol('PowBackward0'), '^');
    assert.equal(opSymbol('PowBackward1'), '^');
    assert.equal(opSymbol('SumBackward0'), 'Σ');
    assert.equal(opSymbol('SumBackward1'), 'Σ');
    assert.equal(opSymbol('MeanBackward0'), 'mean');
    assert.equal(opSymbol('SubBackward0'), '−');
    assert.equal(opSymbol('DivBackward0'), '÷');
    assert.equal(opSymbol('SigmoidBackward0'), 'σ');
    assert.equal(opSymbol('MseLossBackward0'), 'MSE');
    assert.equal(opSymbol('TBackward0'), '.T');
    assert.equal(opSymbol('SelectBackwardBackward0'), 'SelectBackward', 'double backward is not the forward op');
    assert.equal(opSymbol('FancyNewOpBackward0'), 'FancyNewOp', 'unknown ops show their name');
    assert.equal(opBaseName('NotAGradFn'), 'NotAGradFn');
    assert.equal(opSymbol(null), '?');
  });

  it('draws a named input (X, y) as a small input node: its name, shape and value, no gradient', () => {
    const e = backward(1, 0.5);
    const x = { id: -10, kind: 'leaf' as const, input: true as const, gradFn: null, name: 'X', shape: [2, 2], dtype: 'float32', line: null, value: e.graph.nodes[5].value };
    const g: GraphSummary = { ...e.graph, nodes: [...e.graph.nodes, x], edges: [...e.graph.edges, [-10, e.graph.nodes[4].id]] };
    const label = nodeLabel(x, t);
    assert.equal(label.title, 'X');
    assert.deepEqual(label.details, ['[2, 2]', 'value ∈ [-1, 0.49]']);
    assert.match(label.tooltip, /input: does not require grad/);
    const laid = layoutGraph(g, t);
    const node = laid.nodes.find((n) => n.id === -10)!;
    assert.equal(node.input, true);
    assert.equal(laid.nodes.filter((n) => n.input).length, 1);
    assert.ok(laid.edges.some((ed) => ed.from === '-10'), 'its edge to the op it feeds');
  });

  it('labels leaves by name and ops by symbol, with shape, value and gradient', () => {
    const e = backward(2, 0.25);
    const [mean, , , add, , w] = e.graph.nodes;
    const leaf = nodeLabel(w, t);
    assert.equal(leaf.title, 'w');
    assert.deepEqual(leaf.details, ['[2, 1]', 'value ∈ [-1, 0.48]', '‖grad‖ 2.8284']);
    assert.match(leaf.tooltip, /line 3/);
    assert.match(leaf.tooltip, /tensor\(\[2\.0000, -2\.0000\]\)/);
    const op = nodeLabel(add, t);
    assert.equal(op.title, '+');
    assert.deepEqual(op.details, ['AddBackward0', '[2]', 'value ∈ [1, 2]', '‖grad‖ 0.70711']);
    const root = nodeLabel(mean, t);
    assert.equal(root.title, 'mean');
    assert.deepEqual(root.details, ['MeanBackward0', 'scalar', 'value 0.25', 'grad 1']);
    const zh = nodeLabel(w, (id, ...args) => translate({ value: '值', grad: '梯度' }, id, ...args));
    assert.deepEqual(zh.details.slice(1), ['值 ∈ [-1, 0.48]', '‖梯度‖ 2.8284']);
    const size = labelSize(zh);
    assert.ok(size.width > 60 && size.height > 40);
  });

  it('builds the dagre graph from nodes and edges, top to bottom', () => {
    const e = backward(1, 1);
    const labels = new Map<string, NodeLabel>(e.graph.nodes.map((n) => [String(n.id), nodeLabel(n, t)]));
    const dg = buildDagreGraph(foldGraph(e.graph, { choices: {}, level: 0 }), labels);
    assert.equal(dg.nodeCount(), 7);
    assert.equal(dg.edgeCount(), 6);
    assert.equal((dg.graph() as { rankdir?: string }).rankdir, 'TB');
    assert.ok(dg.hasEdge('1', '101'), 'w → mm: edges run from input to consumer');
    assert.equal(dg.node('1').width, labelSize(labels.get('1')!).width);
    // An edge naming a node that is not in the list (cut at the node limit) is left out.
    const cut: GraphSummary = { ...e.graph, edges: [...e.graph.edges, [999, 105]] };
    assert.equal(buildDagreGraph(foldGraph(cut, { choices: {}, level: 0 }), labels).edgeCount(), 6);
  });

  it('lays leaves out above the ops that use them and the root at the bottom', () => {
    const e = backward(1, 1);
    const layout = layoutGraph(e.graph, t);
    const y = (id: number): number => layout.nodes.find((n) => n.id === id)!.y;
    assert.ok(y(1) < y(101), 'w above mm');
    assert.ok(y(2) < y(102), 'b above add');
    for (const n of layout.nodes) if (n.id !== 105) assert.ok(n.y < y(105), 'root lowest');
    assert.ok(layout.nodes.find((n) => n.id === 105)!.isRoot);
    assert.equal(layout.edges.length, 6);
    for (const edge of layout.edges) assert.ok(edge.points.length >= 2);
    assert.ok(layout.width > 0 && layout.height > 0);
    // No two boxes overlap.
    for (const a of layout.nodes)
      for (const b of layout.nodes) {
        if (a === b) continue;
        const apart = Math.abs(a.x - b.x) >= (a.width + b.width) / 2 || Math.abs(a.y - b.y) >= (a.height + b.height) / 2;
        assert.ok(apart, `${a.id} and ${b.id} overlap`);
      }
  });

  it('reuses the layout for the next step of the same shape, with the new ids and values', () => {
    const first = layoutGraph(backward(1, 1).graph, t);
    const nextEvent = backward(2, 0.5);
    assert.equal(`TB:${viewKey(foldGraph(nextEvent.graph, { choices: {}, level: 0 }))}`, first.key);
    const next = layoutGraph(nextEvent.graph, t, first);
    assert.deepEqual(
      next.nodes.map((n) => [n.x, n.y]),
      first.nodes.map((n) => [n.x, n.y]),
    );
    assert.deepEqual(next.nodes.map((n) => n.id), [205, 204, 203, 202, 201, 1, 2]);
    assert.ok(next.edges.some((ed) => ed.from === '201' && ed.to === '202'));
    assert.equal(next.nodes[0].label.details[2], 'value 0.5');
    const truncated = backward(3, 0.5, { truncated: true });
    assert.notEqual(layoutGraph(truncated.graph, t).key, first.key);
    assert.equal(layoutGraph(truncated.graph, t, first).nodes.length, 3);
  });

  it('lays out a 200-node graph quickly', () => {
    // A chain of 100 (x * w_i) + b_i blocks, like an unrolled model.
    const nodes: GraphSummary['nodes'] = [];
    const edges: GraphSummary['edges'] = [];
    let prev = -1;
    for (let i = 0; i < 66; i++) {
      const mul = 1000 + 3 * i;
      const w = 1001 + 3 * i;
      const add = 1002 + 3 * i;
      nodes.push({ id: mul, kind: 'op', gradFn: 'MulBackward0', name: null, shape: [4], dtype: 'float32', line: 10 });
      nodes.push({ id: w, kind: 'leaf', gradFn: null, name: `w${i}`, shape: [4], dtype: 'float32', line: 5 });
      nodes.push({ id: add, kind: 'op', gradFn: 'AddBackward0', name: null, shape: [4], dtype: 'float32', line: 10 });
      edges.push([w, mul], [mul, add]);
      if (prev >= 0) edges.push([prev, mul]);
      prev = add;
    }
    const started = performance.now();
    const layout = layoutGraph({ rootId: prev, nodes, edges, truncated: null }, t);
    const ms = performance.now() - started;
    assert.equal(layout.nodes.length, 198);
    assert.ok(ms < 2000, `${ms.toFixed(0)} ms`);
  });

  it('turns long chains left to right in a wide panel, and keeps wide or small graphs top to bottom', () => {
    const chain: GraphSummary = { rootId: 29, truncated: null, nodes: [], edges: [] };
    for (let i = 0; i < 30; i++) {
      chain.nodes.push({ id: i, kind: i === 0 ? 'leaf' : 'op', gradFn: i === 0 ? null : 'ReluBackward0', name: i === 0 ? 'x' : null, shape: [8], dtype: 'float32', line: 3 });
      if (i > 0) chain.edges.push([i - 1, i]);
    }
    assert.equal(chooseDirection(chain, t, { width: 1000, height: 460 }), 'LR');
    assert.equal(chooseDirection(chain, t, { width: 300, height: 900 }), 'TB', 'a narrow panel stays top to bottom');
    const wide: GraphSummary = { rootId: 100, truncated: null, nodes: [{ id: 100, kind: 'op', gradFn: 'SumBackward0', name: null, shape: [], dtype: 'float32', line: 9 }], edges: [] };
    for (let i = 0; i < 20; i++) {
      wide.nodes.push({ id: i, kind: 'leaf', gradFn: null, name: `p${i}`, shape: [2], dtype: 'float32', line: 2 });
      wide.edges.push([i, 100]);
    }
    assert.equal(chooseDirection(wide, t, { width: 1000, height: 460 }), 'TB');
    assert.equal(chooseDirection(backward(1, 1).graph, t, { width: 0, height: 0 }), 'TB');
    const lr = layoutGraph(chain, t, null, 'LR');
    assert.ok(lr.width > lr.height);
    assert.ok(lr.nodes[0].x < lr.nodes[29].x, 'input on the left, root on the right');
    assert.notEqual(lr.key, layoutGraph(chain, t, null, 'TB').key);
  });

  it('draws edges as paths through the layout points', () => {
    assert.equal(edgePath([]), '');
    assert.equal(
      edgePath([
        { x: 0, y: 0 },
        { x: 10, y: 20 },
      ]),
      'M0,0L10,20',
    );
    assert.equal(
      edgePath([
        { x: 0, y: 0 },
        { x: 10, y: 10 },
        { x: 20, y: 30 },
      ]),
      'M0,0Q10,10 20,30',
    );
  });
});
