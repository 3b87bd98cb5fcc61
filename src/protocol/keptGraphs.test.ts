// Which steps keep their whole graph for the step slider: bounded, spread over the run, first/last/pinned kept.
import { strict as assert } from 'node:assert';
import { KEPT_GRAPH_STEPS, keptGraphSteps, nearestStep } from './keptGraphs';

/** Feeds steps one at a time, thinning after each, as the run record and the panel do. */
function stream(steps: number[], pinned: Set<number> = new Set(), max = KEPT_GRAPH_STEPS): number[] {
  let kept: number[] = [];
  for (const s of steps) {
    const next = keptGraphSteps([...kept, s], pinned, max);
    kept = [...next].sort((a, b) => a - b);
  }
  return kept;
}

describe('kept graph steps', () => {
  it('keeps every step while there are few', () => {
    assert.deepEqual([...keptGraphSteps([3, 1, 2])].sort(), [1, 2, 3]);
    assert.deepEqual([...keptGraphSteps([])], []);
  });

  it('stays bounded over a long run, with the first, the last and the pinned step, spread evenly', () => {
    const steps = Array.from({ length: 10_000 }, (_, i) => i + 1);
    const kept = stream(steps, new Set([4321]));
    assert.ok(kept.length <= KEPT_GRAPH_STEPS + 3, `${kept.length}`);
    assert.ok(kept.length >= KEPT_GRAPH_STEPS / 2, `${kept.length}`);
    assert.equal(kept[0], 1);
    assert.equal(kept[kept.length - 1], 10_000);
    assert.ok(kept.includes(4321));
    // Evenly: no gap between neighbours over twice the even spacing (first, last and the pin aside).
    const even = 10_000 / KEPT_GRAPH_STEPS;
    for (let i = 1; i < kept.length; i++) assert.ok(kept[i] - kept[i - 1] <= 2 * even + 1, `gap ${kept[i - 1]}→${kept[i]}`);
  });

  it('only ever drops steps as the run grows (a step dropped never comes back)', () => {
    let kept: number[] = [];
    const dropped = new Set<number>();
    for (let s = 1; s <= 2000; s += 7) {
      const next = keptGraphSteps([...kept, s]);
      for (const k of kept) if (!next.has(k)) dropped.add(k);
      for (const k of next) assert.ok(!dropped.has(k), `step ${k} came back`);
      kept = [...next];
    }
  });

  it('finds the kept step nearest a step', () => {
    assert.equal(nearestStep([1, 10, 20], 14), 10);
    assert.equal(nearestStep([1, 10, 20], 15), 10);
    assert.equal(nearestStep([1, 10, 20], 16), 20);
    assert.equal(nearestStep([], 3), null);
  });
});
