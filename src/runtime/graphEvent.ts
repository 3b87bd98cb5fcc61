import type { Node } from '../engine/autograd';
import type { Tensor } from '../engine/tensor';
import type { GraphNode, GraphSummary, LeafSummary } from './events';
import { summarize } from './tensorSummary';

export interface GraphCapture {
  graph: GraphSummary;
  leaves: LeafSummary[];
}

/**
 * Describes the graph reachable from `root` breadth-first, so when it is cut at `limit` nodes the part
 * nearest the root (what the learner just wrote) is what stays.
 */
export function captureGraph(
  root: Tensor,
  names: ReadonlyMap<number, string>,
  nodeGrads: ReadonlyMap<Node, Tensor> | null,
  limit: number,
): GraphCapture {
  const start = root.gradFn ?? root.accumulator;
  const nodes: GraphNode[] = [];
  const edges: Array<[number, number]> = [];
  const leaves: LeafSummary[] = [];
  if (!start) {
    return { graph: { rootId: -1, nodes, edges, truncated: null }, leaves };
  }
  const seen = new Set<Node>([start]);
  const queue: Node[] = [start];
  let hidden = 0;
  for (let qi = 0; qi < queue.length; qi++) {
    const node = queue[qi];
    if (nodes.length >= limit) {
      hidden++;
      for (const nx of node.next) if (nx && !seen.has(nx)) { seen.add(nx); queue.push(nx); }
      continue;
    }
    nodes.push(describe(node, names, nodeGrads));
    if (node.variable) {
      const v = node.variable;
      leaves.push({ id: node.id, name: names.get(v.id) ?? null, shape: v.shape.slice(), grad: v.grad ? summarize(v.grad) : null });
    }
    for (const nx of node.next) {
      if (!nx) continue;
      edges.push([nx.id, node.id]);
      if (!seen.has(nx)) { seen.add(nx); queue.push(nx); }
    }
  }
  const shown = new Set(nodes.map((n) => n.id));
  const keptEdges = edges.filter(([a, b]) => shown.has(a) && shown.has(b));
  return {
    graph: { rootId: start.id, nodes, edges: keptEdges, truncated: hidden ? { shownNodes: nodes.length, hiddenNodes: hidden } : null },
    leaves,
  };
}

function describe(node: Node, names: ReadonlyMap<number, string>, nodeGrads: ReadonlyMap<Node, Tensor> | null): GraphNode {
  const grad = nodeGrads?.get(node);
  if (node.variable) {
    const v = node.variable;
    return {
      id: node.id,
      kind: 'leaf',
      gradFn: null,
      name: names.get(v.id) ?? null,
      shape: v.shape.slice(),
      dtype: v.dtype,
      line: v.line,
      value: summarize(v),
      ...(grad ? { grad: summarize(grad) } : {}),
    };
  }
  const out = node.output?.deref();
  return {
    id: node.id,
    kind: 'op',
    gradFn: node.name,
    name: null,
    shape: node.outShape.slice(),
    dtype: node.outDtype,
    line: node.line,
    ...(out ? { value: summarize(out) } : {}),
    ...(grad ? { grad: summarize(grad) } : {}),
  };
}
