// matplotlib.pyplot records figures: what a `figure` event holds for the scripts tutorials write, and the
// files the CLI makes of it (--events JSON next to the events file, --plots SVG; the SVG renderer itself is
// tested in src/figures/svg.test.ts).
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { decodeEvent, encodeEvent, type FigureEvent, type RunEvent } from '../../../src/protocol/events';
import { openSession, type PythonSession, type RunResult } from '../../../src/runtime/host/runner';
import { repoRoot } from '../../paths';

const root = repoRoot;

function figures(events: RunEvent[]): FigureEvent[] {
  return events.filter((e): e is FigureEvent => e.type === 'figure');
}

function ok(r: RunResult): void {
  assert.equal(r.status, 'ok', r.stderr);
}

const LOSS_CURVE = [
  'import matplotlib',
  "matplotlib.use('Agg')",
  'import matplotlib.pyplot as plt',
  "plt.rcParams['font.sans-serif'] = ['SimHei']",
  "plt.rcParams['axes.unicode_minus'] = False",
  'losses = [1.0 / (i + 1) for i in range(30)]',
  'val = [l * 1.2 for l in losses]',
  'plt.figure(figsize=(8, 4))',
  "plt.plot(losses, label='train')",
  "plt.plot(range(30), val, 'r--', label='val')",
  "plt.xlabel('epoch')",
  "plt.ylabel('loss')",
  "plt.title('损失曲线')",
  'plt.legend()',
  'plt.grid(True)',
].join('\n');

describe('matplotlib.pyplot figures', function () {
  this.timeout(60000);
  let session: PythonSession;
  before(async () => {
    session = await openSession();
  });
  after(async () => {
    await session.close();
  });

  it('records a loss curve with labels, legend, grid and a Chinese title at show()', async () => {
    const r = await session.run(LOSS_CURVE + '\nplt.show()\n', 'loss.py');
    ok(r);
    const [fig] = figures(r.events);
    assert.equal(figures(r.events).length, 1);
    assert.equal(fig.index, 1);
    assert.equal(fig.reason, 'show');
    assert.equal(fig.savefigPath, null);
    assert.deepEqual(fig.figsize, [8, 4]);
    assert.equal(fig.axes.length, 1);
    const ax = fig.axes[0];
    assert.deepEqual([ax.row, ax.col, ax.rows, ax.cols], [0, 0, 1, 1]);
    assert.equal(ax.title, '损失曲线');
    assert.deepEqual([ax.xlabel, ax.ylabel, ax.grid, ax.legend, ax.legendLoc], ['epoch', 'loss', true, true, 'best']);
    const [train, val] = ax.series;
    assert.equal(train.kind, 'line');
    assert.deepEqual(train.x, [...Array(30).keys()]);
    assert.equal(train.y[3], 0.25);
    assert.deepEqual([train.label, train.color, train.linestyle, train.marker, train.linewidth], ['train', '#1f77b4', '-', null, 1.5]);
    assert.deepEqual([val.label, val.color, val.linestyle], ['val', '#ff0000', '--']);
  });

  it('lays out a 1x2 subplot figure: a scatter of tensors and format-string lines', async () => {
    const src = [
      'import torch',
      'import matplotlib.pyplot as plt',
      'x = torch.tensor([0.0, 1.0, 2.0, 3.0])',
      'w = torch.tensor(2.0, requires_grad=True)',
      'y = w * x + 1',
      'fig, axes = plt.subplots(1, 2, figsize=(10, 4))',
      "axes[0].scatter(x, y, alpha=0.5, label='data', c='g', s=25)",
      "axes[0].plot(x, y.detach(), 'k:', label='fit')",
      "axes[0].set_title('fit'); axes[0].legend()",
      "line, = axes[1].plot([3, 2, 1], 'r--')",
      "axes[1].plot([1, 2, 3], 'bo')",
      "axes[1].plot([2, 2, 2], '^', color='C4')",
      'axes[1].set_ylim(0, 4)',
      "fig.suptitle('两个子图')",
      'plt.tight_layout()',
      'print(axes.shape, type(line).__name__)',
      'plt.show()',
    ].join('\n');
    const r = await session.run(src, 'subplots.py');
    ok(r);
    assert.equal(r.stdout, '(2,) Line2D\n');
    const [fig] = figures(r.events);
    assert.equal(fig.suptitle, '两个子图');
    assert.deepEqual(fig.figsize, [10, 4]);
    const [left, right] = fig.axes;
    assert.deepEqual([left.row, left.col, left.rows, left.cols], [0, 0, 1, 2]);
    assert.deepEqual([right.row, right.col, right.rows, right.cols], [0, 1, 1, 2]);
    const [scatter, fit] = left.series;
    assert.equal(scatter.kind, 'scatter');
    assert.deepEqual(scatter.x, [0, 1, 2, 3]);
    assert.deepEqual(scatter.y, [1, 3, 5, 7]);
    assert.deepEqual([scatter.alpha, scatter.color, scatter.size, scatter.marker, scatter.linestyle], [0.5, '#008000', 5, 'o', 'none']);
    assert.deepEqual([fit.color, fit.linestyle, fit.y], ['#000000', ':', [1, 3, 5, 7]]);
    assert.equal(left.title, 'fit');
    const [dashed, dots, triangles] = right.series;
    assert.deepEqual([dashed.color, dashed.linestyle, dashed.marker, dashed.x], ['#ff0000', '--', null, [0, 1, 2]]);
    assert.deepEqual([dots.color, dots.linestyle, dots.marker], ['#0000ff', 'none', 'o']);
    assert.deepEqual([triangles.color, triangles.linestyle, triangles.marker], ['#9467bd', 'none', '^']);
    assert.deepEqual(right.ylim, [0, 4]);
  });

  it('emits one event per savefig and per show, writes no file, and numbers figures per run', async () => {
    const src = LOSS_CURVE + "\nplt.savefig('out/loss.png', dpi=150)\nplt.show()\nimport os\nprint(os.path.exists('out/loss.png'))\n";
    const r = await session.run(src, 'save.py');
    ok(r);
    assert.equal(r.stdout, 'False\n');
    const figs = figures(r.events);
    assert.deepEqual(
      figs.map((f) => [f.index, f.reason, f.savefigPath]),
      [
        [1, 'savefig', 'out/loss.png'],
        [2, 'show', null],
      ],
    );
    assert.deepEqual(figs[0].axes, figs[1].axes);
    // show() closed the figure, and state from earlier runs in this session is gone: the next run starts at 1.
    const again = await session.run("import matplotlib.pyplot as plt\nprint(plt.get_fignums())\nplt.bar(['a', 'b'], [2, 3])\nplt.show()\n");
    ok(again);
    assert.equal(again.stdout, '[]\n');
    const [bar] = figures(again.events);
    assert.equal(bar.index, 1);
    assert.deepEqual(bar.axes[0].xticks, { values: [0, 1], labels: ['a', 'b'] });
    assert.deepEqual([bar.axes[0].series[0].kind, bar.axes[0].series[0].widths], ['bar', [0.8, 0.8]]);
  });

  it('keeps series bounded and non-finite values intact, through the JSON encoding too', async () => {
    const src = [
      'import matplotlib.pyplot as plt',
      'plt.plot(range(25001))',
      "plt.plot([1.0, float('nan'), float('inf'), float('-inf')])",
      'n, bins, _ = plt.hist([1, 2, 2, 3, 3, 3], bins=3)',
      'print(n)',
      'plt.show()',
    ].join('\n');
    const r = await session.run(src);
    ok(r);
    assert.equal(r.stdout, '[1.0, 2.0, 3.0]\n');
    const [fig] = figures(r.events);
    const [long, odd, hist] = fig.axes[0].series;
    assert.equal(long.x.length, 10000);
    assert.equal(long.pointCount, 25001);
    assert.deepEqual([long.x[0], long.x[9999], long.y[9999]], [0, 25000, 25000]);
    assert.ok(long.x.every((v, i) => i === 0 || v > long.x[i - 1]));
    assert.deepEqual(odd.y, [1, NaN, Infinity, -Infinity]);
    assert.deepEqual([hist.kind, hist.y, hist.color], ['hist', [1, 2, 3], '#2ca02c']);
    const line = encodeEvent(fig);
    assert.match(line, /"y":\[1,"nan","inf","-inf"\]/);
    assert.deepEqual((decodeEvent(line) as FigureEvent).axes[0].series[1].y, [1, NaN, Infinity, -Infinity]);
  });

  it('raises a clear AttributeError for what it does not cover', async () => {
    const r = await session.run('import matplotlib.pyplot as plt\nplt.plot([1, 2])\nplt.pie([1, 2])\n', 'partial.py');
    assert.equal(r.status, 'error');
    const error = r.events.find((e) => e.type === 'error');
    assert.ok(error && error.type === 'error');
    assert.equal(error.errorType, 'AttributeError');
    assert.equal(error.line, 3);
    assert.match(error.message, /^matplotlib\.pyplot\.pie is not supported: the Autograd Playground's matplotlib is partial/);
    assert.doesNotMatch(r.stderr, /Did you mean/);
    const ax = await session.run('import matplotlib.pyplot as plt\nfig, ax = plt.subplots()\nax.stackplot([1, 2], [3, 4])\n');
    assert.match(ax.stderr, /AttributeError: Axes\.stackplot is not supported/);
  });
});

describe('cli figure files', function () {
  this.timeout(60000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agp-fig-'));
  });
  after(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
      // The command line's cache (Pyodide's memory snapshot) in this suite's folder rather than the user's.
      const env = { ...process.env, XDG_CACHE_HOME: path.join(dir, '.cache') };
      const child = spawn(process.execPath, [path.join(root, 'dist', 'cli.js'), ...args], { cwd: dir, env });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
  }

  it('writes each figure as JSON next to the events file and as SVG under --plots', async () => {
    fs.writeFileSync(path.join(dir, 'train.py'), LOSS_CURVE + "\nplt.savefig('results/loss.png')\nplt.show()\n");
    const r = await runCli(['run', 'train.py', '--events', 'run.jsonl', '--plots', 'plots']);
    assert.equal(r.stderr, '');
    assert.equal(r.code, 0);
    assert.ok(!fs.existsSync(path.join(dir, 'results')), 'savefig must not write into the user folder');
    const events = fs.readFileSync(path.join(dir, 'run.jsonl'), 'utf8').trimEnd().split('\n').map(decodeEvent);
    assert.deepEqual(events.map((e) => e.type), ['start', 'figure', 'figure', 'variables', 'end']);
    const first = decodeEvent(fs.readFileSync(path.join(dir, 'run.figure-1.json'), 'utf8')) as FigureEvent;
    assert.deepEqual([first.type, first.reason, first.savefigPath, first.axes[0].title], ['figure', 'savefig', 'results/loss.png', '损失曲线']);
    assert.ok(fs.existsSync(path.join(dir, 'run.figure-2.json')));
    assert.deepEqual(fs.readdirSync(path.join(dir, 'plots')).sort(), ['figure-2.svg', 'loss.svg']);
    const svg = fs.readFileSync(path.join(dir, 'plots', 'loss.svg'), 'utf8');
    assert.ok(svg.includes('>损失曲线</text>'));
    assert.match(svg, /<path d="M[^"]+L[^"]+" fill="none" stroke="#1f77b4"/);
    const help = await runCli(['--help']);
    assert.match(help.stdout, /--plots DIR/);
  });

  it("writes an animation's frames (d2l.Animator) over one SVG file, which keeps the last frame", async () => {
    const script = [
      'from d2l import torch as d2l',
      "a = d2l.Animator(legend=['first'])",
      'for x in range(3):',
      '    a.add(x, x * x)',
      "b = d2l.Animator(legend=['second'])",
      'b.add(0, 1)',
    ].join('\n');
    fs.writeFileSync(path.join(dir, 'anim.py'), script + '\n');
    const r = await runCli(['run', 'anim.py', '--events', 'anim.jsonl', '--plots', 'anim']);
    assert.equal(r.stderr, '');
    assert.equal(r.code, 0);
    assert.deepEqual(fs.readdirSync(path.join(dir, 'anim')).sort(), ['figure-1.svg', 'figure-4.svg']);
    assert.ok(fs.existsSync(path.join(dir, 'anim.figure-3.json')), 'every frame is still in the events record');
    // Three points drawn: the last frame's curve (a path of one move and two line segments).
    assert.match(fs.readFileSync(path.join(dir, 'anim', 'figure-1.svg'), 'utf8'), /<path d="M[^"L]+L[^"L]+L[^"L]+" fill="none" stroke="#1f77b4"/);
  });
});
