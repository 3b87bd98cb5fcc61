# Writes test/fixtures/autograd_functional.json with real PyTorch (/usr/bin/python3): each `code` is evaluated
# with torch, F (torch.autograd.functional) and the functions below; results are tensors or nested tuples of
# them (compared to the reference tolerances), or "Type: message" for the error cases.
import json
import math
import os

import torch
import torch.autograd.functional as F


def cube_sum(x):
    return x.pow(3).sum()


def exp_reducer(x):
    return x.exp().sum(dim=1)


def adder(x, y):
    return 2 * x + 3 * y


def two_outputs(x, y):
    return x * y, (x + y).sin()


def mixed(x, y):
    return (x * y.exp()).sum() + (x ** 2).sum() * y.sum()


def constant(x):
    return torch.ones(2)


def half_used(x, y):
    return (x ** 2).sum()


def linear(x):
    return (2 * x).sum()


ENV = {"torch": torch, "F": F, "math": math}
ENV.update({f.__name__: f for f in (cube_sum, exp_reducer, adder, two_outputs, mixed, constant, half_used, linear)})

X = "torch.tensor([[0.5, -1.0], [2.0, 0.25]], dtype=torch.float64)"
A = "torch.tensor([1.0, 2.0, -0.5], dtype=torch.float64)"
B = "torch.tensor([0.3, -0.7, 1.5], dtype=torch.float64)"

CASES = [
    f"F.jacobian(exp_reducer, {X})",
    f"F.jacobian(adder, ({A}, {B}))",
    f"F.jacobian(two_outputs, ({A}, {B}))",
    f"F.jacobian(constant, {A})",
    f"F.jacobian(half_used, ({A}, {B}))",
    f"F.hessian(cube_sum, {X})",
    f"F.hessian(mixed, ({A}, {B}))",
    f"F.hessian(linear, {A})",
    f"F.vjp(exp_reducer, {X}, torch.ones(2, dtype=torch.float64))",
    f"F.vjp(cube_sum, {A})",
    f"F.vjp(two_outputs, ({A}, {B}), (torch.ones(3, dtype=torch.float64), {B}))",
    f"F.jvp(exp_reducer, {X}, torch.ones(2, 2, dtype=torch.float64))",
    f"F.jvp(adder, ({A}, {B}), ({B}, {A}))",
    f"F.hvp(cube_sum, {X}, torch.ones(2, 2, dtype=torch.float64))",
    f"F.hvp(mixed, ({A}, {B}), ({B}, {A}))",
    f"F.vhp(mixed, ({A}, {B}), ({B}, {A}))",
    f"F.vhp(half_used, ({A}, {B}), ({B}, {A}))",
    f"[r.requires_grad for r in F.vjp(cube_sum, {A}.requires_grad_(), create_graph=True)]",
    f"(lambda x: torch.autograd.grad(F.hessian(cube_sum, x, create_graph=True).sum(), x))({A}.requires_grad_())",
    f"F.jacobian(lambda x: torch.stack([x[0] * x[1], x[1].exp()]), torch.tensor([1.0, 2.0]))",
]

ERRORS = [
    f"F.jacobian(constant, {A}, strict=True)",
    f"F.jacobian(half_used, ({A}, {B}), strict=True)",
    f"F.vjp(exp_reducer, {X})",
    f"F.vjp(exp_reducer, {X}, torch.ones(3, dtype=torch.float64))",
    f"F.vjp(two_outputs, ({A}, {B}), (torch.ones(3, dtype=torch.float64),))",
    f"F.jvp(cube_sum, {A})",
    f"F.hessian(exp_reducer, {X})",
    f"F.hessian(two_outputs, ({A}, {B}))",
    f"F.hvp(linear, {A}, {A}, strict=True)",
    f"F.vhp(half_used, ({A}, {B}), ({B}, {A}), strict=True)",
    f"F.jacobian(lambda x: 3, {A})",
    f"F.jacobian(cube_sum, [{A}])",
    f"F.jacobian(cube_sum, {A}, strategy='sideways')",
]


def encode(value):
    if isinstance(value, torch.Tensor):
        data = value.detach().reshape(-1).tolist()
        return {"shape": list(value.shape), "dtype": str(value.dtype)[6:],
                "data": [x if not isinstance(x, float) or math.isfinite(x) else str(x) for x in data]}
    if isinstance(value, (list, tuple)):
        return [encode(v) for v in value]
    return value


def main():
    cases = [{"code": c, "result": encode(eval(c, dict(ENV)))} for c in CASES]
    for c in ERRORS:
        try:
            eval(c, dict(ENV))
            err = None
        except Exception as e:  # noqa: BLE001
            err = "%s: %s" % (type(e).__name__, e)
        cases.append({"code": c, "error": err})
    out = os.path.join(os.path.dirname(__file__), "..", "fixtures", "autograd_functional.json")
    with open(out, "w") as f:
        json.dump({"about": "torch.autograd.functional on torch %s; see gen_autograd_functional_fixture.py" % torch.__version__,
                   "cases": cases}, f, indent=1)


if __name__ == "__main__":
    main()
