/**
 * nn.BatchNorm1d/2d, nn.LayerNorm, nn.GroupNorm, F.batch_norm/layer_norm/group_norm and nn.Dropout1d/2d against
 * real PyTorch (test/fixtures/nn_layers.json, suite "norm"): outputs, gradients (and one double backward each for
 * batch and layer norm), running statistics with momentum and the cumulative average, the channel dropout
 * masks bit for bit, reprs, state_dict keys, grad_fn names and error messages.
 */
import { strict as assert } from 'node:assert';
import { openSession, PythonSession } from '../../../src/runtime/host/runner';
import { describeNnLayerSuite } from './nnLayerCases';

describeNnLayerSuite('norm', 'normalisation layers and channel dropout against real PyTorch');

describe("PyTorch 2's additions to the normalisation layers (not in the 1.13 fixture)", function () {
  this.timeout(120000);
  let session: PythonSession;
  before(async () => {
    session = await openSession();
  });
  after(async () => {
    await session.close();
  });

  it('LayerNorm(bias=False) has a weight and no bias, and normalises as F.layer_norm with that weight', async () => {
    const r = await session.run(`
import json, torch, torch.nn as nn, torch.nn.functional as F
torch.manual_seed(0)
ln = nn.LayerNorm(4, bias=False)
with torch.no_grad():
    ln.weight.mul_(torch.tensor([1.0, 2.0, 0.5, -1.0]))
x = torch.randn(3, 4)
print(json.dumps([ln.bias is None, list(ln.state_dict().keys()), [n for n, _ in ln.named_parameters()], repr(ln),
                  torch.equal(ln(x), F.layer_norm(x, (4,), ln.weight, None))]))
`, 'layer_norm_bias.py');
    assert.equal(r.status, 'ok', r.stderr);
    assert.deepEqual(JSON.parse(r.stdout.trim()), [true, ['weight'], ['weight'], 'LayerNorm((4,), eps=1e-05, elementwise_affine=True)', true]);
  });
});
