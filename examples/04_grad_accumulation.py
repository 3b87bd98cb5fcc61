# Gradients accumulate in .grad across backward() calls until you zero them.
import torch

w = torch.tensor([1.0, -2.0, 3.0], requires_grad=True)

for step in range(3):
    loss = (w * w).sum()
    loss.backward()
    print(f"after backward {step + 1}: w.grad = {w.grad}")

w.grad.zero_()
print("after zero_():", w.grad)

loss = (w * w).sum()
loss.backward()
print("one more backward:", w.grad)

# Calling backward twice on the same graph needs retain_graph=True.
y = (w ** 3).sum()
y.backward(retain_graph=True)
y.backward()
print("two backwards through one graph:", w.grad)
