"""Writes test/fixtures/torch_out.json: what real PyTorch does with `out=` for every function of the playground's
torch that has an out= form in PyTorch, and with the keywords the playground once dropped (issue 12, item 4):
pin_memory, memory_format, inplace=, dtype= of softmax and reductions, Module keywords.

Run with a real CPU-only PyTorch: `/usr/bin/python3 test/harness/gen_torch_out_fixture.py` (PyTorch 1.13 here).
test/python/torch/out-and-keywords.test.ts replays the cases through test/harness/replay_out_cases.py. A case is
Python source whose last line is an expression, run after PRELUDE; the fixture keeps its repr(), the warnings it
raised, or the exception as "Type: message".

For each function in OUT_FUNCTIONS the cases are generated, one per kind of out tensor:
- empty (0 elements) of the result's dtype: filled silently, and the call returns `out` itself;
- a view of the right shape into a larger tensor: written through, the base shows it;
- 7 elements (the wrong shape): resized with PyTorch's deprecation warning;
- each other dtype: cast into, or PyTorch's dtype error;
- an input that requires grad, and an out that does: the out=/autograd error; under no_grad both work.
A function whose PyTorch binding has no out= gets one case that shows the TypeError.

Rewrites, so that the fixture holds what the playground can promise:
- warnings lose PyTorch's "(Triggered internally at <source path>.)" suffix, which names the build's files, and
  the deprecation warnings PyTorch gives once per process (torch.cholesky, torch.triangular_solve) are left out:
  which case shows them depends on the order the cases run in;
- where PyTorch 2.x behaves differently from 1.13 the case holds the 2.x behaviour: torch.norm, Tensor.norm and
  torch.linalg.norm(ord=None) are torch.linalg.vector_norm in 2.x (`install_2x` makes 1.13's so), and the cases
  in PYTORCH_2X give the 2.x result outright or through an expression 1.13 evaluates to it;
- cases 1.13 answers through a path 2.x no longer has are left out: softmax, log_softmax and floor_divide with
  out= and a tensor that requires grad (1.13 returns a tensor with grad_fn=<NotImplemented>), and cholesky_ex's
  int32 info tensor (the playground has no int32; its info is int64);
- messages PyTorch 2.x words differently from 1.13 are rewritten to the 2.x text (`to_2x`);
- errors keep what `error_case` says.
"""
import inspect
import json
import os
import re
import sys
import warnings

import torch

PRELUDE = """\
x = torch.tensor([[1.5, -2.0, 3.25], [0.5, 3.5, -1.0]])
y = torch.tensor([[2.0, 0.5, -1.5], [1.0, -3.0, 2.5]])
v = torch.tensor([1.0, 2.0, 3.0])
p = torch.tensor([0.25, 1.5, 3.0])
n = torch.tensor([[1, -2, 3], [4, 0, -5]])
bm = torch.tensor([[True, False, True], [False, True, True]])
spd = torch.tensor([[4.0, 2.0], [2.0, 3.0]])
b3 = torch.arange(12.0).reshape(2, 2, 3)
idx = torch.tensor([[0, 2, 1], [1, 0, 0]])
probs = torch.tensor([0.2, 0.3, 0.5])
w = torch.tensor([[1.0, 2.0, 0.5], [0.0, 1.5, 3.0]])
"""

# (call, arguments): `torch.<call>(<arguments>, out=...)`. A call may appear with several argument lists.
OUT_FUNCTIONS = [
    ("abs", "x"), ("absolute", "x"), ("neg", "x"), ("negative", "n"), ("reciprocal", "x"), ("sign", "x"),
    ("exp", "x"), ("exp", "n"), ("expm1", "x"), ("log", "p"), ("log2", "p"), ("log10", "p"), ("log1p", "p"),
    ("sqrt", "p"), ("rsqrt", "p"), ("sin", "x"), ("cos", "x"), ("tan", "x"), ("tanh", "x"), ("sigmoid", "x"),
    ("erf", "x"), ("lgamma", "p"), ("digamma", "p"), ("polygamma", "1, p"), ("floor", "x"), ("ceil", "x"),
    ("round", "x"), ("trunc", "x"), ("square", "x"), ("square", "n"), ("relu", "x"), ("isnan", "x"),
    ("isinf", "x"), ("isfinite", "x"), ("logical_not", "bm"),
    ("add", "x, y"), ("add", "n, 2"), ("add", "x, y, alpha=2"), ("sub", "x, y"), ("subtract", "n, 1"),
    ("mul", "x, y"), ("multiply", "n, 3"), ("div", "x, y"), ("div", "n, 2"), ("div", "x, y, rounding_mode='floor'"),
    ("divide", "n, 4, rounding_mode='trunc'"), ("true_divide", "n, 2"), ("pow", "x, 2"), ("pow", "p, v"),
    ("pow", "n, 2"), ("floor_divide", "x, y"), ("remainder", "x, y"), ("remainder", "n, 3"), ("fmod", "x, y"), ("fmod", "n, 3"), ("maximum", "x, y"),
    ("minimum", "x, y"), ("max", "x, y"), ("min", "x, y"), ("clamp", "x, -1, 2"), ("clamp", "x, min=0.5"),
    ("clip", "x, -1, 2"), ("eq", "x, y"), ("ne", "x, y"), ("lt", "x, y"), ("le", "x, 0.5"), ("gt", "x, y"),
    ("ge", "n, 0"), ("greater", "x, y"), ("less", "x, y"), ("logical_and", "bm, x > 0"), ("logical_or", "bm, x > 0"),
    ("logical_xor", "bm, x > 0"), ("where", "bm, x, y"),
    ("sum", "x, 1"), ("sum", "x, (0, 1)"), ("sum", "n, 0, keepdim=True"), ("mean", "x, 1"), ("prod", "x, 1"),
    ("amax", "x, 1"), ("amin", "x, 0"), ("argmax", "x, 1"), ("argmin", "x, 0"), ("all", "bm, 1"),
    ("any", "bm, 0"), ("std", "x, 1"), ("var", "x, 0"), ("logsumexp", "x, 1"), ("cumsum", "x, 1"),
    ("cumsum", "n, 0"), ("softmax", "x, 1"), ("log_softmax", "x, 1"), ("norm", "x"), ("norm", "x, dim=1"),
    ("max", "x, 1"), ("min", "x, 0, keepdim=True"),
    ("matmul", "x, y.t()"), ("matmul", "v, p"), ("mm", "x, y.t()"), ("mv", "x, v"), ("bmm", "b3, b3.transpose(1, 2)"),
    ("dot", "v, p"), ("outer", "v, p"),
    ("cat", "(x, y)"), ("cat", "(x, y), 1"), ("concat", "(x, y)"), ("concatenate", "(x, y)"), ("stack", "(x, y)"),
    ("hstack", "(x, y)"), ("vstack", "(x, y)"),
    ("index_select", "x, 1, torch.tensor([2, 0])"), ("gather", "x, 1, idx"),
    ("scatter_add", "torch.zeros(2, 3), 1, idx, x"), ("tril", "x"), ("triu", "x, 1"),
    ("cholesky", "spd"), ("cholesky_inverse", "torch.linalg.cholesky(spd)"),
    ("triangular_solve", "spd, torch.linalg.cholesky(spd), upper=False"),
    ("linalg.cholesky", "spd"), ("linalg.cholesky_ex", "spd"), ("linalg.norm", "x"), ("linalg.norm", "x, dim=1"),
    ("linalg.vector_norm", "x"), ("linalg.solve_triangular", "torch.linalg.cholesky(spd), spd, upper=False"),
    ("zeros", "2, 3"), ("ones", "(2, 3)"), ("empty", "2, 3"), ("full", "(2, 2), 1.5"), ("full", "(2,), 3"),
    ("eye", "3"), ("eye", "2, 3"), ("arange", "5"), ("arange", "0.0, 1.0, 0.25"), ("linspace", "0, 1, 5"),
    ("rand", "2, 3"), ("randn", "2, 3"), ("randint", "0, 10, (5,)"), ("randint", "4, (3,)"), ("randperm", "5"),
    ("normal", "torch.zeros(3), 1.0"), ("normal", "0.0, 1.0, (3,)"), ("bernoulli", "torch.full((2, 3), 0.5)"),
    ("multinomial", "probs, 4, True"),
    ("sort", "x, 1"), ("sort", "x, 0, True"), ("sort", "n, stable=True"), ("argsort", "x, 1"), ("msort", "x"),
    ("topk", "x, 2"), ("topk", "n, 1, 0, largest=False"), ("cumprod", "x, 1"), ("cumprod", "n, 0"), ("nonzero", "x"),
    ("masked_select", "x, bm"), ("clamp_min", "x, 0.5"), ("clamp_max", "n, 1"),
    ("lerp", "x, y, 0.3"), ("lerp", "x, y, p"), ("addcmul", "x, y, p, value=0.5"),
    ("addcdiv", "x, y, p"), ("addmm", "spd, spd, spd, beta=0.5"), ("nansum", "x"), ("nansum", "x, 1"), ("nanmean", "x, 0"),
    ("diag", "x"), ("diag", "v, 1"), ("scatter", "x, 1, idx, y"), ("scatter", "x, 1, idx, 2.5"),
    ("index_add", "x, 0, torch.tensor([1, 0]), y"), ("index_add", "x, 1, torch.tensor([2, 0, 2]), y, alpha=2"),
    ("hardshrink", "x, 1.0"), ("threshold", "x, 1.0, 0.0"), ("threshold", "n, 0, 7"), ("nan_to_num", "x.log(), 0.5"),
    ("nan_to_num", "n"),
    ("atan2", "x, y"), ("atan2", "n, v"), ("arctan2", "x, y"), ("hypot", "x, y"), ("logaddexp", "x, y"),
    ("logit", "probs"), ("logit", "x, 0.25"), ("logit", "n"), ("erfinv", "x / 4"), ("erfinv", "n"), ("diff", "x"),
    ("diff", "n, 1, 0"), ("diff", "bm"), ("diff", "x, prepend=y[:, :1]"),
    # running extremes, order statistics, aminmax, products (torch/_tensor_scans.py)
    ("cummax", "x, 1"), ("cummin", "n, 0"), ("kthvalue", "x, 2"), ("median", "x, 1"), ("logcumsumexp", "x, 1"),
    ("aminmax", "x"), ("kron", "x, y"), ("cross", "x, y"), ("linalg.cross", "x, y"),
    # functions whose PyTorch binding has no out=: the case shows the TypeError
    ("clone", "x"), ("flip", "x, (0,)"), ("masked_fill", "x, bm, 0.0"), ("zeros_like", "x"), ("ones_like", "x"),
    ("empty_like", "x"), ("full_like", "x, 2"), ("rand_like", "x"), ("randn_like", "x"), ("transpose", "x, 0, 1"),
    ("reshape", "x, (3, 2)"), ("rsub", "x, y"), ("argwhere", "x"), ("isclose", "x, y"),
    ("count_nonzero", "x"), ("trace", "x"), ("roll", "x, 1"), ("repeat_interleave", "x, 2"), ("broadcast_to", "v, (2, 3)"),
    ("movedim", "x, 0, 1"), ("celu", "x"), ("prelu", "x, torch.tensor([0.25])"), ("tril_indices", "3, 3"),
    ("triu_indices", "3, 3, 1"),
    ("median", "x"), ("var_mean", "x, 1"), ("std_mean", "x, 1"), ("cdist", "x, y"), ("rot90", "x"), ("diag_embed", "v"),
]

VERSION_SPECIFIC_GRAD = {"softmax", "log_softmax", "floor_divide"}
RANDOM = {"rand", "randn", "randint", "randperm", "normal", "bernoulli", "multinomial"}
UNINITIALISED = {"empty"}
DTYPES = ["torch.float32", "torch.float64", "torch.int64", "torch.bool"]


_torch_norm = torch.norm
_linalg_norm = torch.linalg.norm


def install_2x():
    """PyTorch 2's torch.norm: linalg.vector_norm for every p but the matrix norms ("nuc", and "fro" over more
    than two dims); and its linalg.norm(ord=None), which writes out= through vector_norm."""

    def norm(input, p="fro", dim=None, keepdim=False, out=None, dtype=None):
        if p == "nuc" or (p == "fro" and dim is not None and not isinstance(dim, int) and len(dim) > 2):
            return _torch_norm(input, p, dim, keepdim, out=out, dtype=dtype)
        ord = 2 if p in ("fro", None) else p
        return torch.linalg.vector_norm(input, ord, dim, keepdim, dtype=dtype, out=out)

    def tensor_norm(self, p="fro", dim=None, keepdim=False, dtype=None):
        return norm(self, p, dim, keepdim, dtype=dtype)

    def linalg_norm(A, ord=None, dim=None, keepdim=False, *, out=None, dtype=None):
        if ord is None and out is not None:
            if not isinstance(out, torch.Tensor):
                raise TypeError("linalg_norm(): argument 'out' must be Tensor, not %s" % type(out).__name__)
            return torch.linalg.vector_norm(A, 2, dim, keepdim, dtype=dtype, out=out)
        return _linalg_norm(A, ord, dim, keepdim, out=out, dtype=dtype)

    torch.norm = norm
    torch.Tensor.norm = tensor_norm
    torch.linalg.norm = linalg_norm


ONCE_PER_PROCESS = ("torch.cholesky is deprecated", "torch.triangular_solve is deprecated")

# PyTorch 2.x's behaviour where 1.13's differs: the result itself, or an expression 1.13 evaluates to it.
ACCELERATOR = {"error": "RuntimeError: Cannot access accelerator device when none is available."}
PYTORCH_2X = {
    "torch.tensor([1.0], pin_memory=True)": ACCELERATOR,
    "torch.zeros(2, pin_memory=True)": ACCELERATOR,
    "torch.empty(2, pin_memory=True)": ACCELERATOR,
    "torch.rand(2, pin_memory=True)": ACCELERATOR,
    "torch.zeros_like(x, pin_memory=True)": ACCELERATOR,
    # Module.__init__ takes *args, **kwargs in 2.x and words the error with the class's name
    "torch.nn.Sigmoid(True)": {"error": "TypeError: Sigmoid.__init__() takes 1 positional argument but 2 were given"},
    "torch.nn.Tanh(inplace=True)": {"error": "TypeError: Tanh.__init__() got an unexpected keyword argument 'inplace'"},
    # the weighted losses of 2.x (weight=), as its torch/nn/functional.py computes them
    "torch.nn.functional.mse_loss(x, y, weight=w)": "torch.sum(torch.pow(x - y, 2) * w) / torch.sum(w)",
    "torch.nn.functional.mse_loss(x, y, weight=w, reduction='sum')": "torch.sum(torch.pow(x - y, 2) * w)",
    "torch.nn.functional.mse_loss(x, y, weight=w, reduction='none')": "torch.pow(x - y, 2) * w",
    "torch.nn.functional.l1_loss(x, y, weight=w)": "torch.sum(torch.abs(x - y) * w) / torch.sum(w)",
    "torch.nn.functional.huber_loss(x, y, weight=w)": "(torch.nn.functional.huber_loss(x, y, reduction='none') * w).mean()",
    "torch.nn.functional.huber_loss(x, y, weight=w, delta=0.5, reduction='sum')": "(torch.nn.functional.huber_loss(x, y, reduction='none', delta=0.5) * w).sum()",
    "torch.nn.functional.mse_loss(x, y, weight=None)": "torch.nn.functional.mse_loss(x, y)",
    "torch.nn.functional.mse_loss(x, y, weight=torch.ones(3))": {"error": "ValueError: Weights and input must have the same size."},
    "a = x.clone().requires_grad_()\ntorch.nn.functional.mse_loss(a, y, weight=w).backward()\na.grad": "a = x.clone().requires_grad_()\n(torch.sum(torch.pow(a - y, 2) * w) / torch.sum(w)).backward()\na.grad",
}


def to_2x(text):
    return text.replace("fpga, ort, xla", "fpga, maia, xla").replace("hpu, privateuseone", "hpu, mtia, privateuseone")


def run(code):
    replaced = PYTORCH_2X.get(code)
    if isinstance(replaced, dict):
        return dict(replaced)
    if replaced is not None:
        code = replaced.replace("\\n", "\n")
    *setup, last = code.split("\n")
    g = {"torch": torch}
    torch.manual_seed(0)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            exec(PRELUDE, g)
            if setup:
                exec("\n".join(setup), g)
            v = eval(last, g)
        r = {"repr": repr(v)}
        messages = [re.sub(r" \(Triggered internally at .*\)$", "", str(w.message), flags=re.S) for w in caught]
        messages = [m for m in messages if not m.startswith(ONCE_PER_PROCESS)]
        if messages:
            r["warnings"] = messages
        return r
    except Exception as e:
        return error_case(to_2x("%s: %s" % (type(e).__name__, e)))


def error_case(text):
    """What the fixture keeps of an error: argument errors of PyTorch functions with several overloads list C++
    signatures, which the playground words in Python (the same exception type, "pytorch_error" keeps the text);
    an internal assertion is a PyTorch bug, not behaviour (the case is dropped)."""
    if "INTERNAL ASSERT FAILED" in text:
        return None
    if re.match(r"TypeError: \w+\(\) received an invalid combination of arguments", text):
        return {"error_type": "TypeError", "pytorch_error": text}
    return {"error": text}


def cases_for(call, args):
    """The cases of one call (see the module docstring)."""
    f = "torch." + call
    plain = run("%s(%s)" % (f, args))
    if "error" in plain:
        sys.exit("%s(%s) fails without out=: %s" % (f, args, plain["error"]))
    g = {"torch": torch}
    torch.manual_seed(0)
    exec(PRELUDE, g)
    result = eval("%s(%s)" % (f, args), g)
    pair = isinstance(result, tuple)
    first = result[0] if pair else result
    shown = "(r is o, o.shape, o.dtype)" if call in UNINITIALISED else "(r is o, o)"
    if pair:
        dtypes = [t.dtype for t in result]
        empty = "(%s)" % ", ".join("torch.empty(0, dtype=%s)" % _name(d) for d in dtypes)
        out = [
            "o = %s\nr = %s(%s, out=o)\n(r is o, type(r).__name__, r)" % (empty, f, args),
            "o = (torch.zeros(7, dtype=%s), torch.zeros(7, dtype=%s))\nr = %s(%s, out=o)\nr" % (_name(dtypes[0]), _name(dtypes[1]), f, args),
            "%s(%s, out=torch.empty(0))" % (f, args),
            "%s(%s, out=[torch.empty(0, dtype=%s), torch.empty(0, dtype=%s)])" % (f, args, _name(dtypes[0]), _name(dtypes[1])),
        ]
        if first.dtype.is_floating_point:
            out.append("o = (torch.empty(0, requires_grad=True), torch.empty(0, dtype=%s))\n%s(%s, out=o)" % (_name(dtypes[1]), f, args))
        return out
    d = _name(first.dtype)
    shape = tuple(first.shape)
    out = [
        "o = torch.empty(0, dtype=%s)\nr = %s(%s, out=o)\n%s" % (d, f, args, shown),
        "o = torch.zeros(7, dtype=%s)\nr = %s(%s, out=o)\n%s" % (d, f, args, shown),
    ]
    if call not in UNINITIALISED:
        out.append("base = torch.zeros((2,) + %r, dtype=%s)\no = base[1]\nr = %s(%s, out=o)\n(r is o, base)" % (shape, d, f, args))
        out.append("o = torch.zeros(%r, dtype=%s).t() if %d == 2 else torch.zeros(%r, dtype=%s)\nr = %s(%s, out=o)\n(r is o, o, o.is_contiguous())" % (shape[::-1], d, len(shape), shape, d, f, args))
    for other in DTYPES:
        if other != d:
            out.append("o = torch.empty(0, dtype=%s)\nr = %s(%s, out=o)\n%s" % (other, f, args, shown))
    out.append("%s(%s, out=[torch.empty(0)])" % (f, args))
    if first.dtype.is_floating_point and call not in VERSION_SPECIFIC_GRAD:
        out.append("%s(%s, out=torch.empty(0, dtype=%s, requires_grad=True))" % (f, args, d))
        out.append("o = torch.empty(0, dtype=%s, requires_grad=True)\nwith torch.no_grad():\n    r = %s(%s, out=o)\n(r is o, o.requires_grad, o.grad_fn, %s)" % (d, f, args, "o.shape" if call in UNINITIALISED else "o"))
        if "x" in args.replace("torch.", "") and call not in RANDOM:
            grad_args = args.replace("x", "x.requires_grad_()", 1) if args.startswith("x") else None
            if grad_args:
                out.append("%s(%s, out=torch.empty(0))" % (f, grad_args))
                out.append("o = torch.empty(0, dtype=%s)\nwith torch.no_grad():\n    r = %s(%s, out=o)\n(r is o, o.requires_grad, o)" % (d, f, grad_args))
    return out


def _name(dtype):
    return "torch." + str(dtype).split(".")[1]


# Keywords other than out= that the playground reads now instead of dropping.
KEYWORD_CASES = r"""
torch.sum(x, out=torch.empty(0))
torch.sum(x, axis=1, out=torch.empty(0))
torch.sum(input=x, dim=0, keepdims=True, out=torch.empty(0))
torch.max(x, dim=1, keepdim=True, out=(torch.empty(0), torch.empty(0, dtype=torch.int64)))
torch.max(x, other=y, out=torch.empty(0))
torch.absolute(x, out=[torch.empty(0)])
torch.subtract(x, y, alpha=2, out=torch.empty(0))
torch.clip(x, min=torch.zeros(3), out=torch.empty(0, dtype=torch.float64))
torch.max(x, 1, out=torch.empty(0))
torch.add(x, y, out=3)
torch.add(x, y, out=None)
torch.zeros(2, dtype=torch.float64, out=torch.empty(0, dtype=torch.int64))
torch.zeros(2, dtype=torch.float64, out=torch.empty(0, dtype=torch.float64))
torch.arange(5, dtype=torch.float64, out=torch.empty(0))
torch.sum(x, 1, dtype=torch.float64, out=torch.empty(0, dtype=torch.int64))
torch.sum(x, 1, dtype=torch.float64, out=torch.empty(0, dtype=torch.float64))
torch.mean(n, 1, out=torch.empty(0))
torch.add(x, y, out=x)\nx
torch.mul(x, 2, out=x[0])\nx
o = torch.empty(0)\ntorch.add(x, y, out=o)\no._version
o = torch.empty(2)\nv = o.view(2, 1)\ntorch.add(x, y, out=o)\n(o.shape, v.shape)
torch.tensor([1.0], pin_memory=False)
torch.tensor([1.0], pin_memory=True)
torch.zeros(2, pin_memory=True)
torch.ones(2, pin_memory=False)
torch.empty(2, pin_memory=True)
torch.rand(2, pin_memory=True)
torch.zeros_like(x, pin_memory=True)
torch.zeros_like(x, pin_memory=False)
torch.preserve_format, torch.contiguous_format, torch.channels_last, torch.channels_last_3d, type(torch.channels_last)
torch.zeros_like(x, memory_format=torch.preserve_format)
torch.ones_like(x, memory_format=torch.contiguous_format)
torch.empty_like(x, memory_format=torch.channels_last)
torch.full_like(x, 2, memory_format=torch.channels_last)
torch.zeros_like(x, memory_format=torch.channels_last_3d)
torch.empty(2, 3, memory_format=torch.contiguous_format).shape
torch.empty(2, 3, memory_format=torch.channels_last)
torch.zeros_like(x, memory_format='channels_last')
x.clone(memory_format=torch.preserve_format)
x.clone(memory_format=torch.channels_last)
x.contiguous(memory_format=torch.contiguous_format) is x
x.t().contiguous(memory_format=torch.preserve_format)
x.is_contiguous(memory_format=torch.contiguous_format), x.is_contiguous(memory_format=torch.channels_last)
x.is_contiguous(memory_format=torch.preserve_format)
x.cpu(memory_format=torch.preserve_format) is x
x.cpu(memory_format=torch.channels_last)
x.to(torch.float64, memory_format=torch.preserve_format)
x.to(torch.float64, memory_format=torch.channels_last)
x.to(memory_format=torch.contiguous_format) is x
x.type(torch.float64, non_blocking=True)
x.type(torch.float64, memory_format=torch.channels_last)
torch.zeros(2).copy_(v[:2], non_blocking=True)
x.cuda(device='x')
x.cuda(non_blocking=True)
torch.Generator('cpu').device
torch.Generator(device='cpu').device
torch.Generator('cuda')
torch.Generator('mps')
torch.randint(3, (2,), requires_grad=True)
torch.randint(3, (2,), requires_grad=False)
torch.randint(3, (2,), dtype=torch.float32, requires_grad=True)
torch.randperm(3, requires_grad=True)
torch.randperm(3, dtype=torch.float64, requires_grad=True)
torch.softmax(n, 1, dtype=torch.float64)
torch.softmax(x, 1, torch.float64)
torch.log_softmax(x, 0, dtype=torch.float64)
x.softmax(1, dtype=torch.float64)
x.log_softmax(dim=1, dtype=torch.float64)
torch.nn.functional.softmax(x, 1, dtype=torch.float64)
torch.nn.functional.log_softmax(x, dim=0, dtype=torch.float64)
torch.nn.functional.softmax(n, 1, dtype=torch.float32)
torch.nn.functional.softmax(x, 1, _stacklevel=5)
torch.nn.functional.softmax(x)
torch.nn.functional.log_softmax(x[0])
torch.nn.functional.softmax(torch.ones(2, 2, 2))
torch.nn.Softmax()(x)
torch.nn.Softmax(dim=1)(x)
torch.nn.LogSoftmax()(x[0])
torch.sum(x, 1, dtype=torch.float64)
torch.mean(x, dtype=torch.float64)
n.cumsum(0, dtype=torch.float64)
x.cumsum(1, dtype=torch.int64)
x.prod(1, dtype=torch.int64)
x.prod(dtype=torch.float64)
torch.prod(n, dtype=torch.float32)
torch.cumsum(x, 0, dtype=torch.float64)
torch.norm(x, dtype=torch.float64)
torch.norm(x, p=2, dim=1, dtype=torch.float64)
torch.norm(x, p=1, dtype=torch.float64)
x.norm(dim=0, dtype=torch.float64)
torch.linalg.norm(x, dtype=torch.float64)
torch.linalg.vector_norm(x, dtype=torch.float64)
torch.linalg.vector_norm(x, ord=1, dim=1, dtype=torch.float64)
torch.linalg.vector_norm(n)
torch.linalg.vector_norm(x, dtype=torch.int64)
z = x.clone()\nr = torch.nn.functional.relu(z, inplace=True)\n(r is z, z)
z = x.clone()\nr = torch.nn.functional.leaky_relu(z, 0.1, inplace=True)\n(r is z, z)
z = x.clone()\nr = torch.nn.functional.elu(z, inplace=True)\n(r is z, z)
z = x.clone()\nr = torch.nn.functional.silu(z, inplace=True)\n(r is z, z)
z = x.clone()\nr = torch.nn.functional.dropout(z, 0.5, inplace=True)\n(r is z, z)
z = x.clone()\nr = torch.nn.functional.dropout(z, 0.5, training=False, inplace=True)\n(r is z, z)
z = x.clone()\nr = torch.nn.functional.dropout(z, 0.0, inplace=True)\n(r is z, z)
z = x.clone()\nr = torch.nn.functional.dropout(z, 1.0, inplace=True)\n(r is z, z)
z = x.clone()\nr = torch.nn.ReLU(inplace=True)(z)\n(r is z, z)
z = x.clone()\nr = torch.nn.LeakyReLU(0.2, inplace=True)(z)\n(r is z, z)
z = x.clone()\nr = torch.nn.ELU(inplace=True)(z)\n(r is z, z)
z = x.clone()\nr = torch.nn.SiLU(inplace=True)(z)\n(r is z, z)
z = x.clone()\nr = torch.nn.Dropout(0.5, inplace=True)(z)\n(r is z, z)
z = x.clone()\nm = torch.nn.Dropout(0.5, inplace=True)\nm.eval()\nr = m(z)\n(r is z, z)
torch.nn.ReLU(inplace=True), torch.nn.LeakyReLU(inplace=True), torch.nn.ELU(inplace=True), torch.nn.SiLU(inplace=True), torch.nn.Dropout(inplace=True)
torch.nn.ELU(alpha=0.5, inplace=True), torch.nn.GELU(approximate='tanh'), torch.nn.Softplus(beta=2, threshold=10)
torch.nn.Softplus(2, 10)(x)
torch.nn.GELU('tanh')(x)
torch.nn.GELU(approximate='none')(x)
torch.nn.ReLU(True)
torch.nn.ReLU(foo=1)
torch.nn.Sigmoid(True)
torch.nn.Tanh(inplace=True)
torch.nn.GELU(inplace=True)
torch.nn.SiLU(1, 2)
a = x.clone().requires_grad_()\nb = a * 1\ntorch.nn.functional.relu(b, inplace=True).sum().backward()\n(b.grad_fn.name(), a.grad)
a = x.clone().requires_grad_()\ntorch.nn.functional.relu(a, inplace=True)
a = x.clone().requires_grad_()\nb = a * 1\ntorch.nn.functional.elu(b, inplace=True).sum().backward()\n(b.grad_fn.name(), a.grad)
a = x.clone().requires_grad_()\nb = a * 1\ntorch.nn.functional.leaky_relu(b, inplace=True).sum().backward()\n(b.grad_fn.name(), a.grad)
a = x.clone().requires_grad_()\nb = a * 1\ntorch.nn.functional.silu(b, inplace=True).sum().backward()\n(b.grad_fn.name(), a.grad)
a = x.clone().requires_grad_()\nb = a * 1\ntorch.nn.functional.dropout(b, 0.5, inplace=True).sum().backward()\n(b.grad_fn.name(), a.grad)
torch.nn.Module(foo=1)
torch.nn.Module(1)
torch.nn.Module()(1)
torch.nn.Identity(1, foo=2)(x)
torch.nn.Linear(1, 1, device='cuda')
torch.nn.Linear(1, 1, device='cpu').weight.device
torch.nn.Linear(2, 1, dtype=torch.float64).weight.dtype, torch.nn.Linear(2, 1, dtype=torch.float64).bias.dtype
torch.nn.functional.mse_loss(x, y, weight=w)
torch.nn.functional.mse_loss(x, y, weight=w, reduction='sum')
torch.nn.functional.mse_loss(x, y, weight=w, reduction='none')
torch.nn.functional.l1_loss(x, y, weight=w)
torch.nn.functional.huber_loss(x, y, weight=w)
torch.nn.functional.huber_loss(x, y, weight=w, delta=0.5, reduction='sum')
torch.nn.functional.mse_loss(x, y, weight=torch.ones(3))
a = x.clone().requires_grad_()\ntorch.nn.functional.mse_loss(a, y, weight=w).backward()\na.grad
torch.nn.functional.mse_loss(x, y, weight=None)
torch.nn.MSELoss()(x, y), torch.nn.L1Loss(reduction='sum')(x, y), torch.nn.HuberLoss(delta=0.5)(x, y)
x.norm(), x.norm(1), x.norm(dim=1), x.norm(float('inf'), dim=0, keepdim=True)
torch.linalg.norm(x, ord=1), torch.linalg.norm(x, ord=-1), torch.linalg.norm(x, ord=float('inf')), torch.linalg.norm(x, ord=float('-inf'))
torch.linalg.norm(x, ord='fro'), torch.linalg.norm(x, dim=1), torch.linalg.norm(x, ord=1, dim=1), torch.linalg.norm(v, ord=1)
torch.linalg.norm(x, ord=1, dim=(0, 1), keepdim=True), torch.linalg.norm(x, ord=float('inf'), dim=(1, 0))
torch.linalg.norm(b3, ord=1)
torch.linalg.norm(x, ord=3)
torch.linalg.norm(b3, ord=1, dim=(1, 2))
torch.linalg.vector_norm(x, ord=float('inf')), torch.linalg.vector_norm(x, ord=0), torch.linalg.vector_norm(x, ord=3, dim=0)
torch.norm(x, p=1, dim=1, keepdim=True), torch.norm(x, 'fro'), torch.norm(v, 3)
torch.arange(0.5, 5.5, 1.5, dtype=torch.int64)
torch.arange(-2.7, 3.2, dtype=torch.int64)
torch.arange(5, dtype=torch.bool)
torch.arange(0.0, 1.0, 0.25, dtype=torch.int64)
torch.linspace(0, 1, 5, dtype=torch.bool)
torch.rand(2, dtype=torch.int64)
torch.randn(2, dtype=torch.bool)
torch.normal(0.0, 1.0, (2,), dtype=torch.int64)
torch.rand_like(n)
torch.randn_like(bm)
torch.randint(3, (2,), dtype=torch.bool)
torch.randperm(3, dtype=torch.bool)
torch.sum(x, dtype=torch.int64), torch.sum(x, (0, 1), dtype=torch.int64), x.sum(1, dtype=torch.bool)
torch.mean(x, 0, dtype=torch.float64), x.mean(dtype=torch.float32)
o = torch.zeros(2, 3)\nr = torch.rand(2, 3, out=o.t().t())\n(o, r)
o = torch.zeros(3, 2).t()\nr = torch.randint(0, 10, (2, 3), out=o)\nr
o = torch.zeros(3, 2, dtype=torch.float64).t()\nr = torch.normal(0.0, 1.0, (2, 3), out=o)\nr
x.resize_(3, 2)
t = torch.arange(6.0)\nt.resize_(2, 2)\nt
t = torch.arange(6.0)\nt.resize_(3, 3)\n(t.shape, t[0])
t = torch.arange(4.0)\nt.resize_(0)\n(t, t.shape)
x.clone().requires_grad_().resize_(2)
torch.zeros(2).resize_((1, 2))
""".strip().split("\n")


def may_take_out():
    """The public functions of torch and torch.linalg that may take out=: a Python signature with `out`, or an ATen
    operator of that name with an out= overload (some of those are not bound to Python with it; the cases say
    which). The test requires a case for every such function the playground has."""
    by_name = {}
    for schema in torch._C._jit_get_all_schemas():
        if any(a.name == "out" and a.kwarg_only for a in schema.arguments):
            by_name[schema.name] = True
    names = []
    for label, module, prefix in (("", torch, "aten::"), ("linalg.", torch.linalg, "aten::linalg_")):
        for name in dir(module):
            f = getattr(module, name, None)
            if name.startswith("_") or not callable(f) or isinstance(f, type):
                continue
            try:
                takes = "out" in inspect.signature(f).parameters
            except (TypeError, ValueError):
                takes = by_name.get(prefix + name, False)
            if takes:
                names.append(label + name)
    return sorted(names)


def main():
    install_2x()
    cases = []
    for call, args in OUT_FUNCTIONS:
        code = "torch.%s(%s, out=torch.empty(0))" % (call, args)
        probe = run(code)
        text = probe.get("error", probe.get("pytorch_error", ""))
        if re.match(r"TypeError: .*(unexpected keyword argument 'out'|invalid combination of arguments)", text) and not re.search(r"Tensors? out", text):
            cases.append(dict(code=code, fn=call, has_out=False, **probe))
            continue
        for code in cases_for(call, args):
            if "torch.int32" in code:
                continue
            r = run(code)
            if r is not None:
                cases.append(dict(code=code, fn=call, has_out=True, **r))
    for code in KEYWORD_CASES:
        code = code.replace("\\n", "\n")
        cases.append(dict(code=code, **run(code)))
    for c in cases:
        if " at 0x" in c.get("repr", ""):
            sys.exit("case prints an address: " + c["code"])
    out = {
        "about": "Made by test/harness/gen_torch_out_fixture.py with PyTorch %s (CPU build)." % torch.__version__,
        "may_take_out": may_take_out(),
        "prelude": PRELUDE,
        "cases": cases,
    }
    path = os.path.join(os.path.dirname(__file__), "..", "fixtures", "torch_out.json")
    with open(path, "w") as f:
        json.dump(out, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print("wrote %d cases to %s" % (len(cases), os.path.normpath(path)))


if __name__ == "__main__":
    main()
