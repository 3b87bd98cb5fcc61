"""sklearn.linear_model: LinearRegression, fitted as scikit-learn 1.2 fits it (ordinary least squares on centred
data). Other estimators raise an AttributeError that names them."""

from ._base import LinearRegression

__all__ = ["LinearRegression"]


def __getattr__(name):
    from .. import _unsupported

    raise _unsupported("sklearn.linear_model", name, __all__)
