"""load_iris, load_diabetes, load_breast_cancer and load_digits: the small data sets scikit-learn ships.

The files in data/ and descr/ are scikit-learn's own (BSD-3-Clause; NOTICE.md names each data set's source),
read the way scikit-learn 1.2 reads them, so the arrays, names, descriptions and Bunch fields are the same.
as_frame=True needs pandas, which the playground does not have: it raises the ImportError scikit-learn raises
without pandas.
"""

import csv
import gzip
import os

import numpy as np

from ..utils import Bunch
from ..utils._str_array import StrArray

__all__ = ["load_breast_cancer", "load_diabetes", "load_digits", "load_iris"]

DATA_MODULE = "sklearn.datasets.data"
_HERE = os.path.dirname(__file__)


def _check_as_frame(caller, as_frame):
    if as_frame:
        raise ImportError("{} with as_frame=True requires pandas.".format(caller))


def load_descr(descr_file_name):
    """The text of descr/<descr_file_name> (each data set's DESCR)."""
    with open(os.path.join(_HERE, "descr", descr_file_name), encoding="utf-8") as f:
        return f.read()


def load_csv_data(data_file_name, *, descr_file_name=None):
    """data/<data_file_name> in scikit-learn's small-CSV layout: a header 'n_samples,n_features,*target_names',
    then one row per sample, its features followed by an integer target."""
    with open(os.path.join(_HERE, "data", data_file_name), encoding="utf-8") as f:
        rows = csv.reader(f)
        header = next(rows)
        n_samples, n_features = int(header[0]), int(header[1])
        target_names = StrArray(header[2:])
        values = []
        targets = []
        for row in rows:
            values.extend(float(v) for v in row[:-1])
            targets.append(int(row[-1]))
    data = np.array(values, dtype=np.float64).reshape(n_samples, n_features)
    target = np.array(targets, dtype=np.int64)
    if descr_file_name is None:
        return data, target, target_names
    return data, target, target_names, load_descr(descr_file_name)


def load_gzip_compressed_csv_data(data_file_name, *, descr_file_name=None, delimiter=None):
    """np.loadtxt of the gzipped data/<data_file_name> (whitespace-separated unless `delimiter` is given)."""
    with gzip.open(os.path.join(_HERE, "data", data_file_name), mode="rt", encoding="utf-8") as f:
        rows = [line.split(delimiter) for line in f if line.strip()]
    width = len(rows[0])
    flat = [float(v) for row in rows for v in row]
    data = np.array(flat, dtype=np.float64)
    if width > 1:
        data = data.reshape(len(rows), width)
    if descr_file_name is None:
        return data
    return data, load_descr(descr_file_name)


def load_iris(*, return_X_y=False, as_frame=False):
    """The iris data set: 150 flowers, 4 measurements, 3 species (a classic classification set)."""
    _check_as_frame("load_iris", as_frame)
    data_file_name = "iris.csv"
    data, target, target_names, fdescr = load_csv_data(data_file_name, descr_file_name="iris.rst")
    if return_X_y:
        return data, target
    feature_names = ["sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"]
    return Bunch(
        data=data,
        target=target,
        frame=None,
        target_names=target_names,
        DESCR=fdescr,
        feature_names=feature_names,
        filename=data_file_name,
        data_module=DATA_MODULE,
    )


_BREAST_CANCER_FEATURES = [
    "mean radius", "mean texture", "mean perimeter", "mean area", "mean smoothness", "mean compactness",
    "mean concavity", "mean concave points", "mean symmetry", "mean fractal dimension", "radius error",
    "texture error", "perimeter error", "area error", "smoothness error", "compactness error", "concavity error",
    "concave points error", "symmetry error", "fractal dimension error", "worst radius", "worst texture",
    "worst perimeter", "worst area", "worst smoothness", "worst compactness", "worst concavity",
    "worst concave points", "worst symmetry", "worst fractal dimension",
]


def load_breast_cancer(*, return_X_y=False, as_frame=False):
    """The Wisconsin diagnostic breast cancer set: 569 samples, 30 features, malignant (0) or benign (1)."""
    _check_as_frame("load_breast_cancer", as_frame)
    data_file_name = "breast_cancer.csv"
    data, target, target_names, fdescr = load_csv_data(data_file_name, descr_file_name="breast_cancer.rst")
    if return_X_y:
        return data, target
    return Bunch(
        data=data,
        target=target,
        frame=None,
        target_names=target_names,
        DESCR=fdescr,
        feature_names=StrArray(_BREAST_CANCER_FEATURES),
        filename=data_file_name,
        data_module=DATA_MODULE,
    )


def load_digits(*, n_class=10, return_X_y=False, as_frame=False):
    """8×8 images of handwritten digits: 1797 samples, 64 pixel features (0..16), 10 classes."""
    _check_as_frame("load_digits", as_frame)
    data, fdescr = load_gzip_compressed_csv_data("digits.csv.gz", descr_file_name="digits.rst", delimiter=",")
    target = data[:, -1].astype(np.int64)
    flat_data = np.ascontiguousarray(data[:, :-1])
    if n_class < 10:
        idx = target < n_class
        flat_data, target = flat_data[idx], target[idx]
    if return_X_y:
        return flat_data, target
    feature_names = ["pixel_{}_{}".format(row, col) for row in range(8) for col in range(8)]
    return Bunch(
        data=flat_data,
        target=target,
        frame=None,
        feature_names=feature_names,
        target_names=np.arange(10),
        images=flat_data.reshape(-1, 8, 8),
        DESCR=fdescr,
    )


def load_diabetes(*, return_X_y=False, as_frame=False, scaled=True):
    """The diabetes regression set: 442 patients, 10 baseline variables, disease progression after a year.

    With scaled=True (the default) each feature is centred and scaled by its standard deviation times
    sqrt(n_samples), so every column has sum of squares 1."""
    _check_as_frame("load_diabetes", as_frame)
    data_filename = "diabetes_data_raw.csv.gz"
    target_filename = "diabetes_target.csv.gz"
    data = load_gzip_compressed_csv_data(data_filename)
    target = load_gzip_compressed_csv_data(target_filename)
    if scaled:
        from ..preprocessing import scale

        data = scale(data, copy=False)
        data /= data.shape[0] ** 0.5
    if return_X_y:
        return data, target
    return Bunch(
        data=data,
        target=target,
        frame=None,
        DESCR=load_descr("diabetes.rst"),
        feature_names=["age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"],
        data_filename=data_filename,
        target_filename=target_filename,
        data_module=DATA_MODULE,
    )
