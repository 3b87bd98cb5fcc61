"""torch.einsum, built as PyTorch 1.13 builds it (ATen's einsum and sumproduct_pair): each operand's repeated
labels become diagonals, every operand is permuted to the output labels followed by the contraction labels, and
operands are contracted pairwise, left to right, through bmm. The grad_fn names and float32 sums are therefore
those of the ops PyTorch composes (ViewBackward0 after a contraction, MulBackward0 for an outer product,
SumBackward1 for a single operand's reduction, PermuteBackward0 for a transpose or diagonal)."""
from ._tensor import Tensor

_ELLIPSIS = 52


def _label(c):
    return ord(c) - ord("A") if c.isupper() else ord(c) - ord("a") + 26


def _letter(label):
    return chr(label + ord("A")) if label < 26 else chr(label - 26 + ord("a"))


def _is_subscript(c):
    return ("a" <= c <= "z") or ("A" <= c <= "Z")


def _parse_inputs(lhs, num_ops):
    op_labels = [[] for _ in range(num_ops)]
    found_ell = False
    cur = 0
    i = 0
    while i < len(lhs):
        c = lhs[i]
        if c == " ":
            pass
        elif c == ".":
            if found_ell:
                raise RuntimeError("einsum(): found '.' for operand %d for which an ellipsis was already found" % cur)
            if not (i + 2 < len(lhs) and lhs[i + 1] == "." and lhs[i + 2] == "."):
                raise RuntimeError("einsum(): found '.' for operand %d that is not part of any ellipsis" % cur)
            i += 2
            op_labels[cur].append(_ELLIPSIS)
            found_ell = True
        elif c == ",":
            cur += 1
            if cur >= num_ops:
                raise RuntimeError("einsum(): fewer operands were provided than specified in the equation")
            found_ell = False
        else:
            if not _is_subscript(c):
                raise RuntimeError("einsum(): invalid subscript given at index %d in the equation string, subscripts must be in [a-zA-Z]" % i)
            op_labels[cur].append(_label(c))
        i += 1
    if cur != num_ops - 1:
        raise RuntimeError("einsum(): more operands were provided than specified in the equation")
    return op_labels


def _sumproduct_pair(left, right, sum_dims):
    if not sum_dims:
        return left * right
    lro, lo, ro = [], [], []
    lro_size = lo_size = ro_size = sum_size = 1
    for i in range(left.dim()):
        sl = left.shape[i] != 1
        sr = right.shape[i] != 1
        if i in sum_dims:
            if sl and sr:
                if left.shape[i] != right.shape[i]:
                    raise RuntimeError("non-broadcast dimensions must match")
                sum_size *= left.shape[i]
            elif sl:
                left = left.sum(i, True)
            elif sr:
                right = right.sum(i, True)
        elif sl and sr:
            if left.shape[i] != right.shape[i]:
                raise RuntimeError("non-broadcast dimensions must match")
            lro.append(i)
            lro_size *= left.shape[i]
        elif sl:
            lo.append(i)
            lo_size *= left.shape[i]
        else:
            ro.append(i)
            ro_size *= right.shape[i]
    out_size = [left.shape[d] for d in lro] + [left.shape[d] for d in lo] + [1] * len(sum_dims) + [right.shape[d] for d in ro]
    lperm = lro + lo + sum_dims + ro
    rperm = lro + sum_dims + ro + lo
    operm = [0] * len(lperm)
    for pos, d in enumerate(lro + lo + sum_dims + ro):
        operm[d] = pos
    left = left.permute(lperm).reshape(lro_size, lo_size, sum_size)
    right = right.permute(rperm).reshape(lro_size, sum_size, ro_size)
    return left.bmm(right).view(out_size).permute(operm)


def einsum(*args):
    if not args:
        raise TypeError("einsum(): must specify the equation string and at least one operand, or at least one operand and its subscripts list")
    equation = args[0]
    if not isinstance(equation, str):
        raise TypeError("einsum(): the equation must be a str, not %s" % type(equation).__name__)
    operands = list(args[1]) if len(args) == 2 and isinstance(args[1], (list, tuple)) else list(args[1:])
    for k, o in enumerate(operands):
        if not isinstance(o, Tensor):
            raise TypeError("expected Tensor as element %d in argument 1, but got %s" % (k, type(o).__name__))
    num_ops = len(operands)
    if num_ops == 0:
        raise RuntimeError("einsum(): must provide at least one operand")
    arrow = equation.find("->")
    lhs = equation if arrow < 0 else equation[:arrow]
    op_labels = _parse_inputs(lhs, num_ops)

    label_count = [0] * 52
    ell_num_dim = 0
    for i, (op, labels) in enumerate(zip(operands, op_labels)):
        nlabels = len(labels)
        has_ell = _ELLIPSIS in labels
        for lab in labels:
            if lab != _ELLIPSIS:
                label_count[lab] += 1
        if has_ell:
            nlabels -= 1
            ell_num_dim = max(ell_num_dim, op.dim() - nlabels)
        if not (nlabels <= op.dim() if has_ell else nlabels == op.dim()):
            raise RuntimeError("einsum(): the number of subscripts in the equation (%d) does not match the number of dimensions (%d) for operand %d%s"
                               % (nlabels, op.dim(), i, "" if has_ell else " and no ellipsis was given"))

    perm_index_of = [-1] * 52
    perm_index = 0
    ell_index = 0
    found_ell = False
    if arrow < 0:
        perm_index = ell_num_dim
        found_ell = True
        for lab in range(52):
            if label_count[lab] == 1:
                perm_index_of[lab] = perm_index
                perm_index += 1
    else:
        rhs = equation[arrow + 2:]
        i = 0
        while i < len(rhs):
            c = rhs[i]
            if c == " ":
                pass
            elif c == ".":
                if found_ell:
                    raise RuntimeError("einsum(): found '.' for output but an ellipsis (...) was already found")
                if not (i + 2 < len(rhs) and rhs[i + 1] == "." and rhs[i + 2] == "."):
                    raise RuntimeError("einsum(): found '.' for output that is not part of any ellipsis (...)")
                i += 2
                ell_index = perm_index
                perm_index += ell_num_dim
                found_ell = True
            else:
                if not _is_subscript(c):
                    raise RuntimeError("einsum(): invalid subscript given at index %d in the equation string, subscripts must be in [a-zA-Z]" % (len(lhs) + 2 + i))
                lab = _label(c)
                if not (label_count[lab] > 0 and perm_index_of[lab] == -1):
                    raise RuntimeError("einsum(): output subscript %s %s" % (c, "appears more than once in the output" if perm_index_of[lab] > -1 else "does not appear in the equation for any input operand"))
                perm_index_of[lab] = perm_index
                perm_index += 1
            i += 1
    out_size = perm_index
    if not found_ell:
        ell_index = perm_index
        perm_index += ell_num_dim
    for lab in range(52):
        if label_count[lab] > 0 and perm_index_of[lab] == -1:
            perm_index_of[lab] = perm_index
            perm_index += 1

    label_size = [1] * 52
    ell_sizes = [1] * ell_num_dim
    dim_counts = [0] * perm_index
    ops = []
    for i, (op, labels) in enumerate(zip(operands, op_labels)):
        permutation = [-1] * perm_index
        dim = 0
        for lab in labels:
            if lab == _ELLIPSIS:
                ndim = operands[i].dim() - (len(labels) - 1)
                for j in range(ell_num_dim - ndim, ell_num_dim):
                    if op.shape[dim] != 1:
                        if ell_sizes[j] != 1 and ell_sizes[j] != op.shape[dim]:
                            raise RuntimeError("einsum(): dimension %d covered by ellipsis in operand %dhas size %d which does not broadcast with previously seen ellipsis with size %d for the respective dimension"
                                               % (j, i, op.shape[dim], ell_sizes[j]))
                        ell_sizes[j] = op.shape[dim]
                        dim_counts[ell_index + j] += 1
                    permutation[ell_index + j] = dim
                    dim += 1
            elif permutation[perm_index_of[lab]] == -1:
                if op.shape[dim] != 1:
                    if label_size[lab] != 1 and label_size[lab] != op.shape[dim]:
                        raise RuntimeError("einsum(): subscript %s has size %d for operand %d which does not broadcast with previously seen size %d"
                                           % (_letter(lab), op.shape[dim], i, label_size[lab]))
                    label_size[lab] = op.shape[dim]
                    dim_counts[perm_index_of[lab]] += 1
                permutation[perm_index_of[lab]] = dim
                dim += 1
            else:
                prev = permutation[perm_index_of[lab]]
                if op.shape[dim] != op.shape[prev]:
                    raise RuntimeError("einsum(): subscript %s is repeated for operand %d but the sizes don't match, %d != %d"
                                       % (_letter(lab), i, op.shape[dim], op.shape[prev]))
                op = op.diagonal(0, prev, dim).movedim(-1, prev)
        for k, val in enumerate(permutation):
            if val == -1:
                op = op.unsqueeze(dim)
                permutation[k] = dim
                dim += 1
        ops.append(op.permute(permutation))

    while len(ops) > 1:
        a = ops.pop(0)
        b = ops.pop(0)
        sum_dims = []
        for dim in range(out_size, perm_index):
            if a.shape[dim] != 1 and b.shape[dim] != 1:
                dim_counts[dim] -= 1
                if dim_counts[dim] == 1:
                    sum_dims.append(dim)
                    dim_counts[dim] = 0
            elif dim_counts[dim] == 1:
                if a.shape[dim] != 1:
                    a = a.sum(dim, True)
                    dim_counts[dim] = 0
                elif b.shape[dim] != 1:
                    b = b.sum(dim, True)
                    dim_counts[dim] = 0
        ops.insert(0, _sumproduct_pair(a, b, sum_dims))

    result = ops[0]
    if perm_index - out_size > 0:
        if num_ops > 1:
            return result.view(list(result.shape)[:out_size])
        return result.sum(list(range(out_size, perm_index)))
    return result

