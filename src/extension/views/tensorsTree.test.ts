// The "Autograd Tensors" tree's content: scopes, modules with their parameters, descriptions with shape and
// gradient norm, tooltips with the value as PyTorch prints it, the sort, and the message above the tree.
import { strict as assert } from 'node:assert';
import { scopedVariables } from '../../protocol/testEvents';
import { tensorNodes, tensorsMessage, type TensorNode } from './tensorsTree';

const outline = (nodes: TensorNode[]): unknown => nodes.map((n) => (n.children.length ? [`${n.label} (${n.description})`, outline(n.children)] : `${n.label} (${n.description})`));

describe('the Autograd Tensors tree', () => {
  it('shows each scope open, modules closed with their parameters, shape and gradient norm in the descriptions', () => {
    const nodes = tensorNodes(scopedVariables(), 'name');
    assert.deepEqual(outline(nodes), [
      ['Globals ()', ['w ([2] · ‖grad‖ 0.2236)', ['model (Sequential · ‖grad‖ 13)', ['0.weight ([2] · ‖grad‖ 5)', '0.bias ([1] · ‖grad‖ 12)']], 'opt (SGD)']],
      ['train() (line 15)', ['x ([3])', 'loss ([1])', 'W1 ([2] · ‖grad‖ 5 · = model.0.weight)']],
    ]);
    assert.deepEqual(nodes.map((n) => [n.kind, n.expanded]), [['scope', true], ['scope', true]]);
    const model = nodes[0].children[1];
    assert.deepEqual([model.kind, model.expanded, model.id], ['module', false, 'g:model']);
    assert.equal(model.tooltip, '**`model`** — module `Sequential` · 3 parameters');
    assert.equal(nodes[0].children[2].tooltip, '**`opt`** — optimizer `SGD` over 2 parameter tensors');
  });

  it('puts the value and the gradient as PyTorch prints them in a tensor\'s tooltip', () => {
    const w = tensorNodes(scopedVariables(), 'name')[0].children[0];
    assert.equal(
      w.tooltip,
      '`w` · `torch.Size([2])` · `torch.float32` · `requires_grad=True`\n\n```python\ntensor([1.0000, 2.0000])\n```\n\n**`w.grad`**\n\n```python\ntensor([0.1000, 0.2000])\n```',
    );
    const loss = tensorNodes(scopedVariables(), 'name')[1].children[1];
    assert.ok(loss.tooltip.includes('`grad_fn=<MseLossBackward0>`'), loss.tooltip);
    const alias = tensorNodes(scopedVariables(), 'name')[1].children[2];
    assert.ok(alias.tooltip.includes('The same tensor as `model.0.weight`.'), alias.tooltip);
  });

  it('sorts each level by gradient norm, largest first', () => {
    assert.deepEqual((outline(tensorNodes(scopedVariables(), 'grad')) as unknown[])[0], [
      'Globals ()',
      [['model (Sequential · ‖grad‖ 13)', ['0.bias ([1] · ‖grad‖ 12)', '0.weight ([2] · ‖grad‖ 5)']], 'w ([2] · ‖grad‖ 0.2236)', 'opt (SGD)'],
    ]);
  });

  it('is empty before the run sent any variables; its message says when the names were read', () => {
    assert.deepEqual(tensorNodes(null, 'name'), []);
    assert.equal(tensorsMessage(null, 'a.py'), undefined);
    assert.equal(tensorsMessage(scopedVariables(), 'a.py'), 'a.py: at the end of the run');
    assert.equal(tensorsMessage({ ...scopedVariables('backward', 7), truncated: 2 }, 'a.py'), 'a.py: at backward() of step 7 (2 more names not listed)');
  });
});
