"""sklearn.utils.validation: the input checks the provided functions share."""

import numbers

import numpy as np


def check_random_state(seed):
    """A RandomState from None (NumPy's global one), an int seed, or a RandomState (returned as is)."""
    if seed is None or seed is np.random:
        return np.random.mtrand._rand
    integer = getattr(np, "integer", None)
    if isinstance(seed, numbers.Integral) or (isinstance(integer, type) and isinstance(seed, integer)):
        return np.random.RandomState(seed)
    if isinstance(seed, np.random.RandomState):
        return seed
    raise ValueError("%r cannot be used to seed a numpy.random.RandomState instance" % (seed,))


def _num_samples(x):
    shape = getattr(x, "shape", None)
    if shape is not None:
        if len(shape) == 0:
            raise TypeError("Input should have at least 1 dimension i.e. satisfy `len(x.shape) > 0`, got scalar `%r` instead." % (x,))
        return int(shape[0])
    if not hasattr(x, "__len__"):
        raise TypeError("Expected sequence or array-like, got %s" % type(x))
    return len(x)


def check_consistent_length(*arrays):
    lengths = [_num_samples(x) for x in arrays if x is not None]
    if len(set(lengths)) > 1:
        raise ValueError(
            "Found input variables with inconsistent numbers of samples: %r" % [int(n) for n in lengths]
        )
