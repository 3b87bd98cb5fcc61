# A vector through mean(): out = mean(3 * (x + 2)^2), so d out / dx_i = 6 * (x_i + 2) / n.
import torch

x = torch.ones(2, 2, requires_grad=True)
print(x)

y = x + 2
print(y)
print(y.grad_fn.name())

z = y * y * 3
out = z.mean()
print(z, out)

out.backward()
print(x.grad)

# The same rule on a vector that is not all ones.
v = torch.tensor([1.0, 2.0, 3.0, 4.0], requires_grad=True)
m = (v ** 2).mean()
m.backward()
print(m)
print(v.grad)
