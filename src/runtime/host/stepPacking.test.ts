// Steps sent without their graph are described straight into the worker's packer (stepPacking.ts) and unpacked
// by the runner. What comes out must be the event the ordinary path would have built from the same tensors.
import { strict as assert } from 'node:assert';
import { fromValues } from '../../engine/creation';
import { aliasOf, type Tensor } from '../../engine/tensor';
import { elidedGraph, type BackwardEvent, type LeafSummary } from '../../protocol/events';
import { StepPacker, unpackSteps } from './stepPacking';
import { summarize } from '../report/tensorSummary';

interface Leaf {
  id: number;
  name: string | null;
  value: Tensor;
  grad: Tensor | null;
}

interface Step {
  t: number;
  step: number;
  file: string;
  line: number;
  loss: number | null;
  rootId: number;
  nodes: number;
  leaves: Leaf[];
}

function pack(packer: StepPacker, s: Step): void {
  packer.openStep(s.t, s.step, s.file, s.line, s.loss, s.rootId, s.nodes, s.leaves.length);
  for (const l of s.leaves) packer.leaf(l.id, l.name, l.value.shape, l.grad);
}

/** The event the ordinary path builds (captureGraph without the whole graph). */
function expected(s: Step): BackwardEvent {
  const leaves: LeafSummary[] = s.leaves.map((l) => ({ id: l.id, name: l.name, shape: l.value.shape.slice(), grad: l.grad && summarize(l.grad, false) }));
  return { type: 'backward', t: s.t, step: s.step, file: s.file, line: s.line, loss: s.loss, graph: elidedGraph(s.rootId, s.nodes), leaves };
}

const f32 = (values: number[], shape: number[]): Tensor => fromValues(values, shape, 'float32');

function step(n: number, over: Partial<Step> = {}): Step {
  return {
    t: 12.345 + n, step: n, file: 'train.py', line: 9, loss: 1 / n, rootId: 100 * n, nodes: 7,
    leaves: [
      { id: 1, name: 'w', value: f32([0.5, -0.25], [2, 1]), grad: f32([-1, 2.5], [2, 1]) },
      { id: 2, name: 'model.linear.bias', value: fromValues([3], [1], 'float64'), grad: fromValues([0.125], [1], 'float64') },
    ],
    ...over,
  };
}

describe('packed steps between worker and runner', () => {
  it('unpacks into the events the ordinary path builds, in order', () => {
    const base = f32([1, 2, 3, 4, 5, 6], [2, 3]);
    const transposed = aliasOf(base, [3, 2], [1, 3], 0);
    const steps = [
      step(1),
      step(2, { loss: null }),
      step(3, { loss: NaN }),
      step(4, { loss: -Infinity, file: '<untitled-1>' }),
      step(5, { leaves: [] }),
      step(6, { leaves: [{ id: 3, name: null, value: f32([1], []), grad: null }] }),
      step(7, { leaves: [{ id: 4, name: 'empty', value: f32([], [0, 3]), grad: f32([], [0, 3]) }] }),
      step(8, { leaves: [{ id: 5, name: 'x', value: f32([0, 0, 0], [3]), grad: f32([1, NaN, Infinity], [3]) }] }),
      step(9, { leaves: [{ id: 6, name: 'view', value: transposed, grad: transposed }] }),
    ];
    const packer = new StepPacker();
    for (const s of steps) pack(packer, s);
    const packed = packer.take();
    assert.ok(packed.numbers instanceof Float64Array);
    const events = unpackSteps(packed);
    assert.deepEqual(events, steps.map(expected));
    assert.deepEqual(events[8].leaves[0].grad!.min, 1, 'a strided gradient is read in its own order');
    assert.equal(events[7].leaves[0].grad!.min, NaN);
    assert.equal(packer.size, 0, 'empty after take');
    pack(packer, step(10));
    assert.deepEqual(unpackSteps(packer.take()), [expected(step(10))], 'a new batch has its own strings');
  });

  it('grows past its first buffer', () => {
    const packer = new StepPacker();
    const big = f32(Array.from({ length: 5000 }, (_, i) => i), [5000]);
    const steps = Array.from({ length: 300 }, (_, i) => step(i + 1, { leaves: [{ id: 1, name: 'w', value: big, grad: big }, ...step(1).leaves] }));
    for (const s of steps) pack(packer, s);
    assert.deepEqual(unpackSteps(packer.take()), steps.map(expected));
  });

  it('keeps every number of a leaf that ends exactly at the end of its buffer', () => {
    // Leaves before the last one pad the first buffer (4096 numbers) to each length near its end in turn.
    for (let target = 4080; target <= 4096; target++) {
      const padding = target - 9;
      const last: Leaf = { id: 9, name: 'w', value: f32([1, 2], [2, 1]), grad: f32([3, -4], [2, 1]) };
      const leaves: Leaf[] = [];
      for (let used = 0; used < padding; ) {
        const rank = Math.min(padding - used - 4, 3);
        leaves.push({ id: leaves.length + 1, name: null, value: f32([0], Array(Math.max(rank, 0)).fill(1)), grad: null });
        used += 4 + Math.max(rank, 0);
      }
      const s = step(1, { leaves: [...leaves, last] });
      const packer = new StepPacker();
      pack(packer, s);
      assert.deepEqual(unpackSteps(packer.take()), [expected(s)], `padded to ${target}`);
    }
  });
});
