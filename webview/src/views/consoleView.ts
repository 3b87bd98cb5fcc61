/** The Console section: stdout and stderr as the script wrote them, updated line by line. */
import type { Translate } from '../strings';
import { el } from './dom';
import type { ConsoleState, PanelState } from '../model/state';

export class ConsoleView {
  readonly root: HTMLElement;
  private readonly empty: HTMLElement;
  private readonly dropped: HTMLElement;
  private readonly pre: HTMLElement;
  /** Rendered line elements by line id, oldest first. */
  private rendered: Array<{ id: number; el: HTMLElement; text: string }> = [];
  private source: ConsoleState | null = null;

  constructor(private readonly t: Translate) {
    this.root = el('div', 'section-body');
    this.empty = el('p', 'empty', t('console.empty'));
    this.dropped = el('div', 'muted console-dropped');
    this.pre = el('pre', 'console');
    this.pre.setAttribute('role', 'log');
    this.pre.tabIndex = 0;
    this.root.append(this.empty, this.dropped, this.pre);
  }

  render(state: PanelState): void {
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
