"""Writes test/fixtures/torch_dtypes.json: what real PyTorch prints for float16, bfloat16 and int32 tensors (issue
12, items 3 and 6): creation and rounding, printing, promotion, arithmetic, reductions, autograd, random streams,
conversions, serialization and errors.

Run with a real CPU-only PyTorch: `/usr/bin/python3 test/harness/gen_dtype_fixture.py` (PyTorch 1.13 here).
test/python/torch/dtypes.test.ts replays the cases through test/harness/replay_out_cases.py (each starts
from torch.manual_seed(0)). Every case is written once with `H` standing for the dtype and is kept twice,
starting `H = torch.float16` and `H = torch.bfloat16`, followed by PRELUDE's shared tensors. PyTorch 1.13's CPU build lacks many float16 kernels that 2.x has ("not
implemented for 'Half'", and a few for BFloat16): those cases are left out; the other dtype's twin covers the
same engine path. 1.13's "expected scalar type Float but found Half" for mismatched matrix products is rewritten to
2.x's "expected mat1 and mat2 to have the same dtype, but got: float != c10::Half" (`to_2x`).

`randn` of 16 elements or more in float16 is not taken from 1.13: 1.13 computes normal_fill_16<Half> in float,
while 2.x rounds every step to Half (c10's std::log/sqrt/cos/sin overloads for reduced floating types return
the reduced type, which 1.13 already had for BFloat16 only). HALF_RANDN_2X evaluates that 2.x arithmetic with
1.13's own Half rounding, from the uniforms `torch.rand` draws; the same evaluation reproduces 1.13's bfloat16
randn bit for bit, which the fixture checks before writing it.
"""
import json
import math
import re
import os
import sys
import warnings

import torch

PRELUDE = """\
import io
x = torch.tensor([[0.3, -1.7, 2.2], [1e-3, 5.0, 7.0]], dtype=H)
v = torch.tensor([0.1, 0.2, 0.3], dtype=H)
"""

CASES = [
    # creation, rounding and printing
    "torch.tensor([0.1, 1/3, 65519., 65520., 1e-8, 3e-8, -0.0, float('nan'), -1e6], dtype=H)",
    "torch.tensor([0.1, 1/3, 65519., 65520., 1e-8, 3e-8], dtype=H).tolist()",
    "torch.tensor([1e5, 1e-3, 12345.6, 3.14159e30, 1e-40], dtype=H)",
    "torch.tensor(2.5, dtype=H)",
    "torch.tensor(1.1, dtype=H).item()",
    "float(torch.tensor([3.14159], dtype=H))",
    "torch.zeros(0, dtype=H)",
    "torch.zeros(2, 3, dtype=H)",
    "torch.ones(2, dtype=H) * (1/3)",
    "torch.full((2,), 1/3, dtype=H)",
    "torch.arange(0, 1, 0.1, dtype=H)",
    "torch.arange(5, dtype=H) / 3",
    "torch.linspace(0, 1, 7, dtype=H)",
    "torch.linspace(-3, 1.7, 11, dtype=H)",
    "torch.eye(2, dtype=H)",
    "torch.empty(3, dtype=H).dtype",
    "(v.dtype, v.type(), v.element_size(), v.is_floating_point(), v.dtype.is_floating_point, str(v.dtype))",
    "torch.finfo(H)",
    "(torch.finfo(H).eps, torch.finfo(H).max, torch.finfo(H).tiny, torch.finfo(H).bits)",
    "torch.zeros_like(v, dtype=torch.float32) + v",
    "torch.randn(3, 2).to(H).shape",
    # conversions
    "torch.tensor([1.0, 2.0, 3.0]).to(H)",
    "torch.tensor([1, 2, 3]).to(H)",
    "torch.tensor([0.1]).double().to(H)",
    "torch.tensor([0.1, 0.7]).half()",
    "torch.tensor([0.1, 0.7]).bfloat16()",
    "torch.tensor([0.1, 0.7]).half().bfloat16()",
    "torch.tensor([0.1, 0.7]).bfloat16().half()",
    "v.float()",
    "v.double()",
    "(v * 10).long()",
    "v.bool()",
    "(v.half() is v, v.bfloat16() is v, v.to(H) is v)",
    "torch.tensor([1.0]).type(torch.HalfTensor)",
    "torch.tensor([1.0]).type('torch.BFloat16Tensor')",
    "torch.HalfTensor([1, 2.7])",
    "torch.BFloat16Tensor([1, 2.7])",
    "torch.HalfTensor(2).shape",
    "torch.tensor([True, False]).to(H)",
    # promotion
    "(v + torch.tensor([1.0, 2.0, 3.0])).dtype",
    "(v + 1.5).dtype",
    "(v + 1).dtype",
    "(v + torch.tensor(2.0, dtype=torch.float64)).dtype",
    "(v + torch.tensor([2.0, 1, 1], dtype=torch.float64)).dtype",
    "(v + torch.tensor([1, 2, 3])).dtype",
    "(v.half() + v.bfloat16()).dtype",
    "(torch.tensor(1.0, dtype=torch.float16) + torch.tensor([1.0], dtype=torch.bfloat16)).dtype",
    "torch.result_type(v, 1.0)",
    "torch.promote_types(H, torch.float32)",
    "torch.promote_types(torch.float16, torch.bfloat16)",
    "torch.cat([torch.ones(2, dtype=H), torch.ones(2)]).dtype",
    "torch.where(torch.tensor([True, False]), torch.ones(2, dtype=H), 0.5)",
    # arithmetic
    "(x * 1.3 + 0.7) / 3.1 - x * x",
    "x + v",
    "x - 0.1",
    "x * v",
    "x / 3",
    "x / v",
    "1 / v",
    "-x",
    "x ** 2",
    "x.abs() ** 0.5",
    "torch.tensor([60000.], dtype=H) * 2",
    "torch.tensor([60000.], dtype=H) + torch.tensor([60000.], dtype=H)",
    "x.abs().sqrt()",
    "torch.exp(v)",
    "torch.log(v)",
    "torch.sigmoid(x)",
    "torch.tanh(x)",
    "torch.relu(x)",
    "torch.clamp(x, -1, 1)",
    "x.floor()",
    "x.round()",
    "torch.maximum(x, v)",
    "x > v",
    "(torch.tensor(0.1, dtype=H) == 0.1, torch.tensor(0.1, dtype=H) < 0.1)",
    "torch.sin(v)",
    "torch.nn.functional.softplus(x)",
    "torch.nn.functional.gelu(x)",
    # reductions
    "x.sum()",
    "x.sum(1)",
    "x.sum(0, keepdim=True)",
    "x.mean()",
    "x.mean(0)",
    "x.max()",
    "x.max(1)",
    "x.min(0)",
    "x.argmax()",
    "x.prod()",
    "x.cumsum(1)",
    "x.norm()",
    "x.std()",
    "x.var(1)",
    "torch.softmax(x, 1)",
    "torch.log_softmax(x, 1)",
    "torch.logsumexp(x, 1)",
    "torch.arange(1000, dtype=H).sum()",
    "(torch.arange(300, dtype=H) / 7).sum()",
    "(torch.arange(300, dtype=H) / 7).mean()",
    # matrix products
    "x @ x.t()",
    "x.t() @ x",
    "x @ v",
    "v @ v",
    "torch.mm(torch.arange(12, dtype=H).reshape(3, 4) / 7, torch.arange(8, dtype=H).reshape(4, 2) / 3)",
    # views and indexing
    "x.t().contiguous().view(-1)",
    "x[0, 1:]",
    "x[:, [0, 2]]",
    "x[x > 1]",
    "h = torch.zeros(3, dtype=H)\nh[1] = 0.1\nh += 1/3\nh",
    "h = torch.zeros(3, dtype=H)\nh[[0, 2]] = torch.tensor([0.1, 0.7])\nh",
    "h = torch.ones(3, dtype=H)\nh.mul_(0.1).add_(v)\nh",
    "h = torch.zeros(4, dtype=H)\nh.copy_(torch.tensor([0.1, 0.2, 1/3, 1e6]))\nh",
    "torch.stack([v, v]).T",
    # autograd
    "a = x.clone().requires_grad_()\ny = ((a * 1.3 + 0.7) / 3.1 - a * a).sum()\ny.backward()\n(y, a.grad)",
    "b = v.clone().requires_grad_()\nc = ((b * 3.7 - 1.1) ** 2).mean()\nc.backward()\n(c, b.grad)",
    "b = v.clone().requires_grad_()\nc = torch.sigmoid(b * 4).sum()\nc.backward()\n(c, b.grad)",
    "b = v.clone().requires_grad_()\nc = torch.softmax(b, 0)[1]\nc.backward()\n(c, b.grad)",
    "a = x.clone().requires_grad_()\nc = (a @ a.t()).sum()\nc.backward()\n(c, a.grad)",
    "b = v.clone().requires_grad_()\nc = b.float().sum() * 3\nc.backward()\n(c, b.grad)",
    "b = torch.tensor([0.1, 0.2, 0.3], requires_grad=True)\nc = (b.to(H) * 3).sum()\nc.backward()\n(c, b.grad)",
    "b = v.clone().requires_grad_()\n((b * 2).grad_fn.name(), b.float().grad_fn.name(), (b * 2).sum().grad_fn.name())",
    "b = v.clone().requires_grad_()\nfor _ in range(3):\n    (b * 0.1).sum().backward()\nb.grad",
    # nn
    "m = torch.nn.Linear(3, 2).to(H)\n(m.weight.dtype, m.bias.dtype, m.weight)",
    "m = torch.nn.Linear(3, 2)\nm.half()\nm.weight",
    "m = torch.nn.Linear(3, 2)\nm.bfloat16()\nm.weight",
    "m = torch.nn.Linear(3, 2).to(H)\nm(x).detach()",
    "m = torch.nn.Linear(3, 2).to(H)\nloss = m(x).pow(2).mean()\nloss.backward()\n(loss, m.weight.grad, m.bias.grad)",
    "m = torch.nn.Linear(3, 1).to(H)\nopt = torch.optim.SGD(m.parameters(), lr=0.1)\nfor _ in range(3):\n    opt.zero_grad()\n    l = ((m(x) - 1) ** 2).mean()\n    l.backward()\n    opt.step()\n(l, m.weight)",
    "torch.nn.functional.mse_loss(x, x * 0.5)",
    "torch.nn.functional.cross_entropy(x, torch.tensor([2, 0]))",
    "m = torch.nn.Linear(3, 2).to(H)\ndict(m.state_dict())",
    # random streams
    "torch.rand(5, dtype=H)",
    "torch.rand(20, dtype=H)",
    "torch.randn(5, dtype=H)",
    "torch.randn(20, dtype=H)",
    "torch.randn(16, dtype=H)",
    "torch.randn(3, dtype=H).tolist()",
    "torch.zeros(6, dtype=H).uniform_(-2, 3)",
    "torch.zeros(18, dtype=H).normal_(1.5, 0.5)",
    "torch.zeros(4, dtype=H).normal_(1.5, 0.5)",
    "torch.empty(5, dtype=H).exponential_()",
    "torch.normal(0.0, 1.0, size=(3,), dtype=H)",
    "torch.rand(2, 3, dtype=H)\ntorch.rand(3)",
    "torch.randint(0, 10, (5,), dtype=H)",
    # serialization
    "buf = io.BytesIO()\ntorch.save(x, buf)\nbuf.seek(0)\ntorch.load(buf)",
    # errors
    "torch.mm(x, torch.ones(3, 2))",
    "torch.ones(2, 3) @ x.t()",
    "x.numpy()",
    "torch.tensor([1, 2]).to(H).requires_grad_()",
    "h = torch.zeros(2, dtype=torch.int64)\nh += v[:2]\nh",
]

# Which cases' float16 results 2.x would give differently from 1.13 and HALF_RANDN_2X recomputes.
RANDN_LARGE = {
    "torch.randn(20, dtype=H)": (20, 0.0, 1.0),
    "torch.randn(16, dtype=H)": (16, 0.0, 1.0),
    "torch.zeros(18, dtype=H).normal_(1.5, 0.5)": (18, 1.5, 0.5),
}


# What the playground does differently on purpose (its test says what it does instead): its numpy has no float16.
PLAYGROUND_DIFFERS = {("x.numpy()", "float16")}


def normal_fill_2x(n, mean, std, dtype):
    """normal_fill<Half/BFloat16> as 2.x computes it: every operation rounds to the 16-bit type."""
    torch.manual_seed(0)
    u = torch.rand(n, dtype=dtype).tolist()
    tail = torch.rand(16, dtype=dtype).tolist() if n % 16 else []

    def r(value):
        return torch.tensor(value, dtype=torch.float32).to(dtype).item()

    m, s = r(mean), r(std)

    def block(data, o):
        for j in range(8):
            u1 = r(1 - data[o + j])
            u2 = data[o + j + 8]
            radius = r(math.sqrt(r(-2 * r(torch.tensor(u1).log().item()))))
            theta = r(2.0 * math.pi * u2)
            c = r(torch.tensor(theta).cos().item())
            sn = r(torch.tensor(theta).sin().item())
            data[o + j] = r(r(r(radius * c) * s) + m)
            data[o + j + 8] = r(r(r(radius * sn) * s) + m)

    for i in range(0, n - 15, 16):
        block(u, i)
    if n % 16:
        u[n - 16:] = tail
        block(u, n - 16)
    return torch.tensor(u, dtype=dtype)


_CPP = {"Half": "c10::Half", "BFloat16": "c10::BFloat16", "Float": "float", "Double": "double"}


INT32_PRELUDE = """\
import io
a = torch.tensor([1, 2, 2147483647], dtype=torch.int32)
b = torch.tensor([[1, 2], [3, 4]], dtype=torch.int32)
"""

# int32, from the same real PyTorch (1.13 and 2.x agree on these).
INT32_CASES = [
    "(a, a.dtype, a.type(), a.element_size(), torch.int is torch.int32)",
    "(a + 1, a * 2, a // 2, a / 2, a % 3, -a)",
    "((a + 1).dtype, (a + torch.tensor([1, 1, 1])).dtype, (a + 1.5).dtype, (a * torch.tensor(2)).dtype)",
    "(a.sum(), a.sum().dtype, a.cumsum(0), a.max(), a.float().mean(), b.prod())",
    "torch.tensor([1.7, -2.7, 1e10, float('nan'), -1e10]).int()",
    "torch.tensor([2**31 + 5, -2**31 - 1]).int()",
    "torch.tensor([1, 0, 3]).to(torch.int32).bool()",
    "(torch.IntTensor([3, 4]), torch.IntTensor(2).shape, torch.ones(2).type('torch.IntTensor'), torch.IntTensor.dtype)",
    "(torch.arange(5, dtype=torch.int32), torch.zeros(2, dtype=torch.int), torch.iinfo(torch.int32), torch.iinfo(torch.int64))",
    "(torch.tensor([5, 6]).to(torch.int32).tolist(), a[0].item(), type(a[0].item()).__name__)",
    "torch.randint(0, 10, (5,), dtype=torch.int32)",
    "torch.empty(4, dtype=torch.int32).random_(0, 5)",
    "torch.empty(4, dtype=torch.int32).random_()",
    "torch.empty(3, dtype=torch.float16).random_()",
    "torch.empty(3, dtype=torch.bfloat16).random_(-10, 3)",
    "(b @ b, b.t(), b.argmax(), torch.where(b > 2, b, 0), b == 2)",
    "(b & 3, b | 8, b ^ 1, ~b)",
    "torch.tensor([100000], dtype=torch.int32) * torch.tensor([100000], dtype=torch.int32)",
    "torch.tensor([2147483647], dtype=torch.int32) + 1",
    "(torch.promote_types(torch.int32, torch.int64), torch.promote_types(torch.int32, torch.float16), torch.result_type(a, 1), torch.result_type(a, 1.0), torch.result_type(a, torch.tensor(1)))",
    "(b.sum(0, dtype=torch.int32), b.float().dtype, torch.cat([b, b.long()]).dtype, b.double().dtype)",
    "b.view(-1)[torch.tensor([0, 3])]",
    "b.to(torch.float16) / 3",
    "torch.zeros(3, dtype=torch.int32).fill_(2.9)",
    "c = torch.zeros(3, dtype=torch.int32)\nc[1] = 7.8\nc += 2\nc",
    "torch.tensor([1., 2.], requires_grad=True).int().requires_grad_()",
    "torch.nn.functional.cross_entropy(torch.randn(2, 3), torch.tensor([0, 1], dtype=torch.int32))",
    "torch.gather(torch.randn(2, 3), 1, torch.tensor([[0], [1]], dtype=torch.int32))",
    "buf = io.BytesIO()\ntorch.save(b, buf)\nbuf.seek(0)\ntorch.load(buf)",
]

# Matrix products and log_softmax: 1.13 accumulates some bfloat16 kernels in bfloat16 and has no float16 kernel for
# them; 2.x accumulates both in float and rounds once, which the double computation rounded to H gives.
PYTORCH_2X = {
    "torch.log_softmax(x, 1)": "torch.log_softmax(x.double(), 1).to(H)",
    "x @ x.t()": "(x.double() @ x.double().t()).to(H)",
    "x.t() @ x": "(x.double().t() @ x.double()).to(H)",
    "x @ v": "(x.double() @ v.double()).to(H)",
    "v @ v": "(v.double() @ v.double()).to(H)",
    "m = torch.nn.Linear(3, 2).to(H)\nm(x).detach()":
        "m = torch.nn.Linear(3, 2).to(H)\ntorch.nn.functional.linear(x.double(), m.weight.double(), m.bias.double()).to(H).detach()",
    "torch.mm(torch.arange(12, dtype=H).reshape(3, 4) / 7, torch.arange(8, dtype=H).reshape(4, 2) / 3)":
        "torch.mm((torch.arange(12, dtype=H).reshape(3, 4) / 7).double(), (torch.arange(8, dtype=H).reshape(4, 2) / 3).double()).to(H)",
}
# Left out: what these give in 1.13 rests on its bfloat16 accumulation in addmm/mm, which 2.x no longer does.
ONLY_1_13 = {
    "m = torch.nn.Linear(3, 2).to(H)\nloss = m(x).pow(2).mean()\nloss.backward()\n(loss, m.weight.grad, m.bias.grad)",
    "m = torch.nn.Linear(3, 1).to(H)\nopt = torch.optim.SGD(m.parameters(), lr=0.1)\nfor _ in range(3):\n    opt.zero_grad()\n    l = ((m(x) - 1) ** 2).mean()\n    l.backward()\n    opt.step()\n(l, m.weight)",
}


def to_2x(error, code):
    """1.13's messages in 2.x's words: the matrix products check mat1 and mat2 first and name their C++ types."""
    m = re.fullmatch(r"RuntimeError: expected scalar type (\w+) but found (\w+)", error)
    if m and ("torch.mm" in code or "@" in code):
        return "RuntimeError: expected mat1 and mat2 to have the same dtype, but got: %s != %s" % (_CPP[m[1]], _CPP[m[2]])
    return error.replace(
        "only Tensors of floating point dtype can require gradients",
        "Only Tensors of floating point and complex dtype can require gradients",
    )


def run(code):
    *setup, last = code.split("\n")
    g = {"torch": torch}
    torch.manual_seed(0)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            exec("\n".join(setup), g)
            value = eval(last, g)
        r = {"repr": repr(value)}
        messages = [re.sub(r" \(Triggered internally at .*\)$", "", str(w.message), flags=re.S) for w in caught]
        if messages:
            r["warnings"] = messages
        return r
    except Exception as e:
        return {"error": "%s: %s" % (type(e).__name__, e)}


def main():
    cases = []
    skipped = []
    for code in CASES:
        for name, dtype in (("float16", torch.float16), ("bfloat16", torch.bfloat16)):
            # Each case carries its dtype and the shared tensors, so one replay runs both dtypes.
            full = "H = torch.%s\n%s%s" % (name, PRELUDE, code)
            if code in ONLY_1_13:
                continue
            result = run("H = torch.%s\n%s%s" % (name, PRELUDE, PYTORCH_2X.get(code, code)))
            if code in RANDN_LARGE:
                n, mean, std = RANDN_LARGE[code]
                model = normal_fill_2x(n, mean, std, dtype)
                if dtype is torch.bfloat16:
                    # The model must reproduce what PyTorch itself does for bfloat16.
                    assert result["repr"] == repr(model), (code, result, model)
                else:
                    result = {"repr": repr(model)}
            if (code, name) in PLAYGROUND_DIFFERS:
                continue
            if "error" in result and re.search(r"not implemented for '(Half|BFloat16)'", result["error"]):
                skipped.append(code)
                continue
            if "error" in result:
                result["error"] = to_2x(result["error"], code)
            cases.append(dict(code=full, **result))
    for code in INT32_CASES:
        full = INT32_PRELUDE + code
        result = run(full)
        if "error" in result:
            result["error"] = to_2x(result["error"], code)
        cases.append(dict(code=full, **result))
    out = os.path.join(os.path.dirname(__file__), "..", "fixtures", "torch_dtypes.json")
    with open(out, "w") as f:
        json.dump({"torch": torch.__version__, "prelude": "", "cases": cases}, f, indent=1)
        f.write("\n")
    print("wrote %d cases; left out %d float16 cases 1.13 cannot run" % (len(cases), len(skipped)), file=sys.stderr)


if __name__ == "__main__":
    main()
