"""sklearn.datasets._samples_generator: make_regression, make_classification, make_blobs, make_moons and
make_circles, exactly as scikit-learn 1.9 generates them.

Each generator repeats scikit-learn's steps in its order, drawing from the same numpy.random.RandomState calls
(so `random_state=0` gives scikit-learn's arrays) and doing the same float64 arithmetic on engine tensors.
"""

import math
import numbers
import operator

from pyodide.ffi import JsProxy as _JsProxy, to_js as _to_js

from .._engine import draw, ndarray, op, permutation, randint_scalar, tensor, uniform, values, zeros
from ..utils import Bunch, check_random_state
from ..utils._param_validation import Interval, validate

__all__ = ["make_blobs", "make_circles", "make_classification", "make_moons", "make_regression"]


def _index(v):
    return operator.index(v)


def make_regression(
    n_samples=100,
    n_features=100,
    *,
    n_informative=10,
    n_targets=1,
    bias=0.0,
    effective_rank=None,
    tail_strength=0.5,
    noise=0.0,
    shuffle=True,
    coef=False,
    random_state=None,
):
    """A random linear regression problem: X ~ N(0, 1), y = X @ coef + bias + N(0, noise**2)."""
    validate(
        "make_regression",
        {
            "n_samples": [Interval("int", 1, None, "left")],
            "n_features": [Interval("int", 1, None, "left")],
            "n_informative": [Interval("int", 0, None, "left")],
            "n_targets": [Interval("int", 1, None, "left")],
            "bias": [Interval("real", None, None, "neither")],
            "effective_rank": [Interval("int", 1, None, "left"), None],
            "tail_strength": [Interval("real", 0, 1, "both")],
            "noise": [Interval("real", 0, None, "left")],
            "shuffle": ["boolean"],
            "coef": ["boolean"],
            "random_state": ["random_state"],
        },
        locals(),
    )
    n_samples, n_features, n_targets = _index(n_samples), _index(n_features), _index(n_targets)
    n_informative = min(n_features, _index(n_informative))
    generator = check_random_state(random_state)

    if effective_rank is not None:
        # The low-rank input goes through a QR and an SVD (LAPACK), whose results cannot be matched exactly.
        raise NotImplementedError(
            "make_regression(effective_rank=...) is not supported by Autograd Playground; "
            "leave effective_rank=None for a well-conditioned X"
        )
    X = draw("npr_standard_normal", generator, n_samples, n_features)

    # Only the first n_informative features carry weight; the others are zero until the features are shuffled.
    ground_truth = op("mul", uniform(generator, n_informative, n_targets), 100, True)
    if n_informative < n_features:
        ground_truth = op("cat", 0, ground_truth, zeros("float64", n_features - n_informative, n_targets))

    y = op("add", op("matmul", X, ground_truth), float(bias), False)

    if noise > 0.0:
        y = op("add", y, draw("npr_normal", generator, 0.0, float(noise), n_samples, n_targets), False)

    if shuffle:
        # sklearn.utils.shuffle(X, y) permutes the rows, then generator.shuffle(arange(n_features)) the columns.
        rows = permutation(generator, n_samples)
        X = op("index_select", X, 0, rows)
        y = op("index_select", y, 0, rows)
        columns = permutation(generator, n_features)
        X = op("index_select", X, 1, columns)
        ground_truth = op("index_select", ground_truth, 0, columns)

    # np.squeeze drops every size-1 axis: a single sample or feature gives 0-d results, as in scikit-learn.
    y = op("squeeze", y, None)
    if coef:
        return ndarray(X), ndarray(y), ndarray(op("squeeze", ground_truth, None))
    return ndarray(X), ndarray(y)


# ---- make_classification -------------------------------------------------------------------------------------


def _sample_without_replacement(n_population, n_samples, random_state):
    """sklearn.utils.random.sample_without_replacement(method="auto"), with its choice of algorithm by ratio."""
    if n_population < 0:
        raise ValueError("n_population should be greater than 0, got %s." % n_population)
    if n_samples > n_population:
        raise ValueError(
            "n_population should be greater or equal than n_samples, got n_samples > n_population (%s > %s)"
            % (n_samples, n_population)
        )
    ratio = n_samples / n_population if n_population != 0 else 1.0
    if 0.01 < ratio < 0.99:
        return values(permutation(random_state, n_population))[:n_samples]
    if ratio < 0.2:
        # tracking selection: redraw until unseen
        selected = set()
        out = []
        for _ in range(n_samples):
            j = randint_scalar(random_state, 0, n_population)
            while j in selected:
                j = randint_scalar(random_state, 0, n_population)
            selected.add(j)
            out.append(j)
        return out
    # reservoir sampling
    out = list(range(n_samples))
    for i in range(n_samples, n_population):
        j = randint_scalar(random_state, 0, i + 1)
        if j < n_samples:
            out[j] = i
    return out


def _generate_hypercube(samples, dimensions, random_state):
    """Distinct binary rows of length `dimensions`: the cluster vertices (as lists of 0/1)."""
    if dimensions > 30:
        extra = values(draw("npr_randint", random_state, 0, 2, "int64", samples, dimensions - 30))
        rest = _generate_hypercube(samples, 30, random_state)
        width = dimensions - 30
        return [[int(b) for b in extra[k * width:(k + 1) * width]] + rest[k] for k in range(samples)]
    chosen = _sample_without_replacement(2**dimensions, samples, random_state)
    # np.unpackbits of the big-endian uint32, last `dimensions` bits: most significant first.
    return [[(int(v) >> (dimensions - 1 - j)) & 1 for j in range(dimensions)] for v in chosen]


def _is_engine_tensor(value):
    return isinstance(value, _JsProxy)


def _per_feature(value):
    """A shift/scale argument as an engine operand: a float, or a float64 tensor that broadcasts against X."""
    from numpy.random import _array_param

    if _is_engine_tensor(value):
        return value
    param = _array_param(value)
    if param is None:
        return float(value)
    shape, flat = param
    return tensor([float(v) for v in flat], "float64", *shape)


def make_classification(
    n_samples=100,
    n_features=20,
    *,
    n_informative=2,
    n_redundant=2,
    n_repeated=0,
    n_classes=2,
    n_clusters_per_class=2,
    weights=None,
    flip_y=0.01,
    class_sep=1.0,
    hypercube=True,
    shift=0.0,
    scale=1.0,
    shuffle=True,
    random_state=None,
    return_X_y=True,
):
    """A random n-class problem: Gaussian clusters on the vertices of a hypercube, plus derived and noise features."""
    validate(
        "make_classification",
        {
            "n_samples": [Interval("int", 1, None, "left")],
            "n_features": [Interval("int", 1, None, "left")],
            "n_informative": [Interval("int", 1, None, "left")],
            "n_redundant": [Interval("int", 0, None, "left")],
            "n_repeated": [Interval("int", 0, None, "left")],
            "n_classes": [Interval("int", 1, None, "left")],
            "n_clusters_per_class": [Interval("int", 1, None, "left")],
            "weights": ["array-like", None],
            "flip_y": [Interval("real", 0, 1, "both")],
            "class_sep": [Interval("real", 0, None, "neither")],
            "hypercube": ["boolean"],
            "shift": [Interval("real", None, None, "neither"), "array-like", None],
            "scale": [Interval("real", 0, None, "neither"), "array-like", None],
            "shuffle": ["boolean"],
            "random_state": ["random_state"],
            "return_X_y": ["boolean"],
        },
        locals(),
    )
    n_samples, n_features = _index(n_samples), _index(n_features)
    n_informative, n_redundant, n_repeated = _index(n_informative), _index(n_redundant), _index(n_repeated)
    n_classes, n_clusters_per_class = _index(n_classes), _index(n_clusters_per_class)
    generator = check_random_state(random_state)

    if n_informative + n_redundant + n_repeated > n_features:
        raise ValueError(
            "Number of informative, redundant and repeated features must sum to less than the number of total features"
        )
    if n_informative < math.log2(n_classes * n_clusters_per_class):
        raise ValueError(
            "n_classes({}) * n_clusters_per_class({}) must be smaller or equal 2**n_informative({})={}".format(
                n_classes, n_clusters_per_class, n_informative, 2**n_informative
            )
        )

    if weights is not None:
        if len(weights) not in [n_classes, n_classes - 1]:
            raise ValueError("Weights specified but incompatible with number of classes.")
        given = [float(w) for w in (weights.tolist() if hasattr(weights, "tolist") else weights)]
        if len(given) == n_classes - 1:
            # list + [1 - sum(list)], or np.resize with the last entry replaced: the same numbers either way
            weights_ = given + [1.0 - sum(given)]
        else:
            weights_ = given
    else:
        weights_ = [1.0 / n_classes] * n_classes

    n_random = n_features - n_informative - n_redundant - n_repeated
    n_clusters = n_classes * n_clusters_per_class

    n_samples_per_cluster = [
        int(n_samples * weights_[k % n_classes] / n_clusters_per_class) for k in range(n_clusters)
    ]
    for i in range(n_samples - sum(n_samples_per_cluster)):
        n_samples_per_cluster[i % n_clusters] += 1

    y = [0] * n_samples

    hyper = _generate_hypercube(n_clusters, n_informative, generator)
    centroids = [[float(b) * (2 * class_sep) - class_sep for b in row] for row in hyper]
    if not hypercube:
        per_cluster = values(uniform(generator, n_clusters, 1))
        centroids = [[c * per_cluster[k] for c in row] for k, row in enumerate(centroids)]
        per_feature = values(uniform(generator, 1, n_informative))
        centroids = [[c * per_feature[j] for j, c in enumerate(row)] for row in centroids]

    informative = draw("npr_standard_normal", generator, n_samples, n_informative)

    # Each cluster: a block of rows, mixed by a random matrix A and moved to its vertex. NumPy slices clip at
    # n_samples, which matters only when weights sum to more than 1.
    blocks = []
    stop = 0
    for k, centroid in enumerate(centroids):
        start, stop = stop, stop + n_samples_per_cluster[k]
        lo, hi = min(start, n_samples), min(stop, n_samples)
        y[lo:hi] = [k % n_classes] * (hi - lo)
        A = op("sub", op("mul", uniform(generator, n_informative, n_informative), 2, True), 1, True)
        if hi > lo:
            block = op("matmul", op("narrow", informative, 0, lo, hi - lo), A)
            blocks.append(op("add", block, tensor(centroid, "float64", n_informative), False))
    informative = op("cat", 0, *blocks)
    parts = [informative]

    if n_redundant > 0:
        B = op("sub", op("mul", uniform(generator, n_informative, n_redundant), 2, True), 1, True)
        parts.append(op("matmul", informative, B))

    n = n_informative + n_redundant
    if n_repeated > 0:
        picks = [int((n - 1) * u + 0.5) for u in values(uniform(generator, n_repeated))]
        useful = op("cat", 1, *parts)
        parts.append(op("index_select", useful, 1, tensor(picks, "int64", n_repeated)))

    if n_random > 0:
        parts.append(draw("npr_standard_normal", generator, n_samples, n_random))

    X = op("cat", 1, *parts) if len(parts) > 1 else parts[0]

    # `if flip_y >= 0.0` in scikit-learn: the uniforms are drawn even when flip_y is 0
    flips = [i for i, u in enumerate(values(uniform(generator, n_samples))) if u < flip_y]
    if flips:
        new_labels = values(draw("npr_randint", generator, 0, n_classes, "int64", len(flips)))
        for i, label in zip(flips, new_labels):
            y[i] = int(label)

    if shift is None:
        shift = tensor([(2 * u - 1) * class_sep for u in values(uniform(generator, n_features))], "float64", n_features)
    X = op("add", X, _per_feature(shift), False)

    if scale is None:
        scale = tensor([1 + 100 * u for u in values(uniform(generator, n_features))], "float64", n_features)
    X = op("mul", X, _per_feature(scale), False)

    indices = list(range(n_features))
    if shuffle:
        rows = permutation(generator, n_samples)
        X = op("index_select", X, 0, rows)
        y = [y[int(i)] for i in values(rows)]
        columns = permutation(generator, n_features)
        X = op("index_select", X, 1, columns)
        indices = [int(i) for i in values(columns)]

    X_out = ndarray(X)
    y_out = ndarray(tensor(y, "int64", n_samples))
    if return_X_y:
        return X_out, y_out

    feature_info = ["random"] * n_features
    for i, index in enumerate(indices):
        if index < n_informative:
            feature_info[i] = "informative"
        elif n_informative <= index < n_informative + n_redundant:
            feature_info[i] = "redundant"
        elif n <= index < n + n_repeated:
            feature_info[i] = "repeated"
    parameters = {
        "n_samples": n_samples,
        "n_features": n_features,
        "n_informative": n_informative,
        "n_redundant": n_redundant,
        "n_repeated": n_repeated,
        "n_classes": n_classes,
        "n_clusters_per_class": n_clusters_per_class,
        "weights": weights,
        "flip_y": flip_y,
        "class_sep": class_sep,
        "hypercube": hypercube,
        "shift": ndarray(shift) if _is_engine_tensor(shift) else shift,
        "scale": ndarray(scale) if _is_engine_tensor(scale) else scale,
        "shuffle": shuffle,
        "random_state": random_state,
        "return_X_y": return_X_y,
    }
    return Bunch(DESCR=make_classification.__doc__, parameters=parameters, feature_info=feature_info, X=X_out, y=y_out)


# ---- make_blobs, make_moons, make_circles --------------------------------------------------------------------


def _rows(value, what):
    """A 2-d array-like as a list of float rows (scikit-learn's check_array on `centers`)."""
    from numpy.random import _array_param

    param = _array_param(value)
    if param is None or len(param[0]) != 2:
        raise ValueError("Expected 2D array, got %s instead for %s" % ("scalar" if param is None else "%d-d" % len(param[0]), what))
    (n, m), flat = param
    flat = [float(v) for v in flat]
    return [flat[i * m:(i + 1) * m] for i in range(n)]


def make_blobs(
    n_samples=100,
    n_features=2,
    *,
    centers=None,
    cluster_std=1.0,
    center_box=(-10.0, 10.0),
    shuffle=True,
    random_state=None,
    return_centers=False,
):
    """Isotropic Gaussian blobs: `n_samples` points around `centers` (drawn in `center_box` when not given)."""
    validate(
        "make_blobs",
        {
            "n_samples": [Interval("int", 1, None, "left"), "array-like"],
            "n_features": [Interval("int", 1, None, "left")],
            "centers": [Interval("int", 1, None, "left"), "array-like", None],
            "cluster_std": [Interval("real", 0, None, "left"), "array-like"],
            "center_box": ["tuple"],
            "shuffle": ["boolean"],
            "random_state": ["random_state"],
            "return_centers": ["boolean"],
        },
        locals(),
    )
    generator = check_random_state(random_state)
    n_features = _index(n_features)
    integral_samples = isinstance(n_samples, numbers.Integral)

    def drawn_centers(count):
        t = draw("npr_uniform", generator, float(center_box[0]), float(center_box[1]), count, n_features)
        flat = values(t)
        return [flat[i * n_features:(i + 1) * n_features] for i in range(count)]

    if integral_samples:
        if centers is None:
            centers = 3
        if isinstance(centers, numbers.Integral):
            n_centers = centers
            center_rows = drawn_centers(n_centers)
        else:
            center_rows = _rows(centers, "centers")
            n_features = len(center_rows[0])
            n_centers = len(center_rows)
    else:
        n_centers = len(n_samples)
        if centers is None:
            center_rows = drawn_centers(n_centers)
        else:
            if not hasattr(centers, "__iter__"):
                raise ValueError("Parameter `centers` must be array-like. Got {!r} instead".format(centers))
            if len(centers) != n_centers:
                raise ValueError(
                    "Length of `n_samples` not consistent with number of "
                    "centers. Got n_samples = {} and centers = {}".format(n_samples, centers)
                )
            center_rows = _rows(centers, "centers")
        n_features = len(center_rows[0])

    if hasattr(cluster_std, "__len__") and len(cluster_std) != n_centers:
        # scikit-learn shows the centres as the float array check_array made of them
        shown = ndarray(tensor([v for row in center_rows for v in row], "float64", len(center_rows), n_features))
        raise ValueError(
            "Length of `clusters_std` not consistent with number of centers. Got centers = {} "
            "and cluster_std = {}".format(shown, cluster_std)
        )
    if hasattr(cluster_std, "__len__"):
        stds = [float(s) for s in (cluster_std.tolist() if hasattr(cluster_std, "tolist") else cluster_std)]
    else:
        stds = [float(cluster_std)] * n_centers

    if integral_samples:
        per_center = [int(n_samples // n_centers)] * n_centers
        for i in range(n_samples % n_centers):
            per_center[i] += 1
    else:
        per_center = [int(v) for v in (n_samples.tolist() if hasattr(n_samples, "tolist") else n_samples)]

    blocks = []
    y = []
    for i, (n, std) in enumerate(zip(per_center, stds)):
        # generator.normal(loc=centers[i], scale=std, size=(n, n_features)): the centre row broadcasts down
        loc = center_rows[i] * n
        blocks.append(draw("npr_normal", generator, _to_js(loc), std, n, n_features))
        y.extend([i] * n)
    X = op("cat", 0, *blocks) if len(blocks) > 1 else blocks[0]
    total = len(y)

    if shuffle:
        rows = permutation(generator, total)
        X = op("index_select", X, 0, rows)
        y = [y[int(k)] for k in values(rows)]

    X_out = ndarray(X)
    y_out = ndarray(tensor(y, "int64", total))
    if return_centers:
        flat = [v for row in center_rows for v in row]
        return X_out, y_out, ndarray(tensor(flat, "float64", len(center_rows), n_features))
    return X_out, y_out


def _linspace(start, stop, num, endpoint=True):
    """np.linspace in float64: i * step + start, the last point set to `stop` exactly."""
    div = (num - 1) if endpoint else num
    delta = float(stop) - float(start)
    if div > 0:
        step = delta / div
        if step == 0:
            ys = [(i / div) * delta for i in range(num)]
        else:
            ys = [i * step for i in range(num)]
    else:
        ys = [i * delta for i in range(num)]
    ys = [y + start for y in ys]
    if endpoint and num > 1:
        ys[-1] = float(stop)
    return ys


def _two_circles_output(xs, ys, n_out, n_in, shuffle, noise, generator):
    """The shared ending of make_moons/make_circles: stack, label, shuffle rows, then add noise."""
    n = n_out + n_in
    X = tensor([v for pair in zip(xs, ys) for v in pair], "float64", n, 2)
    y = [0] * n_out + [1] * n_in
    if shuffle:
        rows = permutation(generator, n)
        X = op("index_select", X, 0, rows)
        y = [y[int(k)] for k in values(rows)]
    if noise is not None:
        X = op("add", X, draw("npr_normal", generator, 0.0, float(noise), n, 2), False)
    return ndarray(X), ndarray(tensor(y, "int64", n))


def _split_samples(n_samples, message):
    if isinstance(n_samples, numbers.Integral):
        n_out = n_samples // 2
        return n_out, n_samples - n_out
    try:
        n_out, n_in = n_samples
    except ValueError as e:
        raise ValueError(message) from e
    return _index(n_out), _index(n_in)


def make_moons(n_samples=100, *, shuffle=True, noise=None, random_state=None):
    """Two interleaving half circles (labels 0 and 1)."""
    validate(
        "make_moons",
        {
            "n_samples": [Interval("int", 1, None, "left"), "tuple"],
            "shuffle": ["boolean"],
            "noise": [Interval("real", 0, None, "left"), None],
            "random_state": ["random_state"],
        },
        locals(),
    )
    n_out, n_in = _split_samples(n_samples, "`n_samples` can be either an int or a two-element tuple.")
    generator = check_random_state(random_state)
    t_out = _linspace(0, math.pi, n_out)
    t_in = _linspace(0, math.pi, n_in)
    xs = [math.cos(t) for t in t_out] + [1 - math.cos(t) for t in t_in]
    ys = [math.sin(t) for t in t_out] + [1 - math.sin(t) - 0.5 for t in t_in]
    return _two_circles_output(xs, ys, n_out, n_in, shuffle, noise, generator)


def make_circles(n_samples=100, *, shuffle=True, noise=None, random_state=None, factor=0.8):
    """A large circle (label 0) around a smaller one (label 1) scaled by `factor`."""
    validate(
        "make_circles",
        {
            "n_samples": [Interval("int", 0, None, "left"), "tuple"],
            "shuffle": ["boolean"],
            "noise": [Interval("real", 0, None, "left"), None],
            "random_state": ["random_state"],
            "factor": [Interval("real", 0, 1, "left")],
        },
        locals(),
    )
    if not isinstance(n_samples, numbers.Integral) and len(n_samples) != 2:
        raise ValueError("When a tuple, n_samples must have exactly two elements.")
    n_out, n_in = _split_samples(n_samples, "")
    generator = check_random_state(random_state)
    # endpoint=False so that the first point is not repeated as the last
    t_out = _linspace(0, 2 * math.pi, n_out, endpoint=False)
    t_in = _linspace(0, 2 * math.pi, n_in, endpoint=False)
    xs = [math.cos(t) for t in t_out] + [math.cos(t) * factor for t in t_in]
    ys = [math.sin(t) for t in t_out] + [math.sin(t) * factor for t in t_in]
    return _two_circles_output(xs, ys, n_out, n_in, shuffle, noise, generator)
