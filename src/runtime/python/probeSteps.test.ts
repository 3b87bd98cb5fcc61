import { strict as assert } from 'node:assert';
import { expandSteps, isStepsLine, type StepsLine } from './probeSteps';

function packed(values: number[]): string {
  return Buffer.from(new Float64Array(values).buffer).toString('base64');
}

describe('probeSteps: the probe’s packed steps as backward events', () => {
  const leaves: StepsLine['leaves'] = [
    { id: 3, name: 'b', shape: [1], grad: { shape: [1], dtype: 'float32', numel: 1 } },
    { id: 5, name: 'w', shape: [1, 3], grad: { shape: [1, 3], dtype: 'float32', numel: 3 } },
  ];

  it('expands each row: loss or none, values reduced here, stats as sent, no gradient, a gradient without stats', () => {
    const line: StepsLine = {
      type: 'steps', file: 'train.py', line: 9, hiddenNodes: 5, leaves, count: 3,
      rows: packed([
        2, 6, 1, 0.5, /* b */ 1, -2, /* w */ 1, 3, -4, 0,
        3, 7, 0, 0, /* b */ 0, /* w */ 2, -1, 1, 0.25, 2,
        4, 8, 1, Infinity, /* b */ 3, /* w */ 1, NaN, 1, 2,
      ]),
    };
    assert.ok(isStepsLine(line));
    const [a, b, c] = expandSteps(line);
    assert.deepEqual(a.graph, { rootId: 6, nodes: [], edges: [], truncated: { shownNodes: 0, hiddenNodes: 5 } });
    assert.equal(a.step, 2);
    assert.equal(a.loss, 0.5);
    assert.equal(a.file, 'train.py');
    assert.equal(a.line, 9);
    assert.deepEqual(a.leaves[0], { id: 3, name: 'b', shape: [1], grad: { shape: [1], dtype: 'float32', numel: 1, text: '', min: -2, max: -2, mean: -2, norm: 2 } });
    assert.deepEqual(a.leaves[1].grad, { shape: [1, 3], dtype: 'float32', numel: 3, text: '', min: -4, max: 3, mean: -1 / 3, norm: 5 });
    assert.equal(b.loss, null);
    assert.equal(b.leaves[0].grad, null);
    assert.deepEqual([b.leaves[1].grad!.min, b.leaves[1].grad!.max, b.leaves[1].grad!.mean, b.leaves[1].grad!.norm], [-1, 1, 0.25, 2]);
    assert.equal(c.loss, Infinity);
    assert.deepEqual([c.leaves[0].grad!.min, c.leaves[0].grad!.norm], [null, null]);
    // NaN wins min and max, as in the probe's and the playground's summaries.
    assert.ok(Number.isNaN(c.leaves[1].grad!.min!) && Number.isNaN(c.leaves[1].grad!.max!) && Number.isNaN(c.leaves[1].grad!.mean!));
  });

  it('refuses what is not a steps line', () => {
    assert.ok(!isStepsLine({ type: 'backward' }));
    assert.ok(!isStepsLine({ type: 'steps', rows: 1 }));
    assert.ok(!isStepsLine(null));
  });
});
