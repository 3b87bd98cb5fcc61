/**
 * torch.nn.utils (clip_grad_norm_ with its returned total norm, clip_grad_value_, parameters_to_vector,
 * vector_to_parameters) and the containers nn.ModuleDict, nn.ParameterList, nn.ParameterDict against real
 * PyTorch (test/fixtures/nn_layers.json, suite "utils").
 */
import { strict as assert } from 'node:assert';
import { openSession, PythonSession } from '../../../src/runtime/host/runner';
import { describeNnLayerSuite } from './nnLayerCases';

describeNnLayerSuite('utils', 'nn.utils and the dict and parameter containers against real PyTorch');

describe("PyTorch 2's split of clip_grad_norm_ (not in the 1.13 fixture)", function () {
  this.timeout(120000);
  let session: PythonSession;
  before(async () => {
    session = await openSession();
  });
  after(async () => {
    await session.close();
  });

  it('get_total_norm and clip_grads_with_norm_ give what clip_grad_norm_ gives, and foreach=True the same', async () => {
    const r = await session.run(`
import json, torch, torch.nn as nn
def model():
    torch.manual_seed(0)
    m = nn.Linear(4, 3)
    m(torch.randn(5, 4)).pow(2).sum().backward()
    return m
a, b = model(), model()
n = nn.utils.clip_grad_norm_(a.parameters(), 0.5)
total = nn.utils.get_total_norm([p.grad for p in b.parameters()])
nn.utils.clip_grads_with_norm_(b.parameters(), 0.5, total)
c = model()
nf = nn.utils.clip_grad_norm_(c.parameters(), 0.5, foreach=True)
print(json.dumps([torch.equal(n, total), torch.equal(a.weight.grad, b.weight.grad), torch.equal(a.bias.grad, b.bias.grad),
                  nn.utils.clip_grad_norm_.__module__, torch.equal(nf, n) and torch.equal(c.weight.grad, a.weight.grad)]))
`, 'clip_split.py');
    assert.equal(r.status, 'ok', r.stderr);
    assert.deepEqual(JSON.parse(r.stdout.trim()), [
      true, true, true, 'torch.nn.utils', true,
    ]);
  });
});
