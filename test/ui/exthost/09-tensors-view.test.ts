/**
 * The "Autograd Tensors" view after a run of examples/07: the module globals, the model opening into its
 * parameters with their gradient norms, values in the tooltips, and the title bar's sort by gradient norm.
 */
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { api, log, openPython, trainAndWait, waitFor, workspaceUri, type TestApi } from './helpers';

type Tree = ReturnType<TestApi['tensors']>;

suite('the Autograd Tensors view', () => {
  const uri = workspaceUri('examples', '07_house_prices.py');
  let a: TestApi;

  suiteSetup(async () => {
    a = await api();
    await openPython(uri);
    // Shows the view in the Explorer, as a user opening it would (VS Code then asks the provider for items).
    await vscode.commands.executeCommand('autogradPlayground.tensors.focus');
    const run = await trainAndWait(uri);
    assert.equal(run.status, 'finished');
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('autogradPlayground.tensors.sortByName');
  });

  const ended = (): Promise<Tree> =>
    waitFor('the tree to show the end of the run', () => {
      const tree = a.tensors();
      return tree.message?.endsWith('at the end of the run') && tree.items.length ? tree : null;
    });

  test('shows the globals, the model with its parameters, and each tensor\'s shape and gradient norm', async () => {
    const tree = await ended();
    log(`    ${tree.message}: ${JSON.stringify(tree.items.map((s) => [s.label, s.children.map((c) => `${c.label} (${c.description})`)]))}`);
    assert.equal(tree.runLabel, '07_house_prices.py');
    assert.equal(tree.items[0].label, 'Globals');
    assert.equal(tree.items[0].collapsible, 'expanded');
    const rows = tree.items[0].children;
    const byLabel = new Map(rows.map((r) => [r.label, r]));
    for (const name of ['X', 'y', 'model', 'loss', 'criterion', 'optimizer']) assert.ok(byLabel.has(name), `no ${name} in ${[...byLabel.keys()].join(', ')}`);
    assert.equal(byLabel.get('X')?.description, '[200, 5]');
    const model = byLabel.get('model');
    assert.ok(model);
    assert.equal(model.collapsible, 'collapsed');
    assert.match(model.description, /^HousePriceModel · ‖grad‖ \d/);
    assert.deepEqual(model.children.map((c) => c.label), ['linear.weight', 'linear.bias']);
    assert.match(model.children[0].description, /^\[1, 5\] · ‖grad‖ \d/);
    // The tooltip has the value as PyTorch prints it, the gradient under it.
    assert.match(model.children[0].tooltip, /```python\ntensor\(\[\[ 3\.0\d+,/);
    assert.ok(model.children[0].tooltip.includes('**`model.linear.weight.grad`**'), model.children[0].tooltip);
    assert.equal(byLabel.get('optimizer')?.description, 'SGD');
  });

  test('sorts by gradient norm from the title bar, and back', async () => {
    await vscode.commands.executeCommand('autogradPlayground.tensors.sortByGradNorm');
    const sorted = a.tensors().items[0].children.map((r) => r.label);
    assert.equal(sorted[0], 'model', `the only global with gradients comes first: ${sorted.join(', ')}`);
    await vscode.commands.executeCommand('autogradPlayground.tensors.sortByName');
    assert.equal(a.tensors().items[0].children[0].label, 'X', 'the script\'s order again');
  });
});
