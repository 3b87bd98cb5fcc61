# The chain rule through two variables: u = a*b + b^2, v = u^2.
# dv/da = 2u * b and dv/db = 2u * (a + 2b).
import torch

a = torch.tensor(2.0, requires_grad=True)
b = torch.tensor(3.0, requires_grad=True)

u = a * b + b ** 2
v = u ** 2
print("u =", u)
print("v =", v)

v.backward()
print("dv/da =", a.grad)
print("dv/db =", b.grad)

# The graph autograd recorded, walked from the output back to the leaves.
def walk(fn, depth=0):
    print("  " * depth + fn.name())
    for nxt, _ in fn.next_functions:
        if nxt is not None:
            walk(nxt, depth + 1)

walk(v.grad_fn)
