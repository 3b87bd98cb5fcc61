// Python tokens, the token diff, and a run's label from the edits a tutorial asks for (learning rate, epochs,
// optimizer, batch size).
import { strict as assert } from 'node:assert';
import { diffTokens, labelRun, tokenize } from './sourceDiff';
import type { RunLabel, SourceChange } from '../../protocol/runHistory';

const texts = (src: string): string[] => tokenize(src).map((t) => (t.kind === 'newline' ? '⏎' : t.text));

/** A value change as `target = before → after` (or `call(before → after)`), the way the panel words it. */
function words(label: RunLabel): string[] {
  if (label.kind !== 'changes') return [label.kind];
  return label.changes.map((c: SourceChange) => {
    if (c.kind === 'edit') return `edit ${c.line}`;
    if (c.target) return `${c.target} = ${c.before} → ${c.after}`;
    if (c.call) return `${c.call}(${c.before} → ${c.after})`;
    return `${c.before} → ${c.after}`;
  });
}

const LINEAR = `# Linear regression from scratch
import torch

torch.manual_seed(42)
X = torch.randn(100, 1)
y = 3 * X + 2 + 0.1 * torch.randn(100, 1)

w = torch.zeros(1, 1, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
lr = 0.1

for epoch in range(50):
    loss = ((X @ w + b - y) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        w -= lr * w.grad
        b -= lr * b.grad
`;

const D2L = `import torch
from torch import nn
from d2l import torch as d2l

batch_size, lr, num_epochs = 256, 0.1, 10
net = nn.Sequential(nn.Flatten(), nn.Linear(784, 10))
trainer = torch.optim.SGD(net.parameters(), lr=0.1, momentum=0.9)
config = {"hidden": 64}
config["lr"] = 0.5
`;

describe('tokenize', () => {
  it('cuts Python into names, numbers, strings and operators, with one newline per logical line', () => {
    assert.deepEqual(texts('lr = 0.1  # the step size\n\n\nw -= lr * w.grad\n'), ['lr', '=', '0.1', '⏎', 'w', '-=', 'lr', '*', 'w', '.', 'grad', '⏎']);
    // No newline inside brackets or after a backslash; numbers in all their spellings.
    assert.deepEqual(texts('f(1,\n  2e-3, 0x1F, 1_000, .5, 3j)\nx = 1 + \\\n  2'), ['f', '(', '1', ',', '2e-3', ',', '0x1F', ',', '1_000', ',', '.5', ',', '3j', ')', '⏎', 'x', '=', '1', '+', '2', '⏎']);
    assert.deepEqual(texts('a **= 2; b //= 3; c := 4; d -> e; f != g'), ['a', '**=', '2', ';', 'b', '//=', '3', ';', 'c', ':=', '4', ';', 'd', '->', 'e', ';', 'f', '!=', 'g', '⏎']);
  });

  it('keeps strings whole: prefixes, escapes, triple quotes over lines, and counts their lines', () => {
    const toks = tokenize('s = f"loss {x:.4f}" + r\'\\d\' + "a\\"b"\nt = """one\ntwo"""\nu = 1\n');
    assert.deepEqual(toks.filter((t) => t.kind === 'string').map((t) => t.text), ['f"loss {x:.4f}"', "r'\\d'", '"a\\"b"', '"""one\ntwo"""']);
    assert.equal(toks.find((t) => t.text === 'u')?.line, 4);
    // A '#' in a string is not a comment.
    assert.deepEqual(texts('print("# not a comment")'), ['print', '(', '"# not a comment"', ')', '⏎']);
  });

  it('does not stop at text Python would refuse', () => {
    assert.deepEqual(texts('x = "unclosed\ny = $'), ['x', '=', '"unclosed', '⏎', 'y', '=', '$', '⏎']);
    assert.deepEqual(texts('学习率 = 0.1'), ['学习率', '=', '0.1', '⏎']);
  });
});

describe('diffTokens', () => {
  it('finds the replaced, inserted and removed stretches', () => {
    const a = tokenize('a = 1\nb = 2\nc = 3\n');
    const b = tokenize('a = 1\nb = 5\nc = 3\nd = 4\n');
    const hunks = diffTokens(a, b);
    assert.deepEqual(hunks.map((h) => [a.slice(h.aStart, h.aEnd).map((t) => t.text), b.slice(h.bStart, h.bEnd).map((t) => t.text)]), [
      [['2'], ['5']],
      [[], ['', 'd', '=', '4']],
    ]);
    assert.deepEqual(diffTokens(a, a), []);
  });
});

describe('labelRun', () => {
  it('names the first run, an unchanged source, and a change of comments or spacing only', () => {
    assert.deepEqual(labelRun(null, LINEAR), { kind: 'first' });
    assert.deepEqual(labelRun(LINEAR, LINEAR), { kind: 'same' });
    assert.deepEqual(labelRun(LINEAR, LINEAR.replace('# Linear regression from scratch', '# tried again').replace('lr = 0.1', 'lr  =  0.1\n\n')), { kind: 'layout' });
  });

  it('labels a learning-rate change by its assignment: lr = 0.1 → 0.01', () => {
    const label = labelRun(LINEAR, LINEAR.replace('lr = 0.1', 'lr = 0.01'));
    assert.deepEqual(label, { kind: 'changes', total: 1, changes: [{ kind: 'value', line: 10, before: '0.1', after: '0.01', target: 'lr', call: null }] });
  });

  it('labels several edits of a tutorial, in source order', () => {
    const edited = LINEAR.replace('lr = 0.1', 'lr = 1e-3').replace('range(50)', 'range(200)').replace('torch.manual_seed(42)', 'torch.manual_seed(0)');
    assert.deepEqual(words(labelRun(LINEAR, edited)), ['manual_seed(42 → 0)', 'lr = 0.1 → 1e-3', 'range(50 → 200)']);
  });

  it('finds the target of keyword arguments, tuple-free assignments, subscripts and annotations', () => {
    const edited = D2L.replace('lr=0.1', 'lr=0.03').replace('momentum=0.9', 'momentum=0.5').replace('config["lr"] = 0.5', 'config["lr"] = 0.25').replace('{"hidden": 64}', '{"hidden": 128}');
    assert.deepEqual(words(labelRun(D2L, edited)), ['lr = 0.1 → 0.03', 'momentum = 0.9 → 0.5', '64 → 128', 'config["lr"] = 0.5 → 0.25']);
    const tuple = D2L.replace('256, 0.1, 10', '128, 0.3, 20');
    assert.deepEqual(words(labelRun(D2L, tuple)), ['batch_size = 256 → 128', 'lr = 0.1 → 0.3', 'num_epochs = 10 → 20']);
    assert.deepEqual(words(labelRun('a, b = f(1), 2\n', 'a, b = f(3), 2\n')), ['f(1 → 3)']);
    assert.deepEqual(words(labelRun('lr: float = 0.1\n', 'lr: float = 0.2\n')), ['lr = 0.1 → 0.2']);
    assert.deepEqual(words(labelRun('self.lr = 0.1\n', 'self.lr = 0.2\n')), ['self.lr = 0.1 → 0.2']);
  });

  it('keeps a unary sign with its number, and names a changed optimizer or string', () => {
    assert.deepEqual(words(labelRun('w = -0.5\n', 'w = -0.25\n')), ['w = -0.5 → -0.25']);
    assert.deepEqual(words(labelRun('w = 0.5\n', 'w = -0.5\n')), ['w = 0.5 → -0.5']);
    assert.deepEqual(words(labelRun('x = a - 1\n', 'x = a - 2\n')), ['1 → 2']);
    assert.deepEqual(words(labelRun('opt = torch.optim.SGD(p, lr=0.1)\n', 'opt = torch.optim.Adam(p, lr=0.1)\n')), ['SGD → Adam']);
    assert.deepEqual(words(labelRun('act = "relu"\n', "act = 'tanh'\n")), ['act = "relu" → \'tanh\'']);
  });

  it('says a larger edit by its line, once per line', () => {
    const edited = LINEAR.replace('lr = 0.1\n', 'lr = 0.1\nmomentum = 0.9\nvelocity = torch.zeros(1)\n');
    assert.deepEqual(words(labelRun(LINEAR, edited)), ['edit 11']);
    const rewritten = LINEAR.replace('loss = ((X @ w + b - y) ** 2).mean()', 'loss = torch.nn.functional.mse_loss(X @ w + b, y)');
    assert.deepEqual(words(labelRun(LINEAR, rewritten)), ['edit 13']);
  });

  it('counts every change but keeps at most eight', () => {
    const before = Array.from({ length: 12 }, (_, i) => `p${i} = ${i}\n`).join('');
    const after = Array.from({ length: 12 }, (_, i) => `p${i} = ${i + 100}\n`).join('');
    const label = labelRun(before, after);
    assert.ok(label.kind === 'changes');
    assert.equal(label.total, 12);
    assert.equal(label.changes.length, 8);
    assert.deepEqual(words(label).slice(0, 2), ['p0 = 0 → 100', 'p1 = 1 → 101']);
  });
});
