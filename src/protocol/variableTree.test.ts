import { strict as assert } from 'node:assert';
import { combinedNorm, groupVariables, scopeTitle, variablesAt } from './variableTree';
import { scopedVariables, variable } from './testEvents';
import type { VariablesEvent } from './events';

const shape = (groups: ReturnType<typeof groupVariables>): unknown =>
  groups.map((g) => [g.scope ? scopeTitle(g.scope) : 'globals', g.rows.map((r) => (r.children.length ? [r.label, r.children.map((c) => c.label)] : r.label))]);

describe('groupVariables', () => {
  it('groups by scope, globals first, with modules holding their tensors and .grad entries folded', () => {
    const groups = groupVariables(scopedVariables());
    assert.deepEqual(shape(groups), [
      ['globals', ['w', ['model', ['0.weight', '0.bias']], 'opt']],
      ['train()', ['x', 'loss', 'W1']],
    ]);
    const w = groups[0].rows[0];
    assert.equal(w.grad?.text, 'tensor([0.1000, 0.2000])');
    assert.equal(groups[1].rows[2].aliasOf, 'model.0.weight');
    const model = groups[0].rows[1];
    assert.equal(model.kind, 'module');
    assert.deepEqual(model.object, { className: 'Sequential', parameterCount: 3, step: undefined });
    assert.equal(model.children[0].name, 'model.0.weight');
    assert.equal(model.children[0].key, 'g:model.0.weight');
  });

  it('gives a module the gradient norm of all its parameters together', () => {
    const model = groupVariables(scopedVariables())[0].rows[1];
    assert.equal(model.gradNorm, 13);
    assert.equal(combinedNorm([null, null]), null);
    assert.equal(combinedNorm([3, null, 4]), 5);
  });

  it('sorts by gradient norm, largest first, at every level; rows without a gradient last', () => {
    const groups = groupVariables(scopedVariables(), 'grad');
    assert.deepEqual(shape(groups), [
      ['globals', [['model', ['0.bias', '0.weight']], 'w', 'opt']],
      ['train()', ['W1', 'x', 'loss']],
    ]);
  });

  it('puts NaN and infinite gradients first', () => {
    const e: VariablesEvent = { type: 'variables', t: 0, file: 'a.py', truncated: 0, variables: [variable('a', [1], [1]), variable('b', [1], [NaN]), variable('c', [1], [Infinity])] };
    assert.deepEqual(groupVariables(e, 'grad')[0].rows.map((r) => r.name), ['b', 'c', 'a']);
  });

  it('takes entries without a scope, or in the module frame, as globals; keeps a .grad entry whose tensor is not listed', () => {
    const e: VariablesEvent = {
      type: 'variables', t: 0, file: 'a.py', truncated: 0,
      scopes: [{ kind: 'module', name: '<module>', file: 'a.py', firstLine: 1, lastLine: 9, line: 9 }],
      variables: [variable('a', [1]), variable('b', [2], undefined, { scope: 0 }), variable('c.grad', [3])],
    };
    assert.deepEqual(shape(groupVariables(e)), [['globals', ['a', 'b', 'c.grad']]]);
  });

  it('lists a module parameter the variables left out (past the cap) from the object, and a parameterless module', () => {
    const e: VariablesEvent = {
      type: 'variables', t: 0, file: 'a.py', truncated: 3, variables: [],
      objects: [
        { name: 'net', kind: 'module', className: 'Linear', repr: '', parameterCount: 3, parameters: [{ name: 'net.weight', shape: [1, 2], gradNorm: 2 }] },
        { name: 'loss_fn', kind: 'module', className: 'MSELoss', repr: '', parameterCount: 0, parameters: [] },
      ],
    };
    const [g] = groupVariables(e);
    assert.deepEqual(shape([g]), [['globals', [['net', ['weight']], 'loss_fn']]]);
    assert.deepEqual(g.rows[0].children[0].shape, [1, 2]);
    assert.equal(g.rows[0].gradNorm, 2);
  });

  it('gives a nested module its own tensors before its parent takes them', () => {
    const e: VariablesEvent = {
      type: 'variables', t: 0, file: 'a.py', truncated: 0,
      variables: [variable('net.enc.w', [1], [1]), variable('net.head', [1], [2])],
      objects: [
        { name: 'net', kind: 'module', className: 'Net', repr: '', parameterCount: 2 },
        { name: 'net.enc', kind: 'module', className: 'Enc', repr: '', parameterCount: 1 },
      ],
    };
    assert.deepEqual(shape(groupVariables(e)), [['globals', [['net.enc', ['w']], ['net', ['head']]]]]);
  });

  it('says when the names were read (no `at`: the end)', () => {
    assert.equal(variablesAt(scopedVariables()), 'end');
    assert.equal(variablesAt(scopedVariables('backward', 3)), 'backward');
  });
});
