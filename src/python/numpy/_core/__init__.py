"""NumPy's core for the playground, cut along the real package's own numpy/_core modules.

Layered, lowest first, each importing only from those before it: _internal (engine calls, axis and shape
arguments), numerictypes (dtypes), scalars, multiarray (ndarray, arrays from data), umath (ufuncs, and ndarray's
operators), numeric, shape_base, fromnumeric, arrayprint. Where NumPy's C core lets a lower layer call a higher one
(a scalar's `round`, `a.sort()`), the call imports the function where it is made. `numpy/__init__.py` re-exports.
"""
