/** A tick once a second while anything runs, for what shows elapsed time or live values; it stops itself when all runs have ended. */
import * as vscode from 'vscode';
import type { RunManager } from '../runs/runManager';

export class RunClock implements vscode.Disposable {
  private readonly ticked = new vscode.EventEmitter<void>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private readonly subscription: { dispose(): void };
  readonly onTick = this.ticked.event;

  constructor(private readonly runs: RunManager) {
    this.subscription = runs.listen({ started: () => this.start() });
  }

  private start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      this.ticked.fire();
      if (!this.runs.anyRunning && this.timer) {
        clearInterval(this.timer);
        this.timer = null;
      }
    }, 1000);
  }

  dispose(): void {
    if (this.timer) clearInterval(this.timer);
    this.subscription.dispose();
    this.ticked.dispose();
  }
}
