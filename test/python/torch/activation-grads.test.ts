/**
 * The gradients of sigmoid, tanh, silu, softplus and elu bit for bit as PyTorch's CPU kernels round them
 * (test/fixtures/activation_grads.json, made by test/fixtures/activation_grads.py with real PyTorch).
 */
import { snippetFixtureSuite } from '../snippetFixture';

snippetFixtureSuite('activation gradients bit for bit (real PyTorch output)', 'activation_grads.json');
