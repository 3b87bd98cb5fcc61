# Replays repr.json and errors.json cases: each prints {"repr", "str"} / {"value"} / {"error"}.
import json
import torch

CASES = json.loads(CASES_JSON)
results = []
for case in CASES:
    code = case["code"]
    try:
        if "error" in case:
            exec(code, {"torch": torch})
            results.append({"error": None})
        else:
            v = eval(code, {"torch": torch})
            if "value" in case:
                results.append({"value": v})
            else:
                results.append({"repr": repr(v), "str": str(v)})
    except Exception as e:
        results.append({"error": "%s: %s" % (type(e).__name__, e)})
print(json.dumps(results))
