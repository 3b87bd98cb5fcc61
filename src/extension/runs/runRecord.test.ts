// What a run record keeps (histories, the last graph per backward() line, the outcome, bounds over long runs)
// and the status bar text it gives.
import { strict as assert } from 'node:assert';
import type { BackwardEvent, GraphEvent } from '../../protocol/events';
import { isGraphElided } from '../../protocol/events';
import { backward, diverged, end, error, scopedVariables } from '../../protocol/testEvents';
import { carriesGraph, elideGraph } from './eventBatcher';
import { KEPT_GRAPH_STEPS } from '../../protocol/keptGraphs';
import { MAX_HISTORY_POINTS, MAX_RETAINED_BACKWARD, pushPoint, RunRecord, statusText, type HistoryPoint } from './runRecord';

function record(startedAt = 1000): RunRecord {
  return new RunRecord({ runId: 1, key: 'file:///a.py', file: 'a.py', label: 'a.py', docVersion: 1, startedAt, detectNonFinite: false });
}

describe('status bar text', () => {
  it('shows live step, last loss and elapsed time, then the outcome', () => {
    let now = 1000;
    const r = new RunRecord({ runId: 1, key: 'file:///a.py', file: 'a.py', label: 'a.py', docVersion: 1, startedAt: 1000, detectNonFinite: false }, () => now);
    assert.equal(statusText(r, 2500).text, '$(sync~spin) a.py: starting Python… 1.5 s');
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
      [false, false, false],
    );
    assert.deepEqual(r.info, { runId: 1, file: 'a.py', label: 'a.py', status: 'finished', startedAt: 1000, backend: 'playground' });
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
    // Whole graphs for the step slider: the first, the diverged step's, the newest, and a bounded few between.
    const whole = kept.filter((e) => !isGraphElided(e.graph)).map((e) => e.step);
    assert.ok(whole.length <= KEPT_GRAPH_STEPS + 3, `${whole.length}`);
    assert.ok(whole[0] === 1 && whole.includes(6), `${whole}`);
    assert.equal(whole[whole.length - 1], 3 * MAX_RETAINED_BACKWARD);
    const even = (3 * MAX_RETAINED_BACKWARD) / KEPT_GRAPH_STEPS;
    for (let i = 1; i < whole.length; i++) assert.ok(whole[i] - whole[i - 1] <= 2 * even + 1, `gap ${whole[i - 1]}→${whole[i]}`);
    assert.ok(r.lossHistory.length <= MAX_HISTORY_POINTS);
    assert.equal(r.lossHistory[r.lossHistory.length - 1].step, 3 * MAX_RETAINED_BACKWARD);
    assert.equal(r.step, 3 * MAX_RETAINED_BACKWARD);
  });

  it('keeps whole graphs through steps sent without one, and takes the closing graph event', () => {
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
      ['backward 1', 'graph 3'],
    );
    assert.equal(r.events.filter((e) => e.type === 'backward').length, 3);
  });

  it('keeps only the latest variables event, and the whole graphs with it', () => {
    const r = record();
    for (let step = 1; step <= 5; step++) {
      r.apply(backward(step));
      r.apply(scopedVariables('backward', step));
    }
    r.apply(scopedVariables('end'));
    r.apply(backward(6));
    const kinds = r.events.map((e) => (e.type === 'variables' ? `variables ${e.at ?? 'end'}` : e.type));
    assert.deepEqual(kinds, ['backward', 'backward', 'backward', 'backward', 'backward', 'variables end', 'backward']);
    assert.equal(r.variables?.at, undefined);
    // The graphs stay whole for the step slider, whatever the variables events did to the list's indices.
    assert.deepEqual(r.events.filter(carriesGraph).map((e) => (e as BackwardEvent).step), [1, 2, 3, 4, 5, 6]);
  });

  it("keeps the latest backward() capture of variables beside the end's, for hovers in functions that had returned", () => {
    const r = record();
    for (let step = 1; step <= 3; step++) {
      r.apply(backward(step, 1 / step));
      r.apply(scopedVariables('backward', step));
    }
    assert.equal(r.variables?.step, 3);
    assert.equal(r.backwardVariables?.step, 3);
    r.apply(scopedVariables('end'));
    assert.equal(r.variables?.at, undefined);
    assert.equal(r.backwardVariables?.step, 3);
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
