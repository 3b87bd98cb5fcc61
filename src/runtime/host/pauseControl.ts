/**
 * The main thread's side of the debugger for one worker (the worker's is pausePoint.ts): writes the pause
 * request and conditions into the shared control cells, and wakes a paused worker with a command. Console code
 * goes through the buffer's text slot, one request at a time: the next is written only once the worker has
 * answered the one before.
 */
import { NO_PAUSE_CONDITIONS, type ConsoleEvent, type PauseConditions, type RunEvent } from '../../protocol/events';
import type { RunControl } from './runner';
import {
  CMD_CONTINUE,
  CMD_EVALUATE,
  CONSOLE_SLOT_BYTES,
  CONTROL_AT_STEP,
  CONTROL_CELLS,
  CONTROL_COMMAND,
  CONTROL_CONSOLE_ID,
  CONTROL_CONSOLE_LENGTH,
  CONTROL_CONSOLE_OFFSET,
  CONTROL_GRAD_NORM_OFFSET,
  CONTROL_ON_GRAD_NORM,
  CONTROL_ON_NON_FINITE,
  CONTROL_PAUSE,
  CONTROL_PAUSE_AT,
  PAUSE_AT_BACKWARD,
  PAUSE_AT_STEP,
} from './workerProtocol';

interface Request {
  id: number;
  code: string;
  resolve(e: ConsoleEvent): void;
  reject(e: Error): void;
}

export class PauseControl {
  private readonly cells: Int32Array;
  private readonly threshold: Float64Array;
  private readonly slot: Uint8Array;
  private readonly encoder = new TextEncoder();
  private isPaused = false;
  private nextId = 1;
  /** Console requests not yet answered; the first one is in the slot when `sent`. */
  private queue: Request[] = [];
  private sent = false;

  constructor(control: SharedArrayBuffer) {
    this.cells = new Int32Array(control, 0, CONTROL_CELLS);
    this.threshold = new Float64Array(control, CONTROL_GRAD_NORM_OFFSET, 1);
    this.slot = new Uint8Array(control, CONTROL_CONSOLE_OFFSET, CONSOLE_SLOT_BYTES);
  }

  get paused(): boolean {
    return this.isPaused;
  }

  /** Before a run is posted to the worker. */
  begin(conditions: PauseConditions = NO_PAUSE_CONDITIONS): void {
    this.end();
    Atomics.store(this.cells, CONTROL_PAUSE, 0);
    this.setConditions(conditions);
  }

  /** The run ended: nothing is paused, unanswered requests fail. */
  end(): void {
    this.isPaused = false;
    const pending = this.queue;
    this.queue = [];
    this.sent = false;
    for (const r of pending) r.reject(new Error('the run ended before the console request was answered'));
  }

  setConditions(c: PauseConditions): void {
    const cells = this.cells;
    Atomics.store(cells, CONTROL_PAUSE_AT, c.pauseAt === 'step' ? PAUSE_AT_STEP : PAUSE_AT_BACKWARD);
    Atomics.store(cells, CONTROL_ON_NON_FINITE, c.nonFinite ? 1 : 0);
    Atomics.store(cells, CONTROL_AT_STEP, c.atStep !== null && c.atStep > 0 ? Math.min(Math.floor(c.atStep), 0x7fffffff) : 0);
    // The threshold first: the worker reads it only once the flag says it is set.
    this.threshold[0] = c.gradNormAbove ?? Infinity;
    Atomics.store(cells, CONTROL_ON_GRAD_NORM, c.gradNormAbove !== null && !Number.isNaN(c.gradNormAbove) ? 1 : 0);
  }

  pause(): void {
    Atomics.store(this.cells, CONTROL_PAUSE, 1);
  }

  resume(): void {
    if (!this.isPaused) return;
    this.command(CMD_CONTINUE);
  }

  step(): void {
    if (!this.isPaused) return;
    Atomics.store(this.cells, CONTROL_PAUSE, 1);
    this.command(CMD_CONTINUE);
  }

  /** Wakes a paused worker so that it sees the stop cell. */
  wake(): void {
    Atomics.notify(this.cells, CONTROL_COMMAND);
  }

  evaluate(code: string): Promise<ConsoleEvent> {
    if (!this.isPaused) return Promise.reject(new Error('the run is not paused'));
    const bytes = this.encoder.encode(code);
    if (bytes.length > CONSOLE_SLOT_BYTES) return Promise.reject(new Error(`console code over ${CONSOLE_SLOT_BYTES} bytes`));
    return new Promise<ConsoleEvent>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, code, resolve, reject });
      this.sendNext();
    });
  }

  /** Each event of the run passes here first: pause state and console answers. */
  observe(e: RunEvent): void {
    if (e.type === 'paused') {
      this.isPaused = true;
      this.sendNext();
    } else if (e.type === 'resumed') {
      this.isPaused = false;
      // A continue that came before the worker took the request replaced it: the request goes unanswered.
      if (this.sent) {
        this.sent = false;
        this.queue.shift()?.reject(new Error('the run went on before the console request was evaluated'));
      }
    }
    else if (e.type === 'console' && this.sent && this.queue[0]?.id === e.id) {
      const r = this.queue.shift()!;
      this.sent = false;
      r.resolve(e);
      this.sendNext();
    }
  }

  /** A RunControl for a run of this worker; `live` says whether that run still goes on. */
  controlFor(live: () => boolean): RunControl {
    const isPaused = (): boolean => this.isPaused;
    return {
      pause: () => {
        if (live()) this.pause();
      },
      step: () => {
        if (live()) this.step();
      },
      resume: () => {
        if (live()) this.resume();
      },
      setConditions: (c) => {
        if (live()) this.setConditions(c);
      },
      evaluate: (code) => (live() ? this.evaluate(code) : Promise.reject(new Error('the run has ended'))),
      get paused() {
        return live() && isPaused();
      },
    };
  }

  private sendNext(): void {
    if (this.sent || !this.isPaused || this.queue.length === 0) return;
    const r = this.queue[0];
    const bytes = this.encoder.encode(r.code);
    this.slot.set(bytes);
    Atomics.store(this.cells, CONTROL_CONSOLE_LENGTH, bytes.length);
    Atomics.store(this.cells, CONTROL_CONSOLE_ID, r.id);
    this.sent = true;
    this.command(CMD_EVALUATE);
  }

  private command(cmd: number): void {
    Atomics.store(this.cells, CONTROL_COMMAND, cmd);
    Atomics.notify(this.cells, CONTROL_COMMAND);
  }
}
