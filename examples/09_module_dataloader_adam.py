# An nn.Module trained with a DataLoader over a TensorDataset and the Adam optimizer.
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(42)

X = torch.linspace(-3, 3, 120).reshape(-1, 1)
y = 0.5 * X ** 2 - X + 1 + 0.1 * torch.randn(120, 1)

dataset = TensorDataset(X, y)
loader = DataLoader(dataset, batch_size=16, shuffle=True)


class SmallNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = nn.Sequential(nn.Linear(1, 16), nn.Tanh(), nn.Linear(16, 1))

    def forward(self, x):
        return self.layers(x)


model = SmallNet()
print(model)
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
loss_fn = nn.MSELoss()

for epoch in range(1, 31):
    total = 0.0
    for xb, yb in loader:
        optimizer.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(xb)
    if epoch % 10 == 0:
        print(f"epoch {epoch:2d}  mean loss {total / len(dataset):.4f}")

with torch.no_grad():
    test = torch.tensor([[-2.0], [0.0], [2.0]])
    print(model(test))
