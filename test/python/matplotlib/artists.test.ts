// matplotlib's ticker, contour/contourf, imshow, axhline/axvline, fill_between, text/annotate, errorbar, twinx,
// colorbar and barh: their numbers against real matplotlib 3.6 (test/fixtures/matplotlib_reference.json, written
// by test/harness/matplotlib_cases.py, which also replays the cases here), what the figure event carries for
// them, and that keywords the playground cannot draw raise an error naming them. The SVG they become is
// tested beside the renderer (src/figures/svg.test.ts, contour.test.ts).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FigureAxes, FigureContour, FigureEvent, FigureImage, FigureText, RunEvent } from '../../../src/protocol/events';
import { openSession, type PythonSession, type RunResult } from '../../../src/runtime/host/runner';
import { fixturesDir, harnessDir } from '../../paths';

type Value = number | string | boolean | null | Value[];
interface Case {
  name: string;
  code: string;
  colors?: boolean;
  out?: Value;
  error?: string;
}

const fixture = JSON.parse(fs.readFileSync(path.join(fixturesDir, 'matplotlib_reference.json'), 'utf8')) as { cases: Case[] };

function rgb(hex: string): number[] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
}

/** Numbers to 1e-12 (relative), strings exactly; colours (#rrggbb) within 1/255 per channel when `colors`. */
function same(actual: Value | undefined, expected: Value, colors: boolean, where: string): void {
  if (typeof expected === 'number') {
    assert.equal(typeof actual, 'number', `${where}: expected ${expected}, got ${JSON.stringify(actual)}`);
    assert.ok(Math.abs((actual as number) - expected) <= 1e-12 * Math.max(1, Math.abs(expected)), `${where}: expected ${expected}, got ${actual}`);
    return;
  }
  if (Array.isArray(expected)) {
    assert.ok(Array.isArray(actual), `${where}: expected a list, got ${JSON.stringify(actual)}`);
    assert.equal(actual.length, expected.length, `${where}: length (${JSON.stringify(actual)})`);
    expected.forEach((e, i) => same((actual as Value[])[i], e, colors, `${where}[${i}]`));
    return;
  }
  if (colors && typeof expected === 'string' && /^#[0-9a-f]{6}$/.test(expected) && typeof actual === 'string') {
    const a = rgb(actual);
    rgb(expected).forEach((e, k) => assert.ok(Math.abs(a[k] - e) <= 1, `${where}: expected ${expected}, got ${actual}`));
    return;
  }
  assert.deepEqual(actual, expected, where);
}

function figures(events: RunEvent[]): FigureEvent[] {
  return events.filter((e): e is FigureEvent => e.type === 'figure');
}

function ok(r: RunResult): void {
  assert.equal(r.status, 'ok', r.stderr);
}

describe('matplotlib ticker, contours, images, fills, text and twins', function () {
  this.timeout(120000);
  let session: PythonSession;
  before(async () => {
    session = await openSession();
  });
  after(async () => {
    await session.close();
  });

  describe('against matplotlib 3.6 (matplotlib_reference.json)', () => {
    let results: Array<{ out?: Value; error?: string }>;
    before(async () => {
      const body = fs.readFileSync(path.join(harnessDir, 'matplotlib_cases.py'), 'utf8');
      const cases = fixture.cases.map((c) => ({ name: c.name, code: c.code }));
      const r = await session.run(`CASES_JSON = ${JSON.stringify(JSON.stringify(cases))}\n${body}`, 'matplotlib_cases.py');
      ok(r);
      results = JSON.parse(r.stdout) as typeof results;
    });
    fixture.cases.forEach((c, i) => {
      it(c.name, () => {
        const r = results[i];
        if (c.error !== undefined) return assert.equal(r.error, c.error);
        assert.equal(r.error, undefined, r.error);
        same(r.out, c.out as Value, c.colors === true, c.name);
      });
    });
  });

  async function figureOf(src: string): Promise<FigureEvent> {
    const r = await session.run(`import numpy as np\nimport matplotlib.pyplot as plt\n${src}\nplt.show()\n`, 'fig.py');
    ok(r);
    const figs = figures(r.events);
    assert.equal(figs.length, 1);
    return figs[0];
  }

  it('sends a decision boundary: the contourf grid, its levels and colours, then the scatter over it', async () => {
    const fig = await figureOf(
      [
        'xx, yy = np.meshgrid(np.arange(-1.0, 1.0, 0.1), np.arange(-0.5, 0.5, 0.1))',
        'Z = (xx + yy > 0).astype(np.int64)',
        "plt.contourf(xx, yy, Z, alpha=0.4, cmap=plt.cm.RdBu)",
        "plt.scatter([0.5, -0.5], [0.2, -0.2], c=[1, 0], cmap=plt.cm.RdBu, edgecolors='k')",
      ].join('\n'),
    );
    const ax = fig.axes[0];
    const [cs] = ax.artists as FigureContour[];
    assert.equal(cs.kind, 'contour');
    assert.equal(cs.filled, true);
    assert.deepEqual([cs.rows, cs.cols, cs.x.length, cs.y.length, cs.z.length], [10, 20, 20, 10, 200]);
    assert.equal(cs.levels.length, 8);
    assert.equal(cs.colors.length, 7);
    assert.deepEqual([cs.alpha, cs.zorder, cs.order], [0.4, 1, 0]);
    assert.equal(ax.series[0].kind, 'scatter');
    assert.equal(ax.series[0].order, 1);
    assert.deepEqual([ax.series[0].edgecolor, ax.series[0].edgewidth], ['#000000', 1]);
    // contourf's autoscale is tight: the view is the grid's extent
    assert.equal(ax.xlim?.[0], -1);
    assert.ok(Math.abs((ax.xlim?.[1] ?? 0) - 0.9) < 1e-9);
  });

  it('sends imshow pixels through the colormap, with the image extent, aspect and inverted y', async () => {
    const fig = await figureOf("plt.imshow([[0, 1], [2, 3]], cmap='gray', interpolation='nearest')\nplt.axis('off')");
    const ax = fig.axes[0];
    const im = ax.artists![0] as FigureImage;
    assert.deepEqual([im.rows, im.cols, im.origin, im.interpolation], [2, 2, 'upper', 'nearest']);
    assert.deepEqual(im.extent, [-0.5, 1.5, 1.5, -0.5]);
    assert.deepEqual(im.pixels, ['#000000', '#555555', '#aaaaaa', '#ffffff']);
    assert.deepEqual([ax.xlim, ax.ylim, ax.aspect, ax.axisOn], [[-0.5, 1.5], [1.5, -0.5], 1, false]);
  });

  it('sends reference lines, fills, error bars, text, annotations, twins, colorbars and ticker labels', async () => {
    const fig = await figureOf(
      [
        'from matplotlib.ticker import FuncFormatter',
        'fig, ax = plt.subplots()',
        "ax.plot([0, 1, 2], [1, 2, 1.5], label='mean')",
        "ax.fill_between([0, 1, 2], [0.5, 1.5, 1], [1.5, 2.5, 2], alpha=0.2, label='band')",
        "ax.axhline(1.2, color='r', ls=':')",
        "ax.errorbar([0, 2], [1, 1.5], yerr=[[0.1, 0.2], [0.3, 0.4]], fmt='none', capsize=4)",
        "ax.text(0.5, 0.9, 'note', transform=ax.transAxes, ha='center', fontsize='large', bbox=dict(boxstyle='round', facecolor='wheat'))",
        "ax.annotate('top', xy=(1, 2), xytext=(0, 10), textcoords='offset points', arrowprops=dict(arrowstyle='-|>', color='k'))",
        "ax.xaxis.set_major_formatter(FuncFormatter(lambda x, pos: 'e%g' % x))",
        't = ax.twinx()',
        "t.bar([0, 1], [10, 20], color='C2')",
        "cs = ax.contourf([[0, 1], [1, 2]], levels=[0, 1, 2], alpha=0.1)",
        "fig.colorbar(cs, label='z')",
        'ax.legend()',
      ].join('\n'),
    );
    const [ax, twin] = fig.axes;
    const kinds = ax.artists!.map((a) => a.kind);
    assert.deepEqual(kinds, ['fill', 'refline', 'errorbar', 'text', 'text', 'contour']);
    const [fill, ref, err, note, top] = ax.artists!;
    assert.equal(fill.kind === 'fill' && fill.polygons[0].length, 12);
    assert.equal(fill.label, 'band');
    assert.ok(ref.kind === 'refline' && ref.orientation === 'h' && ref.value === 1.2 && ref.color === '#ff0000' && ref.linestyle === ':');
    assert.ok(err.kind === 'errorbar' && err.capsize === 4);
    assert.deepEqual(err.kind === 'errorbar' && err.yerr, [[0.9, 1.3], [1.3, 1.9]]);
    const n = note as FigureText;
    assert.deepEqual([n.coords, n.ha, n.fontsize, n.bbox?.rounded, n.bbox?.facecolor], ['axes', 'center', 12, true, 'wheat']);
    const t = top as FigureText;
    assert.deepEqual([t.x, t.y, t.offset, t.arrow?.style, t.arrow?.x, t.arrow?.y], [1, 2, [0, 10], '-|>', 1, 2]);
    assert.deepEqual(ax.xticks?.labels, ax.xticks?.values.map((v) => `e${v}`));
    assert.equal(twin.twinOf, 0);
    assert.equal(twin.series[0].color, '#2ca02c');
    assert.deepEqual(twin.xlim, ax.xlim);
    assert.deepEqual(ax.colorbar?.boundaries, [0, 1, 2]);
    assert.equal(ax.colorbar?.label, 'z');
    assert.deepEqual(ax.colorbar?.ticks?.values, [0, 1, 2]);
  });

  it('sends barh bars as lengths along x and centres along y, categories as y ticks', async () => {
    const fig = await figureOf("plt.barh(['a', 'b', 'c'], [3, 1, 2], height=0.5, left=1)");
    const ax: FigureAxes = fig.axes[0];
    const s = ax.series[0];
    assert.deepEqual([s.kind, s.x, s.y, s.widths, s.bottoms], ['barh', [3, 1, 2], [0, 1, 2], [0.5, 0.5, 0.5], [1, 1, 1]]);
    assert.deepEqual(ax.yticks, { values: [0, 1, 2], labels: ['a', 'b', 'c'] });
  });

  it('names every keyword and option it cannot draw', async () => {
    const checks: Array<[string, string]> = [
      ['plt.contourf([[0, 1], [1, 0]], hatches=["//"])', 'contourf(hatches=...) is not supported'],
      ['plt.contour([[0, 1], [1, 0]], foo=1)', 'contour(foo=...) is not supported'],
      ['plt.imshow([[0, 1]], resample=True)', 'imshow(resample=True) is not supported'],
      ['plt.imshow([[0, 1]], bogus=1)', 'imshow(bogus=...) is not supported'],
      ['plt.axhline(0, marker="o")', 'axhline(marker=...) is not supported'],
      ['plt.fill_between([0, 1], [0, 1], hatch="x")', 'fill_between(hatch=...) is not supported'],
      ['plt.fill_between([0, 1], [0, 1], step="pre")', "fill_between(step='pre') is not supported"],
      ['plt.errorbar([0], [0], yerr=1, lolims=True)', 'errorbar(lolims=True) is not supported'],
      ['plt.text(0, 0, "a", wrap=True)', 'text(wrap=...) is not supported'],
      ['plt.annotate("a", (0, 0), arrowprops=dict(mutation_scale=20))', "annotate(arrowprops={'mutation_scale': ...}) is not supported"],
      ['plt.colorbar(plt.imshow([[0, 1]]), orientation="horizontal")', "colorbar(orientation='horizontal') is not supported"],
      ['plt.clabel(plt.contour([[0, 1], [1, 0]]))', 'clabel() is not supported'],
      ['plt.twiny()', 'twiny() is not supported'],
    ];
    const src = checks
      .map(([code], i) => `try:\n    ${code}\n    print(${i}, 'no error')\nexcept Exception as e:\n    print(${i}, type(e).__name__ + ': ' + str(e))`)
      .join('\n');
    const r = await session.run(`import matplotlib.pyplot as plt\n${src}\n`, 'bad.py');
    ok(r);
    const lines = r.stdout.trim().split('\n');
    checks.forEach(([code, expected], i) => assert.ok(lines[i].includes(expected), `${code}: ${lines[i]}`));
  });
});
