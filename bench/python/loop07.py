# examples/07's loop, longer: the loop's own time, printed last.
import time
import torch
import torch.nn as nn

torch.manual_seed(0)
X = torch.randn(200, 5)
y = X @ torch.tensor([[3.0], [1.5], [-2.0], [-1.0], [0.5]]) + 10.0


class HousePriceModel(nn.Module):
    def __init__(self, n_features):
        super().__init__()
        self.linear = nn.Linear(n_features, 1)

    def forward(self, x):
        return self.linear(x)


model = HousePriceModel(5)
criterion = nn.MSELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
steps = 3000
start = time.perf_counter()
for epoch in range(steps):
    optimizer.zero_grad()
    loss = criterion(model(X), y)
    loss.backward()
    optimizer.step()
print("%.1f us/step" % ((time.perf_counter() - start) / steps * 1e6))
