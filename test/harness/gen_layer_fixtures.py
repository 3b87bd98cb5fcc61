# Writes test/fixtures/nn_rnn.json and nn_attention.json (attention and the transformer encoder) from layer_cases.py: what real PyTorch records for each
# snippet. Run with the interpreter that has PyTorch (DEVELOPERS' /usr/bin/python3, torch 1.13):
#     /usr/bin/python3 test/harness/gen_layer_fixtures.py
import contextlib
import io
import json
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from layer_cases import ATTENTION_CASES, EPILOGUE, PRELUDE, RNN_CASES, TRANSFORMER_CASES  # noqa: E402


def _module_list_repr_as_2x(self):
    """PyTorch 2's ModuleList repr, for 1.13: a run of identical children prints once, as "(i-j): n x child"."""
    from torch.nn.modules.module import _addindent

    children = [repr(m) for m in self]
    if not children:
        return self._get_name() + "()"
    runs = []  # [first index, last index, repr]
    for i, r in enumerate(children):
        if runs and runs[-1][2] == r:
            runs[-1][1] = i
        else:
            runs.append([i, i, r])
    lines = []
    for first, last, r in runs:
        head = "(%d)" % first if first == last else "(%d-%d): %d x" % (first, last, last - first + 1)
        lines.append(_addindent(("%s: %s" if first == last else "%s %s") % (head, r), 2))
    return self._get_name() + "(\n  " + "\n  ".join(lines) + "\n)"


if int(torch.__version__.split(".")[0]) < 2:
    torch.nn.ModuleList.__repr__ = _module_list_repr_as_2x


def run(code):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(PRELUDE + code + EPILOGUE, "snippet.py", "exec"), {"__name__": "__main__"})
    return json.loads(out.getvalue().strip().split("\n")[-1])


def fixture(cases, name):
    entries = []
    for c in cases:
        recorded = run(c.get("reference", c["code"]))
        for key, value in c.get("expect", {}).items():
            if key not in recorded:
                sys.exit("case %r: no recorded key %r to override" % (c["name"], key))
            recorded[key] = value
        entry = {"name": c["name"], "code": c["code"], "recorded": recorded}
        if "note" in c:
            entry["note"] = c["note"]
        entries.append(entry)
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    with open(os.path.join(root, "fixtures", name), "w") as f:
        json.dump(
            {
                "about": "what each snippet (after the prelude) records under PyTorch %s, 2.x's words where a case's "
                "note says so; made by test/harness/gen_layer_fixtures.py from layer_cases.py" % torch.__version__,
                "prelude": PRELUDE,
                "epilogue": EPILOGUE,
                "cases": entries,
            },
            f,
            indent=None,
            separators=(",", ":"),
        )
        f.write("\n")
    print("wrote %d cases to %s" % (len(entries), name))


fixture(RNN_CASES, "nn_rnn.json")
fixture(ATTENTION_CASES + TRANSFORMER_CASES, "nn_attention.json")
