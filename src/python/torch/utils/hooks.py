"""torch.utils.hooks: RemovableHandle, what Tensor.register_hook returns."""


class RemovableHandle:
    def __init__(self, remove, proxy):
        self._remove = remove
        self._proxy = proxy

    def remove(self):
        if self._remove is not None:
            self._remove()
            self._remove = None
