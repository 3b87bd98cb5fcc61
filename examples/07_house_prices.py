# House prices from five features with a model class, nn.MSELoss and optim.SGD, and a loss curve.
import torch
import torch.nn as nn
import matplotlib.pyplot as plt

torch.manual_seed(0)

# Five standardised features per house: area, rooms, age, distance to the centre, floor.
n_houses = 200
X = torch.randn(n_houses, 5)
true_weights = torch.tensor([[3.0], [1.5], [-2.0], [-1.0], [0.5]])
y = X @ true_weights + 10.0 + 0.5 * torch.randn(n_houses, 1)


class HousePriceModel(nn.Module):
    def __init__(self, n_features):
        super().__init__()
        self.linear = nn.Linear(n_features, 1)

    def forward(self, x):
        return self.linear(x)


model = HousePriceModel(5)
print(model)
criterion = nn.MSELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.05)

losses = []
for epoch in range(100):
    optimizer.zero_grad()
    predictions = model(X)
    loss = criterion(predictions, y)
    loss.backward()
    optimizer.step()
    losses.append(loss.item())
    if (epoch + 1) % 20 == 0:
        print(f"Epoch [{epoch + 1}/100], Loss: {loss.item():.4f}")

print("weights:", model.linear.weight.data)
print("bias:", model.linear.bias.data)

plt.figure(figsize=(8, 4))
plt.plot(losses, label="training loss")
plt.xlabel("epoch")
plt.ylabel("MSE")
plt.title("House price model")
plt.legend()
plt.grid(True)
plt.savefig("house_prices_loss.png")
plt.show()
