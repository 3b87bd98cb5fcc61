"""sklearn.base: what every provided estimator shares, as in scikit-learn 1.2.

get_params/set_params from the __init__ signature, the repr that shows only the parameters that differ from
their defaults (`StandardScaler(with_mean=False)`), the n_features_in_ check between fit and transform, and
the mixins: TransformerMixin.fit_transform, RegressorMixin.score (R²), OneToOneFeatureMixin's feature names.
"""

import inspect

import numpy as np

from .utils._str_array import StrArray
from .utils.validation import check_array, check_consistent_length, check_is_fitted, column_or_1d

__all__ = ["BaseEstimator", "OneToOneFeatureMixin", "RegressorMixin", "TransformerMixin", "clone"]

_REPR_WIDTH = 80


def _same(a, b):
    if a is b:
        return True
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        return False
    try:
        return bool(a == b) and type(a) is type(b)
    except Exception:
        return False


class BaseEstimator:
    """Parameters are the __init__ arguments, stored unchanged; fitted state ends in '_'."""

    @classmethod
    def _get_param_names(cls):
        init = cls.__init__
        if init is object.__init__:
            return []
        params = [p for p in inspect.signature(init).parameters.values() if p.name != "self" and p.kind != p.VAR_KEYWORD]
        return sorted(p.name for p in params)

    def get_params(self, deep=True):
        out = {}
        for key in self._get_param_names():
            value = getattr(self, key)
            if deep and hasattr(value, "get_params") and not isinstance(value, type):
                out.update((key + "__" + k, v) for k, v in value.get_params().items())
            out[key] = value
        return out

    def set_params(self, **params):
        if not params:
            return self
        valid = self.get_params(deep=True)
        for key, value in params.items():
            name, delim, sub_key = key.partition("__")
            if name not in valid:
                raise ValueError(
                    f"Invalid parameter {name!r} for estimator {self}. Valid parameters are: {self._get_param_names()!r}."
                )
            if delim:
                valid[name].set_params(**{sub_key: value})
            else:
                setattr(self, name, value)
                valid[name] = value
        return self

    def _changed_params(self):
        defaults = {p.name: p.default for p in inspect.signature(type(self).__init__).parameters.values()}
        return [(k, v) for k, v in self.get_params(deep=False).items() if not _same(v, defaults.get(k, inspect.Parameter.empty))]

    def __repr__(self):
        name = type(self).__name__
        parts = ["%s=%r" % (k, v) for k, v in sorted(self._changed_params())]
        one_line = "%s(%s)" % (name, ", ".join(parts))
        if len(one_line) <= _REPR_WIDTH:
            return one_line
        # scikit-learn's pretty printer: parameters packed onto lines indented under the first one
        indent = " " * (len(name) + 1)
        lines = []
        line = name + "("
        for i, part in enumerate(parts):
            piece = part + ("," if i < len(parts) - 1 else ")")
            if len(line) + len(piece) + 1 > _REPR_WIDTH and line.strip() not in (name + "(", ""):
                lines.append(line.rstrip())
                line = indent
            line += piece + " "
        lines.append(line.rstrip())
        return "\n".join(lines)

    def __getstate__(self):
        return dict(self.__dict__)

    def __setstate__(self, state):
        self.__dict__.update(state)

    def _check_n_features(self, X, reset):
        n_features = X.shape[1] if X.ndim == 2 else None
        if n_features is None:
            return
        if reset:
            self.n_features_in_ = n_features
            return
        if not hasattr(self, "n_features_in_"):
            return
        if n_features != self.n_features_in_:
            raise ValueError(
                f"X has {n_features} features, but {type(self).__name__} is expecting {self.n_features_in_} features as input."
            )

    def _validate_data(self, X="no_validation", y="no_validation", reset=True, multi_output=False, y_numeric=False, **check_params):
        check_params = {"estimator": self, **check_params}
        no_y = y is None or (isinstance(y, str) and y == "no_validation")
        if no_y:
            X = check_array(X, input_name="X", **check_params)
            out = X
        else:
            X = check_array(X, input_name="X", **check_params)
            y = _check_y(y, multi_output=multi_output, y_numeric=y_numeric, estimator=self)
            check_consistent_length(X, y)
            out = (X, y)
        if check_params.get("ensure_2d", True):
            self._check_n_features(X, reset=reset)
        return out


def _check_y(y, multi_output=False, y_numeric=False, estimator=None):
    if y is None:
        name = type(estimator).__name__ if estimator is not None else "estimator"
        raise ValueError(f"{name} requires y to be passed, but the target y is None")
    if multi_output:
        y = check_array(y, ensure_2d=False, dtype=None, input_name="y", estimator=estimator)
    else:
        y = column_or_1d(y, warn=True)
        check_array(y, ensure_2d=False, dtype=None, input_name="y", estimator=estimator, ensure_min_samples=0)
    if y_numeric and y.dtype.kind == "b":
        y = y.astype(np.float64)
    return y


class TransformerMixin:
    def fit_transform(self, X, y=None, **fit_params):
        if y is None:
            return self.fit(X, **fit_params).transform(X)
        return self.fit(X, y, **fit_params).transform(X)


class RegressorMixin:
    _estimator_type = "regressor"

    def score(self, X, y, sample_weight=None):
        from .metrics import r2_score

        return r2_score(y, self.predict(X), sample_weight=sample_weight)


def _feature_names_in(estimator, input_features):
    """The input feature names: the given ones (checked against n_features_in_) or x0, x1, ..."""
    n = getattr(estimator, "n_features_in_", None)
    if input_features is not None:
        names = input_features.tolist() if hasattr(input_features, "tolist") else list(input_features)
        if n is not None and len(names) != n:
            raise ValueError("input_features should have length equal to number of features ({}), got {}".format(n, len(names)))
        return [str(v) for v in names]
    if n is None:
        raise ValueError("Unable to generate feature names without n_features_in_")
    return ["x%d" % i for i in range(n)]


class OneToOneFeatureMixin:
    """Transformers whose output feature i is input feature i (the scalers)."""

    def get_feature_names_out(self, input_features=None):
        check_is_fitted(self, "n_features_in_")
        return StrArray(_feature_names_in(self, input_features), object_dtype=True)


def clone(estimator, *, safe=True):
    """A new unfitted estimator with the same parameters."""
    if isinstance(estimator, (list, tuple, set, frozenset)):
        return type(estimator)([clone(e, safe=safe) for e in estimator])
    if not hasattr(estimator, "get_params") or isinstance(estimator, type):
        if not safe:
            import copy

            return copy.deepcopy(estimator)
        raise TypeError(
            "Cannot clone object '%s' (type %s): it does not seem to be a scikit-learn estimator as it does not "
            "implement a 'get_params' method." % (repr(estimator), type(estimator))
        )
    params = estimator.get_params(deep=False)
    return type(estimator)(**{k: clone(v, safe=False) for k, v in params.items()})

