/**
 * Small gaps public tutorials ran into (torch.meshgrid, torch.fmod, indexing with a range, item(), big ints), against what real
 * PyTorch printed (test/fixtures/tutorial_gaps.json, made by test/harness/gen_tutorial_gaps.py); and state a
 * script changes that must not reach the next run of a session.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openSession, type PythonSession } from '../../../src/runtime/host/runner';

interface Fixture {
  cases: Record<string, { code: string; stdout: string }>;
}

const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'tutorial_gaps.json'), 'utf8')) as Fixture;

describe('tutorial gaps (real PyTorch output)', function () {
  this.timeout(60000);
  let session: PythonSession;
  before(async () => {
    session = await openSession();
  });
  after(async () => {
    await session.close();
  });

  for (const [name, { code, stdout }] of Object.entries(fixture.cases)) {
    it(name, async () => {
      const wrapped = `import warnings\nwarnings.simplefilter("ignore")\ntry:\n${code.replace(/^/gm, '    ')}\nexcept Exception as e:\n    print(type(e).__name__ + ": " + str(e))\n`;
      const r = await session.run(wrapped, 'snippet.py');
      assert.equal(r.status, 'ok', r.stderr);
      assert.equal(r.stdout, stdout);
    });
  }

  it('warns, as PyTorch does, when meshgrid is not told its indexing, naming the user’s line', async () => {
    const r = await session.run('import torch\nx = torch.ones(2)\na, b = torch.meshgrid(x, x)\nprint(a.shape)\n', 'mesh.py');
    assert.equal(r.stdout, 'torch.Size([2, 2])\n');
    assert.match(r.stderr, /^mesh\.py:3: UserWarning: torch\.meshgrid: in an upcoming release, it will be required to pass the indexing argument\./);
  });

  it('refuses, by name, the autograd arguments it cannot honour, and warns as PyTorch does for only_inputs', async () => {
    const r = await session.run(
      [
        'import torch',
        'x = torch.ones(2, requires_grad=True)',
        'for call in (lambda: torch.autograd.backward([(x * 2).sum()], inputs=[x]), lambda: torch.autograd.grad((x * 2).sum(), x, is_grads_batched=True)):',
        '    try:',
        '        call()',
        '    except NotImplementedError as e:',
        '        print(e)',
        'print(torch.autograd.grad((x * 2).sum(), x, only_inputs=False), x.grad)',
        '',
      ].join('\n'),
      'autograd_args.py',
    );
    assert.equal(r.status, 'ok', r.stderr);
    assert.equal(
      r.stdout,
      'Autograd Playground does not support backward(inputs=...); use torch.autograd.grad(loss, inputs)\n' +
        'Autograd Playground does not support torch.autograd.grad(is_grads_batched=True)\n' +
        '(tensor([2., 2.]),) None\n',
    );
    assert.match(r.stderr, /^autograd_args\.py:8: UserWarning: only_inputs argument is deprecated and is ignored now \(defaults to True\)/);
  });

  it('prints a figure as matplotlib’s str does', async () => {
    const r = await session.run('import matplotlib.pyplot as plt\nfig = plt.figure(figsize=(3.5, 2.5))\nprint(fig)\nprint(repr(fig))\n', 'fig.py');
    assert.equal(r.stdout, 'Figure(350x250)\n<Figure size 350x250 with 0 Axes>\n');
  });

  it('does not carry a script’s default dtype into the next run', async () => {
    await session.run('import torch\ntorch.set_default_dtype(torch.float64)\n', 'a.py');
    const r = await session.run('import torch\nprint(torch.get_default_dtype(), torch.tensor([1.5]).dtype)\n', 'b.py');
    assert.equal(r.stdout, 'torch.float32 torch.float32\n');
  });
});
