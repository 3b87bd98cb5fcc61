"""Least squares for LinearRegression, in plain Python floats: scipy.linalg.lstsq's answer without LAPACK.

scipy's default driver (gelsd) returns the minimum-norm solution, treating singular values below
eps * largest as zero. Here a Householder QR first reduces X to its small triangular factor R (one pass over
the data), and a one-sided Jacobi SVD of R gives the singular values and the same minimum-norm solution. Both
are backward stable, so the coefficients agree with scipy's to about 1e-13 relative on well-conditioned data;
they are not bit-identical, since LAPACK's operation order cannot be reproduced.
"""

import math
import operator

_EPS = 2.220446049250313e-16


def _dot(a, b):
    return math.fsum(map(operator.mul, a, b))


def _householder(columns, targets):
    """R (as columns of length k = min(n, p)) and Qᵀ·targets' first k entries, with columns/targets consumed."""
    n = len(columns[0]) if columns else 0
    p = len(columns)
    k = min(n, p)
    for i in range(k):
        x = columns[i][i:]
        norm = math.sqrt(_dot(x, x))
        if norm == 0.0:
            continue
        alpha = -math.copysign(norm, x[0])
        v = list(x)
        v[0] -= alpha
        vv = _dot(v, v)
        if vv == 0.0:
            continue
        for col in columns[i:] + targets:
            tail = col[i:]
            s = 2.0 * _dot(v, tail) / vv
            if s != 0.0:
                col[i:] = [t - s * vi for t, vi in zip(tail, v)]
    return [col[:k] for col in columns], [t[:k] for t in targets]


def _jacobi_svd(columns):
    """One-sided Jacobi on the columns of an m×p matrix: (W, V) with W = A·V, W's columns orthogonal."""
    p = len(columns)
    W = [list(c) for c in columns]
    V = [[1.0 if i == j else 0.0 for i in range(p)] for j in range(p)]
    for _sweep in range(60):
        rotated = False
        for i in range(p - 1):
            for j in range(i + 1, p):
                a = _dot(W[i], W[i])
                b = _dot(W[j], W[j])
                g = _dot(W[i], W[j])
                if g == 0.0 or abs(g) <= _EPS * math.sqrt(a * b):
                    continue
                rotated = True
                zeta = (b - a) / (2.0 * g)
                t = math.copysign(1.0, zeta) / (abs(zeta) + math.sqrt(1.0 + zeta * zeta))
                c = 1.0 / math.sqrt(1.0 + t * t)
                s = c * t
                wi, wj = W[i], W[j]
                W[i] = [c * x - s * y for x, y in zip(wi, wj)]
                W[j] = [s * x + c * y for x, y in zip(wi, wj)]
                vi, vj = V[i], V[j]
                V[i] = [c * x - s * y for x, y in zip(vi, vj)]
                V[j] = [s * x + c * y for x, y in zip(vi, vj)]
        if not rotated:
            break
    return W, V


def lstsq(columns, targets):
    """Minimum-norm least-squares solution of X·b = y for each target.

    `columns`: X's columns (lists of floats, each of length n); `targets`: the y columns. Returns
    (solutions, rank, singular values in decreasing order), each solution a list of p coefficients.
    """
    p = len(columns)
    R, c = _householder([list(col) for col in columns], [list(t) for t in targets])
    if not R or not R[0]:
        return [[0.0] * p for _ in targets], 0, []
    W, V = _jacobi_svd(R)
    sigma = [math.sqrt(_dot(w, w)) for w in W]
    largest = max(sigma) if sigma else 0.0
    cutoff = _EPS * largest
    kept = [j for j in range(p) if sigma[j] > cutoff and sigma[j] > 0.0]
    solutions = []
    for ct in c:
        b = [0.0] * p
        for j in kept:
            # u_j = w_j / sigma_j, so (u_j · c) / sigma_j = (w_j · c) / sigma_j²
            f = _dot(W[j], ct) / (sigma[j] * sigma[j])
            if f != 0.0:
                vj = V[j]
                b = [bi + f * vji for bi, vji in zip(b, vj)]
        solutions.append(b)
    singular = sorted(sigma, reverse=True)[: min(len(R[0]), p)]
    return solutions, len(kept), singular
