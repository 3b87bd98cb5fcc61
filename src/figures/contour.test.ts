// Contour geometry: filled bands cover each grid cell exactly once (whole cells merged into rectangles along a
// row, boundary cells clipped into polygons), and contour lines join into polylines through the grid.
import { strict as assert } from 'node:assert';
import type { FigureContour } from '../protocol/events';
import { contourBands, contourLines } from './contour';

function contour(partial: Partial<FigureContour>): FigureContour {
  return {
    kind: 'contour', zorder: 1, order: 0, label: null, alpha: 1, filled: true, rows: 0, cols: 0, x: [], y: [], z: [],
    levels: [], colors: [], linewidths: [], linestyles: [], ...partial,
  };
}

/** Shoelace area of a flat x, y polygon. */
function area(p: number[]): number {
  let s = 0;
  for (let k = 0; k < p.length; k += 2) {
    const j = (k + 2) % p.length;
    s += p[k] * p[j + 1] - p[j] * p[k + 1];
  }
  return Math.abs(s) / 2;
}

function bandArea(b: ReturnType<typeof contourBands>[number]): number {
  return b.rects.reduce((s, [x0, y0, x1, y1]) => s + (x1 - x0) * (y1 - y0), 0) + b.polygons.reduce((s, p) => s + area(p), 0);
}

describe('contour geometry', () => {
  it('merges whole cells of one band into row rectangles and clips the cells a boundary crosses', () => {
    // a 0/1 decision grid over x 0..4, y 0..2: z = 1 where x >= 2
    const x = [0, 1, 2, 3, 4];
    const y = [0, 1, 2];
    const z = y.flatMap(() => x.map((v) => (v >= 2 ? 1 : 0)));
    const bands = contourBands(contour({ rows: 3, cols: 5, x, y, z, levels: [0, 0.5, 1.05], colors: ['#ff0000', '#0000ff'] }));
    assert.deepEqual(bands.map((b) => b.color), ['#ff0000', '#0000ff']);
    // the cells x 0..1 are all 0 and x 2..4 all 1: one rectangle per row for each
    assert.deepEqual(bands[0].rects, [[0, 0, 1, 1], [0, 1, 1, 2]]);
    assert.deepEqual(bands[1].rects, [[2, 0, 4, 1], [2, 1, 4, 2]]);
    // the boundary cells (x 1..2) split at z = 0.5, half each; the whole grid is covered once
    assert.ok(Math.abs(bandArea(bands[0]) - 3) < 1e-12);
    assert.ok(Math.abs(bandArea(bands[1]) - 5) < 1e-12);
  });

  it('leaves NaN cells and values outside the levels unfilled, and handles per-node coordinates', () => {
    const bands = contourBands(contour({ rows: 2, cols: 3, x: [0, 1, 2, 0, 1, 2], y: [0, 0, 0, 1, 1, 1], z: [0, 0, NaN, 0, 0, 5], levels: [-1, 1], colors: ['#000000'] }));
    assert.equal(bands[0].rects.length, 0);
    assert.ok(Math.abs(bandArea(bands[0]) - 1) < 1e-12);
  });

  it('joins line crossings into polylines, closed around a peak', () => {
    const x = [0, 1, 2, 3, 4];
    const z = x.flatMap((i) => x.map((j) => 4 - Math.abs(i - 2) - Math.abs(j - 2)));
    const [line] = contourLines(contour({ filled: false, rows: 5, cols: 5, x, y: x, z, levels: [3], colors: ['#000000'], linewidths: [1], linestyles: ['--'] }));
    assert.deepEqual([line.level, line.linestyle, line.polylines.length], [3, '--', 1]);
    const pts = line.polylines[0];
    // a closed loop: it ends where it started, every point at |i-2| + |j-2| = 1
    assert.deepEqual(pts.slice(-2), pts.slice(0, 2));
    for (let k = 0; k < pts.length; k += 2) assert.ok(Math.abs(Math.abs(pts[k] - 2) + Math.abs(pts[k + 1] - 2) - 1) < 1e-12);
  });
});
