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
   * SIGINT there raises KeyboardInterrupt in Python), [CONTROL_STOP] is 1 once the user asked to stop; the
   * debugger's cells and console slot follow (CONTROL_PAUSE … CONTROL_CONSOLE_OFFSET). CONTROL_BYTES long.
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
/** 1: pause at the next pause point (Pause, Step); the worker clears it when it pauses. */
export const CONTROL_PAUSE = 2;
/** What a paused worker does next (PauseCommand); the main thread writes it and notifies this cell. */
export const CONTROL_COMMAND = 3;
/** Where a requested pause happens: PAUSE_AT_BACKWARD or PAUSE_AT_STEP. */
export const CONTROL_PAUSE_AT = 4;
/** 1: pause after a backward() whose loss is NaN or inf. */
export const CONTROL_ON_NON_FINITE = 5;
/** Pause after the backward() with this step number (0: none). */
export const CONTROL_AT_STEP = 6;
/** 1: pause after a backward() that leaves a leaf gradient with a norm above the threshold cell. */
export const CONTROL_ON_GRAD_NORM = 7;
/** Bytes of UTF-8 in the console slot (a CMD_EVALUATE's code). */
export const CONTROL_CONSOLE_LENGTH = 8;
/** The id of the console request in the slot; its `console` event carries it back. */
export const CONTROL_CONSOLE_ID = 9;
export const CONTROL_CELLS = 10;
export const SIGINT = 2;

/** The gradient-norm threshold: one float64 after the Int32 cells. */
export const CONTROL_GRAD_NORM_OFFSET = 40;
/** The console's code, UTF-8, from here to the end of the control buffer. */
export const CONTROL_CONSOLE_OFFSET = 48;
export const CONSOLE_SLOT_BYTES = 64 * 1024;
export const CONTROL_BYTES = CONTROL_CONSOLE_OFFSET + CONSOLE_SLOT_BYTES;

export const PAUSE_AT_BACKWARD = 0;
export const PAUSE_AT_STEP = 1;

/** CONTROL_COMMAND's values. CMD_WAIT: nothing yet (the paused worker sleeps on the cell). */
export const CMD_WAIT = 0;
export const CMD_CONTINUE = 1;
export const CMD_EVALUATE = 2;

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
