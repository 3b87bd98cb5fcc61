/**
 * The Gradients section (one line of gradient norm per leaf over the steps) and the Values and gradients
 * section (each leaf's current value and gradient as PyTorch prints them). The table has its own full-width
 * section because tensor prints are wide.
 */
import type { Chart as ChartType } from 'chart.js';
import type { Translate } from '../strings';
import { Chart, markersWhileFew } from './chartSetup';
import { el, scaleToggle } from '../views/dom';
import { displaySeries, toChartPoints } from '../model/series';
import { axisTickLabel, formatNumber, formatShape } from '../model/format';
import type { LeafTrack, PanelState } from '../model/state';
import type { PanelTheme } from '../views/theme';

type GradChart = ChartType<'line', Array<{ x: number; y: number | null }>>;

export function leafLabel(leaf: LeafTrack, t: Translate): string {
  return leaf.name ?? t('grad.unnamed', leaf.id);
}

export class GradView {
  readonly root: HTMLElement;
  private readonly toggle: ReturnType<typeof scaleToggle>;
  private readonly empty: HTMLElement;
  private readonly box: HTMLElement;
  private readonly canvas: HTMLCanvasElement;
  private chart: GradChart | null = null;
  private log = false;

  constructor(
    private readonly t: Translate,
    private theme: PanelTheme,
    onScale: (log: boolean) => void,
  ) {
    this.root = el('div', 'section-body');
    const bar = el('div', 'toolbar');
    this.toggle = scaleToggle({ linear: t('scale.linear'), log: t('scale.log'), group: t('scale.label') }, onScale);
    bar.append(this.toggle.root);
    this.empty = el('p', 'empty', t('grad.empty'));
    this.box = el('div', 'chart-box');
    this.canvas = el('canvas');
    this.canvas.setAttribute('role', 'img');
    this.canvas.setAttribute('aria-label', t('grad.axisNorm'));
    this.box.append(this.canvas);
    this.root.append(bar, this.empty, this.box);
  }

  private create(): GradChart {
    const theme = this.theme;
    const font = { family: theme.fontFamily, size: theme.fontSize };
    return new Chart(this.canvas, {
      type: 'line',
      data: { datasets: [] },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        parsing: false,
        normalized: true,
        interaction: { mode: 'nearest', axis: 'x', intersect: false },
        scales: {
          x: { type: 'linear', title: { display: true, text: this.t('loss.axisStep'), color: theme.foreground, font }, ticks: { color: theme.foreground, font, precision: 0, maxRotation: 0 }, grid: { color: theme.grid }, border: { color: theme.grid } },
          y: { type: 'linear', title: { display: true, text: this.t('grad.axisNorm'), color: theme.foreground, font }, ticks: { color: theme.foreground, font, callback: (v) => axisTickLabel(Number(v), this.log) }, grid: { color: theme.grid }, border: { color: theme.grid } },
        },
        plugins: {
          legend: { display: true, position: 'bottom', labels: { color: theme.foreground, font, usePointStyle: true, pointStyle: 'line' } },
          tooltip: { callbacks: { label: (item) => `${item.dataset.label ?? ''}: ${formatNumber(item.parsed.y)}` } },
        },
      },
    });
  }

  setTheme(theme: PanelTheme): void {
    this.theme = theme;
    this.chart?.destroy();
    this.chart = null;
  }

  render(state: PanelState): void {
    const leaves = state.leaves;
    const log = state.ui.gradLog;
    this.log = log;
    this.toggle.set(log);
    this.empty.hidden = leaves.length > 0;
    this.box.hidden = leaves.length === 0;
    if (leaves.length === 0) return;
    if (!this.chart) this.chart = this.create();
    const chart = this.chart;
    const width = this.canvas.clientWidth || 600;
    const datasets = chart.data.datasets;
    // Datasets are updated in place, so a leaf the user hid by clicking its legend entry stays hidden.
    if (datasets.length > leaves.length) datasets.length = leaves.length;
    leaves.forEach((leaf, i) => {
      const points = toChartPoints(displaySeries(leaf.norms, log, Math.max(100, width)));
      const label = leafLabel(leaf, this.t);
      const ds = datasets[i];
      if (ds && ds.label === label) {
        ds.data = points;
        return;
      }
      const color = this.theme.palette[i % this.theme.palette.length];
      datasets[i] = { label, data: points, borderColor: color, backgroundColor: color, borderWidth: 1.5, pointRadius: markersWhileFew(2), tension: 0, spanGaps: false };
    });
    const y = chart.options.scales?.y;
    if (y) y.type = log ? 'logarithmic' : 'linear';
    chart.update('none');
  }

  destroy(): void {
    this.chart?.destroy();
  }
}

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
