"""Writes test/fixtures/numpy-format.json: NumPy 2.x's own output for the TypeScript-level tests of
src/engine/numpy/format.ts (array and scalar printing) and src/engine/numpy/ops.ts (sums, means, variances in
NumPy's rounding order; arange, linspace, floor_divide and remainder).

Run with a real NumPy (>= 2.3) in CPython: `python3 test/harness/gen_numpy_format_fixture.py`. Seeds are fixed,
so rerunning it changes nothing unless NumPy's output does.
"""
import json
import os
import random
import struct
import sys
import warnings

import numpy as np

DEFAULTS = dict(precision=8, threshold=1000, edgeitems=3, linewidth=75, suppress=False, nanstr="nan", infstr="inf",
                sign="-", floatmode="maxprec")


def enc(x):
    """A float as JSON: numbers, or 'nan', 'inf', '-inf', '-0.0' (which JSON numbers cannot carry)."""
    x = float(x)
    if x != x:
        return "nan"
    if x in (float("inf"), float("-inf")):
        return "inf" if x > 0 else "-inf"
    if x == 0 and struct.pack(">d", x)[0] & 0x80:
        return "-0.0"
    return x


def formula(n, dtype):
    """Deterministic test data the TypeScript side recomputes: v = ((i * 7919) % 1009 - 504) / 7 as float64 or
    float32, v > 0 as bool, trunc(v * 7) as int64."""
    v = np.array([((i * 7919) % 1009 - 504) / 7.0 for i in range(n)])
    if dtype == "bool":
        return v > 0
    if dtype == "int64":
        return (v * 7).astype(np.int64)
    return v.astype(dtype)


def values(rng, size, dtype):
    kind = rng.choice(["normal", "ints", "mixed", "tiny", "huge", "special", "round", "ratio", "edge"])
    g = np.random.default_rng(rng.randrange(1 << 30))
    if kind == "normal":
        v = g.standard_normal(size) * 10.0 ** rng.randint(-6, 9)
    elif kind == "ints":
        v = g.integers(-1000, 1000, size).astype(float) * rng.choice([1, 1000, 0.5, 0.25])
    elif kind == "mixed":
        v = g.standard_normal(size) * 10.0 ** g.integers(-8, 10, size)
    elif kind == "tiny":
        v = g.standard_normal(size) * 1e-30
    elif kind == "huge":
        v = g.standard_normal(size) * 1e30
    elif kind == "special":
        v = g.standard_normal(size)
        for i in range(size):
            r = rng.random()
            v[i] = np.nan if r < 0.15 else np.inf if r < 0.25 else -np.inf if r < 0.35 else -0.0 if r < 0.45 else v[i]
    elif kind == "round":
        v = np.round(g.standard_normal(size) * 100, rng.randint(0, 4))
    elif kind == "ratio":
        v = g.uniform(1, 1000.5, size) * rng.choice([1e-4, 1, 1e5])
    else:
        v = g.choice([1e-4, 9.9999e-5, 1e6, 999999.94, 1e8, 99999999.0, 0.1, 1 / 3], size) * rng.choice([1, -1])
    if dtype == "int64":
        return np.nan_to_num(v, nan=0, posinf=5, neginf=-5).clip(-1e15, 1e15).astype(np.int64)
    if dtype == "bool":
        return g.random(size) < 0.5
    return v.astype(dtype)


OPTION_SETS = [{}] * 8 + [
    {"precision": 3}, {"precision": 3, "suppress": True}, {"linewidth": 100}, {"floatmode": "fixed"},
    {"floatmode": "unique"}, {"floatmode": "maxprec_equal"}, {"sign": "+"}, {"sign": " "},
    {"threshold": 10, "edgeitems": 2}, {"precision": 0}, {"edgeitems": 0, "threshold": 3}, {"linewidth": 20},
    {"nanstr": "NaN", "infstr": "Inf"},
]


def format_cases(rng, n):
    out = []
    for _ in range(n):
        dtype = rng.choice(["float32", "float64", "float32", "float64", "int64", "bool"])
        nd = rng.choice([0, 1, 1, 1, 2, 2, 3])
        shape = tuple(rng.choice([1, 2, 3, 4, 5, 7, 10]) for _ in range(nd))
        if nd == 2 and rng.random() < 0.05:
            shape = (0, 3)
        a = values(rng, int(np.prod(shape)), dtype).reshape(shape)
        opts = rng.choice(OPTION_SETS)
        np.set_printoptions(**DEFAULTS)
        np.set_printoptions(**opts)
        r, s = repr(a), str(a)
        np.set_printoptions(**DEFAULTS)
        flat = a.ravel().tolist()
        if dtype.startswith("float"):
            flat = [enc(x) for x in flat]
        out.append({"shape": list(shape), "dtype": dtype, "values": flat, "opts": opts, "repr": r, "str": s})
    # Summarised arrays, from formula data the test recomputes.
    for shape, dtype in [((1001,), "float64"), ((2000,), "float32"), ((40, 30), "float64"), ((3, 400), "int64"),
                         ((10, 10, 11), "float32"), ((1500,), "bool")]:
        a = formula(int(np.prod(shape)), dtype).reshape(shape)
        out.append({"shape": list(shape), "dtype": dtype, "formula": True, "opts": {}, "repr": repr(a), "str": str(a)})
    return out


def scalar_cases(rng, n):
    out = []
    for _ in range(n):
        if rng.random() < 0.5:
            x = np.array([rng.getrandbits(32)], dtype=np.uint32).view(np.float32)[0]
            dtype = "float32"
        else:
            x = np.array([rng.getrandbits(64)], dtype=np.uint64).view(np.float64)[0]
            dtype = "float64"
        if not np.isfinite(x):
            continue
        out.append({"dtype": dtype, "value": enc(x), "repr": repr(x), "str": str(x)})
    edges = [0.0, -0.0, 1.0, 0.1, 1 / 3, 1e-4, 9.9999e-5, 1e6, 999999.0, 1e16, 1e-5, 123456.0, 16777216.0,
             float("nan"), float("inf"), float("-inf"), 2.0 ** -149, 3.4028234663852886e38, 5e-324, 1.7976931348623157e308]
    for v in edges:
        for dtype in ("float32", "float64"):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                x = np.dtype(dtype).type(v)
            out.append({"dtype": dtype, "value": enc(x), "repr": repr(x), "str": str(x)})
    for v in (0, 1, -7, 2**53, -(2**62)):
        x = np.int64(v)
        out.append({"dtype": "int64", "value": float(v), "repr": repr(x), "str": str(x)})
    for v in (True, False):
        x = np.bool_(v)
        out.append({"dtype": "bool", "value": 1.0 if v else 0.0, "repr": repr(x), "str": str(x)})
    return out


def reduction_cases(rng, n):
    out = []
    for _ in range(n):
        nd = rng.randint(1, 3)
        shape = [rng.choice([1, 2, 3, 5, 8, 9, 17, 40, 130, 300, 1000, 9000]) for _ in range(nd)]
        while np.prod(shape) > 20000:
            shape = [max(1, s // 2) for s in shape]
        dtype = rng.choice(["float32", "float64", "float64", "int64", "bool"])
        base = formula(int(np.prod(shape)), dtype).reshape(shape)
        view = rng.choice(["c", "c", "T", "slice", "perm", "slice0", "rev"])
        a = base
        if view == "T":
            a = a.T
        elif view == "slice":
            a = a[..., ::2]
        elif view == "slice0":
            a = a[::2]
        elif view == "rev" and int(np.prod(shape)) <= 8192:
            a = a[::-1]
        elif view == "perm" and nd == 3:
            a = a.transpose(1, 0, 2)
        k = rng.randint(0, a.ndim)
        axes = sorted(rng.sample(range(a.ndim), k)) if k and rng.random() < 0.7 else None
        op = rng.choice(["sum", "mean", "var", "std", "sum64"])
        kwargs = {}
        if op == "sum64":
            if dtype != "float32":
                op = "sum"
            else:
                kwargs = {"dtype": np.float64}
        ddof = rng.choice([0, 0, 1]) if op in ("var", "std") else 0
        if ddof:
            kwargs["ddof"] = ddof
        fn = {"sum": np.sum, "sum64": np.sum, "mean": np.mean, "var": np.var, "std": np.std}[op]
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            r = np.asarray(fn(a, axis=None if axes is None else tuple(axes), **kwargs))
        item = a.itemsize
        offset = (a.__array_interface__["data"][0] - base.__array_interface__["data"][0]) // item
        out.append({
            "base_shape": shape, "dtype": dtype, "shape": list(a.shape), "strides": [s // item for s in a.strides],
            "offset": offset, "axes": axes, "op": op, "ddof": ddof, "out_dtype": str(r.dtype),
            "out": [enc(x) for x in r.ravel().astype(float).tolist()],
        })
    return out


def creation_cases():
    out = []
    for args, dtype in [((0, 5, 1), "int64"), ((0.1, 1.0, 0.1), "float64"), ((0, 1, 0.1), "float64"),
                        ((-1.5, 2.0, 0.3), "float64"), ((0.5, 3, 0.25), "float32"), ((10, 0, -3), "int64"),
                        ((0, 100, 0.7), "float32"), ((1e-3, 2.0, 1 / 3), "float64")]:
        a = np.arange(*args, dtype=dtype)
        out.append({"fn": "arange", "args": list(args), "dtype": dtype, "out": [enc(x) for x in a.astype(float)]})
    for args, dtype in [((0, 1, 5, True), "float64"), ((0, 1, 7, True), "float64"), ((-3, 3, 11, True), "float64"),
                        ((0, 10, 4, False), "float64"), ((0, 1, 6, True), "float32"), ((0, 10, 5, True), "int64"),
                        ((2.0, 3.0, 1, True), "float64"), ((0, 2 * np.pi, 9, True), "float64"), ((1e-300, 1e-300, 3, True), "float64")]:
        a = np.linspace(args[0], args[1], args[2], endpoint=args[3], dtype=dtype)
        out.append({"fn": "linspace", "args": list(args), "dtype": dtype, "out": [enc(x) for x in a.astype(float)]})
    pairs = [(7.5, 2.0), (-7.5, 2.0), (7.5, -2.0), (1.0, 0.1), (1.0, -1.0), (0.0, -2.0), (-0.0, 3.0), (5.0, 0.0),
             (float("inf"), 2.0), (2.0, float("inf")), (-2.0, float("inf")), (1e300, 1e-300), (0.3, 0.1)]
    for a, b in pairs:
        for dtype in ("float64", "float32"):
            x, y = np.array([a], dtype=dtype), np.array([b], dtype=dtype)
            with np.errstate(all="ignore"):
                out.append({"fn": "divmod", "args": [enc(x[0]), enc(y[0])], "dtype": dtype,
                            "out": [enc(np.floor_divide(x, y)[0]), enc(np.remainder(x, y)[0])]})
    for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2), (5, 0), (0, 3)]:
        with np.errstate(all="ignore"):
            x, y = np.array([a]), np.array([b])
            out.append({"fn": "divmod", "args": [a, b], "dtype": "int64",
                        "out": [int(np.floor_divide(x, y)[0]), int(np.remainder(x, y)[0])]})
    return out


def main():
    rng = random.Random(20261123)
    data = {
        "numpy": np.__version__,
        "format": format_cases(rng, 260),
        "scalars": scalar_cases(rng, 500),
        "reductions": reduction_cases(rng, 160),
        "creation": creation_cases(),
    }
    path = os.path.join(os.path.dirname(__file__), "..", "fixtures", "numpy-format.json")
    with open(path, "w") as f:
        json.dump(data, f, separators=(",", ":"))
        f.write("\n")
    print("wrote %s (NumPy %s)" % (os.path.normpath(path), np.__version__), file=sys.stderr)


if __name__ == "__main__":
    main()
