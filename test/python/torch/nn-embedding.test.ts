/**
 * nn.Embedding, nn.EmbeddingBag, F.embedding, F.embedding_bag and F.one_hot against real PyTorch
 * (test/fixtures/nn_layers.json, suite "embedding"): default weights drawn bit for bit at the same seed, lookups,
 * gradients with padding_idx and scale_grad_by_freq, max_norm's in-place renormalisation, bags by offsets,
 * reprs and error messages.
 */
import { strict as assert } from 'node:assert';
import { openSession, PythonSession } from '../../../src/runtime/host/runner';
import { describeNnLayerSuite, Value } from './nnLayerCases';

const REPRS = "out = [repr(m) for m in (nn.Embedding(10, 3), nn.Embedding(5, 3, padding_idx=0, max_norm=1.0), nn.Embedding(5, 3, norm_type=1.0, scale_grad_by_freq=True), nn.EmbeddingBag(5, 3), nn.EmbeddingBag(5, 3, mode='sum', max_norm=2.0, padding_idx=1))]";

describeNnLayerSuite('embedding', 'lookup tables against real PyTorch', {
  // PyTorch 2 formats EmbeddingBag's attributes with repr() (mode='sum'); 1.13 printed mode=sum.
  [REPRS]: (v: Value) => (v as string[]).map((s) => s.replace(/mode=(\w+)/, "mode='$1'")),
  // PyTorch 2's CPU kernel (fbgemm, float32 sums and means) names the position and the value.
  'out = nn.EmbeddingBag(5, 3)(torch.tensor([1, 9]), torch.tensor([0]))':
    'RuntimeError: Index 1 of input takes value 9 which is not in the valid range [0, 5)',
});

describe('what the playground refuses of the lookup tables', function () {
  this.timeout(120000);
  let session: PythonSession;
  before(async () => {
    session = await openSession();
  });
  after(async () => {
    await session.close();
  });

  it('sparse=True (sparse gradients) raises NotImplementedError naming it, in the module and the function', async () => {
    const r = await session.run(`
import json, torch, torch.nn as nn, torch.nn.functional as F
errors = []
for f in (lambda: nn.Embedding(5, 3, sparse=True), lambda: nn.EmbeddingBag(5, 3, sparse=True),
          lambda: F.embedding(torch.tensor([1]), torch.ones(5, 3), sparse=True),
          lambda: F.embedding_bag(torch.tensor([[1]]), torch.ones(5, 3), sparse=True)):
    try:
        f()
        errors.append(None)
    except NotImplementedError as e:
        errors.append(str(e))
print(json.dumps(errors))
`, 'sparse.py');
    assert.equal(r.status, 'ok', r.stderr);
    const say = (name: string) => `${name}(sparse=True): sparse gradients are not supported in Autograd Playground; use sparse=False`;
    assert.deepEqual(JSON.parse(r.stdout.trim()), [say('Embedding'), say('EmbeddingBag'), say('embedding'), say('embedding_bag')]);
  });
});
