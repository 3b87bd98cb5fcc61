/**
 * The runs of the shown file side by side in the Loss section: which curves the chart overlays (the live run
 * from the panel's own series, earlier ones from the history the extension sends), and how a run's label is
 * worded. Pure (no DOM, no chart.js): the mocha suite checks it.
 */
import type { HistoryRun, RunLabel, SourceChange } from '../protocol';
import type { Translate } from '../strings';
import { formatNumber } from './format';
import type { Series } from './series';
import type { PanelState } from './state';

/** Changes a label names before it says "+N more". */
export const LABEL_SHOWN_CHANGES = 3;
/** Hidden-run choices kept (the oldest are forgotten first). */
export const MAX_HIDDEN_RUNS = 50;

export interface OverlayRun {
  run: HistoryRun;
  /** The shown run: drawn from the live series, solid, on top. */
  current: boolean;
  visible: boolean;
  series: Series;
}

function seriesOf(run: HistoryRun): Series {
  return { x: run.steps.slice(), y: run.losses.map((v) => (v === null ? NaN : v)) };
}

/** The file's runs as the chart draws them, oldest first; empty when the extension sent no history. */
export function overlayRuns(state: PanelState): OverlayRun[] {
  const h = state.history;
  if (!h) return [];
  const hidden = new Set(state.ui.hiddenRuns);
  return h.runs.map((run) => {
    const current = run.id === h.currentId;
    return { run, current, visible: !hidden.has(run.id), series: current ? state.loss : seriesOf(run) };
  });
}

/** Whether there are earlier runs to compare with (the list of runs is shown from two runs on). */
export function comparing(state: PanelState): boolean {
  return (state.history?.runs.length ?? 0) > 1;
}

/** Shows or hides a run's curve. */
export function setRunVisible(state: PanelState, id: string, visible: boolean): void {
  const hidden = state.ui.hiddenRuns.filter((h) => h !== id);
  if (!visible) hidden.push(id);
  state.ui.hiddenRuns = hidden.slice(-MAX_HIDDEN_RUNS);
  state.dirty.add('loss').add('ui');
}

/** 24-hour local clock time, `14:03:07`. */
export function formatClock(epochMs: number): string {
  const d = new Date(epochMs);
  const pad = (v: number): string => String(v).padStart(2, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** One change as code: `lr = 0.1 → 0.01`, `range(50 → 100)`, `SGD → Adam`, or "line 12 edited". */
export function changeText(c: SourceChange, t: Translate): string {
  if (c.kind === 'edit') return t('runs.lineEdited', c.line);
  const value = `${c.before} → ${c.after}`;
  if (c.target) return `${c.target} = ${value}`;
  if (c.call) return `${c.call}(${value})`;
  return value;
}

/** What a run changed, in a few words: its changes joined with ", " (the first few, then "+N more"). */
export function labelText(label: RunLabel, startedAt: number, t: Translate): string {
  switch (label.kind) {
    case 'first':
      return t('runs.first', formatClock(startedAt));
    case 'same':
      return t('runs.same');
    case 'layout':
      return t('runs.layout');
    case 'changes': {
      const shown = label.changes.slice(0, LABEL_SHOWN_CHANGES).map((c) => changeText(c, t));
      const more = label.total - shown.length;
      return more > 0 ? `${shown.join(', ')}, ${t('runs.more', more)}` : shown.join(', ');
    }
  }
}

/** Every change of the label, one a line (the list item's tooltip). */
export function labelDetail(label: RunLabel, startedAt: number, t: Translate): string {
  if (label.kind !== 'changes') return labelText(label, startedAt, t);
  const lines = label.changes.map((c) => `${t('graph.line', c.line)}: ${changeText(c, t)}`);
  if (label.total > label.changes.length) lines.push(t('runs.more', label.total - label.changes.length));
  return lines.join('\n');
}

/** The run's outcome for the list: its last finite loss once ended (and that it stopped or failed), else its state. */
export function runOutcome(o: OverlayRun, t: Translate): string {
  const status = o.run.status;
  if (status === 'running') return o.current ? t('status.running') : t('status.stopped');
  // The ended run's own losses (the host's, complete at its end), not the live series, whose last events may
  // still be on their way when the history says the run ended.
  const ys = o.run.losses.length ? o.run.losses.map((v) => (v === null ? NaN : v)) : o.series.y;
  let last: number | null = null;
  for (let i = ys.length - 1; i >= 0; i--) {
    if (Number.isFinite(ys[i])) {
      last = ys[i];
      break;
    }
  }
  const loss = last === null ? '' : t('runs.finalLoss', formatNumber(last));
  if (status === 'finished') return loss;
  const word = status === 'stopped' ? t('status.stopped') : t('status.failed');
  return loss ? `${word} · ${loss}` : word;
}
