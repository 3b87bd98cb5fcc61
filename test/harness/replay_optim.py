# Replays optim.json: 25 full-batch steps of MSE linear regression from zeros for each optimizer configuration,
# once with explicit `w`/`b` tensors and once with nn.Linear + nn.MSELoss. Prints the trajectories as JSON.
import json
import torch
import torch.nn as nn

REF = json.loads(CASES_JSON)


def tensor_of(spec):
    return torch.tensor(spec["data"], dtype=getattr(torch, spec["dtype"])).reshape(spec["shape"])


X = tensor_of(REF["X"])
Y = tensor_of(REF["Y"])
STEPS = len(REF["cases"][0]["trajectory"])


def run_tensors(optimizer):
    w = torch.zeros(3, 1, requires_grad=True)
    b = torch.zeros(1, requires_grad=True)
    params = [w, b]
    opt = eval(optimizer, {"torch": torch, "params": params})
    out = []
    for _ in range(STEPS):
        opt.zero_grad()
        loss = ((X @ w + b - Y) ** 2).mean()
        loss.backward()
        opt.step()
        out.append({"loss": loss.item(), "w": w.detach().flatten().tolist(), "b": b.item()})
    return out


def run_module(optimizer):
    model = nn.Linear(3, 1)
    with torch.no_grad():
        model.weight.zero_()
        model.bias.zero_()
    params = model.parameters()
    opt = eval(optimizer, {"torch": torch, "params": params})
    loss_fn = nn.MSELoss()
    out = []
    for _ in range(STEPS):
        opt.zero_grad()
        loss = loss_fn(model(X), Y)
        loss.backward()
        opt.step()
        out.append({"loss": loss.item(), "w": model.weight.detach().flatten().tolist(), "b": model.bias.item()})
    return out


results = []
for case in REF["cases"]:
    r = {}
    for name, fn in (("tensors", run_tensors), ("module", run_module)):
        try:
            r[name] = fn(case["optimizer"])
        except Exception as e:
            r[name] = {"error": "%s: %s" % (type(e).__name__, e)}
    results.append(r)
print(json.dumps(results))
