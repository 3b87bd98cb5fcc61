"""PolynomialFeatures: every product of the input features up to a degree, in scikit-learn 1.2's column order.

Each new column is an earlier column times one input feature, as scikit-learn's dense transform builds them
(x0·x1·x1 is (x1·x1)·x0), so the products round exactly as scikit-learn's do.
"""

import collections.abc
from itertools import chain, combinations, combinations_with_replacement
from math import comb
from numbers import Integral

import numpy as np

from ..base import BaseEstimator, TransformerMixin, _feature_names_in
from ..utils._param_validation import Interval, validate
from ..utils._str_array import StrArray
from ..utils.validation import FLOAT_DTYPES, check_is_fitted

__all__ = ["PolynomialFeatures"]


class PolynomialFeatures(TransformerMixin, BaseEstimator):
    """Generate polynomial and interaction features: [1, a, b, a^2, ab, b^2] for degree 2 and inputs [a, b]."""

    def __init__(self, degree=2, *, interaction_only=False, include_bias=True, order="C"):
        self.degree = degree
        self.interaction_only = interaction_only
        self.include_bias = include_bias
        self.order = order

    @staticmethod
    def _combinations(n_features, min_degree, max_degree, interaction_only, include_bias):
        comb_fn = combinations if interaction_only else combinations_with_replacement
        start = max(1, min_degree)
        it = chain.from_iterable(comb_fn(range(n_features), i) for i in range(start, max_degree + 1))
        if include_bias:
            it = chain(comb_fn(range(n_features), 0), it)
        return it

    @staticmethod
    def _num_combinations(n_features, min_degree, max_degree, interaction_only, include_bias):
        if interaction_only:
            n = sum(comb(n_features, i) for i in range(max(1, min_degree), min(max_degree, n_features) + 1))
        else:
            n = comb(n_features + max_degree, max_degree) - 1
            if min_degree > 0:
                d = min_degree - 1
                n -= comb(n_features + d, d) - 1
        return n + 1 if include_bias else n

    def _all_combinations(self):
        return self._combinations(self.n_features_in_, self._min_degree, self._max_degree, self.interaction_only, self.include_bias)

    @property
    def powers_(self):
        check_is_fitted(self)
        n = self.n_features_in_
        rows = []
        for c in self._all_combinations():
            row = [0] * n
            for j in c:
                row[j] += 1
            rows.append(row)
        return np.array(rows, dtype=np.int64).reshape(len(rows), n)

    def get_feature_names_out(self, input_features=None):
        check_is_fitted(self)
        names_in = _feature_names_in(self, input_features)
        names = []
        for row in self.powers_.tolist():
            parts = [names_in[j] if e == 1 else "%s^%d" % (names_in[j], e) for j, e in enumerate(row) if e]
            names.append(" ".join(parts) if parts else "1")
        return StrArray(names, object_dtype=True)

    def fit(self, X, y=None):
        validate(
            "PolynomialFeatures",
            {
                "degree": [Interval("int", 0, None, "left"), "array-like"],
                "interaction_only": ["boolean"],
                "include_bias": ["boolean"],
            },
            self.get_params(),
        )
        if self.order not in ("C", "F"):
            raise ValueError("The 'order' parameter of PolynomialFeatures must be a str among {'C', 'F'}. Got %r instead." % (self.order,))
        _, n_features = self._validate_data(X).shape
        degree = self.degree
        if isinstance(degree, Integral):
            if degree == 0 and not self.include_bias:
                raise ValueError(
                    "Setting degree to zero and include_bias to False would result in an empty output array."
                )
            self._min_degree = 0
            self._max_degree = int(degree)
        elif isinstance(degree, collections.abc.Iterable) and len(degree) == 2:
            self._min_degree, self._max_degree = degree
            if not (
                isinstance(self._min_degree, Integral)
                and isinstance(self._max_degree, Integral)
                and 0 <= self._min_degree <= self._max_degree
            ):
                raise ValueError(
                    f"degree=(min_degree, max_degree) must be non-negative integers that fulfil "
                    f"min_degree <= max_degree, got {degree}."
                )
            if self._max_degree == 0 and not self.include_bias:
                raise ValueError(
                    "Setting both min_degree and max_degree to zero and include_bias to False would result in an "
                    "empty output array."
                )
        else:
            raise ValueError(f"degree must be a non-negative int or tuple (min_degree, max_degree), got {degree}.")
        self.n_output_features_ = self._num_combinations(
            n_features, self._min_degree, self._max_degree, self.interaction_only, self.include_bias
        )
        return self

    def transform(self, X):
        check_is_fitted(self)
        X = self._validate_data(X, dtype=FLOAT_DTYPES, reset=False)
        n_samples, n_features = X.shape
        inputs = [X[:, j] for j in range(n_features)]
        values = {}

        def column(c):
            # scikit-learn's dense transform: the column for (j, *rest) is the column for rest times x_j
            v = values.get(c)
            if v is None:
                v = inputs[c[0]] if len(c) == 1 else column(c[1:]) * inputs[c[0]]
                values[c] = v
            return v

        columns = []
        for c in self._all_combinations():
            columns.append(np.ones(n_samples, dtype=X.dtype) if not c else column(c))
        if not columns:
            return np.empty((n_samples, 0), dtype=X.dtype)
        return np.stack(columns, axis=1)
