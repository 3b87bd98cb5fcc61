/**
 * InstanceNorm1d/2d, PixelShuffle/PixelUnshuffle, AdaptiveMaxPool1d/2d, Softmax2d, LocalResponseNorm, Bilinear,
 * AlphaDropout, Dropout3d and their F forms (test/fixtures/nn_layers2.json, made by
 * nn_layers2.py under real PyTorch): values, gradients (float.hex), grad_fn names, running statistics, reprs,
 * state_dict keys and error texts; and what PyTorch 2.x does where 1.13 differs.
 */
import { strict as assert } from 'node:assert';
import { sessionSuite, snippetFixtureSuite } from '../snippetFixture';

snippetFixtureSuite('instance norm, pixel shuffle, adaptive max pooling, LRN, bilinear, alpha dropout (real PyTorch output)', 'nn_layers2.json', {
  Softmax2d: "softmax over dim -3 (not the last): ATen's vectorised exp and sum round some last bits apart from the engine's",
  local_response_norm:
    'PyTorch pools ≥4-D inputs with avg_pool3d, the engine with avg_pool2d over a view; their sums and the pow gradient round a few last bits apart',
  bilinear: "_trilinear's float32 contraction sums in another order than the engine's (double, rounded once): one gradient differs in the 5th digit",
});

sessionSuite('nn layers: PyTorch 2.x behaviour that 1.13 lacks', (session) => {
  it('InstanceNorm with momentum=None passes 0.0 on (1.13 fails on None)', async () => {
    const code = [
      'import torch, torch.nn as nn',
      'm = nn.InstanceNorm1d(2, track_running_stats=True, momentum=None)',
      'print(m)',
      'm(torch.tensor([[[1., 2., 4.], [0., 3., -1.]]]))',
      'print(m.running_mean.tolist(), m.running_var.tolist(), int(m.num_batches_tracked))',
    ].join('\n');
    const r = await session().run(code, 'snippet.py');
    assert.equal(r.status, 'ok', r.stderr);
    assert.equal(r.stdout, 'InstanceNorm1d(2, eps=1e-05, momentum=None, affine=False, track_running_stats=True)\n[0.0, 0.0] [1.0, 1.0] 0\n');
  });

  it("InstanceNorm's num_features check: a ValueError when affine, a warning otherwise", async () => {
    const code = [
      'import torch, torch.nn as nn, warnings',
      'try:',
      '    nn.InstanceNorm2d(2, affine=True)(torch.ones(1, 3, 2, 2))',
      'except ValueError as e:',
      '    print(e)',
      'with warnings.catch_warnings(record=True) as w:',
      "    warnings.simplefilter('always')",
      '    print(nn.InstanceNorm1d(3)(torch.ones(5, 4)).shape)',
      'print([str(m.message) for m in w])',
    ].join('\n');
    const r = await session().run(code, 'snippet.py');
    assert.equal(r.status, 'ok', r.stderr);
    assert.equal(
      r.stdout,
      "expected input's size at dim=1 to match num_features (2), but got: 3.\ntorch.Size([5, 4])\n" +
        '["input\'s size at dim=0 does not match num_features. You can silence this warning by not passing in num_features, which is not used because affine=False"]\n',
    );
  });
});
