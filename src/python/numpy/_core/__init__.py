"""NumPy's core for the playground, cut along the real package's own numpy/_core modules.

Layered, lowest first, each importing only from those before it: _internal (engine calls, axis and shape
arguments), numerictypes (dtypes), scalars, multiarray (ndarray, arrays from data), umath (ufuncs, and ndarray's
operators), _methods (ndarray's reductions), numeric, shape_base, fromnumeric, arrayprint. Where NumPy's C core lets a lower layer call a higher one,
the higher module binds the methods onto the lower one's class (ndarray's operators, `a.sort()`, `round(scalar, 2)`:
no cost per call), or, on paths off the hot ones (np.float64([1, 2]), a scalar's `x.sum()`), the call imports
what it needs where it is made. `numpy/__init__.py` re-exports.
"""
