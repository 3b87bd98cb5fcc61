// The worker packs backward events without a graph for posting (stepPacking.ts); the runner unpacks them.
// What comes out must be the events that went in, whatever they hold.
import { strict as assert } from 'node:assert';
import { elidedGraph, type BackwardEvent, type TensorSummary } from '../src/runtime/events';
import { isPackable, StepPacker, unpackSteps } from '../src/runtime/stepPacking';

const stats = (over: Partial<TensorSummary>): TensorSummary => ({
  shape: [2, 1], dtype: 'float32', numel: 2, text: '', min: -1, max: 2.5, mean: 0.75, norm: Math.hypot(1, 2.5), ...over,
});

function step(n: number, over: Partial<BackwardEvent> = {}): BackwardEvent {
  return {
    type: 'backward', t: 12.345 + n, step: n, file: 'train.py', line: 9, loss: 1 / n, graph: elidedGraph(100 * n, 7),
    leaves: [
      { id: 1, name: 'w', shape: [2, 1], grad: stats({}) },
      { id: 2, name: 'model.linear.bias', shape: [1], grad: stats({ shape: [1], numel: 1, dtype: 'float64' }) },
    ],
    ...over,
  };
}

describe('packed steps between worker and runner', () => {
  it('unpacks exactly what was packed, in order', () => {
    const events = [
      step(1),
      step(2, { loss: null }),
      step(3, { loss: NaN }),
      step(4, { loss: -Infinity, file: '<untitled-1>' }),
      step(5, { leaves: [] }),
      step(6, { leaves: [{ id: 3, name: null, shape: [], grad: null }] }),
      step(7, { leaves: [{ id: 4, name: 'empty', shape: [0, 3], grad: stats({ shape: [0, 3], numel: 0, min: null, max: null, mean: null, norm: null }) }] }),
      step(8, { leaves: [{ id: 5, name: 'x', shape: [3], grad: stats({ shape: [3], numel: 3, min: NaN, max: Infinity, mean: NaN, norm: Infinity }) }] }),
    ];
    const packer = new StepPacker();
    for (const e of events) {
      assert.ok(isPackable(e));
      packer.add(e.t, e.step, e.file, e);
    }
    const packed = packer.take();
    assert.ok(packed.numbers instanceof Float64Array);
    assert.deepEqual(unpackSteps(packed), events);
    assert.equal(packer.size, 0, 'empty after take');
    const ninth = step(9);
    packer.add(ninth.t, ninth.step, ninth.file, ninth);
    assert.deepEqual(unpackSteps(packer.take()), [step(9)], 'a new batch has its own strings');
  });

  it('leaves events with a graph or printed gradients to the ordinary path', () => {
    const withGraph: BackwardEvent = { ...step(1), graph: { rootId: 1, nodes: [], edges: [], truncated: null } };
    assert.ok(!isPackable(withGraph));
    const printed = step(2);
    printed.leaves[0].grad!.text = 'tensor([[-1.0000],\n        [ 2.5000]])';
    assert.ok(!isPackable(printed));
    assert.ok(!isPackable({ ...step(3), line: -1 }), 'no line yet: the host must look it up');
  });
});
