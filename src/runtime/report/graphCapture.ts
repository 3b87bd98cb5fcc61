import type { ModuleCall, Node } from '../../engine/graph';
import type { Tensor } from '../../engine/tensor';
import { elidedGraph, type GraphModuleCall, type GraphNode, type GraphSummary, type LeafSummary } from '../../protocol/events';
import { summarize } from './tensorSummary';

/**
 * How many nodes a graph event may carry per node the panel draws: the graph node limit counts what is drawn,
 * and the panel folds repeated structure (a per-sample loop's calls) into one item each, so a graph much
 * larger than the limit can still be drawn whole.
 */
export const SENT_NODES_PER_DRAWN = 10;

/** The most nodes an event carries for a graph node limit (what the panel draws). */
export function sentNodeLimit(drawnLimit: number): number {
  return drawnLimit * SENT_NODES_PER_DRAWN;
}

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

/** The tensors an outline's ops read that do not require grad (still alive), each once, nearest the root first. */
export function outlineInputs(outline: GraphOutline): Tensor[] {
  const out: Tensor[] = [];
  const seen = new Set<Tensor>();
  for (const node of outline.order) {
    if (node.constInputs === null) continue;
    for (const ref of node.constInputs) {
      const t = ref.deref();
      if (t && !seen.has(t)) {
        seen.add(t);
        out.push(t);
      }
    }
  }
  return out;
}

/** A graph node's id for an input tensor: negative, so it never meets an engine node's id. */
export function inputNodeId(t: Tensor): number {
  return -2 - t.id;
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
  const { repOf, folded } = foldModuleCalls(order);
  const visible = order.filter((n) => repOf(n) === n);
  const shownNodes = visible.length > limit ? visible.slice(0, limit) : visible;
  for (const node of shownNodes) {
    const v = node.variable;
    if (!v) continue;
    const snap = snapshots?.get(v.id);
    const grad = snap ? snap.grad : v.grad;
    leaves.push({ id: node.id, name: names.get(v.id) ?? null, shape: v.shape.slice(), grad: grad ? summarize(grad, whole) : null });
  }
  const rootId = repOf(start).id;
  if (!whole) return { graph: elidedGraph(rootId, visible.length), leaves };
  const nodes: GraphNode[] = [];
  const shown = new Set(shownNodes);
  const boxes = new ModuleBoxes();
  const paramCalls = parameterCalls(order, shownNodes, names);
  for (const node of shownNodes) {
    const d = describe(node, names, nodeGrads, node.variable ? snapshots?.get(node.variable.id)?.value : undefined);
    const ops = folded.get(node);
    const one = node.moduleCall?.oneNode;
    const described = ops === undefined || !one ? d : { ...d, gradFn: one.className, line: one.line, module: { ops } };
    // A layer shown as one node sits in the box of the call around it.
    const call = node.variable ? paramCalls.get(node) ?? null : one && ops !== undefined ? one.parent : node.moduleCall;
    const id = boxes.add(call);
    nodes.push(id === null ? described : { ...described, call: id });
  }
  // Edges between what is shown: a folded call's inner edges vanish, its edges to the outside meet its one node.
  const edgeKeys = new Set<string>();
  const edges: Array<[number, number]> = [];
  const inputIds = new Set<number>();
  for (const node of order) {
    const to = repOf(node);
    if (!shown.has(to)) continue;
    // Inputs bound to a name (X, y) as small nodes of their own; unnamed ones (a Python scalar made a tensor,
    // an expression's temporary) are constants, folded into their op.
    if (node.constInputs !== null) {
      for (const ref of node.constInputs) {
        const t = ref.deref();
        const name = t ? names.get(t.id) : null;
        if (!t || !name) continue;
        const id = inputNodeId(t);
        if (!inputIds.has(id)) {
          inputIds.add(id);
          nodes.push({ id, kind: 'leaf', input: true, gradFn: null, name, shape: t.shape.slice(), dtype: t.dtype, line: t.line, value: summarize(t) });
        }
        const key = `${id}>${to.id}`;
        if (edgeKeys.has(key)) continue;
        edgeKeys.add(key);
        edges.push([id, to.id]);
      }
    }
    for (const nx of node.next) {
      if (!nx) continue;
      const from = repOf(nx);
      const key = `${from.id}>${to.id}`;
      if (from === to || !shown.has(from) || edgeKeys.has(key)) continue;
      edgeKeys.add(key);
      edges.push([from.id, to.id]);
    }
  }
  const hidden = visible.length - shownNodes.length;
  const graph: GraphSummary = { rootId, nodes, edges, truncated: hidden ? { shownNodes: nodes.length - inputIds.size, hiddenNodes: hidden } : null };
  if (boxes.list.length > 0) graph.modules = boxes.list;
  return { graph, leaves };
}

/** The module calls a graph's nodes name, each listed once, after the calls it ran inside. */
class ModuleBoxes {
  readonly list: GraphModuleCall[] = [];
  private readonly listed = new Set<ModuleCall>();

  add(call: ModuleCall | null): number | null {
    if (call === null) return null;
    if (!this.listed.has(call)) {
      this.add(call.parent);
      this.listed.add(call);
      this.list.push({ id: call.id, parent: call.parent?.id ?? null, name: call.name, className: call.className, line: call.line, defLine: call.defLine });
    }
    return call.id;
  }
}

/**
 * The call each parameter leaf belongs in: among the calls its consumers ran under, the one of the module that
 * holds it by name ('model.0.weight' belongs in a call named 'model.0'). Leaves without such a name (inputs,
 * plain tensors) stay outside every box.
 */
function parameterCalls(order: readonly Node[], shown: readonly Node[], names: ReadonlyMap<number, string | null>): Map<Node, ModuleCall> {
  const owner = new Map<Node, string>();
  for (const node of shown) {
    const name = node.variable ? names.get(node.variable.id) : null;
    const dot = name ? name.lastIndexOf('.') : -1;
    if (dot > 0) owner.set(node, name!.slice(0, dot));
  }
  const out = new Map<Node, ModuleCall>();
  if (owner.size === 0) return out;
  for (const node of order) {
    for (const nx of node.next) {
      const want = nx ? owner.get(nx) : undefined;
      if (want === undefined || out.has(nx!)) continue;
      for (let c = node.moduleCall; c !== null; c = c.parent) {
        if (c.name === want) {
          // Inside a layer shown as one node, the parameter sits beside that node.
          const box = c.oneNode ? c.oneNode.parent : c;
          if (box) out.set(nx!, box);
          break;
        }
      }
    }
  }
  return out;
}

/**
 * The op nodes recorded during one call of a layer shown as one node (graph.ts `ModuleCall.oneNode`), folded onto the
 * first of them in the walk's order (the one nearest the root: the call's output). Leaves keep their own
 * nodes, and a call that recorded a single op needs no folding. `folded` maps each standing-in node to how many
 * nodes it stands for.
 */
function foldModuleCalls(order: readonly Node[]): { repOf: (n: Node) => Node; folded: Map<Node, number> } {
  const first = new Map<ModuleCall, Node>();
  const count = new Map<ModuleCall, number>();
  for (const node of order) {
    const call = node.variable ? null : node.moduleCall?.oneNode;
    if (!call) continue;
    if (!first.has(call)) first.set(call, node);
    count.set(call, (count.get(call) ?? 0) + 1);
  }
  const folded = new Map<Node, number>();
  for (const [call, n] of count) if (n > 1) folded.set(first.get(call)!, n);
  const repOf = (n: Node): Node => {
    const call = n.variable ? null : n.moduleCall?.oneNode;
    return call && count.get(call)! > 1 ? first.get(call)! : n;
  };
  return { repOf, folded };
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
