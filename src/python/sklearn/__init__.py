"""scikit-learn, the parts training tutorials use to make and split data.

`make_regression`, `make_classification`, `train_test_split` and `utils.shuffle` follow scikit-learn 1.9 step by
step and draw from NumPy's legacy RandomState (numpy.random), so a script gets the very arrays scikit-learn would
give it for the same `random_state`. Estimators are not provided: the playground trains with torch.
"""

import importlib as _importlib

__version__ = "1.9"

_SUBMODULES = ("datasets", "model_selection", "utils")


def __getattr__(name):
    # scikit-learn loads its submodules lazily, so `import sklearn; sklearn.datasets.make_regression` works.
    if name in _SUBMODULES:
        return _importlib.import_module("sklearn." + name)
    raise AttributeError("module 'sklearn' has no attribute %r" % name)


def __dir__():
    return sorted(list(globals()) + list(_SUBMODULES))
