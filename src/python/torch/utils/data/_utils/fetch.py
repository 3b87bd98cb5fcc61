"""torch.utils.data._utils.fetch: how the DataLoader turns sampled indices into a collated batch."""
import torch


class _BaseDatasetFetcher:
    def __init__(self, dataset, auto_collation, collate_fn, drop_last):
        self.dataset = dataset
        self.auto_collation = auto_collation
        self.collate_fn = collate_fn
        self.drop_last = drop_last


class _IterableDatasetFetcher(_BaseDatasetFetcher):
    def __init__(self, dataset, auto_collation, collate_fn, drop_last):
        super().__init__(dataset, auto_collation, collate_fn, drop_last)
        self.dataset_iter = iter(dataset)
        self.ended = False

    def fetch(self, possibly_batched_index):
        if self.ended:
            raise StopIteration

        if self.auto_collation:
            data = []
            for _ in possibly_batched_index:
                try:
                    data.append(next(self.dataset_iter))
                except StopIteration:
                    self.ended = True
                    break
            if len(data) == 0 or (self.drop_last and len(data) < len(possibly_batched_index)):
                raise StopIteration
        else:
            data = next(self.dataset_iter)
        return self.collate_fn(data)


def _tensor_rows(dataset, indices):
    """For a TensorDataset (possibly under plain Subsets) and the default collate: the batch as index_select.

    Gives the same values, dtypes and shapes as stacking the samples one by one, in one engine op per tensor.
    Returns None when the fast path does not apply (grad-requiring tensors, custom classes).
    """
    from ..dataset import Subset, TensorDataset

    while type(dataset) is Subset:
        indices = [dataset.indices[i] for i in indices]
        dataset = dataset.dataset
    if type(dataset) is not TensorDataset:
        return None
    tensors = dataset.tensors
    if not tensors or any(t.requires_grad or t.dim() == 0 for t in tensors):
        return None
    n = tensors[0].shape[0]
    norm = []
    for i in indices:
        i = i.__index__() if not isinstance(i, int) else i
        if not -n <= i < n:
            return None  # let plain indexing raise PyTorch's IndexError
        norm.append(i + n if i < 0 else i)
    index = torch.tensor(norm, dtype=torch.int64)
    return [t.index_select(0, index) for t in tensors]


class _MapDatasetFetcher(_BaseDatasetFetcher):
    def fetch(self, possibly_batched_index):
        if self.auto_collation:
            from .collate import default_collate

            if self.collate_fn is default_collate and len(possibly_batched_index) > 0:
                rows = _tensor_rows(self.dataset, possibly_batched_index)
                if rows is not None:
                    return rows
            if hasattr(self.dataset, "__getitems__") and self.dataset.__getitems__:
                data = self.dataset.__getitems__(possibly_batched_index)
            else:
                data = [self.dataset[idx] for idx in possibly_batched_index]
        else:
            data = self.dataset[possibly_batched_index]
        return self.collate_fn(data)
