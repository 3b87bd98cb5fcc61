/**
 * What the Loss and Gradients sections have in common: a toolbar with the Linear / Log toggle, an empty note
 * until there is data, and one chart.js line chart of values by step whose y axis follows the toggle. A
 * subclass adds its datasets and plugins (create) and fills the chart (render).
 */
import type { Chart as ChartType, ChartOptions } from 'chart.js';
import { renderFigureSvg } from '../../../src/figures/svg';
import { chartFigure, seriesCsv, type ChartSeries } from '../model/exportData';
import { axisTickLabel } from '../model/format';
import type { Translate } from '../strings';
import { el, scaleToggle } from '../views/dom';
import type { PanelTheme } from '../views/theme';
import { canvasPng, exportButtons, type ExportButtons, type SaveExport } from './chartExport';

export type LineChart = ChartType<'line', Array<{ x: number; y: number | null }>>;

export interface ChartSectionTexts {
  /** Shown instead of the chart while there is nothing to draw. */
  empty: string;
  /** The canvas's accessible name. */
  canvasLabel: string;
  /** Title of the y axis. */
  yAxis: string;
  /** The chart as the export buttons name it ("the loss chart"). */
  exportName: string;
  /** The chart's part of an exported file's name (`loss`, `gradients`). */
  fileName: string;
}

export abstract class ChartSection {
  readonly root: HTMLElement;
  /** The toolbar, for a subclass's notes after the toggle. */
  protected readonly bar: HTMLElement;
  protected readonly canvas: HTMLCanvasElement;
  protected chart: LineChart | null = null;
  /** The y axis is logarithmic (as last rendered). */
  protected log = false;
  private readonly toggle: ReturnType<typeof scaleToggle>;
  private readonly empty: HTMLElement;
  private readonly box: HTMLElement;
  private readonly exporter: ExportButtons;

  /** `notes` go between the toolbar and the chart. */
  constructor(
    protected readonly t: Translate,
    protected theme: PanelTheme,
    private readonly texts: ChartSectionTexts,
    onScale: (log: boolean) => void,
    save: SaveExport,
    notes: HTMLElement[] = [],
  ) {
    this.root = el('div', 'section-body');
    this.bar = el('div', 'toolbar');
    this.toggle = scaleToggle({ linear: t('scale.linear'), log: t('scale.log'), group: t('scale.label') }, onScale);
    this.bar.append(this.toggle.root);
    this.empty = el('p', 'empty', texts.empty);
    this.box = el('div', 'chart-box');
    this.canvas = el('canvas');
    this.canvas.setAttribute('role', 'img');
    this.canvas.setAttribute('aria-label', texts.canvasLabel);
    this.box.append(this.canvas);
    this.exporter = exportButtons(
      t,
      texts.exportName,
      { png: () => this.png(), svg: () => this.svg(), csv: () => this.csv() },
      (format, data) => save(format, texts.fileName, data),
    );
    this.exporter.setEnabled(false);
    // panel.css puts the buttons at the toolbar's end, after any notes a subclass appends.
    this.bar.append(this.exporter.root);
    this.root.append(this.bar, ...notes, this.empty, this.box);
  }

  /**
   * What the chart shows, at full precision, for the CSV and SVG exports: every series of the chart's model
   * as of the last render (a subclass lists them all, so a series it adds is exported with the others).
   */
  protected abstract exportSeries(): ChartSeries[];

  /** Whether the SVG gets a legend (a chart of several named lines). */
  protected abstract get exportLegend(): boolean;

  private png(): string | null {
    if (!this.chart || this.box.hidden) return null;
    const c = this.canvas;
    return canvasPng([{ canvas: c, x: 0, y: 0 }], c.clientWidth, c.clientHeight, this.theme.background);
  }

  private svg(): string | null {
    const series = this.exportSeries();
    if (!series.length) return null;
    return renderFigureSvg(chartFigure({ title: null, xlabel: this.t('loss.axisStep'), ylabel: this.texts.yAxis, log: this.log, series, legend: this.exportLegend }));
  }

  private csv(): string | null {
    const series = this.exportSeries();
    return series.length ? seriesCsv(series) : null;
  }

  /** The chart for this section's data; called when the first data arrives and after a theme change. */
  protected abstract create(): LineChart;

  /**
   * Options both charts share: no animation (live data), points given as sorted {x, y} so chart.js skips its
   * parsing and sorting, steps on x, the section's quantity on a linear or log y axis.
   */
  protected lineOptions(): ChartOptions<'line'> {
    const theme = this.theme;
    const font = { family: theme.fontFamily, size: theme.fontSize };
    return {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      parsing: false,
      normalized: true,
      interaction: { mode: 'nearest', axis: 'x', intersect: false },
      scales: {
        x: { type: 'linear', title: { display: true, text: this.t('loss.axisStep'), color: theme.foreground, font }, ticks: { color: theme.foreground, font, precision: 0, maxRotation: 0 }, grid: { color: theme.grid }, border: { color: theme.grid } },
        y: { type: this.log ? 'logarithmic' : 'linear', title: { display: true, text: this.texts.yAxis, color: theme.foreground, font }, ticks: { color: theme.foreground, font, callback: (v) => axisTickLabel(Number(v), this.log) }, grid: { color: theme.grid }, border: { color: theme.grid } },
      },
    };
  }

  /** Follows the toggle and shows the chart or the empty note; the chart to fill, or null when there is no data. */
  protected prepare(log: boolean, hasData: boolean): LineChart | null {
    this.log = log;
    this.toggle.set(log);
    this.empty.hidden = hasData;
    this.box.hidden = !hasData;
    this.exporter.setEnabled(hasData);
    if (!hasData) return null;
    if (!this.chart) this.chart = this.create();
    return this.chart;
  }

  /** Draws what render put in the chart, on the y scale the toggle chose. */
  protected draw(chart: LineChart): void {
    const y = chart.options.scales?.y;
    if (y) y.type = this.log ? 'logarithmic' : 'linear';
    chart.update('none');
  }

  setTheme(theme: PanelTheme): void {
    this.theme = theme;
    this.chart?.destroy();
    this.chart = null;
  }

  destroy(): void {
    this.chart?.destroy();
  }
}
