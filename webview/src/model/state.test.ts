// The panel state reducer: how init/runStarted/events messages and every event type fold into what the
// panel shows, frame batching, bounded console and figures, and the setState round trip.
import { strict as assert } from 'node:assert';
import type { RunEvent, VariablesEvent } from '../../../src/protocol/events';
import { scopedVariables, variable } from '../../../src/protocol/testEvents';
import { restore, snapshot, PERSIST_GRAPHS, PERSIST_LOSS_POINTS, encode, decode } from './persist';
import { isExtensionMessage } from '../protocol';
import { persistedLabel } from '../../../src/protocol/panel';
import { Debouncer, FrameBatcher } from '../views/scheduler';
import {
  appendConsole,
  applyMessage,
  CONSOLE_MAX_LINES,
  createState,
  elapsedMs,
  endVariables,
  leafTable,
  headerStatus,
  lossIsLog,
  FIGURES_MAX,
  type ConsoleState,
  shownGraph,
  showingEarlierStep,
  graphStepFor,
  type PanelState,
} from './state';
import { KEPT_GRAPH_STEPS } from '../../../src/protocol/keptGraphs';
import { axisTickLabel, backendLabel, formatElapsed, formatNumber } from './format';
import { STRINGS, STRINGS_ZH, translate, zhBundle, type StringId } from '../strings';
import { axes, backward, figure, graphEvent, lightBackward, run, series } from '../testFixtures';

function started(): PanelState {
  const s = createState();
  applyMessage(s, { type: 'init', l10n: {}, settings: { graphNodeLimit: 200 }, run: null, events: [] });
  applyMessage(s, { type: 'runStarted', run: run(1) });
  s.dirty.clear();
  return s;
}

function events(s: PanelState, evs: RunEvent[], runId = 1): void {
  applyMessage(s, { type: 'events', runId, events: evs });
}

function consoleText(c: ConsoleState): string[] {
  return c.lines.map((l) => `${l.stream}:${l.text}`);
}

describe('webview panel state', () => {
  it('starts a run from runStarted and follows backward events', () => {
    const s = started();
    assert.equal(s.status, 'running');
    assert.equal(headerStatus(s), 'starting', 'Python is still loading');
    assert.equal(s.run?.label, 'train.py');
    events(s, [{ type: 'start', t: 0, version: 1, file: '/work/train.py', startedAt: '2025-01-01T00:00:00.000Z' }, backward(1, 4), backward(2, 2.5), backward(3, 1.25)]);
    assert.equal(headerStatus(s), 'running');
    assert.equal(s.steps, 3);
    assert.deepEqual(s.loss, { x: [1, 2, 3], y: [4, 2.5, 1.25] });
    assert.deepEqual(
      s.leaves.map((l) => [l.key, l.norms.y.length]),
      [
        ['w', 3],
        ['b', 3],
      ],
    );
    const w = s.leaves[0];
    assert.ok(Math.abs(w.norms.y[2] - Math.hypot(3, 3)) < 1e-9);
    assert.equal(w.grad?.text, 'tensor([3.0000, -3.0000])');
    assert.equal(w.value?.text, 'tensor([0.4700, -1.0000])');
    assert.equal(s.graph?.step, 3);
    assert.equal(s.graph?.summary.rootId, 305);
    assert.ok(['header', 'loss', 'gradients', 'graph'].every((d) => s.dirty.has(d as never)));
  });

  it('names the backend in the header: the playground, or the PyTorch version and device the probe reports', () => {
    const tr = (id: StringId, ...args: Array<string | number>): string => translate({}, id, ...args);
    const s = started();
    assert.deepEqual(backendLabel(s.backend, tr).text, 'Playground', 'a run without a backend is the playground’s');
    applyMessage(s, { type: 'runStarted', run: { ...run(2), backend: 'python' } });
    assert.equal(backendLabel(s.backend, tr).text, 'Python', 'before the probe has said which PyTorch');
    events(s, [{ type: 'start', t: 0, version: 1, file: '/w/train.py', startedAt: '2025-01-01T00:00:00.000Z', backend: 'python' }, { type: 'torch', t: 1, version: '2.11.0+cu128', device: null }], 2);
    assert.deepEqual(backendLabel(s.backend, tr), { text: 'PyTorch 2.11', title: 'Ran on your Python\'s PyTorch 2.11.0+cu128' });
    s.dirty.clear();
    events(s, [{ type: 'torch', t: 2, version: '2.11.0+cu128', device: 'cuda:0' }], 2);
    assert.equal(backendLabel(s.backend, tr).text, 'PyTorch 2.11 · cuda:0');
    assert.ok(s.dirty.has('header'));
    // It survives the panel being hidden and reloaded; a new playground run says Playground again.
    assert.equal(backendLabel(restore(snapshot(s))!.backend, tr).text, 'PyTorch 2.11 · cuda:0');
    applyMessage(s, { type: 'runStarted', run: run(3) });
    assert.equal(backendLabel(s.backend, tr).text, 'Playground');
    assert.equal(backendLabel({ name: 'python', torch: '1.13.1', device: 'cpu' }, (id, ...a) => translate({ 'PyTorch {0} · {1}': 'PyTorch {0}（{1}）' }, id, ...a)).text, 'PyTorch 1.13（cpu）');
  });

  it('keeps only the latest graph, and the last known value of a leaf the node limit cut off', () => {
    const s = started();
    events(s, [backward(1, 3), backward(2, 2, { truncated: true })]);
    assert.deepEqual(s.graph?.summary.truncated, { shownNodes: 3, hiddenNodes: 4 });
    assert.equal(s.graph?.summary.nodes.length, 3);
    // w is not among the 3 shown nodes in step 2: its value stays the one from step 1, its grad is new.
    assert.equal(s.leaves[0].value?.text, 'tensor([0.4900, -1.0000])');
    assert.equal(s.leaves[0].grad?.text, 'tensor([2.0000, -2.0000])');
  });

  it('shows the loss on a log axis by itself once it spans more than four decades or stops being finite', () => {
    const s = started();
    events(s, [backward(1, 5), backward(2, 0.5), backward(3, 0.05)]);
    assert.equal(lossIsLog(s), false, 'two decades');
    events(s, [backward(4, 4e-5)]);
    assert.equal(lossIsLog(s), true, 'more than four decades');
    s.ui.lossLog = false;
    assert.equal(lossIsLog(s), false, 'the user chose Linear');
    const d = started();
    events(d, [backward(1, 1), backward(2, 3), backward(3, Infinity)]);
    assert.equal(lossIsLog(d), true, 'a loss that left the finite range');
    const neg = started();
    events(neg, [backward(1, -1), backward(2, 1e6)]);
    assert.equal(lossIsLog(neg), false, 'a log axis cannot show a negative loss');
  });

  it('records divergence and the end of the run', () => {
    const s = started();
    events(s, [backward(1, 1), backward(2, NaN), { type: 'diverged', t: 20, step: 2, file: 'train.py', line: 9, loss: NaN }]);
    assert.equal(s.diverged?.step, 2);
    assert.ok(Number.isNaN(s.loss.y[1]));
    events(s, [{ type: 'end', t: 30, status: 'ok', durationMs: 1234, steps: 2 }]);
    assert.equal(s.status, 'finished');
    assert.equal(headerStatus(s), 'diverged', 'the header says Diverged, not Finished');
    assert.equal(s.run?.status, 'finished');
    assert.equal(elapsedMs(s, Date.now()), 1234);
    const failed = started();
    events(failed, [
      { type: 'error', t: 5, errorType: 'RuntimeError', message: 'boom', file: 'train.py', line: 4, traceback: 'Traceback…' },
      { type: 'end', t: 6, status: 'error', durationMs: 6, steps: 0 },
    ]);
    assert.equal(failed.status, 'failed');
    assert.equal(failed.error?.message, 'boom');
    const stopped = started();
    events(stopped, [{ type: 'end', t: 6, status: 'stopped', durationMs: 6, steps: 0 }]);
    assert.equal(stopped.status, 'stopped');
  });

  it('counts the elapsed time from Train Model, Python start-up included, while running and once ended', () => {
    const s = createState();
    const clicked = Date.parse('2025-01-01T00:00:00.000Z');
    applyMessage(s, { type: 'runStarted', run: { runId: 1, file: '/work/train.py', label: 'train.py', status: 'running', startedAt: clicked } });
    assert.equal(elapsedMs(s, clicked + 1500), 1500, 'Python still starting');
    events(s, [{ type: 'start', t: 0, version: 1, file: '/work/train.py', startedAt: '2025-01-01T00:00:02.000Z' }]);
    assert.equal(elapsedMs(s, clicked + 2500), 2500);
    events(s, [{ type: 'end', t: 700, status: 'ok', durationMs: 700, steps: 0 }]);
    assert.equal(elapsedMs(s, clicked + 9999), 2700, 'no jump back to the script time when it ends');
  });

  it('reads the JSON wire spelling of non-finite numbers', () => {
    const s = started();
    const e = backward(1, 0);
    (e as unknown as { loss: string }).loss = 'inf';
    events(s, [e]);
    assert.equal(s.loss.y[0], Infinity);
  });

  it('drops events of another run and resets on runStarted, keeping strings, settings and view choices', () => {
    const s = started();
    s.ui.lossLog = true;
    s.l10n = { 'section.loss': '损失' };
    events(s, [backward(1, 1)]);
    events(s, [backward(2, 1)], 99);
    assert.equal(s.steps, 1);
    applyMessage(s, { type: 'runStarted', run: run(2) });
    assert.equal(s.steps, 0);
    assert.equal(s.loss.x.length, 0);
    assert.equal(s.graph, null);
    assert.equal(s.ui.lossLog, true);
    assert.equal(s.l10n['section.loss'], '损失');
    events(s, [backward(1, 5)], 1);
    assert.equal(s.steps, 0, 'a late batch of run 1 is ignored');
  });

  it('init replaces everything with the host list, and keeps the restored state when the host has no run', () => {
    const s = createState();
    applyMessage(s, { type: 'init', l10n: { Stop: '停止' }, settings: { graphNodeLimit: 50 }, run: run(7), events: [backward(1, 3), backward(2, 2)] });
    assert.equal(s.steps, 2);
    assert.equal(s.settings.graphNodeLimit, 50);
    assert.equal(s.l10n.Stop, '停止');
    applyMessage(s, { type: 'init', l10n: {}, settings: { graphNodeLimit: 50 }, run: null, events: [] });
    assert.equal(s.steps, 2, 'no run on the host (window reload): keep what was restored');
    assert.equal(s.run?.runId, 7);
    applyMessage(s, { type: 'init', l10n: {}, settings: { graphNodeLimit: 50 }, run: run(7), events: [backward(1, 3)] });
    assert.equal(s.steps, 1, 'the host list is authoritative');
    applyMessage(s, { type: 'init', l10n: {}, settings: { graphNodeLimit: 50 }, run: run(8), events: [] });
    assert.equal(s.steps, 0, 'another run: start over');
    assert.equal(s.run?.runId, 8);
  });

  it('keeps the last full graph when the host elides the graphs of older steps', () => {
    const s = started();
    const elided = (step: number) => {
      const e = backward(step, 1 / step);
      return { ...e, graph: { rootId: e.graph.rootId, nodes: [], edges: [], truncated: { shownNodes: 0, hiddenNodes: 7 } } };
    };
    events(s, [elided(1), elided(2), backward(3, 0.3)]);
    assert.equal(s.graph?.step, 3);
    assert.deepEqual(s.loss.x, [1, 2, 3], 'loss and gradients use every step');
    assert.equal(s.leaves[0].norms.x.length, 3);
    events(s, [elided(4)]);
    assert.equal(s.graph?.step, 3);
    assert.equal(s.graph?.summary.nodes.length, 7);
    assert.equal(s.leaves[0].value?.text, 'tensor([0.4700, -1.0000])', 'value from the last full graph');
  });

  it('charts every light step, and fills the table and graph from whole graphs and the closing graph event', () => {
    const s = started();
    events(s, [backward(1, 1), lightBackward(2, 0.5), lightBackward(3, 0.25)]);
    assert.deepEqual(s.loss.x, [1, 2, 3]);
    assert.deepEqual(Array.from(s.leaves.find((l) => l.name === "w")!.norms.y), [1, 2, 3].map((k) => Math.sqrt(2 * k * k)));
    assert.equal(s.graph?.step, 1);
    const w = () => s.leaves.find((l) => l.name === 'w')!;
    assert.equal(w().grad?.text, 'tensor([1.0000, -1.0000])', 'the table shows one step: the latest whole graph');
    assert.equal(w().value?.text, 'tensor([0.4900, -1.0000])');
    events(s, [graphEvent(3)]);
    assert.equal(s.graph?.step, 3);
    assert.equal(s.graph?.summary.nodes.length, 7);
    assert.equal(w().grad?.text, 'tensor([3.0000, -3.0000])');
    assert.equal(w().value?.text, 'tensor([0.4700, -1.0000])');
    assert.deepEqual(s.loss.x, [1, 2, 3], 'the graph event adds no point');
    assert.equal(w().norms.x.length, 3);
    assert.equal(s.steps, 3);
  });

  it('keeps the graph of the step that diverged next to the latest one', () => {
    const s = started();
    events(s, [backward(1, 1), backward(2, Infinity), { type: 'diverged', t: 20, step: 2, file: 'train.py', line: 9, loss: Infinity }, backward(3, NaN)]);
    assert.equal(s.divergedGraph?.step, 2);
    assert.equal(s.graph?.step, 3);
    assert.equal(shownGraph(s)?.step, 3);
    s.ui.graphStep = 2;
    assert.equal(shownGraph(s)?.step, 2);
  });

  it('keeps whole graphs for the step slider, bounded and spread, and shows the step picked with its values', () => {
    const s = started();
    for (let step = 1; step <= 400; step++) events(s, [backward(step, 1 / step)]);
    const steps = s.graphs.map((g) => g.step);
    assert.ok(steps.length <= KEPT_GRAPH_STEPS + 3 && steps.length >= KEPT_GRAPH_STEPS / 2, `${steps.length}`);
    assert.equal(steps[0], 1);
    assert.equal(steps[steps.length - 1], 400);
    assert.ok(steps.every((x, i) => i === 0 || x > steps[i - 1]), 'oldest first');
    assert.equal(shownGraph(s)?.step, 400, 'the latest by default');
    assert.equal(showingEarlierStep(s), false);
    // A point of the loss chart picks the nearest kept step; the latest one means "follow the latest".
    const picked = graphStepFor(s, 100);
    assert.ok(picked !== null && steps.includes(picked) && Math.abs(picked - 100) <= 400 / KEPT_GRAPH_STEPS, `${picked}`);
    assert.equal(graphStepFor(s, 399), null);
    s.ui.graphStep = picked;
    const g = shownGraph(s)!;
    assert.equal(g.step, picked);
    assert.ok(showingEarlierStep(s));
    // The values table shows that step's values and gradients (from its graph's leaves), not the latest.
    const table = leafTable(s);
    assert.equal(table.step, picked);
    const w = table.rows.find((r) => r.track.name === 'w')!;
    assert.equal(w.grad?.text, backward(picked!, 0).graph.nodes.find((n) => n.name === 'w')!.grad!.text);
    // The step picked stays kept while later steps thin the others.
    for (let step = 401; step <= 4000; step++) events(s, [backward(step, 1 / step)]);
    assert.equal(shownGraph(s)?.step, picked);
    assert.ok(s.graphs.length <= KEPT_GRAPH_STEPS + 3);
  });

  it('keeps the step picked through a save and restore and an init of the same run, not into the next run', () => {
    const s = started();
    for (let step = 1; step <= 5; step++) events(s, [backward(step, 1)]);
    s.ui.graphStep = 2;
    const back = restore(JSON.parse(JSON.stringify(snapshot(s))))!;
    assert.equal(shownGraph(back)?.step, 2);
    assert.ok(back.graphs.length >= 2 && back.graphs.length <= PERSIST_GRAPHS + 3);
    const replay: RunEvent[] = [1, 2, 3, 4, 5].map((step) => backward(step, 1));
    applyMessage(back, { type: 'init', l10n: {}, settings: { graphNodeLimit: 200 }, run: run(1), events: replay });
    assert.equal(shownGraph(back)?.step, 2, 'the same run sent again');
    assert.equal(back.graphs.length, 5);
    applyMessage(back, { type: 'runStarted', run: run(2) });
    assert.equal(back.ui.graphStep, null, 'a new run starts at its latest step');
  });

  it('handles cursorLine and showNode', () => {
    const s = started();
    applyMessage(s, { type: 'cursorLine', line: 7 });
    assert.equal(s.cursorLine, 7);
    assert.ok(s.dirty.has('cursor'));
    applyMessage(s, { type: 'showNode', nodeId: 42 });
    applyMessage(s, { type: 'showNode', nodeId: 42 });
    assert.deepEqual(s.focus, { nodeId: 42, seq: 2 });
  });

  it('accepts only the protocol messages', () => {
    assert.ok(isExtensionMessage({ type: 'events', runId: 1, events: [] }));
    assert.ok(!isExtensionMessage({ type: 'somethingElse' }));
    assert.ok(!isExtensionMessage('init'));
    assert.ok(!isExtensionMessage(null));
  });

  it('joins output chunks into lines, keeps streams apart and honours \\r', () => {
    const c: ConsoleState = { lines: [], nextId: 0, dropped: 0 };
    appendConsole(c, 'stdout', 'Epoch 1');
    appendConsole(c, 'stdout', ', loss 0.5\nEpoch 2');
    appendConsole(c, 'stderr', 'warn\n');
    appendConsole(c, 'stdout', '\n\n');
    appendConsole(c, 'stdout', 'printed');
    appendConsole(c, 'stderr', 'UserWarning: x\n');
    appendConsole(c, 'stdout', '\n');
    appendConsole(c, 'stdout', '10%\r50%\r100%\n');
    appendConsole(c, 'stdout', '\u001b[31mred\u001b[0m\n');
    assert.deepEqual(consoleText(c), ['stdout:Epoch 1, loss 0.5', 'stdout:Epoch 2', 'stderr:warn', 'stdout:', 'stdout:printed', 'stderr:UserWarning: x', 'stdout:100%', 'stdout:red']);
  });

  it('keeps the last CONSOLE_MAX_LINES lines and counts the rest', () => {
    const s = started();
    const chunk = Array.from({ length: 1000 }, (_, i) => `line ${i}`).join('\n') + '\n';
    for (let k = 0; k < 7; k++) events(s, [{ type: 'stdout', t: k, text: chunk }]);
    assert.equal(s.console.lines.length, CONSOLE_MAX_LINES);
    assert.equal(s.console.dropped, 7000 - CONSOLE_MAX_LINES);
    assert.equal(s.console.lines[s.console.lines.length - 1].text, 'line 999');
  });

  it('merges savefig followed by show of the same figure, and caps the figure list', () => {
    const s = started();
    const ax = axes({ series: [series({})] });
    events(s, [figure({ index: 1, reason: 'savefig', savefigPath: 'loss.png', axes: [ax] }), figure({ index: 2, reason: 'show', axes: [ax] })]);
    assert.equal(s.figures.length, 1);
    assert.deepEqual(s.figures[0].reasons, [
      { reason: 'savefig', path: 'loss.png' },
      { reason: 'show', path: null },
    ]);
    for (let i = 0; i < FIGURES_MAX + 5; i++) events(s, [figure({ index: 3 + i, axes: [axes({ title: `f${i}` })] })]);
    assert.equal(s.figures.length, FIGURES_MAX);
    assert.equal(s.figuresDropped, 6);
  });

  it("redraws an animation's frames (display events of one displayId) in place, under its first index", () => {
    const s = started();
    const frame = (index: number, displayId: number, points: number): RunEvent =>
      figure({ index, reason: 'display', displayId, figsize: [3.5, 2.5], axes: [axes({ series: [series({ x: Array.from({ length: points }, (_, i) => i + 1) })] })] });
    events(s, [frame(1, 1, 1), figure({ index: 2, axes: [axes({ title: 'other' })] }), frame(3, 1, 2), frame(4, 1, 3)]);
    assert.equal(s.figures.length, 2);
    assert.deepEqual(
      s.figures.map((f) => [f.figure.index, f.figure.reason, f.figure.axes[0].series[0]?.x.length ?? 0]),
      [
        [1, 'display', 3],
        [2, 'show', 0],
      ],
    );
    assert.deepEqual(s.figures[0].reasons, [{ reason: 'display', path: null }]);
    // Another displayId is another figure (a second Animator), and so is a display without one.
    events(s, [frame(5, 2, 1), figure({ index: 6, reason: 'display', axes: [axes({ title: 'plain' })] }), frame(7, 2, 2)]);
    assert.deepEqual(
      s.figures.map((f) => [f.figure.index, f.figure.displayId ?? null]),
      [
        [1, 1],
        [2, null],
        [5, 2],
        [6, null],
      ],
    );
    assert.equal(s.figures[2].figure.axes[0].series[0].x.length, 2);
  });

  it('replays 100 000 backward events quickly and keeps every loss point', () => {
    const s = started();
    const base = backward(1, 1);
    const started_ = performance.now();
    const batch: RunEvent[] = [];
    for (let i = 1; i <= 100_000; i++) batch.push({ ...base, step: i, loss: 1 / i });
    events(s, batch);
    const ms = performance.now() - started_;
    assert.equal(s.loss.x.length, 100_000);
    assert.equal(s.leaves[0].norms.x.length <= 50_000, true);
    assert.ok(ms < 3000, `${ms.toFixed(0)} ms`);
  });

  it('renders at most once per animation frame however many messages arrive', () => {
    const frames: Array<() => void> = [];
    let renders = 0;
    const b = new FrameBatcher(
      (cb) => frames.push(cb),
      () => renders++,
    );
    for (let i = 0; i < 50; i++) b.schedule();
    assert.equal(frames.length, 1);
    frames.shift()!();
    assert.equal(renders, 1);
    b.schedule();
    b.schedule();
    assert.equal(frames.length, 1);
  });

  it('debounces saving and flushes at once on demand', async () => {
    let saves = 0;
    const d = new Debouncer(20, () => saves++);
    d.schedule();
    d.schedule();
    assert.equal(saves, 0);
    await new Promise((r) => setTimeout(r, 40));
    assert.equal(saves, 1);
    d.schedule();
    d.flush();
    assert.equal(saves, 2);
    await new Promise((r) => setTimeout(r, 40));
    assert.equal(saves, 2);
  });

  it('saves a bounded state that restores what the panel shows, NaN included', () => {
    const s = started();
    const base = backward(1, 1);
    const batch: RunEvent[] = [];
    for (let i = 1; i <= 50_000; i++) batch.push({ ...base, step: i, loss: i === 30_000 ? NaN : 1 / i });
    batch.push({ type: 'diverged', t: 1, step: 30_000, file: 'train.py', line: 9, loss: NaN });
    batch.push({ type: 'stdout', t: 2, text: 'hello 你好\n' });
    events(s, batch);
    s.ui.gradLog = true;
    const saved = snapshot(s);
    // VS Code stores it as JSON.
    const json = JSON.parse(JSON.stringify(saved)) as unknown;
    assert.equal(persistedLabel(json), run().label, 'the extension names the restored tab from it');
    assert.equal(persistedLabel({ version: 1, body: '{}', label: null }), null);
    const back = restore(json);
    assert.ok(back);
    assert.ok(back.loss.x.length <= PERSIST_LOSS_POINTS * 1.01, `${back.loss.x.length} points saved`);
    assert.equal(back.loss.x[back.loss.x.length - 1], 50_000);
    assert.ok(back.loss.y.some((v) => Number.isNaN(v)), 'the non-finite loss survives');
    assert.ok(Number.isNaN(back.diverged!.loss));
    assert.equal(back.steps, 50_000);
    assert.equal(back.leaves.length, 2);
    assert.equal(back.graph?.summary.nodes.length, 7);
    assert.equal(back.console.lines[0].text, 'hello 你好');
    assert.equal(back.ui.gradLog, true);
    assert.ok(saved.body.length < 2_000_000, `${saved.body.length} chars`);
    assert.equal(restore(undefined), null);
    assert.equal(restore({ version: 999, body: '{}' }), null);
    assert.equal(restore({ version: 1, body: 'not json' }), null);
  });

  it('keeps a printed "nan" a string through saving', () => {
    const v = { text: 'nan', loss: NaN, y: [1, Infinity, -Infinity] };
    assert.deepEqual(decode(encode(v)), v);
  });

  it('formats numbers and times as the panel shows them', () => {
    assert.equal(formatNumber(NaN), 'nan');
    assert.equal(formatNumber(-Infinity), '-inf');
    assert.equal(formatNumber(115.27332305908203), '115.27');
    assert.equal(formatNumber(1.5e-7), '1.5e-7');
    assert.equal(formatNumber(0), '0');
    assert.equal(axisTickLabel(2e32, false), '2e32');
    assert.equal(axisTickLabel(0.30000000000000004, false), '0.3');
    assert.equal(axisTickLabel(100, true), '100');
    assert.equal(axisTickLabel(200, true), '', 'log axes label the powers of ten only');
    assert.equal(formatElapsed(432), '0.4 s');
    assert.equal(formatElapsed(59_999), '59.9 s');
    assert.equal(formatElapsed(65_400), '1:05');
    assert.equal(formatElapsed(3_725_000), '1:02:05');
  });
});

describe('webview strings', () => {
  it('has a Chinese text for every id, with the same placeholders', () => {
    for (const id of Object.keys(STRINGS) as StringId[]) {
      const placeholders = (s: string): string[] => (s.match(/\{\d+\}/g) ?? []).sort();
      assert.ok(STRINGS_ZH[id], id);
      assert.deepEqual(placeholders(STRINGS_ZH[id]), placeholders(STRINGS[id]), id);
    }
    // The English texts are the bundle's keys: two ids with the same text could not be translated apart.
    assert.equal(new Set(Object.values(STRINGS)).size, Object.keys(STRINGS).length);
    assert.equal(Object.keys(zhBundle()).length, Object.keys(STRINGS).length);
  });

  it('falls back to English and fills placeholders', () => {
    assert.equal(translate({}, 'graph.hidden', 12, 200), '12 more nodes hidden (graph node limit 200)');
    // The host's l10n is VS Code's bundle: keyed by the English text.
    assert.equal(translate(zhBundle(), 'graph.hidden', 12, 200), '另有 12 个节点未显示（计算图节点上限 200）');
    assert.equal(translate({ Stop: '停止' }, 'header.stop'), '停止');
    assert.equal(translate({ constructor: 'x' }, 'header.stop'), 'Stop');
  });
});

/** The script's `w` and `b` after the optimizer's last step, as the end-of-run event reads them. */
function endOfRun(): VariablesEvent {
  return { type: 'variables', t: 90, file: 'train.py', truncated: 0, variables: [variable('w', [0.4, -0.9], [9, -9]), variable('b', [1.5], [20])] };
}

describe('the variables in the panel state', () => {
  it('follows the latest variables event: backward captures while running, the end at the end', () => {
    const s = started();
    events(s, [backward(1, 2), scopedVariables('backward', 1)]);
    assert.ok(s.dirty.has('variables'));
    assert.equal(s.variables?.step, 1);
    assert.equal(endVariables(s), null);
    events(s, [backward(2, 1), scopedVariables('backward', 2)]);
    assert.equal(s.variables?.step, 2);
    events(s, [endOfRun(), { type: 'end', t: 100, status: 'ok', durationMs: 100, steps: 2 }]);
    assert.equal(endVariables(s), s.variables);
  });

  it('shows the end of the run in the values table by default, the last backward() on request', () => {
    const s = started();
    events(s, [backward(1, 2), backward(2, 1)]);
    // Running: the end is not there yet, so the table shows the last backward() and says so.
    let table = leafTable(s);
    assert.deepEqual([table.at, table.step, table.endPending], ['backward', 2, true]);
    events(s, [endOfRun()]);
    table = leafTable(s);
    assert.deepEqual([table.at, table.endPending], ['end', false]);
    assert.deepEqual(table.rows.map((r) => [r.track.name, r.value?.text, r.grad?.text]), [
      ['w', 'tensor([0.4000, -0.9000])', 'tensor([9.0000, -9.0000])'],
      ['b', 'tensor([1.5000])', 'tensor([20.0000])'],
    ]);
    s.ui.leafState = 'backward';
    table = leafTable(s);
    assert.deepEqual([table.at, table.endPending], ['backward', false]);
    assert.equal(table.rows[1].value?.text, 'tensor([0.2000])', "the graph's value of b at step 2");
  });

  it('finds a leaf at the end by its global name before a local one, or through an alias; else leaves it empty', () => {
    const s = started();
    events(s, [backward(1, 2)]);
    events(s, [{
      type: 'variables', t: 5, file: 'train.py', truncated: 0,
      scopes: [{ kind: 'function', name: 'f', file: 'train.py', firstLine: 1, lastLine: 3, line: 2 }],
      variables: [variable('w', [7], [7], { scope: 0 }), variable('w', [8], [8]), variable('bias', [3], [3], { aliasOf: 'b', scope: 0 })],
    }]);
    assert.deepEqual(leafTable(s).rows.map((r) => r.value?.text), ['tensor([8.0000])', 'tensor([3.0000])']);
    events(s, [{ type: 'variables', t: 6, file: 'train.py', truncated: 0, variables: [] }]);
    assert.deepEqual(leafTable(s).rows.map((r) => r.value), [null, null]);
  });

  it('keeps the variables and the view choices through a save and restore; older saves restore without them', () => {
    const s = started();
    events(s, [backward(1, 2), scopedVariables()]);
    s.ui.leafState = 'backward';
    s.ui.varSort = 'grad';
    s.ui.varExpanded = ['g:model'];
    const back = restore(JSON.parse(JSON.stringify(snapshot(s))));
    assert.ok(back);
    assert.equal(back.variables?.variables.length, scopedVariables().variables.length);
    assert.deepEqual([back.ui.leafState, back.ui.varSort, back.ui.varExpanded], ['backward', 'grad', ['g:model']]);
    const old = snapshot(started());
    const body = JSON.parse(old.body) as Record<string, unknown>;
    delete body.variables;
    (body.ui as Record<string, unknown>).leafState = undefined;
    const restored = restore({ ...old, body: JSON.stringify({ ...body, ui: { lossLog: null, gradLog: false, graphChoice: 'latest', collapsed: [] } }) });
    assert.ok(restored);
    assert.deepEqual([restored.variables, restored.ui.leafState, restored.ui.varSort, restored.ui.varExpanded], [null, 'end', 'name', []]);
  });
});
