/**
 * nn.BatchNorm1d/2d, nn.LayerNorm, nn.GroupNorm, F.batch_norm/layer_norm/group_norm and nn.Dropout1d/2d against
 * real PyTorch (test/fixtures/nn_layers.json, suite "norm"): outputs, gradients (and one double backward each for
 * batch and layer norm), running statistics with momentum and the cumulative average, the channel dropout
 * masks bit for bit, reprs, state_dict keys, grad_fn names and error messages.
 */
import { describeNnLayerSuite } from './nnLayerCases';

describeNnLayerSuite('norm', 'normalisation layers and channel dropout against real PyTorch');
