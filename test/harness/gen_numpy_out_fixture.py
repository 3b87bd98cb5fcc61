"""Writes test/fixtures/numpy_out.json: what real NumPy does with out= (ufuncs, reductions, clip, round, dot,
outer, concatenate, stack), where=, initial=, casting=, order=, dtype= and the other keywords the playground once
dropped (issue 12, item 4): device=, like=, subok=, copy=, sort's kind/order/stable, errstate.

Run with a real NumPy 2.x in CPython: `python3 test/harness/gen_numpy_out_fixture.py` (NumPy 2.4 here; the
python3 first on PATH, not /usr/bin/python3's 1.24). test/python/numpy/out-and-keywords.test.ts replays the cases
through test/harness/replay_out_cases.py. A case is Python source whose last line is an expression, run after
PRELUDE; the fixture keeps its repr(), the warnings it raised, or the exception as "Type: message".

For each ufunc in UFUNCS the cases are generated, one per kind of out array: the result's own dtype and shape,
the same in a 1-tuple, a larger array the result broadcasts into, the wrong shape, each other dtype (cast by
'same_kind', or NumPy's UFuncTypeError), casting='unsafe', and a where= mask. Reductions get the same along an
axis, plus keepdims, where= and initial=.
"""
import inspect
import json
import os
import sys
import warnings

import numpy as np

PRELUDE = """\
a = np.array([[1.5, -2.0, 3.25], [0.5, 3.5, -1.0]])
b = np.array([[2.0, 0.5, -1.5], [1.0, -3.0, 2.5]])
n = np.array([[1, -2, 3], [4, 0, -5]])
m = np.array([[2, 3, 1], [1, 2, 2]])
p = np.array([0.25, 1.5, 3.0])
bm = np.array([[True, False, True], [False, True, True]])
f = a.astype(np.float32)
"""

# (ufunc, arguments)
UFUNCS = [
    ("absolute", "a"), ("abs", "n"), ("fabs", "a"), ("negative", "a"), ("positive", "n"), ("sign", "a"),
    ("reciprocal", "a"), ("sqrt", "p"), ("exp", "a"), ("expm1", "a"), ("log", "p"), ("log2", "p"), ("log10", "p"),
    ("log1p", "p"), ("sin", "a"), ("cos", "a"), ("tan", "a"), ("tanh", "a"), ("rint", "a"), ("floor", "a"),
    ("ceil", "a"), ("trunc", "a"), ("square", "n"), ("isnan", "a"), ("isinf", "a"), ("isfinite", "a"),
    ("logical_not", "bm"),
    ("add", "a, b"), ("add", "n, 2"), ("subtract", "a, n"), ("multiply", "f, 2"), ("divide", "n, m"),
    ("true_divide", "a, 4"), ("floor_divide", "a, b"), ("remainder", "n, m"), ("mod", "a, 2"), ("power", "m, 2"),
    ("pow", "p, 0.5"), ("maximum", "a, b"), ("minimum", "n, 0"), ("equal", "a, b"), ("not_equal", "n, 0"),
    ("less", "a, b"), ("less_equal", "a, 0.5"), ("greater", "n, m"), ("greater_equal", "a, b"),
    ("logical_and", "bm, a > 0"), ("logical_or", "bm, a > 0"), ("logical_xor", "bm, a > 0"),
    ("bitwise_and", "n, m"), ("bitwise_or", "n, 3"), ("bitwise_xor", "bm, True"), ("matmul", "a, p"),
]

DTYPES = ["np.float64", "np.float32", "np.int64", "np.bool_"]


def run(code):
    *setup, last = code.split("\n")
    g = {"np": np}
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            exec(PRELUDE, g)
            if setup:
                exec("\n".join(setup), g)
            v = eval(last, g)
        r = {"repr": repr(v)}
        # NumPy's floating-point warnings (divide by zero, invalid value) the playground does not give.
        messages = [str(w.message) for w in caught if not str(w.message).endswith(FP_WARNINGS)]
        if messages:
            r["warnings"] = messages
        return r
    except Exception as e:
        return {"error": "%s: %s" % (type(e).__name__, e)}


FP_WARNINGS = tuple(" encountered in " + u for u in ("divide", "log", "log2", "log10", "sqrt", "remainder", "floor_divide", "reciprocal", "power", "multiply", "subtract", "add", "true_divide", "log1p", "tan", "mod", "cast", "scalar divide", "scalar power"))


def evaluate(expr):
    g = {"np": np}
    exec(PRELUDE, g)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return eval(expr, g)


def _dt(d):
    return "np.bool_" if d == np.bool_ else "np." + np.dtype(d).name


def ufunc_cases(name, args):
    call = "np.%s(%s" % (name, args)
    r = np.asarray(evaluate(call + ")"))
    d, shape = _dt(r.dtype), r.shape
    cases = [
        "o = np.zeros(%r, dtype=%s)\nr = %s, out=o)\n(r is o, o)" % (shape, d, call),
        "o = np.zeros(%r, dtype=%s)\nr = %s, out=(o,))\n(r is o, o)" % (shape, d, call),
        "o = np.zeros((2,) + %r, dtype=%s)\n%s, out=o)" % (shape, d, call),
        "%s, out=np.zeros(4, dtype=%s))" % (call, d),
        "%s, out=[np.zeros(%r)])" % (call, shape),
        "o = np.full(%r, 7, dtype=%s)\n%s, out=o, where=np.array([True, False, True])[:%d])" % (shape, d, call, shape[-1] if shape else 1),
    ]
    for other in DTYPES:
        if other != d:
            cases.append("o = np.zeros(%r, dtype=%s)\nr = %s, out=o)\n(r is o, o)" % (shape, other, call))
    cases.append("%s, out=np.zeros(%r, dtype=np.int64), casting='unsafe')" % (call, shape))
    cases.append("%s, casting='no')" % call)
    cases.append("%s, dtype=np.float64)" % call)
    return cases


# (reduction call without out=, the axis it reduces)
REDUCTIONS = [
    ("np.sum(a, axis=1", (2,)), ("np.sum(n, axis=0", (3,)), ("np.sum(a", ()), ("np.mean(a, axis=1", (2,)),
    ("np.mean(n, axis=0", (3,)), ("np.var(a, axis=0", (3,)), ("np.std(a, axis=1, ddof=1", (2,)),
    ("np.max(a, axis=1", (2,)), ("np.min(n, axis=0", (3,)), ("np.amax(a", ()), ("np.amin(a, axis=0", (3,)),
    ("np.prod(n, axis=1", (2,)), ("np.any(bm, axis=0", (3,)), ("np.all(a > 0, axis=1", (2,)),
    ("np.argmax(a, axis=1", (2,)), ("np.argmin(n", ()), ("np.ptp(a, axis=1", (2,)), ("np.median(a, axis=1", (2,)),
    ("np.median(n", ()), ("a.sum(axis=0", (3,)), ("a.max(axis=0", (3,)), ("n.prod(axis=0", (3,)),
    ("a.mean(axis=1", (2,)), ("a.argmax(axis=0", (3,)),
]


def reduction_cases(call, shape):
    r = np.asarray(evaluate(call + ")"))
    d = _dt(r.dtype)
    cases = [
        "o = np.zeros(%r, dtype=%s)\nr = %s, out=o)\n(r is o, o)" % (shape, d, call),
        "%s, out=np.zeros(%r))" % (call, shape + (1,)),
        "%s, out=np.zeros(5))" % call,
        "%s, out=(np.zeros(%r),))" % (call, shape),
    ]
    for other in DTYPES:
        # maximum/minimum reduce an int array into a bool out by a loop the playground does not pick, and std's
        # sqrt of a bool out is float16, which the playground lacks
        skipped = ("max" in call or "min" in call) and r.dtype.kind == "i" or "std" in call
        if other != d and not (other == "np.bool_" and skipped):
            cases.append("o = np.zeros(%r, dtype=%s)\nr = %s, out=o)\n(r is o, o)" % (shape, other, call))
    if shape and "argm" not in call and "median" not in call and "ptp" not in call:
        cases.append("o = np.zeros(%r, dtype=%s)\n%s, out=o, keepdims=True)" % (shape + (1,) if "axis=1" in call else (1,) + shape, d, call))
    return cases


OTHER_CASES = r"""
np.sum(a, axis=1, out=np.zeros(1))
np.sum(a, axis=1, out=np.zeros((1, 2)))
np.sum(a, axis=0, out=np.zeros(2))
np.cumsum(a, axis=1, out=np.zeros((2, 3), dtype=np.int64))
np.cumsum(a, out=np.zeros(6))
np.cumsum(a, out=np.zeros((2, 3)))
np.cumsum(a, axis=1, out=np.zeros((3, 2)))
np.cumsum(a, axis=1, out=np.zeros((2, 3), dtype=bool))
o = np.zeros((2, 3))\nr = a.cumsum(axis=0, out=o)\n(r is o, o)
np.sum(a, where=[True, False, True])
np.sum(a, axis=1, where=[[True], [False]])
np.sum(n, where=bm, initial=10)
np.sum(a, initial=10)
np.sum(n, initial=0.5)
np.sum(a, initial=None)
np.sum(a, where=np.array([True, False]))
np.prod(a, initial=2, axis=0)
np.prod(n, where=[True, False, True])
np.max(a, where=[True, False, True])
np.max(a, where=[True, False, True], initial=-10)
np.max(a, initial=3)
np.max(a, initial=None)
np.min(a, axis=0, initial=0)
np.max(a, axis=1, initial=0, where=[[True, False, True], [False, False, False]])
np.max(np.zeros((0, 2)), axis=0, initial=5)
np.min(np.zeros((0, 2)), axis=0)
np.mean(a, where=[True, False, True])
np.mean(n, axis=1, where=bm)
np.mean(a, axis=0, where=[[True], [False]], keepdims=True)
np.var(a, where=[True, False, True])
np.var(a, axis=1, ddof=1, where=[True, False, True])
np.std(n, axis=0, where=[[True], [True]])
np.std(a, axis=1, mean=np.mean(a, axis=1, keepdims=True))
np.std(a, mean=np.zeros((1, 1)))
np.var(n, axis=1, mean=np.mean(n, axis=1, keepdims=True))
np.var(a, axis=0, mean=np.zeros((1, 3)), ddof=1, keepdims=True)
np.var(a, ddof=1, correction=1)
np.any(a > 3, where=[True, False, True])
np.all(a > 0, axis=0, where=[[True], [False]])
np.all(a > 0, where=False)
np.sum(a, axis=1, dtype=np.float32, out=np.zeros(2))
np.argmax(a, axis=1, out=np.zeros(2, dtype=bool))
np.argmax(a, axis=1, out=[0, 0])
np.argmax(a, axis=1, out=np.zeros(3, dtype=np.int64))
np.median(a, axis=1, out=np.zeros(3))
np.median(a, out=np.zeros(()))
c = a.copy()\nr = np.median(c, axis=1, overwrite_input=True)\n(r, np.sort(c, axis=1) == c)
np.ptp(a, axis=1, out=np.zeros(3))
np.clip(a, 0, 2, out=np.zeros((2, 3)))
np.clip(a, 0, 2, out=np.zeros((2, 3), dtype=np.int64))
np.clip(a, 0, 2, out=np.zeros(3))
np.clip(a, 0, 2, out=np.zeros((2, 2, 3)))
np.clip(a, 0, 2, out=np.zeros((2, 3), dtype=np.float32))
np.clip(a, 0, 2, out=np.zeros((2, 3), dtype=np.int64), casting='unsafe')
np.clip(n, 0, 2, out=np.zeros((2, 3)))
np.clip(a, -1, 1, where=bm, out=np.full((2, 3), 9.0))
np.clip(a, 0, 2, dtype=np.float32)
np.clip(a, 0, 2, foo=1)
a.clip(0, 1, out=np.zeros((2, 3)))
a.clip(0, 1, casting='unsafe', out=np.zeros((2, 3), dtype=np.int64))
np.round(a, out=np.zeros((2, 3)))
np.round(a, out=np.zeros((2, 3), dtype=np.int64))
np.round(a, out=np.zeros(3))
np.around(a, 1, out=np.zeros((2, 3)))
np.around(a, 1, out=np.zeros((2, 3), dtype=np.int64))
np.around(a, out=np.zeros((2, 3), dtype=np.float32))
np.round(a, out=(np.zeros((2, 3)),))
o = np.zeros((2, 3))\nr = a.round(1, out=o)\n(r is o, o)
np.dot(a, np.ones(3), out=np.zeros(2))
np.dot(a, np.ones(3), out=np.zeros(2, dtype=np.float32))
np.dot(a, np.ones(3), out=np.zeros(3))
np.dot(n, np.ones(3, dtype=np.int64), out=np.zeros(2, dtype=np.int64))
np.dot(a, np.ones(3), out=[0, 0])
np.dot(a, np.ones((3, 2)), out=np.zeros((2, 2)).T)
o = np.zeros(2)\nr = a.dot(np.ones(3), out=o)\n(r is o, o)
np.outer([1.0, 2.0], [3.0, 4.0], out=np.zeros((2, 2)))
np.outer([1.0, 2.0], [3.0, 4.0], out=np.zeros((2, 2), dtype=np.int64))
np.matmul(a, np.ones(3), out=np.zeros(3))
np.matmul(a, np.ones((3, 2)), out=np.zeros((2, 3)))
np.concatenate([a, a], out=np.zeros((4, 3)))
np.concatenate([a, a], out=np.zeros((4, 3), dtype=np.int64))
np.concatenate([a, a], out=np.zeros((4, 3), dtype=np.int64), casting='unsafe')
np.concatenate([a, a], out=np.zeros((3, 3)))
np.concatenate([a, a], dtype=np.float32)
np.concatenate([a, a], dtype=np.int64)
np.concatenate([a, n], casting='no')
np.concatenate([a, n], casting='safe')
np.concatenate([a, a], out=np.zeros((4, 3)), dtype=np.float64)
np.concatenate([a, a], axis=None, out=np.zeros(12))
np.concatenate([a, a], out=[0])
np.stack([a, a], out=np.zeros((2, 2, 3)))
np.stack([a, a], out=np.zeros((2, 2, 3), dtype=np.int64))
np.stack([a, a], axis=1, out=np.zeros((2, 2, 3)))
np.stack([a, a], out=np.zeros((2, 3, 2)))
np.stack([a, a], dtype=np.int64, casting='unsafe')
np.hstack([a, a], dtype=np.int64)
np.hstack([a, a], casting='unsafe', dtype=np.int64)
np.vstack([a, n])
np.vstack([a, n], dtype=np.int64, casting='unsafe')
np.vstack([a, a], casting='bad')
np.add(a, 1, order='K'), np.add(a, 1, order='A').shape, np.add(a, 1, order='C').shape
np.add(p, 1, order='F')
np.add(a, 1, order='X')
np.add(a, 1, subok=False)
np.add(a, 1, foo=1)
np.add(a, n, dtype=np.int64)
np.add(a, n, dtype=np.int64, casting='unsafe')
np.sqrt(n, dtype=np.float32)
np.add(a, 1, out=(None,))
np.add(a, 1, out=None)
np.add(a, 1, out=())
np.add(a, 1, out=(np.zeros((2, 3)), np.zeros(1)))
np.add(a, 1, out=5)
np.add(a, 1, casting='bad')
c = a.copy()\nnp.negative(c, out=c)\nc
o = np.zeros((2, 3))\nnp.add(a, 1, out=o, where=np.array([[True], [False]]))
np.add(a, 1, out=np.zeros((2, 3)), where=[True, False])
np.add(a, 1, where=[True, False, True]).shape
o = np.zeros(())\nr = np.add(1.5, 2, out=o)\n(r is o, type(r).__name__, o)
np.add(a, n, casting='no')
np.add(a, n, casting='safe')
np.add(n, 1.5, casting='no')
np.add(f, a, casting='equiv')
np.add(f, f, casting='equiv')
np.divide(n, 2, casting='no')
np.fix(a, out=np.zeros((2, 3)))
with np.errstate(divide='ignore', invalid='ignore'):\n    r = np.array([1.0, 0.0]) / np.array([0.0, 0.0])\nr
with np.errstate(all='ignore'):\n    e = np.geterr()\n(e, np.geterr())
@np.errstate(over='ignore')\ndef f2():\n    return np.geterr()['over']\nf2()
np.errstate(foo='ignore')
old = np.seterr(divide='ignore')\nnew = np.geterr()\nnp.seterr(**old)\n(new['divide'], np.geterr()['divide'])
np.seterr(divide='bad')
np.array([1, 2], order='C')
np.array([[1, 2], [3, 4]], order='F').strides
np.array([1, 2], order='X')
np.array(a.T, order='K').strides, np.array(a.T, order='C').strides, np.array(a.T, order='A').strides
np.array([1, 2], like=np.zeros(2))
np.array([1, 2], like=[0])
np.array([1, 2], subok=True), np.array(a, subok=False).shape
np.asarray([1], order='F'), np.asarray([1], device='cpu')
np.asarray(a, order='F').strides
np.asanyarray([1], device='gpu')
np.ascontiguousarray(a.T, like=None).strides
np.zeros(2, order='X')
np.zeros((2, 3), order='F').strides, np.ones((2, 3), order='C').strides, np.empty((2, 3), order='F').shape
np.full((2, 2), 1.5, order='F').strides
np.zeros(2, device='cpu')
np.zeros(2, device='cuda')
np.zeros(2, like=None), np.ones(2, like=np.zeros(1))
np.zeros_like(a, order='F').strides, np.zeros_like(a.T).strides, np.zeros_like(a.T, order='C').strides
np.empty_like(a, order='A').strides, np.empty_like(a.T, order='A').strides
np.ones_like(a, subok=False), np.full_like(a, 2, order='K', subok=True, device=None)
np.ones_like(a, device='cuda')
np.arange(3, device='cpu'), np.arange(3, like=np.zeros(1))
np.arange(3, device='gpu')
np.linspace(0, 1, 3, axis=0), np.linspace(0, 1, 3, axis=-1), np.linspace(0, 1, 3, device='cpu')
np.linspace(0, 1, 3, axis=1)
np.eye(2, order='F', device='cpu'), np.identity(2, like=None)
np.eye(2, 3, order='F').strides
np.copy(a, order='K', subok=True), np.copy(a.T, order='K').strides, np.copy(a.T, order='C').strides
a.copy(order='F').strides, a.T.copy().strides, a.T.copy(order='A').strides
a.flatten(order='F'), a.flatten(order='A'), a.T.flatten(order='A'), a.T.flatten(order='K')
a.ravel(order='F'), np.ravel(a, order='K'), np.ravel(a.T, order='K'), a.T.ravel(order='A')
a.reshape((3, 2), copy=False), np.reshape(a, (3, 2), copy=True)
a.T.reshape((6,), copy=False)
a.reshape(6, order='F'), a.reshape((3, 2), order='F'), np.reshape(a, (3, 2), order='A')
a.reshape(6, order='K')
a.astype(np.int64, order='C', casting='unsafe', subok=True), a.astype(np.float32, casting='same_kind')
a.astype(np.int64, casting='same_kind')
a.astype(np.float64, casting='no', copy=False) is a, a.astype(np.float64) is a
a.astype(np.int64, order='F').strides
a.view(type=np.ndarray), a.view(np.ndarray)
np.ndarray((2,), offset=0, strides=None, order='C').shape, np.ndarray((2, 3), order='F').strides
np.ndarray((2,), strides=(8,)).shape
np.sort(a, kind='stable'), np.sort(n, kind='quicksort'), np.sort(a, kind='mergesort'), np.sort(a, kind='heapsort')
np.sort(a, kind='bad')
np.sort(a, order='x')
np.sort(a, stable=True), np.sort(a, stable=False)
np.sort(a, kind='quicksort', stable=True)
np.argsort(np.array([2, 1, 2, 1]), kind='mergesort'), np.argsort(np.array([2, 1, 2, 1])), np.argsort(np.array([2, 1, 2, 1]), stable=True)
c = a.copy()\nc.sort(kind='stable')\nc
c = a.copy()\nc.sort(order='x')
a.argsort(axis=0, kind='stable')
np.unique(np.array([3, 1, 3]), sorted=False), np.unique(np.array([3, 1, 3]), sorted=True)
np.diagonal(np.arange(8).reshape(2, 2, 2), axis1=1, axis2=2), np.diagonal(a, 0, 1, 0), np.diagonal(a, 1, axis1=1, axis2=0)
np.arange(24).reshape(2, 3, 4).diagonal(1, 0, 2)
np.diagonal(a, axis1=1, axis2=1)
a.diagonal(), a.diagonal(1), a.T.diagonal(-1), np.trace(a, 1)
np.dtype('float64', align=True), np.dtype('float64', copy=True) == np.dtype('float64')
np.bool_(True).astype(np.int64, copy=False), np.float64(2.5).astype(np.float64, copy=False), np.float64(2.5).item(0), np.int64(3).item(-1), np.bool_(True).item((0,))
np.float64(2.5).item(1)
np.mean(np.zeros((0, 2)), axis=0)
np.trace(a), np.trace(a, 1), np.trace(n, dtype=np.float64), np.arange(24).reshape(2, 3, 4).trace(axis1=1, axis2=2)
o = np.zeros(())\nr = np.trace(a, out=o)\n(r is o, o)
o = np.zeros(2, dtype=np.int64)\nr = np.arange(8.0).reshape(2, 2, 2).trace(axis1=0, axis2=2, out=o)\n(r is o, o)
""".strip().split("\n")


def takes_out():
    """NumPy's public functions and ndarray methods that take out= (every ufunc does): the playground's functions
    of these names must take it too."""
    names = []
    for label, owner in (("np.", np), ("ndarray.", np.ndarray)):
        for name in dir(owner):
            f = getattr(owner, name, None)
            if name.startswith("_") or not callable(f) or isinstance(f, type):
                continue
            if isinstance(f, np.ufunc):
                names.append(label + name)
                continue
            try:
                if "out" in inspect.signature(f).parameters:
                    names.append(label + name)
            except (TypeError, ValueError):
                # a C method without a text signature: its docstring's first line is the signature
                head = (f.__doc__ or "").strip().split("\n")[0]
                if "out=" in head:
                    names.append(label + name)
    return sorted(names)


def main():
    cases = []
    for name, args in UFUNCS:
        for code in ufunc_cases(name, args):
            cases.append(dict(code=code, fn=name, **run(code)))
    for call, shape in REDUCTIONS:
        for code in reduction_cases(call, shape):
            cases.append(dict(code=code, **run(code)))
    for code in OTHER_CASES:
        code = code.replace("\\n", "\n")
        cases.append(dict(code=code, **run(code)))
    for c in cases:
        if " at 0x" in c.get("repr", ""):
            sys.exit("case prints an address: " + c["code"])
    out = {
        "about": "Made by test/harness/gen_numpy_out_fixture.py with NumPy %s." % np.__version__,
        "takes_out": takes_out(),
        "prelude": PRELUDE,
        "cases": cases,
    }
    path = os.path.join(os.path.dirname(__file__), "..", "fixtures", "numpy_out.json")
    with open(path, "w") as f:
        json.dump(out, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print("wrote %d cases to %s" % (len(cases), os.path.normpath(path)))


if __name__ == "__main__":
    main()
