"""sklearn.metrics: mean_squared_error, mean_absolute_error, r2_score and accuracy_score, with scikit-learn
1.2's arithmetic (NumPy's np.average over samples, then over outputs) and its input checks. Every parameter the
real functions take is honoured; other metrics raise an AttributeError that names them.
"""

import math
import numbers
import warnings

import numpy as np

from .exceptions import UndefinedMetricWarning
from .utils._param_validation import validate
from .utils.validation import _num_samples, check_array, check_consistent_length, column_or_1d

__all__ = ["accuracy_score", "mean_absolute_error", "mean_squared_error", "r2_score"]

_MULTIOUTPUT = ("raw_values", "uniform_average", "variance_weighted")


def _check_reg_targets(y_true, y_pred, multioutput):
    check_consistent_length(y_true, y_pred)
    y_true = check_array(y_true, ensure_2d=False, dtype="numeric")
    y_pred = check_array(y_pred, ensure_2d=False, dtype="numeric")
    if y_true.ndim == 1:
        y_true = y_true.reshape((-1, 1))
    if y_pred.ndim == 1:
        y_pred = y_pred.reshape((-1, 1))
    if y_true.shape[1] != y_pred.shape[1]:
        raise ValueError(
            "y_true and y_pred have different number of output ({0}!={1})".format(y_true.shape[1], y_pred.shape[1])
        )
    n_outputs = y_true.shape[1]
    if isinstance(multioutput, str):
        if multioutput not in _MULTIOUTPUT:
            raise ValueError(
                "Allowed 'multioutput' string values are {}. You provided multioutput={!r}".format(_MULTIOUTPUT, multioutput)
            )
    elif multioutput is not None:
        multioutput = check_array(multioutput, ensure_2d=False)
        if n_outputs == 1:
            raise ValueError("Custom weights are useful only in multi-output cases.")
        if n_outputs != len(multioutput):
            raise ValueError(
                "There must be equally many custom weights (%d) as outputs (%d)." % (len(multioutput), n_outputs)
            )
    return y_true, y_pred, multioutput


def _weights(sample_weight):
    return None if sample_weight is None else np.asarray(sample_weight)


def _average_outputs(output_errors, multioutput):
    if isinstance(multioutput, str):
        if multioutput == "raw_values":
            return output_errors
        if multioutput == "uniform_average":
            multioutput = None
    return np.average(output_errors, weights=multioutput)


def mean_squared_error(y_true, y_pred, *, sample_weight=None, multioutput="uniform_average", squared=True):
    """Mean squared error (its square root with squared=False)."""
    validate("mean_squared_error", {"squared": ["boolean"]}, locals())
    y_true, y_pred, multioutput = _check_reg_targets(y_true, y_pred, multioutput)
    check_consistent_length(y_true, y_pred, sample_weight)
    diff = y_true - y_pred
    output_errors = np.average(diff * diff, axis=0, weights=_weights(sample_weight))
    if not squared:
        output_errors = np.sqrt(output_errors)
    return _average_outputs(output_errors, multioutput)


def mean_absolute_error(y_true, y_pred, *, sample_weight=None, multioutput="uniform_average"):
    """Mean absolute error."""
    y_true, y_pred, multioutput = _check_reg_targets(y_true, y_pred, multioutput)
    check_consistent_length(y_true, y_pred, sample_weight)
    output_errors = np.average(np.abs(y_pred - y_true), weights=_weights(sample_weight), axis=0)
    return _average_outputs(output_errors, multioutput)


def r2_score(y_true, y_pred, *, sample_weight=None, multioutput="uniform_average", force_finite=True):
    """R², the coefficient of determination: 1 - SS_res / SS_tot (1.0 is a perfect fit)."""
    y_true, y_pred, multioutput = _check_reg_targets(y_true, y_pred, multioutput)
    check_consistent_length(y_true, y_pred, sample_weight)
    if _num_samples(y_pred) < 2:
        warnings.warn("R^2 score is not well-defined with less than two samples.", UndefinedMetricWarning, stacklevel=2)
        return float("nan")
    if sample_weight is not None:
        sample_weight = column_or_1d(sample_weight)
        weight = sample_weight[:, None]
    else:
        weight = 1.0
    residual = y_true - y_pred
    numerator = (weight * (residual * residual)).sum(axis=0, dtype=np.float64)
    deviation = y_true - np.average(y_true, axis=0, weights=sample_weight)
    denominator = (weight * (deviation * deviation)).sum(axis=0, dtype=np.float64)
    nonzero_denominator = denominator != 0
    if not force_finite:
        with np.errstate(divide="ignore", invalid="ignore"):
            output_scores = 1 - numerator / denominator
    else:
        nonzero_numerator = numerator != 0
        output_scores = np.ones([y_true.shape[1]])
        valid = nonzero_denominator & nonzero_numerator
        if bool(valid.any()):
            output_scores[valid] = 1 - numerator[valid] / denominator[valid]
        output_scores[nonzero_numerator & ~nonzero_denominator] = 0.0
    if isinstance(multioutput, str):
        if multioutput == "raw_values":
            return output_scores
        if multioutput == "uniform_average":
            avg_weights = None
        else:
            avg_weights = denominator if bool(nonzero_denominator.any()) else None
    else:
        avg_weights = multioutput
    return np.average(output_scores, weights=avg_weights)


# ---- classification ------------------------------------------------------------------------------------


def _labels(y):
    """(shape, flat list of labels) of a label array or list; strings are kept as strings."""
    if hasattr(y, "detach") and hasattr(y, "numpy"):
        y = y.detach().numpy()
    if hasattr(y, "tolist") and hasattr(y, "shape"):
        return tuple(y.shape), _flat(y.tolist())
    values = list(y)
    if values and all(isinstance(v, (list, tuple)) or hasattr(v, "tolist") for v in values):
        rows = [list(v.tolist() if hasattr(v, "tolist") else v) for v in values]
        width = len(rows[0])
        if any(len(r) != width for r in rows):
            raise ValueError("You appear to be using a legacy multi-label data representation.")
        return (len(rows), width), [x for r in rows for x in r]
    return (len(values),), values


def _flat(v):
    if not isinstance(v, list):
        return [v]
    out = []
    for x in v:
        out.extend(_flat(x))
    return out


def _is_number(v):
    return isinstance(v, numbers.Number) and not isinstance(v, bool) or isinstance(v, bool)


def _type_of_target(shape, values, input_name):
    """sklearn.utils.multiclass.type_of_target for label arrays a script passes to a classification metric."""
    if len(shape) > 2:
        return "unknown"
    if len(shape) == 2 and shape[1] == 0:
        return "unknown"
    suffix = "-multioutput" if len(shape) == 2 and shape[1] > 1 else ""
    numeric = all(_is_number(v) for v in values)
    if numeric:
        floats = [float(v) for v in values]
        if any(math.isnan(f) or math.isinf(f) for f in floats):
            raise ValueError("Input %s contains %s." % (input_name, "NaN" if any(math.isnan(f) for f in floats) else "infinity or a value too large for dtype('float64')"))
        if any(f != int(f) for f in floats):
            return "continuous" + suffix
    distinct = set(values)
    if suffix and numeric and distinct <= {0, 1}:
        return "multilabel-indicator"
    if suffix:
        return "multiclass" + suffix
    if len(distinct) > 2:
        return "multiclass"
    return "binary"


def accuracy_score(y_true, y_pred, *, normalize=True, sample_weight=None):
    """Fraction (or, with normalize=False, number) of samples whose predicted label equals the true one."""
    validate("accuracy_score", {"normalize": ["boolean"], "sample_weight": ["array-like", None]}, locals())
    check_consistent_length(y_true, y_pred)
    shape_true, true = _labels(y_true)
    shape_pred, pred = _labels(y_pred)
    type_true = _type_of_target(shape_true, true, "y_true")
    type_pred = _type_of_target(shape_pred, pred, "y_pred")
    types = {type_true, type_pred}
    if types == {"binary", "multiclass"}:
        types = {"multiclass"}
    if len(types) > 1:
        raise ValueError("Classification metrics can't handle a mix of {0} and {1} targets".format(type_true, type_pred))
    y_type = types.pop()
    if y_type not in ("binary", "multiclass", "multilabel-indicator"):
        raise ValueError("{0} is not supported".format(y_type))
    check_consistent_length(y_true, y_pred, sample_weight)
    if y_type == "multilabel-indicator":
        if shape_true != shape_pred:
            raise ValueError("inconsistent shapes")
        width = shape_true[1]
        score = [true[i:i + width] == pred[i:i + width] for i in range(0, len(true), width)]
    else:
        if len(true) != len(pred):
            raise ValueError("Found input variables with inconsistent numbers of samples: [%d, %d]" % (len(true), len(pred)))
        kinds = {isinstance(v, str) for v in true + pred}
        if y_type == "binary" and len(kinds) > 1:
            raise TypeError(
                "Labels in y_true and y_pred should be of the same type. Got y_true={} and y_pred={}. Make sure that "
                "the predictions provided by the classifier coincides with the true labels.".format(sorted(set(true), key=str), sorted(set(pred), key=str))
            )
        score = [a == b for a, b in zip(true, pred)]
    score = np.array(score, dtype=bool)
    if normalize:
        return np.average(score, weights=_weights(sample_weight))
    if sample_weight is not None:
        return np.dot(score, np.asarray(sample_weight))
    return score.sum()


def __getattr__(name):
    from . import _unsupported

    raise _unsupported("sklearn.metrics", name, __all__)
