"""numpy.loadtxt, as NumPy 2 reads text: comments, delimiters, skipped rows, chosen columns, and NumPy's errors.

Files are read through `open`: in a run, paths are the script's folder (the working directory is its folder).
"""
import os
import warnings

from .._core.multiarray import array
from .._core.numerictypes import dtype as _dtype

_OPENERS = {".gz": "gzip", ".bz2": "bz2", ".xz": "lzma"}


def _lines(fname, encoding):
    """Yields the text lines of a path (plain or .gz/.bz2/.xz), a file object or an iterable of lines."""
    if isinstance(fname, (str, os.PathLike)):
        path = os.fspath(fname)
        opener = _OPENERS.get(os.path.splitext(path)[1])
        try:
            if opener is not None:
                f = __import__(opener).open(path, "rt", encoding=encoding)
            else:
                f = open(path, "rt", encoding=encoding)
        except FileNotFoundError:
            raise FileNotFoundError("%s not found." % path) from None
        with f:
            yield from f
        return
    for line in fname:
        yield line.decode(encoding or "latin1") if isinstance(line, bytes) else line


def _strip_comment(line, comments):
    for c in comments:
        i = line.find(c)
        if i >= 0:
            line = line[:i]
    return line


def _parser(dt):
    if dt.name == "bool":
        return lambda s: bool(int(s))
    if dt.kind in "iu":
        return int
    return float


def loadtxt(fname, dtype=float, comments="#", delimiter=None, converters=None, skiprows=0, usecols=None,
            unpack=False, ndmin=0, encoding=None, max_rows=None, *, quotechar=None, like=None):
    """numpy.loadtxt: rows of numbers from a text file (or lines), as an array of `dtype`."""
    if quotechar is not None:
        raise TypeError("loadtxt() argument 'quotechar' is not supported by Autograd Playground's NumPy")
    if like is not None:
        raise TypeError("loadtxt() argument 'like' is not supported by Autograd Playground's NumPy")
    if ndmin not in (0, 1, 2):
        raise ValueError("Illegal value of ndmin keyword: %s" % ndmin)
    dt = _dtype(dtype)
    if comments is None:
        comments = ()
    elif isinstance(comments, (str, bytes)):
        comments = (comments,)
    comments = tuple(c.decode("latin1") if isinstance(c, bytes) else c for c in comments)
    if isinstance(delimiter, bytes):
        delimiter = delimiter.decode("latin1")
    if usecols is not None:
        usecols = [int(usecols)] if not hasattr(usecols, "__iter__") else [int(c) for c in usecols]
    if converters is not None and not callable(converters) and not isinstance(converters, dict):
        raise TypeError("converters must be a dictionary mapping columns to converter functions or a single callable.")
    parse = _parser(dt)

    rows = []
    width = None
    for number, line in enumerate(_lines(fname, encoding)):
        if number < skiprows:
            continue
        if max_rows is not None and len(rows) >= max_rows:
            break
        line = _strip_comment(line.rstrip("\r\n"), comments)
        fields = line.split(delimiter) if delimiter is not None else line.split()
        if delimiter is None and not fields or delimiter is not None and not line.strip():
            continue
        row_number = len(rows) + 1
        if usecols is not None:
            picked = []
            for c in usecols:
                if not -len(fields) <= c < len(fields):
                    raise ValueError("invalid column index %d at row %d with %d columns" % (c, row_number, len(fields)))
                picked.append((c % len(fields), fields[c]))
        else:
            picked = list(enumerate(fields))
        if width is not None and len(picked) != width:
            raise ValueError(
                "the number of columns changed from %d to %d at row %d; use `usecols` to select a subset and avoid "
                "this error" % (width, len(picked), row_number)
            )
        width = len(picked)
        values = []
        for column, text in picked:
            convert = converters if callable(converters) else (converters or {}).get(column, None)
            try:
                values.append(convert(text) if convert is not None else parse(text.strip()))
            except ValueError:
                raise ValueError(
                    "could not convert string %r to %s at row %d, column %d." % (text, dt.name, row_number - 1, column + 1)
                ) from None
        rows.append(values)

    if not rows:
        warnings.warn('loadtxt: input contained no data: "%s"' % (fname,), UserWarning, stacklevel=2)
        result = array([], dtype=dt).reshape(0, 1)
    else:
        result = array(rows, dtype=dt)
    # As NumPy: the rows-by-columns array loses its dimensions of one beyond what ndmin asks to keep.
    if result.ndim > ndmin:
        result = result.reshape(tuple(n for n in result.shape if n != 1))
    if result.ndim < ndmin:
        result = result.reshape(-1)
    return result.T if unpack else result
