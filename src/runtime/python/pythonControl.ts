/**
 * The debugger's controls for a run of the real-Python backend (RunControl in runner.ts): commands go to the
 * probe as JSON lines on a pipe of their own (src/probe/autograd_playground_probe/pause.py reads them), and
 * the probe's `paused`, `resumed` and `console` events say what became of them. The pipe keeps their order,
 * so console code sent before a continue is evaluated before the script runs on.
 */
import type { Writable } from 'node:stream';
import type { ConsoleEvent, PauseConditions, RunEvent } from '../../protocol/events';
import type { RunControl } from '../host/runner';

/** The commands pipe, as a descriptor number in the child (the events pipe is 3). */
export const COMMANDS_FD = 4;

interface Request {
  resolve(e: ConsoleEvent): void;
  reject(e: Error): void;
}

/** PauseConditions as the probe reads them: JSON has no Infinity, so a threshold of Infinity is 'inf'. */
export function conditionsJson(c: PauseConditions): Record<string, unknown> {
  const threshold = c.gradNormAbove;
  return {
    nonFinite: c.nonFinite,
    atStep: c.atStep !== null && c.atStep > 0 ? Math.floor(c.atStep) : null,
    gradNormAbove: threshold === null || Number.isNaN(threshold) ? null : Number.isFinite(threshold) ? threshold : threshold > 0 ? 'inf' : '-inf',
    pauseAt: c.pauseAt,
  };
}

export class ProbeControl implements RunControl {
  private isPaused = false;
  /** A continue or step went out and its `resumed` has not come back: nothing more goes to this pause. */
  private leaving = false;
  private ended = false;
  private nextId = 1;
  private readonly requests = new Map<number, Request>();

  constructor(private readonly pipe: Writable) {
    // The probe may end without reading what was sent last (a script that ends as Pause is pressed).
    pipe.on('error', () => undefined);
  }

  get paused(): boolean {
    return this.isPaused && !this.ended;
  }

  pause(): void {
    this.send({ cmd: 'pause' });
  }

  step(): void {
    this.leave('step');
  }

  resume(): void {
    this.leave('continue');
  }

  setConditions(c: PauseConditions): void {
    this.send({ cmd: 'conditions', ...conditionsJson(c) });
  }

  evaluate(code: string): Promise<ConsoleEvent> {
    if (this.ended) return Promise.reject(new Error('the run has ended'));
    if (!this.isPaused) return Promise.reject(new Error('the run is not paused'));
    if (this.leaving) return Promise.reject(new Error('the run is going on'));
    const id = this.nextId++;
    return new Promise<ConsoleEvent>((resolve, reject) => {
      this.requests.set(id, { resolve, reject });
      this.send({ cmd: 'evaluate', id, code });
    });
  }

  /** Each event of the run passes here first: pause state and console answers. */
  observe(e: RunEvent): void {
    if (e.type === 'paused') {
      this.isPaused = true;
      this.leaving = false;
    } else if (e.type === 'resumed') {
      this.isPaused = false;
      this.leaving = false;
      // The probe answers every request it read before a continue: one still waiting was never read.
      this.failAll('the run went on before the console request was evaluated');
    } else if (e.type === 'console') {
      const r = this.requests.get(e.id);
      if (r) {
        this.requests.delete(e.id);
        r.resolve(e);
      }
    }
  }

  /** The run ended: nothing is paused, unanswered requests fail, nothing more is sent. */
  end(): void {
    this.ended = true;
    this.isPaused = false;
    this.failAll('the run ended before the console request was answered');
    this.pipe.end();
  }

  private leave(cmd: 'step' | 'continue'): void {
    if (!this.paused || this.leaving) return;
    this.leaving = true;
    this.send({ cmd });
  }

  private failAll(why: string): void {
    const pending = [...this.requests.values()];
    this.requests.clear();
    for (const r of pending) r.reject(new Error(why));
  }

  private send(command: Record<string, unknown>): void {
    if (this.ended || this.pipe.destroyed || this.pipe.writableEnded) return;
    this.pipe.write(JSON.stringify(command) + '\n');
  }
}
