// A recorded figure as SVG (the CLI's --plots): escaped text, CJK, lines broken at NaN, nice ticks; and the
// figure events' JSON, whose x and y arrays carry non-finite numbers.
import { strict as assert } from 'node:assert';
import { decodeJson, type FigureEvent } from '../protocol/events';
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

  it('decodes non-finite array elements only under x and y', () => {
    assert.deepEqual(decodeJson('{"x":[1,"nan"],"y":["inf"],"labels":["nan"]}'), { x: [1, NaN], y: [Infinity], labels: ['nan'] });
    assert.equal(escapeXml('a\u0001<'), 'a&lt;');
    assert.equal(plainText('$x^2 + \\theta_1$ (m)'), 'x² + θ₁ (m)');
  });
});
