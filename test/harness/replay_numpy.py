# Replays NumPy cases (test/fixtures/numpy.json, made by gen_numpy_fixture.py with real NumPy, and the
# playground-specific cases in numpy.test.ts): each prints {"repr", "str"} of its last line, or {"error"}.
import json
import warnings

import numpy as np

DEFAULT_PRINT = dict(precision=8, threshold=1000, edgeitems=3, linewidth=75, suppress=False, nanstr="nan",
                     infstr="inf", sign="-", floatmode="maxprec")
CASES = json.loads(CASES_JSON)
results = []
for case in CASES:
    *setup, last = case["code"].replace("\\n", "\n").split("\n")
    g = {"np": np}
    np.set_printoptions(**DEFAULT_PRINT)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if setup:
                exec("\n".join(setup), g)
            v = eval(last, g)
        results.append({"repr": repr(v), "str": str(v)})
    except Exception as e:
        results.append({"error": "%s: %s" % (type(e).__name__, e)})
np.set_printoptions(**DEFAULT_PRINT)
print(json.dumps(results))
