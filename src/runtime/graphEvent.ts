import type { Node } from '../engine/autograd';
import type { Tensor } from '../engine/tensor';
import { elidedGraph, type GraphNode, type GraphSummary, type LeafSummary } from './events';
import { summarize } from './tensorSummary';

/** A leaf's value and gradient as they were at a step, for describing that step's graph later. */
export type LeafSnapshots = ReadonlyMap<number, { value: Tensor; grad: Tensor | null }>;

export interface GraphCapture {
  graph: GraphSummary;
  leaves: LeafSummary[];
}

/**
 * Describes the graph reachable from `root` breadth-first, so when it is cut at `limit` nodes the part
 * nearest the root (what the learner just wrote) is what stays. With `whole` false only the leaves are
 * described and the graph is given by its size, in the form consumers know as an elided graph (no nodes,
 * `shownNodes` 0).
 */
export function captureGraph(
  root: Tensor,
  names: ReadonlyMap<number, string | null>,
  nodeGrads: ReadonlyMap<Node, Tensor> | null,
  limit: number,
  whole = true,
  snapshots: LeafSnapshots | null = null,
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
    if (qi >= limit) {
      hidden++;
      for (const nx of node.next) if (nx && !seen.has(nx)) { seen.add(nx); queue.push(nx); }
      continue;
    }
    const snap = node.variable ? snapshots?.get(node.variable.id) : undefined;
    if (whole) nodes.push(describe(node, names, nodeGrads, snap?.value));
    if (node.variable) {
      const v = node.variable;
      const grad = snap ? snap.grad : v.grad;
      leaves.push({ id: node.id, name: names.get(v.id) ?? null, shape: v.shape.slice(), grad: grad ? summarize(grad, whole) : null });
    }
    for (const nx of node.next) {
      if (!nx) continue;
      if (whole) edges.push([nx.id, node.id]);
      if (!seen.has(nx)) { seen.add(nx); queue.push(nx); }
    }
  }
  if (!whole) {
    return { graph: elidedGraph(start.id, queue.length), leaves };
  }
  const shown = new Set(nodes.map((n) => n.id));
  const keptEdges = edges.filter(([a, b]) => shown.has(a) && shown.has(b));
  return {
    graph: { rootId: start.id, nodes, edges: keptEdges, truncated: hidden ? { shownNodes: nodes.length, hiddenNodes: hidden } : null },
    leaves,
  };
}

/** The leaf tensors reachable from `root` (what captureGraph would describe, without the node limit). */
export function graphLeaves(root: Tensor): Tensor[] {
  const start = root.gradFn ?? root.accumulator;
  if (!start) return [];
  const out: Tensor[] = [];
  const seen = new Set<Node>([start]);
  const queue: Node[] = [start];
  for (let qi = 0; qi < queue.length; qi++) {
    const node = queue[qi];
    if (node.variable) out.push(node.variable);
    for (const nx of node.next) if (nx && !seen.has(nx)) { seen.add(nx); queue.push(nx); }
  }
  return out;
}

function describe(node: Node, names: ReadonlyMap<number, string | null>, nodeGrads: ReadonlyMap<Node, Tensor> | null, leafValue?: Tensor): GraphNode {
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
      value: summarize(leafValue ?? v),
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
