"""matplotlib-inline, Jupyter's inline backend, as far as scripts written in notebooks call it.

"Dive into Deep Learning" calls `backend_inline.set_matplotlib_formats('svg')` (chapter 2.4 directly, and d2l's
use_svg_display) to ask the notebook for vector output. Outside a notebook that chooses nothing anyone sees,
and the panel draws vectors anyway; see backend_inline.py.
"""

__version__ = "0.1.6"
