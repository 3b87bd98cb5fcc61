/**
 * Draws a figure's legend the way matplotlib places it: inside the axes at its `loc`, or at the 'best'
 * place (fewest data points and segments under it). Placement and contents are decided in figureCharts.ts;
 * this is the canvas part.
 */
import type { Chart, Plugin } from 'chart.js';
import { drawPoint } from 'chart.js/helpers';
import { placeLegend, type DrawnSeries, type LegendEntry, type MplLegendOptions } from './figureCharts';

function drawnSeries(chart: Chart): DrawnSeries[] {
  return chart.data.datasets.map((_ds, i) => {
    const meta = chart.getDatasetMeta(i);
    const points = meta.data.map((el) => {
      const p = el as unknown as { x: number; y: number; skip?: boolean };
      return p.skip ? null : { x: p.x, y: p.y };
    });
    return { points, joined: meta.type === 'line' && (chart.data.datasets[i] as { showLine?: boolean }).showLine !== false };
  });
}

function drawHandle(ctx: CanvasRenderingContext2D, e: LegendEntry, x: number, y: number, len: number, fontSize: number): void {
  ctx.save();
  ctx.strokeStyle = e.color;
  ctx.fillStyle = e.color;
  if (e.kind === 'bar' || e.kind === 'hist') {
    ctx.fillRect(x, y - fontSize * 0.35, len, fontSize * 0.7);
  } else {
    if (e.showLine) {
      ctx.lineWidth = e.lineWidth;
      ctx.setLineDash(e.dash);
      ctx.beginPath();
      ctx.moveTo(x, y);
      ctx.lineTo(x + len, y);
      ctx.stroke();
      ctx.setLineDash([]);
    }
    if (e.marker) drawPoint(ctx, { pointStyle: e.marker.pointStyle, rotation: e.marker.rotation, radius: e.marker.radius, borderWidth: 1.5 }, x + len / 2, y);
  }
  ctx.restore();
}

export const mplLegendPlugin: Plugin<'scatter'> = {
  id: 'mplLegend',
  afterDatasetsDraw(chart) {
    // chart.js types resolved options as deep-partial; these are the complete object axesToChart built.
    const opts = chart.options.plugins?.mplLegend as MplLegendOptions | undefined;
    if (!opts || !opts.display || opts.entries.length === 0) return;
    const ctx = chart.ctx;
    const font = opts.fontSize;
    const pad = 0.4 * font;
    const handleLen = 2 * font;
    const textPad = 0.6 * font;
    const rowH = 1.45 * font;
    ctx.save();
    ctx.font = `${font}px ${opts.fontFamily}`;
    const textW = Math.max(...opts.entries.map((e) => ctx.measureText(e.label).width));
    const w = 2 * pad + handleLen + textPad + textW;
    const h = 2 * pad + opts.entries.length * rowH - 0.45 * font;
    const a = chart.chartArea;
    const box = placeLegend({ x: a.left, y: a.top, w: a.right - a.left, h: a.bottom - a.top }, opts.loc, w, h, 0.5 * font, drawnSeries(chart));
    ctx.globalAlpha = 0.8;
    ctx.fillStyle = opts.background;
    ctx.beginPath();
    ctx.roundRect(box.x, box.y, box.w, box.h, 0.2 * font);
    ctx.fill();
    ctx.globalAlpha = 1;
    ctx.strokeStyle = opts.border;
    ctx.lineWidth = 1;
    ctx.stroke();
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'left';
    opts.entries.forEach((e, i) => {
      const cy = box.y + pad + i * rowH + 0.5 * font;
      drawHandle(ctx, e, box.x + pad, cy, handleLen, font);
      ctx.fillStyle = opts.color;
      ctx.fillText(e.label, box.x + pad + handleLen + textPad, cy);
    });
    ctx.restore();
  },
};
