/**
 * A small layered (Sugiyama-style) layout for the graphs dagre is too slow for: a backward() graph is a DAG,
 * often a long chain (a deep model, a loop unrolled into the graph), where dagre's network-simplex ranking and
 * crossing minimisation over a compound graph take seconds at 500 nodes and overflow the stack at 5,000.
 *
 * Linear-time steps, no recursion over nodes: longest-path ranks pulled tight towards consumers (a weight sits
 * just above the op that reads it, as dagre draws it), dummy nodes on long edges, two barycentre sweeps each
 * way, and coordinates pulled towards the mean of neighbours without overlaps. Module boxes are laid out
 * hierarchically: each box's interior is laid out on its own, then drawn as one fixed-size block in its
 * parent, so one big compound layout becomes many small flat ones.
 */

export interface LayeredNodeIn {
  id: string;
  width: number;
  height: number;
  /** The box holding it; null: the top level. */
  parent: string | null;
}

export interface LayeredBoxIn {
  id: string;
  parent: string | null;
}

export interface LayeredOptions {
  nodesep: number;
  ranksep: number;
  edgesep: number;
  marginx: number;
  marginy: number;
  direction: 'TB' | 'LR';
  /** Room kept inside a box: above its first row (its title), and on its other sides. */
  boxTop: number;
  boxPad: number;
}

export interface Rect {
  /** Centre. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LayeredOut {
  nodes: Map<string, Rect>;
  boxes: Map<string, Rect>;
  edges: Array<{ from: string; to: string; points: Array<{ x: number; y: number }> }>;
  width: number;
  height: number;
}

/** One member of a scope (a node, or a child box drawn as a block, or a dummy on a long edge). */
interface Member {
  id: string;
  /** Size across ranks (TB: width) and along them (TB: height). */
  across: number;
  along: number;
  dummy: boolean;
  rank: number;
  pos: number;
  /** Centre, relative to the scope's top-left corner (across, along). */
  u: number;
  v: number;
  preds: number[];
  succs: number[];
}

interface Scope {
  id: string | null;
  members: Member[];
  index: Map<string, number>;
  /** Edges between members, deduplicated: their dummy chains, by 'from>to'. */
  routes: Map<string, number[]>;
  across: number;
  along: number;
  /** Offset of the content's top-left corner in the drawing, once placed. */
  u0: number;
  v0: number;
}

export function layeredLayout(nodes: readonly LayeredNodeIn[], boxes: readonly LayeredBoxIn[], edges: ReadonlyArray<readonly [string, string]>, o: LayeredOptions): LayeredOut {
  const tb = o.direction === 'TB';
  const parentOf = new Map<string, string | null>();
  for (const b of boxes) parentOf.set(b.id, b.parent);
  for (const n of nodes) parentOf.set(n.id, n.parent);
  const scopes = new Map<string | null, Scope>();
  const scope = (id: string | null): Scope => {
    let s = scopes.get(id);
    if (!s) {
      s = { id, members: [], index: new Map(), routes: new Map(), across: 0, along: 0, u0: 0, v0: 0 };
      scopes.set(id, s);
    }
    return s;
  };
  const addMember = (s: Scope, id: string, across: number, along: number, dummy: boolean): number => {
    s.index.set(id, s.members.length);
    s.members.push({ id, across, along, dummy, rank: 0, pos: 0, u: 0, v: 0, preds: [], succs: [] });
    return s.members.length - 1;
  };
  scope(null);
  for (const b of boxes) scope(b.id);
  const size = new Map<string, { across: number; along: number }>();
  for (const n of nodes) size.set(n.id, tb ? { across: n.width, along: n.height } : { across: n.height, along: n.width });

  // Ancestors, nearest first, ending with null (the top level).
  const chain = (id: string): Array<string | null> => {
    const out: Array<string | null> = [];
    let p = parentOf.get(id) ?? null;
    for (let guard = 0; p !== null && guard < 10_000; guard++) {
      out.push(p);
      p = parentOf.get(p) ?? null;
    }
    out.push(null);
    return out;
  };
  // Each edge joins, in the innermost scope holding both ends, the members that contain them.
  const scopeEdges = new Map<string | null, Array<[string, string]>>();
  const edgeScope: Array<{ scope: string | null; from: string; to: string } | null> = [];
  for (const [a, b] of edges) {
    if (!parentOf.has(a) || !parentOf.has(b) || a === b) {
      edgeScope.push(null);
      continue;
    }
    const ca = [a, ...chain(a)];
    const cb = [b, ...chain(b)];
    const inB = new Set(cb);
    let i = 1;
    while (!inB.has(ca[i])) i++;
    const common = ca[i];
    const ra = ca[i - 1] as string;
    const rb = cb[cb.indexOf(common) - 1] as string;
    if (ra === rb || ra === undefined || rb === undefined) {
      edgeScope.push(null);
      continue;
    }
    edgeScope.push({ scope: common, from: ra, to: rb });
    let list = scopeEdges.get(common);
    if (!list) scopeEdges.set(common, (list = []));
    list.push([ra, rb]);
  }

  // Children before parents: a box's size is known when its parent is laid out.
  const depthOf = new Map<string | null, number>();
  for (const id of scopes.keys()) depthOf.set(id, id === null ? 0 : chain(id).length);
  const order = [...scopes.keys()].sort((a, b) => depthOf.get(b)! - depthOf.get(a)!);
  const childBoxes = new Map<string | null, string[]>();
  for (const b of boxes) {
    let list = childBoxes.get(b.parent);
    if (!list) childBoxes.set(b.parent, (list = []));
    list.push(b.id);
  }
  for (const n of nodes) {
    const s = scope(n.parent);
    const sz = size.get(n.id)!;
    addMember(s, n.id, sz.across, sz.along, false);
  }
  const boxSize = new Map<string, { across: number; along: number }>();
  for (const id of order) {
    const s = scopes.get(id)!;
    for (const b of childBoxes.get(id) ?? []) if (!s.index.has(b)) addMember(s, b, 0, 0, false);
    for (const m of s.members) {
      const bs = boxSize.get(m.id);
      if (bs) {
        m.across = bs.across;
        m.along = bs.along;
      }
    }
    layoutScope(s, scopeEdges.get(id) ?? [], o);
    if (id !== null) {
      const pad = o.boxPad;
      boxSize.set(id, s.members.length === 0 ? { across: 2 * pad, along: o.boxTop + pad } : { across: s.across + 2 * pad, along: s.along + o.boxTop + pad });
    }
  }

  // Place scopes, parents first: a box member's corner is its interior's origin.
  const root = scopes.get(null)!;
  root.u0 = o.marginx;
  root.v0 = o.marginy;
  const absOf = new Map<string, Rect>();
  for (const id of [...order].reverse()) {
    const s = scopes.get(id)!;
    for (const m of s.members) {
      const u = s.u0 + m.u;
      const v = s.v0 + m.v;
      absOf.set(m.id, { x: u, y: v, width: m.across, height: m.along });
      const inner = scopes.get(m.id);
      if (inner && !m.dummy && boxSize.has(m.id)) {
        inner.u0 = u - m.across / 2 + o.boxPad;
        inner.v0 = v - m.along / 2 + o.boxTop;
      }
    }
  }
  const flip = (r: Rect): Rect => (tb ? r : { x: r.y, y: r.x, width: r.height, height: r.width });
  const outNodes = new Map<string, Rect>();
  for (const n of nodes) outNodes.set(n.id, flip(absOf.get(n.id)!));
  const outBoxes = new Map<string, Rect>();
  for (const b of boxes) {
    const r = absOf.get(b.id);
    if (r) outBoxes.set(b.id, flip(r));
  }
  const pt = (u: number, v: number): { x: number; y: number } => (tb ? { x: u, y: v } : { x: v, y: u });
  const outEdges: LayeredOut['edges'] = [];
  edges.forEach(([a, b], i) => {
    const e = edgeScope[i];
    const ra = absOf.get(a);
    const rb = absOf.get(b);
    if (!e || !ra || !rb) return;
    const s = scopes.get(e.scope)!;
    const via = (s.routes.get(`${e.from}>${e.to}`) ?? []).map((k) => pt(s.u0 + s.members[k].u, s.v0 + s.members[k].v));
    const down = ra.y <= rb.y;
    outEdges.push({ from: a, to: b, points: [pt(ra.x, ra.y + (down ? 1 : -1) * ra.height / 2), ...via, pt(rb.x, rb.y - (down ? 1 : -1) * rb.height / 2)] });
  });
  const width = root.across + 2 * o.marginx;
  const height = root.along + 2 * o.marginy;
  return { nodes: outNodes, boxes: outBoxes, edges: outEdges, width: tb ? width : height, height: tb ? height : width };
}

/** Ranks, order and coordinates of one scope's members (relative to its top-left corner). */
function layoutScope(s: Scope, edges: ReadonlyArray<[string, string]>, o: LayeredOptions): void {
  const ms = s.members;
  const n = ms.length;
  if (n === 0) return;
  const seen = new Set<string>();
  const pairs: Array<[number, number]> = [];
  for (const [a, b] of edges) {
    const key = `${a}>${b}`;
    if (seen.has(key)) continue;
    seen.add(key);
    pairs.push([s.index.get(a)!, s.index.get(b)!]);
  }
  // Longest-path ranks (Kahn's order); members on a cycle, which a backward() graph never has, go last.
  const indeg = new Array<number>(n).fill(0);
  const out: number[][] = ms.map(() => []);
  for (const [a, b] of pairs) {
    out[a].push(b);
    indeg[b]++;
  }
  const topo: number[] = [];
  for (let i = 0; i < n; i++) if (indeg[i] === 0) topo.push(i);
  for (let k = 0; k < topo.length; k++) {
    const a = topo[k];
    for (const b of out[a]) {
      ms[b].rank = Math.max(ms[b].rank, ms[a].rank + 1);
      if (--indeg[b] === 0) topo.push(b);
    }
  }
  if (topo.length < n) for (let i = 0; i < n; i++) if (indeg[i] > 0) topo.push(i);
  // Pull each member down to just above its nearest consumer.
  for (let k = topo.length - 1; k >= 0; k--) {
    const m = ms[topo[k]];
    let min = Infinity;
    for (const b of out[topo[k]]) if (ms[b].rank > m.rank) min = Math.min(min, ms[b].rank);
    if (min !== Infinity) m.rank = min - 1;
  }
  // Edges that span ranks run through dummies, one per rank crossed.
  for (const [a, b] of pairs) {
    const ra = ms[a].rank;
    const rb = ms[b].rank;
    const route: number[] = [];
    let prev = a;
    if (rb > ra) {
      for (let r = ra + 1; r < rb; r++) {
        const d = addDummy(s, r, o.edgesep);
        ms[prev].succs.push(d);
        ms[d].preds.push(prev);
        route.push(d);
        prev = d;
      }
      ms[prev].succs.push(b);
      ms[b].preds.push(prev);
    }
    s.routes.set(`${ms[a].id}>${ms[b].id}`, route);
  }
  const ranks = 1 + Math.max(...ms.map((m) => m.rank));
  const layers: number[][] = Array.from({ length: ranks }, () => []);
  // Initial order: depth-first from the sources, so chains stay together.
  const placed = new Array<boolean>(ms.length).fill(false);
  const stack: number[] = [];
  for (let i = ms.length - 1; i >= 0; i--) if (ms[i].preds.length === 0) stack.push(i);
  while (stack.length > 0) {
    const i = stack.pop()!;
    if (placed[i]) continue;
    placed[i] = true;
    layers[ms[i].rank].push(i);
    for (let k = ms[i].succs.length - 1; k >= 0; k--) if (!placed[ms[i].succs[k]]) stack.push(ms[i].succs[k]);
  }
  for (let i = 0; i < ms.length; i++) if (!placed[i]) layers[ms[i].rank].push(i);
  const setPos = (layer: number[]): void => layer.forEach((i, p) => (ms[i].pos = p));
  layers.forEach(setPos);
  // Barycentre sweeps: each member moves to the mean position of its neighbours in the layer just swept.
  for (let sweep = 0; sweep < 4; sweep++) {
    const down = sweep % 2 === 0;
    for (let r = down ? 1 : ranks - 2; down ? r < ranks : r >= 0; r += down ? 1 : -1) {
      const layer = layers[r];
      const key = new Map<number, number>();
      for (const i of layer) {
        const nb = down ? ms[i].preds : ms[i].succs;
        key.set(i, nb.length === 0 ? ms[i].pos : nb.reduce((acc, j) => acc + ms[j].pos, 0) / nb.length);
      }
      layer.sort((a, b) => key.get(a)! - key.get(b)! || ms[a].pos - ms[b].pos);
      setPos(layer);
    }
  }
  // Along ranks: each rank as tall as its tallest member.
  let v = 0;
  for (const layer of layers) {
    const h = Math.max(0, ...layer.map((i) => (ms[i].dummy ? 0 : ms[i].along)));
    for (const i of layer) ms[i].v = v + h / 2;
    v += h + o.ranksep;
  }
  s.along = Math.max(0, v - o.ranksep);
  // Across: packed, then pulled towards the mean of neighbours, alternately from above and below.
  const gap = (a: Member, b: Member): number => (a.across + b.across) / 2 + (a.dummy || b.dummy ? o.edgesep : o.nodesep);
  for (const layer of layers) {
    let u = 0;
    layer.forEach((i, p) => {
      ms[i].u = p === 0 ? ms[i].across / 2 : u + gap(ms[layer[p - 1]], ms[i]);
      u = ms[i].u;
    });
  }
  for (let pass = 0; pass < 8; pass++) {
    const down = pass % 2 === 0;
    for (let r = down ? 1 : ranks - 2; down ? r < ranks : r >= 0; r += down ? 1 : -1) placeLayer(ms, layers[r], down, gap);
  }
  let lo = Infinity;
  let hi = -Infinity;
  for (const m of ms) {
    lo = Math.min(lo, m.u - m.across / 2);
    hi = Math.max(hi, m.u + m.across / 2);
  }
  for (const m of ms) m.u -= lo;
  s.across = hi - lo;
}

function addDummy(s: Scope, rank: number, edgesep: number): number {
  const i = s.members.length;
  s.members.push({ id: `\u0000d${i}`, across: edgesep / 2, along: 0, dummy: true, rank, pos: 0, u: 0, v: 0, preds: [], succs: [] });
  return i;
}

/** Moves a layer's members towards their neighbours' mean, keeping their order and gaps. */
function placeLayer(ms: Member[], layer: number[], down: boolean, gap: (a: Member, b: Member) => number): void {
  if (layer.length === 0) return;
  const want = layer.map((i) => {
    const nb = down ? ms[i].preds : ms[i].succs;
    return nb.length === 0 ? ms[i].u : nb.reduce((acc, j) => acc + ms[j].u, 0) / nb.length;
  });
  // Left to right at the wanted places or just right of the previous member, then the whole layer shifted
  // so that, on average, members sit where they want.
  const u = want.slice();
  for (let p = 1; p < layer.length; p++) u[p] = Math.max(u[p], u[p - 1] + gap(ms[layer[p - 1]], ms[layer[p]]));
  let shift = 0;
  for (let p = 0; p < layer.length; p++) shift += want[p] - u[p];
  shift /= layer.length;
  layer.forEach((i, p) => (ms[i].u = u[p] + shift));
}
