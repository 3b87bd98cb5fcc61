# A custom autograd Function: the Legendre polynomial P3(x) = (5x^3 - 3x) / 2, whose derivative we write
# ourselves in backward(). We fit y = a + b * P3(c + d * x) to noisy samples of 0.8 * P3(x).
import torch


class LegendreP3(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)  # backward needs the input
        return 0.5 * (5 * x ** 3 - 3 * x)

    @staticmethod
    def backward(ctx, grad_output):
        x, = ctx.saved_tensors
        return grad_output * 1.5 * (5 * x ** 2 - 1)  # dP3/dx, times the incoming gradient


torch.manual_seed(0)
x = torch.rand(500) * 2 - 1
y = 2 * x ** 3 - 1.2 * x + 0.05 * torch.randn(500)

a = torch.zeros((), requires_grad=True)
b = torch.ones((), requires_grad=True)
c = torch.zeros((), requires_grad=True)
d = torch.full((), 0.5, requires_grad=True)

P3 = LegendreP3.apply
learning_rate = 0.2
for step in range(300):
    y_pred = a + b * P3(c + d * x)
    loss = ((y_pred - y) ** 2).mean()
    if step % 30 == 0:
        print(step, loss.item())
    loss.backward()
    with torch.no_grad():
        for p in (a, b, c, d):
            p -= learning_rate * p.grad
            p.grad = None

# The graph of the last step: AddBackward0 <- MulBackward0 <- LegendreP3Backward <- AddBackward0 (c + d * x)
p3_node = y_pred.grad_fn.next_functions[1][0].next_functions[1][0]
print(type(p3_node).__name__, [node.name() for node, _ in p3_node.next_functions])
print(f"y = {a.item():.4f} + {b.item():.4f} * P3({c.item():.4f} + {d.item():.4f} x)")
