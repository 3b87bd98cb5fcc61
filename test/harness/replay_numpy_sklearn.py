# Replays numpy.random / scikit-learn reference cases in the playground runtime; prints one JSON result per case:
# {"out": value} / {"outs": [values]} / {"repr": text} / {"error": "Type: message"}, arrays as {shape, dtype, data}.
import json

import numpy as np
from sklearn.datasets import make_blobs, make_circles, make_classification, make_moons, make_regression
from sklearn.model_selection import train_test_split
from sklearn.utils import check_random_state, resample, shuffle

CASES = json.loads(CASES_JSON)
NAMES = {
    "np": np,
    "make_regression": make_regression,
    "make_classification": make_classification,
    "make_blobs": make_blobs,
    "make_moons": make_moons,
    "make_circles": make_circles,
    "train_test_split": train_test_split,
    "shuffle": shuffle,
    "resample": resample,
    "check_random_state": check_random_state,
}


def flatten(v):
    if isinstance(v, list):
        out = []
        for x in v:
            out.extend(flatten(x))
        return out
    return [v]


def number(x):
    if isinstance(x, bool):
        return int(x)
    if isinstance(x, float) and x != x:
        return "nan"
    if isinstance(x, float) and x in (float("inf"), float("-inf")):
        return "inf" if x > 0 else "-inf"
    return x


def enc(v):
    if isinstance(v, np.ndarray):
        return {"shape": list(v.shape), "dtype": str(v.dtype), "data": [number(x) for x in flatten(v.tolist())]}
    if isinstance(v, bytes):
        return {"shape": [len(v)], "dtype": "uint8", "data": list(v)}
    if isinstance(v, dict):
        return {k: enc(v[k]) for k in ("X", "y", "feature_info")}
    if isinstance(v, (list, tuple)):
        return [enc(x) for x in v]
    if isinstance(v, float):
        return number(v)
    return v


def run_code(code, env):
    statements = code.split("; ")
    for s in statements[:-1]:
        exec(s, env)
    return eval(statements[-1], env)


results = []
for case in CASES:
    env = dict(NAMES)
    try:
        if "make_regression" in case:
            results.append({"out": enc(make_regression(**case["make_regression"]))})
        elif "call" in case:
            if "global_seed" in case:
                np.random.seed(case["global_seed"])
            results.append({"out": enc(run_code(case["call"], env))})
        elif "sequence" in case:
            env["rs"] = np.random.RandomState(case["seed"])
            results.append({"outs": [enc(run_code(c, env)) for c in case["sequence"]]})
        elif "seed" in case:
            env["rs"] = np.random.RandomState(case["seed"])
            results.append({"out": enc(run_code(case["code"], env))})
        else:
            results.append({"repr": repr(run_code(case["code"], env))})
    except Exception as e:
        results.append({"error": "%s: %s" % (type(e).__name__, e)})
print(json.dumps(results))
