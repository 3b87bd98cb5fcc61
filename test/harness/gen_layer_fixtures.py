# Writes test/fixtures/nn_rnn.json and nn_attention.json from layer_cases.py: what real PyTorch records for each
# snippet. Run with the interpreter that has PyTorch (DEVELOPERS' /usr/bin/python3, torch 1.13):
#     /usr/bin/python3 test/harness/gen_layer_fixtures.py
import contextlib
import io
import json
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from layer_cases import ATTENTION_CASES, EPILOGUE, PRELUDE, RNN_CASES  # noqa: E402


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
fixture(ATTENTION_CASES, "nn_attention.json")
