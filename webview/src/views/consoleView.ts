/**
 * The Console section: stdout and stderr as the script wrote them, updated line by line; below them the
 * debugger: a Python prompt that runs in the paused frame (enabled while paused), and the pause conditions.
 */
import type { PanelPauseConditions } from '../../../src/protocol/panel';
import type { Translate } from '../strings';
import { el } from './dom';
import type { ConsoleState, PanelState } from '../model/state';

export interface ConsoleActions {
  evaluate(code: string): void;
  setConditions(c: PanelPauseConditions): void;
}

const NO_CONDITIONS: PanelPauseConditions = { nonFinite: false, atStep: null, gradNormAbove: null };

export class ConsoleView {
  readonly root: HTMLElement;
  private readonly empty: HTMLElement;
  private readonly dropped: HTMLElement;
  private readonly pre: HTMLElement;
  /** Rendered line elements by line id, oldest first. */
  private rendered: Array<{ id: number; el: HTMLElement; text: string }> = [];
  private source: ConsoleState | null = null;

  private readonly input: HTMLTextAreaElement;
  private readonly nonFinite: HTMLInputElement;
  private readonly atStep: HTMLInputElement;
  private readonly gradNorm: HTMLInputElement;
  /** Codes sent from this prompt, newest last (ArrowUp / ArrowDown walk them). */
  private history: string[] = [];
  private historyAt = 0;

  constructor(
    private readonly t: Translate,
    private readonly actions: ConsoleActions,
  ) {
    this.root = el('div', 'section-body');
    this.empty = el('p', 'empty', t('console.empty'));
    this.dropped = el('div', 'muted console-dropped');
    this.pre = el('pre', 'console');
    this.pre.setAttribute('role', 'log');
    this.pre.tabIndex = 0;
    const prompt = el('div', 'console-prompt');
    const chevron = el('span', 'console-chevron', '>>>');
    chevron.setAttribute('aria-hidden', 'true');
    this.input = el('textarea', 'console-input');
    this.input.rows = 1;
    this.input.spellcheck = false;
    this.input.setAttribute('aria-label', t('console.prompt'));
    this.input.addEventListener('keydown', (e) => this.key(e));
    prompt.append(chevron, this.input);
    const conditions = el('fieldset', 'debug-conditions');
    conditions.append(el('legend', 'muted', t('debug.conditions')));
    this.nonFinite = el('input');
    this.nonFinite.type = 'checkbox';
    this.atStep = el('input', 'debug-number');
    this.atStep.type = 'number';
    this.atStep.min = '1';
    this.atStep.step = '1';
    this.gradNorm = el('input', 'debug-number');
    this.gradNorm.type = 'number';
    this.gradNorm.min = '0';
    this.gradNorm.step = 'any';
    const label = (text: string, input: HTMLInputElement, before: boolean): HTMLLabelElement => {
      const l = el('label', 'debug-condition');
      if (before) l.append(input, el('span', undefined, text));
      else l.append(el('span', undefined, text), input);
      input.addEventListener('change', () => this.conditionsChanged());
      return l;
    };
    conditions.append(label(t('debug.nonFinite'), this.nonFinite, true), label(t('debug.atStep'), this.atStep, false), label(t('debug.gradNorm'), this.gradNorm, false));
    this.root.append(this.empty, this.dropped, this.pre, prompt, conditions);
  }

  private key(e: KeyboardEvent): void {
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      const code = this.input.value;
      if (code.trim() === '' || this.input.disabled) return;
      this.history.push(code);
      this.historyAt = this.history.length;
      this.input.value = '';
      this.actions.evaluate(code);
    } else if ((e.key === 'ArrowUp' || e.key === 'ArrowDown') && !this.input.value.includes('\n')) {
      const at = this.historyAt + (e.key === 'ArrowUp' ? -1 : 1);
      if (at < 0 || at > this.history.length) return;
      e.preventDefault();
      this.historyAt = at;
      this.input.value = this.history[at] ?? '';
    }
  }

  private conditionsChanged(): void {
    const step = Number(this.atStep.value);
    const norm = Number(this.gradNorm.value);
    this.actions.setConditions({
      nonFinite: this.nonFinite.checked,
      atStep: this.atStep.value !== '' && Number.isInteger(step) && step >= 1 ? step : null,
      gradNormAbove: this.gradNorm.value !== '' && Number.isFinite(norm) && norm >= 0 ? norm : null,
    });
  }

  render(state: PanelState): void {
    const paused = state.paused !== null && state.status === 'running';
    this.input.disabled = !paused;
    this.input.placeholder = this.t(paused ? 'console.placeholderPaused' : 'console.placeholderRunning');
    const d = state.settings.debug ?? NO_CONDITIONS;
    // The user's half-typed number is theirs until they leave the field.
    if (document.activeElement !== this.atStep) this.atStep.value = d.atStep === null ? '' : String(d.atStep);
    if (document.activeElement !== this.gradNorm) this.gradNorm.value = d.gradNormAbove === null ? '' : String(d.gradNormAbove);
    this.nonFinite.checked = d.nonFinite;
    const c = state.console;
    this.empty.hidden = c.lines.length > 0;
    this.pre.hidden = c.lines.length === 0;
    this.dropped.hidden = c.dropped === 0;
    this.dropped.textContent = c.dropped ? this.t('console.dropped', c.dropped) : '';
    const atBottom = this.pre.scrollTop + this.pre.clientHeight >= this.pre.scrollHeight - 4;
    if (c !== this.source) {
      // A new run (or a restored state) brings a new console: start over.
      this.source = c;
      this.pre.replaceChildren();
      this.rendered = [];
    }
    const firstId = c.lines.length ? c.lines[0].id : Infinity;
    // Lines dropped from the state's front leave the DOM too.
    let drop = 0;
    while (drop < this.rendered.length && this.rendered[drop].id < firstId) this.rendered[drop++].el.remove();
    if (drop) this.rendered = this.rendered.slice(drop);
    // Only the last rendered line can still change (it may have been open); everything after it is new.
    const lastId = this.rendered.length ? this.rendered[this.rendered.length - 1].id : -1;
    let start = c.lines.length;
    while (start > 0 && c.lines[start - 1].id >= lastId) start--;
    const frag = document.createDocumentFragment();
    for (let i = start; i < c.lines.length; i++) {
      const line = c.lines[i];
      const last = this.rendered[this.rendered.length - 1];
      if (last && last.id === line.id) {
        if (last.text !== line.text) {
          last.el.textContent = line.text + '\n';
          last.text = line.text;
        }
        continue;
      }
      const span = el('span', line.stream === 'stderr' ? 'stderr' : 'stdout', line.text + '\n');
      frag.append(span);
      this.rendered.push({ id: line.id, el: span, text: line.text });
    }
    this.pre.append(frag);
    if (atBottom) this.pre.scrollTop = this.pre.scrollHeight;
  }
}
