"""LinearRegression: ordinary least squares, with scikit-learn 1.2's steps around the solver.

X and y are centred on their (weighted) means, rows are scaled by the square roots of the sample weights, the
minimum-norm least-squares problem is solved (utils/_linalg.py stands in for scipy.linalg.lstsq), and the
intercept is y_offset - X_offset · coef_.
"""

import numbers

import numpy as np

from ..base import BaseEstimator, RegressorMixin
from ..utils._linalg import lstsq
from ..utils._param_validation import validate
from ..utils.validation import FLOAT_DTYPES, _check_sample_weight, check_array, check_is_fitted

__all__ = ["LinearRegression"]


def _preprocess_data(X, y, fit_intercept, copy=True, sample_weight=None):
    X = check_array(X, copy=copy, dtype=FLOAT_DTYPES)
    y = np.asarray(y, dtype=X.dtype)
    if fit_intercept:
        X_offset = np.average(X, axis=0, weights=sample_weight).astype(X.dtype)
        X -= X_offset
        X_scale = np.ones(X.shape[1], dtype=X.dtype)
        y_offset = np.average(y, axis=0, weights=sample_weight)
        y = y - y_offset
    else:
        X_offset = np.zeros(X.shape[1], dtype=X.dtype)
        X_scale = np.ones(X.shape[1], dtype=X.dtype)
        y_offset = None  # the intercept is 0.0 then, whatever the offsets
    return X, y, X_offset, y_offset, X_scale


class LinearRegression(RegressorMixin, BaseEstimator):
    """Ordinary least squares: minimises ||y - X·coef_ - intercept_||²."""

    def __init__(self, *, fit_intercept=True, copy_X=True, n_jobs=None, positive=False):
        self.fit_intercept = fit_intercept
        self.copy_X = copy_X
        self.n_jobs = n_jobs
        self.positive = positive

    def fit(self, X, y, sample_weight=None):
        validate(
            "LinearRegression",
            {"fit_intercept": ["boolean"], "copy_X": ["boolean"], "positive": ["boolean"]},
            self.get_params(),
        )
        if self.n_jobs is not None and not isinstance(self.n_jobs, numbers.Integral):
            raise ValueError("The 'n_jobs' parameter of LinearRegression must be an instance of 'int' or None. Got %r instead." % (self.n_jobs,))
        if self.positive:
            raise NotImplementedError(
                "LinearRegression(positive=True) is not supported by Autograd Playground (it needs scipy's nnls)"
            )
        X, y = self._validate_data(X, y, y_numeric=True, multi_output=True)
        sample_weight = _check_sample_weight(sample_weight, X, dtype=X.dtype)
        if bool((sample_weight < 0).any()):
            raise ValueError("Negative values in data passed to `sample_weight`")
        X, y, X_offset, y_offset, X_scale = _preprocess_data(
            X, y, fit_intercept=self.fit_intercept, copy=self.copy_X, sample_weight=sample_weight
        )
        root = np.sqrt(sample_weight)
        X = X * root[:, None]
        y = y * (root if y.ndim == 1 else root[:, None])
        targets = [y.tolist()] if y.ndim == 1 else y.T.tolist()
        solutions, self.rank_, singular = lstsq(X.T.tolist(), targets)
        self.singular_ = np.array(singular, dtype=X.dtype)
        coef = np.array(solutions, dtype=X.dtype).reshape(len(solutions), X.shape[1])
        self.coef_ = coef.ravel() if y.ndim == 1 else coef
        if self.fit_intercept:
            self.coef_ = self.coef_ / X_scale
            self.intercept_ = y_offset - np.dot(X_offset, self.coef_.T)
        else:
            self.intercept_ = 0.0
        return self

    def predict(self, X):
        check_is_fitted(self)
        X = self._validate_data(X, reset=False)
        return np.matmul(X, self.coef_.T) + self.intercept_
