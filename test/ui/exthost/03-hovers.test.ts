/** After a run, hovering a tensor's name shows it as PyTorch prints it (examples/05: `w` and `b`). */
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { lineStartingWith, openPython, trainAndWait, workspaceUri, writeScript } from './helpers';

async function hoverText(uri: vscode.Uri, pos: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, pos)) ?? [];
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n---\n');
}

suite('hovers on tensors', () => {
  const uri = workspaceUri('examples', '05_linear_regression_scratch.py');
  let doc: vscode.TextDocument;

  suiteSetup(async () => {
    doc = (await openPython(uri)).document;
    const run = await trainAndWait(uri);
    assert.equal(run.status, 'finished');
  });

  test('`w`: shape, dtype, requires_grad, grad_fn, value and gradient', async () => {
    const line = lineStartingWith(doc, 'w = torch.zeros');
    const text = await hoverText(uri, new vscode.Position(line, 0));
    // Value and gradient as PyTorch prints them (fenced), the header with shape, dtype, requires_grad, grad_fn.
    for (const part of ['```python\ntensor([[3.0011]])\n```', '**`w.grad`**', '```python\ntensor([[0.]])\n```', '`torch.Size([1, 1])`', '`torch.float32`', '`requires_grad=True`', '`grad_fn=None`']) {
      assert.ok(text.includes(part), `hover on w lacks ${JSON.stringify(part)}:\n${text}`);
    }
  });

  test('`b`: value as PyTorch prints it', async () => {
    const line = lineStartingWith(doc, 'b = torch.zeros');
    const text = await hoverText(uri, new vscode.Position(line, 0));
    for (const part of ['```python\ntensor([2.0036])\n```', '**`b.grad`**', '```python\ntensor([0.])\n```', '`torch.Size([1])`', '`requires_grad=True`']) {
      assert.ok(text.includes(part), `hover on b lacks ${JSON.stringify(part)}:\n${text}`);
    }
  });

  test('`w` where it is used (w.grad in the update) resolves to the same tensor', async () => {
    const line = lineStartingWith(doc, 'w -= lr * w.grad');
    const col = doc.lineAt(line).text.indexOf('w -=');
    const text = await hoverText(uri, new vscode.Position(line, col));
    assert.ok(text.includes('```python\ntensor([[3.0011]])\n```'), text);
  });

  test('no hover on a name that is not a tensor', async () => {
    const line = lineStartingWith(doc, 'lr = 0.1');
    assert.equal(await hoverText(uri, new vscode.Position(line, 0)), '');
  });
});

suite('hovers on modules and optimizers', () => {
  const uri = workspaceUri('examples', '07_house_prices.py');
  let doc: vscode.TextDocument;

  suiteSetup(async () => {
    doc = (await openPython(uri)).document;
    const run = await trainAndWait(uri);
    assert.equal(run.status, 'finished');
  });

  test('`model`: its class, parameter count, repr and parameters with their gradient norms', async () => {
    const text = await hoverText(uri, new vscode.Position(lineStartingWith(doc, 'model = HousePriceModel'), 0));
    for (const part of ['**`model`** — module `HousePriceModel` · 6 parameters', '```python\nHousePriceModel(\n  (linear): Linear(in_features=5, out_features=1, bias=True)\n)\n```', '- `model.linear.weight` `torch.Size([1, 5])` · ‖grad‖', '- `model.linear.bias` `torch.Size([1])`']) {
      assert.ok(text.includes(part), `hover on model lacks ${JSON.stringify(part)}:\n${text}`);
    }
  });

  test('`optimizer`: its class, the tensors it updates and its hyperparameters', async () => {
    const text = await hoverText(uri, new vscode.Position(lineStartingWith(doc, 'optimizer = torch.optim'), 0));
    for (const part of ['**`optimizer`** — optimizer `SGD` over 2 parameter tensors', '```python\nSGD (\nParameter Group 0\n', '    lr: 0.05\n']) {
      assert.ok(text.includes(part), `hover on optimizer lacks ${JSON.stringify(part)}:\n${text}`);
    }
  });
});

suite('hovers inside functions and methods', () => {
  // House-price tutorials keep their code in `def main():`; its names live in main's frame, not in globals.
  const SCRIPT = [
    'import torch',
    'from torch import nn',
    '',
    'class HousePriceModel(nn.Module):',
    '    def __init__(self, n_features):',
    '        super().__init__()',
    '        self.weights = nn.Parameter(torch.zeros(n_features, 1))',
    '        self.bias = nn.Parameter(torch.zeros(1))',
    '',
    '    def forward(self, x):',
    '        return x @ self.weights + self.bias',
    '',
    'def main():',
    '    torch.manual_seed(0)',
    '    sizes = torch.rand(64, 1) * 2 + 0.5',
    '    rooms = torch.randint(1, 5, (64, 1)).float()',
    '    X = torch.cat([sizes, rooms], dim=1)',
    '    y = 3.0 * sizes + 0.5 * rooms + 1.0',
    '    model = HousePriceModel(2)',
    '    W1 = model.weights',
    '    optimizer = torch.optim.SGD(model.parameters(), lr=0.05)',
    '    for epoch in range(50):',
    '        optimizer.zero_grad()',
    '        loss = ((model(X) - y) ** 2).mean()',
    '        loss.backward()',
    '        optimizer.step()',
    '    print(f"final loss {loss.item():.4f}")',
    '',
    'if __name__ == "__main__":',
    '    main()',
    '',
  ].join('\n');
  let uri: vscode.Uri;
  let doc: vscode.TextDocument;

  suiteSetup(async () => {
    uri = await writeScript('house_main.py', SCRIPT);
    doc = (await openPython(uri)).document;
    const run = await trainAndWait(uri);
    assert.equal(run.status, 'finished');
  });

  async function hoverOn(prefix: string, word: string): Promise<string> {
    const line = lineStartingWith(doc, prefix);
    return hoverText(uri, new vscode.Position(line, doc.lineAt(line).text.indexOf(word) + 1));
  }

  test("`loss` inside main(): main's local, from the run's backward() capture", async () => {
    const text = await hoverOn('loss = ((model(X)', 'loss');
    for (const part of ['**`loss`**', '`torch.Size([])`', '`grad_fn=<MeanBackward0>`', '```python\ntensor(']) {
      assert.ok(text.includes(part), `hover on loss lacks ${JSON.stringify(part)}:\n${text}`);
    }
  });

  test('`model` inside main(): the module, its parameters named as main names them', async () => {
    const text = await hoverOn('model = HousePriceModel', 'model');
    for (const part of ['**`model`** — module `HousePriceModel` · 3 parameters', '- `model.weights` `torch.Size([2, 1])`']) {
      assert.ok(text.includes(part), `hover on model lacks ${JSON.stringify(part)}:\n${text}`);
    }
  });

  test('`W1 = model.weights`: the hover says what W1 is', async () => {
    const text = await hoverOn('W1 = model.weights', 'W1');
    assert.ok(text.includes('`W1` is `model.weights`.'), text);
  });

  test('`self.weights` in forward(): the parameter of the model this run built', async () => {
    const text = await hoverOn('return x @ self.weights', 'weights');
    for (const part of ['**`self.weights`** (in this run: `model.weights`)', '`torch.Size([2, 1])`', '`requires_grad=True`', '**`self.weights.grad`**']) {
      assert.ok(text.includes(part), `hover on self.weights lacks ${JSON.stringify(part)}:\n${text}`);
    }
  });
});
