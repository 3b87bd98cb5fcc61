/**
 * nn.RNN, nn.LSTM, nn.GRU and the cells against real PyTorch (test/fixtures/nn_rnn.json): parameter names and
 * values at a seed, outputs, final states, gradients, grad_fn names, repr, dropout between layers, errors;
 * PackedSequence and the packing functions.
 */
import { describeLayerFixture } from './layerFixture';

describeLayerFixture('torch.nn recurrent layers (PyTorch reference)', 'nn_rnn.json');

