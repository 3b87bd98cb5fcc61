# Makes test/fixtures/tutorial_gaps.json with a real PyTorch (Debian's /usr/bin/python3):
#   python3 test/harness/gen_tutorial_gaps.py test/fixtures/tutorial_gaps.json
# Each case's stdout, or "Type: message" of what it raised. Warnings are not captured (their location differs).
import contextlib, io, json, sys, warnings
import torch

CASES = {
    "meshgrid ij and xy": """
x = torch.tensor([1., 2., 3.], requires_grad=True)
y = torch.tensor([4., 5.])
a, b = torch.meshgrid(x, y, indexing='ij')
print(a, b)
c, d = torch.meshgrid([x, y], indexing='xy')
print(c.shape, d.shape, c.is_contiguous(), repr(c.grad_fn).split()[0])
(a * b).sum().backward()
print(x.grad)
print(torch.meshgrid(torch.tensor(2.), x, indexing='ij')[0].shape)
""",
    "meshgrid bad indexing": "torch.meshgrid(torch.ones(2), indexing='zz')",
    "fmod takes the dividend's sign": """
print(torch.fmod(torch.tensor([-3., 3., -3.5]), 2))
print(torch.tensor([-3, 3]).fmod(-2), torch.fmod(torch.tensor([5.]), torch.tensor([1.5])))
print(torch.remainder(torch.tensor([-3., 3.]), 2))
p = torch.tensor([1.5, -2.5, 7.0], requires_grad=True)
q = torch.tensor([1., 1., -2.], requires_grad=True)
r = torch.fmod(p, q)
r.sum().backward()
print(r, p.grad, q.grad)
s = torch.fmod(p, 2.0)
print(repr(s.grad_fn).split()[0])
""",
    "fmod by an integer zero": "torch.fmod(torch.tensor([3]), 0)",
    "indexing with a range, as d2l's cross_entropy does": """
y_hat = torch.tensor([[0.1, 0.3, 0.6], [0.3, 0.2, 0.5]])
y = torch.tensor([0, 2])
print(y_hat[range(len(y_hat)), y])
print(y_hat[range(1, 2)])
print(-torch.log(y_hat[range(len(y_hat)), y]))
""",
    "item() gives the Python type of the dtype": """
for t in [torch.tensor(3.0), torch.tensor(2.5, dtype=torch.float64), torch.tensor(7), torch.tensor(True),
          torch.tensor(3, dtype=torch.int32), torch.tensor(1.5, dtype=torch.float16), torch.tensor(float('nan')),
          torch.tensor(float('-inf')), torch.tensor([4.0]), torch.tensor([[False]]), torch.ones(3).sum()]:
    v = t.item()
    print(type(v).__name__, v)
""",
    "ints beyond 2**53 in torch.tensor": """
print(torch.tensor(-2**62), torch.tensor([2**60, 5]), torch.tensor(2**62).item())
""",
}

out = {}
for name, body in CASES.items():
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            exec("import torch\n" + body.lstrip("\n"), {})
        except Exception as e:
            print(type(e).__name__ + ": " + str(e))
    out[name] = {"code": "import torch\n" + body.lstrip("\n"), "stdout": buf.getvalue()}
json.dump({"about": "stdout of each case under real PyTorch %s, made by test/harness/gen_tutorial_gaps.py" % torch.__version__, "cases": out},
          open(sys.argv[1], "w"), indent=1, ensure_ascii=False)
