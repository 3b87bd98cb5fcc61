/**
 * Autograd semantics through the Python path (the `torch` package running in Pyodide over the engine):
 * each snippet prints, and the test compares with the text real PyTorch 2.11 prints for it. Expected values
 * are derived analytically; where PyTorch's exact text was not certain, the assertion is left out.
 */
import { strict as assert } from 'node:assert';
import { openSession, PythonSession } from '../../../src/runtime/host/runner';

/** Strips the common indentation of a template literal, so Python snippets can be indented with the test. */
function py(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '');
  const lines = raw.replace(/^\n/, '').replace(/\n\s*$/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length));
  return lines.map((l) => l.slice(indent)).join('\n') + '\n';
}

/** Shared by every snippet: `err(f)` prints "Type: message" of what f raises. */
const PRELUDE = py`
  import torch
  def err(f):
      try:
          f()
      except Exception as e:
          print(type(e).__name__ + ": " + str(e))
      else:
          print("no error")
`;
const PRELUDE_LINES = PRELUDE.split('\n').length - 1;

const SAVED_HINT =
  'Hint: enable anomaly detection to find the operation that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True).';
const SECOND_BACKWARD =
  'RuntimeError: Trying to backward through the graph a second time (or directly access saved tensors after they have already been freed). ' +
  'Saved intermediate values of the graph are freed when you call .backward() or autograd.grad(). ' +
  'Specify retain_graph=True if you need to backward through the graph a second time or if you need to access saved tensors after calling backward.';

describe('autograd semantics through the Python runtime (PyTorch 2.11 text)', function () {
  this.timeout(60000);
  let session: PythonSession;
  before(async () => {
    session = await openSession();
  });
  after(async () => {
    await session.close();
  });

  async function output(body: string): Promise<string> {
    const r = await session.run(PRELUDE + body, 'snippet.py');
    assert.equal(r.status, 'ok', r.stderr);
    return r.stdout;
  }

  /** Runs the snippet and compares its whole stdout with `expected` (lines). */
  async function expectPrints(body: string, expected: string[]): Promise<void> {
    assert.equal(await output(body), expected.join('\n') + '\n');
  }

  describe('leaves and gradients', () => {
    it('tells leaves from results and has no grad before the first backward', () =>
      expectPrints(
        py`
          x = torch.tensor([1., 2., 3.], requires_grad=True)
          y = x * 2
          print(x.is_leaf, y.is_leaf, x.requires_grad, y.requires_grad)
          print(x.grad_fn, y.grad_fn.name())
          print(x.grad)
          c = torch.tensor([1., 2.])
          print(c.is_leaf, c.requires_grad, (c * 2).is_leaf, (c * 2).grad_fn)
          print(x.detach().is_leaf, x.detach().requires_grad)
        `,
        ['True False True True', 'None MulBackward0', 'None', 'True False True None', 'True False'],
      ));

    it('accumulates over backward calls until zero_() or grad = None', () =>
      expectPrints(
        py`
          x = torch.tensor([1., 2., 3.], requires_grad=True)
          (x * 2).sum().backward()
          print(x.grad)
          g = x.grad
          (x * x).sum().backward()
          print(x.grad, g is x.grad)
          x.grad.zero_()
          print(x.grad)
          (x ** 2).sum().backward()
          print(x.grad)
          x.grad = None
          (3 * x).sum().backward()
          print(x.grad)
        `,
        ['tensor([2., 2., 2.])', 'tensor([4., 6., 8.]) True', 'tensor([0., 0., 0.])', 'tensor([2., 4., 6.])', 'tensor([3., 3., 3.])'],
      ));

    it('frees the graph after backward unless retain_graph=True', () =>
      expectPrints(
        py`
          w = torch.tensor(2., requires_grad=True)
          l = w ** 3
          l.backward(retain_graph=True)
          print(w.grad)
          l.backward()
          print(w.grad)
          err(lambda: l.backward())
        `,
        ['tensor(12.)', 'tensor(24.)', SECOND_BACKWARD],
      ));

    it('takes a second derivative with create_graph=True (d2/dx2 of x**3 at 2 is 12)', () =>
      expectPrints(
        py`
          x = torch.tensor(2., requires_grad=True)
          y = x ** 3
          (g,) = torch.autograd.grad(y, x, create_graph=True)
          print(g)
          (g2,) = torch.autograd.grad(g, x)
          print(g2, x.grad)
          x = torch.tensor(2., requires_grad=True)
          (x ** 3).backward(create_graph=True)
          print(x.grad)
          gx = x.grad
          x.grad = None
          gx.backward()
          print(x.grad)
          x = torch.tensor(2., requires_grad=True)
          (x ** 3).backward(create_graph=True)
          x.grad.backward()
          print(x.grad)
          x = torch.tensor(2., requires_grad=True)
          (x ** 2).backward(create_graph=True)
          (x ** 2).backward(create_graph=True)
          print(x.grad)
        `,
        [
          'tensor(12., grad_fn=<MulBackward0>)',
          'tensor(12.) None',
          // AccumulateGrad under create_graph stores a copy made with copy_(), hence CopyBackwards.
          'tensor(12., grad_fn=<CopyBackwards>)',
          'tensor(12.)',
          // Without create_graph the second gradient is added into that same tensor, in place.
          'tensor(24., grad_fn=<CopyBackwards>)',
          'tensor(8., grad_fn=<AddBackward0>)',
        ],
      ));

    it('autograd.grad returns gradients without touching .grad', () =>
      expectPrints(
        py`
          a = torch.tensor([1., 2.], requires_grad=True)
          b = torch.tensor([3., 4.], requires_grad=True)
          ga, gb = torch.autograd.grad((a * b).sum(), [a, b])
          print(ga, gb, a.grad, b.grad)
          c = torch.tensor([5.], requires_grad=True)
          err(lambda: torch.autograd.grad((a * 2).sum(), [a, c]))
          print(torch.autograd.grad((a * 2).sum(), [a, c], allow_unused=True))
        `,
        [
          'tensor([3., 4.]) tensor([1., 2.]) None None',
          'RuntimeError: One of the differentiated Tensors appears to not have been used in the graph. Set allow_unused=True if this is the desired behavior.',
          '(tensor([2., 2.]), None)',
        ],
      ));

    it('keeps the gradient of a non-leaf after retain_grad()', () =>
      expectPrints(
        py`
          x = torch.tensor([1., 2., 3.], requires_grad=True)
          y = x * 2
          y.retain_grad()
          (y * y).sum().backward()
          print(y.grad)
          print(x.grad)
          print(y.retains_grad, x.retains_grad)
        `,
        ['tensor([ 4.,  8., 12.])', 'tensor([ 8., 16., 24.])', 'True False'],
      ));

    it('lets register_hook replace the gradient of a leaf and of a non-leaf', () =>
      expectPrints(
        py`
          x = torch.tensor([1., 2.], requires_grad=True)
          h = x.register_hook(lambda g: g * 10)
          (x * 3).sum().backward()
          print(x.grad)
          h.remove()
          x.grad = None
          (x * 3).sum().backward()
          print(x.grad)
          x = torch.tensor([1., 2.], requires_grad=True)
          y = x * 2
          y.register_hook(lambda g: g + 1)
          y.sum().backward()
          print(x.grad)
          seen = []
          x = torch.tensor([1., 2.], requires_grad=True)
          x.register_hook(lambda g: seen.append(g.clone()))
          (x ** 2).sum().backward()
          print(seen[0], x.grad)
          x = torch.tensor([1., 2.], requires_grad=True)
          y = x * 2
          y.retain_grad()
          y.register_hook(lambda g: g * 2)
          y.sum().backward()
          print(y.grad, x.grad)
        `,
        [
          'tensor([30., 30.])',
          'tensor([3., 3.])',
          'tensor([4., 4.])',
          'tensor([2., 4.]) tensor([2., 4.])',
          // retain_grad's hook runs after the others, whatever the registration order.
          'tensor([2., 2.]) tensor([4., 4.])',
        ],
      ));
  });

  describe('grad mode', () => {
    it('no_grad (context manager and decorator), enable_grad and set_grad_enabled', () =>
      expectPrints(
        py`
          x = torch.tensor([1., 2.], requires_grad=True)
          with torch.no_grad():
              y = x * 2
              print(y.requires_grad, y.grad_fn, torch.is_grad_enabled())
              with torch.enable_grad():
                  w = x * 2
          print(w.requires_grad, w.grad_fn.name(), torch.is_grad_enabled())
          print(y)
          @torch.no_grad()
          def f(t):
              return t * 2
          @torch.no_grad
          def f2(t):
              return t * 2
          print(f(x).requires_grad, f2(x).requires_grad, torch.is_grad_enabled())
          @torch.enable_grad()
          def g(t):
              return t * 2
          with torch.no_grad():
              print(g(x).requires_grad)
          torch.set_grad_enabled(False)
          print((x * 2).requires_grad, torch.is_grad_enabled())
          torch.set_grad_enabled(True)
          with torch.set_grad_enabled(False):
              print((x * 2).requires_grad)
          print((x * 2).requires_grad)
          with torch.no_grad():
              x.add_(1)
          print(x, x.is_leaf)
        `,
        [
          'False None False',
          'True MulBackward0 True',
          'tensor([2., 4.])',
          'False False True',
          'True',
          'False False',
          'False',
          'True',
          'tensor([2., 3.], requires_grad=True) True',
        ],
      ));
  });

  describe('in-place operations', () => {
    it('refuses in-place changes to a leaf that requires grad, and to its views', () =>
      expectPrints(
        py`
          x = torch.tensor([1., 2.], requires_grad=True)
          err(lambda: x.add_(1))
          err(lambda: x.mul_(2))
          def assign():
              x[0] = 5
          err(assign)
          def assign_all():
              x[:] = 0
          err(assign_all)
          def assign_mask():
              x[x > 1] = 0
          err(assign_mask)
          print(x)
        `,
        [
          'RuntimeError: a leaf Variable that requires grad is being used in an in-place operation.',
          'RuntimeError: a leaf Variable that requires grad is being used in an in-place operation.',
          // x[0] = 5 writes through the select view.
          'RuntimeError: a view of a leaf Variable that requires grad is being used in an in-place operation.',
          // A whole-axis slice is skipped when assigning: the copy goes to x itself.
          'RuntimeError: a leaf Variable that requires grad is being used in an in-place operation.',
          'RuntimeError: a leaf Variable that requires grad is being used in an in-place operation.',
          'tensor([1., 2.], requires_grad=True)',
        ],
      ));

    it("reports a saved tensor modified in place with PyTorch's message", () =>
      expectPrints(
        py`
          def saved_output():
              a = torch.tensor([1., 2., 3.], requires_grad=True)
              b = a.exp()
              b.add_(1)
              b.sum().backward()
          err(saved_output)
          def saved_sigmoid():
              a = torch.tensor([1., 2., 3.], requires_grad=True)
              b = a.sigmoid()
              b.mul_(2)
              b.sum().backward()
          err(saved_sigmoid)
          def saved_input():
              a = torch.tensor([1., 2., 3.], requires_grad=True)
              b = a * 1
              c = b * b
              b.add_(1)
              c.sum().backward()
          err(saved_input)
        `,
        [
          // A saved output names the node that saved it ...
          `RuntimeError: one of the variables needed for gradient computation has been modified by an inplace operation: [torch.FloatTensor [3]], which is output 0 of ExpBackward0, is at version 1; expected version 0 instead. ${SAVED_HINT}`,
          `RuntimeError: one of the variables needed for gradient computation has been modified by an inplace operation: [torch.FloatTensor [3]], which is output 0 of SigmoidBackward0, is at version 1; expected version 0 instead. ${SAVED_HINT}`,
          // ... a saved input names its current grad_fn (the in-place op's).
          `RuntimeError: one of the variables needed for gradient computation has been modified by an inplace operation: [torch.FloatTensor [3]], which is output 0 of AddBackward0, is at version 1; expected version 0 instead. ${SAVED_HINT}`,
        ],
      ));

    it('names no grad_fn when the modified saved tensor is a leaf', async () => {
      const out = await output(py`
        w = torch.tensor([1., 2.], requires_grad=True)
        y = (w * w).sum()
        with torch.no_grad():
            w.mul_(2)
        err(lambda: y.backward())
      `);
      assert.match(
        out,
        /^RuntimeError: one of the variables needed for gradient computation has been modified by an inplace operation: \[torch\.FloatTensor \[2\]\] is at version \d+; expected version \d+ instead\. Hint: /,
      );
    });

    it('runs backward through an assignment into a non-leaf (CopySlices)', () =>
      expectPrints(
        py`
          w = torch.ones(2, 3, requires_grad=True)
          y = w * 1
          y[:, 0] = 5
          print(y)
          y.sum().backward()
          print(w.grad)
        `,
        [
          'tensor([[5., 1., 1.],',
          '        [5., 1., 1.]], grad_fn=<CopySlices>)',
          'tensor([[0., 1., 1.],',
          '        [0., 1., 1.]])',
        ],
      ));
  });

  describe('views and storage', () => {
    it('writes through a view reach the base; .data and .detach() share storage', () =>
      expectPrints(
        py`
          x = torch.zeros(2, 3)
          before = x._version
          v = x.view(-1)
          v[0] = 5
          print(x)
          print(x._version - before, v._version == x._version)
          d = x.data
          d[1, 1] = 7
          print(x[1, 1], x._version - before)
          e = x.detach()
          e[1, 2] = 9
          print(x[1, 2], x._version - before)
          print(x)
        `,
        [
          'tensor([[5., 0., 0.],',
          '        [0., 0., 0.]])',
          '1 True',
          // .data shares the storage but not the version counter ...
          'tensor(7.) 1',
          // ... detach() shares both.
          'tensor(9.) 2',
          'tensor([[5., 0., 0.],',
          '        [0., 7., 9.]])',
        ],
      ));

    it('t() is a strided view; contiguous() copies it', () =>
      expectPrints(
        py`
          t = torch.arange(6.).reshape(2, 3)
          tt = t.t()
          print(tt.shape, tt.is_contiguous(), tt.stride())
          c = tt.contiguous()
          print(c.is_contiguous(), c.stride())
          c[0, 0] = 100.
          print(t[0, 0])
          tt[0, 1] = 50.
          print(t)
        `,
        ['torch.Size([3, 2]) False (1, 3)', 'True (2, 1)', 'tensor(0.)', 'tensor([[ 0.,  1.,  2.],', '        [50.,  4.,  5.]])'],
      ));
  });

  describe('graph structure', () => {
    it('next_functions: edges to AccumulateGrad, None for constants', () =>
      expectPrints(
        py`
          import re
          x = torch.tensor([[1., 2.], [3., 4.]], requires_grad=True)
          y = x * 2
          nf = y.grad_fn.next_functions
          print(re.sub(r"0x[0-9a-f]+", "0x...", repr(nf)))
          print(len(nf), nf[0][0].name(), nf[0][1], nf[1])
          print(torch.equal(nf[0][0].variable, x))
          z = y + x
          print([(f.name() if f is not None else None, i) for f, i in z.grad_fn.next_functions])
          l = (x * x).sum()
          mul = l.grad_fn.next_functions[0][0]
          print(l.grad_fn.name(), mul.name(), [(f.name(), i) for f, i in mul.next_functions])
          print(mul.next_functions[0][0] is mul.next_functions[1][0])
          s = torch.stack([x, x])
          print([(f.name(), i) for f, i in s.grad_fn.next_functions])
        `,
        [
          '((<AccumulateGrad object at 0x...>, 0), (None, 0))',
          // name() spells AccumulateGrad with its C++ namespace, as PyTorch does; its class is AccumulateGrad.
          '2 torch::autograd::AccumulateGrad 0 (None, 0)',
          'True',
          "[('MulBackward0', 0), ('torch::autograd::AccumulateGrad', 0)]",
          "SumBackward0 MulBackward0 [('torch::autograd::AccumulateGrad', 0), ('torch::autograd::AccumulateGrad', 0)]",
          'True',
          "[('torch::autograd::AccumulateGrad', 0), ('torch::autograd::AccumulateGrad', 0)]",
        ],
      ));

    it('grad_fn names of common operations', () =>
      expectPrints(
        py`
          x = torch.tensor([[1., 2.], [3., 4.]], requires_grad=True)
          r = torch.tensor([[1., 2.]], requires_grad=True)
          names = {
              "1 - x": 1 - x, "x - 1": x - 1, "x + 1": x + 1, "2 * x": 2 * x, "x / 2": x / 2,
              "x ** 2": x ** 2, "2 ** x": 2 ** x, "-x": -x, "x @ x": x @ x,
              "x.T": x.T, "x.t()": x.t(), "x[None]": x[None], "x[:, 0]": x[:, 0], "x[0]": x[0],
              "x[0:1]": x[0:1], "x[:]": x[:], "x[...]": x[...], "x[x > 2]": x[x > 2],
              "r.expand(3, 2)": r.expand(3, 2), "torch.stack": torch.stack([x, x]), "torch.cat": torch.cat([x, x]),
              "sum()": x.sum(), "sum(dim=0, keepdim=True)": x.sum(dim=0, keepdim=True), "mean()": x.mean(),
              "view": x.view(4), "reshape": x.reshape(4), "flatten": x.flatten(), "unsqueeze": x.unsqueeze(0),
              "squeeze": r.squeeze(), "transpose": x.transpose(0, 1), "permute": x.permute(1, 0),
              "clone": x.clone(), "double": x.double(), "exp": x.exp(), "relu": x.relu(), "abs": x.abs(),
              "max()": x.max(), "max(dim)": x.max(dim=0).values, "softmax": x.softmax(dim=0),
              "log_softmax": x.log_softmax(dim=0), "sigmoid": x.sigmoid(), "tanh": x.tanh(),
          }
          for k, v in names.items():
              print(k, v.grad_fn.name())
          print(x.max(dim=0).indices.grad_fn, x.float() is x)
        `,
        [
          '1 - x RsubBackward1',
          'x - 1 SubBackward0',
          'x + 1 AddBackward0',
          '2 * x MulBackward0',
          'x / 2 DivBackward0',
          'x ** 2 PowBackward0',
          '2 ** x PowBackward2',
          '-x NegBackward0',
          'x @ x MmBackward0',
          'x.T PermuteBackward0',
          'x.t() TBackward0',
          'x[None] UnsqueezeBackward0',
          'x[:, 0] SelectBackward0',
          'x[0] SelectBackward0',
          'x[0:1] SliceBackward0',
          'x[:] SliceBackward0',
          'x[...] AliasBackward0',
          'x[x > 2] IndexBackward0',
          'r.expand(3, 2) ExpandBackward0',
          'torch.stack StackBackward0',
          'torch.cat CatBackward0',
          'sum() SumBackward0',
          'sum(dim=0, keepdim=True) SumBackward1',
          'mean() MeanBackward0',
          'view ViewBackward0',
          'reshape ViewBackward0',
          'flatten ViewBackward0',
          'unsqueeze UnsqueezeBackward0',
          'squeeze SqueezeBackward0',
          'transpose TransposeBackward0',
          'permute PermuteBackward0',
          'clone CloneBackward0',
          'double ToCopyBackward0',
          'exp ExpBackward0',
          'relu ReluBackward0',
          'abs AbsBackward0',
          'max() MaxBackward1',
          'max(dim) MaxBackward0',
          'softmax SoftmaxBackward0',
          'log_softmax LogSoftmaxBackward0',
          'sigmoid SigmoidBackward0',
          'tanh TanhBackward0',
          'None True',
        ],
      ));
  });

  describe('type promotion', () => {
    it('follows result_type for tensors, 0-dim tensors and Python scalars', () =>
      expectPrints(
        py`
          i = torch.tensor([1, 2, 3])
          print(i + 2.5, (i + 2.5).dtype)
          print(i * 2, (i * 2).dtype)
          s = torch.tensor(1.5, dtype=torch.float64) + torch.tensor([1., 2.])
          print(s, s.dtype)
          print(torch.tensor([1, 2]) / 2)
          print((i + torch.tensor(2.5, dtype=torch.float64)).dtype)
          print((torch.tensor([1., 2.], dtype=torch.float64) + torch.tensor([1., 2.])).dtype)
          print(torch.tensor([1, 2]) // 2, torch.tensor(3) * 2.5, torch.tensor(3) + torch.tensor(2.5))
          print(i > 1, (i > 1).sum(), (i > 1).float().mean())
          print(torch.tensor([True]) + 1, (torch.tensor([True]) + 1.5).dtype)
          print(i ** 2, (i ** 0.5).dtype, i.sum(), i.sum().dtype)
          err(lambda: i.mean())
        `,
        [
          'tensor([3.5000, 4.5000, 5.5000]) torch.float32',
          'tensor([2, 4, 6]) torch.int64',
          'tensor([2.5000, 3.5000]) torch.float32',
          'tensor([0.5000, 1.0000])',
          'torch.float64',
          'torch.float64',
          'tensor([0, 1]) tensor(7.5000) tensor(5.5000)',
          'tensor([False,  True,  True]) tensor(2) tensor(0.6667)',
          'tensor([2]) torch.float32',
          'tensor([1, 4, 9]) torch.float32 tensor(6) torch.int64',
          'RuntimeError: mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: Long',
        ],
      ));
  });

  describe('printing', () => {
    it('shows grad_fn or requires_grad after the values', () =>
      expectPrints(
        py`
          print(torch.tensor(7., requires_grad=True) * 2)
          print(torch.tensor(7., requires_grad=True))
          print(torch.tensor(2., requires_grad=True) ** 2 / 3)
          print(torch.tensor([1., 2.], requires_grad=True) * 2)
          print(torch.tensor([[1., 2.]], requires_grad=True).sum(dim=1))
          print(torch.tensor([1., 2.], requires_grad=True, dtype=torch.float64) * 2)
          print(torch.tensor(0.5, requires_grad=True).exp())
          x = torch.tensor([1., 2.], requires_grad=True)
          print(x.detach(), x.data, x.clone())
          with torch.no_grad():
              print(x * 2)
        `,
        [
          'tensor(14., grad_fn=<MulBackward0>)',
          'tensor(7., requires_grad=True)',
          'tensor(1.3333, grad_fn=<DivBackward0>)',
          'tensor([2., 4.], grad_fn=<MulBackward0>)',
          'tensor([3.], grad_fn=<SumBackward1>)',
          'tensor([2., 4.], dtype=torch.float64, grad_fn=<MulBackward0>)',
          'tensor(1.6487, grad_fn=<ExpBackward0>)',
          'tensor([1., 2.]) tensor([1., 2.]) tensor([1., 2.], grad_fn=<CloneBackward0>)',
          'tensor([2., 4.])',
        ],
      ));
  });

  describe('errors', () => {
    it('raises the exception type and message PyTorch raises', () =>
      expectPrints(
        py`
          x = torch.ones(2, 3)
          err(lambda: x.sum(dim=2))
          err(lambda: x.softmax(dim=-3))
          err(lambda: x.unsqueeze(3))
          err(lambda: x[2])
          err(lambda: x[0, 3])
          err(lambda: x[:, -4])
          err(lambda: torch.tensor(1.)[0])
          err(lambda: x.view(4))
          err(lambda: x.t().view(6))
          err(lambda: torch.ones(3) @ torch.ones(2, 3))
          err(lambda: torch.ones(2, 3) @ torch.ones(2, 3))
          err(lambda: torch.dot(torch.ones(3), torch.ones(4)))
          err(lambda: torch.cat([torch.ones(2, 3), torch.ones(3, 2)], dim=1))
          err(lambda: torch.cat([torch.ones(2, 3), torch.ones(3)]))
          err(lambda: torch.stack([torch.ones(2), torch.ones(3)]))
          err(lambda: torch.ones(2, 3).expand(3, 3))
          err(lambda: torch.ones(2) + torch.ones(3))
          err(lambda: (torch.tensor([1., 2.], requires_grad=True) * 2).backward())
          err(lambda: (torch.tensor([1., 2.], requires_grad=True) * 2).backward(torch.ones(3)))
          err(lambda: torch.ones(3).backward(torch.ones(2)))
          err(lambda: torch.ones(1).backward())
          err(lambda: torch.tensor([1, 2], requires_grad=True))
          err(lambda: torch.tensor([1., 2.], requires_grad=True).item())
        `,
        [
          'IndexError: Dimension out of range (expected to be in range of [-2, 1], but got 2)',
          'IndexError: Dimension out of range (expected to be in range of [-2, 1], but got -3)',
          'IndexError: Dimension out of range (expected to be in range of [-3, 2], but got 3)',
          'IndexError: index 2 is out of bounds for dimension 0 with size 2',
          // The dimension named is the position in the index tuple.
          'IndexError: index 3 is out of bounds for dimension 1 with size 3',
          'IndexError: index -4 is out of bounds for dimension 1 with size 3',
          'IndexError: invalid index of a 0-dim tensor. Use `tensor.item()` in Python or `tensor.item<T>()` in C++ to convert a 0-dim tensor to a number',
          "RuntimeError: shape '[4]' is invalid for input of size 6",
          "RuntimeError: view size is not compatible with input tensor's size and stride (at least one dimension spans across two contiguous subspaces). Use .reshape(...) instead.",
          // 1-D @ 2-D is a.unsqueeze(0).mm(b).squeeze_(0) in PyTorch.
          'RuntimeError: mat1 and mat2 shapes cannot be multiplied (1x3 and 2x3)',
          'RuntimeError: mat1 and mat2 shapes cannot be multiplied (2x3 and 2x3)',
          'RuntimeError: inconsistent tensor size, expected tensor [3] and src [4] to have the same number of elements, but got 3 and 4 elements respectively',
          'RuntimeError: Sizes of tensors must match except in dimension 1. Expected size 2 but got size 3 for tensor number 1 in the list.',
          'RuntimeError: Tensors must have same number of dimensions: got 2 and 1',
          'RuntimeError: stack expects each tensor to be equal size, but got [2] at entry 0 and [3] at entry 1',
          'RuntimeError: The expanded size of the tensor (3) must match the existing size (2) at non-singleton dimension 0.  Target sizes: [3, 3].  Tensor sizes: [2, 3]',
          'RuntimeError: The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 0',
          'RuntimeError: grad can be implicitly created only for scalar outputs',
          'RuntimeError: Mismatch in shape: grad_output[0] has a shape of torch.Size([3]) and output[0] has a shape of torch.Size([2]).',
          // The gradient's shape is checked (in Python) before requires_grad (in the engine).
          'RuntimeError: Mismatch in shape: grad_output[0] has a shape of torch.Size([2]) and output[0] has a shape of torch.Size([3]).',
          'RuntimeError: element 0 of tensors does not require grad and does not have a grad_fn',
          'RuntimeError: Only Tensors of floating point and complex dtype can require gradients',
          'RuntimeError: a Tensor with 2 elements cannot be converted to Scalar',
        ],
      ));
  });

  describe('tracebacks of user scripts', () => {
    it("name the script and the user's lines, never the package's internal frames", async () => {
      const body = py`
        def predict(x):
            return x.view(4)

        def train():
            model = torch.nn.Linear(3, 2)
            out = model(torch.ones(4, 3))
            loss = out.sum()
            loss.backward()
            return predict(torch.ones(2, 3))

        train()
      `;
      const r = await session.run(PRELUDE + body, 'snippet.py');
      assert.equal(r.status, 'error');
      const line = (n: number): number => PRELUDE_LINES + n;
      const expected = [
        'Traceback (most recent call last):',
        `  File "snippet.py", line ${line(11)}, in <module>`,
        '    train()',
        `  File "snippet.py", line ${line(9)}, in train`,
        '    return predict(torch.ones(2, 3))',
        `  File "snippet.py", line ${line(2)}, in predict`,
        '    return x.view(4)',
      ];
      const lines = r.stderr.split('\n').filter((l) => !/^\s*[~^]+\s*$/.test(l));
      assert.deepEqual(lines.slice(0, expected.length), expected, r.stderr);
      assert.ok(r.stderr.trimEnd().endsWith("RuntimeError: shape '[4]' is invalid for input of size 6"), r.stderr);
      assert.ok(!r.stderr.includes('/playground/lib/'), r.stderr);
    });

    it('hide internal frames of errors raised inside torch.nn and backward()', async () => {
      const r1 = await session.run(PRELUDE + 'layer = torch.nn.Linear(3, 2)\nout = layer(torch.ones(4, 5))\n', 'model.py');
      assert.equal(r1.status, 'error');
      assert.ok(r1.stderr.includes(`  File "model.py", line ${PRELUDE_LINES + 2}, in <module>\n    out = layer(torch.ones(4, 5))\n`), r1.stderr);
      assert.ok(r1.stderr.trimEnd().endsWith('RuntimeError: mat1 and mat2 shapes cannot be multiplied (4x5 and 3x2)'), r1.stderr);
      assert.ok(!r1.stderr.includes('/playground/lib/'), r1.stderr);
      assert.equal(r1.stderr.match(/File "/g)?.length, 1, r1.stderr);

      const r2 = await session.run(PRELUDE + 'x = torch.tensor([1., 2.], requires_grad=True)\ny = x * 2\ny.backward()\n', 'loss.py');
      assert.equal(r2.status, 'error');
      assert.ok(r2.stderr.startsWith(`Traceback (most recent call last):\n  File "loss.py", line ${PRELUDE_LINES + 3}, in <module>\n    y.backward()\n`), r2.stderr);
      assert.ok(r2.stderr.trimEnd().endsWith('RuntimeError: grad can be implicitly created only for scalar outputs'), r2.stderr);
      assert.ok(!r2.stderr.includes('/playground/lib/'), r2.stderr);
      assert.equal(r2.stderr.match(/File "/g)?.length, 1, r2.stderr);
    });
  });
});
