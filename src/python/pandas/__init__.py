"""pandas is not part of Autograd Playground.

`import pandas as pd` succeeds, so a script that imports it without needing it (or only for a line the learner
can rewrite) still runs; the first use of anything in it (`pd.read_csv`, `pd.DataFrame`, ...) raises a
NotImplementedError that says so, instead of an ImportError at the top of the file.
"""

__version__ = "0.0.0+playground-unavailable"

_MESSAGE = (
    "pandas.%s is not available: Autograd Playground has no pandas. Load data with Python's csv module or "
    "build it with numpy / torch directly (for example np.array(rows, dtype=float))."
)


def __getattr__(name):
    if name.startswith("__") and name.endswith("__"):
        raise AttributeError("module 'pandas' has no attribute '%s'" % name)
    raise NotImplementedError(_MESSAGE % name)
