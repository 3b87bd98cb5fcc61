/**
 * What the panel keeps in `vscode.setState` so it survives being hidden and reloaded. VS Code serialises the
 * state to JSON on every setState call, so it is kept bounded: long series are stored decimated, only the
 * newest figures and console lines are kept. JSON has no NaN or Infinity (a diverged loss is NaN), so the
 * body is stored as a string in which every non-finite number is tagged (see encode/decode below).
 */
import { decimateMinMax, type Series } from './series';
import { keptGraphSteps } from '../../../src/protocol/keptGraphs';
import { tabOr } from './panelLayout';
import { createState, shownGraph, type BackendInfo, type ConsoleLine, type FigureEntry, type GraphState, type LeafTrack, type PanelState, type UiState } from './state';
import type { DivergedEvent, EndEvent, ErrorEvent, VariablesEvent } from '../../../src/protocol/events';
import type { PanelSettings, PersistedPanelHeader, RunHistoryView, RunInfo, RunInfoStatus } from '../protocol';

export const PERSIST_VERSION = 1;
/** Loss points kept in the saved state (min/max buckets, so the curve's shape survives). */
export const PERSIST_LOSS_POINTS = 10_000;
export const PERSIST_LEAF_POINTS = 2_000;
export const PERSIST_FIGURES = 8;
export const PERSIST_CONSOLE_LINES = 1_000;
/** Whole graphs of the step slider kept in the saved state besides the first, the last, the diverged and the shown. */
export const PERSIST_GRAPHS = 6;

interface SavedSeries {
  x: number[];
  y: number[];
}

export interface PersistedState extends PersistedPanelHeader {
  version: number;
  /** encode(SavedBody): a string, so non-finite numbers survive VS Code's JSON round trip. */
  body: string;
}

interface SavedBody {
  l10n: Record<string, string>;
  settings: PanelSettings;
  run: RunInfo | null;
  status: RunInfoStatus | null;
  file: string | null;
  /** Absent from a state saved before backends. */
  backend?: BackendInfo;
  startedAt: number | null;
  lastT: number;
  durationMs: number | null;
  steps: number;
  loss: SavedSeries;
  /** Absent from a state saved before runs were compared. */
  history?: RunHistoryView | null;
  diverged: DivergedEvent | null;
  leaves: Array<Omit<LeafTrack, 'norms'> & { norms: SavedSeries }>;
  /** Absent in states saved before the Variables section. */
  variables?: VariablesEvent | null;
  graph: GraphState | null;
  /** Absent from a state saved before the step slider. */
  graphs?: GraphState[];
  divergedGraph: GraphState | null;
  figures: FigureEntry[];
  figuresDropped: number;
  console: { lines: ConsoleLine[]; nextId: number; dropped: number };
  error: ErrorEvent | null;
  end: EndEvent | null;
  ui: UiState;
}

/**
 * JSON with non-finite numbers kept: they are written as {"$nf": "nan" | "inf" | "-inf"}, an object no
 * event field can hold, so decoding cannot mistake a string such as a printed "nan" for a number. (The
 * webview may not import runtime code, so this does not reuse events.ts's encoder.)
 */
export function encode(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    typeof v === 'number' && !Number.isFinite(v) ? { $nf: Number.isNaN(v) ? 'nan' : v > 0 ? 'inf' : '-inf' } : v,
  );
}

export function decode(json: string): unknown {
  return JSON.parse(json, (_k, v: unknown) => {
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
      const tag = (v as { $nf?: unknown }).$nf;
      if (tag === 'nan') return NaN;
      if (tag === 'inf') return Infinity;
      if (tag === '-inf') return -Infinity;
    }
    return v;
  });
}

function bounded(s: Series, points: number): SavedSeries {
  return decimateMinMax(s, Math.floor(points / 2));
}

export function snapshot(state: PanelState): PersistedState {
  const keepLines = state.console.lines.slice(-PERSIST_CONSOLE_LINES);
  const keepFigures = state.figures.slice(-PERSIST_FIGURES);
  const body: SavedBody = {
    l10n: state.l10n,
    settings: state.settings,
    run: state.run,
    status: state.status,
    file: state.file,
    backend: state.backend,
    startedAt: state.startedAt,
    lastT: state.lastT,
    durationMs: state.durationMs,
    steps: state.steps,
    loss: bounded(state.loss, PERSIST_LOSS_POINTS),
    // Already bounded by the extension (a few runs, MAX_HISTORY_LOSS_POINTS each).
    history: state.history,
    diverged: state.diverged,
    leaves: state.leaves.map((l) => ({ ...l, norms: bounded(l.norms, PERSIST_LEAF_POINTS) })),
    variables: state.variables,
    graph: state.graph,
    graphs: savedGraphs(state),
    divergedGraph: state.divergedGraph,
    figures: keepFigures,
    figuresDropped: state.figuresDropped + state.figures.length - keepFigures.length,
    console: {
      lines: keepLines,
      nextId: state.console.nextId,
      dropped: state.console.dropped + state.console.lines.length - keepLines.length,
    },
    error: state.error,
    end: state.end,
    ui: state.ui,
  };
  return { version: PERSIST_VERSION, label: state.run?.label ?? null, body: encode(body) };
}

/**
 * The step slider's graphs, fewer of them: setState serialises the whole state each time, and the extension
 * sends them all again when the panel comes back while it still has the run.
 */
function savedGraphs(state: PanelState): GraphState[] {
  const pinned = new Set<number>();
  const shown = shownGraph(state);
  if (shown) pinned.add(shown.step);
  if (state.diverged) pinned.add(state.diverged.step);
  const kept = keptGraphSteps(state.graphs.map((g) => g.step), pinned, PERSIST_GRAPHS);
  return state.graphs.filter((g) => kept.has(g.step));
}

/** The saved state, or null when there is none or it comes from another version of the panel. */
export function restore(saved: unknown): PanelState | null {
  if (typeof saved !== 'object' || saved === null) return null;
  const p = saved as Partial<PersistedState>;
  if (p.version !== PERSIST_VERSION || typeof p.body !== 'string') return null;
  let body: SavedBody;
  try {
    body = decode(p.body) as SavedBody;
  } catch {
    return null;
  }
  if (typeof body !== 'object' || body === null || !Array.isArray(body.leaves) || !body.loss) return null;
  const state = createState();
  Object.assign(state, {
    ...body,
    loss: { x: body.loss.x, y: body.loss.y },
    history: body.history && Array.isArray(body.history.runs) ? body.history : null,
    leaves: body.leaves.map((l) => ({ ...l, norms: { x: l.norms.x, y: l.norms.y } })),
    variables: body.variables ?? null,
    backend: body.backend ?? state.backend,
    graphs: Array.isArray(body.graphs) ? body.graphs : body.graph ? [body.graph] : [],
    ui: { ...state.ui, ...body.ui },
  });
  state.ui.tab = tabOr(state.ui.tab);
  if (typeof state.ui.tabOpen !== 'boolean') state.ui.tabOpen = true;
  return state;
}
