# Replays nn_layers.json (made by gen_nn_layers_fixture.py) through the playground's torch: the same helpers, each
# case seeded and run; prints one JSON result per case.
import json
import math
import warnings

import torch
import torch.nn as nn
import torch.nn.functional as F

CASES = json.loads(CASES_JSON)


def leaf(data, dtype=torch.float32):
    return torch.tensor(data, dtype=dtype, requires_grad=True)


def rleaf(*shape, dtype=torch.float32):
    return torch.randn(*shape, dtype=dtype).requires_grad_()


def weights_like(t):
    return ((torch.arange(t.numel(), dtype=t.dtype) % 5 - 1.5) * 0.75).reshape(t.shape)


def grads(out, *leaves):
    return [out] + list(torch.autograd.grad((out * weights_like(out)).sum(), leaves, allow_unused=True))


PRELUDE = {"torch": torch, "nn": nn, "F": F, "leaf": leaf, "rleaf": rleaf, "grads": grads, "weights_like": weights_like,
           "math": math, "warnings": warnings}


def encode(value):
    if isinstance(value, torch.Tensor):
        data = value.detach().reshape(-1).tolist()
        return {
            "shape": list(value.shape),
            "dtype": str(value.dtype)[6:],
            "data": [x if not isinstance(x, float) or math.isfinite(x) else str(x) for x in data],
        }
    if isinstance(value, torch.Size):
        return str(value)
    if isinstance(value, (list, tuple)):
        return [encode(v) for v in value]
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return repr(value)


results = []
for case in CASES:
    torch.manual_seed(case["seed"])
    env = dict(PRELUDE)
    try:
        exec(case["code"], env)
        results.append({"result": encode(env["out"]), "error": None})
    except Exception as e:  # noqa: BLE001
        results.append({"error": "%s: %s" % (type(e).__name__, str(e))})
print(json.dumps(results))
