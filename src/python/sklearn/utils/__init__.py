"""sklearn.utils: shuffle, resample, check_random_state and Bunch, as scikit-learn 1.9 has them."""

from .validation import check_random_state, check_consistent_length, _num_samples


class Bunch(dict):
    """A dict whose keys are also attributes (what scikit-learn returns for `return_X_y=False`)."""

    def __init__(self, **kwargs):
        super().__init__(kwargs)

    def __setattr__(self, key, value):
        self[key] = value

    def __dir__(self):
        return list(self.keys())

    def __getattr__(self, key):
        try:
            return self[key]
        except KeyError:
            raise AttributeError(key) from None


def _safe_indexing(x, indices):
    """Rows `indices` (a list of ints) of an ndarray, a torch tensor, or any sequence (a list comes back)."""
    if x is None:
        return None
    import numpy as np

    if isinstance(x, np.ndarray):
        return x[np.asarray(indices, dtype="int64")] if len(indices) else x[:0]
    module = type(x).__module__ or ""
    if module.startswith("torch"):
        import torch

        return x[torch.tensor(indices, dtype=torch.int64)]
    if hasattr(x, "shape") and hasattr(x, "take"):
        return x.take(indices, axis=0)
    return [x[i] for i in indices]


def resample(*arrays, replace=True, n_samples=None, random_state=None, stratify=None, sample_weight=None):
    """sklearn.utils.resample: rows drawn with replacement (`choice`) or a shuffled prefix without."""
    max_n_samples = n_samples
    random_state = check_random_state(random_state)
    if len(arrays) == 0:
        return None
    first = arrays[0]
    n_samples = first.shape[0] if hasattr(first, "shape") else len(first)
    if max_n_samples is None:
        max_n_samples = n_samples
    elif (max_n_samples > n_samples) and (not replace):
        raise ValueError(
            "Cannot sample %d out of arrays with dim %d when replace is False" % (max_n_samples, n_samples)
        )
    check_consistent_length(*arrays)
    if stratify is not None:
        raise NotImplementedError("resample(stratify=...) is not supported by Autograd Playground")
    if sample_weight is not None:
        raise NotImplementedError("resample(sample_weight=...) is not supported by Autograd Playground")
    from .. import _engine

    if replace:
        # random_state.choice(n_samples, size=max_n_samples, replace=True), without going through an ndarray
        drawn = _engine.draw("npr_choice", random_state, n_samples, True, None, 2.0**-26, max_n_samples)
        indices = [int(i) for i in _engine.values(drawn)]
    else:
        indices = _engine.values(_engine.permutation(random_state, n_samples))[:max_n_samples]
        indices = [int(i) for i in indices]
    resampled = [_safe_indexing(a, indices) for a in arrays]
    return resampled[0] if len(resampled) == 1 else resampled


def shuffle(*arrays, random_state=None, n_samples=None):
    """sklearn.utils.shuffle: the same permutation applied to every array's rows."""
    return resample(*arrays, replace=False, n_samples=n_samples, random_state=random_state)


__all__ = ["Bunch", "check_random_state", "resample", "shuffle"]
