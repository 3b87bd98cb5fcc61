"""sklearn.preprocessing: StandardScaler, MinMaxScaler, scale, PolynomialFeatures and OneHotEncoder, computed as
scikit-learn 1.2 computes them. Other names raise an AttributeError that says the module is partial here."""

from ._data import MinMaxScaler, StandardScaler, scale
from ._encoders import OneHotEncoder
from ._polynomial import PolynomialFeatures

__all__ = ["MinMaxScaler", "OneHotEncoder", "PolynomialFeatures", "StandardScaler", "scale"]


def __getattr__(name):
    from .. import _unsupported

    raise _unsupported("sklearn.preprocessing", name, __all__)
