// The events' JSON encoding (the worker → host stream, the CLI's --events files): non-finite numbers round-trip.
import { strict as assert } from 'node:assert';
import { decodeEvent, encodeEvent, type BackwardEvent } from './events';

describe('events JSON', () => {
  it('round-trips non-finite numbers only in numeric fields', () => {
    const e: BackwardEvent = {
      type: 'backward',
      t: 1.5,
      step: 1,
      file: 'x.py',
      line: 4,
      loss: NaN,
      graph: {
        rootId: 1,
        nodes: [
          {
            id: 1, kind: 'op', gradFn: 'SumBackward0', name: null, shape: [], dtype: 'float32', line: 4,
            value: { shape: [], dtype: 'float32', numel: 1, text: 'nan', min: -Infinity, max: Infinity, mean: NaN, norm: 2 },
          },
        ],
        edges: [],
        truncated: null,
      },
      leaves: [],
    };
    const line = encodeEvent(e);
    assert.ok(!line.includes('NaN') && !line.includes('Infinity'));
    const back = decodeEvent(line) as BackwardEvent;
    assert.ok(Number.isNaN(back.loss));
    const v = back.graph.nodes[0].value!;
    assert.equal(v.min, -Infinity);
    assert.equal(v.max, Infinity);
    assert.ok(Number.isNaN(v.mean));
    assert.equal(v.norm, 2);
    assert.equal(v.text, 'nan'); // a text field that looks like a number stays text
    const out = decodeEvent(encodeEvent({ type: 'stdout', t: 0, text: 'inf' }));
    assert.deepEqual(out, { type: 'stdout', t: 0, text: 'inf' });
  });

  it('decodes every event type, warning events included', () => {
    const w = decodeEvent(encodeEvent({ type: 'warning', t: 2, category: 'UserWarning', message: 'broadcast', file: 'x.py', line: 3 }));
    assert.equal(w.type, 'warning');
    assert.throws(() => decodeEvent('{"type":"nope","t":0}'), /not a run event/);
  });
});
