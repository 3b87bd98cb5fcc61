/**
 * The Loss section: the root value of every backward() against its step, with the divergence marker; with the
 * file's earlier runs overlaid (dashed, dimmer) and listed under the chart, each with a checkbox and a pin; the
 * step the graph shows is marked, and a click picks the step the graph shows.
 */
import type { Plugin } from 'chart.js';
import { formatNumber } from '../model/format';
import { comparing, labelDetail, labelText, overlayRuns, runOutcome, type OverlayRun } from '../model/runs';
import { displaySeries, toChartPoints } from '../model/series';
import { lossIsLog, shownGraph, type PanelState } from '../model/state';
import type { Translate } from '../strings';
import { button, el } from '../views/dom';
import { runColour, withAlpha, type PanelTheme } from '../views/theme';
import type { ChartSeries } from '../model/exportData';
import type { SaveExport } from './chartExport';
import { ChartSection, type LineChart } from './chartSection';
import { Chart, markersWhileFew } from './chartSetup';

export interface RunActions {
  /** The user switched a run's curve on or off. */
  toggle(id: string, visible: boolean): void;
  /** Pin this run as the file's baseline (null: unpin). */
  pin(id: string | null): void;
  /** The user clicked the chart at this step: show the graph of the kept step nearest it. */
  showStep(step: number): void;
}

/** Dash pattern of earlier runs' curves, and of the baseline's. */
const EARLIER_DASH = [6, 4];
const BASELINE_DASH = [10, 3, 2, 3];

/** Points drawn per pixel of chart width (a min and a max per bucket). */
const BUCKETS_PER_PX = 1;

export class LossView extends ChartSection {
  private readonly note: HTMLElement;
  private readonly divergedNote: HTMLElement;
  private diverged: { step: number; loss: number } | null = null;
  /** The steps whose graph the step slider offers (ticks on the x axis), and the one the graph shows. */
  private graphSteps: number[] = [];
  private shownStep: number | null = null;
  private series: ChartSeries[] = [];

  private readonly runList: HTMLUListElement;
  /** What the run list was last built from; it is rebuilt only when that changes, not on every new step. */
  private runListKey = '';

  constructor(t: Translate, theme: PanelTheme, onScale: (log: boolean) => void, save: SaveExport, private readonly actions: RunActions) {
    const divergedNote = el('div', 'diverged-note');
    divergedNote.hidden = true;
    super(t, theme, { empty: t('loss.empty'), canvasLabel: t('section.loss'), yAxis: t('loss.axisLoss'), exportName: t('export.lossChart'), fileName: 'loss' }, onScale, save, [divergedNote]);
    this.divergedNote = divergedNote;
    this.note = el('span', 'muted');
    this.bar.append(this.note);
    this.runList = el('ul', 'run-list');
    this.runList.setAttribute('aria-label', t('runs.list'));
    this.runList.hidden = true;
    this.root.append(this.runList);
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

  /**
   * The step slider on the chart: a tick on the x axis at each step whose graph is kept, and a line at the step
   * the graph shows. Drawn only once there is a choice (two kept graphs or more).
   */
  private shownStepPlugin(): Plugin<'line'> {
    return {
      id: 'shownStepMarker',
      afterDatasetsDraw: (chart) => {
        const x = chart.scales.x;
        if (!x || this.graphSteps.length < 2) return;
        const area = chart.chartArea;
        const ctx = chart.ctx;
        ctx.save();
        ctx.strokeStyle = this.theme.foreground;
        ctx.globalAlpha = 0.55;
        ctx.lineWidth = 1;
        ctx.beginPath();
        for (const step of this.graphSteps) {
          const px = x.getPixelForValue(step);
          if (px < area.left - 1 || px > area.right + 1) continue;
          ctx.moveTo(px, area.bottom);
          ctx.lineTo(px, area.bottom - 5);
        }
        ctx.stroke();
        const shown = this.shownStep;
        const px = shown === null ? NaN : x.getPixelForValue(shown);
        if (Number.isFinite(px) && px >= area.left - 1 && px <= area.right + 1) {
          ctx.globalAlpha = 0.8;
          ctx.lineWidth = 1.5;
          ctx.beginPath();
          ctx.moveTo(px, area.top);
          ctx.lineTo(px, area.bottom);
          ctx.stroke();
          ctx.globalAlpha = 1;
          ctx.fillStyle = this.theme.foreground;
          ctx.font = `${this.theme.fontSize}px ${this.theme.fontFamily}`;
          const label = this.t('loss.graphMarker', shown!);
          const w = ctx.measureText(label).width;
          const right = px + 6 + w <= area.right;
          ctx.textAlign = right ? 'left' : 'right';
          ctx.textBaseline = 'bottom';
          ctx.fillText(label, right ? px + 6 : px - 6, area.bottom - 6);
        }
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
        // A click anywhere on the plot picks the step under the pointer for the graph (the nearest kept one).
        onClick: (event, _elements, chart) => {
          const x = chart.scales.x;
          if (!x || event.x === null || this.graphSteps.length === 0) return;
          const step = x.getValueForPixel(event.x);
          if (step !== undefined && Number.isFinite(step)) this.actions.showStep(step);
        },
        onHover: (_event, _elements, chart) => {
          chart.canvas.style.cursor = this.graphSteps.length > 1 ? 'pointer' : '';
        },
        plugins: {
          legend: { display: false },
          tooltip: {
            callbacks: {
              title: (items) => (items[0] ? `${this.t('loss.axisStep')} ${items[0].parsed.x}` : ''),
              // With several runs drawn, each value says whose it is.
              label: (item) => (item.chart.data.datasets.length > 1 && item.dataset.label ? `${item.dataset.label}: ${formatNumber(item.parsed.y)}` : formatNumber(item.parsed.y)),
            },
          },
        },
      },
      plugins: [this.divergedPlugin(), this.shownStepPlugin()],
    });
  }

  render(state: PanelState): void {
    const n = state.loss.x.length;
    // The CSV's column is named in English, like the step column: the file is data for pandas or a spreadsheet.
    this.series = n > 0 ? [{ label: 'loss', series: state.loss }] : [];
    this.diverged = state.diverged ? { step: state.diverged.step, loss: state.diverged.loss } : null;
    this.graphSteps = state.graphs.map((g) => g.step);
    this.shownStep = shownGraph(state)?.step ?? null;
    this.divergedNote.hidden = !state.diverged;
    if (state.diverged) this.divergedNote.textContent = this.t('loss.diverged', state.diverged.step, formatNumber(state.diverged.loss), state.diverged.line);
    const runs = comparing(state) ? overlayRuns(state) : [];
    this.renderRunList(runs);
    const earlier = runs.filter((r) => !r.current && r.visible && r.series.x.length > 0);
    const current = runs.find((r) => r.current);
    const currentShown = !current || current.visible;
    // Exports hold what the chart draws: with earlier runs overlaid, each curve under its run's name.
    if (earlier.length > 0) {
      const live = n > 0 && currentShown ? [{ label: current ? this.runName(current) : 'loss', series: state.loss }] : [];
      this.series = [...live, ...earlier.map((r) => ({ label: this.runName(r), series: r.series }))];
    }
    const chart = this.prepare(lossIsLog(state), n > 0 || earlier.length > 0);
    if (!chart) {
      this.note.textContent = '';
      return;
    }
    const width = this.canvas.clientWidth || 600;
    const buckets = Math.max(100, Math.round(width * BUCKETS_PER_PX));
    const shown = displaySeries(state.loss, this.log, buckets);
    const datasets = chart.data.datasets;
    // The live curve is the first dataset, as before runs were compared (drawn on top: chart.js draws the first last).
    const live = datasets[0];
    live.data = currentShown ? toChartPoints(shown) : [];
    const liveColour = current ? runColour(this.theme, current.run.seq) : this.theme.lossColor;
    live.borderColor = liveColour;
    live.backgroundColor = liveColour;
    live.label = current ? this.runName(current) : undefined;
    datasets.length = 1;
    for (const r of earlier) {
      const colour = withAlpha(runColour(this.theme, r.run.seq), r.run.pinned ? 0.95 : 0.7);
      datasets.push({
        label: this.runName(r),
        data: toChartPoints(displaySeries(r.series, this.log, buckets)),
        borderColor: colour,
        backgroundColor: colour,
        borderWidth: r.run.pinned ? 1.75 : 1.25,
        borderDash: r.run.pinned ? BASELINE_DASH : EARLIER_DASH,
        pointRadius: 0,
        tension: 0,
        spanGaps: false,
      });
    }
    this.note.textContent = currentShown && shown.x.length < n ? this.t('loss.downsampled', n, shown.x.length) : '';
    this.draw(chart);
  }

  /** `#2 lr = 0.1 → 0.01`: the run's number in its file and what it changed. */
  private runName(r: OverlayRun): string {
    return `#${r.run.seq} ${labelText(r.run.label, r.run.startedAt, this.t)}`;
  }

  /** The list of runs under the chart: colour, number, label, outcome, a checkbox for the curve and a pin. */
  private renderRunList(runs: OverlayRun[]): void {
    const key = JSON.stringify(runs.map((r) => [r.run.id, r.run.status, r.run.pinned, r.visible, r.current, r.current ? 0 : r.series.x.length, this.theme.palette[0]]));
    if (key === this.runListKey) return;
    this.runListKey = key;
    this.runList.hidden = runs.length === 0;
    // Newest first: the run just started is the one the user looks for.
    const items = [...runs].reverse().map((r) => this.runItem(r));
    this.runList.replaceChildren(...items);
  }

  private runItem(r: OverlayRun): HTMLLIElement {
    const t = this.t;
    const li = el('li', `run-item${r.current ? ' current' : ''}${r.run.pinned ? ' pinned' : ''}`);
    li.dataset.runId = r.run.id;
    const label = el('label', 'run-toggle');
    const box = el('input');
    box.type = 'checkbox';
    box.checked = r.visible;
    box.setAttribute('aria-label', t('runs.show', r.run.seq));
    box.addEventListener('change', () => this.actions.toggle(r.run.id, box.checked));
    const swatch = el('span', `run-swatch${r.current ? '' : r.run.pinned ? ' baseline' : ' earlier'}`);
    swatch.style.borderTopColor = runColour(this.theme, r.run.seq);
    const seq = el('span', 'run-seq', `#${r.run.seq}`);
    const text = el('span', 'run-label', labelText(r.run.label, r.run.startedAt, t));
    text.title = labelDetail(r.run.label, r.run.startedAt, t);
    label.append(box, swatch, seq, text);
    const meta = el('span', 'run-meta muted', [r.current ? t('runs.current') : '', runOutcome(r, t)].filter(Boolean).join(' · '));
    const pin = button(r.run.pinned ? t('runs.pinned') : t('runs.pin'), 'run-pin secondary', () => this.actions.pin(r.run.pinned ? null : r.run.id));
    pin.setAttribute('aria-pressed', String(r.run.pinned));
    pin.title = r.run.pinned ? t('runs.unpinTitle') : t('runs.pinTitle');
    li.append(label, meta, pin);
    return li;
  }

  override setTheme(theme: PanelTheme): void {
    super.setTheme(theme);
    this.runListKey = '';
  }
}
