// The warm interpreter (standby.ts) with the real runtime (the built dist/worker.js): runs take a loaded worker,
// each worker serves one script, and each run brings its own settings.
import { strict as assert } from 'node:assert';
import { startRun, type RunOptions, type RunResult } from './runner';
import { Standby } from './standby';

describe('standby interpreter', function () {
  this.timeout(120000);

  let standby: Standby;
  afterEach(async () => {
    await standby?.dispose();
  });

  async function run(source: string, opts: Partial<RunOptions> = {}): Promise<RunResult> {
    return startRun({ file: 'script.py', source, standby, ...opts }).done;
  }

  it('gives a run a loaded interpreter with the playground packages imported, and loads the next one', async () => {
    standby = new Standby();
    await standby.whenReady();
    assert.equal(standby.ready, true);
    const r = await run('import sys\nprint(sorted(m for m in ("torch", "numpy", "matplotlib.pyplot") if m in sys.modules))\n');
    assert.equal(r.status, 'ok', r.stderr);
    assert.equal(r.stdout, "['matplotlib.pyplot', 'numpy', 'torch']\n");
    // The next standby started loading when the first was taken.
    assert.equal(standby.ready, false);
    await standby.whenReady();
    assert.equal(standby.ready, true);
  });

  it('never runs a script where another script ran', async () => {
    standby = new Standby();
    const first = await run('import torch\ntorch.touched_by = "first"\nimport builtins\nbuiltins.leftover = 1\nprint("first")\n');
    assert.equal(first.status, 'ok', first.stderr);
    const second = await run('import torch, builtins\nprint(getattr(torch, "touched_by", None), hasattr(builtins, "leftover"))\n');
    assert.equal(second.stdout, 'None False\n');
  });

  it('applies each run’s own settings to the worker it takes', async () => {
    standby = new Standby();
    const nan = 'import torch\nx = torch.tensor([0.0])\ny = x / x\nprint("not stopped")\n';
    const detecting = await run(nan, { detectNonFinite: true });
    assert.equal(detecting.status, 'error');
    assert.match(detecting.stderr, /RuntimeError: .*NaN/);
    const plain = await run(nan);
    assert.equal(plain.status, 'ok', plain.stderr);
    assert.equal(plain.stdout, 'not stopped\n');

    // 26 nodes; an event carries ten times the limit (the panel draws the limit after folding).
    const graph = 'import torch\nw = torch.ones(3, requires_grad=True)\ny = w\nfor _ in range(12):\n    y = y * 2 + 1\ny.sum().backward()\n';
    const limited = await run(graph, { graphNodeLimit: 2 });
    const backward = limited.events.find((e) => e.type === 'backward');
    assert.ok(backward && backward.type === 'backward');
    assert.equal(backward.graph.nodes.length, 20);
    assert.ok(backward.graph.truncated && backward.graph.truncated.hiddenNodes > 0);
  });

  it('is not used by a run whose settings need a worker started differently', async () => {
    standby = new Standby();
    await standby.whenReady();
    const r = await run('import sys\nprint("torch" in sys.modules)\n', { trackLines: false });
    assert.equal(r.stdout, 'False\n', 'a fresh worker, not the standby (which has torch imported)');
    assert.equal(standby.ready, true, 'the standby was left for the next run');
  });

  it('serves a run that comes while it is still loading, and after dispose runs start fresh', async () => {
    standby = new Standby();
    const r = await run('import sys\nprint("torch" in sys.modules)\n');
    assert.equal(r.stdout, 'True\n');
    await standby.dispose();
    assert.equal(standby.take({ graphNodeLimit: 1, graphIntervalMs: 0, trackLines: true, detectNonFinite: false, instrument: true, variablesLimit: 1 }), null);
    const fresh = await run('import sys\nprint("torch" in sys.modules)\n');
    assert.equal(fresh.stdout, 'False\n');
  });

  it('stops a run in a standby worker', async () => {
    standby = new Standby();
    await standby.whenReady();
    const handle = startRun({ file: 'loop.py', source: 'print("looping", flush=True)\nwhile True:\n    pass\n', standby });
    const started = Date.now();
    while (Date.now() - started < 30000) {
      await new Promise((res) => setTimeout(res, 20));
      if (standby.ready === false) break;
    }
    await new Promise((res) => setTimeout(res, 300));
    handle.stop();
    const r = await handle.done;
    assert.equal(r.status, 'stopped');
  });
});
