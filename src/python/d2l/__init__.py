"""d2l for the Autograd Playground: the helper library of "Dive into Deep Learning" (《动手学深度学习》).

Scripts import it as the book does, `from d2l import torch as d2l`; `d2l.torch` holds the helpers of the
chapters that run without downloads (linear regression, softmax regression's training loop, model selection,
weight decay, the optimisation chapter's 2-D traces) and names the rest. Written here from the book's documented
behaviour; see d2l/torch.py.

Like a fresh `python script.py`, every run imports `d2l.torch` anew: importing it moves Python's `random` stream
(see torch.py), and a session that runs several scripts must not let one script's import stand in for another's.
"""

import sys as _sys

from _playground import hooks as _hooks

__version__ = "2.0.0"


def _forget_backend_modules():
    # `from d2l import torch` finds the package attribute before sys.modules, so both go.
    for name in [m for m in _sys.modules if m.startswith(__name__ + ".")]:
        del _sys.modules[name]
        globals().pop(name.rpartition(".")[2], None)


_hooks.on_run_start(_forget_backend_modules)
