"""sklearn.datasets: the generators (make_regression, make_classification, make_blobs, make_moons,
make_circles, drawn exactly as scikit-learn draws them) and the loaders of the small data sets scikit-learn
ships (load_iris, load_diabetes, load_breast_cancer, load_digits). Other names raise an AttributeError."""

from ._base import load_breast_cancer, load_diabetes, load_digits, load_iris
from ._samples_generator import make_blobs, make_circles, make_classification, make_moons, make_regression

__all__ = [
    "load_breast_cancer", "load_diabetes", "load_digits", "load_iris",
    "make_blobs", "make_circles", "make_classification", "make_moons", "make_regression",
]


def __getattr__(name):
    from .. import _unsupported

    if name.startswith(("fetch_", "load_")):
        raise AttributeError(
            "sklearn.datasets.%s is not available: Autograd Playground has no network and ships only the small "
            "data sets scikit-learn itself ships (load_iris, load_diabetes, load_breast_cancer, load_digits)" % name,
            name=None,
        )
    raise _unsupported("sklearn.datasets", name, __all__)
