"""sklearn.model_selection.train_test_split, splitting exactly as scikit-learn 1.9 does.

With shuffling, the split is ShuffleSplit's: `check_random_state(random_state).permutation(n_samples)`, the first
n_test indices for the test set and the next n_train for the training set.
"""

from itertools import chain
from math import ceil, floor
import numbers

from . import _engine
from .utils import _safe_indexing, check_consistent_length, check_random_state
from .utils._param_validation import Interval, validate
from .utils.validation import _num_samples

__all__ = ["train_test_split"]


def _kind(v):
    """np.asarray(v).dtype.kind for the sizes scikit-learn accepts: 'i', 'f', or 'O' for None."""
    if v is None:
        return "O"
    if isinstance(v, numbers.Integral):
        return "i"
    if isinstance(v, numbers.Real):
        return "f"
    kind = getattr(getattr(v, "dtype", None), "kind", None)
    return kind if isinstance(kind, str) else "O"


def _validate_shuffle_split(n_samples, test_size, train_size, default_test_size=None):
    if test_size is None and train_size is None:
        test_size = default_test_size

    test_size_type = _kind(test_size)
    train_size_type = _kind(train_size)

    if (test_size_type == "i" and (test_size >= n_samples or test_size <= 0)) or (
        test_size_type == "f" and (test_size <= 0 or test_size >= 1)
    ):
        raise ValueError(
            "test_size={0} should be either positive and smaller"
            " than the number of samples {1} or a float in the "
            "(0, 1) range".format(test_size, n_samples)
        )
    if (train_size_type == "i" and (train_size >= n_samples or train_size <= 0)) or (
        train_size_type == "f" and (train_size <= 0 or train_size >= 1)
    ):
        raise ValueError(
            "train_size={0} should be either positive and smaller"
            " than the number of samples {1} or a float in the "
            "(0, 1) range".format(train_size, n_samples)
        )
    if train_size is not None and train_size_type not in ("i", "f"):
        raise ValueError("Invalid value for train_size: {}".format(train_size))
    if test_size is not None and test_size_type not in ("i", "f"):
        raise ValueError("Invalid value for test_size: {}".format(test_size))
    if train_size_type == "f" and test_size_type == "f" and train_size + test_size > 1:
        raise ValueError(
            "The sum of test_size and train_size = {}, should be in the (0, 1)"
            " range. Reduce test_size and/or train_size.".format(train_size + test_size)
        )

    if test_size_type == "f":
        n_test = ceil(test_size * n_samples)
    elif test_size_type == "i":
        n_test = float(test_size)
    if train_size_type == "f":
        n_train = floor(train_size * n_samples)
    elif train_size_type == "i":
        n_train = float(train_size)

    if train_size is None:
        n_train = n_samples - n_test
    elif test_size is None:
        n_test = n_samples - n_train

    if n_train + n_test > n_samples:
        raise ValueError(
            "The sum of train_size and test_size = %d, "
            "should be smaller than the number of "
            "samples %d. Reduce test_size and/or "
            "train_size." % (n_train + n_test, n_samples)
        )

    n_train, n_test = int(n_train), int(n_test)
    if n_train == 0:
        raise ValueError(
            "With n_samples={}, test_size={} and train_size={}, the "
            "resulting train set will be empty. Adjust any of the "
            "aforementioned parameters.".format(n_samples, test_size, train_size)
        )
    return n_train, n_test


def train_test_split(*arrays, test_size=None, train_size=None, random_state=None, shuffle=True, stratify=None):
    """Splits each array's rows into a training and a test part: [a_train, a_test, b_train, b_test, ...]."""
    validate(
        "train_test_split",
        {
            "test_size": [Interval("real_not_int", 0, 1, "neither"), Interval("int", 1, None, "left"), None],
            "train_size": [Interval("real_not_int", 0, 1, "neither"), Interval("int", 1, None, "left"), None],
            "random_state": ["random_state"],
            "shuffle": ["boolean"],
            "stratify": ["array-like", None],
        },
        {"test_size": test_size, "train_size": train_size, "random_state": random_state, "shuffle": shuffle, "stratify": stratify},
    )
    if len(arrays) == 0:
        raise ValueError("At least one array required as input")
    check_consistent_length(*arrays)
    n_samples = _num_samples(arrays[0])
    n_train, n_test = _validate_shuffle_split(n_samples, test_size, train_size, default_test_size=0.25)

    if shuffle is False:
        if stratify is not None:
            raise ValueError("Stratified train/test split is not implemented for shuffle=False")
        train = list(range(n_train))
        test = list(range(n_train, n_train + n_test))
    else:
        if stratify is not None:
            # StratifiedShuffleSplit allocates per class with its own rounding and draws; not reproduced.
            raise NotImplementedError(
                "train_test_split(stratify=...) is not supported by Autograd Playground; "
                "split without stratify (the same random_state then gives scikit-learn's split)"
            )
        rng = check_random_state(random_state)
        order = [int(i) for i in _engine.values(_engine.permutation(rng, n_samples))]
        test = order[:n_test]
        train = order[n_test:n_test + n_train]

    return list(chain.from_iterable((_safe_indexing(a, train), _safe_indexing(a, test)) for a in arrays))
