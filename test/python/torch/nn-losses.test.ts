/**
 * kl_div, the cosine/margin/hinge/soft-margin/multi-margin/triplet losses, Poisson and Gaussian NLL
 * (test/fixtures/nn_losses.json, made by nn_losses.py under real PyTorch): values, gradients (float.hex), grad_fn
 * names, reductions, warnings, errors and module reprs; and the checks PyTorch 2.x added over 1.13's.
 */
import { strict as assert } from 'node:assert';
import { sessionSuite, snippetFixtureSuite } from '../snippetFixture';

// exp, log1p, log_sigmoid and pow are libm's here and SLEEF's vectorised kernels in PyTorch: a last bit apart.
const LIBM = 'elementwise exp/log1p/pow round apart from the SLEEF kernels in the last bit';
snippetFixtureSuite('kl_div, margin, hinge and NLL losses (real PyTorch output)', 'nn_losses.json', {
  soft_margin_loss: LIBM,
  multilabel_soft_margin_loss: LIBM,
  'triplet_margin_loss swap p=1 none': LIBM,
  'kl_div target grad': 'three gradients reach the target (both xlogy arguments and the product); summed in another order',
});

sessionSuite('losses: PyTorch 2.x checks that 1.13 lacks', (session) => {
  it('multi_margin_loss target/weight sizes, MultiMarginLoss weight dims, TripletMarginLoss margin', async () => {
    const code = [
      'import torch, torch.nn as nn, torch.nn.functional as F',
      'def err(f):',
      '    try:',
      '        f()',
      '    except Exception as e:',
      '        print(type(e).__name__, e)',
      'x = torch.zeros(3, 4)',
      'err(lambda: F.multi_margin_loss(x, torch.tensor([1, 2])))',
      'err(lambda: F.multi_margin_loss(x, torch.tensor([1, 2, 0]), weight=torch.ones(3)))',
      'err(lambda: nn.MultiMarginLoss(weight=torch.ones(4, 1)))',
      'err(lambda: nn.TripletMarginLoss(margin=0))',
      'err(lambda: F.triplet_margin_loss(x, x[0], x))',
    ].join('\n');
    const r = await session().run(code, 'snippet.py');
    assert.equal(r.status, 'ok', r.stderr);
    assert.equal(
      r.stdout,
      [
        'RuntimeError inconsistent target size, expected 3 but got [2]',
        'RuntimeError inconsistent weight size, expected 4 but got [3]',
        'ValueError MultiMarginLoss: expected weight to be None or 1D tensor, got 2D instead',
        'ValueError TripletMarginLoss: expected margin to be greater than 0, got 0 instead',
        'RuntimeError The anchor, positive, and negative tensors are expected to have the same number of dimensions, ' +
          'but got: anchor 2D, positive 1D, and negative 2D inputs',
        '',
      ].join('\n'),
    );
  });
});
