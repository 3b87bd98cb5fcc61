import type { Node } from '../../engine/graph';
import type { Tensor } from '../../engine/tensor';
import { elidedGraph, type GraphNode, type GraphSummary, type LeafSummary } from '../../protocol/events';
import { summarize } from './tensorSummary';

/** A leaf's value and gradient as they were at a step, for describing that step's graph later. */
export type LeafSnapshots = ReadonlyMap<number, { value: Tensor; grad: Tensor | null }>;

export interface GraphCapture {
  graph: GraphSummary;
  leaves: LeafSummary[];
}

/** The nodes reachable from a backward() root, breadth-first from it (one walk serves every use below). */
export interface GraphOutline {
  start: Node | null;
  order: Node[];
}

export function graphOutline(root: Tensor): GraphOutline {
  const start = root.gradFn ?? root.accumulator;
  if (!start) return { start: null, order: [] };
  const seen = new Set<Node>([start]);
  const order: Node[] = [start];
  for (let qi = 0; qi < order.length; qi++) {
    for (const nx of order[qi].next) if (nx && !seen.has(nx)) { seen.add(nx); order.push(nx); }
  }
  return { start, order };
}

/** The leaf tensors of an outline (all of them, whatever the node limit). */
export function outlineLeaves(outline: GraphOutline): Tensor[] {
  const out: Tensor[] = [];
  for (const node of outline.order) if (node.variable) out.push(node.variable);
  return out;
}

/**
 * Describes the graph of an outline. Breadth-first order means that when it is cut at `limit` nodes the part
 * nearest the root (what the learner just wrote) is what stays. With `whole` false only the leaves are
 * described and the graph is given by its size, in the form consumers know as an elided graph (no nodes,
 * `shownNodes` 0).
 */
export function captureGraph(
  outline: GraphOutline,
  names: ReadonlyMap<number, string | null>,
  nodeGrads: ReadonlyMap<Node, Tensor> | null,
  limit: number,
  whole = true,
  snapshots: LeafSnapshots | null = null,
): GraphCapture {
  const { start, order } = outline;
  const leaves: LeafSummary[] = [];
  if (!start) return { graph: { rootId: -1, nodes: [], edges: [], truncated: null }, leaves };
  const shownNodes = order.length > limit ? order.slice(0, limit) : order;
  for (const node of shownNodes) {
    const v = node.variable;
    if (!v) continue;
    const snap = snapshots?.get(v.id);
    const grad = snap ? snap.grad : v.grad;
    leaves.push({ id: node.id, name: names.get(v.id) ?? null, shape: v.shape.slice(), grad: grad ? summarize(grad, whole) : null });
  }
  if (!whole) return { graph: elidedGraph(start.id, order.length), leaves };
  const nodes: GraphNode[] = [];
  const edges: Array<[number, number]> = [];
  const shown = new Set(shownNodes);
  for (const node of shownNodes) {
    nodes.push(describe(node, names, nodeGrads, node.variable ? snapshots?.get(node.variable.id)?.value : undefined));
    for (const nx of node.next) if (nx && shown.has(nx)) edges.push([nx.id, node.id]);
  }
  const hidden = order.length - shownNodes.length;
  return {
    graph: { rootId: start.id, nodes, edges, truncated: hidden ? { shownNodes: nodes.length, hiddenNodes: hidden } : null },
    leaves,
  };
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
