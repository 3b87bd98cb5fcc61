"""A one-dimensional array of strings, for what scikit-learn returns as NumPy string or object arrays.

The playground's NumPy holds numbers only, but scikit-learn hands back names: `load_iris().target_names`
(dtype '<U10'), `load_breast_cancer().feature_names`, `get_feature_names_out()` and OneHotEncoder's string
categories (dtype object). This class prints, indexes, iterates and compares like those arrays, so
`iris.target_names[iris.target]` and `print(names)` give NumPy's text.
"""

import numbers

import numpy as np

_LINE_WIDTH = 75
_THRESHOLD = 1000
_EDGE_ITEMS = 3


class StrDType:
    """The dtype of a StrArray: '<U{n}' for a string array, object for an object array."""

    def __init__(self, kind, length=0):
        self.kind = kind  # 'U' or 'O'
        self._length = length

    @property
    def name(self):
        return "object" if self.kind == "O" else "str%d" % (32 * self._length)

    @property
    def str(self):
        return "|O" if self.kind == "O" else "<U%d" % self._length

    def __repr__(self):
        return "dtype('O')" if self.kind == "O" else "dtype('<U%d')" % self._length

    def __str__(self):
        return "object" if self.kind == "O" else "<U%d" % self._length

    def __eq__(self, other):
        if isinstance(other, StrDType):
            return (self.kind, self._length) == (other.kind, other._length)
        if other is object:
            return self.kind == "O"
        if other is str:
            return self.kind == "U"
        if isinstance(other, str):
            return other in (str(self), self.str, self.name)
        return False

    def __hash__(self):
        return hash((self.kind, self._length))


def _extend_line(s, line, word, width, prefix):
    # NumPy's _extendLine: wrap before a word that would pass the width, unless the line holds nothing yet.
    if len(line) + len(word) > width and len(line) > len(prefix):
        s += line.rstrip() + "\n"
        line = prefix
    return s, line + word


def _format(words, separator, width, indent):
    """NumPy's _formatArray for one axis: `indent` is the hanging indent of the prefix ('array(' or '')."""
    hanging = indent + " "
    elem_width = width - max(len(separator.rstrip()), 1)
    s = ""
    line = hanging
    for word in words[:-1]:
        s, line = _extend_line(s, line, word, elem_width, hanging)
        line += separator
    if words:
        s, line = _extend_line(s, line, words[-1], elem_width, hanging)
    s += line
    return "[" + s[len(hanging):] + "]"


class StrArray:
    """A 1-d array of Python strings ('<U' dtype) or objects (dtype object)."""

    __array_priority__ = 10

    def __init__(self, items, object_dtype=False):
        self._items = list(items)
        if object_dtype:
            self.dtype = StrDType("O")
        else:
            self.dtype = StrDType("U", max((len(v) for v in self._items), default=1) or 1)

    @property
    def shape(self):
        return (len(self._items),)

    ndim = 1

    @property
    def size(self):
        return len(self._items)

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(self._items)

    def __contains__(self, value):
        return value in self._items

    def tolist(self):
        return list(self._items)

    def copy(self):
        return StrArray(self._items, self.dtype.kind == "O")

    def _like(self, items):
        return StrArray(items, self.dtype.kind == "O")

    def __getitem__(self, key):
        if isinstance(key, slice):
            return self._like(self._items[key])
        if isinstance(key, numbers.Integral) or (hasattr(key, "__index__") and getattr(key, "ndim", 0) == 0 and not isinstance(key, bool)):
            return self._items[key.__index__()]
        picks = key.tolist() if hasattr(key, "tolist") else list(key)
        if picks and all(isinstance(p, bool) for p in picks):
            if len(picks) != len(self._items):
                raise IndexError(
                    "boolean index did not match indexed array along dimension 0; dimension is %d but corresponding "
                    "boolean dimension is %d" % (len(self._items), len(picks))
                )
            return self._like(v for v, keep in zip(self._items, picks) if keep)
        out = []
        n = len(self._items)
        for p in picks:
            if isinstance(p, list):
                raise IndexError("only one-dimensional indexing is supported for string arrays in Autograd Playground")
            i = int(p)
            if not -n <= i < n:
                raise IndexError("index %d is out of bounds for axis 0 with size %d" % (i, n))
            out.append(self._items[i])
        return self._like(out)

    def __setitem__(self, key, value):
        if not isinstance(key, numbers.Integral):
            raise TypeError("string arrays in Autograd Playground take one integer index on assignment")
        self._items[key] = value

    def __eq__(self, other):
        values = other.tolist() if hasattr(other, "tolist") else other
        if isinstance(values, (list, tuple)):
            if len(values) != len(self._items):
                raise ValueError(
                    "operands could not be broadcast together with shapes (%d,) (%d,) " % (len(self._items), len(values))
                )
            return np.array([a == b for a, b in zip(self._items, values)], dtype=bool)
        return np.array([a == values for a in self._items], dtype=bool)

    def __ne__(self, other):
        return ~self.__eq__(other)

    __hash__ = None

    def _words(self):
        words = [repr(v) for v in self._items]
        if len(words) > _THRESHOLD:
            words = words[:_EDGE_ITEMS] + ["..."] + words[-_EDGE_ITEMS:]
        return words

    def __str__(self):
        return _format(self._words(), " ", _LINE_WIDTH, "")

    def __repr__(self):
        body = "array(" + _format(self._words(), ", ", _LINE_WIDTH - 1, " " * 6) + ","
        dtype = "dtype=object)" if self.dtype.kind == "O" else "dtype='%s')" % self.dtype
        last = len(body) - (body.rfind("\n") + 1)
        spacer = "\n" + " " * 6 if last + len(dtype) + 1 > _LINE_WIDTH else " "
        return body + spacer + dtype
