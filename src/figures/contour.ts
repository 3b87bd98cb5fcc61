/**
 * Contour geometry for a `contour` figure artist, in data coordinates: the filled bands of contourf() and the
 * lines of contour(). Shared by the SVG renderer (the CLI's --plots and the panel).
 *
 * Each grid cell is split into two triangles along its (i, j)–(i+1, j+1) diagonal, over which z is linear;
 * a band is then a triangle clipped to lo ≤ z ≤ hi, and a line the segment where z crosses the level, so
 * neighbouring cells meet exactly. Cells whose four corners all lie in one band are merged along their row
 * into rectangles (on rectilinear grids), which keeps a decision boundary over a fine meshgrid small: only
 * the cells the boundary crosses become polygons.
 */
import type { FigureContour } from '../protocol/events';

/** One band's region: axis-aligned rectangles [x0, y0, x1, y1] and polygons (flat x, y lists). */
export interface ContourBand {
  color: string;
  rects: Array<[number, number, number, number]>;
  polygons: number[][];
}

/** One level's lines: polylines as flat x, y lists. */
export interface ContourLevelLines {
  level: number;
  color: string;
  linewidth: number;
  linestyle: FigureContour['linestyles'][number];
  polylines: number[][];
}

interface Grid {
  rows: number;
  cols: number;
  rectilinear: boolean;
  x(i: number, j: number): number;
  y(i: number, j: number): number;
  z(i: number, j: number): number;
}

function grid(c: FigureContour): Grid {
  // per-node coordinates have rows × cols entries; a rectilinear grid sends one per column and one per row
  const rectilinear = c.x.length !== c.rows * c.cols || c.rows === 1;
  return {
    rows: c.rows,
    cols: c.cols,
    rectilinear,
    x: rectilinear ? (_i, j) => c.x[j] : (i, j) => c.x[i * c.cols + j],
    y: rectilinear ? (i) => c.y[i] : (i, j) => c.y[i * c.cols + j],
    z: (i, j) => c.z[i * c.cols + j],
  };
}

/** A triangle vertex: position and value. */
type Vertex = [number, number, number];

/** Sutherland–Hodgman on the value: the part of the polygon with z ≥ t (keepAbove) or z ≤ t. */
function clip(poly: Vertex[], t: number, keepAbove: boolean): Vertex[] {
  const out: Vertex[] = [];
  const inside = (v: Vertex): boolean => (keepAbove ? v[2] >= t : v[2] <= t);
  for (let k = 0; k < poly.length; k++) {
    const a = poly[k];
    const b = poly[(k + 1) % poly.length];
    const ina = inside(a);
    const inb = inside(b);
    if (ina) out.push(a);
    if (ina !== inb) {
      const f = (t - a[2]) / (b[2] - a[2]);
      out.push([a[0] + f * (b[0] - a[0]), a[1] + f * (b[1] - a[1]), t]);
    }
  }
  return out;
}

function bandOf(levels: number[], v: number): number {
  // band k holds levels[k] ≤ v < levels[k + 1]; the top band also holds its upper level
  const last = levels.length - 2;
  if (!(v >= levels[0]) || !(v <= levels[last + 1])) return -1;
  let lo = 0;
  let hi = last;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (levels[mid] <= v) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** contourf()'s bands, one per colour, with whole cells merged into rectangles where the grid allows. */
export function contourBands(c: FigureContour): ContourBand[] {
  const g = grid(c);
  const nb = c.levels.length - 1;
  const bands: ContourBand[] = [];
  for (let k = 0; k < nb; k++) bands.push({ color: c.colors[k] ?? c.colors[c.colors.length - 1] ?? '#000000', rects: [], polygons: [] });
  for (let i = 0; i + 1 < g.rows; i++) {
    let run: { band: number; j0: number; j1: number } | null = null;
    const flush = (): void => {
      if (!run) return;
      const x0 = g.x(i, run.j0);
      const x1 = g.x(i, run.j1);
      bands[run.band].rects.push([Math.min(x0, x1), Math.min(g.y(i, 0), g.y(i + 1, 0)), Math.max(x0, x1), Math.max(g.y(i, 0), g.y(i + 1, 0))]);
      run = null;
    };
    for (let j = 0; j + 1 < g.cols; j++) {
      const corners = [g.z(i, j), g.z(i, j + 1), g.z(i + 1, j + 1), g.z(i + 1, j)];
      if (corners.some((v) => !Number.isFinite(v))) {
        flush();
        continue;
      }
      const b0 = bandOf(c.levels, corners[0]);
      const whole = b0 >= 0 && corners.every((v) => bandOf(c.levels, v) === b0);
      if (whole && g.rectilinear) {
        if (run && run.band === b0 && run.j1 === j) run.j1 = j + 1;
        else {
          flush();
          run = { band: b0, j0: j, j1: j + 1 };
        }
        continue;
      }
      flush();
      const v = (ii: number, jj: number): Vertex => [g.x(ii, jj), g.y(ii, jj), g.z(ii, jj)];
      if (whole) {
        bands[b0].polygons.push(flat([v(i, j), v(i, j + 1), v(i + 1, j + 1), v(i + 1, j)]));
        continue;
      }
      for (const tri of [[v(i, j), v(i, j + 1), v(i + 1, j + 1)], [v(i, j), v(i + 1, j + 1), v(i + 1, j)]]) {
        const lo = Math.min(tri[0][2], tri[1][2], tri[2][2]);
        const hi = Math.max(tri[0][2], tri[1][2], tri[2][2]);
        for (let k = 0; k < nb; k++) {
          if (c.levels[k + 1] < lo || c.levels[k] > hi) continue;
          let poly = clip(tri, c.levels[k], true);
          if (poly.length >= 3) poly = clip(poly, c.levels[k + 1], false);
          if (poly.length >= 3) bands[k].polygons.push(flat(poly));
        }
      }
    }
    flush();
  }
  return bands;
}

function flat(poly: Vertex[]): number[] {
  const out: number[] = [];
  for (const p of poly) out.push(p[0], p[1]);
  return out;
}

/** contour()'s lines: per level, the crossings joined into polylines. */
export function contourLines(c: FigureContour): ContourLevelLines[] {
  const g = grid(c);
  const out: ContourLevelLines[] = [];
  const node = (i: number, j: number): number => i * g.cols + j;
  c.levels.forEach((level, li) => {
    // Each crossing lies on a grid edge, named by its two nodes; segments meeting on an edge are joined.
    const points = new Map<string, [number, number]>();
    const links = new Map<string, string[]>();
    const link = (a: string, b: string): void => {
      if (a === b) return;
      (links.get(a) ?? links.set(a, []).get(a)!).push(b);
      (links.get(b) ?? links.set(b, []).get(b)!).push(a);
    };
    const crossing = (ia: number, ja: number, ib: number, jb: number): string => {
      const na = node(ia, ja);
      const nb = node(ib, jb);
      const key = na < nb ? `${na}:${nb}` : `${nb}:${na}`;
      if (!points.has(key)) {
        const za = g.z(ia, ja);
        const zb = g.z(ib, jb);
        const f = (level - za) / (zb - za);
        points.set(key, [g.x(ia, ja) + f * (g.x(ib, jb) - g.x(ia, ja)), g.y(ia, ja) + f * (g.y(ib, jb) - g.y(ia, ja))]);
      }
      return key;
    };
    for (let i = 0; i + 1 < g.rows; i++) {
      for (let j = 0; j + 1 < g.cols; j++) {
        for (const tri of [[[i, j], [i, j + 1], [i + 1, j + 1]], [[i, j], [i + 1, j + 1], [i + 1, j]]]) {
          const zs = tri.map(([a, b]) => g.z(a, b));
          if (zs.some((v) => !Number.isFinite(v))) continue;
          // values equal to the level count as above it, so a crossing is always strictly inside an edge or at its upper end
          const above = zs.map((v) => v >= level);
          const ends: string[] = [];
          for (let e = 0; e < 3; e++) {
            const a = tri[e];
            const b = tri[(e + 1) % 3];
            if (above[e] !== above[(e + 1) % 3]) ends.push(crossing(a[0], a[1], b[0], b[1]));
          }
          if (ends.length === 2) link(ends[0], ends[1]);
        }
      }
    }
    const polylines: number[][] = [];
    const used = new Set<string>();
    const edgeKey = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);
    const walk = (start: string): void => {
      const chain = [start];
      for (let cur = start; ; ) {
        const next = (links.get(cur) ?? []).find((n) => !used.has(edgeKey(cur, n)));
        if (next === undefined) break;
        used.add(edgeKey(cur, next));
        chain.push(next);
        cur = next;
      }
      if (chain.length < 2) return;
      const line: number[] = [];
      for (const k of chain) line.push(...points.get(k)!);
      polylines.push(line);
    };
    // open lines start at their ends (one link); what remains are closed loops
    for (const [k, ns] of links) if (ns.length === 1 && !ns.every((n) => used.has(edgeKey(k, n)))) walk(k);
    for (const [k, ns] of links) if (ns.some((n) => !used.has(edgeKey(k, n)))) walk(k);
    out.push({ level, color: c.colors[li] ?? c.colors[0] ?? '#000000', linewidth: c.linewidths[li] ?? 1.5, linestyle: c.linestyles[li] ?? '-', polylines });
  });
  return out;
}
