# Cases for sklearn's preprocessing, datasets loaders, metrics and LinearRegression, run by two interpreters:
#   /usr/bin/python3 test/harness/sklearn_cases.py   (real scikit-learn 1.2 / NumPy 1.24) writes
#       test/fixtures/sklearn_estimators.json: each case with its expected result;
#   the playground (test/python/sklearn/estimators.test.ts) defines CASES_JSON with those cases and runs this
#       file, which prints the playground's results as one JSON list.
# A case is {"name", "code": statements ending in an assignment to `out`, "rtol"?, "error_type_only"?}.
# Results: {"out": value} or {"error": "Type: message"}. Arrays are {shape, dtype, data}; string and object
# arrays {strings, dtype}; sparse matrices {sparse: [rows, cols], nnz, dense}; estimators {repr}.
import json
import math

CASES = [
    # ---- datasets loaders --------------------------------------------------------------------------------
    {"name": "load_iris arrays", "code": "b = load_iris(); out = [b.data, b.target, b.target_names, b.feature_names, b.filename, b.data_module, b.frame]"},
    {"name": "load_iris keys and DESCR", "code": "b = load_iris(); out = [sorted(b.keys()), b.DESCR]"},
    {"name": "load_iris return_X_y", "code": "out = list(load_iris(return_X_y=True))"},
    {"name": "load_iris target_names indexing", "code": "b = load_iris(); out = [b.target_names[b.target[::25]], b.target_names[2], repr(b.target_names), str(b.target_names)]"},
    {"name": "load_breast_cancer", "code": "b = load_breast_cancer(); out = [b.data[::20], b.data.sum(axis=0), b.target, b.target_names, b.feature_names, b.filename, sorted(b.keys()), b.DESCR]"},
    {"name": "load_breast_cancer feature_names repr", "code": "out = [repr(load_breast_cancer().feature_names), str(load_breast_cancer().feature_names)]"},
    {"name": "load_diabetes scaled", "code": "b = load_diabetes(); out = [b.data, b.target, b.feature_names, b.data_filename, b.target_filename, sorted(b.keys()), b.DESCR]"},
    {"name": "load_diabetes unscaled", "code": "out = list(load_diabetes(return_X_y=True, scaled=False))"},
    {"name": "load_digits", "code": "b = load_digits(); out = [b.data[::50], b.data.sum(axis=0), b.data.shape, b.target, b.images[3], b.images.shape, b.target_names, b.feature_names[:3], sorted(b.keys()), b.DESCR]"},
    {"name": "load_digits n_class", "code": "X, y = load_digits(n_class=3, return_X_y=True); out = [X.shape, y[:20], X[5]]"},
    # ---- StandardScaler ----------------------------------------------------------------------------------
    {"name": "StandardScaler on iris", "code": "X = load_iris().data; s = StandardScaler(); Z = s.fit_transform(X); out = [Z, s.mean_, s.var_, s.scale_, int(s.n_samples_seen_), s.n_features_in_, repr(s)]"},
    {"name": "StandardScaler on breast cancer", "code": "X = load_breast_cancer().data; s = StandardScaler().fit(X); out = [s.transform(X[:20]), s.mean_, s.var_, s.scale_]"},
    {"name": "StandardScaler inverse_transform", "code": "X = load_diabetes(scaled=False).data; s = StandardScaler().fit(X); out = [s.inverse_transform(s.transform(X)), s.inverse_transform(np.ones((2, 10)))]"},
    {"name": "StandardScaler float32", "code": "X = load_iris().data.astype(np.float32); s = StandardScaler().fit(X); Z = s.transform(X); out = [Z, s.mean_, s.var_, s.scale_]"},
    {"name": "StandardScaler ints and constant column", "code": "s = StandardScaler(); Z = s.fit_transform([[1, 5], [3, 5], [4, 5], [10, 5]]); out = [Z, s.mean_, s.var_, s.scale_]"},
    {"name": "StandardScaler with_mean=False, with_std=False", "code": "a = StandardScaler(with_mean=False).fit([[1., 2.], [3., 7.]]); b = StandardScaler(with_std=False).fit([[1., 2.], [3., 7.]]); out = [a.transform([[1., 1.]]), a.mean_, a.scale_, b.transform([[1., 1.]]), b.var_, b.scale_, repr(a), repr(b)]"},
    {"name": "StandardScaler partial_fit", "code": "X = load_iris().data; s = StandardScaler(); s.partial_fit(X[:60]); s.partial_fit(X[60:]); out = [s.mean_, s.var_, s.scale_, int(s.n_samples_seen_)]"},
    {"name": "StandardScaler sample_weight", "rtol": 1e-14, "code": "X = load_iris().data[:20]; w = np.arange(1., 21.); s = StandardScaler().fit(X, sample_weight=w); out = [s.mean_, s.var_, s.scale_, float(s.n_samples_seen_)]"},
    {"name": "StandardScaler with NaN", "code": "s = StandardScaler().fit([[1., np.nan], [2., 4.], [4., 6.]]); out = [s.mean_, s.var_, list(s.n_samples_seen_), s.transform([[1., np.nan]])]"},
    {"name": "StandardScaler feature names", "code": "s = StandardScaler().fit(np.zeros((3, 3))); out = [s.get_feature_names_out(), s.get_feature_names_out(['a', 'b', 'c'])]"},
    {"name": "StandardScaler get/set_params", "code": "s = StandardScaler(); s.set_params(with_mean=False); out = [sorted(s.get_params().items()), repr(s)]"},
    {"name": "StandardScaler transform copy=False writes in place", "code": "X = np.array([[1., 2.], [3., 6.]]); s = StandardScaler(copy=False).fit(X); Z = s.transform(X); out = [X, Z is X]"},
    {"name": "StandardScaler 1-D input", "code": "StandardScaler().fit([1., 2., 3.])"},
    {"name": "StandardScaler scalar input", "code": "StandardScaler().fit(5.0)"},
    {"name": "StandardScaler 3-D input", "code": "StandardScaler().fit([[[1.]]])"},
    {"name": "StandardScaler no samples", "code": "StandardScaler().fit(np.zeros((0, 3)))"},
    {"name": "StandardScaler infinity", "code": "StandardScaler().fit([[1., np.inf]])"},
    {"name": "StandardScaler wrong feature count", "code": "StandardScaler().fit([[1., 2.], [3., 4.]]).transform([[1., 2., 3.]])"},
    {"name": "StandardScaler not fitted", "code": "StandardScaler().transform([[1., 2.]])"},
    {"name": "StandardScaler set_params unknown", "code": "StandardScaler().set_params(foo=1)"},
    {"name": "StandardScaler with strings", "code": "StandardScaler().fit([['a', 1.]])"},
    # ---- MinMaxScaler ------------------------------------------------------------------------------------
    {"name": "MinMaxScaler on iris", "code": "X = load_iris().data; m = MinMaxScaler(); Z = m.fit_transform(X); out = [Z, m.data_min_, m.data_max_, m.data_range_, m.scale_, m.min_, m.n_samples_seen_, m.n_features_in_, repr(m)]"},
    {"name": "MinMaxScaler feature_range and inverse", "code": "X = load_diabetes(scaled=False).data; m = MinMaxScaler(feature_range=(-1, 1)).fit(X); Z = m.transform(X); out = [Z, m.inverse_transform(Z), m.scale_, m.min_, repr(m)]"},
    {"name": "MinMaxScaler clip and constant column", "code": "m = MinMaxScaler(clip=True).fit([[0., 3.], [10., 3.]]); out = [m.transform([[-5., 3.], [5., 4.], [20., 2.]]), m.scale_, m.min_]"},
    {"name": "MinMaxScaler partial_fit", "code": "X = load_iris().data; m = MinMaxScaler(); m.partial_fit(X[:30]); m.partial_fit(X[30:]); out = [m.data_min_, m.data_max_, m.scale_, m.min_, m.n_samples_seen_]"},
    {"name": "MinMaxScaler with NaN", "code": "m = MinMaxScaler().fit([[1., np.nan], [3., 2.], [5., 4.]]); out = [m.data_min_, m.data_max_, m.transform([[2., np.nan]])]"},
    {"name": "MinMaxScaler float32", "code": "m = MinMaxScaler().fit(load_iris().data.astype(np.float32)); out = [m.transform(load_iris().data.astype(np.float32))[:5], m.scale_, m.min_]"},
    {"name": "MinMaxScaler bad range", "code": "MinMaxScaler(feature_range=(1, 0)).fit([[1.]])"},
    {"name": "MinMaxScaler feature names", "code": "out = [MinMaxScaler().fit([[1., 2.]]).get_feature_names_out(['p', 'q'])]"},
    # ---- scale -------------------------------------------------------------------------------------------
    {"name": "scale", "code": "X = load_iris().data; out = [scale(X), scale(X, with_mean=False), scale(X, with_std=False), scale(X[:, 0]), scale([[1., 2.], [3., 5.], [4., 9.]], axis=1)]"},
    # ---- PolynomialFeatures ------------------------------------------------------------------------------
    {"name": "PolynomialFeatures degree 2", "code": "X = load_iris().data[:10, :3]; p = PolynomialFeatures(); Z = p.fit_transform(X); out = [Z, p.powers_, p.get_feature_names_out(), p.n_output_features_, p.n_features_in_, repr(p)]"},
    {"name": "PolynomialFeatures degree 3 no bias", "code": "X = load_diabetes().data[:8, :2]; p = PolynomialFeatures(degree=3, include_bias=False); out = [p.fit_transform(X), p.get_feature_names_out(['a', 'b']), repr(p)]"},
    {"name": "PolynomialFeatures interaction_only", "code": "X = np.arange(12.).reshape(4, 3); p = PolynomialFeatures(degree=3, interaction_only=True); out = [p.fit_transform(X), p.powers_, p.get_feature_names_out()]"},
    {"name": "PolynomialFeatures degree tuple", "code": "X = np.arange(6.).reshape(3, 2) + 1; p = PolynomialFeatures(degree=(2, 3)); out = [p.fit_transform(X), p.get_feature_names_out(), p.n_output_features_]"},
    {"name": "PolynomialFeatures ints and float32", "code": "out = [PolynomialFeatures().fit_transform([[1, 2], [3, 4]]), PolynomialFeatures(2).fit_transform(np.array([[1.5, 2.25]], dtype=np.float32))]"},
    {"name": "PolynomialFeatures degree 0 without bias", "code": "PolynomialFeatures(degree=0, include_bias=False).fit([[1.]])"},
    {"name": "PolynomialFeatures bad degree tuple", "code": "PolynomialFeatures(degree=(3, 2)).fit([[1.]])"},
    # ---- OneHotEncoder -----------------------------------------------------------------------------------
    {"name": "OneHotEncoder dense on iris target", "code": "y = load_iris().target.reshape(-1, 1); e = OneHotEncoder(sparse_output=False); Z = e.fit_transform(y); out = [Z[::30], e.categories_, e.get_feature_names_out(), e.n_features_in_, e.drop_idx_, repr(e)]"},
    {"name": "OneHotEncoder sparse default", "code": "e = OneHotEncoder().fit([[1, 10], [2, 20], [1, 30]]); M = e.transform([[2, 30], [1, 10]]); out = [M, M.toarray(), repr(M), str(M), M.shape, M.nnz, e.categories_]"},
    {"name": "OneHotEncoder strings", "code": "e = OneHotEncoder(sparse_output=False).fit([['Male', 1], ['Female', 3], ['Female', 2]]); out = [e.transform([['Female', 1], ['Male', 2]]), e.categories_, e.get_feature_names_out(['gender', 'group']), repr(e.categories_[0])]"},
    {"name": "OneHotEncoder handle_unknown ignore", "code": "e = OneHotEncoder(handle_unknown='ignore', sparse_output=False).fit([['a'], ['b']]); out = [e.transform([['c'], ['b']]), repr(e)]"},
    {"name": "OneHotEncoder unknown category error", "code": "OneHotEncoder().fit([['a'], ['b']]).transform([['c']])"},
    {"name": "OneHotEncoder drop first and if_binary", "code": "X = [[1, 'x'], [2, 'y'], [3, 'x']]; a = OneHotEncoder(drop='first', sparse_output=False).fit(X); b = OneHotEncoder(drop='if_binary', sparse_output=False).fit(X); out = [a.transform(X), a.drop_idx_, a.get_feature_names_out(), b.transform(X), b.drop_idx_, b.get_feature_names_out()]"},
    {"name": "OneHotEncoder explicit categories and dtype", "code": "e = OneHotEncoder(categories=[[0, 1, 2]], sparse_output=False, dtype=np.int64).fit([[1], [2]]); out = [e.transform([[0], [2]]), e.categories_]"},
    {"name": "OneHotEncoder inverse_transform", "code": "e = OneHotEncoder(sparse_output=False).fit([[3., 1.], [5., 2.], [3., 4.]]); out = [e.inverse_transform(e.transform([[5., 4.], [3., 1.]])), e.inverse_transform([[1, 0, 0, 1, 0]])]"},
    {"name": "OneHotEncoder float categories", "code": "e = OneHotEncoder(sparse_output=False).fit([[0.5], [1.5], [0.5]]); out = [e.categories_, e.get_feature_names_out(), e.transform([[1.5]])]"},
    # ---- metrics -----------------------------------------------------------------------------------------
    {"name": "regression metrics", "code": "t = [3, -0.5, 2, 7]; p = [2.5, 0.0, 2, 8]; out = [mean_squared_error(t, p), mean_squared_error(t, p, squared=False), mean_absolute_error(t, p), r2_score(t, p)]"},
    {"name": "regression metrics with sample_weight", "code": "t = [3, -0.5, 2, 7]; p = [2.5, 0.0, 2, 8]; w = [1, 2, 0.5, 3]; out = [mean_squared_error(t, p, sample_weight=w), mean_absolute_error(t, p, sample_weight=w), r2_score(t, p, sample_weight=w)]"},
    {"name": "regression metrics multioutput", "code": "t = [[0.5, 1], [-1, 1], [7, -6]]; p = [[0, 2], [-1, 2], [8, -5]]; out = [mean_squared_error(t, p), mean_squared_error(t, p, multioutput='raw_values'), mean_squared_error(t, p, multioutput=[0.3, 0.7]), mean_absolute_error(t, p, multioutput='raw_values'), r2_score(t, p, multioutput='variance_weighted'), r2_score(t, p, multioutput='raw_values')]"},
    {"name": "r2_score edge cases", "code": "out = [r2_score([1, 2, 3], [1, 2, 3]), r2_score([1, 1, 1], [1, 1, 1]), r2_score([1, 1, 1], [1, 2, 1]), r2_score([1, 1, 1], [1, 2, 1], force_finite=False)]"},
    {"name": "metrics on diabetes arrays", "code": "X, y = load_diabetes(return_X_y=True); p = X[:, 2] * 900 + 150; out = [mean_squared_error(y, p), mean_absolute_error(y, p), r2_score(y, p), mean_squared_error(y.astype(np.float32), p.astype(np.float32))]"},
    {"name": "mean_squared_error shapes differ", "code": "mean_squared_error([[1, 2]], [[1, 2, 3]])"},
    {"name": "mean_squared_error lengths differ", "code": "mean_squared_error([1, 2], [1, 2, 3])"},
    {"name": "mean_squared_error bad multioutput", "code": "mean_squared_error([1, 2], [1, 2], multioutput='mean')"},
    {"name": "accuracy_score", "code": "out = [accuracy_score([0, 2, 1, 3], [0, 1, 2, 3]), accuracy_score([0, 2, 1, 3], [0, 1, 2, 3], normalize=False), accuracy_score(np.array([1, 1, 0]), np.array([1, 0, 0]), sample_weight=[0.5, 2, 1]), accuracy_score(['cat', 'dog', 'cat'], ['cat', 'cat', 'cat']), accuracy_score(np.array([[0, 1], [1, 1]]), np.ones((2, 2))), accuracy_score([1, 0, 1], [1, 1, 1], normalize=False, sample_weight=[1, 2, 3])]"},
    {"name": "accuracy_score on iris labels", "code": "y = load_iris().target; p = (load_iris().data[:, 2] > 2.5).astype(np.int64) + (load_iris().data[:, 2] > 4.9); out = [accuracy_score(y, p), accuracy_score(y, p, normalize=False)]"},
    {"name": "accuracy_score continuous", "code": "accuracy_score([0.5, 1.0], [1, 0])"},
    {"name": "accuracy_score binary and multiclass mixed with continuous", "code": "accuracy_score([0, 1, 2], [0.1, 1, 2])"},
    # ---- LinearRegression --------------------------------------------------------------------------------
    {"name": "LinearRegression on diabetes", "rtol": 1e-9, "code": "X, y = load_diabetes(return_X_y=True); m = LinearRegression().fit(X, y); out = [m.coef_, m.intercept_, m.rank_, m.singular_, m.predict(X[:20]), m.score(X, y), m.n_features_in_, repr(m)]"},
    {"name": "LinearRegression without intercept", "rtol": 1e-9, "code": "X, y = load_diabetes(return_X_y=True); m = LinearRegression(fit_intercept=False).fit(X[:, :4], y); out = [m.coef_, m.intercept_, m.predict(X[:5, :4]), m.score(X[:, :4], y), repr(m)]"},
    {"name": "LinearRegression multi-target", "rtol": 1e-9, "code": "X = load_iris().data[:, :2]; Y = load_iris().data[:, 2:]; m = LinearRegression().fit(X, Y); out = [m.coef_, m.intercept_, m.predict(X[:3]), m.score(X, Y)]"},
    {"name": "LinearRegression sample_weight", "rtol": 1e-9, "code": "X = load_iris().data[:, :3]; y = load_iris().data[:, 3]; w = np.linspace(0.5, 2, 150); m = LinearRegression().fit(X, y, sample_weight=w); out = [m.coef_, m.intercept_, m.score(X, y, sample_weight=w)]"},
    {"name": "LinearRegression exact line and ints", "rtol": 1e-9, "code": "m = LinearRegression().fit([[0], [1], [2], [3]], [1, 3, 5, 7]); out = [m.coef_, m.intercept_, m.predict([[10]])]"},
    {"name": "LinearRegression rank deficient (digits)", "rtol": 1e-6, "code": "X, y = load_digits(return_X_y=True); m = LinearRegression().fit(X[:300], y[:300]); out = [m.coef_, m.intercept_, m.rank_, m.predict(X[300:305])]"},
    {"name": "LinearRegression more features than samples", "rtol": 1e-9, "code": "X = np.array([[1., 2., 3.], [2., 0., 1.]]); m = LinearRegression().fit(X, [1., 2.]); out = [m.coef_, m.intercept_, m.rank_]"},
    {"name": "LinearRegression not fitted", "code": "LinearRegression().predict([[1.]])"},
    {"name": "LinearRegression inconsistent lengths", "code": "LinearRegression().fit([[1.], [2.]], [1, 2, 3])"},
    {"name": "LinearRegression get_params", "code": "out = [sorted(LinearRegression().get_params().items()), repr(LinearRegression(fit_intercept=False, copy_X=False))]"},
]


def flatten(v):
    if isinstance(v, list):
        out = []
        for x in v:
            out.extend(flatten(x))
        return out
    return [v]


def number(x):
    if isinstance(x, bool):
        return int(x)
    if isinstance(x, float) and math.isnan(x):
        return "nan"
    if isinstance(x, float) and math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return x


def enc(v):
    import numpy as np

    if hasattr(v, "toarray") and hasattr(v, "nnz"):
        return {"sparse": list(v.shape), "nnz": int(v.nnz), "dense": enc(v.toarray())}
    if hasattr(v, "get_params"):
        return {"repr": repr(v)}
    dtype = getattr(v, "dtype", None)
    if dtype is not None and hasattr(v, "shape") and len(v.shape) >= 1:
        if dtype.kind in ("U", "O"):
            return {"strings": [x if isinstance(x, str) else number(x) for x in v.tolist()], "dtype": str(dtype)}
        return {"shape": list(v.shape), "dtype": str(dtype), "data": [number(x) for x in flatten(v.tolist())]}
    if isinstance(v, (list, tuple)):
        return [enc(x) for x in v]
    if isinstance(v, dict):
        return {str(k): enc(x) for k, x in v.items()}
    if isinstance(v, (bool, int, float, str)) or v is None:
        return number(v)
    if hasattr(v, "item"):
        return number(v.item())
    return {"repr": repr(v)}


def run(case):
    import warnings

    import numpy as np
    from sklearn.datasets import load_breast_cancer, load_diabetes, load_digits, load_iris
    from sklearn.linear_model import LinearRegression
    from sklearn.metrics import accuracy_score, mean_absolute_error, mean_squared_error, r2_score
    from sklearn.preprocessing import MinMaxScaler, OneHotEncoder, PolynomialFeatures, StandardScaler, scale

    env = dict(locals())
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            exec(case["code"], env)
        return {"out": enc(env.get("out"))}
    except Exception as e:  # noqa: BLE001 - every failure is a result to compare
        return {"error": "%s: %s" % (type(e).__name__, e)}


if "CASES_JSON" in globals():
    print(json.dumps([run(c) for c in json.loads(CASES_JSON)]))  # noqa: F821 - defined by the test
elif __name__ == "__main__":
    import os

    import sklearn

    cases = [dict(c, **run(c)) for c in CASES]
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "sklearn_estimators.json")
    about = "scikit-learn %s through test/harness/sklearn_cases.py" % sklearn.__version__
    with open(path, "w") as f:
        json.dump({"about": about, "cases": cases}, f, indent=0)
        f.write("\n")
    print("wrote %d cases to %s" % (len(cases), os.path.normpath(path)))
