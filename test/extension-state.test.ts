// The extension's decisions that need no VS Code: diagnostics from error/diverged events, the status bar text,
// event batching and throttling for the panel, what a run record keeps, the panel's HTML and message
// checks, and the run lifecycle (a new run of a document stops its old one; documents run side by side).
import { strict as assert } from 'node:assert';
import type { BackwardEvent, DivergedEvent, EndEvent, ErrorEvent, GraphEvent, RunEvent, StdoutEvent } from '../src/protocol/events';
import { encodeNonFinite, isGraphElided } from '../src/protocol/events';
import { diagnosticsFor } from '../src/extension/editor/diagnosticsModel';
import { carriesGraph, compactBatch, elideGraph, EventBatcher, type Scheduler } from '../src/extension/runs/eventBatcher';
import { contentSecurityPolicy, makeNonce, panelHtml } from '../src/extension/panel/panelHtml';
import { decodeExtensionMessage, parseWebviewMessage, type ExtensionToWebview } from '../src/protocol/panel';
import { RunManager, type RunDocument } from '../src/extension/runs/runManager';
import { MAX_HISTORY_POINTS, MAX_RETAINED_BACKWARD, pushPoint, RunRecord, statusText, type HistoryPoint } from '../src/extension/runs/runRecord';
import { formatDuration, formatNumber } from '../src/extension/textFormat';
import type { RunHandle, RunOptions, RunResult } from '../src/runtime/host/runner';

function backward(step: number, loss: number | null = 1 / step, line = 9): BackwardEvent {
  return {
    type: 'backward',
    t: step,
    step,
    file: 'a.py',
    line,
    loss,
    graph: {
      rootId: 1,
      nodes: [
        { id: 1, kind: 'op', gradFn: 'MeanBackward0', name: null, shape: [], dtype: 'float32', line: 8 },
        { id: 2, kind: 'leaf', gradFn: null, name: 'w', shape: [2], dtype: 'float32', line: 3 },
      ],
      edges: [[2, 1]],
      truncated: null,
    },
    leaves: [{ id: 2, name: 'w', shape: [2], grad: { shape: [2], dtype: 'float32', numel: 2, text: 'tensor([1., 1.])', min: 1, max: 1, mean: 1, norm: 10 / step } }],
  };
}

const stdout = (text: string, t = 0): StdoutEvent => ({ type: 'stdout', t, text });
const end = (status: EndEvent['status'], steps: number, durationMs = 4200): EndEvent => ({ type: 'end', t: durationMs, status, durationMs, steps });
const error = (line: number | null, message = "name 'x' is not defined", errorType = 'NameError', file = 'a.py'): ErrorEvent => ({
  type: 'error',
  t: 5,
  errorType,
  message,
  file,
  line,
  traceback: '',
});
const diverged = (step: number, line = 9): DivergedEvent => ({ type: 'diverged', t: 5, step, file: 'a.py', line, loss: NaN });

function record(startedAt = 1000): RunRecord {
  return new RunRecord({ runId: 1, key: 'file:///a.py', file: 'a.py', label: 'a.py', docVersion: 1, startedAt, detectNonFinite: false });
}

describe('diagnostics from run events', () => {
  it('puts an uncaught exception on its line', () => {
    assert.deepEqual(diagnosticsFor('a.py', [error(4)]), [{ line: 4, severity: 'error', message: "NameError: name 'x' is not defined", code: 'exception' }]);
  });

  it('skips errors without a line or from another file', () => {
    assert.deepEqual(diagnosticsFor('a.py', [error(null), error(3, 'm', 'RuntimeError', 'other.py')]), []);
  });

  it('warns on the backward() line of a diverged run, naming the step and likely causes', () => {
    const [d] = diagnosticsFor('a.py', [backward(1), diverged(37, 12)]);
    assert.equal(d.severity, 'warning');
    assert.equal(d.line, 12);
    assert.equal(d.code, 'diverged');
    assert.equal(d.step, 37);
    assert.match(d.message, /^Training diverged at step 37: the loss became nan\. Likely causes: a learning rate that is too large, or input features that are not scaled/);
  });

  it('marks where a detectNonFinite run found the first NaN', () => {
    const [d] = diagnosticsFor('a.py', [error(8, 'non-finite values detected: PowBackward0 (pow) returned inf values. …', 'RuntimeError')]);
    assert.equal(d.code, 'nonFinite');
    assert.match(d.message, /^NaN or inf first appears here: non-finite values detected: PowBackward0 \(pow\)/);
  });
});

describe('status bar text', () => {
  it('shows live step, last loss and elapsed time, then the outcome', () => {
    let now = 1000;
    const r = new RunRecord({ runId: 1, key: 'file:///a.py', file: 'a.py', label: 'a.py', docVersion: 1, startedAt: 1000, detectNonFinite: false }, () => now);
    assert.equal(statusText(r, 2500).text, '$(sync~spin) a.py: starting… 1.5 s');
    r.apply({ type: 'start', t: 0, version: 1, file: 'a.py', startedAt: '' });
    // Python is up and the script runs, but it has not called backward() yet (or never will).
    assert.equal(statusText(r, 3000).text, '$(sync~spin) a.py: running… 2.0 s');
    r.apply(backward(1, 0.5));
    r.apply(backward(2, 0.012345));
    assert.equal(statusText(r, 5200).text, '$(sync~spin) a.py: step 2 · loss 0.01235 · 4.2 s');
    // Elapsed is wall time since Train Model (Python's start-up included), frozen at the end.
    now = 66_000;
    r.apply(end('ok', 2, 63_000));
    assert.equal(statusText(r, 999_999).text, '$(check) a.py: 2 steps · loss 0.01235 · 1 min 05 s');
    assert.match(statusText(r, 0).tooltip, /Click to open the graph panel/);
  });

  it('reports divergence, errors and stops', () => {
    const clock = (): number => 5200;
    const make = (): RunRecord => new RunRecord({ runId: 1, key: 'k', file: 'a.py', label: 'a.py', docVersion: 1, startedAt: 1000, detectNonFinite: false }, clock);
    const d = make();
    d.apply(backward(1, NaN));
    d.apply(diverged(1));
    d.apply(end('ok', 1));
    assert.equal(statusText(d, 0).text, '$(warning) a.py: diverged at step 1 · 4.2 s');
    const one = make();
    one.apply(backward(1, 70));
    one.apply(end('ok', 1));
    assert.equal(statusText(one, 0).text, '$(check) a.py: 1 step · loss 70 · 4.2 s');
    const f = make();
    f.apply(error(4));
    f.apply(end('error', 0));
    assert.equal(statusText(f, 0).text, '$(error) a.py: NameError on line 4');
    const s = make();
    s.apply(backward(3));
    s.apply(end('stopped', 3, 800));
    assert.equal(statusText(s, 0).text, '$(debug-stop) a.py: stopped at step 3 · 4.2 s');
  });

  it('formats numbers and durations compactly', () => {
    assert.deepEqual(
      [0, 0.5, 12.3456, 123456, 0.0001234, NaN, Infinity, -Infinity, null].map(formatNumber),
      ['0', '0.5', '12.35', '1.235e+5', '1.234e-4', 'nan', 'inf', '-inf', '—'],
    );
    assert.equal(formatDuration(59_949), '59.9 s');
    assert.equal(formatDuration(3_723_000), '62 min 03 s');
  });
});

/** A scheduler whose time only moves when the test says so. */
class FakeScheduler implements Scheduler {
  time = 0;
  private timers: Array<{ at: number; fn: () => void; id: number }> = [];
  private nextId = 1;
  now(): number {
    return this.time;
  }
  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.push({ at: this.time + ms, fn, id });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }
  advance(ms: number): void {
    const target = this.time + ms;
    for (;;) {
      this.timers.sort((a, b) => a.at - b.at);
      const next = this.timers[0];
      if (!next || next.at > target) break;
      this.timers.shift();
      this.time = next.at;
      next.fn();
    }
    this.time = target;
  }
}

describe('event batching for the panel', () => {
  it('sends at most one batch per interval, each event once, in order', () => {
    const clock = new FakeScheduler();
    const sent: Array<{ at: number; events: RunEvent[] }> = [];
    const b = new EventBatcher((events) => sent.push({ at: clock.time, events }), 100, clock);
    b.push(stdout('a'));
    b.push(backward(1));
    clock.advance(0);
    assert.equal(sent.length, 1, 'the first events go out on the next tick');
    for (let i = 2; i <= 50; i++) {
      b.push(backward(i));
      clock.advance(7);
    }
    clock.advance(500);
    const gaps = sent.slice(1).map((s, i) => s.at - sent[i].at);
    assert.ok(gaps.every((g) => g >= 100), `gaps ${gaps}`);
    const steps = sent.flatMap((s) => s.events.filter((e): e is BackwardEvent => e.type === 'backward').map((e) => e.step));
    assert.deepEqual(steps, Array.from({ length: 50 }, (_, i) => i + 1));
    // Within a batch only the newest graph travels whole.
    for (const s of sent) {
      const bw = s.events.filter((e): e is BackwardEvent => e.type === 'backward');
      bw.slice(0, -1).forEach((e) => assert.ok(isGraphElided(e.graph)));
      assert.ok(!isGraphElided(bw[bw.length - 1].graph));
    }
  });

  it('honours a changed interval, and drops pending events on reset', () => {
    const clock = new FakeScheduler();
    const sent: number[] = [];
    const b = new EventBatcher(() => sent.push(clock.time), 100, clock);
    b.push(stdout('x'));
    clock.advance(0);
    b.setInterval(1000);
    b.push(stdout('y'));
    clock.advance(999);
    assert.deepEqual(sent, [0]);
    clock.advance(1);
    assert.deepEqual(sent, [0, 1000]);
    b.push(stdout('z'));
    assert.equal(b.pendingCount, 1);
    b.reset();
    clock.advance(5000);
    assert.deepEqual(sent, [0, 1000]);
    b.setInterval(1);
    assert.equal(b.interval, 16, 'clamped to a frame');
  });

  it('merges adjacent output and keeps the graph of the diverged step', () => {
    const batch = compactBatch([stdout('a'), stdout('b'), backward(1), backward(2, NaN), diverged(2), backward(3, NaN), stdout('c')]);
    assert.deepEqual(
      batch.map((e) => e.type),
      ['stdout', 'backward', 'backward', 'diverged', 'backward', 'stdout'],
    );
    assert.equal((batch[0] as StdoutEvent).text, 'ab');
    const graphs = batch.filter((e): e is BackwardEvent => e.type === 'backward').map((e) => !isGraphElided(e.graph));
    assert.deepEqual(graphs, [false, true, true]);
    const elided = elideGraph(backward(1));
    assert.deepEqual(elided.graph.truncated, { shownNodes: 0, hiddenNodes: 2 });
    assert.equal(elided.leaves.length, 1, 'leaves stay for the charts');
  });

  it('keeps the newest whole graph of a batch when later steps came without one', () => {
    const batch = compactBatch([backward(1), backward(2), elideGraph(backward(3)), elideGraph(backward(4))]);
    assert.deepEqual(
      batch.map((e) => e.type === 'backward' && !isGraphElided(e.graph)),
      [false, true, false, false],
    );
  });
});

describe('run record', () => {
  it('keeps histories, the last graph per backward() line, and the outcome', () => {
    const r = record();
    r.apply({ type: 'start', t: 0, version: 1, file: 'a.py', startedAt: '' });
    r.apply(backward(1, 2, 9));
    r.apply(backward(2, 1, 9));
    r.apply(backward(3, 0.5, 20));
    r.apply(end('ok', 3));
    assert.equal(r.status, 'finished');
    assert.deepEqual(
      r.lossHistory.map((p) => p.value),
      [2, 1, 0.5],
    );
    assert.deepEqual(
      r.gradHistory.get('w')!.map((p) => p.value),
      [10, 5, 10 / 3],
    );
    assert.equal(r.backwardByLine.get(9)!.step, 2);
    assert.deepEqual({ ...r.backwardByLine.get(20)! }, { step: 3, line: 20, loss: 0.5, rootId: 1, nodes: 2, ops: 1, leaves: 1, hiddenNodes: 0 });
    const kept = r.events.filter((e): e is BackwardEvent => e.type === 'backward');
    assert.deepEqual(
      kept.map((e) => isGraphElided(e.graph)),
      [true, true, false],
    );
    assert.deepEqual(r.info, { runId: 1, file: 'a.py', label: 'a.py', status: 'finished', startedAt: 1000 });
  });

  it('stays bounded over a long run, keeping the diverged step whole', () => {
    const r = record();
    for (let i = 1; i <= 5; i++) r.apply(backward(i));
    r.apply(backward(6, NaN));
    r.apply(diverged(6));
    for (let i = 7; i <= 3 * MAX_RETAINED_BACKWARD; i++) r.apply(backward(i, NaN));
    const kept = r.events.filter((e): e is BackwardEvent => e.type === 'backward');
    assert.ok(kept.length <= MAX_RETAINED_BACKWARD, `${kept.length}`);
    assert.equal(kept[kept.length - 1].step, 3 * MAX_RETAINED_BACKWARD);
    assert.deepEqual(
      kept.filter((e) => !isGraphElided(e.graph)).map((e) => e.step),
      [6, 3 * MAX_RETAINED_BACKWARD],
    );
    assert.ok(r.lossHistory.length <= MAX_HISTORY_POINTS);
    assert.equal(r.lossHistory[r.lossHistory.length - 1].step, 3 * MAX_RETAINED_BACKWARD);
    assert.equal(r.step, 3 * MAX_RETAINED_BACKWARD);
  });

  it('keeps the latest whole graph through steps sent without one, and takes the closing graph event', () => {
    const r = record();
    const light = (step: number): BackwardEvent => ({ ...elideGraph(backward(step)), leaves: backward(step).leaves.map((l) => ({ ...l, grad: l.grad && { ...l.grad, text: '' } })) });
    r.apply(backward(1));
    r.apply(light(2));
    r.apply(light(3));
    assert.deepEqual(r.gradHistory.get('w')!.map((p) => p.step), [1, 2, 3], 'every step charted');
    assert.equal(r.step, 3);
    assert.equal(r.lastBackward?.step, 1, 'hovers read the latest whole graph');
    assert.equal(r.backwardByLine.get(9)!.step, 1);
    assert.equal(r.backwardByLine.get(9)!.ops, 1);
    const { graph, leaves, file, line } = backward(3);
    const closing: GraphEvent = { type: 'graph', t: 4, step: 3, file, line, graph, leaves };
    r.apply(closing);
    r.apply(end('ok', 3));
    assert.equal(r.lastBackward?.type, 'backward');
    assert.equal(r.lastBackward?.step, 3);
    assert.equal(r.lastBackward?.loss, 1 / 3, 'with the loss of the step it completes');
    assert.deepEqual({ ...r.backwardByLine.get(9)! }, { step: 3, line: 9, loss: 1 / 3, rootId: 1, nodes: 2, ops: 1, leaves: 1, hiddenNodes: 0 });
    assert.equal(r.lossHistory.length, 3, 'no extra point');
    // A restored panel replays the retained events: one whole graph (the closing one), every step's point.
    assert.deepEqual(
      r.events.filter((e) => carriesGraph(e)).map((e) => `${e.type} ${'step' in e ? e.step : ''}`),
      ['graph 3'],
    );
    assert.equal(r.events.filter((e) => e.type === 'backward').length, 3);
  });

  it('thins a history series evenly, keeping the newest point', () => {
    const s: HistoryPoint[] = [];
    for (let i = 1; i <= 25; i++) pushPoint(s, { step: i, value: i }, 10);
    assert.ok(s.length <= 10);
    assert.equal(s[0].step, 1);
    assert.equal(s[s.length - 1].step, 25);
    assert.ok(s.every((p, i) => i === 0 || p.step > s[i - 1].step));
  });
});

describe('panel HTML and messages', () => {
  it('loads only the extension’s script (with a nonce) and stylesheet under a strict CSP', () => {
    const nonce = makeNonce();
    assert.match(nonce, /^[A-Za-z0-9]{16,}$/);
    assert.notEqual(nonce, makeNonce());
    const html = panelHtml({
      cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
      nonce,
      scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview.js',
      styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/panel.css',
      lang: 'zh-cn',
      title: 'Autograd Playground',
      loadingText: '正在加载<…>',
    });
    const csp = contentSecurityPolicy('https://file+.vscode-resource.vscode-cdn.net', nonce);
    assert.ok(html.includes(`content="${csp}"`));
    assert.match(csp, /^default-src 'none'; /);
    assert.ok(!csp.includes('unsafe-inline') && !csp.includes('unsafe-eval'));
    assert.ok(csp.includes(`script-src 'nonce-${nonce}'`));
    assert.ok(html.includes(`<script nonce="${nonce}" src="https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview.js"></script>`));
    assert.ok(html.includes('<link rel="stylesheet" href="https://file+.vscode-resource.vscode-cdn.net/ext/media/panel.css">'));
    assert.equal((html.match(/<script/g) ?? []).length, 1);
    assert.ok(!/<style|style="/.test(html));
    assert.ok(html.includes('正在加载&lt;…&gt;'));
  });

  it('checks what the webview sends', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseWebviewMessage({ type: 'revealLine', line: 12, extra: 1 }), { type: 'revealLine', line: 12 });
    for (const bad of [null, 'ready', { type: 'revealLine', line: 0 }, { type: 'revealLine', line: '3' }, { type: 'eval' }]) {
      assert.equal(parseWebviewMessage(bad), null);
    }
  });

  it('gets NaN and inf across the JSON transport', () => {
    const msg: ExtensionToWebview = { type: 'events', runId: 3, events: [backward(1, NaN), diverged(1)] };
    const wire: unknown = JSON.parse(JSON.stringify(encodeNonFinite(msg)));
    const back = decodeExtensionMessage(wire);
    assert.equal(back.type, 'events');
    if (back.type !== 'events') return;
    const [b, d] = back.events;
    assert.ok(b.type === 'backward' && Number.isNaN(b.loss));
    assert.ok(d.type === 'diverged' && Number.isNaN(d.loss));
    assert.ok(b.type === 'backward' && b.leaves[0].grad!.norm === 10);
  });
});

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
