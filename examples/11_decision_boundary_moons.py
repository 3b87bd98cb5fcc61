# A small network learns the two moons; its decision boundary is drawn with contourf over a meshgrid.
import numpy as np
import torch
from torch import nn
import matplotlib.pyplot as plt
from sklearn.datasets import make_moons
from sklearn.metrics import accuracy_score
from sklearn.preprocessing import StandardScaler

torch.manual_seed(0)
X_np, y_np = make_moons(n_samples=200, noise=0.2, random_state=0)
scaler = StandardScaler()
X_std = scaler.fit_transform(X_np)
print("feature means:", scaler.mean_.round(4), "scales:", scaler.scale_.round(4))

X = torch.tensor(X_std, dtype=torch.float32)
y = torch.tensor(y_np, dtype=torch.float32).reshape(-1, 1)

model = nn.Sequential(nn.Linear(2, 16), nn.Tanh(), nn.Linear(16, 1))
loss_fn = nn.BCEWithLogitsLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=0.05)

for epoch in range(200):
    optimizer.zero_grad()
    loss = loss_fn(model(X), y)
    loss.backward()
    optimizer.step()
    if epoch % 50 == 49:
        print(f"epoch {epoch + 1}: loss = {loss.item():.4f}")

with torch.no_grad():
    predicted = (model(X) > 0).int().reshape(-1).numpy()
print("training accuracy:", accuracy_score(y_np, predicted))

# Classify every point of a grid covering the data, then colour the grid by class.
x_min, x_max = X_std[:, 0].min() - 0.5, X_std[:, 0].max() + 0.5
y_min, y_max = X_std[:, 1].min() - 0.5, X_std[:, 1].max() + 0.5
xx, yy = np.meshgrid(np.arange(x_min, x_max, 0.05), np.arange(y_min, y_max, 0.05))
grid = torch.tensor(np.c_[xx.ravel(), yy.ravel()], dtype=torch.float32)
with torch.no_grad():
    Z = (model(grid) > 0).int().numpy().reshape(xx.shape)
print("grid:", xx.shape, "class 1 share:", round(float(Z.mean()), 4))

plt.figure(figsize=(6, 5))
plt.contourf(xx, yy, Z, alpha=0.3, cmap=plt.cm.coolwarm)
plt.scatter(X_std[:, 0], X_std[:, 1], c=y_np, cmap=plt.cm.coolwarm, s=15)
plt.title("decision boundary")
plt.xlabel("$x_1$ (standardized)")
plt.ylabel("$x_2$ (standardized)")
plt.show()
