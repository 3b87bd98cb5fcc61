# Linear regression from scratch: the model y = w*x + b trained with hand-written gradient descent.
import torch

torch.manual_seed(42)

# Synthetic data: y = 3x + 2 plus a little noise.
X = torch.randn(100, 1)
y = 3 * X + 2 + 0.1 * torch.randn(100, 1)

w = torch.zeros(1, 1, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
lr = 0.1

for epoch in range(50):
    y_pred = X @ w + b
    loss = ((y_pred - y) ** 2).mean()

    loss.backward()

    with torch.no_grad():
        w -= lr * w.grad
        b -= lr * b.grad
        w.grad.zero_()
        b.grad.zero_()

    if epoch % 10 == 9:
        print(f"epoch {epoch + 1:3d}  loss {loss.item():.4f}")

print("w =", w)
print("b =", b)
print(f"learned y = {w.item():.4f} * x + {b.item():.4f}")
