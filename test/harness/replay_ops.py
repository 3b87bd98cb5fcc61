# Replays ops.json cases: inputs -> eval(expr) -> backward(cotangent); prints one JSON result per case.
import json
import math
import torch

CASES = json.loads(CASES_JSON)


def make(spec):
    t = torch.tensor(spec["data"], dtype=getattr(torch, spec["dtype"]))
    return t.reshape(spec["shape"])


def enc(t):
    return {"shape": list(t.shape), "dtype": str(t.dtype)[6:], "data": [v if math.isfinite(v) else str(v) for v in t.detach().reshape(-1).tolist()]}


results = []
for case in CASES:
    try:
        env = {"torch": torch}
        for name, spec in case["inputs"].items():
            env[name] = make(spec).requires_grad_()
        out = eval(case["expr"], env)
        grad_fn = type(out.grad_fn).__name__ if False else out.grad_fn.name()
        out.backward(make(case["cotangent"]))
        grads = {name: enc(env[name].grad) if env[name].grad is not None else None for name in case["inputs"]}
        results.append({"out": enc(out), "grad_fn": grad_fn, "grads": grads})
    except Exception as e:
        results.append({"error": "%s: %s" % (type(e).__name__, e)})
print(json.dumps(results))
