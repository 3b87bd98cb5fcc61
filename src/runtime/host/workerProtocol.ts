/**
 * The messages and shared cells between the main thread (runner.ts) and the Python worker (worker.ts). Both
 * import this file; it holds types and constants only, so the worker bundle pulls in nothing of the runner.
 */
import type { RunEvent, RunStatus } from '../../protocol/events';
import type { PackedSteps } from './stepPacking';

/**
 * Settings the host passes to Python as `_playground_host.settings`. Each run request brings its own, since a
 * standby worker starts before anyone knows its run's; only `trackLines` is fixed when the worker starts.
 */
export interface WorkerSettings {
  graphNodeLimit: number;
  /** Whole graphs at most once per this many ms (0: for every backward()); see graphReporter.ts. */
  graphIntervalMs: number;
  /**
   * Record the user's source line for every op (graph nodes show it); off only to measure its cost. Python
   * reads it once, when the worker starts: a run's value must be its worker's (runner.ts keeps to that).
   */
  trackLines: boolean;
  /** Every op whose result holds NaN or inf raises a RuntimeError naming it (see nonFinite.ts). */
  detectNonFinite: boolean;
  /** backward() reports its graph and leaves as events; off only to measure what that costs (npm run bench). */
  instrument: boolean;
  /** Most entries of the variables event (VARIABLES_LIMIT); not a user setting, Python reads it from here. */
  variablesLimit: number;
}

export interface WorkerInit {
  settings: WorkerSettings;
  /**
   * Int32 cells shared with the main thread: [CONTROL_INTERRUPT] is Pyodide's interrupt buffer (writing
   * SIGINT there raises KeyboardInterrupt in Python), [CONTROL_STOP] is 1 once the user asked to stop.
   */
  control: SharedArrayBuffer;
  /**
   * Modules imported before the worker says it is ready: a standby worker has the playground's packages loaded
   * when its script starts (standby.ts). Importing a module runs no user code, so the script still gets an
   * interpreter no other script has touched.
   */
  preload?: string[];
  /**
   * The folder of Pyodide's memory snapshot (snapshot.ts): the worker starts from the snapshot there, or saves
   * one after a plain start when there is none that loads. Without it, always a plain start.
   */
  snapshotDir?: string;
}

/**
 * The worker thread's JS stack (Node's default is 4 MiB). Pyodide's wasm frames live on it, and a Python call
 * that recurses through C (`Module.__call__`, `__getattr__`) costs about 8 KiB of it per level, so the default
 * overflowed at ~450 levels of a `forward` calling `self(x)`: a fatal error instead of RecursionError. The
 * thread's stack is reserved, not committed, so a bigger one costs memory only as deep recursion touches it.
 */
export const WORKER_STACK_MB = 64;

export const CONTROL_INTERRUPT = 0;
export const CONTROL_STOP = 1;
export const CONTROL_CELLS = 2;
export const SIGINT = 2;

/** Main thread → worker. */
export type WorkerRequest = {
  kind: 'run';
  runId: number;
  file: string;
  source: string;
  /** performance.timeOrigin + performance.now() on the main thread when the run started; events' t is relative to it. */
  clockStart: number;
  settings: WorkerSettings;
  /** A host folder the script may read, shown at its own path with writes kept in memory (scriptFolder.ts). */
  root?: string;
  /** The script's working directory on the host (its folder); readable too when outside `root`. */
  cwd?: string;
};

/** Worker → main thread. Events are posted as objects: structured clone keeps NaN/Infinity intact. */
export type WorkerMessage =
  | { kind: 'ready' }
  | { kind: 'fatal'; message: string }
  | { kind: 'event'; runId: number; event: RunEvent }
  /** Backward events that carry no graph, held back and packed by the worker (stepPacking.ts). */
  | { kind: 'steps'; runId: number; steps: PackedSteps }
  /** `exitCode`: what `python FILE` would exit with, when not 0 for 'ok' and 1 otherwise (runner.ts applies that). `broken`: the interpreter cannot run anything else; the host replaces the worker. */
  | { kind: 'done'; runId: number; status: RunStatus; exitCode?: number; broken: boolean };
