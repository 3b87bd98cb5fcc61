/**
 * The last runs of each file, for the panel's side-by-side loss curves: each run's label (what changed in the
 * source since the file's run before it), its outcome and its loss by step, downsampled. Bounded (a few runs a
 * file, a dozen files) and saved in the workspace's state, so the curves come back after a window reload. A
 * pinned run is the file's baseline: it stays when newer runs push older ones out. No `vscode` here (tested under
 * mocha); the store is the extension's workspaceState.
 */
import { historyRunId, MAX_HISTORY_LOSS_POINTS, type HistoryRun, type RunHistoryView } from '../../protocol/runHistory';
import type { RunInfoStatus } from '../../protocol/status';
import { labelRun } from './sourceDiff';
import type { HistoryPoint } from './runRecord';

/** Runs kept per file (the current one included); a pinned baseline older than these is kept as well. */
export const MAX_RUNS_PER_FILE = 6;
/** Files whose runs are kept; the file run least recently is forgotten first. */
export const MAX_FILES = 12;
/** Longest source kept to label a file's next run by (a longer one is not compared: its next run is labelled as a first). */
export const MAX_KEPT_SOURCE_CHARS = 200_000;
export const HISTORY_STATE_KEY = 'autogradPlayground.runHistory';
const STORE_VERSION = 1;

/** Where the history is saved (the extension's workspaceState, a Map in tests). */
export interface HistoryStore {
  get(): unknown;
  set(value: unknown): void;
}

/** What the history needs of a run (a RunRecord). */
export interface HistorySubject {
  key: string;
  runId: number;
  startedAt: number;
  /** The text the run was started with. */
  source: string;
  status: RunInfoStatus;
  lossHistory: readonly HistoryPoint[];
}

interface FileHistory {
  key: string;
  nextSeq: number;
  lastSource: string | null;
  runs: HistoryRun[];
}

interface Saved {
  version: number;
  files: FileHistory[];
}

/**
 * At most about `max` points of a loss series: the first and the last, and between them, bucket by bucket, the
 * lowest and highest finite loss and the first non-finite one (so spikes and a divergence survive), in step order.
 */
export function downsampleLoss(points: readonly HistoryPoint[], max = MAX_HISTORY_LOSS_POINTS): { steps: number[]; losses: Array<number | null> } {
  const finite = (v: number | null): v is number => v !== null && Number.isFinite(v);
  let keep: number[];
  if (points.length <= max) {
    keep = points.map((_, i) => i);
  } else {
    const buckets = Math.max(1, Math.floor((max - 2) / 3));
    const inner = points.length - 2;
    keep = [0];
    for (let k = 0; k < buckets; k++) {
      const from = 1 + Math.floor((k * inner) / buckets);
      const to = 1 + Math.floor(((k + 1) * inner) / buckets);
      let lo = -1;
      let hi = -1;
      let gap = -1;
      for (let i = from; i < to; i++) {
        const v = points[i].value;
        if (!finite(v)) {
          if (gap < 0) gap = i;
          continue;
        }
        if (lo < 0 || v < (points[lo].value as number)) lo = i;
        if (hi < 0 || v > (points[hi].value as number)) hi = i;
      }
      keep.push(...[...new Set([lo, hi, gap])].filter((i) => i >= 0).sort((x, y) => x - y));
    }
    keep.push(points.length - 1);
  }
  return { steps: keep.map((i) => points[i].step), losses: keep.map((i) => (finite(points[i].value) ? points[i].value : null)) };
}

export class RunHistory {
  /** In the order files were last run, least recent first. */
  private readonly files = new Map<string, FileHistory>();
  /** Runs still going, by history id: their loss is read from the record when they end or are superseded. */
  private readonly live = new Map<string, HistorySubject>();

  constructor(private readonly store: HistoryStore | null = null) {
    this.load();
  }

  static idOf(run: Pick<HistorySubject, 'startedAt' | 'runId'>): string {
    return historyRunId(run.startedAt, run.runId);
  }

  /** A run started: labelled against the file's previous run; the previous one, if still going, is closed as stopped. */
  started(run: HistorySubject): HistoryRun {
    let file = this.files.get(run.key);
    if (file) this.files.delete(run.key);
    else file = { key: run.key, nextSeq: 1, lastSource: null, runs: [] };
    this.files.set(run.key, file);
    for (const entry of file.runs) {
      const superseded = this.live.get(entry.id);
      if (entry.status === 'running' && superseded) this.finish(entry, superseded, 'stopped');
    }
    const entry: HistoryRun = {
      id: RunHistory.idOf(run),
      seq: file.nextSeq++,
      startedAt: run.startedAt,
      status: 'running',
      label: labelRun(file.lastSource, run.source),
      steps: [],
      losses: [],
      pinned: false,
    };
    file.runs.push(entry);
    file.lastSource = run.source.length <= MAX_KEPT_SOURCE_CHARS ? run.source : null;
    this.live.set(entry.id, run);
    this.trim(file);
    while (this.files.size > MAX_FILES) this.files.delete(this.files.keys().next().value as string);
    this.save();
    return entry;
  }

  /** A run ended: its outcome and loss curve are kept. */
  ended(run: HistorySubject): void {
    const entry = this.files.get(run.key)?.runs.find((r) => r.id === RunHistory.idOf(run));
    if (!entry) return;
    this.finish(entry, run, run.status === 'running' ? 'stopped' : run.status);
    this.save();
  }

  /** Makes `id` the file's baseline (the one pinned run), or unpins the file's baseline when `id` is null. False when nothing changed. */
  pin(key: string, id: string | null): boolean {
    const file = this.files.get(key);
    if (!file) return false;
    if (id !== null && !file.runs.some((r) => r.id === id)) return false;
    let changed = false;
    for (const r of file.runs) {
      const pinned = r.id === id;
      if (r.pinned !== pinned) changed = true;
      r.pinned = pinned;
    }
    if (!changed) return false;
    this.trim(file);
    this.save();
    return true;
  }

  /** The file's runs, oldest first (copies), with the shown run's id. */
  view(key: string, currentId: string | null): RunHistoryView {
    const runs = this.files.get(key)?.runs ?? [];
    return { currentId, runs: runs.map((r) => ({ ...r, steps: r.steps.slice(), losses: r.losses.slice() })) };
  }

  /** The files with runs, least recently run first. */
  get fileKeys(): string[] {
    return [...this.files.keys()];
  }

  private finish(entry: HistoryRun, run: HistorySubject, status: RunInfoStatus): void {
    entry.status = status;
    const { steps, losses } = downsampleLoss(run.lossHistory);
    entry.steps = steps;
    entry.losses = losses;
    this.live.delete(entry.id);
  }

  /** The newest MAX_RUNS_PER_FILE runs, and the baseline wherever it is. */
  private trim(file: FileHistory): void {
    const recent = new Set(file.runs.slice(-MAX_RUNS_PER_FILE));
    const kept = file.runs.filter((r) => recent.has(r) || r.pinned);
    for (const r of file.runs) if (!kept.includes(r)) this.live.delete(r.id);
    file.runs = kept;
  }

  private save(): void {
    if (!this.store) return;
    const saved: Saved = { version: STORE_VERSION, files: [...this.files.values()] };
    this.store.set(saved);
  }

  private load(): void {
    const saved = this.store?.get();
    if (typeof saved !== 'object' || saved === null) return;
    const s = saved as Partial<Saved>;
    if (s.version !== STORE_VERSION || !Array.isArray(s.files)) return;
    for (const f of s.files) {
      if (typeof f?.key !== 'string' || !Array.isArray(f.runs)) continue;
      const runs = f.runs.filter(isHistoryRun).map((r) =>
        // A run that was going when the window closed ended there.
        r.status === 'running' ? { ...r, status: 'stopped' as const } : r,
      );
      this.files.set(f.key, { key: f.key, nextSeq: typeof f.nextSeq === 'number' ? f.nextSeq : runs.length + 1, lastSource: typeof f.lastSource === 'string' ? f.lastSource : null, runs });
    }
  }
}

function isHistoryRun(v: unknown): v is HistoryRun {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Partial<HistoryRun>;
  return typeof r.id === 'string' && typeof r.seq === 'number' && typeof r.startedAt === 'number' && typeof r.status === 'string' && typeof r.label === 'object' && r.label !== null && Array.isArray(r.steps) && Array.isArray(r.losses) && r.steps.length === r.losses.length && typeof r.pinned === 'boolean';
}
