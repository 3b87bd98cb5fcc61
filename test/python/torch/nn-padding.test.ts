/**
 * torch.nn.functional.pad in its four modes, the padding layers, and convolution's padding='same' with an even
 * kernel (which pads the input first, as PyTorch's graph shows) against real PyTorch: values, gradients,
 * grad_fn names, reprs and error messages (test/fixtures/conv_pool.json).
 */
import { describeCases } from './convPoolCases';

describeCases('padding (real PyTorch output)', 'pad');
