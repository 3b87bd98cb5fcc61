/**
 * Custom autograd Functions (torch.autograd.Function) and grad_fn objects through the Python runtime: each
 * snippet of test/fixtures/autograd_function.json prints what real PyTorch printed for it (made by
 * test/harness/gen_autograd_function_fixture.py; 2.x's text where 1.13 differs, as each case notes).
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BackwardEvent } from '../../../src/protocol/events';
import { openSession, PythonSession } from '../../../src/runtime/host/runner';
import { fixturesDir } from '../../paths';

interface Case { name: string; code: string; stdout: string; note?: string }

const fixture = JSON.parse(fs.readFileSync(path.join(fixturesDir, 'autograd_function.json'), 'utf8')) as { prelude: string; cases: Case[] };

/** Object addresses differ from run to run (and from PyTorch's). */
function normalized(text: string): string {
  return text.replace(/0x[0-9a-f]+/g, '0x?');
}

describe('torch.autograd.Function and grad_fn objects (PyTorch reference output)', function () {
  this.timeout(120000);
  let session: PythonSession;
  before(async () => {
    session = await openSession();
  });
  after(async () => {
    await session.close();
  });

  for (const c of fixture.cases) {
    it(c.name, async () => {
      const r = await session.run(fixture.prelude + c.code, 'snippet.py');
      assert.equal(r.status, 'ok', r.stderr);
      assert.equal(normalized(r.stdout), c.stdout);
    });
  }

  it('warns that a Function instance is deprecated, naming the line that made it', async () => {
    const src = [
      'import torch',
      'class Legacy(torch.autograd.Function):',
      '    def forward(self, x):',
      '        return x',
      'f = Legacy()',
    ].join('\n');
    const r = await session.run(src, 'legacy.py');
    assert.equal(r.status, 'ok', r.stderr);
    assert.equal(
      r.stderr,
      "legacy.py:5: DeprecationWarning: <class '__main__.Legacy'> should not be instantiated. Methods on autograd functionsare all static, " +
        'so you should invoke them on the class itself. Instantiating an autograd function will raise an error in a future version of PyTorch.\n' +
        '  f = Legacy()\n',
    );
  });

  it("an error in a backward or a hook shows the script's frames only, not the engine's JavaScript ones", async () => {
    const src = [
      'import torch',
      'class Bad(torch.autograd.Function):',
      '    @staticmethod',
      '    def forward(ctx, x):',
      '        return x * 2',
      '    @staticmethod',
      '    def backward(ctx, g):',
      '        return g @ torch.ones(3, 3)',
      'x = torch.ones(2, requires_grad=True)',
      'Bad.apply(x).sum().backward()',
    ].join('\n');
    const r = await session.run(src, 'bad.py');
    assert.equal(r.status, 'error');
    assert.equal(
      r.stderr,
      'Traceback (most recent call last):\n' +
        '  File "bad.py", line 10, in <module>\n' +
        '    Bad.apply(x).sum().backward()\n' +
        '    ~~~~~~~~~~~~~~~~~~~~~~~~~~~^^\n' +
        '  File "bad.py", line 8, in backward\n' +
        '    return g @ torch.ones(3, 3)\n' +
        '           ~~^~~~~~~~~~~~~~~~~~\n' +
        'RuntimeError: mat1 and mat2 shapes cannot be multiplied (1x2 and 3x3)\n',
    );
    const hook = ['import torch', 'y = torch.ones(2, requires_grad=True) * 2', 'def hook(g):', '    raise ValueError("bad hook")', 'y.register_hook(hook)', 'y.sum().backward()'];
    const r2 = await session.run(hook.join('\n'), 'hook.py');
    assert.equal(r2.status, 'error');
    assert.equal(r2.stderr.match(/File "/g)?.length, 2, r2.stderr);
    assert.ok(r2.stderr.includes('  File "hook.py", line 4, in hook\n'), r2.stderr);
  });

  it("shows the node in the backward event's graph with the line of the user's backward", async () => {
    const src = [
      'import torch', // 1
      'class Square(torch.autograd.Function):',
      '    @staticmethod',
      '    def forward(ctx, x):',
      '        ctx.save_for_backward(x)', // 5
      '        return x * x',
      '    @staticmethod',
      '    def backward(ctx, g):',
      '        x, = ctx.saved_tensors',
      '        return 2 * x * g', // 10
      'w = torch.tensor([1.0, -2.0], requires_grad=True)',
      'loss = Square.apply(w).sum()',
      'loss.backward()',
    ].join('\n');
    const r = await session.run(src, 'square.py');
    assert.equal(r.status, 'ok', r.stderr);
    const e = r.events.find((x): x is BackwardEvent => x.type === 'backward')!;
    const node = e.graph.nodes.find((n) => n.gradFn === 'SquareBackward')!;
    assert.equal(node.line, 8);
    assert.equal(node.kind, 'op');
    assert.equal(node.value!.text, 'tensor([1., 4.])');
    assert.equal(node.grad!.text, 'tensor([1., 1.])');
    const leaf = e.graph.nodes.find((n) => n.name === 'w')!;
    assert.equal(leaf.grad!.text, 'tensor([ 2., -4.])');
    assert.ok(e.graph.edges.some(([from, to]) => from === leaf.id && to === node.id));
  });
});
