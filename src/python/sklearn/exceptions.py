"""sklearn.exceptions: the warnings and errors the provided estimators and metrics raise."""

__all__ = ["DataConversionWarning", "NotFittedError", "UndefinedMetricWarning"]


class NotFittedError(ValueError, AttributeError):
    """An estimator used before fit (a ValueError and an AttributeError, as in scikit-learn)."""


class DataConversionWarning(UserWarning):
    """Input data converted in a way the caller may not expect (a column vector given as y)."""


class UndefinedMetricWarning(UserWarning):
    """A metric that is not defined for the input (r2_score of one sample)."""
