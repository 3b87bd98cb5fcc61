/**
 * F.scaled_dot_product_attention and nn.MultiheadAttention against real PyTorch (test/fixtures/nn_attention.json):
 * scaled_dot_product_attention against its documented definition run by PyTorch 1.13 (which lacks it), and
 * MultiheadAttention's parameters at a seed, outputs, weights, gradients, masks, dropout and errors directly.
 */
import { describeLayerFixture } from './layerFixture';

describeLayerFixture('attention (PyTorch reference)', 'nn_attention.json');
