# Writes test/fixtures/nn_layers.json with real PyTorch (run with /usr/bin/python3: torch 1.13, CPU).
#
# The cases of issue 14's normalisation, lookup-table and gradient-clipping layers, replayed through the playground
# by test/harness/replay_nn_layers.py for test/python/torch/nn-norm.test.ts, nn-embedding.test.ts and
# nn-utils.test.ts (each takes the cases of its `suite`). Each case is a block of statements run after
# torch.manual_seed(seed) with torch, nn, F and the helpers below; the value of `out` is recorded (tensors as
# shape, dtype and data), or "Type: message" when the block raises. `exact` cases must be reproduced bit for bit
# (random draws, lookups); the others to float rounding. Where PyTorch 2.x differs from this 1.13 build, the
# test files hold the 2.x value.
import json
import math
import os
import sys
import warnings

import torch
import torch.nn as nn
import torch.nn.functional as F


def leaf(data, dtype=torch.float32):
    return torch.tensor(data, dtype=dtype, requires_grad=True)


def rleaf(*shape, dtype=torch.float32):
    return torch.randn(*shape, dtype=dtype).requires_grad_()


def weights_like(t):
    """A fixed, uneven weighting, so that a normalised output's gradient is not the zero of a plain sum (small
    multiples of 1/4: exact in every dtype, so sums of them are too)."""
    return ((torch.arange(t.numel(), dtype=t.dtype) % 5 - 1.5) * 0.75).reshape(t.shape)


def grads(out, *leaves):
    """[out, d(sum(out * weights_like(out)))/d leaf for each leaf]"""
    return [out] + list(torch.autograd.grad((out * weights_like(out)).sum(), leaves, allow_unused=True))


PRELUDE = {"torch": torch, "nn": nn, "F": F, "leaf": leaf, "rleaf": rleaf, "grads": grads, "weights_like": weights_like,
           "math": math}

NORM = [
    # BatchNorm1d: forward, gradients, running statistics
    (0, "x = rleaf(6, 3)\nbn = nn.BatchNorm1d(3)\nout = grads(bn(x), x, bn.weight, bn.bias) + [bn.running_mean, bn.running_var, bn.num_batches_tracked]", False),
    (1, "x = rleaf(4, 3, 5)\nbn = nn.BatchNorm1d(3)\nout = grads(bn(x), x, bn.weight, bn.bias) + [bn.running_mean, bn.running_var]", False),
    (2, "x = rleaf(5, 2, dtype=torch.float64)\nbn = nn.BatchNorm1d(2).double()\nout = grads(bn(x), x, bn.weight, bn.bias) + [bn.running_mean, bn.running_var]", False),
    (3, "bn = nn.BatchNorm1d(3, momentum=0.3)\nfor i in range(3):\n    bn(torch.randn(8, 3) * (i + 1) + i)\nout = [bn.running_mean, bn.running_var, bn.num_batches_tracked]", False),
    (3, "bn = nn.BatchNorm1d(3, momentum=None)\nfor i in range(3):\n    bn(torch.randn(8, 3) * (i + 1) + i)\nout = [bn.running_mean, bn.running_var, bn.num_batches_tracked]", False),
    (4, "bn = nn.BatchNorm1d(3)\nbn(torch.randn(8, 3) * 2 + 1)\nbn.eval()\nx = rleaf(4, 3)\nout = grads(bn(x), x, bn.weight, bn.bias) + [bn.num_batches_tracked]", False),
    (5, "bn = nn.BatchNorm1d(3, affine=False)\nx = rleaf(5, 3)\nout = grads(bn(x), x) + [bn.weight, bn.running_mean]", False),
    (5, "bn = nn.BatchNorm1d(3, track_running_stats=False)\nx = rleaf(5, 3)\nbn.eval()\nout = grads(bn(x), x, bn.weight) + [bn.running_mean, bn.num_batches_tracked]", False),
    (6, "bn = nn.BatchNorm1d(4)\nwith torch.no_grad():\n    bn.weight.copy_(torch.tensor([0.5, 1.5, -1.0, 2.0]))\n    bn.bias.copy_(torch.tensor([0.1, -0.2, 0.3, 0.0]))\nx = rleaf(3, 4, 2)\nout = grads(bn(x), x, bn.weight, bn.bias)", False),
    # BatchNorm2d
    (7, "x = rleaf(2, 3, 4, 4)\nbn = nn.BatchNorm2d(3)\nout = grads(bn(x), x, bn.weight, bn.bias) + [bn.running_mean, bn.running_var]", False),
    (8, "bn = nn.BatchNorm2d(2, eps=1e-3, momentum=0.5)\nbn(torch.randn(3, 2, 3, 3))\nbn.eval()\nx = rleaf(1, 2, 3, 3)\nout = grads(bn(x), x, bn.weight, bn.bias) + [bn.running_mean, bn.running_var]", False),
    (8, "x = rleaf(2, 2, 3, 2, 2)\nbn = nn.BatchNorm3d(2)\nout = grads(bn(x), x, bn.weight, bn.bias) + [bn.running_mean, bn.running_var, repr(bn)]", False),
    # F.batch_norm
    (9, "x = rleaf(4, 3)\nrm = torch.zeros(3)\nrv = torch.ones(3)\nw = leaf([1.0, 2.0, 3.0])\nb = leaf([0.0, 0.5, -0.5])\nout = grads(F.batch_norm(x, rm, rv, w, b, training=True, momentum=0.2), x, w, b) + [rm, rv]", False),
    (9, "x = rleaf(4, 3)\nrm = torch.tensor([0.5, -0.5, 0.0])\nrv = torch.tensor([2.0, 0.5, 1.0])\nout = grads(F.batch_norm(x, rm, rv), x)", False),
    (9, "x = rleaf(4, 3)\nout = grads(F.batch_norm(x, None, None, training=True), x)", False),
    # double backward through batch and layer norm
    (10, "x = rleaf(4, 3)\nbn = nn.BatchNorm1d(3)\ng, = torch.autograd.grad((bn(x) * weights_like(x)).pow(2).sum(), x, create_graph=True)\nout = [g] + list(torch.autograd.grad((g * weights_like(g)).sum(), [x, bn.weight]))", False),
    (10, "x = rleaf(3, 4)\nln = nn.LayerNorm(4)\ng, = torch.autograd.grad((ln(x) * weights_like(x)).pow(2).sum(), x, create_graph=True)\nout = [g] + list(torch.autograd.grad((g * weights_like(g)).sum(), [x, ln.weight]))", False),
    (10, "x = rleaf(2, 4, 3)\ngn = nn.GroupNorm(2, 4)\ng, = torch.autograd.grad((gn(x) * weights_like(x)).pow(2).sum(), x, create_graph=True)\nout = [g] + list(torch.autograd.grad((g * weights_like(g)).sum(), [x, gn.weight]))", False),
    (10, "x = rleaf(4, 3)\nbn = nn.BatchNorm1d(3)\nbn(torch.randn(8, 3))\nbn.eval()\ng, = torch.autograd.grad((bn(x) * weights_like(x)).pow(2).sum(), x, create_graph=True)\nout = [g] + list(torch.autograd.grad((g * weights_like(g)).sum(), [x, bn.weight]))", False),
    # LayerNorm
    (11, "x = rleaf(3, 5)\nln = nn.LayerNorm(5)\nout = grads(ln(x), x, ln.weight, ln.bias)", False),
    (12, "x = rleaf(2, 3, 4)\nln = nn.LayerNorm((3, 4))\nwith torch.no_grad():\n    ln.weight.copy_(torch.linspace(0.5, 1.5, 12).reshape(3, 4))\n    ln.bias.fill_(0.25)\nout = grads(ln(x), x, ln.weight, ln.bias)", False),
    (13, "x = rleaf(2, 6, dtype=torch.float64)\nln = nn.LayerNorm([6], eps=1e-3, elementwise_affine=False).double()\nout = grads(ln(x), x) + [ln.weight]", False),
    (14, "x = rleaf(4, 4)\nw = leaf([1.0, 2.0, 0.5, -1.0])\nout = grads(F.layer_norm(x, (4,), w, None, 1e-6), x, w)", False),
    (14, "x = rleaf(2, 3, 2)\nout = grads(F.layer_norm(x, [3, 2]), x)", False),
    (15, "x = rleaf(5)\nln = nn.LayerNorm(5)\nout = grads(ln(x), x, ln.weight)", False),
    # GroupNorm
    (16, "x = rleaf(2, 6, 3)\ngn = nn.GroupNorm(3, 6)\nout = grads(gn(x), x, gn.weight, gn.bias)", False),
    (17, "x = rleaf(2, 4, 2, 3)\ngn = nn.GroupNorm(2, 4)\nwith torch.no_grad():\n    gn.weight.copy_(torch.tensor([1.0, -1.0, 2.0, 0.5]))\n    gn.bias.copy_(torch.tensor([0.0, 0.1, 0.2, 0.3]))\nout = grads(gn(x), x, gn.weight, gn.bias)", False),
    (18, "x = rleaf(3, 4)\ngn = nn.GroupNorm(1, 4, affine=False)\nout = grads(gn(x), x) + [gn.weight]", False),
    (18, "x = rleaf(2, 4, 5, dtype=torch.float64)\ngn = nn.GroupNorm(4, 4, eps=1e-2).double()\nout = grads(gn(x), x, gn.weight, gn.bias)", False),
    (19, "x = rleaf(2, 4, 3)\nw = leaf([1.0, 2.0, 3.0, 4.0])\nout = grads(F.group_norm(x, 2, w), x, w)", False),
    # Dropout1d / Dropout2d: the mask stream, bit for bit
    (20, "out = nn.Dropout2d()(torch.ones(2, 3, 2, 2))", True),
    (21, "out = F.dropout2d(torch.arange(1.0, 49.0).reshape(2, 6, 2, 2), 0.3)", True),
    (22, "out = nn.Dropout1d(0.4)(torch.ones(4, 5, 3))", True),
    (23, "out = F.dropout1d(torch.arange(1.0, 13.0).reshape(4, 3), 0.5)", True),
    (24, "x = torch.ones(2, 3, 2, 2, dtype=torch.float64)\nout = [F.dropout2d(x, 0.5), F.dropout2d(x, 0.5)]", True),
    (25, "x = leaf([[[1.0, 2.0], [3.0, 4.0]], [[5.0, 6.0], [7.0, 8.0]]])\ny = F.dropout1d(x, 0.5)\nout = [y.grad_fn.name()] + grads(y, x)", True),
    (26, "x = torch.ones(2, 3, 4)\nm = nn.Dropout2d(0.5)\nm.eval()\nout = [m(x) is x, F.dropout2d(x, 0.0) is x, F.dropout2d(x, 1.0), F.dropout1d(x, 0.5, training=False) is x]", True),
    (27, "x = torch.ones(2, 4, 3)\ny = F.dropout1d(x, 0.5, inplace=True)\nout = [y is x, x]", True),
    (27, "x = torch.ones(5, 3)\ny = F.dropout1d(x, 0.5, inplace=True)\nout = [y is x, x, F.dropout1d(x, 0.5, inplace=True)]", True),
    (27, "x = leaf([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])\ny = F.dropout1d(x, 0.5)\nout = [y.grad_fn.name()] + grads(y, x)", True),
    (28, "with warnings.catch_warnings(record=True) as w:\n    warnings.simplefilter('always')\n    y = F.dropout2d(torch.ones(2, 3, 4), 0.5)\nout = [y, [str(m.message) for m in w]]", True),
    (29, "with warnings.catch_warnings(record=True) as w:\n    warnings.simplefilter('always')\n    y = F.dropout2d(torch.ones(2, 3), 0.5)\nout = [y, [str(m.message) for m in w]]", True),
    # printing, names, state
    (0, "e = nn.Embedding(5, 2, sparse=False)\nout = [e.sparse, repr(e)]", True),
    (0, "out = [repr(m) for m in (nn.BatchNorm1d(3), nn.BatchNorm2d(8, eps=1e-3, momentum=None, affine=False, track_running_stats=False), nn.LayerNorm(4), nn.LayerNorm((2, 3), eps=1e-6, elementwise_affine=False), nn.GroupNorm(2, 4), nn.GroupNorm(1, 3, affine=False), nn.Dropout1d(), nn.Dropout2d(0.2, inplace=True))]", True),
    (0, "bn = nn.BatchNorm2d(3)\nout = [list(bn.state_dict().keys()), [n for n, _ in bn.named_parameters()], [n for n, _ in bn.named_buffers()], bn.num_batches_tracked, str(bn.num_batches_tracked.dtype), bn.running_var, bn.weight, bn.bias]", True),
    (0, "bn = nn.BatchNorm1d(3, affine=False, track_running_stats=False)\nout = [list(bn.state_dict().keys()), [n for n, _ in bn.named_buffers()], bn.running_mean is None]", True),
    (0, "ln = nn.LayerNorm((2, 3))\ngn = nn.GroupNorm(2, 4)\nout = [list(ln.state_dict().keys()), ln.weight, ln.bias, ln.normalized_shape, list(gn.state_dict().keys()), gn.weight]", True),
    (0, "x = rleaf(3, 2)\nout = [nn.BatchNorm1d(2)(x).grad_fn.name(), nn.BatchNorm1d(2).eval()(x).grad_fn.name(), nn.LayerNorm(2)(x).grad_fn.name(), nn.GroupNorm(1, 2)(x).grad_fn.name(), nn.Dropout1d()(x.unsqueeze(0)).grad_fn.name()]", True),
    (0, "bn = nn.BatchNorm1d(3)\nbn(torch.randn(4, 3))\nsd = bn.state_dict()\nbn2 = nn.BatchNorm1d(3)\nr = bn2.load_state_dict(sd)\nout = [repr(r), bn2.running_mean, bn2.num_batches_tracked]", False),
    (0, "bn = nn.BatchNorm1d(3)\nsd = bn.state_dict()\ndel sd['num_batches_tracked']\nsd._metadata[''] = {'version': 1}\nr = bn.load_state_dict(sd)\nout = [repr(r), bn.num_batches_tracked]", True),
    (0, "bn = nn.BatchNorm1d(3)\ny = bn(torch.randn(0, 3, requires_grad=True))\nout = [y, y.grad_fn.name(), bn.num_batches_tracked, bn.running_mean]", True),
    (0, "bn = nn.BatchNorm1d(3)\nbn.running_mean.fill_(2.0)\nbn.num_batches_tracked.fill_(5)\nbn.reset_running_stats()\nout = [bn.running_mean, bn.num_batches_tracked]", True),
]

NORM_ERRORS = [
    "nn.BatchNorm1d(3)(torch.randn(1, 3))",
    "nn.BatchNorm1d(3)(torch.randn(2, 4))",
    "nn.BatchNorm1d(3)(torch.randn(2, 3, 4, 5))",
    "nn.BatchNorm1d(3)(torch.randn(3))",
    "nn.BatchNorm2d(3)(torch.randn(2, 3, 4))",
    "nn.BatchNorm3d(3)(torch.randn(2, 3, 4, 4))",
    "nn.BatchNorm2d(3)(torch.randn(1, 3, 1, 1))",
    "nn.BatchNorm1d(3).eval()(torch.randn(2, 4))",
    "F.batch_norm(torch.randn(2, 3), torch.zeros(3), torch.ones(3), weight=torch.ones(4))",
    "F.batch_norm(torch.randn(2, 3), None, None)",
    "F.batch_norm(torch.ones(2, 3, dtype=torch.long), torch.zeros(3), torch.ones(3))",
    "F.layer_norm(torch.ones(2, 3, dtype=torch.long), (3,))",
    "F.group_norm(torch.ones(2, 4, dtype=torch.long), 2)",
    "F.layer_norm(torch.ones(2, 3), ())",
    "nn.LayerNorm(4)(torch.randn(2, 3))",
    "nn.LayerNorm((3, 4))(torch.randn(3, 3))",
    "F.layer_norm(torch.randn(2, 3), (3,), torch.ones(4))",
    "nn.GroupNorm(4, 6)",
    "F.group_norm(torch.randn(2, 6, 3), 4)",
    "nn.GroupNorm(2, 4)(torch.randn(2, 6, 3))",
    "nn.GroupNorm(2, 4)(torch.randn(1, 2))",
    "nn.Dropout2d(1.5)",
    "F.dropout1d(torch.randn(2, 3, 4, 5))",
    "F.dropout1d(torch.randn(3), 0.5)",
    "F.dropout2d(torch.randn(2, 3), -0.1)",
]

EMBEDDING = [
    # default initialisation: normal_(0, 1) from the generator, bit for bit; padding rows zeroed
    (0, "out = nn.Embedding(10, 3).weight", True),
    (1, "out = nn.Embedding(7, 5, padding_idx=2).weight", True),
    (2, "out = nn.Embedding(5, 4, padding_idx=-1).weight", True),
    (3, "out = nn.Embedding(40, 8).weight", True),
    (4, "out = nn.Embedding(6, 2, dtype=torch.float64).weight", True),
    (5, "out = nn.EmbeddingBag(6, 3).weight", True),
    # lookups and gradients
    (6, "e = nn.Embedding(6, 3)\ni = torch.tensor([[0, 2, 4], [2, 2, 5]])\nout = grads(e(i), e.weight)", True),
    (7, "e = nn.Embedding(6, 3, padding_idx=2)\ni = torch.tensor([[0, 2, 4], [2, 2, 5]])\nout = grads(e(i), e.weight) + [e.weight]", True),
    (7, "e = nn.Embedding(6, 3, padding_idx=-2)\ni = torch.tensor([4, 1, 4, 0])\nout = grads(e(i), e.weight) + [e.padding_idx]", True),
    (8, "e = nn.Embedding(5, 2, scale_grad_by_freq=True)\ni = torch.tensor([1, 1, 1, 3, 0, 3])\nout = grads(e(i), e.weight)", False),
    (9, "e = nn.Embedding(5, 3)\nout = [e(torch.tensor(3)), e(torch.tensor([], dtype=torch.long)), e(torch.tensor([[[1]], [[4]]])).shape]", True),
    (10, "w = rleaf(5, 3, dtype=torch.float64)\ni = torch.tensor([[1, 0], [4, 4]])\nout = grads(F.embedding(i, w, padding_idx=4), w)", True),
    # max_norm renormalises the rows looked up, in place
    (11, "e = nn.Embedding(6, 4, max_norm=1.0)\ni = torch.tensor([1, 3, 3])\ny = e(i)\nout = [y, e.weight, e.weight._version] + grads(e(i), e.weight)", False),
    (12, "e = nn.Embedding(6, 4, max_norm=0.5, norm_type=1.0)\ny = e(torch.tensor([0, 5]))\nout = [y, e.weight]", False),
    (13, "w = torch.randn(4, 3) * 3\nout = [F.embedding(torch.tensor([2, 0]), w, max_norm=2.0, norm_type=float('inf')), w]", False),
    # from_pretrained and freezing
    (0, "w = torch.tensor([[1.0, 2.3, 3.0], [4.0, 5.1, 6.3]])\ne = nn.Embedding.from_pretrained(w)\nout = [e(torch.tensor([1])), e.weight.requires_grad, repr(e)]", True),
    (0, "w = torch.tensor([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])\ne = nn.Embedding.from_pretrained(w, freeze=False, padding_idx=0)\nout = [e.weight.requires_grad, e.weight] + grads(e(torch.tensor([0, 1, 0, 2])), e.weight)", True),
    # EmbeddingBag
    (14, "b = nn.EmbeddingBag(8, 3)\ni = torch.tensor([1, 2, 4, 5, 4, 3, 2, 7])\no = torch.tensor([0, 4])\nout = grads(b(i, o), b.weight)", False),
    (14, "b = nn.EmbeddingBag(8, 3, mode='sum')\ni = torch.tensor([1, 2, 4, 5, 4, 3, 2, 7])\no = torch.tensor([0, 3, 3, 6])\nout = grads(b(i, o), b.weight)", False),
    (14, "b = nn.EmbeddingBag(8, 3, mode='max')\ni = torch.tensor([1, 2, 4, 5, 4, 3, 2, 7])\no = torch.tensor([0, 2, 5])\nout = grads(b(i, o), b.weight)", False),
    (15, "b = nn.EmbeddingBag(6, 2, mode='sum')\ni = torch.tensor([[0, 2, 3], [5, 5, 1]])\nout = grads(b(i), b.weight)", False),
    (15, "b = nn.EmbeddingBag(6, 2, mode='mean', padding_idx=2)\ni = torch.tensor([2, 2, 4, 1, 2, 3])\no = torch.tensor([0, 2, 4])\nout = grads(b(i, o), b.weight) + [b.weight]", False),
    (16, "b = nn.EmbeddingBag(6, 2, mode='sum')\ni = torch.tensor([0, 2, 3, 5])\no = torch.tensor([0, 1, 4])\npsw = leaf([0.5, 2.0, -1.0, 3.0])\nout = grads(b(i, o, per_sample_weights=psw), b.weight, psw)", False),
    (16, "b = nn.EmbeddingBag(6, 2, mode='mean', scale_grad_by_freq=True)\ni = torch.tensor([0, 2, 2, 5, 2, 0])\no = torch.tensor([0, 1, 4])\nout = grads(b(i, o), b.weight)", False),
    (16, "b = nn.EmbeddingBag(6, 2, mode='sum', scale_grad_by_freq=True, padding_idx=5)\ni = torch.tensor([[0, 2, 5], [2, 2, 1]])\nout = grads(b(i), b.weight)", False),
    (16, "b = nn.EmbeddingBag(6, 2, mode='mean', include_last_offset=True)\ni = torch.tensor([0, 2, 3, 5])\no = torch.tensor([0, 1, 4])\nout = grads(b(i, o), b.weight)", False),
    (17, "w = rleaf(5, 3)\nout = grads(F.embedding_bag(torch.tensor([[1, 2], [3, 3]]), w, mode='max'), w)", False),
    (17, "w = torch.tensor([[1.0, 2.0], [3.0, 4.0]])\nb = nn.EmbeddingBag.from_pretrained(w, mode='sum')\nout = [b(torch.tensor([[0, 1, 1]])), b.weight.requires_grad]", True),
    # one_hot
    (0, "out = [F.one_hot(torch.tensor([0, 2, 1])), F.one_hot(torch.tensor([[0, 1], [3, 0]]), 5), F.one_hot(torch.tensor(2), 4), F.one_hot(torch.arange(0, 5) % 3, num_classes=-1), F.one_hot(torch.tensor([], dtype=torch.long), 3).shape]", True),
    # printing and names
    (0, "out = [repr(m) for m in (nn.Embedding(10, 3), nn.Embedding(5, 3, padding_idx=0, max_norm=1.0), nn.Embedding(5, 3, norm_type=1.0, scale_grad_by_freq=True), nn.EmbeddingBag(5, 3), nn.EmbeddingBag(5, 3, mode='sum', max_norm=2.0, padding_idx=1))]", True),
    (0, "e = nn.Embedding(4, 2)\nb = nn.EmbeddingBag(4, 2)\nout = [list(e.state_dict().keys()), list(b.state_dict().keys()), e(torch.tensor([1])).grad_fn.name(), b(torch.tensor([[1]])).grad_fn.name(), e.num_embeddings, e.embedding_dim, e.padding_idx, b.mode]", True),
]

EMBEDDING_ERRORS = [
    "nn.Embedding(5, 3)(torch.tensor([5]))",
    "nn.Embedding(5, 3)(torch.tensor([-1]))",
    "nn.Embedding(5, 3)(torch.tensor([1.0]))",
    "nn.Embedding(5, 3, padding_idx=5)",
    "nn.Embedding(5, 3, padding_idx=-6)",
    "nn.Embedding.from_pretrained(torch.ones(3))",
    "nn.Embedding(3, 2, _weight=torch.ones(2, 2))",
    "nn.EmbeddingBag(5, 3)(torch.tensor([1, 2]))",
    "nn.EmbeddingBag(5, 3)(torch.tensor([[1, 2]]), torch.tensor([0]))",
    "nn.EmbeddingBag(5, 3)(torch.tensor([[[1, 2]]]))",
    "nn.EmbeddingBag(5, 3)(torch.tensor([1, 2]), torch.tensor([[0]]))",
    "nn.EmbeddingBag(5, 3, mode='median')(torch.tensor([[1, 2]]))",
    "nn.EmbeddingBag(5, 3, mode='max', scale_grad_by_freq=True)(torch.tensor([[1, 2]]))",
    "nn.EmbeddingBag(5, 3, mode='mean')(torch.tensor([[1, 2]]), per_sample_weights=torch.ones(1, 2))",
    "nn.EmbeddingBag(5, 3, mode='sum')(torch.tensor([[1, 2]]), per_sample_weights=torch.ones(2))",
    "nn.EmbeddingBag(5, 3)(torch.tensor([1, 9]), torch.tensor([0]))",
    "nn.EmbeddingBag(5, 3, padding_idx=5)",
    "F.embedding_bag(torch.tensor([[1, 2]]), torch.ones(5, 3), padding_idx=7)",
    "F.embedding_bag(torch.tensor([1, 2]), torch.ones(5, 3), torch.tensor([1]))",
    "F.embedding_bag(torch.tensor([1, 2]), torch.ones(5, 3), torch.tensor([0, 3]))",
    "F.embedding(torch.tensor([1]), torch.ones(3))",
    "F.one_hot(torch.tensor([0, 3]), 3)",
    "F.one_hot(torch.tensor([0.0, 3.0]))",
    "F.one_hot(torch.tensor([-1, 3]))",
    "F.one_hot(torch.tensor([], dtype=torch.long))",
]

UTILS = [
    # clip_grad_norm_: the total norm returned, the gradients scaled in place
    (0, "m = nn.Linear(4, 3)\nm(torch.randn(5, 4)).pow(2).sum().backward()\nn = nn.utils.clip_grad_norm_(m.parameters(), 1.0)\nout = [n, m.weight.grad, m.bias.grad]", False),
    (1, "m = nn.Linear(4, 3)\nm(torch.randn(5, 4)).pow(2).sum().backward()\nn = nn.utils.clip_grad_norm_(m.parameters(), 0.5, norm_type=1)\nout = [n, m.weight.grad, m.bias.grad]", False),
    (2, "m = nn.Linear(4, 3)\nm(torch.randn(5, 4)).pow(2).sum().backward()\nn = nn.utils.clip_grad_norm_(m.parameters(), 0.1, norm_type=float('inf'))\nout = [n, m.weight.grad, m.bias.grad]", False),
    (2, "m = nn.Linear(4, 3)\nm(torch.randn(5, 4)).pow(2).sum().backward()\nn = nn.utils.clip_grad_norm_(m.parameters(), 1e6, norm_type='inf')\nout = [n, m.weight.grad]", False),
    (3, "m = nn.Linear(2, 2)\nm(torch.randn(3, 2)).sum().backward()\nn = nn.utils.clip_grad_norm_(m.weight, 100.0)\nout = [n, m.weight.grad, m.bias.grad]", False),
    (3, "p = leaf([3.0, 4.0])\np.grad = torch.tensor([3.0, 4.0])\nq = leaf([1.0])\nn = nn.utils.clip_grad_norm_([p, q], 2.5, norm_type=3.0)\nout = [n, p.grad, q.grad]", False),
    (3, "p = leaf([1.0, 2.0], torch.float64)\np.grad = torch.tensor([3.0, -4.0], dtype=torch.float64)\nn = nn.utils.clip_grad_norm_([p], 1.0)\nout = [n, p.grad]", False),
    (0, "out = [nn.utils.clip_grad_norm_([leaf([1.0])], 1.0), nn.utils.clip_grad_norm_([], 1.0)]", True),
    (0, "p = leaf([1.0, 2.0])\np.grad = torch.tensor([float('inf'), 1.0])\nn = nn.utils.clip_grad_norm_([p], 1.0)\nout = [n, p.grad]", True),
    (0, "p = leaf([1.0, 2.0])\np.grad = torch.tensor([float('nan'), 1.0])\nout = nn.utils.clip_grad_norm_([p], 1.0, error_if_nonfinite=True)", True),
    # clip_grad_value_
    (4, "m = nn.Linear(3, 2)\nm(torch.randn(4, 3)).pow(2).sum().backward()\nr = nn.utils.clip_grad_value_(m.parameters(), 0.5)\nout = [r, m.weight.grad, m.bias.grad]", True),
    (4, "p = leaf([1.0, 2.0, 3.0])\np.grad = torch.tensor([-2.0, 0.1, 5.0])\nnn.utils.clip_grad_value_(p, 1)\nout = p.grad", True),
    # parameters as one vector
    (5, "m = nn.Sequential(nn.Linear(3, 2), nn.Linear(2, 1))\nv = nn.utils.parameters_to_vector(m.parameters())\nout = [v, v.grad_fn.name()]", True),
    (5, "m = nn.Sequential(nn.Linear(3, 2), nn.Linear(2, 1))\nnn.utils.vector_to_parameters(torch.arange(11.0), m.parameters())\nout = [m[0].weight, m[0].bias, m[1].weight, m[1].bias, isinstance(m[0].weight, nn.Parameter), m[0].weight.requires_grad]", True),
    # ModuleDict, ParameterList, ParameterDict
    (0, "d = nn.ModuleDict({'lin': nn.Linear(2, 2), 'act': nn.ReLU()})\nd['out'] = nn.Linear(2, 1)\nout = [repr(d), list(d.keys()), len(d), 'act' in d, [n for n, _ in d.named_parameters()], list(d.state_dict().keys())]", True),
    (0, "d = nn.ModuleDict([('b', nn.Tanh()), ('a', nn.Sigmoid())])\np = d.pop('b')\nd.update({'c': nn.ReLU()})\nout = [repr(d), repr(p), [k for k in d], [repr(v) for v in d.values()]]", True),
    (0, "pl = nn.ParameterList([nn.Parameter(torch.ones(2)), nn.Parameter(torch.zeros(2, 3))])\npl.append(torch.ones(1))\npl.extend([nn.Parameter(torch.ones(1, dtype=torch.float64))])\nout = [repr(pl), len(pl), [n for n, _ in pl.named_parameters()], isinstance(pl[2], nn.Parameter), pl[-1], repr(pl[1:3])]", True),
    (0, "pd = nn.ParameterDict({'b': nn.Parameter(torch.ones(2)), 'a': torch.zeros(3)})\npd['c'] = nn.Parameter(torch.ones(1, 1))\nout = [repr(pd), list(pd.keys()), [n for n, _ in pd.named_parameters()], 'a' in pd, pd.get('z'), len(pd), list(pd.state_dict().keys())]", True),
    (0, "class Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.ps = nn.ParameterList([nn.Parameter(torch.ones(2)) for _ in range(2)])\n        self.heads = nn.ModuleDict({'x': nn.Linear(2, 1)})\n        self.extra = nn.ParameterDict({'scale': nn.Parameter(torch.ones(1))})\nnet = Net()\nout = [repr(net), [n for n, _ in net.named_parameters()]]", True),
]

UTILS_ERRORS = [
    "nn.utils.vector_to_parameters([1.0, 2.0], nn.Linear(1, 1).parameters())",
    "nn.ParameterList([nn.Parameter(torch.ones(1))])[3]",
    "nn.ParameterList()(1)",
    "nn.ParameterDict()[1]",
    "nn.ParameterDict()({})",
    "nn.ModuleDict({'a': 1})",
    "nn.ModuleDict(5)",
    "nn.ModuleDict([('a', nn.ReLU(), 3)])",
    "nn.ModuleDict({'a': nn.ReLU()})(torch.ones(1))",
    "nn.ParameterList().extend(torch.ones(2))",
]

ENV_EXTRA = {"warnings": warnings}


def encode(value):
    if isinstance(value, torch.Tensor):
        data = value.detach().reshape(-1).tolist()
        return {
            "shape": list(value.shape),
            "dtype": str(value.dtype)[6:],
            "data": [x if not isinstance(x, float) or math.isfinite(x) else str(x) for x in data],
        }
    if isinstance(value, torch.Size):
        return str(value)
    if isinstance(value, (list, tuple)):
        return [encode(v) for v in value]
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return repr(value)


def run(seed, code):
    torch.manual_seed(seed)
    env = dict(PRELUDE, **ENV_EXTRA)
    try:
        exec(code, env)
    except Exception as e:  # noqa: BLE001
        return {"error": "%s: %s" % (type(e).__name__, str(e))}
    return {"result": encode(env["out"])}


def error_of(code):
    r = run(0, "out = " + code)
    return r.get("error")


def main():
    cases = []
    for suite, exact_cases, errors in (("norm", NORM, NORM_ERRORS), ("embedding", EMBEDDING, EMBEDDING_ERRORS), ("utils", UTILS, UTILS_ERRORS)):
        for seed, code, exact in exact_cases:
            case = {"suite": suite, "seed": seed, "code": code, "exact": exact}
            case.update(run(seed, code))
            cases.append(case)
        for code in errors:
            cases.append({"suite": suite, "seed": 0, "code": "out = " + code, "error": error_of(code)})
    about = (
        "torch.manual_seed(seed), then the statements of `code` with torch, nn, F and the helpers of "
        "test/harness/gen_nn_layers_fixture.py; `result` is the value of `out`. Made with torch %s (CPU)" % torch.__version__
    )
    out = os.path.join(os.path.dirname(__file__), "..", "fixtures", "nn_layers.json")
    with open(out, "w") as f:
        json.dump({"about": about, "cases": cases}, f, indent=1)
    print("wrote %d cases to %s" % (len(cases), out), file=sys.stderr)


if __name__ == "__main__":
    main()
