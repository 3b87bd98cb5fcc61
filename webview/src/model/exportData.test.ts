// The loss and gradient charts as exported files: CSV with full-precision numbers and one column per series,
// and the chart described as a matplotlib figure, which src/figures/svg.ts draws.
import { strict as assert } from 'node:assert';
import { renderFigureSvg } from '../../../src/figures/svg';
import { chartFigure, csvField, csvNumber, seriesCsv, SVG_BUCKETS, type ChartSeries } from './exportData';

/** Well-formed XML as far as an SVG file needs: every tag closed in order, attributes quoted, one root. */
function assertWellFormedSvg(text: string): void {
  const body = text.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: string[] = [];
  let roots = 0;
  for (const m of body.matchAll(/<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g)) {
    const [, closing, name, , selfClosing] = m;
    if (closing) assert.equal(stack.pop(), name, `</${name}> closes the wrong element`);
    else if (!selfClosing) {
      if (stack.length === 0) roots++;
      stack.push(name);
    } else if (stack.length === 0) roots++;
  }
  assert.deepEqual(stack, [], 'unclosed elements');
  assert.equal(roots, 1);
  // Nothing left that looks like a tag but did not match the grammar above (an unquoted attribute, a stray <).
  const stripped = body.replace(/<\/?[A-Za-z][\w:-]*(?:\s+[\w:-]+="[^"<]*")*\s*\/?>/g, '');
  assert.ok(!stripped.includes('<'), `stray markup: ${stripped.slice(stripped.indexOf('<'), stripped.indexOf('<') + 40)}`);
  assert.match(body, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
}

describe('chart export data', () => {
  it('writes numbers so they read back as the same doubles, non-finite as NumPy spells them', () => {
    for (const v of [0.1 + 0.2, 1 / 3, 1e-300, 5e-324, -2.5e21, 123456789012345680000, 0]) assert.equal(Number(csvNumber(v)), v);
    assert.equal(csvNumber(0.1 + 0.2), '0.30000000000000004');
    assert.deepEqual([NaN, Infinity, -Infinity].map(csvNumber), ['nan', 'inf', '-inf']);
    assert.equal(csvField('w'), 'w');
    assert.equal(csvField('a,b "c"'), '"a,b ""c"""');
  });

  it('builds the loss CSV: a step column and the loss, one row per step', () => {
    const loss: ChartSeries = { label: 'loss', series: { x: [1, 2, 3], y: [0.5, 0.25000000000000006, NaN] } };
    assert.equal(seriesCsv([loss]), 'step,loss\n1,0.5\n2,0.25000000000000006\n3,nan\n');
    assert.equal(seriesCsv([]), 'step\n');
  });

  it('builds the gradient CSV with one column per series, empty where a series has no step', () => {
    const csv = seriesCsv([
      { label: 'w', series: { x: [1, 2, 3], y: [3, 2, 1] } },
      // a leaf that appears at step 2, and a name that needs quoting
      { label: 'params[0], bias', series: { x: [2, 3], y: [0.1, Infinity] } },
    ]);
    assert.equal(csv, 'step,w,"params[0], bias"\n1,3,\n2,2,0.1\n3,1,inf\n');
  });

  it('describes a chart as a one-axes figure that svg.ts draws', () => {
    const x = Array.from({ length: 10 }, (_, i) => i + 1);
    const fig = chartFigure({
      title: null,
      xlabel: 'step',
      ylabel: 'gradient norm',
      log: true,
      legend: true,
      series: [
        { label: 'w', series: { x, y: x.map((s) => 1 / s) } },
        { label: 'b', series: { x, y: x.map((s) => (s === 4 ? 0 : 2 / s)) } },
      ],
    });
    assert.equal(fig.axes.length, 1);
    const ax = fig.axes[0];
    assert.equal(ax.yscale, 'log');
    assert.equal(ax.legend, true);
    assert.deepEqual(ax.series.map((s) => [s.kind, s.label, s.color, s.x.length]), [
      ['line', 'w', '#1f77b4', 10],
      ['line', 'b', '#ff7f0e', 10],
    ]);
    // A log axis cannot show 0: a gap, as the panel draws it.
    assert.ok(Number.isNaN(ax.series[1].y[3]));
    const svg = renderFigureSvg(fig);
    assertWellFormedSvg(svg);
    assert.match(svg, /stroke="#1f77b4"/);
    assert.match(svg, /stroke="#ff7f0e"/);
    assert.match(svg, />gradient norm</);
    assert.match(svg, />w</);
  });

  it('thins a long series to min/max buckets, keeping its spike, and draws no legend for one line', () => {
    const n = 100_000;
    const x = Array.from({ length: n }, (_, i) => i + 1);
    const y = x.map((s) => (s === 54321 ? 1000 : 1 / s));
    const fig = chartFigure({ title: null, xlabel: 'step', ylabel: 'loss', log: false, legend: false, series: [{ label: 'loss', series: { x, y } }] });
    const s = fig.axes[0].series[0];
    assert.ok(s.x.length <= 2 * SVG_BUCKETS + 2, `${s.x.length} points`);
    assert.equal(s.pointCount, n);
    assert.ok(s.y.includes(1000), 'the spike is kept');
    assert.equal(s.label, null);
    assert.equal(s.marker, null);
    const svg = renderFigureSvg(fig);
    assertWellFormedSvg(svg);
    assert.ok(svg.length < 400_000, `${svg.length} characters`);
  });
});
