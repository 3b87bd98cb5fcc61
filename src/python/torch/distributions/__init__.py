"""torch.distributions: Normal, Uniform, Bernoulli, Categorical, Multinomial, MultivariateNormal (and Binomial's
scoring), sampling from the same CPU generator streams as PyTorch. Other PyTorch distributions are not provided:
asking for one raises AttributeError naming it."""
from torch.distributions import constraints
from torch.distributions.bernoulli import Bernoulli
from torch.distributions.binomial import Binomial
from torch.distributions.categorical import Categorical
from torch.distributions.distribution import Distribution
from torch.distributions.exp_family import ExponentialFamily
from torch.distributions.multinomial import Multinomial
from torch.distributions.multivariate_normal import MultivariateNormal
from torch.distributions.normal import Normal
from torch.distributions.uniform import Uniform

__all__ = [
    "Bernoulli",
    "Binomial",
    "Categorical",
    "Distribution",
    "ExponentialFamily",
    "Multinomial",
    "MultivariateNormal",
    "Normal",
    "Uniform",
    "constraints",
]
