/**
 * Draws a `figure` event as a standalone SVG file (the CLI's --plots, and the panel for figures chart.js
 * cannot draw), looking close to matplotlib's default style: 100 px per inch, tab10 colours, ticks outside,
 * grid under the data, legend placed like loc='best'. Layout is always "tight" (each subplot cell makes room
 * for its own labels, a twin's right axis and a colorbar), which is what tight_layout() asks for and avoids
 * the overlaps matplotlib's fixed margins produce with long labels.
 */
import { FONT_STACK, LEGEND_LOCS, plainText, PT, Rect, segmentHitsRect, textWidth } from './text';
import type { FigureArtist, FigureAxes, FigureColorbar, FigureEvent, FigureLineStyle, FigureSeries } from '../protocol/events';
import {
  DPI, escapeXml, type Frame, LABEL_FONT, lineElement, markerElement, markerShape, n, px, py, SPINE_WIDTH, textEl, TICK_FONT,
  TICK_LEN, TICK_PAD, type TickLabel, tickLabelWidth, TITLE_FONT, usable,
} from './svgCore';
import { drawables } from './svgArtists';
import { type AxisTicks, axisScale, fitXTicks, formatTicks, nbinsFor, niceTicks, ticksFor } from './svgTicks';

export { escapeXml } from './svgCore';

// ---- legend --------------------------------------------------------------------------------------------

/** One legend row: a line (with its dashes and marker) or a patch swatch. */
interface LegendEntry {
  label: string;
  patch: boolean;
  color: string;
  alpha: number;
  linestyle: FigureLineStyle;
  linewidth: number;
  marker: string | null;
  size: number;
}

function legendEntries(ax: FigureAxes): LegendEntry[] {
  const rows: Array<{ order: number; entry: LegendEntry }> = [];
  ax.series.forEach((s, i) => {
    if (s.label === null) return;
    const patch = s.kind === 'bar' || s.kind === 'hist' || s.kind === 'barh';
    const line = s.kind === 'line' ? s.linestyle : 'none';
    rows.push({ order: s.order ?? i, entry: { label: s.label, patch, color: s.colors?.[0] ?? s.color, alpha: s.alpha, linestyle: line, linewidth: s.linewidth ?? 1.5, marker: s.kind === 'scatter' ? s.marker ?? 'o' : s.marker, size: s.size } });
  });
  for (const a of ax.artists ?? []) {
    if (a.label === null) continue;
    const entry = artistLegend(a);
    if (entry) rows.push({ order: a.order, entry });
  }
  return rows.sort((p, q) => p.order - q.order).map((r) => r.entry);
}

function artistLegend(a: FigureArtist): LegendEntry | null {
  const base = { label: a.label ?? '', alpha: a.alpha, marker: null, size: 6 };
  if (a.kind === 'fill') return { ...base, patch: true, color: a.color, linestyle: 'none', linewidth: 0 };
  if (a.kind === 'refline') return { ...base, patch: false, color: a.color, linestyle: a.linestyle, linewidth: a.linewidth };
  return null;
}

/** How much data a legend box at `box` would cover, as matplotlib's loc='best' counts it. */
function badness(f: Frame, series: FigureSeries[], box: Rect): number {
  let count = 0;
  for (const s of series) {
    let prev: [number, number] | null = null;
    for (let i = 0; i < s.x.length; i++) {
      if (!usable(f.sx, s.x[i]) || !usable(f.sy, s.y[i])) {
        prev = null;
        continue;
      }
      const x = s.kind === 'barh' ? px(f, (s.bottoms?.[i] ?? 0) + s.x[i]) : px(f, s.x[i]);
      const y = s.kind === 'bar' || s.kind === 'hist' ? py(f, (s.bottoms?.[i] ?? 0) + s.y[i]) : py(f, s.y[i]);
      if (x >= box.x && x <= box.x + box.w && y >= box.y && y <= box.y + box.h) count++;
      if (prev && s.kind === 'line' && s.linestyle !== 'none' && segmentHitsRect(prev[0], prev[1], x, y, box)) count++;
      prev = [x, y];
    }
  }
  return count;
}

function legendBox(plot: Rect, loc: string, w: number, h: number): Rect {
  const pad = 0.5 * LABEL_FONT;
  const left = plot.x + pad;
  const right = plot.x + plot.w - pad - w;
  const cx = plot.x + (plot.w - w) / 2;
  const top = plot.y + pad;
  const bottom = plot.y + plot.h - pad - h;
  const cy = plot.y + (plot.h - h) / 2;
  const x = loc.endsWith('left') ? left : loc.endsWith('right') ? right : cx;
  const y = loc.startsWith('upper') ? top : loc.startsWith('lower') ? bottom : cy;
  return { x, y, w, h };
}

function drawLegend(f: Frame, ax: FigureAxes): string {
  const entries = legendEntries(ax);
  if (!ax.legend || entries.length === 0) return '';
  const font = LABEL_FONT;
  const pad = 0.4 * font;
  const handleLen = 2 * font;
  const textPad = 0.8 * font;
  const rowH = 1.5 * font;
  const labels = entries.map((e) => plainText(e.label));
  const w = 2 * pad + handleLen + textPad + Math.max(...labels.map((l) => textWidth(l, font)));
  const h = 2 * pad + entries.length * rowH - 0.5 * font;
  let box: Rect;
  if (ax.legendLoc === 'best' || !(LEGEND_LOCS as readonly string[]).includes(ax.legendLoc)) {
    let best: Rect | null = null;
    let bestScore = Infinity;
    for (const loc of LEGEND_LOCS) {
      const candidate = legendBox(f.plot, loc, w, h);
      const score = badness(f, ax.series, candidate);
      if (score < bestScore) {
        best = candidate;
        bestScore = score;
        if (score === 0) break;
      }
    }
    box = best!;
  } else {
    box = legendBox(f.plot, ax.legendLoc, w, h);
  }
  const out = [
    `<rect x="${n(box.x)}" y="${n(box.y)}" width="${n(box.w)}" height="${n(box.h)}" rx="${n(0.2 * font)}" fill="#ffffff" fill-opacity="0.8" stroke="#cccccc" stroke-width="${n(PT)}"/>`,
  ];
  entries.forEach((e, i) => {
    const cy = box.y + pad + i * rowH + 0.5 * font;
    const hx = box.x + pad;
    if (e.patch) {
      const opacity = e.alpha < 1 ? ` fill-opacity="${n(e.alpha)}"` : '';
      out.push(`<rect x="${n(hx)}" y="${n(cy - 0.35 * font)}" width="${n(handleLen)}" height="${n(0.7 * font)}" fill="${escapeXml(e.color)}"${opacity}/>`);
    } else {
      if (e.linestyle !== 'none') out.push(lineElement(`M${n(hx)},${n(cy)}h${n(handleLen)}`, e, e.linewidth * PT));
      if (e.marker) {
        const shape = markerShape(e.marker, hx + handleLen / 2, cy, e.size * PT);
        out.push(markerElement(shape.d, e.color, shape.stroke, e.alpha));
      }
    }
    out.push(textEl(hx + handleLen + textPad, cy + 0.35 * font, labels[i], font));
  });
  return out.join('');
}

// ---- ticks and colorbar --------------------------------------------------------------------------------

function tickText(x: number, y: number, label: TickLabel, anchor: string): string {
  const sup = label.exp ? `<tspan font-size="${n(TICK_FONT * 0.7)}" dy="${n(-TICK_FONT * 0.4)}">${escapeXml(label.exp)}</tspan>` : '';
  return `<text x="${n(x)}" y="${n(y)}" font-size="${n(TICK_FONT)}" text-anchor="${anchor}">${escapeXml(plainText(label.text))}${sup}</text>`;
}

function widest(ticks: AxisTicks): number {
  return Math.max(0, ...ticks.major.map((t) => (t.label ? tickLabelWidth(t.label, TICK_FONT) : 0)));
}

/** The colorbar's ticks over its value range: the script's, else its boundaries' (contourf), else nice ones. */
function colorbarTicks(cb: FigureColorbar, heightPx: number): AxisTicks {
  const scale = { lo: cb.vmin, hi: cb.vmax, log: false, norm: (v: number) => (v - cb.vmin) / (cb.vmax - cb.vmin || 1) };
  if (cb.ticks) return ticksFor(scale, cb.ticks, 9);
  const values = niceTicks(cb.vmin, cb.vmax, nbinsFor(heightPx, 20));
  const { labels, offset } = formatTicks(values);
  return { major: values.map((v, i) => ({ value: v, label: labels[i] })), minor: [], offset };
}

/** How much width a colorbar takes at the right of its axes: pad, bar, ticks, labels. */
function colorbarRoom(cb: FigureColorbar, plotW: number, plotH: number): { pad: number; bar: number; total: number; ticks: AxisTicks } {
  const ticks = colorbarTicks(cb, plotH * cb.shrink);
  const pad = Math.max(8, 0.05 * plotW);
  const bar = Math.max(6, Math.min(0.15 * plotW, (plotH * cb.shrink) / 20));
  const total = pad + bar + TICK_LEN + TICK_PAD + widest(ticks) + (cb.label ? LABEL_FONT * 1.5 : 0) + 4;
  return { pad, bar, total, ticks };
}

function drawColorbar(cb: FigureColorbar, plot: Rect, room: ReturnType<typeof colorbarRoom>): string {
  const h = plot.h * cb.shrink;
  const x = plot.x + plot.w + room.pad;
  const y = plot.y + (plot.h - h) / 2;
  const span = cb.vmax - cb.vmin || 1;
  const yOf = (v: number): number => y + h - ((v - cb.vmin) / span) * h;
  const byColor = new Map<string, string[]>();
  const add = (color: string, y0: number, y1: number): void => {
    let list = byColor.get(color);
    if (!list) byColor.set(color, (list = []));
    list.push(`M${n(x)},${n(Math.min(y0, y1))}h${n(room.bar)}v${n(Math.abs(y1 - y0))}h${n(-room.bar)}Z`);
  };
  if (cb.boundaries && cb.boundaries.length === cb.colors.length + 1) {
    cb.colors.forEach((c, k) => add(c, yOf(cb.boundaries![k]), yOf(cb.boundaries![k + 1])));
  } else {
    const m = cb.colors.length;
    cb.colors.forEach((c, k) => add(c, y + h - (k / m) * h, y + h - ((k + 1) / m) * h));
  }
  const opacity = cb.alpha < 1 ? ` fill-opacity="${n(cb.alpha)}"` : '';
  const out = [...byColor].map(([c, d]) => `<path d="${d.join('')}" fill="${escapeXml(c)}"${opacity} shape-rendering="crispEdges"/>`);
  out.push(`<rect x="${n(x)}" y="${n(y)}" width="${n(room.bar)}" height="${n(h)}" fill="none" stroke="#000000" stroke-width="${n(SPINE_WIDTH)}"/>`);
  const right = x + room.bar;
  const inRange = room.ticks.major.filter((t) => t.value >= Math.min(cb.vmin, cb.vmax) - 1e-12 && t.value <= Math.max(cb.vmin, cb.vmax) + 1e-12);
  const d = inRange.map((t) => `M${n(right)},${n(yOf(t.value))}h${n(TICK_LEN)}`).join('');
  if (d) out.push(`<path d="${d}" stroke="#000000" stroke-width="${n(SPINE_WIDTH)}" fill="none"/>`);
  for (const t of inRange) if (t.label) out.push(tickText(right + TICK_LEN + TICK_PAD, yOf(t.value) + TICK_FONT * 0.35, t.label, 'start'));
  if (cb.label) {
    const lx = right + TICK_LEN + TICK_PAD + widest(room.ticks) + LABEL_FONT * 0.9;
    const ly = y + h / 2;
    out.push(textEl(lx, ly, cb.label, LABEL_FONT, ` text-anchor="middle" transform="rotate(-90 ${n(lx)} ${n(ly)})"`));
  }
  return out.join('');
}

// ---- axes ----------------------------------------------------------------------------------------------

/** The plot box shrunk to keep `aspect` (data units of y per unit of x), centred as matplotlib anchors it. */
function keepAspect(plot: Rect, ax: FigureAxes, sx: ReturnType<typeof axisScale>, sy: ReturnType<typeof axisScale>): Rect {
  if (ax.aspect === undefined || sx.log || sy.log) return plot;
  const ratio = (ax.aspect * Math.abs(sy.hi - sy.lo)) / Math.abs(sx.hi - sx.lo || 1);
  if (!(ratio > 0) || !Number.isFinite(ratio)) return plot;
  if (plot.h / plot.w > ratio) {
    const h = plot.w * ratio;
    return { x: plot.x, y: plot.y + (plot.h - h) / 2, w: plot.w, h };
  }
  const w = plot.h / ratio;
  return { x: plot.x + (plot.w - w) / 2, y: plot.y, w, h: plot.h };
}

function drawAxes(ax: FigureAxes, twins: FigureAxes[], cell: Rect, figure: Rect, index: number): string {
  const sx = axisScale(ax, 'x');
  const sy = axisScale(ax, 'y');
  const on = ax.axisOn !== false;
  const twin = twins[0];
  const top = ax.title ? TITLE_FONT * 1.6 : TICK_FONT * 0.8;
  // The y offset text ("1e6") sits above the axes; without a title it needs its own room.
  const xLabel = on && ax.xlabel;
  const bottom = on ? TICK_LEN + TICK_PAD + TICK_FONT * 1.1 + (xLabel ? LABEL_FONT * 1.5 : 0) + 6 : TICK_FONT * 0.8;
  const yTicksAt = (room: number): AxisTicks => ticksFor(sy, ax.yticks, nbinsFor(Math.max(20, cell.h - room - bottom), 20));
  let yTicks = yTicksAt(top);
  const topRoom = on && yTicks.offset && !ax.title ? TICK_FONT * 1.4 : top;
  if (topRoom !== top) yTicks = yTicksAt(topRoom);
  const left = on ? 6 + (ax.ylabel ? LABEL_FONT * 1.5 : 0) + widest(yTicks) + TICK_PAD + TICK_LEN : 6;
  const twinScale = twin ? axisScale(twin, 'y') : null;
  const twinTicks = twin && twinScale ? ticksFor(twinScale, twin.yticks, nbinsFor(Math.max(20, cell.h - topRoom - bottom), 20)) : null;
  let right = Math.max(12, TICK_FONT * 1.6);
  if (twin && twinTicks && twin.axisOn !== false) right = 6 + (twin.ylabel ? LABEL_FONT * 1.5 : 0) + widest(twinTicks) + TICK_PAD + TICK_LEN;
  let plot: Rect = { x: cell.x + left, y: cell.y + topRoom, w: Math.max(10, cell.w - left - right), h: Math.max(10, cell.h - topRoom - bottom) };
  const cbRoom = ax.colorbar ? colorbarRoom(ax.colorbar, plot.w, plot.h) : null;
  if (cbRoom) plot = { ...plot, w: Math.max(10, plot.w - cbRoom.total) };
  plot = keepAspect(plot, ax, sx, sy);
  // ticks for the final box: keeping an aspect can leave it much shorter than its cell
  if (plot.h < cell.h - topRoom - bottom - 1) yTicks = ticksFor(sy, ax.yticks, nbinsFor(plot.h, 20));
  const f: Frame = { plot, sx, sy, figure };
  const xTicks = fitXTicks(sx, ax.xticks, plot.w);
  const out: string[] = [];
  const clipId = `axes${index}`;
  out.push(`<clipPath id="${clipId}"><rect x="${n(plot.x)}" y="${n(plot.y)}" width="${n(plot.w)}" height="${n(plot.h)}"/></clipPath>`);
  if (on) out.push(`<rect x="${n(plot.x)}" y="${n(plot.y)}" width="${n(plot.w)}" height="${n(plot.h)}" fill="#ffffff"/>`);

  const xs = xTicks.major.map((t) => px(f, t.value));
  const ys = yTicks.major.map((t) => py(f, t.value));
  const clipped: string[] = [];
  const unclipped: string[] = [];
  // The grid sits between patches (zorder 1) and lines (2): matplotlib's axisbelow='line'.
  const grid = {
    zorder: 1.5,
    order: -1,
    clipped: true,
    draw: (): string => {
      if (!ax.grid || !on) return '';
      const d = xs.map((x) => `M${n(x)},${n(plot.y)}v${n(plot.h)}`).join('') + ys.map((y) => `M${n(plot.x)},${n(y)}h${n(plot.w)}`).join('');
      return d ? `<path d="${d}" stroke="#b0b0b0" stroke-width="${n(0.8 * PT)}" fill="none"/>` : '';
    },
  };
  for (const item of [...drawables(ax), grid].sort((p, q) => p.zorder - q.zorder || p.order - q.order)) (item.clipped ? clipped : unclipped).push(item.draw(f));
  // A twin's artists come after its parent's, as matplotlib draws the twin Axes over the first.
  const twinFrames = twins.map((t) => ({ ax: t, f: { plot, sx, sy: axisScale(t, 'y'), figure } as Frame }));
  for (const { ax: t, f: tf } of twinFrames) for (const item of drawables(t)) (item.clipped ? clipped : unclipped).push(item.draw(tf));
  out.push(`<g clip-path="url(#${clipId})">${clipped.join('')}</g>`);

  if (on) {
    out.push(`<rect x="${n(plot.x)}" y="${n(plot.y)}" width="${n(plot.w)}" height="${n(plot.h)}" fill="none" stroke="#000000" stroke-width="${n(SPINE_WIDTH)}"/>`);
    const base = plot.y + plot.h;
    let ticks = xs.map((x) => `M${n(x)},${n(base)}v${n(TICK_LEN)}`).join('') + ys.map((y) => `M${n(plot.x)},${n(y)}h${n(-TICK_LEN)}`).join('');
    ticks += xTicks.minor.map((v) => `M${n(px(f, v))},${n(base)}v${n(TICK_LEN * 0.57)}`).join('');
    ticks += yTicks.minor.map((v) => `M${n(plot.x)},${n(py(f, v))}h${n(-TICK_LEN * 0.57)}`).join('');
    if (ticks) out.push(`<path d="${ticks}" stroke="#000000" stroke-width="${n(SPINE_WIDTH)}" fill="none"/>`);
    xTicks.major.forEach((t, i) => {
      if (t.label) out.push(tickText(xs[i], base + TICK_LEN + TICK_PAD + TICK_FONT * 0.8, t.label, 'middle'));
    });
    yTicks.major.forEach((t, i) => {
      if (t.label) out.push(tickText(plot.x - TICK_LEN - TICK_PAD, ys[i] + TICK_FONT * 0.35, t.label, 'end'));
    });
    if (yTicks.offset) out.push(textEl(plot.x, plot.y - TICK_FONT * 0.4, yTicks.offset, TICK_FONT));
    if (xTicks.offset) {
      const y = base + TICK_LEN + TICK_PAD + TICK_FONT * 1.1 + TICK_FONT * 0.9;
      out.push(textEl(plot.x + plot.w, y, xTicks.offset, TICK_FONT, ' text-anchor="end"'));
    }
    if (ax.xlabel) {
      const y = base + TICK_LEN + TICK_PAD + TICK_FONT * 1.1 + LABEL_FONT * 1.1;
      out.push(textEl(plot.x + plot.w / 2, y, ax.xlabel, LABEL_FONT, ' text-anchor="middle"'));
    }
    if (ax.ylabel) {
      const x = Math.min(cell.x + 6 + LABEL_FONT * 0.8, plot.x - TICK_LEN - TICK_PAD - widest(yTicks) - LABEL_FONT * 0.6);
      const y = plot.y + plot.h / 2;
      out.push(textEl(x, y, ax.ylabel, LABEL_FONT, ` text-anchor="middle" transform="rotate(-90 ${n(x)} ${n(y)})"`));
    }
  }
  for (const { ax: t, f: tf } of twinFrames) if (t.axisOn !== false) out.push(drawRightAxis(t, tf));
  if (ax.title) out.push(textEl(plot.x + plot.w / 2, plot.y - TITLE_FONT * 0.5, ax.title, TITLE_FONT, ' text-anchor="middle"'));
  out.push(unclipped.join(''));
  out.push(drawLegend(f, ax));
  for (const { ax: t, f: tf } of twinFrames) out.push(drawLegend(tf, t));
  if (ax.colorbar && cbRoom) out.push(drawColorbar(ax.colorbar, plot, cbRoom));
  return `<g>${out.join('')}</g>`;
}

/** A twinx() Axes' own y axis, on the right of the shared plot box. */
function drawRightAxis(ax: FigureAxes, f: Frame): string {
  const ticks = ticksFor(f.sy, ax.yticks, nbinsFor(f.plot.h, 20));
  const x = f.plot.x + f.plot.w;
  const out: string[] = [];
  const ys = ticks.major.map((t) => py(f, t.value));
  const d = ys.map((y) => `M${n(x)},${n(y)}h${n(TICK_LEN)}`).join('');
  if (d) out.push(`<path d="${d}" stroke="#000000" stroke-width="${n(SPINE_WIDTH)}" fill="none"/>`);
  ticks.major.forEach((t, i) => {
    if (t.label) out.push(tickText(x + TICK_LEN + TICK_PAD, ys[i] + TICK_FONT * 0.35, t.label, 'start'));
  });
  if (ticks.offset) out.push(textEl(x, f.plot.y - TICK_FONT * 0.4, ticks.offset, TICK_FONT, ' text-anchor="end"'));
  if (ax.ylabel) {
    const lx = x + TICK_LEN + TICK_PAD + widest(ticks) + LABEL_FONT * 0.9;
    const ly = f.plot.y + f.plot.h / 2;
    // read bottom to top, as on the left (matplotlib rotates the right label the same way)
    out.push(textEl(lx + LABEL_FONT * 0.4, ly, ax.ylabel, LABEL_FONT, ` text-anchor="middle" transform="rotate(-90 ${n(lx + LABEL_FONT * 0.4)} ${n(ly)})"`));
  }
  return out.join('');
}

/** The figure as an SVG document, `figsize` × 100 px. */
export function renderFigureSvg(fig: FigureEvent): string {
  const clampPx = (inches: number): number => Math.max(50, Math.min(10000, Number.isFinite(inches) ? inches * DPI : 640));
  const W = clampPx(fig.figsize[0]);
  const H = clampPx(fig.figsize[1]);
  const body: string[] = [`<rect width="100%" height="100%" fill="#ffffff"/>`];
  let top = 0;
  if (fig.suptitle) {
    body.push(textEl(W / 2, TITLE_FONT * 1.3, fig.suptitle, TITLE_FONT, ' text-anchor="middle"'));
    top = TITLE_FONT * 1.9;
  }
  const figure: Rect = { x: 0, y: 0, w: W, h: H };
  fig.axes.forEach((ax, i) => {
    // twins are drawn with the Axes whose x axis they share
    if (ax.twinOf !== undefined && fig.axes[ax.twinOf]) return;
    const twins = fig.axes.filter((t) => t.twinOf === i);
    const cw = W / Math.max(1, ax.cols);
    const ch = (H - top) / Math.max(1, ax.rows);
    const cell: Rect = { x: ax.col * cw, y: top + ax.row * ch, w: cw * Math.max(1, ax.colSpan), h: ch * Math.max(1, ax.rowSpan) };
    body.push(drawAxes(ax, twins, cell, figure, i + 1));
  });
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(W)}" height="${n(H)}" viewBox="0 0 ${n(W)} ${n(H)}" ` +
    `font-family="${escapeXml(FONT_STACK)}">\n${body.join('\n')}\n</svg>\n`
  );
}
