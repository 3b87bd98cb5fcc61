# Replays distributions.json (made by gen_distributions_fixture.py) through the playground's torch: the same
# helpers, each case seeded and evaluated; prints one JSON result per case.
import json
import math

import torch
import torch.distributions as D

CASES = json.loads(CASES_JSON)


def leaf(data, dtype=torch.float32):
    return torch.tensor(data, dtype=dtype, requires_grad=True)


def grads(out, *leaves):
    return [out] + list(torch.autograd.grad(out.sum(), leaves))


ENV = {"torch": torch, "D": D, "leaf": leaf, "grads": grads, "math": math}


def encode(value):
    if isinstance(value, torch.Tensor):
        data = value.detach().reshape(-1).tolist()
        return {
            "shape": list(value.shape),
            "dtype": str(value.dtype)[6:],
            "data": [x if not isinstance(x, float) or math.isfinite(x) else str(x) for x in data],
        }
    if isinstance(value, (list, tuple)) and not isinstance(value, torch.Size):
        return [encode(v) for v in value]
    if isinstance(value, torch.Size):
        return str(value)
    return value


results = []
for case in CASES:
    torch.manual_seed(case["seed"])
    try:
        value = eval(case["code"], dict(ENV))
        results.append({"result": None if "error" in case else encode(value), "error": None})
    except Exception as e:  # noqa: BLE001
        results.append({"error": "%s: %s" % (type(e).__name__, str(e))})
print(json.dumps(results))
