// Event batching and throttling for the panel: at most one batch per interval, the newest graph whole, graphs thinned.
import { strict as assert } from 'node:assert';
import type { BackwardEvent, RunEvent, StdoutEvent } from '../../protocol/events';
import { isGraphElided } from '../../protocol/events';
import { backward, diverged, scopedVariables, stdout } from '../../protocol/testEvents';
import { compactBatch, elideGraph, EventBatcher, type Scheduler } from './eventBatcher';
import { KEPT_GRAPH_STEPS } from '../../protocol/keptGraphs';

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
    // Within a batch the newest graph travels whole (and the others the step slider keeps).
    for (const s of sent) {
      const bw = s.events.filter((e): e is BackwardEvent => e.type === 'backward');
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
    assert.deepEqual(graphs, [true, true, true]);
    const elided = elideGraph(backward(1));
    assert.deepEqual(elided.graph.truncated, { shownNodes: 0, hiddenNodes: 2 });
    assert.equal(elided.leaves.length, 1, 'leaves stay for the charts');
  });

  it('keeps the newest whole graph of a batch when later steps came without one', () => {
    const batch = compactBatch([backward(1), backward(2), elideGraph(backward(3)), elideGraph(backward(4))]);
    assert.deepEqual(
      batch.map((e) => e.type === 'backward' && !isGraphElided(e.graph)),
      [true, true, false, false],
    );
  });

  it("thins a batch's whole graphs as the step slider keeps them: first, newest, diverged, at most KEPT_GRAPH_STEPS others", () => {
    const events: RunEvent[] = [];
    for (let i = 1; i <= 200; i++) {
      events.push(backward(i, i === 77 ? NaN : 1));
      if (i === 77) events.push(diverged(77));
    }
    const whole = compactBatch(events)
      .filter((e): e is BackwardEvent => e.type === 'backward' && !isGraphElided(e.graph))
      .map((e) => e.step);
    assert.ok(whole.length <= KEPT_GRAPH_STEPS + 3, `${whole.length}`);
    assert.ok(whole.includes(1) && whole.includes(77) && whole.includes(200), `${whole}`);
  });

  it('keeps only the newest variables event of a batch', () => {
    const out = compactBatch([scopedVariables('backward', 1), backward(1), scopedVariables('backward', 2), backward(2), scopedVariables('end')]);
    assert.deepEqual(out.map((e) => (e.type === 'variables' ? `variables ${e.at ?? 'end'}` : e.type)), ['backward', 'backward', 'variables end']);
  });
});
