/**
 * A warm interpreter for the next run: one worker kept loaded (Pyodide started, the playground's packages
 * imported) and unused. A run takes it and the next one starts loading at once, so Train Model waits for
 * Python only when runs come faster than an interpreter loads. A worker serves one script and is then thrown
 * away (startRun terminates it), so no script ever runs where another has.
 */
import { WorkerHost, settingsFrom, type InterpreterSource } from './runner';
import type { WorkerSettings } from './workerProtocol';

/** What a standby imports before its run: what nearly every script imports first. */
export const STANDBY_PRELOAD = ['torch', 'numpy', 'matplotlib.pyplot'];

/** What a standby starts with; runs bring their own settings, except what a worker fixes at its start. */
const STANDBY_SETTINGS = settingsFrom({});

export class Standby implements InterpreterSource {
  private next: WorkerHost | null = null;
  private disposed = false;

  /** Starts loading the first standby at once. `snapshotDir`: see StartOptions. */
  constructor(
    private readonly preload: string[] = STANDBY_PRELOAD,
    private readonly snapshotDir?: string,
  ) {
    this.refill();
  }

  /**
   * The standby worker, loaded or still loading (a run that takes it while it loads waits less than a fresh
   * one would); null when it died or when `settings` need a worker started differently.
   */
  take(settings: WorkerSettings): WorkerHost | null {
    if (this.disposed || settings.trackLines !== STANDBY_SETTINGS.trackLines) return null;
    const host = this.next;
    this.refill();
    if (host && host.alive) return host;
    // It died while waiting (nothing of a run is lost); the one just started replaces it.
    if (host) void host.terminate();
    return null;
  }

  /** Whether a loaded interpreter is waiting (tests and the bench wait for this before timing a run). */
  get ready(): boolean {
    return this.next !== null && this.next.alive && this.next.loaded;
  }

  /** Resolves when the current standby has loaded (rejects if it could not start). */
  whenReady(): Promise<void> {
    if (!this.next) return Promise.reject(new Error('the standby interpreter is disposed'));
    return this.next.ready;
  }

  dispose(): Promise<void> {
    this.disposed = true;
    const host = this.next;
    this.next = null;
    return host ? host.terminate() : Promise.resolve();
  }

  private refill(): void {
    if (this.disposed) return;
    const host = new WorkerHost(STANDBY_SETTINGS, this.preload, this.snapshotDir);
    // Once loaded, a standby must not keep the process alive on its own (while loading it does, so that
    // whenReady() can be awaited).
    host.ready.then(() => host.idle(), () => undefined);
    this.next = host;
  }
}
