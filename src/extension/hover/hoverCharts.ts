/**
 * The small gradient-norm and loss charts of hovers: a unicode sparkline and an SVG line chart as a data:
 * URI (hover Markdown can show images but not run scripts). Plain strings, no `vscode`.
 */
import type { HistoryPoint } from '../runs/runRecord';

const BLOCKS = '▁▂▃▄▅▆▇█';

export interface ChartScale {
  log: boolean;
  min: number;
  max: number;
}

/** Log scale when every value is positive and they span more than two decades (gradient norms usually do). */
export function chartScale(values: ReadonlyArray<number | null>): ChartScale | null {
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (!finite.length) return null;
  let min = Math.min(...finite);
  let max = Math.max(...finite);
  const log = min > 0 && max / min > 100;
  if (log) {
    min = Math.log10(min);
    max = Math.log10(max);
  }
  return { log, min, max };
}

function scaled(v: number, s: ChartScale): number {
  const x = s.log ? Math.log10(v) : v;
  return s.max === s.min ? 0.5 : (x - s.min) / (s.max - s.min);
}

/** Evenly spaced points, first and last included. */
function sample<T>(items: readonly T[], n: number): T[] {
  if (items.length <= n) return items.slice();
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(items[Math.round((i * (items.length - 1)) / (n - 1))]);
  return out;
}

/** A unicode sparkline (`▇▅▃▂▁▁`); non-finite values show as `×`, missing ones as a space. */
export function sparkline(values: ReadonlyArray<number | null>, width = 24): string {
  const s = chartScale(values);
  return sample(values, width)
    .map((v) => {
      if (v === null) return ' ';
      if (!Number.isFinite(v)) return '×';
      if (!s) return BLOCKS[0];
      return BLOCKS[Math.min(BLOCKS.length - 1, Math.max(0, Math.round(scaled(v, s) * (BLOCKS.length - 1))))];
    })
    .join('');
}

/** A small line chart as an SVG document: the series by step, gaps where values are missing or not finite. */
export function chartSvg(points: readonly HistoryPoint[], width = 220, height = 44): string {
  const pts = sample(points, width);
  const s = chartScale(pts.map((p) => p.value));
  const pad = 3;
  const first = pts.length ? pts[0].step : 0;
  const last = pts.length ? pts[pts.length - 1].step : 1;
  const x = (step: number): number => pad + (last === first ? (width - 2 * pad) / 2 : ((step - first) / (last - first)) * (width - 2 * pad));
  const y = (v: number): number => height - pad - (s ? scaled(v, s) : 0.5) * (height - 2 * pad);
  let d = '';
  let penDown = false;
  const marks: string[] = [];
  for (const p of pts) {
    if (p.value === null || !Number.isFinite(p.value)) {
      penDown = false;
      if (p.value !== null) marks.push(`<circle cx="${x(p.step).toFixed(1)}" cy="${pad + 1}" r="1.5" fill="#f14c4c"/>`);
      continue;
    }
    d += `${penDown ? 'L' : 'M'}${x(p.step).toFixed(1)} ${y(p.value).toFixed(1)}`;
    penDown = true;
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<rect x="0.5" y="0.5" width="${width - 1}" height="${height - 1}" fill="none" stroke="#8888" rx="2"/>` +
    (d ? `<path d="${d}" fill="none" stroke="#3794ff" stroke-width="1.5" stroke-linejoin="round"/>` : '') +
    marks.join('') +
    `</svg>`
  );
}

export function chartDataUri(points: readonly HistoryPoint[]): string {
  return `data:image/svg+xml;base64,${Buffer.from(chartSvg(points), 'utf8').toString('base64')}`;
}
