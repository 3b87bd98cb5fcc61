"""numpy.random: NumPy's legacy RandomState API, draw for draw.

Tutorials seed NumPy and print or train on what it draws, so every number here is the one NumPy gives for the same
seed and calls: the generator (MT19937, Box-Muller with a cached normal, masked integer sampling, Fisher-Yates)
lives in src/engine/numpy/randomState.ts. This module adapts NumPy's calling conventions (size, broadcasting of array
parameters, scalar returns, dtypes, error messages) and wraps results as ndarrays.

Only the legacy API (`np.random.seed`, `np.random.rand`, ..., `RandomState`) is provided; the PCG64 `Generator`
behind `default_rng` produces different streams and is not reproduced.
"""

import math as _math
import operator as _operator

from pyodide.ffi import to_js as _to_js

from _playground import bridge as _playground_bridge
from _playground_host import binding as _E

import numpy as _np

__all__ = [
    "RandomState", "seed", "get_state", "set_state", "rand", "randn", "random", "random_sample", "ranf", "sample",
    "standard_normal", "normal", "uniform", "randint", "random_integers", "permutation", "shuffle", "choice",
    "bytes", "exponential", "standard_exponential", "default_rng",
]

# NumPy's RandomState distributions this playground does not reproduce: asking for one says so plainly instead
# of an AttributeError that reads like a typo.
_UNSUPPORTED = frozenset(
    """beta binomial chisquare dirichlet f gamma geometric gumbel hypergeometric laplace logistic lognormal
    logseries multinomial multivariate_normal negative_binomial noncentral_chisquare noncentral_f pareto poisson
    power rayleigh standard_cauchy standard_gamma standard_t triangular vonmises wald weibull zipf tomaxint""".split()
)


def _unsupported(name):
    return NotImplementedError(
        "numpy.random.%s is not supported by Autograd Playground; the supported legacy RandomState functions are "
        "seed, rand, randn, random, random_sample, standard_normal, normal, uniform, randint, permutation, shuffle, "
        "choice, exponential, standard_exponential, bytes, get_state and set_state" % name
    )


# Engine calls with numpy.random's wording of the engine's errors.
_call = _playground_bridge.calls("numpy.random")[1]


def _wrap(t):
    return _np._from_engine(t)


# ---- argument handling -------------------------------------------------------------------------------------


def _shape(size):
    """`size` as a shape tuple (None stays None): an int or a sequence of ints, never negative."""
    if size is None:
        return None
    try:
        shape = (_operator.index(size),)
    except TypeError:
        shape = tuple(_operator.index(s) for s in size)
    if any(d < 0 for d in shape):
        raise ValueError("negative dimensions are not allowed")
    return shape


def _nested(x):
    """(shape, flat list) of a nested list/tuple; the leaves are returned as they are."""
    if not isinstance(x, (list, tuple)):
        return (), [x]
    if len(x) == 0:
        return (0,), []
    parts = [_nested(v) for v in x]
    inner = parts[0][0]
    if any(p[0] != inner for p in parts):
        raise ValueError("setting an array element with a sequence. The requested array has an inhomogeneous shape")
    flat = []
    for p in parts:
        flat.extend(p[1])
    return (len(x),) + inner, flat


def _array_param(x):
    """(shape, flat values) of an array-like parameter, or None when NumPy treats it as a scalar (0-d)."""
    if isinstance(x, (list, tuple)):
        shape, flat = _nested(x)
    elif hasattr(x, "shape") and hasattr(x, "tolist"):
        shape = tuple(x.shape)
        if shape == ():
            return None
        shape, flat = _nested(x.tolist())
    else:
        return None
    return shape, flat


def _broadcast_shape(shapes):
    """np.broadcast's shape, with its error naming the argument that fixed a dimension and the one that disagrees."""
    ndim = max(len(s) for s in shapes)
    out = []
    for d in range(ndim):
        size = 1
        src = 0
        for j, s in enumerate(shapes):
            k = len(s) - ndim + d
            if k < 0 or s[k] == 1:
                continue
            if size == 1:
                size = s[k]
                src = j
            elif s[k] != size:
                raise ValueError(
                    "shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg %d "
                    "with shape %s and arg %d with shape %s." % (src, tuple(shapes[src]), j, tuple(s))
                )
        out.append(size)
    return tuple(out)


def _expand(shape, flat, out_shape):
    """Values of an array of `shape` broadcast to `out_shape`, flattened in C order."""
    if tuple(shape) == tuple(out_shape):
        return list(flat)
    ndim = len(out_shape)
    strides = []
    stride = 1
    for d in range(ndim - 1, -1, -1):
        k = len(shape) - ndim + d
        if k >= 0 and shape[k] != 1:
            strides.append(stride)
            stride *= shape[k]
        else:
            strides.append(0)
            if k >= 0:
                stride *= shape[k]
    strides.reverse()
    n = 1
    for d in out_shape:
        n *= d
    out = []
    for i in range(n):
        rem = i
        idx = 0
        for d in range(ndim - 1, -1, -1):
            rem, pos = divmod(rem, out_shape[d])
            idx += pos * strides[d]
        out.append(flat[idx])
    return out


def _params(values, size, convert):
    """NumPy's `cont`/`_rand_int` broadcasting: (output shape or None for a scalar result, engine arguments)."""
    arrays = [_array_param(v) for v in values]
    shape = _shape(size)
    if all(a is None for a in arrays):
        return shape, [convert(v) for v in values]
    shapes = [a[0] if a is not None else () for a in arrays]
    # With a size, NumPy broadcasts the output array first, then the parameters.
    out_shape = _broadcast_shape(([shape] if shape is not None else []) + shapes)
    if shape is not None and out_shape != shape:
        raise ValueError(
            "Output size %s is not compatible with broadcast dimensions of inputs %s." % (shape, _broadcast_shape(shapes))
        )
    args = []
    for v, a in zip(values, arrays):
        if a is None:
            args.append(convert(v))
        else:
            args.append(_to_js([convert(x) for x in _expand(a[0], a[1], out_shape)]))
    return out_shape, args


def _float(x):
    return float(x)


def _int(x):
    # NumPy converts bounds with int(), which truncates floats.
    return int(x)


_INT_KINDS = {
    "bool": "bool", "bool_": "bool", "?": "bool",
    "int8": "int8", "i1": "int8", "b": "int8", "byte": "int8",
    "int16": "int16", "i2": "int16", "h": "int16", "short": "int16",
    "int32": "int32", "i4": "int32", "i": "int32", "intc": "int32",
    "int64": "int64", "i8": "int64", "l": "int64", "q": "int64", "int": "int64", "int_": "int64", "intp": "int64",
    "long": "int64", "longlong": "int64", "p": "int64",
    "uint8": "uint8", "u1": "uint8", "B": "uint8", "ubyte": "uint8",
    "uint16": "uint16", "u2": "uint16", "H": "uint16", "ushort": "uint16",
    "uint32": "uint32", "u4": "uint32", "I": "uint32", "uintc": "uint32",
    "uint64": "uint64", "u8": "uint64", "L": "uint64", "Q": "uint64", "uint": "uint64", "uintp": "uint64",
    "ulong": "uint64", "ulonglong": "uint64", "P": "uint64",
}


def _int_kind(dtype):
    if dtype is int:
        return "int64"
    if dtype is bool:
        return "bool"
    name = getattr(dtype, "name", None)
    if not isinstance(name, str):
        name = getattr(dtype, "__name__", None)
    if not isinstance(name, str):
        name = str(dtype)
    name = name.lstrip("<>=|")
    kind = _INT_KINDS.get(name)
    if kind is None:
        try:
            shown = repr(_np.dtype(dtype))
        except Exception:
            shown = repr(dtype)
        raise TypeError("Unsupported dtype %s for randint" % shown)
    return kind


_INT_BOUNDS = {
    "bool": (0, 1), "int8": (-2**7, 2**7 - 1), "int16": (-2**15, 2**15 - 1), "int32": (-2**31, 2**31 - 1),
    "int64": (-2**63, 2**63 - 1), "uint8": (0, 2**8 - 1), "uint16": (0, 2**16 - 1), "uint32": (0, 2**32 - 1),
    "uint64": (0, 2**64 - 1),
}


def _check_dtype_available(dtype, kind, lo, hi):
    """Integer dtypes the playground's NumPy lacks raise its TypeError before anything is drawn, but after the
    bound checks NumPy makes first (so a script with bad bounds still reads NumPy's message)."""
    if kind in ("int64", "bool") or dtype is int:
        return
    if isinstance(lo, int) and isinstance(hi, int):
        low_bound, high_bound = _INT_BOUNDS[kind]
        if lo < low_bound:
            raise ValueError("low is out of bounds for %s" % kind)
        if hi - 1 > high_bound:
            raise ValueError("high is out of bounds for %s" % kind)
        if lo > hi - 1:
            raise ValueError("high <= 0" if lo == 0 else "low >= high")
    _np.dtype(dtype)


def _cast(arr, dtype, kind):
    """The engine draws int64 (or bool) arrays; another integer dtype is a cast of the same values."""
    if kind in ("int64", "bool") or dtype is int:
        return arr
    return arr.astype(dtype)


def _numpy_scalar(value, dtype, kind):
    """What `randint(..., size=None)` returns: a Python int/bool for dtype int/bool, a NumPy scalar otherwise."""
    if dtype is int or dtype is bool:
        return dtype(value)
    return _np.dtype(dtype).type(value)


def _is_integer(x):
    if isinstance(x, bool):
        return True
    if isinstance(x, int):
        return True
    integer = getattr(_np, "integer", None)
    return integer is not None and isinstance(integer, type) and isinstance(x, integer)


# ---- seeding -----------------------------------------------------------------------------------------------


def _seed_arg(seed):
    """`_legacy_seeding`'s checks: an integer in [0, 2**32), a non-empty 1-d sequence of them, or None."""
    if seed is None:
        return None
    if hasattr(seed, "squeeze") and hasattr(seed, "shape"):
        seed = seed.squeeze() if seed.shape != () else seed
    try:
        value = _operator.index(seed)
    except TypeError:
        pass
    else:
        if value < 0 or value > 2**32 - 1:
            raise ValueError("Seed must be between 0 and 2**32 - 1")
        return value
    if hasattr(seed, "shape") and hasattr(seed, "tolist"):
        if seed.shape == ():
            # A 0-d array NumPy's operator.index accepts: seed with its value like an int.
            value = seed.tolist()
            if isinstance(value, (bool, int)):
                return _seed_arg(int(value))
            shape, flat = (), [value]
        else:
            shape, flat = _nested(seed.tolist())
    else:
        shape, flat = _nested(seed)
    if len(flat) == 0:
        raise ValueError("Seed must be non-empty")
    for v in flat:
        if isinstance(v, (bool, int)):
            continue
        what = "dtype('float64')" if isinstance(v, float) else "dtype('<U%d')" % len(v) if isinstance(v, str) else repr(type(v).__name__)
        raise TypeError(
            "Cannot cast %s from %s to dtype('int64') according to the rule 'safe'"
            % ("scalar" if shape == () else "array data", what)
        )
    if len(shape) != 1:
        raise ValueError("Seed array must be 1-d")
    if any(v < 0 or v > 2**32 - 1 for v in flat):
        raise ValueError("Seed must be between 0 and 2**32 - 1")
    return _to_js([int(v) for v in flat])


# ---- RandomState -------------------------------------------------------------------------------------------


class RandomState:
    """numpy.random.RandomState: the legacy MT19937 generator with NumPy's exact streams."""

    def __init__(self, seed=None):
        self._rs = _call(_E.npr_new, _seed_arg(seed))

    def __repr__(self):
        return "RandomState(MT19937) at 0x%X" % id(self)

    __str__ = __repr__

    def __getattr__(self, name):
        if name in _UNSUPPORTED:
            raise _unsupported("RandomState." + name)
        raise AttributeError("'RandomState' object has no attribute %r" % name)

    def seed(self, seed=None):
        _call(_E.npr_seed, self._rs, _seed_arg(seed))

    def get_state(self, legacy=True):
        st = _call(_E.npr_get_state, self._rs).to_py()
        try:
            key = _np.array(st["key"], dtype="uint32")
        except Exception:
            # Without a uint32 dtype the key still round-trips through set_state as int64.
            key = _np.array(st["key"])
        if legacy:
            return ("MT19937", key, int(st["pos"]), int(st["has_gauss"]), float(st["gauss"]))
        return {
            "bit_generator": "MT19937",
            "state": {"key": key, "pos": int(st["pos"])},
            "has_gauss": int(st["has_gauss"]),
            "gauss": float(st["gauss"]),
        }

    def set_state(self, state):
        if isinstance(state, dict):
            if "bit_generator" not in state or "state" not in state:
                raise ValueError("state dictionary is not valid.")
            st = state
        else:
            if not isinstance(state, (tuple, list)):
                raise TypeError("state must be a dict or a tuple.")
            if state[0] != "MT19937":
                raise ValueError("set_state can only be used with legacy MT19937 state instances.")
            st = {"bit_generator": state[0], "state": {"key": state[1], "pos": state[2]}}
            if len(state) > 3:
                st["has_gauss"] = state[3]
                st["gauss"] = state[4]
        if st["bit_generator"] != "MT19937":
            raise ValueError("state must be for a MT19937 PRNG")
        key = st["state"]["key"]
        key = key.tolist() if hasattr(key, "tolist") else list(key)
        _call(
            _E.npr_set_state, self._rs, _to_js([int(k) for k in key]), int(st["state"]["pos"]),
            int(st.get("has_gauss", 0)), float(st.get("gauss", 0.0)),
        )

    # -- floats --

    def random_sample(self, size=None):
        shape = _shape(size)
        if shape is None:
            return float(_E.item(_call(_E.npr_random_sample, self._rs)))
        return _wrap(_call(_E.npr_random_sample, self._rs, *shape))

    random = random_sample

    def rand(self, *args):
        return self.random_sample(args if args else None)

    def standard_normal(self, size=None):
        shape = _shape(size)
        if shape is None:
            return float(_E.item(_call(_E.npr_standard_normal, self._rs)))
        return _wrap(_call(_E.npr_standard_normal, self._rs, *shape))

    def randn(self, *args):
        return self.standard_normal(args if args else None)

    def normal(self, loc=0.0, scale=1.0, size=None):
        shape, (loc, scale) = _params((loc, scale), size, _float)
        t = _call(_E.npr_normal, self._rs, loc, scale, *(shape or ()))
        return float(_E.item(t)) if shape is None else _wrap(t)

    def uniform(self, low=0.0, high=1.0, size=None):
        shape, (low, high) = _params((low, high), size, _float)
        t = _call(_E.npr_uniform, self._rs, low, high, *(shape or ()))
        return float(_E.item(t)) if shape is None else _wrap(t)

    def standard_exponential(self, size=None):
        shape = _shape(size)
        t = _call(_E.npr_standard_exponential, self._rs, *(shape or ()))
        return float(_E.item(t)) if shape is None else _wrap(t)

    def exponential(self, scale=1.0, size=None):
        shape, (scale,) = _params((scale,), size, _float)
        t = _call(_E.npr_exponential, self._rs, scale, *(shape or ()))
        return float(_E.item(t)) if shape is None else _wrap(t)

    # -- integers --

    def randint(self, low, high=None, size=None, dtype=int):
        if high is None:
            high = low
            low = 0
        kind = _int_kind(dtype)
        shape, (lo, hi) = _params((low, high), size, _int)
        _check_dtype_available(dtype, kind, lo, hi)
        if shape is None:
            return _numpy_scalar(_call(_E.npr_randint_scalar, self._rs, lo, hi, kind), dtype, kind)
        return _cast(_wrap(_call(_E.npr_randint, self._rs, lo, hi, kind, *shape)), dtype, kind)

    def random_integers(self, low, high=None, size=None):
        import warnings

        if high is None:
            warnings.warn(
                "This function is deprecated. Please call randint(1, {low} + 1) instead".format(low=low),
                DeprecationWarning,
                stacklevel=2,
            )
            high = low
            low = 1
        else:
            warnings.warn(
                "This function is deprecated. Please call randint({low}, {high} + 1) instead".format(low=low, high=high),
                DeprecationWarning,
                stacklevel=2,
            )
        return self.randint(low, int(high) + 1, size=size, dtype="l")

    def bytes(self, length):
        n = _operator.index(length)
        return _call(_E.npr_bytes, self._rs, n).to_bytes()

    # -- permutations --

    def permutation(self, x):
        if _is_integer(x):
            return _wrap(_call(_E.npr_permutation, self._rs, _operator.index(x)))
        arr = _np.asarray(x)
        if arr.ndim < 1:
            raise IndexError("x must be an integer or at least 1-dimensional")
        order = _wrap(_call(_E.npr_permutation, self._rs, len(arr)))
        return arr[order]

    def shuffle(self, x):
        n = len(x)
        if isinstance(x, list):
            order = _E.tolist_flat(_call(_E.npr_permutation, self._rs, n)).to_py()
            old = list(x)
            x[:] = [old[int(k)] for k in order]
            return
        if isinstance(x, _np.ndarray):
            if x.ndim == 0:
                raise TypeError("len() of unsized object")
            order = _wrap(_call(_E.npr_permutation, self._rs, n))
            if n > 1:
                x[...] = x[order]
            return
        # Any other mutable sequence: NumPy's untyped path, swapping items one pair at a time.
        swaps = _call(_E.npr_shuffle_swaps, self._rs, n).to_py()
        i = n - 1
        for j in swaps:
            j = int(j)
            x[i], x[j] = x[j], x[i]
            i -= 1

    def choice(self, a, size=None, replace=True, p=None):
        population = None
        if _is_integer(a):
            pop_size = _operator.index(a)
        else:
            population = a if isinstance(a, _np.ndarray) else _np.asarray(a)
            if population.ndim == 0:
                try:
                    pop_size = _operator.index(population.item())
                except TypeError:
                    raise ValueError("a must be 1-dimensional or an integer") from None
                population = None
            elif population.ndim != 1:
                raise ValueError("a must be 1-dimensional")
            else:
                pop_size = population.shape[0]
        shape = _shape(size)
        count = 1
        for d in shape or ():
            count *= d
        if population is not None and pop_size == 0 and count != 0:
            raise ValueError("'a' cannot be empty unless no samples are taken")
        probs = None
        atol = _math.sqrt(2.0**-52)
        if p is not None:
            if getattr(getattr(p, "dtype", None), "name", None) == "float32":
                atol = max(atol, _math.sqrt(2.0**-23))
            param = _array_param(p)
            if param is None or len(param[0]) != 1:
                raise ValueError("'p' must be 1-dimensional")
            if param[0][0] != pop_size:
                raise ValueError("'a' and 'p' must have same size")
            probs = _to_js([float(v) for v in param[1]])
        idx = _call(_E.npr_choice, self._rs, pop_size, bool(replace), probs, atol, *(shape or ()))
        if shape is None:
            k = int(_E.item(idx))
            return k if population is None else population[k]
        idx = _wrap(idx)
        return idx if population is None else population[idx]


# ---- the global generator behind np.random.seed, np.random.rand, ... ---------------------------------------

_rand = RandomState.__new__(RandomState)
_rand._rs = _E.npr_global()

seed = _rand.seed
get_state = _rand.get_state
set_state = _rand.set_state
random_sample = _rand.random_sample
random = _rand.random_sample
ranf = _rand.random_sample
sample = _rand.random_sample
rand = _rand.rand
randn = _rand.randn
standard_normal = _rand.standard_normal
normal = _rand.normal
uniform = _rand.uniform
standard_exponential = _rand.standard_exponential
exponential = _rand.exponential
randint = _rand.randint
random_integers = _rand.random_integers
bytes = _rand.bytes
permutation = _rand.permutation
shuffle = _rand.shuffle
choice = _rand.choice


class _LegacyModule:
    """`np.random.mtrand`: where scikit-learn and older code find the global RandomState (`mtrand._rand`)."""

    RandomState = RandomState
    _rand = _rand


mtrand = _LegacyModule()


def default_rng(seed=None):
    # Refused whatever the seed: no seed makes the PCG64 stream reproducible here.
    raise NotImplementedError(
        "numpy.random.default_rng is not supported by Autograd Playground: its PCG64 Generator draws different "
        "numbers from the legacy API, and only the legacy API is reproduced exactly. Use "
        "np.random.RandomState(seed) (or np.random.seed(seed) with np.random.rand/randn/...) instead."
    )


class Generator:
    """Present so `isinstance(x, np.random.Generator)` works; constructing one is not supported."""

    def __init__(self, *args, **kwargs):
        raise NotImplementedError(
            "numpy.random.Generator is not supported by Autograd Playground; use np.random.RandomState(seed) instead."
        )


def __getattr__(name):
    if name in _UNSUPPORTED:
        raise _unsupported(name)
    if name in ("PCG64", "PCG64DXSM", "Philox", "SFC64", "SeedSequence", "BitGenerator", "MT19937"):
        raise NotImplementedError(
            "numpy.random.%s is not supported by Autograd Playground; only the legacy RandomState API is." % name
        )
    raise AttributeError("module 'numpy.random' has no attribute %r" % name)
