# A more typical loop than loop07's: an MLP 20 -> 64 -> 64 -> 1 on shuffled minibatches of 32, with Adam.
# Prints the loop's own time per step, last.
import time
import torch
import torch.nn as nn

torch.manual_seed(0)
X = torch.randn(2048, 20)
y = (X[:, :5].sum(dim=1, keepdim=True) > 0).float()

model = nn.Sequential(nn.Linear(20, 64), nn.ReLU(), nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 1))
criterion = nn.BCEWithLogitsLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
batch = 32
steps = 1000
start = time.perf_counter()
step = 0
while step < steps:
    order = torch.randperm(len(X))
    for i in range(0, len(X), batch):
        idx = order[i:i + batch]
        optimizer.zero_grad()
        loss = criterion(model(X[idx]), y[idx])
        loss.backward()
        optimizer.step()
        step += 1
        if step == steps:
            break
print("%.1f us/step" % ((time.perf_counter() - start) / steps * 1e6))
