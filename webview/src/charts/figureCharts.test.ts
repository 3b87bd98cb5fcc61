// matplotlib figure events as chart.js configurations: subplot placement, line formats, markers,
// scatter alpha and per-point colours, bars in data units, limits and margins, log axes, fixed ticks,
// titles, labels, legends, and theme colours.
import { strict as assert } from 'node:assert';
import type { ChartDataset } from 'chart.js';
import {
  axesToChart,
  axisLimits,
  dashPattern,
  figureNeedsSvg,
  figureToCharts,
  fixedTickLabel,
  legendBadness,
  legendEntries,
  legendRect,
  placeLegend,
  logTickLabel,
  markerStyle,
  seriesColor,
  withAlpha,
  type ChartTheme,
  type FigurePoint,
} from './figureCharts';
import { plainText, PT } from '../../../src/figures/text';
import { axes, figure, series } from '../testFixtures';

const theme: ChartTheme = { foreground: '#cccccc', background: '#1e1e1e', grid: 'rgba(128, 128, 128, 0.3)', fontFamily: 'Test Sans, sans-serif', fontSize: 12 };

type AnyDataset = ChartDataset<'scatter' | 'line' | 'bar', FigurePoint[]> & Record<string, unknown>;

function datasets(ax: Parameters<typeof axesToChart>[0]): AnyDataset[] {
  return axesToChart(ax, theme).data.datasets as unknown as AnyDataset[];
}

interface ScaleOpts {
  type: string;
  min: number;
  max: number;
  title: { display: boolean; text: string };
  grid: { display: boolean; color: string };
  ticks: { callback?: (v: number) => string; color: string };
  afterBuildTicks?: (scale: { ticks: Array<{ value: number }> }) => void;
}

function scales(ax: Parameters<typeof axesToChart>[0]): { x: ScaleOpts; y: ScaleOpts } {
  return axesToChart(ax, theme).options!.scales as unknown as { x: ScaleOpts; y: ScaleOpts };
}

const close = (a: number, b: number, eps = 1e-9): boolean => Math.abs(a - b) <= eps * Math.max(1, Math.abs(b));

describe('webview figures', () => {
  it('places subplots in their grid cells, spans included', () => {
    const fig = figure({
      figsize: [10, 6],
      suptitle: 'Training $\\alpha$',
      axes: [axes({ rows: 2, cols: 2, row: 0, col: 0 }), axes({ rows: 2, cols: 2, row: 0, col: 1 }), axes({ rows: 2, cols: 2, row: 1, col: 0, colSpan: 2 })],
    });
    const view = figureToCharts(fig, theme);
    assert.equal(view.widthPx, 1000);
    assert.equal(view.heightPx, 600);
    assert.equal(view.suptitle, 'Training α');
    assert.deepEqual(
      view.cells.map((c) => [c.left, c.top, c.width, c.height]),
      [
        [0, 0, 0.5, 0.5],
        [0.5, 0, 0.5, 0.5],
        [0, 0.5, 1, 0.5],
      ],
    );
    assert.equal(view.thinnedFrom, null);
  });

  it('draws a plot() line with its format: colour, width, dashes, markers', () => {
    const [ds] = datasets(axes({ series: [series({ color: '#ff0000', linestyle: '--', marker: 'o', linewidth: 2, size: 6, label: 'train' })] }));
    assert.equal(ds.type, 'line');
    assert.equal(ds.borderColor, 'rgb(255, 0, 0)');
    assert.ok(close(ds.borderWidth as number, 2 * PT));
    assert.deepEqual(ds.borderDash, dashPattern('--', 2 * PT));
    assert.equal(ds.showLine, true);
    assert.equal(ds.pointStyle, 'circle');
    assert.ok(close(ds.pointRadius as number, (6 * PT) / 2));
    assert.equal(ds.label, 'train');
    assert.deepEqual(ds.data, [
      { x: 0, y: 1 },
      { x: 1, y: 4 },
      { x: 2, y: 9 },
    ]);
    const [markersOnly] = datasets(axes({ series: [series({ linestyle: 'none', marker: '^' })] }));
    assert.equal(markersOnly.showLine, false);
    assert.equal(markersOnly.pointStyle, 'triangle');
    const [plain] = datasets(axes({ series: [series({ linestyle: ':' })] }));
    assert.equal(plain.pointRadius, 0);
    assert.equal(plain.pointStyle, 'line', 'the legend shows a line');
    assert.deepEqual(dashPattern('-', 2), []);
    assert.deepEqual(dashPattern('-.', 1), [6.4, 1.6, 1, 1.6]);
  });

  it('maps matplotlib markers to chart.js point styles', () => {
    assert.equal(markerStyle('s').pointStyle, 'rect');
    assert.deepEqual([markerStyle('v').pointStyle, markerStyle('v').rotation], ['triangle', 180]);
    assert.equal(markerStyle('D').pointStyle, 'rectRot');
    assert.equal(markerStyle('x').pointStyle, 'crossRot');
    assert.equal(markerStyle('+').pointStyle, 'cross');
    assert.equal(markerStyle('*').pointStyle, 'star');
    assert.ok(markerStyle('.').radius(6) < markerStyle('o').radius(6));
  });

  it('turns NaN and values a log axis cannot show into gaps', () => {
    const [ds] = datasets(axes({ yscale: 'log', series: [series({ y: [1, NaN, 0] })] }));
    assert.deepEqual(
      (ds.data as FigurePoint[]).map((p) => p.y),
      [1, null, null],
    );
  });

  it('draws scatters with alpha, per-point colours and sizes', () => {
    const [ds] = datasets(
      axes({
        series: [series({ kind: 'scatter', linewidth: null, alpha: 0.5, color: '#1f77b4', colors: ['#440154', '#21918c', '#fde725'], sizes: [2, 4, 6], marker: 'o', label: 'points' })],
      }),
    );
    assert.equal(ds.type, 'scatter');
    assert.equal(ds.showLine, false);
    assert.deepEqual(ds.pointBackgroundColor, ['rgba(68, 1, 84, 0.5)', 'rgba(33, 145, 140, 0.5)', 'rgba(253, 231, 37, 0.5)']);
    assert.deepEqual(
      (ds.pointRadius as number[]).map((r) => Math.round(r * 100) / 100),
      [2, 4, 6].map((s) => Math.round(((s * PT) / 2) * 100) / 100),
    );
    const [single] = datasets(axes({ series: [series({ kind: 'scatter', alpha: 0.3, color: '#ff7f0e' })] }));
    assert.equal(single.pointBackgroundColor, 'rgba(255, 127, 14, 0.3)');
  });

  it('gives bars their width in data units and their bottoms', () => {
    const [ds] = datasets(
      axes({ series: [series({ kind: 'bar', linewidth: null, x: [0, 1, 2], y: [3, 5, 2], widths: [0.8, 0.8, 0.8], bottoms: [1, 1, 1], colors: ['#ff0000', '#00ff00', '#0000ff'] })] }),
    );
    assert.equal(ds.type, 'bar');
    assert.equal(ds.grouped, false);
    assert.deepEqual(ds.data, [
      { x: 0, y: [1, 4], w: 0.8 },
      { x: 1, y: [1, 6], w: 0.8 },
      { x: 2, y: [1, 3], w: 0.8 },
    ]);
    assert.deepEqual(ds.backgroundColor, ['rgb(255, 0, 0)', 'rgb(0, 255, 0)', 'rgb(0, 0, 255)']);
    const cfg = axesToChart(axes({ series: [series({ kind: 'hist', x: [0.5, 1.5], y: [2, 3], widths: [1, 1] })] }), theme);
    assert.ok(cfg.plugins?.some((p) => p.id === 'mplBarWidth'), 'the bar width plugin is attached');
  });

  it('autoscales like matplotlib: 5% margins, bars standing on 0, the script’s limits win', () => {
    const line = axes({ series: [series({ x: [0, 10], y: [0, 100] })] });
    assert.deepEqual(axisLimits(line, 'x'), { min: -0.5, max: 10.5 });
    assert.deepEqual(axisLimits(line, 'y'), { min: -5, max: 105 });
    const bars = axes({ series: [series({ kind: 'bar', x: [0, 1], y: [2, 4], widths: [0.8, 0.8] })] });
    const y = axisLimits(bars, 'y');
    assert.equal(y.min, 0);
    assert.ok(close(y.max, 4.2));
    const x = axisLimits(bars, 'x');
    assert.ok(close(x.min, -0.4 - 0.09) && close(x.max, 1.4 + 0.09));
    const fixed = axes({ xlim: [2, null], ylim: [null, 50], series: [series({ x: [0, 10], y: [0, 100] })] });
    assert.deepEqual(axisLimits(fixed, 'x'), { min: 2, max: 10.5 });
    assert.deepEqual(axisLimits(fixed, 'y'), { min: -5, max: 50 });
    const log = axes({ yscale: 'log', series: [series({ y: [1, 10, 100] })] });
    const ly = axisLimits(log, 'y');
    assert.ok(close(ly.min, 10 ** -0.1) && close(ly.max, 10 ** 2.1));
    assert.deepEqual(axisLimits(axes({}), 'x'), { min: 0, max: 1 });
  });

  it('sets scales, titles, labels and grid', () => {
    const ax = axes({ title: '房价模型', xlabel: 'epoch', ylabel: '$\\sigma^2$', grid: true, yscale: 'log', series: [series({})] });
    const cfg = axesToChart(ax, theme);
    const s = scales(ax);
    assert.equal(s.x.type, 'linear');
    assert.equal(s.y.type, 'logarithmic');
    assert.deepEqual([s.x.title.display, s.x.title.text], [true, 'epoch']);
    assert.equal(s.y.title.text, 'σ²');
    assert.equal(s.x.grid.display, true);
    assert.equal(s.x.ticks.color, theme.foreground);
    assert.equal(s.y.ticks.callback!(100), '10²');
    assert.equal(s.y.ticks.callback!(0.001), '10⁻³');
    assert.equal(s.y.ticks.callback!(20), '');
    const title = cfg.options!.plugins!.title!;
    assert.equal(title.display, true);
    assert.equal(title.text, '房价模型');
    assert.equal(cfg.options!.animation, false);
    assert.equal(logTickLabel(1), '10⁰');
  });

  it('uses fixed ticks and category names', () => {
    const ax = axes({ xticks: { values: [0, 1, 2], labels: ['猫', 'dog', 'bird'] }, series: [series({ kind: 'bar', x: [0, 1, 2], y: [1, 2, 3], widths: [0.8, 0.8, 0.8] })] });
    const s = scales(ax);
    const scale = { ticks: [] as Array<{ value: number }> };
    s.x.afterBuildTicks!(scale);
    assert.deepEqual(
      scale.ticks.map((tk) => tk.value),
      [0, 1, 2],
    );
    assert.equal(s.x.ticks.callback!(0), '猫');
    assert.equal(s.x.ticks.callback!(0.5), '');
    assert.equal(fixedTickLabel({ values: [0.5], labels: null }, 0.5), '0.5');
  });

  it('hands the legend to the matplotlib-style legend plugin, without unlabelled series', () => {
    const ax = axes({ legend: true, legendLoc: 'upper left', series: [series({ label: 'a', linestyle: '--', marker: 's' }), series({ label: null }), series({ kind: 'bar', label: 'bars' })] });
    const plugins = axesToChart(ax, theme).options!.plugins!;
    assert.equal(plugins.legend!.display, false, "chart.js's own legend stays off");
    const legend = plugins.mplLegend!;
    assert.equal(legend.display, true);
    assert.equal(legend.loc, 'upper left');
    assert.deepEqual(
      legend.entries!.map((e) => [e.label, e.kind, e.showLine, e.marker?.pointStyle ?? null]),
      [
        ['a', 'line', true, 'rect'],
        ['bars', 'bar', false, null],
      ],
    );
    assert.deepEqual(legend.entries![0].dash, dashPattern('--', 1.5 * PT));
    assert.equal(axesToChart(axes({ series: [series({ label: 'a' })] }), theme).options!.plugins!.mplLegend!.display, false, 'no legend() call');
    assert.equal(legendEntries(axes({ series: [series({ kind: 'scatter', label: 's' })] }), theme)[0].marker?.pointStyle, 'circle');
  });

  it('places the legend at its loc, or where it covers the least data for best', () => {
    const area = { x: 0, y: 0, w: 400, h: 300 };
    assert.deepEqual(legendRect(area, 'upper right', 100, 40, 5), { x: 295, y: 5, w: 100, h: 40 });
    assert.deepEqual(legendRect(area, 'lower left', 100, 40, 5), { x: 5, y: 255, w: 100, h: 40 });
    assert.deepEqual(legendRect(area, 'center', 100, 40, 5), { x: 150, y: 130, w: 100, h: 40 });
    // A loss curve falling from the top left: the upper right corner is free.
    const falling = { joined: true, points: Array.from({ length: 50 }, (_, i) => ({ x: i * 8, y: 300 - 280 / (1 + i) })) };
    assert.deepEqual(placeLegend(area, 'best', 100, 40, 5, [falling]), legendRect(area, 'upper right', 100, 40, 5));
    // A curve rising to the top right: upper right is covered, upper left is free.
    const rising = { joined: true, points: Array.from({ length: 50 }, (_, i) => ({ x: i * 8, y: 300 - i * 6 })) };
    assert.ok(legendBadness([rising], legendRect(area, 'upper right', 100, 40, 5)) > 0);
    assert.deepEqual(placeLegend(area, 'best', 100, 40, 5, [rising]), legendRect(area, 'upper left', 100, 40, 5));
    assert.deepEqual(placeLegend(area, 'lower center', 100, 40, 5, [rising]), legendRect(area, 'lower center', 100, 40, 5));
  });

  it('applies alpha to colours and keeps black lines visible on dark themes', () => {
    assert.equal(seriesColor('#000000', 1, theme), theme.foreground);
    assert.equal(seriesColor('#000', 0.5, theme), 'rgba(204, 204, 204, 0.5)');
    assert.equal(seriesColor('#1f77b480', 1, theme), 'rgba(31, 119, 180, 0.502)');
    assert.equal(seriesColor('transparent', 1, theme), 'rgba(0, 0, 0, 0)');
    assert.equal(seriesColor('rebeccapurple', 0.5, theme), 'rebeccapurple');
    assert.equal(withAlpha('rgb(10, 20, 30)', 0.5), 'rgba(10, 20, 30, 0.5)');
  });

  it('notes series the runtime thinned', () => {
    const view = figureToCharts(figure({ axes: [axes({ series: [series({ pointCount: 25_000 })] })] }), theme);
    assert.equal(view.thinnedFrom, 25_000);
  });

  it('turns mathtext into Unicode', () => {
    assert.equal(plainText('loss $L_2$ vs $\\eta$'), 'loss L₂ vs η');
    assert.equal(plainText('no math'), 'no math');
  });

  it('hands figures with artists, horizontal bars, twins, colorbars, aspect or axis("off") to the SVG renderer', () => {
    assert.equal(figureNeedsSvg(figure({ axes: [axes({ series: [series({ kind: 'line' })] })] })), false);
    const refline = { kind: 'refline' as const, zorder: 2, order: 0, label: null, alpha: 1, orientation: 'h' as const, value: 0, span: [0, 1] as [number, number], color: '#000000', linestyle: '-' as const, linewidth: 1 };
    for (const ax of [
      axes({ artists: [refline] }),
      axes({ series: [series({ kind: 'barh' })] }),
      axes({ twinOf: 0 }),
      axes({ aspect: 1 }),
      axes({ axisOn: false }),
      axes({ xticks: { values: [0], labels: null, minor: [0.5] } }),
    ]) {
      assert.equal(figureNeedsSvg(figure({ axes: [ax] })), true, JSON.stringify(ax).slice(0, 80));
    }
    assert.equal(figureNeedsSvg(figure({ axes: [axes({ artists: [] })] })), false);
  });
});

