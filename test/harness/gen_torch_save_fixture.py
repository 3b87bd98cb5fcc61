"""Writes test/fixtures/torch_save_linear.pt and torch_save_linear.json: a state_dict saved by real PyTorch
(and torch_save_half.pt, a float16 tensor: a dtype the playground lacks).

Run with real PyTorch: `/usr/bin/python3 test/harness/gen_torch_save_fixture.py`. The .pt file is what torch.save
wrote; the JSON holds each tensor's dtype, shape, stride and elements (float32 values as their bit patterns, so
that a test can compare bit for bit). test/python/torch/serialization.test.ts loads the file with the
playground's torch.load and compares.
"""
import collections
import json
import os
import struct

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "fixtures")

torch.manual_seed(0)
model = torch.nn.Linear(4, 3)
state = model.state_dict()
state["steps"] = torch.tensor([0, 7, -3, 2**40], dtype=torch.int64)
# A view that shares storage with another entry: loads must share it again.
state["weight_t"] = state["weight"].t()

pt = os.path.join(FIXTURES, "torch_save_linear.pt")
torch.save(state, pt)


def describe(t):
    if t.dtype == torch.float32:
        values = [struct.unpack("<I", struct.pack("<f", v))[0] for v in t.contiguous().view(-1).tolist()]
    else:
        values = t.contiguous().view(-1).tolist()
    return {"dtype": str(t.dtype).replace("torch.", ""), "shape": list(t.shape), "stride": list(t.stride()), "values": values}


reference = {
    "torch": torch.__version__,
    "keys": list(state.keys()),
    "tensors": collections.OrderedDict((k, describe(v)) for k, v in state.items()),
}
with open(os.path.join(FIXTURES, "torch_save_linear.json"), "w") as f:
    json.dump(reference, f, indent=1)
    f.write("\n")
torch.save({"h": torch.ones(2, dtype=torch.float16)}, os.path.join(FIXTURES, "torch_save_half.pt"))
print("wrote", pt)
