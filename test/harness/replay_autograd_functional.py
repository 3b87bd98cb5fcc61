# Replays autograd_functional.json through the playground's torch (same functions as the generator).
import json
import math

import torch
import torch.autograd.functional as F

CASES = json.loads(CASES_JSON)


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


def encode(value):
    if isinstance(value, torch.Tensor):
        data = value.detach().reshape(-1).tolist()
        return {"shape": list(value.shape), "dtype": str(value.dtype)[6:],
                "data": [x if not isinstance(x, float) or math.isfinite(x) else str(x) for x in data]}
    if isinstance(value, (list, tuple)):
        return [encode(v) for v in value]
    return value


results = []
for case in CASES:
    try:
        results.append({"result": encode(eval(case["code"], dict(ENV))), "error": None})
    except Exception as e:  # noqa: BLE001
        results.append({"error": "%s: %s" % (type(e).__name__, e)})
print(json.dumps(results))
