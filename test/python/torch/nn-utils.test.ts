/**
 * torch.nn.utils (clip_grad_norm_ with its returned total norm, clip_grad_value_, parameters_to_vector,
 * vector_to_parameters) and the containers nn.ModuleDict, nn.ParameterList, nn.ParameterDict against real
 * PyTorch (test/fixtures/nn_layers.json, suite "utils").
 */
import { describeNnLayerSuite } from './nnLayerCases';

describeNnLayerSuite('utils', 'nn.utils and the dict and parameter containers against real PyTorch');
