"""scikit-learn, the parts tutorials use around a torch model: data, preprocessing, metrics and a baseline.

`make_regression`, `make_classification`, `make_blobs`, `make_moons`, `make_circles`, `train_test_split` and
`utils.shuffle` follow scikit-learn step by step and draw from NumPy's legacy RandomState (numpy.random), so a
script gets the very arrays scikit-learn would give it for the same `random_state`. `datasets.load_iris`,
`load_diabetes`, `load_breast_cancer` and `load_digits` read the data files scikit-learn ships (datasets/data/,
BSD-3-Clause; see datasets/NOTICE.md). `preprocessing` (StandardScaler, MinMaxScaler, scale,
PolynomialFeatures, OneHotEncoder), `metrics` (mean_squared_error, mean_absolute_error, r2_score,
accuracy_score) and `linear_model.LinearRegression` compute as scikit-learn 1.2 does. Anything else raises an
AttributeError that names it.
"""

import importlib as _importlib

__version__ = "1.9"

_SUBMODULES = ("base", "datasets", "exceptions", "linear_model", "metrics", "model_selection", "preprocessing", "utils")


def _unsupported(module, name, available):
    """The AttributeError for a name outside the subset (dunder lookups get Python's plain message)."""
    if name.startswith("__"):
        return AttributeError("module %r has no attribute %r" % (module, name))
    return AttributeError(
        "module %r has no attribute %r: Autograd Playground's scikit-learn is partial (%s has %s)"
        % (module, name, module, ", ".join(sorted(available)))
    )


def __getattr__(name):
    # scikit-learn loads its submodules lazily, so `import sklearn; sklearn.datasets.make_regression` works.
    if name in _SUBMODULES:
        return _importlib.import_module("sklearn." + name)
    raise _unsupported("sklearn", name, _SUBMODULES)


def __dir__():
    return sorted(list(globals()) + list(_SUBMODULES))
