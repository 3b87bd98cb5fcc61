// When the Output panel comes forward by itself.
import { strict as assert } from 'node:assert';
import { parseRevealOutput, revealsOutput } from './outputReveal';

describe('revealing the Output panel', () => {
  it('by default on the first run of a session and when a run fails, never on later runs that start', () => {
    assert.equal(revealsOutput('onError', 'start', true), true);
    assert.equal(revealsOutput('onError', 'start', false), false);
    assert.equal(revealsOutput('onError', 'failed', false), true);
  });

  it('at every start with always, never with never; unknown values mean the default', () => {
    assert.equal(revealsOutput('always', 'start', false), true);
    assert.equal(revealsOutput('always', 'failed', false), false, 'already shown at the start');
    assert.equal(revealsOutput('never', 'start', true), false);
    assert.equal(revealsOutput('never', 'failed', false), false);
    assert.equal(parseRevealOutput('sometimes'), 'onError');
    assert.equal(parseRevealOutput('never'), 'never');
  });
});
