# Writes test/fixtures/autograd_function.json from autograd_function_cases.py: what real PyTorch prints for each
# snippet. Run with the interpreter that has PyTorch (DEVELOPERS' /usr/bin/python3, torch 1.13):
#     /usr/bin/python3 test/harness/gen_autograd_function_fixture.py
# 2.x-only cases run their `reference` instead; `replace` turns 1.13's text into 2.x's where they differ.
import contextlib
import io
import json
import os
import re
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from autograd_function_cases import CASES, PRELUDE  # noqa: E402

ADDRESS = re.compile(r"0x[0-9a-f]+")


def run(code):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(PRELUDE + code, "snippet.py", "exec"), {"__name__": "__main__"})
    return ADDRESS.sub("0x?", out.getvalue())


cases = []
for c in CASES:
    stdout = run(c.get("reference", c["code"]))
    for old, new in c.get("replace", []):
        if old not in stdout:
            sys.exit("case %r: the text to replace is not in PyTorch's output: %r" % (c["name"], old))
        stdout = stdout.replace(old, new)
    entry = {"name": c["name"], "code": c["code"], "stdout": stdout}
    if "note" in c:
        entry["note"] = c["note"]
    cases.append(entry)

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
with open(os.path.join(root, "fixtures", "autograd_function.json"), "w") as f:
    json.dump(
        {
            "about": "stdout of each snippet (after the prelude) under PyTorch %s, addresses as 0x?; "
            "made by test/harness/gen_autograd_function_fixture.py from autograd_function_cases.py" % torch.__version__,
            "prelude": PRELUDE,
            "cases": cases,
        },
        f,
        indent=1,
    )
    f.write("\n")
print("wrote %d cases" % len(cases))
