"""torch.backends.mps: Apple's Metal backend, absent here as on any machine that is not a Mac."""


def is_available():
    return False


def is_built():
    return False
