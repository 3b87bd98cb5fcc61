# Replays out=/keyword cases (test/fixtures/torch_out.json and numpy_out.json, made by gen_torch_out_fixture.py
# and gen_numpy_out_fixture.py): each runs PRELUDE and its code and prints {"repr", "warnings"} of its last line,
# or {"error"}. torch cases start from torch.manual_seed(0).
import json
import warnings

import numpy
import numpy as np

ONCE_PER_PROCESS = ("torch.cholesky is deprecated", "torch.triangular_solve is deprecated")
LIBRARY = json.loads(LIBRARY_JSON)
PRELUDE = json.loads(PRELUDE_JSON)
CASES = json.loads(CASES_JSON)
if LIBRARY == "torch":
    import torch
results = []
for case in CASES:
    *setup, last = case["code"].split("\n")
    g = {"np": np, "numpy": numpy}
    if LIBRARY == "torch":
        g["torch"] = torch
        torch.manual_seed(0)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            exec(PRELUDE, g)
            if setup:
                exec("\n".join(setup), g)
            v = eval(last, g)
        r = {"repr": repr(v)}
        # PyTorch gives these deprecation warnings once per process, so the fixture leaves them out.
        messages = [str(w.message) for w in caught if not str(w.message).startswith(ONCE_PER_PROCESS)]
        if messages:
            r["warnings"] = messages
        results.append(r)
    except Exception as e:
        results.append({"error": "%s: %s" % (type(e).__name__, e)})
print(json.dumps(results))
