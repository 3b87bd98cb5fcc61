/**
 * The panel state and the reducer that folds extension messages and run events into it. Pure (no DOM): the
 * views read this state, and the mocha suite drives it directly.
 *
 * The reducer mutates in place and records which sections changed in `dirty` instead of returning new
 * objects: a run can deliver 100 000 backward events, and copying series on every event would make
 * replaying a long run (init with all events) quadratic.
 */
import { isGraphElided } from '../../../src/protocol/events';
import { keptGraphSteps, nearestStep } from '../../../src/protocol/keptGraphs';
import type { BackwardEvent, ConsoleEvent, DivergedEvent, EndEvent, ErrorEvent, FigureEvent, FigureReason, GraphEvent, GraphSummary, LeafSummary, PausedEvent, RunBackend, RunEvent, TensorSummary, VariableInfo, VariablesEvent } from '../../../src/protocol/events';
import { variablesAt, type VariableSort } from '../../../src/protocol/variableTree';
import { runStatusOf } from '../../../src/protocol/status';
import type { ExtensionToWebview, PanelSettings, PanelTabId, RunHistoryView, RunInfo, RunInfoStatus } from '../protocol';
import { appendPoint, emptySeries, type Series } from './series';
import { applyLayout, DEFAULT_TAB } from './panelLayout';

/** Parts of the panel a change can touch; a view re-renders only its own part. */
export type Section = 'header' | 'loss' | 'gradients' | 'variables' | 'graph' | 'figures' | 'console' | 'cursor' | 'focus' | 'ui' | 'layout';

/** Most console lines kept (older ones are dropped and counted). */
export const CONSOLE_MAX_LINES = 5000;
/** Most figure events kept (interactive loops can send one per frame). */
export const FIGURES_MAX = 20;
/** Raw points kept per series before compaction (see appendPoint). */
export const LOSS_CAP = 200_000;
export const LEAF_NORM_CAP = 50_000;
/** Longest console line kept; a script printing one huge line must not freeze the panel. */
export const CONSOLE_MAX_LINE_CHARS = 10_000;

export interface ConsoleLine {
  /** Running number of the line in this run, for the view's incremental update. */
  id: number;
  stream: 'stdout' | 'stderr';
  text: string;
  /** No newline seen yet: the next chunk of the same stream continues this line. */
  open: boolean;
}

export interface ConsoleState {
  lines: ConsoleLine[];
  nextId: number;
  /** Lines dropped from the front to stay under CONSOLE_MAX_LINES. */
  dropped: number;
  /**
   * The stream whose open line the other stream interrupted (print() writes text and '\n' as two chunks;
   * a warning on stderr can land between them). Its next '\n' ends that line instead of adding a blank one.
   */
  cut?: 'stdout' | 'stderr' | null;
}

/** One leaf tensor followed across steps, by name (model.weight, w, …). */
export interface LeafTrack {
  key: string;
  name: string | null;
  id: number;
  shape: number[];
  /** Gradient norm per step (NaN where the leaf had no gradient). */
  norms: Series;
  grad: TensorSummary | null;
  value: TensorSummary | null;
}

export interface FigureEntry {
  figure: FigureEvent;
  /**
   * How the script produced it; several when consecutive events carried the same figure (savefig then show). An
   * animation's entry (display events of one displayId) holds its newest frame, under its first frame's index.
   */
  reasons: Array<{ reason: FigureReason; path: string | null }>;
}

export interface GraphState {
  summary: GraphSummary;
  step: number;
  line: number;
}

export interface UiState {
  /** The user's Linear / Log choice for the loss; null until they choose (lossIsLog decides). */
  lossLog: boolean | null;
  gradLog: boolean;
  /** The step whose graph the graph section shows (the step slider, the loss chart's points); null: the latest. */
  graphStep: number | null;
  /** Sections the user collapsed (PanelSectionId; a saved state may hold ids of another version). */
  collapsed: string[];
  /** Below 900 px: the section shown under the graph (panelLayout.ts). */
  tab: PanelTabId;
  /** Below 900 px: whether the chosen tab's section is shown (a click on the chosen tab collapses it). */
  tabOpen: boolean;
  /** Which state the values table shows: the run's end (what the script printed) or its last backward(). */
  leafState: 'end' | 'backward';
  /** The Variables section's order: the script's, or largest gradient norm first. */
  varSort: VariableSort;
  /** Keys (VariableRow.key) of the modules the user opened in the Variables section. */
  varExpanded: string[];
  /** Runs (HistoryRun ids) whose loss curve the user switched off. */
  hiddenRuns: string[];
  /** The graph's module boxes the user opened (true) or closed (false), by name (graphFold.ts moduleKey). */
  graphModules: Record<string, boolean>;
}

/** What ran the shown run, as the header names it: the playground, or a real PyTorch and its device. */
export interface BackendInfo {
  name: RunBackend;
  /** torch.__version__ (the python backend, once the probe has said). */
  torch: string | null;
  /** Where the model lives ('cpu', 'cuda:0'), once the probe has seen it. */
  device: string | null;
}

export interface PanelState {
  l10n: Record<string, string>;
  settings: PanelSettings;
  run: RunInfo | null;
  status: RunInfoStatus | null;
  /** Script path from the start event (RunInfo.file before it arrives). */
  file: string | null;
  backend: BackendInfo;
  /** Epoch ms when the run started: when Train Model was run (RunInfo), else when the script started. */
  startedAt: number | null;
  /** Epoch ms of the `start` event: the script's own start, after Python's start-up. */
  scriptStartedAt: number | null;
  /** `t` of the latest event. */
  lastT: number;
  /** From startedAt to the `end` event, as the status bar counts it (Python's start-up included). */
  durationMs: number | null;
  steps: number;
  loss: Series;
  /** The last runs of the shown run's file, whose loss curves the chart overlays; null when the host sent none. */
  history: RunHistoryView | null;
  diverged: DivergedEvent | null;
  leaves: LeafTrack[];
  /** The latest variables event: a backward() capture while the run goes, the end's once it ended. */
  variables: VariablesEvent | null;
  graph: GraphState | null;
  /**
   * Whole graphs of the steps the step slider offers, oldest first, the latest (`graph`) last: thinned as the
   * extension thins them (protocol/keptGraphs.ts), with the diverged step's and the one shown kept.
   */
  graphs: GraphState[];
  /** The graph of the step whose loss first went non-finite (the extension keeps it un-elided). */
  divergedGraph: GraphState | null;
  figures: FigureEntry[];
  /** Figure entries dropped to stay under FIGURES_MAX. */
  figuresDropped: number;
  console: ConsoleState;
  error: ErrorEvent | null;
  end: EndEvent | null;
  /** Where the debugger has the script waiting; null while it runs. */
  paused: PausedEvent | null;
  cursorLine: number | null;
  /** Latest showNode request; seq makes a repeated request for the same node count again. */
  focus: { nodeId: number; seq: number } | null;
  ui: UiState;
  dirty: Set<Section>;
}

const ALL_SECTIONS: Section[] = ['header', 'loss', 'gradients', 'variables', 'graph', 'figures', 'console', 'cursor', 'focus', 'ui', 'layout'];

export function createState(): PanelState {
  return {
    l10n: {},
    settings: { graphNodeLimit: 200 },
    run: null,
    status: null,
    file: null,
    backend: { name: 'playground', torch: null, device: null },
    startedAt: null,
    scriptStartedAt: null,
    lastT: 0,
    durationMs: null,
    steps: 0,
    loss: emptySeries(),
    history: null,
    diverged: null,
    leaves: [],
    variables: null,
    graph: null,
    graphs: [],
    divergedGraph: null,
    figures: [],
    figuresDropped: 0,
    console: { lines: [], nextId: 0, dropped: 0 },
    error: null,
    end: null,
    paused: null,
    cursorLine: null,
    focus: null,
    ui: { lossLog: null, gradLog: false, graphStep: null, collapsed: [], tab: DEFAULT_TAB, tabOpen: true, leafState: 'end', varSort: 'name', varExpanded: [], hiddenRuns: [], graphModules: {} },
    dirty: new Set(ALL_SECTIONS),
  };
}

/** Clears everything about the run, keeping what belongs to the panel (strings, settings, view choices). */
function resetRun(state: PanelState, run: RunInfo | null): void {
  const fresh = createState();
  fresh.l10n = state.l10n;
  fresh.settings = state.settings;
  // The step shown belongs to its run; the same run sent again (a reload's init) keeps it.
  fresh.ui = state.run !== null && run !== null && state.run.runId === run.runId ? state.ui : { ...state.ui, graphStep: null };
  fresh.cursorLine = state.cursorLine;
  Object.assign(state, fresh);
  state.run = run;
  state.status = run?.status ?? null;
  state.file = run?.file ?? null;
  state.backend = { name: run?.backend ?? 'playground', torch: null, device: null };
  state.startedAt = run ? epochMs(run.startedAt) : null;
}

/** RunInfo.startedAt as epoch ms, whether the host sends a number or an ISO string. */
export function epochMs(v: number | string | null | undefined): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string') {
    const ms = Date.parse(v);
    return Number.isNaN(ms) ? null : ms;
  }
  return null;
}

/**
 * A number field of an event. Events normally arrive as structured-cloned objects where NaN survives, but
 * if a host ever forwards the JSON wire form ("nan", "inf", "-inf", see events.ts) it must not turn into a
 * string on a chart.
 */
export function num(v: unknown): number {
  if (typeof v === 'number') return v;
  if (v === 'nan') return NaN;
  if (v === 'inf') return Infinity;
  if (v === '-inf') return -Infinity;
  return NaN;
}

export function leafKey(leaf: { name: string | null; id: number }): string {
  return leaf.name ?? `#${leaf.id}`;
}

/** Applies one message from the extension host. */
export function applyMessage(state: PanelState, msg: ExtensionToWebview): void {
  switch (msg.type) {
    case 'init':
      state.l10n = msg.l10n ?? {};
      state.settings = { ...state.settings, ...msg.settings };
      // init replaces everything with the host's full list of the run's events; run null means the host has
      // nothing to show (e.g. after a window reload), so the state restored from setState stays.
      if (msg.run !== null || msg.events.length > 0) {
        resetRun(state, msg.run);
        state.history = msg.history ?? null;
        for (const e of msg.events) applyEvent(state, e);
      }
      // The workspace's layout wins over the webview's own copy: it is the newer one when another panel changed it.
      if (msg.layout) applyLayout(state.ui, msg.layout);
      markAll(state);
      return;
    case 'runStarted':
      resetRun(state, msg.run);
      state.history = msg.history ?? null;
      markAll(state);
      return;
    case 'history':
      if (state.run !== null && msg.runId !== state.run.runId) return;
      state.history = msg.history;
      state.dirty.add('loss');
      return;
    case 'events':
      // Events of a run the panel no longer shows (a late batch after Run again) are dropped.
      if (state.run !== null && msg.runId !== state.run.runId) return;
      for (const e of msg.events) applyEvent(state, e);
      return;
    case 'cursorLine':
      state.cursorLine = msg.line;
      state.dirty.add('cursor');
      return;
    case 'showNode':
      state.focus = { nodeId: msg.nodeId, seq: (state.focus?.seq ?? 0) + 1 };
      state.dirty.add('focus');
      return;
  }
}

function markAll(state: PanelState): void {
  for (const s of ALL_SECTIONS) state.dirty.add(s);
}

export function applyEvent(state: PanelState, e: RunEvent): void {
  if (typeof e.t === 'number' && e.t > state.lastT) state.lastT = e.t;
  switch (e.type) {
    case 'start':
      state.file = e.file;
      state.scriptStartedAt = epochMs(e.startedAt);
      state.startedAt = state.startedAt ?? state.scriptStartedAt;
      if (!state.status) state.status = 'running';
      if (e.backend) state.backend = { ...state.backend, name: e.backend };
      state.dirty.add('header');
      return;
    case 'torch':
      state.backend = { name: 'python', torch: e.version, device: e.device ?? state.backend.device };
      state.dirty.add('header');
      return;
    case 'stdout':
    case 'stderr':
      appendConsole(state.console, e.type, e.text);
      state.dirty.add('console');
      return;
    case 'backward':
      applyBackward(state, e);
      return;
    case 'graph':
      // The last step's whole graph, sent at the end of a run whose backward event went without it.
      applyGraph(state, e);
      return;
    case 'diverged':
      state.diverged = { ...e, loss: num(e.loss) };
      // The diverged event follows its step's backward event, whose graph the host never elides.
      if (state.graph && state.graph.step === e.step) state.divergedGraph = state.graph;
      state.dirty.add('loss').add('graph');
      return;
    case 'error':
      state.error = e;
      state.dirty.add('header');
      return;
    case 'variables':
      // The latest wins: each whole-graph capture's names, then the end's.
      state.variables = e;
      state.dirty.add('variables').add('gradients');
      return;
    case 'figure':
      addFigure(state, e);
      state.dirty.add('figures');
      return;
    case 'paused':
      state.paused = e;
      state.dirty.add('header').add('console');
      return;
    case 'resumed':
      state.paused = null;
      state.dirty.add('header').add('console');
      return;
    case 'console':
      appendAnswer(state.console, e);
      state.dirty.add('console');
      return;
    case 'end':
      state.paused = null;
      state.dirty.add('console');
      state.end = e;
      // The end event counts from the script's start; the header, like the status bar, from Train Model.
      state.durationMs =
        state.startedAt !== null && state.scriptStartedAt !== null
          ? Math.max(e.durationMs, state.scriptStartedAt + e.durationMs - state.startedAt)
          : e.durationMs;
      state.status = runStatusOf(e);
      if (state.run) state.run = { ...state.run, status: state.status };
      state.steps = Math.max(state.steps, e.steps);
      state.dirty.add('header');
      return;
  }
}

function applyBackward(state: PanelState, e: BackwardEvent): void {
  state.steps = Math.max(state.steps, e.step);
  if (e.loss !== null) appendPoint(state.loss, e.step, num(e.loss), LOSS_CAP);
  for (const leaf of e.leaves) appendPoint(leafTrack(state, leaf).norms, e.step, leaf.grad ? num(leaf.grad.norm) : NaN, LEAF_NORM_CAP);
  // Most backward events of a fast loop carry only the graph's size and their leaves' stats (the runtime
  // describes whole graphs at most once per update, the host elides all but a batch's latest). The table
  // and the graph show the latest whole one, so values and gradients there are always of one step.
  if (!isGraphElided(e.graph)) applyGraph(state, e);
  state.dirty.add('header').add('loss').add('gradients');
}

function leafTrack(state: PanelState, leaf: LeafSummary): LeafTrack {
  const key = leafKey(leaf);
  let track = state.leaves.find((l) => l.key === key);
  if (!track) {
    track = { key, name: leaf.name, id: leaf.id, shape: leaf.shape, norms: emptySeries(), grad: null, value: null };
    state.leaves.push(track);
  }
  return track;
}

/** A whole graph: shown in the graph section, its leaves' values and gradients in the table. */
function applyGraph(state: PanelState, e: BackwardEvent | GraphEvent): void {
  const values = new Map<number, TensorSummary>();
  for (const node of e.graph.nodes) if (node.kind === 'leaf' && node.value) values.set(node.id, node.value);
  for (const leaf of e.leaves) {
    const track = leafTrack(state, leaf);
    track.id = leaf.id;
    track.shape = leaf.shape;
    track.grad = leaf.grad;
    // A leaf cut off by the graph node limit has no value in this event; keep the last one seen.
    track.value = values.get(leaf.id) ?? track.value;
  }
  state.graph = { summary: e.graph, step: e.step, line: e.line };
  keepGraph(state, state.graph);
  state.dirty.add('graph').add('gradients');
}

/** Adds a whole graph to the step slider's, thinning them as the extension does. */
function keepGraph(state: PanelState, g: GraphState): void {
  const at = state.graphs.findIndex((k) => k.step >= g.step);
  if (at < 0) state.graphs.push(g);
  else if (state.graphs[at].step === g.step) state.graphs[at] = g;
  else state.graphs.splice(at, 0, g);
  const pinned = new Set<number>();
  if (state.diverged) pinned.add(state.diverged.step);
  if (state.ui.graphStep !== null) pinned.add(state.ui.graphStep);
  const kept = keptGraphSteps(state.graphs.map((k) => k.step), pinned);
  if (kept.size < state.graphs.length) state.graphs = state.graphs.filter((k) => kept.has(k.step));
}



/** Same drawing, whatever made the event: savefig() followed by show() of one figure is one entry. */
function sameFigure(a: FigureEvent, b: FigureEvent): boolean {
  return a.suptitle === b.suptitle && a.figsize[0] === b.figsize[0] && a.figsize[1] === b.figsize[1] && JSON.stringify(a.axes) === JSON.stringify(b.axes);
}

function addFigure(state: PanelState, e: FigureEvent): void {
  const reason = { reason: e.reason, path: e.savefigPath };
  if (e.reason === 'display' && e.displayId !== undefined) {
    // A new frame of an animation redraws it where it stands, as a notebook's cleared output does.
    let at = state.figures.length - 1;
    while (at >= 0 && !(state.figures[at].figure.reason === 'display' && state.figures[at].figure.displayId === e.displayId)) at--;
    if (at >= 0) {
      state.figures[at] = { figure: { ...e, index: state.figures[at].figure.index }, reasons: [reason] };
      return;
    }
  }
  const last = state.figures[state.figures.length - 1];
  if (last && sameFigure(last.figure, e)) {
    last.reasons.push(reason);
    return;
  }
  state.figures.push({ figure: e, reasons: [reason] });
  if (state.figures.length > FIGURES_MAX) {
    state.figuresDropped += state.figures.length - FIGURES_MAX;
    state.figures.splice(0, state.figures.length - FIGURES_MAX);
  }
}

// ANSI colour/cursor sequences (from libraries that colour their logs) would show as garbage.
// eslint-disable-next-line no-control-regex -- ESC starts the sequences this removes
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;

/**
 * Appends a stdout/stderr chunk. Chunks may split lines anywhere, so an unterminated last line stays open
 * for the next chunk of the same stream. A bare '\r' (progress bars) restarts the current line, as a
 * terminal would show it.
 */
export function appendConsole(c: ConsoleState, stream: 'stdout' | 'stderr', chunk: string): void {
  const text = chunk.replace(ANSI, '').replace(/\r\n/g, '\n');
  const parts = text.split('\n');
  parts.forEach((part, i) => {
    const last = c.lines[c.lines.length - 1];
    let line: ConsoleLine;
    if (i === 0 && last && last.open && last.stream === stream) {
      line = last;
    } else {
      if (i === parts.length - 1 && part === '') {
        // The chunk ended with '\n': nothing opens until the next chunk writes something.
        return;
      }
      if (i === 0 && part === '' && c.cut === stream) {
        // This '\n' ends the line the other stream interrupted; it is already shown as ended.
        c.cut = null;
        return;
      }
      if (last && last.open) {
        last.open = false;
        if (last.stream !== stream) c.cut = last.stream;
      }
      line = { id: c.nextId++, stream, text: '', open: true };
      c.lines.push(line);
    }
    const cr = part.lastIndexOf('\r');
    line.text = cr >= 0 ? part.slice(cr + 1) : line.text + part;
    if (line.text.length > CONSOLE_MAX_LINE_CHARS) line.text = line.text.slice(0, CONSOLE_MAX_LINE_CHARS) + '…';
    line.open = i === parts.length - 1;
    if (c.cut === stream) c.cut = null;
  });
  if (c.lines.length > CONSOLE_MAX_LINES) {
    const drop = c.lines.length - CONSOLE_MAX_LINES;
    c.lines.splice(0, drop);
    c.dropped += drop;
  }
}

/** The variables event read when the run ended; null while it runs (or when it ended before the script ran). */
export function endVariables(state: PanelState): VariablesEvent | null {
  return state.variables && variablesAt(state.variables) === 'end' ? state.variables : null;
}

/** One row of the values table: a leaf of the backward graphs, with its value and gradient in the state shown. */
export interface LeafRow {
  track: LeafTrack;
  value: TensorSummary | null;
  grad: TensorSummary | null;
}

export interface LeafTable {
  /** The state shown: the run's end, or the last whole graph's backward(). */
  at: 'end' | 'backward';
  /** The step of that backward() (at 'backward'); null before any. */
  step: number | null;
  /** The user asked for the end, which the run has not reached yet. */
  endPending: boolean;
  rows: LeafRow[];
}

/**
 * What the values table shows. At the end, each leaf is found among the end's variables by its name (the same
 * naming walk names both), the module globals before a function's locals; at the last backward(), as the
 * graph reported it, before the optimizer step that usually follows.
 */
export function leafTable(state: PanelState): LeafTable {
  const end = endVariables(state);
  const step = state.graph?.step ?? null;
  if (state.ui.leafState === 'end' && end && !showingEarlierStep(state)) {
    const byName = new Map<string, VariableInfo>();
    // Globals win over locals of the same name: later entries do not replace earlier ones of a global.
    for (const v of end.variables) {
      const seen = byName.get(v.name);
      if (!seen || (seen.scope !== undefined && v.scope === undefined)) byName.set(v.name, v);
    }
    for (const v of end.variables) if (v.aliasOf && !byName.has(v.aliasOf)) byName.set(v.aliasOf, v);
    const rows = state.leaves.map((track) => {
      const v = track.name !== null ? byName.get(track.name) : undefined;
      return { track, value: v ? v.value : null, grad: v ? v.grad : null };
    });
    return { at: 'end', step, endPending: false, rows };
  }
  const shown = shownGraph(state);
  if (shown && showingEarlierStep(state)) {
    // The step slider went back: the values and gradients of that step's graph, found by name (else id).
    const byKey = new Map<string, { value: TensorSummary | null; grad: TensorSummary | null }>();
    for (const n of shown.summary.nodes) if (n.kind === 'leaf') byKey.set(leafKey(n), { value: n.value ?? null, grad: n.grad ?? null });
    return {
      at: 'backward',
      step: shown.step,
      endPending: false,
      rows: state.leaves.map((track) => ({ track, ...(byKey.get(track.key) ?? { value: null, grad: null }) })),
    };
  }
  return {
    at: 'backward',
    step,
    endPending: state.ui.leafState === 'end',
    rows: state.leaves.map((track) => ({ track, value: track.value, grad: track.grad })),
  };
}

/** A console answer as Python's interactive console shows it: the prompt and code, then what it printed. */
export function appendAnswer(c: ConsoleState, e: ConsoleEvent): void {
  const prompt = e.code
    .split('\n')
    .map((line, i) => (i === 0 ? '>>> ' : '... ') + line)
    .join('\n');
  appendConsole(c, 'stdout', (c.lines.length && c.lines[c.lines.length - 1].open ? '\n' : '') + prompt + '\n');
  if (e.output) appendConsole(c, e.error ? 'stderr' : 'stdout', e.output.endsWith('\n') ? e.output : e.output + '\n');
}

/** The graph the graph section shows: the latest, or the kept step nearest the one the user picked. */
export function shownGraph(state: PanelState): GraphState | null {
  const want = state.ui.graphStep;
  if (want === null) return state.graph;
  if (state.divergedGraph && state.divergedGraph.step === want) return state.divergedGraph;
  const step = nearestStep(state.graphs.map((g) => g.step), want);
  return state.graphs.find((g) => g.step === step) ?? state.graph;
}

/** Whether the graph shown is an earlier step's than the latest (the step slider moved back). */
export function showingEarlierStep(state: PanelState): boolean {
  const g = shownGraph(state);
  return g !== null && state.graph !== null && g.step !== state.graph.step;
}

/**
 * The step to show for a step the user pointed at (a point of the loss chart): the nearest kept one; null
 * (follow the latest) when that is the latest.
 */
export function graphStepFor(state: PanelState, step: number): number | null {
  const near = nearestStep(state.graphs.map((g) => g.step), step);
  if (near === null || (state.graph !== null && near === state.graph.step)) return null;
  return near;
}

/** Decades a loss must span before the chart shows it on a log axis by itself. */
export const AUTO_LOG_DECADES = 4;

/**
 * Whether the loss chart's y axis is logarithmic: the user's choice, else log once the loss spans more than
 * AUTO_LOG_DECADES decades or stops being finite (a diverging loss is a flat line on a linear axis), as long as
 * every finite loss is positive.
 */
export function lossIsLog(state: PanelState): boolean {
  if (state.ui.lossLog !== null) return state.ui.lossLog;
  let min = Infinity;
  let max = 0;
  let nonFinite = state.diverged !== null;
  for (const y of state.loss.y) {
    if (!Number.isFinite(y)) {
      nonFinite = true;
      continue;
    }
    if (y <= 0) return false;
    if (y < min) min = y;
    if (y > max) max = y;
  }
  if (min === Infinity) return false;
  return nonFinite || max / min > 10 ** AUTO_LOG_DECADES;
}

/**
 * The state the header names: a run is 'starting' from Train Model until its `start` event (Python loading,
 * when no standby interpreter was ready), then as its status says.
 */
export function headerStatus(state: PanelState): RunInfoStatus | 'starting' | 'diverged' | 'paused' {
  const status = state.status ?? 'running';
  if (status === 'running' && state.scriptStartedAt === null) return 'starting';
  if (status === 'running' && state.paused !== null) return 'paused';
  // A run whose loss stopped being finite did not finish well, even though the script ran to its end.
  if (status === 'finished' && state.diverged !== null) return 'diverged';
  return status;
}

/** What the header shows for elapsed time: the run's duration once it ended, else the clock since it started. */
export function elapsedMs(state: PanelState, now: number): number | null {
  if (state.durationMs !== null) return state.durationMs;
  if (state.status !== 'running') return state.lastT || null;
  if (state.startedAt !== null) return Math.max(0, now - state.startedAt);
  return state.lastT;
}
