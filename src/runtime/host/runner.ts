/**
 * Main-thread side of script runs: starts the Python worker (dist/worker.js), turns its messages into the
 * event stream, and owns the run lifecycle (the `start` and `end` events are always emitted from here, so a
 * consumer sees start … end even when the worker is killed).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { VARIABLES_LIMIT, type ConsoleEvent, type PauseConditions, type RunEvent, type RunStatus } from '../../protocol/events';
import { PauseControl } from './pauseControl';
import { RunRecorder } from './recorder';
import { unpackSteps } from './stepPacking';
import { CONTROL_BYTES, CONTROL_CELLS, CONTROL_INTERRUPT, CONTROL_STOP, SIGINT, WORKER_STACK_MB, type WorkerInit, type WorkerMessage, type WorkerRequest, type WorkerSettings } from './workerProtocol';

// ---- Public API ----

/** Options shared by startRun and openSession; each becomes a field of `_playground_host.settings`. */
export interface RuntimeSettings {
  /** Most graph nodes a backward event may carry (default DEFAULT_GRAPH_NODE_LIMIT). */
  graphNodeLimit?: number;
  /**
   * Default 0: every backward event carries its graph. The panel passes its update interval: it shows one
   * graph per update anyway, and describing every graph of a fast loop would slow the loop down.
   */
  graphIntervalMs?: number;
  /** Default true. */
  trackLines?: boolean;
  /** Default false: stop the script at the first op that produces NaN or inf ("Find where NaN first appears"). */
  detectNonFinite?: boolean;
  /** Default true: backward events with graph and leaf summaries; false sends none (to measure their cost). */
  instrument?: boolean;
}

/** How a worker starts Python; not seen by Python. */
export interface StartOptions {
  /**
   * A folder to keep Pyodide's memory snapshot in (snapshot.ts): workers start from it, and the first start
   * without one saves it. Without it, every worker starts Python from scratch.
   */
  snapshotDir?: string;
}

export interface RunOptions extends RuntimeSettings, StartOptions, ScriptFolderOptions {
  /** Shown in tracebacks and events exactly as given. */
  file: string;
  /** Script text; when absent the file is read (never written). */
  source?: string;
  /**
   * Where to take an interpreter that is already loaded (standby.ts); the run starts a fresh worker when it has
   * none to give.
   */
  standby?: InterpreterSource;
  onEvent?: (e: RunEvent) => void;
  /** The debugger's pause conditions when the run starts (default: none); RunControl changes them later. */
  pauseConditions?: PauseConditions;
  /**
   * Default true: the result carries every event and all output. False for a consumer that takes events as they
   * come (the extension, the CLI): a long run's result would otherwise grow by an event per step until it ends.
   */
  collect?: boolean;
}

export interface RunHandle {
  done: Promise<RunResult>;
  /** Ends the run within about a second, whatever the script is doing (paused too); the result has status 'stopped'. */
  stop(): void;
  /** The debugger's controls; absent where the backend cannot pause a script. */
  control?: RunControl;
}

/**
 * Pausing a running script (the debugger). Backend-neutral: the playground runtime implements it with shared
 * memory (pauseControl.ts); another backend implements the same calls over its own channel. A pause shows in
 * the event stream as `paused` … `resumed`, console answers as `console` events.
 */
export interface RunControl {
  /** Pause at the next pause point: when backward() returns, or optimizer.step() (PauseConditions.pauseAt). */
  pause(): void;
  /** Paused: run on to the next pause point and pause there. */
  step(): void;
  /** Paused: run on. */
  resume(): void;
  /** Applies from the next backward(); runs start with RunOptions.pauseConditions. */
  setConditions(conditions: PauseConditions): void;
  /**
   * Paused: runs Python code (an expression or statements) in the paused frame, as Python's interactive console
   * would; the answer is also a `console` event of the run. Rejects when the run is not paused or ends first.
   */
  evaluate(code: string): Promise<ConsoleEvent>;
  readonly paused: boolean;
}

export interface RunResult {
  status: RunStatus;
  /**
   * What `python FILE` would exit with: sys.exit's code (0–255), 130 after an uncaught KeyboardInterrupt the
   * script raised, else 0 for 'ok' and 1 otherwise (also 'stopped': a stop is not always a Ctrl-C; the CLI
   * chooses the code for the signals it receives).
   */
  exitCode: number;
  stdout: string;
  stderr: string;
  events: RunEvent[];
}

/**
 * The files a script may read. Without them it sees only the interpreter's own file system (an untitled
 * document). Writes never reach the disk: they are kept in memory for the run, and the first one says so in
 * the console (runtime/host/scriptFolder.ts).
 */
export interface ScriptFolderOptions {
  /**
   * A folder the script may read, everything under it included, at the same path (VS Code: the document's
   * workspace folder; the CLI: the folder it is run from). A Windows path C:\a\b is seen as /c/a/b.
   */
  root?: string;
  /** The working directory (the script's folder); made readable as well when it is outside `root`. */
  cwd?: string;
}

/** Settings a session's run may change for itself. */
export interface RunSwitches extends ScriptFolderOptions {
  /** The session's setting by default; `npm run bench` runs the same script with and without events in one interpreter. */
  instrument?: boolean;
}

/** Hands out loaded workers that no script has run in (Standby in standby.ts). */
export interface InterpreterSource {
  /** A worker whose fixed settings suit `settings` (see WorkerSettings), or null. */
  take(settings: WorkerSettings): WorkerHost | null;
}

/** One worker, one Pyodide, many runs: each run gets a fresh __main__, imported modules persist. */
export interface PythonSession {
  /** Runs are queued: a call made while another run is in progress starts after it ends. */
  run(source: string, file?: string, switches?: RunSwitches): Promise<RunResult>;
  close(): Promise<void>;
}

export const DEFAULT_GRAPH_NODE_LIMIT = 200;
/** How long a stopped script gets to unwind from KeyboardInterrupt before its worker is terminated. */
const STOP_GRACE_MS = 250;
const DEFAULT_SESSION_FILE = '<string>';

/**
 * The bundled worker sits next to the bundle that contains this code (dist/). When this file runs from
 * source (tests under tsx), use the built one in the repository's dist/.
 */
function workerScript(): string {
  const candidates = [path.join(__dirname, 'worker.js'), path.resolve(__dirname, '..', '..', '..', 'dist', 'worker.js')];
  const found = candidates.find((p) => fs.existsSync(p));
  if (!found) throw new Error(`autograd-playground: worker bundle not found (looked for ${candidates.join(', ')}); run \`npm run build\``);
  return found;
}

export function settingsFrom(opts: RuntimeSettings): WorkerSettings {
  return {
    graphNodeLimit: opts.graphNodeLimit ?? DEFAULT_GRAPH_NODE_LIMIT,
    graphIntervalMs: Math.max(0, opts.graphIntervalMs ?? 0),
    trackLines: opts.trackLines ?? true,
    detectNonFinite: opts.detectNonFinite ?? false,
    instrument: opts.instrument ?? true,
    variablesLimit: VARIABLES_LIMIT,
  };
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Owns one worker thread and runs scripts on it one at a time. */
export class WorkerHost {
  private readonly worker: Worker;
  private readonly control = new SharedArrayBuffer(CONTROL_BYTES);
  private readonly cells = new Int32Array(this.control, 0, CONTROL_CELLS);
  /** The debugger's cells of this worker; one run at a time uses them. */
  readonly pausing = new PauseControl(this.control);
  /** Resolves once Pyodide is loaded; rejects if it could not start. */
  readonly ready: Promise<void>;
  private current: { runId: number; recorder: RunRecorder; stopTimer: NodeJS.Timeout | null } | null = null;
  private nextRunId = 1;
  private deadReason: string | null = null;
  private isLoaded = false;

  /** `settings`: what the worker starts with; only trackLines stays fixed (see WorkerSettings). */
  constructor(
    readonly settings: WorkerSettings,
    preload?: string[],
    snapshotDir?: string,
  ) {
    const init: WorkerInit = { settings, control: this.control, preload, snapshotDir };
    this.worker = new Worker(workerScript(), { workerData: init, resourceLimits: { stackSizeMb: WORKER_STACK_MB } });
    this.ready = new Promise<void>((resolve, reject) => {
      this.worker.on('message', (msg: WorkerMessage) => {
        if (msg.kind === 'ready') {
          this.isLoaded = true;
          resolve();
        }
        else if (msg.kind === 'fatal') {
          this.die(`could not start Python: ${msg.message}`);
          reject(new Error(this.deadReason ?? msg.message));
        } else this.onRunMessage(msg);
      });
      this.worker.on('error', (e) => {
        this.die(`the Python worker crashed: ${errorText(e)}`);
        reject(new Error(this.deadReason ?? errorText(e)));
      });
      this.worker.on('exit', (code) => {
        this.die(`the Python worker exited (code ${code})`);
        reject(new Error(this.deadReason ?? 'worker exited'));
      });
    });
    // A rejection nobody awaits yet (the worker may die while idle) must not crash the process.
    this.ready.catch(() => undefined);
  }

  get alive(): boolean {
    return this.deadReason === null;
  }

  /** Lets the process exit while this worker has no run (a run refs it again). */
  idle(): void {
    if (!this.current) this.worker.unref();
  }

  /** True once Pyodide is loaded (the worker waits for a run, or has run one). */
  get loaded(): boolean {
    return this.isLoaded;
  }

  /** Starts one script; the recorder always settles (machinery failures become 'error' results). */
  run(recorder: RunRecorder, source: string, settings: WorkerSettings = this.settings, folder: ScriptFolderOptions = {}, conditions?: PauseConditions): void {
    const runId = this.nextRunId++;
    this.pausing.begin(conditions);
    this.current = { runId, recorder, stopTimer: null };
    this.worker.ref();
    const fail = (): void => {
      if (this.current?.runId !== runId || recorder.finished) return;
      recorder.internalError(this.deadReason ?? 'the Python worker is not running');
      this.endCurrent('error');
    };
    if (!this.alive) return fail();
    this.ready.then(
      () => {
        if (recorder.finished || this.current?.runId !== runId) return;
        if (this.current.stopTimer) return this.endCurrent('stopped'); // stopped while Python was loading
        Atomics.store(this.cells, CONTROL_STOP, 0);
        Atomics.store(this.cells, CONTROL_INTERRUPT, 0);
        const req: WorkerRequest = { kind: 'run', runId, file: recorder.file, source, clockStart: recorder.start(), settings, root: folder.root, cwd: folder.cwd };
        this.worker.postMessage(req);
      },
      fail,
    );
  }

  /** Interrupt first so the script unwinds (flushing its output); kill the worker if it does not. */
  stop(recorder: RunRecorder): void {
    const cur = this.current;
    if (!cur || cur.recorder !== recorder || recorder.finished) return;
    if (cur.stopTimer) return;
    Atomics.store(this.cells, CONTROL_STOP, 1);
    Atomics.store(this.cells, CONTROL_INTERRUPT, SIGINT);
    // A paused script sleeps on the command cell: wake it to see the stop.
    this.pausing.wake();
    cur.stopTimer = setTimeout(() => {
      if (this.current === cur && !recorder.finished) {
        this.terminate();
        this.endCurrent('stopped');
      }
    }, STOP_GRACE_MS);
  }

  terminate(): Promise<void> {
    this.deadReason ??= 'the Python worker was terminated';
    return this.worker.terminate().then(() => undefined);
  }

  private onRunMessage(msg: WorkerMessage): void {
    const cur = this.current;
    if (!cur || (msg.kind !== 'event' && msg.kind !== 'steps' && msg.kind !== 'done') || msg.runId !== cur.runId) return;
    if (msg.kind === 'event') {
      this.pausing.observe(msg.event);
      cur.recorder.push(msg.event);
    }
    else if (msg.kind === 'steps') for (const e of unpackSteps(msg.steps)) cur.recorder.push(e);
    else {
      if (msg.broken) void this.terminate();
      if (cur.stopTimer) this.endCurrent('stopped');
      else this.endCurrent(msg.status, msg.exitCode);
    }
  }

  private endCurrent(status: RunStatus, exitCode?: number): void {
    const cur = this.current;
    if (!cur) return;
    if (cur.stopTimer) clearTimeout(cur.stopTimer);
    this.current = null;
    this.pausing.end();
    // Idle workers must not keep the process alive (e.g. a session someone forgot to close).
    this.worker.unref();
    cur.recorder.finish(status, exitCode);
  }

  private die(reason: string): void {
    if (this.deadReason === null) this.deadReason = reason;
    const cur = this.current;
    if (cur && !cur.recorder.finished) {
      if (cur.stopTimer) this.endCurrent('stopped');
      else {
        cur.recorder.internalError(this.deadReason);
        this.endCurrent('error');
      }
    }
  }
}

/**
 * Runs a script in its own worker: a standby's when `opts.standby` has one, else a fresh interpreter (~2 s to
 * start). Throws synchronously if `source`
 * is absent and the file cannot be read.
 */
export function startRun(opts: RunOptions): RunHandle {
  const source = opts.source ?? fs.readFileSync(opts.file, 'utf8');
  const recorder = new RunRecorder(opts.file, opts.onEvent, opts.collect);
  const settings = settingsFrom(opts);
  let host: WorkerHost;
  try {
    host = opts.standby?.take(settings) ?? new WorkerHost(settings, undefined, opts.snapshotDir);
  } catch (e) {
    recorder.internalError(errorText(e));
    recorder.finish('error');
    return { done: recorder.done, stop: () => undefined };
  }
  host.run(recorder, source, settings, { root: opts.root, cwd: opts.cwd }, opts.pauseConditions);
  const control = host.pausing.controlFor(() => !recorder.finished && host.alive);
  const done = recorder.done.then(async (result) => {
    await host.terminate();
    return result;
  });
  return {
    done,
    stop: () => {
      if (recorder.finished) return;
      if (!host.alive) return;
      host.stop(recorder);
    },
    control,
  };
}

export async function openSession(opts: RuntimeSettings & StartOptions = {}): Promise<PythonSession> {
  const settings = settingsFrom(opts);
  let host = new WorkerHost(settings, undefined, opts.snapshotDir);
  try {
    await host.ready;
  } catch (e) {
    await host.terminate();
    throw e;
  }
  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;

  const runOne = async (source: string, file: string, switches: RunSwitches): Promise<RunResult> => {
    if (closed) throw new Error('PythonSession is closed');
    // A worker lost to a crash is replaced, so one bad snippet does not fail the rest of a test suite.
    if (!host.alive) host = new WorkerHost(settings, undefined, opts.snapshotDir);
    const recorder = new RunRecorder(file, undefined);
    host.run(recorder, source, { ...settings, instrument: switches.instrument ?? settings.instrument }, { root: switches.root, cwd: switches.cwd });
    return recorder.done;
  };

  return {
    run(source: string, file: string = DEFAULT_SESSION_FILE, switches: RunSwitches = {}): Promise<RunResult> {
      const result = queue.then(() => runOne(source, file, switches));
      queue = result.catch(() => undefined);
      return result;
    },
    async close(): Promise<void> {
      closed = true;
      await host.terminate();
    },
  };
}
