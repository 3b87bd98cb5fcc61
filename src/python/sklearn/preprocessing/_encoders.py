"""OneHotEncoder, as scikit-learn 1.2 encodes: one 0/1 column per category of each feature, in sorted order.

Numeric features keep NumPy arrays of categories; features holding strings become object arrays of names
(StrArray), as scikit-learn turns a list of strings into an object array. The default sparse output is a small
CSR-matrix stand-in with scipy's repr, `toarray()` and `nnz`; there is no scipy in the playground.
"""

import math
import warnings

import numpy as np

from ..base import BaseEstimator, TransformerMixin, _feature_names_in
from ..utils._str_array import StrArray
from ..utils.validation import check_array, check_is_fitted

__all__ = ["OneHotEncoder"]

_DTYPES = {np.float64: "float64", np.float32: "float32", np.int64: "int64", float: "float64", int: "int64"}


class _CSRMatrix:
    """The part of scipy.sparse.csr_matrix that encoders' output is used through."""

    _playground_sparse = True
    format = "csr"

    def __init__(self, dense, nnz):
        self._dense = dense
        self.nnz = nnz

    @property
    def shape(self):
        return tuple(self._dense.shape)

    @property
    def dtype(self):
        return self._dense.dtype

    ndim = 2

    def toarray(self, order=None, out=None):
        if out is not None:
            raise NotImplementedError("toarray(out=...) is not supported by Autograd Playground's sparse matrices")
        return self._dense.copy()

    @property
    def A(self):
        return self.toarray()

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        raise AttributeError(
            "csr_matrix.%s is not supported: Autograd Playground's sparse matrices have toarray(), A, shape, nnz "
            "and dtype only; call toarray() or fit OneHotEncoder(sparse_output=False)" % name
        )

    def __repr__(self):
        rows, cols = self.shape
        return (
            "<%dx%d sparse matrix of type '<class 'numpy.%s'>'\n\twith %d stored elements in Compressed Sparse Row format>"
            % (rows, cols, self.dtype, self.nnz)
        )

    def __str__(self):
        lines = []
        values = self._dense.tolist()
        for i, row in enumerate(values):
            for j, v in enumerate(row):
                if v != 0:
                    lines.append("  (%d, %d)\t%s" % (i, j, v))
        return "\n".join(lines)


def _is_nan(v):
    return isinstance(v, float) and math.isnan(v)


def _sort_key(v):
    # np.unique's order: NaN after every number
    return (1, 0) if _is_nan(v) else (0, v)


class _Columns:
    """The input's features as Python lists, and whether it was numeric (an ndarray) or objects (strings)."""

    def __init__(self, X):
        try:
            arr = check_array(X, dtype=None, force_all_finite="allow-nan")
        except ValueError as e:
            if "could not convert string" not in str(e):
                raise
            arr = None
        if arr is not None:
            self.numeric = True
            self.dtype = arr.dtype
            self.n_samples, self.n_features = arr.shape
            rows = arr.tolist()
        else:
            self.numeric = False
            rows = [list(r) for r in (X.tolist() if hasattr(X, "tolist") else X)]
            widths = {len(r) for r in rows}
            if len(widths) > 1:
                raise ValueError("setting an array element with a sequence. The requested array has an inhomogeneous shape after 1 dimensions.")
            self.n_samples = len(rows)
            self.n_features = widths.pop() if widths else 0
            if self.n_samples == 0:
                raise ValueError("Found array with 0 sample(s) (shape=(0, %d)) while a minimum of 1 is required." % self.n_features)
        self.columns = [[r[j] for r in rows] for j in range(self.n_features)]


class OneHotEncoder(TransformerMixin, BaseEstimator):
    """Encode categorical features as a one-hot numeric array."""

    def __init__(self, *, categories="auto", drop=None, sparse="deprecated", sparse_output=True, dtype=np.float64, handle_unknown="error", min_frequency=None, max_categories=None):
        self.categories = categories
        self.sparse = sparse
        self.sparse_output = sparse_output
        self.dtype = dtype
        self.handle_unknown = handle_unknown
        self.drop = drop
        self.min_frequency = min_frequency
        self.max_categories = max_categories

    def _check_params(self):
        if self.handle_unknown not in ("error", "ignore", "infrequent_if_exist"):
            raise ValueError(
                "The 'handle_unknown' parameter of OneHotEncoder must be a str among {'error', 'ignore', "
                "'infrequent_if_exist'}. Got %r instead." % (self.handle_unknown,)
            )
        for name in ("min_frequency", "max_categories"):
            if getattr(self, name) is not None:
                raise NotImplementedError(
                    "OneHotEncoder(%s=...) is not supported by Autograd Playground (infrequent categories are not "
                    "grouped); leave it None" % name
                )
        if self.dtype not in _DTYPES:
            raise NotImplementedError(
                "OneHotEncoder(dtype=%r) is not supported by Autograd Playground; use np.float64, np.float32 or "
                "np.int64" % (self.dtype,)
            )

    def fit(self, X, y=None):
        self._check_params()
        if self.sparse != "deprecated":
            warnings.warn(
                "`sparse` was renamed to `sparse_output` in version 1.2 and will be removed in 1.4. `sparse_output` "
                "is ignored unless you leave `sparse` to its default value.",
                FutureWarning,
                stacklevel=2,
            )
            self.sparse_output = self.sparse
        data = _Columns(X)
        self.n_features_in_ = data.n_features
        self._numeric = data.numeric
        self._input_dtype = data.dtype if data.numeric else None
        if self.categories != "auto" and len(self.categories) != data.n_features:
            raise ValueError("Shape mismatch: if categories is an array, it has to be of shape (n_features,).")
        self._cats = []
        for i, col in enumerate(data.columns):
            if self.categories == "auto":
                seen = []
                keys = set()
                for v in col:
                    k = "nan" if _is_nan(v) else v
                    if k not in keys:
                        keys.add(k)
                        seen.append(v)
                try:
                    cats = sorted(seen, key=_sort_key)
                except TypeError:
                    raise TypeError(
                        "Encoders require their input argument must be uniformly strings or numbers. Got %s"
                        % sorted({type(v).__name__ for v in col})
                    ) from None
            else:
                given = self.categories[i]
                cats = list(given.tolist() if hasattr(given, "tolist") else given)
                if data.numeric and cats != sorted(cats, key=_sort_key):
                    raise ValueError("Unsorted categories are not supported for numerical categories")
                if self.handle_unknown == "error":
                    diff = sorted({v for v in col if v not in cats}, key=_sort_key)
                    if diff:
                        raise ValueError("Found unknown categories {0} in column {1} during fit".format(diff, i))
            self._cats.append(cats)
        self.categories_ = [self._category_array(c) for c in self._cats]
        drop_idx = self._compute_drop_idx()
        # scikit-learn keeps these in an object array (None where a feature drops nothing)
        self.drop_idx_ = None if drop_idx is None else StrArray(drop_idx, object_dtype=True)
        self._n_features_outs = [
            len(c) - (0 if self.drop_idx_ is None or self.drop_idx_[i] is None else 1) for i, c in enumerate(self._cats)
        ]
        return self

    def _category_array(self, cats):
        if self._numeric:
            return np.array(cats, dtype=self._input_dtype)
        return StrArray(cats, object_dtype=True)

    def _compute_drop_idx(self):
        if self.drop is None:
            return None
        if isinstance(self.drop, str):
            if self.drop == "first":
                return [0] * len(self._cats)
            if self.drop == "if_binary":
                return [0 if len(c) == 2 else None for c in self._cats]
            raise ValueError(
                "The 'drop' parameter of OneHotEncoder must be a str among {'first', 'if_binary'}, an array-like or "
                "None. Got %r instead." % (self.drop,)
            )
        values = list(self.drop.tolist() if hasattr(self.drop, "tolist") else self.drop)
        if len(values) != len(self._cats):
            raise ValueError(
                "`drop` should have length equal to the number of features ({}), got {}".format(len(self._cats), len(values))
            )
        out = []
        missing = []
        for i, (v, cats) in enumerate(zip(values, self._cats)):
            hits = [k for k, c in enumerate(cats) if (_is_nan(c) and _is_nan(v)) or c == v]
            if hits:
                out.append(hits[0])
            else:
                missing.append((i, v))
        if missing:
            raise ValueError(
                "The following categories were supposed to be dropped, but were not found in the training data.\n{}".format(
                    "\n".join("Category: {}, Feature: {}".format(c, v) for c, v in missing)
                )
            )
        return out

    def _codes(self, X):
        """For each sample and feature, the output column (None for an unknown or dropped category)."""
        data = _Columns(X)
        if data.n_features != self.n_features_in_:
            raise ValueError(
                f"X has {data.n_features} features, but OneHotEncoder is expecting {self.n_features_in_} features as input."
            )
        offsets = [0]
        for n in self._n_features_outs:
            offsets.append(offsets[-1] + n)
        codes = [[None] * data.n_features for _ in range(data.n_samples)]
        unknown_columns = []
        for i, col in enumerate(data.columns):
            cats = self._cats[i]
            index = {("nan" if _is_nan(c) else c): k for k, c in enumerate(cats)}
            drop = None if self.drop_idx_ is None else self.drop_idx_[i]
            unknown = []
            for r, v in enumerate(col):
                k = index.get("nan" if _is_nan(v) else v)
                if k is None:
                    unknown.append(v)
                    continue
                if drop is not None:
                    if k == drop:
                        continue
                    if k > drop:
                        k -= 1
                codes[r][i] = offsets[i] + k
            if unknown:
                if self.handle_unknown == "error":
                    diff = sorted(set(unknown), key=_sort_key)
                    raise ValueError("Found unknown categories {0} in column {1} during transform".format(diff, i))
                unknown_columns.append(i)
        if unknown_columns and self.drop is not None:
            warnings.warn(
                f"Found unknown categories in columns {unknown_columns} during transform. These unknown categories "
                "will be encoded as all zeros",
                UserWarning,
                stacklevel=3,
            )
        return codes, offsets[-1]

    def transform(self, X):
        check_is_fitted(self)
        codes, width = self._codes(X)
        flat = [0] * (len(codes) * width)
        nnz = 0
        for r, row in enumerate(codes):
            for c in row:
                if c is not None:
                    flat[r * width + c] = 1
                    nnz += 1
        dense = np.array(flat, dtype=_DTYPES[self.dtype]).reshape(len(codes), width)
        return _CSRMatrix(dense, nnz) if self.sparse_output else dense

    def inverse_transform(self, X):
        check_is_fitted(self)
        if not self._numeric:
            raise NotImplementedError(
                "OneHotEncoder.inverse_transform of string categories is not supported by Autograd Playground "
                "(its NumPy has no object arrays); map the column indices to categories_ yourself"
            )
        if isinstance(X, _CSRMatrix):
            X = X.toarray()
        X = check_array(X)
        n_out = sum(self._n_features_outs)
        if X.shape[1] != n_out:
            raise ValueError(
                "Shape of the passed X data is not correct. Expected {0} columns, got {1}.".format(n_out, X.shape[1])
            )
        rows = X.tolist()
        out = []
        unknown = False
        j = 0
        columns = []
        for i, cats in enumerate(self._cats):
            drop = None if self.drop_idx_ is None else self.drop_idx_[i]
            kept = [c for k, c in enumerate(cats) if k != drop]
            n = len(kept)
            col = []
            for r, row in enumerate(rows):
                sub = row[j:j + n]
                if n and any(v != 0 for v in sub):
                    col.append(kept[max(range(n), key=lambda k: (sub[k], -k))])
                elif drop is not None:
                    col.append(cats[drop])
                elif self.handle_unknown == "error":
                    raise ValueError(
                        "Samples [%s] can not be inverted when drop=None and handle_unknown='error' because they "
                        "contain all zeros" % " ".join(str(k) for k, rr in enumerate(rows) if not any(rr[j:j + n]))
                    )
                else:
                    unknown = True
                    col.append(None)
            columns.append(col)
            j += n
        if unknown:
            raise NotImplementedError(
                "OneHotEncoder.inverse_transform of unknown (all-zero) samples gives None in an object array, which "
                "Autograd Playground's NumPy cannot hold"
            )
        for r in range(len(rows)):
            out.append([columns[i][r] for i in range(len(self._cats))])
        return np.array(out, dtype=self._input_dtype).reshape(len(rows), len(self._cats))

    def get_feature_names_out(self, input_features=None):
        check_is_fitted(self)
        names_in = _feature_names_in(self, input_features)
        names = []
        for i, cats in enumerate(self._cats):
            drop = None if self.drop_idx_ is None else self.drop_idx_[i]
            shown = self.categories_[i].tolist()
            names.extend(names_in[i] + "_" + str(c) for k, c in enumerate(shown) if k != drop)
        return StrArray(names, object_dtype=True)

