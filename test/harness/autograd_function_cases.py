# Snippets for test/fixtures/autograd_function.json: custom autograd Functions (torch.autograd.Function) and
# grad_fn objects. gen_autograd_function_fixture.py runs each under real PyTorch and records what it prints;
# test/python/torch/autograd-function.test.ts runs the same code in the playground and compares.
#
# Each case: `name`, `code` (run after PRELUDE). Optional:
#   `reference`: code real PyTorch 1.13 runs instead, for a 2.x feature 1.13 lacks (setup_context, graph.Node),
#                written to print what 2.x prints for `code`;
#   `replace`:   [(old, new), ...] applied to 1.13's output where PyTorch 2.x prints otherwise, with `note`.
# Printed object addresses are normalised to 0x? on both sides.
import textwrap

PRELUDE = textwrap.dedent(
    """\
    import torch
    from torch.autograd import Function
    from torch.autograd.function import once_differentiable
    def err(f):
        try:
            f()
        except Exception as e:
            print(type(e).__name__ + ": " + str(e))
        else:
            print("no error")
    """
)


def case(name, code, reference=None, **extra):
    c = dict(name=name, code=textwrap.dedent(code), **extra)
    if reference is not None:
        c["reference"] = textwrap.dedent(reference)
    return c


CASES = [
    case(
        "a cubic with save_for_backward and apply, as the official tutorial writes it",
        """
        class Cubic(Function):
            @staticmethod
            def forward(ctx, input):
                ctx.save_for_backward(input)
                return 0.5 * (5 * input ** 3 - 3 * input)

            @staticmethod
            def backward(ctx, grad_output):
                input, = ctx.saved_tensors
                return grad_output * 1.5 * (5 * input ** 2 - 1)

        x = torch.linspace(-1, 1, 5, requires_grad=True)
        P3 = Cubic.apply
        y = P3(x)
        print(y)
        print(y.grad_fn, type(y.grad_fn).__name__, y.grad_fn.name())
        print(y.grad_fn.next_functions)
        y.sum().backward()
        print(x.grad)
        print(type(y.grad_fn), Cubic._backward_cls, type(y.grad_fn) is Cubic._backward_cls)
        print(y.requires_grad, y.is_leaf, x.grad_fn)
        """,
    ),
    case(
        "needs_input_grad, non-tensor arguments and outputs, None gradients",
        """
        a = torch.tensor([1., 2.], requires_grad=True)
        b = torch.tensor([3., 4.], requires_grad=True)
        c = torch.tensor([5., 6.])

        class Scale(Function):
            @staticmethod
            def forward(ctx, x, k, y, z):
                print("forward", ctx.needs_input_grad, type(ctx).__name__, torch.is_grad_enabled())
                ctx.k = k
                return x * k + y + z, k, "text"

            @staticmethod
            def backward(ctx, g, gk, gs):
                print("backward", g, gk, gs, ctx.needs_input_grad, torch.is_grad_enabled())
                return g * ctx.k, None, g, g

        out, k, s = Scale.apply(a, 3, b, c)
        print(out, k, s)
        print(len(out.grad_fn.next_functions), out.grad_fn.next_functions[2], out.grad_fn.k)
        out.sum().backward()
        print(a.grad, b.grad, c.grad)
        with torch.no_grad():
            print(Scale.apply(a, 3, b, c)[0])
        o = Scale.apply(c, 3, c, c)[0]
        print(o, o.requires_grad, o.grad_fn)
        """,
    ),
    case(
        "the number and kind of gradients backward returns",
        """
        a = torch.tensor([1., 2.], requires_grad=True)
        b = torch.tensor([3., 4.], requires_grad=True)

        def make(ret):
            class MyFn(Function):
                @staticmethod
                def forward(ctx, x, y):
                    return x * y

                @staticmethod
                def backward(ctx, g):
                    return ret(g)
            return MyFn

        err(lambda: make(lambda g: g).apply(a, b).sum().backward())
        err(lambda: make(lambda g: (g, g, g)).apply(a, b).sum().backward())
        err(lambda: make(lambda g: (g, 5)).apply(a, b).sum().backward())
        err(lambda: make(lambda g: [g, g]).apply(a, b).sum().backward())
        a.grad = None
        err(lambda: make(lambda g: (g * 2, None, None)).apply(a, b).sum().backward())
        print(a.grad, b.grad)

        class WithInt(Function):
            @staticmethod
            def forward(ctx, x, k):
                return x * k

            @staticmethod
            def backward(ctx, g):
                return g, g

        err(lambda: WithInt.apply(a, 3).sum().backward())
        """,
    ),
    case(
        "gradients are checked against the input's shape, summed over broadcast dims and cast to its dtype",
        """
        a = torch.tensor([1., 2.], requires_grad=True)

        def make(ret):
            class Grad(Function):
                @staticmethod
                def forward(ctx, k, x):
                    return x * k

                @staticmethod
                def backward(ctx, g):
                    return None, ret(g)
            return Grad

        err(lambda: make(lambda g: torch.ones(3)).apply(3, a).sum().backward())
        err(lambda: make(lambda g: g.sum()).apply(3, a).sum().backward())
        a.grad = None
        make(lambda g: g.unsqueeze(0).expand(3, 2)).apply(3, a).sum().backward()
        print(a.grad)
        a.grad = None
        make(lambda g: g.double() * 2).apply(3, a).sum().backward()
        print(a.grad, a.grad.dtype)
        """,
    ),
    case(
        "what is missing or misused: legacy instances, no forward or backward, keywords, saving a non-tensor",
        """
        a = torch.tensor([1., 2.], requires_grad=True)

        class Legacy(Function):
            def forward(self, x):
                return x * 2

            def backward(self, g):
                return g * 2

        err(lambda: Legacy()(a))
        print(Legacy.apply(a))

        class NoBackward(Function):
            @staticmethod
            def forward(ctx, x):
                return x * 2

        err(lambda: NoBackward.apply(a).sum().backward())

        class NoForward(Function):
            @staticmethod
            def backward(ctx, g):
                return g

        err(lambda: NoForward.apply(a))
        err(lambda: NoBackward.apply(a, scale=2))

        class SavesInt(Function):
            @staticmethod
            def forward(ctx, x):
                ctx.save_for_backward(x, 5)
                return x * 2

            @staticmethod
            def backward(ctx, g):
                return g

        err(lambda: SavesInt.apply(a))
        """,
    ),
    case(
        "saved tensors: None entries, freed after backward, kept with retain_graph, ctx attributes stay",
        """
        a = torch.tensor([1., 2.], requires_grad=True)

        class Keep(Function):
            @staticmethod
            def forward(ctx, x):
                print("in forward", ctx.saved_tensors)
                ctx.save_for_backward(x, None)
                ctx.factor = 3
                return x * 3

            @staticmethod
            def backward(ctx, g):
                x, nothing = ctx.saved_tensors
                print("in backward", x, nothing, ctx.factor)
                return g * ctx.factor

        y = Keep.apply(a)
        print(y.grad_fn.factor, y.grad_fn.saved_tensors, y.grad_fn.needs_input_grad)
        print(y.grad_fn.to_save, y.grad_fn.dirty_tensors, y.grad_fn.non_differentiable)
        y.sum().backward(retain_graph=True)
        y.sum().backward()
        print(a.grad, y.grad_fn.factor)
        err(lambda: y.grad_fn.saved_tensors)
        err(lambda: y.sum().backward())
        """,
    ),
    case(
        "a saved output changed in place, and a saved output's history in double backward",
        """
        a = torch.tensor([1., 2.], requires_grad=True)

        class Exp(Function):
            @staticmethod
            def forward(ctx, x):
                r = x.exp()
                ctx.save_for_backward(r)
                return r

            @staticmethod
            def backward(ctx, g):
                r, = ctx.saved_tensors
                print("saved", r.requires_grad, type(r.grad_fn).__name__, torch.is_grad_enabled())
                return g * r

        y = Exp.apply(a)
        y.sum().backward()
        print(a.grad)
        a.grad = None
        y = Exp.apply(a)
        g, = torch.autograd.grad(y.sum(), a, create_graph=True)
        print(g)
        g.sum().backward()
        print(a.grad)
        y = Exp.apply(a)
        with torch.no_grad():
            y.mul_(2)
        err(lambda: y.sum().backward())
        """,
    ),
    case(
        "higher-order gradients through a backward written in differentiable ops",
        """
        x = torch.tensor([1., 2., 3.], requires_grad=True)

        class Cube(Function):
            @staticmethod
            def forward(ctx, x):
                ctx.save_for_backward(x)
                return x ** 3

            @staticmethod
            def backward(ctx, g):
                x, = ctx.saved_tensors
                return g * 3 * x ** 2

        y = Cube.apply(x)
        g, = torch.autograd.grad(y.sum(), x, create_graph=True)
        print(g)
        g2, = torch.autograd.grad(g.sum(), x, create_graph=True)
        print(g2)
        g3, = torch.autograd.grad(g2.sum(), x)
        print(g3)
        """,
    ),
    case(
        "once_differentiable: backward runs without grad, and differentiating its result again raises",
        """
        a = torch.tensor([1., 2.], requires_grad=True)
        v = torch.ones(2, requires_grad=True)

        class SqOnce(Function):
            @staticmethod
            def forward(ctx, x):
                ctx.save_for_backward(x)
                return x * x

            @staticmethod
            @once_differentiable
            def backward(ctx, g):
                x, = ctx.saved_tensors
                print("grad enabled in backward:", torch.is_grad_enabled())
                return 2 * x * g

        print(SqOnce.backward.__name__)
        g, = torch.autograd.grad(SqOnce.apply(a).sum(), a, create_graph=True)
        print(g, g.requires_grad)
        g, = torch.autograd.grad(SqOnce.apply(a), a, grad_outputs=v, create_graph=True)
        print(g, g.grad_fn.name(), type(g.grad_fn).__name__, g.grad_fn.next_functions)
        err(lambda: g.sum().backward())

        class PairOnce(Function):
            @staticmethod
            def forward(ctx, x):
                return x * 2, x * 3

            @staticmethod
            @once_differentiable
            def backward(ctx, g1, g2):
                return g1 * 2 + g2 * 3

        p, q = PairOnce.apply(a)
        g, = torch.autograd.grad((p, q), a, grad_outputs=(v, v), create_graph=True)
        print(g, type(g.grad_fn).__name__)
        """,
    ),
    case(
        "mark_dirty: an input changed in place takes the node as its grad_fn",
        """
        a = torch.tensor([1., 2.], requires_grad=True)

        class Double(Function):
            @staticmethod
            def forward(ctx, x):
                x.mul_(2)
                ctx.mark_dirty(x)
                return x

            @staticmethod
            def backward(ctx, g):
                return g * 2

        err(lambda: Double.apply(a))
        t = a * 1
        o = Double.apply(t)
        print(o is t, t.grad_fn, t._version, t.grad_fn.next_functions)
        o.sum().backward()
        print(a.grad, t)

        class Forgets(Function):
            @staticmethod
            def forward(ctx, x):
                y = x.clone()
                ctx.mark_dirty(x)
                return y

            @staticmethod
            def backward(ctx, g):
                return g

        err(lambda: Forgets.apply(a * 1))
        """,
    ),
    case(
        "an input returned as-is comes back as a view, which may not be changed in place",
        """
        a = torch.tensor([1., 2.], requires_grad=True)
        c = torch.tensor([1., 2.])

        class Ident(Function):
            @staticmethod
            def forward(ctx, x):
                return x

            @staticmethod
            def backward(ctx, g):
                return g * 3

        o = Ident.apply(a)
        print(o is a, o._base is not None, o.grad_fn, o.is_leaf, o.requires_grad)
        o.sum().backward()
        print(a.grad)
        err(lambda: o.add_(1))
        with torch.no_grad():
            o.add_(1)
        print(a)
        o2 = Ident.apply(c)
        print(o2 is c, o2._base is not None, o2.grad_fn)

        class ViewOut(Function):
            @staticmethod
            def forward(ctx, x):
                return x.view(2, 1)

            @staticmethod
            def backward(ctx, g):
                return g.view(2)

        v = ViewOut.apply(a)
        print(v._base is not None, v.grad_fn)
        err(lambda: v.mul_(2))
        """,
    ),
    case(
        "mark_non_differentiable, integer outputs, and materialized gradients",
        """
        a = torch.tensor([1., 2.], requires_grad=True)

        class Three(Function):
            @staticmethod
            def forward(ctx, x):
                i = torch.tensor([1, 2])
                m = x * 4
                ctx.mark_non_differentiable(m)
                return x * 2, i, m

            @staticmethod
            def backward(ctx, g1, g2, g3):
                print("grads", g1, g2, g3)
                return g1

        p, q, r = Three.apply(a)
        print(p, q, r, q.requires_grad, r.requires_grad, r.grad_fn)
        p.sum().backward()
        print(a.grad)

        class IntOut(Function):
            @staticmethod
            def forward(ctx, x):
                return x.long()

            @staticmethod
            def backward(ctx, g):
                return g

        z = IntOut.apply(a)
        print(z, z.requires_grad, z.grad_fn)

        class Lazy(Function):
            @staticmethod
            def forward(ctx, x):
                ctx.set_materialize_grads(False)
                return x * 2, x * 3

            @staticmethod
            def backward(ctx, g1, g2):
                print("lazy", g1, g2)
                return g1 if g2 is None else g1 + g2

        a.grad = None
        p, q = Lazy.apply(a)
        p.sum().backward()
        print(a.grad)
        """,
    ),
    case(
        "several outputs share one node: output numbers, tensor hooks and retain_grad per output",
        """
        a = torch.tensor([1., 2.], requires_grad=True)

        class Pair(Function):
            @staticmethod
            def forward(ctx, x):
                return x * 2, x * 3

            @staticmethod
            def backward(ctx, g1, g2):
                print("pair", g1, g2)
                return g1 * 2 + g2 * 3

        p, q = Pair.apply(a)
        print(p.grad_fn is q.grad_fn, p.grad_fn)
        s = p + q * 10
        print(s.grad_fn.next_functions)
        print(p.grad_fn.next_functions)
        q.retain_grad()
        seen = []
        p.register_hook(lambda g: seen.append(("p", g)))
        q.register_hook(lambda g: seen.append(("q", g)))
        s.sum().backward()
        print(seen, q.grad, p.grad if p.retains_grad else "p does not retain grad", a.grad)
        """,
    ),
    case(
        "an in-place write through a view of a Function's second output",
        """
        a = torch.tensor([1., 2., 3.], requires_grad=True)

        class Pair(Function):
            @staticmethod
            def forward(ctx, x):
                return x * 2, x * 3

            @staticmethod
            def backward(ctx, g1, g2):
                print("pair", g1, g2)
                return g1 * 2 + g2 * 3

        p, q = Pair.apply(a)
        v = q[1:]
        q[:2].mul_(10)
        print(q.grad_fn.name(), [(n and n.name(), i) for n, i in q.grad_fn.next_functions])
        print(v.grad_fn.name(), [(n and n.name(), i) for n, i in v.grad_fn.next_functions])
        (p.sum() + q.sum() + v.sum()).backward()
        print(a.grad)
        """,
    ),
    case(
        "torch.autograd.grad runs only what leads to the inputs asked for",
        """
        x = torch.tensor([1., 2.], requires_grad=True)

        class Loud(Function):
            @staticmethod
            def forward(ctx, x):
                return x * 2

            @staticmethod
            def backward(ctx, g):
                print("Loud.backward ran")
                return g * 2

        y = Loud.apply(x)
        z = y * y
        print(torch.autograd.grad(z.sum(), y, retain_graph=True))
        print(torch.autograd.grad(z.sum(), [y, x]))
        print(x.grad)
        """,
    ),
    case(
        "a custom ReLU inside a training loop: clone, masked assignment, an optimizer",
        """
        torch.manual_seed(0)

        class MyReLU(Function):
            @staticmethod
            def forward(ctx, input):
                ctx.save_for_backward(input)
                return input.clamp(min=0)

            @staticmethod
            def backward(ctx, grad_output):
                input, = ctx.saved_tensors
                grad_input = grad_output.clone()
                grad_input[input < 0] = 0
                return grad_input

        x = torch.randn(16, 3)
        y = torch.randn(16, 2)
        w1 = torch.randn(3, 8, requires_grad=True)
        w2 = torch.randn(8, 2, requires_grad=True)
        opt = torch.optim.SGD([w1, w2], lr=0.01)
        for t in range(5):
            relu = MyReLU.apply
            y_pred = relu(x.mm(w1)).mm(w2)
            loss = (y_pred - y).pow(2).sum()
            print(t, loss.item())
            opt.zero_grad()
            loss.backward()
            opt.step()
        print(w2)
        """,
    ),
    case(
        "a Function with a default argument, applied inside a Module",
        """
        torch.manual_seed(1)

        class ScaledTanh(Function):
            @staticmethod
            def forward(ctx, x, scale=2.0):
                y = torch.tanh(x)
                ctx.save_for_backward(y)
                ctx.scale = scale
                return scale * y

            @staticmethod
            def backward(ctx, g):
                y, = ctx.saved_tensors
                return g * ctx.scale * (1 - y * y), None

        class Net(torch.nn.Module):
            def __init__(self):
                super().__init__()
                self.fc = torch.nn.Linear(4, 1)

            def forward(self, x):
                return ScaledTanh.apply(self.fc(x))

        net = Net()
        x = torch.randn(5, 4)
        out = net(x)
        print(out.grad_fn)
        out.sum().backward()
        print(net.fc.weight.grad, net.fc.bias.grad)
        print(ScaledTanh.apply(torch.tensor([0.5]), 3.0))
        """,
    ),
    case(
        "setup_context (PyTorch 2.x): forward without ctx, keywords bound to the signature",
        """
        a = torch.tensor([1., 2.], requires_grad=True)

        class MulConstant(Function):
            @staticmethod
            def forward(tensor, constant=2.0):
                return tensor * constant

            @staticmethod
            def setup_context(ctx, inputs, output):
                tensor, constant = inputs
                ctx.constant = constant

            @staticmethod
            def backward(ctx, grad_output):
                return grad_output * ctx.constant, None

        y = MulConstant.apply(a, 3.0)
        print(y, y.grad_fn)
        y.sum().backward()
        print(a.grad)
        print(MulConstant.apply(a), MulConstant.apply(a, constant=5.0))

        class MyCube(Function):
            @staticmethod
            def forward(x):
                result = x ** 3
                dx = 3 * x ** 2
                return result, dx

            @staticmethod
            def setup_context(ctx, inputs, output):
                x, = inputs
                result, dx = output
                ctx.save_for_backward(x, dx)

            @staticmethod
            def backward(ctx, grad_output, grad_dx):
                x, dx = ctx.saved_tensors
                return grad_output * dx + grad_dx * 6 * x

        x = torch.tensor([1., 2.], requires_grad=True)
        result, dx = MyCube.apply(x)
        g, = torch.autograd.grad(result.sum(), x, create_graph=True)
        print(result, dx, g)
        g2, = torch.autograd.grad(g.sum(), x)
        print(g2)
        """,
        reference="""
        a = torch.tensor([1., 2.], requires_grad=True)

        class MulConstant(Function):
            @staticmethod
            def forward(ctx, tensor, constant=2.0):
                ctx.constant = constant
                return tensor * constant

            @staticmethod
            def backward(ctx, grad_output):
                return grad_output * ctx.constant, None

        y = MulConstant.apply(a, 3.0)
        print(y, y.grad_fn)
        y.sum().backward()
        print(a.grad)
        print(MulConstant.apply(a), MulConstant.apply(a, 5.0))

        class MyCube(Function):
            @staticmethod
            def forward(ctx, x):
                result = x ** 3
                dx = 3 * x ** 2
                ctx.save_for_backward(x, dx)
                return result, dx

            @staticmethod
            def backward(ctx, grad_output, grad_dx):
                x, dx = ctx.saved_tensors
                return grad_output * dx + grad_dx * 6 * x

        x = torch.tensor([1., 2.], requires_grad=True)
        result, dx = MyCube.apply(x)
        g, = torch.autograd.grad(result.sum(), x, create_graph=True)
        print(result, dx, g)
        g2, = torch.autograd.grad(g.sum(), x)
        print(g2)
        """,
    ),
    case(
        "the classes of grad_fn objects, their names and metadata",
        """
        b = torch.tensor([1., 2.], requires_grad=True)
        y = b * 2 + 1
        print(type(y.grad_fn), type(y.grad_fn).__name__, y.grad_fn.name(), y.grad_fn)
        print(isinstance(y.grad_fn, torch.autograd.graph.Node), isinstance(b.grad_fn, torch.autograd.graph.Node))
        acc = y.grad_fn.next_functions[0][0].next_functions[0][0]
        print(type(acc).__name__, acc.name(), acc.variable.shape, acc.next_functions)
        print(y.grad_fn.metadata, type(y.grad_fn.metadata))
        y.grad_fn.metadata["note"] = 1
        print(y.grad_fn.metadata, y.grad_fn is y.grad_fn, y.grad_fn == y.grad_fn)

        class Id(Function):
            @staticmethod
            def forward(ctx, x):
                return x * 1

            @staticmethod
            def backward(ctx, g):
                return g

        z = Id.apply(b)
        print(isinstance(z.grad_fn, torch.autograd.graph.Node), z.grad_fn.name(), z.grad_fn.metadata)
        print(type(z.grad_fn).__mro__)
        """,
        reference="""
        b = torch.tensor([1., 2.], requires_grad=True)
        y = b * 2 + 1
        print(type(y.grad_fn), type(y.grad_fn).__name__, y.grad_fn.name(), y.grad_fn)
        print(True, False)
        acc = y.grad_fn.next_functions[0][0].next_functions[0][0]
        print(type(acc).__name__, acc.name(), acc.variable.shape, acc.next_functions)
        print(y.grad_fn.metadata, type(y.grad_fn.metadata))
        y.grad_fn.metadata["note"] = 1
        print(y.grad_fn.metadata, y.grad_fn is y.grad_fn, y.grad_fn == y.grad_fn)

        class Id(Function):
            @staticmethod
            def forward(ctx, x):
                return x * 1

            @staticmethod
            def backward(ctx, g):
                return g

        z = Id.apply(b)
        print(True, z.grad_fn.name(), z.grad_fn.metadata)
        print(type(z.grad_fn).__mro__)
        """,
        note="torch.autograd.graph.Node is new in 2.0: the reference prints the 2.x answers to isinstance.",
    ),
    case(
        "node hooks: register_prehook and register_hook, their order, replacements and checks",
        """
        a = torch.tensor([1., 2.], requires_grad=True)
        b = torch.tensor([3., 4.], requires_grad=True)
        y = a * b
        log = []
        h1 = y.grad_fn.register_prehook(lambda go: log.append(("pre", go)))
        h2 = y.grad_fn.register_hook(lambda gi, go: log.append(("post", gi, go)))
        y.register_hook(lambda g: log.append(("tensor", g)))
        acc = y.grad_fn.next_functions[0][0]
        acc.register_prehook(lambda go: log.append(("accpre", go)))
        acc.register_hook(lambda gi, go: log.append(("accpost", gi, go)))
        a.register_hook(lambda g: log.append(("leaf", g)))
        y.sum().backward(retain_graph=True)
        for entry in log:
            print(entry)
        print(type(h1).__name__, type(h1).__module__)
        h1.remove()
        h2.remove()
        y.grad_fn.register_prehook(lambda go: (go[0] * 10,))
        y.grad_fn.register_hook(lambda gi, go: (gi[0] * 100, None))
        a.grad = None
        b.grad = None
        y.sum().backward()
        print(a.grad, b.grad)

        def check(register, hook):
            w = a * 2
            register(w.grad_fn, hook)
            err(lambda: w.sum().backward())

        pre = lambda n, h: n.register_prehook(h)
        post = lambda n, h: n.register_hook(h)
        check(pre, lambda go: (go[0], go[0]))
        check(pre, lambda go: go[0])
        check(post, lambda gi, go: (5, None))
        check(post, lambda gi, go: (gi[0],))

        def listhook(go):
            return [go[0]]

        check(pre, listhook)
        check(pre, lambda go: (torch.ones(3),))
        check(pre, lambda go: (go[0].double(),))
        """,
        replace=[
            (
                "('pre', (tensor([1., 1.]),))\n('tensor', tensor([1., 1.]))\n",
                "('tensor', tensor([1., 1.]))\n('pre', (tensor([1., 1.]),))\n",
            ),
            (
                "('accpre', (tensor([3., 4.]),))\n('leaf', tensor([3., 4.]))\n",
                "('leaf', tensor([3., 4.]))\n('accpre', (tensor([3., 4.]),))\n",
            ),
        ],
        note="PyTorch 2.x runs a tensor's hooks (Tensor.register_hook) before its grad_fn's pre-hooks; 1.13 ran "
        "them in the order they were registered.",
    ),
    case(
        "calling a grad_fn applies its backward formula",
        """
        a = torch.tensor([1., 2.], requires_grad=True)
        b = torch.tensor([3., 4.], requires_grad=True)
        y = a * b
        print(y.grad_fn(torch.ones(2)))
        print((a.sum()).grad_fn(torch.tensor(2.)))
        """,
    ),
    case(
        "next_functions in PyTorch's order for scalar and tensor operands",
        """
        b = torch.tensor([1., 2.], requires_grad=True)
        c = torch.tensor([3., 4.], requires_grad=True)

        def show(name, y):
            print(name, y.grad_fn.name(), [(None if n is None else n.name(), i) for n, i in y.grad_fn.next_functions], y)

        for name, f in [
            ("2*b", lambda: 2 * b), ("b*2", lambda: b * 2), ("mul(2,b)", lambda: torch.mul(2, b)),
            ("mul(b,2)", lambda: torch.mul(b, 2)), ("multiply(2.5,b)", lambda: torch.multiply(2.5, b)),
            ("2+b", lambda: 2 + b), ("b+2", lambda: b + 2), ("add(2,b)", lambda: torch.add(2, b)),
            ("add(2,b,alpha=3)", lambda: torch.add(2, b, alpha=3)), ("b-2", lambda: b - 2), ("2-b", lambda: 2 - b),
            ("sub(2,b)", lambda: torch.sub(2, b)), ("sub(b,2)", lambda: torch.sub(b, 2)),
            ("rsub(b,2)", lambda: torch.rsub(b, 2)), ("rsub(b,c)", lambda: torch.rsub(b, c * 2)),
            ("rsub(b,2,alpha=3)", lambda: torch.rsub(b, 2, alpha=3)), ("rsub(b,c,alpha=2)", lambda: torch.rsub(b, c, alpha=2)),
            ("b/2", lambda: b / 2), ("2/b", lambda: 2 / b), ("div(2,b)", lambda: torch.div(2, b)),
            ("div(b,2)", lambda: torch.div(b, 2)), ("tensor(2.)/b", lambda: torch.tensor(2.) / b),
            ("b**2", lambda: b ** 2), ("pow(b,2)", lambda: torch.pow(b, 2)), ("pow(2,b)", lambda: torch.pow(2, b)),
            ("b**c", lambda: b ** c), ("pow(tensor(2.),b)", lambda: torch.pow(torch.tensor(2.), b)),
            ("where(b>1,b,0.)", lambda: torch.where(b > 1, b, 0.)), ("where(b>1,0.,b)", lambda: torch.where(b > 1, 0., b)),
            ("where(b>1,b,c)", lambda: torch.where(b > 1, b, c)), ("tensor(2.)*b", lambda: torch.tensor(2.) * b),
            ("b+c.detach()", lambda: b + c.detach()), ("b.detach()+c", lambda: b.detach() + c),
            ("maximum(1,b)", lambda: torch.maximum(torch.tensor(1.), b)),
            ("clamp(b,min=t)", lambda: torch.clamp(b, min=torch.tensor([0., 3.]))),
            ("clamp(b,max=t)", lambda: torch.clamp(b, max=c)),
            ("clamp(b,t,t)", lambda: torch.clamp(b, torch.tensor([1.5, 0.]), c)),
        ]:
            show(name, f())
        print(torch.add(0.1, torch.tensor([1.], dtype=torch.float64)).item(), torch.mul(0.1, torch.tensor([3.], dtype=torch.float64)).item())
        err(lambda: torch.rsub(2, b))
        """,
    ),
    case(
        "clamp with tensor bounds: gradients to the input and to each bound",
        """
        x = torch.tensor([-1., 0.5, 2., 1., 0.], requires_grad=True)
        lo = torch.tensor([0., 0., 0., 1., 0.5], requires_grad=True)
        hi = torch.tensor([1., 1., 1., 1., 0.2], requires_grad=True)
        for args in [(lo, hi), (lo, None), (None, hi)]:
            y = torch.clamp(x, *args)
            y.backward(torch.arange(1., 6.))
            print(y, x.grad, lo.grad, hi.grad)
            x.grad = lo.grad = hi.grad = None
        """,
    ),
]
