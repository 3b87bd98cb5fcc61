# The first autograd example in most tutorials: y = x^2 + 2x + 7, so dy/dx = 2x + 2.
import torch

x = torch.tensor(7.0, requires_grad=True)
y = x ** 2 + 2 * x + 7

print("x =", x)
print("y =", y)
print("y.grad_fn:", y.grad_fn.name())

y.backward()

print("dy/dx at x = 7:", x.grad)
print(f"check 2x + 2 = {2 * x.item() + 2}")
