"""torch.linalg: norms, and the Cholesky factorisation and triangular solves of torch._triangular."""
import math as _math

from .._tensor import Tensor as _Tensor
from .._C import op as _op
from .._tensor_args import _wrap, _dims, numpy_names as _numpy_names
from .._dtype import from_name as _dt
from .. import _out
from .._triangular import (  # noqa: F401
    _LinAlgError as LinAlgError,
    cholesky,
    cholesky_ex,
    solve_triangular,
)

from .._dtype import SCALAR_NAMES as _NAMES  # noqa: E402


@_numpy_names
def vector_norm(x, ord=2, dim=None, keepdim=False, *, dtype=None, out=None):
    if not isinstance(x, _Tensor):
        raise TypeError("linalg_vector_norm(): argument 'input' (position 1) must be Tensor, not %s" % type(x).__name__)
    if out is not None:
        return _out.call("linalg.vector_norm", lambda: vector_norm(x, ord, dim, keepdim, dtype=dtype), out, (x,))
    if not x.dtype.is_floating_point:
        raise RuntimeError("linalg.vector_norm: Expected a floating point or complex tensor as input. Got %s" % _NAMES[x.dtype.name])
    if dtype is not None:
        dtype = _dt(dtype)
        if not dtype.is_floating_point:
            raise RuntimeError("linalg.vector_norm: dtype should be floating point or complex, but got %s" % _NAMES[dtype.name])
        x = x.to(dtype)
    if isinstance(ord, str):
        raise RuntimeError("linalg.vector_norm: ord must be a number, but got %r" % ord)
    return _wrap(_op("norm", x._t, float(ord), _dims(dim), keepdim))


def _matrix_norm(A, ord, dim, keepdim):
    """The matrix norms that need no singular values: Frobenius, and the largest/smallest column (1, -1) or row
    (inf, -inf) sum of absolute values."""
    if ord == "fro":
        return vector_norm(A, 2, dim, keepdim)
    if ord in ("nuc", 2, -2):
        raise NotImplementedError("Autograd Playground does not support torch.linalg.norm(ord=%r) (it needs singular values)" % ord)
    if ord not in (1, -1, _math.inf, -_math.inf):
        raise RuntimeError("linalg.matrix_norm: Order %s not supported." % ord)
    rows, cols = (d % A.dim() for d in dim)
    summed, reduced = (rows, cols) if abs(ord) == 1 else (cols, rows)
    sums = A.abs().sum(summed, keepdim=True)
    r = sums.amax(reduced, keepdim=True) if ord > 0 else sums.amin(reduced, keepdim=True)
    return r if keepdim else r.squeeze((rows, cols))


@_numpy_names
def norm(A, ord=None, dim=None, keepdim=False, *, out=None, dtype=None):
    if out is not None:
        _out.check_out("linalg.norm", out)
        # PyTorch 2 writes the vector 2-norm of ord=None through vector_norm's out= path, messages and all.
        name = "linalg.vector_norm" if ord is None else "linalg.norm"
        return _out.call(name, lambda: norm(A, ord, dim, keepdim, dtype=dtype), out, (A,))
    if ord is None:
        return vector_norm(A, 2, dim, keepdim, dtype=dtype)
    if dtype is not None:
        A = A.to(dtype)
    matrix = (isinstance(dim, (tuple, list)) and len(dim) == 2) or (dim is None and A.dim() == 2)
    if isinstance(ord, str) or matrix:
        if dim is None:
            if A.dim() != 2:
                raise RuntimeError("linalg.norm: If dim is not specified but ord is, the input must be 1D or 2D. Got %dD." % A.dim())
            dim = (-2, -1)
        return _matrix_norm(A, ord, dim, keepdim)
    if dim is None and A.dim() != 1:
        raise RuntimeError("linalg.norm: If dim is not specified but ord is, the input must be 1D or 2D. Got %dD." % A.dim())
    return vector_norm(A, ord, dim, keepdim)


# linalg.cross (torch._tensor_scans): out= as the other functions write it
def cross(input, other, *, dim=-1, out=None):
    from .._tensor_scans import linalg_cross

    if out is not None:
        return _out.call("linalg.cross", lambda: linalg_cross(input, other, dim=dim), out, (input, other))
    return linalg_cross(input, other, dim=dim)
