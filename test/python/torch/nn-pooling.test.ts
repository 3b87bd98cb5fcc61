/**
 * Max, average and adaptive pooling and nn.Upsample/F.interpolate against real PyTorch: values, indices,
 * gradients, grad_fn names, reprs and error messages (test/fixtures/conv_pool.json).
 */
import { describeCases } from './convPoolCases';

describeCases('pooling and upsampling layers (real PyTorch output)', 'pool');
