// The run lifecycle: a new run of a document stops its old one; documents run side by side (with the real
// runtime: the built dist/worker.js).
import { strict as assert } from 'node:assert';
import type { EndEvent } from '../../protocol/events';
import { end } from '../../protocol/testEvents';
import { startRun, type RunHandle, type RunOptions, type RunResult } from '../../runtime/host/runner';
import { Standby } from '../../runtime/host/standby';
import { diagnosticsFor } from '../editor/diagnosticsModel';
import type { PythonScriptOptions } from './pythonScript';
import { RunManager, type RunDocument } from './runManager';

describe('run lifecycle', function () {
  this.timeout(60000);

  /** A starter that records calls and lets the test emit events and end runs. */
  function fakeStarter(): { starter: (o: RunOptions) => RunHandle; runs: Array<{ opts: RunOptions; stopped: boolean; finish(status: EndEvent['status']): void }> } {
    const runs: Array<{ opts: RunOptions; stopped: boolean; finish(status: EndEvent['status']): void }> = [];
    const starter = (opts: RunOptions): RunHandle => {
      let resolve!: (r: RunResult) => void;
      const done = new Promise<RunResult>((r) => (resolve = r));
      const entry = {
        opts,
        stopped: false,
        finish(status: EndEvent['status']): void {
          opts.onEvent?.(end(status, 0));
          resolve({ status, exitCode: status === 'ok' ? 0 : 1, stdout: '', stderr: '', events: [] });
        },
      };
      runs.push(entry);
      opts.onEvent?.({ type: 'start', t: 0, version: 1, file: opts.file, startedAt: '' });
      return {
        done,
        stop: () => {
          entry.stopped = true;
        },
      };
    };
    return { starter, runs };
  }

  const doc = (key: string, text = 'print(1)\n'): RunDocument => ({ key, file: key.replace('file://', ''), label: key.split('/').pop()!, version: 1, text });

  it('stops a document’s previous run when it is trained again, and ignores the old run’s events', () => {
    const fake = fakeStarter();
    const m = new RunManager(fake.starter, () => 0);
    const seen: Array<[number, string]> = [];
    const ended: number[] = [];
    m.listen({ event: (r, e) => seen.push([r.runId, e.type]), ended: (r) => ended.push(r.runId) });
    const first = m.start(doc('file:///a.py'), { graphNodeLimit: 50 });
    assert.equal(fake.runs[0].opts.graphNodeLimit, 50);
    assert.equal(fake.runs[0].opts.detectNonFinite, false);
    assert.ok(m.isRunning('file:///a.py'));
    const second = m.start(doc('file:///a.py'), { graphNodeLimit: 50, detectNonFinite: true });
    assert.equal(fake.runs[0].stopped, true, 'the old run was told to stop');
    assert.equal(fake.runs[1].opts.detectNonFinite, true);
    assert.equal(m.get('file:///a.py'), second);
    fake.runs[0].finish('stopped');
    assert.equal(first.status, 'stopped', 'the old record still learns how it ended');
    assert.ok(m.isRunning('file:///a.py'));
    fake.runs[1].finish('ok');
    assert.deepEqual(seen, [
      [1, 'start'],
      [2, 'start'],
      [2, 'end'],
    ]);
    assert.deepEqual(ended, [2]);
    assert.equal(m.anyRunning, false);
  });

  it("passes a document's folder to its run, and none for an untitled one", () => {
    const fake = fakeStarter();
    const m = new RunManager(fake.starter, () => 0);
    m.start({ ...doc('file:///w/src/a.py'), root: '/w', cwd: '/w/src' }, { graphNodeLimit: 50 });
    m.start(doc('untitled:Untitled-1'), { graphNodeLimit: 50 });
    assert.deepEqual(fake.runs.map((r) => [r.opts.root, r.opts.cwd]), [
      ['/w', '/w/src'],
      [undefined, undefined],
    ]);
  });

  it('sends a run with an interpreter to the python starter, and its record says so', () => {
    const fake = fakeStarter();
    const pythonRuns: PythonScriptOptions[] = [];
    const m = new RunManager(fake.starter, () => 0, (opts) => {
      pythonRuns.push(opts);
      return fake.starter({ ...opts });
    });
    const onPython = m.start({ ...doc('file:///w/a.py'), root: '/w', cwd: '/w' }, { graphNodeLimit: 50, python: '/usr/bin/python3' });
    const onPlayground = m.start(doc('file:///w/b.py'), { graphNodeLimit: 50 });
    assert.deepEqual(pythonRuns.map((o) => [o.python, o.file, o.cwd, o.source, o.graphNodeLimit]), [['/usr/bin/python3', '/w/a.py', '/w', 'print(1)\n', 50]]);
    assert.equal(fake.runs.length, 2);
    assert.deepEqual([onPython.backend, onPlayground.backend], ['python', 'playground']);
    assert.equal(onPython.info.backend, 'python');
    onPython.apply({ type: 'torch', t: 1, version: '1.13.1', device: null });
    onPython.apply({ type: 'torch', t: 2, version: '1.13.1', device: 'cpu' });
    assert.equal(onPython.torch?.device, 'cpu');
    assert.deepEqual(onPython.events.filter((e) => e.type === 'torch').length, 1, 'the panel is re-sent the latest only');
  });

  it('runs two documents at once with the real runtime', async () => {
    const m = new RunManager();
    const a = m.start(doc('file:///a.py', 'import torch\nw = torch.ones(2, requires_grad=True)\nfor i in range(3):\n    (w * w).sum().backward()\nprint("a done")\n'), { graphNodeLimit: 200 });
    const b = m.start(doc('file:///b.py', 'import torch\nx = torch.tensor([1.0, 2.0])\nprint(x / 0)\nraise RuntimeError("b fails")\n'), { graphNodeLimit: 200 });
    assert.ok(a.running && b.running && m.anyRunning);
    await Promise.all([m.whenDone('file:///a.py'), m.whenDone('file:///b.py')]);
    assert.equal(a.status, 'finished');
    assert.equal(a.step, 3);
    assert.deepEqual(a.variables!.variables.map((v) => v.name), ['w', 'w.grad']);
    assert.equal(a.variables!.variables[1].value.text, 'tensor([6., 6.])');
    assert.equal(b.status, 'failed');
    assert.deepEqual(diagnosticsFor(b.file, b.events), [{ line: 4, severity: 'error', message: 'RuntimeError: b fails', code: 'exception' }]);
    assert.equal(m.anyRunning, false);
    m.dispose();
  });

  it('with a standby interpreter (as the extension runs): two documents at once, Stop, and Run again', async () => {
    const standby = new Standby();
    const m = new RunManager((opts) => startRun({ ...opts, standby }));
    try {
      await standby.whenReady();
      const loop = 'import torch\nw = torch.ones(1, requires_grad=True)\nwhile True:\n    (w * 2).sum().backward()\n';
      const a = m.start(doc('file:///a.py', loop), { graphNodeLimit: 10 });
      const b = m.start(doc('file:///b.py', 'import torch\nprint(torch.ones(2).sum())\n'), { graphNodeLimit: 10 });
      await m.whenDone('file:///b.py');
      assert.equal(b.status, 'finished');
      while (a.step < 3) await new Promise((res) => setTimeout(res, 50));
      // Run again: the running a.py is stopped and its new run takes the next interpreter.
      const again = m.start(doc('file:///a.py', 'print("again")\n'), { graphNodeLimit: 10 });
      await m.whenDone('file:///a.py');
      // The new run does not wait for the old one's worker to go: on a loaded machine it can finish first, and
      // the old run's end (stopped) arrives after it.
      for (let waited = 0; a.running && waited < 10000; waited += 50) await new Promise((res) => setTimeout(res, 50));
      assert.equal(a.status, 'stopped');
      assert.equal(again.status, 'finished');
      assert.deepEqual(again.events.filter((e) => e.type === 'stdout').map((e) => e.type === 'stdout' && e.text), ['again\n']);
    } finally {
      m.dispose();
      await standby.dispose();
    }
  });

  it('stops a long run on request', async () => {
    const m = new RunManager();
    const r = m.start(doc('file:///loop.py', 'import torch\nw = torch.ones(1, requires_grad=True)\nwhile True:\n    (w * 2).sum().backward()\n'), { graphNodeLimit: 10 });
    while (r.step < 3) await new Promise((res) => setTimeout(res, 50));
    assert.equal(m.stop('file:///loop.py'), true);
    await m.whenDone('file:///loop.py');
    assert.equal(r.status, 'stopped');
    assert.equal(m.stop('file:///loop.py'), false);
    m.dispose();
  });
});
