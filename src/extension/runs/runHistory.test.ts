// The runs kept per file for the side-by-side loss curves: labels against the previous run, outcome and loss
// kept at the end, bounds (runs per file, files, loss points), the pinned baseline, and the saved state.
import { strict as assert } from 'node:assert';
import { MAX_HISTORY_LOSS_POINTS } from '../../protocol/runHistory';
import { downsampleLoss, MAX_FILES, MAX_RUNS_PER_FILE, RunHistory, type HistoryStore, type HistorySubject } from './runHistory';
import type { HistoryPoint } from './runRecord';

const SCRIPT = 'import torch\nlr = 0.1\nfor epoch in range(50):\n    pass\n';

let nextId = 1;
function run(source: string, key = 'file:///w/05.py', startedAt = 1_000_000 + nextId * 1000): HistorySubject & { lossHistory: HistoryPoint[] } {
  return { key, runId: nextId++, startedAt, source, status: 'running', lossHistory: [] };
}

function finish(h: RunHistory, r: ReturnType<typeof run>, losses: number[], status: HistorySubject['status'] = 'finished'): void {
  r.lossHistory.push(...losses.map((value, i) => ({ step: i + 1, value })));
  r.status = status;
  h.ended(r);
}

class MemoryStore implements HistoryStore {
  value: unknown = undefined;
  writes = 0;
  get(): unknown {
    return this.value === undefined ? undefined : JSON.parse(JSON.stringify(this.value));
  }
  set(v: unknown): void {
    this.value = JSON.parse(JSON.stringify(v));
    this.writes++;
  }
}

describe('run history', () => {
  it('labels each run against the file run before it, and keeps its outcome and loss when it ends', () => {
    const h = new RunHistory();
    const a = run(SCRIPT);
    const first = h.started(a);
    assert.deepEqual(first.label, { kind: 'first' });
    assert.equal(first.seq, 1);
    finish(h, a, [1, 0.5, 0.25]);
    const b = run(SCRIPT.replace('lr = 0.1', 'lr = 0.01'));
    h.started(b);
    const view = h.view(b.key, RunHistory.idOf(b));
    assert.equal(view.currentId, RunHistory.idOf(b));
    assert.deepEqual(view.runs.map((r) => [r.seq, r.status, r.steps, r.losses]), [
      [1, 'finished', [1, 2, 3], [1, 0.5, 0.25]],
      [2, 'running', [], []],
    ]);
    assert.deepEqual(view.runs[1].label, { kind: 'changes', total: 1, changes: [{ kind: 'value', line: 2, before: '0.1', after: '0.01', target: 'lr', call: null }] });
    const c = run(SCRIPT.replace('lr = 0.1', 'lr = 0.01'));
    h.started(c);
    assert.deepEqual(h.view(c.key, null).runs[2].label, { kind: 'same' });
    // Other files have runs of their own.
    assert.deepEqual(h.started(run(SCRIPT, 'file:///w/other.py')).label, { kind: 'first' });
  });

  it('closes a run superseded by Run again as stopped, with the loss it had', () => {
    const h = new RunHistory();
    const a = run(SCRIPT);
    h.started(a);
    a.lossHistory.push({ step: 1, value: 2 }, { step: 2, value: NaN });
    h.started(run(SCRIPT));
    const old = h.view(a.key, null).runs[0];
    assert.equal(old.status, 'stopped');
    assert.deepEqual([old.steps, old.losses], [[1, 2], [2, null]]);
  });

  it(`keeps the last ${MAX_RUNS_PER_FILE} runs of a file, and the pinned baseline however old`, () => {
    const h = new RunHistory();
    const runs = Array.from({ length: 3 }, (_, i) => run(SCRIPT.replace('0.1', String(i))));
    for (const r of runs) {
      h.started(r);
      finish(h, r, [1]);
    }
    assert.equal(h.pin(runs[0].key, RunHistory.idOf(runs[1])), true);
    assert.equal(h.pin(runs[0].key, RunHistory.idOf(runs[1])), false, 'pinning the baseline again changes nothing');
    assert.equal(h.pin(runs[0].key, 'no-such-run'), false);
    for (let i = 0; i < 10; i++) {
      const r = run(SCRIPT.replace('0.1', String(10 + i)));
      h.started(r);
      finish(h, r, [1]);
    }
    const kept = h.view(runs[0].key, null).runs;
    assert.equal(kept.length, MAX_RUNS_PER_FILE + 1);
    assert.deepEqual(kept.map((r) => r.seq), [2, 8, 9, 10, 11, 12, 13]);
    assert.deepEqual(kept.filter((r) => r.pinned).map((r) => r.seq), [2]);
    // Another pin moves the baseline (one per file); unpinned, the old baseline drops out.
    assert.equal(h.pin(runs[0].key, kept[3].id), true);
    const after = h.view(runs[0].key, null).runs;
    assert.deepEqual(after.map((r) => [r.seq, r.pinned]), [[8, false], [9, false], [10, true], [11, false], [12, false], [13, false]]);
    assert.equal(h.pin(runs[0].key, null), true);
    assert.ok(h.view(runs[0].key, null).runs.every((r) => !r.pinned));
  });

  it(`keeps the files run last (${MAX_FILES} of them)`, () => {
    const h = new RunHistory();
    for (let i = 0; i < MAX_FILES + 3; i++) h.started(run(SCRIPT, `file:///w/${i}.py`));
    // Running file 3 again makes it recent.
    h.started(run(SCRIPT, 'file:///w/3.py'));
    h.started(run(SCRIPT, 'file:///w/new.py'));
    const keys = h.fileKeys;
    assert.equal(keys.length, MAX_FILES);
    assert.ok(keys.includes('file:///w/3.py') && keys.includes('file:///w/new.py') && !keys.includes('file:///w/4.py'));
  });

  it('keeps a long loss curve bounded, its spikes and its divergence included', () => {
    const points: HistoryPoint[] = Array.from({ length: 1000 }, (_, i) => ({ step: i + 1, value: 1 / (i + 1) }));
    points[500].value = 50;
    points[900].value = NaN;
    const d = downsampleLoss(points);
    assert.ok(d.steps.length <= MAX_HISTORY_LOSS_POINTS, `${d.steps.length} points`);
    assert.equal(d.steps[0], 1);
    assert.equal(d.steps[d.steps.length - 1], 1000);
    assert.ok(d.losses.includes(50), 'the spike is kept');
    assert.ok(d.losses.includes(null), 'the non-finite loss is kept as a gap');
    assert.deepEqual(d.steps, [...d.steps].sort((x, y) => x - y));
    assert.deepEqual(downsampleLoss(points.slice(0, 3)), { steps: [1, 2, 3], losses: [1, 0.5, 1 / 3] });
  });

  it('is saved in the store and read back by the next session (labels go on from the saved source)', () => {
    const store = new MemoryStore();
    const h = new RunHistory(store);
    const a = run(SCRIPT);
    h.started(a);
    finish(h, a, [3, 2, Infinity]);
    const b = run(SCRIPT);
    h.started(b);
    h.pin(a.key, RunHistory.idOf(a));
    assert.ok(store.writes >= 3);

    // A new extension host: run ids start again at 1, the ids of saved runs stay unique by their start time.
    const next = new RunHistory(store);
    const restored = next.view(a.key, null).runs;
    assert.deepEqual(restored.map((r) => [r.seq, r.status, r.pinned]), [[1, 'finished', true], [2, 'stopped', false]]);
    assert.deepEqual(restored[0].losses, [3, 2, null]);
    const c: HistorySubject = { key: a.key, runId: 1, startedAt: 9_000_000, source: SCRIPT.replace('range(50)', 'range(100)'), status: 'running', lossHistory: [] };
    const entry = next.started(c);
    assert.equal(entry.seq, 3);
    assert.deepEqual(entry.label, { kind: 'changes', total: 1, changes: [{ kind: 'value', line: 3, before: '50', after: '100', target: null, call: 'range' }] });
    // What another version wrote, or garbage, is ignored.
    store.value = { version: 99, files: [] };
    assert.deepEqual(new RunHistory(store).fileKeys, []);
    store.value = { version: 1, files: [{ key: 'k', runs: [{ id: 3 }] }, null] };
    assert.deepEqual(new RunHistory(store).view('k', null).runs, []);
  });
});
