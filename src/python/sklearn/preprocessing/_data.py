"""StandardScaler, MinMaxScaler and scale(), step for step as scikit-learn 1.2 computes them.

The statistics are NumPy reductions in scikit-learn's order (a column sum, then the sum of squared deviations
with its correction term), so mean_, var_ and scale_ come out with the same bits as under scikit-learn.
"""

import numbers
import warnings

import numpy as np

from ..base import BaseEstimator, OneToOneFeatureMixin, TransformerMixin
from ..utils._param_validation import Interval, validate
from ..utils.validation import FLOAT_DTYPES, check_array, check_is_fitted

__all__ = ["MinMaxScaler", "StandardScaler", "scale"]

_EPS64 = 2.220446049250313e-16


def _no_sparse(name, X):
    if type(X).__module__.split(".")[0] == "scipy" or getattr(X, "_playground_sparse", False):
        raise TypeError("%s: sparse input is not supported by Autograd Playground's scikit-learn" % name)


def _float64_sum(X, axis=0):
    """_safe_accumulator_op(np.sum, X, axis=0): float32 input is summed in float64."""
    return X.sum(axis=axis, dtype=np.float64) if X.dtype == np.float32 else X.sum(axis=axis)


def _incremental_mean_and_var(X, last_mean, last_variance, last_sample_count, sample_weight=None):
    """sklearn.utils.extmath._incremental_mean_and_var: Chan et al.'s update of a running mean and variance."""
    last_sum = last_mean * last_sample_count
    nan_mask = np.isnan(X)
    has_nan = bool(nan_mask.any())
    Xz = np.where(nan_mask, 0.0, X).astype(X.dtype) if has_nan else X
    if sample_weight is not None:
        w = sample_weight.astype(np.float64) if X.dtype == np.float32 else sample_weight
        new_sum = np.matmul(w, Xz.astype(np.float64) if X.dtype == np.float32 else Xz)
        new_sample_count = _float64_sum(sample_weight[:, None] * ~nan_mask, axis=0)
    else:
        new_sum = _float64_sum(Xz, axis=0)
        new_sample_count = X.shape[0] - nan_mask.sum(axis=0)
    updated_sample_count = last_sample_count + new_sample_count
    with np.errstate(divide="ignore", invalid="ignore"):
        updated_mean = (last_sum + new_sum) / updated_sample_count
    if last_variance is None:
        return updated_mean, None, updated_sample_count
    with np.errstate(divide="ignore", invalid="ignore"):
        T = new_sum / new_sample_count
    temp = X - T
    if has_nan:
        temp = np.where(nan_mask, 0.0, temp)
    if sample_weight is not None:
        correction = np.matmul(w, temp)
        temp = temp * temp
        new_unnormalized_variance = np.matmul(w, temp)
    else:
        correction = _float64_sum(temp, axis=0)
        temp = temp * temp
        new_unnormalized_variance = _float64_sum(temp, axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        new_unnormalized_variance = new_unnormalized_variance - correction * correction / new_sample_count
        last_unnormalized_variance = last_variance * last_sample_count
        last_over_new_count = last_sample_count / new_sample_count
        difference = last_sum / last_over_new_count - new_sum
        updated_unnormalized_variance = (
            last_unnormalized_variance
            + new_unnormalized_variance
            + last_over_new_count / updated_sample_count * (difference * difference)
        )
    zeros = last_sample_count == 0
    if np.ndim(zeros) == 0:
        if bool(zeros):
            updated_unnormalized_variance = new_unnormalized_variance
    else:
        updated_unnormalized_variance[zeros] = new_unnormalized_variance[zeros]
    with np.errstate(divide="ignore", invalid="ignore"):
        updated_variance = updated_unnormalized_variance / updated_sample_count
    return updated_mean, updated_variance, updated_sample_count


def _is_constant_feature(var, mean, n_samples):
    """Variance within the error bound of the two-pass algorithm (Chan, Golub and LeVeque)."""
    bound = n_samples * mean * _EPS64
    upper_bound = n_samples * _EPS64 * var + bound * bound
    return var <= upper_bound


def _handle_zeros_in_scale(scale, copy=True, constant_mask=None):
    """Scales of (near) constant features set to 1, so that dividing by them leaves the feature as is."""
    if np.isscalar(scale):
        return 1.0 if scale == 0.0 else scale
    if constant_mask is None:
        constant_mask = scale < 10 * np.finfo(scale.dtype).eps
    if copy:
        scale = scale.copy()
    scale[constant_mask] = 1.0
    return scale


class StandardScaler(OneToOneFeatureMixin, TransformerMixin, BaseEstimator):
    """Standardize features by removing the mean and scaling to unit variance: z = (x - mean_) / scale_."""

    def __init__(self, *, copy=True, with_mean=True, with_std=True):
        self.with_mean = with_mean
        self.with_std = with_std
        self.copy = copy

    def _validate_params(self):
        validate(type(self).__name__, {"copy": ["boolean"], "with_mean": ["boolean"], "with_std": ["boolean"]}, self.get_params())

    def _reset(self):
        for name in ("scale_", "n_samples_seen_", "mean_", "var_"):
            self.__dict__.pop(name, None)

    def fit(self, X, y=None, sample_weight=None):
        self._reset()
        return self.partial_fit(X, y, sample_weight)

    def partial_fit(self, X, y=None, sample_weight=None):
        self._validate_params()
        _no_sparse("StandardScaler", X)
        first_call = not hasattr(self, "n_samples_seen_")
        X = self._validate_data(X, dtype=FLOAT_DTYPES, force_all_finite="allow-nan", reset=first_call)
        n_features = X.shape[1]
        if sample_weight is not None:
            from ..utils.validation import _check_sample_weight

            sample_weight = _check_sample_weight(sample_weight, X, dtype=X.dtype)
        dtype = np.int64 if sample_weight is None else X.dtype
        if first_call:
            self.n_samples_seen_ = np.zeros(n_features, dtype=dtype)
        elif np.size(self.n_samples_seen_) == 1:
            self.n_samples_seen_ = np.repeat(self.n_samples_seen_, X.shape[1]).astype(dtype)
        if not hasattr(self, "scale_"):
            self.mean_ = 0.0
            self.var_ = 0.0 if self.with_std else None
        if not self.with_mean and not self.with_std:
            self.mean_ = None
            self.var_ = None
            self.n_samples_seen_ = self.n_samples_seen_ + (X.shape[0] - np.isnan(X).sum(axis=0))
        else:
            self.mean_, self.var_, self.n_samples_seen_ = _incremental_mean_and_var(
                X, self.mean_, self.var_, self.n_samples_seen_, sample_weight=sample_weight
            )
        if np.ptp(self.n_samples_seen_) == 0:
            self.n_samples_seen_ = self.n_samples_seen_[0]
        if self.with_std:
            constant_mask = _is_constant_feature(self.var_, self.mean_, self.n_samples_seen_)
            self.scale_ = _handle_zeros_in_scale(np.sqrt(self.var_), copy=False, constant_mask=constant_mask)
        else:
            self.scale_ = None
        return self

    def transform(self, X, copy=None):
        check_is_fitted(self)
        _no_sparse("StandardScaler", X)
        copy = copy if copy is not None else self.copy
        X = self._validate_data(X, reset=False, copy=copy, dtype=FLOAT_DTYPES, force_all_finite="allow-nan")
        if self.with_mean:
            X -= self.mean_
        if self.with_std:
            X /= self.scale_
        return X

    def inverse_transform(self, X, copy=None):
        check_is_fitted(self)
        _no_sparse("StandardScaler", X)
        copy = copy if copy is not None else self.copy
        X = check_array(X, copy=copy, dtype=FLOAT_DTYPES, force_all_finite="allow-nan")
        if self.with_std:
            X *= self.scale_
        if self.with_mean:
            X += self.mean_
        return X


def _nan_extreme(X, which):
    """np.nanmin / np.nanmax along axis 0 (an all-NaN column gives NaN, as NumPy's does with a warning)."""
    nan_mask = np.isnan(X)
    if not bool(nan_mask.any()):
        return X.min(axis=0) if which == "min" else X.max(axis=0)
    fill = np.inf if which == "min" else -np.inf
    filled = np.where(nan_mask, fill, X).astype(X.dtype)
    out = filled.min(axis=0) if which == "min" else filled.max(axis=0)
    all_nan = nan_mask.all(axis=0)
    if bool(all_nan.any()):
        warnings.warn("All-NaN slice encountered", RuntimeWarning, stacklevel=3)
        out[all_nan] = np.nan
    return out


class MinMaxScaler(OneToOneFeatureMixin, TransformerMixin, BaseEstimator):
    """Scale each feature to feature_range: x * scale_ + min_, from the data's min and max."""

    def __init__(self, feature_range=(0, 1), *, copy=True, clip=False):
        self.feature_range = feature_range
        self.copy = copy
        self.clip = clip

    def _validate_params(self):
        validate(type(self).__name__, {"feature_range": ["tuple"], "copy": ["boolean"], "clip": ["boolean"]}, self.get_params())

    def _reset(self):
        for name in ("scale_", "min_", "n_samples_seen_", "data_min_", "data_max_", "data_range_"):
            self.__dict__.pop(name, None)

    def fit(self, X, y=None):
        self._reset()
        return self.partial_fit(X, y)

    def partial_fit(self, X, y=None):
        self._validate_params()
        feature_range = self.feature_range
        if feature_range[0] >= feature_range[1]:
            raise ValueError(
                "Minimum of desired feature range must be smaller than maximum. Got %s." % str(feature_range)
            )
        if type(X).__module__.split(".")[0] == "scipy":
            raise TypeError("MinMaxScaler does not support sparse input. Consider using MaxAbsScaler instead.")
        first_pass = not hasattr(self, "n_samples_seen_")
        X = self._validate_data(X, reset=first_pass, dtype=FLOAT_DTYPES, force_all_finite="allow-nan")
        data_min = _nan_extreme(X, "min")
        data_max = _nan_extreme(X, "max")
        if first_pass:
            self.n_samples_seen_ = X.shape[0]
        else:
            data_min = np.minimum(self.data_min_, data_min)
            data_max = np.maximum(self.data_max_, data_max)
            self.n_samples_seen_ += X.shape[0]
        data_range = data_max - data_min
        self.scale_ = (feature_range[1] - feature_range[0]) / _handle_zeros_in_scale(data_range, copy=True)
        self.min_ = feature_range[0] - data_min * self.scale_
        self.data_min_ = data_min
        self.data_max_ = data_max
        self.data_range_ = data_range
        return self

    def transform(self, X):
        check_is_fitted(self)
        X = self._validate_data(X, copy=self.copy, dtype=FLOAT_DTYPES, force_all_finite="allow-nan", reset=False)
        X *= self.scale_
        X += self.min_
        if self.clip:
            X = np.clip(X, self.feature_range[0], self.feature_range[1])
        return X

    def inverse_transform(self, X):
        check_is_fitted(self)
        X = check_array(X, copy=self.copy, dtype=FLOAT_DTYPES, force_all_finite="allow-nan")
        X -= self.min_
        X /= self.scale_
        return X


def _nanmean_nanstd(X, axis):
    nan_mask = np.isnan(X)
    if not bool(nan_mask.any()):
        return X.mean(axis=axis), X.std(axis=axis)
    # np.nanmean/np.nanstd: NaNs become 0 and each column is divided by its count of numbers
    filled = np.where(nan_mask, 0.0, X).astype(X.dtype)
    count = (~nan_mask).sum(axis=axis, keepdims=True)
    mean = filled.sum(axis=axis, keepdims=True) / count
    dev = np.where(nan_mask, 0.0, filled - mean)
    var = (dev * dev).sum(axis=axis) / (~nan_mask).sum(axis=axis)
    return np.squeeze(mean, axis=axis), np.sqrt(var)


def scale(X, *, axis=0, with_mean=True, with_std=True, copy=True):
    """Standardize a dataset along an axis (what load_diabetes(scaled=True) applies)."""
    validate("scale", {"axis": [Interval("int", 0, 1, "both")], "with_mean": ["boolean"], "with_std": ["boolean"], "copy": ["boolean"]}, locals())
    _no_sparse("scale", X)
    X = check_array(X, copy=copy, ensure_2d=False, estimator="the scale function", dtype=FLOAT_DTYPES, force_all_finite="allow-nan")
    if not isinstance(axis, numbers.Integral):
        raise TypeError("axis must be an int")
    if with_mean or with_std:
        mean_, scale_ = _nanmean_nanstd(X, axis)
    # np.rollaxis(X, axis) for a 2-D array: with axis=1 the rows are scaled, i.e. operate on the transpose
    Xr = X if axis == 0 or X.ndim == 1 else X.T
    if with_mean:
        Xr -= mean_
        mean_1 = _nanmean_nanstd(Xr, 0)[0]
        if not np.allclose(mean_1, 0):
            warnings.warn(
                "Numerical issues were encountered when centering the data and might not be solved. Dataset may "
                "contain too large values. You may need to prescale your features.",
                stacklevel=2,
            )
            Xr -= mean_1
    if with_std:
        scale_ = _handle_zeros_in_scale(scale_, copy=False)
        Xr /= scale_
        if with_mean:
            mean_2 = _nanmean_nanstd(Xr, 0)[0]
            if not np.allclose(mean_2, 0):
                warnings.warn(
                    "Numerical issues were encountered when scaling the data and might not be solved. The standard "
                    "deviation of the data is probably very close to 0. ",
                    stacklevel=2,
                )
                Xr -= mean_2
    return X
