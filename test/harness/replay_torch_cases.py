# Replays torch cases (test/fixtures/torch_api_forms.json, made by gen_torch_api_forms.py with real PyTorch, and
# the playground-specific cases in api-forms.test.ts): each prints {"repr", "str"} of its last line, or {"error"}.
import json
import warnings

import numpy
import torch

CASES = json.loads(CASES_JSON)
results = []
for case in CASES:
    *setup, last = case["code"].replace("\\n", "\n").split("\n")
    g = {"torch": torch, "numpy": numpy}
    torch.backends.cudnn.deterministic = False
    torch.backends.cudnn.benchmark = False
    torch.set_default_device(None)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if setup:
                exec("\n".join(setup), g)
            v = eval(last, g)
        results.append({"repr": repr(v), "str": str(v)})
    except Exception as e:
        results.append({"error": "%s: %s" % (type(e).__name__, e)})
torch.set_default_device(None)
print(json.dumps(results))
