/**
 * The runs the editor has started: one current run per document (a new Train Model on a document stops its
 * previous run first; different documents run side by side, each in its own worker or, on the python backend,
 * its own Python process), their records, and
 * the notifications the UI parts listen to. No `vscode` here, so the lifecycle is tested under mocha with the
 * real runtime.
 */
import { NO_PAUSE_CONDITIONS, type ConsoleEvent, type PauseConditions, type RunEvent } from '../../protocol/events';
import { startRun, type RunHandle, type RunOptions } from '../../runtime/host/runner';
import { startPythonScript, type PythonScriptOptions } from './pythonScript';
import { RunRecord } from './runRecord';

/** A document as a run needs it; documents.ts makes one from a vscode.TextDocument. */
export interface RunDocument {
  /** Identity of the document (its URI as a string). */
  key: string;
  /** The name given to Python: tracebacks and events show it (a path, or an untitled document's name). */
  file: string;
  label: string;
  version: number;
  text: string;
  /** The folder the script may read (its workspace folder, else its own folder); absent for untitled documents. */
  root?: string;
  /** Its working directory: the file's folder; absent for untitled documents. */
  cwd?: string;
}

export interface RunSettings {
  graphNodeLimit: number;
  /** The panel's update interval: it shows one graph per update, so the runtime need not describe more. */
  graphIntervalMs?: number;
  detectNonFinite?: boolean;
  /** Runs the script on this Python interpreter (the python backend) instead of the playground's runtime. */
  python?: string;
}

/** The debugger's conditions as the panel sets them; `pauseAt` comes from the setting autogradPlayground.pauseAt. */
export type DebugSettings = PauseConditions;

export interface RunListener {
  /** A run started (its document's previous run, if any, has been told to stop). */
  started?(run: RunRecord): void;
  /** An event of a document's current run, after the record has taken it in. */
  event?(run: RunRecord, event: RunEvent): void;
  /** A current run ended (its `end` event has been applied). */
  ended?(run: RunRecord): void;
  /** A document's run was forgotten (see forget()): the document is gone, and so is everything shown for it. */
  forgotten?(key: string): void;
}

export type RunStarter = (opts: RunOptions) => RunHandle;
export type PythonStarter = (opts: PythonScriptOptions) => RunHandle;

interface Entry {
  record: RunRecord;
  /** Null only while startRun is being called. */
  handle: RunHandle | null;
}

export class RunManager {
  private readonly current = new Map<string, Entry>();
  private readonly listeners = new Set<RunListener>();
  private nextRunId = 1;
  private lastStarted: RunRecord | null = null;
  private debug: PauseConditions = NO_PAUSE_CONDITIONS;

  constructor(
    private readonly starter: RunStarter = startRun,
    private readonly clock: () => number = Date.now,
    private readonly pythonStarter: PythonStarter = startPythonScript,
  ) {}

  listen(listener: RunListener): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Starts `doc`'s text; a run of the same document still going is stopped first (its events are dropped). */
  start(doc: RunDocument, settings: RunSettings): RunRecord {
    const previous = this.current.get(doc.key);
    if (previous && previous.record.running) previous.handle?.stop();
    const record = new RunRecord({
      runId: this.nextRunId++,
      key: doc.key,
      file: doc.file,
      label: doc.label,
      docVersion: doc.version,
      startedAt: this.clock(),
      detectNonFinite: settings.detectNonFinite === true,
      source: doc.text,
      backend: settings.python !== undefined ? 'python' : 'playground',
    }, this.clock);
    const isCurrent = (): boolean => this.current.get(doc.key)?.record === record;
    // Events may arrive synchronously from startRun (a worker that cannot start ends the run at once), so the
    // entry is registered first for them to count as the current run's.
    const entry: Entry = { record, handle: null };
    this.current.set(doc.key, entry);
    this.lastStarted = record;
    this.notify((l) => l.started?.(record));
    const onEvent = (e: RunEvent): void => {
      record.apply(e);
      if (!isCurrent()) return;
      this.notify((l) => l.event?.(record, e));
      if (e.type === 'end') this.notify((l) => l.ended?.(record));
    };
    const common = {
      file: doc.file,
      source: doc.text,
      cwd: doc.cwd,
      graphNodeLimit: settings.graphNodeLimit,
      graphIntervalMs: settings.graphIntervalMs ?? 0,
      // Find NaN pauses where the loss stops being finite as well, whatever the panel says.
      pauseConditions: settings.detectNonFinite === true ? { ...this.debug, nonFinite: true } : this.debug,
      // The record keeps what the extension needs, bounded (runRecord.ts); the runner need not keep it all.
      collect: false,
      onEvent,
    };
    entry.handle =
      settings.python !== undefined
        ? this.pythonStarter({ ...common, python: settings.python, detectNonFinite: settings.detectNonFinite === true })
        : this.starter({ ...common, root: doc.root, detectNonFinite: settings.detectNonFinite === true });
    return record;
  }

  /** Stops the document's current run; false when it has none running. */
  stop(key: string): boolean {
    const entry = this.current.get(key);
    if (!entry || !entry.record.running) return false;
    entry.handle?.stop();
    return true;
  }

  /** The debugger's conditions for every run from now on, the ones going included. */
  get pauseConditions(): PauseConditions {
    return this.debug;
  }

  setPauseConditions(c: PauseConditions): void {
    this.debug = { ...c };
    for (const entry of this.current.values()) {
      if (entry.record.running) entry.handle?.control?.setConditions(entry.record.detectNonFinite ? { ...c, nonFinite: true } : c);
    }
  }

  /** Pause Training: false when the document has no run going or its backend cannot pause. */
  pause(key: string): boolean {
    const control = this.control(key);
    if (!control) return false;
    control.pause();
    return true;
  }

  /** Step One Iteration: false unless the document's run is paused. */
  step(key: string): boolean {
    const control = this.control(key);
    if (!control?.paused) return false;
    control.step();
    return true;
  }

  /** Continue Training: false unless the document's run is paused. */
  resume(key: string): boolean {
    const control = this.control(key);
    if (!control?.paused) return false;
    control.resume();
    return true;
  }

  /** The console at a pause: evaluates `code` in the paused frame of the document's run. */
  evaluate(key: string, code: string): Promise<ConsoleEvent> {
    const control = this.control(key);
    if (!control) return Promise.reject(new Error('the run is not going'));
    return control.evaluate(code);
  }

  isPaused(key: string): boolean {
    return this.current.get(key)?.record.paused != null;
  }

  private control(key: string) {
    const entry = this.current.get(key);
    return entry && entry.record.running ? entry.handle?.control : undefined;
  }

  stopAll(): void {
    for (const entry of this.current.values()) if (entry.record.running) entry.handle?.stop();
  }

  /** The document's current (latest) run, running or ended. */
  get(key: string): RunRecord | undefined {
    return this.current.get(key)?.record;
  }

  /** The run started last, of any document. */
  get latest(): RunRecord | null {
    return this.lastStarted;
  }

  runs(): RunRecord[] {
    return [...this.current.values()].map((e) => e.record);
  }

  isRunning(key: string): boolean {
    return this.current.get(key)?.record.running === true;
  }

  get anyRunning(): boolean {
    return this.runs().some((r) => r.running);
  }

  /** Resolves when the run has ended (immediately for an ended one). */
  whenDone(key: string): Promise<RunRecord | undefined> {
    const entry = this.current.get(key);
    if (!entry?.handle) return Promise.resolve(entry?.record);
    return entry.handle.done.then(() => entry.record);
  }

  /** Forgets a document's run (its document was closed); stops it if it is still going. */
  forget(key: string): void {
    const entry = this.current.get(key);
    if (!entry) return;
    if (entry.record.running) entry.handle?.stop();
    this.current.delete(key);
    if (this.lastStarted === entry.record) this.lastStarted = null;
    this.notify((l) => l.forgotten?.(key));
  }

  dispose(): void {
    this.stopAll();
    this.listeners.clear();
  }

  private notify(fn: (l: RunListener) => void): void {
    for (const l of [...this.listeners]) {
      try {
        fn(l);
      } catch (e) {
        // One broken view must not stop the others (or the run) from getting events.
        console.error('autograd-playground: run listener failed:', e);
      }
    }
  }
}
