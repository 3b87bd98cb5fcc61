/**
 * The Values and gradients section: each leaf's value and gradient as PyTorch prints them, at the end of the
 * run (by default: what the script prints and the hovers show) or at the last backward(), which the caption
 * names. It fits the section's width: value and gradient side by side when there is room, else stacked under
 * each leaf's name (model/fit.ts), and the prints wrap instead of scrolling sideways.
 */
import { leafTableLayout } from '../model/fit';
import { formatNumber, formatShape, leafLabel } from '../model/format';
import { leafTable, showingEarlierStep, type PanelState } from '../model/state';
import type { Translate } from '../strings';
import { el, scaleToggle } from './dom';

export class LeafTableView {
  readonly root: HTMLElement;
  private readonly empty: HTMLElement;
  private readonly toolbar: HTMLElement;
  private readonly caption: HTMLElement;
  private readonly choice: { root: HTMLElement; set: (backward: boolean) => void };
  private readonly table: HTMLTableElement;
  private readonly tbody: HTMLTableSectionElement;

  constructor(
    private readonly t: Translate,
    onChoice: (at: 'end' | 'backward') => void,
  ) {
    this.root = el('div', 'section-body');
    this.empty = el('p', 'empty', t('grad.tableEmpty'));
    this.toolbar = el('div', 'toolbar');
    this.caption = el('span', 'muted leaf-caption');
    // The segmented pair the charts use for Linear / Log: here End of run / At last backward().
    this.choice = scaleToggle({ linear: t('leaves.showEnd'), log: t('leaves.showBackward'), group: t('leaves.stateLabel') }, (backward) => onChoice(backward ? 'backward' : 'end'));
    this.toolbar.append(this.choice.root, this.caption);
    this.table = el('table', 'leaf-table');
    const head = el('thead');
    const hr = el('tr');
    for (const id of ['grad.colName', 'grad.colShape', 'grad.colValue', 'grad.colGrad', 'grad.colNorm'] as const) hr.append(el('th', undefined, t(id)));
    head.append(hr);
    this.tbody = el('tbody');
    this.table.append(head, this.tbody);
    this.root.append(this.empty, this.toolbar, this.table);
    new ResizeObserver(() => this.fit()).observe(this.root);
  }

  /** Columns or stacked rows, by the width the section has now. */
  private fit(): void {
    const w = this.root.clientWidth;
    if (w <= 0) return;
    const layout = leafTableLayout(w);
    this.table.classList.toggle('stacked', layout === 'stacked');
  }

  render(state: PanelState): void {
    const shown = leafTable(state);
    const none = shown.rows.length === 0;
    this.empty.hidden = !none;
    this.table.hidden = this.toolbar.hidden = none;
    // An earlier step on the step slider is shown as at its backward().
    this.choice.set(state.ui.leafState === 'backward' || showingEarlierStep(state));
    const step = shown.step ?? '–';
    this.caption.textContent = shown.at === 'end' ? this.t('leaves.atEnd') : shown.endPending ? this.t('leaves.endPending', step) : this.t('leaves.atBackward', step);
    const rows: HTMLTableRowElement[] = shown.rows.map(({ track, value, grad }) => {
      const tr = el('tr');
      tr.append(el('td', 'leaf-name', leafLabel(track, this.t)));
      tr.append(el('td', 'mono leaf-shape', formatShape(track.shape, this.t)));
      const missing = shown.at === 'end' && value === null;
      const valueCell = el('td', 'leaf-value');
      // Stacked rows have no header line: each print says what it is (CSS ::before).
      valueCell.dataset.label = this.t('grad.colValue');
      valueCell.append(el('pre', 'tensor', value?.text ?? '–'));
      if (missing) valueCell.title = this.t('leaves.notAtEnd');
      const gradCell = el('td', 'leaf-grad');
      gradCell.dataset.label = this.t('grad.colGrad');
      gradCell.append(el('pre', 'tensor', grad?.text ?? (missing ? '–' : this.t('grad.none'))));
      const norm = el('td', 'mono num leaf-norm', grad ? formatNumber(grad.norm) : '–');
      norm.dataset.label = this.t('grad.colNorm');
      tr.append(valueCell, gradCell, norm);
      return tr;
    });
    this.tbody.replaceChildren(...rows);
    this.fit();
  }
}
