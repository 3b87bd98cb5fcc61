/**
 * The Values and gradients section: each leaf's current value and gradient as PyTorch prints them. It has
 * its own full-width section because tensor prints are wide.
 */
import { formatNumber, formatShape, leafLabel } from '../model/format';
import type { PanelState } from '../model/state';
import type { Translate } from '../strings';
import { el } from './dom';

export class LeafTableView {
  readonly root: HTMLElement;
  private readonly empty: HTMLElement;
  private readonly table: HTMLTableElement;
  private readonly tbody: HTMLTableSectionElement;

  constructor(private readonly t: Translate) {
    this.root = el('div', 'section-body');
    this.empty = el('p', 'empty', t('grad.tableEmpty'));
    this.table = el('table', 'leaf-table');
    const head = el('thead');
    const hr = el('tr');
    for (const id of ['grad.colName', 'grad.colShape', 'grad.colValue', 'grad.colGrad', 'grad.colNorm'] as const) hr.append(el('th', undefined, t(id)));
    head.append(hr);
    this.tbody = el('tbody');
    this.table.append(head, this.tbody);
    const scroller = el('div', 'table-scroll');
    scroller.append(this.table);
    this.root.append(this.empty, scroller);
  }

  render(state: PanelState): void {
    const leaves = state.leaves;
    this.empty.hidden = leaves.length > 0;
    this.table.hidden = leaves.length === 0;
    const rows: HTMLTableRowElement[] = leaves.map((leaf) => {
      const tr = el('tr');
      tr.append(el('td', 'leaf-name', leafLabel(leaf, this.t)));
      tr.append(el('td', 'mono leaf-shape', formatShape(leaf.shape, this.t)));
      const value = el('td');
      value.append(el('pre', 'tensor', leaf.value?.text ?? '–'));
      const grad = el('td');
      grad.append(el('pre', 'tensor', leaf.grad?.text ?? this.t('grad.none')));
      tr.append(value, grad, el('td', 'mono num', leaf.grad ? formatNumber(leaf.grad.norm) : '–'));
      return tr;
    });
    this.tbody.replaceChildren(...rows);
  }
}
