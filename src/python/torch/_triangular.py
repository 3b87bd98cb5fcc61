"""Triangular matrices: tril/triu and tril_indices/triu_indices, the Cholesky factorisation and triangular solves (torch.linalg's names and
torch's older ones), over the engine's ops/triangular.ts. MultivariateNormal is built on them."""
import warnings

from ._C import op as _op
from ._tensor_args import _wrap
from . import _out
from .return_types import _named
from ._tensor_args import _tensor_from_data
from ._device import check_factory_device as _check_device
from ._dtype import int64

linalg_cholesky_ex = _named("linalg_cholesky_ex", ("L", "info"))
triangular_solve_result = _named("triangular_solve", ("solution", "cloned_coefficient"))


class _LinAlgError(RuntimeError):
    """torch.linalg.LinAlgError: a factorisation that could not be completed."""


_LinAlgError.__module__ = "torch._C"


def _check_info(what, info):
    bad = [(i, int(v)) for i, v in enumerate(info.reshape(-1).tolist()) if v != 0]
    if not bad:
        return
    index, order = bad[0]
    batch = "(Batch element %d): " % index if info.dim() > 0 else ""
    raise _LinAlgError(
        "%s: %sThe factorization could not be completed because the input is not positive-definite "
        "(the leading minor of order %d is not positive-definite)." % (what, batch, order)
    )


def tril(input, diagonal=0, *, out=None):
    if out is not None:
        return _out.call("tril", lambda: input.tril(diagonal), out, (input,))
    return input.tril(diagonal)


def triu(input, diagonal=0, *, out=None):
    if out is not None:
        return _out.call("triu", lambda: input.triu(diagonal), out, (input,))
    return input.triu(diagonal)


def cholesky_ex(A, *, upper=False, check_errors=False, out=None):
    if out is not None:
        compute = lambda: cholesky_ex(A, upper=upper, check_errors=check_errors)  # noqa: E731
        return _out.call_pair("linalg.cholesky_ex", compute, out, (A,), _named("linalg_cholesky_ex_out", ("L", "info")))
    L, info = _op("cholesky_ex", A._t, bool(upper))
    info = _wrap(info)
    if check_errors:
        _check_info("linalg.cholesky", info)
    return linalg_cholesky_ex(_wrap(L), info)


def cholesky(A, *, upper=False, out=None):
    """torch.linalg.cholesky."""
    if out is not None:
        return _out.call("linalg.cholesky", lambda: cholesky(A, upper=upper), out, (A,))
    result = cholesky_ex(A, upper=upper)
    _check_info("linalg.cholesky", result.info)
    return result.L


_CHOLESKY_DEPRECATED = (
    "torch.cholesky is deprecated in favor of torch.linalg.cholesky and will be removed in a future PyTorch release.\n"
    "L = torch.cholesky(A)\nshould be replaced with\nL = torch.linalg.cholesky(A)\nand\n"
    "U = torch.cholesky(A, upper=True)\nshould be replaced with\nU = torch.linalg.cholesky(A).mH\n"
    "This transform will produce equivalent results for all valid (symmetric positive definite) inputs."
)


def cholesky_legacy(input, upper=False, *, out=None):
    """torch.cholesky (deprecated in PyTorch, which warns once)."""
    if out is not None:
        return _out.call("cholesky", lambda: cholesky_legacy(input, upper), out, (input,))
    warnings.warn(_CHOLESKY_DEPRECATED, UserWarning, stacklevel=2)
    result = cholesky_ex(input, upper=upper)
    _check_info("cholesky", result.info)
    return result.L


def solve_triangular(A, B, *, upper, left=True, unitriangular=False, out=None):
    """torch.linalg.solve_triangular."""
    if out is not None:
        compute = lambda: solve_triangular(A, B, upper=upper, left=left, unitriangular=unitriangular)  # noqa: E731
        return _out.call("linalg.solve_triangular", compute, out, (A, B))
    return _wrap(_op("solve_triangular", A._t, B._t, bool(upper), bool(left), bool(unitriangular)))


_TRIANGULAR_SOLVE_DEPRECATED = (
    "torch.triangular_solve is deprecated in favor of torch.linalg.solve_triangular"
    "and will be removed in a future PyTorch release.\n"
    "torch.linalg.solve_triangular has its arguments reversed and does not return a copy of one of the inputs.\n"
    "X = torch.triangular_solve(B, A).solution\nshould be replaced with\nX = torch.linalg.solve_triangular(A, B)."
)


def triangular_solve(b, A, upper=True, transpose=False, unitriangular=False, *, out=None):
    """torch.triangular_solve (deprecated in PyTorch, which warns once): returns (solution, cloned_coefficient)."""
    if out is not None:
        compute = lambda: triangular_solve(b, A, upper, transpose, unitriangular)  # noqa: E731
        return _out.call_pair("triangular_solve", compute, out, (b, A), _named("triangular_solve_out", ("solution", "cloned_coefficient")))
    warnings.warn(_TRIANGULAR_SOLVE_DEPRECATED, UserWarning, stacklevel=2)
    coefficient = A.mT if transpose else A
    solution = solve_triangular(coefficient, b, upper=(not upper) if transpose else upper, unitriangular=unitriangular)
    return triangular_solve_result(solution, A.clone())


def cholesky_inverse(L, upper=False, *, out=None):
    """(L Lᴴ)⁻¹ from a Cholesky factor, through two triangular solves (PyTorch calls LAPACK's potri)."""
    if out is not None:
        return _out.call("cholesky_inverse", lambda: cholesky_inverse(L, upper), out, (L,))
    from . import eye

    identity = eye(L.shape[-1], dtype=L.dtype)
    if upper:
        inv = solve_triangular(L, identity, upper=True)
        return inv.matmul(inv.mT)
    inv = solve_triangular(L, identity, upper=False)
    return inv.mT.matmul(inv)


def _tri_indices(name, keep):
    # No layout=: the playground's tensors are all strided, and a keyword it cannot honour must not pass silently.
    def f(row, col, offset=0, *, dtype=None, device=None):
        _check_device(device)
        pairs = [(r, c) for r in range(row) for c in range(col) if keep(c - r, offset)]
        data = [[r for r, _ in pairs], [c for _, c in pairs]]
        return _tensor_from_data(data, int64 if dtype is None else dtype).reshape(2, len(pairs))

    f.__name__ = f.__qualname__ = name
    return f


tril_indices = _tri_indices("tril_indices", lambda d, offset: d <= offset)
triu_indices = _tri_indices("triu_indices", lambda d, offset: d >= offset)
