"""sklearn.utils.validation: the input checks the provided functions and estimators share, with
scikit-learn's messages ("Expected 2D array, got 1D array instead: ...")."""

import numbers

import numpy as np

from ..exceptions import NotFittedError

FLOAT_DTYPES = (np.float64, np.float32)


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


def _is_pandas(x):
    return type(x).__module__.split(".")[0] == "pandas"


def _as_ndarray(array, input_name):
    """np.asarray of what a script passes: lists, tuples, ndarrays, torch tensors (detached, as NumPy would refuse)."""
    if _is_pandas(array):
        raise TypeError(
            "%s is a pandas object: Autograd Playground's scikit-learn takes NumPy arrays, lists or tensors"
            % (input_name or "the input")
        )
    if isinstance(array, np.ndarray):
        return array
    module = type(array).__module__ or ""
    if module.startswith("torch"):
        if getattr(array, "requires_grad", False):
            # np.asarray(tensor) raises here in PyTorch; scikit-learn passes the error on.
            raise RuntimeError("Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.")
        return array.numpy()
    try:
        return np.asarray(array)
    except TypeError as e:
        if "numeric arrays only" in str(e):
            # NumPy would build an object or string array; scikit-learn then fails converting it to float.
            bad = _first_non_number(array)
            raise ValueError("could not convert string to float: %r" % (bad,)) from None
        raise


def _first_non_number(values):
    stack = [values]
    while stack:
        v = stack.pop(0)
        if isinstance(v, (list, tuple)):
            stack[:0] = list(v)
        elif not isinstance(v, (numbers.Number, bool)) and not hasattr(v, "dtype"):
            return v
    return None


def _assert_all_finite(X, allow_nan, input_name):
    if X.dtype.kind != "f":
        return
    if not allow_nan and bool(np.isnan(X).any()):
        raise ValueError("Input %s contains NaN." % input_name if input_name else "Input contains NaN.")
    if bool(np.isinf(X).any()):
        raise ValueError(
            "Input %scontains infinity or a value too large for %r." % (input_name + " " if input_name else "", X.dtype)
        )


def _estimator_name(estimator):
    if estimator is None:
        return None
    return estimator if isinstance(estimator, str) else type(estimator).__name__


def check_array(
    array,
    accept_sparse=False,
    *,
    dtype="numeric",
    order=None,
    copy=False,
    force_all_finite=True,
    ensure_2d=True,
    allow_nd=False,
    ensure_min_samples=1,
    ensure_min_features=1,
    estimator=None,
    input_name="",
):
    """Input validation on an array: converted to an ndarray of a numeric dtype, 2-D unless ensure_2d=False,
    finite (or NaN too with force_all_finite='allow-nan'), with enough samples and features."""
    X = _as_ndarray(array, input_name)
    was_array = X is array
    if dtype is not None and dtype != "numeric":
        choices = dtype if isinstance(dtype, (list, tuple)) else (dtype,)
        if not any(X.dtype == np.dtype(d) for d in choices):
            X = X.astype(choices[0])
            was_array = False
    elif dtype == "numeric" and X.dtype.kind == "b":
        pass
    name = _estimator_name(estimator)
    if ensure_2d:
        if X.ndim == 0:
            raise ValueError(
                "Expected 2D array, got scalar array instead:\narray={}.\n"
                "Reshape your data either using array.reshape(-1, 1) if your data has a single feature or "
                "array.reshape(1, -1) if it contains a single sample.".format(array)
            )
        if X.ndim == 1:
            raise ValueError(
                "Expected 2D array, got 1D array instead:\narray={}.\n"
                "Reshape your data either using array.reshape(-1, 1) if your data has a single feature or "
                "array.reshape(1, -1) if it contains a single sample.".format(X)
            )
    if not allow_nd and X.ndim >= 3:
        raise ValueError("Found array with dim %d. %s expected <= 2." % (X.ndim, name or "Estimator"))
    if force_all_finite:
        _assert_all_finite(X, force_all_finite == "allow-nan", input_name)
    context = " by %s" % name if name else ""
    if ensure_min_samples > 0 and X.ndim >= 1:
        n_samples = X.shape[0]
        if n_samples < ensure_min_samples:
            raise ValueError(
                "Found array with %d sample(s) (shape=%s) while a minimum of %d is required%s."
                % (n_samples, tuple(X.shape), ensure_min_samples, context)
            )
    if ensure_min_features > 0 and X.ndim == 2:
        n_features = X.shape[1]
        if n_features < ensure_min_features:
            raise ValueError(
                "Found array with %d feature(s) (shape=%s) while a minimum of %d is required%s."
                % (n_features, tuple(X.shape), ensure_min_features, context)
            )
    if copy and was_array:
        X = X.copy()
    return X


def column_or_1d(y, *, dtype=None, warn=False):
    """y as a 1-d array: a column vector (n, 1) is raveled (with a DataConversionWarning when warn=True)."""
    y = _as_ndarray(y, "y")
    if dtype is not None:
        y = y.astype(dtype)
    shape = y.shape
    if len(shape) == 1:
        return y.ravel()
    if len(shape) == 2 and shape[1] == 1:
        if warn:
            import warnings

            from ..exceptions import DataConversionWarning

            warnings.warn(
                "A column-vector y was passed when a 1d array was expected. Please change the shape of y to "
                "(n_samples, ), for example using ravel().",
                DataConversionWarning,
                stacklevel=2,
            )
        return y.ravel()
    raise ValueError("y should be a 1d array, got an array of shape {} instead.".format(shape))


def check_is_fitted(estimator, attributes=None, *, msg=None, all_or_any=all):
    """NotFittedError unless the estimator has fitted attributes (names ending in '_')."""
    if msg is None:
        msg = (
            "This %(name)s instance is not fitted yet. Call 'fit' with appropriate arguments before using this "
            "estimator."
        )
    if attributes is not None:
        names = [attributes] if isinstance(attributes, str) else list(attributes)
        fitted = all_or_any(hasattr(estimator, a) for a in names)
    else:
        fitted = any(k.endswith("_") and not k.startswith("__") for k in vars(estimator))
    if not fitted:
        raise NotFittedError(msg % {"name": type(estimator).__name__})


def _check_sample_weight(sample_weight, X, dtype=None):
    """sample_weight as a 1-d float array of length n_samples (None gives ones, a number gives a constant)."""
    n_samples = _num_samples(X)
    if dtype is None or dtype not in (np.float32, np.float64):
        dtype = np.float64
    if sample_weight is None:
        return np.ones(n_samples, dtype=dtype)
    if isinstance(sample_weight, numbers.Number):
        return np.full(n_samples, sample_weight, dtype=dtype)
    sample_weight = check_array(sample_weight, ensure_2d=False, dtype=(np.float64, np.float32), input_name="sample_weight")
    if sample_weight.ndim != 1:
        raise ValueError("Sample weights must be 1D array or scalar")
    if sample_weight.shape != (n_samples,):
        raise ValueError(
            "sample_weight.shape == {}, expected {}!".format(sample_weight.shape, (n_samples,))
        )
    return sample_weight
