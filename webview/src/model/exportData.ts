/**
 * What the panel's export buttons write for the loss and gradient charts: the series as CSV, and the chart
 * described as a matplotlib figure so that src/figures/svg.ts draws its SVG (one SVG renderer for figures and
 * charts). Pure: no DOM, no chart.js, so the mocha suite runs it under Node.
 */
import type { FigureAxes, FigureEvent, FigureSeries } from '../../../src/protocol/events';
import { displaySeries, type Series } from './series';

/** One line of a chart as it is exported: its name (a CSV column, a legend entry) and its points by step. */
export interface ChartSeries {
  label: string;
  series: Series;
}

/** matplotlib's tab10 cycle: the SVG is drawn in matplotlib's style on white, whatever the panel's theme. */
const TAB10 = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];

/** Points an exported SVG line keeps (min/max per bucket, as the panel draws it): enough for any print, and a file of a few hundred kB. */
export const SVG_BUCKETS = 2000;

/** A number as CSV holds it: the shortest text that reads back as the same double; nan, inf, -inf as NumPy and pandas read them. */
export function csvNumber(v: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  return String(v);
}

/** A CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break. */
export function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The series as CSV: a `step` column, then one column per series, one row per step any series has (in step
 * order); a series with no point at that step leaves its cell empty. Lines end with \n.
 */
export function seriesCsv(series: readonly ChartSeries[], stepHeader = 'step'): string {
  const steps = new Set<number>();
  for (const s of series) for (const x of s.series.x) steps.add(x);
  const order = [...steps].sort((a, b) => a - b);
  const columns = series.map((s) => {
    const byStep = new Map<number, number>();
    s.series.x.forEach((x, i) => byStep.set(x, s.series.y[i]));
    return byStep;
  });
  const lines = [[stepHeader, ...series.map((s) => s.label)].map(csvField).join(',')];
  for (const step of order) {
    const row = [csvNumber(step)];
    for (const col of columns) {
      const v = col.get(step);
      row.push(v === undefined ? '' : csvNumber(v));
    }
    lines.push(row.join(','));
  }
  return `${lines.join('\n')}\n`;
}

export interface ChartFigureOptions {
  title: string | null;
  xlabel: string;
  ylabel: string;
  log: boolean;
  series: readonly ChartSeries[];
  /** Draw a legend (the gradient chart, one line per parameter). */
  legend: boolean;
  /** [width, height] in inches; svg.ts draws 100 px per inch. */
  figsize?: [number, number];
}

/**
 * A line chart as a one-axes matplotlib figure: each series a line in the tab10 cycle, steps on x, the y
 * axis linear or log as the chart shows it. Long series are thinned as the chart thins them (min and max per
 * bucket), so spikes stay.
 */
export function chartFigure(o: ChartFigureOptions): FigureEvent {
  const series: FigureSeries[] = o.series.map((s, i) => {
    const shown = displaySeries(s.series, o.log, SVG_BUCKETS);
    return {
      kind: 'line',
      x: shown.x,
      y: shown.y,
      pointCount: s.series.x.length,
      label: o.legend ? s.label : null,
      color: TAB10[i % TAB10.length],
      linestyle: '-',
      // A run of a few steps shows each step, as the panel's markers do.
      marker: s.series.x.length <= 60 ? 'o' : null,
      alpha: 1,
      linewidth: 1.5,
      size: 4,
      colors: null,
      sizes: null,
      widths: null,
      bottoms: null,
    };
  });
  const axes: FigureAxes = {
    row: 0,
    col: 0,
    rows: 1,
    cols: 1,
    rowSpan: 1,
    colSpan: 1,
    title: o.title,
    xlabel: o.xlabel,
    ylabel: o.ylabel,
    xlim: null,
    ylim: null,
    xscale: 'linear',
    yscale: o.log ? 'log' : 'linear',
    xticks: null,
    yticks: null,
    grid: true,
    legend: o.legend && series.length > 0,
    legendLoc: 'best',
    series,
  };
  return { type: 'figure', t: 0, index: 1, reason: 'savefig', savefigPath: null, figsize: o.figsize ?? [8, 4.5], suptitle: null, axes: [axes] };
}
