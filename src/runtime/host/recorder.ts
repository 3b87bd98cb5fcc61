/**
 * One run's bookkeeping, whichever backend runs it (the Pyodide worker, or a real Python through the probe in
 * runtime/python/): collects events and results, emits `start` and `end`, marks the first non-finite loss
 * with `diverged`, and settles exactly once.
 */
import { EVENT_SCHEMA_VERSION, type RunBackend, type RunEvent, type RunStatus } from '../../protocol/events';
import type { RunResult } from './runner';

function clock(): number {
  return performance.timeOrigin + performance.now();
}

export class RunRecorder {
  readonly events: RunEvent[] = [];
  private stdout = '';
  private stderr = '';
  private clockStart = 0;
  private started = false;
  private steps = 0;
  private diverged = false;
  private settled = false;
  readonly done: Promise<RunResult>;
  private resolve!: (r: RunResult) => void;

  constructor(
    readonly file: string,
    private readonly onEvent: ((e: RunEvent) => void) | undefined,
    private readonly collect = true,
    /** Named in the `start` event when given (the playground's runner leaves it out, as streams always had it). */
    private readonly backend?: RunBackend,
  ) {
    this.done = new Promise((resolve) => (this.resolve = resolve));
  }

  get finished(): boolean {
    return this.settled;
  }

  /** Starts the run clock and emits `start`; returns the clock origin for the worker. */
  start(): number {
    if (!this.started) {
      this.started = true;
      this.clockStart = clock();
      this.push({
        type: 'start',
        t: 0,
        version: EVENT_SCHEMA_VERSION,
        file: this.file,
        startedAt: new Date().toISOString(),
        ...(this.backend ? { backend: this.backend } : {}),
      });
    }
    return this.clockStart;
  }

  push(event: RunEvent): void {
    if (this.settled) return;
    // A backend that marks divergence itself (the real-Python probe) sends its own; the stream keeps one.
    if (event.type === 'diverged') {
      if (this.diverged) return;
      this.diverged = true;
    }
    if (event.type === 'backward') this.steps = Math.max(this.steps, event.step);
    if (this.collect) {
      if (event.type === 'stdout') this.stdout += event.text;
      else if (event.type === 'stderr') this.stderr += event.text;
      this.events.push(event);
    }
    this.notify(event);
    if (event.type === 'backward' && event.loss !== null && !Number.isFinite(event.loss) && !this.diverged) {
      this.diverged = true;
      const marker: RunEvent = { type: 'diverged', t: event.t, step: event.step, file: event.file, line: event.line, loss: event.loss };
      if (this.collect) this.events.push(marker);
      this.notify(marker);
    }
  }

  private notify(event: RunEvent): void {
    if (this.onEvent) {
      try {
        this.onEvent(event);
      } catch (e) {
        // A broken listener must not take the run down with it; it still gets the remaining events.
        console.error('autograd-playground: onEvent listener threw:', e);
      }
    }
  }

  /** A failure of the machinery rather than the script, reported in the script's own channels. */
  internalError(message: string): void {
    this.start();
    const text = `autograd-playground: ${message}\n`;
    this.push({ type: 'stderr', t: this.elapsed(), text });
    this.push({ type: 'error', t: this.elapsed(), errorType: 'InternalError', message, file: this.file, line: null, traceback: text });
  }

  finish(status: RunStatus, exitCode: number = status === 'ok' ? 0 : 1): void {
    if (this.settled) return;
    this.start();
    const durationMs = this.elapsed();
    this.push({ type: 'end', t: durationMs, status, durationMs, steps: this.steps });
    this.settled = true;
    this.resolve({ status, exitCode, stdout: this.stdout, stderr: this.stderr, events: this.events });
  }

  /** Milliseconds since `start`, as events' `t`. */
  elapsed(): number {
    return Math.round((clock() - this.clockStart) * 1000) / 1000;
  }
}

