"""Writes test/fixtures/torch_api_forms.json: what real PyTorch prints (or raises) for the legacy constructors,
Tensor.type(), class names and printing, the keyword aliases PyTorch's argument parser accepts, and devices on a
CPU build (issue 12, items 3, 5 and 6).

Run with a real CPU-only PyTorch: `/usr/bin/python3 test/harness/gen_torch_api_forms.py` (PyTorch 1.13 here).
test/python/torch/api-forms.test.ts replays the cases through test/harness/replay_torch_cases.py. A case is Python
source whose last line is an expression; the fixture keeps its repr() and str(), or the exception as
"Type: message".

Where PyTorch 2.x words a message differently from 1.13 the fixture holds the 2.x text, rewritten by `to_2x`
below from two facts about 2.x: its argument-error signatures print defaults ("torch.device device = None"), and
its list of device types names maia and mtia where 1.13 named ort.

Two kinds of error keep less than the whole text, and say so in the case:
- "error_prefix": PyTorch's "Could not run 'aten::…' with arguments from the 'MPS' backend" goes on with the
  backends and source files of the build it came from; the playground says the build-independent part.
- "error_type": the argument errors of PyTorch's native functions with several overloads list C++ signatures
  (`x.sum(dim=0, axis=1)`); the playground raises the same exception type in Python's wording. "pytorch_error"
  keeps PyTorch's text for the reader.
"""
import json
import os
import re
import sys
import warnings

import numpy
import torch

CASES = r'''
torch.Tensor([-4.0])
torch.Tensor([1, 2])
torch.Tensor([[1, 2], [3, 4]])
torch.Tensor()
torch.Tensor([])
torch.Tensor(0)
torch.Tensor((2, 3))
torch.Tensor([True, False])
torch.Tensor(2, 3).shape
torch.Tensor(2, 3).dtype
torch.Tensor(4).shape
torch.Tensor(torch.Size([2, 3])).shape
torch.Tensor(size=(2, 3)).shape
torch.Tensor(size=[2]).shape
torch.Tensor(2, True).shape
torch.Tensor(data=[1])
torch.Tensor(numpy.array([1, 2]))
torch.Tensor(numpy.int64(2)).shape
torch.Tensor(3.5)
torch.Tensor(True)
torch.Tensor('a')
torch.Tensor(None)
torch.Tensor(numpy.float64(2.0))
torch.Tensor(2, 3.0)
torch.Tensor(2, 'a')
torch.Tensor(2, [3])
torch.Tensor(-1)
torch.Tensor(-1, 2)
torch.Tensor([[1], [2, 3]])
torch.Tensor([1, 2], dtype=torch.float64)
torch.Tensor([1, 2], requires_grad=True)
torch.Tensor(2, 3, dtype=torch.float64)
torch.Tensor(2, 3, requires_grad=True)
torch.Tensor(2, requires_grad=True)
torch.Tensor(dtype=torch.float64)
torch.Tensor(requires_grad=True)
torch.Tensor(torch.ones(2), dtype=torch.float64)
torch.Tensor([1], 2)
torch.Tensor(1.5, 2)
torch.Tensor(True, False)
torch.Tensor(None, 2)
torch.Tensor(2, 3, foo=1, bar=2)
torch.Tensor(size=(2, 3), requires_grad=True)
torch.Tensor(data=[1], dtype=torch.float)
torch.Tensor(size=2)
torch.Tensor([1], device='cpu', dtype=torch.float)
torch.Tensor([1], device='cpu')
torch.Tensor([1], device='cuda')
torch.Tensor(2, device='cuda')
torch.Tensor(device='cuda')
torch.Tensor(torch.ones(2), device='cpu')
torch.Tensor(torch.tensor([1, 2]))
torch.Tensor(torch.ones(2, dtype=torch.float64))
torch.Tensor(torch.ones(2, requires_grad=True))
torch.Tensor(torch.ones(2)).requires_grad
a = torch.ones(2)\nb = torch.Tensor(a)\nb[0] = 5\na
torch.FloatTensor([1, 2])
torch.FloatTensor([1.5, 2]).requires_grad
torch.DoubleTensor([1, 2])
torch.LongTensor([1.7, 2])
torch.LongTensor([-1.7, 2])
torch.LongTensor((1, 2))
torch.LongTensor(2).shape
torch.LongTensor(3).zero_()
torch.LongTensor(numpy.array([1.5, 2]))
torch.BoolTensor([2, 0])
torch.BoolTensor(2).dtype
torch.FloatTensor(numpy.array([1, 2]))
torch.FloatTensor(2, 3, device='cpu').shape
torch.FloatTensor([1], device='cuda')
torch.FloatTensor([1], dtype=torch.float32)
torch.LongTensor([1], requires_grad=True)
torch.LongTensor(torch.tensor([1., 2]))
torch.FloatTensor(torch.tensor([1, 2]))
torch.DoubleTensor(torch.tensor([1.5], dtype=torch.float64))
torch.ones(2, dtype=torch.float64).new([1, 2])
torch.ones(2).long().new(2, 3).shape
torch.ones(2).new(2, 3).dtype
torch.Tensor([1, 2]).type()
torch.tensor([1, 2]).type()
torch.tensor([True]).type()
torch.ones(1, dtype=torch.float64).type()
torch.tensor([1, 2]).type(torch.DoubleTensor)
torch.tensor([1, 2]).type('torch.DoubleTensor')
torch.tensor([1.5, 2.5]).type(torch.LongTensor)
torch.tensor([1.5, 2.5]).type('torch.LongTensor')
torch.tensor([0.0, 2.5]).type(torch.BoolTensor)
torch.tensor([1, 2]).type(torch.float64)
torch.tensor([1, 2]).type(torch.Tensor)
torch.tensor([1, 2]).type('torch.Tensor')
torch.tensor([1, 2]).type('torch.float64')
torch.tensor([1, 2]).type('float')
torch.tensor([1, 2]).type(float)
torch.ones(2).type(torch.ones(2, dtype=torch.float64))
torch.ones(2).type(torch.int64)
torch.ones(2).type(dtype=torch.float64)
x = torch.ones(2)\nx.type(torch.FloatTensor) is x
torch.Tensor.type(torch.ones(2))
torch.nn.Parameter(torch.ones(2)).type()
isinstance(torch.ones(2), torch.FloatTensor)
isinstance(torch.ones(2), torch.DoubleTensor)
isinstance(torch.ones(2).long(), torch.LongTensor)
isinstance(torch.ones(2).double(), torch.DoubleTensor)
isinstance(torch.ones(2).bool(), torch.BoolTensor)
isinstance(torch.ones(2), torch.Tensor)
isinstance(torch.nn.Parameter(torch.ones(2)), torch.FloatTensor)
isinstance([1.0], torch.FloatTensor)
isinstance(torch.ones(2), torch.cuda.FloatTensor)
issubclass(torch.FloatTensor, torch.Tensor)
type(torch.ones(2)) is torch.FloatTensor
torch.FloatTensor
torch.LongTensor
type(torch.FloatTensor)
torch.FloatTensor.__name__
torch.FloatTensor.__module__
torch.FloatTensor.dtype
torch.LongTensor.dtype
torch.FloatTensor.is_cuda
type(torch.FloatTensor([1]))
torch.cuda.FloatTensor
torch.cuda.FloatTensor([1])
torch.ones(2).type(torch.cuda.FloatTensor)
type(torch.ones(2))
type(torch.tensor(1.5))
torch.Tensor
torch.Tensor.__module__
torch.Tensor.__name__
torch.Tensor.__qualname__
type(torch.float32)
type(torch.Size([1]))
torch.typename(torch.ones(2))
torch.nn.Parameter
torch.nn.Parameter(torch.ones(2))
str(torch.nn.Parameter(torch.ones(2)))
type(torch.nn.Parameter(torch.ones(2)))
torch.nn.Parameter(torch.ones(2), requires_grad=False)
torch.nn.Parameter(torch.tensor([1.5, -2.0], dtype=torch.float64))
isinstance(torch.nn.Parameter(torch.ones(2)), torch.Tensor)
torch.manual_seed(0)\ntorch.nn.Linear(2, 1).weight
torch.manual_seed(0)\nstr(torch.nn.Linear(2, 1).bias)
torch.manual_seed(0)\n[str(p) for p in torch.nn.Linear(2, 1).parameters()]
torch.manual_seed(0)\nf"{torch.nn.Linear(1, 1).weight}"
torch.manual_seed(0)\nrepr(torch.nn.Linear(1, 1).weight * 2)
x = torch.arange(6.).reshape(2, 3)\nx.sum(axis=0)
x = torch.arange(6.).reshape(2, 3)\nx.sum(dim=0, keepdims=True)
x = torch.arange(6.).reshape(2, 3)\nx.sum(axis=(0, 1))
x = torch.arange(6.).reshape(2, 3)\nx.sum(dim=[0, 1])
x = torch.arange(6.).reshape(2, 3)\nx.sum((0, 1), keepdim=True)
x = torch.arange(6.).reshape(2, 3)\nx.sum(dtype=torch.float64, axis=0)
x = torch.arange(6.).reshape(2, 3)\ntorch.sum(x, axis=0)
x = torch.arange(6.).reshape(2, 3)\ntorch.sum(input=x, dim=0)
x = torch.arange(6.).reshape(2, 3)\ntorch.sum(x=x)
x = torch.arange(6.).reshape(2, 3)\ntorch.sum(a=x)
x = torch.arange(6.).reshape(2, 3)\ntorch.sum(x, (0, 1))
torch.sum([1, 2])
torch.exp([1.0])
torch.exp()
x = torch.arange(6.).reshape(2, 3)\nx.mean(axis=0)
x = torch.arange(6.).reshape(2, 3)\nx.mean(axis=(0, 1), keepdims=True)
x = torch.arange(6.).reshape(2, 3)\ntorch.mean(x, axis=[0, 1])
x = torch.arange(6.).reshape(2, 3)\ntorch.mean(input=x)
x = torch.arange(6.).reshape(2, 3)\nx.cumsum(axis=0)
x = torch.arange(6.).reshape(2, 3)\ntorch.cumsum(x, axis=1)
x = torch.arange(6.).reshape(2, 3)\ntorch.cumsum(input=x, dim=1)
x = torch.arange(6.).reshape(2, 3)\nx.amax(dim=(0, 1))
x = torch.arange(6.).reshape(2, 3)\nx.amax(axis=0)
x = torch.arange(6.).reshape(2, 3)\nx.amax()
x = torch.arange(6.).reshape(2, 3)\nx.amin(dim=[0, 1], keepdims=True)
x = torch.arange(6.).reshape(2, 3)\ntorch.amax(x, dim=(0, 1))
x = torch.arange(6).reshape(2, 3)\nx.amax(1)
torch.tensor([True, False]).amin()
torch.tensor([1., float('nan'), 3.]).amax()
x = torch.tensor([[1., 3., 3.], [2., 2., 0.]], requires_grad=True)\ny = x.amax(1)\ny.sum().backward()\n(y, x.grad)
x = torch.tensor([[1., 3., 3.], [2., 2., 0.]], requires_grad=True)\ny = x.amax()\ny.backward()\n(y, x.grad)
x = torch.tensor([[1., 3., 3.], [2., 2., 0.]], requires_grad=True)\ny = x.amin((0, 1), keepdim=True)\ny.backward(torch.tensor([[3.]]))\n(y, x.grad)
x = torch.tensor([[1., 3., 3.], [3., 2., 0.]], requires_grad=True)\ny = x.amax(dim=0, keepdim=True)\ny.backward(torch.tensor([[1., 2., 3.]]))\nx.grad
torch.zeros(0).amax()
torch.zeros(2, 0).amax(1)
torch.zeros(0, 3).amin((0, 1))
x = torch.arange(6.).reshape(2, 3)\nx.std(dim=(0, 1))
x = torch.arange(6.).reshape(2, 3)\nx.std(axis=0)
x = torch.arange(6.).reshape(2, 3)\nx.var(dim=[0, 1])
x = torch.arange(6.).reshape(2, 3)\nx.var(axis=0, keepdims=True)
x = torch.arange(6.).reshape(2, 3)\nx.var(0, unbiased=True, keepdims=True)
x = torch.arange(6.).reshape(2, 3)\nx.var(correction=0, axis=0)
x = torch.arange(6.).reshape(2, 3)\ntorch.std(x, (0, 1))
x = torch.arange(6.).reshape(2, 3)\ntorch.std(input=x, dim=0, keepdims=True)
x = torch.arange(6.).reshape(2, 3)\nx.norm(dim=(0, 1))
x = torch.arange(6.).reshape(2, 3)\nx.norm(axis=0)
x = torch.arange(6.).reshape(2, 3)\ntorch.norm(x, dim=(0, 1))
x = torch.arange(6.).reshape(2, 3)\ntorch.norm(x, axis=0)
x = torch.arange(6.).reshape(2, 3)\ntorch.norm(input=x, dim=0)
x = torch.arange(6.).reshape(2, 3)\nx.logsumexp(dim=(0, 1))
x = torch.arange(6.).reshape(2, 3)\nx.logsumexp(axis=0)
x = torch.arange(6.).reshape(2, 3)\ntorch.logsumexp(x, dim=[0, 1])
x = torch.arange(6.).reshape(2, 3)\ntorch.logsumexp(input=x, dim=0)
x = torch.arange(6.).reshape(2, 3)\nx.prod(axis=0)
x = torch.arange(6.).reshape(2, 3)\ntorch.prod(input=x)
x = torch.arange(6.).reshape(2, 3)\nx.max(axis=0)
x = torch.arange(6.).reshape(2, 3)\nx.max(dim=0, keepdims=True)
x = torch.arange(6.).reshape(2, 3)\nx.min(axis=0)
x = torch.arange(6.).reshape(2, 3)\ntorch.max(x, axis=0)
x = torch.arange(6.).reshape(2, 3)\ntorch.max(input=x, dim=0)
x = torch.arange(6.).reshape(2, 3)\ntorch.max(x, torch.full((2, 3), 2.))
x = torch.arange(6.).reshape(2, 3)\ntorch.max(input=x, other=torch.full((2, 3), 2.))
x = torch.arange(6.).reshape(2, 3)\nx.max(other=torch.full((2, 3), 2.))
x = torch.arange(6.).reshape(2, 3)\ntorch.min(input=x)
x = torch.arange(6.).reshape(2, 3)\nx.argmax(axis=0)
x = torch.arange(6.).reshape(2, 3)\nx.argmax(dim=0, keepdims=True)
x = torch.arange(6.).reshape(2, 3)\ntorch.argmax(x, axis=1)
x = torch.arange(6.).reshape(2, 3)\ntorch.argmin(input=x, dim=0)
x = torch.arange(6.).reshape(2, 3)\nx.all(axis=0)
x = torch.arange(6.).reshape(2, 3)\nx.any(axis=0)
x = torch.arange(6.).reshape(2, 3)\ntorch.all(input=x)
x = torch.arange(6.).reshape(2, 3)\ntorch.softmax(x, axis=0)
x = torch.arange(6.).reshape(2, 3)\nx.softmax(axis=0)
x = torch.arange(6.).reshape(2, 3)\ntorch.log_softmax(x, axis=0)
x = torch.arange(6.).reshape(2, 3)\ntorch.log_softmax(input=x, dim=0)
x = torch.arange(6.).reshape(2, 3)\ntorch.nn.functional.softmax(x, axis=0)
x = torch.arange(6.).reshape(1, 2, 3)\nx.squeeze(axis=0).shape
x = torch.arange(6.).reshape(2, 3)\nx.unsqueeze(axis=0).shape
x = torch.arange(6.).reshape(2, 3)\ntorch.cat([x, x], axis=0)
x = torch.arange(6.).reshape(2, 3)\ntorch.stack([x, x], axis=0).shape
x = torch.arange(6.).reshape(2, 3)\ntorch.cat(tensors=[x, x], dim=1)
x = torch.arange(6.).reshape(2, 3)\nx.split(1, axis=0)
x = torch.arange(6.).reshape(2, 3)\ntorch.split(x, 1, axis=0)
x = torch.arange(6.).reshape(2, 3)\ntorch.split(tensor=x, split_size_or_sections=1)
x = torch.arange(6.).reshape(2, 3)\nx.chunk(2, axis=0)
x = torch.arange(6.).reshape(2, 3)\nx.unbind(axis=0)
x = torch.arange(6.).reshape(2, 3)\nx.index_select(axis=0, index=torch.tensor([1]))
x = torch.arange(6.).reshape(2, 3)\nx.select(axis=1, index=0)
x = torch.arange(6.).reshape(2, 3)\nx.narrow(axis=1, start=1, length=2)
x = torch.arange(6.).reshape(2, 3)\nx.transpose(axis0=0, axis1=1)
x = torch.arange(6.).reshape(2, 3)\ntorch.transpose(x, dim0=0, dim1=1)
x = torch.arange(6.).reshape(2, 3)\nx.prod(dim=(0, 1))
x = torch.arange(6.).reshape(2, 3)\ntorch.add(input=x, other=torch.ones(2, 3))
x = torch.arange(6.).reshape(2, 3)\ntorch.add(x, other=torch.ones(2, 3))
x = torch.arange(6.).reshape(2, 3)\ntorch.add(x1=x, x2=torch.ones(2, 3))
x = torch.arange(6.).reshape(2, 3)\ntorch.add(x=x, other=2, alpha=3)
x = torch.arange(6.).reshape(2, 3)\ntorch.sub(input=x, other=torch.ones(2, 3))
x = torch.arange(6.).reshape(2, 3)\ntorch.mul(input=x, other=2)
x = torch.arange(6.).reshape(2, 3)\ntorch.div(input=x, other=2)
x = torch.arange(6.).reshape(2, 3)\ntorch.pow(input=x, exponent=2)
x = torch.arange(6.).reshape(2, 3)\ntorch.matmul(input=x, other=x.T)
x = torch.arange(6.).reshape(2, 3)\ntorch.mm(input=x, mat2=x.T)
x = torch.arange(6.).reshape(2, 3)\ntorch.bmm(input=x[None], mat2=x.T[None])
x = torch.arange(6.).reshape(2, 3)\ntorch.dot(input=x[0], tensor=x[1])
x = torch.arange(6.).reshape(2, 3)\ntorch.mv(input=x, vec=x[0])
x = torch.arange(6.).reshape(2, 3)\ntorch.outer(input=x[0], vec2=x[1])
x = torch.arange(6.).reshape(2, 3)\nx[0].dot(tensor=x[1])
x = torch.arange(6.).reshape(2, 3)\nx.mm(mat2=x.T)
x = torch.arange(6.).reshape(2, 3)\nx.matmul(other=x.T)
x = torch.arange(6.).reshape(2, 3)\ntorch.maximum(input=x, other=torch.full((2, 3), 2.))
x = torch.arange(6.).reshape(2, 3)\ntorch.eq(input=x, other=2)
x = torch.arange(6.).reshape(2, 3)\ntorch.gt(x1=x, x2=2)
x = torch.arange(6.).reshape(2, 3)\ntorch.where(condition=x > 1, input=x, other=torch.zeros(2, 3))
x = torch.arange(6.).reshape(2, 3)\ntorch.clamp(input=x, min=1, max=3)
x = torch.arange(6.).reshape(2, 3)\ntorch.neg(input=x)
x = torch.arange(6.).reshape(2, 3)\ntorch.neg(x=x)
x = torch.arange(6.).reshape(2, 3)\ntorch.reshape(input=x, shape=(3, 2))
x = torch.arange(6.).reshape(2, 3)\ntorch.permute(input=x, dims=(1, 0))
x = torch.arange(6.).reshape(2, 3)\ntorch.allclose(input=x, other=x)
x = torch.arange(6.).reshape(2, 3)\ntorch.equal(input=x, other=x)
x = torch.arange(6.).reshape(2, 3)\nx.add(other=1)
x = torch.arange(6.).reshape(2, 3)\nx.add(x2=1)
x = torch.arange(6.).reshape(2, 3)\nx.sub(other=1, alpha=2)
x = torch.arange(6.).reshape(2, 3)\nx.eq(other=2)
x = torch.arange(6.).reshape(2, 3)\nx.view(size=(3, 2))
x = torch.arange(6.).reshape(2, 3)\nx.view(shape=(3, 2))
x = torch.arange(6.).reshape(2, 3)\nx.reshape(shape=(3, 2))
x = torch.arange(6.).reshape(2, 3)\nx.expand(size=(2, 2, 3)).shape
x = torch.arange(6.).reshape(2, 3)\nx.repeat(repeats=(1, 2)).shape
x = torch.arange(6.).reshape(2, 3)\nx.permute(dims=(1, 0)).shape
x = torch.arange(6.).reshape(2, 3)\nx.new_zeros(size=(2,))
x = torch.arange(6.).reshape(2, 3)\nx.new_ones(size=(2,))
x = torch.arange(6.).reshape(2, 3)\nx.sum(dim=0, axis=1)
x = torch.arange(6.).reshape(2, 3)\nx.sum(0, keepdims=True, keepdim=True)
x = torch.arange(6.).reshape(2, 3)\nx.gather(axis=1, index=torch.tensor([[0], [1]]))
x = torch.arange(6.).reshape(2, 3)\ntorch.gather(x, axis=1, index=torch.tensor([[0], [1]]))
torch.zeros(2, 3).scatter_add(axis=0, index=torch.tensor([[0, 1, 0]]), src=torch.ones(1, 3))
x = torch.arange(6.).reshape(2, 3)\nx.flip(dims=[0])
x = torch.arange(6.).reshape(2, 3)\ntorch.flip(x, dims=(1,))
torch.linalg.norm(torch.arange(6.).reshape(2, 3), axis=0)
torch.linalg.vector_norm(x=torch.arange(6.).reshape(2, 3), dim=(0, 1))
torch.randn(size=(2, 3)).shape
torch.randn(size=[2, 3]).shape
torch.zeros(size=(2, 3))
torch.zeros(size=(2,), dtype=torch.float64)
torch.ones(size=(2,))
torch.rand(size=(2, 3)).shape
torch.empty(size=(2, 3)).shape
torch.full(size=(2, 2), fill_value=1.5)
torch.randn(size=2)
torch.rand(size=2)
torch.zeros(size=2)
torch.ones(size=2)
torch.empty(size=2)
torch.randn(2, size=(3,))
torch.zeros(2, size=(3,))
torch.full(2, 1.)
torch.zeros(-1)
torch.zeros(2, -3)
torch.randn(-2)
torch.manual_seed(0)\ntorch.randn(size=(2,))
torch.manual_seed(0)\ntorch.randint(0, 5, size=(4,))
torch.manual_seed(0)\ntorch.randint(low=0, high=5, size=(4,))
torch.manual_seed(0)\ntorch.randint(high=5, size=(4,))
torch.manual_seed(0)\ntorch.randint(5, (4,))
torch.manual_seed(0)\ntorch.normal(0., 1., size=(3,))
torch.arange(end=5)
torch.arange(start=1, end=5)
torch.linspace(start=0, end=1, steps=5)
torch.eye(n=2)
torch.zeros_like(input=torch.ones(2))
torch.full_like(input=torch.ones(2), fill_value=2)
torch.device('cpu')
torch.device('cuda')
torch.device('cuda:0')
torch.device('cuda', 1)
torch.device('mps')
torch.device('mps:0')
torch.device(type='cuda', index=2)
torch.device(torch.device('cuda', 3))
torch.device(0)
torch.device('cpu', 0)
torch.device('cpu:0')
str(torch.device('cuda', 1))
str(torch.device('cuda'))
str(torch.device('cpu'))
str(torch.device('mps'))
f"{torch.device('cuda:2')}"
torch.device('cuda').type
torch.device('cuda').index
torch.device('cuda:1').index
torch.device('mps').type
torch.device('cuda:0') == torch.device('cuda', 0)
torch.device('cuda') == torch.device('cuda:0')
torch.device('cpu') == torch.device('cpu', 0)
torch.device('cpu') == 'cpu'
torch.device('cpu') != torch.device('cpu')
torch.device('cpu') == 1
torch.ones(2).device == torch.device('cpu')
len({torch.device('cuda'), torch.device('cuda', None), torch.device('cuda', 0), torch.device('cuda:0')})
hash(torch.device('cpu'))
hash(torch.device('cuda', 0))
hash(torch.device('cuda'))
hash(torch.device('cuda', 1))
hash(torch.device('mps'))
torch.device('cuda') < torch.device('cpu')
torch.device('cuda:0').__reduce__()
torch.device('cpu').__reduce__()
import pickle\npickle.loads(pickle.dumps(torch.device('cuda', 1)))
type(torch.device('cpu'))
torch.device
torch.device('gpu')
torch.device('CUDA')
torch.device('cuda:x')
torch.device('cuda:-1')
torch.device('cuda:01')
torch.device('cuda:')
torch.device(':0')
torch.device('cuda', -1)
torch.device('cuda', 'a')
torch.device('cuda:0', 1)
torch.device("cuda" if torch.cuda.is_available() else "cpu")
device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")\ntorch.manual_seed(0)\nmodel = torch.nn.Linear(2, 1).to(device)\n(model, model.weight.device, torch.ones(2, device=device).device)
torch.cuda.is_available()
torch.cuda.device_count()
torch.cuda.is_initialized()
torch.cuda.manual_seed(1)
torch.cuda.manual_seed_all(1)
torch.cuda.empty_cache()
torch.cuda.memory_allocated()
torch.cuda.max_memory_allocated()
torch.cuda.current_device()
torch.cuda.get_device_name()
torch.cuda.get_device_name(0)
torch.cuda.synchronize()
torch.cuda.get_device_properties(0)
torch.backends.mps.is_available()
torch.backends.mps.is_built()
torch.backends.cuda.is_built()
torch.backends.cudnn.is_available()
torch.backends.cudnn.version()
(torch.backends.cudnn.enabled, torch.backends.cudnn.benchmark, torch.backends.cudnn.deterministic)
torch.backends.cudnn.deterministic = True\ntorch.backends.cudnn.benchmark = False\ntorch.backends.cudnn.deterministic
torch.ones(2).device
torch.ones(2).device.type
torch.ones(2).device.index
torch.ones(2).is_cuda
torch.ones(2).get_device()
torch.ones(2).cpu()
torch.ones(2).cuda()
torch.ones(2).cuda(0)
torch.ones(2).to('cuda')
torch.ones(2).to('cuda:0')
torch.ones(2).to(torch.device('cuda'))
torch.ones(2).to(device='cuda')
torch.ones(2).to('cuda', torch.float64)
torch.ones(2).to(0)
torch.ones(2).to('mps')
torch.ones(2).to('xla')
torch.ones(2).to('gpu')
torch.ones(2).to('float64')
torch.ones(2).to('cpu')
x = torch.ones(2)\nx.to('cpu') is x
x = torch.ones(2)\nx.to(torch.float32) is x
x = torch.ones(2)\nx.to(torch.float32, copy=True) is x
torch.ones(2).to('cpu', torch.float64)
torch.ones(2).to(torch.device('cpu'), torch.float64)
torch.ones(2).to('cpu', dtype=torch.float64)
torch.ones(2).to(device='cpu', dtype=torch.float64)
torch.ones(2).to(torch.float64, True, True)
torch.ones(2).to(torch.ones(1, dtype=torch.float64))
torch.ones(2).to()
torch.ones(2).to(None)
torch.ones(2).to(device=None)
torch.ones(2).to(foo=1)
torch.ones(2).to('cpu', 'cpu')
torch.ones(2).to(torch.float64, torch.float32)
torch.ones(2, device='cuda')
torch.ones(2, device='cuda:1')
torch.zeros(2, device=torch.device('cuda'))
torch.zeros(2, device=0)
torch.zeros(2, device='cpu:0')
torch.zeros(2, device=torch.device('cpu', 0))
torch.zeros(2, device='gpu')
torch.tensor([1.], device='cuda')
torch.tensor([1.], device='cpu')
torch.randn(2, device='cuda')
torch.arange(3, device='cuda')
torch.empty(2, device='cuda')
torch.full((2,), 1., device='cuda')
torch.eye(2, device='cuda')
torch.linspace(0, 1, 3, device='cuda')
torch.rand(2, device='cuda')
torch.randint(0, 3, (2,), device='cuda')
torch.randperm(3, device='cuda')
torch.zeros_like(torch.ones(2), device='cuda')
torch.ones(2).new_zeros(2, device='cuda')
torch.ones(2).new_tensor([1], device='cuda')
torch.zeros(2, device='mps')
torch.randn(2, device='mps')
torch.arange(3, device='mps')
torch.zeros_like(torch.ones(2), device='mps')
torch.rand_like(torch.ones(2), device='mps')
torch.tensor([1.], device='mps')
torch.as_tensor([1.], device='mps')
torch.ones(2).new_tensor([1], device='mps')
torch.zeros(2, device='xla')
torch.tensor([1.], device='xla')
torch.nn.ReLU().to('cuda')
torch.nn.ReLU().cuda()
torch.nn.Linear(1, 1).cuda()
torch.nn.Linear(1, 1).to('cuda')
torch.nn.Linear(1, 1).to(torch.device('cuda:0'))
torch.nn.Linear(1, 1).to('mps')
torch.nn.Linear(1, 1).to('gpu')
torch.nn.Linear(1, 1).to(torch.int64)
torch.nn.Linear(1, 1).to(foo=1)
torch.nn.Linear(1, 1).to(torch.float64).weight.dtype
torch.nn.Linear(1, 1).to('cpu', torch.float64).bias.dtype
torch.nn.Linear(1, 1).to(torch.ones(1, dtype=torch.float64)).weight.dtype
torch.nn.Linear(1, 1).double().float().weight.dtype
m = torch.nn.Linear(1, 1)\nw = m.weight\nm.double()\n(m.weight is w, w.dtype, type(w).__name__)
m = torch.nn.Linear(1, 1)\nm.to('cpu') is m
torch.manual_seed(0)\nm = torch.nn.Linear(2, 1)\nm(torch.ones(1, 2)).sum().backward()\nm.double()\nm.weight.grad
'''.strip().split("\n")


def to_2x(text):
    """The 1.13 text as PyTorch 2.x prints it (see the module docstring)."""
    if "received an invalid combination of arguments" in text and text.startswith("TypeError: new()"):
        text = text.replace("torch.device device)", "torch.device device = None)")
    if "received an invalid combination of arguments" in text and text.startswith("TypeError: to()"):
        text = text.replace("torch.device device, torch.dtype dtype,", "torch.device device = None, torch.dtype dtype = None,")
        text = text.replace("bool non_blocking, bool copy,", "bool non_blocking = False, bool copy = False,")
        text = text.replace("torch.memory_format memory_format)", "torch.memory_format memory_format = None)")
    return text.replace("fpga, ort, xla", "fpga, maia, xla").replace("hpu, privateuseone", "hpu, mtia, privateuseone")


def error_case(text):
    """What the fixture keeps of an error (see the module docstring)."""
    cut = text.find(" for possible resolutions.")
    if text.startswith("NotImplementedError: Could not run 'aten::") and cut > 0:
        return {"error_prefix": text[: cut + len(" for possible resolutions.")]}
    if re.match(r"TypeError: (?!new\(\)|to\(\))\w+\(\) received an invalid combination of arguments", text):
        return {"error_type": "TypeError", "pytorch_error": text}
    return {"error": text}


def run(code):
    *setup, last = code.replace("\\n", "\n").split("\n")
    g = {"torch": torch, "numpy": numpy}
    torch.backends.cudnn.deterministic = False
    torch.backends.cudnn.benchmark = False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if setup:
                exec("\n".join(setup), g)
            v = eval(last, g)
        return {"repr": repr(v), "str": str(v)}
    except Exception as e:
        return error_case(to_2x("%s: %s" % (type(e).__name__, e)))


def main():
    cases = []
    for code in CASES:
        r = run(code)
        # A repr with an address or a file path is not reproducible; such cases keep only what is.
        if " at 0x" in r.get("repr", ""):
            sys.exit("case prints an address, make it print something stable: " + code)
        cases.append(dict(code=code, **r))
    out = {
        "about": "Made by test/harness/gen_torch_api_forms.py with PyTorch %s (CPU build); messages PyTorch 2.x words "
        "differently are rewritten to the 2.x text there." % torch.__version__,
        "cases": cases,
    }
    path = os.path.join(os.path.dirname(__file__), "..", "fixtures", "torch_api_forms.json")
    with open(path, "w") as f:
        json.dump(out, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print("wrote %d cases to %s" % (len(cases), os.path.normpath(path)))


if __name__ == "__main__":
    main()
