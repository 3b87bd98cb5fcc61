/**
 * Gradients at the edges of clamp, maximum/minimum and max()/min(): NaN, infinite and negative incoming
 * gradients outside the bounds, NaN operands, ties. Compared bit for bit (float.hex) with what real PyTorch
 * printed for the same snippets (test/fixtures/edge_grads.json, made by test/fixtures/edge_grads.py).
 */
import { snippetFixtureSuite } from '../snippetFixture';

snippetFixtureSuite('gradients at the edges: NaN, infinities, signed zeros, ties (real PyTorch output)', 'edge_grads.json');
