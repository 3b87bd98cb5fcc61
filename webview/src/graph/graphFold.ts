/**
 * What the graph section draws of a graph: module calls as boxes (expanded: a frame around their ops;
 * collapsed: one node with the module's class, parameters and output), repeated structure folded into one
 * item marked ×N, and the rest of the nodes as they are. Pure (no DOM, no layout): graphLayout.ts lays out
 * what this returns, and graphView.ts picks the fold level at which the drawing is readable at fit.
 */
import type { GraphModuleCall, GraphNode, GraphSummary } from '../../../src/protocol/events';

/** A module's key for the user's open/closed choice: its dotted name, else its class (calls of it share it). */
export function moduleKey(call: GraphModuleCall): string {
  return call.name ?? `<${call.className}>`;
}

export interface FoldedModule {
  call: GraphModuleCall;
  /** The parameter leaves inside it (at any depth), in graph order. */
  params: GraphNode[];
  /** The node nearest the root among its ops: its output. */
  output: GraphNode | null;
  /** How many graph nodes it stands for (one call; ×count for a repeat). */
  nodes: number;
}

export interface ViewItem {
  /** Stable within one graph: a node's id, or 'm<call id>' for a collapsed module. */
  id: string;
  kind: 'op' | 'leaf' | 'module';
  /** The node drawn (the first of a repeat); null for a collapsed module. */
  node: GraphNode | null;
  module: FoldedModule | null;
  /** A module holding a single op is drawn as that op, named after the module: the module's name. */
  inlineModule: GraphModuleCall | null;
  /** ×count: repeats folded into this item. */
  count: number;
  /** The expanded box holding it (ViewBox.id), or null. */
  parent: string | null;
}

/** An expanded module call: a frame around its items. */
export interface ViewBox {
  id: string;
  call: GraphModuleCall;
  parent: string | null;
  count: number;
}

export interface ViewGraph {
  items: ViewItem[];
  boxes: ViewBox[];
  edges: Array<[string, string]>;
  rootId: string | null;
  /** What this drawing folded beyond the user's own choices, for the caption. */
  folded: { modules: number; repeats: number };
  /** Items left out at the node limit (graphView.ts); absent: none. */
  cut?: number;
}

export interface FoldOptions {
  /** The user's open (true) / closed (false) choices by moduleKey; they win over `level`. */
  choices: Readonly<Record<string, boolean>>;
  /**
   * 0: every module open, nothing folded. 1: repeats folded. From 2 on, modules at depth
   * maxDepth - (level - 2) and deeper are closed too, so the top level closes last (maxFoldLevel).
   */
  level: number;
}

interface CallInfo {
  call: GraphModuleCall;
  depth: number;
  children: GraphModuleCall[];
  /** Nodes directly in it. */
  nodes: GraphNode[];
  /** Nodes at any depth. */
  all: GraphNode[];
  signature: string;
}

/** The highest useful level for a graph: past it nothing more folds. */
export function maxFoldLevel(g: GraphSummary): number {
  return 2 + Math.max(0, maxDepth(g));
}

function maxDepth(g: GraphSummary): number {
  const depth = new Map<number, number>();
  let max = -1;
  for (const m of g.modules ?? []) {
    const d = m.parent === null ? 0 : (depth.get(m.parent) ?? -1) + 1;
    depth.set(m.id, d);
    max = Math.max(max, d);
  }
  return max;
}

function callInfos(g: GraphSummary): Map<number, CallInfo> {
  const infos = new Map<number, CallInfo>();
  for (const m of g.modules ?? []) {
    const parent = m.parent === null ? undefined : infos.get(m.parent);
    infos.set(m.id, { call: m, depth: parent ? parent.depth + 1 : 0, children: [], nodes: [], all: [], signature: '' });
    parent?.children.push(m);
  }
  for (const n of g.nodes) {
    let info = n.call === undefined ? undefined : infos.get(n.call);
    if (!info) continue;
    info.nodes.push(n);
    for (; info; info = info.call.parent === null ? undefined : infos.get(info.call.parent)) info.all.push(n);
  }
  // Children before parents (a child is listed after its parent): signatures build bottom up.
  const list = [...infos.values()];
  for (let i = list.length - 1; i >= 0; i--) {
    const info = list[i];
    // Ops only: the parameters sit in one of the calls (the runtime's choice), yet the calls repeat each other.
    const own = info.nodes.filter((n) => n.kind === 'op').map((n) => `${n.gradFn ?? ''}:${n.shape.join('x')}`).sort();
    const kids = info.children.map((c) => infos.get(c.id)!.signature).sort();
    info.signature = `${moduleKey(info.call)}|${info.call.className}(${own.join(',')}|${kids.join(';')})`;
  }
  return infos;
}

/** The drawing of `g` at a fold level, with the user's choices. */
export function foldGraph(g: GraphSummary, opts: FoldOptions): ViewGraph {
  const infos = callInfos(g);
  const depthLimit = opts.level >= 2 ? maxDepth(g) - (opts.level - 1) : Infinity;
  const foldRepeats = opts.level >= 1;
  let autoCollapsed = 0;
  let repeats = 0;

  // Repeated calls: siblings with the same signature fold into the first (nearest the root).
  const repOfCall = new Map<number, number>();
  const callCount = new Map<number, number>();
  if (foldRepeats) {
    const groups = new Map<string, GraphModuleCall[]>();
    for (const info of infos.values()) {
      const k = `${info.call.parent}|${info.signature}`;
      groups.set(k, [...(groups.get(k) ?? []), info.call]);
    }
    // The first in graph order (the order of their first node), so the representative is the one nearest the root.
    const firstIndex = new Map<number, number>();
    g.nodes.forEach((n, i) => {
      for (let c = n.call; c !== undefined && c !== null; c = infos.get(c)?.call.parent ?? undefined) if (!firstIndex.has(c)) firstIndex.set(c, i);
    });
    for (const members of groups.values()) {
      if (members.length < 2) continue;
      members.sort((a, b) => (firstIndex.get(a.id) ?? 0) - (firstIndex.get(b.id) ?? 0));
      repeats++;
      callCount.set(members[0].id, members.length);
      for (const m of members) repOfCall.set(m.id, members[0].id);
    }
  }

  const isInline = (info: CallInfo): boolean => info.children.length === 0 && info.nodes.length === 1 && info.nodes[0].kind === 'op';
  const collapsed = (info: CallInfo): boolean => {
    const choice = opts.choices[moduleKey(info.call)];
    if (choice !== undefined) return !choice;
    if (info.depth > depthLimit) {
      autoCollapsed++;
      return true;
    }
    return false;
  };

  // For each call: the item or box it is drawn as. Walk parents first (modules list parents first).
  const drawnAs = new Map<number, { item: string | null; box: string | null }>();
  const items: ViewItem[] = [];
  const boxes: ViewBox[] = [];
  // Closed modules, listed where their first node is: items keep the graph's order (nearest the root first).
  const pending = new Map<string, ViewItem>();
  for (const info of infos.values()) {
    const parentDraw = info.call.parent === null ? { item: null, box: null } : drawnAs.get(info.call.parent) ?? { item: null, box: null };
    if (parentDraw.item !== null) {
      drawnAs.set(info.call.id, parentDraw);
      continue;
    }
    const rep = repOfCall.get(info.call.id);
    if (rep !== undefined && rep !== info.call.id) {
      // A repeat: drawn as its representative, folded whole.
      drawnAs.set(info.call.id, { item: `m${rep}`, box: parentDraw.box });
      continue;
    }
    const count = callCount.get(info.call.id) ?? 1;
    if (isInline(info) && count === 1) {
      drawnAs.set(info.call.id, { item: null, box: parentDraw.box });
      continue;
    }
    if (count > 1 || collapsed(info)) {
      const id = `m${info.call.id}`;
      const params = info.all.filter((n) => n.kind === 'leaf' && n.name !== null);
      const output = info.all.find((n) => n.kind === 'op') ?? null;
      pending.set(id, { id, kind: 'module', node: null, module: { call: info.call, params, output, nodes: info.all.length * count }, inlineModule: null, count, parent: parentDraw.box });
      drawnAs.set(info.call.id, { item: id, box: parentDraw.box });
      continue;
    }
    const box = `b${info.call.id}`;
    boxes.push({ id: box, call: info.call, parent: parentDraw.box, count: 1 });
    drawnAs.set(info.call.id, { item: null, box });
  }

  // Nodes: inside a collapsed call they are its item; else their own, op repeats folded by line and op.
  const itemOf = new Map<number, string>();
  const opGroups = new Map<string, ViewItem>();
  for (const n of g.nodes) {
    const call = n.call === undefined ? undefined : infos.get(n.call);
    const draw = call ? drawnAs.get(call.call.id) : undefined;
    if (draw?.item) {
      itemOf.set(n.id, draw.item);
      const closed = pending.get(draw.item);
      if (closed) {
        items.push(closed);
        pending.delete(draw.item);
      }
      continue;
    }
    const parent = draw?.box ?? null;
    // Ops of the same op, line and shape in one container: one sample's ops in a per-sample loop.
    // An op alone in its module (a ReLU layer) is that module: two such layers are not repeats of each other.
    const inline = call && isInline(call) ? moduleKey(call.call) : '';
    const groupKey = foldRepeats && n.kind === 'op' && n.line !== null ? `${parent}|${inline}|${n.gradFn}|${n.line}|${n.shape.join('x')}` : null;
    const group = groupKey === null ? undefined : opGroups.get(groupKey);
    if (group) {
      if (group.count === 1) repeats++;
      group.count++;
      itemOf.set(n.id, group.id);
      continue;
    }
    const item: ViewItem = { id: String(n.id), kind: n.kind, node: n, module: null, inlineModule: call && isInline(call) ? call.call : null, count: 1, parent };
    items.push(item);
    if (groupKey !== null) opGroups.set(groupKey, item);
    itemOf.set(n.id, item.id);
  }

  const edges: Array<[string, string]> = [];
  const seen = new Set<string>();
  for (const [a, b] of g.edges) {
    const from = itemOf.get(a);
    const to = itemOf.get(b);
    if (from === undefined || to === undefined || from === to) continue;
    const k = `${from}>${to}`;
    if (seen.has(k)) continue;
    seen.add(k);
    edges.push([from, to]);
  }
  // Boxes left empty (their only contents folded elsewhere) are not drawn.
  const used = new Set<string>();
  for (const it of items) for (let p = it.parent; p !== null; p = boxes.find((b) => b.id === p)?.parent ?? null) used.add(p);
  return {
    items,
    boxes: boxes.filter((b) => used.has(b.id)),
    edges,
    rootId: itemOf.get(g.rootId) ?? null,
    folded: { modules: autoCollapsed, repeats },
  };
}
