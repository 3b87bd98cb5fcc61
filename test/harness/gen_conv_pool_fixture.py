# Makes test/fixtures/conv_pool.json with a real PyTorch (Debian's /usr/bin/python3):
#   /usr/bin/python3 test/harness/gen_conv_pool_fixture.py test/fixtures/conv_pool.json
# Each case's stdout under PRELUDE, or "Type: message" of what it raised. Lines starting "V:" hold a tensor's
# shape, dtype and values as JSON; the suites (test/python/torch/nn-conv.test.ts, nn-pooling.test.ts) compare
# those within float32 rounding and every other line exactly.
#
# The installed PyTorch is 1.13; where PyTorch 2.x prints differently, TO_2X rewrites its output (each rule
# says what changed): the suites hold the playground to 2.x.
import contextlib, io, json, re, sys, warnings
import torch

PRELUDE = """import json, torch
import torch.nn as nn
import torch.nn.functional as F
def show(t):
    print("V:" + json.dumps({"shape": list(t.shape), "dtype": str(t.dtype), "v": t.detach().flatten().tolist()}))
def name(t):
    print(type(t.grad_fn).__name__ if t.grad_fn is not None else None)
"""

TO_2X = [
    # 2.x decomposes interpolate's `.vec` overloads: the nodes are the size-taking ops' (Backward0, not Backward1).
    (re.compile(r"Upsample(Nearest[12]D|Bilinear2D)Backward1"), r"Upsample\1Backward0"),
    # 2.x's Upsample.extra_repr writes the mode with repr().
    (re.compile(r"^(Upsampl\w*\(.*mode=)(\w+)\)$", re.M), r"\1'\2')"),
    # 2.x checks padding against the effective (dilated) kernel and names the dilation.
    (re.compile(r"pad should be at most half of kernel size, but got pad=(\d+) and kernel_size=(\d+)"),
     r"pad should be at most half of effective kernel size, but got pad=\1, kernel_size=\2 and dilation=1"),
]

CONV = {
    "conv2d values and gradients, with bias": """
torch.manual_seed(0)
x = torch.randn(2, 3, 7, 6, requires_grad=True)
w = torch.randn(4, 3, 3, 2, requires_grad=True)
b = torch.randn(4, requires_grad=True)
y = F.conv2d(x, w, b)
name(y); print(y.shape, [type(f).__name__ for f, _ in y.grad_fn.next_functions])
show(y)
(y * y.detach().sin()).sum().backward()
show(x.grad); show(w.grad); show(b.grad)
""",
    "conv2d stride, padding, dilation, groups, no bias": """
torch.manual_seed(1)
x = torch.randn(2, 4, 9, 8, requires_grad=True)
w = torch.randn(6, 2, 3, 3, requires_grad=True)
y = F.conv2d(x, w, None, stride=(2, 1), padding=(1, 2), dilation=(1, 2), groups=2)
print(y.shape, [None if f is None else type(f).__name__ for f, _ in y.grad_fn.next_functions])
show(y)
y.pow(2).sum().backward()
show(x.grad); show(w.grad)
""",
    "conv2d padding same and valid": """
torch.manual_seed(2)
x = torch.randn(1, 2, 6, 5, requires_grad=True)
w = torch.randn(3, 2, 4, 3, requires_grad=True)
y = F.conv2d(x, w, padding='same', dilation=(1, 2))
print(y.shape)
show(y)
y.sum().backward()
show(x.grad); show(w.grad)
v = F.conv2d(x, w, padding='valid')
print(v.shape)
show(v)
""",
    "conv2d unbatched input": """
torch.manual_seed(3)
x = torch.randn(2, 5, 5, requires_grad=True)
w = torch.randn(3, 2, 3, 3)
y = F.conv2d(x, w, torch.ones(3), padding=1)
name(y); print(y.shape, type(y.grad_fn.next_functions[0][0]).__name__)
show(y)
y.sum().backward()
show(x.grad)
""",
    "conv1d values, gradients, stride and padding": """
torch.manual_seed(4)
x = torch.randn(3, 2, 11, requires_grad=True)
w = torch.randn(4, 2, 3, requires_grad=True)
b = torch.randn(4, requires_grad=True)
y = F.conv1d(x, w, b, stride=2, padding=1, dilation=2)
name(y); print(y.shape)
show(y)
(y ** 2).mean().backward()
show(x.grad); show(w.grad); show(b.grad)
u = F.conv1d(x[0], w, padding='same')
name(u); print(u.shape)
show(u)
""",
    "conv2d in float64": """
torch.manual_seed(5)
x = torch.randn(1, 2, 5, 5, dtype=torch.float64, requires_grad=True)
w = torch.randn(2, 2, 3, 3, dtype=torch.float64, requires_grad=True)
y = F.conv2d(x, w, padding=1)
print(y.dtype)
show(y)
y.sum().backward()
show(x.grad); show(w.grad)
""",
    "conv_transpose2d stride, padding, output_padding, groups, dilation": """
torch.manual_seed(6)
x = torch.randn(2, 4, 3, 4, requires_grad=True)
w = torch.randn(4, 3, 3, 2, requires_grad=True)
b = torch.randn(6, requires_grad=True)
y = F.conv_transpose2d(x, w, b, stride=2, padding=1, output_padding=1, groups=2, dilation=(1, 2))
name(y); print(y.shape)
show(y)
(y * y.detach().cos()).sum().backward()
show(x.grad); show(w.grad); show(b.grad)
""",
    "conv2d in bfloat16 (float32 inside, rounded once)": """
torch.manual_seed(12)
x = torch.randn(2, 2, 6, 5).bfloat16().requires_grad_()
w = torch.randn(3, 2, 3, 3).bfloat16().requires_grad_()
b = torch.randn(3).bfloat16().requires_grad_()
y = F.conv2d(x, w, b, padding=1)
name(y); print(y.dtype)
show(y)
y.float().pow(2).sum().backward()
print(x.grad.dtype, w.grad.dtype, b.grad.dtype)
show(x.grad); show(w.grad); show(b.grad)
""",
    "double backward through conv2d": """
torch.manual_seed(7)
x = torch.randn(1, 2, 5, 5, requires_grad=True)
w = torch.randn(3, 2, 3, 3, requires_grad=True)
y = F.conv2d(x, w, stride=2, padding=1)
gx, = torch.autograd.grad(y.pow(2).sum(), x, create_graph=True)
show(gx)
gx.pow(2).sum().backward()
show(w.grad)
""",
    "Conv2d initialisation, repr and parameters": """
torch.manual_seed(0)
m = nn.Conv2d(1, 6, 5)
print(m)
print([(n, tuple(p.shape)) for n, p in m.named_parameters()])
show(m.weight); show(m.bias)
m2 = nn.Conv2d(4, 6, (3, 2), stride=2, padding=1, dilation=(2, 1), groups=2, bias=False)
print(m2, m2.bias)
show(m2.weight)
print(nn.Conv2d(4, 4, 3, padding='same'), nn.Conv2d(4, 4, 3, padding='valid'))
print(m.in_channels, m.out_channels, m.kernel_size, m.stride, m.padding, m.dilation, m.groups, m.padding_mode, m.transposed, m.output_padding)
""",
    "Conv1d and ConvTranspose2d initialisation and repr": """
torch.manual_seed(1)
m = nn.Conv1d(2, 3, 3, stride=2, padding=1, bias=False)
print(m)
show(m.weight)
t = nn.ConvTranspose2d(4, 2, 3, stride=2, padding=1, output_padding=1, groups=2)
print(t)
print([(n, tuple(p.shape)) for n, p in t.named_parameters()])
show(t.weight); show(t.bias)
print(nn.ConvTranspose2d(3, 4, (2, 3)))
""",
    "modules forward and ConvTranspose2d output_size": """
torch.manual_seed(2)
c = nn.Conv1d(2, 3, 3)
x = torch.randn(4, 2, 8)
show(c(x))
t = nn.ConvTranspose2d(2, 3, 3, stride=2, padding=1)
z = torch.randn(1, 2, 4, 4)
print(t(z).shape, t(z, output_size=[8, 8]).shape, t(z, output_size=(1, 3, 7, 8)).shape)
show(t(z, output_size=[8, 8]))
""",
    "ConvTranspose2d output_size out of range": """
t = nn.ConvTranspose2d(2, 3, 3, stride=2, padding=1)
t(torch.randn(1, 2, 4, 4), output_size=[10, 10])
""",
    "conv2d edge shapes: empty batch, depthwise, 1x1, stride past the kernel, a transposed input": """
torch.manual_seed(8)
print(F.conv2d(torch.randn(0, 2, 5, 5), torch.randn(3, 2, 3, 3)).shape)
show(F.conv2d(torch.randn(2, 4, 5, 5), torch.randn(4, 1, 3, 3), groups=4))
show(F.conv2d(torch.randn(2, 4, 5, 5), torch.randn(3, 4, 1, 1)))
show(F.conv2d(torch.randn(1, 1, 9, 9), torch.randn(1, 1, 2, 2), stride=4))
x = torch.randn(1, 2, 5, 6, requires_grad=True)
y = F.conv2d(x.transpose(2, 3), torch.randn(3, 2, 3, 3))
show(y)
y.sum().backward()
show(x.grad)
show(F.conv_transpose2d(torch.randn(1, 2, 3, 3), torch.randn(2, 3, 3, 3), stride=3))
""",
    "conv2d on a NumPy array": "import numpy as np\nF.conv2d(np.zeros((1, 1, 3, 3)), torch.zeros(1, 1, 2, 2))",
    "conv1d with a list for weight": "F.conv1d(torch.zeros(1, 1, 3), [1.])",
    "conv_transpose2d without a weight": "F.conv_transpose2d(torch.zeros(1, 1, 3, 3), None)",
    "conv2d weight of another rank": "F.conv2d(torch.randn(1, 1, 5, 5), torch.randn(1, 1, 3))",
    "conv2d input of the wrong rank": "F.conv2d(torch.randn(2, 3), torch.randn(3, 2, 3, 3))",
    "conv1d input of the wrong rank": "F.conv1d(torch.randn(1, 3, 8, 8), torch.randn(6, 3, 5))",
    "Conv2d channel mismatch": "nn.Conv2d(1, 6, 5)(torch.randn(1, 3, 32, 32))",
    "conv2d channel mismatch with groups": "F.conv2d(torch.randn(1, 4, 8, 8), torch.randn(6, 3, 5, 5), groups=2)",
    "conv2d weight not divisible by groups": "F.conv2d(torch.randn(1, 4, 8, 8), torch.randn(6, 2, 5, 5), groups=4)",
    "conv2d bias of the wrong size": "F.conv2d(torch.randn(1, 4, 8, 8), torch.randn(6, 4, 5, 5), bias=torch.randn(5))",
    "conv2d kernel larger than the input": "nn.Conv2d(1, 6, 5)(torch.randn(1, 1, 3, 3))",
    "conv2d same padding with stride": "F.conv2d(torch.randn(1, 4, 8, 8), torch.randn(6, 4, 5, 5), stride=2, padding='same')",
    "conv2d bad padding string": "F.conv2d(torch.randn(1, 4, 8, 8), torch.randn(6, 4, 5, 5), padding='foo')",
    "conv2d double input, float weight": "F.conv2d(torch.randn(1, 4, 8, 8).double(), torch.randn(6, 4, 5, 5))",
    "conv2d float input, double weight": "F.conv2d(torch.randn(1, 2, 5, 5), torch.randn(3, 2, 3, 3).double())",
    "conv2d float input, double bias": "F.conv2d(torch.randn(1, 2, 5, 5), torch.randn(3, 2, 3, 3), torch.randn(3).double())",
    "conv2d stride of three values": "F.conv2d(torch.randn(1, 4, 8, 8), torch.randn(6, 4, 5, 5), stride=(1, 2, 3))",
    "conv_transpose2d channel mismatch": "F.conv_transpose2d(torch.randn(1, 2, 4, 4), torch.randn(3, 2, 3, 3))",
    "Conv2d groups must be positive": "nn.Conv2d(2, 4, 3, groups=0)",
    "Conv2d in_channels not divisible by groups": "nn.Conv2d(3, 4, 3, groups=2)",
    "Conv2d out_channels not divisible by groups": "nn.Conv2d(2, 3, 3, groups=2)",
    "Conv2d same padding with stride": "nn.Conv2d(2, 3, 3, stride=2, padding='same')",
    "Conv2d reflect padding on ConvTranspose2d": "nn.ConvTranspose2d(2, 3, 3, padding_mode='reflect')",
    "a small CNN trained for a few steps": """
torch.manual_seed(0)
net = nn.Sequential(nn.Conv2d(1, 4, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(4, 8, 3), nn.ReLU(),
                    nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(8, 2))
print(net)
x = torch.randn(8, 1, 10, 10)
y = torch.tensor([0, 1, 0, 1, 1, 0, 1, 0])
opt = torch.optim.SGD(net.parameters(), lr=0.1)
for step in range(5):
    opt.zero_grad()
    loss = F.cross_entropy(net(x), y)
    loss.backward()
    opt.step()
    show(loss)
show(net[0].weight.grad); show(net[3].bias)
""",
}

POOL = {
    "max_pool2d values, indices and gradients": """
torch.manual_seed(0)
x = torch.randn(2, 3, 6, 7, requires_grad=True)
y, i = F.max_pool2d(x, 2, return_indices=True)
name(y); print(y.shape, i.dtype, type(y.grad_fn.next_functions[0][0]).__name__)
show(y); show(i)
(y * torch.arange(y.numel()).reshape(y.shape)).sum().backward()
show(x.grad)
""",
    "max_pool2d stride, padding, dilation, ceil_mode": """
torch.manual_seed(1)
x = torch.randn(1, 2, 9, 8, requires_grad=True)
for kw in [dict(kernel_size=3, stride=2, padding=1), dict(kernel_size=(3, 2), stride=(2, 3), ceil_mode=True),
           dict(kernel_size=2, dilation=2, padding=1), dict(kernel_size=3, stride=2, padding=1, ceil_mode=True, dilation=2)]:
    y, i = F.max_pool2d(x, return_indices=True, **kw)
    print(y.shape)
    show(y); show(i)
    x.grad = None
    y.sum().backward()
    show(x.grad)
""",
    "max_pool2d ties, -inf and unbatched input": """
x = torch.tensor([[[1., 1., 0., 2.], [1., 0., 2., 2.], [-float('inf'), -float('inf'), 3., 3.], [-float('inf'), -float('inf'), 3., 3.]]], requires_grad=True)
y, i = F.max_pool2d(x, 2, return_indices=True)
print(y, i)
y.sum().backward()
print(x.grad)
""",
    "max_pool1d with indices": """
torch.manual_seed(2)
x = torch.randn(2, 3, 10, requires_grad=True)
y = F.max_pool1d(x, 3, stride=2, padding=1)
name(y); print(type(y.grad_fn.next_functions[0][0]).__name__, y.shape)
show(y)
y.sum().backward()
show(x.grad)
z, i = F.max_pool1d(x[0], 4, return_indices=True, ceil_mode=True)
print(z.shape, i)
m = nn.MaxPool1d(3, 2)
print(m)
show(m(x))
""",
    "avg_pool2d options": """
torch.manual_seed(3)
x = torch.randn(1, 2, 7, 6, requires_grad=True)
for kw in [dict(kernel_size=2), dict(kernel_size=3, stride=2, padding=1), dict(kernel_size=3, stride=2, padding=1, count_include_pad=False),
           dict(kernel_size=(3, 2), stride=2, padding=1, ceil_mode=True), dict(kernel_size=3, stride=2, padding=1, ceil_mode=True, count_include_pad=False),
           dict(kernel_size=2, divisor_override=3)]:
    y = F.avg_pool2d(x, **kw)
    name(y); print(y.shape)
    show(y)
    x.grad = None
    (y * y.detach()).sum().backward()
    show(x.grad)
""",
    "avg_pool1d": """
torch.manual_seed(4)
x = torch.randn(2, 2, 9, requires_grad=True)
y = F.avg_pool1d(x, 3, stride=2, padding=1, count_include_pad=False)
name(y); print(type(y.grad_fn.next_functions[0][0]).__name__, y.shape)
show(y)
y.sum().backward()
show(x.grad)
m = nn.AvgPool1d(3)
print(m)
show(m(x))
""",
    "adaptive_avg_pool2d": """
torch.manual_seed(5)
x = torch.randn(2, 3, 7, 5, requires_grad=True)
y = F.adaptive_avg_pool2d(x, (3, 2))
name(y); print(y.shape)
show(y)
y.pow(2).sum().backward()
show(x.grad)
g = F.adaptive_avg_pool2d(x, 1)
name(g); print(g.shape)
show(g)
print(F.adaptive_avg_pool2d(x, (None, 3)).shape, F.adaptive_avg_pool2d(x[0], 4).shape)
m = nn.AdaptiveAvgPool2d((1, 1))
print(m, nn.AdaptiveAvgPool2d(5), nn.AdaptiveAvgPool2d((None, 3)))
show(m(x))
""",
    "adaptive_avg_pool1d and AdaptiveAvgPool1d": """
torch.manual_seed(10)
x = torch.randn(2, 3, 7, requires_grad=True)
for size in (1, 3):
    y = F.adaptive_avg_pool1d(x, size)
    name(y); print(type(y.grad_fn.next_functions[0][0]).__name__, y.shape)
    show(y)
    x.grad = None
    y.pow(2).sum().backward()
    show(x.grad)
m = nn.AdaptiveAvgPool1d(4)
print(m)
show(m(x[0]))
""",
    "adaptive_avg_pool1d on 4-D input": "F.adaptive_avg_pool1d(torch.randn(2, 3, 4, 5), 2)",
    "adaptive_avg_pool1d output size of two values": "F.adaptive_avg_pool1d(torch.randn(2, 3, 4), (2, 2))",
    "interpolate nearest": """
torch.manual_seed(6)
x = torch.randn(1, 2, 3, 4, requires_grad=True)
for kw in [dict(scale_factor=2), dict(size=(5, 7)), dict(scale_factor=1.5), dict(scale_factor=(0.5, 0.7)), dict(size=3)]:
    y = F.interpolate(x, **kw)
    name(y); print(y.shape)
    show(y)
    x.grad = None
    (y * y.detach()).sum().backward()
    show(x.grad)
z = torch.randn(2, 3, 5, requires_grad=True)
y = F.interpolate(z, scale_factor=1.7)
name(y); print(y.shape)
show(y)
y.sum().backward()
show(z.grad)
""",
    "interpolate bilinear": """
torch.manual_seed(7)
x = torch.randn(2, 2, 4, 5, requires_grad=True)
for kw in [dict(scale_factor=2), dict(size=(7, 3)), dict(size=(7, 3), align_corners=True), dict(scale_factor=1.5, align_corners=True),
           dict(scale_factor=0.6), dict(size=(1, 1), align_corners=True), dict(scale_factor=(2, 3), recompute_scale_factor=True)]:
    y = F.interpolate(x, mode='bilinear', **kw)
    name(y); print(y.shape)
    show(y)
    x.grad = None
    (y * y.detach()).sum().backward()
    show(x.grad)
""",
    "interpolate bilinear in float64": """
torch.manual_seed(8)
x = torch.randn(1, 1, 3, 3, dtype=torch.float64, requires_grad=True)
y = F.interpolate(x, scale_factor=2.5, mode='bilinear')
show(y)
y.sum().backward()
show(x.grad)
""",
    "Upsample modules": """
torch.manual_seed(9)
x = torch.randn(1, 1, 2, 3)
for m in [nn.Upsample(scale_factor=2), nn.Upsample(size=(3, 4), mode='bilinear'), nn.Upsample(scale_factor=2, mode='bilinear', align_corners=True),
          nn.Upsample(size=5), nn.UpsamplingNearest2d(scale_factor=2), nn.UpsamplingBilinear2d(size=3)]:
    print(m)
    show(m(x))
""",
    "pooling modules repr": """
print(nn.MaxPool2d(2), nn.MaxPool2d((2, 3), stride=1, padding=1, ceil_mode=True), nn.MaxPool2d(3, 2, 1, 2, True))
print(nn.MaxPool1d(3, 2), nn.AvgPool2d(2), nn.AvgPool2d((2, 3), (1, 2), 1), nn.AvgPool1d(3, 2, 1))
m = nn.MaxPool2d(2, return_indices=True)
y, i = m(torch.arange(16.).reshape(1, 1, 4, 4))
print(y, i)
print(nn.MaxPool2d(2).stride, nn.AvgPool1d(3).stride, nn.AvgPool2d(2).stride)
""",
    "double backward through pooling and upsampling": """
torch.manual_seed(11)
x = torch.randn(1, 2, 6, 6, requires_grad=True)
for f in (lambda t: F.max_pool2d(t, 2), lambda t: F.avg_pool2d(t, 3, stride=2, padding=1), lambda t: F.adaptive_avg_pool2d(t, (4, 3)),
          lambda t: F.interpolate(t, scale_factor=1.5, mode='bilinear'), lambda t: F.interpolate(t, size=(4, 9))):
    x.grad = None
    y = f(x)
    g, = torch.autograd.grad((y * y * y).sum(), x, create_graph=True)
    show(g)
    (g * g).sum().backward()
    show(x.grad)
""",
    # Only what PyTorch 1.13 computes as 2.x does: 1.13's bilinear weights and its average-pool gradients are
    # computed in bfloat16 itself, where 2.x (and the playground) use float32 and round once.
    "pooling and upsampling in bfloat16": """
torch.manual_seed(13)
x = torch.randn(1, 2, 6, 7).bfloat16().requires_grad_()
for f, grad in ((lambda t: F.max_pool2d(t, 2), True), (lambda t: F.avg_pool2d(t, 3, stride=2, padding=1), False),
                (lambda t: F.adaptive_avg_pool2d(t, (4, 3)), False), (lambda t: F.interpolate(t, size=(4, 9)), True)):
    x.grad = None
    y = f(x)
    name(y); print(y.dtype)
    show(y)
    if grad:
        y.float().pow(2).sum().backward()
        print(x.grad.dtype)
        show(x.grad)
""",
    "max_pool2d on a NumPy array": "import numpy as np\nF.max_pool2d(np.zeros((1, 1, 4, 4)), 2)",
    "avg_pool2d on a list": "F.avg_pool2d([1.], 2)",
    "max_pool2d stride zero": "F.max_pool2d(torch.randn(1, 1, 5, 5), 2, stride=0)",
    "max_pool2d negative padding": "F.max_pool2d(torch.randn(1, 1, 5, 5), 2, padding=-1)",
    "avg_pool2d kernel zero": "F.avg_pool2d(torch.randn(1, 1, 5, 5), 0)",
    "max_pool2d on an empty batch": "print(F.max_pool2d(torch.randn(0, 2, 4, 4), 2).shape)",
    "max_pool2d output too small": "F.max_pool2d(torch.randn(1, 1, 1, 1), 2)",
    "max_pool2d padding too large": "F.max_pool2d(torch.randn(1, 1, 4, 4), 2, padding=2)",
    "max_pool2d on a matrix": "F.max_pool2d(torch.randn(4, 4), 2)",
    "max_pool2d kernel of three values": "F.max_pool2d(torch.randn(1, 1, 4, 4), (2, 2, 2))",
    "max_pool1d on a vector": "F.max_pool1d(torch.randn(4), 2)",
    "avg_pool2d output too small": "F.avg_pool2d(torch.randn(1, 1, 1, 1), 2)",
    "avg_pool2d padding too large": "F.avg_pool2d(torch.randn(1, 1, 4, 4), 2, padding=2)",
    "avg_pool2d on a matrix": "F.avg_pool2d(torch.randn(4, 4), 2)",
    "avg_pool1d output too small": "F.avg_pool1d(torch.randn(1, 1, 1), 2)",
    "adaptive_avg_pool2d on a vector": "F.adaptive_avg_pool2d(torch.randn(4), 2)",
    "max_pool2d on integers": "F.max_pool2d(torch.ones(1, 1, 4, 4, dtype=torch.long), 2)",
    "adaptive_avg_pool2d on integers": "F.adaptive_avg_pool2d(torch.ones(1, 1, 4, 4, dtype=torch.long), 2)",
    "interpolate without size or scale": "F.interpolate(torch.randn(1, 1, 4, 4))",
    "interpolate with size and scale": "F.interpolate(torch.randn(1, 1, 4, 4), size=2, scale_factor=2)",
    "interpolate unknown mode": "F.interpolate(torch.randn(1, 1, 4, 4), size=2, mode='foo')",
    "interpolate nearest with align_corners": "F.interpolate(torch.randn(1, 1, 4, 4), size=2, align_corners=True)",
    "interpolate bilinear on 3-D input": "F.interpolate(torch.randn(1, 1, 4), scale_factor=2, mode='bilinear')",
    "interpolate size of the wrong length": "F.interpolate(torch.randn(1, 1, 4, 4), size=(2, 2, 2))",
    "Upsample on a matrix": "nn.Upsample(scale_factor=2)(torch.randn(2, 3))",
}

PAD = {
    "constant, reflect, replicate and circular values and gradients": """
torch.manual_seed(20)
x = torch.randn(2, 2, 3, 4, requires_grad=True)
for mode in ["constant", "reflect", "replicate", "circular"]:
    for p in [(1, 2), (2, 1, 1, 2), (-1, 2), (1, -1, 0, 2), (0, 0)]:
        if mode == "reflect" and max(p) >= 3:
            continue
        y = F.pad(x, p, mode=mode)
        name(y); print(mode, p, y.shape)
        show(y)
        w = torch.arange(y.numel(), dtype=torch.float32).reshape(y.shape).sin()
        (y * w).sum().backward()
        show(x.grad)
        x.grad = None
""",
    "1-D and 3-D padding, unbatched inputs": """
torch.manual_seed(21)
a = torch.randn(3, 5, requires_grad=True)
# (1.13 refuses circular padding of an unbatched input, which 2.x pads.)
for mode in ["constant", "reflect", "replicate"]:
    y = F.pad(a, (2, 3), mode=mode)
    name(y); show(y)
    y.pow(2).sum().backward(); show(a.grad); a.grad = None
v = torch.randn(1, 2, 2, 3, 4, requires_grad=True)
for mode in ["constant", "reflect", "replicate", "circular"]:
    y = F.pad(v, (1, 1, 1, 0, 0, 1), mode=mode)
    name(y); show(y)
    y.pow(2).sum().backward(); show(v.grad); v.grad = None
""",
    "constant padding of other dtypes and values": """
print(F.pad(torch.arange(3.), (1, 1), value=7))
print(F.pad(torch.tensor([1, 2]), (1, 1), value=2.7))
print(F.pad(torch.tensor([True, False]), (0, 2), value=1))
print(F.pad(torch.arange(6, dtype=torch.float64).reshape(2, 3), (1, 0, 0, 1), value=-0.5))
print(F.pad(torch.arange(12.).reshape(3, 4), (-2, -2)).shape)
print(F.pad(torch.arange(12.).reshape(3, 4), (1, 1), "constant", 0))
print(F.pad(torch.arange(12.).reshape(1, 3, 4), (1, 1), mode="reflect", value=0).shape)
print(F.pad(torch.arange(8.).reshape(1, 2, 4), (1, 2), mode="replicate", value=None))
""",
    "padding layers": """
x = torch.arange(12.).reshape(1, 1, 3, 4)
for m in [nn.ZeroPad2d((1, 2, 0, 1)), nn.ZeroPad2d(1), nn.ConstantPad1d((1, 2), 3.5), nn.ConstantPad2d(1, -1),
          nn.ConstantPad3d(1, 0.0), nn.ReflectionPad1d(2), nn.ReflectionPad2d((1, 0, 2, 0)), nn.ReplicationPad1d((1, 0)),
          nn.ReplicationPad2d(1), nn.ReplicationPad3d(1), nn.ReflectionPad3d(1)]:
    print(m)
for m in [nn.ZeroPad2d((1, 2, 0, 1)), nn.ConstantPad2d(1, -1), nn.ReflectionPad2d((1, 0, 2, 0)), nn.ReplicationPad2d(1)]:
    y = m(x); name(y); show(y)
print(nn.Sequential(nn.ReflectionPad2d(1), nn.Conv2d(1, 2, 3)))
""",
    "padding='same' with an even kernel pads the input first": """
torch.manual_seed(22)
x = torch.randn(1, 2, 5, 6, requires_grad=True)
w = torch.randn(3, 2, 2, 4, requires_grad=True)
y = F.conv2d(x, w, padding='same')
name(y); print(y.shape, [None if f is None else type(f).__name__ for f, _ in y.grad_fn.next_functions])
show(y)
y.sum().backward(); show(x.grad); show(w.grad)
u = F.conv1d(torch.randn(2, 5, requires_grad=True), torch.randn(3, 2, 4), padding='same')
print(u.shape, [None if f is None else type(f).__name__ for f, _ in u.grad_fn.next_functions])
""",
}
for i, (shape, p, mode) in enumerate([
    ((1, 3, 4), (4, 0), "reflect"), ((1, 3, 4), (0, 4), "reflect"), ((1, 1, 3, 4), (1, 1, 3, 0), "reflect"),
    ((1, 1, 3, 4), (4, 1, 0, 0), "reflect"), ((1, 1, 1, 3, 4), (0, 0, 0, 0, 1, 1), "reflect"),
    ((1, 3, 0), (1, 1), "replicate"), ((3, 0, 2), (1, 1, 1, 1), "replicate"), ((2, 3), (1, 1, 1, 1), "reflect"),
    ((2,), (1, 1, 1, 1), "replicate"), ((1, 3, 4), (1, 2, 3), "constant"), ((3, 4), (1, 1, 1, 1, 1, 1), "constant"),
    ((1, 3, 4), (-2, -3), "constant"), ((1, 3, 4), (1, 0), "bogus"), ((1, 2, 3), (4, 0), "circular"),
    ((2, 3), (1, 1), "wrap"),
]):
    PAD["error %d: %s %s on %s" % (i, mode, p, shape)] = "F.pad(torch.ones(%r), %r, mode=%r)" % (shape, p, mode)
PAD["error: reflect with a value"] = "F.pad(torch.ones(1, 2, 3), (1, 1), mode='reflect', value=2)"
PAD["error: reflect of a long tensor"] = "F.pad(torch.ones(1, 3, dtype=torch.long), (1, 1), mode='reflect')"
PAD["error: pad as a list of floats"] = "F.pad(torch.ones(3), [1.5, 1])"


def run(cases):
    out = {}
    for name, body in cases.items():
        code = PRELUDE + body.lstrip("\n")
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                exec(code, {})
            except Exception as e:
                print(type(e).__name__ + ": " + str(e))
        text = buf.getvalue()
        for pattern, repl in TO_2X:
            text = pattern.sub(repl, text)
        out[name] = {"code": code, "stdout": text}
    return out


json.dump(
    {
        "about": "stdout of each case under real PyTorch %s, rewritten to 2.x where noted; made by test/harness/gen_conv_pool_fixture.py" % torch.__version__,
        "conv": run(CONV),
        "pool": run(POOL),
        "pad": run(PAD),
    },
    open(sys.argv[1], "w"),
    indent=1,
    ensure_ascii=False,
)
