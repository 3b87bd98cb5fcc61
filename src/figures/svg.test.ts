// A recorded figure as SVG (the CLI's --plots): escaped text, CJK, lines broken at NaN, nice ticks; and the
// figure events' JSON, whose x and y arrays carry non-finite numbers.
import { strict as assert } from 'node:assert';
import { decodeJson, type FigureArtist, type FigureAxes, type FigureEvent, type FigureSeries } from '../protocol/events';
import { escapeXml, renderFigureSvg } from './svg';
import { plainText } from './text';

describe('figure SVG', () => {
  const fig: FigureEvent = {
    type: 'figure',
    t: 0,
    index: 1,
    reason: 'show',
    savefigPath: null,
    figsize: [6.4, 4.8],
    suptitle: null,
    axes: [
      {
        row: 0, col: 0, rows: 1, cols: 1, rowSpan: 1, colSpan: 1,
        title: '损失 <a & b>', xlabel: '$\\alpha$', ylabel: 'loss', xlim: null, ylim: null,
        xscale: 'linear', yscale: 'linear', xticks: null, yticks: null, grid: true, legend: true, legendLoc: 'best',
        series: [
          {
            kind: 'line', x: [0, 1, 2, 3], y: [4, NaN, 1, 0.5], pointCount: 4, label: 'train', color: '#1f77b4',
            linestyle: '--', marker: 'o', alpha: 1, linewidth: 1.5, size: 6, colors: null, sizes: null, widths: null, bottoms: null,
          },
        ],
      },
    ],
  };

  it('escapes text, keeps CJK, breaks lines at NaN and labels nice ticks', () => {
    const svg = renderFigureSvg(fig);
    assert.match(svg, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="640" height="480"/);
    assert.ok(svg.includes('损失 &lt;a &amp; b&gt;'));
    assert.ok(svg.includes('>α</text>'));
    assert.match(svg, /font-family="[^"]*Noto Sans CJK SC[^"]*"/);
    // NaN splits the dashed line into two pieces: one lone point, then a segment.
    assert.match(svg, /<path d="M[\d.]+,[\d.]+M[\d.]+,[\d.]+L[\d.]+,[\d.]+" fill="none" stroke="#1f77b4"[^>]*stroke-dasharray/);
    for (const tick of ['0.0', '0.5', '1.0', '2.5', '3.0', '4.0']) assert.ok(svg.includes(`>${tick}</text>`), tick);
    assert.ok(svg.includes('>train</text>'));
  });

  it('decodes non-finite array elements only under x, y and z (a contour grid)', () => {
    assert.deepEqual(decodeJson('{"x":[1,"nan"],"y":["inf"],"z":["-inf",2],"labels":["nan"]}'), { x: [1, NaN], y: [Infinity], z: [-Infinity, 2], labels: ['nan'] });
    assert.equal(escapeXml('a\u0001<'), 'a&lt;');
    assert.equal(plainText('$x^2 + \\theta_1$ (m)'), 'x² + θ₁ (m)');
  });

  describe('artists, twins and colorbars', () => {
    const axes = (partial: Partial<FigureAxes>): FigureAxes => ({ ...fig.axes[0], title: null, xlabel: null, ylabel: null, legend: false, grid: false, series: [], ...partial });
    const one = (ax: FigureAxes, others: FigureAxes[] = []): string => renderFigureSvg({ ...fig, axes: [ax, ...others] });
    const base = { zorder: 1, order: 0, label: null, alpha: 1 };
    const bars = (partial: Partial<FigureSeries>): FigureSeries => ({ ...fig.axes[0].series[0], kind: 'bar', linestyle: 'none', marker: null, label: null, linewidth: null, ...partial });

    it('draws contourf bands as crisp paths in their colours, under a scatter made after them', () => {
      const contour: FigureArtist = {
        ...base, kind: 'contour', filled: true, rows: 2, cols: 3, x: [0, 1, 2], y: [0, 1], z: [0, 0, 1, 0, 0, 1],
        levels: [0, 0.5, 1.05], colors: ['#ff0000', '#0000ff'], linewidths: [], linestyles: [], alpha: 0.4,
      };
      const scatter = { ...fig.axes[0].series[0], kind: 'scatter' as const, x: [0.5], y: [0.5], linestyle: 'none' as const, color: '#00ff00', order: 1, edgecolor: '#000000', edgewidth: 1 };
      const svg = one(axes({ xlim: [0, 2], ylim: [0, 1], artists: [contour], series: [scatter] }));
      const red = svg.indexOf('fill="#ff0000" fill-opacity="0.4" shape-rendering="crispEdges"');
      const blue = svg.indexOf('fill="#0000ff" fill-opacity="0.4" shape-rendering="crispEdges"');
      const green = svg.indexOf('fill="#00ff00"');
      assert.ok(red > 0 && blue > 0 && green > Math.max(red, blue), 'bands first, then the scatter');
      assert.match(svg, /fill="none" stroke="#000000" stroke-width="1.39"/, 'edgecolors outline the markers');
    });

    it('draws images cell by cell, reference lines across the axes, fills, error bars and text with its box and arrow', () => {
      const artists: FigureArtist[] = [
        { ...base, kind: 'image', zorder: 0, rows: 1, cols: 3, extent: [-0.5, 2.5, 0.5, -0.5], origin: 'upper', interpolation: 'nearest', pixels: ['#111111', '#111111', '#eeeeee'] },
        { ...base, kind: 'refline', zorder: 2, order: 1, orientation: 'h', value: 0, span: [0, 1], color: '#ff0000', linestyle: '--', linewidth: 1.5 },
        { ...base, kind: 'fill', order: 2, polygons: [[0, 0, 1, 0, 1, 0.3]], color: '#123456', edgecolor: null, linewidth: 1, alpha: 0.5 },
        { ...base, kind: 'errorbar', order: 3, x: [1], y: [0], xerr: null, yerr: [[-0.2], [0.2]], color: '#654321', linewidth: 1, capsize: 3 },
        {
          ...base, kind: 'text', zorder: 3, order: 4, text: 'peak <1>', x: 2, y: 0, coords: 'data', offset: [0, 10], color: 'black', fontsize: 10,
          ha: 'center', va: 'baseline', rotation: 0, weight: 'bold', style: 'normal', family: null,
          bbox: { facecolor: 'wheat', edgecolor: 'black', alpha: 0.5, rounded: true, linewidth: 1 },
          arrow: { x: 1, y: 0, coords: 'data', style: '-|>', color: 'black', linewidth: 1, shrink: 0 },
        },
      ];
      const svg = one(axes({ xlim: [-0.5, 2.5], ylim: [0.5, -0.5], aspect: 1, artists }));
      // two equal pixels make one rectangle
      assert.match(svg, /<path d="M[\d.]+,[\d.]+h[\d.]+v[\d.]+h-[\d.]+Z" fill="#111111" shape-rendering="crispEdges"\/>/);
      assert.match(svg, /stroke="#ff0000" stroke-width="2.08"[^>]*stroke-dasharray/);
      assert.match(svg, /fill="#123456" fill-opacity="0.5" stroke="none"/);
      assert.match(svg, /stroke="#654321"/);
      assert.ok(svg.includes('font-weight="bold"') && svg.includes('peak &lt;1&gt;'));
      assert.match(svg, /<rect [^>]*rx="[\d.]+" fill="wheat" stroke="black"[^>]*fill-opacity="0.5"/);
      assert.match(svg, /<path d="M[\d.,]+L[\d.,]+L[\d.,]+Z" fill="black"/);
      // the text is drawn after (over) the clipped data group
      assert.ok(svg.indexOf('peak &lt;1&gt;') > svg.indexOf('</g>'));
    });

    it('keeps the aspect, hides the axis after axis("off"), draws barh and a twin y axis on the right', () => {
      const square = one(axes({ xlim: [0, 1], ylim: [0, 1], aspect: 1, axisOn: false }));
      const clip = /<clipPath id="axes1"><rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/.exec(square)!;
      assert.equal(clip[3], clip[4]);
      assert.ok(!square.includes('>0.0</text>'));
      const hbars = bars({ kind: 'barh', x: [3, 5], y: [0, 1], widths: [0.8, 0.8], bottoms: null, color: '#1f77b4' });
      const twin = axes({ twinOf: 0, ylabel: 'acc', xlim: [0, 5.25], ylim: [0, 100], series: [] });
      const svg = one(axes({ xlim: [0, 5.25], ylim: [-0.5, 1.5], series: [hbars] }), [twin]);
      assert.match(svg, /<path d="M[\d.]+,[\d.]+h[\d.]+v[\d.]+h-[\d.]+ZM[\d.]+,[\d.]+h[\d.]+v[\d.]+h-[\d.]+Z" fill="#1f77b4"\/>/);
      assert.ok(svg.includes('text-anchor="start">100</text>'), 'the twin labels its ticks on the right');
      assert.match(svg, /transform="rotate\(-90 [\d.]+ [\d.]+\)">acc</);
      assert.equal((svg.match(/<clipPath/g) ?? []).length, 1, 'the twin shares its parent\'s box');
    });

    it('draws a colorbar of bands at its boundaries, ticked at them, with its label', () => {
      const svg = one(axes({ xlim: [0, 1], ylim: [0, 1], colorbar: { colors: ['#ff0000', '#00ff00', '#0000ff'], vmin: 0, vmax: 3, boundaries: [0, 1, 2, 3], label: 'class', ticks: { values: [0, 1, 2, 3], labels: null }, shrink: 1, alpha: 1 } }));
      for (const c of ['#ff0000', '#00ff00', '#0000ff']) assert.ok(svg.includes(`fill="${c}" shape-rendering="crispEdges"`), c);
      for (const t of ['0', '1', '2', '3']) assert.ok(svg.includes(`text-anchor="start">${t}</text>`), t);
      assert.match(svg, /transform="rotate\(-90 [\d.]+ [\d.]+\)">class</);
    });
  });
});

