// Compact numbers and durations for the status bar and hovers.
import { strict as assert } from 'node:assert';
import { formatDuration, formatNumber } from './textFormat';

describe('status bar text', () => {
  it('formats numbers and durations compactly', () => {
    assert.deepEqual(
      [0, 0.5, 12.3456, 123456, 0.0001234, NaN, Infinity, -Infinity, null].map(formatNumber),
      ['0', '0.5', '12.35', '1.235e+5', '1.234e-4', 'nan', 'inf', '-inf', '—'],
    );
    assert.equal(formatDuration(59_949), '59.9 s');
    assert.equal(formatDuration(3_723_000), '62 min 03 s');
  });
});
