/**
 * Draws a `figure` event as a standalone SVG file (the CLI's --plots), looking close to matplotlib's default
 * style: 100 px per inch, tab10 colours, ticks outside, grid under the data, legend placed like loc='best'.
 * Layout is always "tight" (each subplot cell makes room for its own labels), which is what tight_layout()
 * asks for and avoids the overlaps matplotlib's fixed margins produce with long labels.
 */
import { FONT_STACK, LEGEND_LOCS, plainText, PT, Rect, segmentHitsRect, textWidth } from './text';
import type { FigureAxes, FigureEvent, FigureSeries, FigureTicks } from '../protocol/events';

/** Pixels per inch, as matplotlib's default figure dpi (PT is at this dpi). */
const DPI = 100;

const TICK_FONT = 10 * PT;
const LABEL_FONT = 10 * PT;
const TITLE_FONT = 12 * PT;
const TICK_LEN = 3.5 * PT;
const TICK_PAD = 3.5 * PT;
const SPINE_WIDTH = 0.8 * PT;
/** One tick label; `exp` renders as a superscript after `text` (log axes: 10⁻³). */
interface TickLabel {
  text: string;
  exp?: string;
}

interface Tick {
  value: number;
  label: TickLabel | null;
}

/** Maps one data coordinate onto [0, 1] along its axis. */
interface AxisScale {
  lo: number;
  hi: number;
  log: boolean;
  norm(v: number): number;
}

// ---- text ----------------------------------------------------------------------------------------------

// eslint-disable-next-line no-control-regex -- the control characters XML 1.0 forbids are what this matches
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(text: string): string {
  return text
    .replace(XML_INVALID, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}


function tickLabelWidth(label: TickLabel, fontPx: number): number {
  return textWidth(label.text, fontPx) + (label.exp ? textWidth(label.exp, fontPx * 0.7) : 0);
}

/** Coordinates with two decimals; a huge value (a point far off the axes) is clamped so the file stays valid. */
function n(v: number): string {
  const c = Math.max(-1e6, Math.min(1e6, v));
  const r = Math.round(c * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
}

function textEl(x: number, y: number, content: string, fontPx: number, attrs = ''): string {
  return `<text x="${n(x)}" y="${n(y)}" font-size="${n(fontPx)}"${attrs}>${escapeXml(plainText(content))}</text>`;
}

// ---- scales and ticks ----------------------------------------------------------------------------------

function finite(values: Iterable<number>, log: boolean): number[] {
  const out: number[] = [];
  for (const v of values) if (Number.isFinite(v) && (!log || v > 0)) out.push(v);
  return out;
}

function minMax(values: number[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

/** The data range plus matplotlib's 5% margins; bars' bottoms are "sticky" (no margin past them). */
function autoRange(ax: FigureAxes, dim: 'x' | 'y', log: boolean): [number, number] {
  const values: number[] = [];
  const sticky = new Set<number>();
  for (const s of ax.series) {
    if (s.kind === 'bar' || s.kind === 'hist') {
      const widths = s.widths ?? [];
      for (let i = 0; i < s.x.length; i++) {
        if (dim === 'x') {
          const w = widths[i] ?? 0.8;
          values.push(s.x[i] - w / 2, s.x[i] + w / 2);
        } else {
          const b = s.bottoms?.[i] ?? 0;
          values.push(b, b + s.y[i]);
          sticky.add(b);
        }
      }
    } else {
      for (const v of dim === 'x' ? s.x : s.y) values.push(v);
    }
  }
  const data = finite(values, log);
  if (data.length === 0) return log ? [1, 10] : [0, 1];
  const [lo, hi] = minMax(data);
  const tr = (v: number): number => (log ? Math.log10(v) : v);
  const inv = (v: number): number => (log ? 10 ** v : v);
  let a = tr(lo);
  let b = tr(hi);
  if (a === b) {
    const d = a !== 0 ? Math.abs(a) * 0.05 : 0.05;
    a -= d;
    b += d;
  }
  const m = (b - a) * 0.05;
  return [sticky.has(lo) ? lo : inv(a - m), sticky.has(hi) ? hi : inv(b + m)];
}

function axisScale(ax: FigureAxes, dim: 'x' | 'y'): AxisScale {
  let log = (dim === 'x' ? ax.xscale : ax.yscale) === 'log';
  const lim = dim === 'x' ? ax.xlim : ax.ylim;
  let [lo, hi] = autoRange(ax, dim, log);
  if (lim) {
    if (lim[0] !== null && Number.isFinite(lim[0])) lo = lim[0];
    if (lim[1] !== null && Number.isFinite(lim[1])) hi = lim[1];
  }
  if (log && !(lo > 0 && hi > 0)) log = false;
  if (lo === hi) {
    lo -= 0.5;
    hi += 0.5;
  }
  const a = log ? Math.log10(lo) : lo;
  const b = log ? Math.log10(hi) : hi;
  return { lo, hi, log, norm: (v: number) => ((log ? Math.log10(v) : v) - a) / (b - a) };
}

function clean(v: number): number {
  const r = Number(v.toPrecision(12));
  return r === 0 ? 0 : r;
}

/** matplotlib's MaxNLocator: the smallest step of 1, 2, 2.5, 5 × 10^k giving at most `nbins` intervals. */
function niceTicks(lo: number, hi: number, nbins: number): number[] {
  const [a, b] = lo <= hi ? [lo, hi] : [hi, lo];
  const span = b - a;
  if (!(span > 0) || !Number.isFinite(span)) return [a];
  const raw = span / Math.max(1, nbins);
  const mag = 10 ** Math.floor(Math.log10(raw));
  let step = 10 * mag;
  for (const m of [1, 2, 2.5, 5, 10]) {
    if (m * mag >= raw * (1 - 1e-9)) {
      step = m * mag;
      break;
    }
  }
  const first = Math.ceil(a / step - 1e-9);
  const last = Math.floor(b / step + 1e-9);
  const out: number[] = [];
  for (let k = first; k <= last && out.length < 100; k++) out.push(clean(k * step));
  return out;
}

function decimalsFor(step: number): number {
  let d = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  while (d < 15 && Math.abs(step * 10 ** d - Math.round(step * 10 ** d)) > 1e-6) d++;
  return d;
}

const MINUS = '\u2212';

function withMinus(s: string): string {
  return s.replace(/^-/, MINUS).replace(/e-/, `e${MINUS}`);
}

interface TickFormat {
  labels: TickLabel[];
  /** matplotlib's offset text ("1e6") shown at the end of the axis when labels are scaled by a power of ten. */
  offset: string | null;
}

function formatTicks(values: number[]): TickFormat {
  if (values.length === 0) return { labels: [], offset: null };
  const step = values.length > 1 ? Math.abs(values[1] - values[0]) : Math.abs(values[0]) || 1;
  const big = Math.max(...values.map(Math.abs));
  let exp = 0;
  if (big >= 1e5 || (big > 0 && big < 1e-4)) exp = Math.floor(Math.log10(big));
  const scale = 10 ** exp;
  const d = Math.min(12, decimalsFor(step / scale));
  const labels = values.map((v) => {
    const s = (v / scale).toFixed(d);
    return { text: withMinus(Number(s) === 0 ? (0).toFixed(d) : s) };
  });
  return { labels, offset: exp === 0 ? null : withMinus(`1e${exp}`) };
}

interface AxisTicks {
  major: Tick[];
  minor: number[];
  offset: string | null;
}

function ticksFor(scale: AxisScale, fixed: FigureTicks | null, nbins: number): AxisTicks {
  const [a, b] = scale.lo <= scale.hi ? [scale.lo, scale.hi] : [scale.hi, scale.lo];
  const inside = (v: number): boolean => v >= a - Math.abs(b - a) * 1e-9 && v <= b + Math.abs(b - a) * 1e-9;
  if (fixed) {
    const major: Tick[] = [];
    const formatted = fixed.labels ? null : formatTicks(fixed.values);
    fixed.values.forEach((v, i) => {
      if (!Number.isFinite(v) || !inside(v) || (scale.log && v <= 0)) return;
      major.push({ value: v, label: fixed.labels ? { text: fixed.labels[i] ?? '' } : formatted!.labels[i] });
    });
    return { major, minor: [], offset: formatted?.offset ?? null };
  }
  if (scale.log) {
    const k0 = Math.ceil(Math.log10(a) - 1e-9);
    const k1 = Math.floor(Math.log10(b) + 1e-9);
    if (k1 - k0 >= 1) {
      const stride = Math.max(1, Math.ceil((k1 - k0 + 1) / Math.max(2, nbins)));
      const major: Tick[] = [];
      for (let k = k0; k <= k1; k += stride) major.push({ value: 10 ** k, label: { text: '10', exp: withMinus(String(k)) } });
      const minor: number[] = [];
      if (stride === 1) {
        for (let k = k0 - 1; k <= k1; k++) for (let m = 2; m <= 9; m++) if (inside(m * 10 ** k)) minor.push(m * 10 ** k);
      }
      return { major, minor, offset: null };
    }
  }
  const values = niceTicks(a, b, nbins).filter((v) => !scale.log || v > 0);
  const { labels, offset } = formatTicks(values);
  return { major: values.map((v, i) => ({ value: v, label: labels[i] })), minor: [], offset };
}

// ---- markers -------------------------------------------------------------------------------------------

interface MarkerShape {
  d: string;
  /** Stroke width in px for line-art markers (+, x, |, …); null for filled shapes. */
  stroke: number | null;
}

function polygon(cx: number, cy: number, pts: Array<[number, number]>): string {
  return 'M' + pts.map(([x, y]) => `${n(cx + x)},${n(cy + y)}`).join('L') + 'Z';
}

function regular(cx: number, cy: number, r: number, sides: number, rotation: number): string {
  const pts: Array<[number, number]> = [];
  for (let i = 0; i < sides; i++) {
    const a = rotation + (2 * Math.PI * i) / sides;
    pts.push([r * Math.sin(a), -r * Math.cos(a)]);
  }
  return polygon(cx, cy, pts);
}

function circle(cx: number, cy: number, r: number): string {
  return `M${n(cx - r)},${n(cy)}a${n(r)},${n(r)} 0 1,0 ${n(2 * r)},0a${n(r)},${n(r)} 0 1,0 ${n(-2 * r)},0Z`;
}

/** A marker of matplotlib code `m`, `sizePx` across (markersize), centred on (cx, cy). */
function markerShape(m: string, cx: number, cy: number, sizePx: number): MarkerShape {
  const r = Math.max(0.5, sizePx / 2);
  const line = PT; // markeredgewidth 1.0 pt
  const segs = (pairs: Array<[number, number, number, number]>): string =>
    pairs.map(([x1, y1, x2, y2]) => `M${n(cx + x1)},${n(cy + y1)}L${n(cx + x2)},${n(cy + y2)}`).join('');
  switch (m) {
    case '.':
      return { d: circle(cx, cy, r / 2), stroke: null };
    case ',':
      return { d: `M${n(cx - 0.5)},${n(cy - 0.5)}h1v1h-1Z`, stroke: null };
    case 's':
      return { d: polygon(cx, cy, [[-r, -r], [r, -r], [r, r], [-r, r]]), stroke: null };
    case '^':
      return { d: polygon(cx, cy, [[0, -r], [r, r], [-r, r]]), stroke: null };
    case 'v':
      return { d: polygon(cx, cy, [[0, r], [r, -r], [-r, -r]]), stroke: null };
    case '<':
      return { d: polygon(cx, cy, [[-r, 0], [r, -r], [r, r]]), stroke: null };
    case '>':
      return { d: polygon(cx, cy, [[r, 0], [-r, -r], [-r, r]]), stroke: null };
    case 'D':
      return { d: polygon(cx, cy, [[0, -r], [r, 0], [0, r], [-r, 0]]), stroke: null };
    case 'd':
      return { d: polygon(cx, cy, [[0, -r], [0.6 * r, 0], [0, r], [-0.6 * r, 0]]), stroke: null };
    case 'p':
      return { d: regular(cx, cy, r, 5, 0), stroke: null };
    case 'h':
      return { d: regular(cx, cy, r, 6, 0), stroke: null };
    case 'H':
      return { d: regular(cx, cy, r, 6, Math.PI / 6), stroke: null };
    case '8':
      return { d: regular(cx, cy, r, 8, Math.PI / 8), stroke: null };
    case '*': {
      const pts: Array<[number, number]> = [];
      for (let i = 0; i < 10; i++) {
        const rr = i % 2 === 0 ? r : r * 0.381966;
        const a = (Math.PI * i) / 5;
        pts.push([rr * Math.sin(a), -rr * Math.cos(a)]);
      }
      return { d: polygon(cx, cy, pts), stroke: null };
    }
    case '+':
      return { d: segs([[-r, 0, r, 0], [0, -r, 0, r]]), stroke: line };
    case 'x':
      return { d: segs([[-r, -r, r, r], [-r, r, r, -r]]), stroke: line };
    case 'P':
      return { d: segs([[-r, 0, r, 0], [0, -r, 0, r]]), stroke: Math.max(line, r * 0.6) };
    case 'X':
      return { d: segs([[-r * 0.8, -r * 0.8, r * 0.8, r * 0.8], [-r * 0.8, r * 0.8, r * 0.8, -r * 0.8]]), stroke: Math.max(line, r * 0.55) };
    case '|':
      return { d: segs([[0, -r, 0, r]]), stroke: line };
    case '_':
      return { d: segs([[-r, 0, r, 0]]), stroke: line };
    case '1':
      return { d: segs([[0, 0, 0, r], [0, 0, -0.866 * r, -0.5 * r], [0, 0, 0.866 * r, -0.5 * r]]), stroke: line };
    case '2':
      return { d: segs([[0, 0, 0, -r], [0, 0, -0.866 * r, 0.5 * r], [0, 0, 0.866 * r, 0.5 * r]]), stroke: line };
    case '3':
      return { d: segs([[0, 0, -r, 0], [0, 0, 0.5 * r, -0.866 * r], [0, 0, 0.5 * r, 0.866 * r]]), stroke: line };
    case '4':
      return { d: segs([[0, 0, r, 0], [0, 0, -0.5 * r, -0.866 * r], [0, 0, -0.5 * r, 0.866 * r]]), stroke: line };
    default:
      return { d: circle(cx, cy, r), stroke: null };
  }
}

function markerElement(d: string, color: string, stroke: number | null, alpha: number): string {
  const opacity = alpha < 1 ? ` opacity="${n(alpha)}"` : '';
  if (stroke !== null) return `<path d="${d}" fill="none" stroke="${escapeXml(color)}" stroke-width="${n(stroke)}"${opacity}/>`;
  return `<path d="${d}" fill="${escapeXml(color)}" stroke="none"${opacity}/>`;
}

// ---- series --------------------------------------------------------------------------------------------

interface Frame {
  plot: Rect;
  sx: AxisScale;
  sy: AxisScale;
}

function px(f: Frame, v: number): number {
  return f.plot.x + f.sx.norm(v) * f.plot.w;
}

function py(f: Frame, v: number): number {
  return f.plot.y + f.plot.h - f.sy.norm(v) * f.plot.h;
}

function usable(scale: AxisScale, v: number): boolean {
  return Number.isFinite(v) && (!scale.log || v > 0);
}

/** matplotlib's dash patterns (in units of the line width, lines.scale_dashes). */
function dashArray(style: FigureSeries['linestyle'], lw: number): string | null {
  const pattern = style === '--' ? [3.7, 1.6] : style === ':' ? [1, 1.65] : style === '-.' ? [6.4, 1.6, 1, 1.6] : null;
  return pattern ? pattern.map((v) => n(v * Math.max(lw, 0.5))).join(',') : null;
}

function lineElement(d: string, s: FigureSeries, lwPx: number): string {
  const dash = dashArray(s.linestyle, lwPx);
  const opacity = s.alpha < 1 ? ` stroke-opacity="${n(s.alpha)}"` : '';
  return (
    `<path d="${d}" fill="none" stroke="${escapeXml(s.color)}" stroke-width="${n(lwPx)}" stroke-linejoin="round"` +
    ` stroke-linecap="${dash ? 'butt' : 'square'}"${dash ? ` stroke-dasharray="${dash}"` : ''}${opacity}/>`
  );
}

function drawLine(f: Frame, s: FigureSeries): string {
  const parts: string[] = [];
  const lwPx = (s.linewidth ?? 1.5) * PT;
  if (s.linestyle !== 'none' && lwPx > 0) {
    let d = '';
    let pen = false;
    for (let i = 0; i < s.x.length; i++) {
      if (!usable(f.sx, s.x[i]) || !usable(f.sy, s.y[i])) {
        pen = false;
        continue;
      }
      d += `${pen ? 'L' : 'M'}${n(px(f, s.x[i]))},${n(py(f, s.y[i]))}`;
      pen = true;
    }
    if (d) parts.push(lineElement(d, s, lwPx));
  }
  if (s.marker) parts.push(drawMarkers(f, s));
  return parts.join('');
}

function drawMarkers(f: Frame, s: FigureSeries): string {
  const marker = s.marker ?? 'o';
  const byColor = new Map<string, { d: string[]; stroke: number | null }>();
  for (let i = 0; i < s.x.length; i++) {
    if (!usable(f.sx, s.x[i]) || !usable(f.sy, s.y[i])) continue;
    const color = s.colors?.[i] ?? s.color;
    if (color === 'transparent') continue;
    const size = (s.sizes?.[i] ?? s.size) * PT;
    const shape = markerShape(marker, px(f, s.x[i]), py(f, s.y[i]), size);
    let group = byColor.get(color);
    if (!group) byColor.set(color, (group = { d: [], stroke: shape.stroke }));
    group.d.push(shape.d);
  }
  return [...byColor].map(([color, g]) => markerElement(g.d.join(''), color, g.stroke, s.alpha)).join('');
}

function drawBars(f: Frame, s: FigureSeries): string {
  const byColor = new Map<string, string[]>();
  const below = f.plot.y + f.plot.h + 10;
  for (let i = 0; i < s.x.length; i++) {
    const w = s.widths?.[i] ?? 0.8;
    const b = s.bottoms?.[i] ?? 0;
    const top = b + s.y[i];
    if (!Number.isFinite(s.x[i]) || !Number.isFinite(top) || !Number.isFinite(w)) continue;
    const x0 = s.x[i] - w / 2;
    const x1 = s.x[i] + w / 2;
    if (!usable(f.sx, x0) || !usable(f.sx, x1)) continue;
    const ya = usable(f.sy, b) ? py(f, b) : below;
    const yb = usable(f.sy, top) ? py(f, top) : below;
    const left = Math.min(px(f, x0), px(f, x1));
    const width = Math.abs(px(f, x1) - px(f, x0));
    const color = s.colors?.[i] ?? s.color;
    let list = byColor.get(color);
    if (!list) byColor.set(color, (list = []));
    list.push(`M${n(left)},${n(Math.min(ya, yb))}h${n(width)}v${n(Math.abs(yb - ya))}h${n(-width)}Z`);
  }
  const opacity = s.alpha < 1 ? ` fill-opacity="${n(s.alpha)}"` : '';
  return [...byColor].map(([color, d]) => `<path d="${d.join('')}" fill="${escapeXml(color)}"${opacity}/>`).join('');
}

// ---- legend --------------------------------------------------------------------------------------------


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
      const x = px(f, s.x[i]);
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
  const entries = ax.series.filter((s) => s.label !== null);
  if (!ax.legend || entries.length === 0) return '';
  const font = LABEL_FONT;
  const pad = 0.4 * font;
  const handleLen = 2 * font;
  const textPad = 0.8 * font;
  const rowH = 1.5 * font;
  const labels = entries.map((s) => plainText(s.label ?? ''));
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
  entries.forEach((s, i) => {
    const cy = box.y + pad + i * rowH + 0.5 * font;
    const hx = box.x + pad;
    if (s.kind === 'bar' || s.kind === 'hist') {
      const opacity = s.alpha < 1 ? ` fill-opacity="${n(s.alpha)}"` : '';
      out.push(`<rect x="${n(hx)}" y="${n(cy - 0.35 * font)}" width="${n(handleLen)}" height="${n(0.7 * font)}" fill="${escapeXml(s.color)}"${opacity}/>`);
    } else {
      if (s.kind === 'line' && s.linestyle !== 'none') {
        out.push(lineElement(`M${n(hx)},${n(cy)}h${n(handleLen)}`, s, (s.linewidth ?? 1.5) * PT));
      }
      if (s.marker) {
        const shape = markerShape(s.marker, hx + handleLen / 2, cy, s.size * PT);
        out.push(markerElement(shape.d, s.colors?.[0] ?? s.color, shape.stroke, s.alpha));
      }
    }
    out.push(textEl(hx + handleLen + textPad, cy + 0.35 * font, labels[i], font));
  });
  return out.join('');
}

// ---- axes ----------------------------------------------------------------------------------------------

function nbinsFor(lengthPx: number, perTickPt: number): number {
  return Math.max(1, Math.min(9, Math.floor(lengthPx / PT / perTickPt)));
}

/** X ticks whose labels fit side by side: fewer bins (or, for fixed ticks, every k-th label) until they do. */
function fitXTicks(scale: AxisScale, fixed: FigureTicks | null, widthPx: number): AxisTicks {
  let nbins = nbinsFor(widthPx, 30);
  for (;;) {
    const ticks = ticksFor(scale, fixed, nbins);
    const room = widthPx / Math.max(1, ticks.major.length);
    const widest = Math.max(0, ...ticks.major.map((t) => (t.label ? tickLabelWidth(t.label, TICK_FONT) : 0)));
    if (widest + TICK_FONT * 0.5 <= room || ticks.major.length <= 2) return ticks;
    if (fixed) {
      const every = Math.ceil((widest + TICK_FONT * 0.5) / room);
      return { ...ticks, major: ticks.major.map((t, i) => (i % every === 0 ? t : { value: t.value, label: null })) };
    }
    if (nbins <= 1) return ticks;
    nbins--;
  }
}

function drawAxes(ax: FigureAxes, cell: Rect, index: number): string {
  const sx = axisScale(ax, 'x');
  const sy = axisScale(ax, 'y');
  const top = ax.title ? TITLE_FONT * 1.6 : TICK_FONT * 0.8;
  // The y offset text ("1e6") sits above the axes; without a title it needs its own room.
  const bottom = TICK_LEN + TICK_PAD + TICK_FONT * 1.1 + (ax.xlabel ? LABEL_FONT * 1.5 : 0) + 6;
  let yTicks = ticksFor(sy, ax.yticks, nbinsFor(Math.max(20, cell.h - top - bottom), 20));
  const topRoom = yTicks.offset && !ax.title ? TICK_FONT * 1.4 : top;
  if (topRoom !== top) yTicks = ticksFor(sy, ax.yticks, nbinsFor(Math.max(20, cell.h - topRoom - bottom), 20));
  const yLabelW = Math.max(0, ...yTicks.major.map((t) => (t.label ? tickLabelWidth(t.label, TICK_FONT) : 0)));
  const left = 6 + (ax.ylabel ? LABEL_FONT * 1.5 : 0) + yLabelW + TICK_PAD + TICK_LEN;
  const right = Math.max(12, TICK_FONT * 1.6);
  const plot: Rect = {
    x: cell.x + left,
    y: cell.y + topRoom,
    w: Math.max(10, cell.w - left - right),
    h: Math.max(10, cell.h - topRoom - bottom),
  };
  const f: Frame = { plot, sx, sy };
  const xTicks = fitXTicks(sx, ax.xticks, plot.w);
  const out: string[] = [];
  const clipId = `axes${index}`;
  const grey = '#b0b0b0';
  out.push(`<clipPath id="${clipId}"><rect x="${n(plot.x)}" y="${n(plot.y)}" width="${n(plot.w)}" height="${n(plot.h)}"/></clipPath>`);
  out.push(`<rect x="${n(plot.x)}" y="${n(plot.y)}" width="${n(plot.w)}" height="${n(plot.h)}" fill="#ffffff"/>`);

  // Bars under the grid, lines and markers over it (matplotlib's axisbelow='line').
  const data: string[] = [];
  for (const s of ax.series) if (s.kind === 'bar' || s.kind === 'hist') data.push(drawBars(f, s));
  const xs = xTicks.major.map((t) => px(f, t.value));
  const ys = yTicks.major.map((t) => py(f, t.value));
  if (ax.grid) {
    const d = xs.map((x) => `M${n(x)},${n(plot.y)}v${n(plot.h)}`).join('') + ys.map((y) => `M${n(plot.x)},${n(y)}h${n(plot.w)}`).join('');
    if (d) data.push(`<path d="${d}" stroke="${grey}" stroke-width="${n(0.8 * PT)}" fill="none"/>`);
  }
  for (const s of ax.series) {
    if (s.kind === 'line') data.push(drawLine(f, s));
    else if (s.kind === 'scatter') data.push(drawMarkers(f, s));
  }
  out.push(`<g clip-path="url(#${clipId})">${data.join('')}</g>`);

  out.push(`<rect x="${n(plot.x)}" y="${n(plot.y)}" width="${n(plot.w)}" height="${n(plot.h)}" fill="none" stroke="#000000" stroke-width="${n(SPINE_WIDTH)}"/>`);
  const base = plot.y + plot.h;
  let ticks = xs.map((x) => `M${n(x)},${n(base)}v${n(TICK_LEN)}`).join('') + ys.map((y) => `M${n(plot.x)},${n(y)}h${n(-TICK_LEN)}`).join('');
  ticks += xTicks.minor.map((v) => `M${n(px(f, v))},${n(base)}v${n(TICK_LEN * 0.57)}`).join('');
  ticks += yTicks.minor.map((v) => `M${n(plot.x)},${n(py(f, v))}h${n(-TICK_LEN * 0.57)}`).join('');
  if (ticks) out.push(`<path d="${ticks}" stroke="#000000" stroke-width="${n(SPINE_WIDTH)}" fill="none"/>`);
  const tickText = (x: number, y: number, label: TickLabel, anchor: string): string => {
    const sup = label.exp
      ? `<tspan font-size="${n(TICK_FONT * 0.7)}" dy="${n(-TICK_FONT * 0.4)}">${escapeXml(label.exp)}</tspan>`
      : '';
    return `<text x="${n(x)}" y="${n(y)}" font-size="${n(TICK_FONT)}" text-anchor="${anchor}">${escapeXml(plainText(label.text))}${sup}</text>`;
  };
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
    const x = cell.x + 6 + LABEL_FONT * 0.8;
    const y = plot.y + plot.h / 2;
    out.push(textEl(x, y, ax.ylabel, LABEL_FONT, ` text-anchor="middle" transform="rotate(-90 ${n(x)} ${n(y)})"`));
  }
  if (ax.title) out.push(textEl(plot.x + plot.w / 2, plot.y - TITLE_FONT * 0.5, ax.title, TITLE_FONT, ' text-anchor="middle"'));
  out.push(drawLegend(f, ax));
  return `<g>${out.join('')}</g>`;
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
  fig.axes.forEach((ax, i) => {
    const cw = W / Math.max(1, ax.cols);
    const ch = (H - top) / Math.max(1, ax.rows);
    const cell: Rect = { x: ax.col * cw, y: top + ax.row * ch, w: cw * Math.max(1, ax.colSpan), h: ch * Math.max(1, ax.rowSpan) };
    body.push(drawAxes(ax, cell, i + 1));
  });
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(W)}" height="${n(H)}" viewBox="0 0 ${n(W)} ${n(H)}" ` +
    `font-family="${escapeXml(FONT_STACK)}">\n${body.join('\n')}\n</svg>\n`
  );
}
