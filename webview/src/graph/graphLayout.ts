/**
 * The computation graph of one backward(): node labels, op symbols and the layered layout. Pure (no DOM):
 * text widths are estimated rather than measured, so the layout is the same in tests and in the panel.
 *
 * Layout: dagre (@dagrejs/dagre) for small drawings (useDagre), layeredLayout.ts for larger ones: dagre is
 * synchronous and small (about 50 KB minified with graphlib) but takes about a second at 500 nodes (its
 * network-simplex ranking and crossing minimisation, slower still with module boxes as compound nodes) and
 * overflows the stack at 5,000; layeredLayout.ts lays 500 out in tens of milliseconds on the UI thread.
 * elkjs gives somewhat tidier layered drawings but is about 1.5 MB, asynchronous (a web worker, which a
 * webview's CSP then has to allow) and slower to start; nothing here needs its extra options.
 */
import { Graph, layout as dagreLayout } from '@dagrejs/dagre';
import type { GraphModuleCall, GraphNode, GraphSummary } from '../../../src/protocol/events';
import { foldGraph, moduleKey, type FoldOptions, type ViewGraph, type ViewItem } from './graphFold';
import { layeredLayout } from './layeredLayout';
import { textWidth } from '../../../src/figures/text';
import { formatNumber, formatShape, summaryLine } from '../model/format';
import type { Translate } from '../strings';

/** grad_fn class (without the BackwardN suffix) → what the node shows. */
const OP_SYMBOLS: Record<string, string> = {
  Add: '+',
  Sub: '−',
  Rsub: '−',
  Mul: '×',
  Div: '÷',
  Neg: '−x',
  Mm: '@',
  Addmm: '@',
  Bmm: '@',
  Mv: '@',
  Dot: '@',
  Matmul: '@',
  Pow: '^',
  Sum: 'Σ',
  Mean: 'mean',
  Prod: 'Π',
  Cumsum: 'cumsum',
  Exp: 'exp',
  Log: 'log',
  Sqrt: '√',
  Rsqrt: '1/√',
  Reciprocal: '1/x',
  Abs: '|x|',
  Sin: 'sin',
  Cos: 'cos',
  Tan: 'tan',
  Tanh: 'tanh',
  Sigmoid: 'σ',
  Relu: 'ReLU',
  LeakyRelu: 'LeakyReLU',
  Elu: 'ELU',
  Gelu: 'GELU',
  Silu: 'SiLU',
  Softplus: 'softplus',
  Softmax: 'softmax',
  LogSoftmax: 'log_softmax',
  Logsumexp: 'logsumexp',
  MseLoss: 'MSE',
  HuberLoss: 'Huber',
  NllLoss: 'NLL',
  BinaryCrossEntropy: 'BCE',
  BinaryCrossEntropyWithLogits: 'BCE·logits',
  LinalgVectorNorm: '‖x‖',
  Norm: '‖x‖',
  Std: 'std',
  Var: 'var',
  Max: 'max',
  Min: 'min',
  Maximum: 'max',
  Minimum: 'min',
  Clamp: 'clamp',
  T: '.T',
  Transpose: 'transpose',
  Permute: 'permute',
  View: 'view',
  UnsafeView: 'view',
  Reshape: 'reshape',
  Alias: 'alias',
  Expand: 'expand',
  Squeeze: 'squeeze',
  Unsqueeze: 'unsqueeze',
  Select: '[i]',
  Slice: '[:]',
  Index: '[idx]',
  IndexPut: '[idx]=',
  Cat: 'cat',
  Stack: 'stack',
  Where: 'where',
  MaskedFill: 'masked_fill',
  Clone: 'clone',
  ToCopy: 'to',
  Erf: 'erf',
  Sign: 'sign',
  Round: 'round',
  Floor: 'floor',
  Ceil: 'ceil',
  Trunc: 'trunc',
  Remainder: '%',
  Fill: 'fill',
  Zero: 'zero',
};

/**
 * 'MulBackward0' → 'Mul'; names that do not follow the pattern are returned as they are. Only the last
 * suffix goes: a double-backward node ('SelectBackwardBackward0') keeps 'SelectBackward', so it is not shown
 * as the forward op.
 */
export function opBaseName(gradFn: string): string {
  const m = /^(.+)Backward\d*$/.exec(gradFn);
  return m ? m[1] : gradFn;
}

/** The readable symbol of a grad_fn ('AddBackward0' → '+'); unknown ops show their base name. */
export function opSymbol(gradFn: string | null): string {
  if (!gradFn) return '?';
  const base = opBaseName(gradFn);
  return OP_SYMBOLS[base] ?? base;
}

// ---- labels --------------------------------------------------------------------------------------------

export const TITLE_FONT_PX = 13;
export const DETAIL_FONT_PX = 11;
const PAD_X = 10;
const PAD_Y = 6;
const LINE_GAP = 3;
const MIN_WIDTH = 56;
/** A closed module's ▸ glyph (graphView.ts draws it at the title's left). */
const TOGGLE_ROOM_PX = 18;

export interface NodeLabel {
  /** Leaf name or op symbol, drawn large. */
  title: string;
  /** Smaller lines under it: grad_fn name (ops), shape, value, gradient. */
  details: string[];
  /** Full text for the hover tooltip: PyTorch prints of value and gradient, source line. */
  tooltip: string;
  /** A closed module: room for its ▸ glyph on both sides of the centred title. */
  toggle?: boolean;
}

export function nodeLabel(node: GraphNode, t: Translate, inModule: GraphModuleCall | null = null, count = 1): NodeLabel {
  const details: string[] = [];
  let title: string;
  if (node.kind === 'leaf') {
    title = node.name ?? t('graph.leaf');
  } else {
    title = opSymbol(node.gradFn);
    if (node.module) details.push(t('graph.moduleOps', node.module.ops));
    else if (inModule) details.push(`${moduleKey(inModule)} · ${inModule.className}`);
    else if (node.gradFn) details.push(node.gradFn);
  }
  if (count > 1) title += ` ×${count}`;
  details.push(formatShape(node.shape, t) + (node.dtype === 'float32' ? '' : ` ${node.dtype}`));
  if (node.value) details.push(`${t('graph.value')} ${summaryLine(node.value)}`);
  if (node.grad) {
    const g = node.grad;
    details.push(g.numel === 1 ? `${t('graph.grad')} ${formatNumber(g.mean)}` : `‖${t('graph.grad')}‖ ${formatNumber(g.norm)}`);
  }
  const tip = [node.kind === 'leaf' ? title : node.module ? `${node.gradFn ?? title} (${t('graph.moduleOps', node.module.ops)})` : node.gradFn ?? title];
  if (node.input) tip.push(t('graph.inputTip'));
  if (count > 1) tip.push(t('graph.repeatTip', count));
  if (inModule) tip.push(t('graph.moduleTip', moduleKey(inModule), inModule.className));
  if (node.line !== null) tip.push(t('graph.line', node.line));
  tip.push(`${formatShape(node.shape, t)} ${node.dtype}`);
  if (node.value) tip.push(`${t('graph.value')}:\n${node.value.text}`);
  if (node.grad) tip.push(`${t('graph.grad')}:\n${node.grad.text}`);
  return { title, details, tooltip: tip.join('\n') };
}

/** Parameters listed on a collapsed module before "… and N more". */
const MODULE_PARAMS_SHOWN = 4;

/** A collapsed module: its name and class, its parameters' names and shapes, its output's value and gradient. */
export function moduleLabel(item: ViewItem, t: Translate): NodeLabel {
  const m = item.module!;
  const key = moduleKey(m.call);
  const title = (m.call.name === null ? m.call.className : key) + (item.count > 1 ? ` ×${item.count}` : '');
  const details: string[] = [m.call.name === null ? t('graph.moduleNodes', m.nodes) : `${m.call.className} · ${t('graph.moduleNodes', m.nodes)}`];
  const short = (name: string): string => (name.startsWith(key + '.') ? name.slice(key.length + 1) : name);
  for (const p of m.params.slice(0, MODULE_PARAMS_SHOWN)) details.push(`${short(p.name ?? '')} ${formatShape(p.shape, t)}`);
  if (m.params.length > MODULE_PARAMS_SHOWN) details.push(t('graph.moreParams', m.params.length - MODULE_PARAMS_SHOWN));
  const out = m.output;
  if (out?.value) details.push(`${t('graph.value')} ${summaryLine(out.value)}`);
  if (out?.grad) details.push(out.grad.numel === 1 ? `${t('graph.grad')} ${formatNumber(out.grad.mean)}` : `‖${t('graph.grad')}‖ ${formatNumber(out.grad.norm)}`);
  const tip = [`${key} (${m.call.className})`, t('graph.moduleExpand')];
  if (item.count > 1) tip.push(t('graph.repeatTip', item.count));
  if (m.call.line !== null) tip.push(t('graph.callLine', m.call.line));
  if (m.call.defLine !== null) tip.push(t('graph.defLine', m.call.defLine));
  for (const p of m.params) tip.push(`${p.name} ${formatShape(p.shape, t)}`);
  if (out?.value) tip.push(`${t('graph.value')}:\n${out.value.text}`);
  if (out?.grad) tip.push(`${t('graph.grad')}:\n${out.grad.text}`);
  return { title, details, tooltip: tip.join('\n'), toggle: true };
}

export function itemLabel(item: ViewItem, t: Translate): NodeLabel {
  return item.module ? moduleLabel(item, t) : nodeLabel(item.node!, t, item.inlineModule, item.count);
}

export function labelSize(label: NodeLabel): { width: number; height: number } {
  const width = Math.max(MIN_WIDTH, textWidth(label.title, TITLE_FONT_PX) + (label.toggle ? 2 * TOGGLE_ROOM_PX : 0), ...label.details.map((d) => textWidth(d, DETAIL_FONT_PX))) + 2 * PAD_X;
  const height = 2 * PAD_Y + TITLE_FONT_PX + label.details.length * (DETAIL_FONT_PX + LINE_GAP);
  return { width: Math.ceil(width), height: Math.ceil(height) };
}

// ---- layout --------------------------------------------------------------------------------------------

export interface LaidNode {
  /** The drawn item's id (graphFold.ts): a node's id as a string, or 'm<call>' for a collapsed module. */
  key: string;
  /** The graph node drawn (the first of a repeat); -1 for a collapsed module. */
  id: number;
  kind: 'op' | 'leaf' | 'module';
  /** A named tensor the graph read that does not require grad (X, y): drawn small and dashed. */
  input: boolean;
  isRoot: boolean;
  line: number | null;
  /** A collapsed module's key (moduleKey) and the line of its class's forward. */
  moduleKey: string | null;
  defLine: number | null;
  label: NodeLabel;
  /** Centre, in layout coordinates. */
  x: number;
  y: number;
  width: number;
  height: number;
}

/** An expanded module call: a frame around its items, its name in the top-left corner. */
export interface LaidBox {
  key: string;
  moduleKey: string;
  title: string;
  tooltip: string;
  line: number | null;
  defLine: number | null;
  depth: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LaidEdge {
  from: string;
  to: string;
  points: Array<{ x: number; y: number }>;
}

export interface GraphLayout {
  /** Same for drawings of the same shape (see viewKey); the view keeps its pan and zoom while it holds. */
  key: string;
  nodes: LaidNode[];
  boxes: LaidBox[];
  edges: LaidEdge[];
  width: number;
  height: number;
  /** What the drawing folded to fit (graphFold.ts ViewGraph.folded). */
  folded: { modules: number; repeats: number };
  /** Items left out at the node limit. */
  cut: number;
}

/** Box title's font size; room for it is kept above a box's first row. */
export const BOX_TITLE_PX = 12;

export const LAYOUT_OPTIONS = { nodesep: 24, ranksep: 36, edgesep: 12, marginx: 16, marginy: 16 } as const;

/** TB: inputs at the top, the root at the bottom. LR: inputs on the left, the root on the right. */
export type GraphDirection = 'TB' | 'LR';

/**
 * Which direction shows the graph larger in a box of `box` px: a long chain of ops (a deep model, a loop
 * unrolled into the graph) reads better left to right in a wide panel. Estimated from the rank count (longest
 * path from an input) and the widest rank, without running the layout twice. Top to bottom is preferred
 * unless left to right is clearly (25%) larger.
 */
export function chooseDirection(g: GraphSummary, t: Translate, box: { width: number; height: number }): GraphDirection {
  if (g.nodes.length === 0 || box.width <= 0 || box.height <= 0) return 'TB';
  const ids = new Set(g.nodes.map((n) => n.id));
  const edges = g.edges.filter(([a, b]) => ids.has(a) && ids.has(b));
  const indegree = new Map<number, number>();
  const out = new Map<number, number[]>();
  for (const id of ids) {
    indegree.set(id, 0);
    out.set(id, []);
  }
  for (const [a, b] of edges) {
    indegree.set(b, (indegree.get(b) ?? 0) + 1);
    out.get(a)!.push(b);
  }
  const rank = new Map<number, number>();
  const queue = [...ids].filter((id) => indegree.get(id) === 0);
  for (const id of queue) rank.set(id, 0);
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i];
    for (const next of out.get(id)!) {
      rank.set(next, Math.max(rank.get(next) ?? 0, rank.get(id)! + 1));
      const d = indegree.get(next)! - 1;
      indegree.set(next, d);
      if (d === 0) queue.push(next);
    }
  }
  const perRank = new Map<number, number>();
  for (const id of ids) {
    const r = rank.get(id) ?? 0;
    perRank.set(r, (perRank.get(r) ?? 0) + 1);
  }
  const ranks = perRank.size;
  const widest = Math.max(...perRank.values());
  let w = 0;
  let h = 0;
  for (const n of g.nodes) {
    const size = labelSize(nodeLabel(n, t));
    w += size.width;
    h += size.height;
  }
  w /= g.nodes.length;
  h /= g.nodes.length;
  const { nodesep, ranksep } = LAYOUT_OPTIONS;
  // Capped at 1: when both fit at full size, the usual top-to-bottom drawing wins.
  const scale = (gw: number, gh: number): number => Math.min(1, box.width / gw, box.height / gh);
  const tb = scale(widest * (w + nodesep), ranks * (h + ranksep));
  const lr = scale(ranks * (w + ranksep), widest * (h + nodesep));
  return lr > tb * 1.25 ? 'LR' : 'TB';
}

/**
 * The graph's shape, independent of node ids (op ids grow every step): node kinds, ops, names and shapes in
 * the order the runtime lists them (breadth-first from the root, so deterministic), and edges by position.
 * A training loop produces the same key every step, which lets the view reuse the previous layout.
 */
export function structureKey(g: GraphSummary): string {
  const index = new Map<number, number>();
  g.nodes.forEach((n, i) => index.set(n.id, i));
  const nodes = g.nodes.map((n) => `${n.kind}:${n.kind === 'leaf' ? n.name ?? '' : n.gradFn ?? ''}:${n.shape.join('x')}:${n.id === g.rootId ? 'r' : ''}`);
  const edges = g.edges.map(([a, b]) => `${index.get(a)}>${index.get(b)}`);
  return `${nodes.join('|')}#${edges.join(',')}`;
}

/**
 * A drawing's shape, independent of node ids (op ids grow every step): items by kind, op, name, shape and
 * repeat count, their boxes, and edges by position. A training loop draws the same key every step, which
 * lets the view reuse the previous layout.
 */
export function viewKey(v: ViewGraph): string {
  const index = new Map<string, number>();
  v.items.forEach((it, i) => index.set(it.id, i));
  const boxIndex = new Map<string, number>();
  v.boxes.forEach((b, i) => boxIndex.set(b.id, i));
  const items = v.items.map((it) => {
    const what = it.module ? `m:${moduleKey(it.module.call)}:${it.module.params.length}` : `${it.kind}:${it.node!.kind === 'leaf' ? it.node!.name ?? '' : it.node!.gradFn ?? ''}:${it.node!.shape.join('x')}`;
    return `${what}:${it.count}:${it.parent === null ? '' : boxIndex.get(it.parent)}:${it.id === v.rootId ? 'r' : ''}`;
  });
  const boxes = v.boxes.map((b) => `${moduleKey(b.call)}:${b.parent === null ? '' : boxIndex.get(b.parent)}`);
  const edges = v.edges.map(([a, b]) => `${index.get(a)}>${index.get(b)}`);
  return `${items.join('|')}#${boxes.join('|')}#${edges.join(',')}`;
}

export type DagreGraph = Graph<Record<string, unknown>, { width: number; height: number; x?: number; y?: number; paddingTop?: number }, { points?: Array<{ x: number; y: number }> }>;

/**
 * The dagre input: one node per drawn item sized to its label, a compound node per expanded module holding
 * its items, one edge per [input, consumer] pair, ranked along the edges so inputs come first (top, or left)
 * and the root (the loss) last.
 */
export function buildDagreGraph(v: ViewGraph, labels: ReadonlyMap<string, NodeLabel>, direction: GraphDirection = 'TB'): DagreGraph {
  const dg: DagreGraph = new Graph({ multigraph: false, compound: v.boxes.length > 0 });
  dg.setGraph({ ...LAYOUT_OPTIONS, rankdir: direction });
  dg.setDefaultEdgeLabel(() => ({}));
  for (const b of v.boxes) dg.setNode(b.id, { width: 0, height: 0 });
  for (const b of v.boxes) if (b.parent !== null) dg.setParent(b.id, b.parent);
  for (const it of v.items) {
    const label = labels.get(it.id);
    dg.setNode(it.id, label ? labelSize(label) : { width: MIN_WIDTH, height: 30 });
    if (it.parent !== null) dg.setParent(it.id, it.parent);
  }
  for (const [from, to] of v.edges) {
    if (dg.hasNode(from) && dg.hasNode(to)) dg.setEdge(from, to);
  }
  return dg;
}

/**
 * Lays out the drawing of `g` at a fold level (graphFold.ts), or, when `previous` has the same key, keeps its
 * positions and only refreshes the labels (values and gradients change every step; positions should not
 * jump). A label that no longer fits its box forces a fresh layout.
 */
export function layoutGraph(g: GraphSummary, t: Translate, previous: GraphLayout | null = null, direction: GraphDirection = 'TB', fold: FoldOptions = { choices: {}, level: 0 }): GraphLayout {
  return layoutView(foldGraph(g, fold), t, previous, direction);
}

export function layoutView(v: ViewGraph, t: Translate, previous: GraphLayout | null = null, requested: GraphDirection = 'TB'): GraphLayout {
  // Boxes read top to bottom: dagre keeps a box's first rank free for its title only in that direction.
  const direction: GraphDirection = v.boxes.length > 0 ? 'TB' : requested;
  const key = `${direction}:${viewKey(v)}`;
  const labels = new Map<string, NodeLabel>();
  for (const it of v.items) labels.set(it.id, itemLabel(it, t));
  const laid = (it: ViewItem, box: { x: number; y: number; width: number; height: number }): LaidNode => ({
    key: it.id,
    id: it.node?.id ?? -1,
    kind: it.kind,
    input: it.node?.input === true,
    isRoot: it.id === v.rootId,
    line: it.module ? it.module.call.line : it.node!.line,
    moduleKey: it.module ? moduleKey(it.module.call) : null,
    defLine: it.module ? it.module.call.defLine : null,
    label: labels.get(it.id)!,
    x: box.x,
    y: box.y,
    width: box.width,
    height: box.height,
  });

  if (previous && previous.key === key && previous.nodes.length === v.items.length) {
    const fits = v.items.every((it, i) => {
      const size = labelSize(labels.get(it.id)!);
      return size.width <= previous.nodes[i].width && size.height <= previous.nodes[i].height;
    });
    if (fits) {
      const idMap = new Map<string, string>();
      v.items.forEach((it, i) => idMap.set(previous.nodes[i].key, it.id));
      const boxMap = new Map<string, string>();
      v.boxes.forEach((b, i) => boxMap.set(previous.boxes[i]?.key ?? '', b.id));
      return {
        ...previous,
        key,
        nodes: v.items.map((it, i) => laid(it, previous.nodes[i])),
        boxes: previous.boxes.map((b, i) => ({ ...b, key: v.boxes[i]?.id ?? b.key })),
        edges: previous.edges.map((e) => ({ from: idMap.get(e.from) ?? e.from, to: idMap.get(e.to) ?? e.to, points: e.points })),
        folded: v.folded,
        cut: v.cut ?? 0,
      };
    }
  }

  const placed = useDagre(v) ? dagrePlaces(v, labels, direction) : layeredPlaces(v, labels, direction);
  const nodes = v.items.map((it) => laid(it, placed.nodes.get(it.id) ?? { x: 0, y: 0, width: MIN_WIDTH, height: 30 }));
  const depthOf = new Map<string, number>();
  const boxes: LaidBox[] = v.boxes.map((b) => {
    const d = b.parent === null ? 0 : (depthOf.get(b.parent) ?? 0) + 1;
    depthOf.set(b.id, d);
    const n = placed.boxes.get(b.id) ?? { x: 0, y: 0, width: 0, height: 0 };
    const mk = moduleKey(b.call);
    const tip = [`${mk} (${b.call.className})`, t('graph.moduleCollapse')];
    if (b.call.line !== null) tip.push(t('graph.callLine', b.call.line));
    if (b.call.defLine !== null) tip.push(t('graph.defLine', b.call.defLine));
    return {
      key: b.id,
      moduleKey: mk,
      title: b.call.name === null ? b.call.className : `${mk} · ${b.call.className}`,
      tooltip: tip.join('\n'),
      line: b.call.line,
      defLine: b.call.defLine,
      depth: d,
      x: n.x ?? 0,
      y: n.y ?? 0,
      width: n.width,
      height: n.height,
    };
  });
  return { key, nodes, boxes, edges: placed.edges, width: placed.width, height: placed.height, folded: v.folded, cut: v.cut ?? 0 };
}

interface Placed {
  nodes: ReadonlyMap<string, { x: number; y: number; width: number; height: number }>;
  boxes: ReadonlyMap<string, { x: number; y: number; width: number; height: number }>;
  edges: LaidEdge[];
  width: number;
  height: number;
}

/**
 * Drawings up to this size go to dagre (its crossing minimisation draws small graphs a little tidier); larger
 * ones to layeredLayout.ts. A module box costs dagre about as much as a few nodes (its compound ranking), so
 * boxes count extra. Measured (bench/layout.ts, 2-core machine): dagre takes about 45 ms at 50 flat nodes,
 * 145 ms at 50 nodes in 33 boxes, a second at 500 nodes and overflows the stack at 5,000.
 */
export const DAGRE_MAX_WEIGHT = 60;

export function useDagre(v: ViewGraph): boolean {
  return v.items.length + 3 * v.boxes.length <= DAGRE_MAX_WEIGHT;
}

function dagrePlaces(v: ViewGraph, labels: ReadonlyMap<string, NodeLabel>, direction: GraphDirection): Placed {
  const dg = buildDagreGraph(v, labels, direction);
  dagreLayout(dg);
  const rect = (id: string): { x: number; y: number; width: number; height: number } => {
    const n = dg.node(id);
    return { x: n.x ?? 0, y: n.y ?? 0, width: n.width, height: n.height };
  };
  const graphLabel = dg.graph() as { width?: number; height?: number };
  return {
    nodes: new Map(v.items.map((it) => [it.id, rect(it.id)])),
    boxes: new Map(v.boxes.map((b) => [b.id, rect(b.id)])),
    edges: dg.edges().map((e) => ({ from: e.v, to: e.w, points: dg.edge(e)?.points ?? [] })),
    width: graphLabel.width ?? 0,
    height: graphLabel.height ?? 0,
  };
}

/** Room inside an open box: its title row above its items, a margin on the other sides. */
const BOX_TOP_PX = BOX_TITLE_PX + 16;
const BOX_PAD_PX = 12;

function layeredPlaces(v: ViewGraph, labels: ReadonlyMap<string, NodeLabel>, direction: GraphDirection): Placed {
  const nodes = v.items.map((it) => {
    const label = labels.get(it.id);
    return { id: it.id, ...(label ? labelSize(label) : { width: MIN_WIDTH, height: 30 }), parent: it.parent };
  });
  return layeredLayout(nodes, v.boxes, v.edges, { ...LAYOUT_OPTIONS, direction, boxTop: BOX_TOP_PX, boxPad: BOX_PAD_PX });
}

/** SVG path through dagre's edge points: straight ends, quadratic curves through the bends. */
export function edgePath(points: ReadonlyArray<{ x: number; y: number }>): string {
  if (points.length === 0) return '';
  const f = (v: number): string => (Math.round(v * 10) / 10).toString();
  let d = `M${f(points[0].x)},${f(points[0].y)}`;
  if (points.length === 2) return d + `L${f(points[1].x)},${f(points[1].y)}`;
  for (let i = 1; i < points.length - 1; i++) {
    const p = points[i];
    const next = points[i + 1];
    const mx = i === points.length - 2 ? next.x : (p.x + next.x) / 2;
    const my = i === points.length - 2 ? next.y : (p.y + next.y) / 2;
    d += `Q${f(p.x)},${f(p.y)} ${f(mx)},${f(my)}`;
  }
  return d;
}

export { PAD_X as NODE_PAD_X, PAD_Y as NODE_PAD_Y, LINE_GAP as NODE_LINE_GAP };
