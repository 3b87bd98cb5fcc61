"""torch.autograd.functional: Jacobians, Hessians and their products with vectors, built on torch.autograd.grad.

Reverse mode only: jvp and hvp use the "double backward" trick as PyTorch does (differentiating a gradient with
respect to its grad_outputs), jacobian and hessian take one backward pass per output element. `vectorize=True`
and the forward-mode strategies are not provided and raise NotImplementedError naming them.
"""
import torch

__all__ = ["vjp", "jvp", "jacobian", "hessian", "hvp", "vhp"]


def _as_tuple(value, arg_name, fn_name):
    """(was_tuple, tuple of tensors), with PyTorch's TypeError for anything that is not a tensor."""
    was_tuple = isinstance(value, tuple)
    items = value if was_tuple else (value,)
    for i, el in enumerate(items):
        if not isinstance(el, torch.Tensor):
            where = "value at index %d" % i if was_tuple else "given %s" % arg_name
            raise TypeError(
                "The %s given to %s must be either a Tensor or a tuple of Tensors but the %s has type %s."
                % (arg_name, fn_name, where, type(el))
            )
    return was_tuple, items


def _unpack(result, was_tuple):
    return result if was_tuple else result[0]


def _unpack2(result, outputs_tuple, inputs_tuple):
    if not inputs_tuple:
        result = tuple(row[0] for row in result)
    return result if outputs_tuple else result[0]


def _prepare(inputs, create_graph, need_graph):
    """Fresh leaves for the inputs (or views that keep their history when a graph of the result is wanted)."""
    prepared = []
    for inp in inputs:
        if create_graph and inp.requires_grad:
            prepared.append(inp.view_as(inp))
        else:
            prepared.append(inp.detach().requires_grad_(need_graph))
    return tuple(prepared)


def _finish(values, create_graph):
    if isinstance(values[0], torch.Tensor):
        return values if create_graph else tuple(v.detach() for v in values)
    return tuple(_finish(v, create_graph) for v in values)


def _check_v(v, other, other_is_tuple):
    if len(other) != len(v):
        if other_is_tuple:
            raise RuntimeError("v is a tuple of invalid length: should be %d but got %d." % (len(other), len(v)))
        raise RuntimeError("The given v should contain a single Tensor.")
    for idx, (el_v, el_other) in enumerate(zip(v, other)):
        if el_v.size() != el_other.size():
            prefix = "Entry %d in " % idx if other_is_tuple else ""
            raise RuntimeError("%sv has invalid size: should be %s but got %s." % (prefix, el_other.size(), el_v.size()))


_NOT_DIFFERENTIABLE = {
    "hessian": "The hessian of the user-provided function with respect to input {} is independent of the input. "
    "This is not allowed in strict mode. You should ensure that your function is thrice differentiable and that "
    "the hessian depends on the inputs.",
    "jacobian": "While computing the hessian, found that the jacobian of the user-provided function with respect "
    "to input {} is independent of the input. This is not allowed in strict mode. You should ensure that your "
    "function is twice differentiable and that the jacobian depends on the inputs (this would be violated by a "
    "linear function for example).",
    "grad_inputs": "The gradient with respect to input {} is independent of the inputs of the user-provided "
    "function. This is not allowed in strict mode.",
    "outputs": "Output {} of the user-provided function does not require gradients. The outputs must be computed "
    "in a differentiable manner from the input when running in strict mode.",
}


def _require_grad(values, kind, strict):
    if not strict:
        return
    for i, value in enumerate(values):
        if value is None:
            raise RuntimeError(
                "The output of the user-provided function is independent of input %d. This is not allowed in "
                "strict mode." % i
            )
        if not value.requires_grad:
            raise RuntimeError(_NOT_DIFFERENTIABLE[kind].format(i))


def _grad(outputs, inputs, grad_outputs=None, create_graph=False, retain_graph=None):
    """torch.autograd.grad over the outputs that require grad; None for every input when none does."""
    if grad_outputs is None:
        grad_outputs = (None,) * len(outputs)
    pairs = [(o, g) for o, g in zip(outputs, grad_outputs) if o is not None and o.requires_grad]
    if not pairs:
        return (None,) * len(inputs)
    return torch.autograd.grad(
        [o for o, _ in pairs], inputs, [g for _, g in pairs], allow_unused=True,
        create_graph=create_graph, retain_graph=retain_graph,
    )


_INDEPENDENT = {
    "back": "The output of the user-provided function is independent of input {}. This is not allowed in strict mode.",
    "back_trick": "The gradient with respect to the input is independent of entry {} in the grad_outputs when using "
    "the double backward trick to compute forward mode gradients. This is not allowed in strict mode.",
    "double_back": "The jacobian of the user-provided function is independent of input {}. This is not allowed in "
    "strict mode.",
    "double_back_trick": "The hessian of the user-provided function is independent of entry {} in the grad_jacobian. "
    "This is not allowed in strict mode as it prevents from using the double backward trick to replace forward "
    "mode AD.",
}


def _zeros_for_missing(grads, refs, strict, create_graph, stage):
    filled = []
    for i, g in enumerate(grads):
        if g is None:
            if strict:
                raise RuntimeError(_INDEPENDENT[stage].format(i))
            g = torch.zeros_like(refs[i])
        elif strict and create_graph and not g.requires_grad:
            what = "hessian" if "double" in stage else "jacobian"
            raise RuntimeError(
                "The %s of the user-provided function is independent of input %d. This is not allowed in strict "
                "mode when create_graph=True." % (what, i)
            )
        filled.append(g)
    return tuple(filled)


def _inputs_and_v(inputs, v, create_graph, fn_name):
    inputs_tuple, inputs = _as_tuple(inputs, "inputs", fn_name)
    inputs = _prepare(inputs, create_graph, need_graph=True)
    if v is not None:
        _, v = _as_tuple(v, "v", fn_name)
        v = _prepare(v, create_graph, need_graph=False)
        _check_v(v, inputs, inputs_tuple)
    elif len(inputs) != 1 or inputs[0].nelement() != 1:
        raise RuntimeError(
            "The vector v can only be None if the input to the user-provided function is a single Tensor with a "
            "single element."
        )
    return inputs_tuple, inputs, v


def vjp(func, inputs, v=None, create_graph=False, strict=False):
    """(func(inputs), vᵀ·J): the vector-Jacobian product at `inputs`."""
    with torch.enable_grad():
        inputs_tuple, inputs = _as_tuple(inputs, "inputs", "vjp")
        inputs = _prepare(inputs, create_graph, need_graph=True)
        outputs_tuple, outputs = _as_tuple(func(*inputs), "outputs of the user-provided function", "vjp")
        _require_grad(outputs, "outputs", strict)
        if v is not None:
            _, v = _as_tuple(v, "v", "vjp")
            v = _prepare(v, create_graph, need_graph=False)
            _check_v(v, outputs, outputs_tuple)
        elif len(outputs) != 1 or outputs[0].nelement() != 1:
            raise RuntimeError(
                "The vector v can only be None if the user-provided function returns a single Tensor with a single "
                "element."
            )
    with torch.set_grad_enabled(True if create_graph else torch.is_grad_enabled()):
        result = _zeros_for_missing(_grad(outputs, inputs, v, create_graph=create_graph), inputs, strict, create_graph, "back")
    return _unpack(_finish(outputs, create_graph), outputs_tuple), _unpack(_finish(result, create_graph), inputs_tuple)


def jvp(func, inputs, v=None, create_graph=False, strict=False):
    """(func(inputs), J·v): the Jacobian-vector product, by differentiating vᵀJ with respect to v."""
    with torch.enable_grad():
        inputs_tuple, inputs, v = _inputs_and_v(inputs, v, create_graph, "jvp")
        outputs_tuple, outputs = _as_tuple(func(*inputs), "outputs of the user-provided function", "jvp")
        _require_grad(outputs, "outputs", strict)
        # Backward is linear in grad_outputs, so any finite value works; zeros keep it cheap.
        grad_outputs = tuple(torch.zeros_like(out, requires_grad=True) for out in outputs)
        grad_inputs = _grad(outputs, inputs, grad_outputs, create_graph=True)
        _require_grad(grad_inputs, "grad_inputs", strict)
    with torch.set_grad_enabled(True if create_graph else torch.is_grad_enabled()):
        raw = _grad(grad_inputs, grad_outputs, v, create_graph=create_graph)
        result = _zeros_for_missing(raw, outputs, strict, create_graph, "back_trick")
    return _unpack(_finish(outputs, create_graph), outputs_tuple), _unpack(_finish(result, create_graph), outputs_tuple)


def jacobian(func, inputs, create_graph=False, strict=False, vectorize=False, strategy="reverse-mode"):
    """The Jacobian of func at inputs: for output i and input j, a tensor of shape out_i.shape + in_j.shape."""
    assert strategy in ("forward-mode", "reverse-mode"), (
        'Expected strategy to be either "forward-mode" or "reverse-mode". Hint: If your function has more outputs '
        'than inputs, "forward-mode" tends to be more performant. Otherwise, prefer to use "reverse-mode".'
    )
    if strategy == "forward-mode":
        raise NotImplementedError(
            'torch.autograd.functional.jacobian: strategy="forward-mode" is not supported in Autograd Playground '
            '(forward-mode AD is not available); use strategy="reverse-mode"'
        )
    if vectorize:
        raise NotImplementedError(
            "torch.autograd.functional.jacobian: vectorize=True is not supported in Autograd Playground; "
            "use vectorize=False"
        )
    with torch.enable_grad():
        inputs_tuple, inputs = _as_tuple(inputs, "inputs", "jacobian")
        inputs = _prepare(inputs, create_graph, need_graph=True)
        outputs_tuple, outputs = _as_tuple(func(*inputs), "outputs of the user-provided function", "jacobian")
        _require_grad(outputs, "outputs", strict)
        rows = []
        for i, out in enumerate(outputs):
            per_input = [[] for _ in inputs]
            flat = out.reshape(-1)
            for k in range(out.nelement()):
                grads = _grad((flat[k],), inputs, retain_graph=True, create_graph=create_graph)
                for j, (g, inp) in enumerate(zip(grads, inputs)):
                    if g is None:
                        if strict:
                            raise RuntimeError(
                                "Output %d of the user-provided function is independent of input %d. This is not "
                                "allowed in strict mode." % (i, j)
                            )
                        g = torch.zeros_like(inp)
                    elif strict and create_graph and not g.requires_grad:
                        raise RuntimeError(
                            "The jacobian of the user-provided function is independent of input %d. This is not "
                            "allowed in strict mode when create_graph=True." % i
                        )
                    per_input[j].append(g)
            rows.append(
                tuple(
                    torch.stack(gs, dim=0).view(tuple(out.size()) + tuple(inputs[j].size()))
                    for j, gs in enumerate(per_input)
                )
            )
        return _unpack2(_finish(tuple(rows), create_graph), outputs_tuple, inputs_tuple)


def hessian(func, inputs, create_graph=False, strict=False, vectorize=False, outer_jacobian_strategy="reverse-mode"):
    """The Hessian of a scalar function: the Jacobian of its gradient."""
    inputs_tuple, inputs = _as_tuple(inputs, "inputs", "hessian")
    assert outer_jacobian_strategy in ("forward-mode", "reverse-mode"), (
        'Expected strategy to be either "forward-mode" or "reverse-mode".'
    )

    def single_output(*inp):
        out = func(*inp)
        out_tuple, t_out = _as_tuple(out, "outputs of the user-provided function", "hessian")
        _require_grad(t_out, "outputs", strict)
        if out_tuple or not isinstance(out, torch.Tensor):
            raise RuntimeError("The function given to hessian should return a single Tensor")
        if out.nelement() != 1:
            raise RuntimeError("The Tensor returned by the function given to hessian should contain a single element")
        return out.squeeze()

    def gradient(*inp):
        jac = jacobian(single_output, inp, create_graph=True)
        _require_grad(jac, "jacobian", strict)
        return jac

    result = jacobian(gradient, inputs, create_graph=create_graph, strict=strict, vectorize=vectorize,
                      strategy=outer_jacobian_strategy)
    return _unpack2(result, inputs_tuple, inputs_tuple)


def _scalar_output(func, inputs, fn_name, strict):
    outputs_tuple, outputs = _as_tuple(func(*inputs), "outputs of the user-provided function", fn_name)
    _require_grad(outputs, "outputs", strict)
    if outputs_tuple or not isinstance(outputs[0], torch.Tensor):
        raise RuntimeError("The function given to %s should return a single Tensor" % fn_name)
    if outputs[0].nelement() != 1:
        raise RuntimeError("The Tensor returned by the function given to %s should contain a single element" % fn_name)
    return outputs_tuple, outputs


def vhp(func, inputs, v=None, create_graph=False, strict=False):
    """(func(inputs), vᵀ·H) for a scalar function."""
    with torch.enable_grad():
        inputs_tuple, inputs, v = _inputs_and_v(inputs, v, create_graph, "vhp")
        outputs_tuple, outputs = _scalar_output(func, inputs, "vhp", strict)
        jac = _grad(outputs, inputs, create_graph=True)
        _require_grad(jac, "jacobian", strict)
    with torch.set_grad_enabled(True if create_graph else torch.is_grad_enabled()):
        raw = _grad(jac, inputs, v, create_graph=create_graph)
        result = _zeros_for_missing(raw, inputs, strict, create_graph, "double_back")
    return _unpack(_finish(outputs, create_graph), outputs_tuple), _unpack(_finish(result, create_graph), inputs_tuple)


def hvp(func, inputs, v=None, create_graph=False, strict=False):
    """(func(inputs), H·v) for a scalar function, by the double backward trick."""
    with torch.enable_grad():
        inputs_tuple, inputs, v = _inputs_and_v(inputs, v, create_graph, "hvp")
        outputs_tuple, outputs = _scalar_output(func, inputs, "hvp", strict)
        jac = _grad(outputs, inputs, create_graph=True)
        _require_grad(jac, "jacobian", strict)
        grad_jac = tuple(torch.zeros_like(inp, requires_grad=True) for inp in inputs)
        double_back = _grad(jac, inputs, grad_jac, create_graph=True)
        _require_grad(jac, "hessian", strict)
    with torch.set_grad_enabled(True if create_graph else torch.is_grad_enabled()):
        raw = _grad(double_back, grad_jac, v, create_graph=create_graph)
        result = _zeros_for_missing(raw, inputs, strict, create_graph, "double_back_trick")
    return _unpack(_finish(outputs, create_graph), outputs_tuple), _unpack(_finish(result, create_graph), inputs_tuple)
