"""torch.backends.cuda: absent in a CPU build; the matmul flag tutorials set is a plain attribute."""


class _Matmul:
    allow_tf32 = False
    allow_fp16_reduced_precision_reduction = True


matmul = _Matmul()


def is_built():
    return False
