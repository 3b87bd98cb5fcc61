/**
 * The worker's side of the debugger (the main thread's is RunControl in runner.ts). After each backward() the
 * binding asks check() whether to pause; the answer comes from shared cells the main thread writes, so a run
 * nobody pauses costs no crossing and no message. A paused script sleeps in wait() on Atomics.wait: the thread
 * cannot take postMessage while Python is on its stack, so the main thread's commands, the console's code
 * included, arrive through the same shared buffer.
 */
import type { PauseReason } from '../../protocol/events';
import { PAUSE_AFTER_STEP, PAUSE_NONE, PAUSE_NOW, type StepProbe } from '../bridge/autograd';
import {
  CMD_CONTINUE,
  CMD_EVALUATE,
  CMD_WAIT,
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
  CONTROL_STOP,
  PAUSE_AT_STEP,
} from './workerProtocol';

/** wait()'s answers besides a console request's id (which is positive). */
export const PAUSE_CONTINUE = -1;
export const PAUSE_STOP = -2;

export class PausePoint {
  private readonly cells: Int32Array;
  private readonly threshold: Float64Array;
  private readonly slot: Uint8Array;
  private readonly decoder = new TextDecoder('utf-8');
  /** Why the pause check said yes last; the `paused` event carries it. */
  reason: PauseReason = 'request';
  /** The code of the console request wait() returned last. */
  code = '';

  constructor(control: SharedArrayBuffer) {
    this.cells = new Int32Array(control, 0, CONTROL_CELLS);
    this.threshold = new Float64Array(control, CONTROL_GRAD_NORM_OFFSET, 1);
    this.slot = new Uint8Array(control, CONTROL_CONSOLE_OFFSET, CONSOLE_SLOT_BYTES);
  }

  /** At a run's start: no command is pending (the runner wrote the run's pause cells before starting it). */
  reset(): void {
    Atomics.store(this.cells, CONTROL_COMMAND, CMD_WAIT);
    this.reason = 'request';
    this.code = '';
  }

  /** After backward() number `step`: PAUSE_NONE, PAUSE_NOW or PAUSE_AFTER_STEP (see autograd.ts). */
  check(step: number, probe: StepProbe): number {
    const c = this.cells;
    let reason: PauseReason | null = null;
    if (Atomics.exchange(c, CONTROL_PAUSE, 0) !== 0) reason = 'request';
    else if (c[CONTROL_AT_STEP] > 0 && step === c[CONTROL_AT_STEP]) reason = 'atStep';
    else if (c[CONTROL_ON_NON_FINITE] !== 0 && isNonFinite(probe.loss())) reason = 'nonFinite';
    else if (c[CONTROL_ON_GRAD_NORM] !== 0 && !(probe.maxGradNorm() <= this.threshold[0])) reason = 'gradNorm';
    if (reason === null) return PAUSE_NONE;
    this.reason = reason;
    return Atomics.load(c, CONTROL_PAUSE_AT) === PAUSE_AT_STEP ? PAUSE_AFTER_STEP : PAUSE_NOW;
  }

  /** Sleeps (no CPU) until continued, stopped, or given code to evaluate; returns PAUSE_* or the request's id. */
  wait(): number {
    const c = this.cells;
    for (;;) {
      if (Atomics.load(c, CONTROL_STOP) !== 0) return PAUSE_STOP;
      const command = Atomics.load(c, CONTROL_COMMAND);
      if (command === CMD_CONTINUE) {
        Atomics.store(c, CONTROL_COMMAND, CMD_WAIT);
        return PAUSE_CONTINUE;
      }
      if (command === CMD_EVALUATE) {
        const length = Math.min(Atomics.load(c, CONTROL_CONSOLE_LENGTH), CONSOLE_SLOT_BYTES);
        // TextDecoder refuses views of shared memory: copy the bytes out first.
        this.code = this.decoder.decode(this.slot.slice(0, length));
        const id = Atomics.load(c, CONTROL_CONSOLE_ID);
        Atomics.store(c, CONTROL_COMMAND, CMD_WAIT);
        return id;
      }
      Atomics.wait(c, CONTROL_COMMAND, command);
    }
  }
}

function isNonFinite(loss: number | null): boolean {
  return loss !== null && !Number.isFinite(loss);
}
