# Writes test/fixtures/distributions.json with real PyTorch (run with /usr/bin/python3: torch 1.13, CPU, no MKL).
#
# PyTorch 2.x's CPU kernels for these samplers are the generic ones this 1.13 build also runs (2.x keeps MKL's
# random streams off for bernoulli_ and exponential_), with one exception reproduced here: 2.x's multinomial
# takes the exponential-race fast path for a single sample *with* replacement too (1.13 only without
# replacement), so torch.multinomial is wrapped to choose the path as 2.x does. Categorical.sample() and
# Multinomial use torch.multinomial, so they see the same wrapper.
#
# Each case: `code` is evaluated with torch, D (torch.distributions) and the helpers below after
# torch.manual_seed(seed); the result is a tensor, a number, a string or a list of those. `exact` cases must be
# reproduced bit for bit; the others to the reference tolerances. `error` cases record "Type: message".
import json
import math
import os
import sys

import torch
import torch.distributions as D

_native_multinomial = torch.multinomial


def _multinomial_2x(input, num_samples, replacement=False, *, generator=None):
    if replacement and num_samples == 1:
        replacement = False  # 2.x: the exponential race serves every single-sample draw
    return _native_multinomial(input, num_samples, replacement, generator=generator)


torch.multinomial = _multinomial_2x


def leaf(data, dtype=torch.float32):
    return torch.tensor(data, dtype=dtype, requires_grad=True)


def grads(out, *leaves):
    """[out, d(out.sum())/d leaf for each leaf]"""
    return [out] + list(torch.autograd.grad(out.sum(), leaves))


ENV = {"torch": torch, "D": D, "leaf": leaf, "grads": grads, "math": math}

EXACT = [
    # the sampling primitives
    (0, "torch.empty(5).exponential_()"),
    (7, "torch.empty(20).exponential_(0.5)"),
    (0, "torch.empty(5, dtype=torch.float64).exponential_(2.5)"),
    (1, "torch.empty(30).bernoulli_(0.3)"),
    (1, "torch.zeros(2, 3, dtype=torch.long).bernoulli_(0.5)"),
    (1, "torch.bernoulli(torch.full((30,), 0.3))"),
    (1, "torch.bernoulli(torch.full((30,), 0.3, dtype=torch.float64))"),
    (3, "torch.bernoulli(torch.rand(4, 5))"),
    (3, "torch.rand(2, 3).bernoulli()"),
    (3, "torch.zeros(2, 3).bernoulli_(torch.tensor([0.2, 0.5, 0.9]))"),
    (3, "torch.bernoulli(torch.zeros(6), 0.7)"),
    (2, "torch.multinomial(torch.tensor([0.1, 0.2, 0.3, 0.4]), 1)"),
    (2, "torch.multinomial(torch.tensor([0.1, 0.2, 0.3, 0.4]), 1, True)"),
    (2, "torch.multinomial(torch.tensor([[0.1, 0.2, 0.3, 0.4], [0.5, 0.1, 0.1, 0.3]]), 1, True)"),
    (2, "torch.multinomial(torch.tensor([0.1, 0.2, 0.3, 0.4]), 3)"),
    (2, "torch.multinomial(torch.tensor([0.1, 0.2, 0.3, 0.4]), 4)"),
    (5, "torch.multinomial(torch.tensor([0.0, 10.0, 3.0, 0.0]), 2)"),
    (2, "torch.multinomial(torch.tensor([0.1, 0.2, 0.3, 0.4]), 20, True)"),
    (4, "torch.multinomial(torch.tensor([[1.0, 2.0, 3.0], [3.0, 0.0, 1.0]]), 10, replacement=True)"),
    (4, "torch.multinomial(torch.tensor([[1.0, 2.0, 3.0], [3.0, 0.0, 1.0]], dtype=torch.float64), 2)"),
    (6, "torch.multinomial(torch.rand(3, 7), 5)"),
    (0, "torch.normal(torch.zeros(5), torch.ones(5))"),
    (0, "torch.normal(torch.arange(20.0), torch.full((20,), 0.5))"),
    (0, "torch.normal(torch.zeros(2, 3), 2.0)"),
    (11, "torch.normal(torch.full((7,), 0.25), 0.37)"),
    (11, "torch.normal(0.5, torch.full((7,), 0.37))"),
    # dropout draws its mask with bernoulli_(1 - p)
    (0, "torch.nn.functional.dropout(torch.arange(1.0, 13.0).reshape(3, 4), 0.3)"),
    (0, "torch.nn.Dropout(0.5)(torch.ones(20, dtype=torch.float64))"),
    # Normal
    (0, "D.Normal(torch.tensor([0.0, 1.0]), torch.tensor([1.0, 2.0])).sample()"),
    (0, "D.Normal(torch.tensor([0.0, 1.0]), torch.tensor([1.0, 2.0])).sample((3,))"),
    (0, "D.Normal(torch.tensor([0.0, 1.0]), torch.tensor([1.0, 2.0])).rsample((10,))"),
    (42, "D.Normal(0.0, 1.0).sample((20,))"),
    (42, "D.Normal(0.0, 1.0).sample()"),
    (42, "D.Normal(torch.zeros(3, dtype=torch.float64), 2.0).rsample((6,))"),
    (42, "[D.Normal(1.0, 0.5).sample() for _ in range(3)]"),
    # Uniform
    (0, "D.Uniform(0.0, 2.0).sample((5,))"),
    (0, "D.Uniform(torch.tensor([0.0, -1.0]), torch.tensor([1.0, 3.0])).rsample((2, 3))"),
    (0, "D.Uniform(torch.tensor(-1.0, dtype=torch.float64), 1.0).sample((4,))"),
    # Bernoulli
    (0, "D.Bernoulli(torch.tensor([0.3, 0.9])).sample((4,))"),
    (0, "D.Bernoulli(logits=torch.tensor([-1.0, 0.0, 2.0])).sample((3,))"),
    (0, "D.Bernoulli(0.25).sample((8,))"),
    # Categorical
    (0, "D.Categorical(torch.tensor([0.1, 0.2, 0.7])).sample()"),
    (0, "D.Categorical(torch.tensor([0.1, 0.2, 0.7])).sample((6,))"),
    (0, "D.Categorical(logits=torch.tensor([[1.0, 2.0, 3.0], [0.0, 0.0, 5.0]])).sample()"),
    (0, "D.Categorical(logits=torch.tensor([[1.0, 2.0, 3.0], [0.0, 0.0, 5.0]])).sample((4,))"),
    (9, "[D.Categorical(torch.tensor([0.25, 0.25, 0.5])).sample().item() for _ in range(8)]"),
    # Multinomial
    (0, "D.Multinomial(10, torch.tensor([0.2, 0.3, 0.5])).sample()"),
    (0, "D.Multinomial(10, torch.tensor([0.2, 0.3, 0.5])).sample((2,))"),
    (0, "D.Multinomial(5, logits=torch.tensor([[0.0, 1.0], [2.0, 0.0]])).sample((3,))"),
    (0, "D.Multinomial(1, torch.tensor([0.2, 0.3, 0.5])).sample()"),
    # MultivariateNormal: the noise is exact; see CLOSE for the samples themselves
    (0, "D.MultivariateNormal(torch.zeros(3), scale_tril=torch.eye(3)).sample((4,))"),
]

CLOSE = [
    (0, "D.MultivariateNormal(torch.zeros(2), torch.tensor([[2.0, 0.5], [0.5, 1.0]])).sample((3,))"),
    (0, "D.MultivariateNormal(torch.tensor([1.0, -1.0]), scale_tril=torch.tensor([[1.0, 0.0], [0.5, 2.0]])).rsample((5,))"),
    (0, "D.MultivariateNormal(torch.zeros(2, dtype=torch.float64), precision_matrix=torch.tensor([[2.0, 0.5], [0.5, 1.0]], dtype=torch.float64)).sample((2,))"),
    # scores, moments, parameters
    (0, "[d.log_prob(torch.tensor([0.5, 0.5])), d.entropy(), d.mean, d.stddev, d.variance, d.cdf(torch.tensor([0.0, 0.0])), d.perplexity()]"
        " if (d := D.Normal(torch.tensor([0.0, 1.0]), torch.tensor([1.0, 2.0]))) else 0"),
    (0, "[d.log_prob(torch.tensor([0.5, -0.5, 2.0])), d.entropy(), d.mean, d.variance, d.stddev, d.cdf(torch.tensor([0.5, 0.0, 2.0]))]"
        " if (d := D.Uniform(torch.tensor([0.0, -1.0, 1.0]), torch.tensor([1.0, 3.0, 4.0]))) else 0"),
    (0, "[d.log_prob(torch.tensor([1.0, 0.0, 1.0])), d.entropy(), d.mean, d.variance, d.logits, d.probs, d.enumerate_support()]"
        " if (d := D.Bernoulli(torch.tensor([0.3, 0.9, 0.0]))) else 0"),
    (0, "[d.log_prob(torch.tensor([1.0, 0.0])), d.entropy(), d.probs, d.logits]"
        " if (d := D.Bernoulli(logits=torch.tensor([-1.0, 2.0], dtype=torch.float64))) else 0"),
    (0, "[d.log_prob(torch.tensor([0, 2, 1])), d.entropy(), d.probs, d.logits, d.enumerate_support(), d.mode]"
        " if (d := D.Categorical(torch.tensor([1.0, 2.0, 7.0]))) else 0"),
    (0, "[d.log_prob(torch.tensor([[0], [2]])), d.entropy(), d.probs, d.logits, d.mean, d.enumerate_support(False)]"
        " if (d := D.Categorical(logits=torch.tensor([[1.0, 2.0, 3.0], [0.0, 0.0, 5.0]]))) else 0"),
    (0, "[d.log_prob(torch.tensor([2.0, 3.0, 5.0])), d.entropy(), d.mean, d.variance, d.logits]"
        " if (d := D.Multinomial(10, torch.tensor([0.2, 0.3, 0.5]))) else 0"),
    (0, "[d.log_prob(torch.tensor([[1.0, 3.0], [4.0, 0.0]])), d.entropy()]"
        " if (d := D.Multinomial(4, logits=torch.tensor([[0.0, 1.0], [2.0, 0.0]], dtype=torch.float64))) else 0"),
    (0, "[d.log_prob(torch.tensor([[0.5, -0.5], [1.0, 2.0]])), d.entropy(), d.mean, d.variance, d.scale_tril, d.covariance_matrix, d.precision_matrix]"
        " if (d := D.MultivariateNormal(torch.tensor([0.0, 1.0]), torch.tensor([[2.0, 0.5], [0.5, 1.0]]))) else 0"),
    (0, "[d.log_prob(torch.tensor([0.5, -0.5, 0.25])), d.entropy(), d.covariance_matrix]"
        " if (d := D.MultivariateNormal(torch.zeros(3, dtype=torch.float64), scale_tril=torch.tensor([[1.0, 0, 0], [0.5, 2.0, 0], [-0.3, 0.2, 0.7]], dtype=torch.float64))) else 0"),
    (0, "[d.log_prob(torch.zeros(2, 2)), d.entropy(), d.scale_tril]"
        " if (d := D.MultivariateNormal(torch.zeros(2), precision_matrix=torch.tensor([[4.0, 1.0], [1.0, 3.0]]))) else 0"),
    (0, "[d.log_prob(torch.tensor([[0.5, -0.5], [0.0, 1.0]])), d.entropy(), d.batch_shape, d.event_shape]"
        " if (d := D.MultivariateNormal(torch.zeros(2), torch.stack([torch.eye(2), torch.tensor([[2.0, 0.3], [0.3, 0.5]])]))) else 0"),
    (0, "torch.lgamma(torch.tensor([0.5, 1.0, 2.0, 3.5, 10.0, 100.0, -0.5, 0.0]))"),
    (0, "torch.lgamma(torch.tensor([0.5, 1.0, 2.0, 3.5, 10.0, 171.5, -2.5, 1e-8], dtype=torch.float64))"),
    (0, "torch.digamma(torch.tensor([0.5, 1.0, 2.0, 3.5, 10.0, -0.5], dtype=torch.float64))"),
    (0, "torch.polygamma(1, torch.tensor([0.5, 1.0, 2.0, 3.5, 10.0, -0.5], dtype=torch.float64))"),
    (0, "torch.linalg.cholesky(torch.tensor([[4.0, 2.0, 0.4], [2.0, 5.0, 1.0], [0.4, 1.0, 3.0]]))"),
    (0, "torch.linalg.cholesky(torch.tensor([[4.0, 2.0], [2.0, 5.0]], dtype=torch.float64), upper=True)"),
    (0, "torch.linalg.solve_triangular(torch.tensor([[2.0, 0.0], [1.0, 3.0]]), torch.tensor([[1.0, 2.0], [3.0, 4.0]]), upper=False)"),
    (0, "torch.linalg.solve_triangular(torch.tensor([[2.0, 1.0], [0.0, 3.0]]), torch.tensor([[1.0, 2.0], [3.0, 4.0]]), upper=True, left=False)"),
    (0, "torch.linalg.solve_triangular(torch.tensor([[2.0, 0.0], [1.0, 3.0]]), torch.tensor([[1.0], [2.0]]), upper=False, unitriangular=True)"),
    (0, "torch.cholesky_inverse(torch.tensor([[2.0, 0.0], [1.0, 3.0]]))"),
    # gradients
    (0, "grads(D.Normal(l, s).rsample((3,)), l, s) if (l := leaf([0.0, 1.0])) is not None and (s := leaf([1.0, 2.0])) is not None else 0"),
    (0, "grads(D.Normal(l, s).log_prob(torch.tensor([0.5, -1.0])), l, s) if (l := leaf([0.0, 1.0])) is not None and (s := leaf([1.0, 2.0])) is not None else 0"),
    (0, "grads(D.Normal(l, s).entropy(), s) if (l := leaf([0.0, 1.0])) is not None and (s := leaf([1.0, 2.0])) is not None else 0"),
    (0, "grads(D.Uniform(a, b).rsample((4,)), a, b) if (a := leaf([0.0, -1.0])) is not None and (b := leaf([1.0, 3.0])) is not None else 0"),
    (0, "grads(D.Uniform(a, b).log_prob(torch.tensor([0.5, 0.0])), a, b) if (a := leaf([0.0, -1.0])) is not None and (b := leaf([1.0, 3.0])) is not None else 0"),
    (0, "grads(D.Bernoulli(logits=z).log_prob(torch.tensor([1.0, 0.0, 1.0])), z) if (z := leaf([-1.0, 0.5, 2.0])) is not None else 0"),
    (0, "grads(D.Bernoulli(probs=p).entropy(), p) if (p := leaf([0.2, 0.5, 0.9])) is not None else 0"),
    (0, "grads(D.Categorical(logits=z).log_prob(torch.tensor([0, 2])), z) if (z := leaf([[1.0, 2.0, 3.0], [0.0, 0.0, 5.0]])) is not None else 0"),
    (0, "grads(D.Categorical(probs=p).entropy(), p) if (p := leaf([0.2, 0.3, 0.5])) is not None else 0"),
    (0, "grads(D.Multinomial(10, probs=p).log_prob(torch.tensor([2.0, 3.0, 5.0])), p) if (p := leaf([0.2, 0.3, 0.5])) is not None else 0"),
    (0, "grads(D.MultivariateNormal(m, scale_tril=L).rsample((3,)), m, L) if (m := leaf([0.0, 1.0])) is not None and (L := leaf([[1.0, 0.0], [0.5, 2.0]])) is not None else 0"),
    (0, "grads(D.MultivariateNormal(m, C).log_prob(torch.tensor([[0.5, -0.5], [1.0, 2.0]])), m, C) if (m := leaf([0.0, 1.0])) is not None and (C := leaf([[2.0, 0.5], [0.5, 1.0]])) is not None else 0"),
    (0, "grads(D.MultivariateNormal(m, C).rsample((2,)), C) if (m := leaf([0.0, 1.0], torch.float64)) is not None and (C := leaf([[2.0, 0.5], [0.5, 1.0]], torch.float64)) is not None else 0"),
    (0, "grads(torch.lgamma(x), x) if (x := leaf([0.5, 1.0, 2.5, 10.0], torch.float64)) is not None else 0"),
    (0, "grads(torch.linalg.cholesky(A), A) if (A := leaf([[4.0, 2.0, 0.4], [2.0, 5.0, 1.0], [0.4, 1.0, 3.0]], torch.float64)) is not None else 0"),
    (0, "grads(torch.linalg.solve_triangular(A, B, upper=True), A, B) if (A := leaf([[2.0, 1.0], [0.0, 3.0]], torch.float64)) is not None and (B := leaf([[1.0, 2.0], [3.0, 4.0]], torch.float64)) is not None else 0"),
    (0, "grads(torch.linalg.solve_triangular(A, B, upper=False, left=False), A, B) if (A := leaf([[2.0, 0.0], [1.0, 3.0]], torch.float64)) is not None and (B := leaf([[1.0, 2.0], [3.0, 4.0]], torch.float64)) is not None else 0"),
    (0, "grads(x.gather(1, torch.tensor([[0, 0], [1, 0]])), x) if (x := leaf([[1.0, 2.0], [3.0, 4.0]])) is not None else 0"),
    (0, "grads(x.diagonal(), x) if (x := leaf([[1.0, 2.0], [3.0, 4.0]])) is not None else 0"),
    (0, "grads(torch.flip(x, (0, 1)) * torch.tensor([[1.0, 2.0], [3.0, 4.0]]), x) if (x := leaf([[1.0, 2.0], [3.0, 4.0]])) is not None else 0"),
    # printing and shapes
    (0, "repr(D.Normal(torch.tensor([0.0, 1.0]), torch.tensor([1.0, 2.0])))"),
    (0, "repr(D.Normal(0.0, 1.0))"),
    (0, "repr(D.Categorical(torch.tensor([0.2, 0.8])))"),
    (0, "repr(D.Bernoulli(logits=torch.tensor([0.5])))"),
    (0, "repr(D.Uniform(0.0, 1.0))"),
    (0, "repr(D.MultivariateNormal(torch.zeros(2), torch.eye(2)))"),
    (0, "repr(D.Multinomial(3, torch.tensor([0.5, 0.5])))"),
    (0, "[repr(D.Normal(0.0, 1.0).support), repr(D.Uniform(0.0, 1.0).support), repr(D.Categorical(torch.ones(3)).support), repr(D.MultivariateNormal(torch.zeros(2), torch.eye(2)).support), repr(D.Multinomial(3, torch.ones(2)).support), repr(D.constraints.positive_definite), repr(D.constraints.simplex)]"),
    (0, "[str(d.batch_shape), str(d.event_shape), str(d.sample((5,)).shape), d.has_rsample, d.has_enumerate_support]"
        " if (d := D.MultivariateNormal(torch.zeros(3, 2), torch.eye(2))) else 0"),
    (0, "[str(d.batch_shape), str(d.event_shape), str(d.sample((5, 2)).shape), str(d.expand((4, 3)).batch_shape), d.has_rsample]"
        " if (d := D.Categorical(torch.ones(3, 4))) else 0"),
    # validate_args: off per instance, off by default, and back on
    (0, "D.Normal(0.0, -1.0, validate_args=False).log_prob(torch.tensor(0.5))"),
    (0, "[D.Distribution.set_default_validate_args(False), D.Bernoulli(1.5).probs, D.Uniform(1.0, 0.0).low,"
        " D.Distribution.set_default_validate_args(True), D.Normal(0.0, 1.0)._validate_args]"),
    (0, "D.Normal(0.0, 1.0, validate_args=False).log_prob(torch.tensor(float('nan')))"),
    # grad_fn names of the new ops
    (0, "[f(x).grad_fn.name() for f in (torch.lgamma, torch.digamma, lambda t: t.diagonal(), lambda t: t.tril(),"
        " lambda t: t.triu(1), lambda t: torch.flip(t, (0,)), lambda t: t.gather(0, torch.tensor([[0, 1]])),"
        " lambda t: torch.linalg.cholesky(t), lambda t: torch.linalg.solve_triangular(t, t, upper=False),"
        " lambda t: torch.zeros(2, 2).scatter_add(0, torch.tensor([[1, 0]]), t))]"
        " if (x := leaf([[2.0, 0.5], [0.5, 1.0]])) is not None else 0"),
    (0, "D.Normal(l, 1.0).rsample().grad_fn.name() if (l := leaf(0.0)) is not None else 0"),
    (0, "str(torch.finfo(torch.float32))"),
    (0, "str(torch.finfo(torch.float64))"),
]

ERRORS = [
    "D.Normal(torch.tensor([0.0, 1.0]), torch.tensor([1.0, -1.0]))",
    "D.Normal(0.0, 1.0).log_prob(torch.tensor(float('nan')))",
    "D.Normal(torch.zeros(2), 1.0).log_prob(torch.zeros(3))",
    "D.Normal(0.0, 1.0).log_prob(0.5)",
    "D.Bernoulli(1.5)",
    "D.Bernoulli()",
    "D.Bernoulli(0.5, logits=0.0)",
    "D.Bernoulli(torch.tensor([0.3, 0.6])).log_prob(torch.tensor([0.5, 1.0]))",
    "D.Categorical(torch.tensor([-0.1, 1.1]))",
    "D.Categorical(torch.tensor(0.5))",
    "D.Categorical(torch.tensor([0.2, 0.8])).log_prob(torch.tensor(5))",
    "D.Uniform(1.0, 0.0)",
    "D.Uniform(0.0, 1.0).log_prob(torch.tensor(2.0))",
    "D.MultivariateNormal(torch.zeros(2), torch.tensor([[1.0, 2.0], [2.0, 1.0]]))",
    "D.MultivariateNormal(torch.zeros(2), torch.tensor([[1.0, 0.5], [0.0, 1.0]]))",
    "D.MultivariateNormal(torch.zeros(2), scale_tril=torch.tensor([[1.0, 0.5], [0.0, 1.0]]))",
    "D.MultivariateNormal(torch.tensor(0.0), torch.eye(1))",
    "D.MultivariateNormal(torch.zeros(2))",
    "D.MultivariateNormal(torch.zeros(2), torch.eye(2)).log_prob(torch.zeros(3))",
    "D.Multinomial(10, torch.tensor([0.2, 0.8])).log_prob(torch.tensor([5.0, 7.0]))",
    "D.Multinomial(torch.tensor(10), torch.tensor([0.2, 0.8]))",
    "D.Normal(0.0, 1.0).mode and D.Uniform(0.0, 1.0).expand((2,)).mode.shape and D.Multinomial(2, torch.ones(2)).mode",
    "torch.linalg.cholesky(torch.tensor([[4.0, 2.0], [2.0, 1.0]]))",
    "torch.linalg.cholesky(torch.stack([torch.eye(2), torch.tensor([[4.0, 2.0], [2.0, 1.0]])]))",
    "torch.linalg.cholesky(torch.ones(2, 3))",
    "torch.linalg.cholesky(torch.ones(3))",
    "torch.linalg.solve_triangular(torch.eye(2), torch.ones(3, 1), upper=False)",
    "torch.linalg.solve_triangular(torch.eye(2), torch.ones(2), upper=False)",
    "torch.multinomial(torch.tensor([0.1, 0.2]), 3)",
    "torch.multinomial(torch.tensor([0.1, 0.2]), 0)",
    "torch.multinomial(torch.tensor([1, 2]), 1)",
    "torch.multinomial(torch.ones(2, 2, 2), 1)",
    "torch.multinomial(torch.tensor([0.1, -0.2]), 1)",
    "torch.multinomial(torch.tensor([0.1, -0.2]), 2, True)",
    "torch.multinomial(torch.tensor([0.0, 0.0]), 2, True)",
    "torch.multinomial(torch.tensor([[0.0, 0.0], [1.0, 1.0]]), 1)",
    "torch.multinomial(torch.tensor([0.1, float('inf')]), 2, True)",
    "torch.empty(3).bernoulli_(1.5)",
    "torch.bernoulli(torch.tensor([0.5, 1.5]))",
    "torch.bernoulli(torch.tensor([1, 0]))",
    "torch.empty(3, dtype=torch.long).exponential_()",
    "torch.tensor([[1.0, 2.0], [3.0, 4.0]]).gather(1, torch.tensor([[0, 5]]))",
    "torch.tensor([[1.0, 2.0], [3.0, 4.0]]).gather(1, torch.tensor([0, 1]))",
    "torch.broadcast_tensors(torch.ones(2), torch.ones(3))",
    "torch.broadcast_shapes((2,), (3,))",
    "torch.finfo(torch.int64)",
]


def encode(value):
    if isinstance(value, torch.Tensor):
        data = value.detach().reshape(-1).tolist()
        return {
            "shape": list(value.shape),
            "dtype": str(value.dtype)[6:],
            "data": [x if not isinstance(x, float) or math.isfinite(x) else str(x) for x in data],
        }
    if isinstance(value, (list, tuple)) and not isinstance(value, torch.Size):
        return [encode(v) for v in value]
    if isinstance(value, torch.Size):
        return str(value)
    return value


def run(seed, code):
    torch.manual_seed(seed)
    return encode(eval(code, dict(ENV)))


def error_of(code):
    torch.manual_seed(0)
    try:
        eval(code, dict(ENV))
    except Exception as e:  # noqa: BLE001
        return "%s: %s" % (type(e).__name__, str(e))
    return None


def main():
    cases = []
    for seed, code in EXACT:
        cases.append({"seed": seed, "code": code, "exact": True, "result": run(seed, code)})
    for seed, code in CLOSE:
        cases.append({"seed": seed, "code": code, "exact": False, "result": run(seed, code)})
    for code in ERRORS:
        cases.append({"seed": 0, "code": code, "error": error_of(code)})
    about = (
        "torch.manual_seed(seed) then eval(code) with torch, D = torch.distributions and the helpers of "
        "test/harness/gen_distributions_fixture.py; made with torch %s (CPU), torch.multinomial choosing its path as "
        "PyTorch 2.x does" % torch.__version__
    )
    out = os.path.join(os.path.dirname(__file__), "..", "fixtures", "distributions.json")
    with open(out, "w") as f:
        json.dump({"about": about, "cases": cases}, f, indent=1)
    print("wrote %d cases to %s" % (len(cases), out), file=sys.stderr)


if __name__ == "__main__":
    main()
