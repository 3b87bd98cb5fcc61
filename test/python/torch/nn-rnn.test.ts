/**
 * nn.RNN, nn.LSTM, nn.GRU and the cells against real PyTorch (test/fixtures/nn_rnn.json): parameter names and
 * values at a seed, outputs, final states, gradients, grad_fn names, repr, dropout between layers, errors.
 */
import { strict as assert } from 'node:assert';
import { openSession } from '../../../src/runtime/host/runner';
import { describeLayerFixture } from './layerFixture';

describeLayerFixture('torch.nn recurrent layers (PyTorch reference)', 'nn_rnn.json');

describe('torch.nn.utils.rnn without PackedSequence', function () {
  this.timeout(120000);
  it('pack_padded_sequence and its kin raise an error that names PackedSequence', async () => {
    const session = await openSession();
    try {
      const r = await session.run(
        [
          'import torch',
          'from torch.nn.utils import rnn',
          'for f, args in [(rnn.pack_padded_sequence, (torch.zeros(3, 2, 1), [3, 2])), (rnn.pack_sequence, ([torch.zeros(2)],)),',
          '                (rnn.pad_packed_sequence, (None,))]:',
          '    try:',
          '        f(*args)',
          '    except NotImplementedError as e:',
          '        print(e)',
        ].join('\n'),
        'packed.py',
      );
      assert.equal(r.status, 'ok', r.stderr);
      const lines = r.stdout.trim().split('\n');
      assert.equal(lines.length, 3);
      for (const [i, name] of ['pack_padded_sequence', 'pack_sequence', 'pad_packed_sequence'].entries()) {
        assert.ok(lines[i].startsWith(`torch.nn.utils.rnn.${name}: PackedSequence is not supported`), lines[i]);
      }
    } finally {
      await session.close();
    }
  });
});
