# Replays rng.json through the Python torch package: seed, then each call; prints exact values as JSON.
import json
import torch

CASES = json.loads(CASES_JSON)
results = []
for case in CASES:
    torch.manual_seed(case["seed"])
    codes = case.get("sequence") or [case["code"]]
    outs = []
    for code in codes:
        t = eval(code, {"torch": torch})
        outs.append({"shape": list(t.shape), "dtype": str(t.dtype)[6:], "data": t.reshape(-1).tolist()})
    results.append(outs)
print(json.dumps(results))
