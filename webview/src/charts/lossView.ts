/** The Loss section: the root value of every backward() against its step, with the divergence marker. */
import type { Chart as ChartType, Plugin } from 'chart.js';
import type { Translate } from '../strings';
import { Chart, markersWhileFew } from './chartSetup';
import { el, scaleToggle } from '../views/dom';
import { displaySeries, toChartPoints } from '../model/series';
import { axisTickLabel, formatNumber } from '../model/format';
import type { PanelState } from '../model/state';
import type { PanelTheme } from '../views/theme';

type LossChart = ChartType<'line', Array<{ x: number; y: number | null }>>;

/** Points drawn per pixel of chart width (a min and a max per bucket). */
const BUCKETS_PER_PX = 1;

export class LossView {
  readonly root: HTMLElement;
  private readonly toggle: ReturnType<typeof scaleToggle>;
  private readonly note: HTMLElement;
  private readonly divergedNote: HTMLElement;
  private readonly empty: HTMLElement;
  private readonly box: HTMLElement;
  private readonly canvas: HTMLCanvasElement;
  private chart: LossChart | null = null;
  private diverged: { step: number; loss: number } | null = null;
  private log = false;

  constructor(
    private readonly t: Translate,
    private theme: PanelTheme,
    onScale: (log: boolean) => void,
  ) {
    this.root = el('div', 'section-body');
    const bar = el('div', 'toolbar');
    this.toggle = scaleToggle({ linear: t('scale.linear'), log: t('scale.log'), group: t('scale.label') }, onScale);
    this.note = el('span', 'muted');
    bar.append(this.toggle.root, this.note);
    this.divergedNote = el('div', 'diverged-note');
    this.divergedNote.hidden = true;
    this.empty = el('p', 'empty', t('loss.empty'));
    this.box = el('div', 'chart-box');
    this.canvas = el('canvas');
    this.canvas.setAttribute('role', 'img');
    this.canvas.setAttribute('aria-label', t('section.loss'));
    this.box.append(this.canvas);
    this.root.append(bar, this.divergedNote, this.empty, this.box);
  }

  /** A vertical dashed line at the first non-finite loss, labelled with the value (which cannot be plotted). */
  private divergedPlugin(): Plugin<'line'> {
    return {
      id: 'divergedMarker',
      afterDatasetsDraw: (chart) => {
        const d = this.diverged;
        const x = chart.scales.x;
        if (!d || !x) return;
        const px = x.getPixelForValue(d.step);
        const area = chart.chartArea;
        if (px < area.left - 1 || px > area.right + 1) return;
        const ctx = chart.ctx;
        ctx.save();
        ctx.strokeStyle = this.theme.error;
        ctx.fillStyle = this.theme.error;
        ctx.lineWidth = 1.5;
        ctx.setLineDash([4, 3]);
        ctx.beginPath();
        ctx.moveTo(px, area.top);
        ctx.lineTo(px, area.bottom);
        ctx.stroke();
        ctx.setLineDash([]);
        ctx.beginPath();
        ctx.moveTo(px - 6, area.top);
        ctx.lineTo(px + 6, area.top);
        ctx.lineTo(px, area.top + 9);
        ctx.closePath();
        ctx.fill();
        ctx.font = `${this.theme.fontSize}px ${this.theme.fontFamily}`;
        const label = this.t('loss.markerLabel', formatNumber(d.loss));
        const w = ctx.measureText(label).width;
        const right = px + 8 + w <= area.right;
        ctx.textAlign = right ? 'left' : 'right';
        ctx.textBaseline = 'top';
        ctx.fillText(label, right ? px + 8 : px - 8, area.top + 2);
        ctx.restore();
      },
    };
  }

  private create(): LossChart {
    const theme = this.theme;
    const font = { family: theme.fontFamily, size: theme.fontSize };
    return new Chart(this.canvas, {
      type: 'line',
      data: { datasets: [{ data: [], borderColor: theme.lossColor, backgroundColor: theme.lossColor, borderWidth: 1.5, pointRadius: markersWhileFew(2.5), tension: 0, spanGaps: false }] },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        // Points are already {x, y} sorted by step: skip chart.js's parsing and sorting work.
        parsing: false,
        normalized: true,
        interaction: { mode: 'nearest', axis: 'x', intersect: false },
        scales: {
          x: { type: 'linear', title: { display: true, text: this.t('loss.axisStep'), color: theme.foreground, font }, ticks: { color: theme.foreground, font, precision: 0, maxRotation: 0 }, grid: { color: theme.grid }, border: { color: theme.grid } },
          y: { type: this.log ? 'logarithmic' : 'linear', title: { display: true, text: this.t('loss.axisLoss'), color: theme.foreground, font }, ticks: { color: theme.foreground, font, callback: (v) => axisTickLabel(Number(v), this.log) }, grid: { color: theme.grid }, border: { color: theme.grid } },
        },
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { title: (items) => (items[0] ? `${this.t('loss.axisStep')} ${items[0].parsed.x}` : ''), label: (item) => formatNumber(item.parsed.y) } },
        },
      },
      plugins: [this.divergedPlugin()],
    });
  }

  setTheme(theme: PanelTheme): void {
    this.theme = theme;
    this.chart?.destroy();
    this.chart = null;
  }

  render(state: PanelState): void {
    const n = state.loss.x.length;
    this.log = state.ui.lossLog;
    this.toggle.set(this.log);
    this.empty.hidden = n > 0;
    this.box.hidden = n === 0;
    this.diverged = state.diverged ? { step: state.diverged.step, loss: state.diverged.loss } : null;
    this.divergedNote.hidden = !state.diverged;
    if (state.diverged) this.divergedNote.textContent = this.t('loss.diverged', state.diverged.step, formatNumber(state.diverged.loss), state.diverged.line);
    if (n === 0) {
      this.note.textContent = '';
      return;
    }
    if (!this.chart) this.chart = this.create();
    const chart = this.chart;
    const width = this.canvas.clientWidth || 600;
    const shown = displaySeries(state.loss, this.log, Math.max(100, Math.round(width * BUCKETS_PER_PX)));
    const points = toChartPoints(shown);
    const ds = chart.data.datasets[0];
    ds.data = points;
    const y = chart.options.scales?.y;
    if (y) y.type = this.log ? 'logarithmic' : 'linear';
    this.note.textContent = shown.x.length < n ? this.t('loss.downsampled', n, shown.x.length) : '';
    chart.update('none');
  }

  destroy(): void {
    this.chart?.destroy();
  }
}
