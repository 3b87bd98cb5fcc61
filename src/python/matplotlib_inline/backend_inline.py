"""The one function of the inline backend that scripts call: set_matplotlib_formats."""

# The formats IPython's inline backend can produce; others are refused, as IPython refuses them.
_SUPPORTED = ("jpeg", "jpg", "pdf", "png", "png2x", "retina", "svg")


def set_matplotlib_formats(*formats, **kwargs):
    """Accepts what Jupyter accepts and changes nothing: the notebook's image format (and the keywords it would
    pass to print_figure, such as quality=90) have no counterpart in a panel that draws every figure as vectors."""
    bad = [f for f in formats if f not in _SUPPORTED]
    if bad:
        raise ValueError(
            "supported formats are: %s not %s" % (",".join(repr(f) for f in _SUPPORTED), ",".join(repr(f) for f in bad))
        )


def __getattr__(name):
    if name.startswith("__"):
        raise AttributeError("module 'matplotlib_inline.backend_inline' has no attribute %r" % name)
    raise AttributeError(
        "matplotlib_inline.backend_inline.%s is not available: the Autograd Playground has no notebook; only "
        "set_matplotlib_formats is accepted" % name,
        name=None,
    )
