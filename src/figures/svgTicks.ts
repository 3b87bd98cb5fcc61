/**
 * Axis ranges and ticks for the SVG renderer: matplotlib's autoscale (5% margins, sticky bar bases), nice
 * tick steps (MaxNLocator's 1, 2, 2.5, 5 × 10ⁿ), number formatting with an offset text, log decades.
 */
import { PT } from './text';
import type { FigureAxes, FigureTicks } from '../protocol/events';
import { type AxisScale, type Tick, type TickLabel, TICK_FONT, tickLabelWidth } from './svgCore';

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
export function autoRange(ax: FigureAxes, dim: 'x' | 'y', log: boolean): [number, number] {
  const values: number[] = [];
  const sticky = new Set<number>();
  for (const s of ax.series) {
    if (s.kind === 'barh') {
      // x holds each bar's length from its left edge (bottoms), y its centre
      for (let i = 0; i < s.y.length; i++) {
        const w = s.widths?.[i] ?? 0.8;
        const b = s.bottoms?.[i] ?? 0;
        if (dim === 'y') values.push(s.y[i] - w / 2, s.y[i] + w / 2);
        else {
          values.push(b, b + s.x[i]);
          sticky.add(b);
        }
      }
    } else if (s.kind === 'bar' || s.kind === 'hist') {
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

export function axisScale(ax: FigureAxes, dim: 'x' | 'y'): AxisScale {
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
export function niceTicks(lo: number, hi: number, nbins: number): number[] {
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

export function withMinus(s: string): string {
  return s.replace(/^-/, MINUS).replace(/e-/, `e${MINUS}`);
}

interface TickFormat {
  labels: TickLabel[];
  /** matplotlib's offset text ("1e6") shown at the end of the axis when labels are scaled by a power of ten. */
  offset: string | null;
}

export function formatTicks(values: number[]): TickFormat {
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

export interface AxisTicks {
  major: Tick[];
  minor: number[];
  offset: string | null;
}

export function ticksFor(scale: AxisScale, fixed: FigureTicks | null, nbins: number): AxisTicks {
  const [a, b] = scale.lo <= scale.hi ? [scale.lo, scale.hi] : [scale.hi, scale.lo];
  const inside = (v: number): boolean => v >= a - Math.abs(b - a) * 1e-9 && v <= b + Math.abs(b - a) * 1e-9;
  if (fixed) {
    const major: Tick[] = [];
    const formatted = fixed.labels ? null : formatTicks(fixed.values);
    fixed.values.forEach((v, i) => {
      if (!Number.isFinite(v) || !inside(v) || (scale.log && v <= 0)) return;
      major.push({ value: v, label: fixed.labels ? { text: fixed.labels[i] ?? '' } : formatted!.labels[i] });
    });
    const minor = (fixed.minor ?? []).filter((v) => Number.isFinite(v) && inside(v) && (!scale.log || v > 0));
    return { major, minor, offset: formatted?.offset ?? null };
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


export function nbinsFor(lengthPx: number, perTickPt: number): number {
  return Math.max(1, Math.min(9, Math.floor(lengthPx / PT / perTickPt)));
}

/** X ticks whose labels fit side by side: fewer bins (or, for fixed ticks, every k-th label) until they do. */
export function fitXTicks(scale: AxisScale, fixed: FigureTicks | null, widthPx: number): AxisTicks {
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

