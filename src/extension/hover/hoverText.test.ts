// Hovers without VS Code: which name is under the cursor, which tensor of the last run it is, and the Markdown
// shown for it (PyTorch's prints, the gradient-norm chart, the stale-document note); `.backward()` hovers;
// gradient annotations; the CodeLens condition.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatMessage, setTranslator } from '../l10n';
import type { BackwardEvent, TensorSummary, VariableInfo } from '../../protocol/events';
import { chartScale, chartSvg, sparkline } from './hoverCharts';
import { backwardHover, gradientAnnotations, missingGradHover, objectHover, variableHover, variablesFromGraph } from './hoverText';
import { codeMask, importsTorch, lookupVariable, nameAt } from './pythonNames';
import type { HistoryPoint } from '../runs/runRecord';
import { repoRoot } from '../../../test/paths';

/** nameAt with the cursor on the first occurrence of `marker` (offset into it) in `line`. */
function at(line: string, marker: string, offset = 0): ReturnType<typeof nameAt> {
  const i = line.indexOf(marker);
  assert.ok(i >= 0, `${marker} not in ${line}`);
  return nameAt(line, i + offset);
}

function summary(text: string, shape: number[], norm: number | null = null): TensorSummary {
  const numel = shape.reduce((a, b) => a * b, 1);
  return { shape, dtype: 'float32', numel, text, min: null, max: null, mean: null, norm };
}

function variable(name: string, extra: Partial<VariableInfo> = {}): VariableInfo {
  return {
    name,
    shape: [2, 1],
    dtype: 'float32',
    requiresGrad: true,
    gradFn: null,
    isLeaf: true,
    value: summary('tensor([[ 0.5000],\n        [-1.0000]])', [2, 1]),
    grad: summary('tensor([[ -9.],\n        [-13.]])', [2, 1], 15.81),
    ...extra,
  };
}

describe('name under the cursor', () => {
  it('finds plain and dotted names up to the hovered segment', () => {
    const line = '    y_hat = model.linear.weight @ x + b';
    assert.equal(at(line, 'model')!.name, 'model');
    assert.equal(at(line, 'linear', 3)!.name, 'model.linear');
    const w = at(line, 'weight', 5)!;
    assert.equal(w.name, 'model.linear.weight');
    assert.equal(w.segment, 'weight');
    assert.equal(line.slice(w.start, w.end), 'model.linear.weight');
    assert.equal(at(line, 'b')!.name, 'b');
    assert.equal(at(line, 'y_hat', 2)!.name, 'y_hat');
  });

  it('handles w.grad, subscripts and calls', () => {
    assert.equal(at('w -= lr * w.grad', 'grad')!.name, 'w.grad');
    assert.equal(at('w -= lr * w.grad', 'w')!.name, 'w');
    assert.equal(at('w.grad.zero_()', 'zero_')!.name, 'w.grad.zero_');
    assert.equal(at('w.grad.zero_()', 'zero_')!.isCall, true);
    const p = at('p = params[0].grad', 'grad')!;
    assert.equal(p.name, 'params[0].grad');
    assert.deepEqual(at('p = params[0].grad', 'params')!.candidates, ['params', 'params[0]']);
    assert.equal(at('g = d["w"].grad', 'grad')!.name, "d['w'].grad");
    const back = at('    loss.backward()', 'backward')!;
    assert.equal(back.name, 'loss.backward');
    assert.equal(back.segment, 'backward');
    assert.equal(back.isCall, true);
    assert.equal(at('loss.backward ()', 'backward')!.isCall, true);
    assert.equal(at('loss = criterion(out, y)', 'loss')!.isCall, false);
  });

  it('is nothing on attributes of expressions, numbers, strings, comments and punctuation', () => {
    assert.equal(at('v = f(x).grad', 'grad'), null);
    assert.equal(at('v = xs[i].grad', 'grad'), null);
    assert.equal(at('lr = 1e5', 'e5'), null);
    assert.equal(at('lr = 1.5e3', 'e3'), null);
    assert.equal(at("print('w.grad', w)", 'grad'), null);
    assert.equal(at('x = 1  # w is the weight', 'w is'), null);
    assert.equal(at('a = b', '='), null);
    assert.equal(nameAt('abc', 3), null);
    assert.deepEqual(codeMask("a'#'b#c").map(Number), [1, 0, 0, 0, 1, 0, 0]);
  });

  it('reads non-ASCII identifiers', () => {
    assert.equal(at('损失 = (预测 - y).mean()', '损失', 1)!.name, '损失');
  });
});

describe('variable lookup', () => {
  const vars = [variable('w'), variable('w.grad', { grad: null }), variable('model.linear.weight'), variable('params[0]')];

  it('takes the first candidate that names a tensor', () => {
    assert.equal(lookupVariable(vars, ['w'])!.variable.name, 'w');
    assert.equal(lookupVariable(vars, ['w.grad'])!.variable.name, 'w.grad');
    assert.equal(lookupVariable(vars, ['params', 'params[0]'])!.variable.name, 'params[0]');
    assert.equal(lookupVariable(vars, ['nope']), null);
  });

  it('resolves self.x to the object that holds it in this run', () => {
    const m = lookupVariable(vars, ['self.linear.weight'])!;
    assert.equal(m.variable.name, 'model.linear.weight');
    assert.equal(m.written, 'self.linear.weight');
    assert.equal(m.via, 'model.linear.weight');
    assert.equal(lookupVariable(vars, ['self.nothing']), null);
  });
});

describe('hover markdown', () => {
  const history: HistoryPoint[] = [
    { step: 1, value: 100 },
    { step: 2, value: 10 },
    { step: 3, value: 1 },
    { step: 4, value: 0.01 },
  ];

  it('puts the log-scale note where each language wants it', () => {
    const bundle = JSON.parse(fs.readFileSync(path.join(repoRoot, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
    setTranslator((message, ...args) => formatMessage(bundle[message] ?? message, args));
    try {
      const md = variableHover({ match: { variable: variable('w'), written: 'w', via: null }, gradHistory: history, lossHistory: null, nodeId: 7, runKey: 'k', runLabel: 'train.py', stale: false, running: false });
      assert.ok(md.includes('4 步内的梯度范数（对数坐标）  \n'), md);
    } finally {
      setTranslator((message, ...args) => formatMessage(message, args));
    }
  });

  it('shows metadata, the value and gradient as PyTorch prints them, and the gradient-norm chart', () => {
    const md = variableHover({
      match: { variable: variable('w'), written: 'w', via: null },
      gradHistory: history,
      lossHistory: null,
      nodeId: 7,
      runKey: 'file:///train.py',
      runLabel: 'train.py',
      stale: false,
      running: false,
    });
    assert.match(md, /\*\*`w`\*\* — `torch\.Size\(\[2, 1\]\)` · `torch\.float32` · `requires_grad=True` · `grad_fn=None`/);
    assert.ok(md.includes('```python\ntensor([[ 0.5000],\n        [-1.0000]])\n```'));
    assert.ok(md.includes('**`w.grad`**\n\n```python\ntensor([[ -9.],\n        [-13.]])\n```'));
    assert.match(md, /Gradient norm over 4 steps \(log scale\)/);
    const img = /!\[([^\]]*)\]\(data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)\)/.exec(md)!;
    assert.ok(img, 'an SVG data URI image');
    assert.equal(img[1], sparkline([100, 10, 1, 0.01]));
    const svg = Buffer.from(img[2], 'base64').toString('utf8');
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[\s\S]*<path d="M[\d.]+ [\d.]+L/);
    assert.match(md, /step 1: 100 → step 4: 0\.01/);
    assert.ok(md.includes(`[Show in graph](command:autogradPlayground.showNode?${encodeURIComponent('[7,"file:///train.py"]')})`));
    assert.match(md, /\*From the last run of train\.py\.\*$/);
  });

  it('says when the document changed since the run, and what self.x was', () => {
    const md = variableHover({
      match: { variable: variable('model.linear.weight', { grad: null }), written: 'self.linear.weight', via: 'model.linear.weight' },
      gradHistory: null,
      lossHistory: null,
      nodeId: null,
      runKey: 'file:///net.py',
      runLabel: 'net.py',
      stale: true,
      running: false,
    });
    assert.match(md, /\*\*`self\.linear\.weight`\*\* \(in this run: `model\.linear\.weight`\)/);
    assert.match(md, /`self\.linear\.weight\.grad` is None: no backward\(\) reached this tensor\./);
    assert.match(md, /\*The document has changed since the run of net\.py; these values are from that run\.\*/);
    assert.ok(!md.includes('command:'));
  });

  it('shows grad_fn of computed tensors and the loss curve', () => {
    const loss = variable('loss', { shape: [], gradFn: 'MseLossBackward0', isLeaf: false, grad: null, value: summary('tensor(0.0123)', []) });
    const md = variableHover({
      match: { variable: loss, written: 'loss', via: null },
      gradHistory: null,
      lossHistory: [
        { step: 1, value: 3 },
        { step: 2, value: NaN },
      ],
      nodeId: null,
      runKey: 'file:///a.py',
      runLabel: 'a.py',
      stale: false,
      running: true,
    });
    assert.match(md, /`torch\.Size\(\[\]\)` · `torch\.float32` · `requires_grad=True` · `grad_fn=<MseLossBackward0>`/);
    assert.ok(!md.includes('.grad'));
    assert.match(md, /Loss over 2 steps/);
    assert.match(md, /step 2: nan/);
    assert.match(md, /still running/);
  });

  it('says when a .grad is None, and describes the last graph of a backward() line', () => {
    assert.match(missingGradHover('w.grad', 'a.py', false, false), /^`w\.grad` is None at the end of the run\./);
    const md = backwardHover({ step: 200, line: 9, loss: 0.5, rootId: 3, nodes: 250, ops: 180, leaves: 20, hiddenNodes: 50 }, 'a.py', false, false);
    assert.match(md, /^\*\*backward\(\)\*\* — step 200: a graph of 250 nodes \(180 operations, 20 leaf tensors\); 50 nodes beyond the node limit are not drawn · loss 0\.5/);
    assert.ok(md.includes('[Open the graph panel](command:autogradPlayground.showPanel)'));
    assert.match(backwardHover(null, 'a.py', false, false), /not reached in the last run/);
  });
});

describe('charts', () => {
  it('uses a log scale only for positive values spanning decades', () => {
    assert.deepEqual(chartScale([1, 2, 3]), { log: false, min: 1, max: 3 });
    assert.equal(chartScale([100, 0.5])!.log, true);
    assert.equal(chartScale([100, 0, 0.5])!.log, false);
    assert.equal(chartScale([null, NaN]), null);
  });

  it('draws sparklines with gaps and non-finite marks', () => {
    assert.equal(sparkline([0, 1, 2, 3, 4, 5, 6, 7]), '▁▂▃▄▅▆▇█');
    assert.equal(sparkline([1, null, Infinity, 1]), '▅ ×▅');
    assert.equal(sparkline(Array.from({ length: 100 }, (_, i) => i), 10).length, 10);
  });

  it('breaks the SVG line at non-finite points and marks them', () => {
    const svg = chartSvg([
      { step: 1, value: 1 },
      { step: 2, value: 2 },
      { step: 3, value: NaN },
      { step: 4, value: 1 },
      { step: 5, value: 3 },
    ]);
    assert.equal((svg.match(/M/g) ?? []).length, 2);
    assert.equal((svg.match(/<circle/g) ?? []).length, 1);
  });
});

describe('graph-derived hovers and annotations', () => {
  const backward: BackwardEvent = {
    type: 'backward',
    t: 10,
    step: 3,
    file: 'a.py',
    line: 9,
    loss: 1.5,
    graph: {
      rootId: 1,
      nodes: [
        { id: 1, kind: 'op', gradFn: 'MeanBackward0', name: null, shape: [], dtype: 'float32', line: 8 },
        { id: 2, kind: 'leaf', gradFn: null, name: 'w', shape: [2], dtype: 'float32', line: 3, value: summary('tensor([1., 2.])', [2]), grad: summary('tensor([0.5000, 0.5000])', [2]) },
        { id: 3, kind: 'leaf', gradFn: null, name: 'b', shape: [1], dtype: 'float32', line: 3, value: summary('tensor([0.])', [1]) },
      ],
      edges: [
        [2, 1],
        [3, 1],
      ],
      truncated: null,
    },
    leaves: [
      { id: 2, name: 'w', shape: [2], grad: summary('tensor([1.5000, 1.5000])', [2]) },
      { id: 3, name: 'b', shape: [1], grad: summary('tensor([3.])', [1]) },
    ],
  };

  it('describes the named leaves while the run has no variables event yet', () => {
    const vars = variablesFromGraph(backward);
    assert.deepEqual(
      vars.map((v) => v.name),
      ['w', 'w.grad', 'b', 'b.grad'],
    );
    // The accumulated .grad (from `leaves`), not this step's share.
    assert.equal(vars[0].grad!.text, 'tensor([1.5000, 1.5000])');
    assert.deepEqual(variablesFromGraph(null), []);
  });

  it('annotates the line that created each leaf with its final gradient', () => {
    assert.deepEqual(gradientAnnotations(backward), [{ line: 3, text: 'w.grad = tensor([1.5000, 1.5000])   b.grad = tensor([3.])' }]);
    assert.deepEqual(gradientAnnotations(null), []);
  });

  it('offers the CodeLens on scripts that import torch', () => {
    assert.ok(importsTorch('import torch\n'));
    assert.ok(importsTorch('# x\nimport torch.nn as nn\n'));
    assert.ok(importsTorch('from torch import nn\n'));
    assert.ok(importsTorch('from torch.utils.data import DataLoader\n'));
    assert.ok(!importsTorch('import torchvision\n'));
    assert.ok(!importsTorch('# import torch\nprint(1)\n'));
  });
});

describe('hovers on modules and optimizers', () => {
  it('shows a module with its class, parameter count, repr and each parameter with its gradient norm', () => {
    const text = objectHover(
      {
        name: 'model', kind: 'module', className: 'Sequential', repr: 'Sequential(\n  (0): Linear(in_features=3, out_features=1, bias=True)\n)',
        parameterCount: 4, parameters: [{ name: 'model.0.weight', shape: [1, 3], gradNorm: 0.25 }, { name: 'model.0.bias', shape: [1], gradNorm: null }],
      },
      'a.py (run 2)', false, false,
    );
    assert.ok(text.startsWith('**`model`** — module `Sequential` · 4 parameters'), text);
    assert.ok(text.includes('```python\nSequential(\n  (0): Linear(in_features=3, out_features=1, bias=True)\n)\n```'), text);
    assert.ok(text.includes('- `model.0.weight` `torch.Size([1, 3])` · ‖grad‖ 0.25\n- `model.0.bias` `torch.Size([1])`'), text);
    assert.ok(text.endsWith('*From the last run of a.py (run 2).*'), text);
  });

  it('shows an optimizer with its class, how many tensors it updates, its step count and its repr', () => {
    const text = objectHover({ name: 'opt', kind: 'optimizer', className: 'Adam', repr: 'Adam (\nParameter Group 0\n    lr: 0.01\n)', parameterCount: 2, step: 3 }, 'a.py', false, false);
    assert.ok(text.startsWith('**`opt`** — optimizer `Adam` over 2 parameter tensors · after 3 steps'), text);
    assert.ok(text.includes('```python\nAdam (\nParameter Group 0\n    lr: 0.01\n)\n```'), text);
  });
});
