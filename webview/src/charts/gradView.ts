/** The Gradients section: one line of gradient norm per leaf over the steps. */
import { formatNumber, leafLabel } from '../model/format';
import { displaySeries, toChartPoints } from '../model/series';
import type { PanelState } from '../model/state';
import type { Translate } from '../strings';
import type { PanelTheme } from '../views/theme';
import type { ChartSeries } from '../model/exportData';
import type { SaveExport } from './chartExport';
import { ChartSection, type LineChart } from './chartSection';
import { Chart, markersWhileFew } from './chartSetup';

export class GradView extends ChartSection {
  private series: ChartSeries[] = [];

  constructor(t: Translate, theme: PanelTheme, onScale: (log: boolean) => void, save: SaveExport) {
    super(t, theme, { empty: t('grad.empty'), canvasLabel: t('grad.axisNorm'), yAxis: t('grad.axisNorm'), exportName: t('export.gradChart'), fileName: 'gradients' }, onScale, save);
  }

  /** One series per parameter, all of them (also those hidden through the legend). */
  protected exportSeries(): ChartSeries[] {
    return this.series;
  }

  protected get exportLegend(): boolean {
    return true;
  }

  protected create(): LineChart {
    const theme = this.theme;
    const font = { family: theme.fontFamily, size: theme.fontSize };
    return new Chart(this.canvas, {
      type: 'line',
      data: { datasets: [] },
      options: {
        ...this.lineOptions(),
        plugins: {
          legend: { display: true, position: 'bottom', labels: { color: theme.foreground, font, usePointStyle: true, pointStyle: 'line' } },
          tooltip: { callbacks: { label: (item) => `${item.dataset.label ?? ''}: ${formatNumber(item.parsed.y)}` } },
        },
      },
    });
  }

  render(state: PanelState): void {
    const leaves = state.leaves;
    this.series = leaves.map((leaf) => ({ label: leafLabel(leaf, this.t), series: leaf.norms }));
    const chart = this.prepare(state.ui.gradLog, leaves.length > 0);
    if (!chart) return;
    const log = this.log;
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
    this.draw(chart);
  }
}
