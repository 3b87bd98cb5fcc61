/**
 * Throttled delivery of run events to the panel: at most one message per interval, and each batch compacted so
 * that a fast training loop (hundreds of backward() calls a second, each with a graph of up to
 * graphNodeLimit nodes) does not flood the webview. Also the compaction the run history uses (runRecord.ts).
 * No `vscode` here: the timers are injectable so tests can drive time.
 */
import { elidedGraph, isGraphElided, type BackwardEvent, type RunEvent } from '../../protocol/events';
import { keptGraphSteps } from '../../protocol/keptGraphs';

/** A backward event without its graph's nodes and edges; `truncated` says how many nodes there were. */
export function elideGraph(e: BackwardEvent): BackwardEvent {
  if (e.graph.nodes.length === 0) return e;
  return { ...e, graph: elidedGraph(e.graph.rootId, e.graph.nodes.length + (e.graph.truncated?.hiddenNodes ?? 0)) };
}

/** A backward event with its graph, or the `graph` event that completes one: the events that show a graph. */
export function carriesGraph(e: RunEvent): boolean {
  return e.type === 'graph' || (e.type === 'backward' && !isGraphElided(e.graph));
}

/**
 * The batch the panel gets: adjacent stdout (and stderr) chunks merged, backward events' graphs thinned as
 * the step slider keeps them (protocol/keptGraphs.ts: the first, the newest, the diverged step's and at most
 * KEPT_GRAPH_STEPS others spread over the steps), and only the newest variables event.
 * Returns new objects where it changes anything; the input events are never modified.
 */
export function compactBatch(events: readonly RunEvent[], keepGraphOfStep: number | null = null): RunEvent[] {
  let lastVariables = -1;
  const divergedSteps = new Set<number>();
  const graphSteps: number[] = [];
  if (keepGraphOfStep !== null) divergedSteps.add(keepGraphOfStep);
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    if (carriesGraph(e) && (e.type === 'backward' || e.type === 'graph')) graphSteps.push(e.step);
    else if (e.type === 'variables') lastVariables = i;
    else if (e.type === 'diverged') divergedSteps.add(e.step);
  }
  const kept = keptGraphSteps(graphSteps, divergedSteps);
  const out: RunEvent[] = [];
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    const prev = out.length ? out[out.length - 1] : null;
    if ((e.type === 'stdout' || e.type === 'stderr') && prev && prev.type === e.type) {
      out[out.length - 1] = { ...prev, text: prev.text + e.text };
    } else if (e.type === 'variables' && i !== lastVariables) {
      // The panel shows the latest variables event only.
      continue;
    } else if (e.type === 'backward' && !kept.has(e.step)) {
      out.push(elideGraph(e));
    } else {
      out.push(e);
    }
  }
  return out;
}

export interface Scheduler {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realScheduler: Scheduler = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** The fastest the panel is updated whatever the setting says: a webview cannot draw faster than frames anyway. */
export const MIN_UPDATE_INTERVAL_MS = 16;

/**
 * Collects events and hands them to `send` as one compacted batch, never two sends closer together than
 * `intervalMs`. The first event after a quiet period goes out on the next tick (so events of one tick travel
 * together); later ones wait for the interval to pass.
 */
export class EventBatcher {
  private pending: RunEvent[] = [];
  private timer: unknown = null;
  private lastSent = -Infinity;
  private intervalMs: number;

  constructor(
    private readonly send: (events: RunEvent[]) => void,
    intervalMs: number,
    private readonly scheduler: Scheduler = realScheduler,
  ) {
    this.intervalMs = clampInterval(intervalMs);
  }

  get interval(): number {
    return this.intervalMs;
  }

  setInterval(ms: number): void {
    this.intervalMs = clampInterval(ms);
  }

  get pendingCount(): number {
    return this.pending.length;
  }

  push(event: RunEvent): void {
    this.pending.push(event);
    if (this.timer !== null) return;
    const delay = Math.max(0, this.lastSent + this.intervalMs - this.scheduler.now());
    this.timer = this.scheduler.setTimeout(() => {
      this.timer = null;
      this.flush();
    }, delay);
  }

  /** Sends what is pending now (used when the run's events must reach the panel before something else). */
  flush(): void {
    if (this.timer !== null) {
      this.scheduler.clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.pending.length === 0) return;
    const batch = compactBatch(this.pending);
    this.pending = [];
    this.lastSent = this.scheduler.now();
    this.send(batch);
  }

  /** Drops what is pending (the panel is about to get the full list some other way, e.g. an `init`). */
  reset(): void {
    if (this.timer !== null) this.scheduler.clearTimeout(this.timer);
    this.timer = null;
    this.pending = [];
  }

  dispose(): void {
    this.reset();
  }
}

function clampInterval(ms: number): number {
  return Number.isFinite(ms) ? Math.max(MIN_UPDATE_INTERVAL_MS, Math.round(ms)) : 100;
}
