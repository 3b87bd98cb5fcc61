"""ExponentialFamily: the base class of Normal and Bernoulli in PyTorch's hierarchy. Its generic entropy
(through the log-normalizer's gradient) is not provided: each subclass here defines its own."""
from torch.distributions.distribution import Distribution

__all__ = ["ExponentialFamily"]


class ExponentialFamily(Distribution):
    @property
    def _natural_params(self):
        raise NotImplementedError

    def _log_normalizer(self, *natural_params):
        raise NotImplementedError

    @property
    def _mean_carrier_measure(self):
        raise NotImplementedError
