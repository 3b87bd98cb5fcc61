// The runs of a file side by side in the panel's state: the history from the host (init, runStarted, history
// messages), the curves the chart overlays, the toggles, the labels' wording, and the saved state.
import { strict as assert } from 'node:assert';
import type { HistoryRun, RunHistoryView } from '../protocol';
import { STRINGS_ZH, translate, zhBundle, type Translate } from '../strings';
import { backward, run } from '../testFixtures';
import { restore, snapshot } from './persist';
import { comparing, formatClock, labelText, labelDetail, overlayRuns, runOutcome, setRunVisible, MAX_HIDDEN_RUNS } from './runs';
import { applyMessage, createState, type PanelState } from './state';

const t: Translate = (id, ...args) => translate({}, id, ...args);
const zh: Translate = (id, ...args) => translate(zhBundle(), id, ...args);

function entry(seq: number, over: Partial<HistoryRun> = {}): HistoryRun {
  return { id: `t-${seq}`, seq, startedAt: new Date(2024, 0, 2, 14, 3, 7).getTime(), status: 'finished', label: { kind: 'first' }, steps: [1, 2, 3], losses: [1, 0.5, 0.25], pinned: false, ...over };
}

const LR_CHANGE: HistoryRun['label'] = { kind: 'changes', total: 1, changes: [{ kind: 'value', line: 12, before: '0.1', after: '0.01', target: 'lr', call: null }] };

function history(currentSeq: number, runs: HistoryRun[]): RunHistoryView {
  return { currentId: `t-${currentSeq}`, runs };
}

function shown(): PanelState {
  const s = createState();
  applyMessage(s, { type: 'init', l10n: {}, settings: { graphNodeLimit: 200 }, run: null, events: [] });
  applyMessage(s, { type: 'runStarted', run: run(2), history: history(2, [entry(1), entry(2, { status: 'running', label: LR_CHANGE, steps: [], losses: [] })]) });
  s.dirty.clear();
  return s;
}

describe('runs side by side', () => {
  it('takes the history from runStarted, init and history messages, and overlays earlier runs on the live curve', () => {
    const s = shown();
    assert.ok(comparing(s));
    applyMessage(s, { type: 'events', runId: 2, events: [backward(1, 2), backward(2, 1.5)] });
    const runs = overlayRuns(s);
    assert.deepEqual(runs.map((r) => [r.run.seq, r.current, r.visible]), [[1, false, true], [2, true, true]]);
    // The live run is drawn from the panel's own series; earlier ones from the history (null → gap).
    assert.deepEqual(runs[1].series.y, [2, 1.5]);
    assert.deepEqual(runs[0].series, { x: [1, 2, 3], y: [1, 0.5, 0.25] });

    s.dirty.clear();
    const ended = history(2, [entry(1, { losses: [1, null, 0.25] }), entry(2, { label: LR_CHANGE, pinned: true })]);
    applyMessage(s, { type: 'history', runId: 2, history: ended });
    assert.ok(s.dirty.has('loss'));
    assert.ok(Number.isNaN(overlayRuns(s)[0].series.y[1]));
    // A late history of a run no longer shown is dropped.
    applyMessage(s, { type: 'history', runId: 1, history: history(1, [entry(1)]) });
    assert.equal(s.history?.runs.length, 2);
    // init with a run replaces it; an older host sends none.
    applyMessage(s, { type: 'init', l10n: {}, settings: { graphNodeLimit: 200 }, run: run(3), events: [] });
    assert.equal(s.history, null);
    assert.deepEqual(overlayRuns(s), []);
    assert.ok(!comparing(s));
  });

  it('switches curves off and on, the choice kept (bounded) across runs', () => {
    const s = shown();
    setRunVisible(s, 't-1', false);
    assert.ok(s.dirty.has('loss') && s.dirty.has('ui'));
    assert.deepEqual(overlayRuns(s).map((r) => r.visible), [false, true]);
    applyMessage(s, { type: 'runStarted', run: run(3), history: history(3, [entry(1), entry(2), entry(3, { status: 'running' })]) });
    assert.deepEqual(overlayRuns(s).map((r) => r.visible), [false, true, true]);
    setRunVisible(s, 't-1', true);
    assert.deepEqual(s.ui.hiddenRuns, []);
    for (let i = 0; i < MAX_HIDDEN_RUNS + 10; i++) setRunVisible(s, `x-${i}`, false);
    assert.equal(s.ui.hiddenRuns.length, MAX_HIDDEN_RUNS);
    assert.equal(s.ui.hiddenRuns[MAX_HIDDEN_RUNS - 1], `x-${MAX_HIDDEN_RUNS + 9}`);
  });

  it('words a run by what changed: lr = 0.1 → 0.01, several joined, the rest counted, the first by its time', () => {
    assert.equal(labelText(LR_CHANGE, 0, t), 'lr = 0.1 → 0.01');
    const many: HistoryRun['label'] = {
      kind: 'changes',
      total: 5,
      changes: [
        { kind: 'value', line: 5, before: '256', after: '128', target: 'batch_size', call: null },
        { kind: 'value', line: 9, before: '10', after: '20', target: 'num_epochs', call: null },
        { kind: 'value', line: 14, before: '50', after: '100', target: null, call: 'range' },
        { kind: 'value', line: 17, before: 'SGD', after: 'Adam', target: null, call: null },
        { kind: 'edit', line: 20 },
      ],
    };
    assert.equal(labelText(many, 0, t), 'batch_size = 256 → 128, num_epochs = 10 → 20, range(50 → 100), +2 more');
    assert.equal(labelDetail(many, 0, t).split('\n').slice(3).join(' | '), 'line 17: SGD → Adam | line 20: line 20 edited');
    assert.equal(labelText({ kind: 'changes', total: 1, changes: [{ kind: 'edit', line: 3 }] }, 0, t), 'line 3 edited');
    const at = new Date(2024, 0, 2, 9, 5, 7).getTime();
    assert.equal(formatClock(at), '09:05:07');
    assert.equal(labelText({ kind: 'first' }, at, t), 'started 09:05:07');
    assert.equal(labelText({ kind: 'same' }, at, t), 'same source');
    assert.equal(labelText({ kind: 'layout' }, at, t), 'same code (comments or spacing changed)');
    assert.equal(labelText(many, 0, zh), 'batch_size = 256 → 128, num_epochs = 10 → 20, range(50 → 100), 另有 2 处');
    assert.equal(labelText({ kind: 'first' }, at, zh), '开始于 09:05:07');
    assert.equal(STRINGS_ZH['runs.pin'], '固定');
  });

  it('says how each run ended: its last loss, or that it stopped or failed', () => {
    const s = shown();
    applyMessage(s, { type: 'events', runId: 2, events: [backward(1, 2)] });
    applyMessage(s, {
      type: 'history',
      runId: 2,
      history: history(2, [entry(1, { losses: [1, 0.5, null] }), entry(2, { status: 'running' }), entry(3, { status: 'failed', steps: [], losses: [] })].map((r, i) => ({ ...r, id: `t-${i + 1}` }))),
    });
    const [first, current, failed] = overlayRuns(s);
    assert.equal(runOutcome(first, t), 'loss 0.5');
    assert.equal(runOutcome(current, t), 'Running');
    assert.equal(runOutcome(failed, t), 'Failed');
    // Once ended, the run's own losses from the host count, not the live series (its last events may lag).
    assert.equal(runOutcome({ ...current, run: { ...current.run, status: 'finished', losses: [3, 0.125] } }, t), 'loss 0.125');
  });

  it('is saved with the panel and restored, toggles included; a state saved before it restores without runs', () => {
    const s = shown();
    setRunVisible(s, 't-1', false);
    const back = restore(JSON.parse(JSON.stringify(snapshot(s))));
    assert.ok(back);
    assert.deepEqual(back.history, s.history);
    assert.deepEqual(back.ui.hiddenRuns, ['t-1']);
    const old = snapshot(createState());
    const body = JSON.parse(old.body) as Record<string, unknown>;
    delete body.history;
    delete (body.ui as Record<string, unknown>).hiddenRuns;
    const restored = restore({ ...old, body: JSON.stringify(body) });
    assert.equal(restored?.history, null);
    assert.deepEqual(restored?.ui.hiddenRuns, []);
  });
});
