// The loss and gradient-norm series: min/max decimation keeps 100 000 points drawable without losing
// spikes or gaps, log axes drop what they cannot show, and long runs stay bounded in memory.
import { strict as assert } from 'node:assert';
import { appendPoint, decimateMinMax, displaySeries, emptySeries, forLogAxis, toChartPoints, type Series } from './series';

function ramp(n: number, f: (i: number) => number): Series {
  const s = emptySeries();
  for (let i = 1; i <= n; i++) {
    s.x.push(i);
    s.y.push(f(i));
  }
  return s;
}

describe('webview loss series', () => {
  it('leaves short series alone', () => {
    const s = ramp(10, (i) => i * i);
    assert.deepEqual(decimateMinMax(s, 100), s);
  });

  it('thins 100 000 points to about two per bucket, keeping first, last, spikes and order', () => {
    const s = ramp(100_000, (i) => 1 / i);
    s.y[54_321] = 50; // a spike
    s.y[77_777] = -3; // a dip
    const d = decimateMinMax(s, 500);
    assert.ok(d.x.length <= 2 * 500 + 2, `${d.x.length} points`);
    assert.ok(d.x.length >= 500);
    assert.equal(d.x[0], 1);
    assert.equal(d.x[d.x.length - 1], 100_000);
    assert.ok(d.y.includes(50) && d.y.includes(-3));
    for (let i = 1; i < d.x.length; i++) assert.ok(d.x[i] > d.x[i - 1], 'x stays increasing');
  });

  it('is fast enough to run every frame on 100 000 points', () => {
    const s = ramp(100_000, (i) => Math.sin(i / 100) + 2);
    const started = performance.now();
    for (let k = 0; k < 10; k++) decimateMinMax(s, 800);
    const perCall = (performance.now() - started) / 10;
    assert.ok(perCall < 30, `${perCall.toFixed(1)} ms per decimation`);
  });

  it('keeps a non-finite value as a gap in its bucket', () => {
    const s = ramp(10_000, (i) => i);
    s.y[5000] = NaN;
    const d = decimateMinMax(s, 50);
    assert.ok(d.y.some((v) => Number.isNaN(v)));
    const points = toChartPoints(d);
    assert.ok(points.some((p) => p.y === null), 'NaN becomes null, a break in the chart.js line');
  });

  it('turns values a log axis cannot show into gaps', () => {
    const s: Series = { x: [1, 2, 3, 4, 5], y: [1, 0, -2, Infinity, 0.5] };
    assert.deepEqual(forLogAxis(s).y.map((v) => (Number.isNaN(v) ? 'gap' : v)), [1, 'gap', 'gap', 'gap', 0.5]);
    const shown = displaySeries(s, true, 100);
    assert.deepEqual(toChartPoints(shown).map((p) => p.y), [1, null, null, null, 0.5]);
  });

  it('compacts a series that grows past its cap', () => {
    const s = emptySeries();
    for (let i = 1; i <= 1000; i++) appendPoint(s, i, i % 7, 400);
    assert.ok(s.x.length <= 400, `${s.x.length} points kept`);
    assert.equal(s.x[0], 1);
    assert.equal(s.x[s.x.length - 1], 1000);
    for (let i = 1; i < s.x.length; i++) assert.ok(s.x[i] > s.x[i - 1]);
  });
});
