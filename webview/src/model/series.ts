/**
 * Step-indexed number series (loss, gradient norms) and their min/max decimation. Pure: no DOM, no chart.js,
 * so the mocha suite runs it under Node.
 *
 * Why our own bucketing rather than chart.js's decimation plugin: the plugin only works with `parsing: false`
 * and keeps its own copy per chart, and it cannot drop points for a log axis first. Bucketing ourselves
 * also gives the state a bounded form to persist with setState.
 */

/** Parallel arrays: x (step) ascending, y may hold NaN / ±Infinity (drawn as gaps). */
export interface Series {
  x: number[];
  y: number[];
}

export function emptySeries(): Series {
  return { x: [], y: [] };
}

/**
 * Keeps at most about 2 × `buckets` points: the series is cut into `buckets` runs of consecutive points and
 * each run keeps its lowest and highest finite point (in step order), so spikes survive however far the
 * curve is zoomed out, plus its first non-finite point, so a gap stays a gap. The first and last points are
 * always kept. Short series are returned as copies, untouched.
 */
export function decimateMinMax(s: Series, buckets: number): Series {
  const n = s.x.length;
  const b = Math.max(1, Math.floor(buckets));
  if (n <= 2 * b + 2) return { x: s.x.slice(), y: s.y.slice() };
  const out: Series = { x: [], y: [] };
  const push = (i: number): void => {
    out.x.push(s.x[i]);
    out.y.push(s.y[i]);
  };
  push(0);
  // Interior points 1 … n-2 in b runs of (almost) equal length.
  const inner = n - 2;
  for (let k = 0; k < b; k++) {
    const from = 1 + Math.floor((k * inner) / b);
    const to = 1 + Math.floor(((k + 1) * inner) / b);
    let lo = -1;
    let hi = -1;
    let gap = -1;
    for (let i = from; i < to; i++) {
      const v = s.y[i];
      if (!Number.isFinite(v)) {
        if (gap < 0) gap = i;
        continue;
      }
      if (lo < 0 || v < s.y[lo]) lo = i;
      if (hi < 0 || v > s.y[hi]) hi = i;
    }
    // Emit the (up to three) kept indices in step order without allocating: this runs every frame.
    let a = lo;
    let c = hi === lo ? -1 : hi;
    let g = gap;
    if (a > c) [a, c] = [c, a];
    if (a > g) [a, g] = [g, a];
    if (c > g) [c, g] = [g, c];
    if (a >= 0) push(a);
    if (c >= 0) push(c);
    if (g >= 0) push(g);
  }
  push(n - 1);
  return out;
}

/** The y values a log axis can show: zero, negatives and non-finite values become NaN (gaps). */
export function forLogAxis(s: Series): Series {
  return { x: s.x, y: s.y.map((v) => (v > 0 && Number.isFinite(v) ? v : NaN)) };
}

/** Points for chart.js: non-finite y becomes null, which chart.js draws as a break in the line. */
export function toChartPoints(s: Series): Array<{ x: number; y: number | null }> {
  const out = new Array<{ x: number; y: number | null }>(s.x.length);
  for (let i = 0; i < s.x.length; i++) out[i] = { x: s.x[i], y: Number.isFinite(s.y[i]) ? s.y[i] : null };
  return out;
}

/**
 * Appends one point, compacting when the series passes `cap` points: the whole series is decimated to
 * cap / 4 buckets (about cap / 2 points). This bounds memory on runs of millions of steps while the
 * display (which decimates again to the canvas width) looks the same.
 */
export function appendPoint(s: Series, x: number, y: number, cap: number): void {
  s.x.push(x);
  s.y.push(y);
  if (s.x.length > cap) {
    const d = decimateMinMax(s, Math.max(1, Math.floor(cap / 4)));
    s.x = d.x;
    s.y = d.y;
  }
}

/** The series as shown: log-filtered when asked, then decimated to `buckets` min/max pairs. */
export function displaySeries(s: Series, log: boolean, buckets: number): Series {
  return decimateMinMax(log ? forLogAxis(s) : s, buckets);
}
