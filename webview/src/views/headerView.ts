/**
 * The header: which script, what runs it, its state, step count, elapsed time, and the buttons: the debugger's
 * Pause, Step and Continue, Stop, Run again.
 */
import type { Translate } from '../strings';
import { button, el } from './dom';
import { backendLabel, baseName, formatElapsed } from '../model/format';
import { elapsedMs, headerStatus, type PanelState } from '../model/state';

export class HeaderView {
  readonly root: HTMLElement;
  private readonly name: HTMLElement;
  private readonly backend: HTMLElement;
  private readonly status: HTMLElement;
  private readonly step: HTMLElement;
  private readonly elapsed: HTMLElement;
  private readonly error: HTMLButtonElement;
  private errorLine: number | null = null;
  private readonly stop: HTMLButtonElement;
  private readonly again: HTMLButtonElement;
  private readonly pause: HTMLButtonElement;
  private readonly step1: HTMLButtonElement;
  private readonly resume: HTMLButtonElement;
  private readonly noRun: HTMLElement;

  constructor(
    private readonly t: Translate,
    actions: { stop: () => void; runAgain: () => void; revealLine: (line: number) => void; debug: (action: 'pause' | 'step' | 'continue') => void },
  ) {
    this.root = el('header', 'run-header');
    const info = el('div', 'run-info');
    this.name = el('span', 'run-name');
    this.backend = el('span', 'run-backend');
    this.status = el('span', 'run-status');
    this.status.setAttribute('role', 'status');
    this.step = el('span', 'run-step');
    this.elapsed = el('span', 'run-elapsed');
    this.noRun = el('span', 'muted', t('header.noRun'));
    info.append(this.name, this.backend, this.status, this.step, this.elapsed, this.noRun);
    const buttons = el('div', 'run-actions');
    this.stop = button(t('header.stop'), 'secondary', actions.stop);
    this.again = button(t('header.runAgain'), 'primary', actions.runAgain);
    this.pause = button(t('header.pause'), 'secondary debug-pause', () => actions.debug('pause'));
    this.step1 = button(t('header.step1'), 'secondary debug-step', () => actions.debug('step'));
    this.resume = button(t('header.continue'), 'primary debug-continue', () => actions.debug('continue'));
    buttons.append(this.pause, this.resume, this.step1, this.stop, this.again);
    // The error names a line of the script; clicking it goes there, like a traceback link.
    this.error = el('button', 'run-error');
    this.error.type = 'button';
    this.error.addEventListener('click', () => {
      if (this.errorLine !== null) actions.revealLine(this.errorLine);
    });
    this.root.append(info, buttons, this.error);
  }

  render(state: PanelState, now: number): void {
    const hasRun = state.run !== null || state.file !== null;
    this.noRun.hidden = hasRun;
    this.name.hidden = this.backend.hidden = this.status.hidden = this.step.hidden = this.elapsed.hidden = !hasRun;
    const file = state.file ?? state.run?.file ?? '';
    this.name.textContent = state.run?.label || baseName(file);
    this.name.title = file;
    const backend = backendLabel(state.backend, this.t);
    this.backend.textContent = backend.text;
    this.backend.title = backend.title;
    const status = headerStatus(state);
    this.status.textContent =
      status === 'diverged' ? this.t('status.diverged', state.diverged!.step) : status === 'paused' ? this.t('status.paused', state.paused!.step) : this.t(`status.${status}`);
    this.status.className = `run-status status-${status}`;
    const paused = state.paused;
    this.status.title = paused && paused.line !== null ? this.t('header.pausedAt', paused.line, paused.at === 'step' ? 'optimizer.step()' : 'backward()') : '';
    this.step.textContent = this.t('header.step', state.steps);
    const ms = elapsedMs(state, now);
    this.elapsed.textContent = ms === null ? '' : formatElapsed(ms);
    this.stop.disabled = !(hasRun && state.status === 'running');
    this.again.disabled = !hasRun;
    const running = hasRun && state.status === 'running';
    this.pause.hidden = !running || paused !== null;
    this.resume.hidden = this.step1.hidden = !running || paused === null;
    const err = state.error;
    this.error.hidden = !err;
    this.errorLine = err?.line ?? null;
    this.error.disabled = this.errorLine === null;
    if (err) {
      const what = `${err.errorType}: ${err.message}`;
      this.error.textContent = err.line !== null ? this.t('header.errorAt', what, err.line) : what;
    }
  }
}
