// The panel protocol: what the webview may send, and NaN/inf across the JSON transport.
import { strict as assert } from 'node:assert';
import { encodeNonFinite } from './events';
import { decodeExtensionMessage, parseWebviewMessage, type ExtensionToWebview } from './panel';
import { backward, diverged } from './testEvents';

describe('panel HTML and messages', () => {
  it('checks what the webview sends', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseWebviewMessage({ type: 'revealLine', line: 12, extra: 1 }), { type: 'revealLine', line: 12 });
    for (const bad of [null, 'ready', { type: 'revealLine', line: 0 }, { type: 'revealLine', line: '3' }, { type: 'eval' }]) {
      assert.equal(parseWebviewMessage(bad), null);
    }
  });

  it('gets NaN and inf across the JSON transport', () => {
    const msg: ExtensionToWebview = { type: 'events', runId: 3, events: [backward(1, NaN), diverged(1)] };
    const wire: unknown = JSON.parse(JSON.stringify(encodeNonFinite(msg)));
    const back = decodeExtensionMessage(wire);
    assert.equal(back.type, 'events');
    if (back.type !== 'events') return;
    const [b, d] = back.events;
    assert.ok(b.type === 'backward' && Number.isNaN(b.loss));
    assert.ok(d.type === 'diverged' && Number.isNaN(d.loss));
    assert.ok(b.type === 'backward' && b.leaves[0].grad!.norm === 10);
  });
});
