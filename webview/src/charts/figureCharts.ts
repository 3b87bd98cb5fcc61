/**
 * A matplotlib `figure` event as chart.js configurations: one chart per subplot, placed by fractions of the
 * figure so spans (subplot(2, 2, (1, 2))) work. Pure: only chart.js *types* are imported, so the mocha suite
 * checks the produced objects under Node.
 *
 * Looks follow matplotlib where chart.js allows: 5% data margins, bars touching the 0 line, tab10 colours as
 * the script gave them, dash patterns scaled by line width, marker shapes, log axes labelled 10ⁿ. Text and
 * axes take the theme's colours so figures stay legible in dark themes; pure black lines ('k') take the
 * theme's foreground for the same reason.
 */
import type { ChartConfiguration, ChartDataset, ChartType, Plugin, PointStyle, Scale } from 'chart.js';
import type { FigureAxes, FigureEvent, FigureSeries, FigureTicks } from '../../../src/protocol/events';
import { LEGEND_LOCS, plainText, PT, Rect, segmentHitsRect, superscript } from '../../../src/figures/text';

/** Colours and font read from the VS Code theme at draw time (see views/theme.ts). */
export interface ChartTheme {
  foreground: string;
  /** Behind the legend box. */
  background: string;
  /** Grid lines and axis borders. */
  grid: string;
  /** A canvas font-family list (no CSS var(): canvas does not resolve them). */
  fontFamily: string;
  fontSize: number;
}

/** A data point: lines and scatters use y (null = gap); bars use [bottom, top] and carry their width. */
export interface FigurePoint {
  x: number;
  y: number | [number, number] | null;
  /** Bar width in data units. */
  w?: number;
}

export type FigureChartType = 'scatter' | 'line' | 'bar';
export type FigureDataset = ChartDataset<FigureChartType, FigurePoint[]>;
export type FigureChartConfig = ChartConfiguration<'scatter', FigurePoint[]>;

export interface FigureCell {
  /** Place in the figure, as fractions of its width and height. */
  left: number;
  top: number;
  width: number;
  height: number;
  config: FigureChartConfig;
}

export interface FigureView {
  suptitle: string | null;
  /** The figure's size at 100 px per inch; the view scales it down to fit the panel, keeping the ratio. */
  widthPx: number;
  heightPx: number;
  cells: FigureCell[];
  /** Most points any series had before the runtime thinned it, when one was thinned; else null. */
  thinnedFrom: number | null;
}

// ---- colours -------------------------------------------------------------------------------------------

function parseHex(color: string): [number, number, number, number] | null {
  const m = /^#([0-9a-f]{3,8})$/i.exec(color.trim());
  if (!m) return null;
  let h = m[1];
  if (h.length === 3 || h.length === 4) h = [...h].map((c) => c + c).join('');
  if (h.length !== 6 && h.length !== 8) return null;
  const v = (i: number): number => parseInt(h.slice(i, i + 2), 16);
  return [v(0), v(2), v(4), h.length === 8 ? v(6) / 255 : 1];
}

/**
 * The series colour with its alpha applied. '#000000' becomes the theme foreground (black is matplotlib's
 * 'k' and its default text colour; on a dark theme it would vanish). CSS colour names pass through with
 * their alpha dropped (the runtime sends hex for matplotlib's own colour names).
 */
export function seriesColor(color: string, alpha: number, theme: ChartTheme): string {
  if (color === 'transparent') return 'rgba(0, 0, 0, 0)';
  const rgba = parseHex(color);
  if (!rgba) return color;
  const [r, g, b, a] = rgba;
  if (r === 0 && g === 0 && b === 0 && a === 1) return alpha >= 1 ? theme.foreground : withAlpha(theme.foreground, alpha);
  const total = Math.max(0, Math.min(1, a * alpha));
  return total >= 1 ? `rgb(${r}, ${g}, ${b})` : `rgba(${r}, ${g}, ${b}, ${round(total, 3)})`;
}

/** `color` (hex or rgb()) at `alpha`; other spellings are returned unchanged. */
export function withAlpha(color: string, alpha: number): string {
  const hex = parseHex(color);
  if (hex) return `rgba(${hex[0]}, ${hex[1]}, ${hex[2]}, ${round(hex[3] * alpha, 3)})`;
  const m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+%?))?\s*\)$/.exec(color.trim());
  if (!m) return color;
  const a0 = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
  return `rgba(${m[1]}, ${m[2]}, ${m[3]}, ${round(a0 * alpha, 3)})`;
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

// ---- markers and lines ---------------------------------------------------------------------------------

export interface MarkerStyle {
  pointStyle: PointStyle;
  rotation: number;
  /** Radius in px for a marker of `size` points. */
  radius: (size: number) => number;
}

/** Point styles chart.js strokes rather than fills: they need a border width to show. */
const STROKED: ReadonlySet<PointStyle> = new Set<PointStyle>(['crossRot', 'cross', 'star', 'line']);

const half = (size: number): number => (size * PT) / 2;

/** matplotlib marker code → chart.js point style. Shapes chart.js lacks (pentagon, hexagon) fall back to a circle. */
export function markerStyle(marker: string): MarkerStyle {
  switch (marker) {
    case '.':
      return { pointStyle: 'circle', rotation: 0, radius: (s) => half(s) / 2 };
    case ',':
      return { pointStyle: 'circle', rotation: 0, radius: () => 0.7 };
    case 's':
      return { pointStyle: 'rect', rotation: 0, radius: half };
    case '^':
    case '2':
      return { pointStyle: 'triangle', rotation: 0, radius: half };
    case 'v':
    case '1':
      return { pointStyle: 'triangle', rotation: 180, radius: half };
    case '<':
    case '3':
      return { pointStyle: 'triangle', rotation: 270, radius: half };
    case '>':
    case '4':
      return { pointStyle: 'triangle', rotation: 90, radius: half };
    case 'D':
      return { pointStyle: 'rectRot', rotation: 0, radius: half };
    case 'd':
      return { pointStyle: 'rectRot', rotation: 0, radius: (s) => half(s) * 0.8 };
    case 'x':
    case 'X':
      return { pointStyle: 'crossRot', rotation: 0, radius: half };
    case '+':
    case 'P':
      return { pointStyle: 'cross', rotation: 0, radius: half };
    case '*':
      return { pointStyle: 'star', rotation: 0, radius: (s) => half(s) * 1.2 };
    case '|':
      return { pointStyle: 'line', rotation: 90, radius: half };
    case '_':
      return { pointStyle: 'line', rotation: 0, radius: half };
    default:
      return { pointStyle: 'circle', rotation: 0, radius: half };
  }
}

/** matplotlib's dash patterns, in units of the line width (lines.scale_dashes), as canvas px. */
export function dashPattern(style: FigureSeries['linestyle'], lineWidthPx: number): number[] {
  const unit = Math.max(lineWidthPx, 0.5);
  const pattern = style === '--' ? [3.7, 1.6] : style === ':' ? [1, 1.65] : style === '-.' ? [6.4, 1.6, 1, 1.6] : [];
  return pattern.map((v) => round(v * unit, 2));
}

// ---- axis ranges ---------------------------------------------------------------------------------------

function usable(v: number, log: boolean): boolean {
  return Number.isFinite(v) && (!log || v > 0);
}

/** Data extent along one axis, bars counted by their edges (x) and bottoms (y). */
export function dataExtent(ax: FigureAxes, axis: 'x' | 'y'): { lo: number; hi: number; sticky: number[] } | null {
  const log = (axis === 'x' ? ax.xscale : ax.yscale) === 'log';
  let lo = Infinity;
  let hi = -Infinity;
  const sticky: number[] = [];
  const take = (v: number): void => {
    if (!usable(v, log)) return;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  };
  for (const s of ax.series) {
    const bars = s.kind === 'bar' || s.kind === 'hist';
    for (let i = 0; i < s.x.length; i++) {
      if (!Number.isFinite(s.x[i]) || !Number.isFinite(s.y[i])) continue;
      if (bars) {
        const w = s.widths?.[i] ?? 0.8;
        const b = s.bottoms?.[i] ?? 0;
        if (axis === 'x') {
          take(s.x[i] - w / 2);
          take(s.x[i] + w / 2);
        } else {
          take(b);
          take(b + s.y[i]);
          // matplotlib's sticky edge: bars stand on their base line with no margin below it.
          if (usable(b, log)) sticky.push(b);
        }
      } else {
        take(axis === 'x' ? s.x[i] : s.y[i]);
      }
    }
  }
  return lo <= hi ? { lo, hi, sticky } : null;
}

/** Axis limits as matplotlib autoscales them: the script's limits, else the data range plus 5% margins. */
export function axisLimits(ax: FigureAxes, axis: 'x' | 'y'): { min: number; max: number } {
  const log = (axis === 'x' ? ax.xscale : ax.yscale) === 'log';
  const lim = axis === 'x' ? ax.xlim : ax.ylim;
  const ext = dataExtent(ax, axis);
  let lo: number;
  let hi: number;
  if (!ext) {
    [lo, hi] = log ? [1, 10] : [0, 1];
  } else {
    const f = log ? Math.log10 : (v: number) => v;
    const inv = log ? (v: number) => 10 ** v : (v: number) => v;
    let a = f(ext.lo);
    let b = f(ext.hi);
    if (a === b) {
      const pad = a === 0 ? 0.05 : Math.abs(a) * 0.05;
      a -= pad;
      b += pad;
    }
    const m = (b - a) * 0.05;
    lo = ext.sticky.includes(ext.lo) ? ext.lo : inv(a - m);
    hi = ext.sticky.includes(ext.hi) ? ext.hi : inv(b + m);
  }
  if (lim) {
    if (lim[0] !== null && usable(lim[0], log)) lo = lim[0];
    if (lim[1] !== null && usable(lim[1], log)) hi = lim[1];
  }
  return { min: lo, max: hi };
}

// ---- ticks ---------------------------------------------------------------------------------------------

/** Log axis labels at powers of ten only ("10⁻³"), as matplotlib's LogFormatter shows them. */
export function logTickLabel(value: number): string {
  if (!(value > 0)) return '';
  const k = Math.log10(value);
  const r = Math.round(k);
  if (Math.abs(k - r) > 1e-9) return '';
  return `10${superscript(String(r))}`;
}

/** Label of a fixed tick (xticks/yticks, or bar category names). */
export function fixedTickLabel(ticks: FigureTicks, value: number): string {
  const i = ticks.values.findIndex((v) => Math.abs(v - value) <= 1e-9 * Math.max(1, Math.abs(v)));
  if (i < 0) return '';
  return ticks.labels ? plainText(ticks.labels[i] ?? '') : String(ticks.values[i]);
}

// ---- datasets ------------------------------------------------------------------------------------------

function pointsOf(s: FigureSeries, xlog: boolean, ylog: boolean): FigurePoint[] {
  const out: FigurePoint[] = new Array(s.x.length);
  for (let i = 0; i < s.x.length; i++) {
    const ok = usable(s.x[i], xlog) && usable(s.y[i], ylog);
    out[i] = { x: Number.isFinite(s.x[i]) ? s.x[i] : 0, y: ok ? s.y[i] : null };
  }
  return out;
}

function lineDataset(s: FigureSeries, ax: FigureAxes, theme: ChartTheme): FigureDataset {
  const color = seriesColor(s.color, s.alpha, theme);
  const widthPx = (s.linewidth ?? 1.5) * PT;
  const marker = s.marker ? markerStyle(s.marker) : null;
  return {
    type: 'line',
    label: s.label === null ? '' : plainText(s.label),
    data: pointsOf(s, ax.xscale === 'log', ax.yscale === 'log'),
    borderColor: color,
    backgroundColor: color,
    borderWidth: widthPx,
    borderDash: dashPattern(s.linestyle, widthPx),
    showLine: s.linestyle !== 'none',
    spanGaps: false,
    tension: 0,
    fill: false,
    // The legend draws pointStyle; a plain line shows as a line.
    pointStyle: marker?.pointStyle ?? 'line',
    pointRotation: marker?.rotation ?? 0,
    pointRadius: marker ? marker.radius(s.size) : 0,
    pointHoverRadius: marker ? marker.radius(s.size) + 1 : 3,
    pointHitRadius: 4,
    pointBorderWidth: marker && STROKED.has(marker.pointStyle) ? Math.max(1, widthPx * 0.7) : 0,
    pointBorderColor: color,
    pointBackgroundColor: color,
  };
}

function scatterDataset(s: FigureSeries, ax: FigureAxes, theme: ChartTheme): FigureDataset {
  const marker = markerStyle(s.marker ?? 'o');
  const colors = s.colors ? s.colors.map((c) => seriesColor(c, s.alpha, theme)) : seriesColor(s.color, s.alpha, theme);
  const radius = s.sizes ? s.sizes.map((v) => marker.radius(v)) : marker.radius(s.size);
  const stroked = STROKED.has(marker.pointStyle);
  return {
    type: 'scatter',
    label: s.label === null ? '' : plainText(s.label),
    data: pointsOf(s, ax.xscale === 'log', ax.yscale === 'log'),
    showLine: false,
    pointStyle: marker.pointStyle,
    pointRotation: marker.rotation,
    pointRadius: radius,
    pointHoverRadius: Array.isArray(radius) ? radius.map((r) => r + 1) : radius + 1,
    pointBackgroundColor: colors,
    pointBorderColor: s.edgecolor && !stroked ? seriesColor(s.edgecolor, s.alpha, theme) : colors,
    pointBorderWidth: stroked ? 1.5 : s.edgecolor ? (s.edgewidth ?? 1) * PT : 0,
    backgroundColor: Array.isArray(colors) ? colors[0] ?? seriesColor(s.color, s.alpha, theme) : colors,
    borderColor: Array.isArray(colors) ? colors[0] ?? seriesColor(s.color, s.alpha, theme) : colors,
  };
}

function barDataset(s: FigureSeries, ax: FigureAxes, theme: ChartTheme, yMin: number): FigureDataset {
  const ylog = ax.yscale === 'log';
  const data: FigurePoint[] = [];
  const colors: string[] = [];
  for (let i = 0; i < s.x.length; i++) {
    let b = s.bottoms?.[i] ?? 0;
    const top = b + s.y[i];
    if (!Number.isFinite(s.x[i]) || !Number.isFinite(top)) continue;
    // On a log axis a bar standing on 0 is drawn from the bottom of the axes, as matplotlib clips it.
    if (ylog && !(b > 0)) b = yMin;
    data.push({ x: s.x[i], y: [b, top], w: s.widths?.[i] ?? 0.8 });
    colors.push(seriesColor(s.colors?.[i] ?? s.color, s.alpha, theme));
  }
  const single = seriesColor(s.color, s.alpha, theme);
  return {
    type: 'bar',
    label: s.label === null ? '' : plainText(s.label),
    data,
    backgroundColor: s.colors ? colors : single,
    borderWidth: 0,
    // Bars overlap at their own x, like matplotlib's (several hist datasets arrive already side by side);
    // barWidthPlugin then sets each bar's exact width in data units.
    grouped: false,
    barPercentage: 1,
    categoryPercentage: 1,
    pointStyle: 'rect',
  };
}

/**
 * chart.js sizes bars from the smallest gap between values or ticks, not in data units; this sets each bar
 * element's centre and width from its point's `x` and `w` after chart.js lays the bars out.
 */
export const barWidthPlugin: Plugin<'scatter'> = {
  id: 'mplBarWidth',
  afterDatasetsUpdate(chart) {
    const xScale = chart.scales.x;
    if (!xScale) return;
    chart.data.datasets.forEach((ds, di) => {
      const meta = chart.getDatasetMeta(di);
      if (meta.type !== 'bar') return;
      const points = ds.data as FigurePoint[];
      meta.data.forEach((el, i) => {
        const p = points[i];
        if (!p || p.w === undefined) return;
        const x0 = xScale.getPixelForValue(p.x - p.w / 2);
        const x1 = xScale.getPixelForValue(p.x + p.w / 2);
        const bar = el as unknown as { x: number; width: number };
        bar.x = (x0 + x1) / 2;
        bar.width = Math.max(1, Math.abs(x1 - x0));
      });
    });
  },
};

// ---- legend -------------------------------------------------------------------------------------------
//
// chart.js's own legend can only sit outside the plot or along its top edge; matplotlib puts it inside the
// axes at one of nine places, or at the 'best' one (covering the least data). So figures draw their legend
// with mplLegendPlugin (mplLegend.ts); what it draws and where is decided here, without a canvas.

/** One legend row: the handle is drawn like the series (line with its dashes, marker, or bar swatch). */
export interface LegendEntry {
  label: string;
  kind: FigureSeries['kind'];
  color: string;
  lineWidth: number;
  dash: number[];
  showLine: boolean;
  marker: { pointStyle: PointStyle; rotation: number; radius: number } | null;
}

export interface MplLegendOptions {
  display: boolean;
  loc: string;
  entries: LegendEntry[];
  color: string;
  background: string;
  border: string;
  fontFamily: string;
  fontSize: number;
}

declare module 'chart.js' {
  // Options of the figure legend plugin, carried in each figure chart's options.plugins.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- a merged declaration must repeat chart.js's type parameter
  interface PluginOptionsByType<TType extends ChartType> {
    mplLegend?: MplLegendOptions;
  }
}


export function legendEntries(ax: FigureAxes, theme: ChartTheme): LegendEntry[] {
  return ax.series
    .filter((s) => s.label !== null)
    .map((s) => {
      const color = seriesColor(s.colors?.[0] ?? s.color, s.alpha, theme);
      const lineWidth = (s.linewidth ?? 1.5) * PT;
      const m = s.kind === 'scatter' ? markerStyle(s.marker ?? 'o') : s.marker ? markerStyle(s.marker) : null;
      return {
        label: plainText(s.label ?? ''),
        kind: s.kind,
        color,
        lineWidth,
        dash: dashPattern(s.linestyle, lineWidth),
        showLine: s.kind === 'line' && s.linestyle !== 'none',
        marker: m ? { pointStyle: m.pointStyle, rotation: m.rotation, radius: Math.min(8, m.radius(s.sizes?.[0] ?? s.size)) } : null,
      };
    });
}

export type { Rect };

/** The legend box for a matplotlib loc inside the plot area, `pad` px from its edges. */
export function legendRect(area: Rect, loc: string, w: number, h: number, pad: number): Rect {
  const x = loc.endsWith('left') ? area.x + pad : loc.endsWith('right') ? area.x + area.w - pad - w : area.x + (area.w - w) / 2;
  const y = loc.startsWith('upper') ? area.y + pad : loc.startsWith('lower') ? area.y + area.h - pad - h : area.y + (area.h - h) / 2;
  return { x, y, w, h };
}


/** Pixel positions of one series as drawn; `joined` when consecutive points are connected by a line. */
export interface DrawnSeries {
  points: Array<{ x: number; y: number } | null>;
  joined: boolean;
}

/** How much of the data a box would cover, counted as matplotlib's loc='best' does (points and segments). */
export function legendBadness(series: DrawnSeries[], box: Rect): number {
  let count = 0;
  for (const s of series) {
    let prev: { x: number; y: number } | null = null;
    for (const p of s.points) {
      if (!p || !Number.isFinite(p.x) || !Number.isFinite(p.y)) {
        prev = null;
        continue;
      }
      if (p.x >= box.x && p.x <= box.x + box.w && p.y >= box.y && p.y <= box.y + box.h) count++;
      if (prev && s.joined && segmentHitsRect(prev.x, prev.y, p.x, p.y, box)) count++;
      prev = p;
    }
  }
  return count;
}

/** Where the legend goes: the asked-for loc, or for 'best' (and unknown names) the first least-covering one. */
export function placeLegend(area: Rect, loc: string, w: number, h: number, pad: number, series: DrawnSeries[]): Rect {
  if (loc !== 'best' && (LEGEND_LOCS as readonly string[]).includes(loc)) return legendRect(area, loc, w, h, pad);
  let best = legendRect(area, LEGEND_LOCS[0], w, h, pad);
  let bestScore = Infinity;
  for (const candidate of LEGEND_LOCS) {
    const box = legendRect(area, candidate, w, h, pad);
    const score = legendBadness(series, box);
    if (score < bestScore) {
      best = box;
      bestScore = score;
      if (score === 0) break;
    }
  }
  return best;
}

// ---- charts --------------------------------------------------------------------------------------------

function scaleOptions(ax: FigureAxes, axis: 'x' | 'y', theme: ChartTheme): Record<string, unknown> {
  const log = (axis === 'x' ? ax.xscale : ax.yscale) === 'log';
  const fixed = axis === 'x' ? ax.xticks : ax.yticks;
  const label = axis === 'x' ? ax.xlabel : ax.ylabel;
  const { min, max } = axisLimits(ax, axis);
  // includeBounds: false — matplotlib does not label the axis ends (5% past the data) unless they are nice ticks.
  const ticks: Record<string, unknown> = { color: theme.foreground, font: { family: theme.fontFamily, size: theme.fontSize }, includeBounds: false };
  if (fixed) ticks.callback = (value: number | string) => fixedTickLabel(fixed, Number(value));
  else if (log) ticks.callback = (value: number | string) => logTickLabel(Number(value));
  const options: Record<string, unknown> = {
    type: log ? 'logarithmic' : 'linear',
    position: axis === 'x' ? 'bottom' : 'left',
    min,
    max,
    title: { display: !!label, text: label ? plainText(label) : '', color: theme.foreground, font: { family: theme.fontFamily, size: theme.fontSize + 1 } },
    grid: { display: ax.grid, color: theme.grid, drawTicks: true, tickColor: theme.grid },
    border: { display: true, color: theme.foreground },
    ticks,
  };
  if (fixed) {
    const values = fixed.values.filter((v) => usable(v, log) && v >= Math.min(min, max) && v <= Math.max(min, max));
    options.afterBuildTicks = (scale: Scale) => {
      scale.ticks = values.map((value) => ({ value }));
    };
  }
  return options;
}

export function axesToChart(ax: FigureAxes, theme: ChartTheme): FigureChartConfig {
  const yMin = axisLimits(ax, 'y').min;
  const datasets: FigureDataset[] = ax.series.map((s) =>
    s.kind === 'line' ? lineDataset(s, ax, theme) : s.kind === 'scatter' ? scatterDataset(s, ax, theme) : barDataset(s, ax, theme, yMin),
  );
  const entries = legendEntries(ax, theme);
  const font = { family: theme.fontFamily, size: theme.fontSize };
  return {
    type: 'scatter',
    // chart.js's typing wants one dataset type per chart; a figure mixes lines, scatters and bars.
    data: { datasets: datasets as ChartDataset<'scatter', FigurePoint[]>[] },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      parsing: { xAxisKey: 'x', yAxisKey: 'y' },
      interaction: { mode: 'nearest', intersect: true },
      scales: { x: scaleOptions(ax, 'x', theme), y: scaleOptions(ax, 'y', theme) },
      plugins: {
        title: { display: !!ax.title, text: ax.title ? plainText(ax.title) : '', color: theme.foreground, font: { ...font, size: theme.fontSize + 2, weight: 'bold' } },
        legend: { display: false },
        // Drawn by mplLegendPlugin. Series without a label have no entry (matplotlib's '_nolegend_').
        mplLegend: {
          display: ax.legend && entries.length > 0,
          loc: ax.legendLoc,
          entries,
          color: theme.foreground,
          background: theme.background,
          border: theme.grid,
          fontFamily: theme.fontFamily,
          fontSize: theme.fontSize,
        },
        tooltip: { enabled: true },
      },
    } as FigureChartConfig['options'],
    plugins: [barWidthPlugin],
  };
}

/**
 * Whether the figure holds anything these charts cannot draw: artists (images, contours, fills, reference
 * lines, error bars, text), horizontal bars, twin axes, colorbars, a kept aspect, axis('off') or minor ticks.
 * The panel shows such a figure as its SVG instead.
 */
export function figureNeedsSvg(fig: FigureEvent): boolean {
  return fig.axes.some(
    (ax) =>
      (ax.artists !== undefined && ax.artists.length > 0) ||
      ax.twinOf !== undefined ||
      ax.colorbar !== undefined ||
      ax.aspect !== undefined ||
      ax.axisOn === false ||
      ax.xticks?.minor !== undefined ||
      ax.yticks?.minor !== undefined ||
      ax.series.some((s) => s.kind === 'barh'),
  );
}

/** Pixel size of a figure at 100 dpi, kept within sane bounds. */
function figurePx(inches: number, fallback: number): number {
  return Math.max(100, Math.min(3000, Number.isFinite(inches) && inches > 0 ? inches * 100 : fallback));
}

export function figureToCharts(fig: FigureEvent, theme: ChartTheme): FigureView {
  const cells: FigureCell[] = fig.axes.map((ax) => {
    const cols = Math.max(1, ax.cols);
    const rows = Math.max(1, ax.rows);
    return {
      left: ax.col / cols,
      top: ax.row / rows,
      width: Math.max(1, ax.colSpan) / cols,
      height: Math.max(1, ax.rowSpan) / rows,
      config: axesToChart(ax, theme),
    };
  });
  let thinnedFrom: number | null = null;
  for (const ax of fig.axes) for (const s of ax.series) if (s.pointCount > s.x.length) thinnedFrom = Math.max(thinnedFrom ?? 0, s.pointCount);
  return {
    suptitle: fig.suptitle === null ? null : plainText(fig.suptitle),
    widthPx: figurePx(fig.figsize[0], 640),
    heightPx: figurePx(fig.figsize[1], 480),
    cells,
    thinnedFrom,
  };
}
