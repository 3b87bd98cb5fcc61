/**
 * How the panel writes numbers, times, shapes and names. Pure: the views and the graph's labels import it,
 * and the mocha suite checks it directly. The extension has its own formatNumber (src/extension/textFormat.ts)
 * because the two print differently and the tests pin each: 4 significant digits, `1.235e+5` and '—' in the
 * status bar and hovers; 5 digits, `1.5e-7` and '–' in the panel.
 */
import type { TensorSummary } from '../../../src/protocol/events';
import type { Translate } from '../strings';
import type { BackendInfo, LeafTrack } from './state';

export { baseName } from '../protocol';

/** Numbers as the panel prints them: PyTorch's spelling of non-finite values, 5 significant digits. */
export function formatNumber(v: number | null): string {
  if (v === null) return '–';
  if (Number.isNaN(v)) return 'nan';
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-4) return v.toExponential(3).replace(/\.?0+e/, 'e').replace('e+', 'e');
  return String(Number(v.toPrecision(5)));
}

/** A y-axis tick label: every tick on a linear axis, only the powers of ten on a log axis (chart.js puts ticks at 1…9 × 10ⁿ). */
export function axisTickLabel(v: number, log: boolean): string {
  if (log) {
    const k = Math.log10(v);
    if (!(v > 0) || Math.abs(k - Math.round(k)) > 1e-9) return '';
  }
  return formatNumber(v);
}

/** Elapsed time as the header shows it. */
export function formatElapsed(ms: number): string {
  // Short runs are common (a scalar example takes a fraction of a second): show tenths below a minute.
  if (ms < 60_000) return `${(Math.floor(ms / 100) / 10).toFixed(1)} s`;
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (v: number): string => String(v).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

export function formatShape(shape: number[], t: Translate): string {
  return shape.length === 0 ? t('graph.scalar') : `[${shape.join(', ')}]`;
}

/** A one-line summary: the number itself for one element, else the range. */
export function summaryLine(s: TensorSummary): string {
  if (s.numel === 1) return formatNumber(s.mean);
  if (s.min === null || s.max === null) return s.numel === 0 ? '[]' : s.dtype;
  return `∈ [${formatNumber(s.min)}, ${formatNumber(s.max)}]`;
}

/** A leaf's name in the gradient chart's legend and the values table; 'leaf {id}' for one the script did not name. */
export function leafLabel(leaf: LeafTrack, t: Translate): string {
  return leaf.name ?? t('grad.unnamed', leaf.id);
}

/**
 * What the header says ran the run: "Playground", or "PyTorch 2.11 · cuda:0" (the version's major.minor; the
 * tooltip has it whole). A python run before the probe has spoken says "Python".
 */
export function backendLabel(b: BackendInfo, t: Translate): { text: string; title: string } {
  if (b.name !== 'python') return { text: t('header.playground'), title: t('header.playgroundTitle') };
  if (b.torch === null) return { text: t('header.python'), title: t('header.pythonTitle') };
  const short = /^(\d+\.\d+)/.exec(b.torch)?.[1] ?? b.torch;
  const text = b.device ? t('header.pytorchOn', short, b.device) : t('header.pytorch', short);
  return { text, title: t('header.pytorchTitle', b.torch) };
}
