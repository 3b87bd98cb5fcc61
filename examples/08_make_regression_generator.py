# make_regression data, a hand-written generator that yields mini-batches, and SGD written by hand on w.data.
import torch
from sklearn.datasets import make_regression

X_np, y_np, coef = make_regression(n_samples=100, n_features=1, noise=10, coef=True, random_state=42)
print("true coefficient:", coef)

X = torch.tensor(X_np, dtype=torch.float32)
y = torch.tensor(y_np, dtype=torch.float32).reshape(-1, 1)
print(X.shape, y.shape)


def batches(X, y, batch_size):
    for start in range(0, len(X), batch_size):
        yield X[start:start + batch_size], y[start:start + batch_size]


w = torch.zeros(1, 1, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
lr = 0.1

for epoch in range(20):
    for xb, yb in batches(X, y, 20):
        loss = ((xb @ w + b - yb) ** 2).mean()
        loss.backward()
        w.data -= lr * w.grad.data
        b.data -= lr * b.grad.data
        w.grad.data.zero_()
        b.grad.data.zero_()
    if epoch % 5 == 4:
        full_loss = ((X @ w + b - y) ** 2).mean()
        print(f"epoch {epoch + 1}: loss = {full_loss.item():.3f}")

print(f"w = {w.item():.3f}, b = {b.item():.3f}")
