/**
 * nn.Conv1d/Conv2d/ConvTranspose2d and F.conv1d/conv2d/conv_transpose2d against real PyTorch: values, gradients
 * (also through create_graph), grad_fn names, initialisation from torch's generator, reprs, parameter names and
 * error messages (test/fixtures/conv_pool.json); the padding modes the playground refuses by name, ATen's
 * warning for an uneven 'same' padding, and float16 (which the reference PyTorch 1.13 could not run) computed
 * as PyTorch 2 does.
 */
import { strict as assert } from 'node:assert';
import { openSession, type PythonSession } from '../../../src/runtime/host/runner';
import { describeCases } from './convPoolCases';

describeCases('convolution layers (real PyTorch output)', 'conv');

describe('convolution beyond the fixture', function () {
  this.timeout(60000);
  let session: PythonSession;
  before(async () => {
    session = await openSession();
  });
  after(async () => {
    await session.close();
  });

  it('refuses padding modes other than zeros, naming the mode', async () => {
    const r = await session.run(
      'import torch.nn as nn\nfor mode in ("reflect", "circular", "bogus"):\n    try:\n        nn.Conv2d(1, 2, 3, padding_mode=mode)\n    except Exception as e:\n        print(type(e).__name__, e)\n',
      'modes.py',
    );
    assert.equal(r.status, 'ok', r.stderr);
    assert.equal(
      r.stdout,
      "NotImplementedError padding_mode='reflect' is not supported by Autograd Playground yet (only padding_mode='zeros')\n" +
        "NotImplementedError padding_mode='circular' is not supported by Autograd Playground yet (only padding_mode='zeros')\n" +
        "ValueError padding_mode must be one of {'zeros', 'reflect', 'replicate', 'circular'}, but got padding_mode='bogus'\n",
    );
  });

  it("warns, as ATen does, when padding='same' must pad unevenly, at the user's line", async () => {
    const r = await session.run(
      "import torch, torch.nn.functional as F\nx = torch.randn(1, 2, 6, 5)\ny = F.conv2d(x, torch.randn(3, 2, 4, 3), padding='same')\nz = F.conv2d(x, torch.randn(3, 2, 3, 3), padding='same')\nprint(y.shape, z.shape)\n",
      'same.py',
    );
    assert.equal(r.status, 'ok', r.stderr);
    assert.equal(r.stdout, 'torch.Size([1, 3, 6, 5]) torch.Size([1, 3, 6, 5])\n');
    assert.match(r.stderr, /^same\.py:3: UserWarning: Using padding='same' with even kernel lengths and odd dilation may require a zero-padded copy of the input be created\n/);
    assert.equal(r.stderr.match(/UserWarning/g)?.length, 1);
  });

  it('computes float16 in float32 and rounds once, as PyTorch 2 does (1.13, the reference, had no float16 kernels)', async () => {
    const r = await session.run(
      [
        'import torch, torch.nn.functional as F',
        'torch.manual_seed(0)',
        'x = torch.randn(2, 3, 8, 7).half().requires_grad_()',
        'w = torch.randn(4, 3, 3, 3).half().requires_grad_()',
        'y = F.conv2d(x, w, padding=1)',
        'ref = F.conv2d(x.detach().float(), w.detach().float(), padding=1).half()',
        'y.float().sum().backward()',
        'xf = x.detach().float().requires_grad_()',
        'F.conv2d(xf, w.detach().float(), padding=1).sum().backward()',
        'same = lambda a, b: bool((a == b).all())',
        'pools = [same(f(x.detach()), f(x.detach().float()).half()) for f in (lambda t: F.max_pool2d(t, 2), lambda t: F.avg_pool2d(t, 2),',
        '         lambda t: F.adaptive_avg_pool2d(t, 3), lambda t: F.interpolate(t, scale_factor=1.5, mode="bilinear"))]',
        'print(y.dtype, type(y.grad_fn).__name__, same(y, ref), x.grad.dtype, same(x.grad, xf.grad.half()), pools)',
        '',
      ].join('\n'),
      'half.py',
    );
    assert.equal(r.status, 'ok', r.stderr);
    assert.equal(r.stdout, 'torch.float16 ConvolutionBackward0 True torch.float16 True [True, True, True, True]\n');
  });
});
