"""torch.device's one value here: the CPU, the only device the playground runs on."""


class _Device:
    type = "cpu"
    index = None

    def __repr__(self):
        return "device(type='cpu')"

    def __str__(self):
        return "cpu"

    def __eq__(self, other):
        return str(other) == "cpu" or isinstance(other, _Device)

    def __hash__(self):
        return hash("cpu")

    def __reduce__(self):
        # Pickled as PyTorch pickles a device: a call of torch.device('cpu').
        import torch

        return (torch.device, ("cpu",))


cpu_device = _Device()
