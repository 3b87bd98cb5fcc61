/** The Loss section: the root value of every backward() against its step, with the divergence marker. */
import type { Plugin } from 'chart.js';
import { formatNumber } from '../model/format';
import { displaySeries, toChartPoints } from '../model/series';
import { lossIsLog, type PanelState } from '../model/state';
import type { Translate } from '../strings';
import { el } from '../views/dom';
import type { PanelTheme } from '../views/theme';
import type { ChartSeries } from '../model/exportData';
import type { SaveExport } from './chartExport';
import { ChartSection, type LineChart } from './chartSection';
import { Chart, markersWhileFew } from './chartSetup';

/** Points drawn per pixel of chart width (a min and a max per bucket). */
const BUCKETS_PER_PX = 1;

export class LossView extends ChartSection {
  private readonly note: HTMLElement;
  private readonly divergedNote: HTMLElement;
  private diverged: { step: number; loss: number } | null = null;
  private series: ChartSeries[] = [];

  constructor(t: Translate, theme: PanelTheme, onScale: (log: boolean) => void, save: SaveExport) {
    const divergedNote = el('div', 'diverged-note');
    divergedNote.hidden = true;
    super(t, theme, { empty: t('loss.empty'), canvasLabel: t('section.loss'), yAxis: t('loss.axisLoss'), exportName: t('export.lossChart'), fileName: 'loss' }, onScale, save, [divergedNote]);
    this.divergedNote = divergedNote;
    this.note = el('span', 'muted');
    this.bar.append(this.note);
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

  protected exportSeries(): ChartSeries[] {
    return this.series;
  }

  protected get exportLegend(): boolean {
    return this.series.length > 1;
  }

  protected create(): LineChart {
    const theme = this.theme;
    return new Chart(this.canvas, {
      type: 'line',
      data: { datasets: [{ data: [], borderColor: theme.lossColor, backgroundColor: theme.lossColor, borderWidth: 1.5, pointRadius: markersWhileFew(2.5), tension: 0, spanGaps: false }] },
      options: {
        ...this.lineOptions(),
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { title: (items) => (items[0] ? `${this.t('loss.axisStep')} ${items[0].parsed.x}` : ''), label: (item) => formatNumber(item.parsed.y) } },
        },
      },
      plugins: [this.divergedPlugin()],
    });
  }

  render(state: PanelState): void {
    const n = state.loss.x.length;
    // The CSV's column is named in English, like the step column: the file is data for pandas or a spreadsheet.
    this.series = n > 0 ? [{ label: 'loss', series: state.loss }] : [];
    this.diverged = state.diverged ? { step: state.diverged.step, loss: state.diverged.loss } : null;
    this.divergedNote.hidden = !state.diverged;
    if (state.diverged) this.divergedNote.textContent = this.t('loss.diverged', state.diverged.step, formatNumber(state.diverged.loss), state.diverged.line);
    const chart = this.prepare(lossIsLog(state), n > 0);
    if (!chart) {
      this.note.textContent = '';
      return;
    }
    const width = this.canvas.clientWidth || 600;
    const shown = displaySeries(state.loss, this.log, Math.max(100, Math.round(width * BUCKETS_PER_PX)));
    chart.data.datasets[0].data = toChartPoints(shown);
    this.note.textContent = shown.x.length < n ? this.t('loss.downsampled', n, shown.x.length) : '';
    this.draw(chart);
  }
}
