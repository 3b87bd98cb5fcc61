/**
 * The Variables section: the script's tensors, modules and optimizers by scope (globals, then each function
 * whose locals were read), a module opening into its parameters, each row's shape, dtype, value and gradient
 * norm. It follows the latest variables event: a backward() capture while the run goes, the end at the end.
 * Its columns are fitted to the section's width (model/fit.ts); the norm column's header sorts.
 */
import { groupVariables, scopeTitle, variablesAt, type VariableGroup, type VariableRow } from '../../../src/protocol/variableTree';
import { fitVariableColumns, type VariableColumn } from '../model/fit';
import { formatNumber, formatShape, summaryLine } from '../model/format';
import type { PanelState } from '../model/state';
import type { StringId, Translate } from '../strings';
import { button, el } from './dom';

const COLUMN_TITLES: Record<VariableColumn, StringId> = {
  name: 'vars.colName',
  shape: 'grad.colShape',
  dtype: 'vars.colDtype',
  value: 'grad.colValue',
  grad: 'vars.colGrad',
};

export interface VariablesActions {
  sort(by: 'name' | 'grad'): void;
  toggle(key: string): void;
}

export class VariablesView {
  readonly root: HTMLElement;
  private readonly empty: HTMLElement;
  private readonly caption: HTMLElement;
  private readonly table: HTMLTableElement;
  private readonly colgroup: HTMLTableColElement;
  private readonly head: HTMLTableSectionElement;
  private readonly body: HTMLTableSectionElement;
  private readonly truncated: HTMLElement;
  private width = 0;
  private last: PanelState | null = null;

  constructor(
    private readonly t: Translate,
    private readonly actions: VariablesActions,
  ) {
    this.root = el('div', 'section-body variables');
    this.empty = el('p', 'empty', t('vars.empty'));
    this.caption = el('p', 'muted vars-caption');
    this.table = el('table', 'vars-table');
    this.colgroup = el('colgroup');
    this.head = el('thead');
    this.body = el('tbody');
    this.table.append(this.colgroup, this.head, this.body);
    this.truncated = el('p', 'muted');
    this.root.append(this.empty, this.caption, this.table, this.truncated);
    // The columns follow the section's width: fewer and narrower ones in a narrow panel, never a sideways scroll.
    new ResizeObserver(() => {
      const w = this.root.clientWidth;
      if (w > 0 && Math.abs(w - this.width) >= 1 && this.last) this.render(this.last);
    }).observe(this.root);
  }

  render(state: PanelState): void {
    this.last = state;
    const e = state.variables;
    this.empty.hidden = e !== null;
    this.caption.hidden = this.table.hidden = this.truncated.hidden = e === null;
    if (!e) return;
    this.caption.textContent = variablesAt(e) === 'end' ? this.t('vars.atEnd') : this.t('vars.atBackward', e.step ?? '?');
    this.truncated.hidden = e.truncated === 0;
    this.truncated.textContent = this.t('vars.truncated', e.truncated);
    // The padding of the section is not the table's to use.
    const style = getComputedStyle(this.root);
    this.width = this.root.clientWidth;
    const inner = this.width - parseFloat(style.paddingLeft || '0') - parseFloat(style.paddingRight || '0');
    const columns = fitVariableColumns(inner > 0 ? inner : 400);
    this.renderHead(columns.map((c) => c.id), state.ui.varSort);
    this.colgroup.replaceChildren(
      ...columns.map((c) => {
        const col = el('col');
        col.style.width = `${c.width}px`;
        return col;
      }),
    );
    const ids = columns.map((c) => c.id);
    const expanded = new Set(state.ui.varExpanded);
    const rows: HTMLTableRowElement[] = [];
    for (const group of groupVariables(e, state.ui.varSort)) {
      rows.push(this.groupRow(group, ids.length));
      for (const row of group.rows) {
        rows.push(this.row(row, ids, expanded.has(row.key), 0));
        if (row.children.length && expanded.has(row.key)) for (const child of row.children) rows.push(this.row(child, ids, false, 1));
      }
    }
    this.body.replaceChildren(...rows);
  }

  private renderHead(ids: VariableColumn[], sort: 'name' | 'grad'): void {
    const tr = el('tr');
    for (const id of ids) {
      const th = el('th', `col-${id}`);
      if (id === 'grad') {
        // The norm's header is the sort switch: largest gradient first, or back to the script's order.
        const sorted = sort === 'grad';
        const b = button(`${this.t(COLUMN_TITLES[id])}${sorted ? ' ▼' : ''}`, 'link-button sort-grad', () => this.actions.sort(sorted ? 'name' : 'grad'));
        b.title = sorted ? this.t('vars.sortByName') : this.t('vars.sortByGrad');
        b.setAttribute('aria-pressed', String(sorted));
        th.setAttribute('aria-sort', sorted ? 'descending' : 'none');
        th.append(b);
      } else {
        th.textContent = this.t(COLUMN_TITLES[id]);
      }
      tr.append(th);
    }
    this.head.replaceChildren(tr);
  }

  private groupRow(group: VariableGroup, span: number): HTMLTableRowElement {
    const tr = el('tr', 'vars-group');
    const th = el('th');
    th.colSpan = span;
    th.scope = 'rowgroup';
    if (group.scope === null) {
      th.textContent = this.t('vars.globals');
    } else {
      th.append(el('span', 'mono', scopeTitle(group.scope)), el('span', 'muted', ` · ${this.t('graph.line', group.scope.line)}`));
      if (group.scope.raised) th.append(el('span', 'vars-raised', ` · ${this.t('vars.raised')}`));
    }
    tr.append(th);
    return tr;
  }

  private row(row: VariableRow, ids: VariableColumn[], open: boolean, depth: number): HTMLTableRowElement {
    const tr = el('tr', depth ? 'vars-child' : undefined);
    tr.title = this.tooltip(row);
    for (const id of ids) tr.append(this.cell(row, id, open, !ids.includes('shape')));
    return tr;
  }

  /** `shapeUnderName`: the shape column was given up to the width, so the name cell carries shape and dtype. */
  private cell(row: VariableRow, id: VariableColumn, open: boolean, shapeUnderName: boolean): HTMLTableCellElement {
    const td = el('td', `col-${id}`);
    switch (id) {
      case 'name':
        if (row.children.length) {
          const b = button(`${open ? '▾' : '▸'} ${row.label}`, 'link-button vars-toggle mono', () => this.actions.toggle(row.key));
          b.setAttribute('aria-expanded', String(open));
          td.append(b);
        } else {
          td.append(el('span', 'mono vars-name', row.label));
        }
        if (row.aliasOf) td.append(el('span', 'muted vars-alias', ` ${this.t('vars.aliasOf', row.aliasOf)}`));
        if (shapeUnderName && row.shape) {
          const meta = el('div', 'muted mono vars-meta');
          meta.append(el('span', 'vars-shape', formatShape(row.shape, this.t)));
          if (row.dtype) meta.append(` ${row.dtype}`);
          td.append(meta);
        }
        return td;
      case 'shape':
        td.className += ' mono';
        td.textContent = row.shape ? formatShape(row.shape, this.t) : '';
        return td;
      case 'dtype':
        td.className += ' mono';
        td.textContent = row.dtype ?? '';
        return td;
      case 'value':
        td.textContent = this.valueText(row);
        if (row.kind === 'tensor') td.className += ' mono';
        return td;
      case 'grad':
        td.className += ' mono num';
        td.textContent = row.gradNorm === null ? (row.kind === 'optimizer' ? '' : '–') : formatNumber(row.gradNorm);
        return td;
    }
  }

  private valueText(row: VariableRow): string {
    if (row.kind === 'module' && row.object) return this.t('vars.module', row.object.className, row.object.parameterCount);
    if (row.kind === 'optimizer' && row.object) {
      const step = row.object.step;
      // Only optimizers with per-parameter state (Adam's `step`) count steps; SGD has none to show.
      return step === null || step === undefined ? row.object.className : this.t('vars.optimizer', row.object.className, step);
    }
    return row.value ? summaryLine(row.value) : '–';
  }

  /** The whole row in a tooltip: what a narrow panel leaves out (dtype, shape) and the full prints. */
  private tooltip(row: VariableRow): string {
    const parts = [row.name];
    if (row.shape) parts.push(`${formatShape(row.shape, this.t)}${row.dtype ? ` ${row.dtype}` : ''}${row.gradFn ? ` · ${row.gradFn}` : ''}`);
    if (row.value?.text) parts.push(row.value.text);
    if (row.grad?.text) parts.push(`grad: ${row.grad.text}`);
    else if (row.kind === 'tensor' && row.gradNorm === null && row.requiresGrad) parts.push(this.t('vars.noGrad'));
    return parts.join('\n');
  }
}
