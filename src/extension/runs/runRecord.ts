/**
 * What the extension remembers about one run of one document: the events the panel is (re)sent, the last
 * `variables` event and backward graphs that hovers read, the loss and gradient-norm histories behind the
 * hover charts, and the progress the status bar shows. Bounded in memory whatever the run's length.
 * No `vscode` here (tested under mocha).
 */
import { isGraphElided, type RunBackend, type TorchEvent, type BackwardEvent, type DivergedEvent, type EndEvent, type ErrorEvent, type GraphEvent, type PausedEvent, type RunEvent, type VariablesEvent } from '../../protocol/events';
import { carriesGraph, elideGraph } from './eventBatcher';
import { keptGraphSteps } from '../../protocol/keptGraphs';
import { t } from '../l10n';
import type { RunInfo } from '../../protocol/panel';
import { runStatusOf, type RunInfoStatus } from '../../protocol/status';
import { formatDuration, formatNumber } from '../textFormat';

/** Backward events kept in the panel's history before older ones are thinned out (every other one dropped). */
export const MAX_RETAINED_BACKWARD = 2000;
/** Points kept per history series (loss, each leaf's gradient norm) before thinning. */
export const MAX_HISTORY_POINTS = 1000;
/** Output kept in the panel's history, in characters; older output is dropped (the output channel has it all). */
export const MAX_RETAINED_OUTPUT_CHARS = 1_000_000;

/** A step-indexed series; `value` null when the quantity was missing that step. */
export interface HistoryPoint {
  step: number;
  value: number | null;
}

/** What a `.backward()` hover says about the last graph built on its line. */
export interface BackwardSummary {
  step: number;
  line: number;
  loss: number | null;
  rootId: number;
  /** Nodes in the graph, including the ones cut at the node limit. */
  nodes: number;
  ops: number;
  leaves: number;
  hiddenNodes: number;
}

export interface RunStart {
  runId: number;
  /** Key of the document (its URI as a string). */
  key: string;
  /** As the runtime reports it in events and tracebacks. */
  file: string;
  label: string;
  /** The document's version when its text was taken; hovers say when the document has changed since. */
  docVersion: number;
  startedAt: number;
  detectNonFinite: boolean;
  /** The text the run was started with (a selection's lines for Train Model on a selection); the run history diffs it. */
  source?: string;
  /** What runs it (default: the playground). */
  backend?: RunBackend;
}

/** Adds a point, halving the series (every other point, the newest kept) once it outgrows `max`. */
export function pushPoint(series: HistoryPoint[], point: HistoryPoint, max = MAX_HISTORY_POINTS): void {
  series.push(point);
  if (series.length > max) {
    const last = series[series.length - 1];
    const kept = series.filter((_, i) => i % 2 === 0);
    if (kept[kept.length - 1] !== last) kept.push(last);
    series.length = 0;
    series.push(...kept);
  }
}

export class RunRecord {
  readonly runId: number;
  readonly key: string;
  readonly file: string;
  readonly label: string;
  readonly docVersion: number;
  readonly startedAt: number;
  readonly detectNonFinite: boolean;
  readonly source: string;
  readonly backend: RunBackend;

  status: RunInfoStatus = 'running';
  /** The python backend's PyTorch: its version and, once the probe has seen it, the model's device. */
  torch: TorchEvent | null = null;
  /** Set by the `start` event: Python is loaded and the script itself is running. */
  scriptStarted = false;
  /** The retained, compacted event list (see protocol/panel.ts's elision rules). */
  readonly events: RunEvent[] = [];
  step = 0;
  lastLoss: number | null = null;
  error: ErrorEvent | null = null;
  diverged: DivergedEvent | null = null;
  end: EndEvent | null = null;
  /** The latest `variables` event: the end's once the run ended, before that the latest backward() capture's. */
  variables: VariablesEvent | null = null;
  /**
   * The latest `variables` event read at a backward() capture: after the end, hovers inside functions that
   * returned before it (`def main():` when the script ran to its end) still find their names here.
   */
  backwardVariables: VariablesEvent | null = null;
  /** Where the script waits while the debugger has it paused; null while it runs (or after it ended). */
  paused: PausedEvent | null = null;
  /** The latest backward event, graph included. */
  lastBackward: BackwardEvent | null = null;
  readonly lossHistory: HistoryPoint[] = [];
  /** Leaf name → gradient norm after each backward() (as reported in the event's `leaves`). */
  readonly gradHistory = new Map<string, HistoryPoint[]>();
  /** Source line of a backward() call → the last graph it built. */
  readonly backwardByLine = new Map<number, BackwardSummary>();

  /** Wall-clock time the first `backward` event arrived (the warm-start test measures from the script's side). */
  firstStepAt: number | null = null;
  /** Wall-clock time the `end` event arrived. */
  private endedAt: number | null = null;
  private retainedBackward = 0;
  private retainedOutput = 0;

  constructor(
    start: RunStart,
    private readonly clock: () => number = Date.now,
  ) {
    this.runId = start.runId;
    this.key = start.key;
    this.file = start.file;
    this.label = start.label;
    this.docVersion = start.docVersion;
    this.startedAt = start.startedAt;
    this.detectNonFinite = start.detectNonFinite;
    this.source = start.source ?? '';
    this.backend = start.backend ?? 'playground';
  }

  get info(): RunInfo {
    return { runId: this.runId, file: this.file, label: this.label, status: this.status, startedAt: this.startedAt, backend: this.backend };
  }

  get running(): boolean {
    return this.status === 'running';
  }

  apply(e: RunEvent): void {
    switch (e.type) {
      case 'backward':
        this.onBackward(e);
        return;
      case 'graph':
        this.onGraph(e);
        return;
      case 'stdout':
      case 'stderr':
        this.retainOutput(e);
        return;
      case 'error':
        this.error = e;
        break;
      case 'diverged':
        this.diverged = e;
        break;
      case 'variables':
        this.variables = e;
        if (e.at === 'backward') this.backwardVariables = e;
        this.dropOlderVariables();
        break;
      case 'start':
        this.scriptStarted = true;
        break;
      case 'paused':
        this.paused = e;
        break;
      case 'resumed':
        this.paused = null;
        break;
      case 'torch':
        // The latest says all (the version, then the device): the panel is re-sent only that one.
        this.torch = e;
        this.replaceEvents(this.events.filter((old) => old.type !== 'torch'));
        break;
      case 'end':
        this.paused = null;
        this.end = e;
        this.endedAt = this.clock();
        this.status = runStatusOf(e);
        break;
      default:
        break;
    }
    this.events.push(e);
  }

  private onBackward(e: BackwardEvent): void {
    this.firstStepAt ??= this.clock();
    this.step = Math.max(this.step, e.step);
    this.lastLoss = e.loss;
    pushPoint(this.lossHistory, { step: e.step, value: e.loss });
    for (const leaf of e.leaves) {
      if (!leaf.name) continue;
      let series = this.gradHistory.get(leaf.name);
      if (!series) this.gradHistory.set(leaf.name, (series = []));
      pushPoint(series, { step: e.step, value: leaf.grad ? leaf.grad.norm : null });
    }
    if (isGraphElided(e.graph)) {
      // Most steps of a fast loop come with the graph's size only (see src/runtime/report/graphReporter.ts).
      this.events.push(e);
      this.retainedBackward++;
      if (this.retainedBackward > MAX_RETAINED_BACKWARD) this.thinBackward();
      return;
    }
    this.onGraph(e);
    this.retainedBackward++;
    if (this.retainedBackward > MAX_RETAINED_BACKWARD) this.thinBackward();
  }

  /** A whole graph: from a backward event, or from the `graph` event that completes the last one. */
  private onGraph(e: BackwardEvent | GraphEvent): void {
    // Hovers and annotations read it as the backward event it completes.
    this.lastBackward = e.type === 'graph' ? { ...e, type: 'backward', loss: this.lastLoss } : e;
    this.backwardByLine.set(e.line, {
      step: e.step,
      line: e.line,
      loss: this.lastBackward.loss,
      rootId: e.graph.rootId,
      nodes: e.graph.nodes.length + (e.graph.truncated?.hiddenNodes ?? 0),
      ops: e.graph.nodes.filter((n) => n.kind === 'op').length,
      leaves: e.graph.nodes.filter((n) => n.kind === 'leaf' && !n.input).length,
      hiddenNodes: e.graph.truncated?.hiddenNodes ?? 0,
    });
    this.events.push(e);
    this.thinGraphs();
  }

  /**
   * Keeps whole graphs for a bounded set of steps spread over the run (protocol/keptGraphs.ts): the panel's
   * step slider shows them. The newest, the first and the diverged step's always stay; the others lose their
   * nodes and edges (a `graph` event is a run's last, so it is always the newest).
   */
  private thinGraphs(): void {
    const steps: number[] = [];
    for (const ev of this.events) if (carriesGraph(ev) && (ev.type === 'backward' || ev.type === 'graph')) steps.push(ev.step);
    const pinned = new Set<number>(this.diverged ? [this.diverged.step] : []);
    const kept = keptGraphSteps(steps, pinned);
    if (kept.size === steps.length) return;
    for (let i = 0; i < this.events.length; i++) {
      const ev = this.events[i];
      if (ev.type === 'backward' && !kept.has(ev.step) && !isGraphElided(ev.graph)) this.events[i] = elideGraph(ev);
    }
  }

  /** Drops every other elided backward event (not the newest, not the diverged step's). */
  private thinBackward(): void {
    let seen = 0;
    const kept: RunEvent[] = [];
    for (const e of this.events) {
      if (e.type === 'backward' && isGraphElided(e.graph) && (!this.diverged || e.step !== this.diverged.step)) {
        seen++;
        if (seen % 2 === 0) continue;
      }
      kept.push(e);
    }
    this.retainedBackward = kept.filter((e) => e.type === 'backward').length;
    this.replaceEvents(kept);
  }

  private retainOutput(e: Extract<RunEvent, { type: 'stdout' | 'stderr' }>): void {
    const last = this.events.length ? this.events[this.events.length - 1] : null;
    if (last && last.type === e.type) this.events[this.events.length - 1] = { ...last, text: last.text + e.text };
    else this.events.push(e);
    this.retainedOutput += e.text.length;
    if (this.retainedOutput > MAX_RETAINED_OUTPUT_CHARS) this.dropOldOutput();
  }

  /** Forgets the oldest output chunks until half the budget is left (one pass, not one per event). */
  private dropOldOutput(): void {
    let excess = this.retainedOutput - MAX_RETAINED_OUTPUT_CHARS / 2;
    const kept: RunEvent[] = [];
    for (const e of this.events) {
      if (excess > 0 && (e.type === 'stdout' || e.type === 'stderr')) {
        excess -= e.text.length;
        this.retainedOutput -= e.text.length;
        continue;
      }
      kept.push(e);
    }
    this.replaceEvents(kept);
  }

  /**
   * A run sends a variables event at each whole-graph capture and one at its end; the panel shows the latest,
   * so only that one is kept (a long run would otherwise keep hundreds of them).
   */
  private dropOlderVariables(): void {
    if (!this.events.some((e) => e.type === 'variables')) return;
    this.replaceEvents(this.events.filter((e) => e.type !== 'variables'));
  }

  private replaceEvents(kept: RunEvent[]): void {
    this.events.length = 0;
    this.events.push(...kept);
  }

  /**
   * Wall-clock milliseconds since Train Model (to the end, once ended): what the user waited, Python's start-up
   * included, which is why it can exceed the `end` event's durationMs (that counts from the script's start).
   */
  elapsedMs(now: number): number {
    return Math.max(0, (this.endedAt ?? now) - this.startedAt);
  }
}

export interface StatusText {
  text: string;
  tooltip: string;
}

/** The status bar item's text for a run: live progress while it runs, then its outcome. */
export function statusText(run: RunRecord, now: number): StatusText {
  const elapsed = formatDuration(run.elapsedMs(now));
  const tooltip = t('Autograd Playground: {0}. Click to open the graph panel.', run.label);
  switch (run.status) {
    case 'running':
      if (run.step === 0) {
        // Before the first backward(): loading Python, or a script that has not reached training yet.
        const text = run.scriptStarted ? t('{0}: running… {1}', run.label, elapsed) : t('{0}: starting Python… {1}', run.label, elapsed);
        return { text: `$(sync~spin) ${text}`, tooltip };
      }
      return { text: `$(sync~spin) ${t('{0}: step {1} · loss {2} · {3}', run.label, run.step, formatNumber(run.lastLoss), elapsed)}`, tooltip };
    case 'finished':
      if (run.diverged) {
        return { text: `$(warning) ${t('{0}: diverged at step {1} · {2}', run.label, run.diverged.step, elapsed)}`, tooltip };
      }
      if (run.step === 0) return { text: `$(check) ${t('{0}: done · {1}', run.label, elapsed)}`, tooltip };
      if (run.step === 1) return { text: `$(check) ${t('{0}: 1 step · loss {1} · {2}', run.label, formatNumber(run.lastLoss), elapsed)}`, tooltip };
      return { text: `$(check) ${t('{0}: {1} steps · loss {2} · {3}', run.label, run.step, formatNumber(run.lastLoss), elapsed)}`, tooltip };
    case 'stopped':
      return { text: `$(debug-stop) ${t('{0}: stopped at step {1} · {2}', run.label, run.step, elapsed)}`, tooltip };
    case 'failed': {
      const e = run.error;
      if (e && e.line !== null) return { text: `$(error) ${t('{0}: {1} on line {2}', run.label, e.errorType, e.line)}`, tooltip };
      return { text: `$(error) ${t('{0}: failed', run.label)}`, tooltip };
    }
  }
}
