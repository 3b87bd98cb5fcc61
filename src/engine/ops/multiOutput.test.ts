/**
 * The ops recorded as one node with several outputs (multiOutput.ts): one UnsafeSplitBackward0 or
 * UnbindBackward0 node behind every piece, whose backward joins the pieces' gradients, with zeros for pieces that
 * got none, and records that join under create_graph.
 */
import { strict as assert } from 'node:assert';
import * as A from '../backward';
import { fromValues } from '../creation';
import * as E from './elementwise';
import { unbindSteps, unsafeChunk, unsafeSplit } from './multiOutput';
import * as R from './reduce';
import type { Tensor } from '../tensor';

function leaf(values: number[], shape: number[]): Tensor {
  const t = fromValues(values, shape, 'float32');
  t.requiresGrad = true;
  return t;
}

describe('ops recorded as one node with several outputs', () => {
  it('unsafe_chunk: every piece comes from one UnsafeSplitBackward0 node, numbered by position', () => {
    const x = leaf([1, 2, 3, 4, 5, 6, 7, 8], [2, 4]);
    const pieces = unsafeChunk(x, 4, 1);
    assert.equal(pieces.length, 4);
    assert.deepEqual(pieces[2].shape, [2, 1]);
    assert.deepEqual(pieces[2].toNumberArray(), [3, 7]);
    assert.equal(pieces[0].gradFn!.name, 'UnsafeSplitBackward0');
    assert.ok(pieces.every((p) => p.gradFn === pieces[0].gradFn));
    assert.deepEqual(pieces.map((p) => p.outputNr), [0, 1, 2, 3]);
    assert.equal(pieces[0].gradFn!.numOutputs, 4);
  });

  it('the backward joins the used pieces\' gradients and fills the others with zeros', () => {
    const x = leaf([1, 2, 3, 4, 5, 6], [2, 3]);
    const [a, , c] = unsafeSplit(x, [1, 1, 1], 1);
    A.backward(R.sum(E.add(E.mul(a, 2), E.mul(c, c)), null, false), null);
    assert.deepEqual(x.grad!.toNumberArray(), [2, 0, 6, 2, 0, 12]);
  });

  it('unbind of a sequence: one UnbindBackward0 node; gradients stacked back in order', () => {
    const x = leaf([1, 2, 3, 4, 5, 6], [3, 2]);
    const steps = unbindSteps(x, 0);
    assert.equal(steps[0].gradFn!.name, 'UnbindBackward0');
    assert.ok(steps.every((s) => s.gradFn === steps[0].gradFn));
    A.backward(R.sum(E.add(E.mul(steps[0], 1), E.mul(steps[2], 3)), null, false), null);
    assert.deepEqual(x.grad!.toNumberArray(), [1, 1, 0, 0, 3, 3]);
  });

  it('under create_graph the joined gradient has history (double backward through the pieces)', () => {
    const x = leaf([1, 2, 3, 4], [4]);
    const [a, b] = unsafeChunk(x, 2, 0);
    const y = R.sum(E.add(E.mul(E.mul(a, a), a), E.mul(b, b)), null, false);
    const [g] = A.grad([y], [x], null, true, true, false);
    assert.deepEqual(g!.toNumberArray(), [3, 12, 6, 8]);
    assert.ok(g!.requiresGrad);
    const [gg] = A.grad([R.sum(g!, null, false)], [x], null, false, false, false);
    assert.deepEqual(gg!.toNumberArray(), [6, 12, 2, 2]);
  });

  it('without grad or without an input that requires it, the pieces carry no node', () => {
    const x = fromValues([1, 2, 3, 4], [4], 'float32');
    assert.ok(unsafeChunk(x, 2, 0).every((p) => p.gradFn === null && !p.requiresGrad));
  });
});
